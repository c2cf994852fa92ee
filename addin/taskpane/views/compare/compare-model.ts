/**
 * The Compare plans view's pure parts: the waterfall of the total (plan A's total, the gains
 * and losses of the people in both, the joiners and leavers, plan B's total) and the texts of
 * the issues and problems calc/compare.ts and addin/office/compare-plans.ts report.
 */
import type { CeilingCheck, CellProblem, Comparison } from '../../../../calc/compare';
import { ACTUAL_PREFIX, CEILING_PREFIX, sum } from '../../../../calc/compare';
import type { COMPARE } from '../../../../i18n/pane-outputs';
import type { ColumnsIssue } from '../../../office/compare-plans';
import type { Translate } from '../../locale';

type T = Translate<typeof COMPARE>;

export type BarId = 'a' | 'gains' | 'losses' | 'joiners' | 'leavers' | 'b';

export interface WaterfallBar {
  id: BarId;
  /** Where the bar starts and ends on the value axis (a total starts at 0). */
  from: number;
  to: number;
  /** The bar's amount: the total, or the step (negative for a loss). */
  value: number;
  total: boolean;
}

/**
 * The waterfall: A, then each step added to the running total, then B. The steps add up to B
 * (calc/compare.ts splits the total Δ into people in both, joiners and leavers; the people in
 * both split again into gains and losses).
 */
export function waterfall(comparison: Comparison): WaterfallBar[] {
  const { totals } = comparison;
  const gains = sum(comparison.winners.map((p) => p.delta));
  const losses = sum(comparison.losers.map((p) => p.delta));
  const bars: WaterfallBar[] = [{ id: 'a', from: 0, to: totals.a, value: totals.a, total: true }];
  let running = totals.a;
  for (const [id, value] of [
    ['gains', gains],
    ['losses', losses],
    ['joiners', totals.deltaJoiners],
    ['leavers', totals.deltaLeavers],
  ] as const) {
    bars.push({ id, from: running, to: sum([running, value]), value, total: false });
    running = sum([running, value]);
  }
  bars.push({ id: 'b', from: 0, to: totals.b, value: totals.b, total: true });
  return bars;
}

/** The value axis of a waterfall: from min(0, …) to max(0, …) over every bar's ends. */
export function waterfallDomain(bars: readonly WaterfallBar[]): { min: number; max: number } {
  const ends = bars.flatMap((b) => [b.from, b.to]);
  const min = Math.min(0, ...ends);
  const max = Math.max(0, ...ends);
  return max === min ? { min, max: min + 1 } : { min, max };
}

/** An issue's text is `issue.<kind>`: one selection's address, or both columns' addresses, filled in. */
export function issueText(t: T, issue: ColumnsIssue): string {
  switch (issue.kind) {
    case 'notAddress':
    case 'noSheet':
    case 'notOneColumn':
      return t(`issue.${issue.kind}`, { address: issue.address });
    case 'differentSheets':
    case 'differentRows':
      return t(`issue.${issue.kind}`, { keys: issue.keys, values: issue.values });
  }
}

/** A problem's text is `problem.<kind>`, with the cells (and what is wrong in them) filled in. */
export function problemText(t: T, problem: CellProblem): string {
  switch (problem.kind) {
    case 'error':
      return t('problem.error', { cell: problem.cell, code: problem.code });
    case 'blank':
    case 'text':
    case 'logical':
      return t(`problem.${problem.kind}`, { cell: problem.cell });
    case 'keyBlank':
      return t('problem.keyBlank', { cell: problem.cell, valueCell: problem.valueCell });
    case 'keyTwice':
      return t('problem.keyTwice', { key: problem.key, cells: problem.cells.join(', ') });
  }
}

/** A ceiling's verdict in one plan: "28% ≤ 30%, within", "… over the ceiling", or what is missing. */
export function ceilingText(t: T, check: CeilingCheck, show: (value: number) => string): string {
  switch (check.state) {
    case 'within':
      return t('ceilingWithin', { actual: show(check.actual), ceiling: show(check.ceiling) });
    case 'over':
      return t('ceilingOver', { actual: show(check.actual), ceiling: show(check.ceiling) });
    case 'absent':
    case 'noCeiling':
      return t('ceilingMissing', { name: `${CEILING_PREFIX}${check.label}` });
    case 'noActual':
      return t('ceilingMissing', { name: `${ACTUAL_PREFIX}${check.label}` });
    case 'notNumber':
      return t('ceilingNotNumber', { name: check.name, cell: check.cell });
    case 'notCell':
      return t('ceilingNotCell', { name: check.name });
  }
}
