/**
 * Writing computed values into a worksheet part without touching anything else: each
 * formula cell gets its cached value (`<v>` and `t`), an array formula its new `ref`, the
 * cells of a spill their values, and cells a spill no longer covers lose their stale value.
 * Formula text, styles, attributes and every other element are copied as they were.
 */
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';
import { Area, contains, toAddress } from './a1';
import { WorkbookFormatError } from './format-error';
import { encodeXstring, escapeAttribute, escapeText, nextTag, preserveSpace, Tag } from './xml';

/** A value as Excel caches it. */
export type CachedValue = number | string | boolean | { error: string } | null;

export interface CellWrite {
  row: number;
  col: number;
  value: CachedValue;
  /** For an array formula's anchor: its area, written as the `<f ref>`. */
  ref?: Area;
  /** Make the anchor a dynamic array: `<f t="array" ref>` and `cm` = this cell-metadata index. */
  dynamicCm?: number;
}

export interface SheetPatch {
  writes: CellWrite[];
  /** Areas whose cells hold stale array values: their values are removed (unless written). */
  clear: Area[];
}

function numberText(n: number): string {
  // Shortest round-trip text; XML Schema doubles accept JavaScript's exponent form.
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * `t` and `<v>` for a value (elements in the sheet's own prefix, e.g. `x:`); a cell without a
 * formula carries text as an inline string (t="str" belongs to formula cells). Text is
 * written as ST_Xstring: what XML cannot carry as `_xHHHH_`.
 */
function valueParts(value: CachedValue, formulaCell: boolean, prefix: string): { t?: string; body: string } {
  const v = (text: string) => `<${prefix}v>${text}</${prefix}v>`;
  if (value === null) return { body: '' };
  if (typeof value === 'number') return { body: v(numberText(value)) };
  if (typeof value === 'boolean') return { t: 'b', body: v(value ? '1' : '0') };
  if (typeof value === 'string') {
    const text = escapeText(encodeXstring(value));
    if (formulaCell) return { t: 'str', body: v(text) };
    return { t: 'inlineStr', body: `<${prefix}is><${prefix}t${preserveSpace(value)}>${text}</${prefix}t></${prefix}is>` };
  }
  return { t: 'e', body: v(escapeText(value.error)) };
}

/** Attributes text with `name` set to `value` (or removed when undefined), others untouched. */
export function setAttribute(attributesText: string, name: string, value: string | undefined): string {
  const pattern = new RegExp(`(\\s)${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (pattern.test(attributesText)) {
    return value === undefined ? attributesText.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '') : attributesText.replace(pattern, `$1${name}="${escapeAttribute(value)}"`);
  }
  if (value === undefined) return attributesText;
  return `${attributesText.replace(/\s+$/, '')} ${name}="${escapeAttribute(value)}"`;
}

function refText(area: Area): string {
  const from = toAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? from : `${from}:${toAddress(area.bottom, area.right)}`;
}

/** Rewrites one existing `<c>` element (from its start tag to its end) with a new value. */
function rewriteCell(xml: string, open: Tag, end: number, write: CellWrite | undefined, clearValue: boolean): string {
  const inner = open.selfClosing ? '' : xml.slice(open.end, xml.lastIndexOf('<', end - 1));
  // Split the children: keep <f> (and anything else) verbatim, drop the old value.
  let formula = '';
  let rest = '';
  for (let tag = nextTag(inner, 0), at = 0; tag; tag = nextTag(inner, at)) {
    const closeAt = tag.selfClosing ? tag.end : inner.indexOf('>', closeTagIndex(inner, tag)) + 1;
    const element = inner.slice(tag.start, closeAt);
    at = closeAt;
    if (tag.name === 'f') formula = element;
    else if (tag.name !== 'v' && tag.name !== 'is') rest += element;
  }
  const isFormula = formula !== '';
  let attrs = open.attributesText;
  let body2: string;
  const name = xml.slice(open.start + 1, open.start + 1 + xml.slice(open.start + 1).search(/[\s/>]/));
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
  if (write) {
    const parts = valueParts(write.value, isFormula, prefix);
    attrs = setAttribute(attrs, 't', parts.t);
    if (isFormula && write.ref) formula = rewriteFormulaRef(formula, write.ref, write.dynamicCm !== undefined);
    if (isFormula && write.dynamicCm !== undefined) attrs = setAttribute(attrs, 'cm', String(write.dynamicCm));
    body2 = formula + parts.body + rest;
  } else if (clearValue && !isFormula) {
    attrs = setAttribute(attrs, 't', undefined);
    body2 = rest;
  } else return xml.slice(open.start, end);
  return body2 === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${body2}</${name}>`;
}

function closeTagIndex(text: string, open: Tag): number {
  let depth = 1;
  for (let tag = nextTag(text, open.end); tag; tag = nextTag(text, tag.end)) {
    if (tag.name !== open.name) continue;
    if (tag.closing) depth--;
    else if (!tag.selfClosing) depth++;
    if (depth === 0) return tag.start;
  }
  return text.length;
}

/** `<f …>` with its ref (and, for a new dynamic array, t="array") set. */
function rewriteFormulaRef(formulaElement: string, ref: Area, dynamic: boolean): string {
  const open = nextTag(formulaElement, 0)!;
  let attrs = open.attributesText;
  if (dynamic) attrs = setAttribute(attrs, 't', 'array');
  attrs = setAttribute(attrs, 'ref', refText(ref));
  const name = formulaElement.slice(1, 1 + formulaElement.slice(1).search(/[\s/>]/));
  return `<${name}${attrs}${open.selfClosing ? '/>' : '>'}${formulaElement.slice(open.end)}`;
}

function newCell(write: CellWrite, prefix: string): string {
  const parts = valueParts(write.value, false, prefix);
  const t = parts.t ? ` t="${parts.t}"` : '';
  const address = toAddress(write.row, write.col);
  return parts.body === '' ? '' : `<${prefix}c r="${address}"${t}>${parts.body}</${prefix}c>`;
}

/** The namespace prefix used on an element name ("x:" for `<x:row>`), or "". */
function prefixOf(xml: string, tag: Tag): string {
  const raw = xml.slice(tag.start + (tag.closing ? 2 : 1), tag.start + (tag.closing ? 2 : 1) + tag.name.length + 16);
  const colon = raw.indexOf(':');
  return colon >= 0 && colon < raw.indexOf(tag.name) + 1 ? raw.slice(0, colon + 1) : '';
}

function cellColumn(attributesText: string, fallback: number): number {
  const m = /\sr\s*=\s*["']([A-Za-z]+)\d+["']/.exec(attributesText);
  if (!m) return fallback;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

/**
 * The worksheet part with the patch applied. Writes for cells that do not exist yet are
 * inserted in row and column order (creating rows as needed); `<dimension>` grows to cover them.
 */
export function patchSheetXml(xml: string, patch: SheetPatch): string {
  const writes = [...patch.writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);
  let nextPending = 0;
  const clears = patch.clear;
  const cleared = (row: number, col: number) => clears.some((area) => contains(area, row, col));
  const rowMayClear = (row: number) => clears.some((area) => row >= area.top && row <= area.bottom);

  const dataOpen = (() => {
    for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) if (tag.name === 'sheetData' && !tag.closing) return tag;
    return null;
  })();
  if (!dataOpen) throw new WorkbookFormatError(phrase(WORKBOOK.noSheetData));
  const prefix = prefixOf(xml, dataOpen);
  const out: string[] = [xml.slice(0, dataOpen.start)];
  let maxRow = 0;
  let maxCol = 0;
  let minRow = Infinity;
  let minCol = Infinity;
  const extend = (row: number, col: number) => {
    if (row > maxRow) maxRow = row;
    if (row < minRow) minRow = row;
    if (col > maxCol) maxCol = col;
    if (col < minCol) minCol = col;
  };

  const emitNewRow = (row: number) => {
    const cells = (byRow.get(row) ?? []).map((w) => newCell(w, prefix)).filter(Boolean);
    if (cells.length === 0) return;
    byRow.get(row)!.forEach((w) => extend(w.row, w.col));
    out.push(`<${prefix}row r="${row}">${cells.join('')}</${prefix}row>`);
  };

  if (dataOpen.selfClosing) {
    out.push(`<${prefix}sheetData>`);
    for (const row of pendingRows) emitNewRow(row);
    out.push(`</${prefix}sheetData>`);
    out.push(xml.slice(dataOpen.end));
    return updateDimension(out.join(''), minRow, minCol, maxRow, maxCol);
  }
  out.push(xml.slice(dataOpen.start, dataOpen.end));

  let at = dataOpen.end;
  let currentRow = 0;
  for (let tag = nextTag(xml, at); tag; tag = nextTag(xml, at)) {
    if (tag.name === 'sheetData' && tag.closing) {
      while (nextPending < pendingRows.length) emitNewRow(pendingRows[nextPending++]);
      out.push(xml.slice(at));
      return updateDimension(out.join(''), minRow, minCol, maxRow, maxCol);
    }
    if (tag.name !== 'row' || tag.closing) {
      out.push(xml.slice(at, tag.end));
      at = tag.end;
      continue;
    }
    const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(tag.attributesText);
    const row = rAttr ? Number(rAttr[1]) : currentRow + 1;
    currentRow = row;
    while (nextPending < pendingRows.length && pendingRows[nextPending] < row) emitNewRow(pendingRows[nextPending++]);
    const rowWrites = byRow.get(row);
    if (nextPending < pendingRows.length && pendingRows[nextPending] === row) nextPending++;
    // Rows and cells never nest in themselves: their end tags are found directly.
    const rowEnd = tag.selfClosing ? tag.end : xml.indexOf(`</${prefix}row>`, tag.end);
    const rowClose = tag.selfClosing ? tag.end : xml.indexOf('>', rowEnd) + 1;
    if (!rowWrites && !rowMayClear(row)) {
      out.push(xml.slice(at, rowClose));
      at = rowClose;
      continue;
    }
    // Rewrite this row: merge its cells with the writes, in column order.
    out.push(xml.slice(at, tag.start));
    const writesByCol = new Map((rowWrites ?? []).map((w) => [w.col, w]));
    const used = new Set<number>();
    const pieces: string[] = [];
    let col = 0;
    let cursor = tag.end;
    let rowMaxCol = 0;
    const pendingCols = (rowWrites ?? []).map((w) => w.col);
    let pc = 0;
    if (!tag.selfClosing) {
      for (let child = nextTag(xml, cursor); child && child.start < rowEnd; child = nextTag(xml, cursor)) {
        if (child.name !== 'c' || child.closing) {
          pieces.push(xml.slice(cursor, child.end));
          cursor = child.end;
          continue;
        }
        col = cellColumn(child.attributesText, col + 1);
        while (pc < pendingCols.length && pendingCols[pc] < col) {
          const w = writesByCol.get(pendingCols[pc++])!;
          if (!used.has(w.col)) {
            const cell = newCell(w, prefix);
            if (cell) pieces.push(cell);
            used.add(w.col);
            extend(row, w.col);
          }
        }
        const cellEnd = child.selfClosing ? child.end : xml.indexOf(`</${prefix}c>`, child.end) + prefix.length + 4;
        pieces.push(xml.slice(cursor, child.start));
        const write = writesByCol.get(col);
        if (write) {
          used.add(col);
          extend(row, col);
          if (pc < pendingCols.length && pendingCols[pc] === col) pc++;
        }
        pieces.push(rewriteCell(xml, child, cellEnd, write, cleared(row, col)));
        rowMaxCol = Math.max(rowMaxCol, col);
        cursor = cellEnd;
      }
    }
    while (pc < pendingCols.length) {
      const w = writesByCol.get(pendingCols[pc++])!;
      if (used.has(w.col)) continue;
      const cell = newCell(w, prefix);
      if (cell) pieces.push(cell);
      extend(row, w.col);
      rowMaxCol = Math.max(rowMaxCol, w.col);
    }
    pieces.push(tag.selfClosing ? '' : xml.slice(cursor, rowEnd));
    let rowAttrs = tag.attributesText;
    const spans = /\sspans\s*=\s*["'](\d+):(\d+)["']/.exec(rowAttrs);
    if (spans && rowMaxCol > Number(spans[2])) rowAttrs = setAttribute(rowAttrs, 'spans', `${spans[1]}:${rowMaxCol}`);
    const name = xml.slice(tag.start + 1, tag.start + 1 + xml.slice(tag.start + 1).search(/[\s/>]/));
    out.push(`<${name}${rowAttrs}>${pieces.join('')}</${name}>`);
    at = rowClose;
  }
  throw new WorkbookFormatError(phrase(WORKBOOK.noSheetDataEnd));
}

function updateDimension(xml: string, minRow: number, minCol: number, maxRow: number, maxCol: number): string {
  if (maxRow === 0) return xml;
  return xml.replace(/<((?:\w+:)?dimension)\s+ref\s*=\s*"([^"]*)"/, (whole, name: string, ref: string) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) return whole;
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const top = Math.min(Number(m[2]), minRow);
    const left = Math.min(col(m[1]), minCol);
    const bottom = Math.max(Number(m[4] ?? m[2]), maxRow);
    const right = Math.max(col(m[3] ?? m[1]), maxCol);
    return `<${name} ref="${refText({ top, left, bottom, right })}"`;
  });
}
