/**
 * The charts a workbook's worksheets draw, read as plain descriptions, and the same package
 * without them. Excel on the web refuses `insertWorksheetsFromBase64` for sheets with charts
 * (UnsupportedFeature): the pane inserts the package without drawings, then redraws each
 * described chart with the Excel chart API.
 *
 * A chart lives in three parts: the worksheet's `<drawing r:id>` → a drawing part
 * (xl/drawings/drawingN.xml) holding one anchor per object → a chart part
 * (xl/charts/chartN.xml, DrawingML chart) whose series refer to cells with `c:f` formulas.
 */
import { toAddress } from './a1';
import { isRelationship, readRelationships, relsPathOf, workbookPartName } from './package';
import { Tag, attributes, decodeEntities, elementBody, nextTag } from './xml';
import { ZipArchive, ZipCodec, ZipOutput, writeZip } from './zip';

/** The chart types the pane can redraw (the ones our templates draw). */
export type ChartKind = 'column' | 'bar' | 'line' | 'pie' | 'doughnut' | 'scatter';

/** One corner of a drawing anchor as the file stores it: 0-based cell, offsets in EMU. */
export interface AnchorMarker {
  col: number;
  row: number;
  colOff: number;
  rowOff: number;
}

export interface ChartSeriesDescription {
  /** The series name as shown: literal text, or the cached text of the cell `nameRef` names. */
  name?: string;
  /** The cell the name is taken from (`c:tx/c:strRef/c:f`), e.g. "Summary!$B$1". */
  nameRef?: string;
  /** Category labels, or x values of a scatter series (`c:cat` / `c:xVal` formula). */
  categories?: string;
  /** Values, or y values of a scatter series (`c:val` / `c:yVal` formula). */
  values?: string;
}

export interface ChartDescription {
  /** The worksheet the chart is drawn on. */
  sheet: string;
  /** null for a plot type the pane does not redraw (area, radar, 3-D, …); `plot` names it. */
  type: ChartKind | null;
  /** The first plot element's local name: "barChart", "lineChart", … */
  plot: string;
  /** The title text (rich text paragraphs joined by "\n", or a linked cell's cached text). */
  title?: string;
  /** The first series' categories (every series of our templates shares them). */
  categories?: string;
  series: ChartSeriesDescription[];
  /** `to` is absent for a one-cell anchor (its size is an extent, not a cell). */
  anchor: { from: AnchorMarker; to?: AnchorMarker };
  /** The chart part, e.g. "xl/charts/chart1.xml". */
  part: string;
}

const ANCHORS = new Set(['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']);

// --- reading -------------------------------------------------------------------------------

/** Every chart drawn on the package's worksheets, sheet by sheet in tab order, anchors in drawing order. */
export function readCharts(bytes: Uint8Array, codec: ZipCodec): ChartDescription[] {
  const zip = ZipArchive.read(bytes);
  const charts: ChartDescription[] = [];
  for (const sheet of worksheets(zip, codec)) {
    for (const drawing of sheetDrawings(zip, codec, sheet.part)) {
      if (!zip.has(drawing.target)) continue;
      const drawingXml = zip.text(drawing.target, codec);
      const chartRels = new Map(readRelationships(zip, codec, drawing.target).map((r) => [r.id, r]));
      for (const anchor of rootChildren(drawingXml)) {
        if (!ANCHORS.has(anchor.tag.name)) continue;
        const body = drawingXml.slice(anchor.bodyStart, anchor.bodyEnd);
        const chartTag = firstStartTag(body, 'chart');
        const rel = chartTag && chartRels.get(attributes(chartTag.attributesText).id);
        // A picture, a shape or a chart of the newer chartex kind (rel type …/chartEx): not ours to describe.
        if (!rel || rel.external || !isRelationship(rel, 'chart') || !zip.has(rel.target)) continue;
        const from = marker(body, 'from');
        if (!from) continue; // an absolute anchor is placed in EMU, not on cells
        const to = anchor.tag.name === 'twoCellAnchor' ? marker(body, 'to') : undefined;
        charts.push({ sheet: sheet.name, ...readChartPart(zip.text(rel.target, codec)), anchor: to ? { from, to } : { from }, part: rel.target });
      }
    }
  }
  return charts;
}

/**
 * The cells an anchor covers, as A1 addresses: `from` is the cell holding the top-left
 * corner; `to` the last cell the chart reaches into (an end marker at offset 0 lies on the
 * edge of the cell it names, so the chart ends in the cell before it).
 */
