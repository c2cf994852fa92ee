/**
 * Plan builder, bonus pool: writes the pool, its cap and floor, the names and shares, and the
 * =PERF.POOL formula that spills each one's amount beside the shares.
 *
 * Anchor A1, a cap and a floor, three people:
 *
 *   A1  Pool    B1  1000000
 *   A2  Cap     B2  350000
 *   A3  Floor   B3  80000
 *   (blank row)
 *   A5  Name    B5  Share   C5  Amount
 *   A6  销售部   B6  40      C6  =PERF.POOL(B1,B6:B8,B2,B3)   ← spills C6:C8
 *   A7  运营部   B7  25
 *   A8  供应链部 B8  20
 *
 * A cap or floor that is not given has no row and no argument (POOL(B1,B5:B7,,B2) when only
 * the floor is given). Names are written as text, exactly as typed.
 */
import { qualify, rangeAddress } from './a1';
import { resolveAnchor } from './locate';
import { finite } from './finite';
import { type PlanInput, inputFormula } from './write-plan';

export interface PoolSpec {
  pool: PlanInput;
  /** One cap for everyone; none when undefined. */
  cap?: PlanInput;
  /** One floor for everyone; none when undefined. */
  floor?: PlanInput;
  people: readonly { name: string; share: number }[];
}

export interface PoolLabels {
  pool: string;
  cap: string;
  floor: string;
  name: string;
  share: string;
  amount: string;
}

export const POOL_LABELS: PoolLabels = { pool: 'Pool', cap: 'Cap', floor: 'Floor', name: 'Name', share: 'Share', amount: 'Amount' };

export interface WritePoolOptions {
  at?: string;
  labels?: Partial<PoolLabels>;
}

export interface PoolAddresses {
  sheet: string;
  /** Input cells by name (pool, cap, floor). */
  inputs: Record<string, string>;
  shares: string;
  /** The formula's cell and the range it spills into. */
  result: string;
  results: string;
  formula: string;
  resultRef: string;
}

export function checkPoolSpec(spec: PoolSpec): void {
  if (!Array.isArray(spec.people) || spec.people.length === 0) throw new Error('A pool needs at least one person');
  spec.people.forEach((p, i) => {
    finite(p.share, `The share of row ${i + 1}`);
  });
}

/** Writes the pool block, the people and =PERF.POOL. One or two round trips. */
export async function writePool(context: Excel.RequestContext, spec: PoolSpec, options: WritePoolOptions = {}): Promise<PoolAddresses> {
  checkPoolSpec(spec);
  const labels = { ...POOL_LABELS, ...options.labels };
  const inputs: [key: 'pool' | 'cap' | 'floor', label: string, value: number | string][] = [['pool', labels.pool, inputFormula(spec.pool, 'The pool')]];
  if (spec.cap !== undefined) inputs.push(['cap', labels.cap, inputFormula(spec.cap, 'The cap')]);
  if (spec.floor !== undefined) inputs.push(['floor', labels.floor, inputFormula(spec.floor, 'The floor')]);
  const { sheet, sheetName, row, col } = await resolveAnchor(context, options.at);

  const cells: Record<string, string> = {};
  inputs.forEach(([key], i) => {
    cells[key] = rangeAddress(row + i, col + 1);
  });
  const headerRow = row + inputs.length + 1;
  const n = spec.people.length;
  const shares = rangeAddress(headerRow + 1, col + 1, n, 1);
  const result = rangeAddress(headerRow + 1, col + 2);
  const results = rangeAddress(headerRow + 1, col + 2, n, 1);
  const args = [cells.pool, shares, cells.cap ?? '', cells.floor ?? ''];
  while (args[args.length - 1] === '') args.pop();
  const formula = `=PERF.POOL(${args.join(',')})`;

  sheet.getRange(rangeAddress(row, col, inputs.length, 2)).formulas = inputs.map(([, label, value]) => [label, value]);
  sheet.getRange(rangeAddress(row, col, inputs.length, 1)).format.font.bold = true;
  const header = sheet.getRange(rangeAddress(headerRow, col, 1, 3));
  header.values = [[labels.name, labels.share, labels.amount]];
  header.format.font.bold = true;
  // Names are text as typed ("1/2" stays "1/2", "=x" is no formula).
  const names = sheet.getRange(rangeAddress(headerRow + 1, col, n, 1));
  names.numberFormat = spec.people.map(() => ['@']);
  names.values = spec.people.map((p) => [p.name]);
  sheet.getRange(shares).values = spec.people.map((p) => [p.share]);
  sheet.getRange(results).formulas = spec.people.map((_, i) => [i === 0 ? formula : '']);
  await context.sync();

  return { sheet: sheetName, inputs: cells, shares, result, results, formula, resultRef: qualify(sheetName, result) };
}
