/**
 * "Explain this cell": for every supported function the 'add' steps sum to the value, the
 * value is exactly what the engine function returns for that element, and the steps read
 * like the working a commission analyst would write down ("20,000 × 4%").
 */
import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import { Locale, pickLocale } from '../../i18n/locale';
import {
  ExplainStep,
  Explanation,
  explainAhp,
  explainAllocate,
  explainCredit,
  explainCurve,
  explainPayback,
  explainPayout,
  explainPool,
  explainQuotasplit,
  explainRebate,
  explainScorecard,
  explainTiered,
  explanationAddsUp,
  explanationLines,
  formatNumber,
  formatPercent,
  stepFormula,
  stepLabel,
  stepText,
  sumOfAddSteps,
} from '../../engine/explain';
import { EXPLAINABLE_FUNCTIONS, explainCall } from '../../catalog/explain';
import * as engine from '../../engine';
import { expectPerfError } from '../support/errors';
import { AHP_ONE_EXPERT, AHP_TWO_EXPERTS, TIERS } from '../support/fixtures';
import { uniformPools } from '../support/engine-uniform-pools';

const CURVE = [
  [0.5, 0],
  [0.8, 0.5],
  [1, 1],
  [1.5, 2],
];
const CJK = /[\u4e00-\u9fff]/;
/** A step's label in en-US (or `locale`), as the CLI and the pane show it. */
const label = (s: ExplainStep, locale: Locale = 'en-US') => stepLabel(s, locale);

/** The checks every explanation must pass; `engineValue` is the engine function's own result. */
function expectConsistent(e: Explanation, engineValue: unknown): void {
  expect(typeof engineValue).toBe('number');
  expect(e.value).toBe(engineValue);
  const adds = e.steps.filter((s) => s.kind === 'add');
  expect(adds.length).toBeGreaterThan(0);
  const total = adds.reduce((s, step) => s + step.amount, 0);
  expect(Math.abs(total - e.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.value)));
  expect(explanationAddsUp(e)).toBe(true);
  const last = e.steps[e.steps.length - 1];
  expect(last.kind).toBe('result');
  expect(last.amount).toBe(e.value);
  expect(e.steps.filter((s) => s.kind === 'result')).toHaveLength(1);
  for (const s of e.steps) {
    expect(label(s).length).toBeGreaterThan(0);
    expect(label(s, 'zh-CN').length).toBeGreaterThan(0);
    expect(typeof stepFormula(s)).toBe('string');
    expect(Number.isFinite(s.amount)).toBe(true);
    if (s.kind !== 'info') expect(label(s, 'zh-CN')).toMatch(CJK);
    expect(label(s)).not.toMatch(CJK);
    expect(stepText(s)).not.toMatch(CJK);
  }
}

const adds = (e: Explanation): ExplainStep[] => e.steps.filter((s) => s.kind === 'add');
const infos = (e: Explanation): ExplainStep[] => e.steps.filter((s) => s.kind === 'info');
const cell = (grid: unknown[][], r = 0, c = 0) => grid[r][c];

describe('formatting', () => {
  it('numbers with thousands separators, rates as percentages', () => {
    expect(formatNumber(15000)).toBe('15,000');
    expect(formatNumber(15000 * 0.07)).toBe('1,050');
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect(formatNumber(0.083333333)).toBe('0.08333');
    expect(formatNumber(-700)).toBe('-700');
    expect(formatNumber(0)).toBe('0');
    expect(formatPercent(0.07)).toBe('7%');
    expect(formatPercent(0.025)).toBe('2.5%');
    expect(formatPercent(1.2)).toBe('120%');
  });

  describe('language tags: zh-CN / zh / zh-Hans → zh; anything else → en (one locale decision, i18n/locale.ts)', () => {
    it.each([
      ['zh-CN', 'zh-CN'],
      ['zh', 'zh-CN'],
      ['zh-Hans-CN', 'zh-CN'],
      ['zh-TW', 'en-US'],
      ['en-US', 'en-US'],
      [undefined, 'en-US'],
    ])('%p → %s', (tag, locale) => {
      expect(pickLocale(tag)).toBe(locale);
    });
  });
});

