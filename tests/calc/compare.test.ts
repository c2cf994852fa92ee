/**
 * Plan A against plan B, person by person (calc/compare.ts; issue 12 item 2): worked examples
 * with the numbers done by hand — joiners and leavers, a person whose A is 0 (Δ% undefined,
 * never Infinity), ties in the largest changes, unchanged people, float noise, and the cells
 * that cannot be compared (errors, blanks, text, a key twice). Plan ceilings from defined names.
 */
import { ceilingLabels, ceilingNames, comparePlans, excelNumber, judgeCeiling, keyedValues, matchingKey, sum, KeyedValue } from '../../calc/compare';

const entries = (rows: [string, number][]): KeyedValue[] => rows.map(([key, value], i) => ({ key, value, cell: `Team!C${i + 2}` }));

describe('comparePlans: a worked example', () => {
  // Plan A: five people. Plan B: Qian left, Zhou joined; Li and Sun tie at |Δ| = 200; Zhao had 0.
  const a = entries([['Li', 1000], ['Wang', 2000], ['Zhao', 0], ['Qian', 500], ['Sun', 800], ['Wu', 300]]);
  const b = entries([['Li', 1200], ['Wang', 2050], ['Zhao', 120], ['Sun', 600], ['Wu', 300], ['Zhou', 840]]);
  const c = comparePlans(a, b, 3);

  it('each person: A, B, Δ = B − A and Δ% = Δ / |A|, in A\'s order then the joiners', () => {
    expect(c.people.map((p) => [p.key, p.status, p.a, p.b, p.delta, p.deltaPercent])).toEqual([
      ['Li', 'both', 1000, 1200, 200, 0.2],
      ['Wang', 'both', 2000, 2050, 50, 0.025],
      ['Zhao', 'both', 0, 120, 120, null],
      ['Qian', 'leaver', 500, undefined, -500, null],
      ['Sun', 'both', 800, 600, -200, -0.25],
      ['Wu', 'both', 300, 300, 0, 0],
      ['Zhou', 'joiner', undefined, 840, 840, null],
    ]);
  });

  it('a Δ% that does not exist says why: A is 0, or the person is a joiner or leaver (no Infinity anywhere)', () => {
    const why = Object.fromEntries(c.people.map((p) => [p.key, p.percentUndefined ?? null]));
    expect(why).toEqual({ Li: null, Wang: null, Zhao: 'a-is-zero', Qian: 'leaver', Sun: null, Wu: null, Zhou: 'joiner' });
    expect(JSON.stringify(c)).not.toMatch(/Infinity|NaN/);
  });

  it('joiners are in B only, leavers in A only', () => {
    expect(c.joiners.map((p) => p.key)).toEqual(['Zhou']);
    expect(c.leavers.map((p) => p.key)).toEqual(['Qian']);
  });

  it('totals: A 4,600, B 5,110, Δ +510 = people in both +170, joiners +840, leavers −500', () => {
    expect(c.totals).toEqual({ a: 4600, b: 5110, delta: 510, deltaPercent: 510 / 4600, deltaBoth: 170, deltaJoiners: 840, deltaLeavers: -500 });
    expect(c.totals.deltaBoth + c.totals.deltaJoiners + c.totals.deltaLeavers).toBe(c.totals.delta);
  });

  it('better off, worse off and unchanged count the people in both; the largest gain or loss first', () => {
    expect(c.winners.map((p) => p.key)).toEqual(['Li', 'Zhao', 'Wang']);
    expect(c.losers.map((p) => p.key)).toEqual(['Sun']);
    expect(c.unchanged.map((p) => p.key)).toEqual(['Wu']);
  });

  it('largest changes by |Δ|: a tie (Li +200, Sun −200) keeps A\'s order; --top cuts the list', () => {
    expect(c.largest.map((p) => [p.key, p.delta])).toEqual([['Li', 200], ['Sun', -200], ['Zhao', 120]]);
    expect(comparePlans(a, b, 1).largest.map((p) => p.key)).toEqual(['Li']);
  });

  it('a negative A (a clawback) gives Δ% on |A|: −100 → −50 is +50%', () => {
    const clawback = comparePlans(entries([['Li', -100]]), entries([['Li', -50]]));
    expect(clawback.people[0]).toMatchObject({ delta: 50, deltaPercent: 0.5 });
  });

  it('a total A of 0 leaves the total Δ% undefined (null), not Infinity', () => {
    const fromNothing = comparePlans(entries([['Li', 0]]), entries([['Li', 10], ['Wang', 5]]));
    expect(fromNothing.totals).toMatchObject({ a: 0, b: 15, delta: 15, deltaPercent: null });
  });

  it('no float noise: 11,000.1 − 10,000 is 1,000.1, and 0.1 + 0.2 sums to 0.3', () => {
    const noisy = comparePlans(entries([['Li', 10000], ['Wang', 0.1]]), entries([['Li', 11000.1], ['Wang', 0.2]]));
    expect(noisy.people.map((p) => p.delta)).toEqual([1000.1, 0.1]);
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(excelNumber(11000.1 - 10000)).toBe(1000.1);
  });

  it('keys match trimmed, case-blind and NFKC-folded (full-width digits), the number 1001 as "1001"', () => {
    expect(matchingKey(' ＬＩ ')).toBe(matchingKey('li'));
    const paired = comparePlans(entries([['１００１', 10], ['li', 5]]), entries([['1001', 12], ['LI', 5]]));
    expect(paired.people.map((p) => [p.key, p.status])).toEqual([['1001', 'both'], ['LI', 'both']]);
  });

  it('identical plans: everyone unchanged, nobody wins or loses, no largest change', () => {
    const same = comparePlans(a, a);
    expect([same.winners.length, same.losers.length, same.unchanged.length, same.largest.length, same.totals.delta]).toEqual([0, 0, 6, 0, 0]);
  });
});

