/**
 * Shared builder of the twelve marketing-role KPI scorecards (seed rules §1: "twelve marketing
 * roles each with their own KPI set"). A role definition (KPIs, AHP judgements, a sample team,
 * a payout plan) becomes a workbook with the same sheets for every role, so a user who knows
 * one scorecard knows all twelve:
 *
 * - KPIs: the KPI table (type, direction, target, pinned weight, flag threshold) and the checks
 *   (weights sum to 1, quantitative KPIs ≥ 60% of the weight);
 * - AHP: a pairwise matrix on Saaty's scale → =PERF.AHP weights, =PERF.AHPCR and a visible
 *   consistency warning;
 * - Team: actuals per person → =PERF.SCORECARD (capped), =PERF.STATUS traffic lights,
 *   =PERF.PAYOUT on a curve, and per-KPI rule flags;
 * - Payout: curve, gate, cap and status bands;
 * - Summary: one line per person plus team totals, with charts.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../workbook/a1';
import type { DigestRuleId, RuleCell } from '../kit/rules';
import { CNY, PERCENT, header, input, instructions } from '../kit/style';
import type { BuiltInTemplate, ChartSpec } from '../kit/types';

/** Number formats the KPI definitions pick from (money always CNY with two decimals). */
export const FMT = { cny: CNY, percent: PERCENT, count: '#,##0', one: '0.0', two: '0.00', three: '0.000' } as const;

export interface RoleKpi {
  /** Short label used in headers and the AHP matrix, e.g. "CAC" (letters only). */
  code: string;
  name: { en: string; zh: string };
  unit: string;
  format: string;
  /** Quantitative KPIs must carry at least 60% of the weight (§1). */
  type: 'quantitative' | 'qualitative';
  /** 1 higher is better; −1 lower is better (costs, hours). */
  direction: 1 | -1;
  /** The period target; `{ annual }` → target = annual × the month-1 milestone share. */
  target: number | { annual: number };
  /** A digest rule whose number is this KPI's target. */
  targetRule?: DigestRuleId;
  /** A weight fixed by a rule rather than by AHP (e.g. satisfaction 30% for sales roles). */
  pinned?: { weight: number; rule?: DigestRuleId };
  /** A per-person warning beside the score: above / below a threshold, or off target by more than a share. */
  flag?: { when: 'above' | 'below' | 'off-target'; threshold: number; rule?: DigestRuleId };
}

export interface RolePerson {
  name: string;
  position: string;
  /** Monthly target incentive in CNY (100% payout). */
  incentive: number;
  /** One actual per KPI, in KPI order. */
  actuals: number[];
}

export interface RoleDefinition {
  id: string;
  role: { en: string; zh: string };
  description: { en: string; zh: string };
  tags: string[];
  kpis: RoleKpi[];
  /**
   * Saaty judgements over the KPIs WITHOUT a pinned weight, in KPI order: row i lists a_ij for
   * j > i (how much more important KPI i is than KPI j; 1/3 … 1/9 for less important).
   */
  judgements: number[][];
  people: RolePerson[];
  /** Each KPI's attainment is capped here before weighting. */
  attainmentCap: number;
  payout: { curve: [number, number][]; gate: number; cap: number };
  /** Minimum weight share of quantitative KPIs (default 0.6, §1). */
  minQuantitative?: number;
  /** Month-1 milestone share of the annual target (default 0.2, §1); used by `{ annual }` targets. */
  milestoneShare?: number;
}

/** PERF.STATUS defaults written out as an editable table (lower bound, label). */
export const STATUS_BANDS: [number, string][] = [
  [0, 'red'],
  [0.85, 'amber'],
  [0.95, 'green'],
];
export const CR_WARNING = '⚠ CR ≥ 0.1: revise judgements 请调整判断';
export const QUANT_WARNING = '⚠ quantitative KPIs below minimum 定量指标权重不足';
export const FLAG_TEXT = {
  above: '⚠ above limit 超出阈值',
  below: '⚠ below minimum 低于下限',
  'off-target': '⚠ off target 偏离目标',
} as const;
const FLAG_CONDITION = { above: 'above 高于', below: 'below 低于', 'off-target': '± off target 偏离超过' } as const;

const a1 = (col: number, row: number) => `${columnLetters(col)}${row}`;
const abs = (col: number, row: number) => `$${columnLetters(col)}$${row}`;