describe('TIERED', () => {
  it('marginal: one add step per slice, "20,000 × 2%" + "15,000 × 4%" = 1,000', () => {
    const e = explainTiered(35000, TIERS, null);
    expectConsistent(e, cell(engine.tiered(35000, TIERS, null)));
    expect(e.value).toBeCloseTo(1000, 9);
    expect(adds(e).map((s) => s.formula)).toEqual(['20,000 × 2%', '15,000 × 4%']);
    expect(adds(e).map((s) => s.amount)).toEqual([400, 600]);
    expect(label(adds(e)[1])).toBe('Tier 2 (20,000 to 50,000)');
    expect(label(adds(e)[1], 'zh-CN')).toBe('第 2 档（20,000 至 50,000）');
    expect(explanationLines(e)).toContain('+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600');
    expect(explanationLines(e).at(-1)).toBe('= Commission: 400 + 600 = 1,000');
    expect(explanationLines(e, 'zh-CN')).toContain('+ 第 1 档（0 至 20,000）：20,000 × 2% = 400');
  });

  it('marginal over the top tier: "20,000 × 4%" is the whole second tier', () => {
    const e = explainTiered(80000, TIERS, 'marginal');
    expectConsistent(e, cell(engine.tiered(80000, TIERS, 'marginal')));
    expect(adds(e).map((s) => s.formula)).toEqual(['20,000 × 2%', '30,000 × 4%', '30,000 × 6%']);
    expect(label(adds(e)[2])).toBe('Tier 3 (50,000 and above)');
  });

  it('an element of a spilled column: row 3 of B2:B4', () => {
    const amounts = [[10000], [35000], [80000]];
    const all = engine.tiered(amounts, TIERS, null);
    for (let r = 0; r < 3; r++) expectConsistent(explainTiered(amounts, TIERS, null, { row: r, col: 0 }), cell(all, r));
    expect(explainTiered(amounts, TIERS, null, { row: 0, col: 0 }).value).toBeCloseTo(200, 9);
  });

  it('an element of a row of amounts (column offset)', () => {
    const amounts = [[5000, 20000, 65000, 0]];
    const all = engine.tiered(amounts, TIERS, 'retro');
    for (let c = 0; c < 4; c++) expectConsistent(explainTiered(amounts, TIERS, 'retro', { row: 0, col: c }), cell(all, 0, c));
  });

  it('retro: the reached tier’s rate × the whole amount', () => {
    const e = explainTiered(35000, TIERS, 'retro');
    expectConsistent(e, cell(engine.tiered(35000, TIERS, 'retro')));
    expect(adds(e)).toHaveLength(1);
    expect(adds(e)[0].formula).toBe('35,000 × 4%');
    expect(e.value).toBeCloseTo(1400, 9);
  });

  it('exactly on a threshold and at 0', () => {
    const e = explainTiered(20000, TIERS, null);
    expectConsistent(e, cell(engine.tiered(20000, TIERS, null)));
    expect(adds(e).map((s) => s.formula)).toEqual(['20,000 × 2%']);
    const zero = explainTiered(0, TIERS, null);
    expectConsistent(zero, 0);
    expect(adds(zero).map((s) => s.formula)).toEqual(['0 × 2%']);
  });

  it('steps add up for any amount and tier table (property)', () => {
    const table = fc
      .array(fc.tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })), { minLength: 0, maxLength: 6 })
      .map((rows) => {
        const thresholds = [...new Set(rows.map((r) => r[0]))].sort((a, b) => a - b);
        return [[0, 0.01], ...thresholds.map((t, i) => [t, rows[i][1]])];
      });
    fc.assert(
      fc.property(table, fc.double({ min: 0, max: 2e6, noNaN: true }), fc.constantFrom('marginal', 'retro'), (tiers, amount, method) => {
        const e = explainTiered(amount, tiers, method);
        expect(e.value).toBe(cell(engine.tiered(amount, tiers, method)));
        expect(explanationAddsUp(e)).toBe(true);
      }),
    );
  });

  it('the element’s own error is thrown (negative amount → #NUM!), and a bad table → #VALUE!', () => {
    expectPerfError(() => explainTiered(-5, TIERS, null), '#NUM!', /amount cannot be negative/);
    expectPerfError(() => explainTiered([[100], [-5]], TIERS, null, { row: 1, col: 0 }), '#NUM!', /amount cannot be negative/);
    // The other element of the same call explains fine.
    expectConsistent(explainTiered([[100], [-5]], TIERS, null, { row: 0, col: 0 }), 2);
    expectPerfError(() => explainTiered(5, [[20000, 0.04]], null), '#VALUE!', /first threshold must be 0/);
    expectPerfError(() => explainTiered(5, TIERS, 'flat'), '#VALUE!', /method must be one of/);
  });

  it('an element outside the result → #VALUE!', () => {
    expectPerfError(() => explainTiered([[1], [2]], TIERS, null, { row: 2, col: 0 }), '#VALUE!', /row 3, column 1 is outside its 2×1 result/);
    expectPerfError(() => explainTiered(1, TIERS, null, { row: 0, col: -1 }), '#VALUE!', /counted from 0/);
  });
});

