/**
 * Writing Excel Tables (workbook/table-writer.ts) and growing them by a typed row
 * (workbook/table-rows.ts).
 *
 * The reference is what Excel itself stored in tests/fixtures/excel-saved/table10.xlsx (a table
 * with a totals row using every totals function and a calculated column) and table34.xlsx (no
 * totals row: totalsRowShown="0"): our part must be that XML. A table written by us, with a PERF
 * spill over whole table columns beside it, must calculate headlessly, and one typed row must
 * reach the spill and the totals row with no formula edited.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { calcBytes, toJson } from '../../calc/book';
import { saveLikeExcel } from '../../calc/excel-save';
import { repositoryAddinIdentity } from '../../addin/manifest/identity';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { appendTableRow } from '../../workbook/table-rows';
import { TableSpec, tablePartXml, tableSpecProblems, totalsCellFormula, withTables } from '../../workbook/table-writer';
import { ZipArchive } from '../../workbook/zip';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'excel-saved');
const partOf = (file: string, part: string) => ZipArchive.read(fs.readFileSync(path.join(FIXTURES, file))).text(part, nodeCodec);

describe('the table part is the XML Excel writes', () => {
  it('table10.xlsx: totals row with a label and every totals function, a calculated column', () => {
    const functions = ['average', 'count', 'countNums', 'max', 'min', 'sum', 'stdDev', 'var'] as const;
    const spec: TableSpec = {
      name: 'Table1',
      sheet: 'Sheet1',
      ref: 'B3:K6',
      totalsRow: true,
      style: 'TableStyleMedium9',
      columns: [
        { name: 'Column1', totals: { label: 'Total' } },
        { name: 'Column2' },
        ...functions.map((fn, i) => ({ name: `Column${i + 3}`, totals: { function: fn } })),
      ],
    };
    spec.columns[9].calculated = 'SUM(Table1[[#This Row],[Column1]:[Column3]])';
    // Excel adds dataDxfId, the calculated cells' format in styles.xml: optional in the schema, our cells carry their own style.
    expect(tablePartXml(spec, 1)).toBe(partOf('table10.xlsx', 'xl/tables/table1.xml').replace(' dataDxfId="0"', ''));
  });

  it('table34.xlsx: no totals row, a calculated column', () => {
    const spec: TableSpec = {
      name: 'Table1',
      sheet: 'Sheet1',
      ref: 'C2:F6',
      totalsRow: false,
      style: 'TableStyleMedium9',
      columns: [{ name: 'Column1' }, { name: 'Column2' }, { name: 'Column3' }, { name: 'Column4', calculated: 'Table1[[#This Row],[Column3]]' }],
    };
    expect(tablePartXml(spec, 1)).toBe(partOf('table34.xlsx', 'xl/tables/table1.xml').replace(' dataDxfId="0"', ''));
  });

  it('the totals cells hold what Excel stores in table10.xlsx (SUBTOTAL(109,[Column8]) …)', () => {
    const sheet = partOf('table10.xlsx', 'xl/worksheets/sheet1.xml');
    const stored = [...sheet.matchAll(/<c r="[A-Z]6"[^>]*><f>([^<]*)<\/f>/g)].map((m) => m[1]);
    const ours = (['average', 'count', 'countNums', 'max', 'min', 'sum', 'stdDev', 'var'] as const).map((fn, i) => totalsCellFormula(fn, `Column${i + 3}`));
    expect(ours).toEqual(stored);
  });

  it('escapes the characters a structured reference cannot hold as they are', () => {
    expect(totalsCellFormula('sum', "Net [USD] #'s")).toBe("SUBTOTAL(109,[Net '[USD'] '#''s])");
  });

  it('names what Excel would repair: a bad name, a duplicate column, a ref of the wrong width, no data row', () => {
    expect(tableSpecProblems({ name: 'A1', sheet: 'S', ref: 'A1:B1', totalsRow: false, columns: [{ name: 'x' }, { name: 'X' }] })).toEqual([
      'table A1: not a valid table name',
      'table A1: no data row',
      'table A1: column name "X" appears twice (names ignore case)',
    ]);
    expect(tableSpecProblems({ name: 'T', sheet: 'S', ref: 'A1:C3', totalsRow: false, columns: [{ name: 'a' }, { name: 'b', totals: { function: 'sum' } }] })).toEqual([
      'table T: 2 columns for a ref 3 wide',
      'table T: column b has a totals cell but the table has no totals row',
    ]);
  });
});

/**
 * 团队 (Team) on sheet 团队: Name, Sales, Bonus (calculated: 10% of sales) in A3:C6, totals row 6;
 * E4 = PERF.TIERED over the whole Sales column (a spill beside the table); G1 = the totals
 * row's Sales cell by structured reference. Chinese names throughout, as a zh-CN template has them.
 */
