/**
 * `perfplan export` end to end (issue 12 item 3): a plan workbook written as Excel writes it,
 * recalculated by perfplan calc's own task, its payroll columns (工号, 姓名, 所属期间, 应发金额,
 * 成本中心) written as CSV — UTF-8 with a BOM, RFC 4180 — or as a workbook the format checker
 * passes; read back, the same numbers. Refused with nothing written, and the cells listed, when
 * a mapped cell is an error or blank, or when the file's total is not the workbook's to the cent.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../calc/payroll';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { chinese } from '../i18n/language-check';
import { englishIn } from '../i18n/typed-as-is';
import { readmePayrollColumns } from '../support/calc-payroll-map';
import { tempDir } from '../support/workbook';
import { PlanBook, englishForZh, perfplan, writePlanBook } from './compare-fixtures';

jest.setTimeout(180_000);

/** The README's example map, on the Chinese plan workbook. */
const MAP = {
  sheet: '工资表',
  columns: readmePayrollColumns({ id: '团队[工号]', name: '团队[姓名]', period: 'Inputs!B9', amount: '团队[奖金]', costCentre: { from: '团队[成本中心]' } }),
};

// Payouts are 12% of sales: 1,234.56 → 148.1472 (148.15), 999.99 → 119.9988 (120.00), …
const PLAN: PlanBook = {
  language: 'zh',
  rate: 0.12,
  revenue: 1_000_000,
  people: [
    { name: '张三', id: '00123', sales: 1_234.56, costCentre: 'CC-100' },
    { name: '李四, 小李', id: '00124', sales: 999.99, costCentre: 'CC-200' },
    { name: '王"五"', id: 1025, sales: 50_000, costCentre: 'CC-100' },
  ],
};

let dir: string;
let book: string;
let map: string;
beforeAll(async () => {
  dir = tempDir('perfplan-export-');
  book = await writePlanBook(path.join(dir, 'plan.xlsx'), PLAN);
  map = path.join(dir, 'payroll.json');
  fs.writeFileSync(map, JSON.stringify(MAP, null, 2));
});

/** The workbook's payouts as calculated, by perfplan calc --json. */
async function calculatedPayouts(file: string): Promise<number[]> {
  const run = await perfplan(['calc', file, '--json']);
  const json = JSON.parse(run.out) as Record<string, unknown>;
  return [2, 3, 4].map((row) => json[`团队!D${row}`] as number);
}

const cents = (value: number) => Math.round(Number((Math.abs(value) * 100).toPrecision(15))) * Math.sign(value);

describe('perfplan export to CSV', () => {
  it('UTF-8 with a BOM, RFC 4180 quoting, CRLF; read back: the same people and the workbook\'s numbers to the cent', async () => {
    const out = path.join(dir, 'payroll.csv');
    const run = await perfplan(['export', book, '--map', map, '--out', out, '--lang', 'zh-CN']);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\ufeff工号,姓名,所属期间,应发金额,成本中心',
      '00123,张三,2025-07,148.15,CC-100',
      '00124,"李四, 小李",2025-07,120.00,CC-200',
      '1025,"王""五""",2025-07,6000.00,CC-100',
      '',
    ]);
    const records = parseCsv(text);
    expect(records.slice(1).map((r) => r[1])).toEqual(['张三', '李四, 小李', '王"五"']);
    const payouts = await calculatedPayouts(book);
    expect(records.slice(1).map((r) => Math.round(Number(r[3]) * 100))).toEqual(payouts.map(cents));
    expect(run.out).toBe(`已写出 ${out}：3 行，合计 6,268.15，与工作簿合计相等（团队 的汇总行，团队!D5）\n`);
    expect(englishForZh(run.out, englishIn)).toEqual([]);
  });

  it('says what it wrote in English too, without a Chinese character of its own', async () => {
    const out = path.join(dir, 'payroll-en.csv');
    const run = await perfplan(['export', book, '--map', map, '--out', out, '--lang', 'en-US']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`wrote ${out}: 3 rows, total 6,268.15, equal to the workbook's total (the totals row of 团队, 团队!D5)\n`);
    // Only the user's own names (the file, the table and its sheet) are Chinese.
    expect(chinese(run.out.replace(/团队/g, ''))).toEqual([]);
  });
});

