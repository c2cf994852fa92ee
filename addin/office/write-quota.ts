/**
 * Plan builder, target breakdown: writes the monthly seasonality weights, the rounding step,
 * the annual targets, =PERF.QUOTASPLIT for the months and a sum per quarter.
 *
 * Anchor A1, two targets (months C…N, quarters O…R):
 *
 *   A1  (blank)   B1  (blank)  C1 Jan  D1 Feb … N1 Dec
 *   A2  Weight               C2 0.8  D2 0.6 … N2 1.4
 *   A3  Round to  B3 10000
 *   (blank row)
 *   A5  Name      B5 Annual target  C5 Jan … N5 Dec       O5 Q1           … R5 Q4
 *   A6  East      B6 8000000        C6 =PERF.QUOTASPLIT(B6:B7,C2:N2,B3)   O6 =SUM(C6:E6) … R6 =SUM(L6:N6)
 *   A7  South     B7 5000000        (spilled)                              O7 =SUM(C7:E7) …
 *
 * QUOTASPLIT spills n×12 from C6; each quarter is the sum of its three months, so months and
 * quarters both add up to the annual target exactly. Without a rounding step the row and the
 * argument are left out (=PERF.QUOTASPLIT(B5:B6,C2:N2)).
 */
import { cellAddress, qualify, rangeAddress } from './a1';
import { resolveAnchor } from './locate';
import { finite } from './finite';
import { type PlanInput, inputFormula } from './write-plan';

export const MONTHS = 12;

export interface QuotaSpec {
  /** One seasonality weight per month. */
  weights: readonly number[];
  /** Every month a multiple of this; none when undefined. */
  roundTo?: PlanInput;
  targets: readonly { name: string; annual: number }[];
}

export interface QuotaLabels {
  weight: string;
  roundTo: string;
  name: string;
  annual: string;
  /** Jan … Dec. */
  months: readonly string[];
  /** Q1 … Q4. */
  quarters: readonly string[];
}

export const QUOTA_LABELS: QuotaLabels = {
  weight: 'Weight',
  roundTo: 'Round to',
  name: 'Name',
  annual: 'Annual target',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  quarters: ['Q1', 'Q2', 'Q3', 'Q4'],
};

export interface WriteQuotaOptions {
  at?: string;
  labels?: Partial<QuotaLabels>;
}

export interface QuotaAddresses {
  sheet: string;
  weights: string;
  /** The rounding step's cell (absent without one). */
  roundTo?: string;
  annual: string;
  /** The formula's cell and the n×12 range it spills into. */
  result: string;
  months: string;
  /** n×4 quarter sums. */
  quarters: string;
  formula: string;
  resultRef: string;
}

export function checkQuotaSpec(spec: QuotaSpec): void {
  if (!Array.isArray(spec.weights) || spec.weights.length !== MONTHS) throw new Error(`A target breakdown needs ${MONTHS} monthly weights (got ${spec.weights?.length})`);
  spec.weights.forEach((w, m) => {
    finite(w, `The weight of month ${m + 1}`);
  });
  if (!Array.isArray(spec.targets) || spec.targets.length === 0) throw new Error('A target breakdown needs at least one annual target');
  spec.targets.forEach((t, i) => {
    finite(t.annual, `The annual target of row ${i + 1}`);
  });
}

/** Writes the weights, the rounding, the targets, QUOTASPLIT and the quarter sums. One or two round trips. */
export async function writeQuota(context: Excel.RequestContext, spec: QuotaSpec, options: WriteQuotaOptions = {}): Promise<QuotaAddresses> {
  checkQuotaSpec(spec);
  const labels = { ...QUOTA_LABELS, ...options.labels };
  const step = spec.roundTo === undefined ? undefined : inputFormula(spec.roundTo, 'The rounding step');
  const { sheet, sheetName, row, col } = await resolveAnchor(context, options.at);

  const monthCol = col + 2;
  const quarterCol = monthCol + MONTHS;
  const weights = rangeAddress(row + 1, monthCol, 1, MONTHS);
  const roundTo = step === undefined ? undefined : cellAddress(row + 2, col + 1);
  const headerRow = row + (step === undefined ? 3 : 4);
  const n = spec.targets.length;
  const first = headerRow + 1;
  const annual = rangeAddress(first, col + 1, n, 1);
  const result = cellAddress(first, monthCol);
  const months = rangeAddress(first, monthCol, n, MONTHS);
  const quarters = rangeAddress(first, quarterCol, n, 4);
  const formula = `=PERF.QUOTASPLIT(${annual},${weights}${roundTo ? `,${roundTo}` : ''})`;

  const monthHeader = sheet.getRange(rangeAddress(row, monthCol, 1, MONTHS));
  monthHeader.values = [[...labels.months]];
  monthHeader.format.font.bold = true;
  sheet.getRange(rangeAddress(row + 1, col, 1, 1)).values = [[labels.weight]];
  sheet.getRange(weights).values = [[...spec.weights]];
  if (roundTo !== undefined) sheet.getRange(rangeAddress(row + 2, col, 1, 2)).formulas = [[labels.roundTo, step!]];
  const header = sheet.getRange(rangeAddress(headerRow, col, 1, 2 + MONTHS + 4));
  header.values = [[labels.name, labels.annual, ...labels.months, ...labels.quarters]];
  header.format.font.bold = true;
  // Names are text as typed.
  const names = sheet.getRange(rangeAddress(first, col, n, 1));
  names.numberFormat = spec.targets.map(() => ['@']);
  names.values = spec.targets.map((t) => [t.name]);
  sheet.getRange(annual).values = spec.targets.map((t) => [t.annual]);
  sheet.getRange(months).formulas = spec.targets.map((_, i) => Array.from({ length: MONTHS }, (_, m) => (i === 0 && m === 0 ? formula : '')));
  sheet.getRange(quarters).formulas = spec.targets.map((_, i) =>
    [0, 1, 2, 3].map((q) => `=SUM(${rangeAddress(first + i, monthCol + 3 * q, 1, 3)})`),
  );
  await context.sync();

  return { sheet: sheetName, weights, roundTo, annual, result, months, quarters, formula, resultRef: qualify(sheetName, result) };
}
