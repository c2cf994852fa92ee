/**
 * toExcelForm (workbook/excel-form.ts): a package authored with typed formulas (what a user
 * types, what exceljs writes) → the same package as Excel 365 stores it
 * (shared/platform-facts, "Excel's file format"; tests/fixtures/excel-saved/README.md):
 *   - formula text in storage form wherever formulas live: cells (§18.3.1.40 f), conditional
 *     formats (§18.3.1.10 cfRule/formula), data validations (§18.3.1.32 formula1/formula2),
 *     x14 extensions (xm:f), defined names (§18.2.5) and table columns (§18.5.1.1);
 *   - an add-in call is a dynamic array (`cm` + `<f t="array" ref>`), as Excel stores even a
 *     single-cell call, with xl/metadata.xml, its content type and relationship;
 *   - `<calcPr calcId="191029"/>` without fullCalcOnLoad (§18.2.2);
 *   - the add-in binding ([MS-OWEXML]) with one customFunctionIds per function used, only
 *     when the workbook calls the add-in.
 * Everything else is copied byte for byte.
 */
import ExcelJS from 'exceljs';
import { METADATA_CONTENT_TYPE } from '../../workbook/dynamic-arrays';
import { toExcelForm } from '../../workbook/excel-form';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { readContentTypes, readRelationships, contentTypeOf } from '../../workbook/package';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { editPackage, partText, replaceOnce } from '../support/package-edit';
import { StoredBook, num, storedWorkbook, text } from '../support/stored-workbook';

const ADDIN = { id: '{A1B2C3D4-0000-4000-8000-1234567890AB}', version: '1.2.0.0' };
const SHEET = 'xl/worksheets/sheet1.xml';

/** A typed formula cell as exceljs writes it: `<c r><f>TEXT</f></c>` (entities escaped). */
function typed(ref: string, formula: string, attrs = ''): string {
  return `<c r="${ref}"><f${attrs}>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</f></c>`;
}

function authored(cells: string[], extra: Partial<StoredBook> = {}): Uint8Array {
  return storedWorkbook({ calcPr: '<calcPr calcId="171027" fullCalcOnLoad="1"/>', ...extra, sheets: [{ name: 'Plan', cells: [num('A1', 10), num('A2', 20), num('A3', 30), num('F1', 0), num('G1', 0.02), ...cells] }] });
}

function converted(bytes: Uint8Array, addin = true): Uint8Array {
  return toExcelForm(bytes, nodeCodec, addin ? { addin: ADDIN } : {});
}

/** The formulas of the first sheet: [address, stored text, kind]. */
function formulas(bytes: Uint8Array): [string, string, string][] {
  const sheet = readWorkbookModel(ZipArchive.read(bytes), nodeCodec).sheets[0];
  return sheet.formulas.map((f) => [`${String.fromCharCode(64 + f.col)}${f.row}`, f.text, f.kind]);
}

