/**
 * Plan builder: writes a plan table at the selection and the PERF formula that uses it.
 *
 * Tiered commission (anchor A1, three tiers):     Payout curve (anchor A1, three points, gate):
 *
 *   A1  Threshold   B1  Rate                         A1  Attainment        B1  Payout factor
 *   A2  0           B2  0.02                         A2  0.8               B2  0.5
 *   A3  100000      B3  0.04                         A3  1                 B3  1
 *   A4  250000      B4  0.06                         A4  1.2               B4  1.5
 *   (blank row)                                      (blank row)
 *   A6  Amount      B6  180000                       A6  Attainment        B6  1.05
 *   A7  Commission  B7  =PERF.TIERED(B6,A2:B4)       A7  Target incentive  B7  10000
 *                                                    A8  Gate              B8  0.8
 *                                                    A9  Payout            B9  =PERF.PAYOUT(B6,A2:B4,B7,B8)
 *
 * Inputs are cells the user can change; an input given as a string is a formula or a
 * reference ("Sales!C2" is written as =Sales!C2). Optional arguments that are not given are
 * left out of the formula (PAYOUT(…,B7,,B8) when only the cap is given).
 */
import type { Locale } from '../../i18n/locale';
import { formulaOption } from '../../i18n/options';
import { cellAddress, qualify, rangeAddress } from './a1';
import { finite } from './finite';
import { resolveAnchor } from './locate';

/** A number, or a formula / reference ("=Data!C2" or "Data!C2"). */
export type PlanInput = number | string;

export interface TieredPlan {
  kind: 'tiered';
  /** Ascending thresholds (the first 0) with their rates. */
  tiers: readonly { threshold: number; rate: number }[];
  amount: PlanInput;
  /** "marginal" (the function's default when omitted) or "retro". */
  method?: 'marginal' | 'retro';
}

export interface PayoutPlan {
  kind: 'payout';
  /** Ascending attainment points with their payout factors. */
  curve: readonly { attainment: number; factor: number }[];
  attainment: PlanInput;
  targetIncentive: PlanInput;
  gate?: PlanInput;
  cap?: PlanInput;
}

export type PlanSpec = TieredPlan | PayoutPlan;

export interface PlanLabels {
  threshold: string;
  rate: string;
  amount: string;
  commission: string;
  attainment: string;
  factor: string;
  targetIncentive: string;
  gate: string;
  cap: string;
  payout: string;
}

export const PLAN_LABELS: PlanLabels = {
  threshold: 'Threshold',
  rate: 'Rate',
  amount: 'Amount',
  commission: 'Commission',
  attainment: 'Attainment',
  factor: 'Payout factor',
  targetIncentive: 'Target incentive',
  gate: 'Gate',
  cap: 'Cap',
  payout: 'Payout',
};

export interface WritePlanOptions {
  /** Top-left cell ("Plan!A1", or "A1" on the active sheet); default: the selection's. */
  at?: string;
  labels?: Partial<PlanLabels>;
  /** Number format of the rate column (tiered plans); default "0.0%". */
  rateFormat?: string;
  /**
   * The workbook's language, for a text option as a formula writes it (TIERED's method:
   * "边际" in a Chinese workbook, "marginal" elsewhere; both are understood everywhere).
   * Default en-US.
   */
  optionLocale?: Locale;
}

export interface PlanAddresses {
  sheet: string;
  /** Local addresses on `sheet`. */
  header: string;
  /** The table's data (what the formula references). */
  table: string;
  /** Label/value block under the table, the formula in its last row. */
  parameters: string;
  /** Input cells by name (amount, attainment, targetIncentive, gate, cap). */
  inputs: Record<string, string>;
  /** The formula's cell and its text. */
  result: string;
  formula: string;
  /** `result`, sheet-qualified. */
  resultRef: string;
}

/** A plan input as a cell's formula: numbers as they are, references/formulas with "=". */
export function inputFormula(value: PlanInput, what: string): number | string {
  if (typeof value === 'number') return finite(value, what);
  if (typeof value !== 'string' || value.trim() === '' || value.trim() === '=') {
    throw new Error(`${what} must be a number, a reference or a formula`);
  }
  const text = value.trim();
  return text.startsWith('=') ? text : `=${text}`;
}

interface Layout {
  header: [string, string];
  rows: number[][];
  /** [key, label, value] rows; the formula row is added after them. */
  parameters: [string, string, number | string][];
  resultLabel: string;
  formula: (table: string, cells: Record<string, string>) => string;
}

