/**
 * Sheets named in Chinese, as a zh-CN workbook names them. Excel stores a reference to one
 * unquoted (团队!A1: only spaces and punctuation make Excel quote a sheet name), and so does a
 * structured reference resolved to its area; perfplan calc must read both.
 */
import { calcBytes, toJson } from '../../calc/book';
import { num, storedWorkbook, text } from '../support/stored-workbook';

it('reads references to a sheet named in Chinese, unquoted as Excel stores them, quoted, and through a table', async () => {
  const table =
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="团队表" displayName="团队表" ref="A1:A3" totalsRowShown="0">' +
    '<autoFilter ref="A1:A3"/><tableColumns count="1"><tableColumn id="1" name="销售额"/></tableColumns></table>';
  const bytes = storedWorkbook({
    sheets: [
      { name: '团队', tables: [table], cells: [text('A1', '销售额'), num('A2', 5), num('A3', 7)] },
      { name: '汇总', cells: ['<c r="A1"><f>团队!A2*2</f></c>', "<c r=\"A2\"><f>'团队'!A3*3</f></c>", '<c r="A3"><f>SUM(团队表[销售额])</f></c>'] },
    ],
  });
  const json = toJson(await calcBytes(bytes));
  expect([json['汇总!A1'], json['汇总!A2'], json['汇总!A3']]).toEqual([10, 21, 12]);
});
