/**
 * INTEGRATION POINT — "Explain selected cell" inside Excel.
 *
 * Reads the selection's top-left cell; if it holds no formula but sits inside a spilled
 * array, reads the spill's anchor (Range.getSpillParentOrNullObject, ExcelApi 1.12) and the
 * element's offset from it. Each argument of the PERF call is then evaluated the way Excel
 * passes it to the custom function: a range → its values (1×1 → scalar, empty → null,
 * error → that error), a literal → the value, an omitted argument → null; a nested
 * expression cannot be explained yet (ExplainProblem 'nested').
 */
import { PerfError } from '../../../../engine/errors';
import { ExplainAt, Explanation } from '../../../../engine/explain';
import { explainCall } from '../../../../catalog/explain';
import type { Arg } from '../../../../engine/grid';
import { ExplainProblem, PerfFormula, argFromRange, explainableCall } from './formula-args';
import { queueArgument } from './queue-argument';
import { requireExcel, spillsSupported } from '../../excel';

export interface CellExplainResult {
  /** The selected cell ("Plan!C5"). */
  address: string;
  /** The cell holding the formula (the same unless the selection is inside a spill). */
  anchor: string;
  element: ExplainAt;
  formula: string;
  call: PerfFormula;
  /** What the cell shows. */
  cellValue: unknown;
  /** True when this Excel cannot locate spill anchors (before ExcelApi 1.12): only the anchor's first element is explained. */
  spillUnsupported: boolean;
  explanation?: Explanation;
  /** The function's own error for this element (the view renders it in its locale). */
  error?: PerfError;
}

const hasFormula = (raw: unknown): raw is string => typeof raw === 'string' && raw.startsWith('=');

/** Explains the selected cell. Runs its own Excel.run; throws ExplainProblem for what cannot be explained. */
export async function explainSelectedCell(): Promise<CellExplainResult> {
  requireExcel();
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load('address, formulas, values, rowIndex, columnIndex');
    await context.sync();
    const address = cell.address;
    const cellValue: unknown = cell.values[0][0];

    let anchor: Excel.Range = cell;
    let anchorAddress = address;
    let formula: unknown = cell.formulas[0][0];
    let element: ExplainAt = { row: 0, col: 0 };
    const spillUnsupported = !spillsSupported();

    if (!hasFormula(formula)) {
      if (!spillUnsupported) {
        const parent = cell.getSpillParentOrNullObject();
        parent.load('address, formulas, rowIndex, columnIndex');
        await context.sync();
        if (!parent.isNullObject && hasFormula(parent.formulas[0][0])) {
          anchor = parent;
          anchorAddress = parent.address;
          formula = parent.formulas[0][0];
          element = { row: cell.rowIndex - parent.rowIndex, col: cell.columnIndex - parent.columnIndex };
        }
      } else {
        // Without ExcelApi 1.12 a spilled cell's anchor cannot be found: only anchors are explained.
        throw new ExplainProblem('noSpill', address);
      }
    }
    const call = explainableCall(hasFormula(formula) ? formula : null);

    // Queue every reference, then one sync.
    const sheet = anchor.worksheet;
    const pending: Array<Arg | Excel.Range> = call.args.map((text) =>
      queueArgument(context, sheet, text, (nested) => {
        throw new ExplainProblem('nested', nested);
      }),
    );
    await context.sync();
    const args: Arg[] = pending.map((p) => {
      if (p instanceof PerfError || p === null || typeof p !== 'object' || Array.isArray(p)) return p as Arg;
      const range = p as Excel.Range;
      if (range.isNullObject) return null;
      return argFromRange(range.values, range.valueTypes as unknown as string[][]);
    });

    const base: CellExplainResult = { address, anchor: anchorAddress, element, formula: formula as string, call, cellValue, spillUnsupported };
    try {
      return { ...base, explanation: explainCall(call.name, args, element) };
    } catch (error) {
      if (error instanceof PerfError) return { ...base, error };
      throw error;
    }
  });
}
