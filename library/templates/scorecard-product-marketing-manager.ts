/**
 * Product marketing manager (产品营销经理) KPI scorecard: six smart-home product lines scored on
 * new-product revenue, lead conversion, ≥ 50 customer feedback items a month and ≥ 30% of
 * common requests turned into roadmap items a quarter (§1), win rate and a sales-enablement rating.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const productMarketingManagerRole: RoleDefinition = {
  id: 'scorecard-product-marketing-manager',
  role: t('Product marketing manager', '产品营销经理'),
  description: t(
    'Monthly KPI scorecard for product marketing managers: new-product revenue, lead conversion, ≥ 50 feedback items a month, ≥ 30% of common requests into the roadmap, competitive win rate and a sales-enablement rating, AHP-weighted, with flags, traffic lights and a payout curve.',
    '产品营销经理月度 KPI 评分卡：新品营收、线索转化率、每月 ≥ 50 条用户反馈、每季度 ≥ 30% 共性需求纳入路线图、竞争赢单率与销售赋能评价，AHP 定权，含规则预警、红黄绿状态与奖金曲线。',
  ),
  tags: ['product marketing', '产品营销', 'feedback', 'roadmap', '用户反馈'],
  kpis: [
    { code: 'LAUNCH', name: t('New-product revenue', '新品营收'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: 1, target: 3_000_000 },
    { code: 'CVR', name: t('Lead-to-order conversion rate', '线索转化率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.18 },
    {
      code: 'FEEDBACK', name: t('Customer feedback items collected this month', '本月收集用户反馈条数'), unit: t('items', '条'), format: FMT.count, type: 'quantitative', direction: 1,
      target: 50, flag: { when: 'below', threshold: 50, rule: 'scoring.feedback-50' },
    },
    {
      code: 'ROADMAP', name: t('Common requests turned into roadmap items (quarter to date)', '共性需求纳入产品路线图比例（季度累计）'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1,
      target: 0.3, flag: { when: 'below', threshold: 0.3, rule: 'scoring.roadmap-30' },
    },
    { code: 'WIN', name: t('Competitive win rate', '竞争赢单率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.35 },
    { code: 'ENABLE', name: t('Sales enablement rating (1–5)', '销售赋能评价'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [2, 3, 3, 2, 3],
    [2, 2, 1, 2],
    [1, 1 / 2, 1],
    [1 / 2, 1],
    [2],
  ],
  people: [
    { name: 'Xu Ming 徐明', position: 'Smart speakers 智能音箱', incentive: 14_000, actuals: [3_350_000, 0.2, 62, 0.36, 0.38, 4.2] },
    { name: 'He Yan 何燕', position: 'Robot vacuums 扫地机器人', incentive: 13_000, actuals: [2_880_000, 0.17, 55, 0.31, 0.33, 4.0] },
    { name: 'Gao Feng 高峰', position: 'Wearables 可穿戴设备', incentive: 12_000, actuals: [2_400_000, 0.15, 43, 0.25, 0.29, 3.7] },
    { name: 'Lin Na 林娜', position: 'Smart locks 智能门锁', incentive: 12_000, actuals: [3_100_000, 0.19, 51, 0.33, 0.36, 4.4] },
    { name: 'Luo Bin 罗斌', position: 'Air purifiers 空气净化器', incentive: 11_000, actuals: [1_950_000, 0.12, 38, 0.2, 0.24, 3.3] },
    { name: 'Liang Qian 梁倩', position: 'Smart lighting 智能照明', incentive: 10_000, actuals: [3_600_000, 0.22, 70, 0.4, 0.41, 4.5] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const productMarketingManagerScorecard = roleScorecard(productMarketingManagerRole);
