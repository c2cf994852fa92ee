/**
 * Channel team incentive plan (渠道团队激励): channel-dependent team / individual weights, the
 * dual-track bonus, risk-sharing (对赌) as the plan states it — a team above its target shares
 * excess profit, a team below it takes a pro-rata cut, never both — channel awards (hit product,
 * regional penetration, LTV, new region with a rule splitting the team award among members,
 * innovation, failed-innovation subsidy, incubation), proration, a recoverable draw and
 * clawbacks. Targets are annual, broken into quarters and months (the Targets sheet), and the
 * settlement is for the period chosen there.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, DATE, EXAMPLE_SOURCE, INT, LABEL, PERCENT, type Parameter, type SummaryLine, type TableLayout, type Text, type Validation, type Words, dateInput, day, decimalBetween,
  defineNames, defineTemplates, formula, growingRange, growingTables, headerRow, highlightText, inputBlock, label, nonNegative, oneOf, parameterRows, parameterRules, peopleTable,
  percentBetween, resultColumn, ruleSource, satisfies, settingsBlock, spillColumns, summaryLines, t, tableGrowth, tableLayout, tableSource, titledSheet, writeParameters, writeTable,
} from '../kit';
import { periodTargets, targetRules, targetsLayout, targetsStep, writeTargets } from '../kit/targets';
import { galleryOf } from './gallery-texts';

export const ONLINE = t('online', '线上');
export const OFFLINE = t('offline', '线下');

/** Inputs!B3 downwards: one named, validated input per row. */
export const PARAMS: Parameter[] = [
  { name: 'PeriodStart', label: t('Period start', '考核期开始'), value: day(2025, 1, 1), format: DATE, validation: dateInput(false), note: t('Proration period, days inclusive.', '折算期间（含首尾日）') },
  { name: 'PeriodEnd', label: t('Period end', '考核期结束'), value: day(2025, 12, 31), format: DATE, validation: dateInput(false) },
  { name: 'OnlineIndividualWeight', label: t('Online: individual weight', '线上个人权重'), value: 0.6, format: PERCENT, validation: percentBetween(), note: t('Team weight = 1 − this.', '团队权重 = 1 − 此值'), rule: 'weights.online-individual-60' },
  { name: 'OfflineTeamWeight', label: t('Offline: team weight', '线下团队权重'), value: 0.7, format: PERCENT, validation: percentBetween(), rule: 'weights.offline-team-70' },
  { name: 'DualTrackTeamWeight', label: t('Dual-track: team share', '双轨制团队占比'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('Also splits team awards among members.', '团队奖也按此拆分给成员'), rule: 'weights.dual-track-50-50' },
  { name: 'RiskShareStake', label: t('Risk-sharing stake', '对赌比例'), value: 0.2, format: PERCENT, validation: percentBetween(), note: t('Team below target: this share of the bonus base × the shortfall is cut.', '团队未达标：扣减 奖金基数 × 此比例 × 差额'), rule: 'payouts.risk-sharing' },
  { name: 'ProfitShareRate', label: t('Excess-profit share rate', '超额利润分享比例'), value: 0.1, format: PERCENT, validation: percentBetween(), note: t('Team above target: this share of profit above the person\'s profit target.', '团队超额：个人超出利润目标部分按此比例分享'), rule: 'payouts.excess-profit-share' },
  { name: 'ProfitShareCap', label: t('Excess-profit share cap', '超额分享上限'), value: 30000, format: CNY, validation: nonNegative, note: t('Per person.', '每人上限') },
  { name: 'PenetrationAwardPerStore', label: t('Penetration award per retained store', '区域渗透奖（每家留存门店）'), value: 3000, format: CNY, validation: nonNegative, note: t('Award = new stores × retention rate × this.', '新开门店数 × 留存率 × 单店奖励') },
  { name: 'LtvMargin', label: t('LTV: yearly margin per customer', '客户年毛利'), value: 600, format: CNY, validation: nonNegative },
  { name: 'LtvRetention', label: t('LTV: yearly retention', '年留存率'), value: 0.7, format: PERCENT, validation: percentBetween() },
  { name: 'LtvDiscount', label: t('LTV: discount rate', '折现率'), value: 0.1, format: PERCENT, validation: percentBetween() },
  { name: 'LtvPerCustomer', label: t('LTV per customer (computed)', '单客终身价值（计算）'), formula: 'PERF.LTV(LtvMargin,LtvRetention,LtvDiscount)', format: CNY, note: t('PERF.LTV: margin·r/(1 + d − r).', 'PERF.LTV：毛利·r/(1 + d − r)') },
  { name: 'LtvShare', label: t('LTV bonus share', '私域终身价值奖比例'), value: 0.05, format: PERCENT, validation: percentBetween(), note: t('Bonus = new private customers × LTV × share, paid yearly.', '奖金 = 私域新客 × 终身价值 × 比例，按年发放') },
  { name: 'NewRegionRate', label: t('New-region award rate', '新区域开拓奖比例'), value: 0.02, format: PERCENT, validation: percentBetween(), note: t('Of the team\'s sales in the new region.', '按团队新区域销售额计'), rule: 'payouts.new-region-2' },
  { name: 'InnovationMin', label: t('Innovation award min', '创新奖下限'), value: 5000, format: CNY, validation: nonNegative, rule: 'payouts.innovation-awards' },
  { name: 'InnovationMax', label: t('Innovation award max', '创新奖上限'), value: 20000, format: CNY, validation: nonNegative, rule: 'payouts.innovation-awards' },
  { name: 'IdeaMin', label: t('Idea award min', '金点子奖下限'), value: 500, format: CNY, validation: nonNegative, rule: 'payouts.innovation-awards' },
  { name: 'IdeaMax', label: t('Idea award max', '金点子奖上限'), value: 5000, format: CNY, validation: nonNegative, rule: 'payouts.innovation-awards' },
  { name: 'FailureSubsidy', label: t('Failed-innovation cost subsidy', '创新失败成本补贴比例'), value: 0.5, format: PERCENT, validation: percentBetween(), note: t('One case in the plan uses 30%.', '方案中另有一处为30%'), rule: 'payouts.innovation-failure-50' },
  { name: 'IncubationShare', label: t('Incubation gain share', '孵化项目收益分成'), value: 0.2, format: PERCENT, validation: percentBetween(), rule: 'payouts.incubation-20' },
  { name: 'PriceBand', label: t('Price band ±', '价格浮动权限 ±'), value: 0.05, format: PERCENT, validation: percentBetween(), rule: 'payouts.price-band-5' },
  { name: 'RegionalDirectShare', label: t('Regional budget: direct share', '区域预算自主比例'), value: 0.7, format: PERCENT, validation: percentBetween(), note: t('The rest needs head-office filing.', '其余须总部备案'), rule: 'payouts.regional-budget-70-30' },
  { name: 'DrawAmount', label: t('Monthly draw (new hire)', '新人月度预支'), value: 6000, format: CNY, validation: nonNegative, note: t('Guaranteed monthly pay for 12 months.', '12个月保底预支') },
  { name: 'DrawRecoverable', label: t('Draw recoverable?', '预支可追回'), value: true, validation: oneOf(['TRUE', 'FALSE'], 'TRUE / FALSE'), note: t('TRUE: later earnings repay the advance.', 'TRUE：以后续提成抵扣') },
  { name: 'ClawbackWindowDays', label: t('Clawback window (days)', '追回期限（天）'), value: 90, format: INT, validation: nonNegative, note: t('Deal cancelled within this many days of payment → commission taken back.', '付款后该天数内撤单则追回提成') },
  { name: 'ClawbackPortion', label: t('Clawback portion', '追回比例'), value: 1, format: PERCENT, validation: percentBetween() },
];
export const PARAM_ROW = parameterRows({ sheet: '', firstRow: 3, rows: PARAMS });

/** Hit-product award tiers (units from, CNY per unit). */
export const HIT_TIERS: [number, number][] = [
  [0, 2],
  [1000, 3],
  [3000, 5],
];

/** [team en, team zh, channel, annual target, sales in the period, sales in the new region]. */
export const TEAMS: [string, string, 'online' | 'offline', number, number, number][] = [
  ['East e-commerce', '华东电商组', 'online', 12_000_000, 12_960_000, 0],
  ['South stores', '华南门店组', 'offline', 8_000_000, 7_360_000, 0],
  ['North stores', '华北门店组', 'offline', 10_000_000, 11_200_000, 2_770_000],
  ['Private traffic', '私域运营组', 'online', 4_000_000, 3_520_000, 0],
];

export interface Person {
  name: Text;
  team: number;
  annualTarget: number;
  sales: number;
  baseBonus: number;
  dualBonus: number;
  profit: number;
  profitTarget: number;
  start: Date | null;
  end: Date | null;
}

export const PEOPLE: Person[] = [
  { name: t('Chen Jing', '陈静'), team: 0, annualTarget: 4_000_000, sales: 4_600_000, baseBonus: 30000, dualBonus: 20000, profit: 520000, profitTarget: 450000, start: null, end: null },
  { name: t('Li Wei', '李伟'), team: 1, annualTarget: 3_000_000, sales: 2_550_000, baseBonus: 28000, dualBonus: 18000, profit: 310000, profitTarget: 340000, start: null, end: null },
  { name: t('Wang Fang', '王芳'), team: 0, annualTarget: 3_000_000, sales: 2_850_000, baseBonus: 25000, dualBonus: 15000, profit: 280000, profitTarget: 300000, start: day(2025, 4, 1), end: null },
  { name: t('Zhang Min', '张敏'), team: 2, annualTarget: 5_000_000, sales: 6_000_000, baseBonus: 32000, dualBonus: 20000, profit: 880000, profitTarget: 560000, start: null, end: null },
  { name: t('Liu Yang', '刘洋'), team: 3, annualTarget: 4_000_000, sales: 3_120_000, baseBonus: 22000, dualBonus: 12000, profit: 150000, profitTarget: 180000, start: null, end: null },
  // Above his own profit target, in a team below its target: the cut applies, the profit share does not.
  { name: t('Zhao Lei', '赵磊'), team: 1, annualTarget: 5_000_000, sales: 5_250_000, baseBonus: 26000, dualBonus: 16000, profit: 260000, profitTarget: 250000, start: null, end: day(2025, 9, 30) },
  { name: t('Sun Li', '孙丽'), team: 0, annualTarget: 2_000_000, sales: 2_600_000, baseBonus: 24000, dualBonus: 14000, profit: 200000, profitTarget: 160000, start: day(2025, 7, 15), end: null },
  { name: t('Zhou Tao', '周涛'), team: 2, annualTarget: 5_000_000, sales: 4_900_000, baseBonus: 30000, dualBonus: 18000, profit: 480000, profitTarget: 420000, start: null, end: null },
];

/** Per-person award facts (the Awards table, one row per person with awards). */
export interface AwardInputs {
  person: number;
  hitUnits: number;
  newStores: number;
  retention: number;
  privateCustomers: number;
  innovation: number;
  idea: number;
  failedInnovationCost: number;
  incubationGains: number;
}

export const AWARDS: AwardInputs[] = [
  { person: 0, hitUnits: 4200, newStores: 0, retention: 0, privateCustomers: 0, innovation: 0, idea: 2000, failedInnovationCost: 0, incubationGains: 0 },
  { person: 1, hitUnits: 0, newStores: 6, retention: 0.83, privateCustomers: 0, innovation: 0, idea: 0, failedInnovationCost: 12000, incubationGains: 0 },
  { person: 2, hitUnits: 2600, newStores: 0, retention: 0, privateCustomers: 0, innovation: 8000, idea: 0, failedInnovationCost: 0, incubationGains: 0 },
  { person: 3, hitUnits: 0, newStores: 9, retention: 0.89, privateCustomers: 0, innovation: 0, idea: 1500, failedInnovationCost: 0, incubationGains: 0 },
  { person: 4, hitUnits: 0, newStores: 0, retention: 0, privateCustomers: 320, innovation: 0, idea: 0, failedInnovationCost: 0, incubationGains: 120000 },
  { person: 5, hitUnits: 0, newStores: 4, retention: 0.75, privateCustomers: 0, innovation: 0, idea: 800, failedInnovationCost: 0, incubationGains: 0 },
  { person: 6, hitUnits: 1800, newStores: 0, retention: 0, privateCustomers: 150, innovation: 12000, idea: 0, failedInnovationCost: 0, incubationGains: 0 },
  { person: 7, hitUnits: 0, newStores: 7, retention: 0.86, privateCustomers: 0, innovation: 0, idea: 0, failedInnovationCost: 0, incubationGains: 0 },
];

/** Regional controls: [region en, region zh, price change, local budget]. */
export const REGIONS: [string, string, number, number][] = [
  ['East China', '华东', 0.03, 800000],
  ['South China', '华南', -0.05, 600000],
  ['North China', '华北', 0.062, 900000],
  ['Southwest', '西南', -0.02, 450000],
];

/** A new hire's earned commission by month (Draw sheet), against a recoverable draw. */
export const DRAW_EMPLOYEE = 6;
export const DRAW_MONTHS = ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
export const DRAW_EARNED = [0, 1500, 3200, 5000, 7400, 9800, 6500, 11000, 12500, 8000, 14000, 15500];

export interface Deal {
  id: string;
  person: number;
  customer: Text;
  commission: number;
  paid: Date;
  cancelled: Date | null;
}

export const DEALS: Deal[] = [
  { id: 'D-2501', person: 0, customer: t('Hangzhou Youpin E-commerce', '杭州优品电商'), commission: 4800, paid: day(2025, 3, 10), cancelled: day(2025, 4, 20) },
  { id: 'D-2502', person: 1, customer: t('Guangzhou Wanjia Supermarket', '广州万家超市'), commission: 6200, paid: day(2025, 2, 15), cancelled: null },
  { id: 'D-2503', person: 3, customer: t('Beijing Xinyuan Trading', '北京鑫源商贸'), commission: 9500, paid: day(2025, 5, 5), cancelled: day(2025, 9, 18) },
  { id: 'D-2504', person: 2, customer: t('Shanghai Yuncai Tech', '上海云采科技'), commission: 3600, paid: day(2025, 6, 1), cancelled: day(2025, 7, 28) },
  { id: 'D-2505', person: 7, customer: t('Tianjin Huimin Chain', '天津惠民连锁'), commission: 7200, paid: day(2025, 8, 12), cancelled: day(2025, 11, 10) },
  { id: 'D-2506', person: 5, customer: t('Shenzhen Meijia Convenience', '深圳美佳便利'), commission: 5400, paid: day(2025, 4, 22), cancelled: null },
];

const SHEETS = { inputs: t('Inputs', '参数'), team: t('Team', '团队'), awards: t('Awards', '专项奖励'), draw: t('Draw', '预支'), clawbacks: t('Clawbacks', '提成追回'), summary: t('Summary', '汇总') };
export const DRAW_FIRST = 6;
const DRAW_LAST = DRAW_FIRST + DRAW_EARNED.length - 1;

type TeamColumn = 'team' | 'channel' | 'annual' | 'sales' | 'newRegion';
type PersonColumn = 'name' | 'team' | 'channel' | 'annual' | 'sales' | 'base' | 'dual' | 'profit' | 'profitTarget' | 'start' | 'end' | 'teamWeight';
type AwardColumn = 'name' | 'hit' | 'stores' | 'retention' | 'customers' | 'innovation' | 'idea' | 'failed' | 'gains' | 'penetration' | 'ltv' | 'subsidy' | 'incubation';
type DealColumn = 'deal' | 'person' | 'customer' | 'commission' | 'paid' | 'cancelled' | 'days';
type RegionColumn = 'region' | 'change' | 'budget' | 'inBand' | 'direct' | 'filing';

/** 0 (no award) or an amount inside the band named on Inputs, for the cell it is put on. */
function awardBand(low: string, high: string): (cell: string) => Validation {
  return (cell) => satisfies(`OR(${cell}=0,AND(${cell}>=${low},${cell}<=${high}))`, t(`0, or from ${low} to ${high} (Inputs)`, `须为0或在参数区间（${low}–${high}）内`));
}

/** One of the names in the People table (a list validation reads a table column through INDIRECT). */
function personName(people: string): Validation {
  return { type: 'list', allowBlank: false, formulae: [`INDIRECT("${people}")`], error: t('A name from the People table', '须为人员表中的姓名') };
}

/** The columns the Teams and the People tables share: the team, its channel, the annual target and the sales in the period. */
function salesColumns(channelOptions: Validation) {
  return [
    { key: 'team', name: t('Team', '团队') },
    { key: 'channel', name: LABEL.channel, validation: channelOptions },
    { key: 'annual', name: t('Annual target', '年度目标'), format: CNY, validation: nonNegative },
    { key: 'sales', name: t('Sales in the period', '期间销售额'), format: CNY, validation: nonNegative },
  ] as const;
}

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const channelOptions = oneOf([ONLINE, OFFLINE], t('online or offline', '线上或线下'));
  const teams: TableLayout<TeamColumn> = tableLayout<TeamColumn>(
    {
      name: t('Teams', '团队表'),
      sheet: sheet.team,
      at: 'A4',
      rows: TEAMS.length,
      columns: [
        ...salesColumns(channelOptions),
        { key: 'newRegion', name: t('New-region sales', '新区域销售额'), format: CNY, validation: nonNegative },
      ],
    },
    w.locale,
  );
  const teamCol = { target: teams.next, attainment: teams.next + 1, award: teams.next + 2 };
  const peopleAt = teams.lastRow + 5;
  const people: TableLayout<PersonColumn> = peopleTable<PersonColumn>(
    {
      sheet: sheet.team,
      at: `A${peopleAt}`,
      rows: PEOPLE.length,
      columns: [
        ...salesColumns(channelOptions),
        { key: 'base', name: t('Channel bonus base', '绩效奖金基数'), format: CNY, validation: nonNegative },
        { key: 'dual', name: t('Dual-track base', '双轨奖金基数'), format: CNY, validation: nonNegative },
        { key: 'profit', name: t('Profit', '利润'), format: CNY },
        { key: 'profitTarget', name: t('Profit target', '利润目标'), format: CNY },
        { key: 'start', name: t('Start', '起始日期'), format: DATE, validation: dateInput(true) },
        { key: 'end', name: t('End', '结束日期'), format: DATE, validation: dateInput(true) },
        { key: 'teamWeight', name: t('Team weight', '团队权重'), format: PERCENT, calculated: (p) => `IF(${p.row('channel')}="${w.say(ONLINE)}",1-OnlineIndividualWeight,OfflineTeamWeight)` },
      ],
    },
    w.locale,
  );
  const c0 = people.next;
  const col = {
    target: c0, attainment: c0 + 1, teamAttainment: c0 + 2, channelBonus: c0 + 3, dualBonus: c0 + 4, cut: c0 + 5, before: c0 + 6, payable: c0 + 7,
    profitShare: c0 + 8, newRegion: c0 + 9,
  };
  const awards: TableLayout<AwardColumn> = tableLayout<AwardColumn>(
    {
      name: t('Awards', '奖励'),
      sheet: sheet.awards,
      at: 'A4',
      rows: AWARDS.length,
      columns: [
        { key: 'name', name: LABEL.name, validation: personName(people.col('name')) },
        { key: 'hit', name: t('Hit-product units', '爆款销量'), format: INT, validation: nonNegative },
        { key: 'stores', name: t('New stores', '新开门店'), format: INT, validation: nonNegative },
        { key: 'retention', name: t('Store retention', '门店留存率'), format: PERCENT, validation: percentBetween() },
        { key: 'customers', name: t('New private customers', '私域新客'), format: INT, validation: nonNegative },
        { key: 'innovation', name: t('Innovation award', '创新奖'), format: CNY, validation: awardBand('InnovationMin', 'InnovationMax') },
        { key: 'idea', name: t('Idea award', '金点子奖'), format: CNY, validation: awardBand('IdeaMin', 'IdeaMax') },
        { key: 'failed', name: t('Failed innovation cost', '失败创新成本'), format: CNY, validation: nonNegative },
        { key: 'gains', name: t('Incubation gains', '孵化收益'), format: CNY, validation: nonNegative },
        { key: 'penetration', name: t('Penetration award', '区域渗透奖'), format: CNY, calculated: (a) => `${a.row('stores')}*${a.row('retention')}*PenetrationAwardPerStore` },
        { key: 'ltv', name: t('LTV bonus', '私域终身价值奖'), format: CNY, calculated: (a) => `${a.row('customers')}*LtvPerCustomer*LtvShare` },
        { key: 'subsidy', name: t('Innovation subsidy', '创新失败补贴'), format: CNY, calculated: (a) => `${a.row('failed')}*FailureSubsidy` },
        { key: 'incubation', name: t('Incubation award', '孵化分成'), format: CNY, calculated: (a) => `${a.row('gains')}*IncubationShare` },
      ],
    },
    w.locale,
  );
  const awardCol = { hit: awards.next, total: awards.next + 1 };
  const deals: TableLayout<DealColumn> = tableLayout<DealColumn>(
    {
      name: t('Deals', '订单'),
      sheet: sheet.clawbacks,
      at: 'A4',
      rows: DEALS.length,
      columns: [
        { key: 'deal', name: t('Deal', '订单号') },
        { key: 'person', name: t('Salesperson', '销售'), validation: personName(people.col('name')) },
        { key: 'customer', name: t('Customer', '客户') },
        { key: 'commission', name: t('Commission', '提成'), format: CNY, validation: nonNegative },
        { key: 'paid', name: t('Paid', '付款日'), format: DATE, validation: dateInput(false) },
        { key: 'cancelled', name: t('Cancelled', '撤单日'), format: DATE, validation: dateInput(true) },
        { key: 'days', name: t('Days to cancel', '撤单天数'), format: INT, calculated: (d) => `IF(${d.row('cancelled')}="","—",${d.row('cancelled')}-${d.row('paid')})` },
      ],
    },
    w.locale,
  );
  const regions: TableLayout<RegionColumn> = tableLayout<RegionColumn>(
    {
      name: t('Regions', '区域'),
      sheet: sheet.awards,
      at: `A${awards.lastRow + 5}`,
      rows: REGIONS.length,
      columns: [
        { key: 'region', name: t('Region', '区域名称') },
        { key: 'change', name: t('Price change', '调价幅度'), format: PERCENT, validation: decimalBetween(-1, 1, '−100%–100%') },
        { key: 'budget', name: t('Local budget', '区域预算'), format: CNY, validation: nonNegative },
        { key: 'inBand', name: t('Within band?', '是否合规'), calculated: (r) => `IF(ABS(${r.row('change')})<=PriceBand,"OK","${w.say(t('out of band', '超出权限'))}")` },
        { key: 'direct', name: t('Direct spend', '可自主使用'), format: CNY, calculated: (r) => `${r.row('budget')}*RegionalDirectShare` },
        { key: 'filing', name: t('Needs filing', '需总部备案'), format: CNY, calculated: (r) => `${r.row('budget')}-${r.row('direct')}` },
      ],
    },
    w.locale,
  );
  const inputs = settingsBlock(sheet.inputs, 3, PARAMS);
  const targets = targetsLayout(w);
  /** Result spills beside the tables: Team!M12#. */
  const spill = {
    team: (c: number) => teams.spill(c),
    person: (c: number) => people.spill(c),
    award: (c: number) => awards.spill(c),
    deal: () => deals.spill(deals.next),
  };
  return { ...w, sheet, teams, teamCol, people, col, awards, awardCol, deals, regions, inputs, targets, spill };
}
type Layout = ReturnType<typeof layout>;

