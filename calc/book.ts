/**
 * A workbook file through the calculator: read the zip as Excel stored it, calculate (with
 * PERF.BENCHMARK answered in a second pass, HyperFormula cannot await), then report every
 * cell as JSON or write the same package back with the computed values cached.
 */
import * as fs from 'fs';
import { BenchmarkBatch } from './benchmarks';
import { Area, contains, toAddress } from '../workbook/a1';
import { nodeCodec } from '../workbook/node-codec';
import { CachedValue, CellWrite, SheetPatch, patchSheetXml } from '../workbook/patch';
import { CellValue, WorkbookModel, readWorkbookModel } from '../workbook/read';
import { ZipArchive, rewriteZip } from '../workbook/zip';
import { CalcSettings, Calculation, ResultValue } from './calculate';
import { ensureDynamicArrayMetadata } from '../workbook/dynamic-arrays';

export interface CalculatedBook {
  zip: ZipArchive;
  model: WorkbookModel;
  calculation: Calculation;
}

export interface CalcOptions extends CalcSettings {
  /** The PerfPlan API for PERF.BENCHMARK (default: PERFPLAN_API_URL). */
  apiUrl?: string;
  /** Told when the workbook has been read, before calculating. */
  onRead?: (model: WorkbookModel) => void;
}

export async function calcBytes(bytes: Uint8Array, options: CalcOptions = {}): Promise<CalculatedBook> {
  const zip = ZipArchive.read(bytes);
  const model = readWorkbookModel(zip, nodeCodec);
  options.onRead?.(model);
  const batch = new BenchmarkBatch(options.apiUrl ?? (process.env.PERFPLAN_API_URL || undefined));
  const calculation = new Calculation(model, { ...options, benchmark: batch.resolver });
  if (batch.hasPending) {
    await batch.fetchPending();
    calculation.recalculate();
  }
  return { zip, model, calculation };
}

export async function calcFile(file: string, options: CalcOptions = {}): Promise<CalculatedBook> {
  return calcBytes(await fs.promises.readFile(file), options);
}

export type JsonCell = number | string | boolean | { error: string; message: string };
export type CalcJson = Record<string, JsonCell>;

function jsonCell(value: CellValue | ResultValue | undefined): JsonCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'object') return { error: value.error, message: 'message' in value ? value.message : '' };
  return value;
}

/** Sheet `s`'s non-empty values after calculation, by row as the model's rows: stored constants, and each formula's value over its area. */
function calculatedGrid(book: CalculatedBook, s: number): (JsonCell | undefined)[][] {
  const { model, calculation } = book;
  const rows: (JsonCell | undefined)[][] = [];
  model.sheets[s].rows.forEach((line, r) => {
    if (!line) return;
    line.forEach((value, c) => {
      if (!calculation.isStoredConstant(s, r, c)) return;
      const cell = jsonCell(value);
      if (cell !== undefined) (rows[r] ??= [])[c] = cell;
    });
  });
  for (const result of calculation.results) {
    if (result.sheet !== s) continue;
    const { area } = result;
    for (let r = area.top; r <= area.bottom; r++) {
      const line = (rows[r] ??= []);
      for (let c = area.left; c <= area.right; c++) line[c] = jsonCell(calculation.formulaValue(s, r, c));
    }
  }
  return rows;
}

/**
 * Visits every non-empty cell after calculation, sheet by sheet in row-major order: stored
 * constants, and each formula's value over its area.
 */
export function forEachCell(book: CalculatedBook, visit: (sheet: string, row: number, col: number, cell: JsonCell) => void): void {
  book.model.sheets.forEach((sheet, s) => {
    calculatedGrid(book, s).forEach((line, r) => {
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (cell !== undefined) visit(sheet.name, r, c, cell);
      }
    });
  });
}

/**
 * The workbook model with every cell's value as calculated — what the package `perfplan calc
 * -o` writes reads back as, without writing and parsing it (a payout run's payroll reads it).
 */
export function calculatedModel(book: CalculatedBook): WorkbookModel {
  return { ...book.model, sheets: book.model.sheets.map((sheet, s) => ({ ...sheet, rows: calculatedGrid(book, s) as CellValue[][] })) };
}

/** Every non-empty cell keyed "Sheet!A1" (spilled cells included). */
export function toJson(book: CalculatedBook): CalcJson {
  const out: CalcJson = {};
  forEachCell(book, (sheet, row, col, cell) => (out[`${sheet}!${toAddress(row, col)}`] = cell));
  return out;
}

