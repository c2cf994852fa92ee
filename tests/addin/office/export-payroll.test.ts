/**
 * The payroll export from the pane on office-addin-mock: the map's references read from Excel,
 * the CSV (UTF-8 BOM, CRLF) with the workbook's numbers, the total checked to the cent, and the
 * refusals (error and blank cells listed, a total that differs) — nothing written to the book.
 */
import { exportPayroll, parseReference, readMap } from '../../../addin/office/export-payroll';
import { UTF8_BOM, parseCsv } from '../../../calc/payroll';
import { render } from '../../../i18n/text';
import { createExcelMock } from './excel-mock';

const MAP = {
  columns: [
    { header: '工号', from: 'People!A2:A4' },
    { header: '姓名', from: 'People!B2:B4' },
    { header: '所属期间', from: 'Inputs!B2', type: 'month' },
    { header: '应发金额', from: 'People!C2:C4', type: 'amount' },
    { header: '成本中心', value: 'CC-100' },
  ],
};

const col = (values: unknown[], types: string[], rowIndex = 1, columnIndex = 0, sheet = 'People') => ({
  address: `${sheet}!${String.fromCharCode(65 + columnIndex)}${rowIndex + 1}:${String.fromCharCode(65 + columnIndex)}${rowIndex + values.length}`,
  values: values.map((v) => [v]),
  valueTypes: types.map((t) => [t]),
  rowIndex,
  columnIndex,
  rowCount: values.length,
  columnCount: 1,
});

function book(payouts: unknown[] = [1000.5, 2000, 333.335], types = ['Double', 'Double', 'Double'], total?: unknown) {
  return createExcelMock({
    sheets: {
      People: {
        ranges: {
          'A2:A4': col(['E01', 'E02', 'E03'], ['String', 'String', 'String']),
          'B2:B4': col(['李伟', 'Ann', 'Bo, "B"'], ['String', 'String', 'String'], 1, 1),
          'C2:C4': col(payouts, types, 1, 2),
          ...(total !== undefined ? { C5: col([total], [typeof total === 'number' ? 'Double' : 'String'], 4, 2) } : {}),
        },
      },
      Inputs: { ranges: { B2: col([45869], ['Double'], 1, 1, 'Inputs') } },
    },
  });
}

function map(extra: object = {}) {
  const parsed = readMap(JSON.stringify({ ...MAP, ...extra }));
  if (!('columns' in parsed)) throw new Error('bad map');
  return parsed;
}

describe('parseReference', () => {
  it('reads table columns, totals cells, ranges and names', () => {
    expect(parseReference('People[Payout]')).toEqual({ kind: 'column', table: 'People', column: 'Payout', totals: false });
    expect(parseReference('People[[#Totals],[Payout]]')).toEqual({ kind: 'column', table: 'People', column: 'Payout', totals: true });
    expect(parseReference("'Sales Team'!C2:C9")).toEqual({ kind: 'range', sheet: 'Sales Team', address: 'C2:C9' });
    expect(parseReference('Period')).toEqual({ kind: 'name', name: 'Period' });
    expect(parseReference('not a reference!')).toBeUndefined();
  });
});

describe('readMap', () => {
  it('refuses a map that is no JSON or has no amount column, with the CLI’s words', () => {
    const notJson = readMap('{');
    expect('text' in notJson && render(notJson.text, 'en-US', notJson.params)).toMatch(/not JSON/);
    const noAmount = readMap(JSON.stringify({ columns: [{ header: 'x', from: 'A!A1' }] }));
    expect('text' in noAmount && render(noAmount.text, 'zh-CN', noAmount.params)).toContain('没有 "type": "amount" 的列');
  });
});

describe('exportPayroll', () => {
  it('writes the CSV with a BOM, the period as a month, amounts to the cent, and reads back to the same numbers', async () => {
    const h = book();
    const result = await exportPayroll(h.context, map());
    if (!result.ok) throw new Error(render(result.reason.text, 'en-US', result.reason.params));
    expect(result.csv.startsWith(UTF8_BOM)).toBe(true);
    expect(result.csv).toContain('\r\n');
    const rows = parseCsv(result.csv);
    expect(rows).toEqual([
      ['工号', '姓名', '所属期间', '应发金额', '成本中心'],
      ['E01', '李伟', '2025-07', '1000.50', 'CC-100'],
      ['E02', 'Ann', '2025-07', '2000.00', 'CC-100'],
      ['E03', 'Bo, "B"', '2025-07', '333.34', 'CC-100'],
    ]);
    expect(result.rows).toBe(3);
    expect(result.totalCents).toBe(333384);
    expect(h.callsOf('getRange').map((c) => `${c.sheet}!${c.args[0]}`)).toEqual(['People!A2:A4', 'People!B2:B4', 'Inputs!B2', 'People!C2:C4']);
  });

  it('refuses error and blank cells, listing them', async () => {
    const h = book([1000, '#DIV/0!', ''], ['Double', 'Error', 'Empty']);
    const result = await exportPayroll(h.context, map());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = render(result.reason.text, 'en-US', result.reason.params);
    expect(text).toContain('People!C3');
    expect(text).toContain('People!C4');
    expect(text).toMatch(/^nothing written/);
  });

  it('checks the file total against the workbook’s total cell to the cent', async () => {
    const good = await exportPayroll(book(undefined, undefined, 3333.84).context, map({ total: { from: 'People!C5' } }));
    expect(good.ok).toBe(true);
    const bad = await exportPayroll(book(undefined, undefined, 3333.8).context, map({ total: { from: 'People!C5' } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(render(bad.reason.text, 'zh-CN', bad.reason.params)).toContain('相差 0.04');
  });
});
