import fc from 'fast-check';
import { attain, curve, rater, scorecard, status } from '../../engine/scoring';
import { expectErrorCell, expectPerfError } from '../support/errors';
import { at } from '../support/engine-grid-cells';

describe('ATTAIN — attainment', () => {
  it('higher is better: actual / target', () => {
    expect(at(attain(120, 100, null))).toBeCloseTo(1.2, 12);
  });
  it('lower is better: max(0, 2 − actual/target) — a 2 h response target met in 1.5 h scores 1.25', () => {
    // Seed rules §1: first customer contact ≤ 2 h.
    expect(at(attain(1.5, 2, -1))).toBeCloseTo(1.25, 12);
    expect(at(attain(5, 2, -1))).toBe(0);
  });
  it('is element-wise with a row of directions broadcast down the rows', () => {
    expect(attain([[50, 50], [100, 100]], [[100, 100]], [[1, -1]])).toEqual([
      [0.5, 1.5],
      [1, 1],
    ]);
  });
  it('target ≤ 0 is #NUM!; a direction other than ±1 is #NUM!; text is #VALUE!', () => {
    expectErrorCell(at(attain(1, 0, null)), '#NUM!', /target must be greater than 0/);
    expectErrorCell(at(attain(1, 1, 2)), '#NUM!', /direction must be 1/);
    expectErrorCell(at(attain('x', 1, null)), '#VALUE!', /actual is text/);
    expectErrorCell(at(attain([[1], [null]], 1, null), 1), '#VALUE!', /actual, row 2 is blank/);
    expectPerfError(() => attain([], 1, null), '#VALUE!', /actual: the range is empty/);
  });
});

describe('CURVE — payout curve lookup', () => {
  const table = [
    [0.8, 0.5],
    [1, 1],
    [1.2, 1.6],
  ];
  it('linear: interpolates and clamps to the first/last y outside the table', () => {
    expect(at(curve(0.9, table, null))).toBeCloseTo(0.75, 12);
    expect(at(curve(1.1, table, 'linear'))).toBeCloseTo(1.3, 12);
    expect(at(curve(0.1, table, null))).toBe(0.5);
    expect(at(curve(9, table, null))).toBe(1.6);
  });
  it('lookup: the y of the last point with x_i ≤ x, 0 below the first point (banded table)', () => {
    expect(at(curve(0.95, table, 'lookup'))).toBe(0.5);
    expect(at(curve(1, table, 'lookup'))).toBe(1);
    expect(at(curve(0.5, table, 'lookup'))).toBe(0);
  });
  it('a table whose x does not ascend strictly is #VALUE! naming the row', () => {
    expectPerfError(() => curve(1, [[1, 1], [1, 2]], null), '#VALUE!', /curve, row 2: the first column must ascend strictly/);
    expectPerfError(() => curve(1, [[1]], null), '#VALUE!', /curve must have 2 columns/);
    expectPerfError(() => curve(1, table, 'cubic'), '#VALUE!', /mode must be one of "linear", "lookup"/);
  });
});

