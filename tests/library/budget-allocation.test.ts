/**
 * The built-in budget-allocation template (plan rules on budget and channels), in English and in Chinese: the reserve
 * pool, an allocation that is optimal by the equal-marginal-return conditions (checked, and
 * re-solved here by plain bisection), response/ROI per channel, the CAC re-allocation
 * example and the monthly alerts — all against arithmetic done in this test. The contract
 * every template keeps is tested once for all of them (contract.test.ts).
 */
import ExcelJS from 'exceljs';
import { BUDGET, CHANNELS, EXAMPLE, LOW_ROI, RESERVE_RATE, THRESHOLDS, TRACKING, WORDS, budgetAllocation, budgetAllocationZh } from '../../library/templates/budget-allocation';
import { names, ruleValues, storedFormula } from './support/built';
import { describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';

const CH_FIRST = 10;
const TR_FIRST = 9;
const EX_FIRST = 9;
const ALLOCATABLE = BUDGET * (1 - RESERVE_RATE);

/** r(x) = α·x^s/(κ^s + x^s). */
const response = ([, , a, k, s]: (typeof CHANNELS)[number], x: number) => (a * x ** s) / (k ** s + x ** s);
/** r'(x) = α·s·κ^s·x^(s−1)/(κ^s + x^s)². */
const marginal = ([, , a, k, s]: (typeof CHANNELS)[number], x: number) => (a * s * k ** s * x ** (s - 1)) / (k ** s + x ** s) ** 2;

/**
 * The optimum by the KKT conditions, solved independently of the engine: for a price λ each
 * channel spends where r' = λ (clamped to its bounds; r' falls with x as every s ≤ 1), and
 * λ is bisected (in log space) until the spends add up to the budget.
 */
function allocateByBisection(budget: number): number[] {
  const spendAt = (lambda: number) =>
    CHANNELS.map((channel) => {
      const [, , , , , lo, hi] = channel;
      if (marginal(channel, lo) <= lambda) return lo;
      if (marginal(channel, hi) >= lambda) return hi;
      let a = lo;
      let b = hi;
      for (let i = 0; i < 200; i++) {
        const mid = (a + b) / 2;
        if (marginal(channel, mid) > lambda) a = mid;
        else b = mid;
      }
      return (a + b) / 2;
    });
  let lo = Math.log(1e-6);
  let hi = Math.log(1e6);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const total = spendAt(Math.exp(mid)).reduce((s, x) => s + x, 0);
    if (total > budget) lo = mid;
    else hi = mid;
  }
  return spendAt(Math.exp((lo + hi) / 2));
}


