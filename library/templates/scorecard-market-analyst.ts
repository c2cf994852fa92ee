/**
 * Market analyst (市场分析师) KPI scorecard (§1 data analyst: model accuracy, adoption rate of
 * insights, dashboard timeliness; marketing support: ROI analysis accuracy, competitor reports).
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const marketAnalystRole: RoleDefinition = {
  id: 'scorecard-market-analyst',
  role: t('Market analyst', '市场分析师'),
  description: t(
    'Monthly KPI scorecard for market analysts: forecast model accuracy, insight adoption rate, dashboard timeliness, competitor reports, ROI analysis accuracy, ad-hoc request turnaround and a stakeholder rating, AHP-weighted, with traffic lights and a payout curve.',
    '市场分析师月度 KPI 评分卡：模型预测准确率、洞察采纳率、看板按时更新率、竞品报告数、ROI 分析准确率、临时需求响应天数与业务方评价，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['market analyst', '市场分析', 'model accuracy', 'insight adoption', '洞察采纳'],
  kpis: [
    { code: 'MODEL', name: t('Forecast model accuracy (1 − MAPE)', '模型预测准确率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.9 },
    { code: 'ADOPT', name: t('Insight adoption rate', '洞察采纳率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.6 },
    { code: 'TIMELY', name: t('Dashboards refreshed on time', '看板按时更新率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.98 },
    { code: 'REPORTS', name: t('Competitor reports delivered', '竞品分析报告数'), unit: t('reports', '份'), format: FMT.count, type: 'quantitative', direction: 1, target: 4 },
    { code: 'ROIACC', name: t('ROI analysis accuracy (vs actuals)', 'ROI 分析准确率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.92 },
    { code: 'TURNAROUND', name: t('Ad-hoc request turnaround', '临时需求响应时长'), unit: t('days', '天'), format: FMT.one, type: 'quantitative', direction: -1, target: 2 },
    { code: 'STAKE', name: t('Business stakeholder rating (1–5)', '业务方评价'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1, 2, 3, 1, 3, 2],
    [2, 3, 1, 3, 1],
    [2, 1 / 2, 2, 1],
    [1 / 3, 1, 1 / 2],
    [3, 2],
    [1 / 2],
  ],
  people: [
    { name: 'Liu Chang 刘畅', position: 'Sales forecasting 销量预测', incentive: 7_000, actuals: [0.93, 0.62, 0.99, 3, 0.94, 1.8, 4.2] },
    { name: 'Chen Hao 陈浩', position: 'Consumer insight 消费者洞察', incentive: 6_500, actuals: [0.88, 0.71, 0.97, 4, 0.91, 2.2, 4.4] },
    { name: 'Zhang Yi 张怡', position: 'BI dashboards BI看板', incentive: 6_000, actuals: [0.9, 0.55, 1, 3, 0.92, 1.5, 4.0] },
    { name: 'Li Na 李娜', position: 'Competitor intelligence 竞品情报', incentive: 6_000, actuals: [0.84, 0.5, 0.95, 6, 0.88, 2.4, 4.1] },
    { name: 'Wang Jian 王健', position: 'Marketing-mix modelling 营销组合分析', incentive: 6_500, actuals: [0.91, 0.66, 0.98, 4, 0.95, 1.6, 4.3] },
    { name: 'Zhao Qian 赵倩', position: 'Pricing analysis 价格分析', incentive: 5_000, actuals: [0.82, 0.4, 0.9, 2, 0.84, 3.5, 3.5] },
  ],
  attainmentCap: 1.15,
  payout: { curve: [[0.6, 0.5], [0.8, 0.8], [1, 1], [1.2, 1.25]], gate: 0.6, cap: 1.2 },
};

export const marketAnalystScorecard = roleScorecard(marketAnalystRole);
