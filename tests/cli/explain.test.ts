/**
 * `perfplan explain BOOK.xlsx 'Sheet!C5'` on a workbook written with exceljs: spilled and
 * single-cell PERF formulas, the explanation of an element inside a spilled range, the
 * steps adding up to the value `perfplan calc` reports, --json, --lang zh-CN (and LANG), one
 * locale for steps and error messages, exit codes.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { CalcJson } from '../../calc/book';
import { parsePerfCall } from '../../calc/explain-cell';
import { main } from '../../cli/main';
import { AHP_ONE_EXPERT, AHP_TWO_EXPERTS, SALES_TEAM, TIERS } from '../support/fixtures';
import { putGrid, saveWorkbook, tempDir } from '../support/workbook';

const formula = (text: string) => ({ formula: text }) as ExcelJS.CellValue;

async function writePlanBook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const tiers = workbook.addWorksheet('Tiers');
  putGrid(tiers, 1, 1, [['threshold', 'rate']]);
  putGrid(tiers, 2, 1, TIERS);
  putGrid(tiers, 1, 4, [['attainment', 'factor']]);
  putGrid(tiers, 2, 4, [
    [0.5, 0],
    [0.8, 0.5],
    [1, 1],
    [1.5, 2],
  ]);

  const team = workbook.addWorksheet('Sales Team');
  putGrid(team, 1, 1, [['name', 'sales', 'kpi1', 'kpi2', 'kpi3', 'commission', 'score', 'payout', 'factor']]);
  putGrid(team, 2, 1, SALES_TEAM);
  putGrid(team, 6, 1, [['targets', null, 100, 100, 100]]);
  putGrid(team, 7, 1, [['weights', null, 50, 30, 20]]);
  putGrid(team, 8, 1, [['directions', null, 1, -1, 1]]);
  team.getCell('F2').value = formula('PERF.TIERED(B2:B4,Tiers!A2:B4)');
  team.getCell('G2').value = formula('PERF.SCORECARD(C2:E4,C6:E6,C7:E7,C8:E8,1.2)');
  // PAYOUT and CURVE read the spilled scores.
  team.getCell('H2').value = formula('PERF.PAYOUT(G2:G4,Tiers!D2:E5,10000,0.8,1.5)');
  team.getCell('I2').value = formula('PERF.CURVE(G2:G4,Tiers!D2:E5)');
  team.getCell('F6').value = formula('PERF.TIERED(B3,Tiers!A2:B4,"retro")');
  team.getCell('F7').value = formula('PERF.TIERED(-5,Tiers!A2:B4)');
  team.getCell('F8').value = formula('SUM(F2:F4)');
  team.getCell('F9').value = formula('PERF.NORMALIZE(C7:E7)');

  const weights = workbook.addWorksheet('Weights');
  putGrid(weights, 1, 1, AHP_ONE_EXPERT);
  putGrid(weights, 5, 1, AHP_TWO_EXPERTS);
  weights.getCell('E1').value = formula('PERF.AHP(A1:C3)');
  weights.getCell('F1').value = formula('PERF.AHP(A5:C10,"geomean")');

  const invest = workbook.addWorksheet('Invest');
  putGrid(invest, 1, 1, [[-1000, 300, 400, 500, 200]]);
  invest.getCell('B3').value = formula('PERF.PAYBACK(A1:E1,0.1)');
  invest.getCell('B4').value = formula('PERF.PAYBACK(A1:E1)');
  putGrid(invest, 6, 1, [
    [1000, 200, 0.8],
    [1500, 400, 1],
    [800, 100, 0.6],
  ]);
  putGrid(invest, 6, 7, [[1000], [1000], [150]]);
  invest.getCell('E6').value = formula('PERF.ALLOCATE(1000,A6:C8,,G6:G8)');
  await saveWorkbook(workbook, file);
}

interface Captured {
  out: jest.Mock;
  err: jest.Mock;
  stdout: () => string;
  stderr: () => string;
}

function io(): Captured {
  const out = jest.fn();
  const err = jest.fn();
  return { out, err, stdout: () => out.mock.calls.join(''), stderr: () => err.mock.calls.join('') };
}

interface JsonStep {
  key: string;
  /** In the output's locale (--lang, else LC_ALL / LC_MESSAGES / LANG). */
  label: string;
  formula: string;
  amount: number;
  kind: 'add' | 'info' | 'result';
}

