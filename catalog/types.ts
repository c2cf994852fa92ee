/**
 * What a catalog entry declares about a PERF function — once, for every face: Excel's
 * metadata (functions.json in both languages), the Excel and HyperFormula adapters, the
 * README's function table and the spec's signature lines are all derived from it.
 */
import type * as EngineExplain from '../engine/explain';
import type { Arg, ResultGrid } from '../engine/grid';
import type { Text } from '../i18n';
import type { OptionCode } from '../i18n/options';
import type { ShapeRule } from './shapes';

/** An explainer of engine/explain.ts by its export name: explainTiered. */
export type ExplainerName = Extract<keyof typeof EngineExplain, `explain${string}`>;

export type Category = 'weights' | 'scoring' | 'payouts' | 'crediting' | 'costbenefit' | 'allocation' | 'simulation' | 'channels' | 'benchmarks';

export interface Parameter {
  /** As Excel shows it in the formula's tooltip: amount, target_incentive. */
  name: string;
  /** A range (2-D array, also a single cell) or a single value. */
  kind: 'range' | 'value';
  optional: boolean;
  description: Text;
  /** A text option: the codes it accepts (each also by its names in i18n/options.ts). */
  options?: readonly OptionCode[];
}

interface Common {
  /** Excel id and name: TIERED (shown as PERF.TIERED). */
  id: string;
  category: Category;
  description: Text;
  parameters: Parameter[];
  /** The README's function table: an example formula and what it gives (English, as the README is). */
  readme: { example: string; result: string };
}

/** A function computed by the engine; omitted optional arguments arrive as null. */
export interface EngineFunction extends Common {
  result: { kind: 'range'; shape: ShapeRule } | { kind: 'number' };
  call: (...args: Arg[]) => ResultGrid | number;
  /**
   * "Explain this cell": the engine's explainer (an export of engine/explain.ts), called with
   * the same arguments, one per parameter, then the element `at` of the result (catalog/explain.ts).
   * Named rather than imported, so the custom functions' bundle carries no explain code.
   */
  explain?: ExplainerName;
}

/** A function answered by a service (PERF.BENCHMARK): each adapter supplies how it asks. */
export interface ServiceFunction extends Common {
  result: { kind: 'number' };
  service: 'benchmark';
}

export type CatalogFunction = EngineFunction | ServiceFunction;

export function isEngineFunction(fn: CatalogFunction): fn is EngineFunction {
  return 'call' in fn;
}

/** A required range argument. */
export function range(name: string, description: Text): Parameter {
  return { name, kind: 'range', optional: false, description };
}

/** A required single-value argument. */
export function value(name: string, description: Text): Parameter {
  return { name, kind: 'value', optional: false, description };
}

/** A text option (a single value): the codes it accepts, each also by its names in either language. */
export function choice(name: string, options: readonly OptionCode[], description: Text): Parameter {
  return { name, kind: 'value', optional: false, description, options };
}

/** Marks a parameter optional ([name] in the signature; null when omitted). */
export function optional(parameter: Parameter): Parameter {
  return { ...parameter, optional: true };
}

/** The signature as the README and the spec write it: TIERED(amount, tiers, [method]). */
export function signature(fn: CatalogFunction): string {
  return `${fn.id}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}
