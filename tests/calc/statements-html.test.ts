/**
 * A statement as a document and as HTML (calc/statements-document.ts, statements-html.ts):
 * everything from the workbook is escaped (a name like <img src=x onerror=…> is text, never an
 * element); a zh-CN statement of a Chinese workbook shows no English word of ours and an en-US
 * statement no Chinese; amounts are CNY; the payout's steps and their sum are shown; the footer
 * names the workbook, its SHA-256 and the time of calculation.
 */
import { calcBytes } from '../../calc/book';
import { buildStatements } from '../../calc/statements';
import { StatementSource, formatMoney, statementDocument } from '../../calc/statements-document';
import { escapeHtml, statementHtml } from '../../calc/statements-html';
import type { Locale } from '../../i18n/locale';
import { chinese } from '../i18n/language-check';
import { englishIn } from '../i18n/typed-as-is';
import { num } from '../support/stored-workbook';
import { PeopleBookSpec, peopleBook } from '../support/people-book';

const SOURCE: StatementSource = { file: 'plan.xlsx', sha256: 'ab'.repeat(32), calculatedAt: '2025-07-31T09:30:00Z' };
const HOSTILE = '<img src=x onerror=alert(1)>';

function tiersSheet(name: string) {
  return { name, cells: [num('A2', 0), num('B2', 0.02), num('A3', 20000), num('B3', 0.04), num('A4', 50000), num('B4', 0.06)] };
}

const ENGLISH: PeopleBookSpec = {
  columns: ['Name', 'Employee ID', 'Role', 'Sales', 'Remark'],
  rows: [
    ['Li Wei', 'E001', 'Sales rep', 35000, 'ok'],
    [HOSTILE, 'E002', '"quoted" & <b>bold</b>', 80000, "<script>alert('x')</script>"],
  ],
  results: [
    { header: 'Attainment', spill: 'Team[Sales]/40000' },
    { header: 'Commission', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B4)' },
  ],
  others: [tiersSheet('Tiers')],
};

const CHINESE: PeopleBookSpec = {
  sheet: '团队',
  table: '人员',
  columns: ['姓名', '工号', '岗位', '销售额'],
  rows: [['李伟', 'E001', '销售代表', 35000]],
  results: [
    { header: '达成率', spill: '人员[销售额]/40000' },
    { header: '提成', spill: '_xldudf_PERF_TIERED(人员[销售额],档位!A2:B4)' },
  ],
  others: [tiersSheet('档位')],
};

async function documents(spec: PeopleBookSpec, people: string, locale: Locale) {
  const book = await calcBytes(peopleBook(spec), { allCells: true, locale });
  const model = buildStatements(book, { people, period: '2025-07' });
  return model.statements.map((s) => ({ statement: s, doc: statementDocument(s, model, SOURCE, locale), html: statementHtml(statementDocument(s, model, SOURCE, locale)) }));
}

/** What a reader sees: the page's text without its style sheet and tags, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, ' ')
    .replace(/<title>[\s\S]*?<\/title>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('statement HTML', () => {
  it('escapes everything from the workbook: a hostile name, role and remark are text', async () => {
    const [, { html }] = await documents(ENGLISH, 'Team[Name]', 'en-US');
    expect(html).not.toMatch(/<img|<script|<b>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    // The title too, and nothing runs: no script at all, a policy forbidding every source.
    expect(html).toMatch(/<title>Incentive statement — &lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(visibleText(html)).toContain(HOSTILE);
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  it('shows identity, inputs, every result with its steps, the payout in CNY, its steps summed, and the footer', async () => {
    const [{ html }] = await documents(ENGLISH, 'Team[Name]', 'en-US');
    const text = visibleText(html).replace(/\s+/g, ' ');
    const commission = 20000 * 0.02 + 15000 * 0.04;
    expect(text).toContain('Incentive statement');
    expect(text).toMatch(/Name Li Wei Employee ID E001 Role Sales rep Period 2025-07/);
    expect(text).toMatch(/Sales 35,000 Team!D2/);
    expect(text).toContain('=Team[Sales]/40000');
    expect(text).toContain(`Commission payout Team!G2 ${formatMoney(commission, 'en-US')}`);
    expect(text).toContain('+ Tier 1 (0 to 20,000): 20,000 × 2% = 400');
    expect(text).toContain('+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600');
    expect(text).toContain(`Total payout ${formatMoney(commission, 'en-US')}`);
    expect(text).toContain(`Sum of the steps of Commission ${formatMoney(commission, 'en-US')}`);
    expect(text).toContain(`Workbook plan.xlsx · SHA-256 ${'ab'.repeat(32)} · calculated 2025-07-31T09:30:00Z by PerfPlan`);
    expect(formatMoney(1000, 'en-US')).toBe('CN¥1,000.00');
    expect(formatMoney(1000, 'zh-CN')).toBe('¥1,000.00');
  });

  it('zh-CN: no English word of ours; en-US: no Chinese', async () => {
    const [zh] = await documents(CHINESE, '人员[姓名]', 'zh-CN');
    // What the workbook holds and the footer's data are shown as they are; the rest is the statement's own words.
    const zhText = visibleText(zh.html).replace(SOURCE.file, ' ').replace(SOURCE.sha256, ' ').replace(SOURCE.calculatedAt, ' ').replace(/SHA-256/g, ' ');
    expect(zhText).toContain('激励薪酬结算单');
    expect(zhText).toContain('+ 第 1 档（0 至 20,000）：20,000 × 2% = 400');
    expect(zhText).toContain('应发合计');
    // The explanation names TIERED's method by its keyword, as the formula takes it ("marginal", "retro").
    expect(englishIn(zhText).filter((word) => !['marginal', 'retro'].includes(word))).toEqual([]);
    for (const { html } of await documents(ENGLISH, 'Team[Name]', 'en-US')) expect(chinese(visibleText(html))).toEqual([]);
  });
});
