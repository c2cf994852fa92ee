/**
 * Account manager (客户经理) KPI scorecard (§1 sales representative KPIs): revenue, new
 * customers, average order value and conversion as core; visits down-weighted; customer
 * satisfaction pinned at 30%; complaint answers within 4 h flagged.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const accountManagerRole: RoleDefinition = {
  id: 'scorecard-account-manager',
  role: t('Account manager', '客户经理'),
  description: t(
    'Monthly KPI scorecard for account managers: revenue, new customers, average order value, opportunity conversion, complaint answer time (flag above 4 h), customer visits, and customer satisfaction pinned at 30%; AHP shares out the other 70%.',
    '客户经理月度 KPI 评分卡：销售额、新客户数、客单价、商机转化率、投诉响应时长（超过 4 小时预警）、客户拜访次数，客户满意度固定 30% 权重，其余 70% 由 AHP 分配。',
  ),
  tags: ['account manager', '客户经理', 'satisfaction', '满意度', 'complaints', '投诉'],
  kpis: [
    { code: 'REV', name: t('Account revenue', '客户销售额'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: 1, target: 1_500_000 },
    { code: 'NEW', name: t('New customers won', '新客户数'), unit: t('customers', '家'), format: FMT.count, type: 'quantitative', direction: 1, target: 8 },
    { code: 'AOV', name: t('Average order value', '客单价'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: 1, target: 45_000 },
    { code: 'CVR', name: t('Opportunity conversion rate', '商机转化率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.25 },
    {
      code: 'CSAT', name: t('Customer satisfaction (CSAT)', '客户满意度'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1,
      target: 0.9, pinned: { weight: 0.3, rule: 'weights.sales-rep-satisfaction-30' },
    },
    {
      code: 'COMPLAINT', name: t('Complaint answer time (average)', '投诉响应时长（平均）'), unit: t('hours', '小时'), format: FMT.one, type: 'quantitative', direction: -1,
      target: 4, flag: { when: 'above', threshold: 4, rule: 'scoring.complaints-4h' },
    },
    { code: 'VISITS', name: t('Customer visits (process metric)', '客户拜访次数（过程指标）'), unit: t('visits', '次'), format: FMT.count, type: 'quantitative', direction: 1, target: 20 },
  ],
  // REV, NEW, AOV, CVR, COMPLAINT, VISITS — visits down-weighted as the digest asks.
  judgements: [
    [2, 3, 2, 3, 5],
    [2, 1, 2, 4],
    [1 / 2, 1, 3],
    [2, 4],
    [3],
  ],
  people: [
    { name: 'Qian Hui 钱慧', position: 'Key accounts 大客户部', incentive: 10_000, actuals: [1_720_000, 9, 52_000, 0.28, 0.93, 3.2, 22] },
    { name: 'Sun Qiang 孙强', position: 'SME accounts 中小客户', incentive: 8_000, actuals: [1_380_000, 11, 31_000, 0.24, 0.88, 4.5, 26] },
    { name: 'Zhu Lan 朱兰', position: 'Retail 零售行业', incentive: 8_500, actuals: [1_510_000, 7, 47_500, 0.26, 0.91, 3.8, 18] },
    { name: 'Ren Jie 任杰', position: 'Manufacturing 制造业', incentive: 8_500, actuals: [1_150_000, 5, 41_000, 0.19, 0.84, 5.5, 15] },
    { name: 'Fang Yuan 方圆', position: 'Financial services 金融行业', incentive: 9_500, actuals: [1_640_000, 8, 55_000, 0.27, 0.95, 2.5, 19] },
    { name: 'Shi Lei 石磊', position: 'Healthcare 医疗行业', incentive: 7_000, actuals: [980_000, 4, 38_000, 0.16, 0.8, 6.8, 12] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const accountManagerScorecard = roleScorecard(accountManagerRole);
