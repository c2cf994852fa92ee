/**
 * The Instructions sheet every template opens with: the title, what the template is for, the
 * steps — one paragraph a row — and, last, what a user sees without the add-in. A workbook in
 * one language has them in column A; a bilingual one English in A and Chinese in B.
 */
import type ExcelJS from 'exceljs';
import { languageOf } from './language';
import { GREEN } from './style';
import { type Label, type Text, say, t } from './text';

export interface Instructions {
  /** What the template is for, as the end of "What it is for: …". */
  purpose: Text;
  steps: Text[];
}

export const WITHOUT_ADDIN = t(
  'Without the PerfPlan add-in, Excel shows the values computed when the template was built.',
  '未安装 PerfPlan 加载项时，Excel 显示模板生成时计算的结果。',
);

/** The Instructions sheet's name. */
export const INSTRUCTIONS = t('Instructions', '说明');

/** What every template with tables tells its user about adding rows. */
export function growingTables(tables: string[]): Text {
  const list = tables.join(', ');
  return t(
    `Rows repeat in Excel tables (${list}): to add a person, channel or deal, type a new row at the end of its table (Tab in the last cell). Every result beside the table, every total and every summary follows; no formula needs editing.`,
    `重复的行都放在 Excel 表格中（${tables.join('、')}）：新增人员、渠道或订单时，在表格末尾输入一行即可（在最后一个单元格按 Tab）。表格旁的结果、合计与汇总自动更新，无需修改任何公式。`,
  );
}

/** The paragraphs in order: purpose, steps, the note on working without the add-in. */
export function instructionLines({ purpose, steps }: Instructions): Text[] {
  return [t(`What it is for: ${purpose['en-US']}`, `用途：${purpose['zh-CN']}`), ...steps, WITHOUT_ADDIN];
}

export function writeInstructions(workbook: ExcelJS.Workbook, title: Text, instructions: Instructions, otherLanguage?: Label): void {
  const language = languageOf(workbook);
  const sheet = workbook.addWorksheet(say(INSTRUCTIONS, language === 'bilingual' ? 'en-US' : language));
  const lines = instructionLines(instructions);
  if (otherLanguage !== undefined) lines.splice(lines.length - 1, 0, typeof otherLanguage === 'string' ? t(otherLanguage, otherLanguage) : otherLanguage);
  if (language === 'bilingual') {
    sheet.getColumn(1).width = 70;
    sheet.getColumn(2).width = 60;
    sheet.getCell('A1').value = title['en-US'];
    sheet.getCell('B1').value = title['zh-CN'];
  } else {
    sheet.getColumn(1).width = 110;
    sheet.getCell('A1').value = title[language];
  }
  sheet.getRow(1).font = { bold: true, size: 14, color: { argb: GREEN } };
  lines.forEach((line, i) => {
    if (language === 'bilingual') {
      sheet.getCell(i + 3, 1).value = line['en-US'];
      sheet.getCell(i + 3, 2).value = line['zh-CN'];
    } else sheet.getCell(i + 3, 1).value = line[language];
    sheet.getRow(i + 3).alignment = { wrapText: true, vertical: 'top' };
  });
}
