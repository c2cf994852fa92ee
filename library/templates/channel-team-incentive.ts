/**
 * Channel team incentive plan (渠道团队激励, seed rules §1–§2): channel-dependent team /
 * individual weights, the dual-track bonus, channel awards (hit product, regional
 * penetration, LTV, new region, innovation, incubation), excess-profit sharing and its
 * risk-sharing counterpart, proration, a recoverable draw and clawbacks, in one workbook.
 */
import type ExcelJS from 'exceljs';
import { BuiltInTemplate } from '../kit/types';
import { CNY, PERCENT, header, input, instructions } from '../kit/style';

const DATE = 'yyyy-mm-dd';
const INT = '#,##0';
/** exceljs writes a Date as the Excel serial of its UTC day, so dates are built in UTC. */
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

type Validation = ExcelJS.DataValidation;
const rate = (max = 1): Validation => ({ type: 'decimal', operator: 'between', allowBlank: false, formulae: [0, max], showErrorMessage: true, error: `0–${max * 100}%` });
const nonNegative: Validation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: false, formulae: [0], showErrorMessage: true, error: '≥ 0' };
const dateValidation = (allowBlank: boolean): Validation => ({
  type: 'date',
  operator: 'between',
  allowBlank,
  formulae: [day(2000, 1, 1), day(2100, 12, 31)],
  showErrorMessage: true,
  error: 'A date (or an Excel date serial) 日期',
});

interface Param {
  name: string;
  label: string;
  value?: number | Date | boolean;
  /** A computed row instead of an input (no fill, no validation). */
  formula?: string;
  format?: string;
  validation?: Validation;
  note: string;
}

/** Inputs!B4 downwards: one named, validated input per row (the rule digest's numbers). */
export const PARAMS: Param[] = [
  { name: 'PeriodStart', label: 'Period start 考核期开始', value: day(2025, 1, 1), format: DATE, validation: dateValidation(false), note: 'Proration period, days inclusive. 折算期间（含首尾日）' },
  { name: 'PeriodEnd', label: 'Period end 考核期结束', value: day(2025, 12, 31), format: DATE, validation: dateValidation(false), note: '' },
  { name: 'OnlineIndividualWeight', label: 'Online: individual weight 线上个人权重', value: 0.6, format: PERCENT, validation: rate(), note: 'Online channels weight individual conversion 60% (team = 1 − this). 线上渠道个人转化率占60%' },
  { name: 'OfflineTeamWeight', label: 'Offline: team weight 线下团队权重', value: 0.7, format: PERCENT, validation: rate(), note: 'Offline channels weight team collaboration 70%. 线下渠道团队协作完成度占70%' },
  { name: 'DualTrackTeamWeight', label: 'Dual-track: team share 双轨制团队占比', value: 0.5, format: PERCENT, validation: rate(), note: 'Dual-track bonus: 50% team attainment, 50% individual. 双轨制：团队50%、个人50%' },
  { name: 'RiskShareStake', label: 'Risk-sharing stake 对赌比例', value: 0.2, format: PERCENT, validation: rate(), note: 'Team target missed → this share of the channel bonus base is cut pro rata to the shortfall. 未达标按差额比例扣减' },
  { name: 'PenetrationAwardPerStore', label: 'Penetration award per retained store 区域渗透奖/店', value: 3000, format: CNY, validation: nonNegative, note: 'Award = new stores × retention rate × this. 新开门店数×留存率×单店奖励' },
  { name: 'LtvMargin', label: 'LTV: yearly margin per customer 客户年毛利', value: 600, format: CNY, validation: nonNegative, note: 'Private-traffic customers. 私域客户' },
  { name: 'LtvRetention', label: 'LTV: yearly retention 年留存率', value: 0.7, format: PERCENT, validation: rate(), note: '' },
  { name: 'LtvDiscount', label: 'LTV: discount rate 折现率', value: 0.1, format: PERCENT, validation: rate(), note: '' },
  { name: 'LtvPerCustomer', label: 'LTV per customer (computed) 单客LTV（计算）', formula: 'PERF.LTV(LtvMargin,LtvRetention,LtvDiscount)', format: CNY, note: 'Computed with PERF.LTV(margin, retention, discount) = margin·r/(1 + d − r). 由 PERF.LTV 计算' },
  { name: 'LtvShare', label: 'LTV bonus share 私域LTV奖励比例', value: 0.05, format: PERCENT, validation: rate(), note: 'Bonus = new private customers × LTV × share, paid yearly. 按年发放' },
  { name: 'NewRegionRate', label: 'New-region award rate 新区域开拓奖比例', value: 0.02, format: PERCENT, validation: rate(), note: 'Team award of 2% of team sales in a newly opened region. 新区域团队销售额的2%' },
  { name: 'ProfitShareRate', label: 'Excess-profit share rate 超额利润分享比例', value: 0.1, format: PERCENT, validation: rate(), note: 'Share of profit above target. 超出目标利润部分的分享比例' },
  { name: 'ProfitShareCap', label: 'Excess-profit share cap 超额分享上限', value: 30000, format: CNY, validation: nonNegative, note: 'Per person. 每人上限' },
  { name: 'InnovationMin', label: 'Innovation award min 创新奖下限', value: 5000, format: CNY, validation: nonNegative, note: 'Innovation award 5,000–20,000. 创新奖5,000–20,000元' },
  { name: 'InnovationMax', label: 'Innovation award max 创新奖上限', value: 20000, format: CNY, validation: nonNegative, note: '' },
  { name: 'IdeaMin', label: 'Idea award min 金点子奖下限', value: 500, format: CNY, validation: nonNegative, note: 'Idea award 500–5,000. 金点子奖500–5,000元' },
  { name: 'IdeaMax', label: 'Idea award max 金点子奖上限', value: 5000, format: CNY, validation: nonNegative, note: '' },
  { name: 'IncubationShare', label: 'Incubation gain share 孵化项目收益分成', value: 0.2, format: PERCENT, validation: rate(), note: 'A successful incubated project earns 20% of its gains. 成功孵化项目收益的20%' },
  { name: 'PriceBand', label: 'Price band ± 价格浮动权限', value: 0.05, format: PERCENT, validation: rate(), note: 'Channel managers may move price within ±5%. 渠道经理可在±5%内调价' },
  { name: 'RegionalDirectShare', label: 'Regional budget: direct share 区域预算自主比例', value: 0.7, format: PERCENT, validation: rate(), note: '70% spent directly, 30% needs head-office filing. 70%自主使用，30%需总部备案' },
  { name: 'DrawAmount', label: 'Monthly draw (new hire) 新人月度预支', value: 6000, format: CNY, validation: nonNegative, note: 'Guaranteed monthly pay for 12 months. 12个月保底预支' },
  { name: 'DrawRecoverable', label: 'Draw recoverable? 预支可追回', value: true, validation: { type: 'list', allowBlank: false, formulae: ['"TRUE,FALSE"'], showErrorMessage: true, error: 'TRUE or FALSE' }, note: 'TRUE: later earnings repay the advance. TRUE：以后续提成抵扣' },
  { name: 'ClawbackWindowDays', label: 'Clawback window (days) 追回期限（天）', value: 90, format: INT, validation: nonNegative, note: 'Deal cancelled within this many days of payment → commission clawed back. 付款后该天数内撤单则追回' },
  { name: 'ClawbackPortion', label: 'Clawback portion 追回比例', value: 1, format: PERCENT, validation: rate(), note: '' },
];
export const PARAM_ROW: Record<string, number> = Object.fromEntries(PARAMS.map((p, i) => [p.name, 4 + i]));
const param = (name: string) => `Inputs!$B$${PARAM_ROW[name]}`;

