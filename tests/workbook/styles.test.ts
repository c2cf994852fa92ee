/**
 * Number formats read from the styles part (workbook/styles.ts) and kept per cell by the reader
 * (workbook/read.ts): Excel-saved fixtures (tests/fixtures/excel-saved) give a custom format
 * (table34: numFmt 164 "0.0000" on the calculated column) and a built-in one (table10: id 2,
 * "0.00", which Excel does not write out); a styles part as a Chinese Excel writes it — the
 * accounting ids 41–44 written out in yuan, its own codes from 176, built-in date ids that only
 * the locale defines.
 */
import * as fs from 'fs';
import * as path from 'path';
import { nodeCodec } from '../../workbook/node-codec';
import { cellNumberFormat, readWorkbookModel } from '../../workbook/read';
import { formatValue } from '../../workbook/number-format';
import { SHORT_DATE, SHORT_DATE_TIME, builtinNumberFormat, localDateFormat, readNumberFormats } from '../../workbook/styles';
import { ZipArchive } from '../../workbook/zip';
import { storedWorkbook } from '../support/stored-workbook';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'excel-saved');
const read = (file: string) => readWorkbookModel(ZipArchive.read(fs.readFileSync(path.join(FIXTURES, file))), nodeCodec);

describe('number formats of an Excel-saved workbook', () => {
  it('table34: the calculated column F3:F6 has the custom format 0.0000, the other cells none', () => {
    const model = read('table34.xlsx');
    expect(model.numberFormats).toEqual(['General', '0.0000']);
    for (let row = 3; row <= 6; row++) expect(cellNumberFormat(model, 0, row, 6)).toBe('0.0000');
    expect(cellNumberFormat(model, 0, 3, 4)).toBeUndefined(); // D3, style 0: General
    expect(cellNumberFormat(model, 0, 2, 3)).toBeUndefined(); // C2, the header
    expect(model.sheets[0].styles?.[3]?.[6]).toBe(1);
  });

  it('table10: built-in id 2 (not written out by Excel) is 0.00', () => {
    const model = read('table10.xlsx');
    expect(model.numberFormats).toEqual(['General', '0.00']);
    expect(cellNumberFormat(model, 0, 4, 11)).toBe('0.00');
  });

  it('an unstyled workbook keeps no styles per cell', () => {
    const model = read('formula_results01.xlsx');
    expect(model.numberFormats).toEqual(['General']);
    expect(model.sheets[0].styles).toBeUndefined();
  });
});

describe('readNumberFormats', () => {
  const chinese =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3">' +
    '<numFmt numFmtId="44" formatCode="_ &quot;￥&quot;* #,##0.00_ ;_ &quot;￥&quot;* \\-#,##0.00_ ;_ &quot;￥&quot;* &quot;-&quot;??_ ;_ @_ "/>' +
    '<numFmt numFmtId="176" formatCode="0.0%"/><numFmt numFmtId="177" formatCode="[$¥-804]#,##0.00"/></numFmts>' +
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="44" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf>' +
    '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="178" formatCode="0.000"/></dxf></dxfs></styleSheet>';

  it("a Chinese Excel's styles: written-out ids win, its own codes from 176, the locale's built-ins", () => {
    expect(readNumberFormats(chinese)).toEqual([
      'General',
      '_ "￥"* #,##0.00_ ;_ "￥"* \\-#,##0.00_ ;_ "￥"* "-"??_ ;_ @_ ',
      '0.0%',
      '[$¥-804]#,##0.00',
      'yyyy"年"m"月"d"日"',
      '#,##0',
    ]);
  });

  it('built-in ids per ECMA-376 §18.8.30; an unknown id is General', () => {
    expect([0, 1, 2, 3, 4, 9, 10, 14, 49].map(builtinNumberFormat)).toEqual(['General', '0', '0.00', '#,##0', '#,##0.00', '0%', '0.00%', '[$-409]m/d/yyyy', '@']);
    expect(builtinNumberFormat(200)).toBeUndefined();
    expect(readNumberFormats('<styleSheet><cellXfs><xf numFmtId="200"/></cellXfs></styleSheet>')).toEqual(['General']);
    expect(readNumberFormats('<styleSheet/>')).toEqual([]);
  });
});

describe('styles kept per cell by the reader', () => {
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts>' +
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" applyFont="1"/><xf numFmtId="3" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const model = readWorkbookModel(
    ZipArchive.read(
      storedWorkbook({
        sheets: [
          {
            name: 'S',
            cells: [
              '<c r="A1" s="2"><v>1</v></c>', // bold only: General, not kept
              '<c r="A2" s="1"><v>0.5</v></c>', '<c r="B2" s="3"><v>1234</v></c>',
              '<c r="A3" s="1"><v>0.25</v></c>', '<c r="B3" s="3"><v>5678</v></c>',
              `<c r="A4" s='3'><v>1</v></c>`, '<c r="B4"\n s = "1"/>', // other spellings; an empty styled cell
            ],
          },
        ],
        styles,
      }),
    ),
    nodeCodec,
  );
  const sheet = model.sheets[0];

  it('keeps styles whose format is not General, any attribute spelling, empty cells too', () => {
    expect(cellNumberFormat(model, 0, 1, 1)).toBeUndefined();
    expect(sheet.styles?.[1]).toBeUndefined();
    expect([cellNumberFormat(model, 0, 2, 1), cellNumberFormat(model, 0, 2, 2)]).toEqual(['0.0%', '#,##0']);
    expect([cellNumberFormat(model, 0, 4, 1), cellNumberFormat(model, 0, 4, 2)]).toEqual(['#,##0', '0.0%']);
  });

  it('rows styled alike share one array (a 100,000-row table costs one)', () => {
    expect(sheet.styles?.[3]).toBe(sheet.styles?.[2]);
    expect(sheet.styles?.[4]).not.toBe(sheet.styles?.[3]);
  });
});

it("Excel's short date (built-in 14, 22) is the reader's: 7/15/2025 in en-US, 2025/7/15 in zh-CN", () => {
  expect([builtinNumberFormat(14), builtinNumberFormat(22)]).toEqual([SHORT_DATE, SHORT_DATE_TIME]);
  expect(formatValue(45853, localDateFormat(SHORT_DATE, 'en-US'), 'en-US')).toBe('7/15/2025');
  expect(formatValue(45853, localDateFormat(SHORT_DATE, 'zh-CN'), 'zh-CN')).toBe('2025/7/15');
  expect(formatValue(45853.75, localDateFormat(SHORT_DATE_TIME, 'zh-CN'), 'zh-CN')).toBe('2025/7/15 18:00');
  expect(localDateFormat('m/d/yyyy', 'zh-CN')).toBe('m/d/yyyy'); // a code of the book's own stays
});
