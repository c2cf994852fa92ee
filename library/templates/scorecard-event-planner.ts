/**
 * Event planner (活动策划执行) KPI scorecard: events delivered, qualified leads, cost per lead,
 * event ROI, the wrap-up report within 72 h (§1, flagged when late), attendee satisfaction and
 * an on-site execution review.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const eventPlannerRole: RoleDefinition = {
  id: 'scorecard-event-planner',
  role: t('Event planner', '活动策划执行'),
  description: t(
    'Monthly KPI scorecard for event planners: events delivered, qualified leads, cost per lead, event ROI, wrap-up report within 72 h (flagged when late), attendee satisfaction and an on-site review, AHP-weighted, with traffic lights and a payout curve.',
    '活动策划执行月度 KPI 评分卡：活动场次、有效线索、线索成本、活动 ROI、72 小时内提交复盘报告（超时预警）、参会满意度与现场执行评审，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['events', '活动策划', 'wrap-up report', '复盘', 'leads'],
  kpis: [
    { code: 'EVENTS', name: t('Events delivered', '活动执行场次'), unit: t('events', '场'), format: FMT.count, type: 'quantitative', direction: 1, target: 6 },
    { code: 'LEADS', name: t('Qualified leads', '有效线索数'), unit: t('leads', '条'), format: FMT.count, type: 'quantitative', direction: 1, target: 400 },
    { code: 'CPL', name: t('Cost per qualified lead', '单条线索成本'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: -1, target: 150 },
    { code: 'ROI', name: t('Event ROI (pipeline ÷ cost)', '活动投资回报率'), unit: t('ratio', '倍'), format: FMT.one, type: 'quantitative', direction: 1, target: 3 },
    {
      code: 'REPORT', name: t('Wrap-up report time after the event (latest)', '活动复盘报告提交时长（最长）'), unit: t('hours', '小时'), format: FMT.count, type: 'quantitative', direction: -1,
      target: 72, flag: { when: 'above', threshold: 72, rule: 'scoring.event-report-72h' },
    },
    { code: 'ATTENDEE', name: t('Attendee satisfaction', '参会满意度'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.9 },
    { code: 'ONSITE', name: t('On-site execution review (1–5)', '现场执行评审'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1 / 3, 1 / 2, 1 / 3, 1, 1 / 2, 1 / 2],
    [2, 1, 3, 2, 2],
    [1 / 2, 2, 1, 1],
    [3, 2, 2],
    [1 / 2, 1 / 2],
    [1],
  ],
  people: [
    { name: 'Gu Xin 顾欣', position: 'Trade shows 展会', incentive: 6_000, actuals: [4, 520, 138, 3.4, 60, 0.92, 4.3] },
    { name: 'Mo Fan 莫凡', position: 'Product launches 发布会', incentive: 6_000, actuals: [3, 380, 165, 2.9, 70, 0.94, 4.5] },
    { name: 'Qin Lu 秦璐', position: 'Dealer conferences 经销商大会', incentive: 5_500, actuals: [5, 430, 142, 3.2, 48, 0.89, 4.0] },
    { name: 'Yin Hao 尹浩', position: 'Roadshows 路演', incentive: 5_000, actuals: [8, 350, 171, 2.5, 90, 0.86, 3.8] },
    { name: 'Kong Yue 孔悦', position: 'Online live events 线上直播活动', incentive: 5_000, actuals: [10, 610, 95, 4.1, 36, 0.88, 4.1] },
    { name: 'Bai Tao 白涛', position: 'Customer salons 客户沙龙', incentive: 4_000, actuals: [7, 290, 188, 2.2, 110, 0.83, 3.6] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const eventPlannerScorecard = roleScorecard(eventPlannerRole);
