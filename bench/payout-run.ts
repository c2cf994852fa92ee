/**
 * The payout-run benchmark: a 6-tier marginal commission + a 5-KPI capped scorecard + a
 * payout curve, computed three ways on the same seeded data, and totals compared.
 */
import { HyperFormula } from 'hyperformula';
import { payout, scorecard, tiered } from '../engine';
import { HYPERFORMULA_CONFIG } from '../calc/calculate';

export const TIERS = [
  [0, 0.02],
  [20_000, 0.03],
  [50_000, 0.04],
  [100_000, 0.05],
  [200_000, 0.06],
  [500_000, 0.08],
];
export const KPI_TARGETS = [100, 80, 60, 40, 20];
export const KPI_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.1];
export const KPI_CAP = 1.5;
export const CURVE = [
  [0, 0],
  [0.5, 0.25],
  [0.8, 0.6],
  [1, 1],
  [1.2, 1.5],
  [1.5, 2],
];
export const TARGET_INCENTIVE = 10_000;

export interface PayoutData {
  people: number;
  sales: Float64Array;
  /** row-major people × 5 */
  actuals: Float64Array;
}

/** Deterministic data (a small LCG), so every run measures the same work. */
export function makeData(people: number, seed = 42): PayoutData {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const sales = new Float64Array(people);
  const actuals = new Float64Array(people * 5);
  for (let i = 0; i < people; i++) {
    sales[i] = Math.round(next() * 700_000);
    for (let k = 0; k < 5; k++) actuals[i * 5 + k] = Math.round(KPI_TARGETS[k] * (0.4 + next() * 1.2) * 100) / 100;
  }
  return { people, sales, actuals };
}

/** The 2-D arrays Excel would pass for these ranges. */
export function asExcelRanges(data: PayoutData) {
  const amounts: number[][] = new Array(data.people);
  const actuals: number[][] = new Array(data.people);
  for (let i = 0; i < data.people; i++) {
    amounts[i] = [data.sales[i]];
    const base = i * 5;
    actuals[i] = [data.actuals[base], data.actuals[base + 1], data.actuals[base + 2], data.actuals[base + 3], data.actuals[base + 4]];
  }
  return { amounts, actuals };
}

/** (a) The engine, fed ranges as Excel passes them: three calls for the whole population. */
export function engineRun(ranges: ReturnType<typeof asExcelRanges>): number {
  const commission = tiered(ranges.amounts, TIERS, 'marginal');
  const score = scorecard(ranges.actuals, [KPI_TARGETS], [KPI_WEIGHTS], null, KPI_CAP, null);
  const bonus = payout(score as number[][], CURVE, TARGET_INCENTIVE, null, null);
  let total = 0;
  for (let i = 0; i < commission.length; i++) total += (commission[i][0] as number) + (bonus[i][0] as number);
  return total;
}

/** (b) The practical limit: the same arithmetic hand-written over typed arrays. */
export function typedArrayRun(data: PayoutData): number {
  const thresholds = Float64Array.from(TIERS, (t) => t[0]);
  const rates = Float64Array.from(TIERS, (t) => t[1]);
  const base = new Float64Array(TIERS.length);
  for (let i = 1; i < TIERS.length; i++) base[i] = base[i - 1] + rates[i - 1] * (thresholds[i] - thresholds[i - 1]);
  const cx = Float64Array.from(CURVE, (p) => p[0]);
  const cy = Float64Array.from(CURVE, (p) => p[1]);
  const weightSum = KPI_WEIGHTS.reduce((s, w) => s + w, 0);
  const w = Float64Array.from(KPI_WEIGHTS, (x) => x / weightSum);
  const t = Float64Array.from(KPI_TARGETS);
  const { sales, actuals, people } = data;
  let total = 0;
  for (let i = 0; i < people; i++) {
    const amount = sales[i];
    let k = thresholds.length - 1;
    while (thresholds[k] > amount) k--;
    const commission = base[k] + rates[k] * (amount - thresholds[k]);
    let score = 0;
    for (let j = 0; j < 5; j++) {
      let a = actuals[i * 5 + j] / t[j];
      if (a > KPI_CAP) a = KPI_CAP;
      if (a < 0) a = 0;
      score += w[j] * a;
    }
    let c = cx.length - 1;
    while (c > 0 && cx[c] > score) c--;
    const factor = c === cx.length - 1 ? cy[c] : cy[c] + ((cy[c + 1] - cy[c]) * (score - cx[c])) / (cx[c + 1] - cx[c]);
    total += commission + TARGET_INCENTIVE * factor;
  }
  return total;
}

