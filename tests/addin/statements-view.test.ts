/**
 * The Statements view: the selected row as a statement (identity from the recognised headers,
 * inputs, results with their steps, the payout) rendered by the CLI's own statement page, in
 * both languages without the other's words; the view standalone says Excel is needed.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { explainCall } from '../../catalog/explain';
import { STATEMENT_VIEW } from '../../i18n/pane-outputs';
import { PersonRowProblem, type PersonRow } from '../../addin/office/statements-row';
import { formatMoney } from '../../calc/statements-document';
import StatementsView, { failureText } from '../../addin/taskpane/views/statements';
import { translatorFor } from '../../addin/taskpane/locale';
import { type Explained, personStatement, shownValue, statementFileName, statementPage } from '../../addin/taskpane/views/statements/statement-model';

/** The selected row `row` of the table Team (on sheet Team), with these cells. */
function teamRow(row: number, cells: PersonRow['cells']): PersonRow {
  return { table: 'Team', sheet: 'Team', row, cells };
}

const ROW = teamRow(5, [
  { header: '工号', cell: 'Team!A5', value: 'E01', type: 'String', inTable: true },
  { header: 'Name', cell: 'Team!B5', value: 'Li Wei', type: 'String', inTable: true },
  { header: 'Period', cell: 'Team!C5', value: '2025-07', type: 'String', inTable: true },
  { header: 'Sales', cell: 'Team!D5', value: 120000, type: 'Double', inTable: true },
  { header: 'Rate', cell: 'Team!E5', value: 0.05, type: 'Double', formula: '=0.05', inTable: true },
  { header: 'Payout (CNY)', cell: 'Team!F5', value: 6000, type: 'Double', formula: '=D5*E5', inTable: true },
]);

describe('personStatement', () => {
  it('takes the identity from the recognised headers, inputs from constants, results from formulas, the payout by its header', () => {
    const { statement, model } = personStatement(ROW, new Map())!;
    expect(statement).toMatchObject({ row: 5, name: 'Li Wei', id: 'E01', period: '2025-07', payout: { kind: 'number', value: 6000 } });
    expect(statement.inputs.map((i) => i.header)).toEqual(['Sales']);
    expect(statement.results.map((r) => [r.header, r.payout])).toEqual([['Rate', false], ['Payout (CNY)', true]]);
    expect(model.total).toBe(6000);
  });

  it('names nobody in a row without a name', () => {
    expect(personStatement(teamRow(2, [{ header: 'Sales', cell: 'Team!A2', value: 5, type: 'Double', inTable: true }]), new Map())).toBeUndefined();
  });

  it('shows values as the CLI does (errors by their code, empty cells as blank)', () => {
    expect(shownValue({ value: '#N/A', type: 'Error' })).toEqual({ kind: 'error', code: '#N/A', message: '' });
    expect(shownValue({ value: '', type: 'Empty' })).toEqual({ kind: 'blank' });
    expect(shownValue({ value: true, type: 'Boolean' })).toEqual({ kind: 'boolean', value: true });
  });

  it('renders the CLI’s page with the steps, in each language without the other', () => {
    const explanation = explainCall('PERF.TIERED', [120000, [[0, 0.03], [100000, 0.05]], 'marginal'], { row: 0, col: 0 });
    const explained = new Map<string, Explained>([['Team!F5', { explanation }]]);
    const { statement, model } = personStatement(ROW, explained)!;
    const source = { file: 'plan.xlsx', sha256: STATEMENT_VIEW.notCalculated['en-US'], calculatedAt: '2025-07-31T00:00:00.000Z' };
    const en = statementPage(statement, model, source, 'en-US');
    expect(en.html).toMatch(/^<!DOCTYPE html>/i);
    expect(en.html).toContain('Li Wei');
    expect(en.doc.results.rows[1].steps.length).toBeGreaterThan(0);
    // The only Chinese on the English page is the workbook's own header (user data).
    expect(en.html.replace(/工号/g, '')).not.toMatch(/[\u3400-\u9fff]/);
    const zh = statementPage(statement, model, { ...source, sha256: STATEMENT_VIEW.notCalculated['zh-CN'] }, 'zh-CN');
    expect(zh.html).toContain('激励薪酬结算单');
    expect(zh.html).toContain('lang="zh-CN"');
  });

  it('names the saved file after the person and period, without characters file systems refuse', () => {
    const { statement } = personStatement(ROW, new Map())!;
    expect(statementFileName(statement)).toBe('Li Wei 2025-07.html');
    expect(statementFileName({ ...statement, name: 'a/b:c', period: undefined })).toBe('a_b_c.html');
  });
});

