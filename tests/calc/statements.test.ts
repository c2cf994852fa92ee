/**
 * The statements model (calc/statements.ts) on small workbooks in Excel's storage form: for
 * every PERF function that has an Explain, a people table whose payout is that function — the
 * steps of each person's payout add up to the payout, as `perfplan explain` gives them; the
 * person's inputs, identity and results are read from the table's headers; a payout that is an
 * error refuses the person; references that name nothing are refused with what exists.
 */
import { calcBytes } from '../../calc/book';
import { toCents } from '../../calc/payroll';
import { StatementsRequestError, buildStatements, parseColumnReference } from '../../calc/statements';
import { headerKey } from '../../i18n/statements';
import { EXPLAINABLE_FUNCTIONS } from '../../catalog/explain';
import { explanationAddsUp, sumOfAddSteps } from '../../engine/explain';
import { num, text } from '../support/stored-workbook';
import { PeopleBookSpec, peopleBook } from '../support/people-book';

const tiers = { name: 'Tiers', cells: [num('A2', 0), num('B2', 0.02), num('A3', 20000), num('B3', 0.04), num('A4', 50000), num('B4', 0.06)] };
const curve = { name: 'Curve', cells: [num('A2', 0.5), num('B2', 0), num('A3', 0.8), num('B3', 0.5), num('A4', 1), num('B4', 1), num('A5', 1.5), num('B5', 2)] };

