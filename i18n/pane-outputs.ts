/**
 * The pane's payout-run outputs (issue 12): the Compare plans view, in en-US and zh-CN side by
 * side. Finance words follow the glossary (terms.ts). The CLI's words for the same things are
 * in outputs.ts (新加入 / 已离开, 合计, Δ); on screen the Chinese names the two plans 原方案 and
 * 新方案 rather than A and B.
 */
import paneOutputsCompare from './messages/pane-outputs-compare.json';
import paneOutputsStatementView from './messages/pane-outputs-statement-view.json';
import type { PaneOutputsCompareMessages, PaneOutputsStatementViewMessages } from './generated/messages';

export const COMPARE = paneOutputsCompare as PaneOutputsCompareMessages;

/** The Statements view: the statement of the person in the selected row, and the payroll export. */
export const STATEMENT_VIEW = paneOutputsStatementView as PaneOutputsStatementViewMessages;
