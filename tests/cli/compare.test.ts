/**
 * `perfplan compare` end to end (issue 12 item 2): two plan workbooks written as Excel writes
 * them, each recalculated by perfplan calc's own task, compared person by person through the
 * workbooks' tables. A worked example done by hand — joiners and leavers, a person whose A is 0,
 * a tie in the largest changes, plan ceilings within and over — as text in both languages, as
 * JSON and as a workbook the format checker passes; and bad input refused in one line with the
 * CLI's exit statuses, in both languages, never a stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { chinese } from '../i18n/language-check';
import { englishIn } from '../i18n/typed-as-is';
import { tempDir } from '../support/workbook';
import { Person, PlanBook, englishForZh, perfplan, writePlanBook } from './compare-fixtures';

jest.setTimeout(180_000);

// Each person's sales in plan A and in plan B (undefined: not in that plan): Qian has left, Zhou
// joined, Wang and Sun sell less, Zhao sold nothing in A.
const SALES: [name: string, a: number | undefined, b: number | undefined][] = [
  ['Li', 10_000, 10_000],
  ['Wang', 20_000, 17_500],
  ['Zhao', 0, 1_000],
  ['Qian', 5_000, undefined],
  ['Sun', 8_000, 5_000],
  ['Zhou', undefined, 7_000],
];

/** The people of plan A or B, in SALES's order. */
const peopleIn = (plan: 'a' | 'b'): Person[] =>
  SALES.flatMap(([name, a, b]) => {
    const sales = plan === 'a' ? a : b;
    return sales === undefined ? [] : [{ name, sales }];
  });

// Plan A: rate 10% of sales. Plan B: rate 12%.
const PLAN_A: PlanBook = { rate: 0.1, revenue: 100_000, spend: 12_000, people: peopleIn('a') };
const PLAN_B: PlanBook = { rate: 0.12, revenue: 15_000, people: peopleIn('b') };
const zh = (plan: PlanBook): PlanBook => ({
  ...plan,
  language: 'zh',
  people: plan.people.map((p) => ({ ...p, name: { Li: '李雷', Wang: '王芳', Zhao: '赵敏', Qian: '钱坤', Sun: '孙丽', Zhou: '周杰' }[p.name] ?? p.name })),
});

const KEY = ['--key', 'Team[Name]', '--value', 'Team[Payout]'];
const NO_STACK = /\n\s+at |Error:/;

let dir: string;
let a: string;
let b: string;
beforeAll(async () => {
  dir = tempDir('perfplan-compare-');
  a = await writePlanBook(path.join(dir, 'plan-a.xlsx'), PLAN_A);
  b = await writePlanBook(path.join(dir, 'plan-b.xlsx'), PLAN_B);
});