function layout(spec: PlanSpec, labels: PlanLabels, optionLocale: Locale): Layout {
  if (spec.kind === 'tiered') {
    if (!Array.isArray(spec.tiers) || spec.tiers.length === 0) throw new Error('A tiered plan needs at least one tier');
    if (spec.method !== undefined && spec.method !== 'marginal' && spec.method !== 'retro') {
      throw new Error(`Unknown TIERED method "${String(spec.method)}" (use "marginal" or "retro")`);
    }
    const method = spec.method === undefined ? undefined : formulaOption(spec.method, optionLocale);
    return {
      header: [labels.threshold, labels.rate],
      rows: spec.tiers.map((tier, i) => [finite(tier.threshold, `Tier ${i + 1}'s threshold`), finite(tier.rate, `Tier ${i + 1}'s rate`)]),
      parameters: [['amount', labels.amount, inputFormula(spec.amount, 'The amount')]],
      resultLabel: labels.commission,
      formula: (table, cells) => `=PERF.TIERED(${cells.amount},${table}${method === undefined ? '' : `,"${method}"`})`,
    };
  }
  if (spec.kind === 'payout') {
    if (!Array.isArray(spec.curve) || spec.curve.length === 0) throw new Error('A payout plan needs at least one curve point');
    const parameters: [string, string, number | string][] = [
      ['attainment', labels.attainment, inputFormula(spec.attainment, 'The attainment')],
      ['targetIncentive', labels.targetIncentive, inputFormula(spec.targetIncentive, 'The target incentive')],
    ];
    if (spec.gate !== undefined) parameters.push(['gate', labels.gate, inputFormula(spec.gate, 'The gate')]);
    if (spec.cap !== undefined) parameters.push(['cap', labels.cap, inputFormula(spec.cap, 'The cap')]);
    return {
      header: [labels.attainment, labels.factor],
      rows: spec.curve.map((point, i) => [
        finite(point.attainment, `Curve point ${i + 1}'s attainment`),
        finite(point.factor, `Curve point ${i + 1}'s payout factor`),
      ]),
      parameters,
      resultLabel: labels.payout,
      formula: (table, cells) => {
        const args = [cells.attainment, table, cells.targetIncentive, cells.gate ?? '', cells.cap ?? ''];
        while (args[args.length - 1] === '') args.pop();
        return `=PERF.PAYOUT(${args.join(',')})`;
      },
    };
  }
  throw new Error(`Unknown plan kind "${String((spec as { kind?: unknown }).kind)}"`);
}

/** Writes the plan and returns where everything went. One or two round trips. */
export async function writePlan(
  context: Excel.RequestContext,
  spec: PlanSpec,
  options: WritePlanOptions = {},
): Promise<PlanAddresses> {
  const labels = { ...PLAN_LABELS, ...options.labels };
  const plan = layout(spec, labels, options.optionLocale ?? 'en-US');
  const { sheet, sheetName, row, col } = await resolveAnchor(context, options.at);

  const k = plan.rows.length;
  const header = rangeAddress(row, col, 1, 2);
  const table = rangeAddress(row + 1, col, k, 2);
  const firstParameter = row + k + 2;
  const inputs: Record<string, string> = {};
  plan.parameters.forEach(([key], i) => {
    inputs[key] = cellAddress(firstParameter + i, col + 1);
  });
  const resultRow = firstParameter + plan.parameters.length;
  const result = cellAddress(resultRow, col + 1);
  const formula = plan.formula(table, inputs);
  const parameters = rangeAddress(firstParameter, col, plan.parameters.length + 1, 2);

  const headerRange = sheet.getRange(header);
  headerRange.values = [plan.header];
  headerRange.format.font.bold = true;
  sheet.getRange(table).values = plan.rows;
  if (spec.kind === 'tiered') {
    sheet.getRange(rangeAddress(row + 1, col + 1, k, 1)).numberFormat = plan.rows.map(() => [options.rateFormat ?? '0.0%']);
  }
  sheet.getRange(parameters).formulas = [
    ...plan.parameters.map(([, label, value]) => [label, value]),
    [plan.resultLabel, formula],
  ];
  sheet.getRange(rangeAddress(resultRow, col, 1, 1)).format.font.bold = true;
  await context.sync();

  return { sheet: sheetName, header, table, parameters, inputs, result, formula, resultRef: qualify(sheetName, result) };
}
