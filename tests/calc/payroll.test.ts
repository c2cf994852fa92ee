/**
 * Payroll export's pure part (calc/payroll.ts; issue 12 item 3): the map and its problems, cells
 * to rows (errors and blanks refused, listed), amounts to the cent as Excel's ROUND gives them,
 * the file's total against the workbook's, and CSV as RFC 4180 writes it, UTF-8 with a BOM.
 */
import * as fs from 'fs';
import * as path from 'path';
import { payrollWorkbook } from '../../calc/payroll-xlsx';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { cellNumberFormat, readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import {
  ColumnSource, PayrollMap, PayrollRows, centsText, cellText, checkTotal, csvField, numberText, parseCsv, parsePayrollMap, payrollRows, toCents, toCsv, UTF8_BOM,
} from '../../calc/payroll';
import { readmePayrollColumns } from '../support/calc-payroll-map';

const EXAMPLE = {
  columns: readmePayrollColumns({ id: 'People[ID]', name: 'People[Name]', period: 'Inputs!B2', amount: 'People[Payout]', costCentre: { value: 'CC-100' } }),
};

describe('the map', () => {
  it('reads the README example: text by default, one amount column whose total is checked', () => {
    expect(parsePayrollMap(EXAMPLE)).toEqual({
      columns: [
        { header: '工号', from: 'People[ID]', type: 'text' },
        { header: '姓名', from: 'People[Name]', type: 'text' },
        { header: '所属期间', from: 'Inputs!B2', type: 'month' },
        { header: '应发金额', from: 'People[Payout]', type: 'amount' },
        { header: '成本中心', value: 'CC-100', type: 'text' },
      ],
      totalColumn: '应发金额',
    });
  });

  it.each([
    ['not an object', [], { kind: 'shape' }],
    ['no columns', { columns: [] }, { kind: 'shape' }],
    ['a column without a header', { columns: [{ from: 'A!A1' }] }, { kind: 'header', index: 1 }],
    ['neither from nor value', { columns: [{ header: 'x' }] }, { kind: 'source', index: 1, header: 'x' }],
    ['both from and value', { columns: [{ header: 'x', from: 'A!A1', value: 'y' }] }, { kind: 'source', index: 1, header: 'x' }],
    ['an unknown type', { columns: [{ header: 'x', from: 'A!A1', type: 'money' }] }, { kind: 'type', index: 1, header: 'x' }],
    ['a fixed amount', { columns: [{ header: 'x', value: '5', type: 'amount' }] }, { kind: 'source', index: 1, header: 'x' }],
    ['a header twice', { columns: [{ header: 'x', from: 'A!A1', type: 'amount' }, { header: 'X', from: 'A!B1' }] }, { kind: 'headerTwice', header: 'X' }],
    ['no amount column', { columns: [{ header: 'x', from: 'A!A1' }] }, { kind: 'noAmount' }],
    ['two amounts, none named', { columns: [{ header: 'x', from: 'A!A1', type: 'amount' }, { header: 'y', from: 'A!B1', type: 'amount' }] }, { kind: 'whichAmount' }],
    ['a total column that is no amount', { ...EXAMPLE, total: { column: '姓名' } }, { kind: 'totalColumn', header: '姓名' }],
    ['a total that is no object', { ...EXAMPLE, total: 'Summary!B2' }, { kind: 'totalShape' }],
    ['a sheet name Excel refuses', { ...EXAMPLE, sheet: 'a/b' }, { kind: 'sheetName' }],
  ])('refuses %s', (_, json, problem) => {
    expect(parsePayrollMap(json)).toEqual(problem);
  });

  it('the example in docs/examples/payroll-map.json, shown in the README, is a valid map', () => {
    const root = path.join(__dirname, '..', '..');
    const example = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'examples', 'payroll-map.json'), 'utf8'));
    expect(parsePayrollMap(example)).toMatchObject({ sheet: '工资表', totalColumn: '应发金额', totalFrom: 'People[[#Totals],[Payout]]' });
    // The README shows the same map, an object per line.
    const compact = (o: Record<string, unknown>) => `{ ${Object.entries(o).map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')} }`;
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const line of [...example.columns.map(compact), `"total": ${compact(example.total)}`]) expect(readme).toContain(line);
  });

  it('two amount columns with "total": {"column", "from"} name which one is checked, against which cell', () => {
    const map = parsePayrollMap({ columns: [{ header: '基本工资', from: 'P[Base]', type: 'amount' }, { header: '应发金额', from: 'P[Pay]', type: 'amount' }], total: { column: '应发金额', from: 'Summary!B9' } });
    expect(map).toMatchObject({ totalColumn: '应发金额', totalFrom: 'Summary!B9' });
  });
});

