/**
 * `perfplan calc` on workbooks the tests write with exceljs: PERF formulas and plain Excel
 * formulas mixed, spilled arrays, error cells, references across sheets, JSON and .xlsx out.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { CalcJson, calcFile, toJson } from '../../calc/book';
import { main } from '../../cli/main';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { SALES_TEAM, TIERS } from '../support/fixtures';
import { putGrid, saveWorkbook, tempDir } from '../support/workbook';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/** A small commission workbook: inputs on one sheet, PERF and native formulas on another. */
async function writeCommissionBook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const tiers = workbook.addWorksheet('Tiers');
  putGrid(tiers, 1, 1, [['threshold', 'rate']]);
  putGrid(tiers, 2, 1, TIERS);
  const people = workbook.addWorksheet('Sales Team');
  putGrid(people, 1, 1, [['name', 'sales', 'kpi1', 'kpi2', 'kpi3', 'commission', 'score', 'double']]);
  putGrid(people, 2, 1, SALES_TEAM);
  putGrid(people, 6, 1, [['targets', null, 100, 100, 100]]);
  putGrid(people, 7, 1, [['weights', null, 50, 30, 20]]);
  // Spills: one PERF formula per column of results.
  people.getCell('F2').value = { formula: "PERF.TIERED(B2:B4,Tiers!A2:B4)" } as ExcelJS.CellValue;
  people.getCell('G2').value = { formula: 'PERF.SCORECARD(C2:E4,C6:E6,C7:E7,,1.2)' } as ExcelJS.CellValue;
  // A plain Excel formula consuming a spilled PERF result.
  people.getCell('H2').value = { formula: 'F2*2' } as ExcelJS.CellValue;
  const summary = workbook.addWorksheet('Summary');
  summary.getCell('A1').value = 'total commission';
  summary.getCell('B1').value = { formula: "SUM(PERF.TIERED('Sales Team'!B2:B4,Tiers!A2:B4))" } as ExcelJS.CellValue;
  summary.getCell('A2').value = 'PERT mean';
  summary.getCell('B2').value = { formula: 'AVERAGE(PERF.SIM("pert",4,8,24,10000))' } as ExcelJS.CellValue;
  summary.getCell('A3').value = 'allocated';
  putGrid(summary, 10, 1, [
    [1000, 200, 0.8],
    [1500, 400, 1],
    [800, 100, 0.6],
  ]);
  summary.getCell('B3').value = { formula: 'SUM(PERF.ALLOCATE(1000,A10:C12))' } as ExcelJS.CellValue;
  summary.getCell('A4').value = 'error cell';
  summary.getCell('B4').value = { formula: 'PERF.TIERED(-5,Tiers!A2:B4)' } as ExcelJS.CellValue;
  summary.getCell('A5').value = 'native';
  summary.getCell('B5').value = { formula: 'SUMPRODUCT(Tiers!A2:A4,Tiers!B2:B4)' } as ExcelJS.CellValue;
  summary.getCell('A6').value = 'bad tiers';
  summary.getCell('B6').value = { formula: 'PERF.TIERED(5,Tiers!A3:B4)' } as ExcelJS.CellValue;
  await saveWorkbook(workbook, file);
}

/** Marginal commission computed by hand for the tiers above. */
function handCommission(amount: number): number {
  const slices = [
    [0, 20000, 0.02],
    [20000, 50000, 0.04],
    [50000, Infinity, 0.06],
  ];
  return slices.reduce((sum, [from, to, rate]) => sum + Math.max(0, Math.min(amount, to) - from) * rate, 0);
}