function writeInputs(workbook: ExcelJS.Workbook, L: Layout): void {
  const inputs = titledSheet(workbook, L.sheet.inputs, [36, 14, 50, 60, 3, 14, 14], t('Plan inputs', '方案参数'));
  headerRow(inputs, 2, [LABEL.parameter, LABEL.value, t('Note', '说明'), t('Source', '来源')]);
  writeParameters(workbook, L.inputs);
  headerRow(inputs, 2, [t('Units from', '销量起点'), t('CNY per unit', '每件奖励')], { from: 6 });
  inputBlock(inputs, 3, HIT_TIERS, [{ col: 6, format: INT, validation: nonNegative }, { col: 7, format: CNY, validation: nonNegative }]);
  label(inputs.getCell(3 + HIT_TIERS.length, 6), t('Hit-product award tiers (marginal)', '爆款推广奖分档（超额累进）'));
  label(inputs.getCell(4 + HIT_TIERS.length, 6), ruleSource('payouts.hit-product-award'));
  defineNames(workbook, { HitProductTiers: `${L.sheet.inputs}!$F$3:$G$${2 + HIT_TIERS.length}` });
}

function writeTargetsSheet(workbook: ExcelJS.Workbook, L: Layout): void {
  writeTargets(workbook, L.targets, L, { period: 0, rounding: 1 });
}

