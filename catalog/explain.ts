/**
 * "Explain this cell" by function name, for the task pane and `perfplan explain`: the catalog
 * entry says whether a function has an explanation and how many arguments it takes; the
 * working itself is the engine's (engine/explain), whose explainer the entry names. Only this
 * module imports the explainers: the custom functions (functions.js) load the catalog without them.
 */
import * as EXPLAINERS from '../engine/explain';
import { type ExplainAt, type Explanation, ORIGIN } from '../engine/explain';
import { valueError } from '../engine/errors';
import type { Arg } from '../engine/grid';
import { ERRORS } from '../i18n/errors';
import { CATALOG, catalogFunction } from './index';
import { EngineFunction, ExplainerName, isEngineFunction } from './types';

/** What every explainer is: the function's arguments, one per parameter, then the element to explain. */
type Explainer = (...argsThenAt: unknown[]) => Explanation;
// Each named explainer returns an Explanation (checked here, where they are imported).
const _checked: Record<ExplainerName, (...args: never[]) => Explanation> = EXPLAINERS;
void _checked;

function explainer(name: ExplainerName): Explainer {
  return EXPLAINERS[name] as Explainer;
}

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
  return explainer(fn.explain!)(...padded, at);
}
