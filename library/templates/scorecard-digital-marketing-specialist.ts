/**
 * Digital marketing specialist (数字营销专员) KPI scorecard: six paid-media channel owners
 * scored on CTR, CPC, CVR, monthly CAC (flagged when more than ±5% off budget, §1),
 * landing-page bounce (flagged above 60%, §1) and a campaign set-up quality check.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const digitalMarketingSpecialistRole: RoleDefinition = {
  id: 'scorecard-digital-marketing-specialist',
  role: t('Digital marketing specialist', '数字营销专员'),
  description: t(
    'Monthly KPI scorecard for paid-media specialists: CTR, CPC, CVR, monthly CAC against budget (flag outside ±5%), landing-page bounce (flag above 60%) and a set-up quality check, AHP-weighted, with traffic lights and a payout curve.',
    '数字营销专员月度 KPI 评分卡：点击率、单次点击成本、转化率、月度获客成本对比预算（偏离 ±5% 预警）、落地页跳出率（高于 60% 预警）与投放规范检查，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['digital marketing', '数字营销', 'CAC', 'CTR', 'bounce', '跳出率'],
  kpis: [
    { code: 'CTR', name: t('Click-through rate', '点击率'), unit: '%', format: '0.00%', type: 'quantitative', direction: 1, target: 0.025 },
    { code: 'CPC', name: t('Cost per click', '单次点击成本'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: -1, target: 3.2 },
    { code: 'CVR', name: t('Click-to-customer conversion rate', '点击转化率'), unit: '%', format: '0.00%', type: 'quantitative', direction: 1, target: 0.04 },
    {
      code: 'CAC', name: t('Monthly CAC (target = budgeted CAC)', '月度获客成本（目标 = 预算获客成本）'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: -1,
      target: 180, flag: { when: 'off-target', threshold: 0.05, rule: 'scoring.cac-within-5' },
    },
    {
      code: 'BOUNCE', name: t('Landing-page bounce rate', '落地页跳出率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: -1,
      target: 0.45, flag: { when: 'above', threshold: 0.6, rule: 'scoring.bounce-60' },
    },
    { code: 'QA', name: t('Campaign set-up quality check (1–5)', '投放规范检查'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1, 1 / 2, 1 / 3, 1, 2],
    [1 / 2, 1 / 3, 1, 2],
    [1 / 2, 2, 3],
    [3, 4],
    [2],
  ],
  people: [
    { name: 'Tang Yu 唐宇', position: 'Baidu search 百度搜索', incentive: 7_000, actuals: [0.028, 3.05, 0.043, 176, 0.42, 4.2] },
    { name: 'Feng Jia 冯佳', position: 'Douyin feed ads 抖音信息流', incentive: 7_000, actuals: [0.031, 2.85, 0.038, 191, 0.48, 4.0] },
    { name: 'Deng Kai 邓凯', position: 'WeChat ads 微信广告', incentive: 6_000, actuals: [0.022, 3.4, 0.036, 186, 0.63, 3.8] },
    { name: 'Cao Rui 曹蕊', position: 'Xiaohongshu 小红书', incentive: 6_500, actuals: [0.035, 2.6, 0.047, 165, 0.39, 4.5] },
    { name: 'Peng Fei 彭飞', position: 'Kuaishou 快手', incentive: 5_500, actuals: [0.019, 3.9, 0.031, 214, 0.66, 3.4] },
    { name: 'Xie Ting 谢婷', position: 'Tmall on-site ads 天猫站内', incentive: 6_000, actuals: [0.026, 3.15, 0.041, 182, 0.51, 4.1] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const digitalMarketingSpecialistScorecard = roleScorecard(digitalMarketingSpecialistRole);