describe('formula text becomes stored text wherever formulas live', () => {
  it('cells: PERF.X( → _xldudf_PERF_X(, A2# → _xlfn.ANCHORARRAY(A2), @ → _xlfn.SINGLE, newer functions → _xlfn./_xlfn._xlws., LET names → _xlpm.', () => {
    const out = converted(
      authored([
        typed('B1', 'PERF.TIERED(A1:A3,F1:G1)'),
        typed('C1', 'SUM(B1#)'),
        typed('C2', '@A1:A3'),
        typed('C3', 'STDEV.S(A1:A3)'),
        typed('C4', 'FILTER(A1:A3,A1:A3>10)'),
        typed('C5', 'LET(x,A1,x*2)'),
        typed('C6', 'IF(A1>5,"PERF.TIERED(",SUM(A1:A3))'),
      ]),
    );
    expect(formulas(out)).toEqual([
      ['B1', '_xldudf_PERF_TIERED(A1:A3,F1:G1)', 'dynamic'],
      ['C1', 'SUM(_xlfn.ANCHORARRAY(B1))', 'plain'],
      ['C2', '_xlfn.SINGLE(A1:A3)', 'plain'],
      ['C3', '_xlfn.STDEV.S(A1:A3)', 'plain'],
      ['C4', '_xlfn._xlws.FILTER(A1:A3,A1:A3>10)', 'plain'],
      ['C5', '_xlfn.LET(_xlpm.x,A1,_xlpm.x*2)', 'plain'],
      ['C6', 'IF(A1>5,"PERF.TIERED(",SUM(A1:A3))', 'plain'],
    ]);
    // The text stays entity-escaped in the part.
    expect(partText(out, SHEET)).toContain('<f>_xlfn._xlws.FILTER(A1:A3,A1:A3&gt;10)</f>');
  });

  it('conditional formats, data validations (formula1 and formula2) and x14 <xm:f> extensions', () => {
    const extra =
      '<conditionalFormatting sqref="A1:A3"><cfRule type="expression" dxfId="0" priority="1"><formula>PERF.TIERED(A1,$F$1:$G$1)&gt;STDEV.S($A$1:$A$3)</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="decimal" operator="between" sqref="A1:A3"><formula1>MINIFS($A$1:$A$3,$A$1:$A$3,"&gt;0")</formula1><formula2>MAXIFS($A$1:$A$3,$A$1:$A$3,"&gt;0")</formula2></dataValidation></dataValidations>' +
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" priority="2" id="{00000000-0000-0000-0000-000000000002}"><xm:f>IFS(A1&gt;0,TRUE)</xm:f></x14:cfRule><xm:sqref>A1:A3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    const bytes = editPackage(authored([]), { [SHEET]: (xml) => replaceOnce(xml, '</sheetData>', `</sheetData>${extra}`) });
    const xml = partText(converted(bytes), SHEET);
    expect(xml).toContain('<formula>_xldudf_PERF_TIERED(A1,$F$1:$G$1)&gt;_xlfn.STDEV.S($A$1:$A$3)</formula>');
    expect(xml).toContain('<formula1>_xlfn.MINIFS($A$1:$A$3,$A$1:$A$3,"&gt;0")</formula1>');
    expect(xml).toContain('<formula2>_xlfn.MAXIFS($A$1:$A$3,$A$1:$A$3,"&gt;0")</formula2>');
    expect(xml).toContain('<xm:f>_xlfn.IFS(A1&gt;0,TRUE)</xm:f>');
    expect(xml).toContain('<xm:sqref>A1:A3</xm:sqref>');
  });

  it('defined names, workbook-wide and sheet-scoped', () => {
    const out = converted(authored([], { names: [{ name: 'Top', text: 'PERF.TIERED(Plan!$A$3,Plan!$F$1:$G$1)' }, { name: 'Spread', text: 'STDEV.S(Plan!$A$1:$A$3)', localSheetId: 0 }] }));
    expect(readWorkbookModel(ZipArchive.read(out), nodeCodec).definedNames.map((n) => [n.name, n.text, n.sheetIndex])).toEqual([
      ['Top', '_xldudf_PERF_TIERED(Plan!$A$3,Plan!$F$1:$G$1)', undefined],
      ['Spread', '_xlfn.STDEV.S(Plan!$A$1:$A$3)', 0],
    ]);
  });

  it('table calculated columns and totals rows', () => {
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Team" displayName="Team" ref="A10:B13" totalsRowCount="1"><tableColumns count="2">' +
      '<tableColumn id="1" name="Sales" totalsRowFunction="custom"><totalsRowFormula>STDEV.S([Sales])</totalsRowFormula></tableColumn>' +
      '<tableColumn id="2" name="Pay"><calculatedColumnFormula>PERF.TIERED(Team[[#This Row],[Sales]],$F$1:$G$1)</calculatedColumnFormula></tableColumn></tableColumns></table>';
    const bytes = storedWorkbook({ calcPr: '', sheets: [{ name: 'Plan', tables: [table], cells: [num('F1', 0), num('G1', 0.02), text('A10', 'Sales'), text('B10', 'Pay'), num('A11', 1), num('A12', 2)] }] });
    const columns = readWorkbookModel(ZipArchive.read(converted(bytes)), nodeCodec).sheets[0].tables[0].columns;
    expect(columns.map((c) => [c.totalsRowFormula, c.calculatedColumnFormula])).toEqual([
      ['_xlfn.STDEV.S([Sales])', undefined],
      [undefined, '_xldudf_PERF_TIERED(Team[[#This Row],[Sales]],$F$1:$G$1)'],
    ]);
  });
});

