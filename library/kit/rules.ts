/**
 * Every quantitative rule of the marketing plan documents our users work by (the project's
 * copy: docs/domain.md), by id: the rule in plain words in both languages, the plan document
 * it comes from and, where the documents give it one, the role that owns it. Each built-in
 * template lists the rules it carries and the cell that carries each one; a test checks that
 * every rule here lives in at least one template cell, so none can vanish.
 *
 * A cell that carries a rule says where its number comes from — "plan rule: <the rule> — <the
 * plan>" (ruleSource); every other input is an example to replace (EXAMPLE_SOURCE).
 */
import { type Text, t } from './text';

/** The plan documents, as a workbook names them to its reader. */
export const PLANS = {
  reorg: t('channel team re-organisation plan', '渠道营销团队分工优化方案'),
  management: t('team management methods', '营销团队管理方法'),
  performance: t('performance and channel expansion plan', '绩效提升与渠道拓展方案'),
  roles: t('role responsibilities', '营销团队岗位职责'),
  workRules: t('marketing work rules', '营销工作办法'),
  /** The documents do not say which of them: the rule is theirs, the document unrecorded. */
  plans: t('marketing plans', '营销方案'),
} as const;
export type PlanId = keyof typeof PLANS;

/** Roles the documents give rules to. */
export const ROLES = {
  salesRep: t('sales representative', '销售代表'),
  onlineTeams: t('online channel teams', '线上渠道团队'),
  offlineTeams: t('offline channel teams', '线下渠道团队'),
  accountManager: t('account manager', '客户经理'),
  prSpecialist: t('PR specialist', '公关专员'),
  brandManager: t('brand manager', '品牌经理'),
  digitalMarketing: t('digital marketing specialist', '数字营销专员'),
  contentPlanner: t('content planner', '内容策划'),
  channelManager: t('channel manager', '渠道经理'),
  ecommerceDesk: t('e-commerce service desk', '电商客服'),
  keyAccountManager: t('key-account manager', '大客户经理'),
  sharedTeams: t('sales, operations and supply chain', '销售、运营与供应链'),
  regionalAgents: t('regional agents', '区域代理'),
} as const;
export type RoleId = keyof typeof ROLES;

export interface DigestRule {
  /** The rule in plain words, as a reader of the workbook understands it. */
  text: Text;
  plan: PlanId;
  role?: RoleId;
}

