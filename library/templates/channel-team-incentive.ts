/**
 * Channel team incentive plan (渠道团队激励, seed rules §1–§2): channel-dependent team /
 * individual weights, the dual-track bonus, channel awards (hit product, regional
 * penetration, LTV, new region, innovation, incubation), excess-profit sharing and its
 * risk-sharing counterpart, proration, a recoverable draw and clawbacks, in one workbook.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, DATE, INT, LABEL, PERCENT, Parameter, ParameterBlock, SummaryLine, Validation, columnWidths, dateInput, day, decimalBetween, defineNames, defineTemplate,
  formula, heading, headerRow, inputBlock, label, nonNegative, oneOf, oneOfRange, parameterRows, parameterRules, percentBetween, resultColumn, satisfies,
  sheetTitle, summaryLines, t, writeParameters,
} from '../kit';

/** Inputs!B4 downwards: one named, validated input per row (the rule digest's numbers). */
export const PARAMS: Parameter[] = [
  { name: 'PeriodStart', label: t('Period start', '考核期开始'), value: day(2025, 1, 1), format: DATE, validation: dateInput(false), note: t('Proration period, days inclusive.', '折算期间（含首尾日）') },
  { name: 'PeriodEnd', label: t('Period end', '考核期结束'), value: day(2025, 12, 31), format: DATE, validation: dateInput(false), note: '' },
  { name: 'OnlineIndividualWeight', label: t('Online: individual weight', '线上个人权重'), value: 0.6, format: PERCENT, validation: percentBetween(), note: t('Online channels weight individual conversion 60% (team = 1 − this).', '线上渠道个人转化率占60%'), rule: 'weights.online-individual-60' },
  { name: 'OfflineTeamWeight', label: t('Offline: team weight', '线下团队权重'), value: 0.7, format: PERCENT, validation: percentBetween(), note: t('Offline channels weight team collaboration 70%.', '线下渠道团队协作完成度占70%'), rule: 'weights.offline-team-70' },
  { name: 'DualTrackTeamWeight', label: t('Dual-track: team share', '双轨制团队占比'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Dual-track bonus: 50% team attainment, 50% individual.', '双轨制：团队50%、个人50%'), rule: 'weights.dual-track-50-50' },
  { name: 'RiskShareStake', label: t('Risk-sharing stake', '对赌比例'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Team target missed → this share of the channel bonus base is cut pro rata to the shortfall.', '未达标按差额比例扣减') },
  { name: 'PenetrationAwardPerStore', label: t('Penetration award per retained store', '区域渗透奖/店'), value: 3000, format: CNY, validation: nonNegative, note: t('Award = new stores × retention rate × this.', '新开门店数×留存率×单店奖励') },
  { name: 'LtvMargin', label: t('LTV: yearly margin per customer', '客户年毛利'), value: 600, format: CNY, validation: nonNegative, note: t('Private-traffic customers.', '私域客户') },
  { name: 'LtvRetention', label: t('LTV: yearly retention', '年留存率'), value: 0.7, format: PERCENT, validation: percentBetween(), note: '' },
  { name: 'LtvDiscount', label: t('LTV: discount rate', '折现率'), value: 0.1, format: PERCENT, validation: percentBetween(), note: '' },
  { name: 'LtvPerCustomer', label: t('LTV per customer (computed)', '单客LTV（计算）'), formula: 'PERF.LTV(LtvMargin,LtvRetention,LtvDiscount)', format: CNY, note: t('Computed with PERF.LTV(margin, retention, discount) = margin·r/(1 + d − r).', '由 PERF.LTV 计算') },
  { name: 'LtvShare', label: t('LTV bonus share', '私域LTV奖励比例'), value: 0.05, format: PERCENT, validation: percentBetween(), note: t('Bonus = new private customers × LTV × share, paid yearly.', '按年发放') },
  { name: 'NewRegionRate', label: t('New-region award rate', '新区域开拓奖比例'), value: 0.02, format: PERCENT, validation: percentBetween(), note: t('Team award of 2% of team sales in a newly opened region.', '新区域团队销售额的2%'), rule: 'payouts.new-region-2' },
  { name: 'ProfitShareRate', label: t('Excess-profit share rate', '超额利润分享比例'), value: 0.1, format: PERCENT, validation: percentBetween(), note: t('Share of profit above target.', '超出目标利润部分的分享比例') },
  { name: 'ProfitShareCap', label: t('Excess-profit share cap', '超额分享上限'), value: 30000, format: CNY, validation: nonNegative, note: t('Per person.', '每人上限') },
  { name: 'InnovationMin', label: t('Innovation award min', '创新奖下限'), value: 5000, format: CNY, validation: nonNegative, note: t('Innovation award 5,000–20,000.', '创新奖5,000–20,000元'), rule: 'payouts.innovation-awards' },
  { name: 'InnovationMax', label: t('Innovation award max', '创新奖上限'), value: 20000, format: CNY, validation: nonNegative, note: '' },
  { name: 'IdeaMin', label: t('Idea award min', '金点子奖下限'), value: 500, format: CNY, validation: nonNegative, note: t('Idea award 500–5,000.', '金点子奖500–5,000元') },
  { name: 'IdeaMax', label: t('Idea award max', '金点子奖上限'), value: 5000, format: CNY, validation: nonNegative, note: '' },
  { name: 'IncubationShare', label: t('Incubation gain share', '孵化项目收益分成'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('A successful incubated project earns 20% of its gains.', '成功孵化项目收益的20%'), rule: 'payouts.incubation-20' },
  { name: 'PriceBand', label: t('Price band ±', '价格浮动权限'), value: 0.05, format: PERCENT, validation: percentBetween(), note: t('Channel managers may move price within ±5%.', '渠道经理可在±5%内调价'), rule: 'payouts.price-band-5' },
  { name: 'RegionalDirectShare', label: t('Regional budget: direct share', '区域预算自主比例'), value: 0.7, format: PERCENT, validation: percentBetween(), note: t('70% spent directly, 30% needs head-office filing.', '70%自主使用，30%需总部备案'), rule: 'payouts.regional-budget-70-30' },
  { name: 'DrawAmount', label: t('Monthly draw (new hire)', '新人月度预支'), value: 6000, format: CNY, validation: nonNegative, note: t('Guaranteed monthly pay for 12 months.', '12个月保底预支') },
  { name: 'DrawRecoverable', label: t('Draw recoverable?', '预支可追回'), value: true, validation: oneOf(['TRUE', 'FALSE'], 'TRUE or FALSE'), note: t('TRUE: later earnings repay the advance.', 'TRUE：以后续提成抵扣') },
  { name: 'ClawbackWindowDays', label: t('Clawback window (days)', '追回期限（天）'), value: 90, format: INT, validation: nonNegative, note: t('Deal cancelled within this many days of payment → commission clawed back.', '付款后该天数内撤单则追回') },
  { name: 'ClawbackPortion', label: t('Clawback portion', '追回比例'), value: 1, format: PERCENT, validation: percentBetween(), note: '' },
];
const INPUTS: ParameterBlock = { sheet: 'Inputs', firstRow: 4, rows: PARAMS };
export const PARAM_ROW = parameterRows(INPUTS);

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
const span = (col: string) => `${col}${FIRST}:${col}${LAST}`;

/** Summary: the payout by person from row 20. */
const PERSON_FIRST = 20;
const PERSON_LAST = PERSON_FIRST + PEOPLE.length - 1;

/** Summary!A2:B13, the components of the total payout (Summary!B14). */
const COMPONENTS: SummaryLine[] = [
  { label: t('Channel bonus (team/individual split)', '渠道绩效奖金'), formula: `SUM(Team!K${FIRST}:K${LAST})` },
  { label: t('Dual-track bonus', '双轨制奖金'), formula: `SUM(Team!L${FIRST}:L${LAST})` },
  { label: t('Risk-sharing cut', '对赌扣减'), formula: `SUM(Team!M${FIRST}:M${LAST})` },
  { label: t('Proration adjustment', '在岗折算调整'), formula: `SUM(Team!O${FIRST}:O${LAST})-SUM(Team!N${FIRST}:N${LAST})` },
  { label: t('Hit-product award', '爆款推广奖'), formula: `SUM(Awards!D${FIRST}:D${LAST})` },
  { label: t('Regional penetration award', '区域渗透奖'), formula: `SUM(Awards!G${FIRST}:G${LAST})` },
  { label: t('LTV bonus (yearly)', '私域LTV奖（年度）'), formula: `SUM(Awards!I${FIRST}:I${LAST})` },
  { label: t('New-region award', '新区域开拓奖'), formula: `SUM(Awards!K${FIRST}:K${LAST})` },
  { label: t('Excess-profit share', '超额利润分享'), formula: `SUM(Awards!N${FIRST}:N${LAST})` },
  { label: t('Innovation & idea awards', '创新奖与金点子奖'), formula: `SUM(Awards!O${FIRST}:P${LAST})` },
  { label: t('Incubation award', '孵化项目分成'), formula: `SUM(Awards!R${FIRST}:R${LAST})` },
  { label: t('Clawbacks', '佣金追回'), formula: `SUM(Clawbacks!G${DEAL_FIRST}:G${DEAL_LAST})` },
].map((line) => ({ ...line, format: CNY }));

export const channelTeamIncentive = defineTemplate({
  id: 'channel-team-incentive',
  category: 'incentive',
  title: t('Channel team incentive plan', '渠道团队激励方案'),
  description: t(
    'Online/offline team–individual weights, dual-track bonus, hit-product, regional penetration, LTV, new-region, innovation and incubation awards, excess-profit sharing with risk-sharing cuts, proration, a recoverable draw and clawbacks.',
    '线上/线下团队与个人权重、双轨制奖金、爆款推广奖、区域渗透奖、私域LTV奖、新区域开拓奖、创新与孵化奖励、超额利润分享与对赌扣减、在岗折算、可追回预支及佣金追回。',
  ),
  tags: ['incentive', 'channel', 'team', 'bonus', 'draw', 'clawback', '激励', '渠道', '团队', '双轨制'],
  instructions: {
    purpose: t('a year-end incentive settlement for online and offline channel teams, from the channel bonus to awards, draws and clawbacks.', '线上、线下渠道团队的年度激励结算，涵盖渠道绩效奖金、各类专项奖励、新人预支与佣金追回。'),
    steps: [
      t('Edit the yellow cells. Inputs: every rate, weight, cap and date of the plan (each has a name, e.g. OfflineTeamWeight). Team: people, channel (online/offline), team and individual attainment, bonus bases, start/end dates. Awards, Draw and Clawbacks: the facts of the year.', '编辑黄色单元格。Inputs：方案的全部比例、权重、上限与日期（均已命名，如 OfflineTeamWeight）；Team：人员、渠道（online/offline）、团队与个人达成率、奖金基数、起止日期；Awards、Draw、Clawbacks：本年度实际数据。'),
      t('Channel bonus (Team!K): =PERF.SPLIT(team, individual, team weight, base). Online: team weight = 1 − 60% individual; offline: team weight 70%. Dual-track bonus (Team!L): the same split at 50/50.', '渠道绩效奖金（Team!K）：=PERF.SPLIT(团队, 个人, 团队权重, 基数)。线上团队权重 = 1 − 个人60%；线下团队权重70%。双轨制奖金（Team!L）按50/50拆分。'),
      t('Risk-sharing (Team!M): when the team misses its target, stake × base bonus × shortfall is cut (对赌). Above target, the excess-profit share (Awards!N, =PERF.PROFITSHARE with a cap) applies instead.', '对赌（Team!M）：团队未达标时，扣减 对赌比例 × 奖金基数 × 差额；超额时适用超额利润分享（Awards!N，=PERF.PROFITSHARE，含上限）。'),
      t('Proration (Team!O): =PERF.PRORATE pays mid-period joiners and leavers by days in role. Leave start/end blank for people in role all period; dates may be typed as dates or as Excel date serials.', '在岗折算（Team!O）：=PERF.PRORATE 按在岗天数折算期中入职或离职人员。全期在岗者起止日期留空；日期可输入日期或 Excel 日期序列号。'),
      t('Awards: hit-product award = PERF.TIERED on units of the hit product (tiers Inputs!E4:F6); regional penetration = new stores × retention × award per store; LTV bonus = new private-traffic customers × PERF.LTV × share, paid once a year; new-region award = 2% of the team sales credited to each member in the new region; innovation 5,000–20,000 and idea 500–5,000 (validated); incubation = 20% of project gains.', '专项奖励：爆款推广奖 = 按爆款销量 PERF.TIERED 阶梯计算（Inputs!E4:F6）；区域渗透奖 = 新开门店 × 留存率 × 单店奖励；私域LTV奖 = 私域新客 × PERF.LTV × 比例，按年发放；新区域开拓奖 = 计入本人的新区域团队销售额 × 2%；创新奖5,000–20,000元、金点子奖500–5,000元（已设校验）；孵化分成 = 项目收益 × 20%。'),
      t('Regional controls (Awards, lower table): a price change outside ±5% is flagged; 70% of a regional budget may be spent directly, 30% needs head-office filing.', '区域管控（Awards 下方表格）：调价超出±5%将被标记；区域预算70%可自主使用，30%需总部备案。'),
      t('Draw: a new hire is guaranteed the monthly draw for 12 months (=PERF.DRAW, recoverable); column D shows the advance still to be earned back. Clawbacks: =PERF.CLAWBACK takes back commission on deals cancelled within the window.', 'Draw：新人12个月保底预支（=PERF.DRAW，可追回）；D列为尚待抵扣的预支余额。Clawbacks：=PERF.CLAWBACK 对追回期内撤销的订单追回佣金。'),
      t('Summary: total payout by component (B14) and by person; the draw balance is shown separately and is not part of the total.', 'Summary：按组成部分（B14）和按人员汇总应发金额；预支余额单独列示，不计入合计。'),
    ],
  },
  rules: [
    ...parameterRules(INPUTS),
    { rule: 'payouts.hit-product-award', sheet: 'Awards', cell: `D${FIRST}` },
    { rule: 'payouts.regional-penetration', sheet: 'Awards', cell: `G${FIRST}` },
    { rule: 'payouts.ltv-bonus', sheet: 'Awards', cell: `I${FIRST}` },
    { rule: 'payouts.excess-profit-share', sheet: 'Awards', cell: `N${FIRST}` },
    { rule: 'payouts.proration', sheet: 'Team', cell: `O${FIRST}` },
    { rule: 'payouts.draw', sheet: 'Draw', cell: `C${DRAW_FIRST}` },
    { rule: 'payouts.clawback', sheet: 'Clawbacks', cell: `G${DEAL_FIRST}` },
    { rule: 'payouts.risk-sharing', sheet: 'Team', cell: `M${FIRST}` },
  ],
  charts: [
    {
      sheet: 'Summary', type: 'column', at: 'D2:L18', title: t('Payout by component', '各组成部分金额'),
      categories: `Summary!$A$2:$A$${1 + COMPONENTS.length}`,
      series: [{ name: t('Amount', '金额'), values: `Summary!$B$2:$B$${1 + COMPONENTS.length}` }],
    },
    {
      sheet: 'Summary', type: 'column', at: 'G20:O36', title: t('Total payout by person', '个人应发合计'),
      categories: `Summary!$A$${PERSON_FIRST}:$A$${PERSON_LAST}`,
      series: [{ name: LABEL.total, values: `Summary!$E$${PERSON_FIRST}:$E$${PERSON_LAST}` }],
    },
  ],
  sheets: [writeInputs, writeTeam, writeAwards, writeDraw, writeClawbacks, writeSummary],
});

function writeInputs(workbook: ExcelJS.Workbook): void {
  const inputs = workbook.addWorksheet('Inputs');
  columnWidths(inputs, [42, 16, 70, 4, 16, 16]);
  sheetTitle(inputs, t('Plan inputs', '方案参数'));
  headerRow(inputs, 3, [LABEL.parameter, LABEL.value, t('Rule', '规则说明'), '', t('Units from', '销量起点'), t('CNY per unit', '每件奖励')]);
  writeParameters(workbook, INPUTS);
  inputBlock(inputs, 4, HIT_TIERS, [{ col: 5, format: INT, validation: nonNegative }, { col: 6, format: CNY, validation: nonNegative }]);
  label(inputs.getCell(4 + HIT_TIERS.length, 5), t('Hit-product award tiers (marginal)', '爆款推广奖阶梯（边际）'));
  defineNames(workbook, { HitProductTiers: `Inputs!$E$4:$F$${3 + HIT_TIERS.length}` });
}

function writeTeam(workbook: ExcelJS.Workbook): void {
  const team = workbook.addWorksheet('Team');
  columnWidths(team, [22, 26, 10, 12, 12, 14, 14, 13, 13, 11, 16, 16, 14, 16, 16]);
  headerRow(
    team,
    1,
    [
      LABEL.name, t('Team', '团队'), LABEL.channel, t('Team attainment', '团队达成率'), t('Individual attainment', '个人达成率'),
      t('Channel bonus base', '绩效奖金基数'), t('Dual-track base', '双轨奖金基数'), t('Start', '起始日期'), t('End', '结束日期'),
      t('Team weight', '团队权重'), t('Channel bonus', '渠道绩效奖金'), t('Dual-track bonus', '双轨制奖金'), t('Risk-sharing cut', '对赌扣减'),
      t('Before proration', '折算前'), t('Payable bonus', '折算后应发'),
    ],
    { wrap: 'top' },
  );
  const attainment = percentBetween(0, 5);
  inputBlock(
    team,
    FIRST,
    PEOPLE.map((p) => [p.name, p.team, p.channel, p.teamAttainment, p.individualAttainment, p.baseBonus, p.dualBonus, p.start, p.end]),
    [
      { col: 1 },
      { col: 2 },
      { col: 3, validation: oneOf(['online', 'offline'], 'online or offline') },
      { col: 4, format: PERCENT, validation: attainment },
      { col: 5, format: PERCENT, validation: attainment },
      { col: 6, format: CNY, validation: nonNegative },
      { col: 7, format: CNY, validation: nonNegative },
      { col: 8, format: DATE, validation: dateInput(true) },
      { col: 9, format: DATE, validation: dateInput(true) },
    ],
  );
  PEOPLE.forEach((_, i) => {
    const r = FIRST + i;
    formula(team.getCell(r, 10), `IF(C${r}="online",1-OnlineIndividualWeight,OfflineTeamWeight)`, PERCENT);
    // Pro-rata cut of the stake by the team's shortfall (對賭); nothing when the target is met.
    formula(team.getCell(r, 13), `-RiskShareStake*F${r}*MAX(0,1-D${r})`, CNY);
    formula(team.getCell(r, 14), `K${r}+L${r}+M${r}`, CNY);
  });
  const spills: [number, string][] = [
    [11, `PERF.SPLIT(${span('D')},${span('E')},${span('J')},${span('F')})`],
    [12, `PERF.SPLIT(${span('D')},${span('E')},DualTrackTeamWeight,${span('G')})`],
    [15, `PERF.PRORATE(${span('N')},${span('H')},${span('I')},PeriodStart,PeriodEnd)`],
  ];
  for (const [col, text] of spills) resultColumn(team, { col, first: FIRST, last: LAST, formula: text, format: CNY });
  defineNames(workbook, { TeamData: `Team!$A$${FIRST}:$I$${LAST}` });
}

/** 0 (no award) or an amount inside the band named on Inputs. */
function awardBand(low: string, high: string, col: string): (row: number) => Validation {
  return (r) => satisfies(`OR(${col}${r}=0,AND(${col}${r}>=${low},${col}${r}<=${high}))`, `0, or between Inputs ${low} and ${high} 须为0或在参数区间内`);
}

function writeAwards(workbook: ExcelJS.Workbook): void {
  const awards = workbook.addWorksheet('Awards');
  columnWidths(awards, [22, 10, 12, 14, 10, 12, 14, 12, 14, 16, 14, 14, 14, 14, 14, 14, 14, 14, 16]);
  headerRow(
    awards,
    1,
    [
      LABEL.name, LABEL.channel, t('Hit-product units', '爆款销量'), t('Hit-product award', '爆款推广奖'), t('New stores', '新开门店'),
      t('Store retention', '门店留存率'), t('Penetration award', '区域渗透奖'), t('New private customers', '私域新客'), t('LTV bonus', '私域LTV奖'),
      t('New-region sales credited', '新区域销售额'), t('New-region award', '新区域开拓奖'), t('Profit', '利润'), t('Profit target', '利润目标'),
      t('Excess-profit share', '超额利润分享'), t('Innovation award', '创新奖'), t('Idea award', '金点子奖'), t('Incubation gains', '孵化收益'),
      t('Incubation award', '孵化分成'), t('Total awards', '奖励合计'),
    ],
    { wrap: 'top' },
  );
  inputBlock(
    awards,
    FIRST,
    AWARDS.map((a) => [a.hitUnits, a.newStores, a.retention, a.privateCustomers, a.newRegionSales, a.profit, a.profitTarget, a.innovation, a.idea, a.incubationGains]),
    [
      { col: 3, format: INT, validation: nonNegative },
      { col: 5, format: INT, validation: nonNegative },
      { col: 6, format: PERCENT, validation: percentBetween() },
      { col: 8, format: INT, validation: nonNegative },
      { col: 10, format: CNY, validation: nonNegative },
      { col: 12, format: CNY },
      { col: 13, format: CNY },
      { col: 15, format: CNY, validation: awardBand('InnovationMin', 'InnovationMax', 'O') },
      { col: 16, format: CNY, validation: awardBand('IdeaMin', 'IdeaMax', 'P') },
      { col: 17, format: CNY, validation: nonNegative },
    ],
  );
  AWARDS.forEach((_, i) => {
    const r = FIRST + i;
    formula(awards.getCell(r, 1), `Team!A${r}`);
    formula(awards.getCell(r, 2), `Team!C${r}`);
    formula(awards.getCell(r, 7), `E${r}*F${r}*PenetrationAwardPerStore`, CNY);
    formula(awards.getCell(r, 9), `H${r}*LtvPerCustomer*LtvShare`, CNY);
    formula(awards.getCell(r, 11), `J${r}*NewRegionRate`, CNY);
    formula(awards.getCell(r, 18), `Q${r}*IncubationShare`, CNY);
    formula(awards.getCell(r, 19), `D${r}+G${r}+I${r}+K${r}+N${r}+O${r}+P${r}+R${r}`, CNY);
  });
  resultColumn(awards, { col: 4, first: FIRST, last: LAST, formula: `PERF.TIERED(${span('C')},HitProductTiers,"marginal")`, format: CNY });
  resultColumn(awards, { col: 14, first: FIRST, last: LAST, formula: `PERF.PROFITSHARE(${span('L')},${span('M')},ProfitShareRate,ProfitShareCap)`, format: CNY });

  heading(awards.getCell(REGION_FIRST - 2, 1), t('Regional controls', '区域管控'));
  headerRow(awards, REGION_FIRST - 1, [t('Region', '区域'), t('Price change', '调价幅度'), t('Within band?', '是否合规'), t('Local budget', '区域预算'), t('Direct spend', '可自主使用'), t('Needs filing', '需总部备案')]);
  inputBlock(
    awards,
    REGION_FIRST,
    REGIONS.map(([region, change, budget]) => [region, change, budget]),
    [{ col: 1 }, { col: 2, format: PERCENT, validation: decimalBetween(-1, 1, '−100%–100%') }, { col: 4, format: CNY, validation: nonNegative }],
  );
  REGIONS.forEach((_, i) => {
    const r = REGION_FIRST + i;
    formula(awards.getCell(r, 3), `IF(ABS(B${r})<=PriceBand,"OK 合规","Out of band 超出权限")`);
    formula(awards.getCell(r, 5), `D${r}*RegionalDirectShare`, CNY);
    formula(awards.getCell(r, 6), `D${r}-E${r}`, CNY);
  });
}

function writeDraw(workbook: ExcelJS.Workbook): void {
  const draw = workbook.addWorksheet('Draw');
  columnWidths(draw, [24, 18, 16, 22]);
  sheetTitle(draw, t('Recoverable draw for a new hire', '新人可追回预支'));
  writeParameters(workbook, {
    sheet: 'Draw',
    firstRow: 2,
    rows: [
      { label: t('Employee', '员工'), value: DRAW_EMPLOYEE },
      { label: t('Monthly draw', '月度预支'), formula: 'DrawAmount', format: CNY },
      { label: t('Recoverable', '可追回'), formula: 'DrawRecoverable' },
    ],
  });
  headerRow(draw, DRAW_FIRST - 1, [t('Month', '月份'), t('Earned commission', '应得提成'), t('Paid', '实发'), t('Advance outstanding', '待抵扣预支')]);
  inputBlock(draw, DRAW_FIRST, DRAW_EARNED.map((earned, i) => [DRAW_MONTHS[i], earned]), [{ col: 1 }, { col: 2, format: CNY, validation: nonNegative }]);
  DRAW_EARNED.forEach((_, i) => {
    const r = DRAW_FIRST + i;
    // What was paid but not yet earned: last balance + paid − earned (0 once recovered).
    formula(draw.getCell(r, 4), i === 0 ? `C${r}-B${r}` : `D${r - 1}+C${r}-B${r}`, CNY);
  });
  resultColumn(draw, { col: 3, first: DRAW_FIRST, last: DRAW_LAST, formula: `PERF.DRAW(B${DRAW_FIRST}:B${DRAW_LAST},DrawAmount,DrawRecoverable)`, format: CNY });
}

function writeClawbacks(workbook: ExcelJS.Workbook): void {
  const claw = workbook.addWorksheet('Clawbacks');
  columnWidths(claw, [10, 22, 18, 14, 13, 13, 14, 16]);
  sheetTitle(claw, t('Commission clawbacks', '佣金追回'));
  label(
    claw.getCell('A2'),
    t(
      'A deal cancelled within ClawbackWindowDays of the commission payment gives back ClawbackPortion of it (blank cancel date = not cancelled).',
      '付款后追回期内撤单按比例追回佣金（撤单日期留空表示未撤单）。',
    ),
  );
  headerRow(claw, DEAL_FIRST - 1, [t('Deal', '订单'), t('Salesperson', '销售'), t('Customer', '客户'), t('Commission', '佣金'), t('Paid', '付款日'), t('Cancelled', '撤单日'), t('Clawback', '追回'), t('Days to cancel', '撤单天数')]);
  inputBlock(
    claw,
    DEAL_FIRST,
    DEALS.map((d) => [d.id, d.person, d.customer, d.commission, d.paid, d.cancelled]),
    [
      { col: 1 },
      { col: 2, validation: oneOfRange(`Team!$A$${FIRST}:$A$${LAST}`, t('A name from the Team sheet', '须为 Team 表中的姓名')) },
      { col: 3 },
      { col: 4, format: CNY, validation: nonNegative },
      { col: 5, format: DATE, validation: dateInput(false) },
      { col: 6, format: DATE, validation: dateInput(true) },
    ],
  );
  DEALS.forEach((_, i) => {
    const r = DEAL_FIRST + i;
    formula(claw.getCell(r, 8), `IF(F${r}="","—",F${r}-E${r})`, INT);
  });
  const column = (col: string) => `${col}${DEAL_FIRST}:${col}${DEAL_LAST}`;
  resultColumn(claw, { col: 7, first: DEAL_FIRST, last: DEAL_LAST, formula: `PERF.CLAWBACK(${column('D')},${column('E')},${column('F')},ClawbackWindowDays,ClawbackPortion)`, format: CNY });
}

function writeSummary(workbook: ExcelJS.Workbook): void {
  const summary = workbook.addWorksheet('Summary');
  columnWidths(summary, [40, 18, 16, 16, 16]);
  headerRow(summary, 1, [t('Component', '组成部分'), t('Amount', '金额')]);
  const totalRow = summaryLines(summary, 2, [...COMPONENTS, { label: t('Total payout', '应发合计'), formula: `SUM(B2:B${1 + COMPONENTS.length})`, format: CNY }]) - 1;
  summary.getCell(totalRow, 1).font = { bold: true };
  summary.getCell(totalRow, 2).font = { bold: true };
  summaryLines(summary, totalRow + 2, [
    { label: t('Draw: largest advance outstanding', '预支最高余额（不计入合计）'), formula: `MAX(Draw!D${DRAW_FIRST}:D${DRAW_LAST})`, format: CNY },
    { label: t('Draw: advance outstanding at month 12', '第12月预支余额'), formula: `Draw!D${DRAW_LAST}`, format: CNY },
  ]);

  headerRow(summary, PERSON_FIRST - 1, [t('Person', '姓名'), t('Payable bonus', '折算后奖金'), t('Awards', '奖励'), t('Clawbacks', '追回'), LABEL.total]);
  PEOPLE.forEach((_, i) => {
    const r = PERSON_FIRST + i;
    const source = FIRST + i;
    formula(summary.getCell(r, 1), `Team!A${source}`);
    formula(summary.getCell(r, 2), `Team!O${source}`, CNY);
    formula(summary.getCell(r, 3), `Awards!S${source}`, CNY);
    formula(summary.getCell(r, 4), `SUMIF(Clawbacks!$B$${DEAL_FIRST}:$B$${DEAL_LAST},A${r},Clawbacks!$G$${DEAL_FIRST}:$G$${DEAL_LAST})`, CNY);
    formula(summary.getCell(r, 5), `B${r}+C${r}+D${r}`, CNY);
  });
  label(summary.getCell(PERSON_LAST + 1, 1), LABEL.total);
  for (const c of ['B', 'C', 'D', 'E']) formula(summary.getCell(`${c}${PERSON_LAST + 1}`), `SUM(${c}${PERSON_FIRST}:${c}${PERSON_LAST})`, CNY);
}