/** One people table per explainable function; the column headed Payout is that function's result. */
const CASES: Record<string, PeopleBookSpec> = {
  TIERED: {
    columns: ['Name', 'Sales'],
    rows: [['Li', 10000], ['Wang', 35000], ['Zhao', 80000]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B4)' }],
    others: [tiers],
  },
  PAYOUT: {
    columns: ['Name', 'Attainment', 'Target incentive'],
    rows: [['Li', 0.7, 10000], ['Wang', 0.95, 12000], ['Zhao', 1.6, 8000]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_PAYOUT(Team[Attainment],Curve!A2:B5,Team[Target incentive],0.6,1.8)' }],
    others: [curve],
  },
  CURVE: {
    columns: ['Name', 'Attainment'],
    rows: [['Li', 0.7], ['Wang', 0.95], ['Zhao', 1.2]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_CURVE(Team[Attainment],Curve!A2:B5)' }],
    others: [curve],
  },
  SCORECARD: {
    columns: ['Name', 'Revenue', 'NPS', 'Cost'],
    rows: [['Li', 90, 40, 120], ['Wang', 130, 55, 80], ['Zhao', 100, 50, 100]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_SCORECARD(Team[[Revenue]:[Cost]],Plan!A1:C1,Plan!A2:C2,Plan!A3:C3,1.2)' }],
    others: [{ name: 'Plan', cells: [num('A1', 100), num('B1', 50), num('C1', 100), num('A2', 0.5), num('B2', 0.3), num('C2', 0.2), num('A3', 1), num('B3', 1), num('C3', -1)] }],
  },
  CREDIT: {
    columns: ['Name'],
    rows: [['li'], ['wang'], ['zhao']],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_CREDIT(Team[Name],Deals!A1:A5,Deals!B1:B5,Deals!C1:C5)' }],
    others: [
      {
        name: 'Deals',
        cells: [
          text('A1', 'li'), num('B1', 1000), num('C1', 1),
          text('A2', 'wang'), num('B2', 2000), num('C2', 0.5),
          text('A3', 'zhao'), num('B3', 2000), num('C3', 0.5),
          text('A4', 'li'), num('B4', -300), num('C4', 1),
          text('A5', 'wang'), num('B5', 700), num('C5', 1),
        ],
      },
    ],
  },
  POOL: {
    columns: ['Name', 'Share'],
    rows: [['Li', 1], ['Wang', 2], ['Zhao', 7]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_POOL(1000,Team[Share],500)' }],
  },
  QUOTASPLIT: {
    columns: ['Name', 'Annual'],
    rows: [['Li', 1000], ['Wang', 2000], ['Zhao', 3000]],
    results: [{ header: ['Payout', 'Month 2', 'Month 3'], spill: '_xldudf_PERF_QUOTASPLIT(Team[Annual],Plan!A1:C1,10)' }],
    others: [{ name: 'Plan', cells: [num('A1', 1), num('B1', 2), num('C1', 4)] }],
  },
  REBATE: {
    columns: ['Name', 'Amount', 'Level'],
    rows: [['Li', 50000, 'national'], ['Wang', 150000, 'distributor'], ['Zhao', 300000, 'retail']],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_REBATE(Team[Amount],Ladder!A1:D3,Team[Level],"marginal")' }],
    others: [
      {
        name: 'Ladder',
        cells: [text('B1', 'national'), text('C1', 'distributor'), text('D1', 'retail'), num('A2', 0), num('B2', 0.01), num('C2', 0.02), num('D2', 0.03), num('A3', 100000), num('B3', 0.02), num('C3', 0.03), num('D3', 0.04)],
      },
    ],
  },
  AHP: {
    columns: ['Name', 'C1', 'C2', 'C3'],
    rows: [['Quality', 1, 3, 5], ['Speed', 1 / 3, 1, 2], ['Cost', 0.2, 0.5, 1]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_AHP(Team[[C1]:[C3]])' }],
  },
  PAYBACK: {
    columns: ['Name', 'Y0', 'Y1', 'Y2', 'Y3'],
    rows: [['Li', -1000, 400, 500, 600], ['Wang', -500, 100, 200, 400], ['Zhao', -800, 400, 400, 300]],
    results: [{ header: 'Payout', perRow: (row) => `_xldudf_PERF_PAYBACK(B${row}:E${row},0.1)` }],
  },
  ALLOCATE: {
    columns: ['Name', 'Alpha', 'Kappa', 'Shape'],
    rows: [['Search', 1000, 200, 0.8], ['Social', 1500, 400, 1], ['Events', 800, 100, 0.6]],
    results: [{ header: 'Payout', spill: '_xldudf_PERF_ALLOCATE(1000,Team[[Alpha]:[Shape]])' }],
  },
};

async function statementsOf(spec: PeopleBookSpec, options: Partial<Parameters<typeof buildStatements>[1]> = {}) {
  const book = await calcBytes(peopleBook(spec), { allCells: true, locale: 'en-US' });
  return buildStatements(book, { people: 'Team[Name]', ...options });
}

describe('a statement\'s steps add up to the person\'s payout', () => {
  it('covers every PERF function that has an Explain', () => {
    expect(Object.keys(CASES).sort()).toEqual([...EXPLAINABLE_FUNCTIONS].sort());
  });

  it.each(Object.keys(CASES))('PERF.%s', async (fn) => {
    const model = await statementsOf(CASES[fn]);
    expect(model.refused).toEqual([]);
    expect(model.statements).toHaveLength(3);
    let totalCents = 0;
    for (const statement of model.statements) {
      const payout = statement.results.find((r) => r.payout)!;
      expect(payout.header).toBe('Payout');
      expect(statement.payout.kind).toBe('number');
      const value = (statement.payout as { value: number }).value;
      totalCents += toCents(value); // to the cent as the payroll file pays it (tests/calc/payroll.test.ts)
      expect(payout.error).toBeUndefined();
      expect(payout.explanation?.function).toBe(fn);
      // The explanation is of exactly the value the cell shows, and its added steps make it.
      expect(payout.explanation!.value).toBeCloseTo(value, 9);
      expect(explanationAddsUp(payout.explanation!)).toBe(true);
      expect(Math.abs(sumOfAddSteps(payout.explanation!) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
    }
    // The total is each payout to the cent, added up (tests/calc/statements-reader.test.ts).
    expect(model.totalCents).toBe(totalCents);
    expect(model.total).toBe(totalCents / 100);
  });
});

describe('what a statement holds', () => {
  const spec: PeopleBookSpec = {
    columns: ['Staff no', 'Name', 'Position', 'Sales', 'Note'],
    rows: [
      ['E001', 'Li', 'Rep', 10000, 'new'],
      ['E002', 'Wang', 'Lead', 35000, null],
    ],
    results: [
      { header: 'Attainment', spill: 'Team[Sales]/20000' },
      { header: 'Commission', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B4)' },
    ],
    others: [tiers],
    names: [{ name: 'Period', text: 'Tiers!$D$1' }],
  };

  it('identity from the headers, inputs from the table, results beside it with their spilled element, the period from the defined name', async () => {
    const withPeriod = { ...spec, others: [{ ...tiers, cells: [...tiers.cells, text('D1', '2025-07')] }] };
    const model = await statementsOf(withPeriod, { id: 'Staff no' });
    expect(model.headers).toEqual({ name: 'Name', id: 'Staff no', role: 'Position', period: undefined, payout: 'Commission' });
    const wang = model.statements[1];
    expect({ name: wang.name, id: wang.id, role: wang.role, period: wang.period, row: wang.row }).toEqual({ name: 'Wang', id: 'E002', role: 'Lead', period: '2025-07', row: 3 });
    expect(wang.inputs.map((i) => [i.header, i.cell, i.value])).toEqual([
      ['Sales', 'Team!D3', { kind: 'number', value: 35000 }],
      ['Note', 'Team!E3', { kind: 'blank' }],
    ]);
    expect(wang.results.map((r) => [r.header, r.cell, r.anchor, r.element, r.payout, r.explanation !== undefined])).toEqual([
      ['Attainment', 'Team!F3', 'Team!F2', { row: 1, col: 0 }, false, false],
      ['Commission', 'Team!G3', 'Team!G2', { row: 1, col: 0 }, true, true],
    ]);
    expect(wang.results[0].formula).toBe('=Team[Sales]/20000');
    expect(wang.payout).toEqual({ kind: 'number', value: 20000 * 0.02 + 15000 * 0.04 });
  });

  it('--period wins over the workbook; --payout and --role name columns as the table has them (case-blind)', async () => {
    const model = await statementsOf(spec, { period: '2025-Q3', payout: 'team[attainment]', role: 'Note' });
    expect(model.headers.payout).toBe('Attainment');
    expect(model.statements[0]).toMatchObject({ period: '2025-Q3', role: 'new' });
    expect(model.total).toBeCloseTo(0.5 + 1.75, 12);
  });

  it('a person whose payout is an error gets no statement and is listed', async () => {
    const model = await statementsOf({
      columns: ['Name', 'Sales'],
      rows: [['Li', 10000], ['Bad', -5], ['Zhao', 80000]],
      results: [{ header: 'Payout', perRow: (row) => `_xldudf_PERF_TIERED(B${row},Tiers!A2:B4)` }],
      others: [tiers],
    });
    expect(model.statements.map((s) => s.name)).toEqual(['Li', 'Zhao']);
    expect(model.refused).toEqual([expect.objectContaining({ name: 'Bad', row: 3, cell: 'Team!C3', code: '#NUM!' })]);
  });

  it('refuses references that name nothing, saying what there is', async () => {
    await expect(statementsOf(spec, { people: 'Nobody[Name]' })).rejects.toBeInstanceOf(StatementsRequestError);
    await expect(statementsOf(spec, { people: 'Nobody[Name]' })).rejects.toThrow('no table named Nobody (its tables: Team)');
    await expect(statementsOf(spec, { people: 'Team[Nom]' })).rejects.toThrow('--people Nom: table Team has no such column');
    await expect(statementsOf(spec, { people: 'Sheet!A1:A3' })).rejects.toThrow('--people must name a table column');
    await expect(statementsOf(spec, { payout: 'Other[Pay]' })).rejects.toThrow('--payout Other[Pay] names table Other');
    await expect(statementsOf({ ...spec, results: [spec.results[0]] })).rejects.toThrow('no payout column found beside table Team');
  });

  it('reads column references and compares headers as documented', () => {
    expect(parseColumnReference('Team[Name]')).toEqual({ table: 'Team', column: 'Name' });
    expect(parseColumnReference('人员[[姓名]]')).toEqual({ table: '人员', column: '姓名' });
    expect(parseColumnReference('Sheet!A1')).toBeUndefined();
    expect(headerKey(' Payout (CNY) ')).toBe('payout');
    expect(headerKey('奖金（元）')).toBe('奖金');
  });
});