/** Where everything sits, shared by the builder and the tests. */
export function roleLayout(role: RoleDefinition) {
  const k = role.kpis.length;
  const m = role.people.length;
  const ahpKpis = role.kpis.map((kpi, j) => (kpi.pinned ? -1 : j)).filter((j) => j >= 0);
  const n = ahpKpis.length;
  const kpiFirst = 7;
  const kpiLast = kpiFirst + k - 1;
  const teamFirst = 7;
  const teamLast = teamFirst + m - 1;
  const scoreCol = 3 + k;
  const flagged = role.kpis.map((kpi, j) => (kpi.flag ? j : -1)).filter((j) => j >= 0);
  const summaryMetrics = ['average', 'totalPayout', 'totalTarget', 'payoutRate', 'green', 'amber', 'red', ...(flagged.length ? ['flags'] : []), 'cr', 'crCheck', 'quantShare', 'quantCheck'];
  return {
    k,
    m,
    n,
    /** For each AHP position, the KPI index. */
    ahpKpis,
    milestone: role.kpis.some((kpi) => typeof kpi.target !== 'number'),
    kpis: {
      first: kpiFirst,
      last: kpiLast,
      row: (j: number) => kpiFirst + j,
      weightTotal: kpiLast + 2,
      quantShare: kpiLast + 3,
      quantCheck: kpiLast + 4,
    },
    ahp: {
      first: 5,
      last: 4 + n,
      weightCol: 2 + n + 1,
      cr: 6 + n,
      crCheck: 7 + n,
    },
    team: {
      first: teamFirst,
      last: teamLast,
      kpiCol: (j: number) => 3 + j,
      scoreCol,
      statusCol: scoreCol + 1,
      incentiveCol: scoreCol + 2,
      payoutCol: scoreCol + 3,
      /** One flag column per flagged KPI, after the payout. */
      flags: flagged.map((j, i) => ({ kpi: j, col: scoreCol + 4 + i })),
    },
    payout: { curveFirst: 7, curveLast: 6 + role.payout.curve.length, bandsFirst: 7, bandsLast: 6 + STATUS_BANDS.length },
    summary: {
      first: 2,
      last: 1 + m,
      metric: Object.fromEntries(summaryMetrics.map((name, i) => [name, m + 3 + i])) as Record<string, number>,
    },
  };
}

const decimal = (min: number, max: number, error: string): ExcelJS.DataValidation => ({
  type: 'decimal',
  operator: 'between',
  allowBlank: false,
  formulae: [min, max],
  showErrorMessage: true,
  error,
});
const positive: ExcelJS.DataValidation = { type: 'decimal', operator: 'greaterThan', allowBlank: false, formulae: [0], showErrorMessage: true, error: '> 0' };
const nonNegative: ExcelJS.DataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: false, formulae: [0], showErrorMessage: true, error: '≥ 0' };

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', bgColor: { argb } });
const GREEN_FILL = fill('FFC6EFCE');
const AMBER_FILL = fill('FFFFEB9C');
const RED_FILL = fill('FFFFC7CE');

/** Green / amber / red fills on a status column (English labels or the zh-CN 绿/黄/红 a user may type into the bands). */
function trafficLights(sheet: ExcelJS.Worksheet, ref: string, topLeft: string): void {
  const is = (en: string, zh: string) => `OR(${topLeft}="${en}",${topLeft}="${zh}")`;
  sheet.addConditionalFormatting({
    ref,
    rules: [
      { type: 'expression', priority: 1, formulae: [is('green', '绿')], style: { fill: GREEN_FILL } },
      { type: 'expression', priority: 2, formulae: [is('amber', '黄')], style: { fill: AMBER_FILL } },
      { type: 'expression', priority: 3, formulae: [is('red', '红')], style: { fill: RED_FILL } },
    ],
  });
}

/** Red fill wherever a check cell says anything but "OK". */
function warnUnlessOk(sheet: ExcelJS.Worksheet, ref: string, topLeft: string, priority = 4): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [{ type: 'expression', priority, formulae: [`AND(${topLeft}<>"",${topLeft}<>"OK")`], style: { fill: RED_FILL, font: { bold: true, color: { argb: 'FF9C0006' } } } }],
  });
}

function formula(cell: ExcelJS.Cell, text: string, numFmt?: string): void {
  cell.value = { formula: text } as ExcelJS.CellValue;
  if (numFmt) cell.numFmt = numFmt;
}

const REFERENCE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };

