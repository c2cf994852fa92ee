/**
 * The cross-department shared commission and bonus pool (plan rule: sales, operations and supply
 * chain share one commission and one bonus pool — 三方共享业绩提成、共享奖金池; cross-department
 * points convert to training or leave). Credit, commission and the pool are recomputed here: the
 * pool by bisection on the multiple λ (amount = clamp(λ × share, floor, cap), Σ = pool), never by
 * calling the engine, in the English and the Chinese workbook alike.
 */
import { DEALS, DEPARTMENTS, type Department, PEOPLE, sharedCommissionPool, sharedCommissionPoolZh } from '../../library/templates/shared-pool';
import { ruleValues, storedFormula } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';
import { sum } from '../support/library-sum';

const RATE = 0.02;
const POOL = 300_000;
const CAP = 50_000;
const FLOOR = 8_000;

/** Water-filling by bisection: the λ at which Σ clamp(λ s, floor, cap) = pool. */
function pool(shares: number[]): number[] {
  const at = (lambda: number) => shares.map((s) => Math.min(CAP, Math.max(FLOOR, lambda * s)));
  let [lo, hi] = [0, 1];
  while (at(hi).reduce((a, b) => a + b, 0) < POOL) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid).reduce((a, b) => a + b, 0) < POOL) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2);
}

const credit = PEOPLE.map((_, i) => DEALS.reduce((s, [, amount, rows]) => s + rows.filter(([p]) => p === i).reduce((x, [, share]) => x + amount * share, 0), 0));
const bonus = pool(PEOPLE.map(([, , , score, base]) => score * base));

describeEachLanguage({
  'en-US': [sharedCommissionPool, { plan: 'Plan', team: 'Team', deals: 'Deals', summary: 'Summary' }],
  'zh-CN': [sharedCommissionPoolZh, { plan: '方案', team: '团队', deals: '订单', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {

  it('credits each person their share of every deal they worked on, and pays the shared commission on it', () => {
    PEOPLE.forEach((_, i) => {
      expectClose(json[`${S.team}!I${5 + i}`], credit[i]);
      expectClose(json[`${S.team}!J${5 + i}`], credit[i] * RATE);
    });
    // Gao Yuan: half of 1,200,000 and a quarter of 2,000,000.
    expectClose(json[`${S.team}!I5`], 1_100_000);
    expect(storedFormula(book, S.team, 'I5')).toMatch(/^_xldudf_PERF_CREDIT\(/);
    expectClose(json[`${S.summary}!B3`], sum(DEALS.map(([, amount, rows]) => amount * sum(rows.map(([, s]) => s)))));
    expectClose(json[`${S.summary}!B4`], sum(credit));
  });

  it('splits the pool by score × base salary within the cap and the floor, and pays it out in full', () => {
    PEOPLE.forEach((_, i) => expectClose(json[`${S.team}!K${5 + i}`], bonus[i], 1e-7));
    expect(bonus.filter((b) => b === CAP)).toHaveLength(1);
    expect(bonus.filter((b) => b === FLOOR)).toHaveLength(1);
    expect([json[`${S.team}!L5`], json[`${S.team}!L7`]]).toEqual(locale === 'en-US' ? ['at the cap', 'at the floor'] : ['已封顶', '保底']);
    expectClose(json[`${S.summary}!B10`], POOL, 1e-7);
    expect([json[`${S.summary}!B14`], json[`${S.summary}!B15`]]).toEqual([1, 1]);
    expect(storedFormula(book, S.team, 'K5')).toMatch(/^_xldudf_PERF_POOL\(/);
  });

  it('totals commission and bonus by department', () => {
    (Object.keys(DEPARTMENTS) as Department[]).forEach((d, k) => {
      const members = PEOPLE.map((p, i) => (p[2] === d ? i : -1)).filter((i) => i >= 0);
      expectClose(json[`${S.summary}!B${6 + k}`], sum(members.map((i) => credit[i] * RATE)));
      expectClose(json[`${S.summary}!B${11 + k}`], sum(members.map((i) => bonus[i])), 1e-7);
    });
  });

  it('converts cross-department points to training hours or days of leave', () => {
    expectClose(json[`${S.summary}!B16`], sum(PEOPLE.map((p) => p[5])));
    expectClose(json[`${S.summary}!B17`], sum(PEOPLE.map((p) => p[5] / 10)));
  });

  it('says where its numbers come from', () => {
    expect(Object.keys(ruleValues(template, book)).sort()).toEqual(['payouts.cross-department-points', 'payouts.shared-commission']);
    expect(String(json[`${S.plan}!A10`])).toMatch(locale === 'en-US' ? /^plan rule: sales, operations and supply chain share one commission/ : /^方案规则：销售、运营与供应链三方共享/);
    expect(json[`${S.plan}!C3`]).toBe(EXAMPLE_NOTE[locale]);
    expect(String(json[`${S.deals}!A3`])).toMatch(locale === 'en-US' ? /^Example — replace with yours/ : /^示例——请替换为贵司数据/);
  });
});