describe('perfplan export to .xlsx', () => {
  it('a workbook as Excel writes it; read back, the same rows: ids as text (zeros kept), amounts as numbers to the cent', async () => {
    const out = path.join(dir, 'payroll.xlsx');
    const run = await perfplan(['export', book, '--map', map, '--out', out]);
    expect(run.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    expect(model.sheets.map((s) => s.name)).toEqual(['工资表']);
    expect(model.sheets[0].rows.slice(1).map((row) => row.slice(1))).toEqual([
      ['工号', '姓名', '所属期间', '应发金额', '成本中心'],
      ['00123', '张三', '2025-07', 148.15, 'CC-100'],
      ['00124', '李四, 小李', '2025-07', 120, 'CC-200'],
      ['1025', '王"五"', '2025-07', 6000, 'CC-100'],
    ]);
    const payouts = await calculatedPayouts(book);
    expect(model.sheets[0].rows.slice(2).map((row) => Math.round((row[4] as number) * 100))).toEqual(payouts.map(cents));
  });
});

describe('perfplan export refuses, and writes nothing', () => {
  const previous = 'the previous payroll file, untouched';
  const refused = async (file: string, mapJson: unknown, lang = 'en-US') => {
    const mapFile = path.join(dir, `map-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(mapFile, typeof mapJson === 'string' ? mapJson : JSON.stringify(mapJson));
    const out = path.join(dir, 'refused.csv');
    fs.writeFileSync(out, previous);
    const run = await perfplan(['export', file, '--map', mapFile, '--out', out, '--lang', lang]);
    expect(fs.readFileSync(out, 'utf8')).toBe(previous);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(run.out).toBe('');
    expect(run.err.split('\n').length).toBe(2);
    expect(run.err).not.toMatch(/\n\s+at /);
    return run;
  };

  it('a blank id and a payout that is an error: exit 1, every such cell listed, in both languages', async () => {
    const broken = await writePlanBook(path.join(dir, 'broken.xlsx'), { ...PLAN, people: [...PLAN.people, { name: '赵六', sales: 'n/a', id: '00126' }, { name: '钱七', sales: 100 }] });
    const en = await refused(broken, MAP);
    expect(en).toMatchObject({ code: 1, err: 'perfplan export: nothing written: 2 mapped cells are errors or blank: 团队!D5 is #VALUE!; 团队!B6 is blank\n' });
    const zh = await refused(broken, MAP, 'zh-CN');
    expect(zh).toMatchObject({ code: 1, err: 'perfplan export: 未写出任何内容：2 个映射单元格为错误或空白：团队!D5 为 #VALUE!；团队!B6 为空白\n' });
    expect(englishForZh(zh.err, englishIn)).toEqual([]);
  });

  it('the file\'s total is checked to the cent: per-person rounding that drifts from the workbook\'s total is refused', async () => {
    // Three payouts of 0.335 each (sales 3.35 at 10%): 0.34 each in the file, 1.02 in all; the workbook's total is 1.005 → 1.01.
    const drift = await writePlanBook(path.join(dir, 'drift.xlsx'), { language: 'zh', rate: 0.1, revenue: 1000, people: ['a', 'b', 'c'].map((name, i) => ({ name, id: `0${i}`, sales: 3.35 })) });
    const run = await refused(drift, MAP);
    expect(run).toMatchObject({ code: 1, err: "perfplan export: nothing written: the file's total 1.02 differs from the workbook's total 1.01 (the totals row of 团队, 团队!D5) by 0.01\n" });
  });

  it('"total": {"from": …} names the workbook\'s total cell; a typed total that is off by a cent is refused, a right one accepted', async () => {
    const typed = await writePlanBook(path.join(dir, 'typed.xlsx'), { ...PLAN, typedTotal: 6268.14 });
    const run = await refused(typed, { ...MAP, total: { from: 'Summary!B2' } });
    expect(run.err).toBe("perfplan export: nothing written: the file's total 6,268.15 differs from the workbook's total 6,268.14 (Summary!B2) by 0.01\n");
    const right = await writePlanBook(path.join(dir, 'right.xlsx'), { ...PLAN, typedTotal: 6268.15 });
    fs.writeFileSync(path.join(dir, 'right.json'), JSON.stringify({ ...MAP, total: { from: 'Summary!B2' } }));
    const accepted = await perfplan(['export', right, '--map', path.join(dir, 'right.json'), '--out', path.join(dir, 'right.csv'), '--lang', 'en-US']);
    expect(accepted).toMatchObject({ code: 0, err: '' });
    expect(accepted.out).toMatch(/total 6,268.15, equal to the workbook's total \(Summary!B2\)/);
  });

  it.each([
    ['a map that is not JSON', '{ "columns": [', 1, /^perfplan export: the map .*\.json is not JSON: .+\n$/],
    ['a map without an amount column', { columns: [{ header: '姓名', from: '团队[姓名]' }] }, 1, /^perfplan export: the map .*: no column has "type": "amount"/],
    ['a column the table lacks', { columns: [{ header: '应发金额', from: '团队[应发]', type: 'amount' }] }, 1, /^perfplan export: .*plan\.xlsx: table 团队 has no column "应发"\n$/],
    ['columns of different lengths', { columns: [{ header: '姓名', from: '团队!A2:A3' }, { header: '应发金额', from: '团队[奖金]', type: 'amount' }] }, 1, /nothing written: the mapped columns differ in length \(姓名 2, 应发金额 3\)\n$/],
  ])('%s', async (_, mapJson, code, message) => {
    const run = await refused(book, mapJson);
    expect(run.code).toBe(code);
    expect(run.err).toMatch(message);
  });

  it('bad arguments and unreadable input: one line (then the usage for a usage error), the CLI\'s exit statuses', async () => {
    fs.writeFileSync(path.join(dir, 'junk.xlsx'), 'not a zip at all');
    const cases: [string[], number, RegExp][] = [
      [['export', book, '--map', map, '--out', path.join(dir, 'p.txt')], 1, /^perfplan export: --out must end in \.csv or \.xlsx, got .*p\.txt\n\nUsage:/],
      [['export', book, '--out', path.join(dir, 'p.csv')], 1, /^perfplan export: export needs a workbook \(BOOK\.xlsx\), --map MAP\.json and --out/],
      [['export', book, '--map', path.join(dir, 'none.json'), '--out', path.join(dir, 'p.csv')], 2, /^perfplan export: cannot read .*none\.json: no such file\n$/],
      [['export', path.join(dir, 'none.xlsx'), '--map', map, '--out', path.join(dir, 'p.csv')], 2, /^perfplan export: cannot read .*none\.xlsx: no such file\n$/],
      [['export', path.join(dir, 'junk.xlsx'), '--map', map, '--out', path.join(dir, 'p.csv')], 2, /^perfplan export: cannot read .*junk\.xlsx as an \.xlsx workbook/],
      [['export', book, '--map', map, '--out', path.join(dir, 'no-such-folder', 'p.csv')], 2, /^perfplan export: cannot write .*p\.csv: ENOENT: no such file or directory\n$/],
    ];
    for (const [args, code, message] of cases) {
      const run = await perfplan([...args, '--lang', 'en-US']);
      expect({ args, code: run.code }).toEqual({ args, code });
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/\n\s+at /);
      const zh = await perfplan([...args, '--lang', 'zh-CN']);
      // The file names are the user's, typed as they are.
      const first = zh.err.split('\n')[0].replace(/ENOENT.*$/, '').split(dir).join('DIR');
      expect({ first, english: englishForZh(first, englishIn) }).toEqual({ first, english: [] });
    }
    expect(fs.existsSync(path.join(dir, 'p.csv'))).toBe(false);
  });
});
