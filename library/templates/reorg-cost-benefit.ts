/**
 * Re-organisation cost-benefit (渠道团队分工优化 成本效益, seed rules §3 and §5): cost ceilings,
 * the hidden transition cost, automation payback, flexible staffing, output lift, a
 * three-year benefit-cost ratio, the staffing optimum where marginal return falls to 1,
 * span-of-control and spare-capacity checks, the decision-rights band of the investment and
 * a weekly stop-loss check for the private-domain pilot.
 */
import type ExcelJS from 'exceljs';
import { BuiltInTemplate } from '../kit/types';
import type { RuleCell } from '../kit/rules';
import { CNY, PERCENT, header, input, instructions } from '../kit/style';

type Check = 'money' | 'rate' | 'count' | 'months' | 'ratio';
/** One input row: key, English, Chinese, sample value, kind (format and validation), note. */
type Field = [key: string, en: string, zh: string, value: number, kind: Check, note?: string];

/** Inputs sheet, top to bottom; a string is a section heading. */
const FIELDS: (Field | string)[] = [
  'Team 团队',
  ['revenue', 'Annual team revenue', '团队年收入', 120_000_000, 'money'],
  ['headcount', 'Current headcount', '当前人数', 64, 'count'],
  ['costPerHead', 'Fully loaded labour cost per head, a year', '人均年人工成本（全口径）', 480_000, 'money'],
  ['marketing', 'Annual marketing spend', '年营销费用', 18_600_000, 'money'],
  ['labourCeiling', 'Labour-cost ceiling, share of revenue', '人工成本占收入上限', 0.3, 'rate', 'Rule: ≤ 30% 规则：≤30%'],
  ['marketingCeiling', 'Marketing-spend ceiling, share of revenue', '营销费用占收入上限', 0.15, 'rate', 'Rule: ≤ 15% 规则：≤15%'],
  'Transition 过渡成本',
  ['transitionRate', 'Adaptation cost, share of monthly labour cost', '适应期成本（占月人工成本）', 0.2, 'rate', 'Rule of thumb 15–30% 经验值15–30%'],
  ['transitionMonths', 'Adaptation months', '适应期月数', 2, 'months', 'Rule of thumb 1–3 经验值1–3个月'],
  ['transitionRateLow', 'Adaptation cost band, low', '适应期成本比例下限', 0.15, 'rate'],
  ['transitionRateHigh', 'Adaptation cost band, high', '适应期成本比例上限', 0.3, 'rate'],
  ['transitionMonthsLow', 'Adaptation months band, low', '适应期月数下限', 1, 'months'],
  ['transitionMonthsHigh', 'Adaptation months band, high', '适应期月数上限', 3, 'months'],
  ['knowledgeTransfer', 'Knowledge-transfer cost (one-off)', '知识转移成本（一次性）', 150_000, 'money'],
  ['friction', 'Coordination-friction cost (one-off)', '协同摩擦成本（一次性）', 120_000, 'money'],
  'Automation 自动化工具',
  ['investment', 'Automation investment (month 0)', '自动化投入（第0月）', 4_800_000, 'money'],
  ['monthlySavings', 'Labour saved a month at full use', '满负荷月节省人工成本', 560_000, 'money'],
  ['monthlyRunning', 'Running cost a month', '月运维成本', 30_000, 'money'],
  ['rampMonths', 'Ramp-up months', '爬坡期月数', 2, 'months'],
  ['rampShare', 'Savings during ramp-up, share of full', '爬坡期节省比例', 0.5, 'rate'],
  ['paybackMin', 'Payback rule of thumb, from (months)', '回收期经验值下限（月）', 6, 'months', 'Rule: 6–12 months 规则：6–12个月'],
  ['paybackMax', 'Payback rule of thumb, to (months)', '回收期经验值上限（月）', 12, 'months'],
  ['discountRate', 'Discount rate a year', '年折现率', 0.08, 'rate'],
  'Flexible staffing and output lift 灵活用工与产出提升',
  ['flexScope', 'Labour cost that can become flexible', '可转为灵活用工的人工成本占比', 0.4, 'rate'],
  ['flexRate', 'Flexible-staffing saving on that cost', '灵活用工节省比例', 0.2, 'rate', 'Rule of thumb 15–30% 经验值15–30%'],
  ['flexRateLow', 'Flexible-staffing band, low', '灵活用工节省比例下限', 0.15, 'rate'],
  ['flexRateHigh', 'Flexible-staffing band, high', '灵活用工节省比例上限', 0.3, 'rate'],
  ['lift', 'Output lift from the re-organisation', '分工优化产出提升', 0.25, 'rate', 'Rule of thumb 20–45% 经验值20–45%'],
  ['liftLow', 'Output lift band, low', '产出提升下限', 0.2, 'rate'],
  ['liftHigh', 'Output lift band, high', '产出提升上限', 0.45, 'rate'],
  ['margin', 'Contribution margin on extra revenue', '增量收入贡献毛利率', 0.22, 'rate'],
  'Private domain 私域',
  ['migrated', 'Customers moved to the private domain a year', '每年迁移至私域的客户数', 1_500, 'count'],
  ['publicLtv', 'Public-domain customer LTV', '公域客户生命周期价值', 480, 'money'],
  ['ltvMultiple', 'Private / public LTV multiple', '私域/公域LTV倍数', 3, 'ratio', 'Rule: ≈ 3× 规则：约3倍'],
  'Structure 组织结构',
  ['managersNow', 'Managers today', '当前管理者人数', 5, 'count'],
  ['managersNew', 'Managers after the re-organisation', '调整后管理者人数', 9, 'count'],
  ['spanMax', 'Span of control, at most', '管理幅度上限', 7, 'count', 'Rule: ≤ 7 direct reports 规则：≤7名直接下属'],
  ['workDays', 'Working days a person a month', '人均月工作日', 21.75, 'months'],
  ['workloadNow', 'Planned workload today (person-days a month)', '当前计划工作量（人天/月）', 1_250, 'count'],
  ['workloadNew', 'Planned workload after (person-days a month)', '调整后计划工作量（人天/月）', 1_060, 'count'],
  ['spareMin', 'Spare capacity, at least', '富余产能下限', 0.2, 'rate', 'Rule: keep 20% 规则：保留20%'],
  'Decision rights and stop line 决策权限与止损线',
  ['squadLimit', 'Squad lead decides up to', '小组负责人审批上限', 5_000_000, 'money', 'Rule: ≤ 5M squad lead 规则：≤500万小组负责人'],
  ['directorLimit', 'Director decides up to (above: management)', '总监审批上限（以上由管理层决策）', 20_000_000, 'money', '5–20M director, > 20M management 500万–2000万总监，>2000万管理层'],
  ['stopRoi', 'Pilot stop ROI (two weeks running below)', '试点止损ROI（连续两周低于）', 0.8, 'ratio', 'Rule: ROI < 0.8 two weeks → stop 规则：连续两周ROI<0.8即停止'],
];

