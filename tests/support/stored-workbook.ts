/**
 * Hand-built workbooks in Excel's storage form: each test writes the cells exactly as Excel
 * stores them (`<c r="B2" cm="1"><f t="array" ref="B2:B4">_xldudf_PERF_TIERED(…)</f><v>…</v></c>`)
 * and this assembles the package around them — content types, relationships, workbook,
 * shared strings, tables, dynamic-array metadata. Nothing here interprets a formula.
 */
import { METADATA_XML } from '../../workbook/dynamic-arrays';
import { nodeCodec } from '../../workbook/node-codec';
import { writeZip } from '../../workbook/zip';

export interface StoredSheet {
  name: string;
  /** Raw `<c>` elements, any order (grouped into rows by their r attribute). */
  cells: string[];
  /** Raw table parts (`<table …>…</table>`) on this sheet. */
  tables?: string[];
}

export interface StoredBook {
  sheets: StoredSheet[];
  /** Raw `<si>` bodies, e.g. `<t>Sales</t>`. */
  sharedStrings?: string[];
  /** Defined names: `{ name, text, localSheetId? }` with text as stored (Sheet1!$A$1). */
  names?: { name: string; text: string; localSheetId?: number }[];
  /** Writes xl/metadata.xml (the cells then use cm="1" for dynamic arrays). */
  dynamicArrays?: boolean;
  calcPr?: string;
  /** A styles part (`<styleSheet …>…</styleSheet>`, numFmts and cellXfs that cells' s attributes index). */
  styles?: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text for XML content or an attribute value. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function rowOf(cell: string): number {
  const m = /\sr="[A-Z]+(\d+)"/.exec(cell);
  if (!m) throw new Error(`cell without r: ${cell}`);
  return Number(m[1]);
}

function colOf(cell: string): number {
  const m = /\sr="([A-Z]+)\d+"/.exec(cell)!;
  return [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function sheetXml(sheet: StoredSheet, tableRelIds: string[]): string {
  const rows = new Map<number, string[]>();
  for (const cell of [...sheet.cells].sort((a, b) => rowOf(a) - rowOf(b) || colOf(a) - colOf(b))) {
    const r = rowOf(cell);
    rows.set(r, [...(rows.get(r) ?? []), cell]);
  }
  const data = [...rows.entries()].map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`).join('');
  const tables = tableRelIds.length ? `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>` : '';
  return `${XML_HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${data}</sheetData>${tables}</worksheet>`;
}

/** The package bytes. */
export function storedWorkbook(book: StoredBook): Uint8Array {
  const parts: { name: string; data: string }[] = [];
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`];
  const workbookRels: string[] = [];
  let tableNumber = 0;
  book.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const tableRels: string[] = [];
    const ids: string[] = [];
    for (const table of sheet.tables ?? []) {
      tableNumber++;
      const id = `rId${ids.length + 1}`;
      ids.push(id);
      tableRels.push(`<Relationship Id="${id}" Type="${REL}/table" Target="../tables/table${tableNumber}.xml"/>`);
      parts.push({ name: `xl/tables/table${tableNumber}.xml`, data: XML_HEADER + table });
      overrides.push(`<Override PartName="/xl/tables/table${tableNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
    }
    parts.push({ name: `xl/worksheets/sheet${n}.xml`, data: sheetXml(sheet, ids) });
    if (tableRels.length) {
      parts.push({ name: `xl/worksheets/_rels/sheet${n}.xml.rels`, data: `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tableRels.join('')}</Relationships>` });
    }
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    workbookRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
  });
  let next = book.sheets.length + 1;
  if (book.sharedStrings) {
    const items = book.sharedStrings.map((si) => `<si>${si}</si>`).join('');
    parts.push({ name: 'xl/sharedStrings.xml', data: `${XML_HEADER}<sst xmlns="${MAIN}" count="${book.sharedStrings.length}" uniqueCount="${book.sharedStrings.length}">${items}</sst>` });
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    workbookRels.push(`<Relationship Id="rId${next++}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (book.dynamicArrays) {
    parts.push({ name: 'xl/metadata.xml', data: METADATA_XML });
    overrides.push('<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>');
    workbookRels.push(`<Relationship Id="rId${next++}" Type="${REL}/sheetMetadata" Target="metadata.xml"/>`);
  }
  if (book.styles) {
    parts.push({ name: 'xl/styles.xml', data: XML_HEADER + book.styles });
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    workbookRels.push(`<Relationship Id="rId${next++}" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  const sheets = book.sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = book.names?.length
    ? `<definedNames>${book.names.map((d) => `<definedName name="${escape(d.name)}"${d.localSheetId === undefined ? '' : ` localSheetId="${d.localSheetId}"`}>${escape(d.text)}</definedName>`).join('')}</definedNames>`
    : '';
  parts.push({ name: 'xl/workbook.xml', data: `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets>${names}${book.calcPr ?? '<calcPr calcId="191029"/>'}</workbook>` });
  parts.push({ name: 'xl/_rels/workbook.xml.rels', data: `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbookRels.join('')}</Relationships>` });
  parts.push({
    name: '_rels/.rels',
    data: `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
  const types = `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  return writeZip([{ name: '[Content_Types].xml', data: types }, ...parts], nodeCodec);
}

/** A number cell. */
export const num = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
/** An inline text cell. */
export const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;

/**
 * A formula cell as Excel stores it, with the value Excel caches: kind "da" = dynamic array
 * (cm="1"), "cse" = legacy array, over `area` (default the cell itself); `t` types the cached value.
 */
export function formulaCell(ref: string, formula: string, cached: string, options: { kind?: 'da' | 'cse'; area?: string; t?: string } = {}): string {
  const t = options.t ? ` t="${options.t}"` : '';
  const cm = options.kind === 'da' ? ' cm="1"' : '';
  const array = options.kind ? ` t="array" ref="${options.area ?? ref}"` : '';
  return `<c r="${ref}"${t}${cm}><f${array}>${escape(formula)}</f><v>${cached}</v></c>`;
}