describe('add-in calls and array formulas become dynamic arrays', () => {
  it('a single-cell add-in call is stored as <c cm="1"><f t="array" ref="B2"> (as Excel stores it)', () => {
    const xml = partText(converted(authored([typed('B2', 'PERF.TIERED(1000,F1:G1)')])), SHEET);
    expect(xml).toContain('<c r="B2" cm="1"><f t="array" ref="B2">_xldudf_PERF_TIERED(1000,F1:G1)</f></c>');
  });

  it('an add-in call nested in an ordinary function is a dynamic array too', () => {
    expect(formulas(converted(authored([typed('B1', 'SUM(PERF.TIERED(A1:A3,F1:G1))')])))).toEqual([['B1', 'SUM(_xldudf_PERF_TIERED(A1:A3,F1:G1))', 'dynamic']]);
  });

  it('an array formula exceljs wrote (t="array") keeps its ref and gets cm', () => {
    const xml = partText(converted(authored([typed('B1', 'A1:A3*2', ' t="array" ref="B1:B3"')])), SHEET);
    expect(xml).toContain('<c r="B1" cm="1"><f t="array" ref="B1:B3">A1:A3*2</f></c>');
  });

  it('ordinary formulas stay ordinary: no t, no cm', () => {
    const xml = partText(converted(authored([typed('B1', 'SUM(A1:A3)')])), SHEET);
    expect(xml).toContain('<c r="B1"><f>SUM(A1:A3)</f></c>');
  });

  it('xl/metadata.xml is added once, with its content type and the workbook\'s sheetMetadata relationship; the cells use its cm', () => {
    const out = ZipArchive.read(converted(authored([typed('B1', 'PERF.TIERED(A1:A3,F1:G1)'), typed('C1', 'PERF.TIERED(1000,F1:G1)')])));
    expect(out.entries.filter((e) => e.name === 'xl/metadata.xml')).toHaveLength(1);
    expect(contentTypeOf(readContentTypes(out, nodeCodec), 'xl/metadata.xml')).toBe(METADATA_CONTENT_TYPE);
    const rels = readRelationships(out, nodeCodec, 'xl/workbook.xml').filter((r) => r.type.endsWith('/sheetMetadata'));
    expect(rels.map((r) => r.target)).toEqual(['xl/metadata.xml']);
    expect(out.text('xl/metadata.xml', nodeCodec)).toMatch(/<metadataType name="XLDAPR"[^>]*\/>.*<xda:dynamicArrayProperties fDynamic="1"/);
  });

  it('a workbook without add-in calls or arrays gets no metadata part', () => {
    const out = ZipArchive.read(converted(authored([typed('B1', 'SUM(A1:A3)')])));
    expect(out.has('xl/metadata.xml')).toBe(false);
    expect(readRelationships(out, nodeCodec, 'xl/workbook.xml').some((r) => r.type.endsWith('/sheetMetadata'))).toBe(false);
  });

  it('an add-in call written as a shared formula (exceljs fillFormula) becomes one dynamic array per cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRows([[10], [20], [30]]);
    sheet.fillFormula('B1:B3', 'PERF.TIERED(A1,$F$1:$G$1)');
    const authoredBytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(partText(authoredBytes, SHEET)).toContain('<f t="shared" ref="B1:B3" si="0">PERF.TIERED(A1,$F$1:$G$1)</f>');
    const out = converted(authoredBytes);
    expect(formulas(out)).toEqual([
      ['B1', '_xldudf_PERF_TIERED(A1,$F$1:$G$1)', 'dynamic'],
      ['B2', '_xldudf_PERF_TIERED(A2,$F$1:$G$1)', 'dynamic'],
      ['B3', '_xldudf_PERF_TIERED(A3,$F$1:$G$1)', 'dynamic'],
    ]);
  });
});