describe('SCORECARD — weighted KPI scorecard', () => {
  it('worked example: balanced scorecard 50/30/20 (seed rules §1), capped at 1.2', () => {
    // Person 1: financial 110 %, customer 90 %, learning 130 % → capped 1.2.
    // 0.5·1.1 + 0.3·0.9 + 0.2·1.2 = 0.55 + 0.27 + 0.24 = 1.06.
    const result = scorecard([[110, 90, 130]], [[100, 100, 100]], [[50, 30, 20]], null, 1.2, null);
    expect(result[0][0] as number).toBeCloseTo(1.06, 12);
  });
  it('m×k targets per person, directions per KPI and a floor', () => {
    // Lower-is-better KPI: 30 s reply target, 45 s actual → 2 − 1.5 = 0.5, floored at 0.6.
    const result = scorecard([[100, 45], [50, 15]], [[100, 30], [100, 30]], [[1, 1]], [[1, -1]], null, 0.6);
    expect(result[0][0] as number).toBeCloseTo(0.5 * 1 + 0.5 * 0.6, 12);
    expect(result[1][0] as number).toBeCloseTo(0.5 * 0.6 + 0.5 * 1.5, 12);
  });
  it('a bad cell makes only that person an error', () => {
    const result = scorecard([[1, 1], ['n/a', 1]], [[1, 1]], [[1, 1]], null, null, null);
    expect(result[0][0]).toBe(1);
    expectErrorCell(result[1][0], '#VALUE!', /actuals, row 2, column 1 is text/);
  });
  it('rejects mismatched shapes and bad weights', () => {
    expectPerfError(() => scorecard([[1, 1]], [[1, 1]], [[1, 1, 1]], null, null, null), '#VALUE!', /weights has 3 items but actuals has 2 columns/);
    expectPerfError(() => scorecard([[1, 1]], [[1, 1, 1]], [[1, 1]], null, null, null), '#VALUE!', /targets must be 1×2 or 1×2/);
    expectPerfError(() => scorecard([[1, 1]], [[1, 1]], [[1, -1]], null, null, null), '#NUM!', /weights, item 2: a weight cannot be negative/);
    expectPerfError(() => scorecard([[1, 1]], [[1, 1]], [[0, 0]], null, null, null), '#DIV/0!', /weights: the weights sum to 0/);
    expectPerfError(() => scorecard([[1, 1]], [[1, 1]], [[1, 1]], [[1, 0]], null, null), '#NUM!', /directions, item 2 must be 1/);
    expectPerfError(() => scorecard([[1, 1]], [[1, 1]], [[1, 1]], null, 0.5, 0.8), '#NUM!', /cap \(0.5\) is below floor/);
    expectPerfError(() => scorecard([], [[1]], [[1]], null, null, null), '#VALUE!', /actuals: the range is empty/);
    expectErrorCell(scorecard([[1]], [[0]], [[1]], null, null, null)[0][0], '#NUM!', /targets must be greater than 0/);
  });
  it('property: with cap c and floor 0 the score lies in [0, c]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (kpis, cap) => {
          fc.pre(kpis.some(([, , w]) => w > 0));
          const score = scorecard([kpis.map((k) => k[0])], [kpis.map((k) => k[1])], [kpis.map((k) => k[2])], null, cap, null)[0][0] as number;
          return score >= 0 && score <= cap + 1e-9;
        },
      ),
    );
  });
});

describe('STATUS — traffic lights', () => {
  it('default bands: ≥ 0.95 green, ≥ 0.85 amber, else red', () => {
    expect(status([[0.96], [0.95], [0.9], [0.5]], null)).toEqual([['green'], ['green'], ['amber'], ['red']]);
  });
  it('user bands with Chinese labels', () => {
    const bands = [
      [0, '红'],
      [0.8, '黄'],
      [1, '绿'],
    ];
    expect(status([[0.79, 0.8, 1.3]], bands)).toEqual([['红', '黄', '绿']]);
    expectErrorCell(at(status(-1, bands)), '#N/A', /below the lowest band/);
  });
  it('bands must ascend and carry labels', () => {
    expectPerfError(() => status(1, [[1, 'a'], [0.5, 'b']]), '#VALUE!', /bands, row 2: lower bounds must ascend/);
    expectPerfError(() => status(1, [[1, null]]), '#VALUE!', /bands, row 1: the label is blank/);
  });
});

describe('RATER — 360° review blend', () => {
  const weights = [
    ['manager', 0.5],
    ['peer', 0.3],
    ['customer', 0.2],
  ];
  it('weights group means by the groups present', () => {
    // manager mean 4, peer mean (3+5)/2 = 4... customer absent → divide by 0.8.
    const value = rater([[4], [3], [5]], [['manager'], ['peer'], ['Peer']], weights);
    expect(value).toBeCloseTo((0.5 * 4 + 0.3 * 4) / 0.8, 12);
  });
  it('a group missing from weights is #VALUE!', () => {
    expectPerfError(() => rater([[4]], [['self']], weights), '#VALUE!', /groups, item 1: "self" has no row in weights/);
    expectPerfError(() => rater([[4], [3]], [['peer']], weights), '#VALUE!', /groups has 1 items but scores has 2/);
    expectPerfError(() => rater([[4]], [['peer']], [['peer', -1]]), '#NUM!', /weights, row 1: a weight cannot be negative/);
    expectPerfError(() => rater([[4]], [['peer']], [['peer', 0]]), '#DIV/0!', /all have weight 0/);
  });
});
