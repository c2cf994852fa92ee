/**
 * `perfplan calc` and `explain` against workbooks built to hurt them (issue 15's probe): each
 * either calculates at the cost of its data, or stops with a one-line message and its own exit
 * status — 2 what cannot be read as a workbook, 3 over a limit, 4 out of time — never a crash
 * or a stack trace. Everything Excel
 * itself accepts must still work (Microsoft, "Excel specifications and limits": 8,192
 * characters in a formula, 64 levels of nesting, 32,767 characters in a cell).
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../cli/main';
import { num, storedWorkbook, text } from '../support/stored-workbook';
import { tempDir } from '../support/workbook';
import { nodeCodec } from '../../workbook/node-codec';
import { ZipArchive, ZipOutput, writeZip } from '../../workbook/zip';
import { englishIn } from '../i18n/typed-as-is';
import { type Captured, captured } from '../support/captured-io';

function f(ref: string, formula: string, extra = ''): string {
  const escaped = formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<c r="${ref}"${extra}><f>${escaped}</f></c>`;
}

function da(ref: string, formula: string, area = ref): string {
  return `<c r="${ref}" cm="1"><f t="array" ref="${area}">${formula}</f></c>`;
}

async function run(args: string[]): Promise<Captured> {
  return captured((io) => main(args, io));
}

function book(name: string, cells: string[], extra: Partial<Parameters<typeof storedWorkbook>[0]> = {}): string {
  const file = path.join(tempDir('perfplan-hostile-'), `${name}.xlsx`);
  fs.writeFileSync(file, storedWorkbook({ sheets: [{ name: 'S', cells }], dynamicArrays: true, ...extra }));
  return file;
}

function noStackTrace(err: string): void {
  expect(err).not.toMatch(/\n\s+at /);
  expect(err.trim().split('\n').length).toBe(1);
}

describe('what costs only what its data costs', () => {
  it('one value in the last cell of the grid (XFD1048576), read by whole-column, whole-row and whole-grid references', async () => {
    const file = path.join(tempDir('perfplan-hostile-'), 'corner.xlsx');
    const data = [num('XFD1048576', 7), num('A1', 1)];
    // On their own sheet, so that no formula lies inside the whole-grid ranges it reads (that would be circular, in Excel too).
    const sums = [f('A1', 'SUM(S!XFD:XFD)'), f('B1', 'SUM(S!1048576:1048576)'), f('C1', 'SUM(S!A1:XFD1048576)'), f('D1', 'COUNT(S!A:XFD)'), f('E1', 'MAX(S!A:XFD)')];
    fs.writeFileSync(file, storedWorkbook({ sheets: [{ name: 'S', cells: data }, { name: 'T', cells: sums }] }));
    const { code, out } = await run(['calc', file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ 'S!A1': 1, 'S!XFD1048576': 7, 'T!A1': 7, 'T!B1': 7, 'T!C1': 8, 'T!D1': 2, 'T!E1': 7 });
  });

  it('a reference the engine would have to walk cell by cell over the grid is over a limit, not a hang', async () => {
    const file = path.join(tempDir('perfplan-hostile-'), 'walk.xlsx');
    fs.writeFileSync(file, storedWorkbook({ sheets: [{ name: 'S', cells: [num('XFD1048576', 7), num('A1', 1)] }, { name: 'T', cells: [f('A1', 'ROWS(S!A:XFD)')] }] }));
    const { code, err } = await run(['calc', file, '--json']);
    expect(code).toBe(3);
    expect(err).toMatch(/T!A1: S!A:XFD covers 17,179,869,184 cells of the used area; the limit is 50,000,000/);
    noStackTrace(err);
  });

  it('a merge over the whole grid', async () => {
    const file = path.join(tempDir('perfplan-hostile-'), 'merge.xlsx');
    const bytes = storedWorkbook({ sheets: [{ name: 'S', cells: [num('A1', 3), f('B1', 'A1*2')] }] });
    // The merge goes after sheetData, where Excel writes <mergeCells>.
    const { ZipArchive, writeZip } = await import('../../workbook/zip');
    const { nodeCodec } = await import('../../workbook/node-codec');
    const zip = ZipArchive.read(bytes);
    const sheet = zip.text('xl/worksheets/sheet1.xml', nodeCodec).replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
    fs.writeFileSync(file, writeZip(zip.entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: sheet } : { name: e.name, copy: e })), nodeCodec));
    const { code, out } = await run(['calc', file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ 'S!A1': 3, 'S!B1': 6 });
  });

  it('a dynamic array whose stored (stale) spill covers the whole grid: the spill is sized by its result', async () => {
    const file = book('stale-spill', [num('A1', 2), num('A2', 3), da('B1', 'A1:A2*10', 'B1:XFD1048576')]);
    const { code, out } = await run(['calc', file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ 'S!A1': 2, 'S!A2': 3, 'S!B1': 20, 'S!B2': 30 });
  });

  it('a formula of 8,192 characters and 64 levels of nesting, Excel’s own limits', async () => {
    const long = `${'1+'.repeat(4095)}10`;
    expect(long).toHaveLength(8192);
    const nested = `${'ABS('.repeat(64)}-5${')'.repeat(64)}`;
    const file = book('excel-limits', [f('A1', long), f('A2', nested)]);
    const { code, out } = await run(['calc', file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ 'S!A1': 4105, 'S!A2': 5 });
  });
});

describe('what is over a limit stops with exit status 3 and says what and where', () => {
  it.each([
    ['a legacy array over the whole grid', [num('A1', 1), `<c r="B1"><f t="array" ref="B1:XFD1048576">A1</f></c>`], /S!B1:XFD1048576: an array formula over/],
    ['text longer than a cell can hold (Excel: 32,767 characters)', [text('A1', 'x'.repeat(40_000))], /S!A1 holds 40,000 characters of text/],
    ['a formula longer than the stored-formula limit', [f('A1', Array.from({ length: 20_000 }, () => '1').join('+'))], /S!A1: the formula is 39,999 characters long/],
    ['nesting far beyond Excel’s 64 levels', [f('A1', `${'('.repeat(300)}1${')'.repeat(300)}`)], /S!A1: the formula nests more than 256 levels/],
    [
      'more simulation samples than one calculation may draw (2 spilled and 24 summed calls × 200,000)',
      // Spilled calls and calls inside another function both count. Only two spill: 200,000-row
      // spills cost HyperFormula seconds each, which would make this test slow, not stricter.
      [
        da('A1', '_xldudf_PERF_SIM("uniform",0,1,,200000,1)'),
        da('B1', '_xldudf_PERF_SIM("uniform",0,1,,200000,2)'),
        ...Array.from({ length: 24 }, (_, i) => f(`C${i + 1}`, `SUM(_xldudf_PERF_SIM("uniform",0,1,,200000,${i + 3}))`)),
      ],
      /more than 5,000,000 simulation samples/,
    ],
  ])('%s', async (name, cells, message) => {
    const file = book(name.replace(/\W+/g, '-'), cells as string[]);
    for (const command of [['calc', file, '--json'], ['explain', file, 'S!A1']]) {
      const { code, err } = await run(command);
      expect([command[0], code]).toEqual([command[0], 3]);
      expect(err).toMatch(/over a limit/);
      expect(err).toMatch(message);
      noStackTrace(err);
    }
  });
});

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TABLE = `<table xmlns="${MAIN}" id="1" name="T" displayName="T" ref="A1:A2"><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>`;

/** A stored workbook with parts replaced (text) or taken out (null). */
function damaged(name: string, changes: Record<string, string | null>, tables: string[] = []): string {
  const zip = ZipArchive.read(storedWorkbook({ sheets: [{ name: 'S', cells: [num('A1', 1), f('B1', '_xldudf_PERF_NORMALIZE(A1)')], tables }] }));
  const items: ZipOutput[] = zip.entries
    .filter((entry) => changes[entry.name] !== null)
    .map((entry) => (typeof changes[entry.name] === 'string' ? { name: entry.name, data: changes[entry.name] as string } : { name: entry.name, copy: entry }));
  const file = path.join(tempDir('perfplan-hostile-'), `${name}.xlsx`);
  fs.writeFileSync(file, writeZip(items, nodeCodec));
  return file;
}

const sheetXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${body}</worksheet>`;

describe('what cannot be read as a workbook stops with exit status 2 and says what, where', () => {
  it.each([
    ['a zip with no workbook part', () => damaged('no-workbook', { 'xl/workbook.xml': null, '_rels/.rels': null }), /the package has no workbook part/],
    [
      'a worksheet cut off inside its cells (an unclosed element)',
      () => damaged('cut-off', { 'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c>` }),
      /\(xl\/worksheets\/sheet1\.xml: unclosed <sheetData> element\)/,
    ],
    [
      'an unclosed element in the workbook part',
      () =>
        damaged('unclosed-name', {
          'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="x">S!A1</definedNames></workbook>`,
        }),
      /\(xl\/workbook\.xml: unclosed <definedName> element\)/,
    ],
    ['a table part that is not a table', () => damaged('not-a-table', { 'xl/tables/table1.xml': '<?xml version="1.0"?><notATable/>' }, [TABLE]), /\(xl\/tables\/table1\.xml is not a table part\)/],
    [
      'a table part whose cells are no range',
      () => damaged('table-ref', { 'xl/tables/table1.xml': TABLE.replace('ref="A1:A2"', 'ref="junk"') }, [TABLE]),
      /\(table part xl\/tables\/table1\.xml: the cells it covers, "junk", are not a cell range\)/,
    ],
    ['a table part without a name', () => damaged('table-name', { 'xl/tables/table1.xml': TABLE.replace(' name="T" displayName="T"', '') }, [TABLE]), /\(table part xl\/tables\/table1\.xml has no name\)/],
    [
      'a table part with a header row count that is no number',
      () => damaged('table-count', { 'xl/tables/table1.xml': TABLE.replace('ref="A1:A2"', 'ref="A1:A2" headerRowCount="one"') }, [TABLE]),
      /\(table part xl\/tables\/table1\.xml: "one" is not a number of rows\)/,
    ],
    [
      'a worksheet without <sheetData>',
      () => damaged('no-sheet-data', { 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="B1"><f>1+1</f></c></row>') }),
      /\(sheet "S" has no <sheetData> in xl\/worksheets\/sheet1\.xml\)/,
    ],
    [
      'an array formula over something that is no range',
      () => damaged('array-ref', { 'xl/worksheets/sheet1.xml': sheetXml('<sheetData><row r="1"><c r="B1"><f t="array" ref="nonsense">1+1</f></c></row></sheetData>') }),
      /\(sheet "S": the array formula in B1 covers "nonsense", which is not a cell range\)/,
    ],
    [
      'a sheet without a name',
      () => damaged('sheet-name', { 'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet sheetId="1" r:id="rId1"/></sheets></workbook>` }),
      /\(xl\/workbook\.xml lists a sheet without a name\)/,
    ],
  ])('%s', async (_, build, message) => {
    const file = build();
    const out = path.join(path.dirname(file), 'out.xlsx');
    for (const command of [['calc', file, '--json'], ['calc', file, '-o', out], ['explain', file, 'S!B1', '--json']]) {
      const result = await run([...command, '--lang', 'en-US']);
      expect([command[0], result.code, result.out]).toEqual([command[0], 2, '']);
      expect(result.err).toMatch(new RegExp(`^perfplan ${command[0]}: cannot read .* as an \\.xlsx workbook \\(`));
      expect(result.err).toMatch(message);
      noStackTrace(result.err);
      // In Chinese too, with nothing English but what the file holds as it is.
      const zh = await run([...command, '--lang', 'zh-CN']);
      expect(zh.code).toBe(2);
      expect(zh.err).toMatch(new RegExp(`^perfplan ${command[0]}: 无法将 `));
      expect(englishIn(zh.err.replace(/^perfplan \w+: /, ''))).toEqual([]);
      noStackTrace(zh.err);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('exit statuses', () => {
  it('4 when the time budget (--timeout) runs out, naming the formula cells not computed', async () => {
    // 10,000 formulas each multiplying two 20,000-cell columns: far more than 3 s of work, while
    // reading the book takes a fraction of that even on a loaded machine.
    const cells = [...Array.from({ length: 20_000 }, (_, i) => num(`A${i + 1}`, i)), ...Array.from({ length: 10_000 }, (_, i) => f(`B${i + 1}`, 'SUMPRODUCT($A$1:$A$20000,$A$1:$A$20000)'))];
    const file = book('slow', cells);
    const { code, err } = await run(['calc', file, '--json', '--timeout', '3']);
    expect(code).toBe(4);
    expect(err).toMatch(/stopped after 3 s \(--timeout\); 10,000 formula cells not computed \(S!B1, S!B2, /);
    noStackTrace(err);
  });

  it('2 for a file that is not a workbook, in one line', async () => {
    const file = path.join(tempDir('perfplan-hostile-'), 'junk.xlsx');
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    const { code, err } = await run(['calc', file, '--json']);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read .* as an \.xlsx workbook \(not a zip archive/);
    noStackTrace(err);
  });

  it('1 for a bad --timeout', async () => {
    const { code, err } = await run(['calc', 'x.xlsx', '--timeout', 'soon']);
    expect(code).toBe(1);
    expect(err).toMatch(/--timeout needs a number of seconds/);
  });
});