describe('amounts in cents', () => {
  it('round half away from zero on the number as Excel shows it, as ROUND(x, 2) does', () => {
    expect([1.005, 2.675, 1.004999, -1.005, 0.125, 1234.5, -0.001, 0].map(toCents)).toEqual([101, 268, 100, -101, 13, 123450, 0, 0]);
    expect([101, -101, 5, -5, 123450, 0].map(centsText)).toEqual(['1.01', '-1.01', '0.05', '-0.05', '1234.50', '0.00']);
  });

  it('numbers as text are written as Excel shows them, never with an exponent', () => {
    expect([1001, 0.1 + 0.2, 110101199001011, 1e20, 1.5].map(numberText)).toEqual(['1001', '0.3', '110101199001011', '100000000000000000000', '1.5']);
  });

  it('dates and months from Excel serials (1900 system); text stays as it is', () => {
    expect(cellText({ address: 'S!A1', value: 45869 }, 'date')).toEqual({ text: '2025-07-31' });
    expect(cellText({ address: 'S!A1', value: 45869 }, 'month')).toEqual({ text: '2025-07' });
    expect(cellText({ address: 'S!A1', value: 61 }, 'date')).toEqual({ text: '1900-03-01' });
    expect(cellText({ address: 'S!A1', value: '2025年7月' }, 'month')).toEqual({ text: '2025年7月' });
  });
});

describe('cells to rows', () => {
  const map = parsePayrollMap(EXAMPLE) as PayrollMap;
  const column = (sheet: string, values: unknown[]) => ({ kind: 'cells' as const, cells: values.map((value, i) => ({ address: `${sheet}${i + 2}`, value: value as never })) });
  const sources = (ids: unknown[], names: unknown[], pay: unknown[], period: unknown = 45869): ColumnSource[] => [
    column('P!A', ids),
    column('P!B', names),
    { kind: 'cell', cell: { address: 'Inputs!B2', value: period as never } },
    column('P!D', pay),
    { kind: 'fixed', value: 'CC-100' },
  ];

  it('one row per person: a single cell repeats, a fixed text repeats, amounts to the cent; empty rows skipped', () => {
    const result = payrollRows(map, sources(['00123', 1002, undefined], ['张三', '李四', undefined], [1234.5, 0.1 + 0.2, undefined]));
    expect(result).toEqual({
      ok: {
        headers: ['工号', '姓名', '所属期间', '应发金额', '成本中心'],
        types: ['text', 'text', 'month', 'amount', 'text'],
        rows: [
          ['00123', '张三', '2025-07', '1234.50', 'CC-100'],
          ['1002', '李四', '2025-07', '0.30', 'CC-100'],
        ],
        totalCents: [123450, 30],
        totalValues: [1234.5, 0.30000000000000004],
        totalIndex: 3,
      },
    });
  });

  it('refuses every error or blank mapped cell and every amount that is no number, each listed once', () => {
    const result = payrollRows(map, sources(['1', '2', '3', '4'], ['张三', undefined, '王五', '赵六'], [{ error: '#N/A' }, 5, '五百', true], ''));
    expect(result).toEqual({
      problems: [
        { kind: 'blank', cell: 'Inputs!B2' },
        { kind: 'error', cell: 'P!D2', code: '#N/A' },
        { kind: 'blank', cell: 'P!B3' },
        { kind: 'text', cell: 'P!D4' },
        { kind: 'logical', cell: 'P!D5' },
      ],
    });
  });

  it('refuses columns of different lengths, and a map whose columns hold no rows', () => {
    expect(payrollRows(map, sources(['1', '2'], ['张三'], [1, 2]))).toEqual({ lengths: [{ header: '工号', count: 2 }, { header: '姓名', count: 1 }, { header: '应发金额', count: 2 }] });
    expect(payrollRows(map, sources([undefined], [undefined], [undefined]))).toEqual({ noRows: true });
  });

  it('the total check is to the cent: three people at 0.335 are 1.02 in the file but 1.01 in the workbook', () => {
    const rows = payrollRows(map, sources(['1', '2', '3'], ['a', 'b', 'c'], [0.335, 0.335, 0.335])) as { ok: Parameters<typeof checkTotal>[0] };
    expect(checkTotal(rows.ok, 0.335 * 3)).toEqual({ fileCents: 102, workbookCents: 101, equal: false });
    expect(checkTotal(rows.ok, 1.02)).toEqual({ fileCents: 102, workbookCents: 102, equal: true });
  });
});