describe('keyedValues: which cells can be compared', () => {
  const cell = (address: string, value: unknown) => ({ address, value: value as never });

  it('pairs keys and values, skips rows blank on both sides, reads number keys as Excel shows them', () => {
    const result = keyedValues(
      [cell('T!A2', 'Li'), cell('T!A3', undefined), cell('T!A4', 1001)],
      [cell('T!B2', 100), cell('T!B3', undefined), cell('T!B4', 0.1 + 0.2)],
    );
    expect(result).toEqual({ values: [{ key: 'Li', value: 100, cell: 'T!B2' }, { key: '1001', value: 0.30000000000000004, cell: 'T!B4' }], problems: [] });
  });

  it('lists every cell that is an error, blank, text or TRUE/FALSE, a value without a key, and a key twice', () => {
    const result = keyedValues(
      [cell('T!A2', 'Li'), cell('T!A3', 'Wang'), cell('T!A4', 'Zhao'), cell('T!A5', 'Sun'), cell('T!A6', undefined), cell('T!A7', 'li'), cell('T!A8', { error: '#REF!' })],
      [cell('T!B2', { error: '#N/A' }), cell('T!B3', undefined), cell('T!B4', 'n/a'), cell('T!B5', true), cell('T!B6', 50), cell('T!B7', 1), cell('T!B8', 2)],
    );
    expect(result.values).toEqual([]);
    expect(result.problems).toEqual([
      { kind: 'error', cell: 'T!B2', code: '#N/A' },
      { kind: 'blank', cell: 'T!B3' },
      { kind: 'text', cell: 'T!B4' },
      { kind: 'logical', cell: 'T!B5' },
      { kind: 'keyBlank', cell: 'T!A6', valueCell: 'T!B6' },
      { kind: 'error', cell: 'T!A8', code: '#REF!' },
      { kind: 'keyTwice', key: 'Li', cells: ['T!A2', 'T!A7'] },
    ]);
  });
});

describe('plan ceilings: PlanCeiling_X and PlanActual_X', () => {
  const name = (n: string) => ({ name: n, text: 'S!$A$1', hidden: false });

  it('finds each label once, whatever the case of the names, and keeps a half-defined pair to report it', () => {
    const found = ceilingNames([name('PlanCeiling_LabourCost'), name('Revenue'), name('planactual_labourcost'), name('PlanCeiling_Spend'), name('PlanActual_')]);
    expect(found).toEqual([{ label: 'LabourCost', ceiling: 'PlanCeiling_LabourCost', actual: 'planactual_labourcost' }, { label: 'Spend', ceiling: 'PlanCeiling_Spend' }]);
    expect(ceilingLabels(found, [{ label: 'spend' }, { label: 'Bonus', ceiling: 'PlanCeiling_Bonus' }])).toEqual(['LabourCost', 'Spend', 'Bonus']);
  });

  const names = { label: 'LabourCost', ceiling: 'PlanCeiling_LabourCost', actual: 'PlanActual_LabourCost' };
  const at = (cell: string, value: unknown) => ({ cell, value: value as never });

  it('labour cost 28% ≤ 30% is within; exactly 30% is within; 31% is over', () => {
    expect(judgeCeiling('LabourCost', names, at('I!B5', 0.3), at('I!B4', 0.28))).toMatchObject({ state: 'within', actual: 0.28, ceiling: 0.3 });
    expect(judgeCeiling('LabourCost', names, at('I!B5', 0.3), at('I!B4', 0.1 + 0.2))).toMatchObject({ state: 'within' });
    expect(judgeCeiling('LabourCost', names, at('I!B5', 0.3), at('I!B4', 0.31))).toMatchObject({ state: 'over' });
  });

  it('says what is missing or unusable: the workbook has no such ceiling, half a pair, not one cell, not a number', () => {
    expect(judgeCeiling('X', undefined, undefined, undefined)).toEqual({ label: 'X', state: 'absent' });
    expect(judgeCeiling('X', { label: 'X', ceiling: 'PlanCeiling_X' }, at('I!B5', 0.3), undefined)).toEqual({ label: 'X', state: 'noActual' });
    expect(judgeCeiling('X', { label: 'X', actual: 'PlanActual_X' }, undefined, at('I!B4', 0.3))).toEqual({ label: 'X', state: 'noCeiling' });
    expect(judgeCeiling('LabourCost', names, 'notCell', at('I!B4', 0.3))).toEqual({ label: 'LabourCost', state: 'notCell', name: 'PlanCeiling_LabourCost' });
    expect(judgeCeiling('LabourCost', names, at('I!B5', 0.3), at('I!B4', { error: '#DIV/0!' }))).toMatchObject({ state: 'notNumber', name: 'PlanActual_LabourCost', cell: 'I!B4' });
  });
});
