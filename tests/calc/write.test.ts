/**
 * `perfplan calc -o` never loses anything (issue 8, item 4).
 *
 * The workbook here has everything a user's file may carry and exceljs would drop: an Excel
 * Table, comments (notes: a comments part and its VML drawing), a chart (drawing + chart
 * parts), the add-in binding (web extension parts) and dynamic-array metadata. It is authored
 * as a user types it, saved the way Excel saves it, and then made stale the way a file gets
 * stale outside Excel: input values and the table's size change in the parts themselves
 * while the cached results stay. `-o` must then change the cached values and spill refs —
 * and nothing else:
 *   - every zip entry that is not a worksheet is copied byte for byte (ECMA-376 Part 2, the
 *     package is a set of parts: a part we do not change is not ours to rewrite);
 *   - in worksheets only `<v>`, `<is>`, the cell's `t`, an array formula's `ref`, the
 *     `<dimension>` and row `spans`, and the value-only cells of spills change
 *     (ECMA-376 Part 1, §18.3.1.4 c, §18.3.1.40 f, §18.3.1.96 v);
 *   - formula text is kept exactly as stored.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { repositoryAddinIdentity } from '../../addin/manifest/identity';
import { CalcJson, calcBytes, calcFile, calculatedBytes, toJson } from '../../calc/book';
import { saveLikeExcel } from '../../calc/excel-save';
import { main } from '../../cli/main';
import type { Io } from '../../cli/io';
import { BUILT_IN_TEMPLATES, buildTemplate } from '../../library/templates';
import { addCharts } from '../../library/kit/charts';
import { Area, contains, parseAddress, toAddress } from '../../workbook/a1';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { isRelationship, readRelationships, workbookPartName } from '../../workbook/package';
import { CellValue, WorkbookModel, readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { editPackage, partText, replaceOnce } from '../support/package-edit';
import { num, storedWorkbook, text } from '../support/stored-workbook';
import { tempDir } from '../support/workbook';

// ---------------------------------------------------------------------------------------------
// The workbook

/**
 * Tiers: marginal rates 2% to 20,000, 4% to 50,000, 6% above.
 * Team: the table Sales (Name, Amount) in A1:B5, a note on A1, and
 *   D2 =PERF.TIERED(Sales[Amount],Tiers!A2:B4)   spills over the table's rows
 *   F2 =SUM(D2#)  F3 =ROWS(D2#)  F4 =SUM(Sales[Amount])
 *   G2 =PERF.TIERED(B2:B5,Tiers!A2:B4)           a fixed-size spill
 *   H2 =PERF.TIERED(100000,Tiers!A2:B4)          a single-cell add-in call
 *   and a column chart of D2:D5.
 * Summary: B1 =SUM(Team!D2#), B2 a text result, B3 a boolean, B4 an error, B5 =Team!F3,
 *   D1 =IF(Sales[Amount]>20000,"high","low") (a spill of text).
 */
async function authoredWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = workbook.created;
  const tiers = workbook.addWorksheet('Tiers');
  tiers.addRows([
    ['threshold', 'rate'],
    [0, 0.02],
    [20000, 0.04],
    [50000, 0.06],
  ]);
  const team = workbook.addWorksheet('Team');
  team.addTable({
    name: 'Sales',
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    columns: [{ name: 'Name' }, { name: 'Amount' }],
    rows: [
      ['Li', 10000],
      ['Wang', 35000],
      ['Zhao', 80000],
      ['Chen', 5000],
    ],
  });
  team.getCell('A1').note = 'Sales by person, from the CRM export';
  /** Types each formula into its cell, as a user does (address → formula text). */
  const typeFormulas = (sheet: ExcelJS.Worksheet, formulas: Record<string, string>) => {
    for (const [address, text] of Object.entries(formulas)) sheet.getCell(address).value = { formula: text } as ExcelJS.CellValue;
  };
  team.getCell('D1').value = 'payout';
  typeFormulas(team, {
    D2: 'PERF.TIERED(Sales[Amount],Tiers!A2:B4)',
    F2: 'SUM(D2#)',
    F3: 'ROWS(D2#)',
    F4: 'SUM(Sales[Amount])',
    G2: 'PERF.TIERED(B2:B5,Tiers!A2:B4)',
    H2: 'PERF.TIERED(100000,Tiers!A2:B4)',
  });
  const summary = workbook.addWorksheet('Summary');
  summary.getCell('A1').value = 'total payout';
  typeFormulas(summary, {
    B1: 'SUM(Team!D2#)',
    B2: 'IF(B1>5000,"high","low")',
    B3: 'B1>5000',
    B4: '1/0',
    B5: 'Team!F3',
    D1: 'IF(Sales[Amount]>20000,"high","low")',
  });
  const logo = workbook.addImage({ base64: ONE_PIXEL_PNG, extension: 'png' });
  summary.addImage(logo, { tl: { col: 6, row: 1 }, ext: { width: 32, height: 32 } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const PRINTER_SETTINGS = new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff));

