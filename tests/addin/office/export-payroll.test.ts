/**
 * The payroll export from the pane on office-addin-mock: the map's references read from Excel,
 * the CSV (UTF-8 BOM, CRLF) with the workbook's numbers, the total checked to the cent, and the
 * refusals (error and blank cells listed, a total that differs) — nothing written to the book;
 * the same rows as an .xlsx (read back through the workbook layer: the CSV's numbers), and the
 * map read from a picked .json file, refused with `perfplan export`'s words and the file's name.
 */
import { exportPayroll, parseReference, readMap } from '../../../addin/office/export-payroll';
import { payrollXlsx } from '../../../addin/office/payroll-xlsx';
import { readFileText } from '../../../addin/taskpane/views/statements';
import { UTF8_BOM, parseCsv, parsePayrollMap } from '../../../calc/payroll';
import { mapProblemPhrase } from '../../../calc/payroll-phrases';
import { CLI } from '../../../i18n/cli';
import { OUTPUTS } from '../../../i18n/outputs';
import { phrase, render } from '../../../i18n/text';
import { checkExcelForm } from '../../../workbook/format-check';
import { nodeCodec } from '../../../workbook/node-codec';
import { readWorkbookModel } from '../../../workbook/read';
import { ZipArchive } from '../../../workbook/zip';
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

describe('the .xlsx from the pane', () => {
  it('holds the CSV’s rows, read back through the workbook layer: texts as text, amounts as the same numbers', async () => {
    const result = await exportPayroll(book().context, map(), 'zh-CN');
    if (!result.ok) throw new Error(render(result.reason.text, 'en-US', result.reason.params));
    const bytes = payrollXlsx(result.payroll, map(), 'zh-CN');
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    // No sheet named in the map: the CLI's name in the user's language.
    expect(model.sheets.map((s) => s.name)).toEqual([render(OUTPUTS.payrollSheet, 'zh-CN')]);
    const read = model.sheets[0].rows.slice(1).map((row) => row.slice(1));
    const csv = parseCsv(result.csv);
    expect(read).toEqual(csv.map((line, r) => (r === 0 ? line : line.map((text, c) => (c === 3 ? Number(text) : text)))));
    expect(read.slice(1).map((row) => row[3])).toEqual([1000.5, 2000, 333.34]);
    expect(Math.round((read.slice(1) as number[][]).reduce((sum, row) => sum + row[3], 0) * 100)).toBe(result.totalCents);
  });

  it('takes the sheet name from the map, and the English name in en-US', async () => {
    const named = await exportPayroll(book().context, map({ sheet: '七月工资' }));
    const plain = await exportPayroll(book().context, map());
    if (!named.ok || !plain.ok) throw new Error('refused');
    const sheetOf = (bytes: Uint8Array) => readWorkbookModel(ZipArchive.read(bytes), nodeCodec).sheets[0].name;
    expect(sheetOf(payrollXlsx(named.payroll, map({ sheet: '七月工资' }), 'en-US'))).toBe('七月工资');
    expect(sheetOf(payrollXlsx(plain.payroll, map(), 'en-US'))).toBe('Payroll');
  });

  it('formats the total and names where it was read as the CLI does', async () => {
    const result = await exportPayroll(book().context, map(), 'en-US');
    if (!result.ok) throw new Error('refused');
    expect(result.total).toBe('3,333.84');
    expect(typeof result.source === 'string' ? result.source : render(result.source.text, 'en-US', result.source.params)).toBe('the sum of People!C2:C4 as calculated');
  });
});

