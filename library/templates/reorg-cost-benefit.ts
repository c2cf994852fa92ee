/**
 * Re-organisation cost-benefit (渠道团队分工优化 成本效益, seed rules §3 and §5): cost ceilings,
 * the hidden transition cost, automation payback, flexible staffing, output lift, a
 * three-year benefit-cost ratio, the staffing optimum where marginal return falls to 1,
 * span-of-control and spare-capacity checks, the decision-rights band of the investment and
 * a weekly stop-loss check for the private-domain pilot.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, INT, LABEL, PERCENT, Parameter, ParameterBlock, Text, Validation, columnWidths, decimalBetween, defineTemplate, formula, heading, headerRow,
  highlightBelow, inputBlock, inputCell, label, parameterRows, parameterRules, sheetTitle, summaryLines, t, writeParameters,
} from '../kit';

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
const INPUTS: ParameterBlock = {
  sheet: 'Inputs',
  firstRow: 3,
  rows: [
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
  ],
};

const ROW = parameterRows(INPUTS);
const FIELDS = INPUTS.rows.filter((row): row is Parameter => 'key' in row);

/** The sample inputs by key, for tests. */
export const REORG_INPUTS: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f.key!, f.value as number]));

/** Absolute reference to an input's value cell. */
function I(key: string): string {
  if (!(key in ROW)) throw new Error(`no input ${key}`);
  return `Inputs!$B$${ROW[key]}`;
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
const STAFF_FIRST = 6;
const STAFF_LAST = STAFF_FIRST + STAFFING.length - 1;
const AUTO_FIRST = 3; // month 0
const AUTO_LAST = AUTO_FIRST + MONTHS;
const YEARS = ['B', 'C', 'D', 'E'];
const PILOT_FIRST = 37;
const PILOT_LAST = PILOT_FIRST + PILOT.length - 1;

export const reorgCostBenefit = defineTemplate({
  id: 'reorg-cost-benefit',
  category: 'cost-benefit',
  title: t('Team re-organisation cost-benefit', '团队分工优化成本效益分析'),
  description: t(
    'Labour and marketing cost ceilings, hidden transition cost, automation payback, flexible staffing, output lift, a discounted benefit-cost ratio, the staffing optimum (marginal return = 1), span-of-control and spare-capacity checks and the decision-rights band.',
    '人工与营销费用占比上限、隐性过渡成本、自动化投资回收期、灵活用工、产出提升、折现效益成本比、最优人员规模（边际回报=1）、管理幅度与富余产能检查及决策权限。',
  ),
  tags: ['cost-benefit', 'payback', 'BCR', 'staffing', 'reorganisation', '成本效益', '回收期', '分工优化'],
  instructions: {
    purpose: t('decide whether a channel-team re-organisation with an automation tool pays, who may approve it, and how many people the team should have.', '评估渠道团队分工优化（含自动化工具）是否划算、由谁审批，以及团队最优人数。'),
    steps: [
      t(`Edit the yellow cells: Inputs!B${INPUTS.firstRow + 1}:B${INPUTS.firstRow + INPUTS.rows.length - 1} (team, transition, automation, flexible staffing, lift, private domain, structure, decision rights), Staffing!B2 and Staffing!A6:A18, C6:C18 (headcount and revenue), Programme!B21:E21 (lift realised each year), Programme!B37:C44 (pilot spend and return).`, `编辑黄色单元格：Inputs!B${INPUTS.firstRow + 1}:B${INPUTS.firstRow + INPUTS.rows.length - 1}（团队、过渡、自动化、灵活用工、产出提升、私域、组织、决策权限）、Staffing!B2 与 Staffing!A6:A18、C6:C18（人数与收入）、Programme!B21:E21（每年产出提升实现比例）、Programme!B37:C44（试点投入与回报）。`),
      t('Rule defaults: labour ≤ 30% and marketing ≤ 15% of revenue; transition 15–30% of monthly labour for 1–3 months; automation pays back in 6–12 months; flexible staffing saves 15–30%; re-organisation lifts output 20–45%; private-domain LTV ≈ 3× public. Change any of them.', '规则默认值：人工成本≤收入30%、营销费用≤15%；过渡期成本为月人工成本的15–30%，持续1–3个月；自动化6–12个月回本；灵活用工节省15–30%；分工优化产出提升20–45%；私域LTV约为公域3倍。均可修改。'),
      t('Automation: month-by-month cash flow; Summary payback = PERF.PAYBACK (months, interpolated), the discounted one at the monthly equivalent of the discount rate.', 'Automation：逐月现金流；Summary 中回收期 = PERF.PAYBACK（月，插值），折现回收期按年折现率折算的月利率计算。'),
      t('Programme: benefits and costs for years 0–3; Summary BCR = PERF.BCR(benefits, costs, discount rate), NPV the sum of discounted net benefit. BCR ≥ 1 means the benefits cover the costs.', 'Programme：第0–3年的收益与成本；Summary 中 BCR = PERF.BCR(收益, 成本, 折现率)，NPV 为折现净收益之和。BCR≥1 表示收益覆盖成本。'),
      t('Staffing: PERF.MARGINAL spills the revenue gained per yuan of extra labour cost for each extra head (Staffing!D7:D18); PERF.OPTIMUM gives the labour cost where the next head returns less than 1 — the optimal headcount.', 'Staffing：PERF.MARGINAL 溢出每增加一人时每元人工成本带来的收入（Staffing!D7:D18）；PERF.OPTIMUM 给出下一人边际回报低于1之前的人工成本，即最优人数。'),
      t('Checks: span of control ≤ 7 and spare capacity ≥ 20% today and after; the year-0 cost decides who approves (≤ 5M squad lead, 5–20M director, > 20M management); the pilot stops after two weeks running below ROI 0.8.', '检查：调整前后管理幅度≤7、富余产能≥20%；第0年投入决定审批人（≤500万小组负责人，500万–2000万总监，>2000万管理层）；试点连续两周ROI低于0.8即停止。'),
    ],
  },
  rules: [...parameterRules(INPUTS), { rule: 'cost.marginal-return-1', sheet: 'Staffing', cell: 'B2' }],
  charts: [
    {
      sheet: 'Summary', type: 'line', at: 'F2:N20', title: t('Automation cumulative cash flow', '自动化累计现金流'),
      categories: `Automation!$A$${AUTO_FIRST}:$A$${AUTO_LAST}`,
      series: [
        { name: t('Cumulative', '累计'), values: `Automation!$F$${AUTO_FIRST}:$F$${AUTO_LAST}` },
        { name: t('Discounted', '折现累计'), values: `Automation!$G$${AUTO_FIRST}:$G$${AUTO_LAST}` },
      ],
    },
    {
      sheet: 'Summary', type: 'column', at: 'F22:N40', title: t('Marginal return of one more head', '每增一人的边际回报'),
      categories: `Staffing!$A$${STAFF_FIRST + 1}:$A$${STAFF_LAST}`,
      series: [{ name: t('Δrevenue / Δlabour cost', '收入增量/人工成本增量'), values: `Staffing!$D$${STAFF_FIRST + 1}:$D$${STAFF_LAST}` }],
    },
  ],
  sheets: [writeInputs, writeAutomation, writeStaffing, writeProgramme, writeSummary],
  names: {
    ReorgInputs: `Inputs!$B$${INPUTS.firstRow}:$B$${INPUTS.firstRow + INPUTS.rows.length - 1}`,
    TeamRevenue: I('revenue'),
    Headcount: I('headcount'),
    CostPerHead: I('costPerHead'),
    AutomationInvestment: I('investment'),
    DiscountRate: I('discountRate'),
    StaffingTable: `Staffing!$A$${STAFF_FIRST}:$C$${STAFF_LAST}`,
    AutomationCashFlow: `Automation!$E$${AUTO_FIRST}:$E$${AUTO_LAST}`,
  },
});

function writeInputs(workbook: ExcelJS.Workbook): void {
  const inputs = workbook.addWorksheet('Inputs');
  columnWidths(inputs, [52, 18, 44]);
  sheetTitle(inputs, t('Re-organisation inputs', '分工优化输入'));
  headerRow(inputs, 2, [t('Input', '输入项'), LABEL.value, t('Note', '说明')]);
  writeParameters(workbook, INPUTS);
}

function writeAutomation(workbook: ExcelJS.Workbook): void {
  const auto = workbook.addWorksheet('Automation');
  columnWidths(auto, [10, 16, 16, 16, 18, 18, 20, 30, 12]);
  sheetTitle(auto, t('Automation cash flow by month', '自动化工具逐月现金流'));
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
}

function writeStaffing(workbook: ExcelJS.Workbook): void {
  const staff = workbook.addWorksheet('Staffing');
  columnWidths(staff, [14, 18, 18, 22, 16, 16]);
  sheetTitle(staff, t('Staffing: marginal return of labour cost', '人员规模：人工成本边际回报'));
  writeParameters(workbook, {
    sheet: 'Staffing',
    firstRow: 2,
    rows: [
      {
        label: t('Marginal-return threshold', '边际回报阈值'),
        value: 1,
        format: '0.00',
        validation: KIND.ratio.validation,
        note: t('Optimal staffing: one more yuan of labour returns one yuan of revenue', '最优人员：多投1元人工成本带来1元收入'),
      },
      { label: t('Labour-cost ceiling', '人工成本占比上限'), formula: I('labourCeiling'), format: PERCENT },
    ],
  });
  headerRow(staff, 5, [t('Headcount', '人数'), t('Labour cost', '人工成本'), LABEL.revenue, t('Marginal return', '边际回报'), t('Labour share', '人工占比'), t('Check', '检查')]);
  const heads: Validation = { type: 'whole', operator: 'greaterThan', allowBlank: false, formulae: [0], error: '> 0, ascending 递增' };
  inputBlock(staff, STAFF_FIRST, STAFFING, [{ col: 1, format: '0', validation: heads }, { col: 3, ...KIND.money }]);
  STAFFING.forEach((_, i) => {
    const r = STAFF_FIRST + i;
    formula(staff.getCell(r, 2), `A${r}*${I('costPerHead')}`, CNY);
    staff.getCell(r, 4).numFmt = '0.00';
    formula(staff.getCell(r, 5), `IF(C${r}>0,B${r}/C${r},0)`, PERCENT);
    formula(staff.getCell(r, 6), `IF(E${r}<=$B$3,"OK","OVER 超限")`);
  });
  staff.getCell(STAFF_FIRST, 4).value = '—';
  // One value per step, on the row of the headcount the step reaches (D7 = 58 → 59).
  formula(staff.getCell(STAFF_FIRST + 1, 4), `PERF.MARGINAL(B${STAFF_FIRST}:B${STAFF_LAST},C${STAFF_FIRST}:C${STAFF_LAST})`);
  highlightBelow(staff, `D${STAFF_FIRST + 1}:D${STAFF_LAST}`, '$B$2');
}

function writeProgramme(workbook: ExcelJS.Workbook): void {
  const prog = workbook.addWorksheet('Programme');
  columnWidths(prog, [52, 18, 18, 18, 18, 22]);
  sheetTitle(prog, t('Programme benefits and costs', '项目收益与成本'));
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
      [t('Flexible-staffing saving, low end', '下限'), `B4*${I('flexScope')}*${I('flexRateLow')}`], // B11
      [t('Flexible-staffing saving, high end', '上限'), `B4*${I('flexScope')}*${I('flexRateHigh')}`], // B12
      [t('Extra revenue from the output lift, a year', '产出提升年增量收入'), `${I('revenue')}*${I('lift')}`], // B13
      [t('Extra revenue, low end', '下限'), `${I('revenue')}*${I('liftLow')}`], // B14
      [t('Extra revenue, high end', '上限'), `${I('revenue')}*${I('liftHigh')}`], // B15
      [t('Private-domain customer LTV', '私域客户LTV'), `${I('publicLtv')}*${I('ltvMultiple')}`], // B16
      [t('Private-domain value added a year', '私域迁移年增值'), `${I('migrated')}*(B16-${I('publicLtv')})`], // B17
    ].map(([text, value]) => ({ label: text, formula: value as string, format: CNY })),
  );

  headerRow(prog, 19, [t('Year', '年度'), t('Year 0', '第0年'), t('Year 1', '第1年'), t('Year 2', '第2年'), t('Year 3', '第3年')]);
  // Automation months 1–12 are year 1, 13–24 year 2, 25–36 year 3; month 0 is year 0.
  const months = (col: string, y: number) =>
    y === 0 ? `Automation!${col}${AUTO_FIRST}` : `SUM(Automation!${col}${AUTO_FIRST + 12 * (y - 1) + 1}:${col}${AUTO_FIRST + 12 * y})`;
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

  heading(prog.getCell('A35'), t('Private-domain pilot, weekly ROI check', '私域试点周ROI止损检查'));
  headerRow(prog, 36, [t('Week', '周'), t('Spend', '投入'), t('Return', '回报'), 'ROI', t('Below stop line', '低于止损线'), t('Stop (2 weeks running)', '连续两周止损')]);
  inputBlock(prog, PILOT_FIRST, PILOT, [{ col: 2, ...KIND.money }, { col: 3, ...KIND.money }]);
  PILOT.forEach((_, i) => {
    const r = PILOT_FIRST + i;
    prog.getCell(r, 1).value = i + 1;
    formula(prog.getCell(r, 4), `IF(B${r}>0,C${r}/B${r},0)`, '0.00');
    formula(prog.getCell(r, 5), `D${r}<${I('stopRoi')}`);
    // Week 1 has no previous week, so it can never be two weeks running.
    if (i === 0) prog.getCell(r, 6).value = '—';
    else formula(prog.getCell(r, 6), `AND(E${r - 1},E${r})`);
  });
}

