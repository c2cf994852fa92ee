/**
 * The format checker (workbook/format-check.ts) against packages written cell by cell in
 * Excel's storage form: a clean one passes, and each one that breaks a single rule of
 * shared/platform-facts ("Excel's file format") is reported, naming the place.
 *
 * Sources of the rules:
 *   - `_xldudf_NS_NAME(` for Office JS custom functions and the #NAME? of the typed text:
 *     tests/fixtures/excel-saved/README.md (a workbook Excel 365 saved, public bug report);
 *   - dynamic arrays: `cm` → xl/metadata.xml cell metadata (ECMA-376 Part 1, §18.3.1.4 `cm`,
 *     §18.9 metadata) with the XLDAPR future metadata ([MS-XLSX] 2.6.101 dynamicArrayProperties);
 *   - `_xlfn.` / `_xlfn._xlws.` prefixes: [MS-XLSX] 2.2.2 Formulas, "future functions";
 *   - calcId and fullCalcOnLoad: ECMA-376 Part 1, §18.2.2 calcPr;
 *   - the add-in binding: [MS-OWEXML] (webextension, taskpanes) and Microsoft's
 *     "Automatically open a task pane with a document" (Office.AutoShowTaskpaneWithDocument).
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUILT_IN_TEMPLATES, buildTemplate } from '../../library/templates';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { editPackage, replaceOnce } from '../support/package-edit';
import { StoredBook, StoredSheet, formulaCell as f, num, storedWorkbook, text } from '../support/stored-workbook';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'excel-saved');

const WE = 'http://schemas.microsoft.com/office/webextensions/webextension/2010/11';
const WETP = 'http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The web extension parts as Excel 365 writes them (README of the fixtures): the package
 * relationship → taskpanes.xml → webextension1.xml, whose extension
 * {7C84B067-C214-45C3-A712-C9D94CD141B2} lists one customFunctionIds per function used.
 */