describe('perfplan compare: the worked example', () => {
  it('as text: each person, joiners and leavers, totals, who wins and loses, the largest changes, the ceilings', async () => {
    const run = await perfplan(['compare', a, b, ...KEY, '--lang', 'en-US']);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const lines = run.out.split('\n');
    expect(lines[0]).toBe(`Team[Payout] by Team[Name]: A = ${a}, B = ${b}`);
    expect(lines.slice(2, 9)).toEqual([
      'Name         A         B        Δ                  Δ%  Status',
      'Li    1,000.00  1,200.00  +200.00              +20.0%  in both',
      'Wang  2,000.00  2,100.00  +100.00               +5.0%  in both',
      'Zhao      0.00    120.00  +120.00  undefined (A is 0)  in both',
      'Qian    500.00            -500.00                 n/a  leaver',
      'Sun     800.00    600.00  -200.00              -25.0%  in both',
      'Zhou              840.00  +840.00                 n/a  joiner',
    ]);
    expect(run.out).toContain(
      [
        'Joiners (in B only): 1 — Zhou 840.00',
        'Leavers (in A only): 1 — Qian 500.00',
        'Total: A 4,300.00, B 4,860.00, Δ +560.00 (+13.0%)',
        '  of Δ: people in both +220.00, joiners +840.00, leavers -500.00',
        'Better off in B: 3 — Li +200.00, Zhao +120.00, Wang +100.00',
        'Worse off in B: 1 — Sun -200.00',
        'Unchanged: 0',
        'Largest changes (people in both, by |Δ|):',
        // A tie at |Δ| = 200: Li and Sun in A's order.
        '  Li    1,000.00  →  1,200.00  Δ +200.00              +20.0%',
        '  Sun     800.00  →    600.00  Δ -200.00              -25.0%',
        '  Zhao      0.00  →    120.00  Δ +120.00  undefined (A is 0)',
        '  Wang  2,000.00  →  2,100.00  Δ +100.00               +5.0%',
        'Plan ceilings (PlanCeiling_X, PlanActual_X):',
        // Labour cost 4,300 of 100,000 revenue in A; 4,860 of 15,000 in B.
        '  LabourCost — A: 4.3% ≤ 30%, within',
        '  LabourCost — B: 32.4% > 30%, OVER the ceiling',
        '  Spend — A: 12% ≤ 15%, within',
        '  Spend — B: not named in this workbook',
      ].join('\n'),
    );
    expect(chinese(run.out)).toEqual([]);
  });

  it('as JSON: numbers as numbers, a Δ% that does not exist is null with the reason, never Infinity', async () => {
    const run = await perfplan(['compare', a, b, ...KEY, '--json', '--top', '2']);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/Infinity|NaN/);
    const json = JSON.parse(run.out);
    expect(json.people.find((p: { key: string }) => p.key === 'Zhao')).toEqual({
      key: 'Zhao', status: 'both', a: 0, b: 120, delta: 120, deltaPercent: null, deltaPercentUndefined: 'a-is-zero', cellA: 'Team!D4', cellB: 'Team!D4',
    });
    expect(json.people.find((p: { key: string }) => p.key === 'Qian')).toMatchObject({ status: 'leaver', a: 500, b: null, delta: -500, deltaPercentUndefined: 'leaver' });
    expect([json.joiners, json.leavers]).toEqual([{ count: 1, keys: ['Zhou'] }, { count: 1, keys: ['Qian'] }]);
    expect(json.totals).toEqual({ a: 4300, b: 4860, delta: 560, deltaPercent: 560 / 4300, deltaBoth: 220, deltaJoiners: 840, deltaLeavers: -500 });
    expect([json.winners.keys, json.losers.keys, json.unchanged.count]).toEqual([['Li', 'Zhao', 'Wang'], ['Sun'], 0]);
    expect(json.largest.map((p: { key: string }) => p.key)).toEqual(['Li', 'Sun']);
    expect(json.ceilings).toEqual([
      { label: 'LabourCost', a: { state: 'within', actual: 0.043, ceiling: 0.3, actualCell: 'Inputs!B4', ceilingCell: 'Inputs!B5' }, b: { state: 'over', actual: 0.324, ceiling: 0.3, actualCell: 'Inputs!B4', ceilingCell: 'Inputs!B5' } },
      { label: 'Spend', a: { state: 'within', actual: 0.12, ceiling: 0.15, actualCell: 'Inputs!B7', ceilingCell: 'Inputs!B8' }, b: { state: 'absent' } },
    ]);
  });

  it('a PERF spill beside the table compares like a column: --value "Team!H2#" (PERF.TIERED, recalculated)', async () => {
    const run = await perfplan(['compare', a, b, '--key', 'Team[Name]', '--value', 'Team!H2#', '--json']);
    expect(run.code).toBe(0);
    const people = JSON.parse(run.out).people.map((p: { key: string; a: number | null; b: number | null }) => [p.key, p.a, p.b]);
    // Tiers: 2% up to 10,000, 4% above (marginal): 20,000 → 200 + 400; 17,500 → 200 + 300.
    expect(people).toEqual([['Li', 200, 200], ['Wang', 600, 500], ['Zhao', 0, 20], ['Qian', 100, null], ['Sun', 160, 100], ['Zhou', null, 140]]);
  });

  it('-o diff.xlsx: a workbook as Excel writes it (the format checker passes), Δ as a formula, a totals row, the summary', async () => {
    const out = path.join(dir, 'diff.xlsx');
    const run = await perfplan(['compare', a, b, ...KEY, '-o', out, '--lang', 'en-US']);
    expect(run.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    expect(model.sheets.map((s) => s.name)).toEqual(['Comparison', 'Summary']);
    const [sheet, summary] = model.sheets;
    expect(sheet.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['Comparison', ['Name', 'A', 'B', 'Δ', 'Δ%', 'Status']]]);
    expect(sheet.rows.slice(1).map((row) => row.slice(1))).toEqual([
      ['Name', 'A', 'B', 'Δ', 'Δ%', 'Status'],
      ['Li', 1000, 1200, 200, 0.2, 'in both'],
      ['Wang', 2000, 2100, 100, 0.05, 'in both'],
      ['Zhao', 0, 120, 120, 'undefined (A is 0)', 'in both'],
      ['Qian', 500, undefined, -500, 'n/a', 'leaver'],
      ['Sun', 800, 600, -200, -0.25, 'in both'],
      ['Zhou', undefined, 840, 840, 'n/a', 'joiner'],
      ['Total', 4300, 4860, 560],
    ].map((row) => row.map((v) => (typeof v === 'number' ? expect.closeTo(v, 9) : v))));
    expect(sheet.formulas.find((f) => f.row === 2 && f.col === 4)?.text).toBe('Comparison[[#This Row],[B]]-Comparison[[#This Row],[A]]');
    const facts = Object.fromEntries(summary.rows.slice(2).map((row) => [row[1], row[2]]));
    expect(facts).toMatchObject({ 'Total A': 4300, 'Total B': 4860, 'Total Δ': 560, Joiners: 1, Leavers: 1, 'Better off in B': 3, 'Worse off in B': 1, 'Ceiling LabourCost, B': '32.4% > 30%, OVER the ceiling' });
    expect(run.out).toContain('Total: A 4,300.00');
  });
});

