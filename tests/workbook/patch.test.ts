/**
 * The worksheet patcher (workbook/patch.ts): writes cached values into a worksheet part and
 * changes nothing else. The SpreadsheetML it writes follows ECMA-376 Part 1:
 *   - §18.3.1.4 c: `t` is the value's type (n by default, b, e, str for a formula's text,
 *     inlineStr for text in a cell without formula); `s`, `cm` and other attributes stay;
 *   - §18.3.1.96 v / §18.3.1.53 is: the value, or the inline string;
 *   - §18.3.1.73 row: rows ascend by r and cells within a row by column;
 *   - §18.3.1.35 dimension: the used range covers every cell written;
 *   - §18.3.1.40 f: formula text and attributes are kept, an array formula's `ref` is set;
 *   - §22.9.2.19 ST_Xstring: text that XML cannot carry is written as _xHHHH_;
 * and rows it does not touch are copied byte for byte.
 */
import { nodeCodec } from '../../workbook/node-codec';
import { CellWrite, SheetPatch, patchSheetXml, setAttribute } from '../../workbook/patch';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { withWorksheetPart } from '../support/workbook-sheet-part';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheet(rows: string, dimension = '<dimension ref="A1:D4"/>'): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}">${dimension}<sheetFormatPr defaultRowHeight="15"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function patch(xml: string, writes: CellWrite[], clear: SheetPatch['clear'] = []): string {
  return patchSheetXml(xml, { writes, clear });
}

/** The `<sheetData>` body of a part. */
function data(xml: string): string {
  return /<(?:\w+:)?sheetData>([\s\S]*)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? '';
}

/** The patched part read back by the reader, as a one-sheet package: rows of values. */
function readBack(xml: string) {
  return readWorkbookModel(ZipArchive.read(withWorksheetPart(xml)), nodeCodec).sheets[0];
}

const area = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

