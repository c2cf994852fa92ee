/**
 * The annual → quarterly → monthly target breakdown by region and person (plan rule: annual
 * targets are broken down into quarters and months, 年度→季度→月度; month 1 reaches 20% of the
 * annual target). Months are recomputed here by largest remainders in whole units of the rounding
 * (ties to the earlier month), never by calling the engine; quarters are their months' sums; the
 * period is the workbook's opening one (Q1) — in the English and the Chinese workbook alike.
 */
import { SEASONALITY } from '../../library/kit/targets';
import { OPENING_PERIOD, PEOPLE, REGIONS, ROUNDING, targetBreakdownTemplate, targetBreakdownTemplateZh } from '../../library/templates/target-breakdown';
import { columnLetters } from '../../workbook/a1';
import { ruleValues, storedFormula } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';

/** Twelve months of `annual` by largest remainders, in whole units of ROUNDING; weights in hundredths. */
function months(annual: number): number[] {
  const units = Math.round(annual / ROUNDING);
  const weights = SEASONALITY.map((w) => Math.round(w * 100));
  const total = weights.reduce((s, w) => s + w, 0);
  const floors = weights.map((w) => Math.floor((units * w) / total));
  const order = weights.map((w, i) => ({ i, rest: (units * w) % total })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = units - floors.reduce((s, f) => s + f, 0);
  for (const { i } of order) if (left-- > 0) floors[i]++;
  return floors.map((f) => f * ROUNDING);
}
const quarters = (m: number[]) => [0, 1, 2, 3].map((q) => m.slice(3 * q, 3 * q + 3).reduce((s, v) => s + v, 0));
const period = (m: number[]) => quarters(m)[OPENING_PERIOD - 1];
const people = PEOPLE.map(([, , region, share]) => Math.round((REGIONS[region][2] * share) / ROUNDING) * ROUNDING);

describeEachLanguage({
  'en-US': [targetBreakdownTemplate, { targets: 'Targets', regions: 'Regions', people: 'People', summary: 'Summary' }],
  'zh-CN': [targetBreakdownTemplateZh, { targets: '目标', regions: '区域', people: '人员', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {
  /** The period target, twelve months and four quarters of row `row` from column E on. */
  const row = (sheet: string, r: number) => Array.from({ length: 17 }, (_, i) => json[`${sheet}!${columnLetters(5 + i)}${r}`] as number);

  it('splits each region\'s year over the months by largest remainders: multiples of the rounding, adding up exactly; quarters sum their months', () => {
    REGIONS.forEach(([, , annual], i) => {
      const m = months(annual);
      expect(m.reduce((s, v) => s + v, 0)).toBe(annual);
      expect(row(S.regions, 5 + i)).toEqual([period(m), ...m, ...quarters(m)]);
    });
    // Month 1 is the 20% milestone: East's 36,000,000 → 7,200,000.
    expect(json[`${S.regions}!F5`]).toBe(7_200_000);
    expect(storedFormula(book, S.regions, 'F5')).toMatch(/^_xldudf_PERF_QUOTASPLIT\(/);
  });

  it('gives each person their share of the region\'s year, rounded, and splits it the same way', () => {
    PEOPLE.forEach((_, i) => {
      expect(json[`${S.people}!D${5 + i}`]).toBe(people[i]);
      const m = months(people[i]);
      expect(row(S.people, 5 + i)).toEqual([period(m), ...m, ...quarters(m)]);
    });
  });

  it('checks that each region is fully assigned, and summarizes the period', () => {
    REGIONS.forEach((_, i) => expect([json[`${S.regions}!C${5 + i}`], json[`${S.regions}!D${5 + i}`]]).toEqual([1, 'OK']));
    expect(json[`${S.summary}!B3`]).toBe(locale === 'en-US' ? 'Q1' : '一季度');
    const annual = REGIONS.reduce((s, r) => s + r[2], 0);
    expect([json[`${S.summary}!B4`], json[`${S.summary}!B5`]]).toEqual([annual, annual]);
    expect(json[`${S.summary}!B6`]).toBe(REGIONS.reduce((s, r) => s + period(months(r[2])), 0));
    expect(json[`${S.summary}!B8`]).toBe(people.reduce((s, p) => s + period(months(p)), 0));
    expect(json[`${S.summary}!B9`]).toBe(0);
    expectClose(json[`${S.summary}!B10`], 0.2);
  });

  it('carries the breakdown and the month-1 milestone as plan rules', () => {
    expect(ruleValues(template, book)).toEqual({ 'scoring.monthly-milestone-20': 0.2, 'targets.annual-breakdown': locale === 'en-US' ? 'Q1' : '一季度' });
    expect(json[`${S.regions}!A3`]).toBe(EXAMPLE_NOTE[locale]);
  });
});
