/**
 * What compare and export read from a calculated workbook (calc/ranges.ts): a table column
 * through the workbook's Excel Tables, a range, a spilled range (Sheet!F2#), a defined name —
 * and a one-line reason for a reference that names nothing.
 */
import { ReferenceRequestError, columnCells, resolveRange, singleCell, totalsCell } from '../../calc/ranges';
import { nodeCodec } from '../../workbook/node-codec';
import { WorkbookModel, readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { num, storedWorkbook, text } from '../support/stored-workbook';

const TEAM = `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Team" displayName="Team" ref="A1:B4" totalsRowCount="1"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="Name" totalsRowLabel="Total"/><tableColumn id="2" name="Payout" totalsRowFunction="sum"/></tableColumns></table>`;

function model(): WorkbookModel {
  const bytes = storedWorkbook({
    sheets: [
      {
        name: 'Team',
        cells: [text('A1', 'Name'), text('B1', 'Payout'), text('A2', 'Li'), num('B2', 100), text('A3', 'Wang'), num('B3', 250), text('A4', 'Total'), `<c r="B4"><f>SUBTOTAL(109,Team[Payout])</f><v>350</v></c>`,
          `<c r="D2" cm="1"><f t="array" ref="D2:D3">_xldudf_PERF_NORMALIZE(B2:B3)</f><v>0.2857</v></c>`, num('D3', 0.7143)],
        tables: [TEAM],
      },
      { name: 'Sales Team', cells: [num('C5', 0.3)] },
    ],
    names: [{ name: 'PlanCeiling_LabourCost', text: "'Sales Team'!$C$5" }, { name: 'Payouts', text: 'Team[Payout]' }, { name: 'Formula', text: 'SUM(Team!$B$2:$B$3)' }],
    dynamicArrays: true,
  });
  return readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
}

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReferenceRequestError);
    return `${(error as ReferenceRequestError).message} | ${(error as ReferenceRequestError).localized('zh-CN')}`;
  }
  throw new Error('no refusal');
};

describe('resolveRange and the cells it names', () => {
  const book = model();
  const values = (reference: string) => columnCells(book, resolveRange(book, reference)).map((c) => [c.address, c.value]);

  it('a table column is its data body, with the table and column it came through', () => {
    expect(values('Team[Payout]')).toEqual([['Team!B2', 100], ['Team!B3', 250]]);
    expect(resolveRange(book, 'team[name]')).toMatchObject({ sheet: 'Team', column: 'Name', table: { name: 'Team' } });
    expect(totalsCell(book, resolveRange(book, 'Team[Payout]'))).toEqual({ address: 'Team!B4', value: 350 });
  });

  it('a range, a spilled range by its anchor (F2#) and a defined name', () => {
    expect(values('Team!A2:A3')).toEqual([['Team!A2', 'Li'], ['Team!A3', 'Wang']]);
    expect(values('Team!D2#')).toEqual([['Team!D2', 0.2857], ['Team!D3', 0.7143]]);
    expect(values('Payouts')).toEqual([['Team!B2', 100], ['Team!B3', 250]]);
    expect(singleCell(book, resolveRange(book, 'planceiling_labourcost'))).toEqual({ address: 'Sales Team!C5', value: 0.3 });
  });

  it('a whole column reads to the sheet\'s last row, not a million blanks', () => {
    expect(values('Team!A:A')).toEqual([['Team!A1', 'Name'], ['Team!A2', 'Li'], ['Team!A3', 'Wang'], ['Team!A4', 'Total']]);
  });

  it('refuses, in one line in either language, what names nothing or the wrong shape', () => {
    expect(refusal(() => resolveRange(book, 'Team[Bonus]'))).toBe('table Team has no column "Bonus" | 表格 Team 没有列 "Bonus"');
    expect(refusal(() => resolveRange(book, 'Staff[Name]'))).toMatch(/^no table named "?Staff"? \| /);
    expect(refusal(() => resolveRange(book, 'Nowhere!A1'))).toBe('Nowhere!A1: no sheet named "Nowhere" | Nowhere!A1：没有名为 "Nowhere" 的工作表');
    expect(refusal(() => resolveRange(book, 'Team!B2#'))).toBe('Team!B2#: Team!B2 holds no spilled formula | Team!B2#：Team!B2 中没有溢出的公式');
    expect(refusal(() => resolveRange(book, 'Formula'))).toMatch(/^"Formula" is not a table column/);
    expect(refusal(() => resolveRange(book, 'payout'))).toMatch(/^"payout" is not a table column/);
    expect(refusal(() => columnCells(book, resolveRange(book, 'Team!A2:B3')))).toBe('Team!A2:B3 is 2 columns wide; one column is needed | Team!A2:B3 有 2 列；只能是一列');
    expect(refusal(() => singleCell(book, resolveRange(book, 'Team[Payout]')))).toBe('Team[Payout] is more than one cell; one cell is needed | Team[Payout] 不止一个单元格；只能是一个单元格');
  });
});
