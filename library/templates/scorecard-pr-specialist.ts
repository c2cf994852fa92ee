/**
 * PR specialist (公关专员) KPI scorecard: media coverage, tier-1 share, earned share of voice,
 * positive sentiment, public complaints answered within 4 h (§1, flagged when late) and a
 * media-relationship rating.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const prSpecialistRole: RoleDefinition = {
  id: 'scorecard-pr-specialist',
  role: t('PR specialist', '公关专员'),
  description: t(
    'Monthly KPI scorecard for PR specialists: media coverage, tier-1 media share, earned share of voice, positive sentiment, public complaint answers within 4 h (flagged when late) and a media-relationship rating, AHP-weighted, with traffic lights and a payout curve.',
    '公关专员月度 KPI 评分卡：媒体报道篇数、核心媒体占比、声量份额、正面舆情占比、4 小时内回应舆情投诉（超时预警）与媒体关系评价，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['PR', '公关', 'media coverage', '舆情', 'complaints'],
  kpis: [
    { code: 'COVER', name: t('Media coverage pieces', '媒体报道篇数'), unit: t('pieces', '篇'), format: FMT.count, type: 'quantitative', direction: 1, target: 40 },
    { code: 'TIER1', name: t('Tier-1 media share of coverage', '核心媒体报道占比'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.3 },
    { code: 'SOV', name: t('Earned share of voice', '自然声量份额'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.18 },
    { code: 'SENT', name: t('Positive sentiment share', '正面舆情占比'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.85 },
    {
      code: 'COMPLAINT', name: t('Public complaint answer time (average)', '舆情投诉回应时长（平均）'), unit: t('hours', '小时'), format: FMT.one, type: 'quantitative', direction: -1,
      target: 4, flag: { when: 'above', threshold: 4, rule: 'scoring.complaints-4h' },
    },
    { code: 'RELATION', name: t('Media relationship rating (1–5)', '媒体关系评价'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1, 1 / 2, 1 / 2, 1 / 2, 2],
    [1 / 2, 1 / 2, 1 / 2, 2],
    [1, 1, 3],
    [1, 2],
    [2],
  ],
  people: [
    { name: 'Zeng Li 曾丽', position: 'Media relations 媒体关系', incentive: 7_000, actuals: [46, 0.34, 0.2, 0.88, 3, 4.4] },
    { name: 'Xiao Yu 肖雨', position: 'Social listening 舆情监测', incentive: 6_000, actuals: [35, 0.26, 0.17, 0.86, 2.2, 4.1] },
    { name: 'Tian Rui 田睿', position: 'Corporate comms 企业传播', incentive: 6_500, actuals: [42, 0.31, 0.19, 0.83, 4.8, 4.0] },
    { name: 'Dong Jia 董佳', position: 'KOL relations KOL合作', incentive: 6_000, actuals: [52, 0.22, 0.21, 0.87, 3.5, 4.2] },
    { name: 'Yu Hang 于航', position: 'Crisis & issues 危机管理', incentive: 6_500, actuals: [30, 0.28, 0.15, 0.8, 1.5, 3.9] },
    { name: 'Xia Wei 夏薇', position: 'Government & industry 政府与行业关系', incentive: 5_000, actuals: [25, 0.35, 0.13, 0.79, 6, 3.7] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const prSpecialistScorecard = roleScorecard(prSpecialistRole);
