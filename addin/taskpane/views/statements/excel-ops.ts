/**
 * INTEGRATION POINT — the Statements view's Excel work (one Excel.run, read only): the person
 * in the selected row (addin/office/statements-row.ts) and, for each result cell holding a PERF
 * call, its Explain steps — its arguments read as Excel passes them to the custom function, as
 * the Explain view does (../explain/formula-args). A formula that is no explainable PERF call
 * (or has a nested argument) shows as its formula.
 */
import { explainCall } from '../../../../catalog/explain';
import { PerfError } from '../../../../engine/errors';
import type { Arg } from '../../../../engine/grid';
import type { PayrollMap } from '../../../../calc/payroll';
import type { Locale } from '../../../../i18n/locale';
import { type PayrollExport, exportPayroll } from '../../../office/export-payroll';
import { type PersonRow, readPersonRow } from '../../../office/statements-row';
import { argFromRange, explainableCall } from '../explain/formula-args';
import { queueArgument } from '../explain/queue-argument';
import type { Explained } from './statement-model';
import { requireExcel } from '../../excel';

export interface RowWithSteps {
  row: PersonRow;
  explained: Map<string, Explained>;
  /** The workbook's file name, when Office knows it. */
  file: string;
}

function spillsSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.12');
  } catch {
    return false;
  }
}

function workbookFile(): string {
  try {
    const url = typeof Office !== 'undefined' ? Office.context.document.url : '';
    return url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? url) : '';
  } catch {
    return '';
  }
}

export async function readSelectedPerson(): Promise<RowWithSteps> {
  requireExcel();
  return Excel.run(async (context) => {
    const row = await readPersonRow(context, { spills: spillsSupported() });
    const sheet = context.workbook.worksheets.getItem(row.sheet);
    const explained = new Map<string, Explained>();
    const jobs: { cell: string; name: string; element: { row: number; col: number }; pending: Array<Arg | Excel.Range> }[] = [];
    for (const cell of row.cells) {
      if (!cell.formula) continue;
      try {
        const call = explainableCall(cell.formula);
        const pending = call.args.map((text) =>
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
    return { row, explained, file: workbookFile() };
  });
}

export async function exportPayrollCsv(map: PayrollMap, locale: Locale): Promise<PayrollExport> {
  requireExcel();
  return Excel.run((context) => exportPayroll(context, map, locale));
}
