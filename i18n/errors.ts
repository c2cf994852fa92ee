/**
 * Every message a PERF error can carry, in en-US and zh-CN side by side. The engine raises an
 * error as a code, one of these texts and its parameters (engine/errors.ts); adapters render
 * it in the user's locale with `error.localized(locale)`. The en-US templates are the
 * engine's messages exactly as they have always read.
 *
 * Parameters: `name` is an argument name as the user sees it in the formula; `what` and
 * `where` are places (a name, or a phrase from glossary.ts PLACES such as "tiers, row 4");
 * `got` is the offending number; `value` a described value (a number, TRUE, or text "…").
 * Chinese follows the convention of the add-in's earlier translations: no space between an
 * argument name and the Chinese after it ("amount，第 3 行为空").
 */
import errors from './messages/errors.json';
import type { ErrorsMessages } from './generated/messages';

/**
 * The keys run in sections: Reading arguments (engine/grid.ts); Domains shared by several
 * functions; Payouts; Crediting, pools, targets and rebates (CREDIT, POOL, QUOTASPLIT, REBATE);
 * Scoring; Weights; Cost-benefit; Allocation; Channels; Benchmarks; Simulation; Explain
 * (engine/explain); Raised by adapters around the engine.
 *
 * Notes on keys:
 *   - inputCellHolds: An error value arriving as an argument (the cell shows it).
 *   - formulaHolds: An error constant typed in the formula itself (=PERF.TIERED(#N/A, …)).
 *   - external: A message written outside PerfPlan (another formula engine's error, an HTTP
 *     reason), passed on as it is: there is no Chinese for what we did not write.
 */
export const ERRORS = errors as ErrorsMessages;

export type ErrorKey = keyof typeof ERRORS;
