/**
 * QUOTASPLIT (docs/spec/functions.md, "Crediting, pools and targets"): annual targets split
 * over periods by seasonality weights; with round_to, parts are multiples of it that add up
 * to the annual target exactly (largest remainders, ties to the earlier period). Worked
 * examples are constructed by hand, the arithmetic in units of round_to in the comments.
 */
import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import type { Cell } from '../../engine/grid';
import { quotasplit } from '../../engine/quotas';
import { expectErrorCell, expectPerfError } from '../support/errors';
import { col } from '../support/engine-grid-cells';

const row = (...values: Cell[]): Cell[][] => [values];

describe('QUOTASPLIT — worked examples (constructed by hand)', () => {
  it('equal months: 1,200,000 over twelve equal weights in thousands is 100,000 each', () => {
    expect(quotasplit(1_200_000, row(...new Array(12).fill(1)), 1000)).toEqual(row(...new Array(12).fill(100_000)));
  });

  it('largest remainders: 1,000 over 1:2:4 in tens', () => {
    // 100 units of 10: exact 14.29, 28.57, 57.14 → floors 14, 28, 57 (99); the one unit left
    // goes to the largest remainder, period 2 (.57 > .29 > .14): 140, 290, 570.
    expect(quotasplit(1000, row(1, 2, 4), 10)).toEqual(row(140, 290, 570));
  });

  it('ties go to the earlier period: 10 over four equal weights is 3, 3, 2, 2; 100 over three is 34, 33, 33', () => {
    expect(quotasplit(10, row(1, 1, 1, 1), 1)).toEqual(row(3, 3, 2, 2));
    expect(quotasplit(100, row(1, 1, 1), 1)).toEqual(row(34, 33, 33));
  });

  it('n×k: one row per region, each adding up to its own annual target', () => {
    // 1,000 → 140, 290, 570 (above). 2,000 = 200 units: exact 28.57, 57.14, 114.29 → floors
    // 28, 57, 114 (199); the unit left goes to period 1 (.57 > .29 > .14): 290, 570, 1,140.
    // 10 = 1 unit: exact .14, .29, .57 → floors 0, 0, 0; the unit goes to period 3: 0, 0, 10.
    expect(quotasplit(col(1000, 2000, 10), row(1, 2, 4), 10)).toEqual([
      [140, 290, 570],
      [290, 570, 1140],
      [0, 0, 10],
    ]);
  });

  it('cents: 1,234.56 over 3:3:4 in steps of 0.01 is 370.37, 370.37, 493.82 (no float drift)', () => {
    // 123,456 units: exact 37,036.8, 37,036.8, 49,382.4 → floors sum to 123,454; the two units
    // left go to the remainders .8 and .8 (periods 1 and 2).
    const parts = quotasplit(1234.56, row(3, 3, 4), 0.01)[0] as number[];
    expect(parts).toEqual([370.37, 370.37, 493.82]);
  });

  it('decimal weights are the decimals they are written as: 100 over 0.1, 0.2, 0.3, 0.4 is 10, 20, 30, 40', () => {
    expect(quotasplit(100, row(0.1, 0.2, 0.3, 0.4), 1)).toEqual(row(10, 20, 30, 40));
    // Quarter weights as percentages of a year: 25% each of 1,000,000 in units of 1,000.
    expect(quotasplit(1_000_000, row(0.25, 0.25, 0.25, 0.25), 1000)).toEqual(row(250_000, 250_000, 250_000, 250_000));
  });

  it('no round_to: the exact proportions, unrounded', () => {
    expect(quotasplit(1200, row(1, 2, 3), null)).toEqual(row(200, 400, 600));
    const thirds = quotasplit(100, row(1, 1, 1), null)[0] as number[];
    thirds.forEach((t) => expect(t).toBeCloseTo(100 / 3, 12));
  });

  it('the shape of the weights: a column stays a column; annual 0 gives zeros', () => {
    expect(quotasplit(90, col(1, 2), 1)).toEqual(col(30, 60));
    expect(quotasplit(0, row(1, 2), 5)).toEqual(row(0, 0));
    expect(quotasplit(col(90, 30), col(1, 2), 1)).toEqual([[30, 60], [10, 20]]);
  });
});

