/**
 * The KPIs sheet: the KPI table (type, direction, target, pinned weight, flag threshold) and the
 * checks (weights sum to 1, quantitative KPIs ≥ 60% of the weight).
 */
import type ExcelJS from 'exceljs';
import {
  LABEL, PERCENT, type ParameterBlock, type Text, columnWidths, decimalBetween, defineNames, formula, heading, headerRow, inputCell, label, nonNegative, oneOf, positive,
  sheetTitle, t, warnUnlessOk, writeParameters,
} from '../../kit';
import { QUANT_WARNING, type RoleDefinition } from './definition';
import { type RoleLayout, abs } from './layout';

const FLAG_CONDITION = { above: t('above', '高于'), below: t('below', '低于'), 'off-target': t('± off target', '偏离超过') } as const;
const share = decimalBetween(0, 1, '0–100%');

/** KPIs!B2:B4: the cap, the quantitative minimum and (with annual targets) the month-1 milestone. */
export function kpiSettings(role: RoleDefinition, L: RoleLayout): ParameterBlock {
  return {
    sheet: 'KPIs',
    firstRow: 2,
    rows: [
      { label: t('Attainment cap per KPI', '单项达成率封顶'), value: role.attainmentCap, format: PERCENT, validation: decimalBetween(1, 3, '100%–300%'), name: 'AttainmentCap' },
      {
        label: t('Minimum quantitative weight', '定量指标最低权重'),
        value: role.minQuantitative ?? 0.6,
        format: PERCENT,
        validation: share,
        name: 'MinQuantitativeShare',
        rule: 'weights.quantitative-min-60',
      },
      ...(L.milestone
        ? [
            {
              label: t('Month-1 milestone share of annual target', '首月里程碑占年度目标'),
              value: role.milestoneShare ?? 0.2,
              format: PERCENT,
              validation: share,
              name: 'MilestoneShare',
              rule: 'scoring.monthly-milestone-20' as const,
            },
          ]
        : []),
    ],
  };
}

export function writeKpis(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = workbook.addWorksheet('KPIs');
  columnWidths(sheet, [44, 10, 14, 15, 11, 16, 18, 14, 12, 12, 18, 14]);
  sheetTitle(sheet, t(`KPIs ${role.role['en-US']}`, `${role.role['zh-CN']} 考核指标`));
  writeParameters(workbook, kpiSettings(role, L));

  headerRow(sheet, 6, [
    t('KPI', '指标'), t('Code', '代码'), t('Unit', '单位'), t('Type', '类型'), LABEL.direction, LABEL.target, t('Annual target', '年度目标'),
    t('Pinned weight', '固定权重'), t('AHP weight', 'AHP权重'), LABEL.weight, t('Flag when', '预警条件'), t('Flag threshold', '预警阈值'),
  ]);
  const pinnedRange = `$H$${L.kpis.first}:$H$${L.kpis.last}`;
  role.kpis.forEach((kpi, j) => {
    const row = L.kpis.row(j);
    label(sheet.getCell(row, 1), kpi.name);
    sheet.getCell(row, 2).value = kpi.code;
    label(sheet.getCell(row, 3), kpi.unit);
    inputCell(sheet.getCell(row, 4), kpi.type, undefined, oneOf(['quantitative', 'qualitative'], t('quantitative or qualitative', '定量/定性')));
    inputCell(sheet.getCell(row, 5), kpi.direction, '0', oneOf([1, -1], '1 higher is better 越高越好 / -1 lower is better 越低越好'));
    if (typeof kpi.target === 'number') inputCell(sheet.getCell(row, 6), kpi.target, kpi.format, positive);
    else {
      // The milestone turns the annual target into this period's target.
      formula(sheet.getCell(row, 6), `G${row}*$B$4`, kpi.format);
      inputCell(sheet.getCell(row, 7), kpi.target.annual, kpi.format, positive);
    }
    if (kpi.pinned) {
      inputCell(sheet.getCell(row, 8), kpi.pinned.weight, PERCENT, share);
      sheet.getCell(row, 9).value = '—';
      formula(sheet.getCell(row, 10), `H${row}`, PERCENT);
    } else {
      sheet.getCell(row, 8).value = 'AHP';
      formula(sheet.getCell(row, 9), `AHP!${abs(L.ahp.weightCol, L.ahp.first + L.ahpKpis.indexOf(j))}`, PERCENT);
      // AHP shares out whatever the pinned weights leave (SUM skips the "AHP" labels).
      formula(sheet.getCell(row, 10), `(1-SUM(${pinnedRange}))*I${row}`, PERCENT);
    }
    if (kpi.flag) {
      label(sheet.getCell(row, 11), FLAG_CONDITION[kpi.flag.when]);
      inputCell(sheet.getCell(row, 12), kpi.flag.threshold, kpi.flag.when === 'off-target' ? PERCENT : kpi.format, nonNegative);
    }
  });

  const weights = `J${L.kpis.first}:J${L.kpis.last}`;
  const checks: [number, Text, string, string?][] = [
    [L.kpis.weightTotal, t('Weight total', '权重合计'), `SUM(${weights})`, PERCENT],
    [L.kpis.quantShare, t('Quantitative share', '定量指标权重占比'), `SUMIF(D${L.kpis.first}:D${L.kpis.last},"quantitative",${weights})`, PERCENT],
    [L.kpis.quantCheck, t('Quantitative check', '定量权重检查'), `IF(B${L.kpis.quantShare}>=$B$3,"OK","${QUANT_WARNING}")`],
  ];
  for (const [row, text, check, format] of checks) {
    heading(sheet.getCell(row, 1), text);
    formula(sheet.getCell(row, 2), check, format);
  }
  warnUnlessOk(sheet, `B${L.kpis.quantCheck}`);
  const pinnedTotal = role.kpis.reduce((sum, kpi) => sum + (kpi.pinned?.weight ?? 0), 0);
  if (pinnedTotal > 0) label(sheet.getCell(L.kpis.weightTotal, 3), t(`Pinned ${Math.round(pinnedTotal * 100)}% + AHP ${Math.round((1 - pinnedTotal) * 100)}%`, '固定+AHP'));

  const kpiRange = (col: string) => `KPIs!$${col}$${L.kpis.first}:$${col}$${L.kpis.last}`;
  defineNames(workbook, { KpiTargets: kpiRange('F'), KpiDirections: kpiRange('E'), KpiWeights: kpiRange('J') });
}
