/**
 * Brand manager (品牌经理) KPI scorecard: six brand-line managers of a consumer-goods company
 * scored on share of voice, aided awareness, NPS, CPM, positive sentiment and a creative review.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const brandManagerRole: RoleDefinition = {
  id: 'scorecard-brand-manager',
  role: t('Brand manager', '品牌经理'),
  description: t(
    'Monthly KPI scorecard for brand-line managers: share of voice, aided awareness, NPS, cost per thousand impressions, positive sentiment and a creative-quality review, AHP-weighted, with traffic lights and a payout curve.',
    '品牌线经理月度 KPI 评分卡：品牌声量份额、提示认知度、NPS、千次曝光成本、正面舆情占比与创意评审，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['brand manager', '品牌经理', 'share of voice', '声量'],
  kpis: [
    { code: 'SOV', name: t('Brand share of voice', '品牌声量份额'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.22 },
    { code: 'AWARE', name: t('Aided brand awareness', '提示品牌认知度'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.45 },
    { code: 'NPS', name: t('Net promoter score', '净推荐值'), unit: t('points', '分'), format: FMT.count, type: 'quantitative', direction: 1, target: 40 },
    { code: 'CPM', name: t('Cost per thousand impressions', '千次曝光成本'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: -1, target: 38 },
    { code: 'SENT', name: t('Positive sentiment share', '正面舆情占比'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.85 },
    { code: 'CREATIVE', name: t('Creative quality review (1–5)', '创意质量评审'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1, 2, 3, 2, 2],
    [2, 3, 2, 2],
    [2, 1, 1],
    [1 / 2, 1 / 2],
    [1],
  ],
  people: [
    { name: 'Sun Li 孙丽', position: 'Skincare 护肤线', incentive: 15_000, actuals: [0.25, 0.52, 44, 34.5, 0.88, 4.3] },
    { name: 'Zhou Tao 周涛', position: 'Make-up 彩妆线', incentive: 14_000, actuals: [0.21, 0.44, 38, 39.8, 0.86, 4.0] },
    { name: 'Wu Xia 吴霞', position: 'Personal care 个护线', incentive: 13_000, actuals: [0.18, 0.39, 35, 42, 0.81, 3.8] },
    { name: 'Zheng Hao 郑浩', position: 'Mother & baby 母婴线', incentive: 13_000, actuals: [0.23, 0.47, 41, 36.2, 0.9, 4.1] },
    { name: 'Ma Lin 马琳', position: "Men's care 男士线", incentive: 12_000, actuals: [0.14, 0.31, 28, 47.5, 0.76, 3.5] },
    { name: 'Hu Jun 胡军', position: 'Fragrance 香氛线', incentive: 12_000, actuals: [0.27, 0.55, 47, 31, 0.92, 4.6] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const brandManagerScorecard = roleScorecard(brandManagerRole);