const FIRST_INPUT_ROW = 3;
const ROW: Record<string, number> = {};
FIELDS.forEach((field, i) => {
  if (typeof field !== 'string') ROW[field[0]] = FIRST_INPUT_ROW + i;
});

/** The sample inputs by key, for tests. */
export const REORG_INPUTS: Record<string, number> = Object.fromEntries(
  FIELDS.filter((f): f is Field => typeof f !== 'string').map((f) => [f[0], f[3]]),
);

/** Absolute reference to an input's value cell. */
function I(key: string): string {
  if (!(key in ROW)) throw new Error(`no input ${key}`);
  return `Inputs!$B$${ROW[key]}`;
}
const cell = (key: string): string => `B${ROW[key]}`;

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

const f = (formula: string) => ({ formula }) as ExcelJS.CellValue;

function validate(target: ExcelJS.Cell, kind: Check): void {
  const ranges: Record<Check, [number, number, string]> = {
    money: [0, 1e12, '≥ 0'],
    rate: [0, 1, '0–100%'],
    count: [0, 1e7, '≥ 0'],
    months: [0, 120, '0–120'],
    ratio: [0, 100, '0–100'],
  };
  const [lo, hi, error] = ranges[kind];
  target.dataValidation = { type: 'decimal', operator: 'between', formulae: [lo, hi], showErrorMessage: true, error };
}

const FORMATS: Record<Check, string> = { money: CNY, rate: PERCENT, count: '#,##0', months: '0.0#', ratio: '0.0#' };

