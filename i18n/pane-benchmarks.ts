/**
 * How the Benchmarks view names what the API serves: each metric's display name in both
 * languages and the area it belongs to, the segments, and the units. The API's ids
 * (labour_cost_share_max, all, ratio) stay in formulas; people read these names. A metric
 * the pane does not know yet (a peer contribution) is shown by its id, under "Other".
 */
import type { Text } from './text';
import paneBenchmarksAreas from './messages/pane-benchmarks-areas.json';
import paneBenchmarksSegments from './messages/pane-benchmarks-segments.json';
import paneBenchmarksUnits from './messages/pane-benchmarks-units.json';
import type { PaneBenchmarksAreasMessages } from './generated/messages';

export const AREAS = paneBenchmarksAreas as PaneBenchmarksAreasMessages;

export type Area = keyof typeof AREAS;

type Metric = Text & { area: Area };
const m = (area: Area, en: string, zh: string): Metric => ({ area, 'en-US': en, 'zh-CN': zh });

export const METRICS: Readonly<Record<string, Metric>> = {
  // KPI weights and scorecards
  individual_weight: m('weights', 'Weight of individual conversion', '个人转化率权重'),
  team_weight: m('weights', 'Weight of team collaboration', '团队协作完成率权重'),
  dual_track_team_share: m('weights', 'Dual-track bonus: team share', '双轨制奖金中团队部分占比'),
  kpi_weight_customer_satisfaction: m('weights', 'Weight of customer satisfaction', '客户满意度权重'),
  bsc_weight_financial: m('weights', 'Scorecard weight: financial', '平衡计分卡权重：财务'),
  bsc_weight_customer: m('weights', 'Scorecard weight: customer', '平衡计分卡权重：客户'),
  bsc_weight_learning: m('weights', 'Scorecard weight: learning and growth', '平衡计分卡权重：学习与成长'),
  kpi_quantitative_weight_min: m('weights', 'Minimum weight of quantitative KPIs', '量化 KPI 最低权重'),
  response_first_contact_hours: m('weights', 'First customer contact within', '首次联系客户时限'),
  response_ecommerce_reply_seconds: m('weights', 'E-commerce service reply within', '电商客服回复时限'),
  response_key_account_solution_hours: m('weights', 'Key account solution within', '大客户方案时限'),
  response_ranking_weight: m('weights', 'Weight of the response-time ranking', '响应时效排名权重'),
  effective_response_resolution_rate_min: m('weights', 'Minimum resolution rate of an effective response', '有效响应的最低解决率'),
  peak_season_threshold_relaxation: m('weights', 'Peak-season relaxation of response targets', '旺季响应标准放宽幅度'),
  monthly_milestone_month1_share: m('weights', 'Month 1 share of the annual target', '首月目标占全年目标比例'),
  cac_budget_tolerance: m('weights', 'Tolerance of customer acquisition cost vs budget', '获客成本与预算的允许偏差'),
  landing_page_bounce_flag: m('weights', 'Landing-page bounce rate that raises a flag', '落地页跳出率警戒线'),
  complaint_answer_hours: m('weights', 'Complaint answered within', '投诉回复时限'),
  feedback_items_per_month_min: m('weights', 'Minimum customer feedback items a month', '每月最少用户反馈条数'),
  requests_to_roadmap_share_min: m('weights', 'Minimum share of requests on the roadmap', '共性需求进入路线图的最低比例'),
  event_wrapup_report_hours: m('weights', 'Event wrap-up report within', '活动复盘报告时限'),
  // Incentives and payouts
  new_region_team_award_rate: m('incentives', 'New-region team award (share of team sales)', '开拓新区域团队奖（占团队销售额）'),
  innovation_award_min_cny: m('incentives', 'Innovation award, lowest', '创新奖最低金额'),
  innovation_award_max_cny: m('incentives', 'Innovation award, highest', '创新奖最高金额'),
  idea_award_min_cny: m('incentives', 'Idea award, lowest', '金点子奖最低金额'),
  idea_award_max_cny: m('incentives', 'Idea award, highest', '金点子奖最高金额'),
  incubated_project_gain_share: m('incentives', 'Share of gains for a successful incubated project', '孵化项目成功后的收益分成'),
  failed_innovation_cost_subsidy: m('incentives', 'Cost subsidy for a failed compliant innovation', '合规创新失败的成本补贴'),
  price_adjustment_band: m('incentives', 'Price band a channel manager may set', '渠道经理可调价幅度'),
  regional_budget_direct_share: m('incentives', 'Regional budget spent directly', '区域预算直接支配比例'),
  // Cost-benefit and budget
  labour_cost_share_max: m('costs', 'Labour cost share of revenue, at most', '人工成本占营收比例上限'),
  marketing_spend_share_max: m('costs', 'Marketing spend share of revenue, at most', '营销费用占营收比例上限'),
  channel_roi_min: m('costs', 'Lowest ROI of an efficient channel', '高效渠道的最低投资回报率'),
  project_roi_stop: m('costs', 'ROI below which a project stops', '项目止损的投资回报率'),
  roi_drop_staffing_review: m('costs', 'ROI drop that triggers a staffing review', '触发人员复核的投资回报率降幅'),
  automation_payback_months_min: m('costs', 'Payback period of automation, shortest', '自动化工具回收期下限'),
  automation_payback_months_max: m('costs', 'Payback period of automation, longest', '自动化工具回收期上限'),
  flexible_staffing_saving_min: m('costs', 'Saving from flexible staffing, lowest', '弹性用工节省比例下限'),
  flexible_staffing_saving_max: m('costs', 'Saving from flexible staffing, highest', '弹性用工节省比例上限'),
  reorg_output_lift_min: m('costs', 'Output lift from re-organisation, lowest', '分工优化产出提升下限'),
  reorg_output_lift_max: m('costs', 'Output lift from re-organisation, highest', '分工优化产出提升上限'),
  ltv_lift_per_5pt_retention_min: m('costs', 'Lifetime value lift per 5 points of retention, lowest', '留存率每提升 5 个百分点的用户终身价值增幅下限'),
  ltv_lift_per_5pt_retention_max: m('costs', 'Lifetime value lift per 5 points of retention, highest', '留存率每提升 5 个百分点的用户终身价值增幅上限'),
  funnel_cac_reduction_min: m('costs', 'Acquisition cost cut by funnel work, lowest', '漏斗优化降低获客成本下限'),
  funnel_cac_reduction_max: m('costs', 'Acquisition cost cut by funnel work, highest', '漏斗优化降低获客成本上限'),
  transition_months_min: m('costs', 'Adaptation time after a change, shortest', '调整适应期下限'),
  transition_months_max: m('costs', 'Adaptation time after a change, longest', '调整适应期上限'),
  transition_cost_share_min: m('costs', 'Adaptation cost share of monthly labour cost, lowest', '适应期成本占月人工成本比例下限'),
  transition_cost_share_max: m('costs', 'Adaptation cost share of monthly labour cost, highest', '适应期成本占月人工成本比例上限'),
  optimal_staffing_marginal_return: m('costs', 'Return of the last unit of labour cost at optimal staffing', '最优人员配置下最后一单位人工成本的回报'),
  short_video_cac_vs_live: m('costs', 'Short-video acquisition cost relative to live commerce', '短视频获客成本相对直播的比例'),
  budget_share_short_video_before: m('costs', 'Short-video budget share, before', '短视频预算占比（调整前）'),
  budget_share_short_video_after: m('costs', 'Short-video budget share, after', '短视频预算占比（调整后）'),
  budget_share_live_commerce_before: m('costs', 'Live-commerce budget share, before', '直播预算占比（调整前）'),
  budget_share_live_commerce_after: m('costs', 'Live-commerce budget share, after', '直播预算占比（调整后）'),
  budget_reserve_share: m('costs', 'Budget reserve pool', '预算预留比例'),
  budget_alert_spent_share: m('costs', 'Budget spent that raises an alert', '触发预警的预算消耗比例'),
  budget_alert_conversion_share: m('costs', 'Conversion below which the spend alert fires', '触发预警的转化达成比例'),
  budget_overrun_review: m('costs', 'Overrun that triggers a cost review', '触发成本复核的超支比例'),
  decision_rights_squad_max_cny: m('costs', 'Decision rights of a squad lead, up to', '小组负责人决策权限上限'),
  decision_rights_director_max_cny: m('costs', 'Decision rights of a director, up to', '总监决策权限上限'),
  private_domain_ltv_multiple: m('costs', 'Private-domain lifetime value vs public domain', '私域用户终身价值相对公域的倍数'),
  ai_tooling_roi: m('costs', 'ROI of AI tooling (example)', 'AI 工具的投资回报率（示例）'),
  livestream_roi: m('costs', 'ROI of a live stream (example)', '直播的投资回报率（示例）'),
  livestream_roi_best: m('costs', 'Best ROI of a live stream (example)', '直播的最佳投资回报率（示例）'),
  // Channels
  strategic_channel_revenue_share: m('channels', 'Revenue share of strategic channels', '战略渠道的营收占比'),
  strategic_channel_count_share: m('channels', 'Strategic channels among all channels', '战略渠道数量占比'),
  emerging_channel_growth_min: m('channels', 'Growth that qualifies an emerging channel', '新兴渠道的最低年增长率'),
  incubation_months: m('channels', 'Incubation time of an emerging channel', '新兴渠道孵化期'),
  channel_decline_exit: m('channels', 'Decline at which a channel is cut back', '渠道收缩或退出的降幅'),
  conversion_fluctuation_alert: m('channels', 'Conversion swing that raises an alert', '触发预警的转化率波动'),
  competitor_share_review: m('channels', 'Competitor share that triggers a review', '触发复盘的竞品份额'),
  grey_release_traffic_share: m('channels', 'Traffic share of a grey release', '灰度发布的流量占比'),
  pilot_channels_min: m('channels', 'Pilot channels, fewest', '试点渠道数下限'),
  pilot_channels_max: m('channels', 'Pilot channels, most', '试点渠道数上限'),
  dealer_price_deposit_cny: m('channels', 'Price deposit per dealer', '每家经销商的价格保证金'),
  retail_price_band: m('channels', 'Retail price band', '零售价格浮动区间'),
  // Team structure
  span_of_control_max: m('team', 'Direct reports per manager, at most', '管理幅度上限'),
  squad_size_min: m('team', 'Squad size, smallest', '小组人数下限'),
  squad_size_max: m('team', 'Squad size, largest', '小组人数上限'),
  spare_capacity_share: m('team', 'Spare capacity kept for surges', '为高峰预留的富余产能'),
  approval_levels_current: m('team', 'Approval levels today', '当前审批层级'),
  approval_levels_target: m('team', 'Approval levels, target', '目标审批层级'),
  emergency_approval_days: m('team', 'Days an emergency approval takes', '紧急审批平均天数'),
  // Where things stand today
  channel_data_platforms: m('today', 'Platforms the channel data is spread over', '渠道数据分散的平台数'),
  monthly_report_person_hours: m('today', 'Person-hours for the monthly report', '月报汇总所需人时'),
};

export const SEGMENTS: Readonly<Record<string, Text>> = paneBenchmarksSegments;

/** Units: ratios are shown as percentages and CNY as money, so they have no word here. */
export const UNITS: Readonly<Record<string, Text>> = paneBenchmarksUnits;
