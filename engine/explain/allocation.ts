/**
 * Explaining ALLOCATE for one channel from allocation.ts's own reading of the arguments
 * (readAllocateArgs), its curve (responseAt, inflection) and its reading of the result
 * against the optimality conditions (allocationReading: at a bound, or inside at λ).
 */
import { allocate, allocationReading, inflection, readAllocateArgs, responseAt } from '../allocation';
import type { Arg } from '../grid';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, info, result, resultAt, words } from './steps';

/** ALLOCATE(...) for one channel (row): its spend, response, marginal return vs λ, bounds. */
export function explainAllocate(budget: Arg, curves: Arg, minimums: Arg, maximums: Arg, at: ExplainAt = ORIGIN): Explanation {
  const spends = allocate(budget, curves, minimums ?? null, maximums ?? null);
  const value = resultAt(spends, at, 'ALLOCATE');
  const args = readAllocateArgs(budget, curves, minimums, maximums);
  const x = spends.map((row) => row[0] as number);
  const { channels, lambda } = allocationReading(args, x);
  const j = at.row;
  const c = args.curves[j];
  const lo = args.mins[j];
  const hi = args.maxs[j];
  const { atMin, atMax, marginal: own } = channels[j];
  const channel = j + 1;

  const steps: ExplainStep[] = [
    info('allocate.budget', fmt(args.budget), args.budget),
    info('allocate.channel', `α = ${fmt(c.alpha)}, κ = ${fmt(c.kappa)}, s = ${fmt(c.shape)}`, c.alpha, { channel, k: args.curves.length }),
    info('allocate.bounds', `${fmt(lo)} ≤ x ≤ ${fmt(hi)}`, lo, { channel }),
  ];
  if (c.shape > 1) {
    steps.push(
      info('allocate.inflection', `${fmt(c.kappa)} × ((${fmt(c.shape)} − 1) / (${fmt(c.shape)} + 1))^(1/${fmt(c.shape)})`, inflection(c)),
    );
  }
  if (lo > 0) steps.push(add('allocate.minimum', fmt(lo), lo));
  const above = lo > 0 ? value - lo : value;
  const aboveFormula = lo > 0 ? `${fmt(value)} − ${fmt(lo)}` : fmt(value);
  if (atMin) {
    if (lo === 0) steps.push(add('allocate.nothing', '0', value));
    else if (above !== 0) steps.push(add('allocate.rounding', aboveFormula, above));
  } else if (atMax) {
    steps.push(add(lo > 0 ? 'allocate.aboveMinimumToMaximum' : 'allocate.toMaximum', aboveFormula, above));
  } else {
    steps.push(add(lo > 0 ? 'allocate.aboveMinimumAtLambda' : 'allocate.atLambda', aboveFormula, above));
  }
  steps.push(
    info(
      'allocate.response',
      `${fmt(c.alpha)} × ${fmt(value)}^${fmt(c.shape)} / (${fmt(c.kappa)}^${fmt(c.shape)} + ${fmt(value)}^${fmt(c.shape)})`,
      responseAt(c, value),
    ),
  );
  steps.push(info('allocate.marginal', `r'(${fmt(value)})`, own));
  if (lambda !== null) {
    const inside = channels.filter((ch) => !ch.atMin && !ch.atMax).map((ch) => fmt(ch.marginal));
    steps.push(info('allocate.lambda', words('formula.mean', { values: inside.join(', ') }), lambda));
  }
  if (atMin) {
    steps.push(info('allocate.lowerBound', lambda === null ? `x = ${fmt(lo)}` : `r' = ${fmt(own)} ≤ λ = ${fmt(lambda)}`, lo));
  } else if (atMax) {
    steps.push(info('allocate.upperBound', lambda === null ? `x = ${fmt(hi)}` : `r' = ${fmt(own)} ≥ λ = ${fmt(lambda)}`, hi));
  } else {
    steps.push(info('allocate.inside', `r' = ${fmt(own)} = λ`, own));
  }
  steps.push(info('allocate.total', `Σx = ${x.map(fmt).join(' + ')} = ${fmt(args.budget)}`, args.budget));
  steps.push(result('allocate.result', fmt(value), value, { channel }));
  return { function: 'ALLOCATE', value, steps };
}