describe('perfplan calc on an exceljs workbook with PERF and native formulas', () => {
  let dir: string;
  let book: string;
  let json: CalcJson;

  beforeAll(async () => {
    dir = tempDir();
    book = path.join(dir, 'commission.xlsx');
    await writeCommissionBook(book);
    json = toJson(await calcFile(book));
  });

  it('spills a PERF array formula down its column, across sheets', () => {
    expect(json['Sales Team!F2']).toBeCloseTo(handCommission(10000), 9);
    expect(json['Sales Team!F3']).toBeCloseTo(handCommission(35000), 9);
    expect(json['Sales Team!F4']).toBeCloseTo(handCommission(80000), 9);
  });

  it('an empty argument means the default (SCORECARD(a,t,w,,1.2): directions default, cap 1.2)', () => {
    expect(json['Sales Team!G2']).toBeCloseTo(0.5 * 1.1 + 0.3 * 0.9 + 0.2 * 1.2, 12);
    expect(json['Sales Team!G3']).toBeCloseTo(0.5 * 0.8 + 0.3 * 1 + 0.2 * 0.95, 12);
  });

  it('plain formulas consume PERF results', () => {
    expect(json['Sales Team!H2']).toBeCloseTo(2 * handCommission(10000), 9);
    expect(json['Summary!B1']).toBeCloseTo(handCommission(10000) + handCommission(35000) + handCommission(80000), 9);
    expect(json['Summary!B5']).toBeCloseTo(20000 * 0.04 + 50000 * 0.06, 9);
  });

  it('=AVERAGE(PERF.SIM("pert",4,8,24,10000)) is near the PERT mean (4 + 4·8 + 24)/6 = 10', () => {
    // PERT sd = (24 − 4)/6 ≈ 3.33 at most; the standard error at 10,000 trials is ≈ 0.033.
    expect(Math.abs((json['Summary!B2'] as number) - 10)).toBeLessThan(0.15);
  });

  it('=SUM(PERF.ALLOCATE(1000, curves)) spends exactly the budget', () => {
    expect(json['Summary!B3']).toBeCloseTo(1000, 6);
  });

  it('error cells are data with their code and the engine message', () => {
    expect(json['Summary!B4']).toEqual({ error: '#NUM!', message: 'amount cannot be negative; got -5' });
    expect(json['Summary!B6']).toEqual({ error: '#VALUE!', message: 'tiers, row 1: the first threshold must be 0; got 20000' });
  });

  it('keys are "Sheet!A1" with the sheet name as is and include constants', () => {
    expect(json['Sales Team!A2']).toBe('Li');
    expect(json['Tiers!B3']).toBe(0.04);
  });

  it('-o writes formulas with cached results that a fresh calc reproduces', async () => {
    const out = path.join(dir, 'out.xlsx');
    const io = { out: jest.fn(), err: jest.fn() };
    expect(await main(['calc', book, '-o', out], io)).toBe(0);
    const written = readWorkbookModel(ZipArchive.read(fs.readFileSync(out)), nodeCodec);
    const team = written.sheets.find((s) => s.name === 'Sales Team')!;
    const master = team.formulas.find((f) => f.row === 2 && f.col === 6)!;
    // As Excel stores it: the add-in call with its _xldudf_ name, a dynamic array over its spill.
    expect(master.text).toBe('_xldudf_PERF_TIERED(B2:B4,Tiers!A2:B4)');
    expect(master.kind).toBe('dynamic');
    expect(master.ref).toEqual({ top: 2, left: 6, bottom: 4, right: 6 });
    expect(master.cached).toBeCloseTo(handCommission(10000), 9);
    expect(team.rows[4][6]).toBeCloseTo(handCommission(80000), 9);
    const errorCell = written.sheets.find((s) => s.name === 'Summary')!.formulas.find((f) => f.row === 4 && f.col === 2)!;
    expect(errorCell.cached).toEqual({ error: '#NUM!' });
    // Recalculating the written file gives the same values again.
    expect(toJson(await calcFile(out))).toEqual(json);
  });

  it('the installed `perfplan` bin (npx perfplan calc book.xlsx --json) prints the same JSON', async () => {
    const { stdout } = await run('npx', ['--no-install', 'perfplan', 'calc', book, '--json'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(json)));
  });
});

describe('perfplan calc exit status', () => {
  const io = () => ({ out: jest.fn(), err: jest.fn() });

  it('2 for a missing file and for a file that is not a workbook', async () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(notes, 'this is a text file renamed to .xlsx');
    const a = io();
    expect(await main(['calc', path.join(dir, 'missing.xlsx'), '--json'], a)).toBe(2);
    expect(a.err.mock.calls.join('')).toMatch(/no such file/);
    const b = io();
    expect(await main(['calc', notes, '--json'], b)).toBe(2);
    expect(b.err.mock.calls.join('')).toMatch(/cannot read .* as an \.xlsx workbook/);
  });

  it('1 for a usage error; --help prints the usage', async () => {
    const a = io();
    expect(await main(['calc'], a)).toBe(1);
    expect(a.err.mock.calls.join('')).toMatch(/calc needs a workbook/);
    const b = io();
    expect(await main(['--help'], b)).toBe(0);
    expect(b.out.mock.calls.join('')).toMatch(/perfplan calc BOOK\.xlsx --json/);
  });

  it('0 when the workbook calculated even though it has error cells', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').getCell('A1').value = { formula: 'PERF.NORMALIZE(0)' } as ExcelJS.CellValue;
    const file = await saveWorkbook(workbook, path.join(dir, 'errors.xlsx'));
    const out = io();
    expect(await main(['calc', file, '--json'], out)).toBe(0);
    expect(JSON.parse(out.out.mock.calls.join(''))).toEqual({ 'S!A1': { error: '#DIV/0!', message: 'values sum to 0' } });
  });
});
