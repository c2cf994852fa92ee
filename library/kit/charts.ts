/**
 * Native Excel charts for built-in templates. exceljs cannot write charts, so this
 * post-processes the finished workbook zip: per chart a DrawingML chart part
 * (xl/charts/chartN.xml), per sheet a drawing part holding one anchored graphic frame per
 * chart, the relationships sheet → drawing → chart, a <drawing r:id> in the worksheet and
 * the content types. Charts reference the sheet cells (c:f), so Excel and LibreOffice redraw
 * them from the live values; the caches carry the values stored in the file so viewers that
 * never recalculate still show the picture.
 *
 * Call it on the calculated bytes (after every exceljs write: exceljs drops parts it does
 * not know when it rewrites a workbook), before stableZip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as path from 'path';
import { type Area, columnLetters, columnNumber } from '../../workbook/a1';
import type { ChartSpec } from './types';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** CT_Worksheet children that must come after <drawing> (ECMA-376 Part 1, §18.3.1.99). */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/** Written parts get one fixed date (stableZip rewrites them anyway): same input, same bytes. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/** Adds or replaces a part; a replaced part keeps its place in the archive. No folder entries. */
function put(zip: JSZip, name: string, text: string): void {
  zip.file(name, text, { date: FIXED_DATE, createFolders: false });
}

/**
 * Returns `xlsx` with `charts` drawn on their sheets. Throws on a chart naming a missing sheet,
 * a reference that is not `Sheet!$A$1:$A$9`, an empty series list or an inverted anchor.
 */
