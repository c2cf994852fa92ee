/**
 * Explaining TIERED and PAYOUT from payouts.ts's own reading of the arguments
 * (readTieredArgs, readPayoutArgs) and its own working (tieredWorking; passesGate,
 * cappedFactor and payoutAmount).
 */
import { Arg, broadcastElement, isBlankArg } from '../grid';
import {
  NO_CAP,
  NO_GATE,
  TierMethod,
  Tiers,
  cappedFactor,
  passesGate,
  payout,
  payoutAmount,
  readPayoutArgs,
  readTieredArgs,
  tiered,
  tieredWorking,
} from '../payouts';
import { curveReading } from './scoring';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, formatPercent as pct, info, result, resultAt, words } from './steps';

// ---------------------------------------------------------------------------------------
// TIERED
// ---------------------------------------------------------------------------------------

/** "20,000 to 50,000", or "50,000 and above" for the top tier. */
function tierRange({ thresholds }: Tiers, i: number) {
  return i === thresholds.length - 1
    ? words('tiered.range.above', { from: fmt(thresholds[i]) })
    : words('tiered.range.between', { from: fmt(thresholds[i]), to: fmt(thresholds[i + 1]) });
}

/**
 * The working of one amount on tiers (TIERED, and REBATE on its level's column): the method,
 * the tier reached and one add step per slice; `parts` are the slices as the result sums them.
 */
export function tierSteps(tiers: Tiers, x: number, method: TierMethod): { steps: ExplainStep[]; parts: string[] } {
  const { reached, slices } = tieredWorking(tiers, x, method);
  const steps: ExplainStep[] = [
    info(method === 'marginal' ? 'tiered.method.marginal' : 'tiered.method.retro', method, 0),
    info('tiered.reached', `${fmt(x)} ≥ ${fmt(tiers.thresholds[reached])}`, tiers.thresholds[reached], {
      tier: reached + 1,
      range: tierRange(tiers, reached),
    }),
  ];
  const parts: string[] = [];
  for (const slice of slices) {
    // An empty slice above the first adds nothing worth a line (the amount sits on a threshold).
    if (method === 'marginal' && slice.width === 0 && slice.tier > 0) continue;
    const formula = `${fmt(slice.width)} × ${pct(slice.rate)}`;
    steps.push(
      method === 'marginal'
        ? add('tiered.slice', formula, slice.earned, { tier: slice.tier + 1, range: tierRange(tiers, slice.tier) })
        : add('tiered.retro', formula, slice.earned, { tier: slice.tier + 1 }),
    );
    parts.push(fmt(slice.earned));
  }
  return { steps, parts };
}

/** TIERED(amount, tiers, [method]): one slice per tier (marginal), or the reached rate × amount (retro). */
export function explainTiered(amount: Arg, tiers: Arg, method: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(tiered(amount, tiers, method ?? null), at, 'TIERED');
  const args = readTieredArgs(amount, tiers, method);
  const x = broadcastElement(args.amounts, at.row, at.col)!;
  const { steps, parts } = tierSteps(args.tiers, x, args.method);
  steps.unshift(info('tiered.amount', fmt(x), x));
  steps.push(result('tiered.result', parts.join(' + '), value));
  return { function: 'TIERED', value, steps };
}

// ---------------------------------------------------------------------------------------
// PAYOUT
// ---------------------------------------------------------------------------------------

/** PAYOUT(attainment, curve, target_incentive, [gate], [cap]): gate, curve factor, cap, × target. */
export function explainPayout(
  attainmentArg: Arg,
  curveTable: Arg,
  targetIncentive: Arg,
  gate: Arg,
  cap: Arg,
  at: ExplainAt = ORIGIN,
): Explanation {
  const value = resultAt(payout(attainmentArg, curveTable, targetIncentive, gate ?? null, cap ?? null), at, 'PAYOUT');
  const { curve, elements } = readPayoutArgs(attainmentArg, curveTable, targetIncentive, gate, cap);
  const [a, target, gateCell, capCell] = elements.map((e) => broadcastElement(e, at.row, at.col));
  const gateValue = gateCell ?? NO_GATE;
  const steps: ExplainStep[] = [info('payout.attainment', pct(a!), a!), info('payout.target', fmt(target!), target!)];
  if (!passesGate(a!, gateValue)) {
    steps.push(info('payout.gateNotReached', `${pct(a!)} < ${pct(gateValue)}`, gateValue));
    steps.push(add('payout.belowGate', '0', 0));
    steps.push(result('payout.result', '0', value));
    return { function: 'PAYOUT', value, steps };
  }
  const defaultGate = gateCell === null && isBlankArg(gate ?? null);
  steps.push(info(defaultGate ? 'payout.gateDefaultPassed' : 'payout.gatePassed', `${pct(a!)} ≥ ${pct(gateValue)}`, gateValue));
  const reading = curveReading(curve, a!, 'linear', pct, pct);
  steps.push(...reading.steps);
  const factor = reading.y;
  steps.push(
    info('payout.factor', reading.parts.length > 1 ? `${reading.parts.map((p) => pct(p.amount)).join(' + ')} = ${pct(factor)}` : pct(factor), factor),
  );
  const paid = cappedFactor(factor, capCell ?? NO_CAP);
  if (capCell === null) steps.push(info('payout.noCap', words('formula.none'), factor));
  else if (paid !== factor) steps.push(info('payout.capBinds', `min(${pct(capCell)}, ${pct(factor)}) = ${pct(paid)}`, capCell));
  else steps.push(info('payout.capDoesNotBind', `${pct(factor)} ≤ ${pct(capCell)}`, capCell));
  const amount = payoutAmount(curve, a!, target!, gateValue, capCell ?? NO_CAP);
  steps.push(add('payout.amount', `${fmt(target!)} × ${pct(paid)}`, amount));
  steps.push(result('payout.result', fmt(amount), value));
  return { function: 'PAYOUT', value, steps };
}
