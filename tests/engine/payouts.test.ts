import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import { clawback, draw, payout, profitshare, prorate, split, tiered } from '../../engine/payouts';
import { expectErrorCell, expectPerfError } from '../support/errors';
import { at } from '../support/engine-grid-cells';
import { CURVE } from '../support/fixtures';

/**
 * China's individual income tax on comprehensive income (个人所得税法 2018, 综合所得税率表)
 * is the textbook marginal tier table; the State Taxation Administration publishes the
 * equivalent "quick deduction" (速算扣除数) so that tax = income × top rate − deduction.
 * That independent formula checks our marginal method.
 */
const IIT_TIERS = [
  [0, 0.03],
  [36_000, 0.1],
  [144_000, 0.2],
  [300_000, 0.25],
  [420_000, 0.3],
  [660_000, 0.35],
  [960_000, 0.45],
];
const IIT_QUICK_DEDUCTION = [0, 2_520, 16_920, 31_920, 52_920, 85_920, 181_920];

function quickDeductionTax(income: number): number {
  let i = IIT_TIERS.length - 1;
  while (IIT_TIERS[i][0] > income) i--;
  return income * IIT_TIERS[i][1] - IIT_QUICK_DEDUCTION[i];
}

describe('TIERED — tiered commission', () => {
  it.each([20_000, 36_000, 100_000, 200_000, 350_000, 500_000, 800_000, 1_200_000])(
    'marginal slices equal the published IIT quick-deduction formula at %d CNY (STA 综合所得税率表)',
    (income) => {
      expect(at(tiered(income, IIT_TIERS, 'marginal')) as number).toBeCloseTo(quickDeductionTax(income), 6);
    },
  );

  it('worked example: 6-tier plan, 95,000 sold — marginal pays each slice at its rate, retro pays the whole at the reached rate', () => {
    // Tiers 0/20k/40k/60k/80k/100k at 2/4/6/8/10/12 %. Marginal by hand:
    // 20k·2% + 20k·4% + 20k·6% + 20k·8% + 15k·10% = 400 + 800 + 1,200 + 1,600 + 1,500 = 5,500.
    const tiers = [
      [0, 0.02],
      [20_000, 0.04],
      [40_000, 0.06],
      [60_000, 0.08],
      [80_000, 0.1],
      [100_000, 0.12],
    ];
    expect(at(tiered(95_000, tiers, null)) as number).toBeCloseTo(5_500, 9);
    expect(at(tiered(95_000, tiers, 'retro')) as number).toBeCloseTo(9_500, 9); // 95,000 × 10 %
  });

  it('is element-wise: a column of amounts gives a column of commissions', () => {
    const result = tiered([[0], [10_000], [50_000]], [[0, 0.1], [20_000, 0.2]], 'marginal');
    expect(result).toEqual([[0], [1_000], [2_000 + 6_000]]);
  });

  it('an amount exactly on a threshold earns that tier under retro', () => {
    expect(at(tiered(20_000, [[0, 0.1], [20_000, 0.2]], 'RETRO'))).toBe(4_000);
  });

  it('a negative amount is #NUM! in its own cell; other cells still compute', () => {
    const result = tiered([[100], [-5]], [[0, 0.1]], null);
    expect(result[0][0]).toBe(10);
    expectErrorCell(result[1][0], '#NUM!', /amount cannot be negative/);
  });

  it('rejects bad tier tables naming the argument and row', () => {
    expectPerfError(() => tiered(1, [[10, 0.1]], null), '#VALUE!', /tiers, row 1: the first threshold must be 0/);
    expectPerfError(() => tiered(1, [[0, 0.1], [0, 0.2]], null), '#VALUE!', /tiers, row 2: the first column must ascend/);
    expectPerfError(() => tiered(1, [[0, 0.1, 3]], null), '#VALUE!', /tiers must have 2 columns/);
    expectPerfError(() => tiered(1, [[0, 'x']], null), '#VALUE!', /tiers, row 1, column 2 is text/);
    expectPerfError(() => tiered(1, [[0, null]], null), '#VALUE!', /tiers, row 1, column 2 is blank/);
    expectPerfError(() => tiered(1, [[0, NaN]], null), '#NUM!', /tiers, row 1, column 2 is not a finite number/);
    expectPerfError(() => tiered(1, [[0, -0.1]], null), '#NUM!', /tiers, row 1: a rate cannot be negative/);
    expectPerfError(() => tiered(1, [], null), '#VALUE!', /tiers: the range is empty/);
    expectPerfError(() => tiered(1, [[0, 0.1]], 'progressive'), '#VALUE!', /method must be one of "marginal", "retro"/);
  });

  it('bad amounts: text, blank and NaN name the argument', () => {
    expectErrorCell(at(tiered('abc', [[0, 0.1]], null)), '#VALUE!', /amount is text/);
    expectErrorCell(at(tiered([[1], [null]], [[0, 0.1]], null), 1), '#VALUE!', /amount, row 2 is blank/);
    expectErrorCell(at(tiered(NaN, [[0, 0.1]], null)), '#NUM!', /amount is not a finite number/);
    expectPerfError(() => tiered([], [[0, 0.1]], null), '#VALUE!', /amount: the range is empty/);
  });

  const ascendingTiers = fc
    .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 6 })
    .chain((thresholds) => {
      const sorted = [0, ...thresholds.sort((a, b) => a - b)];
      return fc
        .array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: sorted.length, maxLength: sorted.length })
        .map((rates) => sorted.map((t, i) => [t, rates[i]]));
    });

  it('property: commission never decreases as the amount grows (both methods, non-negative rates ascending)', () => {
    fc.assert(
      fc.property(ascendingTiers, fc.double({ min: 0, max: 2e6, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), (tiers, a, delta) => {
        const ascending = tiers.map(([t], i) => [t, [...tiers.map((x) => x[1])].sort((p, q) => p - q)[i]]);
        const marginalA = at(tiered(a, ascending, 'marginal')) as number;
        const marginalB = at(tiered(a + delta, ascending, 'marginal')) as number;
        const retroA = at(tiered(a, ascending, 'retro')) as number;
        const retroB = at(tiered(a + delta, ascending, 'retro')) as number;
        return marginalB >= marginalA - 1e-9 && retroB >= retroA - 1e-9;
      }),
    );
  });

  it('property: marginal ≤ retro when rates ascend', () => {
    fc.assert(
      fc.property(ascendingTiers, fc.double({ min: 0, max: 2e6, noNaN: true }), (tiers, a) => {
        const rates = tiers.map((x) => x[1]).sort((p, q) => p - q);
        const ascending = tiers.map(([t], i) => [t, rates[i]]);
        return (at(tiered(a, ascending, 'marginal')) as number) <= (at(tiered(a, ascending, 'retro')) as number) + 1e-9;
      }),
    );
  });
});

