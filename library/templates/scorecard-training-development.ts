/**
 * Training & development (培训与发展) KPI scorecard: training hours per head, completion and
 * certification pass rates, trainee satisfaction, cost per trainee hour, post-training
 * performance uplift and a course-design review.
 */
import { t } from '../kit';
import { FMT, RoleDefinition, roleScorecard } from './role-scorecard';

export const trainingDevelopmentRole: RoleDefinition = {
  id: 'scorecard-training-development',
  role: t('Training & development', '培训与发展'),
  description: t(
    'Monthly KPI scorecard for the marketing academy: training hours per head, completion and certification pass rates, trainee satisfaction, cost per trainee hour, performance uplift after training and a course-design review, AHP-weighted, with traffic lights and a payout curve.',
    '营销学院（培训与发展）月度 KPI 评分卡：人均培训学时、课程完成率、认证通过率、学员满意度、人均学时成本、培训后业绩提升与课程设计评审，AHP 定权，红黄绿状态与奖金曲线。',
  ),
  tags: ['training', '培训与发展', 'L&D', 'certification', '认证'],
  kpis: [
    { code: 'HOURS', name: t('Training hours per head', '人均培训学时'), unit: t('hours', '小时'), format: FMT.one, type: 'quantitative', direction: 1, target: 8 },
    { code: 'COMPLETE', name: t('Course completion rate', '课程完成率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.9 },
    { code: 'PASS', name: t('Certification pass rate', '认证通过率'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.85 },
    { code: 'TRAINEE', name: t('Trainee satisfaction (1–5 survey)', '学员满意度'), unit: t('score 1–5', '分'), format: FMT.two, type: 'quantitative', direction: 1, target: 4.5 },
    { code: 'COST', name: t('Cost per trainee hour', '人均学时成本'), unit: t('CNY', '元'), format: FMT.cny, type: 'quantitative', direction: -1, target: 120 },
    { code: 'UPLIFT', name: t('Sales uplift of trainees after 90 days', '培训后 90 天业绩提升'), unit: '%', format: FMT.percent, type: 'quantitative', direction: 1, target: 0.08 },
    { code: 'DESIGN', name: t('Course design review (1–5)', '课程设计评审'), unit: t('score 1–5', '分'), format: FMT.one, type: 'qualitative', direction: 1, target: 4 },
  ],
  judgements: [
    [1 / 2, 1 / 3, 1 / 2, 1, 1 / 4, 1],
    [1, 1, 2, 1 / 2, 2],
    [2, 2, 1 / 2, 2],
    [2, 1 / 3, 1],
    [1 / 3, 1],
    [3],
  ],
  people: [
    { name: 'Jin Mei 金梅', position: 'Sales academy 销售学院', incentive: 6_000, actuals: [9.5, 0.93, 0.88, 4.6, 112, 0.1, 4.3] },
    { name: 'Hou Yong 侯勇', position: 'New-hire onboarding 新员工培训', incentive: 5_500, actuals: [10.2, 0.96, 0.91, 4.7, 98, 0.06, 4.1] },
    { name: 'Shao Jing 邵静', position: 'Leadership 领导力', incentive: 6_000, actuals: [6.5, 0.85, 0.8, 4.4, 135, 0.09, 4.4] },
    { name: 'Tan Wei 谭伟', position: 'Product training 产品培训', incentive: 5_000, actuals: [8, 0.91, 0.86, 4.5, 118, 0.08, 4.0] },
    { name: 'Lei Ming 雷鸣', position: 'Digital skills 数字化技能', incentive: 5_000, actuals: [7.2, 0.88, 0.79, 4.2, 126, 0.05, 3.8] },
    { name: 'Long Fei 龙飞', position: 'Channel-partner training 渠道伙伴培训', incentive: 4_000, actuals: [5, 0.78, 0.7, 4, 150, 0.03, 3.5] },
  ],
  attainmentCap: 1.15,
  payout: { curve: [[0.6, 0.5], [0.8, 0.8], [1, 1], [1.2, 1.25]], gate: 0.6, cap: 1.2 },
};

export const trainingDevelopmentScorecard = roleScorecard(trainingDevelopmentRole);
