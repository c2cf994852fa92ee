/**
 * REBATE (docs/spec/functions.md, "Crediting, pools and targets"): a dealer rebate on a
 * ladder with one column of rates per channel level. Worked examples are constructed by hand
 * (the slices in the comments); properties compare with TIERED on the level's column, which
 * the spec names as the marginal rule, and check marginal ≤ retro on rising ladders.
 */
import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import { tiered } from '../../engine/payouts';
import { rebate } from '../../engine/rebates';
import { expectErrorCell, expectPerfError } from '../support/errors';
import { col } from '../support/engine-grid-cells';

// 总代 (national distributor) / 分销 (distributor) / 零售 (retailer), thresholds 0 / 100k / 500k.
const LADDER = [
  ['进货额', '总代', '分销', '零售'],
  [0, 0.01, 0.02, 0.03],
  [100_000, 0.02, 0.03, 0.04],
  [500_000, 0.03, 0.04, 0.05],
];

describe('REBATE — worked examples (constructed by hand)', () => {
  it('retro (the default): the whole amount at the rate of the threshold reached', () => {
    // 300,000 分销 → 300,000 × 3% = 9,000; 600,000 总代 → 600,000 × 3% = 18,000; 50,000 零售 → 50,000 × 3% = 1,500.
    const result = rebate(col(300_000, 600_000, 50_000), LADDER, col('分销', '总代', '零售'), null);
    expect(result.map((r) => r[0] as number).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([9_000, 18_000, 1_500]);
  });

  it('marginal: each slice at its own rate, as TIERED', () => {
    // 300,000 分销 → 100,000 × 2% + 200,000 × 3% = 2,000 + 6,000 = 8,000.
    // 600,000 总代 → 100,000 × 1% + 400,000 × 2% + 100,000 × 3% = 1,000 + 8,000 + 3,000 = 12,000.
    const result = rebate(col(300_000, 600_000), LADDER, col('分销', '总代'), 'marginal');
    expect(result[0][0]).toBeCloseTo(8_000, 9);
    expect(result[1][0]).toBeCloseTo(12_000, 9);
    expect(rebate(col(300_000, 600_000), LADDER, col('分销', '总代'), '边际')).toEqual(result);
  });

  it('one level for all amounts; levels matched trimmed and in any case; exactly on a threshold', () => {
    const ladder = [['', 'Distributor', 'Retail'], [0, 0.01, 0.02], [1000, 0.05, 0.06]];
    const result = rebate(col(999, 1000, 0), ladder, ' retail ', null);
    expect(result[0][0]).toBeCloseTo(999 * 0.02, 12);
    expect(result[1][0]).toBeCloseTo(1000 * 0.06, 12);
    expect(result[2][0]).toBe(0);
  });

  it('per-row levels broadcast like any element-wise argument: a row of levels across a column of amounts', () => {
    // 200,000 at each level, retro: 2%, 3%, 4% → 4,000, 6,000, 8,000; 50,000: 500, 1,000, 1,500.
    const result = rebate(col(200_000, 50_000), LADDER, [['总代', '分销', '零售']], null) as number[][];
    expect(result.map((r) => r.map((x) => Math.round(x)))).toEqual([[4_000, 6_000, 8_000], [500, 1_000, 1_500]]);
  });
});

describe('REBATE — errors', () => {
  it('an unknown level → #N/A in its cell, listing the levels; the other cells compute', () => {
    const result = rebate(col(300_000, 300_000), LADDER, col('直营', '分销'), null);
    expectErrorCell(result[0][0], '#N/A', /^level, row 1: "直营" is not a level of ladder \("总代", "分销", "零售"\)$/);
    expect((result[0][0] as PerfError).localized('zh-CN')).toBe('level，第 1 行："直营" 不是 ladder 中的级别（"总代", "分销", "零售"）');
    expect(result[1][0]).toBeCloseTo(9_000, 9);
    // One unknown level for all amounts: every cell shows it.
    for (const [cell] of rebate(col(1, 2), LADDER, 'x', null)) expectErrorCell(cell, '#N/A', /^level: "x" is not a level of ladder/);
  });

  it('amount < 0 → #NUM! in its cell; a blank level → #VALUE!', () => {
    const result = rebate(col(-1, 10), LADDER, col('零售', null), null);
    expectErrorCell(result[0][0], '#NUM!', /^amount cannot be negative; got -1$/);
    expectErrorCell(result[1][0], '#VALUE!', /^level, row 2 is blank; a label is required$/);
  });

  it('the ladder: at least 2×2, levels named once, thresholds from 0 ascending, rates ≥ 0', () => {
    expectPerfError(() => rebate(1, [[0, 0.1], [10, 0.2]].map((r) => r.slice(0, 1)), 'a', null), '#VALUE!', /^ladder needs a header row of levels and a first column of thresholds \(at least 2×2\); got a 2×1 range$/);
    const repeated = expectPerfError(() => rebate(1, [['', 'A', ' a '], [0, 0.1, 0.2]], 'A', null), '#VALUE!', /^ladder, row 1, column 3: the level "a" is already in column 2$/);
    expect(repeated.localized('zh-CN')).toBe('ladder，第 1 行第 3 列：级别 "a" 已在第 2 列出现');
    expectPerfError(() => rebate(1, [['', null], [0, 0.1]], 'A', null), '#VALUE!', /^ladder, row 1, column 2 is blank; a label is required$/);
    expectPerfError(() => rebate(1, [['', 'A'], [5, 0.1]], 'A', null), '#VALUE!', /^ladder, row 2, column 1: the first threshold must be 0; got 5$/);
    expectPerfError(() => rebate(1, [['', 'A'], [0, 0.1], [10, 0.2], [10, 0.3]], 'A', null), '#VALUE!', /^ladder, row 4, column 1: the first column must ascend strictly \(10 after 10\)$/);
    expectPerfError(() => rebate(1, [['', 'A'], [0, -0.1]], 'A', null), '#NUM!', /^ladder, row 2, column 2: a rate cannot be negative; got -0.1$/);
    expectPerfError(() => rebate(1, [['', 'A'], [0, 'x']], 'A', null), '#VALUE!', /^ladder, row 2, column 2 is text "x"; a number is required$/);
  });

  it('an unknown method → #VALUE! listing the methods', () => {
    expectPerfError(() => rebate(1, LADDER, '总代', 'flat'), '#VALUE!', /^method must be one of "marginal", "retro"; got text "flat"$/);
  });
});

describe('REBATE — properties', () => {
  /** A ladder of 1–3 levels over 1–6 thresholds; `rising`: every level's rates never fall with the threshold. */
  const ladder = (rising: boolean) =>
    fc
      .record({
        steps: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }),
        levels: fc.integer({ min: 1, max: 3 }),
        rates: fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 18, maxLength: 18 }),
      })
      .map(({ steps, levels, rates }) => {
        const thresholds = [0, ...steps.sort((a, b) => a - b)];
        const columns = Array.from({ length: levels }, (_, l) => {
          const mine = thresholds.map((_, r) => rates[(l * 6 + r) % rates.length]);
          return rising ? mine.sort((a, b) => a - b) : mine;
        });
        const grid = [['', ...columns.map((_, l) => `L${l}`)], ...thresholds.map((t, r) => [t, ...columns.map((c) => c[r])])];
        return { grid, thresholds, columns };
      });

  it('on a level’s column REBATE equals TIERED with that column as its tiers, both methods', () => {
    fc.assert(
      fc.property(ladder(false), fc.array(fc.double({ min: 0, max: 2e6, noNaN: true }), { minLength: 1, maxLength: 10 }), ({ grid, thresholds, columns }, amounts) => {
        columns.forEach((rates, l) => {
          const tiers = thresholds.map((t, r) => [t, rates[r]]);
          for (const method of ['retro', 'marginal']) {
            expect(rebate(col(...amounts), grid, `L${l}`, method)).toEqual(tiered(col(...amounts), tiers, method));
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('marginal ≤ retro when the rates rise with the threshold (the usual ladder)', () => {
    fc.assert(
      fc.property(ladder(true), fc.double({ min: 0, max: 2e6, noNaN: true }), ({ grid, columns }, amount) => {
        columns.forEach((_, l) => {
          const marginal = rebate(amount, grid, `L${l}`, 'marginal')[0][0] as number;
          const retro = rebate(amount, grid, `L${l}`, 'retro')[0][0] as number;
          expect(marginal).toBeLessThanOrEqual(retro * (1 + 1e-12) + 1e-9);
        });
      }),
      { numRuns: 300 },
    );
  });
});