export const DIGEST_RULES = {
  // KPI weights and scorecards
  'weights.online-individual-60': { text: t('online channels weight the individual conversion rate 60%', '线上渠道个人转化率权重占60%'), plan: 'plans', role: 'onlineTeams' },
  'weights.offline-team-70': { text: t('offline channels weight team collaboration 70%', '线下渠道团队协作完成度权重占70%'), plan: 'plans', role: 'offlineTeams' },
  'weights.dual-track-50-50': { text: t('dual-track bonus: 50% team attainment, 50% individual contribution', '双轨制奖金：团队达成50%、个人贡献50%'), plan: 'plans' },
  'weights.sales-rep-satisfaction-30': { text: t('customer satisfaction weighs 30% for sales representatives', '销售代表客户满意度权重提升至30%'), plan: 'plans', role: 'salesRep' },
  'weights.bsc-50-30-20': { text: t('balanced scorecard: financial 50% (sales and the collection rate), customer 30%, learning and growth 20%', '平衡计分卡：财务50%（销售额、回款率）、客户30%、学习与成长20%'), plan: 'plans', role: 'salesRep' },
  'weights.quantitative-min-60': { text: t('quantitative KPIs weigh at least 60%', '量化指标权重不低于60%'), plan: 'plans' },
  'scoring.360-raters': { text: t('360° review by the direct superior and cross-department partners', '360度评估由直属上级与跨部门合作方评价'), plan: 'workRules' },
  'scoring.360-customers': { text: t('customers rate in the 360° review too', '客户参与360度评估'), plan: 'management' },
  'scoring.compliance-veto': {
    text: t(
      'compliance veto: a breach of the contract compliance rate or of customer-information confidentiality decides the annual rating and promotion eligibility',
      '合规一票否决：合同规范率、客户信息保密出现问题，直接影响年度评级与晋升资格',
    ),
    plan: 'workRules',
  },
  'scoring.first-contact-2h': { text: t('first customer contact within 2 hours', '首次联系客户不超过2小时'), plan: 'plans', role: 'salesRep' },
  'scoring.ecommerce-reply-30s': { text: t('the e-commerce service desk replies within 30 seconds', '电商客服响应不超过30秒'), plan: 'reorg', role: 'ecommerceDesk' },
  'scoring.key-account-24h': { text: t('the key-account manager provides a solution within 24 hours', '大客户经理24小时内提供解决方案'), plan: 'reorg', role: 'keyAccountManager' },
  'scoring.response-ranking-20': { text: t('the weekly response ranking counts 20% of the quarterly review', '每周响应时效排名占季度考核20%'), plan: 'plans' },
  'scoring.effective-response-90': { text: t('an effective response also needs a resolution rate of at least 90%', '有效响应须同时满足解决率不低于90%'), plan: 'plans' },
  'scoring.peak-relax-20': { text: t('response thresholds relax 20% in peak season (Double 11)', '旺季（如双十一）响应时限放宽20%'), plan: 'plans' },
  'scoring.monthly-milestone-20': { text: t('month 1 reaches 20% of the annual target', '首月完成年度目标的20%'), plan: 'plans' },
  'targets.annual-breakdown': { text: t('annual targets are broken down into quarters and months', '年度目标分解到季度和月度'), plan: 'plans' },
  'scoring.role-kpis': { text: t('each marketing role has its own KPI set', '各营销岗位设置专属KPI'), plan: 'roles' },
  'scoring.cac-within-5': { text: t('monthly customer acquisition cost within ±5% of budget', '月度获客成本控制在预算±5%以内'), plan: 'roles', role: 'digitalMarketing' },
  'scoring.bounce-60': { text: t('landing pages with a bounce rate above 60% are flagged', '跳出率高于60%的落地页需优化'), plan: 'roles', role: 'digitalMarketing' },
  'scoring.complaints-4h': { text: t('complaints answered within 4 hours', '投诉4小时内响应'), plan: 'roles' },
  'scoring.feedback-50': { text: t('at least 50 valid feedback items a month', '每月收集有效反馈不少于50条'), plan: 'roles', role: 'accountManager' },
  'scoring.roadmap-30': { text: t('at least 30% of common requests go into the product roadmap each quarter', '每季度推动30%以上共性需求纳入产品路线图'), plan: 'roles', role: 'accountManager' },
  'scoring.event-report-72h': { text: t('wrap-up report within 72 hours after an event', '活动结束后72小时内完成结案报告'), plan: 'roles', role: 'prSpecialist' },
  'scoring.pr-response-2h': { text: t('graded response to negative news starts within 2 hours', '负面舆情2小时内启动分级响应'), plan: 'roles', role: 'prSpecialist' },
  'scoring.brand-alert-30min': { text: t('alert on negative sentiment within 30 minutes', '负面舆情30分钟内预警响应'), plan: 'roles', role: 'brandManager' },
  'scoring.content-replies': { text: t('ordinary bad reviews answered within 24 hours, major sentiment within 1 hour', '一般差评24小时内回复，重大舆情1小时内响应'), plan: 'roles', role: 'contentPlanner' },
  'scoring.channel-conflict-bonus': { text: t('resolving channel conflicts is a special bonus item, not a weighted KPI', '渠道冲突处理为专项加分项，不作为加权指标'), plan: 'plans', role: 'channelManager' },
  // Incentive payouts
  'payouts.tiered-commission': { text: t('tiered commission on attainment of the performance target: higher tiers earn higher rates', '阶梯式提成按业绩目标达成率分档，达成越高提成比例越高'), plan: 'management' },
  'payouts.excess-profit-share': { text: t('a share of profit above target goes to key contributors', '超额利润按比例分享给核心贡献者'), plan: 'plans' },
  'payouts.hit-product-award': { text: t('e-commerce hit-product award: tiered commission on the units of one product', '电商爆款推广奖：按单品销量阶梯提成'), plan: 'plans' },
  'payouts.regional-penetration': { text: t('regional penetration award = new stores × retention rate', '区域渗透奖 = 新开门店数 × 留存率'), plan: 'plans' },
  'payouts.ltv-bonus': { text: t('private-traffic bonus tied to customer LTV, paid yearly', '私域奖金与客户终身价值挂钩，按年发放'), plan: 'plans' },
  'payouts.new-region-2': { text: t('opening a new regional market: a team award of 2% of team sales', '开拓新区域市场：团队奖励为团队销售额的2%'), plan: 'plans' },
  'payouts.innovation-awards': { text: t('innovation award 5,000–20,000 CNY; idea award 500–5,000 CNY', '创新奖5,000–20,000元；金点子奖500–5,000元'), plan: 'plans' },
  'payouts.innovation-failure-50': { text: t('a failed but compliant innovation gets 50% of its cost subsidised (30% in one case)', '合规但失败的创新补贴50%成本（一处为30%）'), plan: 'plans' },
  'payouts.incubation-20': { text: t('a successful incubated project earns 20% of its gains', '成功孵化项目获得其收益的20%'), plan: 'plans' },
  'payouts.risk-sharing': { text: t('risk-sharing: above target a profit share, below a pro-rata pay cut', '对赌：超额分享利润，未达标按比例扣减绩效'), plan: 'plans' },
  'payouts.price-band-5': { text: t('channel managers may move prices within ±5%', '渠道经理可在±5%范围内调价'), plan: 'plans', role: 'channelManager' },
  'payouts.regional-budget-70-30': { text: t('regional agents spend 70% of the local budget directly; 30% needs head-office filing', '区域代理可直接使用70%本地预算，30%须总部备案'), plan: 'plans', role: 'regionalAgents' },
  'payouts.shared-commission': { text: t('sales, operations and supply chain share one commission on the sales they make together, and one bonus pool', '销售、运营与供应链三方共享业绩提成与共享奖金池'), plan: 'plans', role: 'sharedTeams' },
  'payouts.cross-department-points': { text: t('cross-department points convert to training or leave', '跨部门协作积分可兑换培训或假期'), plan: 'plans' },
  // Cost-benefit and budget
  'cost.labour-share-30': { text: t('labour cost ≤ 30% of the revenue a team creates', '人工成本不超过团队创造收入的30%'), plan: 'reorg' },
  'cost.marketing-spend-15': { text: t('marketing spend within 15% of revenue', '营销费用控制在收入的15%以内'), plan: 'plans' },
  'cost.low-roi-3': { text: t('a channel with ROI below 1:3 is low-efficiency', 'ROI低于1:3的渠道为低效渠道'), plan: 'plans' },
  'cost.stop-roi-0.8': { text: t('projects with ROI below 0.8 two weeks running are stopped', '连续两周ROI低于0.8的项目叫停'), plan: 'plans' },
  'cost.automation-payback-6-12': { text: t('automation tools pay back in 6–12 months', '自动化工具6–12个月回本'), plan: 'plans' },
  'cost.flexible-staffing-15-30': { text: t('flexible staffing cuts fixed labour cost 15–30%', '灵活用工降低固定人工成本15–30%'), plan: 'plans' },
  'cost.reorg-lift-20-45': { text: t('the re-organisation lifts output 20–45%', '分工优化提升产出20–45%'), plan: 'plans' },
  'cost.transition-15-30': { text: t('1–3 months of adaptation costing 15–30% of monthly labour cost', '1–3个月适应期，成本为月人工成本的15–30%'), plan: 'plans' },
  'cost.marginal-return-1': { text: t('optimal staffing: one more yuan of labour cost returns one yuan of revenue', '最优人员规模：边际人工成本回报为1'), plan: 'plans' },
  'cost.ltv-private-3x': { text: t('private-domain LTV ≈ 3× public-domain', '私域客户终身价值约为公域的3倍'), plan: 'plans' },
  'budget.reserve-15': { text: t('a 15% budget reserve pool', '预留15%预算池'), plan: 'plans' },
  'budget.alert-80-50': { text: t('alert when 80% of a budget is spent but conversion is at 50% of target', '预算花费达80%而转化仅达目标50%时预警'), plan: 'plans' },
  'budget.overrun-10': { text: t('cost review when a line is 10% over budget', '单项超预算10%启动成本复核'), plan: 'plans' },
  'budget.roi-driven-allocation': { text: t('budgets follow predicted ROI across channels', '按ROI预测在渠道间分配预算'), plan: 'plans' },
  'budget.decision-rights': { text: t('decision rights: ≤ 5M squad lead, 5–20M director, > 20M management', '决策权限：500万以下小组负责人，500万–2000万总监，2000万以上管理层'), plan: 'plans' },
  // Channels
  'channels.pareto-80-20': { text: t('strategic channels: the top 20% that bring 80% of revenue', '战略渠道：贡献80%收入的前20%渠道'), plan: 'plans' },
  'channels.incubate-30': { text: t('channels growing more than 30% a year get a 6-month incubation', '年增长超过30%的新兴渠道给予6个月孵化期'), plan: 'plans' },
  'channels.exit-15': { text: t('channels declining more than 15% two quarters running are cut back or exited', '连续两季度下滑超过15%的渠道收缩或退出'), plan: 'plans' },
  'channels.dealer-price-levels': { text: t('stepped dealer prices by channel level: general agent, distributor, retail', '按渠道级别（总代/分销/零售）设置阶梯价格'), plan: 'roles', role: 'channelManager' },
  'channels.quarterly-rebates': { text: t('quarterly rebates and over-target rewards for dealers', '经销商季度返利与超额奖励'), plan: 'roles', role: 'channelManager' },
  'channels.group-leader-rebates': { text: t('group leaders earn rebates on their own tiers', '团长按不同等级享受不同返利'), plan: 'roles', role: 'channelManager' },
  'channels.intermediary-commission-3': { text: t('intermediaries earn 3% commission per order', '中间人每单获得3%居间费'), plan: 'roles', role: 'channelManager' },
  'channels.price-deposit-50000': { text: t('a 50,000 CNY price deposit per dealer, part of it forfeited on a price violation', '每个经销商缴纳5万元价格保证金，违反价格规定扣除部分保证金'), plan: 'roles', role: 'channelManager' },
  'channels.supply-suspension-3': { text: t('a price violation also suspends supply for 3 months', '违反价格规定同时停止供货3个月'), plan: 'roles', role: 'channelManager' },
  'channels.conversion-alert-15': { text: t('conversion moving more than 15% raises an alert', '转化率波动超过15%触发预警'), plan: 'plans' },
  // Team structure
  'team.span-7': { text: t('span of control at most 7 direct reports', '管理幅度不超过7名直接下属'), plan: 'plans' },
  'team.spare-capacity-20': { text: t('keep 20% spare capacity for surges', '保留20%富余产能应对突发需求'), plan: 'plans' },
} as const satisfies Record<string, DigestRule>;

export type DigestRuleId = keyof typeof DIGEST_RULES;

/** Where a template carries a rule: the sheet and cell a user edits or reads. */
export interface RuleCell {
  rule: DigestRuleId;
  sheet: string;
  cell: string;
}

/** "plan rule: <the rule> — <the plan>", in both languages. */
export function ruleSource(id: DigestRuleId): Text {
  const rule: DigestRule = DIGEST_RULES[id];
  const plan = PLANS[rule.plan];
  return t(`plan rule: ${rule.text['en-US']} — ${plan['en-US']}`, `方案规则：${rule.text['zh-CN']}——${plan['zh-CN']}`);
}

/** What every input that is not a plan rule says about itself. */
export const EXAMPLE_SOURCE = t('example — replace with yours', '示例——请替换为贵司数据');
