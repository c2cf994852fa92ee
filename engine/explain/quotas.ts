/**
 * Explaining QUOTASPLIT for one period of one annual target from quotas.ts's own reading
 * (readQuotaArgs) and working (quotaWorking): the weight share, the exact part and, with
 * round_to, the part floored to a multiple and whether its remainder earned one more.
 */
import type { Arg } from '../grid';
import { isGrid } from '../grid';
import { quotaWorking, quotasplit, readQuotaArgs } from '../quotas';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, info, result, resultAt } from './steps';

/** QUOTASPLIT(annual, weights, [round_to]) for one element: its annual target's row and its period. */
export function explainQuotasplit(annual: Arg, weights: Arg, roundTo: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(quotasplit(annual, weights, roundTo ?? null), at, 'QUOTASPLIT');
  const args = readQuotaArgs(annual, weights, roundTo ?? null);
  // One annual value spreads along the weights (a row of weights counts along its columns).
  const row = args.single ? 0 : at.row;
  const period = args.single ? (isGrid(weights) && weights.length === 1 ? at.col : at.row) : at.col;
  const working = quotaWorking(args, row);
  const w = args.weights[period];
  const exact = working.exact[period];
  const exactFormula = `${fmt(working.annual)} × ${fmt(w)} / ${fmt(args.weightSum)}`;

  const steps: ExplainStep[] = [
    info('quota.annual', fmt(working.annual), working.annual),
    info('quota.weight', `${fmt(w)} / ${fmt(args.weightSum)}`, w / args.weightSum, { period: period + 1 }),
  ];
  if (args.roundTo === null || working.floors === null || working.extra === null || working.rank === null) {
    steps.push(add('quota.exact', exactFormula, exact));
    steps.push(result('quota.result', fmt(value), value));
    return { function: 'QUOTASPLIT', value, steps };
  }
  const step = fmt(args.roundTo);
  const floored = working.floors[period];
  const rank = working.rank[period];
  steps.push(info('quota.exact', exactFormula, exact));
  steps.push(add('quota.floor', fmt(floored), floored, { step }));
  if (working.extra[period]) {
    steps.push(add('quota.extra', step, args.roundTo, { step, rank, extras: working.extras }));
  } else {
    steps.push(info('quota.noExtra', `${rank} > ${working.extras}`, 0, { step, rank, extras: working.extras }));
  }
  steps.push(result('quota.result', working.extra[period] ? `${fmt(floored)} + ${step}` : fmt(value), value));
  return { function: 'QUOTASPLIT', value, steps };
}