describe('calcPr (ECMA-376 Part 1, §18.2.2)', () => {
  const calcPr = (bytes: Uint8Array) => /<calcPr[^>]*\/>/.exec(partText(bytes, 'xl/workbook.xml'))?.[0];

  it('calcId becomes 191029 and fullCalcOnLoad goes; other attributes stay', () => {
    const bytes = authored([], { calcPr: '<calcPr calcId="171027" iterate="1" fullCalcOnLoad="1"/>' });
    expect(calcPr(converted(bytes))).toBe('<calcPr calcId="191029" iterate="1"/>');
  });

  it('a workbook without calcPr gets one, after <definedNames> (CT_Workbook order) or after <sheets>', () => {
    const withNames = converted(authored([], { calcPr: '', names: [{ name: 'X', text: 'Plan!$A$1' }] }));
    expect(partText(withNames, 'xl/workbook.xml')).toContain('</definedNames><calcPr calcId="191029"/></workbook>');
    const without = converted(authored([], { calcPr: '' }));
    expect(partText(without, 'xl/workbook.xml')).toContain('</sheets><calcPr calcId="191029"/></workbook>');
  });
});

describe('the add-in binding ([MS-OWEXML]; tests/fixtures/excel-saved/README.md)', () => {
  const BOUND = [typed('B1', 'PERF.TIERED(A1:A3,F1:G1)'), typed('C1', 'PERF.TIERED(1000,F1:G1)'), typed('D1', 'SUM(PERF.PAYBACK(A1:A3))')];

  it('one customFunctionIds per function used (each once, sorted), from cells, defined names and table formulas', () => {
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Team" displayName="Team" ref="A10:B12"><tableColumns count="2">' +
      '<tableColumn id="1" name="Sales"/><tableColumn id="2" name="Pay"><calculatedColumnFormula>PERF.CURVE(Team[[#This Row],[Sales]])</calculatedColumnFormula></tableColumn></tableColumns></table>';
    const bytes = storedWorkbook({
      names: [{ name: 'N', text: 'PERF.SCORECARD(Plan!$A$1:$A$3)' }],
      sheets: [{ name: 'Plan', tables: [table], cells: [num('A1', 1), num('F1', 0), num('G1', 0.02), text('A10', 'Sales'), text('B10', 'Pay'), ...BOUND] }],
    });
    const xml = partText(converted(bytes), 'xl/webextensions/webextension1.xml');
    const ids = [...xml.matchAll(/<we:customFunctionIds>([^<]*)<\/we:customFunctionIds>/g)].map((m) => m[1]);
    expect(ids).toEqual(['_xldudf_PERF_CURVE', '_xldudf_PERF_PAYBACK', '_xldudf_PERF_SCORECARD', '_xldudf_PERF_TIERED']);
  });

  it('a function used only in a conditional format or a data validation is listed too, and the result passes the checker', () => {
    const rules =
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>PERF.STATUS(A1)&gt;0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="custom" sqref="A2"><formula1>PERF.CURVE(A2)&gt;0</formula1></dataValidation></dataValidations>';
    const bytes = editPackage(authored([typed('B1', 'PERF.TIERED(A1:A3,F1:G1)')]), { [SHEET]: (xml) => replaceOnce(xml, '</sheetData>', `</sheetData>${rules}`) });
    const out = converted(bytes);
    const ids = [...partText(out, 'xl/webextensions/webextension1.xml').matchAll(/<we:customFunctionIds>([^<]*)<\/we:customFunctionIds>/g)].map((m) => m[1]);
    expect(ids).toEqual(['_xldudf_PERF_CURVE', '_xldudf_PERF_STATUS', '_xldudf_PERF_TIERED']);
    expect(checkExcelForm(out, nodeCodec, { requireCachedValues: false })).toEqual([]);
  });

  it('the parts are tied in: package relationship → taskpanes.xml → webextension1.xml, with their content types', () => {
    const out = ZipArchive.read(converted(authored(BOUND)));
    const taskpanes = readRelationships(out, nodeCodec, '').filter((r) => r.type === 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes');
    expect(taskpanes.map((r) => r.target)).toEqual(['xl/webextensions/taskpanes.xml']);
    expect(readRelationships(out, nodeCodec, '').some((r) => r.type.endsWith('/officeDocument') && r.target === 'xl/workbook.xml')).toBe(true);
    expect(readRelationships(out, nodeCodec, 'xl/webextensions/taskpanes.xml').map((r) => [r.type, r.target])).toEqual([
      ['http://schemas.microsoft.com/office/2011/relationships/webextension', 'xl/webextensions/webextension1.xml'],
    ]);
    const types = readContentTypes(out, nodeCodec);
    expect(contentTypeOf(types, 'xl/webextensions/taskpanes.xml')).toBe('application/vnd.ms-office.webextensiontaskpanes+xml');
    expect(contentTypeOf(types, 'xl/webextensions/webextension1.xml')).toBe('application/vnd.ms-office.webextension+xml');
    expect(out.text('xl/webextensions/webextension1.xml', nodeCodec)).toContain(`<we:reference id="${ADDIN.id}" version="${ADDIN.version}" store="developer" storeType="Registry"/>`);
  });

  it('a workbook that calls no add-in function gets no binding, even with an add-in given', () => {
    const out = ZipArchive.read(converted(authored([typed('B1', 'SUM(A1:A3)'), typed('C1', '"PERF.TIERED(1,2)"')])));
    expect(out.entries.some((e) => e.name.startsWith('xl/webextensions/'))).toBe(false);
    expect(out.text('_rels/.rels', nodeCodec)).not.toContain('webextension');
  });

  it('without an add-in identity no binding is written', () => {
    const out = ZipArchive.read(converted(authored(BOUND), false));
    expect(out.has('xl/webextensions/webextension1.xml')).toBe(false);
  });

  it('a package that already has a binding keeps it (converting twice gives one binding)', () => {
    const once = converted(authored(BOUND));
    const twice = converted(once);
    expect(ZipArchive.read(twice).entries.filter((e) => e.name === 'xl/webextensions/webextension1.xml')).toHaveLength(1);
    expect(partText(twice, '_rels/.rels').match(/webextensiontaskpanes/g)).toHaveLength(1);
    expect(formulas(twice)).toEqual(formulas(once));
  });
});

describe('nothing else changes', () => {
  it('parts that hold no formulas are copied byte for byte; the entry order is kept, new parts come last', () => {
    const input = authored([typed('B1', 'PERF.TIERED(A1:A3,F1:G1)')], { sharedStrings: ['<t>x</t>'] });
    const before = ZipArchive.read(input);
    const after = ZipArchive.read(converted(input));
    expect(after.entries.slice(0, before.entries.length).map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    const sst = (zip: ZipArchive) => Buffer.from(zip.entry('xl/sharedStrings.xml')!.raw);
    expect(sst(after).equals(sst(before))).toBe(true);
    expect(after.entries.slice(before.entries.length).map((e) => e.name)).toEqual([
      'xl/metadata.xml',
      'xl/webextensions/webextension1.xml',
      'xl/webextensions/taskpanes.xml',
      'xl/webextensions/_rels/taskpanes.xml.rels',
    ]);
  });
});

describe('a workbook authored with exceljs, end to end', () => {
  it('formulas, names, a validation and a table are converted; the checker finds only the missing cached values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRows([[10], [20], [30]]);
    sheet.getCell('F1').value = 0;
    sheet.getCell('G1').value = 0.02;
    sheet.getCell('B1').value = { formula: 'PERF.TIERED(A1:A3,F1:G1)' } as ExcelJS.CellValue;
    sheet.getCell('C1').value = { formula: 'STDEV.S(B1#)' } as ExcelJS.CellValue;
    sheet.getCell('D1').dataValidation = { type: 'custom', formulae: ['A1>STDEV.S($A$1:$A$3)'] } as ExcelJS.DataValidation;
    workbook.definedNames.add('Plan!$A$1:$A$3', 'Amounts');
    const bytes = converted(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(formulas(bytes)).toEqual([
      ['B1', '_xldudf_PERF_TIERED(A1:A3,F1:G1)', 'dynamic'],
      ['C1', '_xlfn.STDEV.S(_xlfn.ANCHORARRAY(B1))', 'plain'],
    ]);
    expect(partText(bytes, SHEET)).toContain('_xlfn.STDEV.S($A$1:$A$3)');
    // exceljs writes no cached values: that is all that is left for the calculator to fill in.
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([expect.stringMatching(/^Plan!B1: formula cell without a cached value/), expect.stringMatching(/^Plan!C1: formula cell without a cached value/)]);
    expect(checkExcelForm(bytes, nodeCodec, { requireCachedValues: false })).toEqual([]);
  });
});