describe('QUOTASPLIT — errors', () => {
  it('annual not a multiple of round_to → #NUM!; in an n×k result only in that row', () => {
    const error = expectPerfError(() => quotasplit(1005, row(1, 1), 10), '#NUM!', /^annual \(1005\) is not a multiple of round_to \(10\), so the parts cannot add up to it$/);
    expect(error.localized('zh-CN')).toBe('annual（1005）不是 round_to（10）的整数倍，各部分无法恰好合计为该值');
    const grid = quotasplit(col(100, 5.001, -10), row(1, 1), 0.01);
    expect(grid[0]).toEqual([50, 50]);
    for (const cell of grid[1]) expectErrorCell(cell, '#NUM!', /^annual, row 2 \(5.001\) is not a multiple of round_to \(0.01\)/);
    for (const cell of grid[2]) expectErrorCell(cell, '#NUM!', /^annual, row 3 cannot be negative; got -10$/);
  });

  it('annual < 0, a negative weight, round_to ≤ 0 → #NUM!; Σweights = 0 → #DIV/0!', () => {
    expectPerfError(() => quotasplit(-1, row(1, 1), null), '#NUM!', /^annual cannot be negative; got -1$/);
    expectPerfError(() => quotasplit(10, row(1, -1), null), '#NUM!', /^weights, item 2 is negative \(-1\); weights cannot be negative$/);
    expectPerfError(() => quotasplit(10, row(1, 1), 0), '#NUM!', /^round_to must be greater than 0; got 0$/);
    expectPerfError(() => quotasplit(10, row(0, 0), 1), '#DIV/0!', /^weights: the weights sum to 0$/);
  });

  it('annual as a row or a matrix, weights as a matrix, text → #VALUE!', () => {
    const error = expectPerfError(() => quotasplit(row(1, 2), row(1, 1), null), '#VALUE!', /^annual must be a single value or one column \(one row per region or person\); got a 1×2 range$/);
    expect(error.localized('zh-CN')).toBe('annual必须是单个值或一列（每个区域或人员一行）；实际为 1×2 区域');
    expectPerfError(() => quotasplit(10, [[1, 2], [3, 4]], null), '#VALUE!', /^weights must be one row or one column; got a 2×2 range$/);
    expectPerfError(() => quotasplit('x', row(1), null), '#VALUE!', /^annual is text "x"; a number is required$/);
    expectErrorCell(quotasplit(col(1, 'x'), row(1), null)[1][0], '#VALUE!', /^annual, row 2 is text "x"; a number is required$/);
  });

  it('an error cell among the weights is the error of the call', () => {
    const error = new PerfError('#N/A', 'an input cell holds #N/A');
    expect(() => quotasplit(10, row(1, error), null)).toThrow(error);
  });
});

describe('QUOTASPLIT — properties', () => {
  const STEPS = [1, 5, 10, 1000, 0.01, 0.05, 0.25, 0.5];
  /** annual = units × step, written as the decimal a user would type. */
  const decimals = (step: number) => (String(step).split('.')[1] ?? '').length;
  const split = fc.record({
    units: fc.integer({ min: 0, max: 10_000_000 }),
    step: fc.constantFrom(...STEPS),
    weights: fc
      .array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0.1, 0.15, 0.075, 1 / 3, 1 / 12, 8.5)), { minLength: 1, maxLength: 12 })
      .filter((w) => w.some((x) => x > 0)),
  });

  it('parts are multiples of round_to, add up to annual exactly (in units), and lie within round_to of the exact proportion', () => {
    fc.assert(
      fc.property(split, ({ units, step, weights }) => {
        const annual = Number((units * step).toFixed(decimals(step)));
        const parts = quotasplit(annual, [weights], step)[0] as number[];
        const total = weights.reduce((a, b) => a + b, 0);
        let counted = 0;
        parts.forEach((part, j) => {
          const u = Math.round(part / step);
          // A multiple of round_to: the part is the decimal u × step, as typed.
          expect(part).toBe(Number((u * step).toFixed(decimals(step))));
          counted += u;
          expect(Math.abs(part - (annual * weights[j]) / total)).toBeLessThan(step * (1 + 1e-9));
        });
        expect(counted).toBe(units);
      }),
      { numRuns: 500 },
    );
  });

  it('each row of an n×k split adds up to its own annual target', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)), (annuals, weights) => {
        const grid = quotasplit(annuals.map((a) => [a]), [weights], 1);
        grid.forEach((line, i) => expect((line as number[]).reduce((a, b) => a + b, 0)).toBe(annuals[i]));
      }),
      { numRuns: 200 },
    );
  });
});
