/** The Payout sheet: gate, cap, the payout curve and the status bands (PERF.STATUS's defaults written out). */
import type ExcelJS from 'exceljs';
import { EXAMPLE_SOURCE, LABEL, PERCENT, decimalBetween, defineNames, headerRow, inputBlock, label, t, titledSheet, trafficLights, writeParameters } from '../../kit';
import { FMT, type RoleDefinition, STATUS_BANDS } from './definition';
import type { RoleLayout } from './layout';

export function writePayout(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = titledSheet(workbook, L.sheet.payout, [40, 18, 4, 16, 14, 40], t('Payout plan', '奖金方案'));
  writeParameters(workbook, {
    sheet: L.sheet.payout,
    firstRow: 3,
    columns: { label: 1, value: 2, note: 6, source: 4 },
    rows: [
      { label: t('Gate: a score below it pays nothing', '门槛（得分低于此值不发放）'), value: role.payout.gate, format: PERCENT, validation: decimalBetween(0, 2, '0–200%'), name: 'PayoutGate' },
      { label: t('Payout cap (× target incentive)', '奖金系数封顶'), value: role.payout.cap, format: FMT.two, validation: decimalBetween(0, 5, '0–5'), name: 'PayoutCap' },
    ],
  });
  label(sheet.getCell(6, 1), t(`Curve and bands: ${EXAMPLE_SOURCE['en-US']}`, `曲线与分档：${EXAMPLE_SOURCE['zh-CN']}`));
  headerRow(sheet, 7, [LABEL.score, t('Payout factor', '奖金系数'), '', t('From', '起点'), LABEL.status]);
  const ascending = decimalBetween(0, 3, t('0–300%, ascending', '0–300%，递增'));
  inputBlock(sheet, L.payout.curveFirst, role.payout.curve, [{ col: 1, format: PERCENT, validation: ascending }, { col: 2, format: FMT.two, validation: decimalBetween(0, 5, '0–5') }]);
  inputBlock(sheet, L.payout.bandsFirst, STATUS_BANDS.map(([from, text]) => [from, L.say(text)]), [{ col: 4, format: PERCENT, validation: ascending }, { col: 5 }]);
  trafficLights(sheet, `E${L.payout.bandsFirst}:E${L.payout.bandsLast}`);
  defineNames(workbook, {
    PayoutCurve: `${L.sheet.payout}!$A$${L.payout.curveFirst}:$B$${L.payout.curveLast}`,
    StatusBands: `${L.sheet.payout}!$D$${L.payout.bandsFirst}:$E$${L.payout.bandsLast}`,
  });
}