describe('amounts in CNY, as the CLI’s statements write them', () => {
  it('shows the payout and the totals as CNY in each language, other results and inputs as numbers', () => {
    const { statement, model } = personStatement(ROW, new Map())!;
    const source = { file: 'plan.xlsx', sha256: 'x', calculatedAt: '2025-07-31T00:00:00.000Z' };
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const { doc, html } = statementPage(statement, model, source, locale);
      const payout = doc.results.rows.find((r) => r.payout)!;
      expect(payout.value).toEqual({ text: formatMoney(6000, locale), number: 6000, money: true });
      expect(doc.totals.rows[0].value.text).toBe(formatMoney(6000, locale));
      expect(html).toContain(formatMoney(6000, locale));
      // The rate is a result but no amount; sales is an input: numbers, not money.
      expect(doc.results.rows.find((r) => r.header === 'Rate')!.value).toEqual({ text: '0.05', number: 0.05 });
      expect(doc.inputs.rows.find((r) => r.header === 'Sales')!.value.money).toBeUndefined();
    }
    expect(formatMoney(6000, 'en-US')).toBe('CN¥6,000.00');
    expect(formatMoney(6000, 'zh-CN')).toBe('¥6,000.00');
  });

  it('totals the payout to the cent, as the payroll file pays it (1.005 → 1.01), the statement keeping the unrounded value', () => {
    const cells = ROW.cells.map((c) => (c.header === 'Payout (CNY)' ? { ...c, value: 1234.565 } : c));
    const { statement, model } = personStatement(teamRow(5, cells), new Map())!;
    expect(statement.payout).toEqual({ kind: 'number', value: 1234.565 });
    expect(model.totalCents).toBe(123457);
    expect(model.total).toBe(1234.57);
    expect(personStatement(teamRow(5, ROW.cells.map((c) => (c.header === 'Payout (CNY)' ? { ...c, value: 1.005 } : c))), new Map())!.model.totalCents).toBe(101);
  });

  it('a result beside the table (a spill) is a result; cells beside it are never inputs or identity', () => {
    const row = teamRow(4, [
      { header: 'Name', cell: 'Team!B4', value: 'Ann', type: 'String', inTable: true },
      { header: 'Sales', cell: 'Team!C4', value: 100, type: 'Double', inTable: true },
      { header: 'Bonus', cell: 'Team!E4', value: 7.5, type: 'Double', formula: '=PERF.TIERED(Team[Sales],Tiers)', spill: { anchor: 'Team!E2', row: 2, col: 0 }, inTable: false },
    ]);
    const { statement } = personStatement(row, new Map())!;
    expect(statement.inputs.map((i) => i.header)).toEqual(['Sales']);
    expect(statement.results.map((r) => [r.header, r.payout])).toEqual([['Bonus', true]]);
    expect(statement.payout).toEqual({ kind: 'number', value: 7.5 });
  });
});

