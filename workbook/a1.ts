/** A1 addresses: "C2" ↔ row 2, column 3 (1-based), ranges and the grid's bounds. */
import { LocalizedError } from '../i18n/localized-error';
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Address {
  row: number;
  col: number;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return col;
}

export function toAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Text that is not a cell address where one was expected ("C2", "$C$2"). */
export class CellAddressError extends LocalizedError {
  constructor(address: string) {
    super(phrase(WORKBOOK.notCellAddress, { address }));
    this.name = 'CellAddressError';
  }
}

/** "C2" or "$C$2" → {row: 2, col: 3}; throws CellAddressError on anything else. */
export function parseAddress(address: string): Address {
  const match = CELL.exec(address);
  if (!match) throw new CellAddressError(address);
  return { row: Number(match[2]), col: columnNumber(match[1].toUpperCase()) };
}

/** "C2:D10" (or one cell) → its bounds. */
export function parseArea(ref: string): Area {
  const [from, to = from] = ref.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function areaRef(area: Area): string {
  const from = toAddress(area.top, area.left);
  return area.bottom === area.top && area.right === area.left ? from : `${from}:${toAddress(area.bottom, area.right)}`;
}

export function overlaps(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(area: Area, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
}

/** A sheet name as a formula writes it: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u00a1-\uffff][A-Za-z0-9_.\u00a1-\uffff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
