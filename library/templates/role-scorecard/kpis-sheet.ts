/**
 * The KPIs sheet: the KPI table (type, direction, target and how it splits over the year,
 * pinned weight, flag threshold, where each number comes from), the bonus items, and the checks
 * (weights sum to 1, quantitative KPIs ≥ 60% of the weight).
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../../workbook/a1';
import {
  EXAMPLE_SOURCE, LABEL, PERCENT, type ParameterBlock, type Text, decimalBetween, defineNames, formula, heading, headerRow, inputCell, label, nonNegative, oneOf, positive,
  ruleSource, t, titledSheet, warnUnlessOk, writeParameters,
} from '../../kit';
import { periodTarget } from '../../kit/targets';
import { QUALITATIVE, QUANTITATIVE, QUANT_WARNING, type RoleDefinition, TARGET_KIND, targetKind } from './definition';
import { KPI_COL, type RoleLayout, abs } from './layout';

const FLAG_CONDITION = { above: t('above', '高于'), below: t('below', '低于'), 'off-target': t('± off target', '偏离超过') } as const;
const share = decimalBetween(0, 1, '0–100%');

/** KPIs!B2:B3: the cap and the quantitative minimum. */
export function kpiSettings(role: RoleDefinition, L: RoleLayout): ParameterBlock {
  return {
    sheet: L.sheet.kpis,
    firstRow: 2,
    columns: { label: 1, value: 2, note: 5, source: 3 },
    rows: [
      { label: t('Attainment cap per KPI', '单项达成率封顶'), value: role.attainmentCap, format: PERCENT, validation: decimalBetween(1, 3, '100%–300%'), name: 'AttainmentCap' },
      { label: t('Minimum quantitative weight', '定量指标最低权重'), value: role.minQuantitative ?? 0.6, format: PERCENT, validation: share, name: 'MinQuantitativeShare', rule: 'weights.quantitative-min-60' },
    ],
  };
}

/** Where a KPI's numbers come from: the rules it carries, or examples. */
function kpiSource(role: RoleDefinition, j: number): Text {
  const kpi = role.kpis[j];
  const rules = [kpi.targetRule, kpi.pinned?.rule, kpi.flag?.rule].filter((r): r is NonNullable<typeof r> => r !== undefined);
  if (rules.length === 0) return EXAMPLE_SOURCE;
  const source = ruleSource(rules[0]);
  return t(`${source['en-US']}; the rest: ${EXAMPLE_SOURCE['en-US']}`, `${source['zh-CN']}；其余：${EXAMPLE_SOURCE['zh-CN']}`);
}