describe('perfplan compare in Chinese', () => {
  let zhA: string;
  let zhB: string;
  beforeAll(async () => {
    zhA = await writePlanBook(path.join(dir, '方案A.xlsx'), zh(PLAN_A));
    zhB = await writePlanBook(path.join(dir, '方案B.xlsx'), zh(PLAN_B));
  });

  it('the report reads Chinese only (names, statuses, the undefined Δ%, the ceilings), with the same numbers', async () => {
    const run = await perfplan(['compare', zhA, zhB, '--key', '团队[姓名]', '--value', '团队[奖金]', '--lang', 'zh-CN']);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    expect(run.out).toContain('赵敏      0.00    120.00  +120.00  无定义（A 为 0）  两者都有');
    expect(run.out).toContain('新加入（仅在 B 中）：1 人：周杰 840.00');
    expect(run.out).toContain('合计：A 4,300.00，B 4,860.00，Δ +560.00（+13.0%）');
    expect(run.out).toContain('  人工成本 — B：32.4% > 30%，超出上限');
    expect(englishForZh(run.out, englishIn)).toEqual([]);
  });

  it('-o writes Chinese sheet, table and column names, and passes the format checker', async () => {
    const out = path.join(dir, '对比.xlsx');
    const run = await perfplan(['compare', zhA, zhB, '--key', '团队[姓名]', '--value', '团队[奖金]', '-o', out, '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    expect(model.sheets.map((s) => s.name)).toEqual(['对比', '汇总']);
    expect(model.sheets[0].rows[1].slice(1)).toEqual(['姓名', 'A', 'B', 'Δ', 'Δ%', '状态']);
    expect(model.sheets[0].rows[8].slice(1, 5)).toEqual(['合计', 4300, 4860, 560]);
    const texts = model.sheets.flatMap((s) => s.rows.flat()).filter((v): v is string => typeof v === 'string' && !v.endsWith('.xlsx'));
    expect(englishForZh(texts.join('\n'), englishIn)).toEqual([]);
  });
});

describe('perfplan compare refuses bad input in one line, with the CLI\'s exit statuses', () => {
  it('a payout that is an error, a key twice: exit 1, the cells listed, nothing on stdout', async () => {
    const broken = await writePlanBook(path.join(dir, 'broken.xlsx'), { ...PLAN_B, people: [...PLAN_B.people, { name: 'Wu', sales: 'n/a' }, { name: 'li', sales: 1 }] });
    for (const [lang, expected] of [
      ['en-US', `perfplan compare: ${broken}: 2 cells cannot be compared: Team!D7 is #VALUE!; "Li" is in Team!A2, Team!A8: a key must name one person\n`],
      ['zh-CN', `perfplan compare: ${broken}：2 个单元格无法对比：Team!D7 为 #VALUE!；"Li" 出现在 Team!A2、Team!A8：一个键只能对应一个人\n`],
    ]) {
      const run = await perfplan(['compare', a, broken, ...KEY, '--lang', lang]);
      expect({ code: run.code, out: run.out, err: run.err }).toEqual({ code: 1, out: '', err: expected });
    }
  });

  it.each([
    ['a missing workbook', (p: string) => ['compare', p, path.join(p, '..', 'nowhere.xlsx'), ...KEY], 2, /^perfplan compare: cannot read .*nowhere\.xlsx: no such file\n$/],
    ['a file that is no workbook', () => ['compare', a, path.join(dir, 'junk.xlsx'), ...KEY], 2, /^perfplan compare: cannot read .*junk\.xlsx as an \.xlsx workbook \(not a zip archive/],
    ['a column the table lacks', () => ['compare', a, b, '--key', 'Team[Nom]', '--value', 'Team[Payout]'], 1, /^perfplan compare: .*plan-a\.xlsx: table Team has no column "Nom"\n$/],
    ['a value two columns wide', () => ['compare', a, b, '--key', 'Team[Name]', '--value', 'Team!C2:D6'], 1, /^perfplan compare: .*plan-a\.xlsx: Team!C2:D6 is 2 columns wide; one column is needed\n$/],
    ['key and value of different lengths', () => ['compare', a, b, '--key', 'Team[Name]', '--value', 'Team!D2:D4'], 1, /Team\[Name\] has 5 cells and Team!D2:D4 has 3; they must be as long as each other\n$/],
    ['no --value', () => ['compare', a, b, '--key', 'Team[Name]'], 1, /^perfplan compare: compare needs --key .* and --value .*\n\nUsage:/],
    ['one workbook', () => ['compare', a, ...KEY], 1, /^perfplan compare: compare needs two workbooks/],
    ['a --top that is no count', () => ['compare', a, b, ...KEY, '--top', '0'], 1, /^perfplan compare: --top needs a whole number, 1 or more\n/],
    ['-o that is no .xlsx', () => ['compare', a, b, ...KEY, '-o', 'diff.csv'], 1, /^perfplan compare: -o must end in \.xlsx, got diff\.csv\n/],
  ])('%s', async (_, args, code, message) => {
    fs.writeFileSync(path.join(dir, 'junk.xlsx'), 'not a zip at all');
    const run = await perfplan([...args(a), '--lang', 'en-US']);
    expect({ code: run.code, out: run.out }).toEqual({ code, out: '' });
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(NO_STACK);
  });

  it('the same refusals in Chinese: no English sentence', async () => {
    fs.writeFileSync(path.join(dir, 'junk.xlsx'), 'not a zip at all');
    for (const args of [
      ['compare', a, path.join(dir, 'nowhere.xlsx'), ...KEY],
      ['compare', a, path.join(dir, 'junk.xlsx'), ...KEY],
      ['compare', a, b, '--key', 'Team[Name]', '--value', 'Team!C2:D6'],
      ['compare', a, b, '--key', 'Team[Name]'],
    ]) {
      const run = await perfplan([...args, '--lang', 'zh-CN']);
      expect(run.code).not.toBe(0);
      const first = run.err.split('\n')[0];
      expect({ first, english: englishForZh(first, englishIn) }).toEqual({ first, english: [] });
      expect(run.err).not.toMatch(NO_STACK);
    }
  });

  it('perfplan --help lists compare and export; compare --help prints its usage and exits 0', async () => {
    const help = await perfplan(['--help', '--lang', 'en-US']);
    expect(help.out).toMatch(/perfplan compare A\.xlsx B\.xlsx --key "Team\[Name\]" --value "Team\[Payout\]"/);
    expect(help.out).toMatch(/perfplan export BOOK\.xlsx --map payroll\.json --out payroll\.csv/);
    const own = await perfplan(['compare', '--help', '--lang', 'zh-CN']);
    expect(own.code).toBe(0);
    expect(englishForZh(own.out, englishIn)).toEqual([]);
    const english = await perfplan(['compare', '--help', '--lang', 'en-US']);
    expect(chinese(english.out)).toEqual([]);
  });
});