interface JsonExplanation {
  cell: string;
  anchor: string;
  element: { row: number; col: number };
  formula: string;
  function: string;
  cellValue: unknown;
  value?: number;
  steps?: JsonStep[];
  error?: { error: string; message: string };
}

async function explainJson(book: string, target: string, ...options: string[]): Promise<JsonExplanation> {
  const capture = io();
  expect(await main(['explain', book, target, '--json', ...options], capture)).toBe(0);
  expect(capture.stderr()).toBe('');
  return JSON.parse(capture.stdout());
}

function sumOfAdds(steps: JsonStep[]): number {
  return steps.filter((s) => s.kind === 'add').reduce((total, s) => total + s.amount, 0);
}

function expectAddsUpTo(steps: JsonStep[], value: number): void {
  expect(Math.abs(sumOfAdds(steps) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
}

/** The locale variables perfplan reads; the tests pin them so that a developer's LANG does not decide. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

describe('perfplan explain', () => {
  let dir: string;
  let book: string;
  let calc: CalcJson;
  const saved = Object.fromEntries(LOCALE_VARIABLES.map((name) => [name, process.env[name]]));

  afterAll(() => {
    for (const name of LOCALE_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  beforeAll(async () => {
    for (const name of LOCALE_VARIABLES) delete process.env[name];
    process.env.LANG = 'en_US.UTF-8';
    dir = tempDir('perfplan-explain-');
    book = path.join(dir, 'plan.xlsx');
    await writePlanBook(book);
    const capture = io();
    expect(await main(['calc', book, '--json'], capture)).toBe(0);
    calc = JSON.parse(capture.stdout());
  });

  it('a spilled TIERED element (Sales Team!F3): marginal slices that add up to the calculated cell', async () => {
    const capture = io();
    expect(await main(['explain', book, 'Sales Team!F3'], capture)).toBe(0);
    const text = capture.stdout();
    expect(text).toContain('Sales Team!F3 (row 2 of the array spilled from Sales Team!F2)');
    expect(text).toContain('=PERF.TIERED(B2:B4,Tiers!A2:B4)');
    expect(text).toContain('+ Tier 1 (0 to 20,000): 20,000 × 2% = 400');
    expect(text).toContain('+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600');
    expect(text.trimEnd().split('\n').at(-1)).toBe('  = Commission: 400 + 600 = 1,000');

    const json = await explainJson(book, 'Sales Team!F3');
    expect(json.function).toBe('TIERED');
    expect(json.anchor).toBe('Sales Team!F2');
    expect(json.element).toEqual({ row: 1, col: 0 });
    expect(json.value).toBe(calc['Sales Team!F3']);
    expect(json.cellValue).toBe(calc['Sales Team!F3']);
    expectAddsUpTo(json.steps!, calc['Sales Team!F3'] as number);
  });

  it.each([
    ['Sales Team!F2', 'TIERED'],
    ['Sales Team!F4', 'TIERED'],
    ['Sales Team!F6', 'TIERED'],
    ['Sales Team!G2', 'SCORECARD'],
    ['Sales Team!G3', 'SCORECARD'],
    ['Sales Team!G4', 'SCORECARD'],
    ['Sales Team!H2', 'PAYOUT'],
    ['Sales Team!H3', 'PAYOUT'],
    ['Sales Team!H4', 'PAYOUT'],
    ['Sales Team!I2', 'CURVE'],
    ['Sales Team!I3', 'CURVE'],
    ['Weights!E1', 'AHP'],
    ['Weights!E2', 'AHP'],
    ['Weights!E3', 'AHP'],
    ['Weights!F2', 'AHP'],
    ['Invest!B3', 'PAYBACK'],
    ['Invest!B4', 'PAYBACK'],
    ['Invest!E6', 'ALLOCATE'],
    ['Invest!E7', 'ALLOCATE'],
    ['Invest!E8', 'ALLOCATE'],
  ])('%s (PERF.%s): the steps add up to the value perfplan calc reports', async (target, fn) => {
    const json = await explainJson(book, target);
    expect(json.function).toBe(fn);
    expect(typeof calc[target]).toBe('number');
    expect(json.value).toBe(calc[target]);
    expectAddsUpTo(json.steps!, calc[target] as number);
    expect(json.steps!.at(-1)!.kind).toBe('result');
  });

  it('--json has the cell, its anchor and element, the formula, and steps (key, label and formula in the chosen language)', async () => {
    const json = await explainJson(book, "'Sales Team'!G2");
    expect(Object.keys(json).sort()).toEqual(['anchor', 'cell', 'cellValue', 'element', 'formula', 'function', 'steps', 'value']);
    expect(json).toMatchObject({
      cell: 'Sales Team!G2',
      anchor: 'Sales Team!G2',
      element: { row: 0, col: 0 },
      formula: '=PERF.SCORECARD(C2:E4,C6:E6,C7:E7,C8:E8,1.2)',
      function: 'SCORECARD',
    });
    for (const step of json.steps!) {
      expect(Object.keys(step).sort()).toEqual(['amount', 'formula', 'key', 'kind', 'label']);
      expect(typeof step.label).toBe('string');
      expect(step.label).not.toMatch(/[\u4e00-\u9fff]/);
      expect(['add', 'info', 'result']).toContain(step.kind);
    }
    expect(json.steps!.filter((s) => s.kind === 'add').map((s) => s.formula)).toEqual(['50% × 110%', '30% × 110%', '20% × 120%']);
    expect(json.steps![0]).toMatchObject({ key: 'scorecard.person', label: 'Person in row 1', formula: 'k = 3 KPIs' });
    const zh = await explainJson(book, "'Sales Team'!G2", '--lang', 'zh-CN');
    expect(zh.steps!.map((s) => s.key)).toEqual(json.steps!.map((s) => s.key));
    expect(zh.steps![0]).toMatchObject({ key: 'scorecard.person', label: '第 1 行人员', formula: 'k = 3 项 KPI' });
  });

  it('element offsets: an element of AHP’s spilled column and of ALLOCATE at its upper bound', async () => {
    const ahp = await explainJson(book, 'Weights!E3');
    expect(ahp.anchor).toBe('Weights!E1');
    expect(ahp.element).toEqual({ row: 2, col: 0 });
    expect(ahp.steps!.some((s) => /Consistency ratio/.test(s.label))).toBe(true);
    const allocate = await explainJson(book, 'Invest!E8');
    expect(allocate.value).toBe(150);
    expect(allocate.steps!.some((s) => /Upper bound hit/.test(s.label))).toBe(true);
  });

  it('--lang zh-CN prints Simplified Chinese labels', async () => {
    const capture = io();
    expect(await main(['explain', book, 'Sales Team!F3', '--lang', 'zh-CN'], capture)).toBe(0);
    const text = capture.stdout();
    expect(text).toContain('Sales Team!F3（Sales Team!F2 溢出数组的第 2 行）');
    expect(text).toContain('+ 第 2 档（20,000 至 50,000）：15,000 × 4% = 600');
    expect(text).toContain('= 提成：400 + 600 = 1,000');
  });

  it('LANG=zh_CN.UTF-8 without --lang: the same Chinese; --lang wins over the environment', async () => {
    process.env.LANG = 'zh_CN.UTF-8';
    try {
      const capture = io();
      expect(await main(['explain', book, 'Sales Team!F3'], capture)).toBe(0);
      expect(capture.stdout()).toContain('+ 第 2 档（20,000 至 50,000）：15,000 × 4% = 600');
      const english = io();
      expect(await main(['explain', book, 'Sales Team!F3', '--lang', 'en-US'], english)).toBe(0);
      expect(english.stdout()).toContain('+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600');
    } finally {
      process.env.LANG = 'en_US.UTF-8';
    }
  });

  it('one locale decides both: in zh-CN the function’s error message is Chinese too', async () => {
    const capture = io();
    expect(await main(['explain', book, 'Sales Team!F7', '--lang', 'zh-CN'], capture)).toBe(0);
    expect(capture.stdout()).toContain('#NUM! amount不能为负；实际为 -5');
    expect(capture.stdout()).not.toMatch(/cannot be negative/);
    const json = await explainJson(book, 'Sales Team!F7', '--lang', 'zh-CN');
    expect(json.error).toEqual({ error: '#NUM!', message: 'amount不能为负；实际为 -5' });
  });

  it('an error cell explains with its error and message (exit 0: cell errors are data)', async () => {
    const capture = io();
    expect(await main(['explain', book, 'Sales Team!F7'], capture)).toBe(0);
    expect(capture.stdout()).toContain('#NUM! amount cannot be negative; got -5');
    const json = await explainJson(book, 'Sales Team!F7');
    expect(json.error).toEqual({ error: '#NUM!', message: 'amount cannot be negative; got -5' });
    expect(json.cellValue).toEqual(calc['Sales Team!F7']);
    expect(json.steps).toBeUndefined();
  });

  it('exit 1: not a PERF formula, an unsupported PERF function, an empty or constant cell, a bad target', async () => {
    const cases: [string, RegExp][] = [
      ['Sales Team!F8', /=SUM\(F2:F4\) is not a single PERF\.\* call/],
      ['Sales Team!F9', /PERF\.NORMALIZE has no step-by-step explanation; supported: (PERF\.\w+, )*PERF\.TIERED/],
      ['Sales Team!B2', /Sales Team!B2 holds no formula/],
      ['Sales Team!Z99', /holds no formula/],
      ['Nowhere!A1', /no sheet named "Nowhere"/],
      ['Sales Team!not-a-cell', /is not a cell reference/],
    ];
    for (const [target, message] of cases) {
      const capture = io();
      expect(await main(['explain', book, target], capture)).toBe(1);
      expect(capture.stderr()).toMatch(message);
      expect(capture.stdout()).toBe('');
    }
  });

  it('exit 1 for usage errors', async () => {
    const a = io();
    expect(await main(['explain'], a)).toBe(1);
    expect(a.stderr()).toMatch(/explain needs a workbook/);
    const b = io();
    expect(await main(['explain', book], b)).toBe(1);
    expect(b.stderr()).toMatch(/needs a cell to explain/);
    const c = io();
    expect(await main(['explain', book, 'Tiers!A1', '--verbose'], c)).toBe(1);
    expect(c.stderr()).toMatch(/unknown option --verbose/);
    const help = io();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.stdout()).toMatch(/perfplan explain BOOK\.xlsx 'Sheet!C5'/);
  });

  it('exit 2 for a missing file and for a file that is not a workbook', async () => {
    const a = io();
    expect(await main(['explain', path.join(dir, 'missing.xlsx'), 'S!A1'], a)).toBe(2);
    expect(a.stderr()).toMatch(/no such file/);
    const notes = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(notes, 'not a workbook');
    const b = io();
    expect(await main(['explain', notes, 'S!A1'], b)).toBe(2);
    expect(b.stderr()).toMatch(/cannot read .* as an \.xlsx workbook/);
  });
});

describe('parsePerfCall', () => {
  it('splits top-level arguments, respecting quotes, sheet names, parentheses and array braces', () => {
    expect(parsePerfCall('=PERF.TIERED(B2:B4,Tiers!A2:B4)')).toEqual({ name: 'TIERED', args: ['B2:B4', 'Tiers!A2:B4'] });
    expect(parsePerfCall('=perf.scorecard(C2:E4, C6:E6, C7:E7, , 1.2)')).toEqual({
      name: 'SCORECARD',
      args: ['C2:E4', 'C6:E6', 'C7:E7', '', '1.2'],
    });
    expect(parsePerfCall(`=PERF.CURVE(MAX(1,2),{0,0;1,1},"a,""b)")`)).toEqual({ name: 'CURVE', args: ['MAX(1,2)', '{0,0;1,1}', '"a,""b)"'] });
    expect(parsePerfCall("=PERF.AHP('It''s, here'!A1:C3)")).toEqual({ name: 'AHP', args: ["'It''s, here'!A1:C3"] });
    expect(parsePerfCall('=PERF.SIM()')).toEqual({ name: 'SIM', args: [] });
  });

  it('null unless the whole formula is one PERF call', () => {
    expect(parsePerfCall('=SUM(PERF.TIERED(B2:B4,Tiers!A2:B4))')).toBeNull();
    expect(parsePerfCall('=PERF.TIERED(B2,T)*2')).toBeNull();
    expect(parsePerfCall('=PERF.TIERED(B2,T)+PERF.TIERED(B3,T)')).toBeNull();
    expect(parsePerfCall('=PERF.TIERED(B2')).toBeNull();
  });
});