describe('writing into existing cells', () => {
  it('a formula cell gets its new value; the formula, s and cm stay as they were', () => {
    const xml = sheet('<row r="1"><c r="A1" s="4" cm="1"><f t="array" ref="A1">_xldudf_PERF_TIERED(1000,F1:G1)</f><v>10</v></c></row>');
    expect(data(patch(xml, [{ row: 1, col: 1, value: 20 }]))).toBe('<row r="1"><c r="A1" s="4" cm="1"><f t="array" ref="A1">_xldudf_PERF_TIERED(1000,F1:G1)</f><v>20</v></c></row>');
  });

  it('the type follows the value: t="str" for a formula\'s text, t="b", t="e", and no t for a number', () => {
    const xml = sheet('<row r="1"><c r="A1"><f>X()</f><v>1</v></c><c r="B1" t="str"><f>Y()</f><v>old</v></c><c r="C1"><f>Z()</f><v>1</v></c><c r="D1" t="e"><f>W()</f><v>#N/A</v></c></row>');
    const out = patch(xml, [
      { row: 1, col: 1, value: 'text' },
      { row: 1, col: 2, value: 3.5 },
      { row: 1, col: 3, value: true },
      { row: 1, col: 4, value: { error: '#DIV/0!' } },
    ]);
    expect(data(out)).toBe('<row r="1"><c r="A1" t="str"><f>X()</f><v>text</v></c><c r="B1"><f>Y()</f><v>3.5</v></c><c r="C1" t="b"><f>Z()</f><v>1</v></c><c r="D1" t="e"><f>W()</f><v>#DIV/0!</v></c></row>');
    expect(readBack(out).rows[1]).toEqual([undefined, 'text', 3.5, true, { error: '#DIV/0!' }]);
  });

  it('text in a cell without a formula (a spilled value) is an inline string, t="inlineStr"; a shared-string index is replaced', () => {
    const xml = sheet('<row r="2"><c r="B2" s="1" t="s"><v>7</v></c></row>');
    expect(data(patch(xml, [{ row: 2, col: 2, value: 'Zhou' }]))).toBe('<row r="2"><c r="B2" s="1" t="inlineStr"><is><t>Zhou</t></is></c></row>');
  });

  it('text with leading or trailing spaces or a line break keeps them (xml:space="preserve"); markup characters are escaped', () => {
    const out = patch(sheet('<row r="1"><c r="A1"/></row>'), [{ row: 1, col: 1, value: ' a < b & c\n' }]);
    expect(data(out)).toBe('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &lt; b &amp; c\n</t></is></c></row>');
    expect(readBack(out).rows[1][1]).toBe(' a < b & c\n');
  });

  it('a self-closing cell with a style gets a value and keeps its style', () => {
    expect(data(patch(sheet('<row r="1"><c r="A1" s="9"/></row>'), [{ row: 1, col: 1, value: 5 }]))).toBe('<row r="1"><c r="A1" s="9"><v>5</v></c></row>');
  });

  it('numbers are written in their shortest round-trip form; −0 as 0', () => {
    const out = patch(sheet('<row r="1"><c r="A1"><f>X()</f></c><c r="B1"><f>Y()</f></c><c r="C1"><f>Z()</f></c><c r="D1"><f>W()</f></c></row>'), [
      { row: 1, col: 1, value: 0.1 + 0.2 },
      { row: 1, col: 2, value: 1e21 },
      { row: 1, col: 3, value: -0 },
      { row: 1, col: 4, value: 1 / 3 },
    ]);
    expect(readBack(out).rows[1]).toEqual([undefined, 0.1 + 0.2, 1e21, 0, 1 / 3]);
    expect(data(out)).toContain('<v>0.30000000000000004</v>');
    expect(data(out)).toContain('<c r="C1"><f>Z()</f><v>0</v></c>');
  });

  it('null removes a formula cell\'s cached value and keeps the formula', () => {
    expect(data(patch(sheet('<row r="1"><c r="A1" t="str"><f>X()</f><v>a</v></c></row>'), [{ row: 1, col: 1, value: null }]))).toBe('<row r="1"><c r="A1"><f>X()</f></c></row>');
  });

  it('children other than f, v and is (extLst) are kept', () => {
    const xml = sheet('<row r="1"><c r="A1"><f>X()</f><v>1</v><extLst><ext uri="{x}"/></extLst></c></row>');
    expect(data(patch(xml, [{ row: 1, col: 1, value: 2 }]))).toBe('<row r="1"><c r="A1"><f>X()</f><v>2</v><extLst><ext uri="{x}"/></extLst></c></row>');
  });
});

describe('array formulas: the anchor\'s ref follows the spill', () => {
  it('a dynamic array\'s ref is rewritten, its other attributes kept', () => {
    const xml = sheet('<row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A3" aca="false">SEQ()</f><v>1</v></c></row>');
    expect(data(patch(xml, [{ row: 1, col: 1, value: 1, ref: area(1, 1, 5, 1) }]))).toBe('<row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A5" aca="false">SEQ()</f><v>1</v></c></row>');
  });

  it('a one-cell ref is written as one cell', () => {
    const xml = sheet('<row r="2"><c r="B2" cm="1"><f t="array" ref="B2:B9">X()</f><v>1</v></c></row>');
    expect(data(patch(xml, [{ row: 2, col: 2, value: 1, ref: area(2, 2, 2, 2) }]))).toContain('<f t="array" ref="B2">X()</f>');
  });

  it('dynamicCm makes an ordinary formula a dynamic array: t="array", ref, and cm on the cell', () => {
    const xml = sheet('<row r="1"><c r="A1" s="2"><f>SEQ()</f><v>1</v></c></row>');
    expect(data(patch(xml, [{ row: 1, col: 1, value: 1, ref: area(1, 1, 2, 1), dynamicCm: 1 }]))).toBe('<row r="1"><c r="A1" s="2" cm="1"><f t="array" ref="A1:A2">SEQ()</f><v>1</v></c></row>');
  });
});

