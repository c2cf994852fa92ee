/**
 * A people table in Excel's storage form, for the statements tests: sheet `sheet` holds the
 * table `table` at A1 (header row 1, one data row per person), results beside it — a dynamic
 * array spilled over the people's rows (`spill`), or one formula per row (`perRow`) — and
 * whatever other sheets the case needs (tiers, curves, deals). Built on stored-workbook.ts:
 * formulas are written as Excel stores them (_xldudf_PERF_…, table references as typed).
 */
import { StoredSheet, escape, storedWorkbook, text } from './stored-workbook';

export type Typed = string | number | boolean | null;

export interface PeopleBookSpec {
  sheet?: string;
  table?: string;
  columns: string[];
  rows: Typed[][];
  /** Result columns beside the table, each a header and either one spilled formula or a formula per row (given the sheet row). */
  results: { header: string | string[]; spill?: string; cols?: number; perRow?: (row: number, index: number) => string }[];
  others?: StoredSheet[];
  names?: { name: string; text: string }[];
  /** Number formats by header ("Attainment": "0.0%"): a table column's data cells, a result's anchor (its spill takes the anchor's). */
  formats?: Record<string, string>;
}

/** A styles part giving style i + 1 the i-th code (ids from 176, as a Chinese Excel numbers its own). */
function stylesPart(codes: string[]): string {
  const numFmts = codes.map((c, i) => `<numFmt numFmtId="${176 + i}" formatCode="${escape(c)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...codes.map((_, i) => `<xf numFmtId="${176 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  return (
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${codes.length}">${numFmts}</numFmts>` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

export function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function typedCell(ref: string, value: Typed): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return text(ref, value);
}

/** The package bytes. */
export function peopleBook(spec: PeopleBookSpec): Uint8Array {
  const sheet = spec.sheet ?? 'Team';
  const table = spec.table ?? 'Team';
  const n = spec.rows.length;
  const cells: string[] = [];
  const codes = [...new Set(Object.values(spec.formats ?? {}))];
  /** ` s="k"` for a header with a format, else nothing. */
  const styleOf = (header: string) => (spec.formats?.[header] === undefined ? '' : ` s="${codes.indexOf(spec.formats[header]) + 1}"`);
  const styled = (cell: string, header: string) => (cell && styleOf(header) ? cell.replace(/^<c r="([A-Z]+\d+)"/, `<c r="$1"${styleOf(header)}`) : cell);
  spec.columns.forEach((name, c) => cells.push(text(`${letter(c + 1)}1`, name)));
  spec.rows.forEach((row, r) => row.forEach((value, c) => cells.push(styled(typedCell(`${letter(c + 1)}${r + 2}`, value), spec.columns[c]))));
  let col = spec.columns.length + 1;
  for (const result of spec.results) {
    const headers = Array.isArray(result.header) ? result.header : [result.header];
    const width = result.cols ?? headers.length;
    headers.forEach((h, i) => cells.push(text(`${letter(col + i)}1`, h)));
    if (result.spill) {
      const ref = `${letter(col)}2:${letter(col + width - 1)}${n + 1}`;
      cells.push(`<c r="${letter(col)}2"${styleOf(headers[0])} cm="1"><f t="array" ref="${ref}">${escape(result.spill)}</f><v>0</v></c>`);
    }
    if (result.perRow) {
      for (let r = 0; r < n; r++) cells.push(`<c r="${letter(col)}${r + 2}" cm="1"><f t="array" ref="${letter(col)}${r + 2}">${escape(result.perRow(r + 2, r))}</f><v>0</v></c>`);
    }
    col += width;
  }
  const last = letter(spec.columns.length);
  const tableXml =
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="${escape(table)}" displayName="${escape(table)}" ref="A1:${last}${n + 1}" totalsRowShown="0">` +
    `<autoFilter ref="A1:${last}${n + 1}"/><tableColumns count="${spec.columns.length}">` +
    spec.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${escape(name)}"/>`).join('') +
    `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  return storedWorkbook({
    sheets: [{ name: sheet, cells: cells.filter(Boolean), tables: [tableXml] }, ...(spec.others ?? [])],
    dynamicArrays: true,
    names: spec.names,
    styles: codes.length ? stylesPart(codes) : undefined,
  });
}
