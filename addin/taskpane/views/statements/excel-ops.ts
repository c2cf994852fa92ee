/**
 * INTEGRATION POINT — the Statements view's Excel work (one Excel.run, read only): the person
 * in the selected row (addin/office/statements-row.ts) and, for each result cell holding a PERF
 * call, its Explain steps — its arguments read as Excel passes them to the custom function, as
 * the Explain view does (../explain/formula-args), and structured references to a table
 * (People[Sales], [@Sales], People[[#Totals],[Payout]]; addin/office/structured-reference.ts)
 * read from the table, as the templates write them. A formula that is no explainable PERF call
 * (or has a nested argument) shows as its formula.
 */
import { explainCall } from '../../../../catalog/explain';
import { PerfError } from '../../../../engine/errors';
import type { Arg } from '../../../../engine/grid';
import type { PayrollMap } from '../../../../calc/payroll';
import type { Locale } from '../../../../i18n/locale';
import { type PayrollExport, exportPayroll } from '../../../office/export-payroll';
import { type PersonRow, readPersonRow } from '../../../office/statements-row';
import { parseStructuredReference } from '../../../office/structured-reference';
import { argFromRange, explainableCall } from '../explain/formula-args';
import { queueArgument } from '../explain/queue-argument';
import type { Explained } from './statement-model';
import { requireExcel, spillsSupported } from '../../excel';

export interface RowWithSteps {
  row: PersonRow;
  explained: Map<string, Explained>;
  /** The workbook's file name, when Office knows it. */
  file: string;
}

function workbookFile(): string {
  try {
    const url = typeof Office !== 'undefined' ? Office.context.document.url : '';
    return url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? url) : '';
  } catch {
    return '';
  }
}

/** The local address ("F5") of a row cell's address ("'Sales Team'!F5"). */
const local = (cell: string) => cell.slice(cell.lastIndexOf('!') + 1);

/**
 * A structured reference among a PERF call's arguments, queued for the sync: a column of the
 * person's own table by its cells' addresses (the row, or the data rows), any other table's
 * through Excel's tables. Undefined for text that is no structured reference, or names a column
 * the table lacks (the call then shows as its formula).
 */
export function queueStructured(context: Excel.RequestContext, sheet: Excel.Worksheet, row: PersonRow, text: string): Excel.Range | undefined {
  const reference = parseStructuredReference(text);
  if (!reference) return undefined;
  const own = reference.table === undefined || reference.table.toLowerCase() === row.table.toLowerCase();
  let range: Excel.Range;
  if (own && reference.part !== 'totals') {
    const columns = row.cells.filter((c) => c.inTable);
    const letters = (cell: string) => local(cell).replace(/\d+$/, '');
    if (reference.part === 'thisRow' || reference.column !== undefined) {
      const wanted = reference.column!.toLowerCase();
      const cell = columns.find((c) => c.header.toLowerCase() === wanted);
      if (!cell) return undefined;
      if (reference.part === 'thisRow') range = sheet.getRange(local(cell.cell));
      else if (!row.dataRows) return undefined;
      else range = sheet.getRange(`${letters(cell.cell)}${row.dataRows.top}:${letters(cell.cell)}${row.dataRows.bottom}`);
    } else {
      if (!row.dataRows || columns.length === 0) return undefined;
      range = sheet.getRange(`${letters(columns[0].cell)}${row.dataRows.top}:${letters(columns[columns.length - 1].cell)}${row.dataRows.bottom}`);
    }
  } else {
    if (reference.part === 'thisRow') return undefined;
    const table = context.workbook.tables.getItem(reference.table ?? row.table);
    if (reference.part === 'totals') range = table.columns.getItem(reference.column).getTotalRowRange();
    else range = reference.column === undefined ? table.getDataBodyRange() : table.columns.getItem(reference.column).getDataBodyRange();
  }
  range.load('values, valueTypes');
  return range;
}

/** The Explain steps of every result of the row that is one explainable PERF call, by the result's cell. */
export async function explainRow(context: Excel.RequestContext, row: PersonRow): Promise<Map<string, Explained>> {
  const sheet = context.workbook.worksheets.getItem(row.sheet);
  const explained = new Map<string, Explained>();
  const jobs: { cell: string; name: string; element: { row: number; col: number }; pending: Array<Arg | Excel.Range> }[] = [];
  for (const cell of row.cells) {
    if (!cell.formula) continue;
    try {
      const call = explainableCall(cell.formula);
      const pending = call.args.map(
        (text) =>
          queueStructured(context, sheet, row, text) ??
          queueArgument(context, sheet, text, () => {
            throw new Error('nested');
          }),
      );
      jobs.push({ cell: cell.cell, name: call.name, element: cell.spill ? { row: cell.spill.row, col: cell.spill.col } : { row: 0, col: 0 }, pending });
    } catch {
      // Not an explainable PERF call: the statement shows the formula.
    }
  }
  if (jobs.length) await context.sync();
  for (const job of jobs) {
    const args: Arg[] = job.pending.map((p) => {
      if (p instanceof PerfError || p === null || typeof p !== 'object' || Array.isArray(p)) return p as Arg;
      const range = p as Excel.Range;
      if (range.isNullObject) return null;
      return argFromRange(range.values, range.valueTypes as unknown as string[][]);
    });
    try {
      explained.set(job.cell, { explanation: explainCall(job.name, args, job.element) });
    } catch (error) {
      if (error instanceof PerfError) explained.set(job.cell, { error });
    }
  }
  return explained;
}

export async function readSelectedPerson(): Promise<RowWithSteps> {
  requireExcel();
  return Excel.run(async (context) => {
    const row = await readPersonRow(context, { spills: spillsSupported() });
    const explained = await explainRow(context, row);
    return { row, explained, file: workbookFile() };
  });
}

export async function exportPayrollCsv(map: PayrollMap, locale: Locale): Promise<PayrollExport> {
  requireExcel();
  return Excel.run((context) => exportPayroll(context, map, locale));
}
