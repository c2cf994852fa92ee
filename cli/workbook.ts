/**
 * Reading an .xlsx (exceljs) into the raw sheet contents HyperFormula builds from:
 * constants as values, formulas as "=…" text. Cells inside an array formula's range hold
 * only cached results in the file; they are left empty so the formula can spill again.
 */
import ExcelJS from 'exceljs';

export type RawCell = number | string | boolean | null;

export interface SheetContent {
  name: string;
  /** rows × columns, dense up to the last used cell */
  cells: RawCell[][];
  /** Addresses ("C2") of cells that hold a formula in the file. */
  formulaCells: Set<string>;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A JS date (exceljs reads date cells as UTC dates) → an Excel serial number. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** Error literals in a file become formulas producing the same error in HyperFormula. */
const ERROR_FORMULAS: Record<string, string> = {
  '#N/A': '=NA()',
  '#DIV/0!': '=1/0',
  '#VALUE!': '=VALUE("x")',
  '#NUM!': '=SQRT(-1)',
  '#REF!': '=#REF!',
  '#NAME?': '=#NAME?',
};

/** Drops the prefixes Excel writes for newer and add-in functions in stored formulas. */
export function normalizeFormula(formula: string): string {
  return formula.replace(/_xlfn\._xlws\./gi, '').replace(/_xl(?:fn|ws|udf)\./gi, '').replace(/_xldudf_/gi, '');
}

function constantOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('error' in value && typeof value.error === 'string') return ERROR_FORMULAS[value.error] ?? null;
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlinks
  }
  return null;
}

export interface ArrayFormulaRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "C2:D10" → 1-based bounds. */
export function parseRange(ref: string): ArrayFormulaRange {
  const [from, to = from] = ref.replace(/\$/g, '').split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function parseAddress(address: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/i.exec(address.replace(/\$/g, ''));
  if (!match) throw new Error(`not a cell address: ${address}`);
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function toAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function sheetContent(worksheet: ExcelJS.Worksheet): SheetContent {
  const cells: RawCell[][] = [];
  const formulaCells = new Set<string>();
  const spillAreas: ArrayFormulaRange[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cell.value as ExcelJS.CellValue & { formula?: string; sharedFormula?: string; shareType?: string; ref?: string };
      let content: RawCell;
      if (cell.type === ExcelJS.ValueType.Formula || (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))) {
        content = `=${normalizeFormula(cell.formula)}`;
        formulaCells.add(cell.address);
        if (value && typeof value === 'object' && value.shareType === 'array' && value.ref) spillAreas.push(parseRange(value.ref));
      } else {
        content = constantOf(cell.type === ExcelJS.ValueType.Merge ? null : value);
      }
      if (content === null) return;
      while (cells.length < rowNumber) cells.push([]);
      cells[rowNumber - 1][colNumber - 1] = content;
    });
  });
  for (const area of spillAreas) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        const line = cells[r - 1];
        if (line && !formulaCells.has(toAddress(r, c))) line[c - 1] = null;
      }
    }
  }
  // Dense rows: HyperFormula expects arrays without holes.
  const width = cells.reduce((max, line) => Math.max(max, line.length), 0);
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = null;
  }
  return { name: worksheet.name, cells, formulaCells };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}
