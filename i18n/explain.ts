/**
 * The words of "explain this cell" in en-US and zh-CN side by side: every step's label (a step
 * is `{ key, params }` plus its formula and amount, see engine/explain/steps.ts), the few
 * formulas that contain words, and the lines the CLI and the task pane put around the steps.
 *
 * Numbers arrive formatted ("20,000", "7%"): they are written the same in both languages.
 * Symbols (x, y, λ, λmax, CI, CR, RI, α, κ, s, r'(x), A·w) and KPI are the same in both too.
 */
import explain from './messages/explain.json';
import type { ExplainMessages } from './generated/messages';

/**
 * The keys run in sections: How a step is printed; TIERED; REBATE (its tiers read as TIERED's);
 * CREDIT; POOL; QUOTASPLIT; CURVE (and the curve part of PAYOUT); PAYOUT; SCORECARD; AHP; PAYBACK;
 * ALLOCATE; Formulas with words; Around the steps (perfplan explain, the task pane).
 *
 * Notes on keys:
 *   - line: "+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600"
 *   - separator: Between a label and its formula where the pane lays them out apart.
 *   - position.row: Where a cell sits in the array its anchor spilled: "row 2", "column 3",
 *     "row 2, column 3".
 *   - cell.error: An error the function gives for the explained element: "#NUM! amount cannot
 *     be negative; got -5".
 */
export const EXPLAIN = explain as ExplainMessages;

export type ExplainKey = keyof typeof EXPLAIN;