/** Hit-product award tiers (units, CNY per unit), Inputs!E4:F6. */
export const HIT_TIERS: [number, number][] = [
  [0, 2],
  [1000, 3],
  [3000, 5],
];

export interface Person {
  name: string;
  team: string;
  channel: 'online' | 'offline';
  teamAttainment: number;
  individualAttainment: number;
  baseBonus: number;
  dualBonus: number;
  start: Date | null;
  end: Date | null;
}

export const PEOPLE: Person[] = [
  { name: 'Chen Jing 陈静', team: '华东电商组 East e-commerce', channel: 'online', teamAttainment: 1.08, individualAttainment: 1.15, baseBonus: 30000, dualBonus: 20000, start: null, end: null },
  { name: 'Li Wei 李伟', team: '华南门店组 South stores', channel: 'offline', teamAttainment: 0.92, individualAttainment: 0.85, baseBonus: 28000, dualBonus: 18000, start: null, end: null },
  { name: 'Wang Fang 王芳', team: '华东电商组 East e-commerce', channel: 'online', teamAttainment: 1.08, individualAttainment: 0.95, baseBonus: 25000, dualBonus: 15000, start: day(2025, 4, 1), end: null },
  { name: 'Zhang Min 张敏', team: '华北门店组 North stores', channel: 'offline', teamAttainment: 1.12, individualAttainment: 1.2, baseBonus: 32000, dualBonus: 20000, start: null, end: null },
  { name: 'Liu Yang 刘洋', team: '私域运营组 Private traffic', channel: 'online', teamAttainment: 0.88, individualAttainment: 0.78, baseBonus: 22000, dualBonus: 12000, start: null, end: null },
  { name: 'Zhao Lei 赵磊', team: '华南门店组 South stores', channel: 'offline', teamAttainment: 0.92, individualAttainment: 1.05, baseBonus: 26000, dualBonus: 16000, start: null, end: day(2025, 9, 30) },
  { name: 'Sun Li 孙丽', team: '华东电商组 East e-commerce', channel: 'online', teamAttainment: 1.08, individualAttainment: 1.3, baseBonus: 24000, dualBonus: 14000, start: day(2025, 7, 15), end: null },
  { name: 'Zhou Tao 周涛', team: '华北门店组 North stores', channel: 'offline', teamAttainment: 1.12, individualAttainment: 0.98, baseBonus: 30000, dualBonus: 18000, start: null, end: null },
];