function bind(bytes: Uint8Array, functionIds: string[], properties: Record<string, string> = { 'Office.AutoShowTaskpaneWithDocument': 'true' }): Uint8Array {
  const props = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${name}" value="${value}"/>`)
    .join('');
  const ids = functionIds.map((id) => `<we:customFunctionIds>${id}</we:customFunctionIds>`).join('');
  const webextension =
    `${XML_HEADER}<we:webextension xmlns:we="${WE}" id="{00000000-0000-0000-0000-000000000001}">` +
    '<we:reference id="{11111111-2222-3333-4444-555555555555}" version="1.0.0.0" store="developer" storeType="Registry"/>' +
    `<we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/>` +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    `<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="{7C84B067-C214-45C3-A712-C9D94CD141B2}"><we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>` +
    '</we:webextension>';
  const taskpanes =
    `${XML_HEADER}<wetp:taskpanes xmlns:wetp="${WETP}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="0">` +
    '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>';
  const rels = (body: string) => `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  return editPackage(bytes, {
    '_rels/.rels': (xml) =>
      replaceOnce(xml, '</Relationships>', '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>'),
    '[Content_Types].xml': (xml) =>
      replaceOnce(
        xml,
        '</Types>',
        '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
          '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
      ),
    'xl/webextensions/taskpanes.xml': taskpanes,
    'xl/webextensions/_rels/taskpanes.xml.rels': rels('<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>'),
    'xl/webextensions/webextension1.xml': webextension,
  });
}

/** Inserts raw elements after </sheetData> of the first sheet (conditional formats, validations, extLst). */
function afterSheetData(bytes: Uint8Array, elements: string): Uint8Array {
  return editPackage(bytes, { 'xl/worksheets/sheet1.xml': (xml) => replaceOnce(xml, '</sheetData>', `</sheetData>${elements}`) });
}

/** Inputs: amounts in A1:A4, one flat 2% tier in F1:G1. */
const INPUTS = [num('A1', 10000), num('A2', 35000), num('A3', 80000), num('A4', 5000), num('F1', 0), num('G1', 0.02)];

/** A clean sheet: a PERF spill, a single-cell PERF call, ANCHORARRAY, a future function, a table. */
const CLEAN_CELLS = [
  ...INPUTS,
  // 2% of each amount.
  f('B1', '_xldudf_PERF_TIERED(A1:A4,F1:G1)', '200', { kind: 'da', area: 'B1:B4' }),
  num('B2', 700),
  num('B3', 1600),
  num('B4', 100),
  f('C1', 'SUM(_xlfn.ANCHORARRAY(B1))', '2600'),
  f('C2', '_xldudf_PERF_TIERED(1000,F1:G1)', '20', { kind: 'da' }),
  f('C3', '_xlfn.STDEV.S(A1:A4)', '34156.502553198664'),
  f('C4', '_xlfn._xlws.FILTER(A1:A4,A1:A4>20000)', '35000', { kind: 'da', area: 'C4:C5' }),
  num('C5', 80000),
];

function book(cells: string[], extra: Partial<StoredBook> = {}, sheetExtra: Partial<StoredSheet> = {}): Uint8Array {
  return storedWorkbook({ dynamicArrays: true, ...extra, sheets: [{ name: 'Plan', cells, ...sheetExtra }] });
}

const check = (bytes: Uint8Array, options?: Parameters<typeof checkExcelForm>[2]) => checkExcelForm(bytes, nodeCodec, options);

describe('a workbook in Excel 365 storage form passes', () => {
  it('dynamic arrays with metadata, _xldudf_ calls, _xlfn. prefixes, calcId 191029, cached values and a binding listing every function: no problems', () => {
    expect(check(bind(book(CLEAN_CELLS), ['_xldudf_PERF_TIERED']))).toEqual([]);
  });

  it('a workbook that calls no add-in function needs no binding', () => {
    expect(check(book([...INPUTS, f('B1', 'SUM(A1:A4)', '130000')]))).toEqual([]);
  });

  it('text that only looks like a call, inside a string literal, is not a call', () => {
    expect(check(book([...INPUTS, f('B1', '"PERF.TIERED(" & "STDEV.S("', 'PERF.TIERED(STDEV.S(', { t: 'str' })]))).toEqual([]);
  });

  it("Excel's own files (tests/fixtures/excel-saved) fail no rule but calcPr: they were saved by an older Excel (calcId 124519)", () => {
    for (const file of fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.xlsx'))) {
      const problems = check(fs.readFileSync(path.join(FIXTURES, file)));
      expect({ file, problems: problems.filter((p) => !/calcId is 124519|fullCalcOnLoad/.test(p)) }).toEqual({ file, problems: [] });
      expect(problems.some((p) => /calcId is 124519/.test(p))).toBe(true);
    }
  });
});

describe('an add-in call stored as the typed text PERF.X( is reported (Excel opens it as #NAME? and never rebinds it)', () => {
  it('in a cell', () => {
    expect(check(book([...INPUTS, f('B1', 'PERF.TIERED(A1,F1:G1)', '#NAME?', { t: 'e' })]))).toEqual([expect.stringMatching(/^Plan!B1: PERF\.TIERED\( is stored as plain text .*_xldudf_PERF_TIERED\(/)]);
  });

  it('in a defined name', () => {
    const problems = check(book(INPUTS, { names: [{ name: 'TopPayout', text: 'PERF.TIERED(Plan!$A$3,Plan!$F$1:$G$1)' }] }));
    expect(problems).toEqual([expect.stringMatching(/^defined name TopPayout: PERF\.TIERED\( is stored as plain text/)]);
  });

  it('in a conditional format (<cfRule><formula>, ECMA-376 Part 1 §18.3.1.10)', () => {
    const cf = '<conditionalFormatting sqref="A1:A4"><cfRule type="expression" dxfId="0" priority="1"><formula>PERF.TIERED(A1,$F$1:$G$1)&gt;500</formula></cfRule></conditionalFormatting>';
    expect(check(afterSheetData(book(INPUTS), cf))).toEqual([expect.stringMatching(/^Plan \(conditional format or validation\): PERF\.TIERED\( is stored as plain text/)]);
  });

  it('in a data validation (<dataValidation><formula1>, ECMA-376 Part 1 §18.3.1.32)', () => {
    const dv = '<dataValidations count="1"><dataValidation type="custom" allowBlank="1" sqref="A1:A4"><formula1>PERF.TIERED(A1,$F$1:$G$1)&lt;10000</formula1></dataValidation></dataValidations>';
    expect(check(afterSheetData(book(INPUTS), dv))).toEqual([expect.stringMatching(/^Plan \(conditional format or validation\): PERF\.TIERED\( is stored as plain text/)]);
  });

  it('in an x14 conditional format extension (<xm:f>)', () => {
    const ext =
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" priority="2" id="{00000000-0000-0000-0000-000000000002}">' +
      '<xm:f>PERF.TIERED(A1,$F$1:$G$1)&gt;0</xm:f></x14:cfRule><xm:sqref>A1:A4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    expect(check(afterSheetData(book(INPUTS), ext))).toEqual([expect.stringMatching(/PERF\.TIERED\( is stored as plain text/)]);
  });

  it('in a table\'s calculated column formula (xl/tables/tableN.xml)', () => {
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Team" displayName="Team" ref="A10:B12">' +
      '<tableColumns count="2"><tableColumn id="1" name="Sales"/><tableColumn id="2" name="Pay"><calculatedColumnFormula>PERF.TIERED(Team[[#This Row],[Sales]],$F$1:$G$1)</calculatedColumnFormula></tableColumn></tableColumns></table>';
    const cells = [...INPUTS, text('A10', 'Sales'), text('B10', 'Pay'), num('A11', 100), num('A12', 200)];
    expect(check(book(cells, {}, { tables: [table] }))).toEqual([expect.stringMatching(/^table Team\[Pay\]: PERF\.TIERED\( is stored as plain text/)]);
  });
});

describe('dynamic arrays: every add-in call and every array formula carries the dynamic-array mark and its metadata', () => {
  it('an add-in call stored as a plain (non-array) formula', () => {
    const problems = check(bind(book([...INPUTS, f('B1', '_xldudf_PERF_TIERED(1000,F1:G1)', '20')]), ['_xldudf_PERF_TIERED']));
    expect(problems).toEqual([expect.stringMatching(/^Plan!B1: an add-in call must be stored as a dynamic array .*not a plain formula/)]);
  });

  it('a legacy array: t="array" without cm (Excel shows {=…}, fixed size)', () => {
    const problems = check(book([...INPUTS, f('B1', 'SUM(A1:A4*2)', '260000', { kind: 'cse' })]));
    expect(problems).toEqual([expect.stringMatching(/^Plan!B1: a legacy Ctrl\+Shift\+Enter array/)]);
  });

  it('an add-in call in a legacy array is reported both as a legacy array and as a call that must be dynamic', () => {
    const problems = check(bind(book([...INPUTS, f('B1', '_xldudf_PERF_TIERED(A1:A4,F1:G1)', '200', { kind: 'cse', area: 'B1:B4' }), num('B2', 700), num('B3', 1600), num('B4', 100)]), ['_xldudf_PERF_TIERED']));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Plan!B1: an add-in call must be stored as a dynamic array .*not a legacy array/), expect.stringMatching(/^Plan!B1: a legacy Ctrl\+Shift\+Enter array/)]),
    );
    expect(problems).toHaveLength(2);
  });

  it('cm="1" but no xl/metadata.xml part: the cell is a legacy array', () => {
    const bytes = editPackage(book(CLEAN_CELLS), { 'xl/metadata.xml': null });
    const problems = check(bind(bytes, ['_xldudf_PERF_TIERED']));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^Plan!B1: a legacy Ctrl\+Shift\+Enter array \(no dynamic-array cell metadata\)/)]));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^Plan!B1: an add-in call must be stored as a dynamic array/)]));
  });

  it('xl/metadata.xml present but no sheetMetadata relationship from the workbook: the cell is a legacy array', () => {
    const bytes = editPackage(book(CLEAN_CELLS), { 'xl/_rels/workbook.xml.rels': (xml) => replaceOnce(xml, /<Relationship [^>]*sheetMetadata[^>]*\/>/, '') });
    expect(check(bind(bytes, ['_xldudf_PERF_TIERED']))).toEqual(expect.arrayContaining([expect.stringMatching(/^Plan!C4: a legacy Ctrl\+Shift\+Enter array/)]));
  });

  it('xl/metadata.xml without its content type (…spreadsheetml.sheetMetadata+xml)', () => {
    const bytes = editPackage(book(CLEAN_CELLS), { '[Content_Types].xml': (xml) => replaceOnce(xml, /<Override PartName="\/xl\/metadata\.xml"[^>]*\/>/, '') });
    expect(check(bind(bytes, ['_xldudf_PERF_TIERED']))).toEqual([expect.stringMatching(/^xl\/metadata\.xml: content type is not application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheetMetadata\+xml/)]);
  });

  it('metadata whose only block is not dynamic (fDynamic="0") does not make cm="1" a dynamic array', () => {
    const bytes = editPackage(book(CLEAN_CELLS), { 'xl/metadata.xml': (xml) => replaceOnce(xml, 'fDynamic="1"', 'fDynamic="0"') });
    expect(check(bind(bytes, ['_xldudf_PERF_TIERED']))).toEqual(expect.arrayContaining([expect.stringMatching(/^Plan!B1: a legacy Ctrl\+Shift\+Enter array/)]));
  });
});

describe('array ranges: no two overlap, and none covers another formula (Excel asks to repair such a file)', () => {
  it('two spills that overlap without covering each other\'s anchor (C1:C3 and B2:D2 meet at C2)', () => {
    const cells = [...INPUTS, f('C1', '_xlfn.SEQUENCE(3)', '1', { kind: 'da', area: 'C1:C3' }), num('C3', 3), f('B2', '_xlfn.SEQUENCE(1,3)', '1', { kind: 'da', area: 'B2:D2' }), num('D2', 3)];
    expect(check(book(cells))).toEqual([expect.stringMatching(/^Plan: array Plan!C1 \(C1:C3\) overlaps array Plan!B2 \(B2:D2\)/)]);
  });

  it('a spill covering another formula (D1:D3 over a formula at D2)', () => {
    const cells = [...INPUTS, f('D1', '_xlfn.SEQUENCE(3)', '1', { kind: 'da', area: 'D1:D3' }), f('D2', 'A1*2', '20000'), num('D3', 3)];
    expect(check(book(cells))).toEqual([expect.stringMatching(/^Plan: array Plan!D1 \(D1:D3\) covers the formula at D2/)]);
  });

  it('a spill covering another spill\'s anchor is both an overlap and a covered formula', () => {
    const cells = [...INPUTS, f('D1', '_xlfn.SEQUENCE(3)', '1', { kind: 'da', area: 'D1:D3' }), f('D2', '_xlfn.SEQUENCE(2)', '1', { kind: 'da', area: 'D2:D3' })];
    const problems = check(book(cells));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/overlaps array Plan!D2 \(D2:D3\)/), expect.stringMatching(/covers the formula at D2/)]));
  });

  it('adjacent spills that touch but do not overlap are fine', () => {
    const cells = [...INPUTS, f('D1', '_xlfn.SEQUENCE(2)', '1', { kind: 'da', area: 'D1:D2' }), num('D2', 2), f('D3', '_xlfn.SEQUENCE(2)', '1', { kind: 'da', area: 'D3:D4' }), num('D4', 2)];
    expect(check(book(cells))).toEqual([]);
  });
});

describe('calcPr: Excel 365 keeps cached values only with calcId 191029 and no fullCalcOnLoad (ECMA-376 Part 1, §18.2.2)', () => {
  it('calcId 171027 (what exceljs writes)', () => {
    expect(check(book(INPUTS, { calcPr: '<calcPr calcId="171027"/>' }))).toEqual([expect.stringMatching(/^workbook: calcId is 171027, not Excel 365's 191029/)]);
  });

  it('fullCalcOnLoad="1"', () => {
    expect(check(book(INPUTS, { calcPr: '<calcPr calcId="191029" fullCalcOnLoad="1"/>' }))).toEqual([expect.stringMatching(/^workbook: fullCalcOnLoad is set/)]);
  });

  it('no calcPr at all', () => {
    expect(check(book(INPUTS, { calcPr: '' }))).toEqual([expect.stringMatching(/^workbook: calcId is missing/)]);
  });
});

describe('the add-in binding lists every custom function used and opens the task pane', () => {
  const TWO_CALLS = [...CLEAN_CELLS, f('E1', '_xldudf_PERF_SCORECARD(A1:A4,A1:A4,F1:F4)', '1', { kind: 'da', area: 'E1:E4' }), num('E2', 1), num('E3', 1), num('E4', 1)];

  it('no binding at all', () => {
    expect(check(book(CLEAN_CELLS))).toEqual([expect.stringMatching(/^package: no web extension task pane part binds the workbook to the add-in/)]);
  });

  it('…unless the caller does not require one (requireBinding: false)', () => {
    expect(check(book(CLEAN_CELLS), { requireBinding: false })).toEqual([]);
  });

  it('a binding missing a function the cells use', () => {
    expect(check(bind(book(TWO_CALLS), ['_xldudf_PERF_TIERED']))).toEqual([expect.stringMatching(/^xl\/webextensions\/webextension1\.xml: the custom function list lacks _xldudf_PERF_SCORECARD/)]);
  });

  it('a function used only in a defined name must be listed too', () => {
    const bytes = book(CLEAN_CELLS, { names: [{ name: 'Top', text: '_xldudf_PERF_PAYBACK(Plan!$A$1:$A$4)' }] });
    expect(check(bind(bytes, ['_xldudf_PERF_TIERED']))).toEqual([expect.stringMatching(/lacks _xldudf_PERF_PAYBACK/)]);
  });

  it('the list is compared without regard to case (Excel writes the id as the function is named)', () => {
    expect(check(bind(book(TWO_CALLS), ['_xldudf_perf_tiered', '_XLDUDF_PERF_SCORECARD']))).toEqual([]);
  });

  it('a binding without the Office.AutoShowTaskpaneWithDocument property', () => {
    expect(check(bind(book(CLEAN_CELLS), ['_xldudf_PERF_TIERED'], {}))).toEqual([expect.stringMatching(/^xl\/webextensions\/webextension1\.xml: no Office\.AutoShowTaskpaneWithDocument = true property/)]);
  });

  it('a binding whose AutoShow property is "false"', () => {
    expect(check(bind(book(CLEAN_CELLS), ['_xldudf_PERF_TIERED'], { 'Office.AutoShowTaskpaneWithDocument': 'false' }))).toEqual([expect.stringMatching(/no Office\.AutoShowTaskpaneWithDocument = true property/)]);
  });

  it('a task pane part without its web extension relationship', () => {
    const bytes = editPackage(bind(book(CLEAN_CELLS), ['_xldudf_PERF_TIERED']), { 'xl/webextensions/_rels/taskpanes.xml.rels': null });
    expect(check(bytes)).toEqual([expect.stringMatching(/^xl\/webextensions\/taskpanes\.xml: no web extension part/)]);
  });
});

describe('functions newer than Excel 2007 carry their stored prefix ([MS-XLSX] future functions; XlsxWriter "Formulas added in Excel 2010 and later")', () => {
  it('STDEV.S( without _xlfn. in a cell', () => {
    expect(check(book([...INPUTS, f('B1', 'STDEV.S(A1:A4)', '34156.5')]))).toEqual([expect.stringMatching(/^Plan!B1: STDEV\.S needs its stored prefix _xlfn\.STDEV\.S/)]);
  });

  it('FILTER( needs _xlfn._xlws., bare or with _xlfn. alone', () => {
    const cells = [...INPUTS, f('B1', 'FILTER(A1:A4,A1:A4>20000)', '35000', { kind: 'da', area: 'B1:B2' }), num('B2', 80000), f('C1', '_xlfn.FILTER(A1:A4,A1:A4>20000)', '35000', { kind: 'da', area: 'C1:C2' }), num('C2', 80000)];
    expect(check(book(cells))).toEqual([
      expect.stringMatching(/^Plan!B1: FILTER needs its stored prefix _xlfn\._xlws\.FILTER/),
      expect.stringMatching(/^Plan!C1: FILTER needs its stored prefix _xlfn\._xlws\.FILTER/),
    ]);
  });

  it('a newer function in a conditional format, a data validation and a defined name', () => {
    const extra =
      '<conditionalFormatting sqref="A1:A4"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;STDEV.S($A$1:$A$4)</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="custom" sqref="A1:A4"><formula1>IFS(A1&gt;0,TRUE)</formula1></dataValidation></dataValidations>';
    const bytes = afterSheetData(book(INPUTS, { names: [{ name: 'Spread', text: 'STDEV.S(Plan!$A$1:$A$4)' }] }), extra);
    const problems = check(bytes);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Plan \(conditional format or validation\): STDEV\.S needs its stored prefix/),
        expect.stringMatching(/^Plan \(conditional format or validation\): IFS needs its stored prefix _xlfn\.IFS/),
        expect.stringMatching(/^defined name Spread: STDEV\.S needs its stored prefix/),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('functions Excel 2007 already had (SUM, SUMIFS, IFERROR) need no prefix', () => {
    expect(check(book([...INPUTS, f('B1', 'IFERROR(SUMIFS(A1:A4,A1:A4,">0"),0)', '130000')]))).toEqual([]);
  });
});

describe('the typed operators # and @ are stored as functions (A2# is _xlfn.ANCHORARRAY(A2), @x is _xlfn.SINGLE(x))', () => {
  const SPILL = [...INPUTS, f('B1', '_xlfn.SEQUENCE(2)', '1', { kind: 'da', area: 'B1:B2' }), num('B2', 2)];

  it('the stored forms pass', () => {
    expect(check(book([...SPILL, f('C1', 'SUM(_xlfn.ANCHORARRAY(B1))', '3'), f('D1', '_xlfn.SINGLE(B1:B2)', '1')]))).toEqual([]);
  });

  it('SUM(B1#) in a cell is reported', () => {
    expect(check(book([...SPILL, f('C1', 'SUM(B1#)', '3')]))).toEqual([expect.stringMatching(/Plan!C1/)]);
  });

  it('@B1:B2 in a cell is reported', () => {
    expect(check(book([...SPILL, f('D1', '@B1:B2', '1')]))).toEqual([expect.stringMatching(/Plan!D1/)]);
  });
});

describe('every formula cell carries a cached value (Excel shows it without recalculating)', () => {
  it('a formula cell without <v>', () => {
    expect(check(book([...INPUTS, '<c r="B1"><f>SUM(A1:A4)</f></c>']))).toEqual([expect.stringMatching(/^Plan!B1: formula cell without a cached value/)]);
  });

  it('a dynamic-array anchor without <v>', () => {
    const bytes = bind(book([...INPUTS, '<c r="B1" cm="1"><f t="array" ref="B1">_xldudf_PERF_TIERED(1000,F1:G1)</f></c>']), ['_xldudf_PERF_TIERED']);
    expect(check(bytes)).toEqual([expect.stringMatching(/^Plan!B1: formula cell without a cached value/)]);
  });

  it('is not required when the caller says so (requireCachedValues: false)', () => {
    expect(check(book([...INPUTS, '<c r="B1"><f>SUM(A1:A4)</f></c>']), { requireCachedValues: false })).toEqual([]);
  });

  it('an empty string is a cached value (t="str" with <v></v>)', () => {
    expect(check(book([...INPUTS, '<c r="B1" t="str"><f>""</f><v></v></c>']))).toEqual([]);
  });
});

describe('every built-in template is stored the way Excel stores it', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.metadata.id, t] as const))('%s passes the checker', async (_id, template) => {
    expect(check(await buildTemplate(template))).toEqual([]);
  });
});
