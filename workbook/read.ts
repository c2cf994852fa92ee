/**
 * Reads an .xlsx as Excel stored it, straight from the zip: sheets, cell values, formulas
 * (shared formulas expanded, array and dynamic-array formulas told apart), Excel's cached
 * results, defined names with their scope, and Excel Tables. No exceljs: one pass of a
 * tag scanner per part.
 */
import { Area, CellAddressError, MAX_COLUMNS, MAX_ROWS, columnNumber, parseArea, toAddress } from './a1';
import { WorkbookFormatError, XmlFormatError, inPart } from './format-error';
import { LIMITS, LimitError } from './limits';
import { ContentTypes, contentTypeOf, isRelationship, readContentTypes, readRelationships, workbookPartName } from './package';
import { shiftFormula } from './references';
import { TableModel, readTable } from './tables';
import { isExplicitFormat } from './number-format';
import { readNumberFormats } from './styles';
import { Tag, attribute, attributes, decodeEntities, rawAttribute, decodeXstring, elementBody, elements, escapeText, nextTag, stringItemText, textContent } from './xml';
import { ZipArchive, ZipCodec } from './zip';
import { formatNumber, phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';

/** An error value as a cell holds it: "#N/A", "#DIV/0!", … */
export interface ErrorValue {
  error: string;
}

export type CellValue = number | string | boolean | ErrorValue;

export type FormulaKind =
  /** An ordinary formula (legacy semantics: implicit intersection where one value is expected). */
  | 'plain'
  /** A legacy Ctrl+Shift+Enter array over a fixed `ref`. */
  | 'array'
  /** A dynamic array (spills to the size of its result). */
  | 'dynamic';

export interface FormulaCell {
  row: number;
  col: number;
  /** The formula as stored (without "="): `_xldudf_PERF_TIERED(B2:B9,…)`; shared formulas expanded. */
  text: string;
  kind: FormulaKind;
  /** The stored extent of an array or dynamic-array formula. */
  ref?: Area;
  /** Excel's cached result for the cell, if the file has one. */
  cached?: CellValue;
}

export interface SheetModel {
  name: string;
  /** Part name, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Stored values by row, 1-based (rows[r][c]); formula cells hold their cached result. */
  rows: CellValue[][];
  formulas: FormulaCell[];
  tables: TableModel[];
  /**
   * The style (`s`, an index into the workbook's `numberFormats`) of each cell whose style has a
   * number format other than General, by row as `rows` (styles[r][c]); empty styled cells too.
   * Absent when no cell has one (and in models not read from a file). Consecutive rows styled
   * alike share one array (a table's rows usually are): read it, never write to it.
   */
  styles?: number[][];
}

export interface DefinedName {
  name: string;
  /** The stored formula text, e.g. "Plan!$A$5:$B$10". */
  text: string;
  /** Index into `sheets` for a sheet-scoped name; undefined for workbook scope. */
  sheetIndex?: number;
  hidden: boolean;
}

export interface WorkbookModel {
  /** Main workbook part name. */
  part: string;
  sheets: SheetModel[];
  definedNames: DefinedName[];
  /** `calcId` of `<calcPr>`; Excel 365 writes 191029. */
  calcId?: number;
  fullCalcOnLoad: boolean;
  contentTypes: ContentTypes;
  /** The number format code of each cell style (styles.ts), by a cell's `s`; absent without a styles part. */
  numberFormats?: string[];
}

export interface ReadOptions {
  /** Largest part (uncompressed bytes) the reader inflates; default LIMITS.partBytes. */
  maxPartBytes?: number;
}

/** A workbook that cannot be read as an .xlsx (format-error.ts; exported here, where readers have always found it). */
export { WorkbookFormatError };

const MACRO_CONTENT = /macroEnabled|vbaProject/i;

export function readWorkbookModel(zip: ZipArchive, codec: ZipCodec, options: ReadOptions = {}): WorkbookModel {
  const limit = options.maxPartBytes ?? LIMITS.partBytes;
  for (const entry of zip.entries) {
    if (entry.size > limit) throw new LimitError(phrase(WORKBOOK.partTooLarge, { part: entry.name, size: formatNumber(entry.size), limit: formatNumber(limit) }));
  }
  const budget = { cells: 0 };
  const contentTypes = readContentTypes(zip, codec);
  const part = workbookPartName(zip, codec);
  const mainType = contentTypeOf(contentTypes, part) ?? '';
  if (MACRO_CONTENT.test(mainType) || zip.has('xl/vbaProject.bin')) {
    throw new WorkbookFormatError(phrase(WORKBOOK.macroEnabled));
  }
  const workbookXml = zip.text(part, codec, limit);
  // The workbook part's XML is read here, whole, so that an error in it names the part.
  const sheetEntries = inPart(part, () => [...elements(workbookXml, 'sheet')].map(({ tag }) => attributes(tag.attributesText)));
  const nameEntries = inPart(part, () => [...elements(workbookXml, 'definedName')]);
  const rels = readRelationships(zip, codec, part);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sharedStringsRel = rels.find((r) => isRelationship(r, 'sharedStrings'));
  const sharedStrings =
    sharedStringsRel && zip.has(sharedStringsRel.target) ? inPart(sharedStringsRel.target, () => readSharedStrings(zip.text(sharedStringsRel.target, codec, limit))) : [];
  const stylesRel = rels.find((r) => isRelationship(r, 'styles'));
  const numberFormats = stylesRel && zip.has(stylesRel.target) ? inPart(stylesRel.target, () => readNumberFormats(zip.text(stylesRel.target, codec, limit))) : undefined;
  // Styles whose number format is not General: only those are kept per cell.
  const formatted = (numberFormats ?? []).map(isExplicitFormat);
  const metadataRel = rels.find((r) => isRelationship(r, 'sheetMetadata'));
  const dynamicCm =
    metadataRel && zip.has(metadataRel.target) ? inPart(metadataRel.target, () => dynamicArrayCellMetadata(zip.text(metadataRel.target, codec, limit))) : new Set<number>();

  const sheets: SheetModel[] = [];
  for (const a of sheetEntries) {
    const rel = relById.get(a.id);
    if (!rel || !isRelationship(rel, 'worksheet')) continue; // chart sheets and dialog sheets hold no cells
    if (!a.name) throw new WorkbookFormatError(phrase(WORKBOOK.sheetNoName, { part }));
    if (!zip.has(rel.target)) throw new WorkbookFormatError(phrase(WORKBOOK.sheetMissingPart, { sheet: a.name, part: rel.target }));
    const sheetRels = readRelationships(zip, codec, rel.target);
    const tables = sheetRels
      .filter((r) => isRelationship(r, 'table') && zip.has(r.target))
      .map((r) => readTable(zip.text(r.target, codec, limit), a.name, r.target));
    const cells = inPart(rel.target, () => readSheetCells(zip.text(rel.target, codec, limit), sharedStrings, dynamicCm, a.name, rel.target, budget, formatted));
    sheets.push({ name: a.name, part: rel.target, state: (a.state as SheetModel['state']) ?? 'visible', ...cells, tables });
  }
  if (sheets.length === 0) throw new WorkbookFormatError(phrase(WORKBOOK.noWorksheets));

  const definedNames: DefinedName[] = [];
  for (const { tag, body } of nameEntries) {
    const a = attributes(tag.attributesText);
    const local = a.localSheetId === undefined ? undefined : Number(a.localSheetId);
    // localSheetId counts every <sheet>, chart sheets included; map it to our worksheet list.
    const sheetName = local === undefined ? undefined : sheetNameAt(workbookXml, local);
    const sheetIndex = sheetName === undefined ? undefined : sheets.findIndex((s) => s.name === sheetName);
    definedNames.push({ name: a.name, text: decodeEntities(body), sheetIndex: sheetIndex !== undefined && sheetIndex >= 0 ? sheetIndex : undefined, hidden: a.hidden === '1' || a.hidden === 'true' });
  }

  const calcPr = nextTagNamed(workbookXml, 'calcPr');
  const calcIdText = calcPr ? attribute(calcPr, 'calcId') : undefined;
  const fullCalc = calcPr ? attribute(calcPr, 'fullCalcOnLoad') : undefined;
  return {
    part,
    sheets,
    definedNames,
    calcId: calcIdText === undefined ? undefined : Number(calcIdText),
    fullCalcOnLoad: fullCalc === '1' || fullCalc === 'true',
    contentTypes,
    ...(numberFormats ? { numberFormats } : {}),
  };
}

function sheetNameAt(workbookXml: string, index: number): string | undefined {
  let i = 0;
  for (const { tag } of elements(workbookXml, 'sheet')) {
    if (i++ === index) return attributes(tag.attributesText).name;
  }
  return undefined;
}

function nextTagNamed(xml: string, name: string): string | undefined {
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) if (!tag.closing && tag.name === name) return tag.attributesText;
  return undefined;
}

