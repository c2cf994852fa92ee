/** A role scorecard's instructions: what each sheet does, with the cells of this role's layout. */
import { columnLetters } from '../../../workbook/a1';
import { DIGEST_RULES, EXAMPLE_SOURCE, type Text, growingTables, t } from '../../kit';
import { targetsStep } from '../../kit/targets';
import type { RoleDefinition } from './definition';
import { KPI_COL, type RoleLayout, a1 } from './layout';

const percent = (share: number) => Math.round(share * 100);

/** What a role's scorecard is for, with its number of KPIs and the sheet its period is chosen on. */
export function rolePurpose(role: RoleDefinition, L: RoleLayout): Text {
  const [en, zh] = [role.role['en-US'], role.role['zh-CN']];
  return t(
    `a KPI scorecard for the ${en} role — ${L.k} role-specific KPIs, AHP weights, a capped weighted score, a traffic-light status and an incentive payout per person, for the period chosen on ${L.targets.sheet}.`,
    `${zh}岗位的 KPI 评分卡 —— ${L.k} 项岗位专属指标、AHP 权重、封顶加权得分、红黄绿状态及每人奖金，考核期间在 ${L.targets.sheet} 表中选择。`,
  );
}

/** The Instructions sheet's steps for a role, with the cells of its layout. */
export function roleSteps(role: RoleDefinition, L: RoleLayout): Text[] {
  const S = L.sheet;
  const matrix = L.ahp.matrix.replace(/\$/g, '');
  const kpiInputs = `${S.kpis}!${columnLetters(KPI_COL.type)}${L.kpis.first}:${columnLetters(KPI_COL.threshold)}${L.kpis.last}`;
  const pinnedLines: Text[] = role.kpis.flatMap((kpi, j) => {
    if (!kpi.pinned) return [];
    const at = `${S.kpis}!${a1(KPI_COL.pinned, L.kpis.row(j))}`;
    // The rule behind the pinned weight, if any, in its own words; else the weight is an example.
    const why = kpi.pinned.rule ? DIGEST_RULES[kpi.pinned.rule].text : EXAMPLE_SOURCE;
    return [
      t(
        `Pinned weight: ${kpi.code} (${kpi.name['en-US']}) is fixed at ${percent(kpi.pinned.weight)}% (${at}: ${why['en-US']}). AHP shares out the remaining weight among the other KPIs.`,
        `固定权重：${kpi.code}（${kpi.name['zh-CN']}）固定为 ${percent(kpi.pinned.weight)}%（${at}：${why['zh-CN']}），其余权重由 AHP 在其他指标间分配。`,
      ),
    ];
  });
  const flagLines: Text[] = role.kpis.flatMap((kpi, j) => {
    if (!kpi.flag) return [];
    const when = kpi.flag.when;
    const condition =
      when === 'off-target' ? t('more than the threshold share away from its target (either side)', '偏离目标超过阈值比例（上下均计）') : t(`${when} the threshold`, when === 'above' ? '高于阈值' : '低于阈值');
    const at = `${S.kpis}!${a1(KPI_COL.threshold, L.kpis.row(j))}`;
    return [t(`Flag ${kpi.code} (${kpi.name['en-US']}): a person is flagged when the actual is ${condition['en-US']} (${at}).`, `预警 ${kpi.code}（${kpi.name['zh-CN']}）：实际值${condition['zh-CN']}时标记（${at}）。`)];
  });
  const bonusLines: Text[] = role.bonus.map((bonus) =>
    t(
      `Bonus item ${bonus.code} (${bonus.name['en-US']}): each one adds the points on ${S.kpis} to the weighted score, up to the cap; the final score decides the status and the payout.`,
      `专项加分项 ${bonus.code}（${bonus.name['zh-CN']}）：每项按 ${S.kpis} 表中的分值加到加权得分上，不超过上限；最终得分决定状态与奖金。`,
    ),
  );
  const score = `${S.team}!${a1(L.team.scoreCol, L.team.first)}`;
  return [
    t(
      `Edit the yellow cells: KPI types, directions, targets and thresholds (${kpiInputs}), the cap and minimum (${S.kpis}!B2:B3), the AHP judgements (upper triangle of ${S.ahp}!${matrix}), the people table on ${S.team}, and the payout curve, gate, cap and status bands (${S.payout}).`,
      `编辑黄色单元格：指标类型、方向、目标与预警阈值（${kpiInputs}）、封顶与最低比例（${S.kpis}!B2:B3）、AHP 判断（${S.ahp}!${matrix} 的上三角）、${S.team} 表中的人员表格，以及奖金曲线、门槛、封顶与状态分档（${S.payout}）。`,
    ),
    targetsStep(L.targets),
    t(
      `AHP weights: in each upper-triangle cell say how much more important the row KPI is than the column KPI on Saaty's scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/3 … 1/9 when less important). The lower triangle fills itself. =PERF.AHP gives the weights, =PERF.AHPCR the consistency ratio; when CR ≥ 0.1 the check cell (${S.ahp}!B${L.ahp.crCheck}) turns red: revise the judgements.`,
      `AHP 权重：在上三角单元格中按 Saaty 1–9 标度填写行指标相对列指标的重要程度（1 同等、3 稍重要、5 明显重要、7 强烈重要、9 极端重要；不如列指标重要时填 1/3 … 1/9），下三角自动取倒数。=PERF.AHP 计算权重，=PERF.AHPCR 计算一致性比率；CR ≥ 0.1 时检查单元格（${S.ahp}!B${L.ahp.crCheck}）变红，请调整判断。`,
    ),
    ...pinnedLines,
    t(
      `Quantitative KPIs must carry at least ${S.kpis}!B3 (60%) of the weight; ${S.kpis}!B${L.kpis.quantShare} shows their share and ${S.kpis}!B${L.kpis.quantCheck} warns when it falls short.`,
      `定量指标权重合计须不低于 ${S.kpis}!B3（60%）；${S.kpis}!B${L.kpis.quantShare} 显示其占比，不足时 ${S.kpis}!B${L.kpis.quantCheck} 给出警告。`,
    ),
    t(
      `Score (${score}, =PERF.SCORECARD over the KPI columns of the people table): Σ weight × attainment, where attainment = actual / target (direction 1, higher is better) or 2 − actual / target (direction −1, lower is better), floored at 0 and capped at ${S.kpis}!B2.`,
      `得分（${score}，=PERF.SCORECARD，读取人员表格的指标列）：Σ 权重 × 达成率；方向 1（越高越好）达成率 = 实际 / 目标，方向 −1（越低越好）= 2 − 实际 / 目标；下限 0，上限 ${S.kpis}!B2。`,
    ),
    ...bonusLines,
    t(
      `Status (=PERF.STATUS): green from 95%, amber from 85%, red below (${S.payout}!D${L.payout.bandsFirst}:E${L.payout.bandsLast}). Payout (=PERF.PAYOUT): a score below the gate (${S.payout}!B3) pays 0; otherwise target incentive × min(the cap ${S.payout}!B4, the payout factor on the curve ${S.payout}!A${L.payout.curveFirst}:B${L.payout.curveLast}).`,
      `状态（=PERF.STATUS）：≥ 95% 绿、≥ 85% 黄、其余红（${S.payout}!D${L.payout.bandsFirst}:E${L.payout.bandsLast}）。奖金（=PERF.PAYOUT）：得分低于门槛（${S.payout}!B3）不发放；否则 目标奖金 × min(封顶系数 ${S.payout}!B4, 按曲线 ${S.payout}!A${L.payout.curveFirst}:B${L.payout.curveLast} 线性插值的奖金系数)。`,
    ),
    ...flagLines,
    t(`${S.summary}: the team's totals and checks, then one line per person, with charts of scores and payouts.`, `${S.summary}：团队合计与检查，其后每人一行，并附得分与奖金图表。`),
    growingTables([L.team.people.name]),
  ];
}
