/**
 * The built-in tiered-commission template. Plan rule (team management methods): the tiered
 * commission tiers on attainment of the performance target (业绩目标达成率) — commission =
 * target × the tiered value of attainment, so each slice of sales earns its band's rate; the
 * amount-tiered table beside it is an example. Every number is recomputed here from the tier
 * tables, marginal and retroactive, in the English and the Chinese workbook alike. The contract
 * every template keeps is tested once for all of them (contract.test.ts).
 */
import { AMOUNT_TIERS, ATTAINMENT_TIERS, TEAM, tieredCommission, tieredCommissionZh } from '../../library/templates/tiered-commission';
import { storedFormula } from './support/built';
import { describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';

/** Marginal and retro value of `x` on a (from, rate) tier table. */
function tiered(x: number, tiers: [number, number][], method: 'marginal' | 'retro'): number {
  let value = 0;
  let reached = 0;
  tiers.forEach(([from, rate], i) => {
    const next = i + 1 < tiers.length ? tiers[i + 1][0] : Infinity;
    if (x >= from) reached = rate;
    value += Math.max(0, Math.min(x, next) - from) * rate;
  });
  return method === 'marginal' ? value : x * reached;
}

const commission = ([, , target, sales]: (typeof TEAM)[number], method: 'marginal' | 'retro') => target * tiered(sales / target, ATTAINMENT_TIERS, method);
const total = (method: 'marginal' | 'retro') => TEAM.reduce((s, person) => s + commission(person, method), 0);

describeEachLanguage({
  'en-US': [tieredCommission, { team: 'Team', summary: 'Summary', plan: 'Plan' }],
  'zh-CN': [tieredCommissionZh, { team: '团队', summary: '汇总', plan: '方案' }],
}, ({ S: { team, summary, plan }, book, json }) => {

  it('pays each person target × the attainment tiers (marginal: each slice of sales at its band\'s rate)', () => {
    TEAM.forEach((person, i) => {
      expectClose(json[`${team}!D${5 + i}`], person[3] / person[2]);
      expectClose(json[`${team}!E${5 + i}`], commission(person, 'marginal'));
      expectClose(json[`${team}!F${5 + i}`], person[3] > 0 ? commission(person, 'marginal') / person[3] : 0);
    });
    // Zhou Tao, 760,000 on a 400,000 target (190%): 400,000 × (60%×2% + 20%×3% + 20%×4.5% + 20%×6% + 30%×8% + 40%×10%) = 41,200.
    expectClose(json[`${team}!E12`], 41_200);
  });

  it('keeps the amount-tiered example beside it, labelled as such', () => {
    TEAM.forEach(([, , , sales], i) => expectClose(json[`${team}!G${5 + i}`], tiered(sales, AMOUNT_TIERS, 'marginal')));
    expect(String(json[`${plan}!D6`])).toMatch(/^(Example|示例)/);
  });

  it('summarizes the team and both methods', () => {
    expectClose(json[`${summary}!B3`], TEAM.reduce((s, p) => s + p[2], 0));
    expectClose(json[`${summary}!B4`], TEAM.reduce((s, p) => s + p[3], 0));
    expectClose(json[`${summary}!B6`], total('marginal'));
    expectClose(json[`${summary}!B7`], total('marginal'));
    expectClose(json[`${summary}!B8`], total('retro'));
    expectClose(json[`${summary}!B10`], TEAM.reduce((s, p) => s + tiered(p[3], AMOUNT_TIERS, 'marginal'), 0));
  });

  it('says where its numbers come from: the tiers are the plan rule, the team an example', () => {
    expect(String(json[`${plan}!A6`])).toMatch(/^(plan rule: tiered commission on attainment of the performance target|方案规则：阶梯式提成按业绩目标达成率分档)/);
    expect(String(json[`${team}!A3`])).toMatch(/^(example — replace with yours|示例——请替换为贵司数据)$/);
    expect(String(json[`${plan}!D3`])).toMatch(/^(example — replace with yours|示例——请替换为贵司数据)$/);
  });

  it('reads the whole table: one PERF.TIERED over the People column, the method a dropdown in the workbook\'s language', () => {
    expect(storedFormula(book, team, 'G5')).toMatch(/^_xldudf_PERF_TIERED\((People\[Sales\]|人员\[销售额\]),(AmountTiers|金额档位),CommissionMethod\)$/);
    expect(json[`${plan}!B3`]).toBe(team === 'Team' ? 'marginal' : '边际');
  });
});
