/**
 * Excel Tables (ListObjects): their parts (xl/tables/tableN.xml) and the structured
 * references formulas make to them — `Team[Sales]`, `Team[[#This Row],[Sales]]`,
 * `Team[[Q1]:[Q4]]`, `Team[#Totals]`, `Team` and, inside the table, `[Sales]` — resolved to
 * the A1 areas they denote (ECMA-376 Part 1, §18.17.2 and §18.5).
 */
import { Area, CellAddressError, areaRef, contains, parseArea, quoteSheetName, toAddress } from './a1';
import { WorkbookFormatError, inPart } from './format-error';
import { attributes, decodeEntities, decodeXstring, elements } from './xml';
import { LocalizedError } from '../i18n/localized-error';
import { Phrase, phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';

export interface TableColumn {
  name: string;
  calculatedColumnFormula?: string;
  totalsRowFormula?: string;
  totalsRowFunction?: string;
  totalsRowLabel?: string;
}

export interface TableModel {
  /** The name formulas use (displayName). */
  name: string;
  sheet: string;
  part: string;
  /** The whole table: header row, data body and totals row. */
  ref: Area;
  headerRowCount: number;
  totalsRowCount: number;
  columns: TableColumn[];
}

/** A table part (xl/tables/tableN.xml) → its model; a WorkbookFormatError for a part that is not one. */
export function readTable(xml: string, sheet: string, part: string): TableModel {
  return inPart(part, () => tableOf(xml, sheet, part));
}

/** A header or totals row count: a whole number of rows, 0 or more (absent: `absent`). */
function rowCount(text: string | undefined, absent: number, part: string): number {
  if (text === undefined) return absent;
  const count = Number(text);
  if (text.trim() === '' || !Number.isInteger(count) || count < 0) throw new WorkbookFormatError(phrase(WORKBOOK.tableBadRowCount, { part, value: text }));
  return count;
}

/** The cells a table covers (its `ref`). */
function tableArea(ref: string | undefined, part: string): Area {
  try {
    if (ref !== undefined) return parseArea(ref.replace(/\$/g, ''));
  } catch (error) {
    if (!(error instanceof CellAddressError)) throw error;
  }
  throw new WorkbookFormatError(phrase(WORKBOOK.tableBadRef, { part, ref: ref ?? '' }));
}

function tableOf(xml: string, sheet: string, part: string): TableModel {
  const root = [...elements(xml, 'table')][0];
  if (!root) throw new WorkbookFormatError(phrase(WORKBOOK.notTablePart, { part }));
  const a = attributes(root.tag.attributesText);
  const name = a.displayName ?? a.name;
  if (!name) throw new WorkbookFormatError(phrase(WORKBOOK.tableNoName, { part }));
  const ref = tableArea(a.ref, part);
  const headerRowCount = rowCount(a.headerRowCount, 1, part);
  const totalsRowCount = rowCount(a.totalsRowCount, 0, part);
  const columns: TableColumn[] = [];
  for (const { tag, body } of elements(root.body, 'tableColumn')) {
    const c = attributes(tag.attributesText);
    const calculated = [...elements(body, 'calculatedColumnFormula')][0];
    const totals = [...elements(body, 'totalsRowFormula')][0];
    columns.push({
      name: decodeXstring(c.name ?? ''),
      calculatedColumnFormula: calculated ? decodeEntities(calculated.body) : undefined,
      totalsRowFormula: totals ? decodeEntities(totals.body) : undefined,
      totalsRowFunction: c.totalsRowFunction,
      totalsRowLabel: c.totalsRowLabel,
    });
  }
  return { name, sheet, part, ref, headerRowCount, totalsRowCount, columns };
}

/** The rows of a table's parts. */
export function tableAreas(table: TableModel) {
  const { top, bottom, left, right } = table.ref;
  const dataTop = top + table.headerRowCount;
  const dataBottom = bottom - table.totalsRowCount;
  return {
    headers: table.headerRowCount > 0 ? { top, bottom: top } : undefined,
    data: { top: dataTop, bottom: dataBottom },
    totals: table.totalsRowCount > 0 ? { top: bottom, bottom } : undefined,
    left,
    right,
  };
}

/** Where a formula sits, for `[#This Row]` and for table-less `[Col]`. */
export interface FormulaPlace {
  sheet: string;
  row: number;
  col: number;
}

/** A structured reference that denotes nothing (a missing column, [#Totals] without one…): Excel's #REF!. */
export class StructuredReferenceError extends LocalizedError {
  constructor(
    message: Phrase,
    readonly code: '#REF!' | '#VALUE!' = '#REF!',
  ) {
    super(message);
    this.name = 'StructuredReferenceError';
  }
}

type Item = '#All' | '#Data' | '#Headers' | '#Totals' | '#This Row';
const ITEMS: Record<string, Item> = { '#all': '#All', '#data': '#Data', '#headers': '#Headers', '#totals': '#Totals', '#this row': '#This Row' };

/** Splits the inside of a table's brackets into specifiers: "[#This Row],[A]:[B]" → ["#This Row", "A:B"]. */
function specifiers(inner: string): { items: Item[]; first?: string; last?: string } {
  const items: Item[] = [];
  const columns: string[] = [];
  const trimmed = inner.trim();
  if (trimmed === '') return { items };
  // A single unbracketed specifier: Team[Sales], Team[#Totals], Team[@Sales].
  if (!trimmed.startsWith('[')) {
    if (trimmed.startsWith('@')) return { items: ['#This Row'], ...columnSpan(trimmed.slice(1).trim()) };
    return single(trimmed, items);
  }
  // Bracketed parts separated by commas or a ":" between two columns.
  let i = 0;
  let pendingRange = false;
  while (i < trimmed.length) {
    const c = trimmed[i];
    if (c === ' ' || c === ',') {
      i++;
      continue;
    }
    if (c === ':') {
      pendingRange = true;
      i++;
      continue;
    }
    if (c === '@') {
      items.push('#This Row');
      i++;
      continue;
    }
    if (c !== '[') throw new StructuredReferenceError(phrase(WORKBOOK.structuredUnreadable, { inner }));
    let j = i + 1;
    let name = '';
    for (; j < trimmed.length; j++) {
      const d = trimmed[j];
      if (d === "'") {
        name += trimmed[++j] ?? '';
        continue;
      }
      if (d === ']') break;
      name += d;
    }
    i = j + 1;
    const item = ITEMS[name.toLowerCase()];
    if (item) items.push(item);
    else if (pendingRange && columns.length > 0) {
      columns.push(name);
      pendingRange = false;
    } else columns.push(name);
  }
  if (columns.length > 2) throw new StructuredReferenceError(phrase(WORKBOOK.structuredColumns, { inner }));
  return { items, first: columns[0], last: columns[1] ?? columns[0] };
}

function single(text: string, items: Item[]) {
  const item = ITEMS[text.toLowerCase()];
  if (item) return { items: [item] };
  return { items, ...columnSpan(text) };
}

function columnSpan(text: string): { first?: string; last?: string } {
  const unescape = (s: string) => s.replace(/^\[|\]$/g, '').replace(/'(.)/g, '$1');
  const colon = text.indexOf(']:[');
  if (colon >= 0) return { first: unescape(text.slice(0, colon + 1)), last: unescape(text.slice(colon + 2)) };
  return { first: unescape(text), last: unescape(text) };
}

function columnIndex(table: TableModel, name: string): number {
  const index = table.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new StructuredReferenceError(phrase(WORKBOOK.tableNoColumn, { table: table.name, column: name }));
  return index;
}

/**
 * The area a structured reference denotes. `text` is the reference token, e.g.
 * "Team[[#This Row],[Sales]]", "[Sales]" or "Team" (bare name = data body).
 */
export function resolveStructuredReference(text: string, tables: readonly TableModel[], place: FormulaPlace): { table: TableModel; area: Area } {
  const open = text.indexOf('[');
  const tableName = open < 0 ? text : text.slice(0, open);
  const table = tableName
    ? tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase())
    : tables.find((t) => t.sheet === place.sheet && contains(t.ref, place.row, place.col));
  if (!table) throw new StructuredReferenceError(tableName ? phrase(WORKBOOK.noTableNamed, { table: tableName }) : phrase(WORKBOOK.outsideTable));
  const inner = open < 0 ? '' : text.slice(open + 1, text.lastIndexOf(']'));
  const { items, first, last } = specifiers(inner);
  const parts = tableAreas(table);

  let left = parts.left;
  let right = parts.right;
  if (first !== undefined) {
    const a = columnIndex(table, first);
    const b = columnIndex(table, last ?? first);
    left = parts.left + Math.min(a, b);
    right = parts.left + Math.max(a, b);
  }

  const set = new Set<Item>(items.length === 0 ? ['#Data'] : items);
  let top: number;
  let bottom: number;
  if (set.has('#This Row')) {
    if (place.sheet !== table.sheet || place.row < parts.data.top || place.row > parts.data.bottom) {
      throw new StructuredReferenceError(phrase(WORKBOOK.thisRowOutside, { reference: text, table: table.name }), '#VALUE!');
    }
    top = bottom = place.row;
  } else if (set.has('#All')) {
    top = table.ref.top;
    bottom = table.ref.bottom;
  } else {
    const rows: { top: number; bottom: number }[] = [];
    if (set.has('#Headers')) {
      if (!parts.headers) throw new StructuredReferenceError(phrase(WORKBOOK.tableNoHeaders, { table: table.name }));
      rows.push(parts.headers);
    }
    if (set.has('#Data')) rows.push(parts.data);
    if (set.has('#Totals')) {
      if (!parts.totals) throw new StructuredReferenceError(phrase(WORKBOOK.tableNoTotals, { table: table.name }));
      rows.push(parts.totals);
    }
    top = Math.min(...rows.map((r) => r.top));
    bottom = Math.max(...rows.map((r) => r.bottom));
  }
  if (bottom < top) throw new StructuredReferenceError(phrase(WORKBOOK.tableNoData, { table: table.name }));
  return { table, area: { top, left, bottom, right } };
}

/** An area as an absolute, sheet-qualified A1 reference: 'My Sheet'!$B$4:$B$9. */
export function absoluteRef(sheet: string, area: Area): string {
  const abs = (row: number, col: number) => toAddress(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const from = abs(area.top, area.left);
  const single = area.top === area.bottom && area.left === area.right;
  return `${quoteSheetName(sheet)}!${single ? from : `${from}:${abs(area.bottom, area.right)}`}`;
}

export { areaRef };
