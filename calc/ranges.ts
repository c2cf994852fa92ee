/**
 * What `perfplan compare` and `perfplan export` read from a calculated workbook: the cells a
 * reference names, as the user writes it on the command line or in a payroll map —
 *   - a table column, through the workbook's Excel Tables: `Team[Name]` (any structured
 *     reference workbook/tables.ts resolves: `Team[[#Totals],[Payout]]`, …);
 *   - a range or cell: `Sheet!B2:B50`, `'Sales Team'!C5`, a spilled range `Sheet!F2#`;
 *   - a defined name standing for a range (workbook scope, or a sheet's own).
 * Pure: it works on a WorkbookModel already read (the values cached by the calculation), no I/O.
 */
import { Area, toAddress } from '../workbook/a1';
import type { CellValue, DefinedName, WorkbookModel } from '../workbook/read';
import { splitSheetPrefix, referenceArea } from '../workbook/references';
import { StructuredReferenceError, TableModel, resolveStructuredReference, tableAreas } from '../workbook/tables';
import { LocalizedError } from '../i18n/localized-error';
import { OUTPUTS } from '../i18n/outputs';
import { Phrase, formatNumber, phrase } from '../i18n/text';

/** A reference that names nothing usable (exit 1: what was asked cannot be done with this workbook). */
export class ReferenceRequestError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'ReferenceRequestError';
  }
}

/** The most cells one reference may hand over (a whole column is 1,048,576 cells: fine). */
export const MAX_REFERENCE_CELLS = 5_000_000;

export interface ResolvedRange {
  /** The reference as the user wrote it. */
  reference: string;
  sheet: string;
  sheetIndex: number;
  area: Area;
  /** The table and column it came through, for a structured reference to one column. */
  table?: TableModel;
  column?: string;
}

/** One cell of a range: where it is ("Sheet!B5") and what it holds after calculation. */
export interface RangeCell {
  address: string;
  value: CellValue | undefined;
}