export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const { body } of elements(xml, 'si')) out.push(stringItemText(body));
  return out;
}

/**
 * The `cm` indexes (1-based, as cells write them) whose cell metadata is a dynamic array:
 * cellMetadata block → rc t (1-based metadata type, must be XLDAPR) v (0-based future
 * metadata block) → `xda:dynamicArrayProperties fDynamic="1"`.
 */
export function dynamicArrayCellMetadata(xml: string): Set<number> {
  const types: string[] = [];
  for (const { tag } of elements(xml, 'metadataType')) types.push(attributes(tag.attributesText).name);
  const dynamicBlocks: boolean[] = [];
  for (const { tag, body } of elements(xml, 'futureMetadata')) {
    if (attributes(tag.attributesText).name !== 'XLDAPR') continue;
    for (const block of elements(body, 'bk')) {
      const props = [...elements(block.body, 'dynamicArrayProperties')][0];
      const fDynamic = props ? attributes(props.tag.attributesText).fDynamic : undefined;
      dynamicBlocks.push(fDynamic === '1' || fDynamic === 'true');
    }
  }
  const out = new Set<number>();
  const cellMetadata = [...elements(xml, 'cellMetadata')][0];
  if (!cellMetadata) return out;
  let index = 0;
  for (const block of elements(cellMetadata.body, 'bk')) {
    index++;
    for (const rc of elements(block.body, 'rc')) {
      const a = attributes(rc.tag.attributesText);
      if (types[Number(a.t) - 1] === 'XLDAPR' && dynamicBlocks[Number(a.v)]) out.add(index);
    }
  }
  return out;
}