describeEachLanguage({
  'en-US': [budgetAllocation, { plan: 'Plan', example: 'Example', tracking: 'Tracking', summary: 'Summary' }],
  'zh-CN': [budgetAllocationZh, { plan: '方案', example: '示例', tracking: '跟踪', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {
  const allocation = () => CHANNELS.map((_, i) => json[`${S.plan}!G${CH_FIRST + i}`] as number);
  const word = (key: keyof typeof WORDS) => WORDS[key][locale];
  const BOUND: Record<string, string> = { min: word('atMin'), max: word('atMax'), interior: word('interior') };

  it('keeps a 15% reserve pool and allocates the other 85% (budget.reserve-15)', () => {
    expectClose(json[`${S.plan}!B5`], BUDGET * RESERVE_RATE);
    expectClose(json[`${S.plan}!B6`], ALLOCATABLE);
    expectClose(json[`${S.summary}!B3`], BUDGET * 0.15);
    expectClose(json[`${S.summary}!B4`], BUDGET * 0.85);
  });

  describe('PERF.ALLOCATE is optimal over the allocatable budget (budget.roi-driven-allocation)', () => {
    it('sums to the allocatable budget and respects every min/max', () => {
      const x = allocation();
      expectClose(x.reduce((s, v) => s + v, 0), ALLOCATABLE, 1e-12);
      expectClose(json[`${S.summary}!B5`], ALLOCATABLE, 1e-12);
      CHANNELS.forEach(([, , , , , lo, hi], i) => {
        expect(x[i]).toBeGreaterThanOrEqual(lo - 1e-6);
        expect(x[i]).toBeLessThanOrEqual(hi + 1e-6);
      });
    });

    it('gives interior channels equal marginal response; channels at a bound satisfy the KKT sign', () => {
      const x = allocation();
      const at = x.map((v, i) => (v <= CHANNELS[i][5] + 0.5 ? 'min' : v >= CHANNELS[i][6] - 0.5 ? 'max' : 'interior'));
      // The sample is meant to show all three cases.
      expect(at.filter((s) => s === 'interior').length).toBeGreaterThanOrEqual(2);
      expect(at).toEqual(expect.arrayContaining(['min', 'max']));
      const interior = x.map((v, i) => marginal(CHANNELS[i], v)).filter((_, i) => at[i] === 'interior');
      const lambda = interior[0];
      for (const m of interior) expectClose(m, lambda, 1e-7);
      x.forEach((v, i) => {
        if (at[i] === 'min') expect(marginal(CHANNELS[i], v)).toBeLessThanOrEqual(lambda);
        if (at[i] === 'max') expect(marginal(CHANNELS[i], v)).toBeGreaterThanOrEqual(lambda);
        // Column K shows the same marginal return, column L the bound.
        expectClose(json[`${S.plan}!K${CH_FIRST + i}`], marginal(CHANNELS[i], v));
        expect(json[`${S.plan}!L${CH_FIRST + i}`]).toBe(BOUND[at[i]]);
      });
    });

    it('equals an independent bisection on the marginal-return price', () => {
      const expected = allocateByBisection(ALLOCATABLE);
      allocation().forEach((v, i) => expectClose(v, expected[i], 1e-9));
    });
  });

  it('computes share, expected revenue (PERF.RESPONSE), ROI and the low-ROI flag per channel (cost.low-roi-3)', () => {
    const x = allocateByBisection(ALLOCATABLE);
    let revenue = 0;
    CHANNELS.forEach((channel, i) => {
      const r = CH_FIRST + i;
      const expectedRevenue = response(channel, x[i]);
      revenue += expectedRevenue;
      expectClose(json[`${S.plan}!H${r}`], x[i] / ALLOCATABLE, 1e-8);
      expectClose(json[`${S.plan}!I${r}`], expectedRevenue, 1e-8);
      expectClose(json[`${S.plan}!J${r}`], expectedRevenue / x[i], 1e-8);
      expect(json[`${S.plan}!M${r}`]).toBe(expectedRevenue / x[i] < LOW_ROI ? word('low') : 'OK');
    });
    expectClose(json[`${S.summary}!B6`], revenue, 1e-8);
    expectClose(json[`${S.summary}!B7`], revenue / ALLOCATABLE, 1e-8);
    const low = CHANNELS.filter((c, i) => response(c, x[i]) / x[i] < 3).length;
    expect(low).toBeGreaterThan(0); // the sample shows a flagged channel
    expect(json[`${S.summary}!B8`]).toBe(low);
    // The summary block feeding the chart mirrors the plan.
    CHANNELS.forEach(([en, zh], i) => {
      expect(json[`${S.summary}!A${16 + i}`]).toBe(locale === 'en-US' ? en : zh);
      expectClose(json[`${S.summary}!B${16 + i}`], x[i], 1e-9);
    });
  });

  it('reproduces the CAC-driven re-allocation example: short video 20% → 40%, live 35% → 25% at 60% CAC (budget.roi-driven-allocation)', () => {
    const { cac: cacs, before: shares, after: newShares } = EXAMPLE;
    expectClose(json[`${S.example}!B3`], cacs[0] / cacs[1]);
    expect(cacs[0] / cacs[1]).toBeCloseTo(0.6, 12);
    expect([shares[0], newShares[0], shares[1], newShares[1]]).toEqual([0.2, 0.4, 0.35, 0.25]);
    let before = 0;
    let after = 0;
    cacs.forEach((cac, i) => {
      const [b, a] = [shares[i], newShares[i]];
      const r = EX_FIRST + i;
      expectClose(json[`${S.example}!E${r}`], a - b);
      expectClose(json[`${S.example}!F${r}`], (ALLOCATABLE * b) / cac);
      expectClose(json[`${S.example}!G${r}`], (ALLOCATABLE * a) / cac);
      before += (ALLOCATABLE * b) / cac;
      after += (ALLOCATABLE * a) / cac;
    });
    expectClose(json[`${S.example}!B5`], 1);
    expectClose(json[`${S.example}!B6`], 1);
    expectClose(json[`${S.example}!B4`], after / before - 1);
    expectClose(json[`${S.summary}!B12`], after / before - 1);
  });

  it('raises the monthly alerts: 80% spent at ≤ 50% conversion, > 10% overrun, > 15% conversion swing (budget.alert-80-50, budget.overrun-10, channels.conversion-alert-15)', () => {
    const counts = { spend: 0, overrun: 0, swing: 0 };
    TRACKING.forEach(([budget, spent, target, conversions, last, now], i) => {
      const r = TR_FIRST + i;
      const spentShare = spent / budget;
      const converted = conversions / target;
      const swing = now / last - 1;
      expectClose(json[`${S.tracking}!D${r}`], spentShare);
      expectClose(json[`${S.tracking}!G${r}`], converted);
      expectClose(json[`${S.tracking}!I${r}`], spentShare - 1);
      expectClose(json[`${S.tracking}!M${r}`], swing);
      const spendAlert = spentShare >= THRESHOLDS.spent && converted <= THRESHOLDS.conversion;
      const overrun = spent > budget * (1 + THRESHOLDS.overrun);
      const swingAlert = Math.abs(swing) > THRESHOLDS.swing;
      expect(json[`${S.tracking}!H${r}`]).toBe(spendAlert ? word('alert') : 'OK');
      expect(json[`${S.tracking}!J${r}`]).toBe(overrun ? word('review') : 'OK');
      expect(json[`${S.tracking}!N${r}`]).toBe(swingAlert ? word('alert') : 'OK');
      counts.spend += Number(spendAlert);
      counts.overrun += Number(overrun);
      counts.swing += Number(swingAlert);
    });
    // The sample shows each alert exactly once.
    expect(counts).toEqual({ spend: 1, overrun: 1, swing: 1 });
    expect([json[`${S.summary}!B9`], json[`${S.summary}!B10`], json[`${S.summary}!B11`]]).toEqual([1, 1, 1]);
  });

  it('highlights the alert columns with conditional formatting, over the rows the tables grow into', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.bytes as never);
    const refs = (name: string) =>
      ((workbook.getWorksheet(name) as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings ?? []).map((c) => c.ref);
    expect(refs(S.tracking)).toEqual(expect.arrayContaining([`H${TR_FIRST}:H${TR_FIRST + 105}`, `J${TR_FIRST}:J${TR_FIRST + 105}`, `N${TR_FIRST}:N${TR_FIRST + 105}`]));
    expect(refs(S.plan)).toEqual([`M${CH_FIRST}:M${CH_FIRST + 105}`]);
  });

  it('carries each digest rule in a cell holding the digest\'s number, or the PERF.ALLOCATE formula that applies it', () => {
    expect(ruleValues(template, book)).toEqual(
      expect.objectContaining({ 'budget.reserve-15': 0.15, 'cost.low-roi-3': 3, 'budget.alert-80-50': 0.8, 'budget.overrun-10': 0.1, 'channels.conversion-alert-15': 0.15 }),
    );
    expect(Object.keys(ruleValues(template, book))).toHaveLength(6);
    const allocate = template.rules.find((r) => r.rule === 'budget.roi-driven-allocation')!;
    expect(storedFormula(book, allocate.sheet, allocate.cell)).toMatch(/^_xldudf_PERF_ALLOCATE\(/);
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(expect.arrayContaining(['TotalBudget', 'ReserveRate', 'AllocatableBudget', 'LowRoiLine', 'ChannelCurves', 'AlertThresholds', 'SpentAlertShare', 'SwingAlertShare']));
  });
});
