/**
 * A table grew after the file was saved (a user typed a row): the stored spill refs are one row
 * short. Round one sizes each dynamic array by its stored ref; an add-in call reading the grown
 * column and a stale spill then fails as a whole (#VALUE!, its arguments differ in length) and is
 * padded to the size its arguments predict — larger than the ref. That must be cut to the ref
 * (HyperFormula cannot shrink an array) so the next round can size everything by its result.
 */
import { calcBytes, toJson } from '../../calc/book';
import { num, storedWorkbook, text } from '../support/stored-workbook';

it('recalculates spills over a table that grew past their stored refs', async () => {
  const table =
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="A1:B6" totalsRowShown="0">' +
    '<autoFilter ref="A1:B6"/><tableColumns count="2"><tableColumn id="1" name="Target"/><tableColumn id="2" name="Sales"/></tableColumns></table>';
  const rows = [100, 200, 300, 400, 500].flatMap((target, i) => [num(`A${2 + i}`, target), num(`B${2 + i}`, target / 2)]);
  const bytes = storedWorkbook({
    dynamicArrays: true,
    sheets: [
      {
        name: 'S',
        tables: [table],
        cells: [
          text('A1', 'Target'),
          text('B1', 'Sales'),
          ...rows,
          // Saved when the table had four rows.
          '<c r="D2" cm="1"><f t="array" ref="D2:D5">T[Target]*1</f><v>100</v></c>',
          '<c r="E2" cm="1"><f t="array" ref="E2:E5">_xldudf_PERF_ATTAIN(T[Sales],_xlfn.ANCHORARRAY(D2))</f><v>0.5</v></c>',
        ],
      },
    ],
  });
  const json = toJson(await calcBytes(bytes));
  expect([2, 3, 4, 5, 6].map((r) => json[`S!E${r}`])).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
});
