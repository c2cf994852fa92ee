/**
 * Re-organisation cost-benefit (渠道团队分工优化 成本效益): cost ceilings, the hidden transition
 * cost, automation payback, flexible staffing, output lift, a three-year benefit-cost ratio, the
 * staffing optimum where marginal return falls to 1 (a Staffing table: one row per headcount),
 * span-of-control and spare-capacity checks, the decision-rights band of the investment, the
 * service levels the re-organisation gives to roles (e-commerce reply ≤ 30 s for the e-commerce
 * service desk, key-account solution ≤ 24 h for the key-account manager) and a weekly stop-loss
 * check for the private-domain pilot (a Pilot table: one row per week). In English and Chinese.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, EXAMPLE_SOURCE, INT, LABEL, PERCENT, type Parameter, type ParameterBlock, type Text, type Validation, type Words, columnWidths, decimalBetween, defineNames, defineTemplates,
  formula, growingTables, heading, headerRow, highlightBelow, inputCell, label, parameterRows, parameterRules, settingsBlock, summaryLines, t, tableGrowth, tableLayout, tableSource,
  titledSheet, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';

/** What kind of number an input is: its format and the range it is checked against. */
type Kind = 'money' | 'rate' | 'count' | 'months' | 'ratio';
const KIND: Record<Kind, { format: string; validation: Validation }> = {
  money: { format: CNY, validation: decimalBetween(0, 1e12, '≥ 0') },
  rate: { format: PERCENT, validation: decimalBetween(0, 1, '0–100%') },
  count: { format: INT, validation: decimalBetween(0, 1e7, '≥ 0') },
  months: { format: '0.0#', validation: decimalBetween(0, 120, '0–120') },
  ratio: { format: '0.0#', validation: decimalBetween(0, 100, '0–100') },
};

/** One input row: the key formulas here find it by, its label, sample value, kind and note. */
function field(key: string, text: Text, value: number, kind: Kind, note?: Text): Parameter {
  return { key, label: text, value, ...KIND[kind], note };
}