const isStructured = (text: string) => /^[^!'[]*\[/.test(text);

function sheetIndexOf(model: WorkbookModel, name: string): number {
  const exact = model.sheets.findIndex((s) => s.name === name);
  return exact >= 0 ? exact : model.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** A defined name (Excel's names ignore case): a sheet's own before the workbook's. */
function definedName(model: WorkbookModel, name: string): DefinedName | undefined {
  const matches = model.definedNames.filter((d) => d.name.toLowerCase() === name.toLowerCase());
  return matches.find((d) => d.sheetIndex === undefined) ?? matches[0];
}

function fromArea(model: WorkbookModel, reference: string, text: string, defaultSheet: string): ResolvedRange {
  const spill = text.endsWith('#');
  const found = referenceArea(spill ? text.slice(0, -1) : text, defaultSheet);
  if (!found) throw new ReferenceRequestError(phrase(OUTPUTS.notReference, { reference }));
  const sheetIndex = sheetIndexOf(model, found.sheet);
  if (sheetIndex < 0) throw new ReferenceRequestError(phrase(OUTPUTS.noSheetNamed, { reference, sheet: found.sheet }));
  const sheet = model.sheets[sheetIndex];
  let area = found.area;
  if (spill) {
    const anchor = sheet.formulas.find((f) => f.row === area.top && f.col === area.left && f.kind !== 'plain' && f.ref);
    if (!anchor || area.top !== area.bottom || area.left !== area.right) {
      throw new ReferenceRequestError(phrase(OUTPUTS.noSpill, { reference, cell: `${sheet.name}!${toAddress(area.top, area.left)}` }));
    }
    area = anchor.ref!;
  }
  return { reference, sheet: sheet.name, sheetIndex, area };
}

/**
 * The range `reference` names in `model`. A ReferenceRequestError when it names nothing: no
 * such table, column, sheet or name, or text that is no reference.
 */
export function resolveRange(model: WorkbookModel, reference: string): ResolvedRange {
  const text = reference.trim();
  if (text === '') throw new ReferenceRequestError(phrase(OUTPUTS.notReference, { reference }));
  if (isStructured(text)) {
    const tables = model.sheets.flatMap((s) => s.tables);
    let resolved: { table: TableModel; area: Area };
    try {
      resolved = resolveStructuredReference(text, tables, { sheet: '', row: 0, col: 0 });
    } catch (error) {
      if (error instanceof StructuredReferenceError) throw new ReferenceRequestError(error.phrase);
      throw error;
    }
    const { table, area } = resolved;
    const sheetIndex = sheetIndexOf(model, table.sheet);
    const column = area.left === area.right ? table.columns[area.left - table.ref.left]?.name : undefined;
    return { reference, sheet: table.sheet, sheetIndex, area, table, column };
  }
  if (text.includes('!')) return fromArea(model, reference, text, model.sheets[0]?.name ?? '');
  const name = definedName(model, text);
  if (name) {
    const local = name.text.trim().replace(/^=/, '');
    // A name standing for a table column, or for one area (not a formula, not a union).
    if (isStructured(local)) return { ...resolveRange(model, local), reference };
    const { prefix } = splitSheetPrefix(local);
    const scopeSheet = name.sheetIndex === undefined ? model.sheets[0]?.name ?? '' : model.sheets[name.sheetIndex]?.name ?? '';
    if (!prefix && name.sheetIndex === undefined) throw new ReferenceRequestError(phrase(OUTPUTS.notReference, { reference }));
    return fromArea(model, reference, local, scopeSheet);
  }
  throw new ReferenceRequestError(phrase(OUTPUTS.notReference, { reference }));
}

/** How many cells an area holds. */
export function cellCount(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

/** The cells of a one-column range, top to bottom; a ReferenceRequestError for a wider one. */
export function columnCells(model: WorkbookModel, range: ResolvedRange): RangeCell[] {
  const { area } = range;
  const columns = area.right - area.left + 1;
  if (columns !== 1) throw new ReferenceRequestError(phrase(OUTPUTS.notOneColumn, { reference: range.reference, columns }));
  if (cellCount(area) > MAX_REFERENCE_CELLS) {
    throw new ReferenceRequestError(phrase(OUTPUTS.tooManyCells, { reference: range.reference, cells: formatNumber(cellCount(area)), limit: formatNumber(MAX_REFERENCE_CELLS) }));
  }
  const sheet = model.sheets[range.sheetIndex];
  // A whole column (A:A) reads to the last row that holds anything, not a million blanks.
  const last = Math.min(area.bottom, Math.max(area.top, sheet.rows.length - 1));
  const cells: RangeCell[] = [];
  for (let row = area.top; row <= last; row++) {
    cells.push({ address: `${sheet.name}!${toAddress(row, area.left)}`, value: sheet.rows[row]?.[area.left] });
  }
  return cells;
}

/** The one cell a range names; a ReferenceRequestError when it names more. */
export function singleCell(model: WorkbookModel, range: ResolvedRange): RangeCell {
  const { area } = range;
  if (area.top !== area.bottom || area.left !== area.right) throw new ReferenceRequestError(phrase(OUTPUTS.notOneCell, { reference: range.reference }));
  const sheet = model.sheets[range.sheetIndex];
  return { address: `${sheet.name}!${toAddress(area.top, area.left)}`, value: sheet.rows[area.top]?.[area.left] };
}

/** The totals-row cell of a structured reference's column, if its table has a totals row. */
export function totalsCell(model: WorkbookModel, range: ResolvedRange): RangeCell | undefined {
  if (!range.table || range.area.left !== range.area.right) return undefined;
  const totals = tableAreas(range.table).totals;
  if (!totals) return undefined;
  const sheet = model.sheets[range.sheetIndex];
  return { address: `${sheet.name}!${toAddress(totals.top, range.area.left)}`, value: sheet.rows[totals.top]?.[range.area.left] };
}