export async function addCharts(xlsx: Buffer, charts: ChartSpec[]): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetParts = await sheetPartsByName(zip);
  const cells = await cellReader(xlsx);
  let contentTypes = await readText(zip, '[Content_Types].xml');
  let nextChart = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawing = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);

  // One drawing per sheet, holding that sheet's charts in the order given.
  const bySheet = new Map<string, ChartSpec[]>();
  for (const chart of charts) {
    if (!sheetParts.has(chart.sheet)) throw new Error(`chart "${chart.title}": no sheet named "${chart.sheet}"`);
    bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  }

  for (const [sheet, sheetCharts] of bySheet) {
    const sheetPath = sheetParts.get(sheet)!;
    const sheetRelsPath = relsPathOf(sheetPath);
    let sheetXml = await readText(zip, sheetPath);
    let sheetRels = (await readOptionalText(zip, sheetRelsPath)) ?? emptyRels();

    // A sheet that already has a drawing (an exceljs image) gets the charts added to it.
    const existing = topLevelChildren(sheetXml).find((child) => child.name === 'drawing');
    let drawingPath: string;
    let drawingXml: string;
    if (existing) {
      const rId = attributes(existing.tag)['r:id'];
      const rel = relationships(sheetRels).find((r) => r.Id === rId);
      if (!rel) throw new Error(`${sheetPath}: <drawing r:id="${rId}"> has no relationship`);
      drawingPath = resolveTarget(sheetPath, rel.Target);
      drawingXml = await readText(zip, drawingPath);
    } else {
      drawingPath = `xl/drawings/drawing${nextDrawing++}.xml`;
      drawingXml = emptyDrawing();
      const rId = freeRelId(sheetRels);
      sheetRels = addRelationship(sheetRels, rId, REL.drawing, relativeTarget(sheetPath, drawingPath));
      sheetXml = insertDrawingElement(sheetXml, rId);
      contentTypes = addOverride(contentTypes, drawingPath, DRAWING_CONTENT_TYPE);
    }
    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingRels = (await readOptionalText(zip, drawingRelsPath)) ?? emptyRels();
    let shapeId = nextShapeId(drawingXml);

    for (const chart of sheetCharts) {
      const chartPath = `xl/charts/chart${nextChart++}.xml`;
      put(zip, chartPath, chartXml(chart, cells));
      contentTypes = addOverride(contentTypes, chartPath, CHART_CONTENT_TYPE);
      const rId = freeRelId(drawingRels);
      drawingRels = addRelationship(drawingRels, rId, REL.chart, relativeTarget(drawingPath, chartPath));
      drawingXml = appendAnchor(drawingXml, anchorXml(chart, rId, shapeId++));
    }

    put(zip, sheetPath, sheetXml);
    put(zip, sheetRelsPath, sheetRels);
    put(zip, drawingPath, drawingXml);
    put(zip, drawingRelsPath, drawingRels);
  }

  put(zip, '[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

// --- the chart part ------------------------------------------------------------------------

type CellValue = number | string | null;
type CellReader = (ref: Reference) => CellValue[];

/** An area of one sheet, as a chart's c:f names it. */
interface Reference extends Area {
  sheet: string;
}

/** Axis ids only need to be unique inside one chart part. */
const CAT_AXIS = 111111111;
const VAL_AXIS = 222222222;

function chartXml(chart: ChartSpec, cells: CellReader): string {
  if (chart.series.length === 0) throw new Error(`chart "${chart.title}": no series`);
  const categories = parseReference(chart.categories, chart);
  const series = chart.series.map((s, i) => seriesXml(chart, i, categories, cells));
  const pieLike = chart.type === 'pie' || chart.type === 'doughnut';
  let plot: string;
  switch (chart.type) {
    case 'column':
    case 'bar':
      plot =
        `<c:barChart><c:barDir val="${chart.type === 'column' ? 'col' : 'bar'}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${series.join('')}<c:gapWidth val="150"/>` +
        `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
        // Horizontal bars list the categories top-down in sheet order (Excel's default is
        // bottom-up), with the value axis kept at the bottom.
        (chart.type === 'column'
          ? categoryAxis('b', 'minMax') + valueAxis(VAL_AXIS, CAT_AXIS, 'l', 'between', true)
          : categoryAxis('l', 'maxMin') + valueAxis(VAL_AXIS, CAT_AXIS, 'b', 'between', true, 'max'));
      break;
    case 'line':
      plot =
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}` +
        `<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>` +
        categoryAxis('b', 'minMax') +
        valueAxis(VAL_AXIS, CAT_AXIS, 'l', 'between', true);
      break;
    case 'pie':
      plot = `<c:pieChart><c:varyColors val="1"/>${series.join('')}${percentLabels()}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case 'doughnut':
      plot =
        `<c:doughnutChart><c:varyColors val="1"/>${series.join('')}${percentLabels()}` +
        `<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
      break;
    case 'scatter':
      // Both scatter axes are value axes: categories are the x values.
      plot =
        `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series.join('')}` +
        `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:scatterChart>` +
        valueAxis(CAT_AXIS, VAL_AXIS, 'b', 'midCat', false) +
        valueAxis(VAL_AXIS, CAT_AXIS, 'l', 'midCat', true);
      break;
    default:
      throw new Error(`chart "${chart.title}": unknown type ${String((chart as ChartSpec).type)}`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    // Without roundedCorners="0" Excel draws the chart frame with rounded corners.
    `<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${pieLike ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1400" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/** One series, its children in the order CT_BarSer / CT_LineSer / CT_PieSer / CT_ScatterSer require. */
function seriesXml(chart: ChartSpec, i: number, categories: Reference, cells: CellReader): string {
  const spec = chart.series[i];
  const values = parseReference(spec.values, chart);
  const head = `<c:idx val="${i}"/><c:order val="${i}"/>${seriesName(spec.name, cells)}`;
  switch (chart.type) {
    case 'column':
    case 'bar':
      return `<c:ser>${head}<c:invertIfNegative val="0"/>${categoryData(categories, cells)}${numbers('val', values, cells)}</c:ser>`;
    case 'line':
      return (
        `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` +
        `${categoryData(categories, cells)}${numbers('val', values, cells)}<c:smooth val="0"/></c:ser>`
      );
    case 'pie':
    case 'doughnut':
      return `<c:ser>${head}${categoryData(categories, cells)}${numbers('val', values, cells)}</c:ser>`;
    case 'scatter':
      // Markers only: a scatter of (x, y) pairs is not a path.
      return (
        `<c:ser>${head}<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>` +
        `${numbers('xVal', categories, cells)}${numbers('yVal', values, cells)}<c:smooth val="0"/></c:ser>`
      );
  }
}

/** A series name is literal text, or a one-cell reference ("Summary!$B$1") to a header cell. */
function seriesName(name: string, cells: CellReader): string {
  const ref = tryParseReference(name);
  if (ref && ref.top === ref.bottom && ref.left === ref.right) {
    const cache = cells(ref).map((v) => (v === null ? '' : String(v)));
    return `<c:tx><c:strRef><c:f>${escapeXml(formatReference(ref))}</c:f>${stringCache(cache)}</c:strRef></c:tx>`;
  }
  return `<c:tx><c:v>${escapeXml(name)}</c:v></c:tx>`;
}

/** Category labels: numbers stay numbers (numRef), anything else is text (strRef). */
function categoryData(ref: Reference, cells: CellReader): string {
  const values = cells(ref);
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return numbers('cat', ref, cells);
  const cache = values.map((v) => (v === null ? '' : String(v)));
  return `<c:cat><c:strRef><c:f>${escapeXml(formatReference(ref))}</c:f>${stringCache(cache)}</c:strRef></c:cat>`;
}

function numbers(element: 'val' | 'cat' | 'xVal' | 'yVal', ref: Reference, cells: CellReader): string {
  const points = cells(ref)
    .map((v, idx) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${idx}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return (
    `<c:${element}><c:numRef><c:f>${escapeXml(formatReference(ref))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cellCount(ref)}"/>${points}</c:numCache>` +
    `</c:numRef></c:${element}>`
  );
}

function stringCache(values: string[]): string {
  const points = values.map((v, idx) => `<c:pt idx="${idx}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

/** Pie and doughnut slices are labelled with their share. */
function percentLabels(): string {
  return (
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`
  );
}

function categoryAxis(position: 'b' | 'l', orientation: 'minMax' | 'maxMin'): string {
  return (
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${orientation}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${position}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** `crosses`: where this axis crosses the other one ('max': at its last category). */
function valueAxis(
  id: number,
  crossAx: number,
  position: 'b' | 'l',
  crossBetween: 'between' | 'midCat',
  gridlines: boolean,
  crosses: 'autoZero' | 'max' = 'autoZero',
): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${position}"/>${gridlines ? '<c:majorGridlines/>' : ''}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${crossAx}"/><c:crosses val="${crosses}"/>` +
    `<c:crossBetween val="${crossBetween}"/></c:valAx>`
  );
}

// --- references ----------------------------------------------------------------------------

const REFERENCE = /^(?:'((?:[^']|'')+)'|([^'!:]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

function tryParseReference(text: string): Reference | undefined {
  const match = REFERENCE.exec(text.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const a = { col: columnNumber(match[3]), row: Number(match[4]) };
  const b = match[5] ? { col: columnNumber(match[5]), row: Number(match[6]) } : a;
  return {
    sheet,
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function parseReference(text: string, chart: ChartSpec): Reference {
  const ref = tryParseReference(text);
  if (!ref) throw new Error(`chart "${chart.title}": "${text}" is not a reference like Summary!$A$2:$A$7`);
  return ref;
}

/** The absolute form Excel writes in c:f; sheet names quoted when Excel would quote them. */
function formatReference(ref: Reference): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(ref.sheet) && !/^[A-Z]{1,3}\d+$/i.test(ref.sheet);
  const sheet = plain ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  const from = `$${columnLetters(ref.left)}$${ref.top}`;
  const to = `$${columnLetters(ref.right)}$${ref.bottom}`;
  return `${sheet}!${from === to ? from : `${from}:${to}`}`;
}

function cellCount(ref: Reference): number {
  return (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
}

/** Reads the values the workbook stores (cached formula results included), row by row. */
async function cellReader(xlsx: Buffer): Promise<CellReader> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  return (ref) => {
    const sheet = workbook.getWorksheet(ref.sheet);
    if (!sheet) throw new Error(`chart reference to a missing sheet "${ref.sheet}"`);
    const values: CellValue[] = [];
    for (let r = ref.top; r <= ref.bottom; r++) {
      for (let c = ref.left; c <= ref.right; c++) values.push(plainValue(sheet.getCell(r, c)));
    }
    return values;
  };
}

function plainValue(cell: ExcelJS.Cell): CellValue {
  const value: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('');
  }
  return null; // errors and anything else: a gap in the cache
}

// --- the drawing part ----------------------------------------------------------------------

function emptyDrawing(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
}

/** "D2" → 0-based column and row of the cell's top-left corner. */
function anchorCell(address: string, chart: ChartSpec): { col: number; row: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match || Number(match[2]) < 1) throw new Error(`chart "${chart.title}": anchor "${address}" is not a cell address`);
  return { col: columnNumber(match[1]) - 1, row: Number(match[2]) - 1 };
}

/** The chart covers anchor.from through anchor.to inclusive: it ends at the far corner of `to`. */
function anchorXml(chart: ChartSpec, rId: string, id: number): string {
  const from = anchorCell(chart.anchor.from, chart);
  const last = anchorCell(chart.anchor.to, chart);
  if (last.col < from.col || last.row < from.row) {
    throw new Error(`chart "${chart.title}": anchor ${chart.anchor.to} is above or left of ${chart.anchor.from}`);
  }
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const title = escapeXml(chart.title);
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.col, from.row)}${marker('to', last.col + 1, last.row + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${id - 1}" descr="${title}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function appendAnchor(drawingXml: string, anchor: string): string {
  const end = drawingXml.lastIndexOf('</');
  if (end < 0 || !/^<\/(?:[\w.-]+:)?wsDr\s*>/.test(drawingXml.slice(end))) throw new Error('drawing part has no closing wsDr');
  return drawingXml.slice(0, end) + anchor + drawingXml.slice(end);
}

/** Shape ids (cNvPr id) are unique within a drawing; 1 is conventionally left free. */
function nextShapeId(drawingXml: string): number {
  let max = 1;
  for (const match of drawingXml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\sid="(\d+)"/g)) max = Math.max(max, Number(match[1]));
  return max + 1;
}

// --- the worksheet -------------------------------------------------------------------------

interface Child {
  name: string;
  /** The start tag, e.g. `<drawing r:id="rId1"/>`. */
  tag: string;
  start: number;
}

/**
 * The direct children of the root element, found with a small tag scanner: nested elements
 * of the same name (an <extLst> inside <sheetView>, say) must not be mistaken for them.
 */
function topLevelChildren(xml: string): Child[] {
  const tags = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const children: Child[] = [];
  let depth = 0;
  for (const match of xml.matchAll(tags)) {
    if (match[2] === undefined) continue; // comment, processing instruction, CDATA
    const closing = match[1] === '/';
    const selfClosing = match[4] === '/';
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 1) children.push({ name: match[2].replace(/^[\w.-]+:/, ''), tag: match[0], start: match.index! });
    if (!selfClosing) depth++;
  }
  return children;
}

/** Inserts <drawing r:id> where CT_Worksheet's sequence wants it: before the first later element. */
function insertDrawingElement(sheetXml: string, rId: string): string {
  const root = /<([\w.-]+:)?worksheet\b([^>]*)>/.exec(sheetXml);
  if (!root) throw new Error('worksheet part has no <worksheet> root');
  const prefix = root[1] ?? '';
  // exceljs (and Excel) declare xmlns:r on the root; declare it locally otherwise.
  const rDeclared = new RegExp(`xmlns:r\\s*=\\s*["']${escapeRegExp(NS.r)}["']`).test(root[2]);
  const element = `<${prefix}drawing${rDeclared ? '' : ` xmlns:r="${NS.r}"`} r:id="${rId}"/>`;
  const later = topLevelChildren(sheetXml).find((child) => AFTER_DRAWING.has(child.name));
  const at = later ? later.start : sheetXml.lastIndexOf(`</${prefix}worksheet`);
  if (at < 0) throw new Error('worksheet part has no closing </worksheet>');
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

// --- package plumbing ----------------------------------------------------------------------

async function readOptionalText(zip: JSZip, name: string): Promise<string | undefined> {
  const file = zip.file(name);
  return file ? file.async('string') : undefined;
}

async function readText(zip: JSZip, name: string): Promise<string> {
  const text = await readOptionalText(zip, name);
  if (text === undefined) throw new Error(`the workbook has no ${name}`);
  return text;
}

/** Sheet name → worksheet part path, from xl/workbook.xml and its relationships. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbookPath = 'xl/workbook.xml';
  const workbook = await readText(zip, workbookPath);
  const rels = relationships(await readText(zip, relsPathOf(workbookPath)));
  const parts = new Map<string, string>();
  for (const match of workbook.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const attrs = attributes(match[0]);
    const rel = rels.find((r) => r.Id === attrs['r:id']);
    if (attrs.name && rel) parts.set(attrs.name, resolveTarget(workbookPath, rel.Target));
  }
  return parts;
}

function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relationship target is relative to the source part's folder, or absolute from the package root. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), target));
}

function relativeTarget(source: string, part: string): string {
  return path.posix.relative(path.posix.dirname(source), part);
}

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`;
}

function relationships(relsXml: string): Array<Record<string, string>> {
  return [...relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)].map((m) => attributes(m[0]));
}

function freeRelId(relsXml: string): string {
  const used = new Set(relationships(relsXml).map((r) => r.Id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addRelationship(relsXml: string, id: string, type: string, target: string): string {
  relsXml = relsXml.replace(/<Relationships([^>]*?)\s*\/>/, '<Relationships$1></Relationships>'); // empty, self-closed
  const end = relsXml.lastIndexOf('</Relationships>');
  if (end < 0) throw new Error('relationships part has no closing </Relationships>');
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return relsXml.slice(0, end) + rel + relsXml.slice(end);
}

function addOverride(contentTypes: string, part: string, type: string): string {
  const end = contentTypes.lastIndexOf('</Types>');
  if (end < 0) throw new Error('[Content_Types].xml has no closing </Types>');
  return contentTypes.slice(0, end) + `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>` + contentTypes.slice(end);
}

function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((name) => {
    const match = pattern.exec(name);
    if (match) max = Math.max(max, Number(match[1]));
  });
  return max + 1;
}

/** Attributes of one start tag, values entity-decoded, names as written (r:id stays r:id). */
function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return attrs;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
