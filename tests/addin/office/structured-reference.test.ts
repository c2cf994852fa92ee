/**
 * Structured references as the Statements view reads them in PERF calls (People[Sales],
 * [@Sales], People[[#This Row],[Sales]], People[[#Totals],[Payout]], People[#Data]), and the
 * argument split that keeps a structured reference's commas inside it.
 */
import { parseStructuredReference } from '../../../addin/office/structured-reference';
import { parsePerfFormula } from '../../../addin/taskpane/views/explain/formula-args';

describe('parseStructuredReference', () => {
  it('reads a column’s data, the cell in this row, a totals cell and the whole data body', () => {
    expect(parseStructuredReference('People[Sales]')).toEqual({ table: 'People', part: 'data', column: 'Sales' });
    expect(parseStructuredReference('People[[Sales]]')).toEqual({ table: 'People', part: 'data', column: 'Sales' });
    expect(parseStructuredReference('People[[#Data],[Sales]]')).toEqual({ table: 'People', part: 'data', column: 'Sales' });
    expect(parseStructuredReference('[@Sales]')).toEqual({ part: 'thisRow', column: 'Sales' });
    expect(parseStructuredReference('People[@[Payout (CNY)]]')).toEqual({ table: 'People', part: 'thisRow', column: 'Payout (CNY)' });
    expect(parseStructuredReference('People[[#This Row],[Sales]]')).toEqual({ table: 'People', part: 'thisRow', column: 'Sales' });
    expect(parseStructuredReference('People[[#Totals],[Payout]]')).toEqual({ table: 'People', part: 'totals', column: 'Payout' });
    expect(parseStructuredReference('People[#Data]')).toEqual({ table: 'People', part: 'data' });
    expect(parseStructuredReference('人员[销售额]')).toEqual({ table: '人员', part: 'data', column: '销售额' });
    expect(parseStructuredReference("People[Rate '#]")).toEqual({ table: 'People', part: 'data', column: 'Rate #' });
  });

  it('leaves other text and the forms a statement never needs', () => {
    for (const text of ['B2:B9', 'Tiers', '"x"', '{0,1}', 'People[#All]', 'People[#Headers]', 'People[[Sales]:[Target]]', 'People[]', 'SUM(People[Sales])']) {
      expect({ text, parsed: parseStructuredReference(text) }).toEqual({ text, parsed: undefined });
    }
  });
});

describe('a PERF call with structured references', () => {
  it('splits its arguments at top-level commas only, not inside brackets', () => {
    expect(parsePerfFormula('=PERF.TIERED(People[[#This Row],[Sales]],{0,0.03;100000,0.05},"marginal")')).toEqual({
      name: 'TIERED',
      args: ['People[[#This Row],[Sales]]', '{0,0.03;100000,0.05}', '"marginal"'],
    });
  });
});
