/**
 * The texts of `perfplan statements` (i18n/statements.ts): both languages, the same
 * placeholders, and rendered with samples as the code fills them no English word of ours
 * reaches a zh-CN user and no Chinese an en-US user. What is typed or read as it is stays:
 * the command and format names (statements, html, pdf, xlsx), Chromium, SHA-256, option
 * keywords in quotes, references and files (tests/i18n/typed-as-is.ts).
 */
import { EXPLAIN } from '../../i18n/explain';
import { STATEMENTS } from '../../i18n/statements';
import { Params, phrase, placeholders, render } from '../../i18n/text';
import { chinese } from './language-check';
import { englishIn } from './typed-as-is';

const SAMPLES: Record<string, Params[string]> = {
  seconds: 120,
  option: '--payout',
  format: 'docx',
  reference: 'Sheet!A1:A9',
  table: 'Team',
  tables: 'Team, Tiers',
  column: 'Payout',
  columns: 'Sales, Commission',
  other: 'Staff',
  path: '/usr/bin/chromium',
  reason: '"browser closed"',
  dir: '/tmp/statements',
  count: 12,
  total: '¥4,600.00',
  name: '李伟',
  cell: 'Team!C3',
  code: '#NUM!',
  message: '"amount is negative"',
  header: '提成',
  formula: '=PERF.TIERED(Team[Sales],Tiers!A2:B4)',
  position: phrase(EXPLAIN['position.row'], { row: 2 }),
  anchor: 'Team!C2',
  file: 'plan.xlsx',
  sha256: '0123abcd',
  time: '2025-07-31T09:30:00Z',
};
// Typed or read as it is: the command and formats, the browser, SHA-256; and the samples' workbook names and paths.
const ALLOWED = new Set(['statements', 'html', 'pdf', 'xlsx', 'Chromium', 'SHA', 'abcd', 'T09', 'docx', 'Team', 'Tiers', 'Payout', 'Sales', 'Commission', 'Staff', 'tmp']);

describe('i18n/statements.ts', () => {
  it.each(Object.entries(STATEMENTS))('%s: both languages, same placeholders; zh-CN without English, en-US without Chinese', (_, text) => {
    expect(placeholders(text['zh-CN'])).toEqual(placeholders(text['en-US']));
    const params = Object.fromEntries(placeholders(text['en-US']).map((n) => [n, SAMPLES[n] ?? 3]));
    const zh = render(text, 'zh-CN', params);
    const en = render(text, 'en-US', params);
    expect({ zh, english: englishIn(zh).filter((w) => !ALLOWED.has(w)) }).toEqual({ zh, english: [] });
    expect({ en, chinese: chinese(en.replace(/李伟|提成/g, '')) }).toEqual({ en, chinese: [] });
    expect(`${zh}${en}`).not.toMatch(/\{\w+\}/);
  });
});