describe('creating cells and rows', () => {
  it('cells are inserted in column order among the existing ones', () => {
    const xml = sheet('<row r="1"><c r="B1"><v>2</v></c><c r="D1"><v>4</v></c></row>');
    const out = patch(xml, [
      { row: 1, col: 5, value: 5 },
      { row: 1, col: 1, value: 1 },
      { row: 1, col: 3, value: 3 },
    ]);
    expect(data(out)).toBe('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><c r="E1"><v>5</v></c></row>');
  });

  it('rows are created in order: before the first, between two and after the last', () => {
    const xml = sheet('<row r="2"><c r="A2"><v>2</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>');
    const out = patch(xml, [
      { row: 7, col: 1, value: 7 },
      { row: 1, col: 1, value: 1 },
      { row: 3, col: 2, value: 3 },
      { row: 4, col: 1, value: 4 },
    ]);
    expect(data(out)).toBe(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="7"><c r="A7"><v>7</v></c></row>',
    );
  });

  it('an empty <sheetData/> gets rows', () => {
    const xml = `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData/></worksheet>`;
    expect(patch(xml, [{ row: 2, col: 2, value: 'b' }, { row: 1, col: 1, value: true }])).toBe(
      `<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="b"><v>1</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c></row></sheetData></worksheet>`,
    );
  });

  it('a new cell for null is not created', () => {
    expect(data(patch(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), [{ row: 1, col: 2, value: null }, { row: 3, col: 1, value: null }]))).toBe('<row r="1"><c r="A1"><v>1</v></c></row>');
  });

  it('rows and cells without r are placed by counting (§18.3.1.73, §18.3.1.4)', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row><c><v>2</v></c><c><v>3</v></c></row>');
    const out = patch(xml, [{ row: 2, col: 2, value: 30 }]);
    expect(data(out)).toBe('<row r="1"><c r="A1"><v>1</v></c></row><row><c><v>2</v></c><c><v>30</v></c></row>');
  });

  it('a self-closing row gets its cells', () => {
    expect(data(patch(sheet('<row r="3" ht="20" customHeight="1"/>'), [{ row: 3, col: 2, value: 1 }]))).toBe('<row r="3" ht="20" customHeight="1"><c r="B3"><v>1</v></c></row>');
  });

  it('the row\'s spans grow to cover a new cell; its other attributes stay', () => {
    const out = patch(sheet('<row r="1" spans="1:2" ht="18" customHeight="1"><c r="A1"><v>1</v></c></row>'), [{ row: 1, col: 6, value: 6 }]);
    expect(data(out)).toBe('<row r="1" spans="1:6" ht="18" customHeight="1"><c r="A1"><v>1</v></c><c r="F1"><v>6</v></c></row>');
  });
});

describe('<dimension> covers every cell written (§18.3.1.35)', () => {
  it('grows down and right', () => {
    expect(patch(sheet(''), [{ row: 9, col: 6, value: 1 }])).toContain('<dimension ref="A1:F9"/>');
  });

  it('grows up and left from a range that starts further in', () => {
    expect(patch(sheet('', '<dimension ref="C3:D4"/>'), [{ row: 1, col: 2, value: 1 }])).toContain('<dimension ref="B1:D4"/>');
  });

  it('stays when every write is inside it; a sheet without <dimension> gets none', () => {
    expect(patch(sheet('<row r="2"><c r="B2"><v>1</v></c></row>'), [{ row: 2, col: 2, value: 2 }])).toContain('<dimension ref="A1:D4"/>');
    expect(patch(sheet('', ''), [{ row: 2, col: 2, value: 2 }])).not.toContain('dimension');
  });
});

describe('clearing the stale cells of a spill that shrank', () => {
  it('cells in a cleared area lose value and t, keep their style; formula cells there are left alone', () => {
    const xml = sheet('<row r="5"><c r="A5" s="3" t="s"><v>2</v></c><c r="B5"><f>A5</f><v>9</v></c></row><row r="6"><c r="A6"><v>999</v></c></row>');
    const out = patch(xml, [], [area(5, 1, 6, 2)]);
    expect(data(out)).toBe('<row r="5"><c r="A5" s="3"/><c r="B5"><f>A5</f><v>9</v></c></row><row r="6"><c r="A6"/></row>');
    expect(readBack(out).rows[5]).toEqual([undefined, undefined, 9]);
    expect(readBack(out).rows[6]).toBeUndefined();
  });

  it('a write wins over a clear of the same cell', () => {
    expect(data(patch(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), [{ row: 1, col: 1, value: 2 }], [area(1, 1, 1, 1)]))).toBe('<row r="1"><c r="A1"><v>2</v></c></row>');
  });
});

