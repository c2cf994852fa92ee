/**
 * A workbook authored with typed formulas (what a user types: `PERF.TIERED(…)`, `A2#`,
 * `STDEV.S(…)`) → the same package in Excel's storage form:
 *   - every formula, in cells, conditional formats, data validations, defined names and table
 *     columns, in stored text (./formula-text);
 *   - every add-in call a dynamic array (`cm` + `t="array"`), as Excel stores even single-cell
 *     add-in calls, with xl/metadata.xml;
 *   - `<calcPr calcId="191029"/>` (Excel 365: keeps cached values on open), no fullCalcOnLoad;
 *   - the add-in binding (web extension + task pane parts) listing every PERF function used.
 * Our templates and test fixtures are written with exceljs and finished here; values and
 * spill sizes are filled in afterwards by calculating (calc/book.ts).
 */
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';
import { AddinIdentity, TASKPANES_CONTENT_TYPE, TASKPANES_PART, WEBEXTENSION_CONTENT_TYPE, WEBEXTENSION_PART, WEBEXTENSION_RELATIONSHIP, WEBEXTENSION_TASKPANES_RELATIONSHIP, customFunctionIdsIn, taskpanesXml, webextensionXml } from './addin-binding';
import { addOverride, ensureDynamicArrayMetadata } from './dynamic-arrays';
import { toStoredFormula } from './formula-text';
import { isRelationship, readRelationships, relationshipsXml, relsPathOf, workbookPartName } from './package';
import { setAttribute } from './patch';
import { columnNumber } from './a1';
import { WorkbookFormatError } from './format-error';
import { shiftFormula } from './references';
import { decodeEntities, escapeText } from './xml';
import { ZipArchive, ZipCodec, rewriteZip } from './zip';

export interface ExcelFormOptions {
  /** The add-in whose namespace(s) the workbook calls; no binding is written without one. */
  addin?: AddinIdentity;
  addinNamespaces?: readonly string[];
}

export const EXCEL_365_CALC_ID = '191029';

function storedText(text: string, namespaces: readonly string[]): string {
  return escapeText(toStoredFormula(decodeEntities(text), { addinNamespaces: namespaces }));
}

/** Formula-holding elements other than a cell's <f>: conditional formats, validations, x14 extensions. */
const OTHER_FORMULAS = /<((?:\w+:)?(?:formula|formula1|formula2|f))>([^<]*)<\/\1>/g;

function convertWorksheet(xml: string, namespaces: readonly string[], dynamicCm: () => number, stored: string[]): string {
  const addinCall = new RegExp(`_xldudf_(?:${namespaces.join('|')})_`, 'i');
  // Shared formulas (exceljs fillFormula): the masters' texts, to give an add-in call its own formula per cell.
  const masters = new Map<string, { row: number; col: number; text: string }>();
  for (const m of xml.matchAll(/<c\b[^>]*?\sr="([A-Z]+)(\d+)"[^>]*>\s*<f\b([^>]*?)>([^<]*)<\/f>/g)) {
    const si = /\st="shared"/.test(m[3]) ? /\ssi="(\d+)"/.exec(m[3])?.[1] : undefined;
    if (si !== undefined) masters.set(si, { row: Number(m[2]), col: columnNumber(m[1]), text: decodeEntities(m[4]) });
  }
  // Cells with a formula: convert the text; an add-in call becomes a dynamic array.
  let out = xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _tail: string, body: string | undefined) => {
    if (!body || body.indexOf('<f') < 0) return whole;
    let cellAttrs = attrs;
    const cellRef = /\sr="([A-Z]+)(\d+)"/.exec(attrs);
    const newBody = body.replace(/<f\b([^>]*?)(\/>|>([^<]*)<\/f>)/, (fWhole, fAttrs: string, _fTail: string, text: string | undefined) => {
      let formulaAttrs = fAttrs;
      let typed = text === undefined ? undefined : decodeEntities(text);
      const kind = /\st="(\w+)"/.exec(fAttrs)?.[1];
      if (kind === 'shared') {
        // A shared add-in call cannot stay shared: Excel stores each as its own dynamic array.
        const master = masters.get(/\ssi="(\d+)"/.exec(fAttrs)?.[1] ?? '');
        if (!master || !cellRef || !addinCall.test(toStoredFormula(master.text, { addinNamespaces: namespaces }))) {
          if (typed === undefined) return fWhole;
        } else {
          typed = shiftFormula(master.text, Number(cellRef[2]) - master.row, columnNumber(cellRef[1]) - master.col);
          formulaAttrs = setAttribute(setAttribute(setAttribute(formulaAttrs, 't', undefined), 'si', undefined), 'ref', undefined);
        }
      }
      if (typed === undefined) return fWhole;
      const converted = toStoredFormula(typed, { addinNamespaces: namespaces });
      stored.push(converted);
      const storedKind = /\st="(\w+)"/.exec(formulaAttrs)?.[1];
      if (storedKind === 'array' || (storedKind === undefined && addinCall.test(converted))) {
        formulaAttrs = setAttribute(formulaAttrs, 't', 'array');
        if (!/\sref="/.test(formulaAttrs) && cellRef) formulaAttrs = setAttribute(formulaAttrs, 'ref', `${cellRef[1]}${cellRef[2]}`);
        cellAttrs = setAttribute(cellAttrs, 'cm', String(dynamicCm()));
      }
      return `<f${formulaAttrs}>${escapeText(converted)}</f>`;
    });
    return `<c${cellAttrs}>${newBody}</c>`;
  });
  // The rest: conditional formatting and validation formulas (cells' <f> are done above, and
  // a <f> left here belongs to an x14 extension such as <xm:f>).
  const dataEnd = out.indexOf('</sheetData>');
  const head = dataEnd < 0 ? '' : out.slice(0, dataEnd);
  const tail = dataEnd < 0 ? out : out.slice(dataEnd);
  out =
    head +
    tail.replace(OTHER_FORMULAS, (_, name: string, text: string) => {
      const converted = toStoredFormula(decodeEntities(text), { addinNamespaces: namespaces });
      stored.push(converted);
      return `<${name}>${escapeText(converted)}</${name}>`;
    });
  return out;
}