describe('CSV (RFC 4180), UTF-8 with a BOM', () => {
  it('quotes fields with a comma, a quote, a line break or edge spaces; lines end in CRLF; the BOM first', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', ' pad', '张三'].map(csvField)).toEqual(['plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '" pad"', '张三']);
    const text = toCsv(['工号', '姓名'], [['1', '张,三']]);
    expect(text).toBe(`${UTF8_BOM}工号,姓名\r\n1,"张,三"\r\n`);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads back what it writes, field for field', () => {
    const rows = [['a,b', 'say "hi"', 'two\r\nlines', ''], ['x', ' y ', '', '张三']];
    expect(parseCsv(toCsv(['h1', 'h2', 'h3', 'h4'], rows))).toEqual([['h1', 'h2', 'h3', 'h4'], ...rows]);
  });
});

describe('the .xlsx (calc/payroll-xlsx.ts)', () => {
  const rows: PayrollRows = {
    headers: ['工号', '所属期间', '应发金额'],
    types: ['text', 'month', 'amount'],
    rows: [
      ['00123', '2025-07', '1234.50'],
      ['00124', '2025-07', '-0.05'],
    ],
    totalCents: [123450, -5],
    totalValues: [1234.5, -0.05],
    totalIndex: 2,
  };
  const bytes = payrollWorkbook(rows, '工资表', nodeCodec);
  const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);

  it('passes the format checker; ids and periods stay text, amounts are numbers shown as 0.00 (built-in id 2, as Excel saves it)', () => {
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const [sheet] = model.sheets;
    expect(sheet.name).toBe('工资表');
    expect(sheet.rows[1].slice(1)).toEqual(['工号', '所属期间', '应发金额']);
    expect(sheet.rows[2].slice(1)).toEqual(['00123', '2025-07', 1234.5]);
    expect(sheet.rows[3].slice(1)).toEqual(['00124', '2025-07', -0.05]);
    expect([2, 3].map((r) => cellNumberFormat(model, 0, r, 3))).toEqual(['0.00', '0.00']);
    expect(cellNumberFormat(model, 0, 2, 1)).toBeUndefined();
    expect(ZipArchive.read(bytes).text('xl/styles.xml', nodeCodec)).not.toContain('<numFmts');
  });
});

it('the .xlsx of a 200,000-person payroll is written (column widths without spreading every row into Math.max)', () => {
  const n = 200_000;
  const rows: PayrollRows = {
    headers: ['ID', 'Amount'],
    types: ['text', 'amount'],
    rows: Array.from({ length: n }, (_, i) => [`E${i}`, '1.00']),
    totalCents: Array(n).fill(100),
    totalValues: Array(n).fill(1),
    totalIndex: 1,
  };
  const sheet = ZipArchive.read(payrollWorkbook(rows, 'Payroll', nodeCodec)).text('xl/worksheets/sheet1.xml', nodeCodec);
  expect(sheet).toContain('<col min="1" max="1" width="11" customWidth="1"/><col min="2" max="2" width="10" customWidth="1"/>');
  expect(sheet).toContain(`<c r="A${n + 1}" t="s">`);
});