export function roleScorecard(role: RoleDefinition): BuiltInTemplate {
  const L = roleLayout(role);
  const minQuantitative = role.minQuantitative ?? 0.6;
  const milestoneShare = role.milestoneShare ?? 0.2;
  const title = { en: `${role.role.en} KPI scorecard`, zh: `${role.role.zh}KPI评分卡` };
  const kpiRange = (col: string) => `KPIs!$${col}$${L.kpis.first}:$${col}$${L.kpis.last}`;
  const ahpMatrix = `$B$${L.ahp.first}:${abs(1 + L.n, L.ahp.last)}`;
  const teamCol = (col: number) => `${a1(col, L.team.first)}:${a1(col, L.team.last)}`;
  const lastKpiCol = columnLetters(L.team.kpiCol(L.k - 1));
  const pinned = role.kpis.filter((kpi) => kpi.pinned);
  const pinnedTotal = pinned.reduce((s, kpi) => s + kpi.pinned!.weight, 0);

  const rules: RuleCell[] = [
    { rule: 'scoring.role-kpis', sheet: 'KPIs', cell: `A${L.kpis.first}` },
    { rule: 'weights.quantitative-min-60', sheet: 'KPIs', cell: 'B3' },
  ];
  if (L.milestone) rules.push({ rule: 'scoring.monthly-milestone-20', sheet: 'KPIs', cell: 'B4' });
  role.kpis.forEach((kpi, j) => {
    const row = L.kpis.row(j);
    if (kpi.targetRule) rules.push({ rule: kpi.targetRule, sheet: 'KPIs', cell: `F${row}` });
    if (kpi.pinned?.rule) rules.push({ rule: kpi.pinned.rule, sheet: 'KPIs', cell: `H${row}` });
    if (kpi.flag?.rule) rules.push({ rule: kpi.flag.rule, sheet: 'KPIs', cell: `L${row}` });
  });

  const people = `Summary!$A$${L.summary.first}:$A$${L.summary.last}`;
  const charts: ChartSpec[] = [
    {
      sheet: 'Summary',
      type: 'column',
      title: 'KPI score by person 个人综合得分',
      categories: people,
      series: [{ name: 'Score 得分', values: `Summary!$B$${L.summary.first}:$B$${L.summary.last}` }],
      anchor: { from: 'H2', to: 'P18' },
    },
    {
      sheet: 'Summary',
      type: 'column',
      title: 'Payout by person 个人奖金',
      categories: people,
      series: [{ name: 'Payout 奖金 (CNY)', values: `Summary!$D$${L.summary.first}:$D$${L.summary.last}` }],
      anchor: { from: 'H20', to: 'P36' },
    },
  ];

  function writeInstructions(workbook: ExcelJS.Workbook): void {
    const flagLines: [string, string][] = role.kpis
      .filter((kpi) => kpi.flag)
      .map((kpi) => {
        const f = kpi.flag!;
        const row = L.kpis.row(role.kpis.indexOf(kpi));
        const en = f.when === 'off-target' ? 'more than the threshold share away from target (either side)' : `${f.when} the threshold`;
        const zh = f.when === 'off-target' ? '偏离目标超过阈值比例（上下均计）' : f.when === 'above' ? '高于阈值' : '低于阈值';
        return [`Flag ${kpi.code} (${kpi.name.en}): a person is flagged when the actual is ${en} (KPIs!L${row}).`, `预警 ${kpi.code}（${kpi.name.zh}）：实际值${zh}时标记（KPIs!L${row}）。`];
      });
    const pinnedLines: [string, string][] = pinned.map((kpi) => [
      `Pinned weight: ${kpi.code} (${kpi.name.en}) is fixed at ${Math.round(kpi.pinned!.weight * 100)}% (KPIs!H${L.kpis.row(role.kpis.indexOf(kpi))}; digest §1: customer satisfaction raised to 30% for sales roles). AHP shares out the remaining weight among the other KPIs.`,
      `固定权重：${kpi.code}（${kpi.name.zh}）固定为 ${Math.round(kpi.pinned!.weight * 100)}%（KPIs!H${L.kpis.row(role.kpis.indexOf(kpi))}；规则 §1：销售岗位客户满意度权重提升至 30%），其余权重由 AHP 在其他指标间分配。`,
    ]);
    const milestoneLines: [string, string][] = L.milestone
      ? [[
          `Month-1 milestone: KPIs with an annual target (KPIs!G) get target = annual × KPIs!B4 (default 20%, digest §1 "month 1 = 20% of annual target").`,
          `首月里程碑：填写年度目标（KPIs!G 列）的指标，目标 = 年度目标 × KPIs!B4（默认 20%，规则 §1“首月完成年度目标的 20%”）。`,
        ]]
      : [];
    instructions(workbook, title, [
      [
        `What it is for: a monthly KPI scorecard for the ${role.role.en} role — ${L.k} role-specific KPIs, AHP weights, a capped weighted score, a traffic-light status and an incentive payout per person.`,
        `用途：${role.role.zh}岗位的月度 KPI 评分卡 —— ${L.k} 项岗位专属指标、AHP 权重、封顶加权得分、红黄绿状态灯及每人奖金。`,
      ],
      [
        `Edit the yellow cells: KPI types, directions, targets and thresholds (KPIs!D${L.kpis.first}:L${L.kpis.last}), the cap and minimums (KPIs!B2:B4), the AHP judgements (upper triangle of AHP!${ahpMatrix.replace(/\$/g, '')}), names, actuals and target incentives (Team!A${L.team.first}:${columnLetters(L.team.incentiveCol)}${L.team.last}), and the payout curve, gate, cap and status bands (Payout sheet).`,
        `编辑黄色单元格：指标类型、方向、目标与预警阈值（KPIs!D${L.kpis.first}:L${L.kpis.last}）、封顶与最低比例（KPIs!B2:B4）、AHP 判断（AHP!${ahpMatrix.replace(/\$/g, '')} 的上三角）、姓名、实际值与目标奖金（Team!A${L.team.first}:${columnLetters(L.team.incentiveCol)}${L.team.last}），以及奖金曲线、门槛、封顶与状态分档（Payout 表）。`,
      ],
      [
        `AHP weights: in each upper-triangle cell say how much more important the row KPI is than the column KPI on Saaty's scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/3 … 1/9 when less important). The lower triangle fills itself. =PERF.AHP gives the weights; =PERF.AHPCR the consistency ratio. When CR ≥ 0.1 the check cell (AHP!B${L.ahp.crCheck}) turns red: revise the judgements.`,
        `AHP 权重：在上三角单元格中按 Saaty 1–9 标度填写行指标相对列指标的重要程度（1 同等、3 稍重要、5 明显重要、7 强烈重要、9 极端重要；不如列指标重要时填 1/3 … 1/9），下三角自动取倒数。=PERF.AHP 计算权重，=PERF.AHPCR 计算一致性比率；CR ≥ 0.1 时检查单元格（AHP!B${L.ahp.crCheck}）变红，请调整判断。`,
      ],
      ...pinnedLines,
      [
        `Quantitative KPIs must carry at least KPIs!B3 (60%, digest §1) of the weight; KPIs!B${L.kpis.quantShare} shows their share and KPIs!B${L.kpis.quantCheck} warns when it falls short.`,
        `定量指标权重合计须不低于 KPIs!B3（60%，规则 §1）；KPIs!B${L.kpis.quantShare} 显示其占比，不足时 KPIs!B${L.kpis.quantCheck} 给出警告。`,
      ],
      [
        `Score (Team!${a1(L.team.scoreCol, L.team.first)}, =PERF.SCORECARD): Σ weight × attainment, where attainment = actual / target (direction 1, higher is better) or 2 − actual / target (direction −1, lower is better), floored at 0 and capped at KPIs!B2.`,
        `得分（Team!${a1(L.team.scoreCol, L.team.first)}，=PERF.SCORECARD）：Σ 权重 × 达成率；方向 1（越高越好）达成率 = 实际 / 目标，方向 −1（越低越好）= 2 − 实际 / 目标；下限 0，上限 KPIs!B2。`,
      ],
      [
        `Status (=PERF.STATUS): green from 95%, amber from 85%, red below (Payout!D${L.payout.bandsFirst}:E${L.payout.bandsLast}). Payout (=PERF.PAYOUT): a score below the gate (Payout!B3) pays 0; otherwise target incentive × min(cap (Payout!B4), the payout factor interpolated on the curve Payout!A${L.payout.curveFirst}:B${L.payout.curveLast}).`,
        `状态（=PERF.STATUS）：≥ 95% 绿、≥ 85% 黄、其余红（Payout!D${L.payout.bandsFirst}:E${L.payout.bandsLast}）。奖金（=PERF.PAYOUT）：得分低于门槛（Payout!B3）不发放；否则 目标奖金 × min(封顶系数 Payout!B4, 按曲线 Payout!A${L.payout.curveFirst}:B${L.payout.curveLast} 线性插值的奖金系数)。`,
      ],
      ...flagLines,
      ...milestoneLines,
      ['Summary: one line per person, team totals, the AHP and weight checks, and charts of scores and payouts.', 'Summary：每人一行、团队合计、AHP 与权重检查，以及得分与奖金图表。'],
      ['Without the PerfPlan add-in, Excel shows the values computed when the template was built.', '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。'],
    ]);
  }

  function writeKpis(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet('KPIs');
    sheet.columns = [44, 10, 14, 15, 11, 16, 18, 14, 12, 12, 18, 14].map((width) => ({ width }));
    sheet.getCell('A1').value = `KPIs ${role.role.en} ${role.role.zh} 考核指标`;
    sheet.getCell('A1').font = { bold: true, size: 13 };
    const settings: [string, number, string, ExcelJS.DataValidation][] = [
      ['Attainment cap per KPI 单项达成率封顶', role.attainmentCap, PERCENT, decimal(1, 3, '100%–300%')],
      ['Minimum quantitative weight 定量指标最低权重', minQuantitative, PERCENT, decimal(0, 1, '0–100%')],
    ];
    if (L.milestone) settings.push(['Month-1 milestone share of annual target 首月里程碑占年度目标', milestoneShare, PERCENT, decimal(0, 1, '0–100%')]);
    settings.forEach(([label, value, numFmt, validation], i) => {
      sheet.getCell(2 + i, 1).value = label;
      const cell = sheet.getCell(2 + i, 2);
      cell.value = value;
      input(cell, numFmt);
      cell.dataValidation = validation;
    });

    sheet.getRow(6).values = ['KPI 指标', 'Code 代码', 'Unit 单位', 'Type 类型', 'Direction 方向', 'Target 目标', 'Annual target 年度目标', 'Pinned weight 固定权重', 'AHP weight AHP权重', 'Weight 权重', 'Flag when 预警条件', 'Flag threshold 预警阈值'];
    header(sheet.getRow(6));
    const pinnedRange = `$H$${L.kpis.first}:$H$${L.kpis.last}`;
    role.kpis.forEach((kpi, j) => {
      const row = L.kpis.row(j);
      sheet.getCell(row, 1).value = `${kpi.name.en} ${kpi.name.zh}`;
      sheet.getCell(row, 2).value = kpi.code;
      sheet.getCell(row, 3).value = kpi.unit;
      const type = sheet.getCell(row, 4);
      type.value = kpi.type;
      input(type);
      type.dataValidation = { type: 'list', allowBlank: false, formulae: ['"quantitative,qualitative"'], showErrorMessage: true, error: 'quantitative or qualitative 定量/定性' };
      const direction = sheet.getCell(row, 5);
      direction.value = kpi.direction;
      input(direction, '0');
      direction.dataValidation = { type: 'list', allowBlank: false, formulae: ['"1,-1"'], showErrorMessage: true, error: '1 higher is better 越高越好 / -1 lower is better 越低越好' };
      const target = sheet.getCell(row, 6);
      if (typeof kpi.target === 'number') {
        target.value = kpi.target;
        input(target, kpi.format);
        target.dataValidation = positive;
      } else {
        // The milestone turns the annual target into this period's target.
        formula(target, `G${row}*$B$4`, kpi.format);
        const annual = sheet.getCell(row, 7);
        annual.value = kpi.target.annual;
        input(annual, kpi.format);
        annual.dataValidation = positive;
      }
      const pin = sheet.getCell(row, 8);
      const ahpIndex = L.ahpKpis.indexOf(j);
      if (kpi.pinned) {
        pin.value = kpi.pinned.weight;
        input(pin, PERCENT);
        pin.dataValidation = decimal(0, 1, '0–100%');
        sheet.getCell(row, 9).value = '—';
        formula(sheet.getCell(row, 10), `H${row}`, PERCENT);
      } else {
        pin.value = 'AHP';
        formula(sheet.getCell(row, 9), `AHP!${abs(L.ahp.weightCol, L.ahp.first + ahpIndex)}`, PERCENT);
        // AHP shares out whatever the pinned weights leave (SUM skips the "AHP" labels).
        formula(sheet.getCell(row, 10), `(1-SUM(${pinnedRange}))*I${row}`, PERCENT);
      }
      if (kpi.flag) {
        sheet.getCell(row, 11).value = FLAG_CONDITION[kpi.flag.when];
        const threshold = sheet.getCell(row, 12);
        threshold.value = kpi.flag.threshold;
        input(threshold, kpi.flag.when === 'off-target' ? PERCENT : kpi.format);
        threshold.dataValidation = nonNegative;
      }
    });

    const weights = `J${L.kpis.first}:J${L.kpis.last}`;
    const checks: [number, string, string, string][] = [
      [L.kpis.weightTotal, 'Weight total 权重合计', `SUM(${weights})`, PERCENT],
      [L.kpis.quantShare, 'Quantitative share 定量指标权重占比', `SUMIF(D${L.kpis.first}:D${L.kpis.last},"quantitative",${weights})`, PERCENT],
      [L.kpis.quantCheck, 'Quantitative check 定量权重检查', `IF(B${L.kpis.quantShare}>=$B$3,"OK","${QUANT_WARNING}")`, '@'],
    ];
    for (const [row, label, text, numFmt] of checks) {
      sheet.getCell(row, 1).value = label;
      sheet.getCell(row, 1).font = { bold: true };
      formula(sheet.getCell(row, 2), text, numFmt === '@' ? undefined : numFmt);
    }
    warnUnlessOk(sheet, `B${L.kpis.quantCheck}`, `B${L.kpis.quantCheck}`);
    if (pinnedTotal > 0) sheet.getCell(L.kpis.weightTotal, 3).value = `Pinned ${Math.round(pinnedTotal * 100)}% + AHP ${Math.round((1 - pinnedTotal) * 100)}% 固定+AHP`;

    workbook.definedNames.add('KPIs!$B$2', 'AttainmentCap');
    workbook.definedNames.add('KPIs!$B$3', 'MinQuantitativeShare');
    if (L.milestone) workbook.definedNames.add('KPIs!$B$4', 'MilestoneShare');
    workbook.definedNames.add(kpiRange('F'), 'KpiTargets');
    workbook.definedNames.add(kpiRange('E'), 'KpiDirections');
    workbook.definedNames.add(kpiRange('J'), 'KpiWeights');
  }

  function writeAhp(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet('AHP');
    sheet.getColumn(1).width = 34;
    for (let c = 2; c <= L.ahp.weightCol; c++) sheet.getColumn(c).width = 11;
    sheet.getCell('A1').value = 'AHP pairwise comparison 层次分析法两两比较';
    sheet.getCell('A1').font = { bold: true, size: 13 };
    sheet.getCell('A2').value = "Saaty scale: row vs column — 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/3…1/9 less important. 行指标相对列指标：1 同等、3 稍重要、5 明显、7 强烈、9 极端；1/3…1/9 表示较不重要。";
    const head = ['Criterion 指标', ...L.ahpKpis.map((j) => role.kpis[j].code)];
    head.forEach((value, i) => (sheet.getCell(4, 1 + i).value = value));
    sheet.getCell(4, L.ahp.weightCol).value = 'Weight 权重';
    header(sheet.getRow(4));
    L.ahpKpis.forEach((j, r) => {
      const row = L.ahp.first + r;
      sheet.getCell(row, 1).value = `${role.kpis[j].code} ${role.kpis[j].name.zh}`;
      for (let c = 0; c < L.n; c++) {
        const cell = sheet.getCell(row, 2 + c);
        cell.numFmt = '# ?/?'; // shows Saaty fractions as 1/3, 1/5 …
        if (c === r) cell.value = 1;
        else if (c > r) {
          cell.value = role.judgements[r][c - r - 1];
          input(cell, '# ?/?');
          cell.dataValidation = decimal(0.11, 9, "Saaty scale 1/9–9 萨蒂标度");
        } else formula(cell, `1/${a1(2 + r, L.ahp.first + c)}`, '# ?/?'); // lower triangle: reciprocal of the mirror
      }
    });
    formula(sheet.getCell(L.ahp.first, L.ahp.weightCol), `PERF.AHP(${ahpMatrix})`);
    for (let r = L.ahp.first; r <= L.ahp.last; r++) sheet.getCell(r, L.ahp.weightCol).numFmt = PERCENT;
    sheet.getCell(L.ahp.cr, 1).value = 'Consistency ratio CR 一致性比率';
    formula(sheet.getCell(L.ahp.cr, 2), `PERF.AHPCR(${ahpMatrix})`, '0.000');
    sheet.getCell(L.ahp.crCheck, 1).value = 'Consistency check 一致性检查';
    formula(sheet.getCell(L.ahp.crCheck, 2), `IF(B${L.ahp.cr}>=0.1,"${CR_WARNING}","OK")`);
    sheet.getCell(L.ahp.crCheck, 2).font = { bold: true };
    warnUnlessOk(sheet, `B${L.ahp.crCheck}`, `B${L.ahp.crCheck}`);
    if (pinned.length) {
      sheet.getCell(L.ahp.crCheck + 2, 1).value = `Outside AHP (pinned weights) 不参与AHP的固定权重指标: ${pinned.map((kpi) => `${kpi.code} ${Math.round(kpi.pinned!.weight * 100)}%`).join(', ')}`;
    }
    workbook.definedNames.add(`AHP!${ahpMatrix}`, 'AhpMatrix');
    workbook.definedNames.add(`AHP!${abs(L.ahp.weightCol, L.ahp.first)}:${abs(L.ahp.weightCol, L.ahp.last)}`, 'AhpWeights');
    workbook.definedNames.add(`AHP!$B$${L.ahp.cr}`, 'AhpCR');
  }

  function writePayout(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet('Payout');
    sheet.columns = [40, 18, 4, 16, 14].map((width) => ({ width }));
    sheet.getCell('A1').value = 'Payout plan 奖金方案';
    sheet.getCell('A1').font = { bold: true, size: 13 };
    const settings: [string, number, ExcelJS.DataValidation][] = [
      ['Gate: score below → no payout 门槛（得分低于此值不发放）', role.payout.gate, decimal(0, 2, '0–200%')],
      ['Payout cap (× target incentive) 奖金系数封顶', role.payout.cap, decimal(0, 5, '0–5')],
    ];
    settings.forEach(([label, value, validation], i) => {
      sheet.getCell(3 + i, 1).value = label;
      const cell = sheet.getCell(3 + i, 2);
      cell.value = value;
      input(cell, i === 0 ? PERCENT : FMT.two);
      cell.dataValidation = validation;
    });
    sheet.getRow(6).values = ['Score 得分', 'Payout factor 奖金系数', '', 'Lower bound 下限', 'Status 状态'];
    header(sheet.getRow(6));
    role.payout.curve.forEach(([x, y], i) => {
      const row = L.payout.curveFirst + i;
      sheet.getCell(row, 1).value = x;
      sheet.getCell(row, 2).value = y;
      input(sheet.getCell(row, 1), PERCENT);
      input(sheet.getCell(row, 2), FMT.two);
      sheet.getCell(row, 1).dataValidation = decimal(0, 3, '0–300%, ascending 递增');
      sheet.getCell(row, 2).dataValidation = decimal(0, 5, '0–5');
    });
    STATUS_BANDS.forEach(([low, label], i) => {
      const row = L.payout.bandsFirst + i;
      sheet.getCell(row, 4).value = low;
      sheet.getCell(row, 5).value = label;
      input(sheet.getCell(row, 4), PERCENT);
      input(sheet.getCell(row, 5));
      sheet.getCell(row, 4).dataValidation = decimal(0, 3, '0–300%, ascending 递增');
    });
    trafficLights(sheet, `E${L.payout.bandsFirst}:E${L.payout.bandsLast}`, `E${L.payout.bandsFirst}`);
    workbook.definedNames.add(`Payout!$A$${L.payout.curveFirst}:$B$${L.payout.curveLast}`, 'PayoutCurve');
    workbook.definedNames.add('Payout!$B$3', 'PayoutGate');
    workbook.definedNames.add('Payout!$B$4', 'PayoutCap');
    workbook.definedNames.add(`Payout!$D$${L.payout.bandsFirst}:$E$${L.payout.bandsLast}`, 'StatusBands');
  }

  function writeTeam(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet('Team');
    sheet.getColumn(1).width = 18;
    sheet.getColumn(2).width = 26;
    for (let c = 3; c <= L.team.payoutCol + L.team.flags.length; c++) sheet.getColumn(c).width = 15;
    sheet.getCell('A1').value = `Team scorecard 团队评分卡 — ${role.role.en} ${role.role.zh}`;
    sheet.getCell('A1').font = { bold: true, size: 13 };
    const head: string[] = ['Name 姓名', 'Position 职位', ...role.kpis.map((kpi) => `${kpi.code} ${kpi.name.zh}`), 'Score 得分', 'Status 状态', 'Target incentive 目标奖金', 'Payout 奖金'];
    L.team.flags.forEach(({ kpi }) => head.push(`⚠ ${role.kpis[kpi].code}`));
    head.forEach((value, i) => (sheet.getCell(3, 1 + i).value = value));
    header(sheet.getRow(3));
    sheet.getRow(3).alignment = { wrapText: true, vertical: 'middle' };

    // Reference rows: the KPI sheet's targets, directions and weights, as the row vectors SCORECARD takes.
    const reference: [number, string, string, (j: number) => string | undefined][] = [
      [4, 'Target 目标', 'F', (j) => role.kpis[j].format],
      [5, 'Direction 方向', 'E', () => '0'],
      [6, 'Weight 权重', 'J', () => PERCENT],
    ];
    for (const [row, label, col, numFmt] of reference) {
      sheet.getCell(row, 1).value = label;
      role.kpis.forEach((_, j) => formula(sheet.getCell(row, L.team.kpiCol(j)), `KPIs!${col}${L.kpis.row(j)}`, numFmt(j)));
      sheet.getRow(row).font = REFERENCE_FONT;
    }

    role.people.forEach((person, i) => {
      const row = L.team.first + i;
      sheet.getCell(row, 1).value = person.name;
      sheet.getCell(row, 2).value = person.position;
      input(sheet.getCell(row, 1));
      person.actuals.forEach((value, j) => {
        const cell = sheet.getCell(row, L.team.kpiCol(j));
        cell.value = value;
        input(cell, role.kpis[j].format);
        cell.dataValidation = nonNegative;
      });
      const incentive = sheet.getCell(row, L.team.incentiveCol);
      incentive.value = person.incentive;
      input(incentive, CNY);
      incentive.dataValidation = nonNegative;
      sheet.getCell(row, L.team.scoreCol).numFmt = PERCENT;
      sheet.getCell(row, L.team.payoutCol).numFmt = CNY;
      L.team.flags.forEach(({ kpi, col }) => {
        const flag = role.kpis[kpi].flag!;
        const actual = a1(L.team.kpiCol(kpi), row);
        const threshold = `KPIs!$L$${L.kpis.row(kpi)}`;
        const condition =
          flag.when === 'above' ? `${actual}>${threshold}` : flag.when === 'below' ? `${actual}<${threshold}` : `ABS(${actual}/${columnLetters(L.team.kpiCol(kpi))}$4-1)>${threshold}`;
        formula(sheet.getCell(row, col), `IF(${condition},"${FLAG_TEXT[flag.when]}","OK")`);
      });
    });

    const actuals = `C${L.team.first}:${lastKpiCol}${L.team.last}`;
    const scores = teamCol(L.team.scoreCol);
    const incentives = teamCol(L.team.incentiveCol);
    formula(sheet.getCell(L.team.first, L.team.scoreCol), `PERF.SCORECARD(${actuals},C4:${lastKpiCol}4,C6:${lastKpiCol}6,C5:${lastKpiCol}5,KPIs!$B$2)`);
    formula(sheet.getCell(L.team.first, L.team.statusCol), `PERF.STATUS(${scores},Payout!$D$${L.payout.bandsFirst}:$E$${L.payout.bandsLast})`);
    formula(
      sheet.getCell(L.team.first, L.team.payoutCol),
      `PERF.PAYOUT(${scores},Payout!$A$${L.payout.curveFirst}:$B$${L.payout.curveLast},${incentives},Payout!$B$3,Payout!$B$4)`,
    );
    trafficLights(sheet, teamCol(L.team.statusCol), a1(L.team.statusCol, L.team.first));
    if (L.team.flags.length) {
      const first = L.team.flags[0].col;
      const last = L.team.flags[L.team.flags.length - 1].col;
      warnUnlessOk(sheet, `${a1(first, L.team.first)}:${a1(last, L.team.last)}`, a1(first, L.team.first));
    }
    workbook.definedNames.add(`Team!$C$${L.team.first}:$${lastKpiCol}$${L.team.last}`, 'TeamActuals');
    workbook.definedNames.add(`Team!${abs(L.team.incentiveCol, L.team.first)}:${abs(L.team.incentiveCol, L.team.last)}`, 'TargetIncentives');
    workbook.definedNames.add(`Team!${abs(L.team.scoreCol, L.team.first)}:${abs(L.team.scoreCol, L.team.last)}`, 'TeamScores');
    workbook.definedNames.add(`Team!${abs(L.team.payoutCol, L.team.first)}:${abs(L.team.payoutCol, L.team.last)}`, 'TeamPayouts');
  }

  function writeSummary(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet('Summary');
    sheet.columns = [36, 14, 10, 16, 10].map((width) => ({ width }));
    const flags = L.team.flags.length;
    sheet.getRow(1).values = ['Name 姓名', 'Score 得分', 'Status 状态', 'Payout 奖金', ...(flags ? ['Flags 预警数'] : [])];
    header(sheet.getRow(1));
    const { first, last } = L.summary;
    role.people.forEach((_, i) => {
      const row = first + i;
      const teamRow = L.team.first + i;
      formula(sheet.getCell(row, 1), `Team!A${teamRow}`);
      formula(sheet.getCell(row, 2), `Team!${a1(L.team.scoreCol, teamRow)}`, PERCENT);
      formula(sheet.getCell(row, 3), `Team!${a1(L.team.statusCol, teamRow)}`);
      formula(sheet.getCell(row, 4), `Team!${a1(L.team.payoutCol, teamRow)}`, CNY);
      if (flags) {
        const range = `Team!${a1(L.team.flags[0].col, teamRow)}:${a1(L.team.flags[flags - 1].col, teamRow)}`;
        formula(sheet.getCell(row, 5), `${flags}-COUNTIF(${range},"OK")`, '0');
      }
    });
    trafficLights(sheet, `C${first}:C${last}`, `C${first}`);
    const band = (i: number) => `Payout!$E$${L.payout.bandsFirst + i}`;
    const metrics: Record<string, [string, string, string?]> = {
      average: ['Team average score 团队平均得分', `AVERAGE(B${first}:B${last})`, PERCENT],
      totalPayout: ['Total payout 奖金合计', `SUM(D${first}:D${last})`, CNY],
      totalTarget: ['Total target incentive 目标奖金合计', `SUM(Team!${a1(L.team.incentiveCol, L.team.first)}:${a1(L.team.incentiveCol, L.team.last)})`, CNY],
      payoutRate: ['Payout / target incentive 奖金兑现率', `IF(B${L.summary.metric.totalTarget}>0,B${L.summary.metric.totalPayout}/B${L.summary.metric.totalTarget},0)`, PERCENT],
      green: ['People in green 绿灯人数', `COUNTIF(C${first}:C${last},${band(2)})`, '0'],
      amber: ['People in amber 黄灯人数', `COUNTIF(C${first}:C${last},${band(1)})`, '0'],
      red: ['People in red 红灯人数', `COUNTIF(C${first}:C${last},${band(0)})`, '0'],
      flags: ['Rule flags raised 规则预警合计', `SUM(E${first}:E${last})`, '0'],
      cr: ['AHP consistency ratio CR 一致性比率', `AHP!B${L.ahp.cr}`, '0.000'],
      crCheck: ['AHP consistency check 一致性检查', `AHP!B${L.ahp.crCheck}`],
      quantShare: ['Quantitative weight share 定量指标权重占比', `KPIs!B${L.kpis.quantShare}`, PERCENT],
      quantCheck: ['Quantitative check 定量权重检查', `KPIs!B${L.kpis.quantCheck}`],
    };
    for (const [name, row] of Object.entries(L.summary.metric)) {
      const [label, text, numFmt] = metrics[name];
      sheet.getCell(row, 1).value = label;
      formula(sheet.getCell(row, 2), text, numFmt);
    }
    ['crCheck', 'quantCheck'].forEach((name, i) => {
      const cell = `B${L.summary.metric[name]}`;
      warnUnlessOk(sheet, cell, cell, 4 + i);
    });
  }

  return {
    metadata: {
      id: role.id,
      title,
      description: role.description,
      category: 'scorecard',
      tags: ['scorecard', 'KPI', 'AHP', 'payout', '评分卡', '绩效考核', ...role.tags],
    },
    rules,
    charts,
    build(workbook: ExcelJS.Workbook) {
      writeInstructions(workbook);
      writeKpis(workbook);
      writeAhp(workbook);
      writeTeam(workbook);
      writePayout(workbook);
      writeSummary(workbook);
    },
  };
}
