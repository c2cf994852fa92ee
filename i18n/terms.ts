/**
 * The finance glossary: one en-US and one zh-CN word for every finance term PerfPlan shows —
 * in the task pane, the function descriptions, the templates and the statements. A text that
 * names one of these concepts uses the glossary's word; the words listed under `avoid` are
 * the synonyms PerfPlan used to mix in and must not appear again (tests/addin/glossary.test.ts
 * checks every pane text and the rendered pane against them).
 *
 * The option words the PERF functions take as arguments ("marginal", "边际") and their names
 * on screen are in i18n/options.ts, which names marginal / retro by the terms below.
 */
import type { Locale } from './locale';
import type { Text } from './text';

export interface Term extends Text {
  /** Synonyms (or regular expressions) that must not stand for this concept, per language. */
  readonly avoid?: { readonly [L in Locale]?: readonly (string | RegExp)[] };
}

export const TERMS = {
  // ---- Pay ---------------------------------------------------------------------------------
  commission: { 'en-US': 'commission', 'zh-CN': '提成', avoid: { 'zh-CN': ['佣金'] } },
  /** The share of an amount paid as commission inside a tier. "费率" reads as a fee. */
  rate: { 'en-US': 'rate', 'zh-CN': '提成比例', avoid: { 'zh-CN': ['费率'] } },
  tier: { 'en-US': 'tier', 'zh-CN': '档', avoid: { 'zh-CN': ['级距'] } },
  threshold: { 'en-US': 'threshold', 'zh-CN': '起点' },
  tieredCommission: { 'en-US': 'tiered commission', 'zh-CN': '分档提成', avoid: { 'zh-CN': ['分级提成'] } },
  /** Each slice of the amount at its own tier's rate. */
  marginal: { 'en-US': 'marginal', 'zh-CN': '超额累进', avoid: { 'zh-CN': [/(?<![超全]额)累进/] } },
  /** The whole amount at the rate of the tier reached. */
  retroactive: { 'en-US': 'retroactive', 'zh-CN': '全额累进' },
  payout: { 'en-US': 'payout', 'zh-CN': '奖金' },
  payoutCurve: { 'en-US': 'payout curve', 'zh-CN': '奖金曲线' },
  payoutFactor: { 'en-US': 'payout factor', 'zh-CN': '奖金系数', avoid: { 'zh-CN': ['支付系数'] } },
  targetIncentive: { 'en-US': 'target incentive', 'zh-CN': '目标奖金' },
  attainment: { 'en-US': 'attainment', 'zh-CN': '达成率' },
  gate: { 'en-US': 'gate', 'zh-CN': '门槛' },
  cap: { 'en-US': 'cap', 'zh-CN': '封顶' },
  amount: { 'en-US': 'amount', 'zh-CN': '金额' },
  bonus: { 'en-US': 'bonus', 'zh-CN': '奖金' },
  /** Dealer rebates by channel level (REBATE). */
  rebate: { 'en-US': 'rebate', 'zh-CN': '返利' },
  /** The share of a volume paid as rebate inside a tier (a rebate's rate, as 提成比例 is a commission's). */
  rebateRate: { 'en-US': 'rebate rate', 'zh-CN': '返利比例' },
  channelLevel: { 'en-US': 'level', 'zh-CN': '级别' },
  /** A shared bonus pool (POOL) and what bounds each person's part of it. */
  pool: { 'en-US': 'bonus pool', 'zh-CN': '奖金池' },
  share: { 'en-US': 'share', 'zh-CN': '份额' },
  floor: { 'en-US': 'floor', 'zh-CN': '保底' },
  /** Target breakdown (QUOTASPLIT). */
  annualTarget: { 'en-US': 'annual target', 'zh-CN': '年度目标' },
  seasonality: { 'en-US': 'seasonality', 'zh-CN': '季节性' },

  // ---- Weights -----------------------------------------------------------------------------
  /** What is weighted: a KPI or any other yardstick. "准则" is the textbook word; users say 指标. */
  criterion: { 'en-US': 'criterion', 'zh-CN': '指标', avoid: { 'zh-CN': ['准则'] } },
  kpi: { 'en-US': 'KPI', 'zh-CN': 'KPI' },
  weight: { 'en-US': 'weight', 'zh-CN': '权重' },
  judgement: { 'en-US': 'judgement', 'zh-CN': '判断' },
  consistencyRatio: { 'en-US': 'consistency ratio', 'zh-CN': '一致性比率' },
  eigenvector: { 'en-US': 'eigenvector', 'zh-CN': '特征向量法' },
  geometricMean: { 'en-US': 'geometric mean', 'zh-CN': '几何平均法' },
  entropy: { 'en-US': 'entropy', 'zh-CN': '熵权法' },
  benefitCriterion: { 'en-US': 'benefit', 'zh-CN': '效益型' },
  costCriterion: { 'en-US': 'cost', 'zh-CN': '成本型' },

  // ---- Scores, scenarios, money -------------------------------------------------------------
  score: { 'en-US': 'score', 'zh-CN': '得分' },
  scenario: { 'en-US': 'scenario', 'zh-CN': '情景' },
  tornado: { 'en-US': 'tornado chart', 'zh-CN': '龙卷风图' },
  monteCarlo: { 'en-US': 'Monte Carlo', 'zh-CN': '蒙特卡洛' },
  swing: { 'en-US': 'swing', 'zh-CN': '波动幅度' },
  percentile: { 'en-US': 'percentile', 'zh-CN': '百分位' },
  median: { 'en-US': 'median', 'zh-CN': '中位数' },
  benchmark: { 'en-US': 'benchmark', 'zh-CN': '基准' },
  template: { 'en-US': 'template', 'zh-CN': '模板' },
  budget: { 'en-US': 'budget', 'zh-CN': '预算' },
  channel: { 'en-US': 'channel', 'zh-CN': '渠道' },
  roi: { 'en-US': 'ROI', 'zh-CN': '投资回报率' },
  payback: { 'en-US': 'payback period', 'zh-CN': '回收期' },
  costBenefit: { 'en-US': 'cost-benefit', 'zh-CN': '成本效益' },
  scorecard: { 'en-US': 'scorecard', 'zh-CN': '评分卡' },
  incentive: { 'en-US': 'incentive', 'zh-CN': '激励' },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof TERMS;

/** The avoided synonyms that occur in `text` for `locale` ([] when it keeps to the glossary). */
export function offGlossary(text: string, locale: Locale): { term: TermKey; found: string }[] {
  const hits: { term: TermKey; found: string }[] = [];
  for (const [term, entry] of Object.entries(TERMS) as [TermKey, Term][]) {
    for (const avoided of entry.avoid?.[locale] ?? []) {
      const match = typeof avoided === 'string' ? (text.includes(avoided) ? avoided : null) : (avoided.exec(text)?.[0] ?? null);
      if (match) hits.push({ term, found: match });
    }
  }
  return hits;
}