/** The same JSON text as JSON.stringify(toJson(book)), written in chunks (a 100,000-row book is millions of cells). */
export function writeJson(book: CalculatedBook, write: (chunk: string) => void): void {
  let chunk = '{';
  let first = true;
  let sheetName = '';
  let keyPrefix = '';
  const letters: string[] = [];
  forEachCell(book, (sheet, row, col, cell) => {
    if (sheet !== sheetName) {
      sheetName = sheet;
      keyPrefix = JSON.stringify(`${sheet}!`).slice(0, -1); // '"Sheet!' without its closing quote
    }
    const column = (letters[col] ??= toAddress(1, col).slice(0, -1));
    const value = typeof cell === 'number' && Number.isFinite(cell) ? String(cell) : JSON.stringify(cell);
    chunk += `${first ? '' : ','}${keyPrefix}${column}${row}":${value}`;
    first = false;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = '';
    }
  });
  write(`${chunk}}`);
}

function cached(value: ResultValue): CachedValue {
  if (value === null) return null;
  if (typeof value === 'object') return { error: value.error };
  return value;
}

export interface WriteOptions {
  /**
   * Write formulas the way Excel 365 saves typed formulas (templates): a formula that spills
   * or calls an add-in function becomes a dynamic array. Off for `perfplan calc -o`, which
   * changes values only.
   */
  markDynamicArrays?: boolean;
  /** Add-in namespaces whose calls make a formula a dynamic array (markDynamicArrays). */
  addinCallPattern?: RegExp;
}

/** Per sheet part: the cached values and spill refs to write. */
function sheetPatches(book: CalculatedBook, dynamicCm: number | undefined, options: WriteOptions): Map<string, SheetPatch> {
  const { model, calculation } = book;
  const patches = new Map<string, SheetPatch>();
  model.sheets.forEach((sheet) => patches.set(sheet.part, { writes: [], clear: [] }));
  for (const result of calculation.results) {
    const sheet = model.sheets[result.sheet];
    const patch = patches.get(sheet.part)!;
    const { formula, area } = result;
    const isArray = formula.kind !== 'plain';
    const spills = area.bottom > area.top || area.right > area.left;
    const becomesDynamic = options.markDynamicArrays && !isArray && dynamicCm !== undefined && (spills || (options.addinCallPattern?.test(formula.text) ?? false));
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const write: CellWrite = { row: r, col: c, value: cached(calculation.formulaValue(result.sheet, r, c)) };
        if (r === formula.row && c === formula.col) {
          if (formula.kind === 'dynamic' || becomesDynamic) write.ref = area;
          if (becomesDynamic) write.dynamicCm = dynamicCm;
        }
        patch.writes.push(write);
      }
    }
    // Cells the stored spill covered and the new one does not: their cached values go.
    if (formula.kind === 'dynamic' && formula.ref) patch.clear.push(...difference(formula.ref, area));
  }
  return patches;
}

/** The parts of `a` outside `b`, as up to four rectangles. */
function difference(a: Area, b: Area): Area[] {
  const out: Area[] = [];
  if (b.bottom < a.bottom) out.push({ top: Math.max(a.top, b.bottom + 1), left: a.left, bottom: a.bottom, right: a.right });
  if (b.right < a.right) out.push({ top: a.top, left: Math.max(a.left, b.right + 1), bottom: Math.min(a.bottom, b.bottom), right: a.right });
  return out.filter((area) => area.top <= area.bottom && area.left <= area.right && !contains(b, area.top, area.left));
}

/**
 * The package with every formula's computed value cached: worksheet parts are patched in
 * place, every other entry is copied byte for byte.
 */
export function calculatedBytes(book: CalculatedBook, options: WriteOptions = {}): Uint8Array {
  const replaced = new Map<string, string>();
  let dynamicCm: number | undefined;
  if (options.markDynamicArrays) {
    const metadata = ensureDynamicArrayMetadata(book.zip, nodeCodec, book.model.part);
    dynamicCm = metadata.cm;
    for (const [name, text] of metadata.parts) replaced.set(name, text);
  }
  for (const [part, patch] of sheetPatches(book, dynamicCm, options)) {
    if (patch.writes.length === 0 && patch.clear.length === 0) continue;
    replaced.set(part, patchSheetXml(book.zip.text(part, nodeCodec), patch));
  }
  return rewriteZip(book.zip, replaced, nodeCodec, { keepDates: true });
}

export async function writeCalculatedFile(book: CalculatedBook, out: string): Promise<void> {
  await fs.promises.writeFile(out, calculatedBytes(book));
}
