/**
 * The built-in re-organisation cost-benefit template (plan rules on cost-benefit, budget, team
 * structure and the service levels the re-organisation gives to roles): every key output against
 * arithmetic done in this test from the same sample inputs, in the English and the Chinese
 * workbook. The contract every template keeps is tested once for all of them (contract.test.ts).
 */
import { MONTHS, PILOT, REALISATION, REORG_INPUTS as IN, STAFFING, reorgCostBenefit, reorgCostBenefitZh } from '../../library/templates/reorg-cost-benefit';
import { names, ruleValues } from './support/built';
import { describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';

const labour = IN.headcount * IN.costPerHead;
const monthlyLabour = labour / 12;

/** Net automation cash flow of month m: −investment at 0, ramp-up share for the first months. */
const savings = (m: number) => (m === 0 ? 0 : IN.monthlySavings * (m <= IN.rampMonths ? IN.rampShare : 1));
const running = (m: number) => (m === 0 ? 0 : IN.monthlyRunning);
const netFlow = (m: number) => savings(m) - running(m) - (m === 0 ? IN.investment : 0);

/** Yearly programme flows (years 0..3). */
function programme() {
  const months = (fn: (m: number) => number, y: number) => {
    let total = 0;
    for (let m = y === 0 ? 0 : 12 * (y - 1) + 1; m <= (y === 0 ? 0 : 12 * y); m++) total += fn(m);
    return total;
  };
  const flex = labour * IN.flexScope * IN.flexRate;
  const privateValue = IN.migrated * IN.publicLtv * (IN.ltvMultiple - 1);
  const transition = monthlyLabour * IN.transitionRate * IN.transitionMonths + IN.knowledgeTransfer + IN.friction;
  const years = [0, 1, 2, 3];
  const benefits = years.map(
    (y) => months(savings, y) + (y === 0 ? 0 : flex + privateValue) + IN.revenue * IN.lift * IN.margin * REALISATION[y],
  );
  const costs = years.map((y) => (y === 0 ? IN.investment + transition : 0) + months(running, y));
  return { benefits, costs, transition };
}

const pv = (values: number[], rate: number) => values.reduce((s, v, t) => s + v / (1 + rate) ** t, 0);


describeEachLanguage({
  'en-US': [reorgCostBenefit, { inputs: 'Inputs', automation: 'Automation', staffing: 'Staffing', programme: 'Programme', summary: 'Summary' }],
  'zh-CN': [reorgCostBenefitZh, { inputs: '参数', automation: '自动化', staffing: '人员规模', programme: '项目', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {
  /** A verdict as the workbook's language says it. */
  const V = (en: string, zh: string) => (locale === 'en-US' ? en : zh);

  it('compares labour cost with the 30% ceiling and marketing spend with 15% of revenue (cost.labour-share-30, cost.marketing-spend-15)', () => {
    expectClose(json[`${S.programme}!B4`], labour);
    expectClose(json[`${S.summary}!B2`], labour / IN.revenue);
    expect(json[`${S.summary}!D2`]).toBe(labour / IN.revenue <= 0.3 ? 'OK' : V('Over the ceiling — review', '超限需复核'));
    expectClose(json[`${S.summary}!B3`], IN.marketing / IN.revenue);
    // The sample spends 15.5% of revenue on marketing: the flag must show.
    expect(IN.marketing / IN.revenue).toBeGreaterThan(0.15);
    expect(json[`${S.summary}!D3`]).toBe(V('Over the ceiling — review', '超限需复核'));
  });

  it('costs the transition at 15–30% of monthly labour for 1–3 months (cost.transition-15-30)', () => {
    expectClose(json[`${S.summary}!B4`], monthlyLabour * IN.transitionRate * IN.transitionMonths);
    expectClose(json[`${S.summary}!B5`], monthlyLabour * 0.15 * 1);
    expectClose(json[`${S.summary}!C5`], monthlyLabour * 0.3 * 3);
    expectClose(json[`${S.summary}!B6`], programme().transition);
    expect(json[`${S.summary}!D4`]).toBe(V('Within the rule-of-thumb band', '在经验区间内'));
  });

  it('computes the automation payback in months, simple and discounted, against the 6–12 month rule (cost.automation-payback-6-12)', () => {
    // Closed form: after the ramp-up the monthly net flow is constant.
    const afterRamp = -IN.investment + IN.rampMonths * (IN.monthlySavings * IN.rampShare - IN.monthlyRunning);
    const simple = IN.rampMonths + -afterRamp / (IN.monthlySavings - IN.monthlyRunning);
    expectClose(json[`${S.summary}!B7`], simple);
    expect(simple).toBeGreaterThanOrEqual(6);
    expect(simple).toBeLessThanOrEqual(12);
    expect(json[`${S.summary}!D7`]).toBe(V('Within the rule of thumb', '符合经验值'));

    const monthly = (1 + IN.discountRate) ** (1 / 12) - 1;
    let cumulative = netFlow(0);
    let discounted = NaN;
    for (let m = 1; m <= MONTHS && Number.isNaN(discounted); m++) {
      const flow = netFlow(m) / (1 + monthly) ** m;
      if (cumulative + flow >= 0) discounted = m - 1 + -cumulative / flow;
      cumulative += flow;
    }
    expectClose(json[`${S.summary}!B8`], discounted);
    expect(discounted).toBeGreaterThan(simple);

    // The cash-flow table the chart draws.
    let running = 0;
    for (let m = 0; m <= MONTHS; m++) {
      running += netFlow(m);
      expectClose(json[`${S.automation}!E${3 + m}`], netFlow(m));
      expectClose(json[`${S.automation}!F${3 + m}`], running);
    }
  });

  it('values flexible staffing at 15–30% and the output lift at 20–45% (cost.flexible-staffing-15-30, cost.reorg-lift-20-45)', () => {
    expectClose(json[`${S.summary}!B9`], labour * IN.flexScope * IN.flexRate);
    expectClose(json[`${S.summary}!B10`], labour * IN.flexScope * 0.15);
    expectClose(json[`${S.summary}!C10`], labour * IN.flexScope * 0.3);
    expectClose(json[`${S.summary}!B11`], IN.revenue * IN.lift);
    expectClose(json[`${S.summary}!B12`], IN.revenue * 0.2);
    expectClose(json[`${S.summary}!C12`], IN.revenue * 0.45);
    expect([json[`${S.summary}!D9`], json[`${S.summary}!D11`]]).toEqual([V('Within the rule-of-thumb band', '在经验区间内'), V('Within the rule-of-thumb band', '在经验区间内')]);
  });

  it('values the private domain at 3× public LTV (cost.ltv-private-3x)', () => {
    expectClose(json[`${S.summary}!B22`], IN.publicLtv * 3);
    expectClose(json[`${S.programme}!B17`], IN.migrated * IN.publicLtv * 2);
  });

  it('computes the discounted benefit-cost ratio (PERF.BCR) and NPV over years 0–3', () => {
    const { benefits, costs } = programme();
    ['B', 'C', 'D', 'E'].forEach((col, y) => {
      expectClose(json[`${S.programme}!${col}26`], benefits[y]);
      expectClose(json[`${S.programme}!${col}30`], costs[y]);
    });
    const ratio = pv(benefits, IN.discountRate) / pv(costs, IN.discountRate);
    expectClose(json[`${S.summary}!B13`], ratio);
    expect(json[`${S.summary}!D13`]).toBe(ratio >= 1 ? V('Benefits cover costs', '收益覆盖成本') : V('Costs exceed benefits', '成本高于收益'));
    expectClose(json[`${S.summary}!B14`], pv(benefits, IN.discountRate) - pv(costs, IN.discountRate));
  });

  it('spills the marginal return per extra head and finds the optimum where it falls below 1 (cost.marginal-return-1)', () => {
    const cost = STAFFING.map(([heads]) => heads * IN.costPerHead);
    const returns = STAFFING.slice(1).map(([, revenue], i) => (revenue - STAFFING[i][1]) / (cost[i + 1] - cost[i]));
    returns.forEach((m, i) => expectClose(json[`${S.staffing}!F${7 + i}`], m));
    const firstBelow = returns.findIndex((m) => m < 1);
    const optimalCost = firstBelow < 0 ? cost[cost.length - 1] : cost[firstBelow];
    expectClose(json[`${S.summary}!B15`], optimalCost);
    const optimalHeads = optimalCost / IN.costPerHead;
    expect(optimalHeads).toBe(66); // the sample: the 67th person returns less than 1
    expectClose(json[`${S.summary}!B16`], optimalHeads);
    expect(json[`${S.summary}!D16`]).toBe(V('Below the optimum: one more head still returns ≥ 1', '低于最优，可增员'));
    STAFFING.forEach(([, revenue], i) => expectClose(json[`${S.staffing}!D${6 + i}`], cost[i] / revenue));
  });

  it('checks span of control ≤ 7 and 20% spare capacity, today and after (team.span-7, team.spare-capacity-20)', () => {
    const spanNow = (IN.headcount - IN.managersNow) / IN.managersNow;
    const spanNew = (IN.headcount - IN.managersNew) / IN.managersNew;
    const spareNow = 1 - IN.workloadNow / (IN.headcount * IN.workDays);
    const spareNew = 1 - IN.workloadNew / (IN.headcount * IN.workDays);
    expectClose(json[`${S.summary}!B17`], spanNow);
    expectClose(json[`${S.summary}!B18`], spanNew);
    expectClose(json[`${S.summary}!B19`], spareNow);
    expectClose(json[`${S.summary}!B20`], spareNew);
    expect(json[`${S.summary}!D17`]).toBe(spanNow <= 7 ? 'OK' : V('Over the span of control', '超过管理幅度'));
    expect(json[`${S.summary}!D18`]).toBe(spanNew <= 7 ? 'OK' : V('Over the span of control', '超过管理幅度'));
    expect(json[`${S.summary}!D19`]).toBe(spareNow >= 0.2 ? 'OK' : V('Below the spare capacity to keep', '富余产能不足'));
    expect(json[`${S.summary}!D20`]).toBe(spareNew >= 0.2 ? 'OK' : V('Below the spare capacity to keep', '富余产能不足'));
    expect([json[`${S.summary}!D17`], json[`${S.summary}!D18`], json[`${S.summary}!D19`], json[`${S.summary}!D20`]]).toEqual([
      V('Over the span of control', '超过管理幅度'),
      'OK',
      V('Below the spare capacity to keep', '富余产能不足'),
      'OK',
    ]);
  });

  it('puts the year-0 investment in its decision-rights band (budget.decision-rights)', () => {
    const size = programme().costs[0];
    expectClose(json[`${S.summary}!B21`], size);
    const band = size <= 5_000_000 ? V('The squad lead approves', '小组负责人审批') : size <= 20_000_000 ? V('The director approves', '总监审批') : V('Management decides', '管理层决策');
    expect(band).toBe(V('The director approves', '总监审批'));
    expect(json[`${S.summary}!D21`]).toBe(band);
  });

  it('stops the pilot after two weeks running below ROI 0.8 (cost.stop-roi-0.8)', () => {
    const roi = PILOT.map(([spend, ret]) => ret / spend);
    roi.forEach((v, i) => expectClose(json[`${S.programme}!D${37 + i}`], v));
    const stop = roi.findIndex((v, i) => i > 0 && v < 0.8 && roi[i - 1] < 0.8);
    expect(json[`${S.summary}!B23`]).toBe(stop + 1);
    expect(json[`${S.summary}!D23`]).toBe(V('Stop the pilot', '停止试点'));
    expect(json[`${S.summary}!B24`]).toBe(roi.filter((v) => v < 0.8).length);
  });

  it('checks the service levels the re-organisation gives to roles on the slowest case, not the average (scoring.ecommerce-reply-30s, scoring.key-account-24h)', () => {
    expect([json[`${S.summary}!B25`], json[`${S.summary}!C25`], json[`${S.summary}!D25`]]).toEqual([IN.ecomSlowest, 30, 'OK']);
    expect([json[`${S.summary}!B26`], json[`${S.summary}!C26`], json[`${S.summary}!D26`]]).toEqual([IN.kaSlowest, 24, V('Over 24 hours', '超过24小时')]);
    const at = template.rules.find((r) => r.rule === 'scoring.ecommerce-reply-30s')!.cell.replace(/^B/, 'D');
    expect(String(json[`${S.inputs}!${at}`])).toMatch(locale === 'en-US' ? /^plan rule: the e-commerce service desk replies within 30 seconds — channel team re-organisation plan/ : /^方案规则：电商客服响应不超过30秒——渠道营销团队分工优化方案/);
  });

  it('carries each digest rule in a cell holding the digest\'s number (the low end of a band)', () => {
    expect(ruleValues(template, book)).toEqual({
      'scoring.ecommerce-reply-30s': 30,
      'scoring.key-account-24h': 24,
      'budget.decision-rights': 5_000_000,
      'cost.automation-payback-6-12': 6,
      'cost.flexible-staffing-15-30': 0.15,
      'cost.labour-share-30': 0.3,
      'cost.ltv-private-3x': 3,
      'cost.marginal-return-1': 1,
      'cost.marketing-spend-15': 0.15,
      'cost.reorg-lift-20-45': 0.2,
      'cost.stop-roi-0.8': 0.8,
      'cost.transition-15-30': 0.15,
      'team.spare-capacity-20': 0.2,
      'team.span-7': 7,
    });
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(
      expect.arrayContaining(['ReorgInputs', 'TeamRevenue', 'Headcount', 'CostPerHead', 'AutomationInvestment', 'DiscountRate', 'AutomationCashFlow']),
    );
  });
});