/** Native-formula rows: SUMPRODUCT differential-rate commission, capped scorecard, curve interpolated with approximate-match VLOOKUP (HyperFormula has no LOOKUP). */
export function nativeFormulas(row: number): [string, string, string] {
  const commission = `=SUMPRODUCT((A${row}>Plan!$A$2:$A$7)*(A${row}-Plan!$A$2:$A$7)*Plan!$C$2:$C$7)`;
  const ratio = `B${row}:F${row}/Plan!$E$2:$I$2`;
  const score = `=SUMPRODUCT(Plan!$E$3:$I$3,IF(${ratio}>Plan!$E$4,Plan!$E$4,IF(${ratio}<0,0,${ratio})))`;
  const bonus = `=Plan!$E$5*(VLOOKUP(H${row},Plan!$K$2:$M$7,2,1)+(H${row}-VLOOKUP(H${row},Plan!$K$2:$M$7,1,1))*VLOOKUP(H${row},Plan!$K$2:$M$7,3,1))`;
  return [commission, score, bonus];
}

/** The Plan sheet the native formulas (and the PERF workbook) read. */
export function planSheet(): (number | string | null)[][] {
  const rows: (number | string | null)[][] = [];
  const weightSum = KPI_WEIGHTS.reduce((s, w) => s + w, 0);
  for (let r = 0; r < 8; r++) rows.push(new Array(13).fill(null));
  rows[0] = ['threshold', 'rate', 'rate step', null, ...KPI_TARGETS.map(() => null), null, 'x', 'y', 'slope'];
  TIERS.forEach(([threshold, rate], i) => {
    rows[i + 1][0] = threshold;
    rows[i + 1][1] = rate;
    rows[i + 1][2] = i === 0 ? rate : rate - TIERS[i - 1][1];
  });
  // E2:I2 targets, E3:I3 normalized weights, E4 cap, E5 target incentive.
  KPI_TARGETS.forEach((t, k) => (rows[1][4 + k] = t));
  KPI_WEIGHTS.forEach((w, k) => (rows[2][4 + k] = w / weightSum));
  rows[3][4] = KPI_CAP;
  rows[4][4] = TARGET_INCENTIVE;
  CURVE.forEach(([x, y], i) => {
    rows[i + 1][10] = x;
    rows[i + 1][11] = y;
    rows[i + 1][12] = i + 1 < CURVE.length ? (CURVE[i + 1][1] - y) / (CURVE[i + 1][0] - x) : 0;
  });
  return rows;
}

/** (c) The equivalent native-formula sheet in HyperFormula. */
export function hyperFormulaNativeRun(data: PayoutData): number {
  const people: (number | string)[][] = new Array(data.people);
  for (let i = 0; i < data.people; i++) {
    const row = i + 1;
    const [commission, score, bonus] = nativeFormulas(row);
    const base = i * 5;
    people[i] = [data.sales[i], data.actuals[base], data.actuals[base + 1], data.actuals[base + 2], data.actuals[base + 3], data.actuals[base + 4], commission, score, bonus];
  }
  const hf = HyperFormula.buildFromSheets({ People: people, Plan: planSheet() }, HYPERFORMULA_CONFIG);
  const sheet = hf.getSheetId('People')!;
  const values = hf.getSheetValues(sheet);
  let total = 0;
  for (const line of values) total += (line[6] as number) + (line[8] as number);
  hf.destroy();
  return total;
}
