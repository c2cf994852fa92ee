/** Workbook names for the ranges a user or a formula refers to by meaning. */
import type ExcelJS from 'exceljs';

/** Adds each name → absolute reference ("Plan!$A$5:$B$10"), in the order given. */
export function defineNames(workbook: ExcelJS.Workbook, names: Record<string, string>): void {
  for (const [name, ref] of Object.entries(names)) workbook.definedNames.add(ref, name);
}
