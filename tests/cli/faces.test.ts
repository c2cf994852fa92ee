/**
 * One table drives both faces: every case runs through the Excel adapter (the functions
 * adapters/excel/functions.ts registers, with the CustomFunctions runtime stubbed as Office
 * defines it) and through `perfplan calc` on a workbook saved as Excel saves it; the two must
 * agree cell for cell, errors and messages included (where Excel shows no message, #NUM! and
 * #DIV/0!, the engine's own message behind the error).
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { installCustomFunctionsRuntime } from '../support/custom-functions-runtime';
import { EXCEL_FUNCTIONS } from '../../adapters/excel/functions';
import { CATALOG, catalogFunction, isEngineFunction } from '../../catalog';
import { PerfError } from '../../engine/errors';
import { CalcJson, JsonCell, calcFile, toJson } from '../../calc/book';
import { toAddress } from '../../workbook/a1';
import { CellInput, putGrid, saveWorkbook, tempDir } from '../support/workbook';
import { AHP3, CURVE, CURVES3, DATA, TIERS, col, row } from '../support/fixtures';

installCustomFunctionsRuntime();

type ArgInput = CellInput | CellInput[][] | undefined;

interface FaceCase {
  name: string;
  fn: string;
  /** undefined = omitted trailing argument; null = an empty argument (`a,,c`). */
  args: ArgInput[];
}

const LADDER = [
  ['进货额', '总代', '分销', '零售'],
  [0, 0.01, 0.02, 0.03],
  [100000, 0.02, 0.03, 0.04],
  [500000, 0.03, 0.04, 0.05],
];
const TEAM = col('Wang', 'Li', 'Zhang', 'Chen');
const DEAL_PEOPLE = col('Wang', 'Li', 'Zhang', 'li ', 'Chen');
const DEAL_AMOUNTS = col(10000, 8000, 8000, -1000, 5000);
const DEAL_SHARES = col(1, 0.6, 0.4, null, 1);

