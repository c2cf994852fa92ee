/**
 * What the statements model (calc/statements.ts) says about its reader and its total:
 * - a period, id or role cell in a date format with month names (mmm yyyy) reads as the reader's
 *   Excel shows it: "Jul 2025" in en-US, "7月 2025" in zh-CN (names: tests/workbook/number-format-names);
 * - the total is the sum of each payout to the cent, as the payroll file pays them and a run
 *   totals them — not the cents of the unrounded sum: 1,234.565 + 0.005 + 0.005 pays
 *   1,234.57 + 0.01 + 0.01 = 1,234.59, where the unrounded sum would show 1,234.58.
 */
import { calcBytes } from '../../calc/book';
import { buildStatements } from '../../calc/statements';
import type { Locale } from '../../i18n/locale';
import { num } from '../support/stored-workbook';
import { peopleBook } from '../support/people-book';

/** Three people paid 0.1% of their sales (one tier from 0), each in July 2025 (serial 45853). */
const BOOK = peopleBook({
  columns: ['Name', 'Period', 'Sales'],
  rows: [['Li', 45853, 1234565], ['Wang', 45853, 5], ['Zhao', 45853, 5]],
  results: [{ header: 'Payout', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A1:B1)' }],
  others: [{ name: 'Tiers', cells: [num('A1', 0), num('B1', 0.001)] }],
  formats: { Period: 'mmm yyyy' },
});

async function statementsFor(locale?: Locale) {
  return buildStatements(await calcBytes(BOOK, { allCells: true }), { people: 'Team[Name]', ...(locale ? { locale } : {}) });
}

test.each<[Locale, string]>([
  ['en-US', 'Jul 2025'],
  ['zh-CN', '7月 2025'],
])('a period column in mmm yyyy reads as a %s reader’s Excel shows it: %s', async (locale, period) => {
  const model = await statementsFor(locale);
  expect(model.headers.period).toBe('Period');
  expect(model.statements.map((s) => s.period)).toEqual([period, period, period]);
});

test('without a language the model reads as en-US', async () => {
  expect((await statementsFor()).statements[0].period).toBe('Jul 2025');
});

test('the total adds each payout to the cent (1,234.57 + 0.01 + 0.01), as the payroll file pays them', async () => {
  const model = await statementsFor('en-US');
  expect(model.statements.map((s) => s.payout)).toEqual([
    { kind: 'number', value: expect.closeTo(1234.565, 9) },
    { kind: 'number', value: expect.closeTo(0.005, 12) },
    { kind: 'number', value: expect.closeTo(0.005, 12) },
  ]);
  expect(model.totalCents).toBe(123459);
  expect(model.total).toBe(1234.59);
});