const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const MARCH_1900_MS = Date.UTC(1900, 2, 1);

/**
 * An ISO 8601 date (t="d" cells) → Excel serial number (1900 date system). Excel counts
 * 1900-02-29, which never was, as serial 60 (ECMA-376 Part 1, §18.17.4.1): dates before
 * March 1900 are one less than the day count from 1899-12-30.
 */
function isoToSerial(text: string): number | ErrorValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return { error: '#VALUE!' };
  const days = (ms - EPOCH_1900_MS) / 86_400_000;
  return ms < MARCH_1900_MS ? days - 1 : days;
}

function cellValue(type: string | undefined, raw: string, sharedStrings: string[]): CellValue | undefined {
  switch (type) {
    case undefined:
    case 'n': {
      if (raw === '') return undefined;
      const n = Number(raw);
      return Number.isFinite(n) ? n : { error: '#NUM!' };
    }
    case 's': {
      const s = sharedStrings[Number(raw)];
      return s === undefined ? '' : s;
    }
    case 'str':
      return decodeXstring(decodeEntities(raw));
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return { error: decodeEntities(raw) };
    case 'd':
      return isoToSerial(raw);
    default:
      return undefined;
  }
}

interface SharedMaster {
  row: number;
  col: number;
  text: string;
}

/** One worksheet part → its stored values and formulas. */
/** The `<sheetData>` start tag of a worksheet part (every worksheet has one, ECMA-376 CT_Worksheet). */
function sheetDataTag(xml: string): Tag | null {
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) if (tag.name === 'sheetData' && !tag.closing) return tag;
  return null;
}