async function teamBook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('团队');
  const rows: [string, number][] = [
    ['陈静', 40_000],
    ['李伟', 120_000],
  ];
  ['姓名', '销售额', '奖金'].forEach((name, i) => (sheet.getCell(3, 1 + i).value = name));
  rows.forEach(([name, sales], i) => {
    sheet.getCell(4 + i, 1).value = name;
    sheet.getCell(4 + i, 2).value = sales;
    sheet.getCell(4 + i, 3).value = { formula: '团队[[#This Row],[销售额]]*0.1' } as ExcelJS.CellValue;
  });
  sheet.getCell('A6').value = '合计';
  sheet.getCell('B6').value = { formula: totalsCellFormula('sum', '销售额') } as ExcelJS.CellValue;
  sheet.getCell('C6').value = { formula: totalsCellFormula('sum', '奖金') } as ExcelJS.CellValue;
  sheet.getCell('E3').value = '提成';
  sheet.getCell('E4').value = { formula: 'PERF.TIERED(团队[销售额],{0,0.02;50000,0.05})' } as ExcelJS.CellValue;
  sheet.getCell('G1').value = { formula: '团队[[#Totals],[销售额]]' } as ExcelJS.CellValue;
  const authored = Buffer.from(await workbook.xlsx.writeBuffer());
  const spec: TableSpec = {
    name: '团队',
    sheet: '团队',
    ref: 'A3:C6',
    totalsRow: true,
    columns: [{ name: '姓名', totals: { label: '合计' } }, { name: '销售额', totals: { function: 'sum' } }, { name: '奖金', calculated: '团队[[#This Row],[销售额]]*0.1', totals: { function: 'sum' } }],
  };
  return Buffer.from(await saveLikeExcel(withTables(authored, nodeCodec, [spec]), { addin: repositoryAddinIdentity() }));
}

describe('a table written by withTables, with a PERF spill over a whole table column', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await teamBook();
  }, 60_000);

  it('is stored as Excel stores it: the table part, its relationship and content type; the spill a dynamic array', () => {
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const zip = ZipArchive.read(bytes);
    expect(zip.text('[Content_Types].xml', nodeCodec)).toContain('<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>');
    expect(zip.text('xl/worksheets/_rels/sheet1.xml.rels', nodeCodec)).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/table" Target="..\/tables\/table1.xml"/);
    expect(zip.text('xl/worksheets/sheet1.xml', nodeCodec)).toMatch(/<tableParts count="1"><tablePart r:id="rId\d+"\/><\/tableParts><\/worksheet>$/);
    expect(zip.text('xl/worksheets/sheet1.xml', nodeCodec)).toContain('<c r="E4" cm="1"><f t="array" ref="E4:E5">_xldudf_PERF_TIERED(团队[销售额],{0,0.02;50000,0.05})</f>');
    const model = readWorkbookModel(zip, nodeCodec);
    expect(model.sheets[0].tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['团队', ['姓名', '销售额', '奖金']]]);
  });

  it('calculates headlessly: the spill follows the Sales column, the totals row sums it', async () => {
    const json = toJson(await calcBytes(bytes));
    // TIERED marginal: 40,000 × 2% = 800; 50,000 × 2% + 70,000 × 5% = 4,500.
    expect([json['团队!E4'], json['团队!E5'], json['团队!C4'], json['团队!B6'], json['团队!G1']]).toEqual([800, 4500, 4000, 160_000, 160_000]);
  });

  it('grows by one typed row: the spill, the calculated column and the totals see it, no formula edited', async () => {
    const grown = appendTableRow(bytes, nodeCodec, '团队', { 姓名: '王芳', 销售额: 200_000 });
    const model = readWorkbookModel(ZipArchive.read(grown), nodeCodec);
    const before = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    expect(model.sheets[0].tables[0].ref).toEqual({ top: 3, left: 1, bottom: 7, right: 3 });
    const texts = (m: typeof model) => m.sheets[0].formulas.map((f) => f.text).sort();
    expect(texts(model)).toEqual([...texts(before), '团队[[#This Row],[销售额]]*0.1'].sort());
    const json = toJson(await calcBytes(grown));
    // 200,000: 50,000 × 2% + 150,000 × 5% = 8,500.
    expect([json['团队!A6'], json['团队!C6'], json['团队!E6'], json['团队!A7'], json['团队!B7'], json['团队!C7'], json['团队!G1']]).toEqual(['王芳', 20_000, 8500, '合计', 360_000, 36_000, 360_000]);
  });

  it('refuses to grow over a cell it would have to move, and over a formula that reads the totals row by address', async () => {
    const grown = appendTableRow(bytes, nodeCodec, '团队', { 姓名: '王芳' });
    expect(() => appendTableRow(grown, nodeCodec, 'nope', {})).toThrow('no table named nope');
    expect(() => appendTableRow(grown, nodeCodec, '团队', { 奖金: 1 })).toThrow('团队: 奖金 is a calculated column');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = 'x';
    sheet.getCell('A2').value = 1;
    sheet.getCell('A3').value = 'total';
    sheet.getCell('C1').value = { formula: 'A3' } as ExcelJS.CellValue;
    const spec: TableSpec = { name: 'T', sheet: 'S', ref: 'A1:A3', totalsRow: true, columns: [{ name: 'x', totals: { label: 'total' } }] };
    const book = withTables(Buffer.from(await workbook.xlsx.writeBuffer()), nodeCodec, [spec]);
    expect(() => appendTableRow(book, nodeCodec, 'T', { x: 2 })).toThrow('a formula refers to A3, which would move when table T grows; refer to the table (T[#Totals]) instead');
    sheet.getCell('C1').value = null;
    sheet.getCell('A4').value = 'in the way';
    const blocked = withTables(Buffer.from(await workbook.xlsx.writeBuffer()), nodeCodec, [spec]);
    expect(() => appendTableRow(blocked, nodeCodec, 'T', { x: 2 })).toThrow('table T: A4 below the table is not empty');
  });
});
