/**
 * Content planner (内容策划) KPI scorecard: six editors across platforms scored on output,
 * reads, engagement, content-sourced leads, on-time delivery of the editorial calendar and an
 * editorial quality review.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const contentPlannerRole: RoleDefinition = {
  id: 'scorecard-content-planner',
  role: t('Content planner', '内容策划'),
  description: t(
    'Monthly KPI scorecard for content planners: pieces published, average reads, engagement rate, content-sourced leads, on-time delivery and an editorial quality review, AHP-weighted, with traffic lights and a payout curve.',
    '内容策划月度 KPI 评分卡：发布篇数、篇均阅读量、互动率、内容获客线索、选题按时交付率与内容质量评审，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['content', '内容策划', 'engagement', '互动率'],
  kpis: [
    { code: 'OUTPUT', name: t('Pieces published', '月发布内容数'), unit: t('pieces', '篇'), format: FMT.count, type: 'quantitative', direction: 1, target: 24 },
    { code: 'READS', name: t('Average reads per piece', '篇均阅读量'), unit: t('reads', '次'), format: FMT.count, type: 'quantitative', direction: 1, target: 8_000 },
    { code: 'ENGAGE', name: t('Engagement rate', '互动率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.05 },
    { code: 'LEADS', name: t('Content-sourced leads', '内容获客线索数'), unit: t('leads', '条'), format: FMT.count, type: 'quantitative', direction: 1, target: 300 },
    { code: 'ONTIME', name: t('Editorial calendar delivered on time', '选题按时交付率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.95 },
    { code: 'QUALITY', name: t('Editorial quality review (1–5)', '内容质量评审'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1 / 2, 1 / 2, 1 / 3, 1, 1 / 2],
    [1, 1 / 2, 2, 1],
    [1 / 2, 2, 1],
    [3, 2],
    [1 / 2],
  ],
  people: [
    { name: 'Song Jie 宋洁', position: 'WeChat official account 公众号', incentive: 6_000, actuals: [26, 9_200, 0.056, 320, 0.96, 4.3] },
    { name: 'Han Lu 韩露', position: 'Xiaohongshu notes 小红书笔记', incentive: 5_500, actuals: [30, 7_100, 0.072, 280, 0.93, 4.1] },
    { name: 'Yuan Bo 袁博', position: 'Short-video scripts 短视频脚本', incentive: 5_500, actuals: [22, 12_500, 0.061, 350, 0.91, 4.0] },
    { name: 'Jiang Yi 蒋怡', position: 'Zhihu & blog 知乎/官网博客', incentive: 5_000, actuals: [18, 5_600, 0.041, 210, 0.89, 3.7] },
    { name: 'Cai Peng 蔡鹏', position: 'Live-stream scripts 直播脚本', incentive: 5_000, actuals: [20, 6_800, 0.048, 265, 0.97, 3.9] },
    { name: 'Pan Yue 潘悦', position: 'Whitepapers & cases 白皮书/案例', incentive: 4_500, actuals: [12, 3_900, 0.03, 180, 0.8, 3.6] },
  ],
  attainmentCap: 1.2,
  payout: { curve: [[0.6, 0.4], [0.8, 0.7], [1, 1], [1.1, 1.3], [1.2, 1.6]], gate: 0.7, cap: 1.5 },
};

export const contentPlannerScorecard = roleScorecard(contentPlannerRole);