describe('PAYOUT — payout curve with gate and cap', () => {
  // CURVE, the shared payout curve: factor 0 at 50 % attainment, 1 at 100 %, 2 at 150 %.

  it('pays target × curve(attainment); below the gate pays nothing; the cap limits the factor', () => {
    expect(at(payout(0.75, CURVE, 10_000, null, null))).toBeCloseTo(5_000, 9); // halfway 0.5→1: factor 0.5
    expect(at(payout(0.79, CURVE, 10_000, 0.8, null))).toBe(0); // gate 80 %
    expect(at(payout(1.4, CURVE, 10_000, 0.8, 1.5))).toBeCloseTo(15_000, 9); // curve 1.8 capped at 1.5
    expect(at(payout(2, CURVE, 10_000, null, null))).toBeCloseTo(20_000, 9); // clamped at the last point
  });

  it('broadcasts a scalar target over a column of attainments', () => {
    expect(payout([[1], [1.25]], CURVE, 1_000, null, null)).toEqual([[1_000], [1_500]]);
  });

  it('rejects a curve that does not ascend and a negative target', () => {
    expectPerfError(() => payout(1, [[1, 1], [0.5, 0]], 1, null, null), '#VALUE!', /curve, row 2: the first column must ascend/);
    expectErrorCell(at(payout(1, CURVE, -1, null, null)), '#NUM!', /target_incentive cannot be negative/);
    expectErrorCell(at(payout(1, CURVE, 'ten', null, null)), '#VALUE!', /target_incentive is text/);
    expectPerfError(() => payout([[1], [2]], CURVE, [[1], [2], [3]], null, null), '#VALUE!', /target_incentive has 3 rows but attainment has 2/);
  });

  it('property: PAYOUT ≤ target × cap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (attainment, target, cap) => (at(payout(attainment, CURVE, target, 0, cap)) as number) <= target * cap + 1e-9,
      ),
    );
  });
});

describe('SPLIT — team/individual split', () => {
  it('dual-track 50/50 (seed rules §1): 10,000 × (0.5 × 1.2 + 0.5 × 0.8) = 10,000', () => {
    expect(at(split(1.2, 0.8, 0.5, 10_000))).toBeCloseTo(10_000, 9);
  });
  it('offline channel 70 % team (seed rules §1)', () => {
    expect(at(split(1, 0.5, 0.7, 1_000))).toBeCloseTo(850, 9);
  });
  it('team_weight outside 0..1 is #NUM!', () => {
    expectErrorCell(at(split(1, 1, 1.2, 100)), '#NUM!', /team_weight must be between 0 and 1/);
  });
});

