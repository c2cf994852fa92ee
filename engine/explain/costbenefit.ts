/**
 * Explaining PAYBACK from costbenefit.ts's own reading of the arguments (readPaybackArgs) and
 * its own walk (paybackWorking): one line per period, then the whole periods and the fraction
 * that payback() adds.
 */
import { PaybackArgs, payback, paybackWorking, readPaybackArgs } from '../costbenefit';
import type { Arg } from '../grid';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, formatPercent as pct, info, result, resultAt, words } from './steps';

/** The flow of period t as it was discounted: "300" or "300 / 1.1^1". */
function flowText({ flows, rate }: PaybackArgs, t: number): string {
  return rate === 0 ? fmt(flows[t]) : `${fmt(flows[t])} / ${fmt(1 + rate)}^${t}`;
}

/** PAYBACK(cashflows, [rate]): cumulative (discounted) cash flow by period, then the fraction. */
export function explainPayback(cashflows: Arg, rate: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt([[payback(cashflows, rate ?? null)]], at, 'PAYBACK');
  const args = readPaybackArgs(cashflows, rate);
  const { periods, whole, fraction } = paybackWorking(args);
  const discounted = args.rate !== 0;
  const cumulative = words(discounted ? 'payback.cumulativeDiscounted' : 'payback.cumulative');
  const steps: ExplainStep[] = [];
  if (discounted) steps.push(info('payback.rate', pct(args.rate), args.rate));
  const [start, ...later] = periods;
  steps.push(info('payback.start', flowText(args, 0), start.cumulative, { cumulative }));
  if (later.length === 0) {
    steps.push(add('payback.paidAtStart', '0', whole + fraction));
    steps.push(result('payback.result', '0', value));
    return { function: 'PAYBACK', value, steps };
  }
  for (const { t, before, cumulative: after } of later) {
    const formula = `${fmt(before)} + ${flowText(args, t)}`;
    steps.push(info(after < 0 ? 'payback.notYet' : 'payback.turns', formula, after, { t, cumulative }));
  }
  const last = later[later.length - 1];
  steps.push(add('payback.whole', `${whole}`, whole, { t: last.t }));
  const fractionKey = discounted ? 'payback.fractionDiscounted' : 'payback.fraction';
  steps.push(add(fractionKey, `${fmt(-last.before)} / ${fmt(last.flow)}`, fraction, { t: last.t }));
  steps.push(result('payback.result', `${whole} + ${fmt(fraction)}`, value));
  return { function: 'PAYBACK', value, steps };
}
