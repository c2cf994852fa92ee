/**
 * Every quantitative rule of the domain digest (shared/domain/seed-rules.md), by id. Each
 * built-in template lists the rules it carries and the cell that carries each one; a test
 * checks that every rule here lives in at least one template cell, so none can vanish.
 */
export const DIGEST_RULES = {
  // §1 KPI weights and scorecards
  'weights.online-individual-60': 'Online channels weight the individual conversion rate 60%.',
  'weights.offline-team-70': 'Offline channels weight team collaboration completion 70%.',
  'weights.dual-track-50-50': 'Dual-track bonus: 50% team attainment, 50% individual contribution.',
  'weights.sales-rep-satisfaction-30': 'Sales representatives: customer satisfaction raised to 30%.',
  'weights.bsc-50-30-20': 'Balanced scorecard: financial 50%, customer 30%, learning & growth 20%.',
  'weights.quantitative-min-60': 'Quantitative KPIs weigh at least 60%.',
  'scoring.360-review': 'Ability dimensions via 360° review (manager, peers, customers).',
  'scoring.compliance-veto': 'A compliance breach zeroes the rating regardless of score.',
  'scoring.response-times': 'First contact ≤ 2 h; e-commerce reply ≤ 30 s; key account solution ≤ 24 h.',
  'scoring.response-ranking-20': 'The weekly response ranking counts 20% of the quarterly review.',
  'scoring.effective-response-90': 'An effective response also needs a resolution rate ≥ 90%.',
  'scoring.peak-relax-20': 'Response thresholds relax 20% in peak season.',
  'scoring.monthly-milestone-20': 'Monthly milestone: month 1 = 20% of the annual target.',
  'scoring.role-kpis': 'Twelve marketing roles, each with its own KPI set.',
  'scoring.cac-within-5': 'Monthly CAC within ±5% of budget.',
  'scoring.bounce-60': 'Landing pages with bounce > 60% are flagged.',
  'scoring.complaints-4h': 'Complaint answers within 4 h.',
  'scoring.feedback-50': 'At least 50 feedback items a month.',
  'scoring.roadmap-30': 'At least 30% of common requests become roadmap items a quarter.',
  'scoring.event-report-72h': 'Event wrap-up report within 72 h.',
  // §2 Incentive payouts
  'payouts.tiered-commission': 'Tiered commission: higher rates for higher attainment bands.',
  'payouts.excess-profit-share': 'A share of profit above target goes to key contributors.',
  'payouts.hit-product-award': 'E-commerce hit-product award: tiered commission on units of one product.',
  'payouts.regional-penetration': 'Regional penetration award = new stores × retention rate.',
  'payouts.ltv-bonus': 'Private-traffic channels: bonus tied to customer LTV, paid yearly.',
  'payouts.new-region-2': 'Opening a new regional market: team award of 2% of team sales.',
  'payouts.innovation-awards': 'Innovation award 5,000–20,000 CNY; idea awards 500–5,000 CNY.',
  'payouts.incubation-20': 'A successful incubated project earns 20% of its gains.',
  'payouts.risk-sharing': 'Exceed target → profit share; miss → performance pay cut pro rata.',
  'payouts.price-band-5': 'Channel managers may move price within ±5%.',
  'payouts.regional-budget-70-30': 'Regional agents spend 70% of local budget directly, 30% needs filing.',
  'payouts.proration': 'Mid-period joiners are paid pro rata (transition, new roles).',
  'payouts.draw': 'A recoverable draw supports new staff until earnings catch up.',
  'payouts.clawback': 'Commission on cancelled deals is clawed back within a window.',
  // §3 Cost-benefit and budget
  'cost.labour-share-30': 'Labour cost ≤ 30% of the revenue a team creates.',
  'cost.marketing-spend-15': 'Marketing spend within 15% of revenue.',
  'cost.low-roi-3': 'A channel with ROI below 1:3 is low-efficiency.',
  'cost.stop-roi-0.8': 'Projects with ROI below 0.8 two weeks running are stopped.',
  'cost.automation-payback-6-12': 'Automation tools pay back in 6–12 months.',
  'cost.flexible-staffing-15-30': 'Flexible staffing cuts fixed labour cost 15–30%.',
  'cost.reorg-lift-20-45': 'Re-organisation lifts output 20–45%.',
  'cost.transition-15-30': 'Transition: 1–3 months costing 15–30% of monthly labour cost.',
  'cost.marginal-return-1': 'Optimal staffing: marginal return of labour cost = 1.',
  'cost.ltv-private-3x': 'Private-domain LTV ≈ 3× public-domain; +5 pts retention lifts LTV 25–40%.',
  'budget.reserve-15': 'A 15% budget reserve pool.',
  'budget.alert-80-50': 'Alert when 80% of a budget is spent but conversion is at 50% of target.',
  'budget.overrun-10': 'Cost review when a line is 10% over budget.',
  'budget.roi-driven-allocation': 'ROI-prediction-driven allocation across channels.',
  'budget.decision-rights': 'Decision rights: ≤ 5M squad lead, 5–20M director, > 20M management.',
  // §4 Channels
  'channels.pareto-80-20': 'Strategic channels: the top 20% bringing 80% of revenue.',
  'channels.incubate-30': 'Channels growing > 30% a year get a 6-month incubation.',
  'channels.exit-15': 'Channels declining > 15% two quarters running are cut back or exited.',
  'channels.conversion-alert-15': 'Conversion fluctuating > 15% raises an alert.',
  // §5 Team structure
  'team.span-7': 'Span of control ≤ 7 direct reports.',
  'team.spare-capacity-20': 'Keep 20% spare capacity for surges.',
} as const;

export type DigestRuleId = keyof typeof DIGEST_RULES;

/** Where a template carries a rule: the sheet and cell a user edits or reads. */
export interface RuleCell {
  rule: DigestRuleId;
  sheet: string;
  cell: string;
}
