/**
 * The Statements view's Excel read on office-addin-mock: the person in the selected row of the
 * Excel table holding the selection — the headers are the table's header row (not the sheet's
 * first used row, here a title above the table), its cells with types and formulas, the
 * results beside the table (a spill over the table's rows) with their anchors; a selection
 * outside every table, on the header row or on the totals row names nobody. Nothing written.
 */
import { PersonRowProblem, readPersonRow } from '../../../addin/office/statements-row';
import { explainRow } from '../../../addin/taskpane/views/statements/excel-ops';
import { personStatement, statementPage } from '../../../addin/taskpane/views/statements/statement-model';
import { sumOfAddSteps } from '../../../engine/explain';
import { type RangeData, createExcelMock, withNames } from './excel-mock';

/*
 *      A          B        C            D       E     F            G        H      I
 *   1  Q3 plan                                                                     (spill from I1)
 *   2
 *   3             Name     Employee ID  Sales   Rate  Credit       Payout
 *   4             Ann      E00          80000   0.04  =PERF.TIERED([@Sales],…)  =PERF.TIERED(Team[Sales],…) → G4:G6
 *   5             Li Wei   E01          120000  0.05  4000         2800     ok
 *   6             Bo       E02          50000   0.03  1500         1000
 *   7             Total                                7500                           (totals row)
 * Table "Team" is B3:F7; the used range is A1:I10 (the first used row is the title, not the headers).
 */
const SHEET = 'Sales Team';
const PAYOUT_FORMULA = '=PERF.TIERED(Team[Sales],{0,0.02;100000,0.04},"marginal")';
const CREDIT_FORMULA = '=PERF.TIERED([@Sales],{0,0.03;100000,0.05},"marginal")';

const spilled = (anchor: string, rowIndex: number, columnIndex: number, formula: string, spill: { rowIndex: number; rowCount: number }): RangeData => ({
  parent: {
    address: `'${SHEET}'!${anchor}`,
    formulas: [[formula]],
    rowIndex,
    columnIndex,
    spill,
    getSpillingToRangeOrNullObject(this: any) {
      return this.spill;
    },
  },
  getSpillParentOrNullObject(this: any) {
    return this.parent;
  },
});

const notSpilled: RangeData = {
  parent: { isNullObject: true, address: '', formulas: [['']], rowIndex: 0, columnIndex: 0 },
  getSpillParentOrNullObject(this: any) {
    return this.parent;
  },
};

function table(): RangeData {
  return {
    name: 'Team',
    header: { values: [['Name', 'Employee ID', 'Sales', 'Rate', 'Credit']], rowIndex: 2, columnIndex: 1, columnCount: 5 },
    body: { rowIndex: 3, rowCount: 3 },
    getHeaderRowRange(this: any) {
      return this.header;
    },
    getDataBodyRange(this: any) {
      return this.body;
    },
  };
}