export function anchorCells(anchor: ChartDescription['anchor']): { from: string; to?: string } {
  const { from, to } = anchor;
  const start = toAddress(from.row + 1, from.col + 1);
  if (!to) return { from: start };
  const lastCol = Math.max(from.col, to.colOff > 0 ? to.col : to.col - 1);
  const lastRow = Math.max(from.row, to.rowOff > 0 ? to.row : to.row - 1);
  return { from: start, to: toAddress(lastRow + 1, lastCol + 1) };
}

/** A chart reference split into its sheet and its address ("'Q1 plan'!$A$2:$A$7" → Q1 plan, $A$2:$A$7). */
export function parseChartReference(ref: string): { sheet?: string; address: string } | undefined {
  const match = /^(?:(?:'((?:[^']|'')+)'|([^'!:()]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!match) return undefined; // a union, a defined name, a literal array: not a plain range
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return sheet === undefined ? { address: match[3] } : { sheet, address: match[3] };
}

function readChartPart(xml: string): Pick<ChartDescription, 'type' | 'plot' | 'title' | 'categories' | 'series'> {
  const chart = rootChildren(xml).find((child) => child.tag.name === 'chart');
  if (!chart) return { type: null, plot: '', series: [] };
  const children = childrenIn(xml, chart.bodyStart, chart.bodyEnd);
  const titleElement = children.find((child) => child.tag.name === 'title');
  const plotArea = children.find((child) => child.tag.name === 'plotArea');
  const plots = plotArea ? childrenIn(xml, plotArea.bodyStart, plotArea.bodyEnd).filter((child) => /Chart$/.test(child.tag.name)) : [];
  const series: ChartSeriesDescription[] = [];
  for (const plot of plots) {
    for (const ser of childrenIn(xml, plot.bodyStart, plot.bodyEnd)) {
      if (ser.tag.name === 'ser') series.push(readSeries(xml.slice(ser.bodyStart, ser.bodyEnd)));
    }
  }
  const first = plots[0];
  const title = titleElement ? titleText(xml.slice(titleElement.bodyStart, titleElement.bodyEnd)) : undefined;
  const out: Pick<ChartDescription, 'type' | 'plot' | 'title' | 'categories' | 'series'> = {
    type: first ? chartKind(first.tag.name, xml.slice(first.bodyStart, first.bodyEnd)) : null,
    plot: first ? first.tag.name : '',
    series,
  };
  if (title !== undefined) out.title = title;
  const categories = series.find((s) => s.categories !== undefined)?.categories;
  if (categories !== undefined) out.categories = categories;
  return out;
}

function chartKind(plot: string, body: string): ChartKind | null {
  switch (plot) {
    case 'barChart': {
      const barDir = firstStartTag(body, 'barDir');
      // ECMA-376 Part 1, §21.2.2.17: barDir's val defaults to "col".
      return barDir && attributes(barDir.attributesText).val === 'bar' ? 'bar' : 'column';
    }
    case 'lineChart':
      return 'line';
    case 'pieChart':
      return 'pie';
    case 'doughnutChart':
      return 'doughnut';
    case 'scatterChart':
      return 'scatter';
    default:
      return null;
  }
}

function readSeries(body: string): ChartSeriesDescription {
  const out: ChartSeriesDescription = {};
  for (const child of childrenIn(body, 0, body.length)) {
    const inner = body.slice(child.bodyStart, child.bodyEnd);
    switch (child.tag.name) {
      case 'tx': {
        const ref = formulaIn(inner);
        if (ref !== undefined) out.nameRef = ref;
        const text = ref !== undefined ? cachedText(inner) : textOf(inner, 'v');
        if (text !== undefined) out.name = text;
        break;
      }
      case 'cat':
      case 'xVal': {
        const ref = formulaIn(inner);
        if (ref !== undefined) out.categories = ref;
        break;
      }
      case 'val':
      case 'yVal': {
        const ref = formulaIn(inner);
        if (ref !== undefined) out.values = ref;
        break;
      }
    }
  }
  return out;
}

/** A title's text: its rich-text runs (paragraphs on separate lines), or a linked cell's cached text. */
function titleText(body: string): string | undefined {
  const tx = childrenIn(body, 0, body.length).find((child) => child.tag.name === 'tx');
  if (!tx) return undefined; // an automatic title: Excel makes one up from the data
  const inner = body.slice(tx.bodyStart, tx.bodyEnd);
  if (formulaIn(inner) !== undefined) return cachedText(inner);
  const paragraphs: string[] = [];
  for (let tag = nextTag(inner, 0); tag; tag = nextTag(inner, tag.end)) {
    if (tag.closing || tag.selfClosing || tag.name !== 'p') continue;
    const p = elementBody(inner, tag);
    paragraphs.push(allTexts(inner.slice(p.bodyStart, p.bodyEnd), 't').join(''));
    tag = { ...tag, end: p.end };
  }
  return paragraphs.join('\n');
}