/** Inputs sheet, top to bottom, under group headings. */
const INPUT_ROWS: ParameterBlock['rows'] = [
    { heading: t('Team', '团队') },
    field('revenue', t('Annual team revenue', '团队年收入'), 120_000_000, 'money'),
    field('headcount', t('Current headcount', '当前人数'), 64, 'count'),
    field('costPerHead', t('Fully loaded labour cost per head, a year', '人均年人工成本（全口径）'), 480_000, 'money'),
    field('marketing', t('Annual marketing spend', '年营销费用'), 18_600_000, 'money'),
    { ...field('labourCeiling', t('Labour-cost ceiling, share of revenue', '人工成本占收入上限'), 0.3, 'rate', t('Rule: ≤ 30%', '规则：≤30%')), rule: 'cost.labour-share-30' },
    { ...field('marketingCeiling', t('Marketing-spend ceiling, share of revenue', '营销费用占收入上限'), 0.15, 'rate', t('Rule: ≤ 15%', '规则：≤15%')), rule: 'cost.marketing-spend-15' },
    { heading: t('Transition', '过渡成本') },
    field('transitionRate', t('Adaptation cost, share of monthly labour cost', '适应期成本（占月人工成本）'), 0.2, 'rate', t('Rule of thumb 15–30%', '经验值15–30%')),
    field('transitionMonths', t('Adaptation months', '适应期月数'), 2, 'months', t('Rule of thumb 1–3', '经验值1–3个月')),
    { ...field('transitionRateLow', t('Adaptation cost band, low', '适应期成本比例下限'), 0.15, 'rate'), rule: 'cost.transition-15-30' },
    field('transitionRateHigh', t('Adaptation cost band, high', '适应期成本比例上限'), 0.3, 'rate'),
    field('transitionMonthsLow', t('Adaptation months band, low', '适应期月数下限'), 1, 'months'),
    field('transitionMonthsHigh', t('Adaptation months band, high', '适应期月数上限'), 3, 'months'),
    field('knowledgeTransfer', t('Knowledge-transfer cost (one-off)', '知识转移成本（一次性）'), 150_000, 'money'),
    field('friction', t('Coordination-friction cost (one-off)', '协同摩擦成本（一次性）'), 120_000, 'money'),
    { heading: t('Automation', '自动化工具') },
    field('investment', t('Automation investment (month 0)', '自动化投入（第0月）'), 4_800_000, 'money'),
    field('monthlySavings', t('Labour saved a month at full use', '满负荷月节省人工成本'), 560_000, 'money'),
    field('monthlyRunning', t('Running cost a month', '月运维成本'), 30_000, 'money'),
    field('rampMonths', t('Ramp-up months', '爬坡期月数'), 2, 'months'),
    field('rampShare', t('Savings during ramp-up, share of full', '爬坡期节省比例'), 0.5, 'rate'),
    { ...field('paybackMin', t('Payback rule of thumb, from (months)', '回收期经验值下限（月）'), 6, 'months', t('Rule: 6–12 months', '规则：6–12个月')), rule: 'cost.automation-payback-6-12' },
    field('paybackMax', t('Payback rule of thumb, to (months)', '回收期经验值上限（月）'), 12, 'months'),
    field('discountRate', t('Discount rate a year', '年折现率'), 0.08, 'rate'),
    { heading: t('Flexible staffing and output lift', '灵活用工与产出提升') },
    field('flexScope', t('Labour cost that can become flexible', '可转为灵活用工的人工成本占比'), 0.4, 'rate'),
    field('flexRate', t('Flexible-staffing saving on that cost', '灵活用工节省比例'), 0.2, 'rate', t('Rule of thumb 15–30%', '经验值15–30%')),
    { ...field('flexRateLow', t('Flexible-staffing band, low', '灵活用工节省比例下限'), 0.15, 'rate'), rule: 'cost.flexible-staffing-15-30' },
    field('flexRateHigh', t('Flexible-staffing band, high', '灵活用工节省比例上限'), 0.3, 'rate'),
    field('lift', t('Output lift from the re-organisation', '分工优化产出提升'), 0.25, 'rate', t('Rule of thumb 20–45%', '经验值20–45%')),
    { ...field('liftLow', t('Output lift band, low', '产出提升下限'), 0.2, 'rate'), rule: 'cost.reorg-lift-20-45' },
    field('liftHigh', t('Output lift band, high', '产出提升上限'), 0.45, 'rate'),
    field('margin', t('Contribution margin on extra revenue', '增量收入贡献毛利率'), 0.22, 'rate'),
    { heading: t('Private domain', '私域') },
    field('migrated', t('Customers moved to the private domain a year', '每年迁移至私域的客户数'), 1_500, 'count'),
    field('publicLtv', t('Public-domain customer LTV', '公域客户生命周期价值'), 480, 'money'),
    { ...field('ltvMultiple', t('Private / public LTV multiple', '私域/公域LTV倍数'), 3, 'ratio', t('Rule: ≈ 3×', '规则：约3倍')), rule: 'cost.ltv-private-3x' },
    { heading: t('Structure', '组织结构') },
    field('managersNow', t('Managers today', '当前管理者人数'), 5, 'count'),
    field('managersNew', t('Managers after the re-organisation', '调整后管理者人数'), 9, 'count'),
    { ...field('spanMax', t('Span of control, at most', '管理幅度上限'), 7, 'count', t('Rule: ≤ 7 direct reports', '规则：≤7名直接下属')), rule: 'team.span-7' },
    field('workDays', t('Working days a person a month', '人均月工作日'), 21.75, 'months'),
    field('workloadNow', t('Planned workload today (person-days a month)', '当前计划工作量（人天/月）'), 1_250, 'count'),
    field('workloadNew', t('Planned workload after (person-days a month)', '调整后计划工作量（人天/月）'), 1_060, 'count'),
    { ...field('spareMin', t('Spare capacity, at least', '富余产能下限'), 0.2, 'rate', t('Rule: keep 20%', '规则：保留20%')), rule: 'team.spare-capacity-20' },
    { heading: t('Decision rights and stop line', '决策权限与止损线') },
    { ...field('squadLimit', t('Squad lead decides up to', '小组负责人审批上限'), 5_000_000, 'money', t('Rule: ≤ 5M squad lead', '规则：≤500万小组负责人')), rule: 'budget.decision-rights' },
    field('directorLimit', t('Director decides up to (above: management)', '总监审批上限（以上由管理层决策）'), 20_000_000, 'money', t('5–20M director, > 20M management', '500万–2000万总监，>2000万管理层')),
    { ...field('stopRoi', t('Pilot stop ROI (two weeks running below)', '试点止损ROI（连续两周低于）'), 0.8, 'ratio', t('Rule: ROI < 0.8 two weeks → stop', '规则：连续两周ROI<0.8即停止')), rule: 'cost.stop-roi-0.8' },
    { heading: t('Service levels the re-organisation gives to roles', '分工优化后各岗位的服务时限') },
    { ...field('ecomReply', t('E-commerce service desk: reply within (seconds)', '电商客服：响应时限（秒）'), 30, 'count'), rule: 'scoring.ecommerce-reply-30s' },
    field('ecomSlowest', t('E-commerce replies, slowest this month (seconds)', '电商客服本月最慢响应（秒）'), 28, 'count', t('the slowest, not the average: one breach is a breach', '取最慢一次而非平均：一次超时即为超时')),
    { ...field('kaSolution', t('Key-account manager: solution within (hours)', '大客户经理：方案时限（小时）'), 24, 'count'), rule: 'scoring.key-account-24h' },
    field('kaSlowest', t('Key-account solutions, slowest this month (hours)', '大客户方案本月最慢（小时）'), 30, 'count'),
];

