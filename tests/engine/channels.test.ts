/**
 * Channels (渠道) — PARETO and CHANNELTIER, read as the specification in functions.md.
 * Expected classes are worked out by hand from cumulative shares in the comments.
 */
import fc from 'fast-check';
import { channeltier, pareto, readTierRules } from '../../engine/channels';
import { valueError } from '../../engine/errors';
import { expectPerfError } from '../support/errors';

const col = (values: unknown[]) => values.map((v) => [v]) as never;
const flat = (grid: unknown[][]) => grid.map((row) => row[0]);

describe('PARETO — ABC classes by the cumulative share held before each item', () => {
  test('worked example: shares before are 0, 50%, 80%, 95% → A, A, B, C (a boundary share is not "below")', () => {
    // 50 + 30 + 15 + 5 = 100. Before 50: 0 < 0.8 → A; before 30: 0.5 → A;
    // before 15: 0.8, not < 0.8 but < 0.95 → B; before 5: 0.95, not < 0.95 → C.
    expect(flat(pareto(col([50, 30, 15, 5]), null, null))).toEqual(['A', 'A', 'B', 'C']);
  });

  test('the item that crosses 80% is "A"', () => {
    // 60, 30, 10: the 30 takes the cumulative share from 60% to 90% — it crosses 80%.
    expect(flat(pareto(col([60, 30, 10]), null, null))).toEqual(['A', 'A', 'B']);
  });

  test('values are ranked descending whatever their input order; results stay in input order', () => {
    // sorted: 60 (item 3), 30 (item 1), 10 (item 2)
    expect(flat(pareto(col([30, 10, 60]), null, null))).toEqual(['A', 'B', 'A']);
  });

  test('ties keep input order: the first of equal values ranks higher', () => {
    // four equal quarters, a = 0.5, b = 0.75: shares before are 0, 25%, 50%, 75% in input order
    expect(flat(pareto(col([25, 25, 25, 25]), 0.5, 0.75))).toEqual(['A', 'A', 'B', 'C']);
    // ties among the larger values, placed apart: 40 (item 2) before 40 (item 4)
    expect(flat(pareto(col([10, 40, 10, 40]), 0.5, 0.85))).toEqual(['B', 'A', 'C', 'A']);
  });

  test('custom a_share and b_share; blank or omitted shares are the defaults 0.8 and 0.95', () => {
    expect(flat(pareto(col([50, 30, 15, 5]), 0.5, 0.9))).toEqual(['A', 'B', 'B', 'C']); // before: 0, .5, .8, .95
    expect(pareto(col([50, 30, 15, 5]), '', undefined)).toEqual(pareto(col([50, 30, 15, 5]), 0.8, 0.95));
    expect(flat(pareto(col([50, 30, 15, 5]), 0.8, 0.8))).toEqual(['A', 'A', 'C', 'C']); // no "B" band
  });

  test('zeros are ranked last and are "C" once the share before them has reached b_share', () => {
    expect(flat(pareto(col([100, 0, 0]), null, null))).toEqual(['A', 'C', 'C']);
  });

  test('the result has the shape of values: a row stays a row, a 2-D range keeps its shape (reading order for ties)', () => {
    expect(pareto([[50, 30, 15, 5]], null, null)).toEqual([['A', 'A', 'B', 'C']]);
    expect(pareto([[50, 5], [30, 15]], null, null)).toEqual([['A', 'C'], ['A', 'B']]);
    expect(pareto(7, null, null)).toEqual([['A']]);
  });

  test('property: "A" is the shortest run of the largest values that reaches a_share of the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }).filter((xs) => xs.some((x) => x > 0)),
        fc.integer({ min: 1, max: 99 }),
        (xs, aPercent) => {
          const a = aPercent / 100;
          const classes = flat(pareto(col(xs), a, 1));
          const total = xs.reduce((s, x) => s + x, 0);
          const sorted = xs.map((x, i) => ({ x, i })).sort((p, q) => q.x - p.x || p.i - q.i);
          const countA = classes.filter((c) => c === 'A').length;
          // the A items are exactly the first countA of the descending order
          sorted.forEach(({ i }, rank) => expect(classes[i] === 'A').toBe(rank < countA));
          const sumA = sorted.slice(0, countA).reduce((s, p) => s + p.x, 0);
          const sumBeforeLast = sumA - sorted[countA - 1].x;
          expect(sumBeforeLast / total).toBeLessThan(a); // the last A item starts below a_share…
          if (countA < xs.length) expect(sumA / total).toBeGreaterThanOrEqual(a); // …and A reaches it
        },
      ),
    );
  });

  test('values: negatives → #NUM!, all zero → #DIV/0!, text/blank → #VALUE!, NaN → #NUM!, empty → #VALUE!', () => {
    expectPerfError(() => pareto(col([5, -1, 3]), null, null), '#NUM!', /values, row 2 cannot be negative; got -1/);
    expectPerfError(() => pareto([[5, -1]], null, null), '#NUM!', /values, column 2 cannot be negative/);
    expectPerfError(() => pareto(col([0, 0]), null, null), '#DIV/0!', /values: the values add up to 0/);
    expectPerfError(() => pareto(col([5, 'x']), null, null), '#VALUE!', /values, row 2 is text "x"/);
    expectPerfError(() => pareto(col([5, null]), null, null), '#VALUE!', /values, row 2 is blank/);
    expectPerfError(() => pareto(col([5, NaN]), null, null), '#NUM!', /values, row 2 is not a finite number/);
    expectPerfError(() => pareto([], null, null), '#VALUE!', /values: the range is empty/);
    expectPerfError(() => pareto(col([1e308, 1e308]), null, null), '#NUM!', /values: the total is too large/);
  });

  test('a_share and b_share: numbers from 0 to 1, a_share ≤ b_share, single values', () => {
    expectPerfError(() => pareto(col([1, 2]), 1.2, null), '#NUM!', /a_share must be between 0 and 1; got 1.2/);
    expectPerfError(() => pareto(col([1, 2]), null, -0.1), '#NUM!', /b_share must be between 0 and 1; got -0.1/);
    expectPerfError(() => pareto(col([1, 2]), 0.9, 0.8), '#NUM!', /a_share \(0.9\) cannot be greater than b_share \(0.8\)/);
    expectPerfError(() => pareto(col([1, 2]), 'most', null), '#VALUE!', /a_share is text "most"/);
    expectPerfError(() => pareto(col([1, 2]), null, NaN), '#NUM!', /b_share is not a finite number/);
    expectPerfError(() => pareto(col([1, 2]), [[0.5, 0.6]], null), '#VALUE!', /a_share: expected a single value, got a 1×2 range/);
    expectPerfError(() => pareto(col([1, 2]), [], null), '#VALUE!', /a_share: the range is empty/);
  });

  test('an error cell inside values propagates', () => {
    const upstream = valueError('upstream');
    expect(expectPerfError(() => pareto(col([1, upstream]), null, null), '#VALUE!', /upstream/)).toBe(upstream);
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * Five channels built so each default rule fires once (revenue total 1,000):
 *   1 exit-review: both quarters −20% (≤ −15%), even though its ROI (1) is also low
 *   2 low-roi:     ROI 2 < 3, even though it is the largest channel (strategic)
 *   3 strategic:   second largest; share before it 40% < 80%, even though growth 50% > 30%
 *   4 incubate:    share before it 85% (not A), growth 40% > 30%
 *   5 maintain:    nothing applies
 */
const REVENUE = [100, 400, 350, 100, 50];
const GROWTH = [0, 0.1, 0.5, 0.4, 0.1];
const ROI = [1, 2, 5, 4, 4];
const PREV_Q = [-0.2, 0, 0.1, 0, -0.2];
const LAST_Q = [-0.2, 0, 0.1, 0, 0.05];
const tiers = (rules: unknown = null, overrides: Partial<Record<'revenue' | 'growth' | 'roi' | 'prev' | 'last', unknown[]>> = {}) =>
  flat(
    channeltier(
      col(overrides.revenue ?? REVENUE),
      col(overrides.growth ?? GROWTH),
      col(overrides.roi ?? ROI),
      col(overrides.prev ?? PREV_Q),
      col(overrides.last ?? LAST_Q),
      rules as never,
    ),
  );

describe('CHANNELTIER — first matching rule wins', () => {
  test('each default rule, in order of precedence', () => {
    // revenue order: 400 (ch2, before 0%), 350 (ch3, 40%), 100 (ch1, 75%), 100 (ch4, 85%), 50 (ch5, 95%)
    expect(tiers()).toEqual(['exit-review', 'low-roi', 'strategic', 'incubate', 'maintain']);
  });

  test('exit-review needs BOTH quarters at or below −exit_decline (−15% exactly counts)', () => {
    expect(tiers(null, { prev: [-0.15, 0, 0.1, 0, -0.2], last: [-0.15, 0, 0.1, 0, 0.05] })[0]).toBe('exit-review');
    expect(tiers(null, { prev: [-0.3, 0, 0.1, 0, -0.2], last: [-0.1, 0, 0.1, 0, 0.05] })[0]).toBe('low-roi'); // one quarter only
  });

  test('low-roi is strictly below min_roi: an ROI of exactly 3 is not low', () => {
    expect(tiers(null, { roi: [1, 3, 5, 4, 4] })[1]).toBe('strategic');
  });

  test('strategic is PARETO(revenue, strategic_share) = "A": the channel that crosses 80% counts', () => {
    // ch1 (100) has 75% before it → A → strategic once its own rules no longer apply
    expect(tiers(null, { roi: [4, 2, 5, 4, 4], prev: [0, 0, 0, 0, 0] })[0]).toBe('strategic');
  });

  test('incubate is strictly above incubate_growth: growth of exactly 30% is "maintain"', () => {
    expect(tiers(null, { growth: [0, 0.1, 0.5, 0.3, 0.1] })[3]).toBe('maintain');
  });

  test('a single channel holds 100% of revenue and is strategic unless an earlier rule applies', () => {
    expect(flat(channeltier(1000, 0.5, 5, 0, 0, null))).toEqual(['strategic']);
    expect(flat(channeltier(1000, 0.5, 2, 0, 0, null))).toEqual(['low-roi']);
  });

  test('rows of inputs are read like columns; the result is m×1', () => {
    const result = channeltier([REVENUE], [GROWTH], [ROI], [PREV_Q], [LAST_Q], null);
    expect(result).toEqual(col(['exit-review', 'low-roi', 'strategic', 'incubate', 'maintain']));
  });
});

describe('CHANNELTIER — rules override the defaults', () => {
  test('exit_decline: with 0.25, a 20% drop on both quarters no longer triggers exit-review', () => {
    expect(tiers([['exit_decline', 0.25]])[0]).toBe('low-roi');
  });

  test('min_roi: with 1.5, an ROI of 2 is no longer low (channel 2 becomes strategic)', () => {
    expect(tiers([['min_roi', 1.5]])[1]).toBe('strategic');
  });

  test('strategic_share: with 0.3, only the largest channel is "A" (channel 3 becomes incubate)', () => {
    expect(tiers([['strategic_share', 0.3]])[2]).toBe('incubate');
  });

  test('incubate_growth: with 0.45, growth of 40% is "maintain"', () => {
    expect(tiers([['incubate_growth', 0.45]])[3]).toBe('maintain');
  });

  test('several rules at once; names are case-, space- and hyphen-insensitive; blank rows are skipped', () => {
    const rules = [
      ['Exit Decline', 0.25],
      [null, null],
      ['MIN-ROI', 1.5],
      ['', ''],
    ];
    expect(tiers(rules)).toEqual(['low-roi', 'strategic', 'strategic', 'incubate', 'maintain']); // ch1: ROI 1 < 1.5
    expect(readTierRules(rules)).toEqual({ exit_decline: 0.25, min_roi: 1.5, strategic_share: 0.8, incubate_growth: 0.3 });
  });

  test('blank or omitted rules are the defaults', () => {
    expect(readTierRules(null)).toEqual({ exit_decline: 0.15, min_roi: 3, strategic_share: 0.8, incubate_growth: 0.3 });
    expect(tiers('')).toEqual(tiers());
    expect(tiers([['']])).toEqual(tiers());
  });

  test('bad rules: unknown name, duplicate, wrong width, text value, blank name or value, out-of-range values', () => {
    expectPerfError(() => tiers([['min_roi', 2], ['max_roi', 9]]), '#VALUE!', /rules, row 2: unknown rule "max_roi"; expected one of exit_decline, min_roi, strategic_share, incubate_growth/);
    expectPerfError(() => tiers([['min_roi', 2], ['Min ROI', 4]]), '#VALUE!', /rules, row 2: min_roi is already set in row 1/);
    expectPerfError(() => tiers([['min_roi', 2, 3]]), '#VALUE!', /rules must have 2 columns \(name, value\); got 3/);
    expectPerfError(() => tiers([['min_roi', 'high']]), '#VALUE!', /rules, row 1 \(min_roi\) is text "high"/);
    expectPerfError(() => tiers([['min_roi', null]]), '#VALUE!', /rules, row 1 \(min_roi\) is blank/);
    expectPerfError(() => tiers([[null, 2]]), '#VALUE!', /rules, row 1: the rule name is blank/);
    expectPerfError(() => tiers([[3, 2]]), '#VALUE!', /rules, row 1: the rule name must be text/);
    expectPerfError(() => tiers([['min_roi', NaN]]), '#NUM!', /rules, row 1 \(min_roi\) is not a finite number/);
    expectPerfError(() => tiers([['exit_decline', -0.15]]), '#NUM!', /exit_decline is the size of a drop .* cannot be negative; got -0.15/);
    expectPerfError(() => tiers([['strategic_share', 1.5]]), '#NUM!', /strategic_share must be between 0 and 1; got 1.5/);
    expectPerfError(() => tiers([]), '#VALUE!', /rules: the range is empty/);
  });
});

describe('CHANNELTIER — bad inputs name the argument', () => {
  test('lengths must match revenue', () => {
    expectPerfError(() => tiers(null, { growth: [0, 0] }), '#VALUE!', /growth has 2 items but revenue has 5/);
    expectPerfError(() => tiers(null, { roi: [1] }), '#VALUE!', /roi has 1 items but revenue has 5/);
    expectPerfError(() => tiers(null, { prev: [0, 0, 0, 0, 0, 0] }), '#VALUE!', /change_prev_q has 6 items but revenue has 5/);
    expectPerfError(() => tiers(null, { last: [0, 0, 0, 0] }), '#VALUE!', /change_last_q has 4 items but revenue has 5/);
  });

  test('each input must be a vector of numbers', () => {
    const two = [[1, 2], [3, 4]];
    expectPerfError(() => channeltier(two, 0, 0, 0, 0, null), '#VALUE!', /revenue must be one row or one column; got a 2×2 range/);
    expectPerfError(() => channeltier(col([1, 2]), col([0, 'fast']), col([4, 4]), col([0, 0]), col([0, 0]), null), '#VALUE!', /growth, item 2 is text "fast"/);
    expectPerfError(() => channeltier(col([1, 2]), col([0, 0]), col([4, null]), col([0, 0]), col([0, 0]), null), '#VALUE!', /roi, item 2 is blank/);
    expectPerfError(() => channeltier(col([1, 2]), col([0, 0]), col([4, 4]), col([NaN, 0]), col([0, 0]), null), '#NUM!', /change_prev_q, item 1 is not a finite number/);
    expectPerfError(() => channeltier(col([1, 2]), col([0, 0]), col([4, 4]), col([0, 0]), [], null), '#VALUE!', /change_last_q: the range is empty/);
    expectPerfError(() => channeltier([], 0, 0, 0, 0, null), '#VALUE!', /revenue: the range is empty/);
  });

  test('revenue: negatives → #NUM!, all zero → #DIV/0! (no shares to rank)', () => {
    expectPerfError(() => tiers(null, { revenue: [100, -1, 350, 100, 50] }), '#NUM!', /revenue, item 2 cannot be negative; got -1/);
    expectPerfError(() => tiers(null, { revenue: [0, 0, 0, 0, 0] }), '#DIV/0!', /revenue: the values add up to 0/);
  });
});
