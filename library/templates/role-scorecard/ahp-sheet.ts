/**
 * The AHP sheet: a pairwise matrix on Saaty's scale → =PERF.AHP weights, =PERF.AHPCR and a
 * visible consistency warning. Only the upper triangle is input; the lower triangle mirrors it.
 */
import type ExcelJS from 'exceljs';
import { EXAMPLE_SOURCE, LABEL, PERCENT, decimalBetween, defineNames, formula, headerRow, inputCell, label, t, titledSheet, warnUnlessOk } from '../../kit';
import { CR_WARNING, type RoleDefinition } from './definition';
import { type RoleLayout, a1, abs } from './layout';

/** Shows Saaty fractions as 1/3, 1/5 … */
const SAATY = '# ?/?';

export function writeAhp(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = titledSheet(workbook, L.sheet.ahp, [34, ...new Array<number>(L.ahp.weightCol - 1).fill(11)], t('AHP pairwise comparison', '层次分析法两两比较'));
  label(
    sheet.getCell('A2'),
    t(
      "Saaty's scale, row against column: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/3…1/9 less important.",
      '行指标相对列指标：1 同等、3 稍重要、5 明显、7 强烈、9 极端；1/3…1/9 表示较不重要。',
    ),
  );
  label(sheet.getCell('A3'), t(`Judgements: ${EXAMPLE_SOURCE['en-US']}`, `判断：${EXAMPLE_SOURCE['zh-CN']}`));
  headerRow(sheet, 4, [t('KPI', '指标'), ...L.ahpKpis.map((j) => role.kpis[j].code), undefined, LABEL.weight]);
  L.ahpKpis.forEach((j, r) => {
    const row = L.ahp.first + r;
    label(sheet.getCell(row, 1), t(`${role.kpis[j].code} ${role.kpis[j].name['en-US']}`, `${role.kpis[j].code} ${role.kpis[j].name['zh-CN']}`));
    for (let c = 0; c < L.n; c++) {
      const cell = sheet.getCell(row, 2 + c);
      cell.numFmt = SAATY;
      if (c === r) cell.value = 1;
      else if (c > r) inputCell(cell, role.judgements[r][c - r - 1], SAATY, decimalBetween(0.11, 9, t("Saaty's scale 1/9–9", 'Saaty 标度 1/9–9')));
      else formula(cell, `1/${a1(2 + r, L.ahp.first + c)}`, SAATY); // lower triangle: reciprocal of the mirror
    }
  });
  formula(sheet.getCell(L.ahp.first, L.ahp.weightCol), `PERF.AHP(${L.ahp.matrix})`);
  for (let r = L.ahp.first; r <= L.ahp.last; r++) sheet.getCell(r, L.ahp.weightCol).numFmt = PERCENT;
  label(sheet.getCell(L.ahp.cr, 1), t('Consistency ratio CR', '一致性比率 CR'));
  formula(sheet.getCell(L.ahp.cr, 2), `PERF.AHPCR(${L.ahp.matrix})`, '0.000');
  label(sheet.getCell(L.ahp.crCheck, 1), t('Consistency check', '一致性检查'));
  formula(sheet.getCell(L.ahp.crCheck, 2), `IF(B${L.ahp.cr}>=0.1,"${L.say(CR_WARNING)}","OK")`);
  sheet.getCell(L.ahp.crCheck, 2).font = { bold: true };
  warnUnlessOk(sheet, `B${L.ahp.crCheck}`);
  const pinned = role.kpis.filter((kpi) => kpi.pinned);
  if (pinned.length) {
    const list = pinned.map((kpi) => `${kpi.code} ${Math.round(kpi.pinned!.weight * 100)}%`).join(', ');
    label(sheet.getCell(L.ahp.crCheck + 2, 1), t(`Outside AHP (pinned weights): ${list}`, `不参与AHP的固定权重指标：${list}`));
  }
  defineNames(workbook, {
    AhpMatrix: `${L.sheet.ahp}!${L.ahp.matrix}`,
    AhpWeights: `${L.sheet.ahp}!${abs(L.ahp.weightCol, L.ahp.first)}:${abs(L.ahp.weightCol, L.ahp.last)}`,
    AhpCR: `${L.sheet.ahp}!$B$${L.ahp.cr}`,
  });
}