function writeSummary(workbook: ExcelJS.Workbook): void {
  const summary = workbook.addWorksheet('Summary');
  columnWidths(summary, [50, 18, 18, 46]);
  headerRow(summary, 1, [LABEL.measure, LABEL.value, t('Reference', '参照'), t('Check', '检查')]);
  const inBand = (value: string, lo: string, hi: string) =>
    `IF(AND(${value}>=${I(lo)},${value}<=${I(hi)}),"Within rule-of-thumb band 在经验区间内","Outside rule-of-thumb band 超出经验区间")`;
  const transitionInBand = `IF(AND(${I('transitionRate')}>=${I('transitionRateLow')},${I('transitionRate')}<=${I('transitionRateHigh')},${I('transitionMonths')}>=${I('transitionMonthsLow')},${I('transitionMonths')}<=${I('transitionMonthsHigh')}),"Within 15–30% × 1–3 months 在经验区间内","Outside rule-of-thumb band 超出经验区间")`;
  summaryLines(summary, 2, [
    { label: t('Labour cost / revenue', '人工成本占收入'), formula: `Programme!B4/${I('revenue')}`, reference: I('labourCeiling'), check: 'IF(B2<=C2,"OK","OVER 30% — review 超限需复核")', format: PERCENT }, // 2
    { label: t('Marketing spend / revenue', '营销费用占收入'), formula: `${I('marketing')}/${I('revenue')}`, reference: I('marketingCeiling'), check: 'IF(B3<=C3,"OK","OVER 15% — review 超限需复核")', format: PERCENT }, // 3
    { label: t('Adaptation cost', '适应期成本'), formula: 'Programme!B6', check: transitionInBand, format: CNY }, // 4
    { label: t('Adaptation cost range, low – high', '适应期成本区间'), formula: 'Programme!B7', reference: 'Programme!B8', format: CNY }, // 5
    { label: t('Total transition cost', '过渡总成本'), formula: 'Programme!B9', format: CNY }, // 6
    {
      label: t('Automation payback (months)', '自动化回收期（月）'),
      formula: `PERF.PAYBACK(Automation!E${AUTO_FIRST}:E${AUTO_LAST})`,
      reference: I('paybackMax'),
      check: `IF(B7<${I('paybackMin')},"Faster than 6–12 months 快于经验值",IF(B7<=${I('paybackMax')},"Within 6–12 months 符合经验值","Slower than 12 months — review 慢于经验值需复核"))`,
      format: '0.00',
    }, // 7
    {
      label: t('Discounted payback (months)', '折现回收期（月）'),
      formula: `PERF.PAYBACK(Automation!E${AUTO_FIRST}:E${AUTO_LAST},Automation!I3)`,
      reference: I('paybackMax'),
      check: `IF(B8<=${I('paybackMax')},"OK","Slower than 12 months 慢于经验值")`,
      format: '0.00',
    }, // 8
    { label: t('Flexible-staffing saving a year', '灵活用工年节省'), formula: 'Programme!B10', check: inBand(I('flexRate'), 'flexRateLow', 'flexRateHigh'), format: CNY }, // 9
    { label: t('Flexible-staffing saving range, low – high', '区间'), formula: 'Programme!B11', reference: 'Programme!B12', format: CNY }, // 10
    { label: t('Extra revenue from the output lift, a year', '产出提升年增量收入'), formula: 'Programme!B13', check: inBand(I('lift'), 'liftLow', 'liftHigh'), format: CNY }, // 11
    { label: t('Extra revenue range, low – high', '区间'), formula: 'Programme!B14', reference: 'Programme!B15', format: CNY }, // 12
    {
      label: t('Benefit-cost ratio, discounted', '折现效益成本比'),
      formula: `PERF.BCR(Programme!B26:E26,Programme!B30:E30,${I('discountRate')})`,
      reference: 1,
      check: 'IF(B13>=C13,"Benefits cover costs 收益覆盖成本","Costs exceed benefits 成本高于收益")',
      format: '0.00',
    }, // 13
    { label: t('Net present value', '净现值'), formula: 'SUM(Programme!B33:E33)', format: CNY }, // 14
    {
      label: t('Optimal labour cost (marginal return = 1)', '最优人工成本'),
      formula: `PERF.OPTIMUM(Staffing!B${STAFF_FIRST}:B${STAFF_LAST},Staffing!C${STAFF_FIRST}:C${STAFF_LAST},Staffing!B2)`,
      format: CNY,
    }, // 15
    {
      label: t('Optimal headcount vs today', '最优人数 / 当前人数'),
      formula: `B15/${I('costPerHead')}`,
      reference: I('headcount'),
      check: 'IF(B16>C16,"Below the optimum: one more head still returns ≥ 1 低于最优，可增员",IF(B16<C16,"Above the optimum 高于最优，宜减员","At the optimum 处于最优"))',
      format: '0',
    }, // 16
    { label: t('Span of control today', '当前管理幅度'), formula: `(${I('headcount')}-${I('managersNow')})/${I('managersNow')}`, reference: I('spanMax'), check: 'IF(B17<=C17,"OK","Over 7 direct reports 超过管理幅度")', format: '0.0' }, // 17
    { label: t('Span of control after', '调整后管理幅度'), formula: `(${I('headcount')}-${I('managersNew')})/${I('managersNew')}`, reference: I('spanMax'), check: 'IF(B18<=C18,"OK","Over 7 direct reports 超过管理幅度")', format: '0.0' }, // 18
    { label: t('Spare capacity today', '当前富余产能'), formula: `1-${I('workloadNow')}/(${I('headcount')}*${I('workDays')})`, reference: I('spareMin'), check: 'IF(B19>=C19,"OK","Below 20% spare 富余产能不足")', format: PERCENT }, // 19
    { label: t('Spare capacity after', '调整后富余产能'), formula: `1-${I('workloadNew')}/(${I('headcount')}*${I('workDays')})`, reference: I('spareMin'), check: 'IF(B20>=C20,"OK","Below 20% spare 富余产能不足")', format: PERCENT }, // 20
    {
      label: t('Investment to approve (year-0 cost)', '待审批投入（第0年成本）'),
      formula: 'Programme!B30',
      check: `IF(B21<=${I('squadLimit')},"Squad lead approves 小组负责人审批",IF(B21<=${I('directorLimit')},"Director approves 总监审批","Management decides 管理层决策"))`,
      format: CNY,
    }, // 21
    { label: t('Private-domain LTV / public-domain LTV', '私域LTV / 公域LTV'), formula: 'Programme!B16', reference: I('publicLtv'), format: CNY }, // 22
    {
      label: t('Pilot: first week to stop (0 = none)', '试点止损周（0=无）'),
      formula: `IFERROR(INDEX(Programme!A${PILOT_FIRST}:A${PILOT_LAST},MATCH(TRUE,Programme!F${PILOT_FIRST}:F${PILOT_LAST},0)),0)`,
      reference: I('stopRoi'),
      check: 'IF(B23>0,"Stop the pilot 停止试点","Continue 继续")',
      format: '0',
    }, // 23
  ]);
}