describe('PROFITSHARE — excess-profit sharing', () => {
  it('shares rate × excess, capped; nothing below target', () => {
    expect(at(profitshare(1_200_000, 1_000_000, 0.1, null))).toBeCloseTo(20_000, 9);
    expect(at(profitshare(1_200_000, 1_000_000, 0.1, 15_000))).toBe(15_000);
    expect(at(profitshare(900_000, 1_000_000, 0.1, null))).toBe(0);
  });
  it('a negative rate is #NUM!', () => {
    expectErrorCell(at(profitshare(1, 0, -0.1, null)), '#NUM!', /rate cannot be negative/);
  });
});

describe('PRORATE — days in role, inclusive', () => {
  // Serials: 2025-01-01 = 45658, 2025-03-31 = 45747 (90 days in Q1 2025).
  const Q1 = [45658, 45747];
  it('a joiner on 2025-02-15 (45703) is paid for 45 of 90 days', () => {
    expect(at(prorate(9_000, 45703, null, Q1[0], Q1[1]))).toBeCloseTo(4_500, 9);
  });
  it('blank start and end mean the whole period; leaving before the period pays 0', () => {
    expect(at(prorate(9_000, null, null, Q1[0], Q1[1]))).toBe(9_000);
    expect(at(prorate(9_000, 45000, 45100, Q1[0], Q1[1]))).toBe(0);
  });
  it('end before start is #NUM!', () => {
    expectErrorCell(at(prorate(1, 45710, 45700, Q1[0], Q1[1])), '#NUM!', /end \(45700\) is before start/);
  });
  it('property: within [0, amount] for a non-negative amount', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 45000, max: 46000 }),
        fc.integer({ min: 0, max: 400 }),
        (amount, start, length) => {
          const value = at(prorate(amount, start, start + length, Q1[0], Q1[1])) as number;
          return value >= 0 && value <= amount + 1e-9;
        },
      ),
    );
  });
});

describe('CLAWBACK — cancellations within the window', () => {
  it('claws back commission × portion when cancelled within the window, else 0', () => {
    expect(at(clawback(1_000, 45700, 45750, 90, null))).toBe(-1_000);
    expect(at(clawback(1_000, 45700, 45750, 90, 0.5))).toBe(-500);
    expect(at(clawback(1_000, 45700, 45800, 90, null))).toBe(0);
    expect(at(clawback(1_000, 45700, null, 90, null))).toBe(0);
  });
  it('cancel before paid is #NUM!', () => {
    expectErrorCell(at(clawback(1_000, 45700, 45600, 90, null)), '#NUM!', /cancel_date \(45600\) is before paid_date/);
  });
});

describe('DRAW — draws against commission', () => {
  it('non-recoverable draw pays the larger of earnings and the draw', () => {
    expect(draw([[1_000], [3_000]], 2_000, null)).toEqual([[2_000], [3_000]]);
  });
  it('recoverable draw: later earnings repay the deficit first', () => {
    // Earned 1,000 then 5,000 against a 2,000 draw: pay 2,000 (deficit 1,000), then 5,000 − 1,000 = 4,000.
    expect(draw([[1_000, 5_000]], 2_000, true)).toEqual([[2_000, 4_000]]);
  });
  it('bad arguments name themselves', () => {
    expectPerfError(() => draw([[1, 2], [3, 4]], 1, null), '#VALUE!', /earned must be one row or one column/);
    expectPerfError(() => draw([[1]], -1, null), '#NUM!', /draw cannot be negative/);
    expectPerfError(() => draw([[1]], 1, 'maybe'), '#VALUE!', /recoverable must be TRUE or FALSE/);
  });
  it('property: a recoverable draw pays exactly total earnings once they exceed the draws', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 24 }), fc.double({ min: 0, max: 5e4, noNaN: true }), (earned, guarantee) => {
        const paid = (draw([earned], guarantee, true)[0] as number[]).reduce((s, v) => s + v, 0);
        const total = earned.reduce((s, v) => s + v, 0);
        // Once cumulative earnings have caught up (no deficit left at the end), pay = earnings.
        let deficit = 0;
        for (const e of earned) deficit = e - deficit >= guarantee ? 0 : guarantee - (e - deficit);
        fc.pre(deficit === 0);
        return Math.abs(paid - total) <= 1e-6 * Math.max(1, total);
      }),
    );
  });
});

it('errors are PerfError instances carrying an Excel code', () => {
  const cell = at(tiered(-1, [[0, 0.1]], null));
  expect(cell).toBeInstanceOf(PerfError);
  expect((cell as PerfError).toJSON()).toEqual({ error: '#NUM!', message: 'amount cannot be negative; got -1' });
});