function writeTeam(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.team, [16, 16, 9, 15, 15, 14, 14, 13, 13, 12, 12, 11, ...new Array<number>(10).fill(14)], t('Teams and people', '团队与人员'));
  const { teams, people, teamCol, col, spill } = L;
  writeTable(workbook, teams, TEAMS.map(([en, zh, channel, annual, sales, newRegion]) => ({ team: L.say(t(en, zh)), channel: L.say(channel === 'online' ? ONLINE : OFFLINE), annual, sales, newRegion })));
  tableSource(workbook, teams, EXAMPLE_SOURCE);
  spillColumns(workbook, teams, [
    { col: teamCol.target, header: t('Period target', '期间目标'), formula: periodTargets(teams.col('annual')), format: CNY },
    { col: teamCol.attainment, header: t('Team attainment', '团队达成率'), formula: `PERF.ATTAIN(${teams.col('sales')},${spill.team(teamCol.target)})`, format: PERCENT },
    { col: teamCol.award, header: t('New-region award', '新区域开拓奖'), formula: `${teams.col('newRegion')}*NewRegionRate`, format: CNY },
  ]);

  writeTable(
    workbook,
    people,
    PEOPLE.map((p) => ({
      name: L.say(p.name),
      team: L.say(t(TEAMS[p.team][0], TEAMS[p.team][1])),
      channel: L.say(TEAMS[p.team][2] === 'online' ? ONLINE : OFFLINE),
      annual: p.annualTarget,
      sales: p.sales,
      base: p.baseBonus,
      dual: p.dualBonus,
      profit: p.profit,
      profitTarget: p.profitTarget,
      start: p.start,
      end: p.end,
    })),
  );
  tableSource(workbook, people, EXAMPLE_SOURCE);
  const teamAttainment = spill.person(col.teamAttainment);
  const attainment = spill.person(col.attainment);
  spillColumns(workbook, people, [
    { col: col.target, header: t('Period target', '期间目标'), formula: periodTargets(people.col('annual')), format: CNY },
    { col: col.attainment, header: t('Individual attainment', '个人达成率'), formula: `PERF.ATTAIN(${people.col('sales')},${spill.person(col.target)})`, format: PERCENT },
    { col: col.teamAttainment, header: t('Team attainment', '团队达成率'), formula: `INDEX(${spill.team(teamCol.attainment)},MATCH(${people.col('team')},${teams.col('team')},0))`, format: PERCENT },
    { col: col.channelBonus, header: t('Channel bonus', '渠道绩效奖金'), formula: `PERF.SPLIT(${teamAttainment},${attainment},${people.col('teamWeight')},${people.col('base')})`, format: CNY },
    { col: col.dualBonus, header: t('Dual-track bonus', '双轨制奖金'), formula: `PERF.SPLIT(${teamAttainment},${attainment},DualTrackTeamWeight,${people.col('dual')})`, format: CNY },
    // 对赌: only a team below its target is cut, pro rata to its shortfall.
    { col: col.cut, header: t('Risk-sharing cut', '对赌扣减'), formula: `-RiskShareStake*${people.col('base')}*IF(${teamAttainment}<1,1-${teamAttainment},0)`, format: CNY },
    { col: col.before, header: t('Before proration', '折算前'), formula: `${spill.person(col.channelBonus)}+${spill.person(col.dualBonus)}+${spill.person(col.cut)}`, format: CNY },
    { col: col.payable, header: t('Payable bonus', '折算后应发'), formula: `PERF.PRORATE(${spill.person(col.before)},${people.col('start')},${people.col('end')},PeriodStart,PeriodEnd)`, format: CNY },
    // … and only a team above it shares excess profit: one or the other, never both.
    { col: col.profitShare, header: t('Excess-profit share', '超额利润分享'), formula: `IF(${teamAttainment}>=1,PERF.PROFITSHARE(${people.col('profit')},${people.col('profitTarget')},ProfitShareRate,ProfitShareCap),0)`, format: CNY },
    {
      col: col.newRegion,
      header: t('New-region award', '新区域开拓奖'),
      // The team award split by the dual-track rule: the team share equally, the rest by individual attainment within the team.
      formula: `INDEX(${spill.team(teamCol.award)},MATCH(${people.col('team')},${teams.col('team')},0))*(DualTrackTeamWeight/COUNTIF(${people.col('team')},${people.col('team')})+(1-DualTrackTeamWeight)*${attainment}/SUMIF(${people.col('team')},${people.col('team')},${attainment}))`,
      format: CNY,
    },
  ]);
}

