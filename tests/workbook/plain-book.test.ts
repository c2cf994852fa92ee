/**
 * workbook/plain-book.ts: a workbook of values written as Excel 365 writes one — the format
 * checker finds nothing to say, the reader reads back every value (shared strings, numbers,
 * booleans, characters XML cannot carry), sheet names and text are escaped.
 */
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { plainWorkbook } from '../../workbook/plain-book';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';

describe('a plain workbook', () => {
  const bytes = plainWorkbook(
    [
      {
        name: 'Statement & <more>',
        rows: [
          [{ value: 'Title', style: 'title' }],
          [],
          [{ value: 'Payout', style: 'bold' }, { value: 1234.5, style: 'money' }, { value: true }],
          [null, { value: '<img src=x>' }, { value: ' padded \u0001 ' }],
          [{ value: 'Title' }, { value: 0.25, style: 'number' }, { value: Infinity }],
        ],
        widths: [30, 12],
      },
      { name: '结算单', rows: [[{ value: '激励薪酬结算单' }]] },
    ],
    nodeCodec,
  );

  it('passes the format checker', () => {
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
  });

  it('reads back as written', () => {
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    expect(model.sheets.map((s) => s.name)).toEqual(['Statement & <more>', '结算单']);
    const [first, second] = model.sheets;
    expect(first.rows[1][1]).toBe('Title');
    expect(first.rows[2]).toBeUndefined();
    expect(first.rows[3].slice(1)).toEqual(['Payout', 1234.5, true]);
    expect(first.rows[4].slice(2)).toEqual(['<img src=x>', ' padded \u0001 ']);
    expect(first.rows[5].slice(1)).toEqual(['Title', 0.25, 'Infinity']);
    expect(first.formulas).toEqual([]);
    expect(second.rows[1][1]).toBe('激励薪酬结算单');
    expect(model.calcId).toBe(191029);
  });

  it('keeps the white space of shared strings that start or end with it, as Excel writes them', () => {
    const sst = ZipArchive.read(bytes).text('xl/sharedStrings.xml', nodeCodec);
    expect(sst).toContain('<si><t xml:space="preserve"> padded _x0001_ </t></si>');
    expect(sst).toContain('<si><t>Title</t></si>');
  });

  it('gives money cells the CNY format', () => {
    const zip = ZipArchive.read(bytes);
    expect(zip.text('xl/styles.xml', nodeCodec)).toContain('formatCode="&quot;¥&quot;#,##0.00"');
    expect(zip.text('xl/worksheets/sheet1.xml', nodeCodec)).toContain('<c r="B3" s="4"><v>1234.5</v></c>');
  });
});

describe('a cell with a number format of its own', () => {
  const bytes = plainWorkbook(
    [{ name: 'S', rows: [[{ value: 0.875, format: '0.0%' }, { value: 0.5, format: '0.0%' }, { value: 12345.6, style: 'bold', format: '[$¥-804]#,##0.00' }, { value: 'text', format: '0.0%' }]] }],
    nodeCodec,
  );

  it('gets a style with that format, each format and style once; the checker and the reader agree', () => {
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const styles = ZipArchive.read(bytes).text('xl/styles.xml', nodeCodec);
    expect(styles).toContain('<numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="[$¥-804]#,##0.00"/></numFmts>');
    expect(styles).toContain('<xf numFmtId="166" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>');
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    expect(model.sheets[0].styles?.[1]).toEqual([undefined, 8, 8, 9, 8]);
    expect(model.numberFormats?.slice(8)).toEqual(['0.0%', '[$¥-804]#,##0.00']);
  });
});

describe('a number format Excel has built in', () => {
  // As Excel saves "0.00" (tests/fixtures/excel-saved/table10.xlsx): numFmtId 2, no <numFmts>.
  const bytes = plainWorkbook([{ name: 'S', rows: [[{ value: 1.5, style: 'money' }, { value: 0.25, format: '0%' }, { value: 2, format: '0.0%' }]] }], nodeCodec, { moneyFormat: '0.00' });

  it('keeps its built-in id; only other codes get one from 164', () => {
    expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
    const styles = ZipArchive.read(bytes).text('xl/styles.xml', nodeCodec);
    expect(styles).toContain('<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(styles).toContain('<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>');
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    const [money, percent, custom] = model.sheets[0].styles![1].slice(1);
    expect([money, percent, custom].map((s) => model.numberFormats![s])).toEqual(['0.00', '0%', '0.0%']);
  });

  it('with none of its own, the styles part has no <numFmts>', () => {
    const plain = plainWorkbook([{ name: 'S', rows: [[{ value: 1.5, style: 'money' }]] }], nodeCodec, { moneyFormat: '0.00' });
    expect(ZipArchive.read(plain).text('xl/styles.xml', nodeCodec)).not.toContain('numFmts');
  });
});