function readSheetCells(
  xml: string,
  sharedStrings: string[],
  dynamicCm: Set<number>,
  sheetName: string,
  part: string,
  budget: { cells: number },
  formatted: boolean[],
): Pick<SheetModel, 'rows' | 'formulas' | 'styles'> {
  const rows: CellValue[][] = [];
  // A book whose styles are all General (most models) reads no cell's `s` at all.
  const anyFormatted = formatted.includes(true);
  const styles: number[][] = [];
  let styled = false;
  // The styles of the row being read, kept in `scratch` and stored at the row's end — as the
  // previous row's array when they are the same, so that a table's rows cost one array, not
  // one each (100,000 arrays would slow the calculation's garbage collection).
  const scratch: number[] = [];
  let scratchRow = 0;
  let previous: number[] | undefined;
  const flush = () => {
    if (scratchRow === 0) return;
    let same = previous !== undefined && previous.length === scratch.length;
    for (let i = 0; same && i < scratch.length; i++) same = previous![i] === scratch[i];
    if (!same) previous = scratch.slice();
    styles[scratchRow] = previous!;
    scratch.length = 0;
    scratchRow = 0;
  };
  const formulas: FormulaCell[] = [];
  const shared = new Map<string, SharedMaster>();
  const data = sheetDataTag(xml);
  if (!data) throw new WorkbookFormatError(phrase(WORKBOOK.sheetNoSheetData, { sheet: sheetName, part }));
  if (data.selfClosing) return { rows, formulas };
  let row = 0;
  let col = 0;
  let at = data.end;
  let closed = false;
  for (let tag = nextTag(xml, at); tag; tag = nextTag(xml, at)) {
    at = tag.end;
    if (tag.name === 'sheetData' && (tag.closing || tag.selfClosing)) {
      closed = true;
      break;
    }
    if (tag.closing) continue;
    if (tag.name === 'row') {
      const r = attribute(tag.attributesText, 'r');
      row = r === undefined ? row + 1 : Number(r);
      col = 0;
      if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new WorkbookFormatError(phrase(WORKBOOK.rowOutsideGrid, { sheet: sheetName, row: String(r) }));
      continue;
    }
    if (tag.name !== 'c') continue;
    const attrs = tag.attributesText;
    const ref = attribute(attrs, 'r');
    if (ref === undefined) {
      col++;
      if (row === 0) row = 1;
    } else {
      const split = splitCellRef(ref);
      if (!split) throw new WorkbookFormatError(phrase(WORKBOOK.notCellReference, { sheet: sheetName, ref }));
      row = split.row;
      col = split.col;
    }
    const index = anyFormatted ? styleIndex(attrs) : 0;
    if (index > 0 && formatted[index]) {
      if (row !== scratchRow) {
        flush();
        scratchRow = row;
        const earlier = styles[row]; // a row written twice: keep what its first part had
        if (earlier) for (let i = 0; i < earlier.length; i++) if (earlier[i] !== undefined) scratch[i] = earlier[i];
      }
      scratch[col] = index;
      styled = true;
    }
    if (tag.selfClosing) continue;
    const type = attribute(attrs, 't');
    let valueText: string | undefined;
    let inline: string | undefined;
    let formulaAttrs: string | undefined;
    let formulaText: string | undefined;
    // Children of <c>: f, v, is, extLst — scan until this cell's end tag.
    let child = nextTag(xml, at);
    while (child && !(child.closing && child.name === 'c')) {
      if (!child.closing && child.name === 'f') {
        formulaAttrs = child.attributesText;
        if (child.selfClosing) {
          formulaText = '';
          at = child.end;
        } else {
          const end = xml.indexOf('</', child.end);
          const raw = xml.slice(child.end, end);
          if (raw.indexOf('<![CDATA[') >= 0) {
            const body = elementBody(xml, child);
            formulaText = textContent(xml.slice(body.bodyStart, body.bodyEnd));
            at = body.end;
          } else {
            formulaText = decodeEntities(raw);
            at = xml.indexOf('>', end) + 1;
          }
        }
      } else if (!child.closing && child.name === 'v') {
        if (child.selfClosing) {
          valueText = '';
          at = child.end;
        } else {
          const end = xml.indexOf('</', child.end);
          valueText = xml.slice(child.end, end);
          at = xml.indexOf('>', end) + 1;
          if (valueText.indexOf('<![CDATA[') >= 0) {
            // Character data in a CDATA section is taken as it is (entities stay undecoded below).
            const body = elementBody(xml, child);
            valueText = escapeText(textContent(xml.slice(body.bodyStart, body.bodyEnd)));
            at = body.end;
          }
        }
      } else if (!child.closing && child.name === 'is') {
        const body = elementBody(xml, child);
        inline = stringItemText(xml.slice(body.bodyStart, body.bodyEnd));
        at = body.end;
      } else if (!child.closing && !child.selfClosing) {
        at = elementBody(xml, child).end; // extLst and anything newer: skipped whole
      } else at = child.end;
      child = nextTag(xml, at);
    }
    if (!child) {
      throw new WorkbookFormatError(
        ref === undefined ? phrase(WORKBOOK.cellAtRowNotClosed, { sheet: sheetName, row }) : phrase(WORKBOOK.cellNotClosed, { sheet: sheetName, ref }),
      );
    }
    at = child.end;

    const value = type === 'inlineStr' ? inline ?? '' : valueText === undefined ? undefined : cellValue(type, valueText, sharedStrings);
    if (value !== undefined || formulaAttrs !== undefined) {
      if (++budget.cells > LIMITS.cells) throw new LimitError(phrase(WORKBOOK.tooManyCells, { limit: formatNumber(LIMITS.cells) }));
      if (typeof value === 'string' && value.length > LIMITS.textLength) {
        throw new LimitError(phrase(WORKBOOK.textTooLong, { cell: `${sheetName}!${toAddress(row, col)}`, length: formatNumber(value.length), limit: formatNumber(LIMITS.textLength) }));
      }
      if (formulaText !== undefined && formulaText.length > LIMITS.formulaLength) {
        throw new LimitError(
          phrase(WORKBOOK.formulaTooLong, { cell: `${sheetName}!${toAddress(row, col)}`, length: formatNumber(formulaText.length), limit: formatNumber(LIMITS.formulaLength) }),
        );
      }
    }
    if (value !== undefined) {
      const line = rows[row] ?? (rows[row] = []);
      line[col] = value;
    }
    if (formulaAttrs !== undefined) {
      const formula = readFormula(formulaAttrs, formulaText ?? '', row, col, shared, dynamicCm, attribute(attrs, 'cm'), sheetName);
      if (formula) formulas.push({ ...formula, cached: value });
    }
  }
  // A part cut off inside its cells: what follows (maybe formulas) is missing, not empty.
  if (!closed) throw new XmlFormatError(phrase(WORKBOOK.unclosedElement, { element: 'sheetData' }));
  flush();
  return { rows, formulas, styles: styled ? styles : undefined }; // one shape for every sheet
}