/**
 * Parts Excel keeps that no library here writes, added as Excel adds them: printer settings
 * of the Tiers sheet (a binary part referenced by <pageSetup r:id>) and a custom XML data
 * store item related from the workbook.
 */
function withUserParts(bytes: Uint8Array): Uint8Array {
  const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
  const tiers = sheetPart(model, 'Tiers');
  const rels = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  return editPackage(bytes, {
    [tiers]: (xml) => replaceOnce(xml, '<pageSetup ', '<pageSetup r:id="rId1" '),
    [tiers.replace('worksheets/', 'worksheets/_rels/') + '.rels']: rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/>'),
    'xl/printerSettings/printerSettings1.bin': PRINTER_SETTINGS,
    'xl/_rels/workbook.xml.rels': (xml) => replaceOnce(xml, '</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'),
    'customXml/item1.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<plan xmlns="urn:perfplan:test"><owner>Finance</owner></plan>',
    'customXml/itemProps1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{0F4C1E52-2C0B-4B4B-9E1D-6A1F4E1C2B3A}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
    'customXml/_rels/item1.xml.rels': rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>'),
    '[Content_Types].xml': (xml) =>
      replaceOnce(
        xml,
        '</Types>',
        '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' +
          '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
      ),
  });
}

/** Saved as Excel saves it, with a chart drawn over the payout spill. */
async function excelSavedWorkbook(): Promise<Buffer> {
  const saved = Buffer.from(await saveLikeExcel(await authoredWorkbook(), { addin: repositoryAddinIdentity() }));
  return addCharts(saved, [
    {
      sheet: 'Team',
      type: 'column',
      title: 'Payout by person',
      categories: 'Team!$A$2:$A$5',
      series: [{ name: 'payout', values: 'Team!$D$2:$D$5' }],
      anchor: { from: 'J2', to: 'Q18' },
    },
  ]);
}

/** Part names of the worksheets (by the workbook's relationships, not by file name). */
function worksheetParts(zip: ZipArchive): Set<string> {
  const workbook = workbookPartName(zip, nodeCodec);
  return new Set(
    readRelationships(zip, nodeCodec, workbook)
      .filter((r) => isRelationship(r, 'worksheet'))
      .map((r) => r.target),
  );
}

function sheetPart(model: WorkbookModel, name: string): string {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.part;
}

/**
 * The same file gone stale outside Excel: Li's amount 10,000 → 60,000; a fifth row (Zhou,
 * 25,000) added to the table Sales (its part's ref grows to A1:B6); and G2's stored spill
 * says G2:G7 with two leftover values. Every cached result is now out of date, D2's spill
 * must grow by a row and G2's must shrink by two.
 */
