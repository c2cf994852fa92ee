/**
 * One argument of a PERF call queued for a single `context.sync()`: omitted → null, a literal
 * as it is, a reference or a defined name loaded with its values and value types (whole columns
 * or rows: only their used part). Used by Explain and by Statements, which read the same way.
 */
import type { Arg } from '../../../../engine/grid';
import { argumentFrom } from './formula-args';

/** `nested` is called with an argument that is an expression: the caller says what that means. */
export function queueArgument(context: Excel.RequestContext, sheet: Excel.Worksheet, text: string, nested: (text: string) => never): Arg | Excel.Range {
  return argumentFrom(text, {
    reference: ({ sheet: sheetName, address }) => {
      const range = sheetName === null ? sheet.getRange(address) : context.workbook.worksheets.getItem(sheetName).getRange(address);
      const used = /^[A-Z]+:[A-Z]+$|^\d+:\d+$/.test(address) ? range.getUsedRangeOrNullObject(true) : range;
      used.load('values, valueTypes');
      return used;
    },
    name: (name) => {
      const range = context.workbook.names.getItem(name).getRange();
      range.load('values, valueTypes');
      return range;
    },
    nested,
  });
}