describe('CURVE', () => {
  it('linear inside a segment: y at its start + the interpolation', () => {
    const e = explainCurve(0.95, CURVE, null);
    expectConsistent(e, cell(engine.curve(0.95, CURVE, null)));
    expect(adds(e).map((s) => s.formula)).toEqual(['0.5', '(1 − 0.5) × (0.95 − 0.8) / (1 − 0.8)']);
    expect(infos(e).some((s) => label(s) === 'Segment 2 from (0.8, 0.5) to (1, 1)')).toBe(true);
    expect(e.value).toBeCloseTo(0.875, 12);
  });

  it('clamped below the first and beyond the last point; exactly on a point', () => {
    for (const x of [0.2, 0.5, 0.8, 1.5, 3]) {
      const e = explainCurve(x, CURVE, 'linear');
      expectConsistent(e, cell(engine.curve(x, CURVE, 'linear')));
    }
    expect(infos(explainCurve(3, CURVE, null)).some((s) => /Beyond the last point/.test(label(s)))).toBe(true);
    expect(infos(explainCurve(0.2, CURVE, null)).some((s) => /Below the first point/.test(label(s)))).toBe(true);
  });

  it('lookup: the band’s y, 0 below the first band', () => {
    const e = explainCurve(0.9, CURVE, 'lookup');
    expectConsistent(e, cell(engine.curve(0.9, CURVE, 'lookup')));
    expect(e.value).toBe(0.5);
    const below = explainCurve(0.1, CURVE, 'lookup');
    expectConsistent(below, 0);
  });

  it('an element of a 2-D range of x', () => {
    const xs = [
      [0.6, 0.9],
      [1.2, 1.7],
    ];
    const all = engine.curve(xs, CURVE, null);
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) expectConsistent(explainCurve(xs, CURVE, null, { row: r, col: c }), cell(all, r, c));
  });

  it('steps add up for any x (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom('linear', 'lookup'), (x, mode) => {
        const e = explainCurve(x, CURVE, mode);
        expect(e.value).toBe(cell(engine.curve(x, CURVE, mode)));
        expect(explanationAddsUp(e)).toBe(true);
      }),
    );
  });
});

describe('PAYOUT', () => {
  it('gate above, cap binding: 10,000 × 150%', () => {
    const e = explainPayout(1.4, CURVE, 10000, 0.8, 1.5);
    expectConsistent(e, cell(engine.payout(1.4, CURVE, 10000, 0.8, 1.5)));
    expect(e.value).toBe(15000);
    expect(adds(e).map((s) => s.formula)).toEqual(['10,000 × 150%']);
    const text = explanationLines(e);
    expect(text).toContain('· Gate passed: 140% ≥ 80%');
    expect(text).toContain('· Segment 3 from (100%, 100%) to (150%, 200%): 100% ≤ 140% < 150%');
    expect(text).toContain('· Payout factor from the curve: 100% + 80% = 180%');
    expect(text).toContain('· Cap binds (the factor is capped): min(150%, 180%) = 150%');
  });

  it('gate below: nothing is paid', () => {
    const e = explainPayout(0.7, CURVE, 10000, 0.8, 1.5);
    expectConsistent(e, cell(engine.payout(0.7, CURVE, 10000, 0.8, 1.5)));
    expect(e.value).toBe(0);
    expect(infos(e).some((s) => /Gate not reached/.test(label(s)) && s.formula === '70% < 80%')).toBe(true);
  });

  it('cap not binding, and no cap at all', () => {
    const e = explainPayout(0.95, CURVE, 8000, null, 1.5);
    expectConsistent(e, cell(engine.payout(0.95, CURVE, 8000, null, 1.5)));
    expect(infos(e).some((s) => label(s) === 'Cap does not bind')).toBe(true);
    const uncapped = explainPayout(1.4, CURVE, 8000, null, null);
    expectConsistent(uncapped, cell(engine.payout(1.4, CURVE, 8000, null, null)));
    expect(infos(uncapped).some((s) => label(s) === 'No cap')).toBe(true);
    expect(infos(uncapped).some((s) => label(s) === 'Gate (default 0) passed')).toBe(true);
  });

  it('element-wise: attainments and target incentives broadcast by row', () => {
    const attainments = [[0.6], [0.85], [1.1], [1.6]];
    const targets = [[5000], [6000], [7000], [8000]];
    const all = engine.payout(attainments, CURVE, targets, 0.7, 1.8);
    for (let r = 0; r < 4; r++) expectConsistent(explainPayout(attainments, CURVE, targets, 0.7, 1.8, { row: r, col: 0 }), cell(all, r));
  });

  it('steps add up for any attainment, gate and cap (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 3, noNaN: true })),
        (a, target, gate, cap) => {
          const e = explainPayout(a, CURVE, target, gate, cap);
          expect(e.value).toBe(cell(engine.payout(a, CURVE, target, gate, cap)));
          expect(explanationAddsUp(e)).toBe(true);
        },
      ),
    );
  });

  it('a negative target incentive → the engine’s #NUM!', () => {
    expectPerfError(() => explainPayout(1, CURVE, -1, null, null), '#NUM!', /target_incentive cannot be negative/);
  });
});

