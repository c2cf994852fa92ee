/**
 * `perfplan calc`: recalculates a workbook headlessly with HyperFormula and the PERF.*
 * plugin, and reports every non-empty cell (JSON) or writes the workbook back with
 * formulas kept and computed values cached (.xlsx).
 */
import ExcelJS from 'exceljs';
import { CellValue, DetailedCellError, HyperFormula } from 'hyperformula';
import { BenchmarkBatch } from './benchmarks';
import { createPerfPlugin, setBenchmarkResolver } from './hyperformula-plugin';
import { SheetContent, parseAddress, readWorkbook, sheetContent, toAddress } from './workbook';

export type JsonCell = number | string | boolean | { error: string; message: string };
export type CalcJson = Record<string, JsonCell>;

let registered = false;

/** Registers the PERF plugin once per process. */
export function ensurePerfPluginRegistered(): void {
  if (registered) return;
  const { plugin, translations } = createPerfPlugin();
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = true;
}

export const HYPERFORMULA_CONFIG = {
  licenseKey: 'gpl-v3',
  // Excel's grid, not HyperFormula's 40,000-row default.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // Excel does not round results; neither may we, or Excel and the CLI disagree.
  smartRounding: false,
  // Array results must flow into other functions (=AVERAGE(PERF.SIM(...))).
  useArrayArithmetic: true,
};

export interface Calculated {
  hf: HyperFormula;
  sheets: SheetContent[];
  workbook: ExcelJS.Workbook;
}

/** Builds and calculates a HyperFormula instance from an exceljs workbook. */
export function calculateWorkbook(workbook: ExcelJS.Workbook): Calculated {
  ensurePerfPluginRegistered();
  const sheets = workbook.worksheets.map(sheetContent);
  const hf = HyperFormula.buildEmpty(HYPERFORMULA_CONFIG);
  hf.batch(() => {
    for (const sheet of sheets) hf.addSheet(sheet.name);
    // Excel stores boolean literals as bare TRUE/FALSE; HyperFormula only knows TRUE()/FALSE().
    hf.addNamedExpression('TRUE', '=TRUE()');
    hf.addNamedExpression('FALSE', '=FALSE()');
    addDefinedNames(hf, workbook);
    for (const sheet of sheets) {
      const id = hf.getSheetId(sheet.name)!;
      if (sheet.cells.length > 0) hf.setSheetContent(id, sheet.cells);
    }
  });
  return { hf, sheets, workbook };
}

/** Workbook-level defined names (named ranges) become HyperFormula named expressions. */
function addDefinedNames(hf: HyperFormula, workbook: ExcelJS.Workbook): void {
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const { name, ranges } of model) {
    if (ranges.length !== 1 || name.startsWith('_xlnm.')) continue;
    try {
      hf.addNamedExpression(name, `=${ranges[0]}`);
    } catch {
      // A name HyperFormula cannot represent is skipped; formulas using it show #NAME?.
    }
  }
}

function jsonCell(value: CellValue): JsonCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message ?? '' };
  return value as number | string | boolean;
}

/** Every non-empty cell after calculation (spilled cells included), keyed "Sheet!A1". */
export function toJson(calculated: Calculated): CalcJson {
  const out: CalcJson = {};
  for (const sheet of calculated.sheets) {
    const id = calculated.hf.getSheetId(sheet.name)!;
    const values = calculated.hf.getSheetValues(id);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = jsonCell(value);
        if (cell !== undefined) out[`${sheet.name}!${toAddress(r + 1, c + 1)}`] = cell;
      }),
    );
  }
  return out;
}

export interface CalcOptions {
  /** The PerfPlan API for PERF.BENCHMARK (default: PERFPLAN_API_URL). */
  apiUrl?: string;
}

export async function calcFile(file: string, options: CalcOptions = {}): Promise<Calculated> {
  const workbook = await readWorkbook(file);
  const batch = new BenchmarkBatch(options.apiUrl ?? (process.env.PERFPLAN_API_URL || undefined));
  setBenchmarkResolver(batch.resolver);
  try {
    const calculated = calculateWorkbook(workbook);
    if (batch.hasPending) {
      await batch.fetchPending();
      calculated.hf.rebuildAndRecalculate();
    }
    return calculated;
  } finally {
    setBenchmarkResolver(null);
  }
}

function cachedResult(value: CellValue): ExcelJS.CellValue {
  if (value instanceof DetailedCellError) return { error: value.value } as ExcelJS.CellErrorValue;
  return (value ?? null) as ExcelJS.CellValue;
}

/** Bounds of the spilled array whose top-left formula is at (row, col), 1-based. */
function spillExtent(calculated: Calculated, sheet: SheetContent, sheetId: number, row: number, col: number) {
  const { hf } = calculated;
  const partOfArray = (r: number, c: number) =>
    !(r === row && c === col) && !sheet.formulaCells.has(toAddress(r, c)) && hf.isCellPartOfArray({ sheet: sheetId, row: r - 1, col: c - 1 });
  let right = col;
  while (partOfArray(row, right + 1)) right++;
  let bottom = row;
  while (partOfArray(bottom + 1, col)) bottom++;
  return { bottom, right };
}

/** Writes the workbook with formulas kept and every computed value stored as its cached result. */
export async function writeCalculated(calculated: Calculated, out: string): Promise<void> {
  storeCachedResults(calculated);
  await calculated.workbook.xlsx.writeFile(out);
}

/** The workbook's bytes with formulas kept and computed values cached. */
export async function calculatedBuffer(calculated: Calculated): Promise<Buffer> {
  storeCachedResults(calculated);
  return Buffer.from(await calculated.workbook.xlsx.writeBuffer());
}

function storeCachedResults(calculated: Calculated): void {
  const { hf, workbook } = calculated;
  for (const sheet of calculated.sheets) {
    const worksheet = workbook.getWorksheet(sheet.name)!;
    const sheetId = hf.getSheetId(sheet.name)!;
    for (const address of sheet.formulaCells) {
      const { row, col } = parseAddress(address);
      const cell = worksheet.getCell(row, col);
      const formula = cell.formula; // as the file had it (keeps Excel's _xlfn. prefixes)
      const result = cachedResult(hf.getCellValue({ sheet: sheetId, row: row - 1, col: col - 1 }));
      const { bottom, right } = spillExtent(calculated, sheet, sheetId, row, col);
      if (bottom === row && right === col) {
        cell.value = { formula, result } as ExcelJS.CellFormulaValue;
        continue;
      }
      cell.value = { formula, result, shareType: 'array', ref: `${address}:${toAddress(bottom, right)}` } as unknown as ExcelJS.CellValue;
      for (let r = row; r <= bottom; r++) {
        for (let c = col; c <= right; c++) {
          if (r === row && c === col) continue;
          worksheet.getCell(r, c).value = cachedResult(hf.getCellValue({ sheet: sheetId, row: r - 1, col: c - 1 }));
        }
      }
    }
  }
}
