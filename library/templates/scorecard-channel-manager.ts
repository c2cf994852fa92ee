/**
 * Channel manager (渠道经理) KPI scorecard (§1 channel operations manager: coverage, order
 * fulfilment time, inventory turnover, conflict resolution): six channel owners, channel sales
 * against the month-1 milestone (20% of the annual target), dealer satisfaction.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const channelManagerRole: RoleDefinition = {
  id: 'scorecard-channel-manager',
  role: t('Channel manager', '渠道经理'),
  description: t(
    'Monthly KPI scorecard for channel managers: channel sales vs the month-1 milestone, outlet coverage, order fulfilment time, inventory turnover, dealer satisfaction and channel-conflict resolution, AHP-weighted, with traffic lights and a payout curve.',
    '渠道经理月度 KPI 评分卡：首月里程碑渠道销售额、网点覆盖率、订单履约时长、库存周转、经销商满意度与渠道冲突处理，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['channel manager', '渠道经理', 'coverage', 'inventory turnover', '库存周转', 'milestone'],
  kpis: [
    { code: 'SALES', name: t('Channel sales, month 1', '渠道销售额（首月）'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: 1, target: { annual: 24_000_000 } },
    { code: 'COVER', name: t('Outlet coverage', '网点覆盖率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.8 },
    { code: 'FULFIL', name: t('Order fulfilment time', '订单履约时长'), unit: t('days', '天'), format: FMT.one, type: 'quantitative', direction: -1, target: 2.5 },
    { code: 'TURN', name: t('Inventory turnover (annualised)', '库存周转次数（年化）'), unit: t('times', '次'), format: FMT.one, type: 'quantitative', direction: 1, target: 8 },
    { code: 'DEALER', name: t('Dealer satisfaction (survey, 0–100)', '经销商满意度'), unit: t('points', '分'), format: FMT.count, type: 'quantitative', direction: 1, target: 85 },
    { code: 'CONFLICT', name: t('Channel-conflict resolution rating (1–5)', '渠道冲突处理评价'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [3, 4, 3, 3, 4],
    [2, 1, 1, 2],
    [1 / 2, 1, 1],
    [1, 2],
    [2],
  ],
  people: [
    { name: 'Du Hang 杜航', position: 'KA supermarkets 商超KA', incentive: 12_000, actuals: [5_150_000, 0.84, 2.2, 8.6, 88, 4.2] },
    { name: 'Ye Qing 叶青', position: 'East China distributors 华东经销商', incentive: 11_000, actuals: [4_620_000, 0.78, 2.6, 7.5, 84, 4.0] },
    { name: 'Cheng Long 程龙', position: 'Convenience stores 便利店', incentive: 10_000, actuals: [4_050_000, 0.72, 3.1, 6.8, 80, 3.7] },
    { name: 'Su Wen 苏雯', position: 'Pharmacy chains 连锁药房', incentive: 10_000, actuals: [4_980_000, 0.86, 2.3, 9.1, 87, 4.4] },
    { name: 'Wei Dong 魏东', position: 'Community group-buy 社区团购', incentive: 9_000, actuals: [3_200_000, 0.61, 3.8, 5.4, 74, 3.2] },
    { name: 'Lu Xin 卢欣', position: 'Tmall/JD flagship 天猫/京东旗舰店', incentive: 11_000, actuals: [5_600_000, 0.92, 1.8, 10.2, 90, 4.5] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.7, 0.5], [0.85, 0.75], [1, 1], [1.1, 1.25], [1.2, 1.5]], gate: 0.75, cap: 1.4 },
};

export const channelManagerScorecard = roleScorecard(channelManagerRole);