describe('SCORECARD', () => {
  const actuals = [
    [110, 90, 130],
    [80, 100, 95],
    [100, 140, 100],
  ];
  const targets = [[100, 100, 100]];
  const weights = [[50, 30, 20]];

  it('per KPI attainment, clamp, × weight; lower-is-better KPI and the cap', () => {
    const e = explainScorecard(actuals, targets, weights, [[1, -1, 1]], 1.2, null, { row: 0, col: 0 });
    expectConsistent(e, cell(engine.scorecard(actuals, targets, weights, [[1, -1, 1]], 1.2, null), 0));
    expect(adds(e).map((s) => s.formula)).toEqual(['50% × 110%', '30% × 110%', '20% × 120%']);
    const text = explanationLines(e);
    expect(text).toContain('· KPI 2 attainment (lower is better): max(0, 2 − 90 / 100) = 110%');
    expect(text).toContain('· KPI 3 capped: min(120%, 130%) = 120%');
    expect(e.value).toBeCloseTo(0.5 * 1.1 + 0.3 * 1.1 + 0.2 * 1.2, 12);
  });

  it('every row, with a floor and per-person targets', () => {
    const perPerson = [
      [100, 100, 100],
      [90, 120, 100],
      [110, 100, 80],
    ];
    const all = engine.scorecard(actuals, perPerson, weights, [[1, -1, 1]], null, 0.5);
    for (let r = 0; r < 3; r++) expectConsistent(explainScorecard(actuals, perPerson, weights, [[1, -1, 1]], null, 0.5, { row: r, col: 0 }), cell(all, r));
    // KPI 1 at 10 / 100 = 10% is raised to the 50% floor.
    const floored = explainScorecard([[10, 190, 100]], targets, weights, [[1, -1, 1]], null, 0.5);
    expectConsistent(floored, cell(engine.scorecard([[10, 190, 100]], targets, weights, [[1, -1, 1]], null, 0.5)));
    expect(infos(floored).some((s) => label(s) === 'KPI 1 raised to the floor')).toBe(true);
  });

  it('weights that do not sum to 1 are shown normalized', () => {
    const e = explainScorecard(actuals, targets, weights, null, null, null, { row: 1, col: 0 });
    expect(infos(e).some((s) => label(s) === 'Weights normalized to sum to 1')).toBe(true);
    expectConsistent(e, cell(engine.scorecard(actuals, targets, weights, null, null, null), 1));
  });

  it('a bad target in the explained row → the engine’s #NUM!; a column offset → outside the result', () => {
    expectPerfError(() => explainScorecard([[1, 2]], [[0, 1]], [[1, 1]], null, null, null), '#NUM!', /targets, column 1 must be greater than 0/);
    expectPerfError(() => explainScorecard(actuals, targets, weights, null, null, null, { row: 0, col: 1 }), '#VALUE!', /outside its 3×1 result/);
  });
});

describe('AHP', () => {
  const matrix = AHP_ONE_EXPERT;

  it('eigen: eigenvector component, with λmax and CR as info', () => {
    const all = engine.ahp(matrix, null);
    for (let r = 0; r < 3; r++) expectConsistent(explainAhp(matrix, null, { row: r, col: 0 }), cell(all, r));
    const e = explainAhp(matrix, null, { row: 1, col: 0 });
    const cr = infos(e).find((s) => /Consistency ratio/.test(label(s)))!;
    expect(cr.amount).toBe(engine.ahpcr(matrix));
    const lambda = infos(e).find((s) => /λmax/.test(label(s)) && /Largest eigenvalue/.test(label(s)))!;
    expect(lambda.amount).toBeCloseTo(engine.ahpEigen(engine.readAhpMatrix(matrix)).lambdaMax, 12);
    expect(infos(e).some((s) => label(s) === 'Row 2 geometric mean' && s.formula === '(0.3333 × 1 × 2)^(1/3)')).toBe(true);
  });

  it('geomean: row geometric mean / sum', () => {
    const all = engine.ahp(matrix, 'geomean');
    const e = explainAhp(matrix, 'geomean', { row: 0, col: 0 });
    expectConsistent(e, cell(all, 0));
    expect(label(adds(e)[0])).toBe('Weight = row geometric mean / sum');
    expect(infos(e).some((s) => /Consistency ratio/.test(label(s)))).toBe(true);
  });

  it('stacked experts: the aggregated comparisons are shown', () => {
    const stacked = AHP_TWO_EXPERTS;
    const all = engine.ahp(stacked, null);
    for (let r = 0; r < 3; r++) expectConsistent(explainAhp(stacked, null, { row: r, col: 0 }), cell(all, r));
    const e = explainAhp(stacked, null, { row: 0, col: 0 });
    const aggregated = infos(e).find((s) => label(s) === 'Aggregated comparison a[1,2]')!;
    expect(aggregated.formula).toBe('(3 × 5)^(1/2)');
    expect(aggregated.amount).toBeCloseTo(Math.sqrt(15), 12);
    expect(infos(e).some((s) => /2 experts aggregated/.test(label(s)))).toBe(true);
  });

  it('n = 2: CR is 0', () => {
    const e = explainAhp([[1, 4], [null, 1]], null, { row: 0, col: 0 });
    expectConsistent(e, cell(engine.ahp([[1, 4], [null, 1]], null), 0));
    expect(e.value).toBeCloseTo(0.8, 12);
    expect(infos(e).find((s) => /Consistency ratio/.test(label(s)))!.amount).toBe(0);
  });

  it('matrix errors are the engine’s', () => {
    expectPerfError(() => explainAhp([[1, -3], [null, 1]], null), '#NUM!', /must be greater than 0/);
    expectPerfError(() => explainAhp([[1, 2, 3]], null), '#VALUE!', /must be n×n/);
  });
});

