/**
 * "Explain this cell" by function name, for the task pane and `perfplan explain`: the catalog
 * entry says whether a function has an explanation and how many arguments it takes; the
 * working itself is the engine's (engine/explain).
 */
import { ExplainAt, Explanation, ORIGIN } from '../engine/explain';
import { valueError } from '../engine/errors';
import type { Arg } from '../engine/grid';
import { ERRORS } from '../i18n/errors';
import { CATALOG, catalogFunction } from './index';
import { EngineFunction, isEngineFunction } from './types';

/** The functions "Explain this cell" supports, by catalog name. */
export const EXPLAINABLE_FUNCTIONS: readonly string[] = CATALOG.filter((fn) => isEngineFunction(fn) && fn.explain).map((fn) => fn.id);

function explainable(name: string): EngineFunction | undefined {
  const fn = catalogFunction(name.trim().replace(/^PERF\./i, ''));
  return fn && isEngineFunction(fn) && fn.explain ? fn : undefined;
}

export function isExplainable(name: string): boolean {
  return explainable(name) !== undefined;
}

/**
 * Explains element `at` of PERF.`name`(...args), args as Excel passes them. An unsupported
 * function or too many arguments → #VALUE!; an error of the function itself is thrown as is.
 */
export function explainCall(name: string, args: Arg[], at: ExplainAt = ORIGIN): Explanation {
  const fn = explainable(name);
  if (!fn) {
    const bare = name.trim().toUpperCase().replace(/^PERF\./, '');
    throw valueError(ERRORS.explainUnsupported, { fn: bare, supported: EXPLAINABLE_FUNCTIONS.map((f) => `PERF.${f}`).join(', ') });
  }
  const count = fn.parameters.length;
  if (args.length > count) throw valueError(ERRORS.explainArity, { fn: fn.id, max: count, got: args.length });
  const padded: Arg[] = Array.from({ length: count }, (_, i) => (i < args.length ? (args[i] ?? null) : null));
  return fn.explain!(padded, at);
}
