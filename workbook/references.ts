/**
 * Moving a formula: the relative parts of its references shift with the cell, as Excel does
 * for shared formulas (ECMA-376 Part 1, §18.3.1.40: each cell of a shared formula's range
 * holds the master's formula "offset by the cell's position"). Absolute ($) parts, names,
 * structured references and text never move; a reference pushed off the grid becomes #REF!.
 */
import { Area, MAX_COLUMNS, MAX_ROWS, columnLetters, columnNumber } from './a1';
import { FormulaToken, joinTokens, tokenizeFormula } from './formula-text';

/** Splits "Sheet1!$A$1:B2" (or "'It''s'!A1") into the sheet prefix with its "!" and the rest. */
export function splitSheetPrefix(reference: string): { prefix: string; local: string } {
  let inQuote = false;
  let bang = -1;
  for (let i = 0; i < reference.length; i++) {
    const c = reference[i];
    if (c === "'") inQuote = !inQuote;
    else if (c === '!' && !inQuote) bang = i;
  }
  return bang < 0 ? { prefix: '', local: reference } : { prefix: reference.slice(0, bang + 1), local: reference.slice(bang + 1) };
}

const PART = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d{1,7})?$/;

/** Shifts one end of a reference ("$A1", "B", "$3"); null when it leaves the grid. */
function shiftPart(part: string, dRow: number, dCol: number): string | null {
  const m = PART.exec(part);
  if (!m || (m[2] === undefined && m[4] === undefined)) return part;
  const [, colAbs, letters, rowAbs, digits] = m;
  let out = '';
  if (letters !== undefined) {
    let col = columnNumber(letters.toUpperCase());
    if (!colAbs) col += dCol;
    if (col < 1 || col > MAX_COLUMNS) return null;
    out += colAbs + (colAbs ? letters : columnLetters(col));
  } else if (colAbs) out += colAbs;
  if (digits !== undefined) {
    let row = Number(digits);
    // A row-only reference ("3:5") has its "$" in the first group.
    const absolute = letters === undefined ? colAbs === '$' : rowAbs === '$';
    if (!absolute) row += dRow;
    if (row < 1 || row > MAX_ROWS) return null;
    out += (letters === undefined ? '' : rowAbs) + (absolute ? digits : String(row));
  }
  return out;
}

/** One reference token moved by (dRow, dCol). */
export function shiftReference(reference: string, dRow: number, dCol: number): string {
  const { prefix, local } = splitSheetPrefix(reference);
  const parts = local.split(':').map((p) => shiftPart(p, dRow, dCol));
  if (parts.some((p) => p === null)) return '#REF!';
  return prefix + parts.join(':');
}

/** A stored formula as it reads `dRow` rows and `dCol` columns away. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const tokens: FormulaToken[] = tokenizeFormula(formula);
  let changed = false;
  for (const token of tokens) {
    if (token.kind !== 'reference') continue;
    const shifted = shiftReference(token.text, dRow, dCol);
    if (shifted !== token.text) {
      token.text = shifted;
      changed = true;
    }
  }
  return changed ? joinTokens(tokens) : formula;
}

/**
 * The sheet and area a reference token denotes: "A1", "$A$1:B9", "A:C" (whole columns),
 * "3:5" (whole rows), with an optional sheet prefix ('My Sheet'!A1). Undefined for what is
 * not a plain area (3-D references, #REF!, links to other workbooks).
 */
export function referenceArea(reference: string, formulaSheet: string): { sheet: string; area: Area } | undefined {
  const { prefix, local } = splitSheetPrefix(reference);
  let sheet = formulaSheet;
  if (prefix) {
    const name = prefix.slice(0, -1);
    if (name.includes(':') || name.startsWith('[')) return undefined;
    sheet = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
  }
  const ends = local.replace(/\$/g, '').split(':');
  if (ends.length > 2) return undefined;
  const parsed = ends.map((end) => /^([A-Za-z]{1,3})?(\d{1,7})?$/.exec(end));
  if (parsed.some((m) => !m || (m[1] === undefined && m[2] === undefined))) return undefined;
  const [a, b = a] = parsed as RegExpExecArray[];
  const colOf = (m: RegExpExecArray, fallback: number) => (m[1] === undefined ? fallback : columnNumber(m[1].toUpperCase()));
  const rowOf = (m: RegExpExecArray, fallback: number) => (m[2] === undefined ? fallback : Number(m[2]));
  const left = Math.min(colOf(a, 1), colOf(b, 1));
  const right = Math.max(colOf(a, MAX_COLUMNS), colOf(b, MAX_COLUMNS));
  const top = Math.min(rowOf(a, 1), rowOf(b, 1));
  const bottom = Math.max(rowOf(a, MAX_ROWS), rowOf(b, MAX_ROWS));
  return { sheet, area: { top, left, bottom, right } };
}