function makeStale(bytes: Uint8Array): Uint8Array {
  const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
  const team = sheetPart(model, 'Team');
  const table = model.sheets.find((s) => s.name === 'Team')!.tables[0].part;
  return editPackage(bytes, {
    [team]: (xml) => {
      let out = replaceOnce(xml, '<c r="B2"><v>10000</v></c>', '<c r="B2"><v>60000</v></c>');
      out = replaceOnce(out, /(<c r="G2"[^>]*><f t="array" ref=")G2:G5(")/, '$1G2:G7$2');
      const row5End = out.indexOf('</row>', out.indexOf('<row r="5"')) + '</row>'.length;
      const added =
        '<row r="6"><c r="A6" t="inlineStr"><is><t>Zhou</t></is></c><c r="B6"><v>25000</v></c><c r="G6"><v>999</v></c></row>' +
        '<row r="7"><c r="G7"><v>999</v></c></row>';
      return out.slice(0, row5End) + added + out.slice(row5End);
    },
    [table]: (xml) => replaceOnce(replaceOnce(xml, 'ref="A1:B5"', 'ref="A1:B6"'), '<autoFilter ref="A1:B5"', '<autoFilter ref="A1:B6"'),
  });
}

// ---------------------------------------------------------------------------------------------
// Worksheet comparison

/** Every array formula's stored area in a model, by sheet part. */
function arrayAreas(model: WorkbookModel): Map<string, Area[]> {
  const out = new Map<string, Area[]>();
  for (const sheet of model.sheets) out.set(sheet.part, sheet.formulas.filter((f) => f.kind !== 'plain' && f.ref).map((f) => f.ref!));
  return out;
}

/**
 * A worksheet with everything `-o` may change taken out: `<v>`, `<is>` and `t` of formula
 * cells, the `ref` of array formulas, `<dimension ref>`, row `spans`, and the cells inside a
 * spill area that hold only a value. Constants outside spills are kept whole. What is left
 * must be identical before and after.
 */
