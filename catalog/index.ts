/**
 * THE catalog of PERF functions, in the order Excel lists them. Each function is declared
 * once, in its family's file (its descriptions in both languages in the function dictionary,
 * i18n/messages/functions.json); everything else (Excel's metadata in both languages, the
 * adapters, the README table, the spec's signature lines) is derived from this list.
 */
import { ALLOCATION } from './allocation';
import { BENCHMARKS } from './benchmarks';
import { CHANNELS } from './channels';
import { COSTBENEFIT } from './costbenefit';
import { CREDITING } from './crediting';
import { PAYOUTS } from './payouts';
import { SCORING } from './scoring';
import { SIMULATION } from './simulation';
import type { CatalogFunction } from './types';
import { WEIGHTS } from './weights';

export * from './types';
export type { ArgumentInfo, Shape, ShapeRule } from './shapes';

export const CATALOG: readonly CatalogFunction[] = [...WEIGHTS, ...SCORING, ...PAYOUTS, ...CREDITING, ...COSTBENEFIT, ...ALLOCATION, ...SIMULATION, ...CHANNELS, ...BENCHMARKS];

/** The add-in's custom-function namespace (manifest): PERF.TIERED. */
export const NAMESPACE = 'PERF';

const BY_ID = new Map(CATALOG.map((fn) => [fn.id, fn]));

export function catalogFunction(id: string): CatalogFunction | undefined {
  return BY_ID.get(id.toUpperCase());
}
