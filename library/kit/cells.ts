/** Writing cells the way every template does: titles, header rows, inputs, formulas, widths. */
import type ExcelJS from 'exceljs';
import { languageOf, sayIn } from './language';
import { TITLE_FONT, header, input } from './style';
import type { Label } from './text';
import { type Validation, inExcel } from './validation';

/** A formula cell; buildTemplate() computes and caches its value. */
export function formula(cell: ExcelJS.Cell, text: string, numFmt?: string): void {
  cell.value = { formula: text } as ExcelJS.CellValue;
  if (numFmt) cell.numFmt = numFmt;
}

/** Puts `validation` on a cell, its words in the workbook's language. */
export function validate(cell: ExcelJS.Cell, validation: Validation): void {
  cell.dataValidation = inExcel(validation, languageOf(cell.worksheet.workbook));
}

/** A yellow input cell holding `value`, with its number format and validation. */
export function inputCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue, numFmt?: string, validation?: Validation): void {
  cell.value = value;
  input(cell, numFmt);
  if (validation) validate(cell, validation);
}

/** A cell showing a label in the workbook's language. */
export function label(cell: ExcelJS.Cell, text: Label): void {
  cell.value = sayIn(cell.worksheet.workbook, text);
}

/** A bold label: a heading inside a sheet, a total. */
export function heading(cell: ExcelJS.Cell, text: Label): void {
  label(cell, text);
  cell.font = { bold: true };
}

/** The bold title of a sheet (A1 unless told otherwise). */
export function sheetTitle(sheet: ExcelJS.Worksheet, text: Label, address = 'A1'): void {
  label(sheet.getCell(address), text);
  sheet.getCell(address).font = TITLE_FONT;
}

/** Column widths from column A on. */
export function columnWidths(sheet: ExcelJS.Worksheet, widths: number[]): void {
  sheet.columns = widths.map((width) => ({ width }));
}

/** A sheet as a template starts one: added under `name`, its column widths set, its title in A1. */
export function titledSheet(workbook: ExcelJS.Workbook, name: string, widths: number[], title: Label): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  columnWidths(sheet, widths);
  sheetTitle(sheet, title);
  return sheet;
}

/**
 * A header row: white bold labels on green from column `from` (default A); an undefined label
 * leaves its column empty; `wrap` wraps long labels, top- or middle-aligned.
 */
export function headerRow(sheet: ExcelJS.Worksheet, row: number, labels: (Label | undefined)[], options: { from?: number; wrap?: 'top' | 'middle' } = {}): void {
  const from = options.from ?? 1;
  labels.forEach((text, i) => text !== undefined && label(sheet.getCell(row, from + i), text));
  header(sheet.getRow(row));
  if (options.wrap) sheet.getRow(row).alignment = { wrapText: true, vertical: options.wrap };
}

/** How one column of an input block is written: where, its number format, its validation. */
export interface InputColumn {
  col: number;
  format?: string;
  /** One validation for the column, or one per row (a rule that names its own cell). */
  validation?: Validation | ((row: number) => Validation);
}

/** Rows of yellow inputs from `firstRow` down: row i's values go, in order, to `columns`; null leaves a styled, empty input. */
export function inputBlock(sheet: ExcelJS.Worksheet, firstRow: number, rows: ExcelJS.CellValue[][], columns: InputColumn[]): void {
  rows.forEach((values, i) => {
    const row = firstRow + i;
    values.forEach((value, j) => {
      const { col, format, validation } = columns[j];
      inputCell(sheet.getCell(row, col), value, format, typeof validation === 'function' ? validation(row) : validation);
    });
  });
}