/** The Inputs sheet's block, under its name in the workbook's language. */
function inputsBlock(sheet: string): ParameterBlock {
  return settingsBlock(sheet, 3, INPUT_ROWS);
}
const INPUTS = inputsBlock('Inputs');

const ROW = parameterRows(INPUTS);
const FIELDS = INPUTS.rows.filter((row): row is Parameter => 'key' in row);

/** The sample inputs by key, for tests. */
export const REORG_INPUTS: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f.key!, f.value as number]));

/** Absolute references to the input values of a workbook whose Inputs sheet is called `sheet`. */
function inputRef(sheet: string): (key: string) => string {
  return (key) => {
    if (!(key in ROW)) throw new Error(`no input ${key}`);
    return `${sheet}!$B$${ROW[key]}`;
  };
}

/** Team revenue by headcount (a planning estimate): revenue grows ever more slowly. */
export const STAFFING: [number, number][] = [
  [58, 113_270_000],
  [59, 114_820_000],
  [60, 116_200_000],
  [61, 117_400_000],
  [62, 118_420_000],
  [63, 119_280_000],
  [64, 120_000_000],
  [65, 120_600_000],
  [66, 121_100_000],
  [67, 121_510_000],
  [68, 121_840_000],
  [69, 122_100_000],
  [70, 122_300_000],
];
/** Share of the output lift realised in years 0..3. */
export const REALISATION = [0, 0.5, 1, 1];
/** Private-domain pilot: weekly spend and attributed return. */
export const PILOT: [number, number][] = [
  [50_000, 62_000],
  [50_000, 54_000],
  [50_000, 43_000],
  [50_000, 44_500],
  [50_000, 38_000],
  [50_000, 39_000],
  [50_000, 36_000],
  [50_000, 33_000],
];

export const MONTHS = 36;
const AUTO_FIRST = 3; // month 0
const AUTO_LAST = AUTO_FIRST + MONTHS;
const YEARS = ['B', 'C', 'D', 'E'];

const SHEETS = { inputs: t('Inputs', '参数'), automation: t('Automation', '自动化'), staffing: t('Staffing', '人员规模'), programme: t('Programme', '项目'), summary: t('Summary', '汇总') };
const OK = 'OK';

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const staffing = tableLayout(
    {
      name: t('Staffing', '人员规模'),
      sheet: sheet.staffing,
      at: 'A5',
      rows: STAFFING.length,
      columns: [
        { key: 'headcount', name: t('Headcount', '人数'), format: '0', validation: { type: 'whole', operator: 'greaterThan', allowBlank: false, formulae: [0], error: t('> 0, ascending', '> 0，递增') } },
        { key: 'cost', name: t('Labour cost', '人工成本'), format: CNY, calculated: (st) => `${st.row('headcount')}*CostPerHead` },
        { key: 'revenue', name: LABEL.revenue, format: CNY, validation: KIND.money.validation },
        { key: 'share', name: t('Labour share', '人工占比'), format: PERCENT, calculated: (st) => `IF(${st.row('revenue')}>0,${st.row('cost')}/${st.row('revenue')},0)` },
        { key: 'check', name: t('Check', '检查'), calculated: (st) => `IF(${st.row('share')}<=LabourCeilingShare,"${OK}","${w.say(t('over the ceiling', '超限'))}")` },
      ],
    },
    w.locale,
  );
  const pilot = tableLayout(
    {
      name: t('Pilot', '试点'),
      sheet: sheet.programme,
      at: 'A36',
      rows: PILOT.length,
      columns: [
        { key: 'week', name: t('Week', '周'), format: '0', validation: { type: 'whole', operator: 'greaterThan', allowBlank: false, formulae: [0], error: '> 0' } },
        { key: 'spend', name: t('Spend', '投入'), format: CNY, validation: KIND.money.validation },
        { key: 'return', name: t('Return', '回报'), format: CNY, validation: KIND.money.validation },
        { key: 'roi', name: 'ROI', format: '0.00', calculated: (p) => `IF(${p.row('spend')}>0,${p.row('return')}/${p.row('spend')},0)` },
        { key: 'below', name: t('Below stop line', '低于止损线'), calculated: (p) => `${p.row('roi')}<${inputRef(sheet.inputs)('stopRoi')}` },
        // This week and the week before (the header above week 1 is no week: never TRUE).
        { key: 'stop', name: t('Stop (2 weeks running)', '连续两周止损'), calculated: (p) => `AND(${p.row('below')},OFFSET(${p.row('below')},-1,0)=TRUE)` },
      ],
    },
    w.locale,
  );
  /** The marginal-return spill beside the staffing table: one value per step, on the row the step reaches. */
  const marginalCol = staffing.next;
  return { ...w, sheet, I: inputRef(sheet.inputs), inputs: inputsBlock(sheet.inputs), staffing, pilot, marginalCol };
}
type Layout = ReturnType<typeof layout>;

/** A check's verdict in the workbook's language. */
const say = (L: Layout, en: string, zh: string) => `"${L.say(t(en, zh))}"`;

