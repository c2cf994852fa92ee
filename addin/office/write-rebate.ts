/**
 * Plan builder, rebate ladder: writes the ladder (levels across, thresholds down), a volume,
 * one row per level and the =PERF.REBATE formula that pays each level at that volume.
 *
 * Anchor A1, three levels, three thresholds:
 *
 *   A1  Threshold  B1  总代   C1  分销   D1  零售        ← the ladder's header: its levels
 *   A2  0          B2  1%    C2  1.5%  D2  2%
 *   A3  1000000    B3  2%    C3  2.5%  D3  3%
 *   A4  5000000    B4  3%    C4  3.5%  D4  4%
 *   (blank row)
 *   A6  Volume     B6  3000000
 *   A7  Level      B7  Rebate
 *   A8  总代        B8  =PERF.REBATE(B6,A1:D4,A8:A10,"追溯")   ← spills B8:B10
 *   A9  分销
 *   A10 零售
 *
 * The ladder is the whole block A1:D4 (REBATE reads the levels from its first row and the
 * thresholds from its first column; A1 is a label). The method is written as the workbook's
 * language writes it (i18n/options.ts formulaOption: "追溯" in a Chinese workbook, "retro"
 * elsewhere); both are understood everywhere.
 */
import type { Locale } from '../../i18n/locale';
import { formulaOption } from '../../i18n/options';
import { qualify, rangeAddress } from './a1';
import { resolveAnchor } from './locate';
import { finite } from './finite';
import { type PlanInput, inputFormula } from './write-plan';

export interface RebateSpec {
  /** Level names (the ladder's header), at least one, unique. */
  levels: readonly string[];
  /** Ascending thresholds, the first 0. */
  thresholds: readonly number[];
  /** rates[t][l]: the rate of level l from threshold t. */
  rates: readonly (readonly number[])[];
  /** The volume every level is paid at. */
  amount: PlanInput;
  /** REBATE's method; "retro" is the function's default. */
  method: 'retro' | 'marginal';
}

export interface RebateLabels {
  threshold: string;
  volume: string;
  level: string;
  rebate: string;
}

export const REBATE_LABELS: RebateLabels = { threshold: 'Threshold', volume: 'Volume', level: 'Level', rebate: 'Rebate' };

export interface WriteRebateOptions {
  /** Top-left cell ("Rebates!A1", or "A1" on the active sheet); default: the selection's. */
  at?: string;
  labels?: Partial<RebateLabels>;
  /** The workbook's language, for the method as a formula writes it (default en-US). */
  optionLocale?: Locale;
  rateFormat?: string;
}

export interface RebateAddresses {
  sheet: string;
  /** The ladder (header row included): what the formula reads. */
  ladder: string;
  amount: string;
  /** The level names the formula pays, one per row. */
  levels: string;
  /** The formula's cell and the range it spills into. */
  result: string;
  results: string;
  formula: string;
  resultRef: string;
}

/** Checks a spec before anything is written. */
export function checkRebateSpec(spec: RebateSpec): void {
  if (!Array.isArray(spec.levels) || spec.levels.length === 0) throw new Error('A rebate ladder needs at least one level');
  const seen = new Set<string>();
  spec.levels.forEach((level, l) => {
    const key = String(level).trim().toLowerCase();
    if (key === '') throw new Error(`Level ${l + 1} has no name`);
    if (seen.has(key)) throw new Error(`The level "${level}" is named twice`);
    seen.add(key);
  });
  if (!Array.isArray(spec.thresholds) || spec.thresholds.length === 0) throw new Error('A rebate ladder needs at least one threshold');
  if (spec.rates.length !== spec.thresholds.length) throw new Error(`${spec.thresholds.length} thresholds but ${spec.rates.length} rows of rates`);
  spec.thresholds.forEach((t, i) => finite(t, `Threshold ${i + 1}`));
  spec.rates.forEach((row, i) => {
    if (row.length !== spec.levels.length) throw new Error(`Row ${i + 1} has ${row.length} rates for ${spec.levels.length} levels`);
    row.forEach((rate, l) => finite(rate, `The rate of level ${l + 1} from threshold ${i + 1}`));
  });
  if (spec.method !== 'retro' && spec.method !== 'marginal') throw new Error(`Unknown REBATE method "${String(spec.method)}" (use "retro" or "marginal")`);
}

/** Writes the ladder, the volume, the levels and =PERF.REBATE. One or two round trips. */
export async function writeRebate(context: Excel.RequestContext, spec: RebateSpec, options: WriteRebateOptions = {}): Promise<RebateAddresses> {
  checkRebateSpec(spec);
  const labels = { ...REBATE_LABELS, ...options.labels };
  const amount = inputFormula(spec.amount, 'The volume');
  const { sheet, sheetName, row, col } = await resolveAnchor(context, options.at);

  const k = spec.thresholds.length;
  const n = spec.levels.length;
  const ladder = rangeAddress(row, col, k + 1, n + 1);
  const volumeRow = row + k + 2;
  const amountCell = rangeAddress(volumeRow, col + 1);
  const firstLevel = volumeRow + 2;
  const levels = rangeAddress(firstLevel, col, n, 1);
  const result = rangeAddress(firstLevel, col + 1);
  const results = rangeAddress(firstLevel, col + 1, n, 1);
  const method = formulaOption(spec.method, options.optionLocale ?? 'en-US');
  const formula = `=PERF.REBATE(${amountCell},${ladder},${levels},"${method}")`;

  // Level names are text as typed, in the header and in the column the formula reads.
  const header = sheet.getRange(rangeAddress(row, col, 1, n + 1));
  header.numberFormat = [['General', ...spec.levels.map(() => '@')]];
  header.values = [[labels.threshold, ...spec.levels]];
  header.format.font.bold = true;
  sheet.getRange(rangeAddress(row + 1, col, k, n + 1)).values = spec.thresholds.map((t, i) => [t, ...spec.rates[i]]);
  sheet.getRange(rangeAddress(row + 1, col + 1, k, n)).numberFormat = spec.rates.map((rates) => rates.map(() => options.rateFormat ?? '0.0%'));
  sheet.getRange(rangeAddress(volumeRow, col, 2, 2)).formulas = [
    [labels.volume, amount],
    [labels.level, labels.rebate],
  ];
  sheet.getRange(rangeAddress(volumeRow + 1, col, 1, 2)).format.font.bold = true;
  const levelCells = sheet.getRange(levels);
  levelCells.numberFormat = spec.levels.map(() => ['@']);
  levelCells.values = spec.levels.map((level) => [level]);
  sheet.getRange(results).formulas = spec.levels.map((_, l) => [l === 0 ? formula : '']);
  await context.sync();

  return { sheet: sheetName, ladder, amount: amountCell, levels, result, results, formula, resultRef: qualify(sheetName, result) };
}