export const CASES: FaceCase[] = [
  { name: 'NORMALIZE a row', fn: 'NORMALIZE', args: [row(1, 3, 4)] },
  { name: 'NORMALIZE negative → #NUM!', fn: 'NORMALIZE', args: [row(1, -3)] },
  { name: 'AHP eigen with blank lower triangle', fn: 'AHP', args: [AHP3] },
  { name: 'AHP geomean', fn: 'AHP', args: [AHP3, 'geomean'] },
  { name: 'AHPCR', fn: 'AHPCR', args: [AHP3] },
  { name: 'AHP not square → #VALUE!', fn: 'AHP', args: [[[1, 2]]] },
  { name: 'ENTROPY minmax with a cost criterion', fn: 'ENTROPY', args: [DATA, row(1, -1, 1)] },
  { name: 'ENTROPY proportion, directions empty', fn: 'ENTROPY', args: [DATA, null, 'proportion'] },
  { name: 'CRITIC', fn: 'CRITIC', args: [DATA] },
  { name: 'ROC with ties', fn: 'ROC', args: [col(1, 2, 2, 4)] },
  { name: 'BLEND linear', fn: 'BLEND', args: [col(0.5, 0.3, 0.2), col(0.2, 0.3, 0.5), 0.7] },
  { name: 'ATTAIN lower-is-better', fn: 'ATTAIN', args: [col(1.5, 2.5), 2, -1] },
  { name: 'ATTAIN target 0 → #NUM! in its cell', fn: 'ATTAIN', args: [col(1, 1), col(1, 0)] },
  { name: 'CURVE lookup', fn: 'CURVE', args: [col(0.4, 0.9, 1.2), CURVE, 'lookup'] },
  { name: 'SCORECARD with an empty directions argument and a cap', fn: 'SCORECARD', args: [[[110, 90, 130], [80, 100, 95]], row(100, 100, 100), row(50, 30, 20), null, 1.2] },
  { name: 'SCORECARD text actual → #VALUE! for that person', fn: 'SCORECARD', args: [[[1, 'x']], row(1, 1), row(1, 1)] },
  { name: 'STATUS default bands', fn: 'STATUS', args: [col(0.97, 0.9, 0.3)] },
  { name: 'RATER 360°', fn: 'RATER', args: [col(4, 3, 5), col('manager', 'peer', 'customer'), [['manager', 0.5], ['peer', 0.3], ['customer', 0.2]]] },
  { name: 'TIERED marginal', fn: 'TIERED', args: [col(10000, 35000, 80000), TIERS] },
  { name: 'TIERED retro', fn: 'TIERED', args: [col(10000, 35000, 80000), TIERS, 'retro'] },
  { name: 'TIERED negative amount → #NUM! (message kept headless)', fn: 'TIERED', args: [col(-1, 5), TIERS] },
  { name: 'TIERED unknown method → #VALUE!', fn: 'TIERED', args: [5, TIERS, 'progressive'] },
  { name: 'PAYOUT gate and cap', fn: 'PAYOUT', args: [col(0.7, 1.2, 1.6), CURVE, 10000, 0.8, 1.5] },
  { name: 'SPLIT', fn: 'SPLIT', args: [col(1.1, 0.9), col(0.8, 1.2), 0.5, 10000] },
  { name: 'PROFITSHARE with cap', fn: 'PROFITSHARE', args: [col(1200000, 900000), 1000000, 0.1, 15000] },
  { name: 'PRORATE with blank start/end cells', fn: 'PRORATE', args: [col(9000, 9000), col(45703, null), col(null, 45716), 45658, 45747] },
  { name: 'CLAWBACK', fn: 'CLAWBACK', args: [col(1000, 1000, 1000), 45700, col(45750, 45800, null), 90, 0.5] },
  { name: 'DRAW recoverable', fn: 'DRAW', args: [row(1000, 5000, 500, 4000), 2000, true] },
  { name: 'PAYBACK discounted', fn: 'PAYBACK', args: [col(-1000, 300, 400, 500, 600), 0.1] },
  { name: 'PAYBACK never → #N/A', fn: 'PAYBACK', args: [col(-1000, 100)] },
  { name: 'BCR', fn: 'BCR', args: [col(0, 600, 600), col(1000, 0, 0), 0.05] },
  { name: 'BREAKEVEN', fn: 'BREAKEVEN', args: [col(50000, 80000), 100, 60] },
  { name: 'LTV perpetuity and finite horizon', fn: 'LTV', args: [100, 0.8, 0.1, col(null, 5)] },
  { name: 'MARGINAL', fn: 'MARGINAL', args: [col(0, 10, 20, 30), col(0, 25, 40, 48)] },
  { name: 'OPTIMUM', fn: 'OPTIMUM', args: [col(0, 10, 20, 30), col(0, 25, 40, 48), 1] },
  { name: 'RESPONSE', fn: 'RESPONSE', args: [col(100, 300, 50), CURVES3] },
  { name: 'ALLOCATE concave with bounds', fn: 'ALLOCATE', args: [1000, CURVES3, col(100, 100, 0), col(600, 800, 200)] },
  { name: 'ALLOCATE infeasible → #NUM!', fn: 'ALLOCATE', args: [100, CURVES3, col(100, 100, 100)] },
  { name: 'SIM triangular, 20 trials, seed 7', fn: 'SIM', args: ['triangular', 4, 8, 24, 20, 7] },
  { name: 'SIM pert default seed', fn: 'SIM', args: ['pert', 4, 8, 24, 15] },
  { name: 'SIM unknown distribution → #VALUE!', fn: 'SIM', args: ['poisson', 1, 2, 3, 10] },
  { name: 'SIMCORR two variables', fn: 'SIMCORR', args: [[['normal', 10, 2, null], ['uniform', 0, 1, null]], [[1, 0.6], [0.6, 1]], 12, 3] },
  { name: 'SUMMARY', fn: 'SUMMARY', args: [col(3, 1, 4, 1, 5, 9, 2, 6, 5, 3)] },
  { name: 'PARETO', fn: 'PARETO', args: [col(500, 300, 100, 60, 40)] },
  { name: 'TIERED marginal written in Chinese ("边际")', fn: 'TIERED', args: [col(10000, 35000, 80000), TIERS, '边际'] },
  { name: 'TIERED retro written in Chinese, padded ("  追溯 ")', fn: 'TIERED', args: [col(35000), TIERS, '  追溯 '] },
  { name: 'CURVE lookup written in Chinese ("查表")', fn: 'CURVE', args: [col(0.4, 0.9, 1.2), CURVE, '查表'] },
  { name: 'AHP geomean written in Chinese ("几何平均")', fn: 'AHP', args: [AHP3, '几何平均'] },
  { name: 'SIM normal written in Chinese ("正态")', fn: 'SIM', args: ['正态', 10, 2, null, 12, 5] },
  { name: 'SIMCORR with Chinese distribution names', fn: 'SIMCORR', args: [[['正态', 10, 2, null], ['均匀', 0, 1, null]], [[1, 0.6], [0.6, 1]], 12, 3] },
  { name: 'BLEND unknown method in Chinese → #VALUE! listing the methods', fn: 'BLEND', args: [col(0.5, 0.5), col(0.2, 0.8), 0.5, '加权'] },
  { name: 'CREDIT split deals and a return, rolled up two levels', fn: 'CREDIT', args: [TEAM, DEAL_PEOPLE, DEAL_AMOUNTS, DEAL_SHARES, col(null, 'Wang', 'Li', 'Wang')] },
  { name: 'CREDIT own deals only, numeric ids matching text', fn: 'CREDIT', args: [col(101, 102), col('101', 102, 101), col(5, 7, 11)] },
  { name: 'CREDIT unknown deal person → #N/A naming the row', fn: 'CREDIT', args: [TEAM, col('Wang', 'Zhao'), col(1, 2)] },
  { name: 'CREDIT reporting cycle → #NUM! naming it', fn: 'CREDIT', args: [TEAM, DEAL_PEOPLE, DEAL_AMOUNTS, null, col('Chen', 'Wang', 'Li', 'Zhang')] },
  { name: 'CREDIT duplicate person → #VALUE!', fn: 'CREDIT', args: [col('A', 'B', 'a'), col('A'), col(1)] },
  { name: 'POOL with a cap: the excess flows to the others', fn: 'POOL', args: [1000, col(1, 2, 3, 4), 300] },
  { name: 'POOL with a cap vector and a floor, shares in a row', fn: 'POOL', args: [1000, row(1, 4, 5, 1), row(null, 600, 450, null), 100] },
  { name: 'POOL caps below the pool: everyone at their cap', fn: 'POOL', args: [1000, col(1, 2, 3), 200] },
  { name: 'POOL floors above the pool → #NUM!', fn: 'POOL', args: [100, col(1, 1, 1), null, 50] },
  { name: 'POOL shares all 0 → #DIV/0!', fn: 'POOL', args: [100, col(0, 0)] },
  { name: 'QUOTASPLIT n×k in tens, largest remainders', fn: 'QUOTASPLIT', args: [col(1000, 2000, 10), row(1, 2, 4), 10] },
  { name: 'QUOTASPLIT cents over a row of weights', fn: 'QUOTASPLIT', args: [1234.56, row(3, 3, 4), 0.01] },
  { name: 'QUOTASPLIT unrounded over a column of weights', fn: 'QUOTASPLIT', args: [1200, col(1, 2, 3)] },
  { name: 'QUOTASPLIT a row not a multiple of round_to → #NUM! in that row', fn: 'QUOTASPLIT', args: [col(100, 105), row(1, 1), 10] },
  { name: 'QUOTASPLIT weights summing to 0 → #DIV/0!', fn: 'QUOTASPLIT', args: [100, row(0, 0), 1] },
  { name: 'REBATE retro by level per row (总代/分销/零售)', fn: 'REBATE', args: [col(300000, 600000, 50000), LADDER, col('分销', '总代', '零售')] },
  { name: 'REBATE marginal written in Chinese, one level for all', fn: 'REBATE', args: [col(300000, 600000), LADDER, '分销', '边际'] },
  { name: 'REBATE unknown level → #N/A in its cell', fn: 'REBATE', args: [col(300000, 1000), LADDER, col('直营', '零售')] },
  { name: 'REBATE negative amount → #NUM! in its cell', fn: 'REBATE', args: [col(-5, 1000), LADDER, '总代'] },
  { name: 'CHANNELTIER with a rule override', fn: 'CHANNELTIER', args: [col(500, 300, 100, 60), col(0.05, 0.4, 0.1, 0.02), col(5, 4, 2, 6), col(-0.2, 0, 0, 0.01), col(-0.2, 0, 0, 0.01), [['min_roi', 2.5]]] },
];