function writeInputs(workbook: ExcelJS.Workbook, L: Layout): void {
  const inputs = titledSheet(workbook, L.sheet.inputs, [52, 18, 44, 70], t('Re-organisation inputs', '分工优化输入'));
  headerRow(inputs, 2, [t('Input', '输入项'), LABEL.value, t('Note', '说明'), t('Source', '来源')]);
  writeParameters(workbook, L.inputs);
  const { I } = L;
  defineNames(workbook, {
    ReorgInputs: `${L.sheet.inputs}!$B$${L.inputs.firstRow}:$B$${L.inputs.firstRow + L.inputs.rows.length - 1}`,
    TeamRevenue: I('revenue'),
    Headcount: I('headcount'),
    CostPerHead: I('costPerHead'),
    LabourCeilingShare: I('labourCeiling'),
    AutomationInvestment: I('investment'),
    DiscountRate: I('discountRate'),
  });
}

function writeAutomation(workbook: ExcelJS.Workbook, L: Layout): void {
  const { I } = L;
  const auto = titledSheet(workbook, L.sheet.automation, [10, 16, 16, 16, 18, 18, 20, 30, 12], t('Automation cash flow by month', '自动化工具逐月现金流'));
  headerRow(auto, 2, [t('Month', '月'), t('Savings', '节省'), t('Running', '运维'), t('Investment', '投资'), t('Net cash flow', '净现金流'), t('Cumulative', '累计'), t('Discounted cum.', '折现累计')]);
  label(auto.getCell('H3'), t('Monthly discount rate', '月折现率'));
  // The monthly rate equivalent to the yearly one: (1 + r)^(1/12) − 1.
  formula(auto.getCell('I3'), `(1+${I('discountRate')})^(1/12)-1`, '0.000%');
  for (let m = 0; m <= MONTHS; m++) {
    const r = AUTO_FIRST + m;
    auto.getCell(r, 1).value = m;
    const flows = [
      `IF(A${r}=0,0,${I('monthlySavings')}*IF(A${r}<=${I('rampMonths')},${I('rampShare')},1))`,
      `IF(A${r}=0,0,${I('monthlyRunning')})`,
      `IF(A${r}=0,${I('investment')},0)`,
      `B${r}-C${r}-D${r}`,
      `SUM(E$${AUTO_FIRST}:E${r})`,
      m === 0 ? `E${r}` : `G${r - 1}+E${r}/(1+$I$3)^A${r}`,
    ];
    flows.forEach((text, c) => formula(auto.getCell(r, 2 + c), text, CNY));
  }
  defineNames(workbook, { AutomationCashFlow: `${L.sheet.automation}!$E$${AUTO_FIRST}:$E$${AUTO_LAST}` });
}

function writeStaffing(workbook: ExcelJS.Workbook, L: Layout): void {
  const staff = titledSheet(workbook, L.sheet.staffing, [14, 18, 18, 14, 18, 22], t('Staffing: marginal return of labour cost', '人员规模：人工成本边际回报'));
  writeParameters(workbook, {
    sheet: L.sheet.staffing,
    firstRow: 2,
    columns: { label: 1, value: 2, note: 3, source: 5 },
    rows: [
      {
        label: t('Marginal-return threshold', '边际回报阈值'),
        value: 1,
        format: '0.00',
        validation: KIND.ratio.validation,
        rule: 'cost.marginal-return-1',
        note: t('Optimal staffing: one more yuan of labour returns one yuan of revenue', '最优人员：多投1元人工成本带来1元收入'),
      },
    ],
  });
  const { staffing, marginalCol } = L;
  writeTable(workbook, staffing, STAFFING.map(([headcount, revenue]) => ({ headcount, revenue })));
  tableSource(workbook, staffing, t('Revenue by headcount: a planning estimate — example, replace with yours', '各人数下的收入：规划估算——示例，请替换为贵司数据'));
  // One value per step, on the row of the headcount the step reaches (58 → 59 on the second row).
  const head = staff.getCell(staffing.headerRow, marginalCol);
  label(head, t('Marginal return', '边际回报'));
  head.font = { bold: true };
  staff.getCell(staffing.firstRow, marginalCol).value = '—';
  formula(staff.getCell(staffing.firstRow + 1, marginalCol), `PERF.MARGINAL(${staffing.col('cost')},${staffing.col('revenue')})`, '0.00');
  const letter = String.fromCharCode(64 + marginalCol);
  for (let r = staffing.firstRow + 2; r <= staffing.lastRow + 100; r++) staff.getCell(r, marginalCol).numFmt = '0.00';
  highlightBelow(staff, `${letter}${staffing.firstRow + 1}:${letter}${staffing.lastRow + 100}`, '$B$2');
}