describe('PAYBACK', () => {
  it('undiscounted: cumulative per period, then whole periods + the fraction', () => {
    const flows = [[-1000, 300, 400, 500, 200]];
    const e = explainPayback(flows, null);
    expectConsistent(e, engine.payback(flows, null));
    expect(e.value).toBeCloseTo(2.6, 12);
    expect(adds(e).map((s) => [s.formula, s.amount])).toEqual([
      ['2', 2],
      ['300 / 500', 0.6],
    ]);
    expect(infos(e).map((s) => s.amount)).toEqual([-1000, -700, -300, 200]);
  });

  it('discounted: each flow over (1 + rate)^t', () => {
    const flows = [[-1000], [300], [400], [500], [200]];
    const e = explainPayback(flows, 0.1);
    expectConsistent(e, engine.payback(flows, 0.1));
    expect(infos(e).some((s) => s.formula === '-1,000 + 300 / 1.1^1')).toBe(true);
    expect(adds(e)[0].amount).toBe(3);
  });

  it('paid back at t = 0 and in the first period', () => {
    expectConsistent(explainPayback([[100, 50]], null), 0);
    const first = explainPayback([[-100, 400]], null);
    expectConsistent(first, engine.payback([[-100, 400]], null));
    expect(adds(first).map((s) => s.amount)).toEqual([0, 0.25]);
  });

  it('never pays back → #N/A; a scalar has only element (0, 0)', () => {
    expectPerfError(() => explainPayback([[-1000, 100, 100]], null), '#N/A', /never pay back/);
    expectPerfError(() => explainPayback([[-1000, 2000]], null, { row: 1, col: 0 }), '#VALUE!', /outside its 1×1 result/);
  });
});