function writeAwards(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = titledSheet(workbook, L.sheet.awards, [16, ...new Array<number>(14).fill(13)], t('Awards by person', '个人专项奖励'));
  const { awards, awardCol, regions } = L;
  writeTable(
    workbook,
    awards,
    AWARDS.map((a) => ({ name: L.say(PEOPLE[a.person].name), hit: a.hitUnits, stores: a.newStores, retention: a.retention, customers: a.privateCustomers, innovation: a.innovation, idea: a.idea, failed: a.failedInnovationCost, gains: a.incubationGains })),
  );
  tableSource(workbook, awards, EXAMPLE_SOURCE);
  spillColumns(workbook, awards, [
    { col: awardCol.hit, header: t('Hit-product award', '爆款推广奖'), formula: `PERF.TIERED(${awards.col('hit')},HitProductTiers,"${L.say(t('marginal', '边际'))}")`, format: CNY },
    {
      col: awardCol.total,
      header: t('Total awards', '奖励合计'),
      formula: `${L.spill.award(awardCol.hit)}+${['penetration', 'ltv', 'innovation', 'idea', 'subsidy', 'incubation'].map((k) => awards.col(k as AwardColumn)).join('+')}`,
      format: CNY,
    },
  ]);
  writeTable(workbook, regions, REGIONS.map(([en, zh, change, budget]) => ({ region: L.say(t(en, zh)), change, budget })));
  tableSource(workbook, regions, t(`Regional controls — ${ruleSource('payouts.price-band-5')['en-US']}`, `区域管控——${ruleSource('payouts.price-band-5')['zh-CN']}`));
  highlightText(sheet, growingRange(regions, regions.column('inBand')), L.say(t('out of band', '超出权限')));
}

