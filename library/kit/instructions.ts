/**
 * The Instructions sheet every template opens with: the title, what the template is for, the
 * steps — English in column A, Chinese in column B, one paragraph a row — and, last, what a
 * user sees without the add-in.
 */
import type ExcelJS from 'exceljs';
import { GREEN } from './style';
import { Text, t } from './text';

export interface Instructions {
  /** What the template is for, as the end of "What it is for: …". */
  purpose: Text;
  steps: Text[];
}

export const WITHOUT_ADDIN = t(
  'Without the PerfPlan add-in, Excel shows the values computed when the template was built.',
  '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。',
);

/** The paragraphs in order: purpose, steps, the note on working without the add-in. */
export function instructionLines({ purpose, steps }: Instructions): Text[] {
  return [t(`What it is for: ${purpose['en-US']}`, `用途：${purpose['zh-CN']}`), ...steps, WITHOUT_ADDIN];
}

export function writeInstructions(workbook: ExcelJS.Workbook, title: Text, instructions: Instructions): void {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.getColumn(1).width = 70;
  sheet.getColumn(2).width = 60;
  sheet.getCell('A1').value = title['en-US'];
  sheet.getCell('B1').value = title['zh-CN'];
  sheet.getRow(1).font = { bold: true, size: 14, color: { argb: GREEN } };
  instructionLines(instructions).forEach((line, i) => {
    sheet.getCell(i + 3, 1).value = line['en-US'];
    sheet.getCell(i + 3, 2).value = line['zh-CN'];
    sheet.getRow(i + 3).alignment = { wrapText: true, vertical: 'top' };
  });
}
