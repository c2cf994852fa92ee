/**
 * Sales support (销售支持) KPI scorecard: the §1 response-time targets (first customer contact
 * ≤ 2 h, e-commerce reply ≤ 30 s, key-account solution ≤ 24 h, each flagged when missed),
 * on-time quotes, order accuracy, a 360° sales-team rating, satisfaction pinned at 30%.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const salesSupportRole: RoleDefinition = {
  id: 'scorecard-sales-support',
  role: t('Sales support', '销售支持'),
  description: t(
    'Monthly KPI scorecard for sales support: first contact ≤ 2 h, e-commerce reply ≤ 30 s and key-account solution ≤ 24 h (flagged when missed), on-time quotes, order accuracy and a sales-team rating, with satisfaction pinned at 30%.',
    '销售支持月度 KPI 评分卡：首次响应 ≤ 2 小时、电商客服回复 ≤ 30 秒、大客户方案 ≤ 24 小时（超时预警）、报价按时率、订单准确率与销售团队评价，满意度固定 30% 权重。',
  ),
  tags: ['sales support', '销售支持', 'response time', '响应时效', 'satisfaction'],
  kpis: [
    {
      code: 'FIRST', name: t('First customer contact time', '首次客户响应时长'), unit: t('hours', '小时'), format: FMT.one, type: 'quantitative', direction: -1,
      target: 2, flag: { when: 'above', threshold: 2, rule: 'scoring.response-times' },
    },
    {
      code: 'CHAT', name: t('E-commerce service reply time', '电商客服回复时长'), unit: t('seconds', '秒'), format: FMT.count, type: 'quantitative', direction: -1,
      target: 30, flag: { when: 'above', threshold: 30, rule: 'scoring.response-times' },
    },
    {
      code: 'SOLUTION', name: t('Key-account solution time', '大客户方案提交时长'), unit: t('hours', '小时'), format: FMT.one, type: 'quantitative', direction: -1,
      target: 24, flag: { when: 'above', threshold: 24, rule: 'scoring.response-times' },
    },
    { code: 'QUOTE', name: t('Quotes and contracts processed on time', '报价与合同按时处理率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.95 },
    { code: 'ACCURACY', name: t('Order entry accuracy', '订单录入准确率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.99 },
    {
      code: 'CSAT', name: t('Customer & sales satisfaction', '客户与销售满意度'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1,
      target: 0.9, pinned: { weight: 0.3, rule: 'weights.sales-rep-satisfaction-30' },
    },
    { code: 'TEAM', name: t('Sales-team rating, 360° (1–5)', '销售团队评价（360°）'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  // FIRST, CHAT, SOLUTION, QUOTE, ACCURACY, TEAM
  judgements: [
    [1, 1, 2, 2, 3],
    [1, 2, 2, 3],
    [2, 2, 3],
    [1, 2],
    [2],
  ],
  people: [
    { name: 'Yang Xue 杨雪', position: 'Order desk 订单组', incentive: 4_500, actuals: [1.5, 24, 20, 0.97, 0.995, 0.92, 4.2] },
    { name: 'Huang Bo 黄波', position: 'Online service 在线客服', incentive: 4_000, actuals: [1.8, 28, 22, 0.94, 0.99, 0.89, 4.0] },
    { name: 'Zhou Min 周敏', position: 'Bids & proposals 投标方案', incentive: 4_000, actuals: [2.6, 35, 30, 0.9, 0.985, 0.85, 3.7] },
    { name: 'Wu Gang 吴刚', position: 'Key-account support 大客户支持', incentive: 4_500, actuals: [1.2, 21, 16, 0.98, 0.996, 0.94, 4.5] },
    { name: 'Xu Li 徐丽', position: 'Contracts 合同组', incentive: 3_500, actuals: [2.1, 32, 26, 0.92, 0.98, 0.87, 3.9] },
    { name: 'Sun Hao 孙浩', position: 'Pre-sales 售前支持', incentive: 3_000, actuals: [3.4, 48, 40, 0.85, 0.97, 0.78, 3.3] },
  ],
  attainmentCap: 1.15,
  // Support roles: a flatter curve, a lower gate.
  payout: { curve: [[0.6, 0.5], [0.8, 0.8], [1, 1], [1.2, 1.25]], gate: 0.6, cap: 1.2 },
};

export const salesSupportScorecard = roleScorecard(salesSupportRole);
