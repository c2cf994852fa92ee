/** The Payout sheet: the payout curve, its gate and cap, and the status bands. */
import type ExcelJS from 'exceljs';
import { LABEL, PERCENT, columnWidths, decimalBetween, defineNames, headerRow, inputBlock, sheetTitle, t, trafficLights, writeParameters } from '../../kit';
import { FMT, type RoleDefinition, STATUS_BANDS } from './definition';
import type { RoleLayout } from './layout';

export function writePayout(workbook: ExcelJS.Workbook, role: RoleDefinition, L: RoleLayout): void {
  const sheet = workbook.addWorksheet('Payout');
  columnWidths(sheet, [40, 18, 4, 16, 14]);
  sheetTitle(sheet, t('Payout plan', '奖金方案'));
  writeParameters(workbook, {
    sheet: 'Payout',
    firstRow: 3,
    rows: [
      { label: t('Gate: score below → no payout', '门槛（得分低于此值不发放）'), value: role.payout.gate, format: PERCENT, validation: decimalBetween(0, 2, '0–200%') },
      { label: t('Payout cap (× target incentive)', '奖金系数封顶'), value: role.payout.cap, format: FMT.two, validation: decimalBetween(0, 5, '0–5') },
    ],
  });
  headerRow(sheet, 6, [LABEL.score, t('Payout factor', '奖金系数'), '', t('Lower bound', '下限'), LABEL.status]);
  const ascending = decimalBetween(0, 3, '0–300%, ascending 递增');
  inputBlock(sheet, L.payout.curveFirst, role.payout.curve, [{ col: 1, format: PERCENT, validation: ascending }, { col: 2, format: FMT.two, validation: decimalBetween(0, 5, '0–5') }]);
  inputBlock(sheet, L.payout.bandsFirst, STATUS_BANDS, [{ col: 4, format: PERCENT, validation: ascending }, { col: 5 }]);
  trafficLights(sheet, `E${L.payout.bandsFirst}:E${L.payout.bandsLast}`);
  defineNames(workbook, {
    PayoutCurve: `Payout!$A$${L.payout.curveFirst}:$B$${L.payout.curveLast}`,
    PayoutGate: 'Payout!$B$3',
    PayoutCap: 'Payout!$B$4',
    StatusBands: `Payout!$D$${L.payout.bandsFirst}:$E$${L.payout.bandsLast}`,
  });
}
