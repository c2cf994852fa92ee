/**
 * Every cell a stored formula fills: its own cell, or each cell of the area it spills over, with
 * the value the file caches there (the formula's own cell caches its result; the other cells of a
 * spill hold theirs as stored values).
 */
import type { Area } from '../../workbook/a1';
import type { CellValue, FormulaCell, SheetModel } from '../../workbook/read';

/** The cells a formula fills: its spill area, or its own cell. */
export function formulaArea(f: FormulaCell): Area {
  return f.ref ?? { top: f.row, left: f.col, bottom: f.row, right: f.col };
}

export interface FilledCell {
  f: FormulaCell;
  r: number;
  c: number;
  cached: CellValue | undefined;
}

export function* formulaCells(sheet: SheetModel): Generator<FilledCell> {
  for (const f of sheet.formulas) {
    const area = formulaArea(f);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) yield { f, r, c, cached: r === f.row && c === f.col ? f.cached : sheet.rows[r]?.[c] };
    }
  }
}
