/**
 * A1 addresses for the task pane's Excel helpers: parsing what Excel reports
 * (`Range.address` is sheet-qualified, e.g. `'My Sheet'!B3:D5`) and building the local
 * addresses the helpers write to and reference in formulas. Pure; rows and columns are 0-based.
 */

export interface Cell {
  row: number;
  col: number;
}

export interface ParsedAddress {
  /** The sheet named in the address (unquoted), if any. */
  sheet?: string;
  start: Cell;
  end: Cell;
}

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COL = 16383;
export const MAX_ROW = 1048575;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > MAX_COL) throw new RangeError(`Column ${col} is outside A:XFD`);
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" → 0, "AA" → 26 (case-insensitive). */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n - 1 > MAX_COL) throw new RangeError(`Column ${letters} is outside A:XFD`);
  return n - 1;
}

/** "B3" (or "$B$3") → { row: 2, col: 1 }. */
export function parseCell(text: string): Cell {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a cell address`);
  const row = Number(match[2]) - 1;
  if (row < 0 || row > MAX_ROW) throw new RangeError(`Row ${match[2]} is outside 1:1048576`);
  return { row, col: columnIndex(match[1]) };
}

/** { row: 2, col: 1 } → "B3". */
export function cellAddress(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) throw new RangeError(`Row ${row + 1} is outside 1:1048576`);
  return `${columnLetters(col)}${row + 1}`;
}

/** The local address of a rectangle ("B3:D5"), or of one cell ("B3") when it is 1×1. */
export function rangeAddress(row: number, col: number, rows = 1, cols = 1): string {
  if (rows < 1 || cols < 1) throw new RangeError(`A range needs at least one row and one column (got ${rows}×${cols})`);
  const first = cellAddress(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/**
 * Parses "B3", "B3:D5", "Sheet1!B3" or "'My ''Q1'' Plan'!B3:D5" (what `Range.address`
 * returns). Whole rows or columns ("A:A", "3:3") are not supported.
 */
export function parseAddress(address: string): ParsedAddress {
  const text = address.trim();
  let sheet: string | undefined;
  let local = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const rawSheet = text.slice(0, bang);
    local = text.slice(bang + 1);
    if (rawSheet.startsWith("'")) {
      if (rawSheet.length < 2 || !rawSheet.endsWith("'")) throw new RangeError(`"${address}" has an unterminated sheet name`);
      sheet = rawSheet.slice(1, -1).replace(/''/g, "'");
    } else {
      sheet = rawSheet;
    }
    if (!sheet) throw new RangeError(`"${address}" has an empty sheet name`);
  }
  const parts = local.split(':');
  if (parts.length > 2) throw new RangeError(`"${address}" is not a range address`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  const start = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
  const end = { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) };
  return sheet === undefined ? { start, end } : { sheet, start, end };
}

/** A sheet name as formulas need it: bare when Excel allows, else quoted ("'My Sheet'"). */
export function sheetRef(name: string): string {
  const bare = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(name)
    && !/^[A-Za-z]{1,3}\d+$/.test(name) // looks like a cell (e.g. "Q1")
    && !/^[Rr](\d*)([Cc]\d*)?$/.test(name) // looks like an R1C1 reference
    && !/^[Cc]\d*$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Plan" + "B3:D5" → "Plan!B3:D5"; "My Plan" → "'My Plan'!B3:D5". */
export function qualify(sheet: string | undefined, local: string): string {
  return sheet === undefined ? local : `${sheetRef(sheet)}!${local}`;
}
