/**
 * Growing an Excel Table by one row, as Excel does when a user types a new row into it (Tab in
 * the last cell, or typing under a table without a totals row): the row after the last data
 * row becomes a data row — the values given, every calculated column's formula — the totals
 * row (if any) moves down one row, and the table's ref and autoFilter grow. Nothing else in
 * the package changes; formulas that read the table by structured reference (`Team[Sales]`,
 * `Team[[#Totals],[Sales]]`, a spill over `Team[[Sales]:[NPS]]`) see the new row when the
 * workbook is calculated.
 *
 * Excel would also move whatever sits below the table in its columns and adjust A1 references
 * into the cells it moves; this function refuses such a workbook instead of half-doing it.
 */
import { Area, columnNumber, overlaps, toAddress } from './a1';
import { tokenizeFormula } from './formula-text';
import { setAttribute } from './patch';
import { readWorkbookModel } from './read';
import { referenceArea } from './references';
import { TableModel, tableAreas } from './tables';
import { encodeXstring, escapeText, nextTag } from './xml';
import { ZipArchive, ZipCodec, ZipOutput, writeZip } from './zip';

export type TypedValue = number | string | boolean | null;

interface RowXml {
  /** The `<row …>` attributes text. */
  attrs: string;
  /** Its cells as stored, by column. */
  cells: Map<number, string>;
}

/** Splits `<sheetData>` into rows and cells (unprefixed SpreadsheetML, as Excel and exceljs write it). */
function readRows(sheetData: string): Map<number, RowXml> {
  const rows = new Map<number, RowXml>();
  let at = 0;
  for (let tag = nextTag(sheetData, at); tag; tag = nextTag(sheetData, at)) {
    if (tag.name !== 'row' || tag.closing) {
      at = tag.end;
      continue;
    }
    const r = Number(/\sr="(\d+)"/.exec(tag.attributesText)?.[1]);
    if (!Number.isFinite(r)) throw new Error('a <row> without its r attribute: rows must be numbered to be moved');
    const cells = new Map<number, string>();
    if (tag.selfClosing) at = tag.end;
    else {
      const close = sheetData.indexOf('</row>', tag.end);
      const body = sheetData.slice(tag.end, close);
      for (const cell of body.match(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? []) {
        const ref = /\sr="([A-Z]+)\d+"/.exec(cell);
        if (!ref) throw new Error(`row ${r}: a cell without its r attribute`);
        cells.set(columnNumber(ref[1]), cell);
      }
      at = close + '</row>'.length;
    }
    rows.set(r, { attrs: tag.attributesText, cells });
  }
  return rows;
}

function writeRows(rows: Map<number, RowXml>): string {
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([r, row]) => {
      const cells = [...row.cells.entries()].sort(([a], [b]) => a - b).map(([, xml]) => xml);
      const attrs = setAttribute(setAttribute(row.attrs, 'r', String(r)), 'spans', undefined);
      return cells.length ? `<row${attrs}>${cells.join('')}</row>` : `<row${attrs}/>`;
    })
    .join('');
}

/** A cell element moved to another row: its r changes, nothing else. */
function moveCell(xml: string, row: number, col: number): string {
  return xml.replace(/(\sr=")[A-Z]+\d+(")/, `$1${toAddress(row, col)}$2`);
}

/** Whether a stored cell holds anything (a value or a formula), not just a style. */
function holdsSomething(xml: string): boolean {
  return /<(?:v|f|is)\b/.test(xml);
}

/** The style index of a stored cell, to carry the column's look into the new row. */
function styleOf(xml: string | undefined): string | undefined {
  return xml ? /\ss="(\d+)"/.exec(xml)?.[1] : undefined;
}

function valueCell(address: string, value: TypedValue, style: string | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (value === null) return `<c r="${address}"${s}/>`;
  if (typeof value === 'number') return `<c r="${address}"${s}><v>${String(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${address}"${s} t="inlineStr"><is><t>${escapeText(encodeXstring(value))}</t></is></c>`;
}

function formulaCell(address: string, formula: string, style: string | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  return `<c r="${address}"${s}><f>${escapeText(formula)}</f></c>`;
}

/**
 * The package with one row typed at the end of table `tableName`: `values` by column name
 * (any case); columns not named stay empty, calculated columns get their formula. Throws when
 * the table does not exist, a name is not a column, a value is given for a calculated column,
 * cells below the table would have to move, or a formula refers by address to a cell that moves.
 */