/** Per-person award inputs, Awards sheet, same row order as Team. */
export interface AwardInputs {
  hitUnits: number;
  newStores: number;
  retention: number;
  privateCustomers: number;
  newRegionSales: number;
  profit: number;
  profitTarget: number;
  innovation: number;
  idea: number;
  incubationGains: number;
}

export const AWARDS: AwardInputs[] = [
  { hitUnits: 4200, newStores: 0, retention: 0, privateCustomers: 0, newRegionSales: 0, profit: 520000, profitTarget: 450000, innovation: 0, idea: 2000, incubationGains: 0 },
  { hitUnits: 0, newStores: 6, retention: 0.83, privateCustomers: 0, newRegionSales: 0, profit: 310000, profitTarget: 340000, innovation: 0, idea: 0, incubationGains: 0 },
  { hitUnits: 2600, newStores: 0, retention: 0, privateCustomers: 0, newRegionSales: 0, profit: 280000, profitTarget: 300000, innovation: 8000, idea: 0, incubationGains: 0 },
  { hitUnits: 0, newStores: 9, retention: 0.89, privateCustomers: 0, newRegionSales: 1850000, profit: 880000, profitTarget: 560000, innovation: 0, idea: 1500, incubationGains: 0 },
  { hitUnits: 0, newStores: 0, retention: 0, privateCustomers: 320, newRegionSales: 0, profit: 150000, profitTarget: 180000, innovation: 0, idea: 0, incubationGains: 120000 },
  { hitUnits: 0, newStores: 4, retention: 0.75, privateCustomers: 0, newRegionSales: 0, profit: 260000, profitTarget: 250000, innovation: 0, idea: 800, incubationGains: 0 },
  { hitUnits: 1800, newStores: 0, retention: 0, privateCustomers: 150, newRegionSales: 0, profit: 200000, profitTarget: 160000, innovation: 12000, idea: 0, incubationGains: 0 },
  { hitUnits: 0, newStores: 7, retention: 0.86, privateCustomers: 0, newRegionSales: 920000, profit: 480000, profitTarget: 420000, innovation: 0, idea: 0, incubationGains: 0 },
];

/** Regional controls (price band, budget split), Awards!A13 onwards. */
export const REGIONS: [string, number, number][] = [
  ['华东 East China', 0.03, 800000],
  ['华南 South China', -0.05, 600000],
  ['华北 North China', 0.062, 900000],
  ['西南 Southwest', -0.02, 450000],
];

/** New hire's earned commission by month (Draw sheet), against a recoverable draw. */
export const DRAW_EMPLOYEE = 'Sun Li 孙丽';
export const DRAW_MONTHS = ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
export const DRAW_EARNED = [0, 1500, 3200, 5000, 7400, 9800, 6500, 11000, 12500, 8000, 14000, 15500];

export interface Deal {
  id: string;
  person: string;
  customer: string;
  commission: number;
  paid: Date;
  cancelled: Date | null;
}

export const DEALS: Deal[] = [
  { id: 'D-2501', person: 'Chen Jing 陈静', customer: '杭州优品电商', commission: 4800, paid: day(2025, 3, 10), cancelled: day(2025, 4, 20) },
  { id: 'D-2502', person: 'Li Wei 李伟', customer: '广州万家超市', commission: 6200, paid: day(2025, 2, 15), cancelled: null },
  { id: 'D-2503', person: 'Zhang Min 张敏', customer: '北京鑫源商贸', commission: 9500, paid: day(2025, 5, 5), cancelled: day(2025, 9, 18) },
  { id: 'D-2504', person: 'Wang Fang 王芳', customer: '上海云采科技', commission: 3600, paid: day(2025, 6, 1), cancelled: day(2025, 7, 28) },
  { id: 'D-2505', person: 'Zhou Tao 周涛', customer: '天津惠民连锁', commission: 7200, paid: day(2025, 8, 12), cancelled: day(2025, 11, 10) },
  { id: 'D-2506', person: 'Zhao Lei 赵磊', customer: '深圳美佳便利', commission: 5400, paid: day(2025, 4, 22), cancelled: null },
];

const FIRST = 2;
const LAST = FIRST + PEOPLE.length - 1; // Team and Awards rows 2..9
const DRAW_FIRST = 6;
const DRAW_LAST = DRAW_FIRST + DRAW_EARNED.length - 1;
const DEAL_FIRST = 5;
const DEAL_LAST = DEAL_FIRST + DEALS.length - 1;
const REGION_FIRST = LAST + 5;

