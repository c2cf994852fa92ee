/**
 * INTEGRATION POINT — the Compare plans view's Excel work; each function is one Excel.run and
 * is called only when the pane runs inside Excel (ViewProps.host.inExcel).
 */
import { type CeilingPair, type CompareOptions, type PlanColumns, type PlanComparison, comparePlanSheets, copyPlanSheet, deletePlanCopy, readCeilings } from '../../../office/compare-plans';
import { requireExcel, withSelectedRange } from '../../excel';

/** The selection's address ("Team!A2:A20"). */
export async function selectedAddress(): Promise<string> {
  return withSelectedRange(async (range, context) => {
    range.load('address');
    await context.sync();
    return range.address;
  });
}

export async function copySheet(sheet: string, copyName: string): Promise<string> {
  requireExcel();
  return Excel.run((context) => copyPlanSheet(context, sheet, copyName));
}

/** The comparison and, when it could be made, the plan ceilings of both plans. */
export async function compareSheets(columns: PlanColumns, copy: string, options?: CompareOptions): Promise<{ result: PlanComparison; ceilings: CeilingPair[] }> {
  requireExcel();
  return Excel.run(async (context) => {
    const result = await comparePlanSheets(context, columns, copy, options);
    const ceilings = result.ok ? await readCeilings(context, columns.sheet, copy) : [];
    return { result, ceilings };
  });
}

export async function deleteCopy(copy: string, original: string): Promise<void> {
  requireExcel();
  return Excel.run((context) => deletePlanCopy(context, copy, original));
}