type Comparable = JsonCell | null;

function paramDimensions(fn: string): ('scalar' | 'matrix')[] {
  const entry = catalogFunction(fn);
  if (!entry) throw new Error(`${fn} is not in the catalog`);
  return entry.parameters.map((p) => (p.kind === 'range' ? 'matrix' : 'scalar'));
}

/** The engine's own message for each cell (or the whole call): what Excel's #NUM!/#DIV/0! leave out. */
function engineMessages(c: FaceCase, args: unknown[]): (row: number, col: number) => string | undefined {
  const entry = catalogFunction(c.fn)!;
  if (!isEngineFunction(entry)) return () => undefined;
  try {
    const result = entry.call(...(args as never[]));
    return (row, col) => {
      const value = typeof result === 'number' ? result : result[row]?.[col];
      return value instanceof PerfError ? value.message : undefined;
    };
  } catch (error) {
    return () => (error instanceof PerfError ? error.message : undefined);
  }
}

/** What Excel passes: a literal into a matrix parameter arrives as a 1×1 array. */
function excelArgument(arg: ArgInput, dimensionality: 'scalar' | 'matrix'): unknown {
  if (arg === undefined || arg === null) return null;
  if (Array.isArray(arg)) return arg;
  return dimensionality === 'matrix' ? [[arg]] : arg;
}