/** Summary!A2:B13, the components of the total payout (Summary!B14). */
export const COMPONENTS: [string, string][] = [
  ['Channel bonus (team/individual split) 渠道绩效奖金', `SUM(Team!K${FIRST}:K${LAST})`],
  ['Dual-track bonus 双轨制奖金', `SUM(Team!L${FIRST}:L${LAST})`],
  ['Risk-sharing cut 对赌扣减', `SUM(Team!M${FIRST}:M${LAST})`],
  ['Proration adjustment 在岗折算调整', `SUM(Team!O${FIRST}:O${LAST})-SUM(Team!N${FIRST}:N${LAST})`],
  ['Hit-product award 爆款推广奖', `SUM(Awards!D${FIRST}:D${LAST})`],
  ['Regional penetration award 区域渗透奖', `SUM(Awards!G${FIRST}:G${LAST})`],
  ['LTV bonus (yearly) 私域LTV奖（年度）', `SUM(Awards!I${FIRST}:I${LAST})`],
  ['New-region award 新区域开拓奖', `SUM(Awards!K${FIRST}:K${LAST})`],
  ['Excess-profit share 超额利润分享', `SUM(Awards!N${FIRST}:N${LAST})`],
  ['Innovation & idea awards 创新奖与金点子奖', `SUM(Awards!O${FIRST}:P${LAST})`],
  ['Incubation award 孵化项目分成', `SUM(Awards!R${FIRST}:R${LAST})`],
  ['Clawbacks 佣金追回', `SUM(Clawbacks!G${DEAL_FIRST}:G${DEAL_LAST})`],
];
const PERSON_FIRST = 20;
const PERSON_LAST = PERSON_FIRST + PEOPLE.length - 1;

const formula = (cell: ExcelJS.Cell, text: string, format?: string) => {
  cell.value = { formula: text } as ExcelJS.CellValue;
  if (format) cell.numFmt = format;
};
const inputCell = (cell: ExcelJS.Cell, value: ExcelJS.CellValue, format: string | undefined, validation?: Validation) => {
  cell.value = value;
  input(cell, format);
  if (validation) cell.dataValidation = validation;
};

