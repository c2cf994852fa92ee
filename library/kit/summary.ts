/**
 * Summary lines: a label in column A, its formula in column B (with its number format) and,
 * where a rule compares against something, the reference in C and the verdict in D.
 */
import type ExcelJS from 'exceljs';
import { formula, label, titledSheet } from './cells';
import type { Label } from './text';

export interface SummaryLine {
  label: Label;
  formula: string;
  format?: string;
  /** What the value is compared with: a formula, or a number written as it is. */
  reference?: string | number;
  /** A formula that says whether the value passes. */
  check?: string;
}

/** Writes `lines` from `firstRow` down; returns the row after the last. */
export function summaryLines(sheet: ExcelJS.Worksheet, firstRow: number, lines: SummaryLine[]): number {
  lines.forEach((line, i) => {
    const row = firstRow + i;
    label(sheet.getCell(row, 1), line.label);
    formula(sheet.getCell(row, 2), line.formula, line.format);
    if (line.reference !== undefined) {
      const reference = sheet.getCell(row, 3);
      if (typeof line.reference === 'number') reference.value = line.reference;
      else formula(reference, line.reference);
      // The reference carries whatever the rule compares against: a ratio, a count, money.
      if (line.format) reference.numFmt = line.format;
    }
    if (line.check !== undefined) formula(sheet.getCell(row, 4), line.check);
  });
  return firstRow + lines.length;
}

/** The Summary sheet a template ends with: as titledSheet starts a sheet, then the lines from row 3. */
export function summarySheet(workbook: ExcelJS.Workbook, name: string, widths: number[], title: Label, lines: SummaryLine[]): ExcelJS.Worksheet {
  const sheet = titledSheet(workbook, name, widths, title);
  summaryLines(sheet, 3, lines);
  return sheet;
}