function book(rowIndex: number, inTable = true, names: Parameters<typeof withNames>[1] = {}) {
  const tables = {
    table: table(),
    getCount() {
      return { value: inTable ? 1 : 0 };
    },
    getFirst(this: any) {
      if (!inTable) throw new Error('ItemNotFound');
      return this.table;
    },
  };
  const h = createExcelMock({
    sheets: {
      [SHEET]: {
        usedRange: { rowIndex: 0, columnIndex: 0, columnCount: 9 },
        ranges: {
          'A5:I5': {
            values: [['', 'Li Wei', 'E01', 120000, 0.05, 4000, 2800, 'ok', 3]],
            formulas: [['', 'Li Wei', 'E01', 120000, 0.05, CREDIT_FORMULA, 2800, 'ok', 3]],
            valueTypes: [['Empty', 'String', 'String', 'Double', 'Double', 'Double', 'Double', 'String', 'Double']],
            // Excel's invariant codes: Sales with separators, Rate a percentage, the payout in yuan.
            numberFormat: [['General', 'General', '@', '#,##0', '0.0%', 'General', '"¥"#,##0.00', 'General', 'General']],
          },
          'A3:I3': { values: [['', 'Name', 'Employee ID', 'Sales', 'Rate', 'Credit', 'Payout', '', '']] },
          G5: spilled('G4', 3, 6, PAYOUT_FORMULA, { rowIndex: 3, rowCount: 3 }),
          H5: notSpilled,
          // A spill from I1 to I10 runs past the table's rows: not this person's result (as the CLI counts).
          I5: spilled('I1', 0, 8, '=SEQUENCE(10)', { rowIndex: 0, rowCount: 10 }),
          // What the PERF calls' structured references read: [@Sales] in the row, Team[Sales] over the data rows.
          D5: { values: [[120000]], valueTypes: [['Double']] },
          'D4:D6': { values: [[80000], [120000], [50000]], valueTypes: [['Double'], ['Double'], ['Double']] },
        },
      },
    },
    selection: { address: `'${SHEET}'!C${rowIndex + 1}:E${rowIndex + 1}`, cell: { rowIndex, columnIndex: 2, address: `'${SHEET}'!C${rowIndex + 1}`, tables, getTables(this: any) { return this.tables; } } },
  });
  return withNames(h, names);
}

