/**
 * Writing Excel Tables (ListObjects) the way Excel stores them (reference: XlsxWriter's
 * table10.xlsx and table34.xlsx, saved by Excel; ECMA-376 Part 1, §18.5):
 *   - a part xl/tables/tableN.xml per table: name = displayName, the whole ref (header, data,
 *     totals row), an autoFilter over header and data, one tableColumn per column — a
 *     calculated column with its <calculatedColumnFormula>, a totals-row label or function;
 *     `totalsRowCount="1"` with a totals row, `totalsRowShown="0"` without;
 *   - the sheet's relationship to it and `<tableParts>` in the worksheet (before <extLst>);
 *   - its content-type override.
 * The cells themselves (header names, data, the calculated formula in every data cell, the
 * totals row's label and `SUBTOTAL(109,[Col])`) are the author's to write, with the texts this
 * module gives (totalsCellFormula, structuredColumn): Excel stores the same text in the cell
 * and in the table part.
 */
import { Area, areaRef, overlaps, parseArea } from './a1';
import { addOverride } from './dynamic-arrays';
import { REL_BASE, isRelationship, readRelationships, relationshipsXml, relsPathOf, workbookPartName } from './package';
import { attributes, elements, escapeAttribute, escapeText } from './xml';
import { ZipArchive, ZipCodec, ZipOutput, writeZip } from './zip';

export const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
export const TABLE_RELATIONSHIP = `${REL_BASE}/table`;

/** The totals-row functions Excel offers, with the SUBTOTAL code it stores for each. */
export const SUBTOTAL_CODES = {
  average: 101,
  countNums: 102,
  count: 103,
  max: 104,
  min: 105,
  stdDev: 107,
  sum: 109,
  var: 110,
} as const;
export type TotalsFunction = keyof typeof SUBTOTAL_CODES;

export interface TableColumnSpec {
  /** The header text: the column's name in structured references. */
  name: string;
  /** A calculated column: the formula every data cell holds, as typed without "=" (`Team[[#This Row],[Sales]]*2`). */
  calculated?: string;
  /** The totals-row cell: a label (first column, usually) or a function over the column. */
  totals?: { label: string } | { function: TotalsFunction };
}

export interface TableSpec {
  /** The table's name (name and displayName): what formulas write, `Team[Sales]`. */
  name: string;
  sheet: string;
  /** The whole table: header row, data rows and, with totalsRow, the totals row ("A4:F12"). */
  ref: string;
  columns: TableColumnSpec[];
  totalsRow: boolean;
  /** A built-in table style; Excel's default since 2013 is TableStyleMedium2. */
  style?: string;
}