/** The text of the first `c:f` inside `xml`. */
function formulaIn(xml: string): string | undefined {
  return textOf(xml, 'f');
}

/** The first cached point of a strRef (`c:strCache/c:pt/c:v`). */
function cachedText(xml: string): string | undefined {
  return textOf(xml, 'v');
}

function textOf(xml: string, name: string): string | undefined {
  return allTexts(xml, name)[0];
}

/** The text content of every (non-nested) element named `name`, in order. */
function allTexts(xml: string, name: string): string[] {
  const out: string[] = [];
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.closing || tag.name !== name) continue;
    const { bodyStart, bodyEnd, end } = elementBody(xml, tag);
    out.push(decodeEntities(xml.slice(bodyStart, bodyEnd)));
    tag = { ...tag, end };
  }
  return out;
}

function firstStartTag(xml: string, name: string): Tag | undefined {
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (!tag.closing && tag.name === name) return tag;
  }
  return undefined;
}

function marker(anchorBody: string, name: 'from' | 'to'): AnchorMarker | undefined {
  const child = childrenIn(anchorBody, 0, anchorBody.length).find((c) => c.tag.name === name);
  if (!child) return undefined;
  const inner = anchorBody.slice(child.bodyStart, child.bodyEnd);
  const number = (field: string) => Number(textOf(inner, field) ?? 0);
  return { col: number('col'), row: number('row'), colOff: number('colOff'), rowOff: number('rowOff') };
}

interface Child {
  tag: Tag;
  bodyStart: number;
  bodyEnd: number;
  end: number;
}

/** The direct children of the document's root element. */
function rootChildren(xml: string): Child[] {
  const root = nextTag(xml, 0); // the scanner skips the prolog and comments
  if (!root || root.closing || root.selfClosing) return [];
  return childrenIn(xml, root.end, elementBody(xml, root).bodyEnd);
}

/** The elements that start at nesting depth 0 within [from, to) of `xml`. */
function childrenIn(xml: string, from: number, to: number): Child[] {
  const out: Child[] = [];
  let tag = nextTag(xml, from);
  while (tag && tag.start < to) {
    if (tag.closing) {
      tag = nextTag(xml, tag.end);
      continue;
    }
    const { bodyStart, bodyEnd, end } = elementBody(xml, tag);
    out.push({ tag, bodyStart, bodyEnd, end });
    tag = nextTag(xml, end);
  }
  return out;
}

// --- the package ---------------------------------------------------------------------------

interface SheetPart {
  name: string;
  part: string;
}

/** The workbook's worksheets (chart sheets left out), in tab order. */
function worksheets(zip: ZipArchive, codec: ZipCodec): SheetPart[] {
  const workbookPart = workbookPartName(zip, codec);
  const workbookXml = zip.text(workbookPart, codec);
  const rels = new Map(readRelationships(zip, codec, workbookPart).map((r) => [r.id, r]));
  const out: SheetPart[] = [];
  for (let tag = nextTag(workbookXml, 0); tag; tag = nextTag(workbookXml, tag.end)) {
    if (tag.closing || tag.name !== 'sheet') continue;
    const a = attributes(tag.attributesText);
    const rel = rels.get(a.id);
    if (rel && !rel.external && isRelationship(rel, 'worksheet') && zip.has(rel.target)) out.push({ name: a.name, part: rel.target });
  }
  return out;
}

/** The drawing relationships a worksheet's `<drawing r:id>` elements use. */
function sheetDrawings(zip: ZipArchive, codec: ZipCodec, sheetPart: string): { id: string; target: string }[] {
  const xml = zip.text(sheetPart, codec);
  const rels = new Map(readRelationships(zip, codec, sheetPart).map((r) => [r.id, r]));
  const out: { id: string; target: string }[] = [];
  for (const child of rootChildren(xml)) {
    if (child.tag.name !== 'drawing') continue;
    const rel = rels.get(attributes(child.tag.attributesText).id);
    if (rel && !rel.external && isRelationship(rel, 'drawing')) out.push({ id: rel.id, target: rel.target });
  }
  return out;
}

export interface StrippedPackage {
  /** The package without worksheet drawings; the input itself when there were none. */
  bytes: Uint8Array;
  /** The entries left out (drawings, charts, whatever only they referred to, emptied folders), in archive order. */
  removedParts: string[];
}

/**
 * The package with every worksheet's drawing removed: the `<drawing r:id>` element and its
 * relationship, the drawing parts and every part reachable only through them (charts, their
 * styles and colors, pictures), their relationship parts and content-type overrides. Every
 * other entry is copied byte for byte; a worksheet part and its relationships are rewritten
 * with only those elements cut out. Chart sheets keep their drawings.
 */
