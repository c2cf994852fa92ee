/**
 * A workbook of values only — text, numbers, a few styles — written as Excel 365 writes one:
 * shared strings, a styles part with the number formats used, column widths, wrapped text
 * where asked, `<calcPr calcId="191029"/>`. For outputs that are documents rather than models
 * (`perfplan statements --format xlsx`), written by the thousand: no exceljs round trip, one
 * small package per call. The format checker (format-check.ts) accepts what it writes.
 */
import { toAddress } from './a1';
import { EXCEL_365_CALC_ID } from './excel-form';
import { REL_BASE, relationshipsXml } from './package';
import { encodeXstring, escapeAttribute, escapeText, preserveSpace } from './xml';
import { builtinNumberFormatId } from './styles';
import { ZipCodec, writeZip } from './zip';

/** How a cell looks: plain, bold, a heading, the title, an amount (with the book's money format), a bold amount, wrapped text. */
export type PlainStyle = 'plain' | 'bold' | 'heading' | 'title' | 'money' | 'moneyBold' | 'wrap' | 'number';

export interface PlainCell {
  value: string | number | boolean | null;
  style?: PlainStyle;
  /** A number format code of its own ("0.0%", "yyyy-mm-dd", "[$¥-804]#,##0.00"), over the style's. */
  format?: string;
}

export interface PlainSheet {
  /** At most 31 characters, none of []:*?/\ (Excel's rule for sheet names). */
  name: string;
  rows: (PlainCell | null)[][];
  /** Column widths in characters, from column A. */
  widths?: number[];
}

export interface PlainBookOptions {
  /** The number format of 'money' cells; default "¥"#,##0.00 (CNY). */
  moneyFormat?: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** cellXfs index of each style (BASE_XFS below, in this order). */
const XF: Record<PlainStyle, number> = { plain: 0, bold: 1, heading: 2, title: 3, money: 4, moneyBold: 5, wrap: 6, number: 7 };

/**
 * The book's number formats and the cell styles beyond the fixed ones. A code Excel has built in
 * for every locale keeps its id ("0.00" → 2, as Excel saves it); any other gets one from 164, in
 * the order first used (the money format first), each once. A style with a format of its own
 * is a cellXfs entry from index 8, each style and format pair once.
 */
class CellFormats {
  private readonly xfs = new Map<string, number>();
  private readonly codes = new Map<string, number>();
  readonly extra: string[] = [];
  readonly numFmts: string[] = [];
  readonly base: string[];
  constructor(moneyFormat: string) {
    const money = this.id(moneyFormat);
    this.base = BASE_XFS.map((xf) => xf.replace('numFmtId="money"', `numFmtId="${money}"`));
  }
  private id(code: string): number {
    let id = builtinNumberFormatId(code) ?? this.codes.get(code);
    if (id === undefined) {
      id = 164 + this.codes.size;
      this.codes.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    }
    return id;
  }
  of(style: PlainStyle, format: string): number {
    const key = `${style}\u0000${format}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) {
      const id = this.id(format);
      xf = this.base.length + this.extra.length;
      const base = this.base[XF[style]].replace(' applyNumberFormat="1"', '').replace(/numFmtId="\d+"/, `numFmtId="${id}"`);
      this.extra.push(base.replace(' xfId="0"', ' xfId="0" applyNumberFormat="1"'));
      this.xfs.set(key, xf);
    }
    return xf;
  }
}

const BASE_XFS = [
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
  '<xf numFmtId="money" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<xf numFmtId="money" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>',
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
];

function stylesXml(formats: CellFormats): string {
  const fonts =
    '<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="16"/><name val="Calibri"/><family val="2"/></font></fonts>';
  const xfs = [...formats.base, ...formats.extra];
  const { numFmts } = formats;
  // Excel writes <numFmts> only when the book has a code of its own.
  return (
    `${HEADER}<styleSheet xmlns="${MAIN}">${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : ''}${fonts}` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  count = 0;
  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): string {
    const items = this.items.map((t) => `<si><t${preserveSpace(t)}>${escapeText(encodeXstring(t))}</t></si>`).join('');
    return `${HEADER}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.items.length}">${items}</sst>`;
  }
}

function cellXml(ref: string, cell: PlainCell, strings: SharedStrings, formats: CellFormats): string {
  const xf = cell.format ? formats.of(cell.style ?? 'plain', cell.format) : XF[cell.style ?? 'plain'];
  const style = xf ? ` s="${xf}"` : '';
  const { value } = cell;
  if (value === null || value === '') return style ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : cellXml(ref, { ...cell, value: String(value), format: undefined }, strings, formats);
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="s"><v>${strings.of(value)}</v></c>`;
}

function sheetXml(sheet: PlainSheet, strings: SharedStrings, formats: CellFormats): string {
  const rows: string[] = [];
  let right = 1;
  sheet.rows.forEach((line, i) => {
    const cells = line.map((cell, c) => (cell ? cellXml(toAddress(i + 1, c + 1), cell, strings, formats) : '')).join('');
    right = Math.max(right, line.length);
    if (cells) rows.push(`<row r="${i + 1}">${cells}</row>`);
  });
  const widths = sheet.widths?.length ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const dimension = `A1:${toAddress(Math.max(1, sheet.rows.length), right)}`;
  return `${HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${REL_BASE}"><dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${widths}<sheetData>${rows.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The package bytes of a workbook holding `sheets`. */
export function plainWorkbook(sheets: readonly PlainSheet[], codec: ZipCodec, options: PlainBookOptions = {}): Uint8Array {
  const strings = new SharedStrings();
  const formats = new CellFormats(options.moneyFormat ?? '"¥"#,##0.00');
  const sheetParts = sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(sheet, strings, formats) }));
  const n = sheets.length;
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`,
  ].join('');
  const types = `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
  const rootRels = relationshipsXml([{ id: 'rId1', type: `${REL_BASE}/officeDocument`, target: 'xl/workbook.xml' }]);
  const workbookRels = relationshipsXml([
    ...sheets.map((_, i) => ({ id: `rId${i + 1}`, type: `${REL_BASE}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
    { id: `rId${n + 1}`, type: `${REL_BASE}/styles`, target: 'styles.xml' },
    { id: `rId${n + 2}`, type: `${REL_BASE}/sharedStrings`, target: 'sharedStrings.xml' },
  ]);
  const workbook =
    `${HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL_BASE}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets><calcPr calcId="${EXCEL_365_CALC_ID}"/></workbook>`;
  return writeZip(
    [
      { name: '[Content_Types].xml', data: types },
      { name: '_rels/.rels', data: rootRels },
      { name: 'xl/workbook.xml', data: workbook },
      { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
      ...sheetParts,
      { name: 'xl/styles.xml', data: stylesXml(formats) },
      { name: 'xl/sharedStrings.xml', data: strings.xml() },
    ],
    codec,
  );
}