export const channelTeamIncentive: BuiltInTemplate = {
  metadata: {
    id: 'channel-team-incentive',
    title: { en: 'Channel team incentive plan', zh: '渠道团队激励方案' },
    description: {
      en: 'Online/offline team–individual weights, dual-track bonus, hit-product, regional penetration, LTV, new-region, innovation and incubation awards, excess-profit sharing with risk-sharing cuts, proration, a recoverable draw and clawbacks.',
      zh: '线上/线下团队与个人权重、双轨制奖金、爆款推广奖、区域渗透奖、私域LTV奖、新区域开拓奖、创新与孵化奖励、超额利润分享与对赌扣减、在岗折算、可追回预支及佣金追回。',
    },
    category: 'incentive',
    tags: ['incentive', 'channel', 'team', 'bonus', 'draw', 'clawback', '激励', '渠道', '团队', '双轨制'],
  },
  rules: [
    { rule: 'weights.online-individual-60', sheet: 'Inputs', cell: `B${PARAM_ROW.OnlineIndividualWeight}` },
    { rule: 'weights.offline-team-70', sheet: 'Inputs', cell: `B${PARAM_ROW.OfflineTeamWeight}` },
    { rule: 'weights.dual-track-50-50', sheet: 'Inputs', cell: `B${PARAM_ROW.DualTrackTeamWeight}` },
    { rule: 'payouts.hit-product-award', sheet: 'Awards', cell: `D${FIRST}` },
    { rule: 'payouts.regional-penetration', sheet: 'Awards', cell: `G${FIRST}` },
    { rule: 'payouts.ltv-bonus', sheet: 'Awards', cell: `I${FIRST}` },
    { rule: 'payouts.new-region-2', sheet: 'Inputs', cell: `B${PARAM_ROW.NewRegionRate}` },
    { rule: 'payouts.excess-profit-share', sheet: 'Awards', cell: `N${FIRST}` },
    { rule: 'payouts.proration', sheet: 'Team', cell: `O${FIRST}` },
    { rule: 'payouts.draw', sheet: 'Draw', cell: `C${DRAW_FIRST}` },
    { rule: 'payouts.clawback', sheet: 'Clawbacks', cell: `G${DEAL_FIRST}` },
    { rule: 'payouts.risk-sharing', sheet: 'Team', cell: `M${FIRST}` },
    { rule: 'payouts.innovation-awards', sheet: 'Inputs', cell: `B${PARAM_ROW.InnovationMin}` },
    { rule: 'payouts.incubation-20', sheet: 'Inputs', cell: `B${PARAM_ROW.IncubationShare}` },
    { rule: 'payouts.price-band-5', sheet: 'Inputs', cell: `B${PARAM_ROW.PriceBand}` },
    { rule: 'payouts.regional-budget-70-30', sheet: 'Inputs', cell: `B${PARAM_ROW.RegionalDirectShare}` },
  ],
  charts: [
    {
      sheet: 'Summary',
      type: 'column',
      title: 'Payout by component 各组成部分金额',
      categories: `Summary!$A$2:$A$${1 + COMPONENTS.length}`,
      series: [{ name: 'Amount 金额', values: `Summary!$B$2:$B$${1 + COMPONENTS.length}` }],
      anchor: { from: 'D2', to: 'L18' },
    },
    {
      sheet: 'Summary',
      type: 'column',
      title: 'Total payout by person 个人应发合计',
      categories: `Summary!$A$${PERSON_FIRST}:$A$${PERSON_LAST}`,
      series: [{ name: 'Total 合计', values: `Summary!$E$${PERSON_FIRST}:$E$${PERSON_LAST}` }],
      anchor: { from: 'G20', to: 'O36' },
    },
  ],
  build(workbook: ExcelJS.Workbook) {
    instructions(workbook, this.metadata.title, [
      ['What it is for: a year-end incentive settlement for online and offline channel teams, from the channel bonus to awards, draws and clawbacks.', '用途：线上、线下渠道团队的年度激励结算，涵盖渠道绩效奖金、各类专项奖励、新人预支与佣金追回。'],
      ['Edit the yellow cells. Inputs: every rate, weight, cap and date of the plan (each has a name, e.g. OfflineTeamWeight). Team: people, channel (online/offline), team and individual attainment, bonus bases, start/end dates. Awards, Draw and Clawbacks: the facts of the year.', '编辑黄色单元格。Inputs：方案的全部比例、权重、上限与日期（均已命名，如 OfflineTeamWeight）；Team：人员、渠道（online/offline）、团队与个人达成率、奖金基数、起止日期；Awards、Draw、Clawbacks：本年度实际数据。'],
      ['Channel bonus (Team!K): =PERF.SPLIT(team, individual, team weight, base). Online: team weight = 1 − 60% individual; offline: team weight 70%. Dual-track bonus (Team!L): the same split at 50/50.', '渠道绩效奖金（Team!K）：=PERF.SPLIT(团队, 个人, 团队权重, 基数)。线上团队权重 = 1 − 个人60%；线下团队权重70%。双轨制奖金（Team!L）按50/50拆分。'],
      ['Risk-sharing (Team!M): when the team misses its target, stake × base bonus × shortfall is cut (对赌). Above target, the excess-profit share (Awards!N, =PERF.PROFITSHARE with a cap) applies instead.', '对赌（Team!M）：团队未达标时，扣减 对赌比例 × 奖金基数 × 差额；超额时适用超额利润分享（Awards!N，=PERF.PROFITSHARE，含上限）。'],
      ['Proration (Team!O): =PERF.PRORATE pays mid-period joiners and leavers by days in role. Leave start/end blank for people in role all period; dates may be typed as dates or as Excel date serials.', '在岗折算（Team!O）：=PERF.PRORATE 按在岗天数折算期中入职或离职人员。全期在岗者起止日期留空；日期可输入日期或 Excel 日期序列号。'],
      ['Awards: hit-product award = PERF.TIERED on units of the hit product (tiers Inputs!E4:F6); regional penetration = new stores × retention × award per store; LTV bonus = new private-traffic customers × PERF.LTV × share, paid once a year; new-region award = 2% of the team sales credited to each member in the new region; innovation 5,000–20,000 and idea 500–5,000 (validated); incubation = 20% of project gains.', '专项奖励：爆款推广奖 = 按爆款销量 PERF.TIERED 阶梯计算（Inputs!E4:F6）；区域渗透奖 = 新开门店 × 留存率 × 单店奖励；私域LTV奖 = 私域新客 × PERF.LTV × 比例，按年发放；新区域开拓奖 = 计入本人的新区域团队销售额 × 2%；创新奖5,000–20,000元、金点子奖500–5,000元（已设校验）；孵化分成 = 项目收益 × 20%。'],
      ['Regional controls (Awards, lower table): a price change outside ±5% is flagged; 70% of a regional budget may be spent directly, 30% needs head-office filing.', '区域管控（Awards 下方表格）：调价超出±5%将被标记；区域预算70%可自主使用，30%需总部备案。'],
      ['Draw: a new hire is guaranteed the monthly draw for 12 months (=PERF.DRAW, recoverable); column D shows the advance still to be earned back. Clawbacks: =PERF.CLAWBACK takes back commission on deals cancelled within the window.', 'Draw：新人12个月保底预支（=PERF.DRAW，可追回）；D列为尚待抵扣的预支余额。Clawbacks：=PERF.CLAWBACK 对追回期内撤销的订单追回佣金。'],
      ['Summary: total payout by component (B14) and by person; the draw balance is shown separately and is not part of the total.', 'Summary：按组成部分（B14）和按人员汇总应发金额；预支余额单独列示，不计入合计。'],
      ['Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);

    // --- Inputs -----------------------------------------------------------------------
    const inputs = workbook.addWorksheet('Inputs');
    inputs.columns = [{ width: 42 }, { width: 16 }, { width: 70 }, { width: 4 }, { width: 16 }, { width: 16 }];
    inputs.getCell('A1').value = 'Plan inputs 方案参数';
    inputs.getCell('A1').font = { bold: true, size: 13 };
    inputs.getRow(3).values = ['Parameter 参数', 'Value 数值', 'Rule 规则说明', '', 'Units from 销量起点', 'CNY per unit 每件奖励'];
    header(inputs.getRow(3));
    PARAMS.forEach((p) => {
      const row = PARAM_ROW[p.name];
      inputs.getCell(row, 1).value = p.label;
      inputs.getCell(row, 3).value = p.note;
      if (p.formula) formula(inputs.getCell(row, 2), p.formula, p.format);
      else inputCell(inputs.getCell(row, 2), p.value!, p.format, p.validation);
      workbook.definedNames.add(param(p.name), p.name);
    });
    HIT_TIERS.forEach(([units, perUnit], i) => {
      inputCell(inputs.getCell(4 + i, 5), units, INT, nonNegative);
      inputCell(inputs.getCell(4 + i, 6), perUnit, CNY, nonNegative);
    });
    inputs.getCell(4 + HIT_TIERS.length, 5).value = 'Hit-product award tiers (marginal) 爆款推广奖阶梯（边际）';
    workbook.definedNames.add(`Inputs!$E$4:$F$${3 + HIT_TIERS.length}`, 'HitProductTiers');

    // --- Team -------------------------------------------------------------------------
    const team = workbook.addWorksheet('Team');
    team.columns = [22, 26, 10, 12, 12, 14, 14, 13, 13, 11, 16, 16, 14, 16, 16].map((width) => ({ width }));
    team.getRow(1).values = [
      'Name 姓名', 'Team 团队', 'Channel 渠道', 'Team attainment 团队达成率', 'Individual attainment 个人达成率',
      'Channel bonus base 绩效奖金基数', 'Dual-track base 双轨奖金基数', 'Start 起始日期', 'End 结束日期',
      'Team weight 团队权重', 'Channel bonus 渠道绩效奖金', 'Dual-track bonus 双轨制奖金', 'Risk-sharing cut 对赌扣减',
      'Before proration 折算前', 'Payable bonus 折算后应发',
    ];
    header(team.getRow(1));
    team.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    const attainment: Validation = { type: 'decimal', operator: 'between', allowBlank: false, formulae: [0, 5], showErrorMessage: true, error: '0–500%' };
    PEOPLE.forEach((p, i) => {
      const r = FIRST + i;
      inputCell(team.getCell(r, 1), p.name, undefined);
      inputCell(team.getCell(r, 2), p.team, undefined);
      inputCell(team.getCell(r, 3), p.channel, undefined, { type: 'list', allowBlank: false, formulae: ['"online,offline"'], showErrorMessage: true, error: 'online or offline' });
      inputCell(team.getCell(r, 4), p.teamAttainment, PERCENT, attainment);
      inputCell(team.getCell(r, 5), p.individualAttainment, PERCENT, attainment);
      inputCell(team.getCell(r, 6), p.baseBonus, CNY, nonNegative);
      inputCell(team.getCell(r, 7), p.dualBonus, CNY, nonNegative);
      inputCell(team.getCell(r, 8), p.start, DATE, dateValidation(true));
      inputCell(team.getCell(r, 9), p.end, DATE, dateValidation(true));
      formula(team.getCell(r, 10), `IF(C${r}="online",1-OnlineIndividualWeight,OfflineTeamWeight)`, PERCENT);
      // Pro-rata cut of the stake by the team's shortfall (對賭); nothing when the target is met.
      formula(team.getCell(r, 13), `-RiskShareStake*F${r}*MAX(0,1-D${r})`, CNY);
      formula(team.getCell(r, 14), `K${r}+L${r}+M${r}`, CNY);
      for (const c of [11, 12, 15]) team.getCell(r, c).numFmt = CNY;
    });
    const span = (col: string) => `${col}${FIRST}:${col}${LAST}`;
    formula(team.getCell(FIRST, 11), `PERF.SPLIT(${span('D')},${span('E')},${span('J')},${span('F')})`);
    formula(team.getCell(FIRST, 12), `PERF.SPLIT(${span('D')},${span('E')},DualTrackTeamWeight,${span('G')})`);
    formula(team.getCell(FIRST, 15), `PERF.PRORATE(${span('N')},${span('H')},${span('I')},PeriodStart,PeriodEnd)`);
    workbook.definedNames.add(`Team!$A$${FIRST}:$I$${LAST}`, 'TeamData');

    // --- Awards -----------------------------------------------------------------------
    const awards = workbook.addWorksheet('Awards');
    awards.columns = [22, 10, 12, 14, 10, 12, 14, 12, 14, 16, 14, 14, 14, 14, 14, 14, 14, 14, 16].map((width) => ({ width }));
    awards.getRow(1).values = [
      'Name 姓名', 'Channel 渠道', 'Hit-product units 爆款销量', 'Hit-product award 爆款推广奖', 'New stores 新开门店',
      'Store retention 门店留存率', 'Penetration award 区域渗透奖', 'New private customers 私域新客', 'LTV bonus 私域LTV奖',
      'New-region sales credited 新区域销售额', 'New-region award 新区域开拓奖', 'Profit 利润', 'Profit target 利润目标',
      'Excess-profit share 超额利润分享', 'Innovation award 创新奖', 'Idea award 金点子奖', 'Incubation gains 孵化收益',
      'Incubation award 孵化分成', 'Total awards 奖励合计',
    ];
    header(awards.getRow(1));
    awards.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    // 0 (no award) or an amount inside the band named on Inputs.
    const between = (low: string, high: string, col: string, r: number): Validation => ({
      type: 'custom',
      allowBlank: true,
      formulae: [`OR(${col}${r}=0,AND(${col}${r}>=${low},${col}${r}<=${high}))`],
      showErrorMessage: true,
      error: `0, or between Inputs ${low} and ${high} 须为0或在参数区间内`,
    });
    AWARDS.forEach((a, i) => {
      const r = FIRST + i;
      formula(awards.getCell(r, 1), `Team!A${r}`);
      formula(awards.getCell(r, 2), `Team!C${r}`);
      inputCell(awards.getCell(r, 3), a.hitUnits, INT, nonNegative);
      inputCell(awards.getCell(r, 5), a.newStores, INT, nonNegative);
      inputCell(awards.getCell(r, 6), a.retention, PERCENT, rate());
      formula(awards.getCell(r, 7), `E${r}*F${r}*PenetrationAwardPerStore`, CNY);
      inputCell(awards.getCell(r, 8), a.privateCustomers, INT, nonNegative);
      formula(awards.getCell(r, 9), `H${r}*LtvPerCustomer*LtvShare`, CNY);
      inputCell(awards.getCell(r, 10), a.newRegionSales, CNY, nonNegative);
      formula(awards.getCell(r, 11), `J${r}*NewRegionRate`, CNY);
      inputCell(awards.getCell(r, 12), a.profit, CNY);
      inputCell(awards.getCell(r, 13), a.profitTarget, CNY);
      inputCell(awards.getCell(r, 15), a.innovation, CNY, between('InnovationMin', 'InnovationMax', 'O', r));
      inputCell(awards.getCell(r, 16), a.idea, CNY, between('IdeaMin', 'IdeaMax', 'P', r));
      inputCell(awards.getCell(r, 17), a.incubationGains, CNY, nonNegative);
      formula(awards.getCell(r, 18), `Q${r}*IncubationShare`, CNY);
      formula(awards.getCell(r, 19), `D${r}+G${r}+I${r}+K${r}+N${r}+O${r}+P${r}+R${r}`, CNY);
      awards.getCell(r, 4).numFmt = CNY;
      awards.getCell(r, 14).numFmt = CNY;
    });
    formula(awards.getCell(FIRST, 4), `PERF.TIERED(${span('C')},HitProductTiers,"marginal")`);
    formula(awards.getCell(FIRST, 14), `PERF.PROFITSHARE(${span('L')},${span('M')},ProfitShareRate,ProfitShareCap)`);

    awards.getCell(REGION_FIRST - 2, 1).value = 'Regional controls 区域管控';
    awards.getCell(REGION_FIRST - 2, 1).font = { bold: true };
    awards.getRow(REGION_FIRST - 1).values = ['Region 区域', 'Price change 调价幅度', 'Within band? 是否合规', 'Local budget 区域预算', 'Direct spend 可自主使用', 'Needs filing 需总部备案'];
    header(awards.getRow(REGION_FIRST - 1));
    REGIONS.forEach(([region, change, budget], i) => {
      const r = REGION_FIRST + i;
      inputCell(awards.getCell(r, 1), region, undefined);
      inputCell(awards.getCell(r, 2), change, PERCENT, { type: 'decimal', operator: 'between', allowBlank: false, formulae: [-1, 1], showErrorMessage: true, error: '−100%–100%' });
      formula(awards.getCell(r, 3), `IF(ABS(B${r})<=PriceBand,"OK 合规","Out of band 超出权限")`);
      inputCell(awards.getCell(r, 4), budget, CNY, nonNegative);
      formula(awards.getCell(r, 5), `D${r}*RegionalDirectShare`, CNY);
      formula(awards.getCell(r, 6), `D${r}-E${r}`, CNY);
    });

    // --- Draw -------------------------------------------------------------------------
    const drawSheet = workbook.addWorksheet('Draw');
    drawSheet.columns = [{ width: 24 }, { width: 18 }, { width: 16 }, { width: 22 }];
    drawSheet.getCell('A1').value = 'Recoverable draw for a new hire 新人可追回预支';
    drawSheet.getCell('A1').font = { bold: true, size: 13 };
    drawSheet.getCell('A2').value = 'Employee 员工';
    inputCell(drawSheet.getCell('B2'), DRAW_EMPLOYEE, undefined);
    drawSheet.getCell('A3').value = 'Monthly draw 月度预支';
    formula(drawSheet.getCell('B3'), 'DrawAmount', CNY);
    drawSheet.getCell('A4').value = 'Recoverable 可追回';
    formula(drawSheet.getCell('B4'), 'DrawRecoverable');
    drawSheet.getRow(DRAW_FIRST - 1).values = ['Month 月份', 'Earned commission 应得提成', 'Paid 实发', 'Advance outstanding 待抵扣预支'];
    header(drawSheet.getRow(DRAW_FIRST - 1));
    DRAW_EARNED.forEach((earned, i) => {
      const r = DRAW_FIRST + i;
      inputCell(drawSheet.getCell(r, 1), DRAW_MONTHS[i], undefined);
      inputCell(drawSheet.getCell(r, 2), earned, CNY, nonNegative);
      drawSheet.getCell(r, 3).numFmt = CNY;
      // What was paid but not yet earned: last balance + paid − earned (0 once recovered).
      formula(drawSheet.getCell(r, 4), i === 0 ? `C${r}-B${r}` : `D${r - 1}+C${r}-B${r}`, CNY);
    });
    formula(drawSheet.getCell(DRAW_FIRST, 3), `PERF.DRAW(B${DRAW_FIRST}:B${DRAW_LAST},DrawAmount,DrawRecoverable)`);

    // --- Clawbacks --------------------------------------------------------------------
    const claw = workbook.addWorksheet('Clawbacks');
    claw.columns = [10, 22, 18, 14, 13, 13, 14, 16].map((width) => ({ width }));
    claw.getCell('A1').value = 'Commission clawbacks 佣金追回';
    claw.getCell('A1').font = { bold: true, size: 13 };
    claw.getCell('A2').value = 'A deal cancelled within ClawbackWindowDays of the commission payment gives back ClawbackPortion of it (blank cancel date = not cancelled). 付款后追回期内撤单按比例追回佣金（撤单日期留空表示未撤单）。';
    claw.getRow(DEAL_FIRST - 1).values = ['Deal 订单', 'Salesperson 销售', 'Customer 客户', 'Commission 佣金', 'Paid 付款日', 'Cancelled 撤单日', 'Clawback 追回', 'Days to cancel 撤单天数'];
    header(claw.getRow(DEAL_FIRST - 1));
    DEALS.forEach((d, i) => {
      const r = DEAL_FIRST + i;
      inputCell(claw.getCell(r, 1), d.id, undefined);
      inputCell(claw.getCell(r, 2), d.person, undefined, { type: 'list', allowBlank: false, formulae: [`Team!$A$${FIRST}:$A$${LAST}`], showErrorMessage: true, error: 'A name from the Team sheet 须为 Team 表中的姓名' });
      inputCell(claw.getCell(r, 3), d.customer, undefined);
      inputCell(claw.getCell(r, 4), d.commission, CNY, nonNegative);
      inputCell(claw.getCell(r, 5), d.paid, DATE, dateValidation(false));
      inputCell(claw.getCell(r, 6), d.cancelled, DATE, dateValidation(true));
      claw.getCell(r, 7).numFmt = CNY;
      formula(claw.getCell(r, 8), `IF(F${r}="","—",F${r}-E${r})`, INT);
    });
    formula(claw.getCell(DEAL_FIRST, 7), `PERF.CLAWBACK(D${DEAL_FIRST}:D${DEAL_LAST},E${DEAL_FIRST}:E${DEAL_LAST},F${DEAL_FIRST}:F${DEAL_LAST},ClawbackWindowDays,ClawbackPortion)`);

    // --- Summary ----------------------------------------------------------------------
    const summary = workbook.addWorksheet('Summary');
    summary.columns = [{ width: 40 }, { width: 18 }, { width: 16 }, { width: 16 }, { width: 16 }];
    summary.getRow(1).values = ['Component 组成部分', 'Amount 金额'];
    header(summary.getRow(1));
    COMPONENTS.forEach(([label, text], i) => {
      summary.getCell(2 + i, 1).value = label;
      formula(summary.getCell(2 + i, 2), text, CNY);
    });
    const totalRow = 2 + COMPONENTS.length;
    summary.getCell(totalRow, 1).value = 'Total payout 应发合计';
    summary.getCell(totalRow, 1).font = { bold: true };
    formula(summary.getCell(totalRow, 2), `SUM(B2:B${totalRow - 1})`, CNY);
    summary.getCell(totalRow, 2).font = { bold: true };
    summary.getCell(totalRow + 2, 1).value = 'Draw: largest advance outstanding 预支最高余额（不计入合计）';
    formula(summary.getCell(totalRow + 2, 2), `MAX(Draw!D${DRAW_FIRST}:D${DRAW_LAST})`, CNY);
    summary.getCell(totalRow + 3, 1).value = 'Draw: advance outstanding at month 12 第12月预支余额';
    formula(summary.getCell(totalRow + 3, 2), `Draw!D${DRAW_LAST}`, CNY);

    summary.getRow(PERSON_FIRST - 1).values = ['Person 姓名', 'Payable bonus 折算后奖金', 'Awards 奖励', 'Clawbacks 追回', 'Total 合计'];
    header(summary.getRow(PERSON_FIRST - 1));
    PEOPLE.forEach((_, i) => {
      const r = PERSON_FIRST + i;
      const source = FIRST + i;
      formula(summary.getCell(r, 1), `Team!A${source}`);
      formula(summary.getCell(r, 2), `Team!O${source}`, CNY);
      formula(summary.getCell(r, 3), `Awards!S${source}`, CNY);
      formula(summary.getCell(r, 4), `SUMIF(Clawbacks!$B$${DEAL_FIRST}:$B$${DEAL_LAST},A${r},Clawbacks!$G$${DEAL_FIRST}:$G$${DEAL_LAST})`, CNY);
      formula(summary.getCell(r, 5), `B${r}+C${r}+D${r}`, CNY);
    });
    summary.getCell(PERSON_LAST + 1, 1).value = 'Total 合计';
    for (const c of ['B', 'C', 'D', 'E']) formula(summary.getCell(`${c}${PERSON_LAST + 1}`), `SUM(${c}${PERSON_FIRST}:${c}${PERSON_LAST})`, CNY);
  },
};