/** A cell's `s` (0 when absent or not a number): ` s="12"` as Excel writes it read in place (hot path), any other spelling through rawAttribute. */
function styleIndex(attrs: string): number {
  const at = attrs.indexOf(' s="');
  if (at >= 0) {
    let n = 0;
    let i = at + 4;
    let c = attrs.charCodeAt(i);
    for (; c >= 48 && c <= 57; c = attrs.charCodeAt(++i)) n = n * 10 + c - 48;
    if (c === 34 && i > at + 4) return n;
  }
  const raw = rawAttribute(attrs, 's');
  const n = raw === undefined ? 0 : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** "AB12" → row/col without a regex (hot path). */
function splitCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return null;
  return { row, col };
}

function readFormula(
  attrs: string,
  text: string,
  row: number,
  col: number,
  shared: Map<string, SharedMaster>,
  dynamicCm: Set<number>,
  cm: string | undefined,
  sheetName: string,
): Omit<FormulaCell, 'cached'> | undefined {
  const t = attribute(attrs, 't');
  if (t === 'shared') {
    const si = attribute(attrs, 'si') ?? '';
    if (text !== '') {
      shared.set(si, { row, col, text });
      return { row, col, text, kind: 'plain' };
    }
    const master = shared.get(si);
    if (!master) throw new WorkbookFormatError(phrase(WORKBOOK.sharedBeforeMaster, { sheet: sheetName, row, column: col, index: si }));
    return { row, col, text: shiftFormula(master.text, row - master.row, col - master.col), kind: 'plain' };
  }
  if (t === 'array') {
    const refText = attribute(attrs, 'ref');
    const ref = refText ? arrayArea(refText, sheetName, row, col) : { top: row, left: col, bottom: row, right: col };
    const dynamic = cm !== undefined && dynamicCm.has(Number(cm));
    return { row, col, text, kind: dynamic ? 'dynamic' : 'array', ref };
  }
  if (t === 'dataTable') return undefined; // what-if data tables: their cells hold Excel's values
  if (text === '') return undefined;
  return { row, col, text, kind: 'plain' };
}

/** The area an array formula's `ref` names; a WorkbookFormatError when it names none. */
function arrayArea(refText: string, sheetName: string, row: number, col: number): Area {
  try {
    return parseArea(refText.replace(/\$/g, ''));
  } catch (error) {
    if (error instanceof CellAddressError) throw new WorkbookFormatError(phrase(WORKBOOK.arrayBadRef, { sheet: sheetName, cell: toAddress(row, col), ref: refText }));
    throw error;
  }
}

/**
 * The number format code of a cell as the file styles it (its own `s`), undefined for General
 * or an unstyled cell.
 */
export function cellNumberFormat(model: WorkbookModel, sheetIndex: number, row: number, col: number): string | undefined {
  const style = model.sheets[sheetIndex]?.styles?.[row]?.[col];
  if (style === undefined || !model.numberFormats) return undefined;
  const code = model.numberFormats[style];
  return isExplicitFormat(code) ? code : undefined;
}

export { columnNumber };