function writeProgramme(workbook: ExcelJS.Workbook, L: Layout): void {
  const { I } = L;
  const A = L.sheet.automation;
  const prog = titledSheet(workbook, L.sheet.programme, [52, 18, 18, 18, 18, 22], t('Programme benefits and costs', '项目收益与成本'));
  headerRow(prog, 3, [t('Basis', '计算基础'), LABEL.value]);
  summaryLines(
    prog,
    4,
    [
      [t('Annual labour cost', '年人工成本'), `${I('headcount')}*${I('costPerHead')}`], // B4
      [t('Monthly labour cost', '月人工成本'), 'B4/12'], // B5
      [t('Adaptation cost', '适应期成本'), `B5*${I('transitionRate')}*${I('transitionMonths')}`], // B6
      [t('Adaptation cost, low end', '适应期成本下限'), `B5*${I('transitionRateLow')}*${I('transitionMonthsLow')}`], // B7
      [t('Adaptation cost, high end', '适应期成本上限'), `B5*${I('transitionRateHigh')}*${I('transitionMonthsHigh')}`], // B8
      [t('Total transition cost (with knowledge transfer, friction)', '过渡总成本'), `B6+${I('knowledgeTransfer')}+${I('friction')}`], // B9
      [t('Flexible-staffing saving a year', '灵活用工年节省'), `B4*${I('flexScope')}*${I('flexRate')}`], // B10
      [t('Flexible-staffing saving, low end', '灵活用工节省下限'), `B4*${I('flexScope')}*${I('flexRateLow')}`], // B11
      [t('Flexible-staffing saving, high end', '灵活用工节省上限'), `B4*${I('flexScope')}*${I('flexRateHigh')}`], // B12
      [t('Extra revenue from the output lift, a year', '产出提升年增量收入'), `${I('revenue')}*${I('lift')}`], // B13
      [t('Extra revenue, low end', '增量收入下限'), `${I('revenue')}*${I('liftLow')}`], // B14
      [t('Extra revenue, high end', '增量收入上限'), `${I('revenue')}*${I('liftHigh')}`], // B15
      [t('Private-domain customer LTV', '私域客户LTV'), `${I('publicLtv')}*${I('ltvMultiple')}`], // B16
      [t('Private-domain value added a year', '私域迁移年增值'), `${I('migrated')}*(B16-${I('publicLtv')})`], // B17
    ].map(([text, value]) => ({ label: text as Text, formula: value as string, format: CNY })),
  );

  headerRow(prog, 19, [t('Year', '年度'), t('Year 0', '第0年'), t('Year 1', '第1年'), t('Year 2', '第2年'), t('Year 3', '第3年')]);
  // Automation months 1–12 are year 1, 13–24 year 2, 25–36 year 3; month 0 is year 0.
  const months = (col: string, y: number) => (y === 0 ? `${A}!${col}${AUTO_FIRST}` : `SUM(${A}!${col}${AUTO_FIRST + 12 * (y - 1) + 1}:${col}${AUTO_FIRST + 12 * y})`);
  const yearly: [Text, (y: number, c: string) => string | number][] = [
    [t('Year index', '年份序号'), (y) => y], // 20
    [t('Lift realised', '产出提升实现比例'), (y) => REALISATION[y]], // 21 (input)
    [t('Benefit: automation savings', '收益：自动化节省'), (y) => months('B', y)], // 22
    [t('Benefit: flexible staffing', '收益：灵活用工'), (y) => (y === 0 ? 0 : '$B$10')], // 23
    [t('Benefit: output-lift contribution', '收益：产出提升贡献'), (_, c) => `$B$13*${I('margin')}*${c}21`], // 24
    [t('Benefit: private-domain value', '收益：私域增值'), (y) => (y === 0 ? 0 : '$B$17')], // 25
    [t('Total benefits', '收益合计'), (_, c) => `SUM(${c}22:${c}25)`], // 26
    [t('Cost: automation investment', '成本：自动化投入'), (y) => months('D', y)], // 27
    [t('Cost: automation running', '成本：自动化运维'), (y) => months('C', y)], // 28
    [t('Cost: transition', '成本：过渡'), (y) => (y === 0 ? '$B$9' : 0)], // 29
    [t('Total costs', '成本合计'), (_, c) => `SUM(${c}27:${c}29)`], // 30
    [t('Net benefit', '净收益'), (_, c) => `${c}26-${c}30`], // 31
    [t('Discount factor', '折现系数'), (_, c) => `1/(1+${I('discountRate')})^${c}20`], // 32
    [t('Discounted net benefit', '折现净收益'), (_, c) => `${c}31*${c}32`], // 33
  ];
  yearly.forEach(([text, make], i) => {
    const r = 20 + i;
    label(prog.getCell(r, 1), text);
    YEARS.forEach((c, y) => {
      const made = make(y, c);
      const target = prog.getCell(`${c}${r}`);
      const format = r === 20 ? '0' : r === 21 ? PERCENT : r === 32 ? '0.0000' : CNY;
      if (r === 21) inputCell(target, made, PERCENT, KIND.rate.validation);
      else if (typeof made === 'number') (target.value = made), (target.numFmt = format);
      else formula(target, made, format);
    });
  });
  label(prog.getCell('F21'), EXAMPLE_SOURCE);

  heading(prog.getCell(L.pilot.headerRow - 2, 1), t('Private-domain pilot, weekly ROI check', '私域试点周ROI止损检查'));
  writeTable(workbook, L.pilot, PILOT.map(([spend, ret], i) => ({ week: i + 1, spend, return: ret })));
  tableSource(workbook, L.pilot, EXAMPLE_SOURCE);
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const { I } = L;
  const [A, P] = [L.sheet.automation, L.sheet.programme];
  const summary = workbook.addWorksheet(L.sheet.summary);
  columnWidths(summary, [50, 18, 18, 46]);
  headerRow(summary, 1, [LABEL.measure, LABEL.value, t('Reference', '参照'), t('Check', '检查')]);
  const within = say(L, 'Within the rule-of-thumb band', '在经验区间内');
  const outside = say(L, 'Outside the rule-of-thumb band', '超出经验区间');
  const inBand = (value: string, lo: string, hi: string) => `IF(AND(${value}>=${I(lo)},${value}<=${I(hi)}),${within},${outside})`;
  const transitionInBand = `IF(AND(${I('transitionRate')}>=${I('transitionRateLow')},${I('transitionRate')}<=${I('transitionRateHigh')},${I('transitionMonths')}>=${I('transitionMonthsLow')},${I('transitionMonths')}<=${I('transitionMonthsHigh')}),${within},${outside})`;
  const review = say(L, 'Over the ceiling — review', '超限需复核');
  const span = say(L, 'Over the span of control', '超过管理幅度');
  const spare = say(L, 'Below the spare capacity to keep', '富余产能不足');
  const staff = L.staffing;
  summaryLines(summary, 2, [
    { label: t('Labour cost / revenue', '人工成本占收入'), formula: `${P}!B4/${I('revenue')}`, reference: I('labourCeiling'), check: `IF(B2<=C2,"${OK}",${review})`, format: PERCENT }, // 2
    { label: t('Marketing spend / revenue', '营销费用占收入'), formula: `${I('marketing')}/${I('revenue')}`, reference: I('marketingCeiling'), check: `IF(B3<=C3,"${OK}",${review})`, format: PERCENT }, // 3
    { label: t('Adaptation cost', '适应期成本'), formula: `${P}!B6`, check: transitionInBand, format: CNY }, // 4
    { label: t('Adaptation cost range, low – high', '适应期成本区间'), formula: `${P}!B7`, reference: `${P}!B8`, format: CNY }, // 5
    { label: t('Total transition cost', '过渡总成本'), formula: `${P}!B9`, format: CNY }, // 6
    {
      label: t('Automation payback (months)', '自动化回收期（月）'),
      formula: `PERF.PAYBACK(${A}!E${AUTO_FIRST}:E${AUTO_LAST})`,
      reference: I('paybackMax'),
      check: `IF(B7<${I('paybackMin')},${say(L, 'Faster than the rule of thumb', '快于经验值')},IF(B7<=${I('paybackMax')},${say(L, 'Within the rule of thumb', '符合经验值')},${say(L, 'Slower than the rule of thumb — review', '慢于经验值需复核')}))`,
      format: '0.00',
    }, // 7
    {
      label: t('Discounted payback (months)', '折现回收期（月）'),
      formula: `PERF.PAYBACK(${A}!E${AUTO_FIRST}:E${AUTO_LAST},${A}!I3)`,
      reference: I('paybackMax'),
      check: `IF(B8<=${I('paybackMax')},"${OK}",${say(L, 'Slower than the rule of thumb', '慢于经验值')})`,
      format: '0.00',
    }, // 8
    { label: t('Flexible-staffing saving a year', '灵活用工年节省'), formula: `${P}!B10`, check: inBand(I('flexRate'), 'flexRateLow', 'flexRateHigh'), format: CNY }, // 9
    { label: t('Flexible-staffing saving range, low – high', '灵活用工节省区间'), formula: `${P}!B11`, reference: `${P}!B12`, format: CNY }, // 10
    { label: t('Extra revenue from the output lift, a year', '产出提升年增量收入'), formula: `${P}!B13`, check: inBand(I('lift'), 'liftLow', 'liftHigh'), format: CNY }, // 11
    { label: t('Extra revenue range, low – high', '增量收入区间'), formula: `${P}!B14`, reference: `${P}!B15`, format: CNY }, // 12
    {
      label: t('Benefit-cost ratio, discounted', '折现效益成本比'),
      formula: `PERF.BCR(${P}!B26:E26,${P}!B30:E30,${I('discountRate')})`,
      reference: 1,
      check: `IF(B13>=C13,${say(L, 'Benefits cover costs', '收益覆盖成本')},${say(L, 'Costs exceed benefits', '成本高于收益')})`,
      format: '0.00',
    }, // 13
    { label: t('Net present value', '净现值'), formula: `SUM(${P}!B33:E33)`, format: CNY }, // 14
    {
      label: t('Optimal labour cost (marginal return = 1)', '最优人工成本（边际回报=1）'),
      formula: `PERF.OPTIMUM(${staff.col('cost')},${staff.col('revenue')},${L.sheet.staffing}!B2)`,
      format: CNY,
    }, // 15
    {
      label: t('Optimal headcount vs today', '最优人数 / 当前人数'),
      formula: `B15/${I('costPerHead')}`,
      reference: I('headcount'),
      check: `IF(B16>C16,${say(L, 'Below the optimum: one more head still returns ≥ 1', '低于最优，可增员')},IF(B16<C16,${say(L, 'Above the optimum', '高于最优，宜减员')},${say(L, 'At the optimum', '处于最优')}))`,
      format: '0',
    }, // 16
    { label: t('Span of control today', '当前管理幅度'), formula: `(${I('headcount')}-${I('managersNow')})/${I('managersNow')}`, reference: I('spanMax'), check: `IF(B17<=C17,"${OK}",${span})`, format: '0.0' }, // 17
    { label: t('Span of control after', '调整后管理幅度'), formula: `(${I('headcount')}-${I('managersNew')})/${I('managersNew')}`, reference: I('spanMax'), check: `IF(B18<=C18,"${OK}",${span})`, format: '0.0' }, // 18
    { label: t('Spare capacity today', '当前富余产能'), formula: `1-${I('workloadNow')}/(${I('headcount')}*${I('workDays')})`, reference: I('spareMin'), check: `IF(B19>=C19,"${OK}",${spare})`, format: PERCENT }, // 19
    { label: t('Spare capacity after', '调整后富余产能'), formula: `1-${I('workloadNew')}/(${I('headcount')}*${I('workDays')})`, reference: I('spareMin'), check: `IF(B20>=C20,"${OK}",${spare})`, format: PERCENT }, // 20
    {
      label: t('Investment to approve (year-0 cost)', '待审批投入（第0年成本）'),
      formula: `${P}!B30`,
      check: `IF(B21<=${I('squadLimit')},${say(L, 'The squad lead approves', '小组负责人审批')},IF(B21<=${I('directorLimit')},${say(L, 'The director approves', '总监审批')},${say(L, 'Management decides', '管理层决策')}))`,
      format: CNY,
    }, // 21
    { label: t('Private-domain LTV / public-domain LTV', '私域LTV / 公域LTV'), formula: `${P}!B16`, reference: I('publicLtv'), format: CNY }, // 22
    {
      label: t('Pilot: first week to stop (0 = none)', '试点止损周（0=无）'),
      formula: `IFERROR(INDEX(${L.pilot.col('week')},MATCH(TRUE,${L.pilot.col('stop')},0)),0)`,
      reference: I('stopRoi'),
      check: `IF(B23>0,${say(L, 'Stop the pilot', '停止试点')},${say(L, 'Continue', '继续')})`,
      format: '0',
    }, // 23
    { label: t('Pilot: weeks below the stop line', '试点低于止损线的周数'), formula: `COUNTIF(${L.pilot.col('below')},TRUE)`, format: '0' }, // 24
    {
      label: t('E-commerce service desk: slowest reply (seconds)', '电商客服：最慢响应（秒）'),
      formula: I('ecomSlowest'),
      reference: I('ecomReply'),
      check: `IF(B25<=C25,"${OK}",${say(L, 'Over 30 seconds', '超过30秒')})`,
      format: '0',
    }, // 25
    {
      label: t('Key-account manager: slowest solution (hours)', '大客户经理：最慢方案（小时）'),
      formula: I('kaSlowest'),
      reference: I('kaSolution'),
      check: `IF(B26<=C26,"${OK}",${say(L, 'Over 24 hours', '超过24小时')})`,
      format: '0',
    }, // 26
  ]);
}