function writeDraw(workbook: ExcelJS.Workbook, L: Layout): void {
  const draw = titledSheet(workbook, L.sheet.draw, [24, 18, 16, 22], t('Recoverable draw for a new hire', '新人可追回预支'));
  writeParameters(workbook, {
    sheet: L.sheet.draw,
    firstRow: 2,
    rows: [
      { label: t('Employee', '员工'), value: L.say(PEOPLE[DRAW_EMPLOYEE].name) },
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

function writeClawbacks(workbook: ExcelJS.Workbook, L: Layout): void {
  const claw = titledSheet(workbook, L.sheet.clawbacks, [10, 16, 30, 14, 13, 13, 14, 14], t('Commission clawbacks', '提成追回'));
  label(claw.getCell('A2'), t('A deal cancelled within ClawbackWindowDays of payment gives back ClawbackPortion of its commission (blank cancel date = not cancelled).', '付款后追回期内撤单按比例追回提成（撤单日期留空表示未撤单）。'));
  const { deals } = L;
  writeTable(workbook, deals, DEALS.map((d) => ({ deal: d.id, person: L.say(PEOPLE[d.person].name), customer: L.say(d.customer), commission: d.commission, paid: d.paid, cancelled: d.cancelled })));
  tableSource(workbook, deals, EXAMPLE_SOURCE);
  spillColumns(workbook, deals, [
    { col: deals.next, header: t('Clawback', '追回'), formula: `PERF.CLAWBACK(${deals.col('commission')},${deals.col('paid')},${deals.col('cancelled')},ClawbackWindowDays,ClawbackPortion)`, format: CNY },
  ]);
}

/** Summary!A3:B…: the components of the total payout. */
function components(L: Layout): SummaryLine[] {
  const { spill, col, awards } = L;
  const sum = (ref: string) => `SUM(${ref})`;
  return [
    { label: t('Channel bonus (team/individual split)', '渠道绩效奖金'), formula: sum(spill.person(col.channelBonus)) },
    { label: t('Dual-track bonus', '双轨制奖金'), formula: sum(spill.person(col.dualBonus)) },
    { label: t('Risk-sharing cut', '对赌扣减'), formula: sum(spill.person(col.cut)) },
    { label: t('Proration adjustment', '在岗折算调整'), formula: `${sum(spill.person(col.payable))}-${sum(spill.person(col.before))}` },
    { label: t('Excess-profit share', '超额利润分享'), formula: sum(spill.person(col.profitShare)) },
    { label: t('New-region award', '新区域开拓奖'), formula: sum(spill.person(col.newRegion)) },
    { label: t('Hit-product award', '爆款推广奖'), formula: sum(spill.award(L.awardCol.hit)) },
    { label: t('Regional penetration award', '区域渗透奖'), formula: sum(awards.col('penetration')) },
    { label: t('LTV bonus (yearly)', '私域终身价值奖（年度）'), formula: sum(awards.col('ltv')) },
    { label: t('Innovation & idea awards', '创新奖与金点子奖'), formula: `${sum(awards.col('innovation'))}+${sum(awards.col('idea'))}` },
    { label: t('Failed-innovation subsidy', '创新失败补贴'), formula: sum(awards.col('subsidy')) },
    { label: t('Incubation award', '孵化分成'), formula: sum(awards.col('incubation')) },
    { label: t('Clawbacks', '提成追回'), formula: sum(spill.deal()) },
  ].map((line) => ({ ...line, format: CNY }));
}

export const SUMMARY = { first: 3, personHeader: 25 };

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const summary = titledSheet(workbook, L.sheet.summary, [36, 18, 16, 16, 16, 16], t('Payout summary', '应发汇总'));
  const lines = components(L);
  const total = summaryLines(summary, SUMMARY.first, [...lines, { label: t('Total payout', '应发合计'), formula: `SUM(B${SUMMARY.first}:B${SUMMARY.first + lines.length - 1})`, format: CNY }]) - 1;
  summary.getCell(total, 1).font = { bold: true };
  summary.getCell(total, 2).font = { bold: true };
  summaryLines(summary, total + 2, [
    { label: t('Draw: largest advance outstanding (not in the total)', '预支最高余额（不计入合计）'), formula: `MAX(${L.sheet.draw}!D${DRAW_FIRST}:D${DRAW_LAST})`, format: CNY },
    { label: t('Regions out of the price band', '超出调价权限的区域'), formula: `COUNTIF(${L.regions.col('inBand')},"<>OK")`, format: '0' },
    { label: t('Regional budget needing filing', '须总部备案的区域预算'), formula: `SUM(${L.regions.col('filing')})`, format: CNY },
    { label: t('Teams: annual target', '各团队年度目标合计'), formula: `SUM(${L.teams.col('annual')})`, format: CNY },
    { label: t('Teams: attainment in the period', '各团队期间达成率'), formula: `IF(SUM(${L.spill.team(L.teamCol.target)})>0,SUM(${L.teams.col('sales')})/SUM(${L.spill.team(L.teamCol.target)}),0)`, format: PERCENT },
  ]);
  const { people, spill, col } = L;
  const h = SUMMARY.personHeader;
  headerRow(summary, h, [LABEL.name, t('Payable bonus', '折算后奖金'), t('Profit share & new region', '超额分享与新区域奖'), t('Awards', '专项奖励'), t('Clawbacks', '追回'), LABEL.total]);
  const names = `${L.sheet.summary}!A${h + 1}#`;
  formula(summary.getCell(h + 1, 1), people.col('name'));
  formula(summary.getCell(h + 1, 2), spill.person(col.payable), CNY);
  formula(summary.getCell(h + 1, 3), `${spill.person(col.profitShare)}+${spill.person(col.newRegion)}`, CNY);
  formula(summary.getCell(h + 1, 4), `SUMIF(${L.awards.col('name')},${names},${spill.award(L.awardCol.total)})`, CNY);
  formula(summary.getCell(h + 1, 5), `SUMIF(${L.deals.col('person')},${names},${spill.deal()})`, CNY);
  formula(summary.getCell(h + 1, 6), `${L.sheet.summary}!B${h + 1}#+${L.sheet.summary}!C${h + 1}#+${L.sheet.summary}!D${h + 1}#+${L.sheet.summary}!E${h + 1}#`, CNY);
  for (let r = h + 2; r <= h + PEOPLE.length + 100; r++) for (let c = 2; c <= 6; c++) summary.getCell(r, c).numFmt = CNY;
}

export const SUMMARY_LINES = 13;

const family = defineTemplates({
  ...galleryOf('channel-team-incentive'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells. ${L.sheet.inputs}: every rate, weight, cap and date of the plan (each has a name, e.g. OfflineTeamWeight) and where it comes from. ${L.sheet.team}: teams (annual targets, sales, new-region sales) and people. ${L.sheet.awards}, ${L.sheet.draw} and ${L.sheet.clawbacks}: the facts of the period.`,
      `编辑黄色单元格。${L.sheet.inputs}：方案的全部比例、权重、上限与日期（均已命名，如 OfflineTeamWeight）及其来源；${L.sheet.team}：团队（年度目标、销售额、新区域销售额）与人员；${L.sheet.awards}、${L.sheet.draw}、${L.sheet.clawbacks}：本期实际数据。`,
    ),
    targetsStep(L.targets),
    t(
      'Attainment = sales ÷ the period target (=PERF.ATTAIN), for each team and each person. Channel bonus = PERF.SPLIT(team, individual, team weight, base): online team weight = 1 − 60% individual, offline 70%. Dual-track bonus: the same split at 50/50.',
      '达成率 = 期间销售额 ÷ 期间目标（=PERF.ATTAIN），团队与个人分别计算。渠道绩效奖金 = PERF.SPLIT(团队, 个人, 团队权重, 基数)：线上团队权重 = 1 − 个人60%，线下70%。双轨制奖金按50/50拆分。',
    ),
    t(
      'Risk-sharing: a team below its target takes a cut of stake × base × shortfall; a team at or above it shares excess profit instead (=PERF.PROFITSHARE above each person\'s profit target, capped). A person gets one or the other, never both.',
      '对赌：团队未达标时扣减 对赌比例 × 基数 × 差额；团队达标或超额时改为分享超额利润（=PERF.PROFITSHARE，按个人利润目标，含上限）。每人只适用其一。',
    ),
    t(
      'New-region award: 2% of the team\'s sales in a new region, split among the team\'s members by the dual-track rule — the team share equally, the rest in proportion to individual attainment.',
      '新区域开拓奖：团队新区域销售额的2%，按双轨制规则分配给团队成员——团队部分平均分配，其余按个人达成率比例分配。',
    ),
    t(
      'Awards: hit-product = PERF.TIERED on units (tiers on Inputs); regional penetration = new stores × retention × award per store; LTV bonus = new private customers × PERF.LTV × share, paid yearly; innovation 5,000–20,000 and idea 500–5,000 (validated); a failed but compliant innovation gets 50% of its cost; incubation = 20% of project gains. Proration (=PERF.PRORATE) pays joiners and leavers by days in role.',
      '专项奖励：爆款推广奖 = 按销量 PERF.TIERED 分档（参数表）；区域渗透奖 = 新开门店 × 留存率 × 单店奖励；私域终身价值奖 = 私域新客 × PERF.LTV × 比例，按年发放；创新奖5,000–20,000元、金点子奖500–5,000元（已设校验）；合规但失败的创新补贴50%成本；孵化分成 = 项目收益 × 20%。在岗折算（=PERF.PRORATE）按在岗天数折算期中入职或离职人员。',
    ),
    t(
      `${L.sheet.summary}: the total payout by component and by person; the draw balance is shown apart and is not in the total.`,
      `${L.sheet.summary}：按组成部分与按人员汇总应发金额；预支余额单独列示，不计入合计。`,
    ),
    growingTables([L.teams.name, L.people.name, L.awards.name, L.deals.name, L.regions.name]),
  ],
  rules: (L) => [
    ...parameterRules(L.inputs),
    ...targetRules(L.targets),
    { rule: 'payouts.hit-product-award', sheet: L.sheet.inputs, cell: 'F3' },
    { rule: 'payouts.regional-penetration', sheet: L.sheet.awards, cell: `${L.awards.letter('penetration')}${L.awards.firstRow}` },
    { rule: 'payouts.ltv-bonus', sheet: L.sheet.awards, cell: `${L.awards.letter('ltv')}${L.awards.firstRow}` },
  ],
  charts: (L) => [
    {
      sheet: L.sheet.summary,
      type: 'bar',
      at: 'D2:L20',
      title: t('Payout by component', '各组成部分金额'),
      categories: `${L.sheet.summary}!$A$${SUMMARY.first}:$A$${SUMMARY.first + SUMMARY_LINES - 1}`,
      series: [{ name: t('Amount', '金额'), values: `${L.sheet.summary}!$B$${SUMMARY.first}:$B$${SUMMARY.first + SUMMARY_LINES - 1}` }],
    },
  ],
  sheets: [writeInputs, writeTargetsSheet, writeTeam, writeAwards, writeDraw, writeClawbacks, writeSummary],
  growth: (L) => [
    tableGrowth(L.teams, { team: L.say(t('West stores', '西部门店组')), channel: L.say(OFFLINE), annual: 6_000_000, sales: 6_300_000, newRegion: 0 }, [`${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES + 5}`, `${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES + 6}`]),
    tableGrowth(L.people, {
      name: L.say(t('Xu Lin', '许琳')),
      team: L.say(t(TEAMS[2][0], TEAMS[2][1])),
      channel: L.say(OFFLINE),
      annual: 3_000_000,
      sales: 3_300_000,
      base: 20000,
      dual: 10000,
      profit: 200000,
      profitTarget: 180000,
    }, [`${L.sheet.summary}!B3`, `${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES}`]),
    tableGrowth(L.awards, { name: L.say(PEOPLE[1].name), hit: 500, idea: 1000 }, [`${L.sheet.summary}!B9`, `${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES}`]),
    tableGrowth(L.deals, { deal: 'D-2507', person: L.say(PEOPLE[0].name), commission: 3000, paid: 45900, cancelled: 45930 }, [`${L.sheet.summary}!B15`, `${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES}`]),
    tableGrowth(L.regions, { region: L.say(t('Northwest', '西北')), change: 0.08, budget: 300000 }, [`${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES + 3}`, `${L.sheet.summary}!B${SUMMARY.first + SUMMARY_LINES + 4}`]),
  ],
});

export const channelTeamIncentive = family['en-US'];
export const channelTeamIncentiveZh = family['zh-CN'];