const RULE_CELLS: RuleCell[] = [
  { rule: 'cost.labour-share-30', sheet: 'Inputs', cell: cell('labourCeiling') },
  { rule: 'cost.marketing-spend-15', sheet: 'Inputs', cell: cell('marketingCeiling') },
  { rule: 'cost.transition-15-30', sheet: 'Inputs', cell: cell('transitionRateLow') },
  { rule: 'cost.automation-payback-6-12', sheet: 'Inputs', cell: cell('paybackMin') },
  { rule: 'cost.flexible-staffing-15-30', sheet: 'Inputs', cell: cell('flexRateLow') },
  { rule: 'cost.reorg-lift-20-45', sheet: 'Inputs', cell: cell('liftLow') },
  { rule: 'cost.marginal-return-1', sheet: 'Staffing', cell: 'B2' },
  { rule: 'budget.decision-rights', sheet: 'Inputs', cell: cell('squadLimit') },
  { rule: 'team.span-7', sheet: 'Inputs', cell: cell('spanMax') },
  { rule: 'team.spare-capacity-20', sheet: 'Inputs', cell: cell('spareMin') },
  { rule: 'cost.stop-roi-0.8', sheet: 'Inputs', cell: cell('stopRoi') },
  { rule: 'cost.ltv-private-3x', sheet: 'Inputs', cell: cell('ltvMultiple') },
];

