/**
 * The dealer price ladder and quarterly rebates (the channel manager's dealer pricing, role
 * responsibilities: stepped prices by level 总代/分销/零售, group leaders on their own rebates,
 * quarterly rebates and over-target rewards, 3% per order to intermediaries, a 50,000 CNY price
 * deposit with deductions and a 3-month supply suspension). Every number is recomputed here from
 * the template's data — the ladder retro and marginal — in the English and the Chinese workbook
 * alike. The contract every template keeps is tested once for all (contract.test.ts).
 */
import { DEALERS, LADDER, LEVELS, LIST_PRICE, ORDERS, dealerRebatePlan, dealerRebatePlanZh } from '../../library/templates/dealer-rebate';
import { ruleValues, storedFormula } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';
import { sum } from '../support/library-sum';

/** A rebate on the ladder column of a level: retro (the whole amount at the rate reached) or marginal (each slice at its rate). */
function rebate(amount: number, level: number, method: 'retro' | 'marginal'): number {
  let reached = 0;
  let marginal = 0;
  LADDER.forEach(([from, rates], i) => {
    const next = i + 1 < LADDER.length ? LADDER[i + 1][0] : Infinity;
    if (amount >= from) reached = rates[level];
    marginal += Math.max(0, Math.min(amount, next) - from) * rates[level];
  });
  return method === 'retro' ? amount * reached : marginal;
}

const OVER_TARGET = 0.02;
const DEPOSIT = 50_000;
const FORFEIT = 10_000;
const dealers = DEALERS.map(([en, zh, key, units, target, violations]) => {
  const level = LEVELS.findIndex((l) => l.key === key);
  const purchases = units * LIST_PRICE * LEVELS[level].priceShare;
  return { en, zh, level, purchases, target, violations, reward: Math.max(0, purchases - target) * OVER_TARGET, deposit: Math.max(0, DEPOSIT - violations * FORFEIT) };
});

describeEachLanguage({
  'en-US': [dealerRebatePlan, { plan: 'Plan', dealers: 'Dealers', orders: 'Orders', summary: 'Summary' }],
  'zh-CN': [dealerRebatePlanZh, { plan: '方案', dealers: '经销商', orders: '订单', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {

  it('prices each dealer at its level\'s share of the list price, and pays the quarterly rebate on its level\'s column (retro)', () => {
    dealers.forEach((d, i) => {
      const row = 5 + i;
      expect(json[`${S.dealers}!B${row}`]).toBe(LEVELS[d.level].name[locale]);
      expectClose(json[`${S.dealers}!G${row}`], d.purchases);
      expectClose(json[`${S.dealers}!K${row}`], rebate(d.purchases, d.level, 'retro'));
      expectClose(json[`${S.dealers}!L${row}`], rebate(d.purchases, d.level, 'retro') + d.reward);
    });
    // East China Trading, a general agent: 4,000 units × 550 = 2,200,000, past 1,000,000: 3% of all of it.
    expectClose(json[`${S.dealers}!K5`], 66_000);
    // The group leader earns on its own column: 900 × 700 = 630,000 at 3%, where a general agent would get 2%.
    expectClose(json[`${S.dealers}!K11`], 18_900);
    expect(storedFormula(book, S.dealers, 'K5')).toMatch(/^_xldudf_PERF_REBATE\(/);
  });

  it('rewards purchases above the quarterly target, forfeits deposit per violation and suspends supply', () => {
    dealers.forEach((d, i) => {
      const row = 5 + i;
      expectClose(json[`${S.dealers}!H${row}`], d.reward);
      expectClose(json[`${S.dealers}!I${row}`], d.deposit);
      expect(String(json[`${S.dealers}!J${row}`])).toBe(d.violations > 0 ? (locale === 'en-US' ? '⚠ supply suspended 3 months' : '⚠ 停止供货3个月') : 'OK');
    });
  });

  it('summarizes the quarter, retro against marginal, deposits and the intermediaries\' 3%', () => {
    const retro = sum(dealers.map((d) => rebate(d.purchases, d.level, 'retro')));
    const marginal = sum(dealers.map((d) => rebate(d.purchases, d.level, 'marginal')));
    expectClose(json[`${S.summary}!B4`], sum(dealers.map((d) => d.purchases)));
    expectClose(json[`${S.summary}!B5`], retro);
    expectClose(json[`${S.summary}!B6`], sum(dealers.map((d) => d.reward)));
    expectClose(json[`${S.summary}!B9`], retro);
    expectClose(json[`${S.summary}!B10`], marginal);
    expect(marginal).toBeLessThan(retro);
    expectClose(json[`${S.summary}!B12`], sum(dealers.map((d) => DEPOSIT - d.deposit)));
    expect(json[`${S.summary}!B13`]).toBe(dealers.filter((d) => d.violations > 0).length);
    expectClose(json[`${S.summary}!B14`], sum(ORDERS.map(([, , , amount]) => amount * 0.03)));
  });

  it('carries the plan\'s numbers where the rules say, and marks the rest as examples', () => {
    expect(ruleValues(template, book)).toMatchObject({
      'channels.intermediary-commission-3': 0.03,
      'channels.price-deposit-50000': 50_000,
      'channels.supply-suspension-3': 3,
      'channels.group-leader-rebates': LEVELS[3].name[locale],
    });
    const example = EXAMPLE_NOTE[locale];
    expect([json[`${S.plan}!C3`], json[`${S.plan}!C8`], json[`${S.dealers}!A3`], json[`${S.orders}!A3`]]).toEqual([example, example, example, example]);
    expect(String(json[`${S.plan}!C7`])).toMatch(locale === 'en-US' ? /^plan rule: a 50,000 CNY price deposit/ : /^方案规则：每个经销商缴纳5万元价格保证金/);
  });
});