describe('a selection that names nobody', () => {
  it('says why in both languages: outside every table, the header row, the totals row', () => {
    for (const kind of ['notInTable', 'headerRow', 'totalsRow'] as const) {
      const problem = new PersonRowProblem(kind, 'Team!A1');
      expect(problem.kind).toBe(kind);
      // What the view shows for it: the catalogue's sentence, never the error's English message.
      for (const locale of ['en-US', 'zh-CN'] as const) expect(failureText(problem, translatorFor(STATEMENT_VIEW, locale), locale)).toBe(STATEMENT_VIEW[kind][locale]);
      expect(STATEMENT_VIEW[kind]['en-US']).not.toMatch(/[\u3400-\u9fff]/);
      expect(STATEMENT_VIEW[kind]['zh-CN']).toMatch(/[\u3400-\u9fff]/);
    }
    expect(STATEMENT_VIEW.notInTable['en-US']).toMatch(/not in a table/);
    expect(STATEMENT_VIEW.notInTable['zh-CN']).toContain('不在表格中');
  });

  it('any other failure: Excel’s words in en-US; in zh-CN only when they are Chinese', () => {
    const zh = translatorFor(STATEMENT_VIEW, 'zh-CN');
    const en = translatorFor(STATEMENT_VIEW, 'en-US');
    expect(failureText(new Error('The requested resource doesn’t exist.'), en, 'en-US')).toBe('That did not work: The requested resource doesn’t exist.');
    expect(failureText(new Error('The requested resource doesn’t exist.'), zh, 'zh-CN')).toBe('操作未完成。');
    expect(failureText(new Error('请求的资源不存在。'), zh, 'zh-CN')).toBe('操作未完成：请求的资源不存在。');
  });
});

describe('the view', () => {
  it('standalone: says Excel is needed, its action disabled, in both languages', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const html = renderToStaticMarkup(React.createElement(StatementsView, { locale, host: { inExcel: false }, apiBase: '/api' }));
      expect(html).toContain(STATEMENT_VIEW.needsExcel[locale]);
      expect(html).toMatch(/aria-disabled="true"[^>]*data-testid="statement-show"|data-testid="statement-show"[^>]*aria-disabled="true"/);
      expect(html).toContain(STATEMENT_VIEW.exportHeading[locale]);
      expect(html).toMatch(/aria-disabled="true"[^>]*data-testid="payroll-export"|data-testid="payroll-export"[^>]*aria-disabled="true"/);
      // The map from a .json file (labelled), or pasted; CSV or .xlsx.
      const fileInput = /<input[^>]*data-testid="payroll-map-file"[^>]*>/.exec(html)![0];
      expect(fileInput).toContain('type="file"');
      expect(fileInput).toContain('accept=".json,application/json"');
      // The picker opens from a button in the pane's language, labelled by the field.
      const choose = /<button[^>]*data-testid="payroll-map-choose"[^>]*>([^<]*)</.exec(html)!;
      expect(choose[1]).toBe(STATEMENT_VIEW.mapFileChoose[locale]);
      const buttonId = / id="([^"]+)"/.exec(choose[0])![1];
      const labelId = new RegExp(`<label[^>]*for="${buttonId}"[^>]*id="([^"]+)"[^>]*>${STATEMENT_VIEW.mapFileLabel[locale].replace(/[().]/g, '\\$&')}`).exec(html)![1];
      expect(choose[0]).toContain(`aria-labelledby="${labelId} ${buttonId}"`);
      expect(html).toContain('data-testid="payroll-map"');
      expect(html).toContain(STATEMENT_VIEW.formatCsv[locale]);
      expect(html).toContain(STATEMENT_VIEW.formatXlsx[locale]);
      expect(html).toMatch(/role="radiogroup"/);
    }
  });
});

describe('a spilled result', () => {
  it('keeps its anchor and element, so the statement says where it comes from', () => {
    const row = teamRow(3, [
      { header: 'Name', cell: 'Team!A3', value: 'Bob', type: 'String', inTable: true },
      { header: 'Payout', cell: 'Team!C3', value: 12, type: 'Double', formula: '=PERF.TIERED(B2:B3,Tiers)', spill: { anchor: 'Team!C2', row: 1, col: 0 }, inTable: false },
    ]);
    const { statement, model } = personStatement(row, new Map())!;
    expect(statement.results[0]).toMatchObject({ cell: 'Team!C3', anchor: 'Team!C2', element: { row: 1, col: 0 }, payout: true });
    const { doc } = statementPage(statement, model, { file: 'b.xlsx', sha256: 'x', calculatedAt: 't' }, 'en-US');
    expect(doc.results.rows[0].where).toContain('Team!C2');
  });
});