function normalizeWorksheet(xml: string, spills: readonly Area[]): string {
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  const head = xml.slice(0, start).replace(/(<dimension)\s+ref="[^"]*"/, '$1');
  const tail = end < 0 ? '' : xml.slice(end);
  const data = (end < 0 ? xml.slice(start) : xml.slice(start, end))
    .replace(/(<row\b[^>]*?)\s+spans="[^"]*"/g, '$1')
    .replace(/<c\b(?=[\s/>])([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _tail: string, body: string | undefined) => {
      const hasFormula = body !== undefined && /<f[\s/>]/.test(body);
      const ref = /\sr="([A-Z]+\d+)"/.exec(attrs)?.[1];
      if (!hasFormula) {
        const place = ref ? parseAddress(ref) : undefined;
        // A value cell of a spill: it may appear, change or lose its value.
        if (place && spills.some((area) => contains(area, place.row, place.col))) return '';
        // A constant: nothing about it may change.
        return whole;
      }
      const cellAttrs = attrs.replace(/\st="[^"]*"/, '');
      const cellBody = (body ?? '')
        .replace(/<v>[\s\S]*?<\/v>|<v\/>/g, '')
        .replace(/<is>[\s\S]*?<\/is>/g, '')
        .replace(/(<f\b[^>]*?)\sref="[^"]*"/, '$1');
      return cellBody === '' ? `<c${cellAttrs}/>` : `<c${cellAttrs}>${cellBody}</c>`;
    });
  return head + data + tail;
}

/** Each `<f>` element of a part, as stored (attributes minus `ref`, text verbatim). */
function formulaElements(xml: string): string[] {
  return [...xml.matchAll(/<f\b([^>]*?)(\/>|>([^<]*)<\/f>)/g)].map((m) => `${m[1].replace(/\sref="[^"]*"/, '')}|${m[3] ?? ''}`);
}

function io(): Io & { stdout: string; stderr: string } {
  const buffers = { stdout: '', stderr: '' };
  return Object.assign(buffers, {
    out: (text: string) => {
      buffers.stdout += text;
    },
    err: (text: string) => {
      buffers.stderr += text;
    },
  });
}

function cellAt(model: WorkbookModel, sheet: string, address: string): CellValue | undefined {
  const { row, col } = parseAddress(address);
  return model.sheets.find((s) => s.name === sheet)!.rows[row]?.[col];
}

/** The zip comparison of item 4: same entries in the same order; every non-worksheet identical. */
function expectNonWorksheetsByteIdentical(input: Uint8Array, output: Uint8Array): void {
  const before = ZipArchive.read(input);
  const after = ZipArchive.read(output);
  expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
  const worksheets = worksheetParts(before);
  const differing: string[] = [];
  for (const entry of before.entries) {
    if (worksheets.has(entry.name)) continue;
    const copy = after.entry(entry.name)!;
    const same =
      copy.method === entry.method &&
      copy.crc32 === entry.crc32 &&
      copy.size === entry.size &&
      copy.time === entry.time &&
      copy.date === entry.date &&
      Buffer.from(copy.raw).equals(Buffer.from(entry.raw)) &&
      Buffer.from(after.bytes(entry.name, nodeCodec)).equals(Buffer.from(before.bytes(entry.name, nodeCodec)));
    if (!same) differing.push(entry.name);
  }
  expect(differing).toEqual([]);
}

/** Worksheets differ only in cached values and spill refs; formula text is as stored. */
function expectWorksheetsDifferOnlyInValues(input: Uint8Array, output: Uint8Array): void {
  const before = ZipArchive.read(input);
  const after = ZipArchive.read(output);
  const beforeAreas = arrayAreas(readWorkbookModel(before, nodeCodec));
  const afterAreas = arrayAreas(readWorkbookModel(after, nodeCodec));
  for (const part of worksheetParts(before)) {
    const spills = [...(beforeAreas.get(part) ?? []), ...(afterAreas.get(part) ?? [])];
    const a = before.text(part, nodeCodec);
    const b = after.text(part, nodeCodec);
    expect({ part, xml: normalizeWorksheet(b, spills) }).toEqual({ part, xml: normalizeWorksheet(a, spills) });
    expect({ part, formulas: formulaElements(b) }).toEqual({ part, formulas: formulaElements(a) });
  }
}

// ---------------------------------------------------------------------------------------------

describe('perfplan calc -o on a workbook with a chart, a table, comments, an add-in binding and dynamic arrays', () => {
  let dir: string;
  let input: string;
  let output: string;
  let inputBytes: Uint8Array;
  let outputBytes: Buffer;
  let exitCode: number;
  let streams: ReturnType<typeof io>;

  beforeAll(async () => {
    dir = tempDir('perfplan-write-');
    input = path.join(dir, 'stale.xlsx');
    output = path.join(dir, 'out.xlsx');
    inputBytes = makeStale(withUserParts(await excelSavedWorkbook()));
    fs.writeFileSync(input, inputBytes);
    streams = io();
    exitCode = await main(['calc', input, '-o', output], streams);
    outputBytes = fs.readFileSync(output);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the input carries every kind of part the rule is about (chart, drawings, image, table, comments, VML, web extension, metadata, custom XML, printer settings, styles, theme)', () => {
    const names = ZipArchive.read(inputBytes).entries.map((e) => e.name);
    for (const part of [
      /^xl\/charts\/chart\d+\.xml$/,
      /^xl\/drawings\/drawing\d+\.xml$/,
      /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
      /^xl\/media\/image\d+\.png$/,
      /^xl\/tables\/table\d+\.xml$/,
      /^xl\/comments\d+\.xml$/,
      /^xl\/drawings\/vmlDrawing\d+\.vml$/,
      /^xl\/webextensions\/webextension1\.xml$/,
      /^xl\/webextensions\/taskpanes\.xml$/,
      /^xl\/metadata\.xml$/,
      /^customXml\/item1\.xml$/,
      /^xl\/printerSettings\/printerSettings1\.bin$/,
      /^xl\/styles\.xml$/,
      /^xl\/theme\/theme1\.xml$/,
    ]) {
      expect({ part: String(part), found: names.some((name) => part.test(name)) }).toEqual({ part: String(part), found: true });
    }
  });

  it('exits 0, writes only the file, and prints nothing (-o without --json)', () => {
    expect(exitCode).toBe(0);
    expect(streams.stdout).toBe('');
    expect(streams.stderr).toBe('');
  });

  it('every zip entry that is not a worksheet is byte-identical: compressed bytes, CRC-32, sizes, dates and content', () => {
    expectNonWorksheetsByteIdentical(inputBytes, outputBytes);
  });

  it('worksheets differ only in cached values (<v>, <is>, t), spill refs, <dimension>, spans and the value cells of spills', () => {
    expectWorksheetsDifferOnlyInValues(inputBytes, outputBytes);
  });

  it('the comparison is not vacuous: the worksheet with stale values did change', () => {
    const team = sheetPart(readWorkbookModel(ZipArchive.read(inputBytes), nodeCodec), 'Team');
    expect(partText(outputBytes, team)).not.toBe(partText(inputBytes, team));
  });

  it('formula text is exactly as stored (_xldudf_, _xlfn.ANCHORARRAY, structured references)', () => {
    const model = readWorkbookModel(ZipArchive.read(outputBytes), nodeCodec);
    const team = model.sheets.find((s) => s.name === 'Team')!;
    const text = (address: string) => team.formulas.find((f) => f.row === parseAddress(address).row && f.col === parseAddress(address).col)?.text;
    expect(text('D2')).toBe('_xldudf_PERF_TIERED(Sales[Amount],Tiers!A2:B4)');
    expect(text('F2')).toBe('SUM(_xlfn.ANCHORARRAY(D2))');
    expect(text('F4')).toBe('SUM(Sales[Amount])');
    const before = readWorkbookModel(ZipArchive.read(inputBytes), nodeCodec);
    expect(model.sheets.map((s) => s.formulas.map((f) => [f.row, f.col, f.text, f.kind]))).toEqual(before.sheets.map((s) => s.formulas.map((f) => [f.row, f.col, f.text, f.kind])));
  });

  it('the cached values are the hand-computed ones (marginal tiers: 60,000 → 400 + 1,200 + 600 = 2,200; 25,000 → 400 + 200 = 600)', () => {
    const model = readWorkbookModel(ZipArchive.read(outputBytes), nodeCodec);
    const payouts = ['D2', 'D3', 'D4', 'D5', 'D6'].map((a) => cellAt(model, 'Team', a));
    expect(payouts).toEqual([2200, 1000, 3400, 100, 600]);
    expect(['F2', 'F3', 'F4'].map((a) => cellAt(model, 'Team', a))).toEqual([7300, 5, 205000]);
    expect(['G2', 'G3', 'G4', 'G5'].map((a) => cellAt(model, 'Team', a))).toEqual([2200, 1000, 3400, 100]);
    expect(cellAt(model, 'Team', 'H2')).toBe(4600);
    expect(['B1', 'B2', 'B3', 'B4', 'B5'].map((a) => cellAt(model, 'Summary', a))).toEqual([7300, 'high', true, { error: '#DIV/0!' }, 5]);
    expect(['D1', 'D2', 'D3', 'D4', 'D5'].map((a) => cellAt(model, 'Summary', a))).toEqual(['high', 'high', 'high', 'low', 'high']);
  });

  it('spill refs follow the computed result: D2 grows to D2:D6 with the table, G2 shrinks to G2:G5 and its leftover cells lose their values', () => {
    const model = readWorkbookModel(ZipArchive.read(outputBytes), nodeCodec);
    const team = model.sheets.find((s) => s.name === 'Team')!;
    const ref = (address: string) => {
      const { row, col } = parseAddress(address);
      return team.formulas.find((f) => f.row === row && f.col === col)?.ref;
    };
    expect(ref('D2')).toEqual({ top: 2, left: 4, bottom: 6, right: 4 });
    expect(ref('G2')).toEqual({ top: 2, left: 7, bottom: 5, right: 7 });
    expect(ref('H2')).toEqual({ top: 2, left: 8, bottom: 2, right: 8 });
    expect(cellAt(model, 'Team', 'G6')).toBeUndefined();
    expect(cellAt(model, 'Team', 'G7')).toBeUndefined();
    const summary = model.sheets.find((s) => s.name === 'Summary')!;
    expect(summary.formulas.find((f) => f.row === 1 && f.col === 4)?.ref).toEqual({ top: 1, left: 4, bottom: 5, right: 4 });
    // A spilled text value in a cell without a formula is an inline string (no formula owns a t="str").
    expect(partText(outputBytes, summary.part)).toContain('<c r="D5" t="inlineStr"><is><t>high</t></is></c>');
  });

  it('the output recalculates to the same JSON as the input', async () => {
    const fromInput: CalcJson = toJson(await calcFile(input));
    const fromOutput: CalcJson = toJson(await calcFile(output));
    expect(fromOutput).toEqual(fromInput);
    expect(fromOutput['Team!D6']).toBe(600);
  });

  it('every cached value equals what the calculator computes for that cell (the file is its own answer key)', async () => {
    const json = toJson(await calcFile(output));
    const model = readWorkbookModel(ZipArchive.read(outputBytes), nodeCodec);
    const mismatches: string[] = [];
    for (const sheet of model.sheets) {
      for (const f of sheet.formulas) {
        const area = f.ref ?? { top: f.row, left: f.col, bottom: f.row, right: f.col };
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            const key = `${sheet.name}!${toAddress(r, c)}`;
            const stored = r === f.row && c === f.col ? f.cached : sheet.rows[r]?.[c];
            const computed = json[key];
            const same = typeof computed === 'object' ? typeof stored === 'object' && stored.error === computed.error : computed === stored;
            if (!same) mismatches.push(`${key}: cached ${JSON.stringify(stored)}, computed ${JSON.stringify(computed)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('checkExcelForm reports nothing for the input (it was in Excel form) nor for the -o output', () => {
    expect(checkExcelForm(inputBytes, nodeCodec)).toEqual([]);
    expect(checkExcelForm(outputBytes, nodeCodec)).toEqual([]);
  });

  it('running -o twice on the same input gives identical bytes', async () => {
    const again = path.join(dir, 'again.xlsx');
    expect(await main(['calc', input, '-o', again], io())).toBe(0);
    expect(fs.readFileSync(again).equals(outputBytes)).toBe(true);
  });

  it('-o on its own output changes no byte (the values are already current)', async () => {
    const twice = path.join(dir, 'twice.xlsx');
    expect(await main(['calc', output, '-o', twice], io())).toBe(0);
    expect(fs.readFileSync(twice).equals(outputBytes)).toBe(true);
  });
});

describe('perfplan calc refuses macro-enabled workbooks (.xlsm): exit 2, a clear message, nothing written', () => {
  let dir: string;
  let clean: Uint8Array;

  beforeAll(async () => {
    dir = tempDir('perfplan-xlsm-');
    clean = await excelSavedWorkbook();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function expectRefused(bytes: Uint8Array, name: string): Promise<void> {
    const file = path.join(dir, `${name}.xlsx`);
    const out = path.join(dir, `${name}-out.xlsx`);
    fs.writeFileSync(file, bytes);
    const streams = io();
    expect(await main(['calc', file, '-o', out], streams)).toBe(2);
    expect(streams.stderr).toMatch(/macro-enabled/);
    expect(streams.stderr).toMatch(/\.xlsm/);
    expect(streams.stdout).toBe('');
    expect(fs.existsSync(out)).toBe(false);
  }

  it('the main part has the macro-enabled content type (application/vnd.ms-excel.sheet.macroEnabled.main+xml)', async () => {
    const xlsm = editPackage(clean, {
      '[Content_Types].xml': (xml) =>
        replaceOnce(xml, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
    });
    await expectRefused(xlsm, 'content-type');
  });

  it('the package holds xl/vbaProject.bin (a VBA project part), whatever the main content type says', async () => {
    const xlsm = editPackage(clean, { 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
    await expectRefused(xlsm, 'vba-part');
  });

  it('--json prints nothing for a refused workbook either', async () => {
    const file = path.join(dir, 'json.xlsx');
    fs.writeFileSync(file, editPackage(clean, { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) }));
    const streams = io();
    expect(await main(['calc', file, '--json'], streams)).toBe(2);
    expect(streams.stdout).toBe('');
    expect(streams.stderr).toMatch(/macro-enabled workbooks \(\.xlsm\) are not supported/);
  });
});

describe('-o on every built-in template: nothing but values changes, and the result is still in Excel form', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.metadata.id, t] as const))('%s', async (_id, template) => {
    const built = await buildTemplate(template);
    const written = Buffer.from(calculatedBytes(await calcBytes(built)));
    expectNonWorksheetsByteIdentical(built, written);
    expectWorksheetsDifferOnlyInValues(built, written);
    expect(checkExcelForm(written, nodeCodec)).toEqual([]);
  });
});

/** A dynamic array as Excel stores it: `<c cm="1"><f t="array" ref>` with its cached anchor value. */
function dynamic(ref: string, area: string, formula: string, cached: string): string {
  const escaped = formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<c r="${ref}" cm="1"><f t="array" ref="${area}">${escaped}</f><v>${cached}</v></c>`;
}

/** What -o writes for `bytes`: the model of the written file. */
async function written(bytes: Uint8Array): Promise<WorkbookModel> {
  return readWorkbookModel(ZipArchive.read(calculatedBytes(await calcBytes(bytes))), nodeCodec);
}

function formulaAt(model: WorkbookModel, address: string) {
  const { row, col } = parseAddress(address);
  return model.sheets[0].formulas.find((f) => f.row === row && f.col === col);
}

/** Values of a column of cells on the first sheet, top to bottom. */
function column(model: WorkbookModel, addresses: string[]): (CellValue | undefined)[] {
  return addresses.map((a) => {
    const { row, col } = parseAddress(a);
    return model.sheets[0].rows[row]?.[col];
  });
}

describe('-o writes the spill Excel computes: sized by the result, never padded (Microsoft: "Dynamic array formulas and spilled array behavior")', () => {
  const DATA = [num('A1', 10), num('A2', 30), num('A3', 10), num('A4', 40), num('B1', 3)];

  it('a spill that is already right stays as Excel saved it (PERF.TIERED over four amounts keeps D1:D4)', async () => {
    // 10 → 0.2, 30 → 0.6, 10 → 0.2, 40 → 0.8 at a flat 2% tier.
    const book = storedWorkbook({
      dynamicArrays: true,
      sheets: [{ name: 'S', cells: [...DATA, num('F1', 0), num('G1', 0.02), dynamic('D1', 'D1:D4', '_xldudf_PERF_TIERED(A1:A4,F1:G1)', '0.2'), num('D2', 0.6), num('D3', 0.2), num('D4', 0.8)] }],
    });
    const model = await written(book);
    expect(formulaAt(model, 'D1')?.ref).toEqual({ top: 1, left: 4, bottom: 4, right: 4 });
    expect(column(model, ['D1', 'D2', 'D3', 'D4'])).toEqual([0.2, 0.6, 0.2, 0.8]);
  });

  it('FILTER(A1:A4,A1:A4>=20) over 10, 30, 10, 40 spills 30, 40 into D1:D2, and -o keeps that ref', async () => {
    const book = storedWorkbook({ dynamicArrays: true, sheets: [{ name: 'S', cells: [...DATA, dynamic('D1', 'D1:D2', '_xlfn._xlws.FILTER(A1:A4,A1:A4>=20)', '30'), num('D2', 40)] }] });
    const model = await written(book);
    expect(formulaAt(model, 'D1')?.ref).toEqual({ top: 1, left: 4, bottom: 2, right: 4 });
    expect(column(model, ['D1', 'D2', 'D3', 'D4'])).toEqual([30, 40, undefined, undefined]);
  });

  it('UNIQUE(A1:A4) over 10, 30, 10, 40 spills 10, 30, 40 into C1:C3', async () => {
    const book = storedWorkbook({ dynamicArrays: true, sheets: [{ name: 'S', cells: [...DATA, dynamic('C1', 'C1:C3', '_xlfn.UNIQUE(A1:A4)', '10'), num('C2', 30), num('C3', 40)] }] });
    const model = await written(book);
    expect(formulaAt(model, 'C1')?.ref).toEqual({ top: 1, left: 3, bottom: 3, right: 3 });
    expect(column(model, ['C1', 'C2', 'C3', 'C4'])).toEqual([10, 30, 40, undefined]);
  });

  it('a dynamic array holding a bare range (=A1:A4) spills the range: E1:E4 = 10, 30, 10, 40', async () => {
    const book = storedWorkbook({ dynamicArrays: true, sheets: [{ name: 'S', cells: [...DATA, dynamic('E1', 'E1:E4', 'A1:A4', '10'), num('E2', 30), num('E3', 10), num('E4', 40)] }] });
    const model = await written(book);
    expect(formulaAt(model, 'E1')?.ref).toEqual({ top: 1, left: 5, bottom: 4, right: 5 });
    expect(column(model, ['E1', 'E2', 'E3', 'E4'])).toEqual([10, 30, 10, 40]);
  });

  it('a dynamic array holding a structured reference (=Sales[Name]) spills the column: D1:D2 = Li, Wang', async () => {
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Sales" displayName="Sales" ref="A1:B3">' +
      '<tableColumns count="2"><tableColumn id="1" name="Name"/><tableColumn id="2" name="Amount"/></tableColumns></table>';
    const book = storedWorkbook({
      dynamicArrays: true,
      sheets: [{ name: 'S', tables: [table], cells: [text('A1', 'Name'), text('B1', 'Amount'), text('A2', 'Li'), num('B2', 1), text('A3', 'Wang'), num('B3', 2), `<c r="D1" cm="1" t="str"><f t="array" ref="D1:D2">Sales[Name]</f><v>Li</v></c>`, text('D2', 'Wang')] }],
    });
    const model = await written(book);
    expect(formulaAt(model, 'D1')?.ref).toEqual({ top: 1, left: 4, bottom: 2, right: 4 });
    expect(column(model, ['D1', 'D2'])).toEqual(['Li', 'Wang']);
  });

  it('SEQUENCE(B1) with B1 = 3 spills 1, 2, 3 into F1:F3', async () => {
    const book = storedWorkbook({ dynamicArrays: true, sheets: [{ name: 'S', cells: [...DATA, dynamic('F1', 'F1:F3', '_xlfn.SEQUENCE(B1)', '1'), num('F2', 2), num('F3', 3)] }] });
    const model = await written(book);
    expect(formulaAt(model, 'F1')?.ref).toEqual({ top: 1, left: 6, bottom: 3, right: 6 });
    expect(column(model, ['F1', 'F2', 'F3'])).toEqual([1, 2, 3]);
  });
});

describe('saveLikeExcel stores what Excel 365 stores for a typed formula', () => {
  it('a typed bare range (=Sales[Name]) is saved as a dynamic array D1:D2 holding Li, Wang', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addTable({ name: 'Sales', ref: 'A1', columns: [{ name: 'Name' }, { name: 'Amount' }], rows: [['Li', 1], ['Wang', 2]] });
    sheet.getCell('D1').value = { formula: 'Sales[Name]' } as ExcelJS.CellValue;
    const saved = await saveLikeExcel(Buffer.from(await workbook.xlsx.writeBuffer()));
    const model = readWorkbookModel(ZipArchive.read(saved), nodeCodec);
    expect(formulaAt(model, 'D1')).toMatchObject({ kind: 'dynamic', ref: { top: 1, left: 4, bottom: 2, right: 4 } });
    expect(column(model, ['D1', 'D2'])).toEqual(['Li', 'Wang']);
  });
});