export function writeKpis(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = titledSheet(workbook, L.sheet.kpis, [40, 10, 12, 13, 10, 22, 15, 15, 11, 11, 11, 14, 12, 60], t(`KPIs: ${role.role['en-US']}`, `${role.role['zh-CN']}考核指标`));
  writeParameters(workbook, kpiSettings(role, L));

  headerRow(sheet, 6, [
    t('KPI', '指标'), t('Code', '代码'), t('Unit', '单位'), t('Type', '类型'), LABEL.direction, t('Target kind', '目标类型'), t('Annual or monthly target', '年度或每月目标'),
    t('Target for the period', '本期目标'), t('Pinned weight', '固定权重'), t('AHP weight', 'AHP权重'), LABEL.weight, t('Flag when', '预警条件'), t('Flag threshold', '预警阈值'), t('Source', '来源'),
  ]);
  const pinnedRange = `$${columnLetters(KPI_COL.pinned)}$${L.kpis.first}:$${columnLetters(KPI_COL.pinned)}$${L.kpis.last}`;
  const c = (col: number, row: number) => `${columnLetters(col)}${row}`;
  role.kpis.forEach((kpi, j) => {
    const row = L.kpis.row(j);
    label(sheet.getCell(row, KPI_COL.name), kpi.name);
    sheet.getCell(row, KPI_COL.code).value = kpi.code;
    label(sheet.getCell(row, KPI_COL.unit), kpi.unit);
    inputCell(sheet.getCell(row, KPI_COL.type), L.say(kpi.type === 'quantitative' ? QUANTITATIVE : QUALITATIVE), undefined, oneOf([QUANTITATIVE, QUALITATIVE], t('quantitative or qualitative', '定量或定性')));
    inputCell(sheet.getCell(row, KPI_COL.direction), kpi.direction, '0', oneOf([1, -1], t('1 higher is better, -1 lower is better', '1 越高越好，-1 越低越好')));
    const kind = targetKind(kpi.target);
    label(sheet.getCell(row, KPI_COL.kind), TARGET_KIND[kind]);
    const target = sheet.getCell(row, KPI_COL.target);
    if (typeof kpi.target === 'number') inputCell(target, kpi.target, kpi.format, positive);
    else {
      inputCell(sheet.getCell(row, KPI_COL.base), 'annual' in kpi.target ? kpi.target.annual : kpi.target.perMonth, kpi.format, positive);
      const base = c(KPI_COL.base, row);
      // An annual target: the months of the period, split by PERF.QUOTASPLIT; per month: times the months in the period.
      formula(target, kind === 'annual' ? periodTarget(base) : `${base}*SUM(PeriodMask)`, kpi.format);
    }
    if (kpi.pinned) {
      inputCell(sheet.getCell(row, KPI_COL.pinned), kpi.pinned.weight, PERCENT, share);
      sheet.getCell(row, KPI_COL.ahp).value = '—';
      formula(sheet.getCell(row, KPI_COL.weight), c(KPI_COL.pinned, row), PERCENT);
    } else {
      sheet.getCell(row, KPI_COL.pinned).value = 'AHP';
      formula(sheet.getCell(row, KPI_COL.ahp), `${L.sheet.ahp}!${abs(L.ahp.weightCol, L.ahp.first + L.ahpKpis.indexOf(j))}`, PERCENT);
      // AHP shares out whatever the pinned weights leave (SUM skips the "AHP" labels).
      formula(sheet.getCell(row, KPI_COL.weight), `(1-SUM(${pinnedRange}))*${c(KPI_COL.ahp, row)}`, PERCENT);
    }
    if (kpi.flag) {
      label(sheet.getCell(row, KPI_COL.flagWhen), FLAG_CONDITION[kpi.flag.when]);
      inputCell(sheet.getCell(row, KPI_COL.threshold), kpi.flag.threshold, kpi.flag.when === 'off-target' ? PERCENT : kpi.format, nonNegative);
    }
    label(sheet.getCell(row, KPI_COL.source), kpiSource(role, j));
  });

  const weights = `${c(KPI_COL.weight, L.kpis.first)}:${c(KPI_COL.weight, L.kpis.last)}`;
  const types = `${c(KPI_COL.type, L.kpis.first)}:${c(KPI_COL.type, L.kpis.last)}`;
  const checks: [number, Text, string, string?][] = [
    [L.kpis.weightTotal, t('Weight total', '权重合计'), `SUM(${weights})`, PERCENT],
    [L.kpis.quantShare, t('Quantitative share', '定量指标权重占比'), `SUMIF(${types},"${L.say(QUANTITATIVE)}",${weights})`, PERCENT],
    [L.kpis.quantCheck, t('Quantitative check', '定量权重检查'), `IF(B${L.kpis.quantShare}>=MinQuantitativeShare,"OK","${L.say(QUANT_WARNING)}")`],
  ];
  for (const [row, text, check, format] of checks) {
    heading(sheet.getCell(row, 1), text);
    formula(sheet.getCell(row, 2), check, format);
  }
  warnUnlessOk(sheet, `B${L.kpis.quantCheck}`);

  if (role.bonus.length) {
    headerRow(sheet, L.kpis.bonusFirst - 1, [t('Bonus item', '专项加分项'), t('Code', '代码'), t('Unit', '单位'), t('Points per unit', '每单位加分'), t('Cap', '加分上限'), t('Source', '来源')]);
    role.bonus.forEach((bonus, i) => {
      const row = L.kpis.bonusFirst + i;
      label(sheet.getCell(row, 1), bonus.name);
      sheet.getCell(row, 2).value = bonus.code;
      label(sheet.getCell(row, 3), bonus.unit);
      inputCell(sheet.getCell(row, 4), bonus.points, PERCENT, share);
      inputCell(sheet.getCell(row, 5), bonus.cap, PERCENT, share);
      label(sheet.getCell(row, 6), bonus.rule ? t(`${ruleSource(bonus.rule)['en-US']}; points and cap: ${EXAMPLE_SOURCE['en-US']}`, `${ruleSource(bonus.rule)['zh-CN']}；加分与上限：${EXAMPLE_SOURCE['zh-CN']}`) : EXAMPLE_SOURCE);
    });
  }

  const kpiRange = (col: number) => `${L.sheet.kpis}!${abs(col, L.kpis.first)}:${abs(col, L.kpis.last)}`;
  defineNames(workbook, { KpiTargets: kpiRange(KPI_COL.target), KpiDirections: kpiRange(KPI_COL.direction), KpiWeights: kpiRange(KPI_COL.weight) });
}
