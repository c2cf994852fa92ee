/**
 * The reader (workbook/read.ts) against SpreadsheetML as ECMA-376 Part 1 defines it:
 *   - §18.3.1.73 row and §18.3.1.4 c: the `r` attributes are optional; a row or cell without
 *     one follows the previous;
 *   - §18.18.11 ST_CellType: b, d (ISO 8601), e, inlineStr, n, s, str;
 *   - §18.4 shared strings: rich-text runs, phonetic runs outside the text;
 *   - §18.2.20 sheets: workbook order; chart sheets hold no cells; §18.2.5 definedName:
 *     localSheetId indexes the <sheet> list, hidden names;
 *   - §18.3.1.40 f: shared formulas (t="shared", si, the master carries the text), array
 *     formulas (t="array", ref), data tables (t="dataTable");
 *   - dynamic arrays: `cm` pointing at XLDAPR cell metadata (xl/metadata.xml).
 */
import { nodeCodec } from '../../workbook/node-codec';
import { WorkbookFormatError, WorkbookModel, readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { editPackage, replaceOnce } from '../support/package-edit';
import { StoredBook, num, storedWorkbook, text } from '../support/stored-workbook';
import { withWorksheetPart } from '../support/workbook-sheet-part';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function read(bytes: Uint8Array, maxPartBytes?: number): WorkbookModel {
  return readWorkbookModel(ZipArchive.read(bytes), nodeCodec, maxPartBytes === undefined ? {} : { maxPartBytes });
}

/** A one-sheet package whose worksheet part is `sheetData` (raw) inside a worksheet element. */
function withSheetData(sheetData: string, book: Partial<StoredBook> = {}): Uint8Array {
  return withWorksheetPart(`${XML_HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData></worksheet>`, book);
}

function rowsOf(bytes: Uint8Array): unknown[][] {
  return read(bytes).sheets[0].rows;
}

/** The model read from a one-sheet package whose sheetData is `sheetData`. */
function readSheetData(sheetData: string): WorkbookModel {
  return read(withSheetData(sheetData));
}

/** The rows read from a one-sheet package whose sheetData is `sheetData`. */
function rowsOfSheetData(sheetData: string): unknown[][] {
  return rowsOf(withSheetData(sheetData));
}

describe('cells and rows without r attributes follow the previous one (§18.3.1.73, §18.3.1.4)', () => {
  it('rows count from 1, cells from column A, and an explicit r resets the count', () => {
    const rows = rowsOfSheetData(
      '<row><c><v>1</v></c><c><v>2</v></c></row>' +
        '<row><c><v>3</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row>' +
        '<row r="5"><c><v>6</v></c></row>' +
        '<row><c r="B6"><v>7</v></c></row>',
    );
    expect(rows[1]).toEqual([undefined, 1, 2]);
    expect(rows[2]).toEqual([undefined, 3, undefined, undefined, 4, 5]);
    expect(rows[5]).toEqual([undefined, 6]);
    expect(rows[6]).toEqual([undefined, undefined, 7]);
    expect(rows[3]).toBeUndefined();
  });

  it('an empty cell without r still takes its column', () => {
    expect(rowsOfSheetData('<row r="1"><c/><c s="1"/><c><v>9</v></c></row>')[1]).toEqual([undefined, undefined, undefined, 9]);
  });
});

describe('cell types (ST_CellType, §18.18.11)', () => {
  it('n (the default): numbers in any xsd:double form', () => {
    const rows = rowsOfSheetData('<row r="1"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>-1.5E-3</v></c><c r="C1"><v>1e21</v></c><c r="D1"><v></v></c></row>');
    expect(rows[1]).toEqual([undefined, 42, -0.0015, 1e21]);
  });

  it('b: booleans 1 and 0', () => {
    expect(rowsOfSheetData('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c></row>')[1]).toEqual([undefined, true, false]);
  });

  it('e: error values as Excel writes them', () => {
    const rows = rowsOfSheetData('<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="e"><v>#SPILL!</v></c></row>');
    expect(rows[1]).toEqual([undefined, { error: '#N/A' }, { error: '#DIV/0!' }, { error: '#SPILL!' }]);
  });

  it('d: ISO 8601 dates and date-times become serial numbers of the 1900 date system (§18.17.4.1)', () => {
    const rows = rowsOfSheetData(
      '<row r="1"><c r="A1" t="d"><v>2024-03-01T00:00:00</v></c><c r="B1" t="d"><v>2024-03-01T12:00:00Z</v></c><c r="C1" t="d"><v>2024-03-01</v></c><c r="D1" t="d"><v>1900-03-01</v></c><c r="E1" t="d"><v>yesterday</v></c></row>',
    );
    expect(rows[1]).toEqual([undefined, 45352, 45352.5, 45352, 61, { error: '#VALUE!' }]);
  });

  it('d: 1900-01-01 is serial 1 and 1900-02-28 is 59 (the 1900 system counts 1900-02-29 as 60)', () => {
    const rows = rowsOfSheetData('<row r="1"><c r="A1" t="d"><v>1900-01-01</v></c><c r="B1" t="d"><v>1900-02-28</v></c></row>');
    expect(rows[1]).toEqual([undefined, 1, 59]);
  });

  it('inlineStr: the text of <is>, rich runs joined, escapes decoded', () => {
    const rows = rowsOfSheetData(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Li &amp; Wang</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> text</t></r></is></c><c r="C1" t="inlineStr"><is><t>a_x000A_b</t></is></c></row>',
    );
    expect(rows[1]).toEqual([undefined, 'Li & Wang', 'bold text', 'a\nb']);
  });

  it('s: shared strings by index, rich text joined and phonetic runs left out (§18.4.8, §18.4.6)', () => {
    const bytes = storedWorkbook({
      sharedStrings: ['<t>plain</t>', '<r><rPr><i/></rPr><t>rich </t></r><r><t>text</t></r>', '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>', '<t>R&amp;D_x000D_</t>'],
      sheets: [{ name: 'S', cells: ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>', '<c r="C1" t="s"><v>2</v></c>', '<c r="D1" t="s"><v>3</v></c>'] }],
    });
    expect(rowsOf(bytes)[1]).toEqual([undefined, 'plain', 'rich text', '東京', 'R&D\r']);
  });

  it('str: a formula\'s text result, with entities and _xHHHH_ escapes decoded', () => {
    const model = readSheetData('<row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b_x0009_</v></c></row>');
    expect(model.sheets[0].rows[1][1]).toBe('a&b\t');
    expect(model.sheets[0].formulas[0]).toMatchObject({ text: '"a"&"b"', cached: 'a&b\t' });
  });

  it('a value written as a CDATA section is its character data', () => {
    expect(rowsOfSheetData('<row r="1"><c r="A1"><v><![CDATA[12]]></v></c></row>')[1]).toEqual([undefined, 12]);
  });

  it('children other than f, v and is (extLst) are skipped whole', () => {
    const rows = rowsOfSheetData('<row r="1"><c r="A1"><extLst><ext uri="{x}"><v>999</v></ext></extLst><v>5</v></c></row>');
    expect(rows[1]).toEqual([undefined, 5]);
  });

  it('a worksheet whose elements carry a namespace prefix (<x:worksheet>, <x:c>) is read the same', () => {
    const bytes = withWorksheetPart(
      `${XML_HEADER}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1*2</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    const model = read(bytes);
    expect(model.sheets[0].rows[1]).toEqual([undefined, 1, 2]);
    expect(model.sheets[0].formulas).toEqual([{ row: 1, col: 2, text: 'A1*2', kind: 'plain', cached: 2 }]);
  });
});

describe('formulas (§18.3.1.40)', () => {
  it('a shared formula is expanded into each cell of its range, relative parts shifted, absolute ones kept', () => {
    const model = readSheetData(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:C3" si="0">A1*$A$1+Tiers!B$2</f><v>2</v></c><c r="C1"><f t="shared" si="0"/><v>3</v></c></row>' +
        '<row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
        '<row r="3"><c r="C3"><f t="shared" si="0"/><v>5</v></c></row>',
    );
    expect(model.sheets[0].formulas.map((f) => [f.row, f.col, f.text, f.kind, f.cached])).toEqual([
      [1, 2, 'A1*$A$1+Tiers!B$2', 'plain', 2],
      [1, 3, 'B1*$A$1+Tiers!C$2', 'plain', 3],
      [2, 2, 'A2*$A$1+Tiers!B$2', 'plain', 4],
      [3, 3, 'B3*$A$1+Tiers!C$2', 'plain', 5],
    ]);
  });

  it('a shared formula used before its master is an error naming the cell', () => {
    expect(() => readSheetData('<row r="1"><c r="B1"><f t="shared" si="4"/><v>2</v></c></row>')).toThrow(expect.objectContaining({ name: 'WorkbookFormatError', message: 'sheet "S": cell at row 1, column 2 uses shared formula 4 before its master' }));
  });

  it('t="array" without dynamic-array metadata is a legacy array over its ref', () => {
    const model = readSheetData('<row r="1"><c r="A1"><f t="array" ref="A1:B2">{1,2;3,4}</f><v>1</v></c><c r="B1"><v>2</v></c></row>');
    expect(model.sheets[0].formulas).toEqual([{ row: 1, col: 1, text: '{1,2;3,4}', kind: 'array', ref: { top: 1, left: 1, bottom: 2, right: 2 }, cached: 1 }]);
  });

  it('t="array" with cm pointing at XLDAPR metadata is a dynamic array; an array without ref covers its own cell', () => {
    const bytes = storedWorkbook({
      dynamicArrays: true,
      sheets: [{ name: 'S', cells: [num('A1', 1), '<c r="B1" cm="1"><f t="array" ref="$B$1:$B$3">_xlfn.SEQUENCE(3)</f><v>1</v></c>', '<c r="C1" cm="1"><f t="array">A1</f><v>1</v></c>'] }],
    });
    const formulas = read(bytes).sheets[0].formulas;
    expect(formulas[0]).toMatchObject({ kind: 'dynamic', ref: { top: 1, left: 2, bottom: 3, right: 2 } });
    expect(formulas[1]).toMatchObject({ kind: 'dynamic', ref: { top: 1, left: 3, bottom: 1, right: 3 } });
  });

  it('cm pointing at no dynamic-array block (no metadata part, or a cm beyond the blocks) leaves a legacy array', () => {
    const cell = '<c r="B1" cm="2"><f t="array" ref="B1:B3">_xlfn.SEQUENCE(3)</f><v>1</v></c>';
    expect(read(storedWorkbook({ dynamicArrays: true, sheets: [{ name: 'S', cells: [cell] }] })).sheets[0].formulas[0].kind).toBe('array');
    expect(read(storedWorkbook({ sheets: [{ name: 'S', cells: [cell.replace('cm="2"', 'cm="1"')] }] })).sheets[0].formulas[0].kind).toBe('array');
  });

  it('what-if data table cells (t="dataTable") are values, not formulas', () => {
    const model = readSheetData('<row r="2"><c r="B2"><f t="dataTable" ref="B2:B4" dt2D="0" dtr="0" r1="A1"/><v>7</v></c></row>');
    expect(model.sheets[0].formulas).toEqual([]);
    expect(model.sheets[0].rows[2][2]).toBe(7);
  });

  it('a formula cell without a cached value has cached undefined', () => {
    expect(readSheetData('<row r="1"><c r="A1"><f>1+1</f></c></row>').sheets[0].formulas).toEqual([{ row: 1, col: 1, text: '1+1', kind: 'plain', cached: undefined }]);
  });

  it('formula text is entity-decoded and otherwise kept as stored', () => {
    expect(readSheetData('<row r="1"><c r="A1"><f>IF(B1&gt;0,"&lt;ok&gt;",_xldudf_PERF_TIERED(B1,C1:D2))</f><v>0</v></c></row>').sheets[0].formulas[0].text).toBe(
      'IF(B1>0,"<ok>",_xldudf_PERF_TIERED(B1,C1:D2))',
    );
  });
});

/**
 * Data (sheet1.xml), a chart sheet and Summary (sheet2.xml), listed in the workbook as
 * Summary, Chart1, Data: the order of <sheet> elements, not of the parts, is the workbook's.
 */
function threeSheetBook(names: string): Uint8Array {
  const bytes = storedWorkbook({ sheets: [{ name: 'Data', cells: [num('A1', 1)] }, { name: 'Summary', cells: [num('A1', 2)] }] });
  const workbook =
    `${XML_HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    '<sheet name="Summary" sheetId="2" r:id="rId2"/><sheet name="Chart1" sheetId="3" r:id="rId9"/><sheet name="Data" sheetId="1" state="hidden" r:id="rId1"/>' +
    `</sheets>${names}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
  return editPackage(bytes, {
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': (xml) => replaceOnce(xml, '</Relationships>', `<Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
    'xl/chartsheets/sheet1.xml': `${XML_HEADER}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
  });
}

describe('sheets and defined names (§18.2)', () => {
  it('worksheets come in workbook order; chart sheets are skipped; state is read', () => {
    const model = read(threeSheetBook(''));
    expect(model.sheets.map((s) => [s.name, s.part, s.state])).toEqual([
      ['Summary', 'xl/worksheets/sheet2.xml', 'visible'],
      ['Data', 'xl/worksheets/sheet1.xml', 'hidden'],
    ]);
    expect(model.sheets[0].rows[1][1]).toBe(2);
  });

  it('localSheetId indexes every <sheet>, chart sheets included, and is mapped to the worksheet list', () => {
    const names =
      '<definedNames><definedName name="Rate" localSheetId="2">Data!$A$1</definedName><definedName name="Rate" localSheetId="0">Summary!$A$1</definedName>' +
      '<definedName name="Total">SUM(Data!$A$1,Summary!$A$1)</definedName></definedNames>';
    const model = read(threeSheetBook(names));
    expect(model.definedNames).toEqual([
      { name: 'Rate', text: 'Data!$A$1', sheetIndex: 1, hidden: false },
      { name: 'Rate', text: 'Summary!$A$1', sheetIndex: 0, hidden: false },
      { name: 'Total', text: 'SUM(Data!$A$1,Summary!$A$1)', sheetIndex: undefined, hidden: false },
    ]);
  });

  it('hidden names are read as hidden (hidden="1" or "true"); text is entity-decoded', () => {
    const names = '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Summary!$A$1:$A$3</definedName><definedName name="Note" hidden="true">"a&amp;b"</definedName></definedNames>';
    const model = read(threeSheetBook(names));
    expect(model.definedNames.map((n) => [n.name, n.hidden, n.text])).toEqual([
      ['_xlnm._FilterDatabase', true, 'Summary!$A$1:$A$3'],
      ['Note', true, '"a&b"'],
    ]);
  });

  it('calcPr: calcId and fullCalcOnLoad', () => {
    const model = read(threeSheetBook(''));
    expect([model.calcId, model.fullCalcOnLoad]).toEqual([191029, true]);
    const plain = read(storedWorkbook({ sheets: [{ name: 'S', cells: [] }], calcPr: '' }));
    expect([plain.calcId, plain.fullCalcOnLoad]).toEqual([undefined, false]);
  });

  it('tables come with the sheet that has a relationship to them', () => {
    const table = `<table xmlns="${MAIN}" id="1" name="Team" displayName="Team" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="Name"/><tableColumn id="2" name="Sales"/></tableColumns></table>`;
    const model = read(storedWorkbook({ sheets: [{ name: 'Plain', cells: [] }, { name: 'With table', cells: [text('A1', 'Name'), text('B1', 'Sales')], tables: [table] }] }));
    expect(model.sheets[0].tables).toEqual([]);
    expect(model.sheets[1].tables.map((t) => [t.name, t.sheet, t.part])).toEqual([['Team', 'With table', 'xl/tables/table1.xml']]);
  });

  it('a strict OOXML package (relationship types under http://purl.oclc.org/ooxml/) is read the same', () => {
    const strict = (xml: string) => xml.replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
    const bytes = storedWorkbook({ sharedStrings: ['<t>hello</t>'], sheets: [{ name: 'S', cells: ['<c r="A1" t="s"><v>0</v></c>'] }] });
    const model = read(editPackage(bytes, { '_rels/.rels': strict, 'xl/_rels/workbook.xml.rels': strict }));
    expect(model.sheets[0].rows[1][1]).toBe('hello');
  });
});

describe('what the reader refuses, with a reason', () => {
  it('a macro-enabled workbook: the .xlsm main content type, or a VBA project part', () => {
    const bytes = storedWorkbook({ sheets: [{ name: 'S', cells: [] }] });
    const byType = editPackage(bytes, {
      '[Content_Types].xml': (xml) => replaceOnce(xml, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
    });
    const byPart = editPackage(bytes, { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) });
    for (const xlsm of [byType, byPart]) expect(() => read(xlsm)).toThrow(expect.objectContaining({ name: 'WorkbookFormatError', message: 'macro-enabled workbooks (.xlsm) are not supported: save it as .xlsx (Excel Workbook) first' }));
  });

  it('a sheet whose part is missing', () => {
    const bytes = editPackage(storedWorkbook({ sheets: [{ name: 'Gone', cells: [] }] }), { 'xl/worksheets/sheet1.xml': null });
    expect(() => read(bytes)).toThrow('sheet "Gone" points to a missing part xl/worksheets/sheet1.xml');
  });

  it('a workbook with no worksheets (only a chart sheet)', () => {
    const bytes = editPackage(threeSheetBook(''), {
      'xl/workbook.xml': (xml) => xml.replace(/<sheet name="(Summary|Data)"[^>]*\/>/g, ''),
    });
    expect(() => read(bytes)).toThrow('the workbook has no worksheets');
  });

  it('a row number outside the grid (1 … 1,048,576) and a cell reference that is not one', () => {
    expect(() => readSheetData('<row r="1048577"><c><v>1</v></c></row>')).toThrow('sheet "S": row number 1048577 is outside Excel\'s grid');
    expect(() => readSheetData('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toThrow('sheet "S": "XFE1" is not a cell reference');
    expect(() => readSheetData('<row r="1"><c r="A0"><v>1</v></c></row>')).toThrow(/"A0" is not a cell reference/);
  });

  it('a cell that is never closed', () => {
    expect(() => readSheetData('<row r="1"><c r="A1"><v>1</v>')).toThrow(WorkbookFormatError);
  });

  it('a part larger than maxPartBytes (a decompression bomb guard)', () => {
    const bytes = withSheetData('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(100));
    expect(() => read(bytes, 1000)).toThrow(/part xl\/worksheets\/sheet1\.xml is [\d,]+ bytes uncompressed/);
  });

  it('a package with no workbook part', () => {
    const bytes = editPackage(storedWorkbook({ sheets: [{ name: 'S', cells: [] }] }), { 'xl/workbook.xml': null });
    expect(() => read(bytes)).toThrow('the package has no workbook part (is it an .xlsx file?)');
  });
});
