/**
 * Marketing director (市场总监) KPI scorecard: six regional marketing directors scored on
 * marketing-sourced revenue against the month-1 milestone (20% of the annual target, §1),
 * campaign ROI, blended CAC, share of voice, NPS and a 360° team-building review.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const marketingDirectorRole: RoleDefinition = {
  id: 'scorecard-marketing-director',
  role: t('Marketing director', '市场总监'),
  description: t(
    'Monthly KPI scorecard for regional marketing directors: revenue vs the month-1 milestone, campaign ROI, CAC, share of voice, NPS and a 360° review, AHP-weighted, with traffic lights and a leveraged payout curve.',
    '区域市场总监月度 KPI 评分卡：首月里程碑营收、营销活动 ROI、获客成本、品牌声量份额、NPS 与 360° 评估，AHP 定权，红黄绿状态与杠杆奖金曲线。',
  ),
  tags: ['marketing director', '市场总监', 'milestone', '里程碑'],
  kpis: [
    { code: 'REV', name: t('Marketing-sourced revenue, month 1', '市场贡献营收（首月）'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: 1, target: { annual: 50_000_000 } },
    { code: 'ROI', name: t('Campaign ROI (revenue ÷ spend)', '营销活动投资回报率'), unit: t('ratio', '倍'), format: FMT.one, type: 'quantitative', direction: 1, target: 4 },
    { code: 'CAC', name: t('Blended customer acquisition cost', '综合获客成本'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: -1, target: 320 },
    { code: 'SOV', name: t('Brand share of voice', '品牌声量份额'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.25 },
    { code: 'NPS', name: t('Net promoter score', '净推荐值'), unit: t('points', '分'), format: FMT.count, type: 'quantitative', direction: 1, target: 45 },
    { code: 'TEAM', name: t('Team building, 360° review (1–5)', '团队建设（360°评估）'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [2, 3, 4, 4, 5],
    [2, 3, 3, 4],
    [2, 2, 3],
    [1, 2],
    [2],
  ],
  people: [
    { name: 'Chen Jing 陈静', position: 'East China 华东区', incentive: 40_000, actuals: [11_200_000, 4.6, 298, 0.27, 48, 4.4] },
    { name: 'Li Wei 李伟', position: 'South China 华南区', incentive: 38_000, actuals: [10_150_000, 4.1, 315, 0.24, 46, 4.1] },
    { name: 'Wang Fang 王芳', position: 'North China 华北区', incentive: 36_000, actuals: [9_300_000, 3.8, 342, 0.22, 41, 3.9] },
    { name: 'Zhang Min 张敏', position: 'Southwest 西南区', incentive: 32_000, actuals: [8_100_000, 3.2, 385, 0.19, 37, 3.6] },
    { name: 'Liu Yang 刘洋', position: 'Central China 华中区', incentive: 34_000, actuals: [12_600_000, 5.2, 276, 0.31, 52, 4.5] },
    { name: 'Zhao Lei 赵磊', position: 'Northeast 东北区', incentive: 30_000, actuals: [6_400_000, 2.6, 430, 0.15, 30, 3.4] },
  ],
  attainmentCap: 1.3,
  // Directors carry more leverage: steeper above target, a higher gate.
  payout: { curve: [[0.7, 0.5], [0.9, 0.8], [1, 1], [1.15, 1.5], [1.3, 2]], gate: 0.8, cap: 1.8 },
};

export const marketingDirectorScorecard = roleScorecard(marketingDirectorRole);