describe('readPersonRow', () => {
  it('reads the selected row of the table with the table’s headers, and the spilled result beside it', async () => {
    const h = book(4);
    const row = await readPersonRow(h.context, { spills: true });
    expect(row).toMatchObject({ table: 'Team', sheet: SHEET, row: 5, dataRows: { top: 4, bottom: 6 } });
    expect(row.cells).toEqual([
      { header: 'Name', cell: "'Sales Team'!B5", value: 'Li Wei', type: 'String', inTable: true },
      { header: 'Employee ID', cell: "'Sales Team'!C5", value: 'E01', type: 'String', inTable: true, format: '@' },
      { header: 'Sales', cell: "'Sales Team'!D5", value: 120000, type: 'Double', inTable: true, format: '#,##0' },
      { header: 'Rate', cell: "'Sales Team'!E5", value: 0.05, type: 'Double', inTable: true, format: '0.0%' },
      { header: 'Credit', cell: "'Sales Team'!F5", value: 4000, type: 'Double', formula: CREDIT_FORMULA, inTable: true },
      {
        header: 'Payout',
        cell: "'Sales Team'!G5",
        value: 2800,
        type: 'Double',
        formula: PAYOUT_FORMULA,
        spill: { anchor: "'Sales Team'!G4", row: 1, col: 0 },
        inTable: false,
        format: '"¥"#,##0.00',
      },
    ]);
    // Read only: the row, the header row above it, the cells beside the table; the used range only for its columns.
    expect(h.callsOf('getRange').map((c) => c.args[0])).toEqual(['A5:I5', 'A3:I3', 'G5', 'H5', 'I5']);
    expect(h.calls.filter((c) => /add|insert|set|calculate|activate/i.test(c.method))).toEqual([]);
  });

  it('without spill support (ExcelApi < 1.12) keeps the table’s columns and formulas typed beside it only', async () => {
    const row = await readPersonRow(book(4).context);
    expect(row.cells.map((c) => c.header)).toEqual(['Name', 'Employee ID', 'Sales', 'Rate', 'Credit']);
  });

  it('gives the statement the CLI gives: identity and inputs from the table’s columns, results with the spill, the payout by its header', async () => {
    const row = await readPersonRow(book(4).context, { spills: true });
    const { statement, model } = personStatement(row, new Map())!;
    expect(statement).toMatchObject({ row: 5, name: 'Li Wei', id: 'E01', payout: { kind: 'number', value: 2800 } });
    expect(statement.inputs.map((i) => [i.header, i.cell])).toEqual([
      ['Sales', "'Sales Team'!D5"],
      ['Rate', "'Sales Team'!E5"],
    ]);
    expect(statement.results.map((r) => [r.header, r.anchor, r.payout])).toEqual([
      ['Credit', "'Sales Team'!F5", false],
      ['Payout', "'Sales Team'!G4", true],
    ]);
    expect(model).toMatchObject({ table: 'Team', sheet: SHEET, total: 2800, headers: { name: 'Name', id: 'Employee ID', payout: 'Payout' } });
    const { html } = statementPage(statement, model, { file: 'q3.xlsx', sha256: 'abc', calculatedAt: '2025-07-31T00:00:00.000Z' }, 'en-US');
    expect(html).not.toContain('Q3 plan');
    expect(html).toContain('Employee ID');
    // Each value as its cell shows it in Excel (the cells' number formats), as perfplan statements shows it.
    expect(html).toContain('120,000');
    expect(html).toContain('5.0%');
    expect(html).toContain('¥2,800.00');
  });

  it('explains the results whose PERF calls take the table’s columns, and the steps add up to each value', async () => {
    const h = book(4);
    const row = await readPersonRow(h.context, { spills: true });
    const explained = await explainRow(h.context, row);
    const credit = explained.get("'Sales Team'!F5");
    const payout = explained.get("'Sales Team'!G5");
    if (!credit || !('explanation' in credit) || !payout || !('explanation' in payout)) throw new Error('not explained');
    // [@Sales] is Li Wei's 120,000: 100,000 × 3% + 20,000 × 5%.
    expect(sumOfAddSteps(credit.explanation)).toBeCloseTo(4000, 9);
    // Team[Sales] is the column; the row is element 1 of the spill from G4: 100,000 × 2% + 20,000 × 4%.
    expect(sumOfAddSteps(payout.explanation)).toBeCloseTo(2800, 9);
    expect(h.callsOf('getRange').map((c) => c.args[0]).slice(-2)).toEqual(['D5', 'D4:D6']);
    const { statement, model } = personStatement(row, explained)!;
    const { doc } = statementPage(statement, model, { file: 'q3.xlsx', sha256: 'abc', calculatedAt: '2025-07-31T00:00:00.000Z' }, 'zh-CN');
    expect(doc.results.rows.map((r) => r.steps.length > 0)).toEqual([true, true]);
    expect(doc.totals.rows.map((r) => r.value.number)).toEqual([2800, 2800]);
  });

  it('takes the period from the defined name Period (期间…) when the table has no period column, as the CLI does', async () => {
    const h = book(4, true, {
      Rates: { values: [[1], [2]], valueTypes: [['Double'], ['Double']], rowCount: 2, columnCount: 1 },
      期间: { values: [['2025-07']], valueTypes: [['String']], rowCount: 1, columnCount: 1 },
    });
    const row = await readPersonRow(h.context, { spills: true });
    expect(row.period).toBe('2025-07');
    expect(personStatement(row, new Map())!.statement.period).toBe('2025-07');
    // A name for more than one cell is no period.
    const wide = await readPersonRow(book(4, true, { Period: { values: [['2025-07', 'x']], valueTypes: [['String', 'String']], rowCount: 1, columnCount: 2 } }).context);
    expect(wide.period).toBeUndefined();
    expect((await readPersonRow(book(4).context)).period).toBeUndefined();
  });

  it('refuses a selection outside every table, the header row and the totals row', async () => {
    await expect(readPersonRow(book(0, false).context)).rejects.toMatchObject({ kind: 'notInTable', address: "'Sales Team'!C1:E1" });
    await expect(readPersonRow(book(2).context)).rejects.toMatchObject({ kind: 'headerRow' });
    const totals = readPersonRow(book(6).context);
    await expect(totals).rejects.toBeInstanceOf(PersonRowProblem);
    await expect(totals).rejects.toMatchObject({ kind: 'totalsRow' });
  });

  it('outside a table reads no cell of the sheet', async () => {
    const h = book(0, false);
    await expect(readPersonRow(h.context)).rejects.toMatchObject({ kind: 'notInTable' });
    expect(h.callsOf('getRange')).toEqual([]);
  });
});
