/** A role scorecard's instructions: what each sheet does, with the cells of this role's layout. */
import { columnLetters } from '../../../workbook/a1';
import { type Instructions, type Text, t } from '../../kit';
import type { RoleDefinition } from './definition';
import { type RoleLayout, a1 } from './layout';

const percent = (share: number) => Math.round(share * 100);

export function roleInstructions(role: RoleDefinition, L: RoleLayout): Instructions {
  const [en, zh] = [role.role['en-US'], role.role['zh-CN']];
  const matrix = L.ahp.matrix.replace(/\$/g, '');
  const teamInputs = `Team!A${L.team.first}:${columnLetters(L.team.incentiveCol)}${L.team.last}`;
  const pinnedLines: Text[] = role.kpis.flatMap((kpi, j) =>
    kpi.pinned
      ? [
          t(
            `Pinned weight: ${kpi.code} (${kpi.name['en-US']}) is fixed at ${percent(kpi.pinned.weight)}% (KPIs!H${L.kpis.row(j)}; digest §1: customer satisfaction raised to 30% for sales roles). AHP shares out the remaining weight among the other KPIs.`,
            `固定权重：${kpi.code}（${kpi.name['zh-CN']}）固定为 ${percent(kpi.pinned.weight)}%（KPIs!H${L.kpis.row(j)}；规则 §1：销售岗位客户满意度权重提升至 30%），其余权重由 AHP 在其他指标间分配。`,
          ),
        ]
      : [],
  );
  const flagLines: Text[] = role.kpis.flatMap((kpi, j) => {
    if (!kpi.flag) return [];
    const when = kpi.flag.when;
    const condition =
      when === 'off-target'
        ? t('more than the threshold share away from target (either side)', '偏离目标超过阈值比例（上下均计）')
        : t(`${when} the threshold`, when === 'above' ? '高于阈值' : '低于阈值');
    const row = L.kpis.row(j);
    return [
      t(
        `Flag ${kpi.code} (${kpi.name['en-US']}): a person is flagged when the actual is ${condition['en-US']} (KPIs!L${row}).`,
        `预警 ${kpi.code}（${kpi.name['zh-CN']}）：实际值${condition['zh-CN']}时标记（KPIs!L${row}）。`,
      ),
    ];
  });
  const milestoneLines: Text[] = L.milestone
    ? [
        t(
          'Month-1 milestone: KPIs with an annual target (KPIs!G) get target = annual × KPIs!B4 (default 20%, digest §1 "month 1 = 20% of annual target").',
          '首月里程碑：填写年度目标（KPIs!G 列）的指标，目标 = 年度目标 × KPIs!B4（默认 20%，规则 §1“首月完成年度目标的 20%”）。',
        ),
      ]
    : [];
  return {
    purpose: t(
      `a monthly KPI scorecard for the ${en} role — ${L.k} role-specific KPIs, AHP weights, a capped weighted score, a traffic-light status and an incentive payout per person.`,
      `${zh}岗位的月度 KPI 评分卡 —— ${L.k} 项岗位专属指标、AHP 权重、封顶加权得分、红黄绿状态灯及每人奖金。`,
    ),
    steps: [
      t(
        `Edit the yellow cells: KPI types, directions, targets and thresholds (KPIs!D${L.kpis.first}:L${L.kpis.last}), the cap and minimums (KPIs!B2:B4), the AHP judgements (upper triangle of AHP!${matrix}), names, actuals and target incentives (${teamInputs}), and the payout curve, gate, cap and status bands (Payout sheet).`,
        `编辑黄色单元格：指标类型、方向、目标与预警阈值（KPIs!D${L.kpis.first}:L${L.kpis.last}）、封顶与最低比例（KPIs!B2:B4）、AHP 判断（AHP!${matrix} 的上三角）、姓名、实际值与目标奖金（${teamInputs}），以及奖金曲线、门槛、封顶与状态分档（Payout 表）。`,
      ),
      t(
        `AHP weights: in each upper-triangle cell say how much more important the row KPI is than the column KPI on Saaty's scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/3 … 1/9 when less important). The lower triangle fills itself. =PERF.AHP gives the weights; =PERF.AHPCR the consistency ratio. When CR ≥ 0.1 the check cell (AHP!B${L.ahp.crCheck}) turns red: revise the judgements.`,
        `AHP 权重：在上三角单元格中按 Saaty 1–9 标度填写行指标相对列指标的重要程度（1 同等、3 稍重要、5 明显重要、7 强烈重要、9 极端重要；不如列指标重要时填 1/3 … 1/9），下三角自动取倒数。=PERF.AHP 计算权重，=PERF.AHPCR 计算一致性比率；CR ≥ 0.1 时检查单元格（AHP!B${L.ahp.crCheck}）变红，请调整判断。`,
      ),
      ...pinnedLines,
      t(
        `Quantitative KPIs must carry at least KPIs!B3 (60%, digest §1) of the weight; KPIs!B${L.kpis.quantShare} shows their share and KPIs!B${L.kpis.quantCheck} warns when it falls short.`,
        `定量指标权重合计须不低于 KPIs!B3（60%，规则 §1）；KPIs!B${L.kpis.quantShare} 显示其占比，不足时 KPIs!B${L.kpis.quantCheck} 给出警告。`,
      ),
      t(
        `Score (Team!${a1(L.team.scoreCol, L.team.first)}, =PERF.SCORECARD): Σ weight × attainment, where attainment = actual / target (direction 1, higher is better) or 2 − actual / target (direction −1, lower is better), floored at 0 and capped at KPIs!B2.`,
        `得分（Team!${a1(L.team.scoreCol, L.team.first)}，=PERF.SCORECARD）：Σ 权重 × 达成率；方向 1（越高越好）达成率 = 实际 / 目标，方向 −1（越低越好）= 2 − 实际 / 目标；下限 0，上限 KPIs!B2。`,
      ),
      t(
        `Status (=PERF.STATUS): green from 95%, amber from 85%, red below (Payout!D${L.payout.bandsFirst}:E${L.payout.bandsLast}). Payout (=PERF.PAYOUT): a score below the gate (Payout!B3) pays 0; otherwise target incentive × min(cap (Payout!B4), the payout factor interpolated on the curve Payout!A${L.payout.curveFirst}:B${L.payout.curveLast}).`,
        `状态（=PERF.STATUS）：≥ 95% 绿、≥ 85% 黄、其余红（Payout!D${L.payout.bandsFirst}:E${L.payout.bandsLast}）。奖金（=PERF.PAYOUT）：得分低于门槛（Payout!B3）不发放；否则 目标奖金 × min(封顶系数 Payout!B4, 按曲线 Payout!A${L.payout.curveFirst}:B${L.payout.curveLast} 线性插值的奖金系数)。`,
      ),
      ...flagLines,
      ...milestoneLines,
      t('Summary: one line per person, team totals, the AHP and weight checks, and charts of scores and payouts.', 'Summary：每人一行、团队合计、AHP 与权重检查，以及得分与奖金图表。'),
    ],
  };
}