function comparableExcelCell(value: unknown, engineMessage: string | undefined): Comparable {
  if (value && typeof value === 'object' && 'code' in value) {
    return { error: (value as { code: string }).code, message: (value as unknown as Error).message || engineMessage || '' };
  }
  return value as JsonCell;
}

function runExcelFace(c: FaceCase): Comparable[][] {
  const dims = paramDimensions(c.fn);
  const args = dims.map((d, i) => excelArgument(c.args[i], d));
  const messages = engineMessages(c, args);
  const fn = EXCEL_FUNCTIONS[c.fn];
  try {
    const result = fn(...args);
    return Array.isArray(result) ? result.map((line: unknown[], r) => line.map((v, col) => comparableExcelCell(v, messages(r, col)))) : [[comparableExcelCell(result, messages(0, 0))]];
  } catch (error) {
    return [[comparableExcelCell(error, messages(0, 0))]];
  }
}

function literal(value: CellInput): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Inputs go to an "Inputs" sheet (so references cross sheets); each case's formula sits alone in A1 of its own sheet. */
async function writeCasesWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const inputs = workbook.addWorksheet('Inputs');
  let nextColumn = 1;
  CASES.forEach((c, i) => {
    const parts: string[] = [];
    let last = c.args.length;
    while (last > 0 && c.args[last - 1] === undefined) last--;
    for (let a = 0; a < last; a++) {
      const arg = c.args[a];
      if (Array.isArray(arg)) {
        const ref = putGrid(inputs, 1, nextColumn, arg);
        nextColumn += arg[0].length + 1;
        parts.push(`Inputs!${ref}`);
      } else {
        parts.push(literal(arg ?? null));
      }
    }
    workbook.addWorksheet(`Case ${i + 1}`).getCell('A1').value = { formula: `PERF.${c.fn}(${parts.join(',')})` } as ExcelJS.CellValue;
  });
  await saveWorkbook(workbook, file);
}

function sheetCells(json: CalcJson, sheet: string): Record<string, JsonCell> {
  const prefix = `${sheet}!`;
  return Object.fromEntries(Object.entries(json).filter(([key]) => key.startsWith(prefix)).map(([key, v]) => [key.slice(prefix.length), v]));
}

describe('Excel wrapper and perfplan calc agree on every case', () => {
  let json: CalcJson;

  beforeAll(async () => {
    const file = path.join(tempDir(), 'faces.xlsx');
    await writeCasesWorkbook(file);
    json = toJson(await calcFile(file));
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const expected = runExcelFace(CASES[i]);
    const cells = sheetCells(json, `Case ${i + 1}`);
    const fromExcel: Record<string, Comparable> = {};
    expected.forEach((line, r) => line.forEach((value, c) => (fromExcel[toAddress(r + 1, c + 1)] = value)));
    // Same shape, same values, same errors with the same messages.
    expect(cells).toEqual(fromExcel);
  });

  it('covers every catalog function except BENCHMARK (network)', () => {
    const covered = new Set(CASES.map((c) => c.fn));
    const missing = CATALOG.map((f) => f.id).filter((id) => id !== 'BENCHMARK' && !covered.has(id));
    expect(missing).toEqual([]);
  });
});