export function stripDrawings(bytes: Uint8Array, codec: ZipCodec): StrippedPackage {
  const zip = ZipArchive.read(bytes);
  const rewritten = new Map<string, string>(); // by lower-case part name
  const cutEdges = new Set<string>(); // "source\ntarget" relationships that go away
  const roots: string[] = [];

  for (const sheet of worksheets(zip, codec)) {
    const drawingRels = readRelationships(zip, codec, sheet.part).filter((r) => !r.external && isRelationship(r, 'drawing'));
    if (drawingRels.length === 0) continue;
    const sheetXml = zip.text(sheet.part, codec);
    rewritten.set(sheet.part.toLowerCase(), cutElements(sheetXml, (child) => child.tag.name === 'drawing'));
    const ids = new Set(drawingRels.map((r) => r.id));
    const relsPath = relsPathOf(sheet.part);
    const relsXml = cutElements(zip.text(relsPath, codec), (child) => child.tag.name === 'Relationship' && ids.has(attributes(child.tag.attributesText).Id));
    rewritten.set(relsPath.toLowerCase(), relsXml);
    for (const rel of drawingRels) {
      cutEdges.add(`${sheet.part.toLowerCase()}\n${rel.target.toLowerCase()}`);
      roots.push(rel.target);
    }
  }
  if (roots.length === 0) return { bytes, removedParts: [] };

  // What the drawings bring along, less anything the rest of the package still reaches.
  const fromDrawings = reachable(zip, codec, roots, new Set());
  const kept = reachable(zip, codec, [''], cutEdges);
  const removed = new Set([...fromDrawings].filter((part) => !kept.has(part)));
  for (const part of [...removed]) removed.add(relsPathOf(part).toLowerCase());

  // A worksheet whose only relationship was its drawing keeps no empty relationships part.
  for (const [path, xml] of rewritten) {
    if (path.includes('/_rels/') && !/<(?:\w+:)?Relationship\b/.test(xml)) {
      rewritten.delete(path);
      removed.add(path);
    }
  }
  const contentTypes = zip.text('[Content_Types].xml', codec);
  rewritten.set(
    '[content_types].xml',
    cutElements(contentTypes, (child) => child.tag.name === 'Override' && removed.has((attributes(child.tag.attributesText).PartName ?? '').replace(/^\//, '').toLowerCase())),
  );

  // Folder entries (some zip writers add them) of folders left empty go too.
  const remaining = zip.entries.map((e) => e.name.toLowerCase()).filter((name) => !removed.has(name) && !name.endsWith('/'));
  for (const entry of zip.entries) {
    const folder = entry.name.toLowerCase();
    if (folder.endsWith('/') && [...removed].some((name) => name.startsWith(folder)) && !remaining.some((name) => name.startsWith(folder))) removed.add(folder);
  }

  const out: ZipOutput[] = [];
  const removedParts: string[] = [];
  for (const entry of zip.entries) {
    const key = entry.name.toLowerCase();
    if (removed.has(key)) {
      removedParts.push(entry.name);
      continue;
    }
    const text = rewritten.get(key);
    out.push(text === undefined ? { name: entry.name, copy: entry } : { name: entry.name, data: text, time: entry.time, date: entry.date });
  }
  return { bytes: writeZip(out, codec), removedParts };
}

/** Part names (lower case) reachable from `starts` through internal relationships, not crossing `cut` edges. */
function reachable(zip: ZipArchive, codec: ZipCodec, starts: string[], cut: Set<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const part = queue.pop() as string;
    const key = part.toLowerCase();
    if (seen.has(key)) continue;
    if (part !== '') seen.add(key);
    const relsPath = part === '' ? '_rels/.rels' : relsPathOf(part);
    if (!zip.has(relsPath)) continue;
    for (const rel of readRelationships(zip, codec, part)) {
      if (rel.external || cut.has(`${key}\n${rel.target.toLowerCase()}`)) continue;
      queue.push(rel.target);
    }
  }
  return seen;
}

/**
 * `xml` without the direct children of its root that `drop` selects, each with the whitespace
 * before it (an indented part keeps its layout).
 */
function cutElements(xml: string, drop: (child: Child) => boolean): string {
  let out = '';
  let at = 0;
  for (const child of rootChildren(xml)) {
    if (!drop(child)) continue;
    let start = child.tag.start;
    while (start > at && /\s/.test(xml[start - 1])) start--;
    out += xml.slice(at, start);
    at = child.end;
  }
  return out + xml.slice(at);
}
