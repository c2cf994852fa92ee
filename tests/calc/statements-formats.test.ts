/**
 * A statement shows each value as the workbook shows it (issue 12): inputs and results in
 * their cells' number formats — an attainment in 0.0% as "87.5%", a commission in "¥"#,##0.00 as
 * "¥12,345.60", a count in #,##0 as "617,280", a date in yyyy-mm-dd as a date — in en-US and in
 * zh-CN alike (the format decides, not the language). A spilled cell without a style of its own
 * takes its anchor's; one with its own keeps it. The payout and totals take the payout cell's
 * format when it names a currency, else CNY as before; the statement's workbook carries the
 * formats; the HTML shows the same texts.
 */
import { calcBytes } from '../../calc/book';
import { buildStatements } from '../../calc/statements';
import { StatementDocument, statementDocument } from '../../calc/statements-document';
import { statementHtml } from '../../calc/statements-html';
import { statementWorkbook } from '../../calc/statements-xlsx';
import type { Locale } from '../../i18n/locale';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { cellNumberFormat, readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { num, storedWorkbook, text } from '../support/stored-workbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Styles as Excel writes them: its own codes from 176 (a Chinese Excel's first custom id), a built-in (3). */
function styles(payoutFormat: string): string {
  const codes = ['0.0%', '"¥"#,##0.00', payoutFormat, 'yyyy-mm-dd', '[$￥-zh-CN]#,##0.00'];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const numFmts = codes.map((c, i) => `<numFmt numFmtId="${176 + i}" formatCode="${esc(c)}"/>`).join('');
  // s: 1 0.0%, 2 "¥"#,##0.00, 3 the payout's, 4 yyyy-mm-dd, 5 #,##0 (built-in 3), 6 [$￥-zh-CN]#,##0.00
  const ids = [0, 176, 177, 178, 179, 3, 180];
  const xfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('');
  return `<styleSheet xmlns="${MAIN}"><numFmts count="${codes.length}">${numFmts}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="${ids.length}">${xfs}</cellXfs></styleSheet>`;
}

/**
 * Team!A1:D3 (Name, Start, Attainment, Sales) and two spills beside it over Sales:
 * Commission (F, anchor styled "¥"#,##0.00, F3 unstyled) and Payout (G, anchor in the payout's
 * format, G3 styled [$￥-zh-CN]#,##0.00). Li: 617,280 × 2% = 12,345.60; Wang: 1,000,000 × 2%.
 */
async function book(payoutFormat: string) {
  const tiered = '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B3)';
  const cells = [
    text('A1', 'Name'), text('B1', 'Start'), text('C1', 'Attainment'), text('D1', 'Sales'), text('F1', 'Commission'), text('G1', 'Payout'),
    text('A2', 'Li'), '<c r="B2" s="4"><v>45853</v></c>', '<c r="C2" s="1"><v>0.875</v></c>', '<c r="D2" s="5"><v>617280</v></c>',
    text('A3', 'Wang'), '<c r="B3" s="4"><v>45658</v></c>', '<c r="C3" s="1"><v>1.2</v></c>', '<c r="D3" s="5"><v>1000000</v></c>',
    `<c r="F2" s="2" cm="1"><f t="array" ref="F2:F3">${tiered}</f><v>0</v></c>`, '<c r="F3"><v>0</v></c>',
    `<c r="G2" s="3" cm="1"><f t="array" ref="G2:G3">${tiered}</f><v>0</v></c>`, '<c r="G3" s="6"><v>0</v></c>',
  ];
  const table =
    `<table xmlns="${MAIN}" id="1" name="Team" displayName="Team" ref="A1:D3" totalsRowShown="0"><autoFilter ref="A1:D3"/><tableColumns count="4">` +
    '<tableColumn id="1" name="Name"/><tableColumn id="2" name="Start"/><tableColumn id="3" name="Attainment"/><tableColumn id="4" name="Sales"/></tableColumns></table>';
  const bytes = storedWorkbook({
    sheets: [
      { name: 'Team', cells, tables: [table] },
      { name: 'Tiers', cells: [num('A2', 0), num('B2', 0.02), num('A3', 10_000_000), num('B3', 0.03)] },
    ],
    dynamicArrays: true,
    styles: styles(payoutFormat),
  });
  return calcBytes(bytes, { allCells: true });
}

