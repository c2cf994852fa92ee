/**
 * Conditional formats that colour results: traffic lights on status cells, red on failed
 * checks and raised alerts. They are expression rules on the top-left cell: exceljs drops
 * containsText's attributes when it re-reads a file, an expression survives the build.
 */
import type ExcelJS from 'exceljs';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', bgColor: { argb } });
export const GREEN_FILL = fill('FFC6EFCE');
export const AMBER_FILL = fill('FFFFEB9C');
export const RED_FILL = fill('FFFFC7CE');
const ALERT_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };

/** Green / amber / red fills on status cells (the English labels or the 绿/黄/红 a user may type into the bands). */
export function trafficLights(sheet: ExcelJS.Worksheet, ref: string): void {
  const topLeft = ref.split(':')[0];
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

/** Red wherever a check cell says anything but "OK". */
export function warnUnlessOk(sheet: ExcelJS.Worksheet, ref: string, priority = 4): void {
  const topLeft = ref.split(':')[0];
  sheet.addConditionalFormatting({
    ref,
    rules: [{ type: 'expression', priority, formulae: [`AND(${topLeft}<>"",${topLeft}<>"OK")`], style: { fill: RED_FILL, font: ALERT_FONT } }],
  });
}

/** Red on every cell whose text contains `text` (an alert label). */
export function highlightText(sheet: ExcelJS.Worksheet, ref: string, text: string, priority = 1): void {
  const topLeft = ref.split(':')[0];
  sheet.addConditionalFormatting({
    ref,
    rules: [{ type: 'expression', formulae: [`ISNUMBER(SEARCH("${text}",${topLeft}))`], priority, style: { fill: RED_FILL, font: ALERT_FONT } }],
  });
}

/** Red on every cell where `condition` (written for the top-left cell) holds. */
export function highlightWhen(sheet: ExcelJS.Worksheet, ref: string, condition: string, priority: number): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [{ type: 'expression', priority, formulae: [condition], style: { fill: RED_FILL, font: ALERT_FONT } }],
  });
}

/** Red on every number below `threshold` (a reference, e.g. "$B$2"). */
export function highlightBelow(sheet: ExcelJS.Worksheet, ref: string, threshold: string): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [threshold], priority: 1, style: { fill: RED_FILL } }],
  });
}