describe('what is not written to stays byte for byte', () => {
  it('rows without writes or clears, with their own spacing and attributes, and everything outside <sheetData>', () => {
    const untouched = '<row r="1" spans="1:3" x14ac:dyDescent="0.25">\n  <c r="A1" s="1" t="s"><v>0</v></c>\n  <c r=\'B1\'><f>SUM( A2 : A3 )</f><v>5</v></c>\n</row>';
    const xml = sheet(`${untouched}<row r="4"><c r="A4"><v>1</v></c></row><row r="9"><c r="A9"><v>9</v></c></row>`);
    const out = patch(xml, [{ row: 4, col: 1, value: 2 }]);
    expect(out).toBe(xml.replace('<c r="A4"><v>1</v></c>', '<c r="A4"><v>2</v></c>'));
  });

  it('an empty patch returns the part unchanged', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(patch(xml, [])).toBe(xml);
  });

  it('a worksheet part without <sheetData> is an error', () => {
    expect(() => patch(`<worksheet xmlns="${MAIN}"/>`, [{ row: 1, col: 1, value: 1 }])).toThrow('worksheet part has no <sheetData>');
  });
});

describe('a worksheet whose elements carry a namespace prefix (<x:worksheet xmlns:x="…main">)', () => {
  const PREFIXED = `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:B1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1*2</x:f><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const WRITES: CellWrite[] = [
    { row: 1, col: 2, value: 10 },
    { row: 1, col: 3, value: 'x' },
    { row: 2, col: 1, value: true },
  ];

  it('rows and cells are found, new rows and cells carry the prefix, the dimension grows, and the reader sees the values', () => {
    const out = patch(PREFIXED, WRITES, [area(3, 1, 3, 1)]);
    expect(out).toContain('<x:row r="2"><x:c r="A2" t="b">');
    expect(out).toContain('<x:c r="C1" t="inlineStr">');
    expect(out).toContain('<x:f>A1*2</x:f>');
    expect(out).toContain('<x:dimension ref="A1:C2"/>');
    expect(out).toContain('<x:c r="A3"/>');
    const model = readBack(out);
    expect(model.rows[1]).toEqual([undefined, 1, 10, 'x']);
    expect(model.rows[2]).toEqual([undefined, true]);
  });

  it('the value elements written carry the prefix too (<x:v>, <x:is>, <x:t>)', () => {
    const out = patch(PREFIXED, WRITES);
    expect(out).toContain('<x:c r="B1"><x:f>A1*2</x:f><x:v>10</x:v></x:c>');
    expect(out).not.toMatch(/<(v|is|t)[\s>]/);
  });
});

describe('strings are written in ST_Xstring form (ECMA-376 Part 1, §22.9.2.19)', () => {
  it('what the reader decodes is what was written: "a_x0041_b" and "bell\\u0007"', () => {
    const out = patch(sheet('<row r="1"><c r="A1"/><c r="B1"><f>CHAR(7)</f></c></row>'), [
      { row: 1, col: 1, value: 'a_x0041_b' },
      { row: 1, col: 2, value: 'bell\u0007' },
    ]);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(readBack(out).rows[1]).toEqual([undefined, 'a_x0041_b', 'bell\u0007']);
  });
});

describe('setAttribute', () => {
  it('replaces, adds and removes one attribute, leaving the others and their quoting', () => {
    expect(setAttribute(' r="A1" t="s" s=\'2\'', 't', 'str')).toBe(' r="A1" t="str" s=\'2\'');
    expect(setAttribute(' r="A1"', 'cm', '1')).toBe(' r="A1" cm="1"');
    expect(setAttribute(' r="A1" t="s" s="2"', 't', undefined)).toBe(' r="A1" s="2"');
    expect(setAttribute(' r="A1"', 't', undefined)).toBe(' r="A1"');
  });

  it('does not touch an attribute whose name only ends with the name (fmt is not t) and escapes the value', () => {
    expect(setAttribute(' fmt="x" t="s"', 't', 'a"b')).toBe(' fmt="x" t="a&quot;b"');
  });
});