const reorg = defineTemplates({
  ...galleryOf('reorg-cost-benefit'),
  layout,
  steps: (L) => {
    const S = L.sheet;
    const last = L.inputs.firstRow + L.inputs.rows.length - 1;
    return [
      t(
        `Edit the yellow cells: ${S.inputs}!B4:B${last} (team, transition, automation, flexible staffing, lift, private domain, structure, decision rights, service levels), ${S.staffing}!B2 and the ${L.staffing.name} table (headcount and revenue), ${S.programme}!B21:E21 (lift realised each year) and the ${L.pilot.name} table (pilot spend and return by week).`,
        `编辑黄色单元格：${S.inputs}!B4:B${last}（团队、过渡、自动化、灵活用工、产出提升、私域、组织、决策权限、服务时限）、${S.staffing}!B2 与表格“${L.staffing.name}”（人数与收入）、${S.programme}!B21:E21（每年产出提升实现比例）及表格“${L.pilot.name}”（试点每周投入与回报）。`,
      ),
      t(
        'Rule defaults (column D says which numbers are plan rules): labour ≤ 30% and marketing ≤ 15% of revenue; transition 15–30% of monthly labour for 1–3 months; automation pays back in 6–12 months; flexible staffing saves 15–30%; re-organisation lifts output 20–45%; private-domain LTV ≈ 3× public; the e-commerce service desk replies within 30 seconds and the key-account manager provides a solution within 24 hours. Change any of them.',
        '规则默认值（D列注明哪些是方案规则）：人工成本≤收入30%、营销费用≤15%；过渡期成本为月人工成本的15–30%，持续1–3个月；自动化6–12个月回本；灵活用工节省15–30%；分工优化产出提升20–45%；私域LTV约为公域3倍；电商客服30秒内响应，大客户经理24小时内提供方案。均可修改。',
      ),
      t(`${S.automation}: month-by-month cash flow; ${S.summary} payback = PERF.PAYBACK (months, interpolated), the discounted one at the monthly equivalent of the discount rate.`, `${S.automation}：逐月现金流；${S.summary} 中回收期 = PERF.PAYBACK（月，插值），折现回收期按年折现率折算的月利率计算。`),
      t(`${S.programme}: benefits and costs for years 0–3; ${S.summary} BCR = PERF.BCR(benefits, costs, discount rate), NPV the sum of discounted net benefit. BCR ≥ 1 means the benefits cover the costs.`, `${S.programme}：第0–3年的收益与成本；${S.summary} 中 BCR = PERF.BCR(收益, 成本, 折现率)，NPV 为折现净收益之和。BCR≥1 表示收益覆盖成本。`),
      t(
        `${S.staffing}: PERF.MARGINAL spills the revenue gained per yuan of extra labour cost for each extra head beside the ${L.staffing.name} table; PERF.OPTIMUM gives the labour cost where the next head returns less than 1 — the optimal headcount.`,
        `${S.staffing}：PERF.MARGINAL 在表格“${L.staffing.name}”旁溢出每增加一人时每元人工成本带来的收入；PERF.OPTIMUM 给出下一人边际回报低于1之前的人工成本，即最优人数。`,
      ),
      t(
        'Checks: span of control ≤ 7 and spare capacity ≥ 20% today and after; the year-0 cost decides who approves (≤ 5M squad lead, 5–20M director, > 20M management); the pilot stops after two weeks running below ROI 0.8; the slowest e-commerce reply and key-account solution of the month against their limits (one breach is a breach: the average would hide it).',
        '检查：调整前后管理幅度≤7、富余产能≥20%；第0年投入决定审批人（≤500万小组负责人，500万–2000万总监，>2000万管理层）；试点连续两周ROI低于0.8即停止；本月最慢的电商客服响应与大客户方案对照时限（一次超时即为超时，平均值会掩盖）。',
      ),
      growingTables([L.staffing.name, L.pilot.name]),
    ];
  },
  rules: (L) => parameterRules(L.inputs).concat([{ rule: 'cost.marginal-return-1', sheet: L.sheet.staffing, cell: 'B2' }]),
  charts: (L) => [
    {
      sheet: L.sheet.summary, type: 'line', at: 'F2:N20', title: t('Automation cumulative cash flow', '自动化累计现金流'),
      categories: `${L.sheet.automation}!$A$${AUTO_FIRST}:$A$${AUTO_LAST}`,
      series: [
        { name: t('Cumulative', '累计'), values: `${L.sheet.automation}!$F$${AUTO_FIRST}:$F$${AUTO_LAST}` },
        { name: t('Discounted', '折现累计'), values: `${L.sheet.automation}!$G$${AUTO_FIRST}:$G$${AUTO_LAST}` },
      ],
    },
    {
      sheet: L.sheet.summary, type: 'column', at: 'F22:N40', title: t('Marginal return of one more head', '每增一人的边际回报'),
      categories: `${L.sheet.staffing}!$A$${L.staffing.firstRow + 1}:$A$${L.staffing.lastRow}`,
      series: [{ name: t('Δrevenue / Δlabour cost', '收入增量/人工成本增量'), values: `${L.sheet.staffing}!$${String.fromCharCode(64 + L.marginalCol)}$${L.staffing.firstRow + 1}:$${String.fromCharCode(64 + L.marginalCol)}$${L.staffing.lastRow}` }],
    },
  ],
  sheets: [writeInputs, writeAutomation, writeStaffing, writeProgramme, writeSummary],
  growth: (L) => [
    tableGrowth(L.staffing, { headcount: 71, revenue: 122_450_000 }, [`${L.sheet.staffing}!${String.fromCharCode(64 + L.marginalCol)}${L.staffing.lastRow + 1}`]),
    tableGrowth(L.pilot, { week: 9, spend: 50_000, return: 30_000 }, [`${L.sheet.summary}!B24`]),
  ],
});

export const reorgCostBenefit = reorg['en-US'];
export const reorgCostBenefitZh = reorg['zh-CN'];
