/**
 * Explaining REBATE from rebates.ts's own reading (readRebateArgs: the ladder, the level of
 * the element) and TIERED's working on that level's column of rates (tierSteps).
 */
import { Arg, broadcastElement } from '../grid';
import { readRebateArgs, rebate } from '../rebates';
import { tierSteps } from './payouts';
import { ExplainAt, Explanation, ORIGIN, formatNumber as fmt, info, result, resultAt } from './steps';

/** REBATE(amount, ladder, level, [method]) for one element. */
export function explainRebate(amount: Arg, ladder: Arg, level: Arg, method: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(rebate(amount, ladder, level, method ?? null), at, 'REBATE');
  const args = readRebateArgs(amount, ladder, level, method ?? null);
  const x = broadcastElement(args.amounts, at.row, at.col)!;
  const l = broadcastElement(args.levels, at.row, at.col)!;
  // The ladder's first column holds the thresholds: level l sits in column l + 2.
  const column = l + 2;
  const { steps, parts } = tierSteps(args.ladder.tiers[l], x, args.method);
  steps.unshift(info('tiered.amount', fmt(x), x), info('rebate.level', fmt(column), column, { level: args.ladder.levels[l] }));
  steps.push(result('rebate.result', parts.join(' + '), value));
  return { function: 'REBATE', value, steps };
}