describe('the map from a file', () => {
  const cliMessage = (text: string, file: string, locale: 'en-US' | 'zh-CN') => {
    // What `perfplan export --map FILE` prints for the same text (cli/export.ts readMap).
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return render(OUTPUTS.mapNotJson, locale, { file, reason: phrase(CLI.foreign, { message: (error as Error).message }) });
    }
    const parsed = parsePayrollMap(json);
    if (!('kind' in parsed)) throw new Error('valid');
    return render(OUTPUTS.mapInvalid, locale, { file, problem: mapProblemPhrase(parsed) });
  };

  it('reads a picked .json file and exports with it', async () => {
    const file = new File([JSON.stringify(MAP)], 'payroll.json', { type: 'application/json' });
    const parsed = readMap(await readFileText(file), file.name);
    if (!('columns' in parsed)) throw new Error(render(parsed.text, 'en-US', parsed.params));
    expect(parsed.columns.map((c) => c.header)).toEqual(['工号', '姓名', '所属期间', '应发金额', '成本中心']);
    const result = await exportPayroll(book().context, parsed);
    expect(result.ok && parseCsv(result.csv)[1]).toEqual(['E01', '李伟', '2025-07', '1000.50', 'CC-100']);
  });

  it('refuses a file that is no JSON, or no map, with the command’s words and the file’s name', async () => {
    const cases = ['{"columns": [', JSON.stringify({ columns: [{ header: '应发金额', from: 'People!C2:C4', type: 'money' }] }), JSON.stringify({ ...MAP, sheet: 'a/b' })];
    for (const text of cases) {
      const file = new File([text], '七月映射.json');
      const refused = readMap(await readFileText(file), file.name);
      expect('text' in refused).toBe(true);
      if (!('text' in refused)) continue;
      for (const locale of ['en-US', 'zh-CN'] as const) {
        const said = render(refused.text, locale, refused.params);
        expect(said).toBe(cliMessage(text, '七月映射.json', locale));
        expect(said).toContain('七月映射.json');
      }
    }
  });

  it('a pasted map is named JSON in the messages, as before', () => {
    const refused = readMap('{');
    expect('text' in refused && render(refused.text, 'en-US', refused.params)).toBe(cliMessage('{', 'JSON', 'en-US'));
  });
});

describe('a map of table columns', () => {
  /** The table People (ID, Name, Payout over rows 2–4, its totals row 5): what tables.getItem(…).columns.getItem(…) reads (the mock has no tables). */
  function withTable(h: ReturnType<typeof book>, totals: number | undefined) {
    h.mock.workbook.addMock('tables');
    const column = (values: unknown[], types: string[], columnIndex: number, total?: unknown) => ({
      body: col(values, types, 1, columnIndex),
      total: col([total ?? ''], [total === undefined ? 'Empty' : 'Double'], 4, columnIndex),
      getDataBodyRange(this: any) {
        return this.body;
      },
      getTotalRowRange(this: any) {
        return this.total;
      },
    });
    h.mock.workbook.tables.populate({
      people: {
        showTotals: totals !== undefined,
        columns: {
          id: column(['E01', 'E02', 'E03'], ['String', 'String', 'String'], 0),
          name: column(['李伟', 'Ann', 'Bo'], ['String', 'String', 'String'], 1),
          payout: column([1000.5, 2000, 333.335], ['Double', 'Double', 'Double'], 2, totals),
          getItem(this: any, name: string) {
            return this[name.toLowerCase()];
          },
        },
      },
      getItem(this: any, name: string) {
        if (name !== 'People') throw new Error(`ItemNotFound: table ${name}`);
        return this.people;
      },
    });
    return h;
  }
  const TABLE_MAP = {
    columns: [
      { header: '工号', from: 'People[ID]' },
      { header: '姓名', from: 'People[Name]' },
      { header: '应发金额', from: 'People[Payout]', type: 'amount' },
    ],
  };
  const tableMap = () => {
    const parsed = readMap(JSON.stringify(TABLE_MAP));
    if (!('columns' in parsed)) throw new Error('bad map');
    return parsed;
  };

  it('checks the total against the table’s totals row and says so as the CLI does', async () => {
    const good = await exportPayroll(withTable(book(), 3333.84).context, tableMap(), 'zh-CN');
    if (!good.ok) throw new Error(render(good.reason.text, 'en-US', good.reason.params));
    expect(parseCsv(good.csv).slice(1).map((r) => r[2])).toEqual(['1000.50', '2000.00', '333.34']);
    expect(typeof good.source === 'string' ? good.source : render(good.source.text, 'zh-CN', good.source.params)).toBe('People 的汇总行，People!C5');
    const bad = await exportPayroll(withTable(book(), 3333.8).context, tableMap(), 'en-US');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const said = render(bad.reason.text, 'en-US', bad.reason.params);
      expect(said).toMatch(/^nothing written/);
      expect(said).toContain('3,333.84');
      expect(said).toContain('3,333.80');
      expect(said).toContain('the totals row of People, People!C5');
    }
  });

  it('without a totals row, checks against the column’s sum as calculated', async () => {
    const result = await exportPayroll(withTable(book(), undefined).context, tableMap(), 'en-US');
    if (!result.ok) throw new Error(render(result.reason.text, 'en-US', result.reason.params));
    expect(typeof result.source === 'string' ? result.source : render(result.source.text, 'en-US', result.source.params)).toBe('the sum of People[Payout] as calculated');
    expect(result.total).toBe('3,333.84');
  });
});
