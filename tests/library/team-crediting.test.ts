/**
 * Sales crediting with roll-up for a team of teams: split deals, an overlay credited on top, a
 * return; credit rolled up the org chart by walking it here (never the engine), so the top of the
 * chart holds the sum of all credited rows; reps paid on their own credit, leaders an override on
 * their whole group's sales; the span of control (plan rule: at most 7 direct reports) checked —
 * in the English and the Chinese workbook alike.
 */
import { DEALS, PEOPLE, teamCreditingRollup, teamCreditingRollupZh } from '../../library/templates/team-crediting';
import { ruleValues, storedFormula } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';

const own = PEOPLE.map((_, i) => DEALS.filter(([, p]) => p === i).reduce((s, [, , amount, share]) => s + amount * share, 0));
/** Own credit plus every report's rolled-up credit, recursively. */
const rolled = (i: number): number => own[i] + PEOPLE.map((p, j) => (p[2] === i ? rolled(j) : 0)).reduce((s, v) => s + v, 0);
const reports = PEOPLE.map((_, i) => PEOPLE.filter((p) => p[2] === i).length);
const commission = PEOPLE.map((_, i) => own[i] * 0.03 + (reports[i] > 0 ? rolled(i) * 0.01 : 0));
const total = DEALS.reduce((s, [, , amount, share]) => s + amount * share, 0);

describeEachLanguage({
  'en-US': [teamCreditingRollup, { plan: 'Plan', team: 'Team', summary: 'Summary' }],
  'zh-CN': [teamCreditingRollupZh, { plan: '方案', team: '团队', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {

  it('credits each person their rows (split deals by share, an overlay on top, a return subtracted)', () => {
    PEOPLE.forEach((_, i) => expectClose(json[`${S.team}!F${5 + i}`], own[i]));
    // Xie Ying: 420,000 + 60% of 300,000; Du Juan: 40% of 300,000 less a 40,000 return; the overlay Ren Yu: all of D-5004.
    expect([json[`${S.team}!F8`], json[`${S.team}!F10`], json[`${S.team}!F13`]]).toEqual([600_000, 80_000, 510_000]);
    expect(storedFormula(book, S.team, 'F5')).toMatch(/^_xldudf_PERF_CREDIT\(/);
  });

  it('rolls credit up to every manager: the top holds the sum of the whole tree', () => {
    PEOPLE.forEach((_, i) => {
      expectClose(json[`${S.team}!G${5 + i}`], rolled(i));
      expectClose(json[`${S.team}!H${5 + i}`], rolled(i) - own[i]);
    });
    expectClose(json[`${S.team}!G5`], total);
    expect([json[`${S.summary}!B3`], json[`${S.summary}!B4`], json[`${S.summary}!B5`]]).toEqual([total, total, total]);
  });

  it('pays reps on their own credit and leaders an override on their whole group, and checks the span of control', () => {
    PEOPLE.forEach((_, i) => {
      expectClose(json[`${S.team}!I${5 + i}`], commission[i]);
      expect([json[`${S.team}!D${5 + i}`], json[`${S.team}!E${5 + i}`]]).toEqual([reports[i], 'OK']);
    });
    expectClose(json[`${S.summary}!B6`], commission.reduce((s, v) => s + v, 0));
    expect(ruleValues(template, book)).toEqual({ 'team.span-7': 7 });
    expect(json[`${S.plan}!C5`]).toBe(locale === 'en-US' ? 'plan rule: span of control at most 7 direct reports — marketing plans' : '方案规则：管理幅度不超过7名直接下属——营销方案');
    expect(json[`${S.plan}!C3`]).toBe(EXAMPLE_NOTE[locale]);
  });
});