describe('ALLOCATE', () => {
  const curves = [
    [1000, 200, 0.8],
    [1500, 400, 1],
    [800, 100, 0.6],
  ];

  it('interior channels: spend where the marginal return equals the common λ', () => {
    const all = engine.allocate(1000, curves, null, null);
    for (let r = 0; r < 3; r++) expectConsistent(explainAllocate(1000, curves, null, null, { row: r, col: 0 }), cell(all, r));
    const e = explainAllocate(1000, curves, null, null, { row: 1, col: 0 });
    const own = infos(e).find((s) => label(s) === "Marginal return r'(x)")!.amount;
    const lambda = infos(e).find((s) => /Common marginal return λ/.test(label(s)))!.amount;
    expect(own).toBeCloseTo(lambda, 9);
    expect(infos(e).some((s) => label(s) === 'Inside its bounds (marginal return equals λ)')).toBe(true);
    const response = infos(e).find((s) => /^Response/.test(label(s)))!.amount;
    expect(response).toBeCloseTo(cell(engine.response(all, curves), 1) as number, 9);
  });

  it('at an upper bound: r′ ≥ λ', () => {
    const maxs = [[1000], [1000], [150]];
    const all = engine.allocate(1000, curves, null, maxs);
    const e = explainAllocate(1000, curves, null, maxs, { row: 2, col: 0 });
    expectConsistent(e, cell(all, 2));
    expect(e.value).toBe(150);
    const bound = infos(e).find((s) => /Upper bound hit/.test(label(s)))!;
    expect(bound.formula).toMatch(/^r' = [\d.,]+ ≥ λ = [\d.,]+$/);
  });

  it('at a lower bound: the minimum is an add step, r′ ≤ λ', () => {
    const mins = [[300], [0], [0]];
    const all = engine.allocate(1000, curves, mins, null);
    const e = explainAllocate(1000, curves, mins, null, { row: 0, col: 0 });
    expectConsistent(e, cell(all, 0));
    expect(adds(e)[0]).toMatchObject({ formula: '300', amount: 300 });
    expect(infos(e).some((s) => /Lower bound hit/.test(label(s)))).toBe(true);
    // A channel with a minimum that it exceeds: minimum + the spend above it.
    const above = explainAllocate(1000, curves, [[100], [0], [0]], null, { row: 0, col: 0 });
    expectConsistent(above, cell(engine.allocate(1000, curves, [[100], [0], [0]], null), 0));
    expect(adds(above)).toHaveLength(2);
  });

  it('S-shaped curves and every channel (property over budgets)', () => {
    const sCurves = [
      [1000, 300, 2.5],
      [900, 200, 0.9],
    ];
    fc.assert(
      fc.property(fc.double({ min: 1, max: 3000, noNaN: true }), fc.integer({ min: 0, max: 1 }), (budget, row) => {
        const e = explainAllocate(budget, sCurves, null, null, { row, col: 0 });
        expect(e.value).toBe(cell(engine.allocate(budget, sCurves, null, null), row));
        expect(explanationAddsUp(e)).toBe(true);
      }),
      { numRuns: 30 },
    );
    expect(infos(explainAllocate(800, sCurves, null, null)).some((s) => /S-shaped/.test(label(s)) && s.amount > 0)).toBe(true);
  });

  it('infeasible bounds → the engine’s #NUM!', () => {
    expectPerfError(() => explainAllocate(100, curves, [[50], [50], [50]], null), '#NUM!', /minimums add up to 150/);
  });
});

describe('CREDIT', () => {
  // The team of tests/engine/crediting.test.ts: Zhang → Li → Wang, Chen → Wang.
  const PEOPLE = [['Wang'], ['Li'], ['Zhang'], ['Chen']];
  const DEAL_PEOPLE = [['Wang'], ['Li'], ['Zhang'], ['Li'], ['Chen']];
  const AMOUNTS = [[10_000], [8_000], [8_000], [-1_000], [5_000]];
  const SHARES = [[1], [0.6], [0.4], [null], [1]];
  const MANAGERS = [[null], ['Wang'], ['Li'], ['Wang']];
  const all = engine.credit(PEOPLE, DEAL_PEOPLE, AMOUNTS, SHARES, MANAGERS);

  it('a manager: own deals, then each direct report’s roll-up with the size of their team', () => {
    const e = explainCredit(PEOPLE, DEAL_PEOPLE, AMOUNTS, SHARES, MANAGERS, { row: 0, col: 0 });
    expectConsistent(e, cell(all, 0));
    expect(e.value).toBe(22_000);
    expect(adds(e).map((s) => [label(s), s.formula, s.amount])).toEqual([
      ['Own deal, row 1', '10,000', 10_000],
      ['Roll-up from "Li" and everyone reporting to them (2 in all)', '7,000', 7_000],
      ['Roll-up from "Chen" and everyone reporting to them (1 in all)', '5,000', 5_000],
    ]);
    expect(explanationLines(e).at(-1)).toBe('= Credit of "Wang": 10,000 + 7,000 + 5,000 = 22,000');
    expect(explanationLines(e, 'zh-CN')).toContain('+ 来自 "Li" 及其全部下属的汇总（共 2 人）：7,000');
  });

  it('a split deal and a return among one’s own deals: amount × share per row', () => {
    const e = explainCredit(PEOPLE, DEAL_PEOPLE, AMOUNTS, SHARES, MANAGERS, { row: 1, col: 0 });
    expectConsistent(e, cell(all, 1));
    expect(adds(e).map((s) => s.formula)).toEqual(['8,000 × 60%', '-1,000', '3,200']);
    expect(infos(e)[0].amount).toBe(2);
    expect(label(infos(e)[0])).toBe('Deal rows credited to "Li" (people, row 2)');
  });

  it('no deals of one’s own; many deals are one step; no managers: no roll-up', () => {
    const e = explainCredit([['A'], ['B']], [['A']], [[5]], null, null, { row: 1, col: 0 });
    expectConsistent(e, 0);
    expect(label(adds(e)[0])).toBe('No deals of their own');
    const many = Array.from({ length: 30 }, (_, i) => [i + 1]);
    const m = explainCredit([['A']], many.map(() => ['A']), many, null, null);
    expectConsistent(m, 465);
    expect(adds(m).map((s) => label(s))).toEqual(['Own deals (30 rows)']);
  });

  it('the call’s own errors: a cycle → #NUM!, a person outside the result → #VALUE!', () => {
    expectPerfError(() => explainCredit([['A'], ['B']], [['A']], [[1]], null, [['B'], ['A']]), '#NUM!', /runs in a circle/);
    expectPerfError(() => explainCredit(PEOPLE, DEAL_PEOPLE, AMOUNTS, SHARES, MANAGERS, { row: 4, col: 0 }), '#VALUE!', /outside its 4×1 result/);
  });
});

describe('POOL', () => {
  const SHARES = [[1], [2], [3], [4]];

  it('λ from the pool and the shares paid in proportion; the cap binds for the top shares', () => {
    // 1,000 over 1:2:3:4, cap 300 (tests/engine/pool.test.ts): the 3rd and 4th at 300, λ = 400 / 3.
    const all = engine.pool(1000, SHARES, 300, null);
    const inside = explainPool(1000, SHARES, 300, null, { row: 1, col: 0 });
    expectConsistent(inside, cell(all, 1));
    const lambda = infos(inside).find((s) => s.key === 'pool.lambda')!;
    expect(lambda.formula).toBe('(1,000 − 600) / 3');
    expect(lambda.amount).toBeCloseTo(400 / 3, 12);
    expect(adds(inside).map((s) => s.key)).toEqual(['pool.proportional']);
    const capped = explainPool(1000, SHARES, 300, null, { row: 3, col: 0 });
    expectConsistent(capped, cell(all, 3));
    expect(capped.steps.map((s) => s.key)).toContain('pool.capHit');
    expect(adds(capped).map((s) => [s.key, s.amount])).toEqual([['pool.atCap', 300]]);
    expect(explanationLines(capped)).toContain('· λ × share is above the cap: the cap binds: 133.33 × 4 = 533.33 > 300');
    expect(explanationLines(capped, 'zh-CN')).toContain('+ 封顶金额：300');
  });

  it('the floor binds for a small share; a share of 0 earns only its floor', () => {
    const all = engine.pool(1000, [[1], [1], [8]], null, 150);
    const floored = explainPool(1000, [[1], [1], [8]], null, 150, { row: 0, col: 0 });
    expectConsistent(floored, cell(all, 0));
    expect(floored.steps.map((s) => s.key)).toEqual(['pool.pool', 'pool.share', 'pool.bounds', 'pool.lambda', 'pool.floorHit', 'pool.atFloor', 'pool.result']);
    const none = explainPool(100, [[0], [1], [1]], null, [[10], [0], [0]], { row: 0, col: 0 });
    expectConsistent(none, 10);
    expect(none.steps.map((s) => s.key)).toContain('pool.noShare');
  });

  it('the caps hold less than the pool: everyone at their cap, the rest left in the pool; a row of shares', () => {
    const e = explainPool(1000, [[1, 2, 3]], 200, null, { row: 0, col: 2 });
    expectConsistent(e, 200);
    expect(infos(e).find((s) => s.key === 'pool.leftover')!.amount).toBe(400);
    expect(adds(e).map((s) => s.key)).toEqual(['pool.atCap']);
  });

  it('steps add up for any pool, shares and bounds (property)', () => {
    const pools = uniformPools({ maxShare: 100, people: { min: 1, max: 8 }, cap: { min: 10, max: 500 }, maxFloor: 9, maxExtra: 3000 });
    fc.assert(
      fc.property(pools, ({ total, shares, cap, floor }) => {
        const grid = shares.map((s) => [s]);
        const all = engine.pool(total, grid, cap, floor);
        shares.forEach((_, i) => expectConsistent(explainPool(total, grid, cap, floor, { row: i, col: 0 }), cell(all, i)));
      }),
      { numRuns: 100 },
    );
  });

  it('the call’s own errors: floors above the pool → #NUM!', () => {
    expectPerfError(() => explainPool(10, SHARES, null, 5), '#NUM!', /the floors need 20 in all/);
  });
});

describe('QUOTASPLIT', () => {
  it('rounded: the exact part, floored to a multiple, one more for the largest remainder', () => {
    // 1,000 over 1:2:4 in tens (tests/engine/quotas.test.ts): 140, 290, 570.
    const all = engine.quotasplit(1000, [[1, 2, 4]], 10);
    const second = explainQuotasplit(1000, [[1, 2, 4]], 10, { row: 0, col: 1 });
    expectConsistent(second, cell(all, 0, 1));
    expect(adds(second).map((s) => [s.key, s.amount])).toEqual([['quota.floor', 280], ['quota.extra', 10]]);
    expect(explanationLines(second)).toContain('+ One more 10: remainder 1 of the 1 largest: 10');
    const third = explainQuotasplit(1000, [[1, 2, 4]], 10, { row: 0, col: 2 });
    expectConsistent(third, cell(all, 0, 2));
    expect(infos(third).map((s) => s.key)).toContain('quota.noExtra');
    expect(explanationLines(third, 'zh-CN')).toContain('+ 向下取整为 10 的整数倍：570');
  });

  it('n×k: the element’s row is its annual target; unrounded: annual × weight share', () => {
    const all = engine.quotasplit([[1000], [2000]], [[1, 2, 4]], 10);
    expectConsistent(explainQuotasplit([[1000], [2000]], [[1, 2, 4]], 10, { row: 1, col: 0 }), cell(all, 1, 0));
    const plain = explainQuotasplit(1200, [[1], [2], [3]], null, { row: 2, col: 0 });
    expectConsistent(plain, 600);
    expect(adds(plain).map((s) => s.formula)).toEqual(['1,200 × 3 / 6']);
  });
});

describe('REBATE', () => {
  const LADDER = [
    ['', 'national', 'distributor', 'retail'],
    [0, 0.01, 0.02, 0.03],
    [100_000, 0.02, 0.03, 0.04],
  ];

  it('the level’s column, then TIERED’s working on it (retro by default, marginal on request)', () => {
    const retro = explainRebate([[300_000]], LADDER, 'distributor', null);
    expectConsistent(retro, cell(engine.rebate([[300_000]], LADDER, 'distributor', null)));
    expect(label(retro.steps[1])).toBe('Level "distributor", its column in ladder');
    expect(retro.steps[1].amount).toBe(3);
    expect(adds(retro).map((s) => s.formula)).toEqual(['300,000 × 3%']);
    const marginal = explainRebate([[300_000]], LADDER, 'distributor', '边际');
    expectConsistent(marginal, cell(engine.rebate([[300_000]], LADDER, 'distributor', 'marginal')));
    expect(adds(marginal).map((s) => s.formula)).toEqual(['100,000 × 2%', '200,000 × 3%']);
  });

  it('per-row levels; an unknown level is the element’s #N/A', () => {
    const levels = [['retail'], ['national']];
    const all = engine.rebate([[50_000], [150_000]], LADDER, levels, null);
    expectConsistent(explainRebate([[50_000], [150_000]], LADDER, levels, null, { row: 1, col: 0 }), cell(all, 1));
    expectPerfError(() => explainRebate([[1], [2]], LADDER, [['retail'], ['direct']], null, { row: 1, col: 0 }), '#N/A', /"direct" is not a level of ladder/);
  });
});

describe('explainCall (dispatch by name, as the task pane and the CLI use it)', () => {
  it('supports the eleven functions, with or without the namespace, omitted arguments padded with null', () => {
    expect([...EXPLAINABLE_FUNCTIONS].sort()).toEqual(['AHP', 'ALLOCATE', 'CREDIT', 'CURVE', 'PAYBACK', 'PAYOUT', 'POOL', 'QUOTASPLIT', 'REBATE', 'SCORECARD', 'TIERED']);
    const e = explainCall('perf.tiered', [[[35000]], TIERS]);
    expect(e.function).toBe('TIERED');
    expect(e.value).toBeCloseTo(1000, 9);
    expect(explainCall('PAYBACK', [[[-100, 50, 100]]]).value).toBeCloseTo(1.5, 12);
    expect(sumOfAddSteps(explainCall('SCORECARD', [[[110, 90]], [[100, 100]], [[1, 1]]]))).toBeCloseTo(1, 12);
  });

  it('an unsupported function or too many arguments → #VALUE!', () => {
    expectPerfError(() => explainCall('SIM', ['normal', 0, 1]), '#VALUE!', /PERF\.SIM has no step-by-step explanation; supported: .*PERF\.TIERED/);
    expectPerfError(() => explainCall('CURVE', [1, CURVE, null, 4]), '#VALUE!', /takes at most 3 arguments/);
  });

  it('a cell error passed in is the error of the result', () => {
    const error = new PerfError('#DIV/0!', 'an input cell holds #DIV/0!');
    expect(() => explainCall('TIERED', [error, TIERS])).toThrow(error);
  });

  it('stepText: the formula, then "= amount" unless it already states it', () => {
    const step = (kind: ExplainStep['kind'], formula: ExplainStep['formula'], amount: number): ExplainStep => ({ kind, key: 'tiered.amount', params: {}, formula, amount });
    expect(stepText(step('add', '15,000 × 7%', 1050))).toBe('15,000 × 7% = 1,050');
    expect(stepText(step('info', '95% ≥ 80%', 0.8))).toBe('95% ≥ 80%');
    expect(stepText(step('info', '20,000', 20000))).toBe('20,000');
    expect(stepText(step('info', 'marginal', 0))).toBe('marginal');
    // A formula with words is a phrase: it follows the locale like the label.
    const none = step('info', { text: { 'en-US': 'none', 'zh-CN': '无' } }, 1.5);
    expect([stepText(none), stepText(none, 'zh-CN')]).toEqual(['none', '无']);
  });
});