/** A column name inside a structured reference: `[`, `]`, `#` and `'` are escaped with `'`. */
export function structuredColumn(name: string): string {
  return name.replace(/['[\]#]/g, "'$&");
}

/** What the totals-row cell of a column holds, as Excel writes it: `SUBTOTAL(109,[Sales])`. */
export function totalsCellFormula(fn: TotalsFunction, column: string): string {
  return `SUBTOTAL(${SUBTOTAL_CODES[fn]},[${structuredColumn(column)}])`;
}

/** Excel's rules for a table name: a letter, "_" or "\" first, then letters, digits, "_" and "."; not a cell address. */
const TABLE_NAME = /^[A-Za-z_\\\u00a1-\uffff][A-Za-z0-9_.\u00a1-\uffff]*$/;

/** The problems that would make Excel repair or refuse the table, one line each. */
export function tableSpecProblems(spec: TableSpec): string[] {
  const problems: string[] = [];
  const where = `table ${spec.name}`;
  if (!TABLE_NAME.test(spec.name) || /^[A-Za-z]{1,3}\d+$/.test(spec.name) || /^[RrCc]$/.test(spec.name)) problems.push(`${where}: not a valid table name`);
  const area = parseArea(spec.ref);
  const width = area.right - area.left + 1;
  if (spec.columns.length !== width) problems.push(`${where}: ${spec.columns.length} columns for a ref ${width} wide`);
  const dataRows = area.bottom - area.top - (spec.totalsRow ? 1 : 0);
  if (dataRows < 1) problems.push(`${where}: no data row`);
  const seen = new Set<string>();
  for (const column of spec.columns) {
    const key = column.name.toLowerCase();
    if (column.name.trim() === '' || /[\r\n]/.test(column.name)) problems.push(`${where}: column name "${column.name}" is empty or spans lines`);
    if (seen.has(key)) problems.push(`${where}: column name "${column.name}" appears twice (names ignore case)`);
    seen.add(key);
    if (column.totals && !spec.totalsRow) problems.push(`${where}: column ${column.name} has a totals cell but the table has no totals row`);
  }
  return problems;
}

/** The table part, exactly as Excel writes one (attribute and element order included). */
export function tablePartXml(spec: TableSpec, id: number): string {
  const problems = tableSpecProblems(spec);
  if (problems.length) throw new Error(problems.join('; '));
  const area = parseArea(spec.ref);
  const filter: Area = { ...area, bottom: area.bottom - (spec.totalsRow ? 1 : 0) };
  const totals = spec.totalsRow ? ' totalsRowCount="1"' : ' totalsRowShown="0"';
  const columns = spec.columns
    .map((column, i) => {
      let attrs = ` id="${i + 1}" name="${escapeAttribute(column.name)}"`;
      if (column.totals && 'label' in column.totals) attrs += ` totalsRowLabel="${escapeAttribute(column.totals.label)}"`;
      if (column.totals && 'function' in column.totals) attrs += ` totalsRowFunction="${column.totals.function}"`;
      return column.calculated === undefined
        ? `<tableColumn${attrs}/>`
        : `<tableColumn${attrs}><calculatedColumnFormula>${escapeText(column.calculated)}</calculatedColumnFormula></tableColumn>`;
    })
    .join('');
  const name = escapeAttribute(spec.name);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${areaRef(area)}"${totals}>` +
    `<autoFilter ref="${areaRef(filter)}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttribute(spec.style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** CT_Worksheet children that follow <tableParts> (ECMA-376 Part 1, §18.3.1.99). */
const AFTER_TABLE_PARTS = ['extLst'];

/** The worksheet with its <tableParts> listing `ids` (added to any it has). */
function withTableParts(sheetXml: string, ids: string[]): string {
  const parts = ids.map((id) => `<tablePart r:id="${id}"/>`).join('');
  const existing = /<tableParts\b[^>]*?(?:\/>|>([\s\S]*?)<\/tableParts>)/.exec(sheetXml);
  let xml = sheetXml;
  if (!/\sxmlns:r="/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet')))))
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_BASE}"`);
  if (existing) {
    const inner = (existing[1] ?? '') + parts;
    const count = [...inner.matchAll(/<tablePart\b/g)].length;
    return xml.replace(/<tableParts\b[^>]*?(?:\/>|>[\s\S]*?<\/tableParts>)/, `<tableParts count="${count}">${inner}</tableParts>`);
  }
  const element = `<tableParts count="${ids.length}">${parts}</tableParts>`;
  const after = AFTER_TABLE_PARTS.map((name) => xml.search(new RegExp(`<${name}\\b`))).filter((i) => i >= 0);
  const at = after.length ? Math.min(...after) : xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + element + xml.slice(at);
}

/**
 * The package with `specs` added as Excel Tables (see the module comment). Throws when a spec
 * is invalid, names a missing sheet, reuses a table name or overlaps another table.
 */
export function withTables(bytes: Uint8Array, codec: ZipCodec, specs: readonly TableSpec[]): Uint8Array {
  if (specs.length === 0) return bytes;
  const zip = ZipArchive.read(bytes);
  const workbookPart = workbookPartName(zip, codec);
  const workbookXml = zip.text(workbookPart, codec);
  const workbookRels = readRelationships(zip, codec, workbookPart);
  const sheetParts = new Map<string, string>();
  for (const { tag } of elements(workbookXml, 'sheet')) {
    const a = attributes(tag.attributesText);
    const rel = workbookRels.find((r) => r.id === a['r:id'] || r.id === a.id);
    if (rel && isRelationship(rel, 'worksheet')) sheetParts.set(a.name, rel.target);
  }

  const existing = zip.entries.map((e) => /^xl\/tables\/table(\d+)\.xml$/.exec(e.name)).filter((m): m is RegExpExecArray => m !== null);
  let next = existing.reduce((n, m) => Math.max(n, Number(m[1])), 0) + 1;
  const names = new Set<string>();
  const areas: { sheet: string; area: Area; name: string }[] = [];
  const replaced = new Map<string, string>();
  let contentTypes = zip.text('[Content_Types].xml', codec);

  const bySheet = new Map<string, TableSpec[]>();
  for (const spec of specs) {
    if (!sheetParts.has(spec.sheet)) throw new Error(`table ${spec.name}: no sheet named "${spec.sheet}"`);
    if (names.has(spec.name.toLowerCase())) throw new Error(`table ${spec.name}: the name is used twice`);
    names.add(spec.name.toLowerCase());
    const area = parseArea(spec.ref);
    const clash = areas.find((a) => a.sheet === spec.sheet && overlaps(a.area, area));
    if (clash) throw new Error(`table ${spec.name} (${spec.ref}) overlaps table ${clash.name}`);
    areas.push({ sheet: spec.sheet, area, name: spec.name });
    bySheet.set(spec.sheet, [...(bySheet.get(spec.sheet) ?? []), spec]);
  }

  for (const [sheet, tables] of bySheet) {
    const sheetPart = sheetParts.get(sheet)!;
    const rels = readRelationships(zip, codec, sheetPart);
    const ids = new Set(rels.map((r) => r.id));
    const relsOut = rels.map((r) => ({ id: r.id, type: r.type, target: r.external ? r.target : relativeTo(sheetPart, r.target), external: r.external }));
    const added: string[] = [];
    for (const spec of tables) {
      const id = next++;
      const part = `xl/tables/table${id}.xml`;
      replaced.set(part, tablePartXml(spec, id));
      contentTypes = addOverride(contentTypes, `/${part}`, TABLE_CONTENT_TYPE);
      let n = relsOut.length + 1;
      while (ids.has(`rId${n}`)) n++;
      ids.add(`rId${n}`);
      relsOut.push({ id: `rId${n}`, type: TABLE_RELATIONSHIP, target: `../tables/table${id}.xml`, external: false });
      added.push(`rId${n}`);
    }
    replaced.set(relsPathOf(sheetPart), relationshipsXml(relsOut));
    replaced.set(sheetPart, withTableParts(zip.text(sheetPart, codec), added));
  }
  replaced.set('[Content_Types].xml', contentTypes);

  const items: ZipOutput[] = zip.entries.map((entry) => {
    const text = replaced.get(entry.name);
    if (text === undefined) return { name: entry.name, copy: entry };
    replaced.delete(entry.name);
    return { name: entry.name, data: text };
  });
  for (const [name, text] of replaced) items.push({ name, data: text });
  return writeZip(items, codec);
}

/** A part name relative to the folder of the part whose relationships point at it ("../tables/table1.xml"). */
function relativeTo(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...new Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