function convertWorkbook(xml: string, namespaces: readonly string[], stored: string[]): string {
  let out = xml.replace(/<((?:\w+:)?definedName)\b([^>]*)>([^<]*)<\//g, (_, name: string, attrs: string, text: string) => {
    const converted = storedText(text, namespaces);
    stored.push(decodeEntities(converted));
    return `<${name}${attrs}>${converted}</`;
  });
  const calcPr = /<((?:\w+:)?calcPr)\b([^>]*?)\/>/.exec(out);
  if (calcPr) {
    let attrs = setAttribute(calcPr[2], 'calcId', EXCEL_365_CALC_ID);
    attrs = setAttribute(attrs, 'fullCalcOnLoad', undefined);
    out = out.replace(calcPr[0], `<${calcPr[1]}${attrs}/>`);
  } else {
    const after = /<\/(?:\w+:)?definedNames>/.exec(out) ?? /<\/(?:\w+:)?sheets>/.exec(out);
    if (!after) throw new WorkbookFormatError(phrase(WORKBOOK.noSheets));
    out = out.slice(0, after.index + after[0].length) + `<calcPr calcId="${EXCEL_365_CALC_ID}"/>` + out.slice(after.index + after[0].length);
  }
  return out;
}

function convertTable(xml: string, namespaces: readonly string[], stored: string[]): string {
  return xml.replace(/<((?:\w+:)?(?:calculatedColumnFormula|totalsRowFormula))\b([^>]*)>([^<]*)<\//g, (_, name: string, attrs: string, text: string) => {
    const converted = storedText(text, namespaces);
    stored.push(decodeEntities(converted));
    return `<${name}${attrs}>${converted}</`;
  });
}

/** The package in Excel's storage form (see the module comment). */
export function toExcelForm(bytes: Uint8Array, codec: ZipCodec, options: ExcelFormOptions = {}): Uint8Array {
  const namespaces = options.addinNamespaces ?? ['PERF'];
  const zip = ZipArchive.read(bytes);
  const workbookPart = workbookPartName(zip, codec);
  const replaced = new Map<string, string>();
  const stored: string[] = [];

  let metadata: { cm: number; parts: Map<string, string> } | undefined;
  const dynamicCm = () => (metadata ??= ensureDynamicArrayMetadata(zip, codec, workbookPart)).cm;

  const workbookRels = readRelationships(zip, codec, workbookPart);
  for (const rel of workbookRels.filter((r) => isRelationship(r, 'worksheet'))) {
    replaced.set(rel.target, convertWorksheet(zip.text(rel.target, codec), namespaces, dynamicCm, stored));
    for (const table of readRelationships(zip, codec, rel.target).filter((r) => isRelationship(r, 'table'))) {
      replaced.set(table.target, convertTable(zip.text(table.target, codec), namespaces, stored));
    }
  }
  replaced.set(workbookPart, convertWorkbook(zip.text(workbookPart, codec), namespaces, stored));

  let contentTypes = zip.text('[Content_Types].xml', codec);
  if (metadata) {
    for (const [name, text] of metadata.parts) {
      if (name === '[Content_Types].xml') contentTypes = text;
      else replaced.set(name, text);
    }
  }

  const functionIds = customFunctionIdsIn(stored, namespaces);
  if (options.addin && functionIds.length > 0 && !zip.has(TASKPANES_PART)) {
    replaced.set(WEBEXTENSION_PART, webextensionXml(options.addin, functionIds));
    replaced.set(TASKPANES_PART, taskpanesXml());
    replaced.set(relsPathOf(TASKPANES_PART), relationshipsXml([{ id: 'rId1', type: WEBEXTENSION_RELATIONSHIP, target: 'webextension1.xml' }]));
    const packageRels = readRelationships(zip, codec, '');
    const ids = new Set(packageRels.map((r) => r.id));
    let n = packageRels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    replaced.set(
      '_rels/.rels',
      relationshipsXml([
        ...packageRels.map((r) => ({ id: r.id, type: r.type, target: r.external ? r.target : r.target, external: r.external })),
        { id: `rId${n}`, type: WEBEXTENSION_TASKPANES_RELATIONSHIP, target: TASKPANES_PART },
      ]),
    );
    contentTypes = addOverride(contentTypes, `/${TASKPANES_PART}`, TASKPANES_CONTENT_TYPE);
    contentTypes = addOverride(contentTypes, `/${WEBEXTENSION_PART}`, WEBEXTENSION_CONTENT_TYPE);
  }
  replaced.set('[Content_Types].xml', contentTypes);

  return rewriteZip(zip, replaced, codec);
}