const SOURCE = { file: 'plan.xlsx', sha256: '0'.repeat(64), calculatedAt: '2025-07-31T00:00:00Z' };

async function documents(payoutFormat: string, locale: Locale, payout = 'Payout'): Promise<StatementDocument[]> {
  const calculated = await book(payoutFormat);
  const model = buildStatements(calculated, { people: 'Team[Name]', payout }); // Commission is a payout header too
  expect(model.refused).toEqual([]);
  return model.statements.map((s) => statementDocument(s, model, SOURCE, locale));
}

const inputs = (doc: StatementDocument) => Object.fromEntries(doc.inputs.rows.map((r) => [r.header, r.value.text]));
const results = (doc: StatementDocument) => Object.fromEntries(doc.results.rows.map((r) => [r.header, r.value.text]));
const totals = (doc: StatementDocument) => doc.totals.rows.map((r) => r.value.text);

describe.each(['en-US', 'zh-CN'] as Locale[])('a statement in %s shows values in their cells\' formats', (locale) => {
  it('inputs: a date, a percentage, a count; results: the commission and the payout in their currency formats; totals in the payout\'s', async () => {
    const [li, wang] = await documents('[$¥-804]#,##0.00', locale);
    expect(inputs(li)).toEqual({ Start: '2025-07-15', Attainment: '87.5%', Sales: '617,280' });
    expect(results(li)).toEqual({ Commission: '¥12,345.60', Payout: '¥12,345.60' });
    expect(totals(li)).toEqual(['¥12,345.60', '¥12,345.60']);
    // Wang's commission cell has no style: the anchor's; his payout cell has its own.
    expect(inputs(wang)).toEqual({ Start: '2025-01-01', Attainment: '120.0%', Sales: '1,000,000' });
    expect(results(wang)).toEqual({ Commission: '¥20,000.00', Payout: '￥20,000.00' });
    expect(totals(wang)).toEqual(['￥20,000.00', '￥20,000.00']);
    const html = statementHtml(li);
    for (const shown of ['2025-07-15', '87.5%', '617,280', '¥12,345.60']) expect(html).toContain(shown);
  });

  it('a payout whose format names no currency stays in CNY, as before', async () => {
    const [li] = await documents('#,##0.00', locale);
    const cny = locale === 'en-US' ? 'CN¥12,345.60' : '¥12,345.60';
    expect(results(li)).toEqual({ Commission: '¥12,345.60', Payout: cny });
    expect(totals(li)).toEqual([cny, cny]);
    expect(li.results.rows.find((r) => r.payout)!.value).toEqual({ text: cny, number: 12345.6, money: true });
  });
});

it('a format the renderer does not show falls back to the plain number (an amount: to CNY)', async () => {
  const [li] = await documents('[>1000]#,##0.00;0', 'en-US');
  expect(results(li).Payout).toBe('CN¥12,345.60');
  const [other] = await documents('[>1000]#,##0.00;0', 'en-US', 'Commission');
  expect(results(other)).toEqual({ Commission: '¥12,345.60', Payout: '12,345.6' });
});

it("the statement's workbook writes each number in its cell's format; Excel's storage form", async () => {
  const [li] = await documents('[$¥-804]#,##0.00', 'zh-CN');
  const bytes = statementWorkbook(li, '结算单');
  expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
  const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
  const sheet = model.sheets[0];
  const formatOf = (value: number) => {
    for (const [r, line] of sheet.rows.entries()) {
      const c = line?.indexOf(value) ?? -1;
      if (c >= 0) return cellNumberFormat(model, 0, r, c);
    }
    throw new Error(`${value} not written`);
  };
  expect(formatOf(0.875)).toBe('0.0%');
  expect(formatOf(45853)).toBe('yyyy-mm-dd');
  expect(formatOf(617280)).toBe('#,##0');
  expect(formatOf(12345.6)).toBe('"¥"#,##0.00'); // the commission, first
  const payoutRows = sheet.rows.map((line, r) => ({ line, r })).filter(({ line }) => line?.[2] === 12345.6);
  expect(payoutRows.map(({ r }) => cellNumberFormat(model, 0, r, 2))).toEqual(['"¥"#,##0.00', '[$¥-804]#,##0.00', '[$¥-804]#,##0.00', '[$¥-804]#,##0.00']);
});
