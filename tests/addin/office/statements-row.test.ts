/**
 * The Statements view's Excel read on office-addin-mock: the person in the selected row with
 * the headers of the sheet's first used row, formulas kept, nothing written.
 */
import { PersonRowProblem, readPersonRow } from '../../../addin/office/statements-row';
import { createExcelMock } from './excel-mock';

const USED = {
  rowIndex: 3, // the header row is row 4
  columnIndex: 1, // column B
  values: [
    ['Name', 'Employee ID', 'Sales', 'Payout'],
    ['Li Wei', 'E01', 120000, 6000],
    ['Ann', 'E02', 80000, '#DIV/0!'],
  ],
  formulas: [
    ['Name', 'Employee ID', 'Sales', 'Payout'],
    ['Li Wei', 'E01', 120000, '=PERF.TIERED(D5,Tiers)'],
    ['Ann', 'E02', 80000, '=D6/0'],
  ],
  valueTypes: [
    ['String', 'String', 'String', 'String'],
    ['String', 'String', 'Double', 'Double'],
    ['String', 'String', 'Double', 'Error'],
  ],
};

function book(rowIndex: number) {
  return createExcelMock({
    sheets: { 'Sales Team': { usedRange: USED } },
    selection: { address: `'Sales Team'!C${rowIndex + 1}:E${rowIndex + 1}`, cell: { rowIndex, address: `'Sales Team'!C${rowIndex + 1}` } },
  });
}

describe('readPersonRow', () => {
  it('reads the selected row under the headers, with cells, types and formulas', async () => {
    const h = book(4);
    const row = await readPersonRow(h.context);
    expect(row.sheet).toBe('Sales Team');
    expect(row.row).toBe(5);
    expect(row.cells).toEqual([
      { header: 'Name', cell: "'Sales Team'!B5", value: 'Li Wei', type: 'String' },
      { header: 'Employee ID', cell: "'Sales Team'!C5", value: 'E01', type: 'String' },
      { header: 'Sales', cell: "'Sales Team'!D5", value: 120000, type: 'Double' },
      { header: 'Payout', cell: "'Sales Team'!E5", value: 6000, type: 'Double', formula: '=PERF.TIERED(D5,Tiers)' },
    ]);
    expect(h.callsOf('getRange')).toEqual([]);
  });

  it('keeps an error as its type says', async () => {
    const row = await readPersonRow(book(5).context);
    expect(row.cells[3]).toMatchObject({ value: '#DIV/0!', type: 'Error', formula: '=D6/0' });
  });

  it('refuses the header row and rows outside the data', async () => {
    await expect(readPersonRow(book(3).context)).rejects.toMatchObject({ kind: 'headerRow' });
    await expect(readPersonRow(book(9).context)).rejects.toBeInstanceOf(PersonRowProblem);
    await expect(readPersonRow(book(1).context)).rejects.toMatchObject({ kind: 'outside' });
  });
});

describe('readPersonRow with spills', () => {
  it('finds the anchor of a spilled result and the element the row shows', async () => {
    const used = {
      rowIndex: 0,
      columnIndex: 0,
      values: [['Name', 'Sales', 'Payout'], ['Ann', 100, 5], ['Bob', 200, 12]],
      formulas: [['Name', 'Sales', 'Payout'], ['Ann', 100, '=PERF.TIERED(B2:B3,Tiers)'], ['Bob', 200, 12]],
      valueTypes: [['String', 'String', 'String'], ['String', 'Double', 'Double'], ['String', 'Double', 'Double']],
    };
    const h = createExcelMock({
      sheets: {
        Team: {
          usedRange: used,
          ranges: {
            B3: { parent: { isNullObject: true, address: '', formulas: [['']], rowIndex: 0, columnIndex: 0 }, getSpillParentOrNullObject(this: any) { return this.parent; } },
            C3: { parent: { address: 'Team!C2', formulas: [['=PERF.TIERED(B2:B3,Tiers)']], rowIndex: 1, columnIndex: 2 }, getSpillParentOrNullObject(this: any) { return this.parent; } },
          },
        },
      },
      selection: { address: 'Team!A3', cell: { rowIndex: 2, address: 'Team!A3' } },
    });
    const row = await readPersonRow(h.context, { spills: true });
    expect(row.cells[1]).toEqual({ header: 'Sales', cell: 'Team!B3', value: 200, type: 'Double' });
    expect(row.cells[2]).toEqual({ header: 'Payout', cell: 'Team!C3', value: 12, type: 'Double', formula: '=PERF.TIERED(B2:B3,Tiers)', spill: { anchor: 'Team!C2', row: 1, col: 0 } });
  });
});