export const reorgCostBenefit: BuiltInTemplate = {
  metadata: {
    id: 'reorg-cost-benefit',
    title: { en: 'Team re-organisation cost-benefit', zh: '团队分工优化成本效益分析' },
    description: {
      en: 'Labour and marketing cost ceilings, hidden transition cost, automation payback, flexible staffing, output lift, a discounted benefit-cost ratio, the staffing optimum (marginal return = 1), span-of-control and spare-capacity checks and the decision-rights band.',
      zh: '人工与营销费用占比上限、隐性过渡成本、自动化投资回收期、灵活用工、产出提升、折现效益成本比、最优人员规模（边际回报=1）、管理幅度与富余产能检查及决策权限。',
    },
    category: 'cost-benefit',
    tags: ['cost-benefit', 'payback', 'BCR', 'staffing', 'reorganisation', '成本效益', '回收期', '分工优化'],
  },
  rules: RULE_CELLS,
  charts: [
    {
      sheet: 'Summary',
      type: 'line',
      title: 'Automation cumulative cash flow 自动化累计现金流',
      categories: `Automation!$A$${AUTO_FIRST}:$A$${AUTO_LAST}`,
      series: [
        { name: 'Cumulative 累计', values: `Automation!$F$${AUTO_FIRST}:$F$${AUTO_LAST}` },
        { name: 'Discounted 折现累计', values: `Automation!$G$${AUTO_FIRST}:$G$${AUTO_LAST}` },
      ],
      anchor: { from: 'F2', to: 'N20' },
    },
    {
      sheet: 'Summary',
      type: 'column',
      title: 'Marginal return of one more head 每增一人的边际回报',
      categories: `Staffing!$A$${STAFF_FIRST + 1}:$A$${STAFF_LAST}`,
      series: [{ name: 'Δrevenue / Δlabour cost 收入增量/人工成本增量', values: `Staffing!$D$${STAFF_FIRST + 1}:$D$${STAFF_LAST}` }],
      anchor: { from: 'F22', to: 'N40' },
    },
  ],
  build(workbook: ExcelJS.Workbook) {
    instructions(workbook, this.metadata.title, [
      ['What it is for: decide whether a channel-team re-organisation with an automation tool pays, who may approve it, and how many people the team should have.', '用途：评估渠道团队分工优化（含自动化工具）是否划算、由谁审批，以及团队最优人数。'],
      [`Edit the yellow cells: Inputs!B${FIRST_INPUT_ROW + 1}:B${FIRST_INPUT_ROW + FIELDS.length - 1} (team, transition, automation, flexible staffing, lift, private domain, structure, decision rights), Staffing!B2 and Staffing!A6:A18, C6:C18 (headcount and revenue), Programme!B21:E21 (lift realised each year), Programme!B37:C44 (pilot spend and return).`, `编辑黄色单元格：Inputs!B${FIRST_INPUT_ROW + 1}:B${FIRST_INPUT_ROW + FIELDS.length - 1}（团队、过渡、自动化、灵活用工、产出提升、私域、组织、决策权限）、Staffing!B2 与 Staffing!A6:A18、C6:C18（人数与收入）、Programme!B21:E21（每年产出提升实现比例）、Programme!B37:C44（试点投入与回报）。`],
      ['Rule defaults: labour ≤ 30% and marketing ≤ 15% of revenue; transition 15–30% of monthly labour for 1–3 months; automation pays back in 6–12 months; flexible staffing saves 15–30%; re-organisation lifts output 20–45%; private-domain LTV ≈ 3× public. Change any of them.', '规则默认值：人工成本≤收入30%、营销费用≤15%；过渡期成本为月人工成本的15–30%，持续1–3个月；自动化6–12个月回本；灵活用工节省15–30%；分工优化产出提升20–45%；私域LTV约为公域3倍。均可修改。'],
      ['Automation: month-by-month cash flow; Summary payback = PERF.PAYBACK (months, interpolated), the discounted one at the monthly equivalent of the discount rate.', 'Automation：逐月现金流；Summary 中回收期 = PERF.PAYBACK（月，插值），折现回收期按年折现率折算的月利率计算。'],
      ['Programme: benefits and costs for years 0–3; Summary BCR = PERF.BCR(benefits, costs, discount rate), NPV the sum of discounted net benefit. BCR ≥ 1 means the benefits cover the costs.', 'Programme：第0–3年的收益与成本；Summary 中 BCR = PERF.BCR(收益, 成本, 折现率)，NPV 为折现净收益之和。BCR≥1 表示收益覆盖成本。'],
      ['Staffing: PERF.MARGINAL spills the revenue gained per yuan of extra labour cost for each extra head (Staffing!D7:D18); PERF.OPTIMUM gives the labour cost where the next head returns less than 1 — the optimal headcount.', 'Staffing：PERF.MARGINAL 溢出每增加一人时每元人工成本带来的收入（Staffing!D7:D18）；PERF.OPTIMUM 给出下一人边际回报低于1之前的人工成本，即最优人数。'],
      ['Checks: span of control ≤ 7 and spare capacity ≥ 20% today and after; the year-0 cost decides who approves (≤ 5M squad lead, 5–20M director, > 20M management); the pilot stops after two weeks running below ROI 0.8.', '检查：调整前后管理幅度≤7、富余产能≥20%；第0年投入决定审批人（≤500万小组负责人，500万–2000万总监，>2000万管理层）；试点连续两周ROI低于0.8即停止。'],
      ['Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);

    // --- Inputs ---
    const inputs = workbook.addWorksheet('Inputs');
    inputs.columns = [{ width: 52 }, { width: 18 }, { width: 44 }];
    inputs.getCell('A1').value = 'Re-organisation inputs 分工优化输入';
    inputs.getCell('A1').font = { bold: true, size: 13 };
    inputs.getRow(2).values = ['Input 输入项', 'Value 数值', 'Note 说明'];
    header(inputs.getRow(2));
    FIELDS.forEach((field, i) => {
      const row = FIRST_INPUT_ROW + i;
      if (typeof field === 'string') {
        inputs.getCell(row, 1).value = field;
        inputs.getCell(row, 1).font = { bold: true };
        return;
      }
      const [, en, zh, value, kind, note] = field;
      inputs.getCell(row, 1).value = `${en} ${zh}`;
      const target = inputs.getCell(row, 2);
      target.value = value;
      input(target, FORMATS[kind]);
      validate(target, kind);
      if (note) inputs.getCell(row, 3).value = note;
    });

    // --- Automation: monthly cash flow ---
    const auto = workbook.addWorksheet('Automation');
    auto.columns = [{ width: 10 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 18 }, { width: 18 }, { width: 20 }, { width: 30 }, { width: 12 }];
    auto.getCell('A1').value = 'Automation cash flow by month 自动化工具逐月现金流';
    auto.getCell('A1').font = { bold: true, size: 13 };
    auto.getRow(2).values = ['Month 月', 'Savings 节省', 'Running 运维', 'Investment 投资', 'Net cash flow 净现金流', 'Cumulative 累计', 'Discounted cum. 折现累计'];
    header(auto.getRow(2));
    auto.getCell('H3').value = 'Monthly discount rate 月折现率';
    // The monthly rate equivalent to the yearly one: (1 + r)^(1/12) − 1.
    auto.getCell('I3').value = f(`(1+${I('discountRate')})^(1/12)-1`);
    auto.getCell('I3').numFmt = '0.000%';
    for (let m = 0; m <= MONTHS; m++) {
      const r = AUTO_FIRST + m;
      auto.getCell(r, 1).value = m;
      auto.getCell(r, 2).value = f(`IF(A${r}=0,0,${I('monthlySavings')}*IF(A${r}<=${I('rampMonths')},${I('rampShare')},1))`);
      auto.getCell(r, 3).value = f(`IF(A${r}=0,0,${I('monthlyRunning')})`);
      auto.getCell(r, 4).value = f(`IF(A${r}=0,${I('investment')},0)`);
      auto.getCell(r, 5).value = f(`B${r}-C${r}-D${r}`);
      auto.getCell(r, 6).value = f(`SUM(E$${AUTO_FIRST}:E${r})`);
      auto.getCell(r, 7).value = f(m === 0 ? `E${r}` : `G${r - 1}+E${r}/(1+$I$3)^A${r}`);
      for (let c = 2; c <= 7; c++) auto.getCell(r, c).numFmt = CNY;
    }

    // --- Staffing: revenue by headcount, marginal return ---
    const staff = workbook.addWorksheet('Staffing');
    staff.columns = [{ width: 14 }, { width: 18 }, { width: 18 }, { width: 22 }, { width: 16 }, { width: 16 }];
    staff.getCell('A1').value = 'Staffing: marginal return of labour cost 人员规模：人工成本边际回报';
    staff.getCell('A1').font = { bold: true, size: 13 };
    staff.getCell('A2').value = 'Marginal-return threshold 边际回报阈值';
    staff.getCell('B2').value = 1;
    input(staff.getCell('B2'), '0.00');
    validate(staff.getCell('B2'), 'ratio');
    staff.getCell('C2').value = 'Optimal staffing: one more yuan of labour returns one yuan of revenue 最优人员：多投1元人工成本带来1元收入';
    staff.getCell('A3').value = 'Labour-cost ceiling 人工成本占比上限';
    staff.getCell('B3').value = f(I('labourCeiling'));
    staff.getCell('B3').numFmt = PERCENT;
    staff.getRow(5).values = ['Headcount 人数', 'Labour cost 人工成本', 'Revenue 收入', 'Marginal return 边际回报', 'Labour share 人工占比', 'Check 检查'];
    header(staff.getRow(5));
    STAFFING.forEach(([heads, revenue], i) => {
      const r = STAFF_FIRST + i;
      staff.getCell(r, 1).value = heads;
      input(staff.getCell(r, 1), '0');
      staff.getCell(r, 1).dataValidation = { type: 'whole', operator: 'greaterThan', formulae: [0], showErrorMessage: true, error: '> 0, ascending 递增' };
      staff.getCell(r, 2).value = f(`A${r}*${I('costPerHead')}`);
      staff.getCell(r, 2).numFmt = CNY;
      staff.getCell(r, 3).value = revenue;
      input(staff.getCell(r, 3), CNY);
      validate(staff.getCell(r, 3), 'money');
      staff.getCell(r, 4).numFmt = '0.00';
      staff.getCell(r, 5).value = f(`IF(C${r}>0,B${r}/C${r},0)`);
      staff.getCell(r, 5).numFmt = PERCENT;
      staff.getCell(r, 6).value = f(`IF(E${r}<=$B$3,"OK","OVER 超限")`);
    });
    staff.getCell(STAFF_FIRST, 4).value = '—';
    // One value per step, on the row of the headcount the step reaches (D7 = 58 → 59).
    staff.getCell(STAFF_FIRST + 1, 4).value = f(`PERF.MARGINAL(B${STAFF_FIRST}:B${STAFF_LAST},C${STAFF_FIRST}:C${STAFF_LAST})`);
    staff.addConditionalFormatting({
      ref: `D${STAFF_FIRST + 1}:D${STAFF_LAST}`,
      rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['$B$2'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
    });

    // --- Programme: basis, years 0–3, pilot ---
    const prog = workbook.addWorksheet('Programme');
    prog.columns = [{ width: 52 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 22 }];
    prog.getCell('A1').value = 'Programme benefits and costs 项目收益与成本';
    prog.getCell('A1').font = { bold: true, size: 13 };
    prog.getRow(3).values = ['Basis 计算基础', 'Value 数值'];
    header(prog.getRow(3));
    const basis: [string, string, string][] = [
      ['Annual labour cost 年人工成本', `${I('headcount')}*${I('costPerHead')}`, CNY], // B4
      ['Monthly labour cost 月人工成本', 'B4/12', CNY], // B5
      ['Adaptation cost 适应期成本', `B5*${I('transitionRate')}*${I('transitionMonths')}`, CNY], // B6
      ['Adaptation cost, low end 适应期成本下限', `B5*${I('transitionRateLow')}*${I('transitionMonthsLow')}`, CNY], // B7
      ['Adaptation cost, high end 适应期成本上限', `B5*${I('transitionRateHigh')}*${I('transitionMonthsHigh')}`, CNY], // B8
      ['Total transition cost (with knowledge transfer, friction) 过渡总成本', `B6+${I('knowledgeTransfer')}+${I('friction')}`, CNY], // B9
      ['Flexible-staffing saving a year 灵活用工年节省', `B4*${I('flexScope')}*${I('flexRate')}`, CNY], // B10
      ['Flexible-staffing saving, low end 下限', `B4*${I('flexScope')}*${I('flexRateLow')}`, CNY], // B11
      ['Flexible-staffing saving, high end 上限', `B4*${I('flexScope')}*${I('flexRateHigh')}`, CNY], // B12
      ['Extra revenue from the output lift, a year 产出提升年增量收入', `${I('revenue')}*${I('lift')}`, CNY], // B13
      ['Extra revenue, low end 下限', `${I('revenue')}*${I('liftLow')}`, CNY], // B14
      ['Extra revenue, high end 上限', `${I('revenue')}*${I('liftHigh')}`, CNY], // B15
      ['Private-domain customer LTV 私域客户LTV', `${I('publicLtv')}*${I('ltvMultiple')}`, CNY], // B16
      ['Private-domain value added a year 私域迁移年增值', `${I('migrated')}*(B16-${I('publicLtv')})`, CNY], // B17
    ];
    basis.forEach(([label, formula, format], i) => {
      prog.getCell(4 + i, 1).value = label;
      prog.getCell(4 + i, 2).value = f(formula);
      prog.getCell(4 + i, 2).numFmt = format;
    });

    prog.getRow(19).values = ['Year 年度', 'Year 0 第0年', 'Year 1 第1年', 'Year 2 第2年', 'Year 3 第3年'];
    header(prog.getRow(19));
    // Automation months 1–12 are year 1, 13–24 year 2, 25–36 year 3; month 0 is year 0.
    const months = (col: string, y: number) =>
      y === 0 ? `Automation!${col}${AUTO_FIRST}` : `SUM(Automation!${col}${AUTO_FIRST + 12 * (y - 1) + 1}:${col}${AUTO_FIRST + 12 * y})`;
    const yearly: [string, (y: number, c: string) => string | number][] = [
      ['Year index 年份序号', (y) => y], // 20
      ['Lift realised 产出提升实现比例', (y) => REALISATION[y]], // 21 (input)
      ['Benefit: automation savings 收益：自动化节省', (y) => months('B', y)], // 22
      ['Benefit: flexible staffing 收益：灵活用工', (y) => (y === 0 ? 0 : '$B$10')], // 23
      ['Benefit: output-lift contribution 收益：产出提升贡献', (_, c) => `$B$13*${I('margin')}*${c}21`], // 24
      ['Benefit: private-domain value 收益：私域增值', (y) => (y === 0 ? 0 : '$B$17')], // 25
      ['Total benefits 收益合计', (_, c) => `SUM(${c}22:${c}25)`], // 26
      ['Cost: automation investment 成本：自动化投入', (y) => months('D', y)], // 27
      ['Cost: automation running 成本：自动化运维', (y) => months('C', y)], // 28
      ['Cost: transition 成本：过渡', (y) => (y === 0 ? '$B$9' : 0)], // 29
      ['Total costs 成本合计', (_, c) => `SUM(${c}27:${c}29)`], // 30
      ['Net benefit 净收益', (_, c) => `${c}26-${c}30`], // 31
      ['Discount factor 折现系数', (_, c) => `1/(1+${I('discountRate')})^${c}20`], // 32
      ['Discounted net benefit 折现净收益', (_, c) => `${c}31*${c}32`], // 33
    ];
    yearly.forEach(([label, make], i) => {
      const r = 20 + i;
      prog.getCell(r, 1).value = label;
      YEARS.forEach((c, y) => {
        const made = make(y, c);
        const target = prog.getCell(`${c}${r}`);
        target.value = typeof made === 'number' ? made : f(made);
        target.numFmt = r === 20 ? '0' : r === 21 ? PERCENT : r === 32 ? '0.0000' : CNY;
        if (r === 21) {
          input(target, PERCENT);
          validate(target, 'rate');
        }
      });
    });

    prog.getCell('A35').value = 'Private-domain pilot, weekly ROI check 私域试点周ROI止损检查';
    prog.getCell('A35').font = { bold: true };
    prog.getRow(36).values = ['Week 周', 'Spend 投入', 'Return 回报', 'ROI', 'Below stop line 低于止损线', 'Stop (2 weeks running) 连续两周止损'];
    header(prog.getRow(36));
    PILOT.forEach(([spend, ret], i) => {
      const r = PILOT_FIRST + i;
      prog.getCell(r, 1).value = i + 1;
      prog.getCell(r, 2).value = spend;
      prog.getCell(r, 3).value = ret;
      for (const c of [2, 3]) {
        input(prog.getCell(r, c), CNY);
        validate(prog.getCell(r, c), 'money');
      }
      prog.getCell(r, 4).value = f(`IF(B${r}>0,C${r}/B${r},0)`);
      prog.getCell(r, 4).numFmt = '0.00';
      prog.getCell(r, 5).value = f(`D${r}<${I('stopRoi')}`);
      // Week 1 has no previous week, so it can never be two weeks running.
      prog.getCell(r, 6).value = i === 0 ? '—' : f(`AND(E${r - 1},E${r})`);
    });

    // --- Summary ---
    const summary = workbook.addWorksheet('Summary');
    summary.columns = [{ width: 50 }, { width: 18 }, { width: 18 }, { width: 46 }];
    summary.getRow(1).values = ['Measure 指标', 'Value 数值', 'Reference 参照', 'Check 检查'];
    header(summary.getRow(1));
    const inBand = (value: string, lo: string, hi: string) =>
      `IF(AND(${value}>=${I(lo)},${value}<=${I(hi)}),"Within rule-of-thumb band 在经验区间内","Outside rule-of-thumb band 超出经验区间")`;
    const lines: [string, string, string | null, string | null, string][] = [
      ['Labour cost / revenue 人工成本占收入', `Programme!B4/${I('revenue')}`, I('labourCeiling'), 'IF(B2<=C2,"OK","OVER 30% — review 超限需复核")', PERCENT], // 2
      ['Marketing spend / revenue 营销费用占收入', `${I('marketing')}/${I('revenue')}`, I('marketingCeiling'), 'IF(B3<=C3,"OK","OVER 15% — review 超限需复核")', PERCENT], // 3
      ['Adaptation cost 适应期成本', 'Programme!B6', null, `IF(AND(${I('transitionRate')}>=${I('transitionRateLow')},${I('transitionRate')}<=${I('transitionRateHigh')},${I('transitionMonths')}>=${I('transitionMonthsLow')},${I('transitionMonths')}<=${I('transitionMonthsHigh')}),"Within 15–30% × 1–3 months 在经验区间内","Outside rule-of-thumb band 超出经验区间")`, CNY], // 4
      ['Adaptation cost range, low – high 适应期成本区间', 'Programme!B7', 'Programme!B8', null, CNY], // 5
      ['Total transition cost 过渡总成本', 'Programme!B9', null, null, CNY], // 6
      ['Automation payback (months) 自动化回收期（月）', `PERF.PAYBACK(Automation!E${AUTO_FIRST}:E${AUTO_LAST})`, I('paybackMax'), `IF(B7<${I('paybackMin')},"Faster than 6–12 months 快于经验值",IF(B7<=${I('paybackMax')},"Within 6–12 months 符合经验值","Slower than 12 months — review 慢于经验值需复核"))`, '0.00'], // 7
      ['Discounted payback (months) 折现回收期（月）', `PERF.PAYBACK(Automation!E${AUTO_FIRST}:E${AUTO_LAST},Automation!I3)`, I('paybackMax'), `IF(B8<=${I('paybackMax')},"OK","Slower than 12 months 慢于经验值")`, '0.00'], // 8
      ['Flexible-staffing saving a year 灵活用工年节省', 'Programme!B10', null, inBand(I('flexRate'), 'flexRateLow', 'flexRateHigh'), CNY], // 9
      ['Flexible-staffing saving range, low – high 区间', 'Programme!B11', 'Programme!B12', null, CNY], // 10
      ['Extra revenue from the output lift, a year 产出提升年增量收入', 'Programme!B13', null, inBand(I('lift'), 'liftLow', 'liftHigh'), CNY], // 11
      ['Extra revenue range, low – high 区间', 'Programme!B14', 'Programme!B15', null, CNY], // 12
      ['Benefit-cost ratio, discounted 折现效益成本比', `PERF.BCR(Programme!B26:E26,Programme!B30:E30,${I('discountRate')})`, '1', 'IF(B13>=C13,"Benefits cover costs 收益覆盖成本","Costs exceed benefits 成本高于收益")', '0.00'], // 13
      ['Net present value 净现值', 'SUM(Programme!B33:E33)', null, null, CNY], // 14
      ['Optimal labour cost (marginal return = 1) 最优人工成本', `PERF.OPTIMUM(Staffing!B${STAFF_FIRST}:B${STAFF_LAST},Staffing!C${STAFF_FIRST}:C${STAFF_LAST},Staffing!B2)`, null, null, CNY], // 15
      ['Optimal headcount vs today 最优人数 / 当前人数', `B15/${I('costPerHead')}`, I('headcount'), 'IF(B16>C16,"Below the optimum: one more head still returns ≥ 1 低于最优，可增员",IF(B16<C16,"Above the optimum 高于最优，宜减员","At the optimum 处于最优"))', '0'], // 16
      ['Span of control today 当前管理幅度', `(${I('headcount')}-${I('managersNow')})/${I('managersNow')}`, I('spanMax'), 'IF(B17<=C17,"OK","Over 7 direct reports 超过管理幅度")', '0.0'], // 17
      ['Span of control after 调整后管理幅度', `(${I('headcount')}-${I('managersNew')})/${I('managersNew')}`, I('spanMax'), 'IF(B18<=C18,"OK","Over 7 direct reports 超过管理幅度")', '0.0'], // 18
      ['Spare capacity today 当前富余产能', `1-${I('workloadNow')}/(${I('headcount')}*${I('workDays')})`, I('spareMin'), 'IF(B19>=C19,"OK","Below 20% spare 富余产能不足")', PERCENT], // 19
      ['Spare capacity after 调整后富余产能', `1-${I('workloadNew')}/(${I('headcount')}*${I('workDays')})`, I('spareMin'), 'IF(B20>=C20,"OK","Below 20% spare 富余产能不足")', PERCENT], // 20
      ['Investment to approve (year-0 cost) 待审批投入（第0年成本）', 'Programme!B30', null, `IF(B21<=${I('squadLimit')},"Squad lead approves 小组负责人审批",IF(B21<=${I('directorLimit')},"Director approves 总监审批","Management decides 管理层决策"))`, CNY], // 21
      ['Private-domain LTV / public-domain LTV 私域LTV / 公域LTV', 'Programme!B16', I('publicLtv'), null, CNY], // 22
      ['Pilot: first week to stop (0 = none) 试点止损周（0=无）', `IFERROR(INDEX(Programme!A${PILOT_FIRST}:A${PILOT_LAST},MATCH(TRUE,Programme!F${PILOT_FIRST}:F${PILOT_LAST},0)),0)`, I('stopRoi'), 'IF(B23>0,"Stop the pilot 停止试点","Continue 继续")', '0'], // 23
    ];
    lines.forEach(([label, value, reference, check, format], i) => {
      const r = 2 + i;
      summary.getCell(r, 1).value = label;
      summary.getCell(r, 2).value = f(value);
      summary.getCell(r, 2).numFmt = format;
      if (reference !== null) {
        summary.getCell(r, 3).value = /^[0-9.]+$/.test(reference) ? Number(reference) : f(reference);
        // The reference column carries whatever the rule compares against: a ratio, a count, money.
        summary.getCell(r, 3).numFmt = format;
      }
      if (check !== null) summary.getCell(r, 4).value = f(check);
    });

    workbook.definedNames.add(`Inputs!$B$${FIRST_INPUT_ROW}:$B$${FIRST_INPUT_ROW + FIELDS.length - 1}`, 'ReorgInputs');
    workbook.definedNames.add(I('revenue'), 'TeamRevenue');
    workbook.definedNames.add(I('headcount'), 'Headcount');
    workbook.definedNames.add(I('costPerHead'), 'CostPerHead');
    workbook.definedNames.add(I('investment'), 'AutomationInvestment');
    workbook.definedNames.add(I('discountRate'), 'DiscountRate');
    workbook.definedNames.add(`Staffing!$A$${STAFF_FIRST}:$C$${STAFF_LAST}`, 'StaffingTable');
    workbook.definedNames.add(`Automation!$E$${AUTO_FIRST}:$E$${AUTO_LAST}`, 'AutomationCashFlow');
  },
};
