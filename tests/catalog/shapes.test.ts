/**
 * perfplan calc sizes a SIM/SIMCORR spill before evaluating it (the catalog's shape rule); the size must follow the
 * engine's own trial cap (engine/simulation.ts), or the CLI would reserve a 1,000,000-row
 * spill for a call the engine refuses. A refused call is one cell (its #NUM!).
 */
import { ArgumentInfo, CatalogFunction, Shape, ShapeRule, catalogFunction } from '../../catalog';
import { DEFAULT_TRIALS, MAX_SAMPLE_CELLS, maxTrials, sim, simcorr } from '../../engine/simulation';
import { credit as engineCredit } from '../../engine/crediting';
import { quotasplit as engineQuotasplit } from '../../engine/quotas';

/** The catalog's shape rule for a function that returns a range. */
function shapeOf(id: string): ShapeRule {
  const fn = catalogFunction(id) as CatalogFunction;
  if (fn.result.kind !== 'range') throw new Error(`${id} returns one value`);
  return fn.result.shape;
}
const RESULT_SHAPES = { SIM: shapeOf('SIM'), SIMCORR: shapeOf('SIMCORR') };

/** Arguments as the plugin reports them: shapes, and literal numbers where known. */
function args(shapes: Shape[], numbers: (number | undefined)[]): ArgumentInfo {
  return { count: shapes.length, shape: (i) => shapes[i] ?? { rows: 1, cols: 1 }, number: (i) => numbers[i] };
}
const one: Shape = { rows: 1, cols: 1 };
const simArgs = (trials: number | undefined) => args([one, one, one, one, one, one], [undefined, 4, 8, 24, trials, 1]);
const simcorrArgs = (variables: number, trials: number | undefined) =>
  args([{ rows: variables, cols: 4 }, { rows: variables, cols: variables }, one, one], [undefined, undefined, trials, 1]);

test('SIM: trials rows up to the engine cap of 200,000; over it, one cell for the #NUM!', () => {
  expect(MAX_SAMPLE_CELLS).toBe(200_000);
  expect(RESULT_SHAPES.SIM(simArgs(5000))).toEqual({ rows: 5000, cols: 1 });
  expect(RESULT_SHAPES.SIM(simArgs(200_000))).toEqual({ rows: 200_000, cols: 1 });
  expect(RESULT_SHAPES.SIM(simArgs(200_001))).toEqual({ rows: 1, cols: 1 });
  expect(RESULT_SHAPES.SIM(simArgs(1_000_000))).toEqual({ rows: 1, cols: 1 });
  expect(RESULT_SHAPES.SIM(simArgs(2.5))).toEqual({ rows: 1, cols: 1 });
  expect(RESULT_SHAPES.SIM(simArgs(undefined))).toEqual({ rows: DEFAULT_TRIALS, cols: 1 });
  // the same bounds the engine applies
  expect(sim('uniform', 0, 1, null, 200_000, 1)).toHaveLength(200_000);
  expect(() => sim('uniform', 0, 1, null, 200_001, 1)).toThrow(/200,000/);
});

test('SIMCORR: trials × variables within 200,000 cells (3 variables: at most 66,666 trials)', () => {
  expect(maxTrials(3)).toBe(66_666);
  expect(RESULT_SHAPES.SIMCORR(simcorrArgs(3, 66_666))).toEqual({ rows: 66_666, cols: 3 });
  expect(RESULT_SHAPES.SIMCORR(simcorrArgs(3, 66_667))).toEqual({ rows: 1, cols: 3 });
  expect(RESULT_SHAPES.SIMCORR(simcorrArgs(2, 100_000))).toEqual({ rows: 100_000, cols: 2 });
  expect(RESULT_SHAPES.SIMCORR(simcorrArgs(2, undefined))).toEqual({ rows: DEFAULT_TRIALS, cols: 2 });
  const dists = [
    ['uniform', 0, 1, null],
    ['uniform', 0, 1, null],
    ['uniform', 0, 1, null],
  ];
  const I3 = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  expect(() => simcorr(dists, I3, 66_667, 1)).toThrow(/66,666/);
});

test('SIMCORR with so many variables that even the default 1,000 trials is over the cap: one row', () => {
  // 201 variables × 1,000 default trials = 201,000 cells > 200,000
  expect(RESULT_SHAPES.SIMCORR(simcorrArgs(201, undefined))).toEqual({ rows: 1, cols: 201 });
});

describe('v2 result shapes follow what the engine returns', () => {
  const shapeOfResult = (grid: unknown[][]): Shape => ({ rows: grid.length, cols: grid[0].length });
  const info = (...shapes: Shape[]) => args(shapes, shapes.map(() => undefined));
  const ones = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array(cols).fill(1));

  test('CREDIT: one row per person, whether people is a column or a row', () => {
    const credit = shapeOf('CREDIT');
    const deals = [['A'], ['B']];
    expect(credit(info({ rows: 4, cols: 1 }, { rows: 2, cols: 1 }, { rows: 2, cols: 1 }))).toEqual({ rows: 4, cols: 1 });
    expect(credit(info({ rows: 1, cols: 3 }, { rows: 2, cols: 1 }, { rows: 2, cols: 1 }))).toEqual({ rows: 3, cols: 1 });
    expect(shapeOfResult(engineCredit([['A', 'B', 'C']], deals, [[1], [2]], null, null))).toEqual({ rows: 3, cols: 1 });
  });

  test('QUOTASPLIT: one annual value → the weights’ shape; n×1 annual values → n × weights; a row of annual values → one cell', () => {
    const split = shapeOf('QUOTASPLIT');
    const cases: [Shape, Shape][] = [
      [one, { rows: 1, cols: 12 }],
      [one, { rows: 4, cols: 1 }],
      [{ rows: 5, cols: 1 }, { rows: 1, cols: 12 }],
      [{ rows: 5, cols: 1 }, { rows: 4, cols: 1 }],
    ];
    for (const [annual, weights] of cases) {
      const predicted = split(info(annual, weights));
      expect(shapeOfResult(engineQuotasplit(ones(annual.rows, annual.cols), ones(weights.rows, weights.cols), null))).toEqual(predicted);
    }
    expect(split(info({ rows: 1, cols: 3 }, { rows: 1, cols: 12 }))).toEqual({ rows: 1, cols: 1 });
  });

  test('POOL: the shape of shares; REBATE: amount and level broadcast', () => {
    expect(shapeOf('POOL')(info(one, { rows: 1, cols: 6 }))).toEqual({ rows: 1, cols: 6 });
    expect(shapeOf('REBATE')(info({ rows: 7, cols: 1 }, { rows: 3, cols: 4 }, { rows: 1, cols: 3 }))).toEqual({ rows: 7, cols: 3 });
  });
});

describe('one element per row or per column of an argument', () => {
  const info = (...shapes: Shape[]) => args(shapes, shapes.map(() => undefined));

  test.each(['SCORECARD', 'RESPONSE', 'ALLOCATE'])('%s: a column with one element per row of its table (people, channels)', (id) => {
    const table = { rows: 7, cols: 3 };
    const tableAt = id === 'SCORECARD' ? 0 : 1;
    const shapes = [one, one, one].map((s, i) => (i === tableAt ? table : s));
    expect(shapeOf(id)(info(...shapes))).toEqual({ rows: 7, cols: 1 });
  });

  test.each(['ENTROPY', 'CRITIC'])('%s: a row with one weight per criterion (a column of the data)', (id) => {
    expect(shapeOf(id)(info({ rows: 20, cols: 4 }))).toEqual({ rows: 1, cols: 4 });
  });
});
