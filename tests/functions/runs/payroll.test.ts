/**
 * A payout run's payroll file (issue 13 item 2: "the payroll export as blobs"), made at
 * calculation as `perfplan export` makes it: from the map the run carries, or — without one —
 * from the people table (工号, 姓名, 所属期间, 应发金额, 成本中心), including a payout spilled
 * beside the table, as the templates lay results out.
 */
import { calculateRun } from '../../../functions/src/runs/calculate';
import { peopleBook } from '../../support/people-book';
import { num } from '../../support/stored-workbook';

// Marginal tiers: 2% of the first 20,000, 4% above (30,000 → 400 + 400 = 800; 10,000 → 200).
const tiers = { name: 'Tiers', cells: [num('A2', 0), num('B2', 0.02), num('A3', 20000), num('B3', 0.04)] };
const book = (columns: string[], rows: (string | number)[][]) =>
  peopleBook({ columns, rows, results: [{ header: 'Commission', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B3)' }], others: [tiers] });
const lines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);

it('without a map: the id, name, period and the payout spilled beside the table, with the cost centre when there is one', async () => {
  const bytes = book(
    ['Employee ID', 'Name', 'Cost centre', 'Sales'],
    [
      ['00123', 'Li Wei', 'CC-100', 30000],
      ['00124', '王芳', 'CC-200', 10000],
    ],
  );
  const outcome = await calculateRun(bytes, { peopleTable: 'Team', payoutColumn: 'Commission', period: '2025-07' });
  if (outcome.status !== 'calculated') throw new Error(JSON.stringify(outcome));
  expect(lines(outcome.payroll.csv)).toEqual(['工号,姓名,所属期间,应发金额,成本中心', '00123,Li Wei,2025-07,800.00,CC-100', '00124,王芳,2025-07,200.00,CC-200']);
  expect(outcome.payroll).toMatchObject({ rows: 2, totalCents: 100_000 });
  expect(outcome.totals).toEqual({ payout: 1000, people: 2 });
});

it('with the map the run was submitted with: its columns and fixed values', async () => {
  const bytes = book(['Name', 'Sales'], [['Li Wei', 30000], ['Zhao Lei', 10000]]);
  const payrollMap = {
    columns: [
      { header: '姓名', from: 'Team[Name]' },
      { header: '应发金额', from: 'Team!C2:C3', type: 'amount' },
      { header: '成本中心', value: 'CC-9' },
    ],
  };
  const outcome = await calculateRun(bytes, { peopleTable: 'Team', payoutColumn: 'Commission', period: '2025-07', payrollMap });
  if (outcome.status !== 'calculated') throw new Error(JSON.stringify(outcome));
  expect(lines(outcome.payroll.csv)).toEqual(['姓名,应发金额,成本中心', 'Li Wei,800.00,CC-9', 'Zhao Lei,200.00,CC-9']);
});

it('a payroll that cannot be made fails the run with the reason (a blank id), as perfplan export refuses it', async () => {
  const bytes = book(['Employee ID', 'Name', 'Sales'], [['00123', 'Li Wei', 30000], ['', 'Zhao Lei', 10000]]);
  const outcome = await calculateRun(bytes, { peopleTable: 'Team', payoutColumn: 'Commission', period: '2025-07' });
  expect(outcome).toEqual({ status: 'failed', errors: [{ message: expect.stringMatching(/^the payroll file: nothing written: .*Team!A3 is blank/) }] });
});

it('a zh-CN run is told why its payroll cannot be made in Chinese, with no English words', async () => {
  const bytes = book(['Employee ID', 'Name', 'Sales'], [['00123', 'Li Wei', 30000], ['', 'Zhao Lei', 10000]]);
  const outcome = await calculateRun(bytes, { peopleTable: 'Team', payoutColumn: 'Commission', period: '2025-07' }, { locale: 'zh-CN' });
  if (outcome.status !== 'failed') throw new Error(JSON.stringify(outcome));
  expect(outcome.errors[0].message).toMatch(/^工资文件：.*Team!A3/);
  expect(outcome.errors[0].message).not.toMatch(/the payroll file|nothing written|is blank/);
});

it('the derived file is checked against the run total — each payout to the cent, as payroll pays it — so unrounded payouts do not fail the run', async () => {
  // 3 × 0.335: each is paid 0.34 (Excel's ROUND), 1.02 in all; the unrounded sum, 1.005, would
  // make `perfplan export` refuse without a total cell (its rule for a map that names none).
  const bytes = peopleBook({
    columns: ['Employee ID', 'Name', 'Sales'],
    rows: [['E1', 'A', 3.35], ['E2', 'B', 3.35], ['E3', 'C', 3.35]],
    results: [{ header: 'Bonus', spill: 'Team[Sales]*0.1' }],
  });
  const outcome = await calculateRun(bytes, { peopleTable: 'Team', payoutColumn: 'Bonus', period: '2025-07' });
  if (outcome.status !== 'calculated') throw new Error(JSON.stringify(outcome));
  expect(outcome.totals.payout).toBe(1.02);
  expect(outcome.payroll.totalCents).toBe(102);
  expect(lines(outcome.payroll.csv).slice(1)).toEqual(['E1,A,2025-07,0.34', 'E2,B,2025-07,0.34', 'E3,C,2025-07,0.34']);
});