export function appendTableRow(bytes: Uint8Array, codec: ZipCodec, tableName: string, values: Record<string, TypedValue>): Uint8Array {
  const zip = ZipArchive.read(bytes);
  const model = readWorkbookModel(zip, codec);
  const sheet = model.sheets.find((s) => s.tables.some((t) => t.name.toLowerCase() === tableName.toLowerCase()));
  if (!sheet) throw new Error(`no table named ${tableName}`);
  const table = sheet.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase())!;
  const parts = tableAreas(table);
  const newRow = parts.data.bottom + 1;
  const columnOf = (name: string) => {
    const i = table.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`table ${table.name} has no column ${name}`);
    return i;
  };
  const given = new Map<number, TypedValue>();
  for (const [name, value] of Object.entries(values)) {
    const i = columnOf(name);
    if (table.columns[i].calculatedColumnFormula !== undefined) throw new Error(`table ${table.name}: ${name} is a calculated column`);
    given.set(i, value);
  }

  // What moves: the totals row, from newRow to newRow + 1, in the table's columns.
  const moving: Area = { top: newRow, bottom: newRow, left: parts.left, right: parts.right };
  refuseAddressReferences(model.sheets.map((s) => ({ name: s.name, formulas: s.formulas.map((f) => f.text) })).concat([{ name: '', formulas: model.definedNames.map((n) => n.text) }]), sheet.name, moving, table);

  const xml = zip.text(sheet.part, codec);
  const open = xml.search(/<sheetData\b/);
  const openEnd = xml.indexOf('>', open) + 1;
  const selfClosing = xml[openEnd - 2] === '/';
  const close = selfClosing ? openEnd : xml.indexOf('</sheetData>', openEnd);
  const rows = readRows(selfClosing ? '' : xml.slice(openEnd, close));
  const rowOf = (r: number) => rows.get(r) ?? rows.set(r, { attrs: ` r="${r}"`, cells: new Map() }).get(r)!;

  const below = parts.totals ? newRow + 1 : newRow;
  for (let col = parts.left; col <= parts.right; col++) {
    const occupant = rows.get(below)?.cells.get(col);
    if (occupant && holdsSomething(occupant)) throw new Error(`table ${table.name}: ${toAddress(below, col)} below the table is not empty; Excel would move it, this function does not`);
  }
  const lastData = rows.get(parts.data.bottom);
  if (parts.totals) {
    const totals = rowOf(newRow);
    const target = rowOf(newRow + 1);
    for (let col = parts.left; col <= parts.right; col++) {
      const cell = totals.cells.get(col);
      target.cells.delete(col);
      if (cell !== undefined) target.cells.set(col, moveCell(cell, newRow + 1, col));
      totals.cells.delete(col);
    }
  }
  const row = rowOf(newRow);
  table.columns.forEach((column, i) => {
    const col = parts.left + i;
    const address = toAddress(newRow, col);
    const style = styleOf(lastData?.cells.get(col));
    if (column.calculatedColumnFormula !== undefined) row.cells.set(col, formulaCell(address, column.calculatedColumnFormula, style));
    else row.cells.set(col, valueCell(address, given.has(i) ? given.get(i)! : null, style));
  });

  const sheetData = `<sheetData>${writeRows(rows)}</sheetData>`;
  let sheetXml = xml.slice(0, open) + sheetData + xml.slice(selfClosing ? openEnd : close + '</sheetData>'.length);
  sheetXml = growDimension(sheetXml, table.ref.bottom + 1, table.ref.right);

  const grown = { ...table.ref, bottom: table.ref.bottom + 1 };
  const tableXml = zip
    .text(table.part, codec)
    .replace(/(<table\b[^>]*?\sref=")[^"]*(")/, `$1${rangeText(grown)}$2`)
    .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*(")/, `$1${rangeText({ ...grown, bottom: grown.bottom - table.totalsRowCount })}$2`);

  const replaced = new Map<string, string>([
    [sheet.part, sheetXml],
    [table.part, tableXml],
  ]);
  const items: ZipOutput[] = zip.entries.map((entry) => (replaced.has(entry.name) ? { name: entry.name, data: replaced.get(entry.name)! } : { name: entry.name, copy: entry }));
  return writeZip(items, codec);
}

function rangeText(area: Area): string {
  return `${toAddress(area.top, area.left)}:${toAddress(area.bottom, area.right)}`;
}

/** `<dimension ref>` grown to cover (row, col), when it does not already. */
function growDimension(xml: string, row: number, col: number): string {
  return xml.replace(/(<dimension\b[^>]*?\sref=")([^"]*)(")/, (whole, head: string, ref: string, tail: string) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) return whole;
    const bottom = Math.max(Number(m[4] ?? m[2]), row);
    const right = Math.max(columnNumber(m[3] ?? m[1]), col);
    return `${head}${m[1]}${m[2]}:${toAddress(bottom, right)}${tail}`;
  });
}

/**
 * Throws when a formula refers by address (A1, Sheet!B9:C12) to the cells that move or to the
 * rows below them in the table's columns: Excel would rewrite such a reference; we do not.
 */
function refuseAddressReferences(sheets: { name: string; formulas: string[] }[], tableSheet: string, moving: Area, table: TableModel): void {
  const affected: Area = { ...moving, bottom: Number.MAX_SAFE_INTEGER };
  for (const { name, formulas } of sheets) {
    for (const text of formulas) {
      for (const token of tokenizeFormula(text)) {
        if (token.kind !== 'reference') continue;
        const target = referenceArea(token.text, name);
        if (target && target.sheet === tableSheet && overlaps(target.area, affected) && target.area.bottom < 1_048_576) {
          throw new Error(`a formula refers to ${token.text}, which would move when table ${table.name} grows; refer to the table (${table.name}[#Totals]) instead`);
        }
      }
    }
  }
}
