/**
 * The Runs view (issue 13 item 5): submitting the open workbook as a payout run, watching it,
 * its people's statements, approving or rejecting it, and the payroll file — en-US and zh-CN
 * side by side (its own catalog, so the lazily loaded view carries only its own words).
 * Finance words follow the glossary (terms.ts): payout 奖金.
 */
import paneRuns from './messages/pane-runs.json';
import type { PaneRunsMessages } from './generated/messages';

/**
 * The keys run in sections: Signing in; Submitting; The list; Statuses; One run; Statements;
 * Deciding; History (the audit); Payroll.
 *
 * Notes on keys:
 *   - level.*: The default approval levels' names as the API sends them (configured
 *     names are shown as they are).
 */
export const RUNS = paneRuns as PaneRunsMessages;

export type RunsKey = keyof typeof RUNS;
