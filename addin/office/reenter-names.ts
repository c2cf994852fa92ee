/**
 * PERF cells that read #NAME? after an insert are re-entered: their own formula is written
 * back into them. Excel binds a custom-function name when a formula is entered, and in some
 * hosts it does not rebind formulas that arrive by insertWorksheetsFromBase64 — a template
 * cell then shows #NAME? although the add-in is loaded and the formula is right. Entering the
 * same text again makes Excel look the name up anew (platform facts, "Excel's file format").
 */
import { toAddress } from '../../workbook/a1';
import { toTypedFormula, tokenizeFormula } from '../../workbook/formula-text';

/** Calls of the add-in's functions as Excel shows them (PERF.X), or as a file stores them (_xldudf_PERF_X). */
const PERF_CALL = /^(?:PERF\.|_xldudf_PERF_)/i;

/** Whether `formula` (as Range.formulas reports it, "=…") calls a PERF function. */
export function callsPerf(formula: unknown): formula is string {
  if (typeof formula !== 'string' || !formula.startsWith('=') || !/perf/i.test(formula)) return false;
  return tokenizeFormula(formula.slice(1)).some((token) => token.kind === 'function' && PERF_CALL.test(token.text));
}

/** A rectangle of cells to write back, offsets from the used range's top-left cell (0-based). */
export interface ReentryBlock {
  row: number;
  col: number;
  formulas: string[][];
}

/**
 * The PERF cells whose value is #NAME?, grouped into rectangles so that one write covers a
 * row run, a column run or a block: runs of adjacent cells in a row, stacked when the next
 * row has a run over exactly the same columns. A formula stored as `_xldudf_PERF_X(` is
 * written in the typed form `PERF.X(`, the only one Excel accepts from a user.
 */
export function perfNameErrorBlocks(formulas: readonly (readonly unknown[])[], values: readonly (readonly unknown[])[]): ReentryBlock[] {
  const blocks: ReentryBlock[] = [];
  // Blocks still open for stacking, by "first col:last col" of their runs.
  let open = new Map<string, ReentryBlock>();
  formulas.forEach((row, r) => {
    const next = new Map<string, ReentryBlock>();
    let c = 0;
    while (c < row.length) {
      if (!needsReentry(row[c], values[r]?.[c])) {
        c++;
        continue;
      }
      const run: string[] = [];
      const start = c;
      while (c < row.length && needsReentry(row[c], values[r]?.[c])) {
        run.push(`=${toTypedFormula((row[c] as string).slice(1))}`);
        c++;
      }
      const key = `${start}:${c - 1}`;
      const above = open.get(key);
      if (above) {
        above.formulas.push(run);
        next.set(key, above);
      } else {
        const block = { row: r, col: start, formulas: [run] };
        blocks.push(block);
        next.set(key, block);
      }
    }
    open = next;
  });
  return blocks;
}

function needsReentry(formula: unknown, value: unknown): boolean {
  return value === '#NAME?' && callsPerf(formula);
}

/** The A1 address of `block` inside a used range whose top-left cell is (rowIndex, columnIndex), 0-based. */
export function blockAddress(block: ReentryBlock, rowIndex: number, columnIndex: number): string {
  const top = rowIndex + block.row + 1;
  const left = columnIndex + block.col + 1;
  const from = toAddress(top, left);
  const height = block.formulas.length;
  const width = block.formulas[0].length;
  return height === 1 && width === 1 ? from : `${from}:${toAddress(top + height - 1, left + width - 1)}`;
}

/** Queues the load re-entry needs: the sheet's used range (cells with content), its position, formulas and values. */
export function loadUsedRange(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRange(true);
  used.load('rowIndex,columnIndex,formulas,values');
  return used;
}

/**
 * Queues one `formulas` write per block of #NAME? PERF cells in `used` (loaded by
 * loadUsedRange and synced); returns how many cells it re-enters. Queue it before renaming the
 * sheets: the formulas name other sheets as they were when read, and a rename later in the
 * same batch updates them as it does every other formula.
 */
export function queueReentry(sheet: Excel.Worksheet, used: Excel.Range): number {
  let cells = 0;
  for (const block of perfNameErrorBlocks(used.formulas, used.values)) {
    sheet.getRange(blockAddress(block, used.rowIndex, used.columnIndex)).formulas = block.formulas;
    cells += block.formulas.length * block.formulas[0].length;
  }
  return cells;
}
