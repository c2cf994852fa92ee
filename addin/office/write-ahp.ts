/**
 * Weights → AHP: writes a pairwise comparison block and the PERF formulas over it.
 *
 * Layout, top-left at the anchor (here B2, three criteria):
 *
 *         B          C        D        E        F
 *   2     AHP        Cost     Speed    Risk     Weight
 *   3     Cost       1        3        5        =PERF.AHP(C3:E5)   ← spills F3:F5
 *   4     Speed      =1/D3    1        2
 *   5     Risk       =1/E3    =1/E4    1
 *   6     CR         =PERF.AHPCR(C3:E5)
 *
 * The user edits the upper triangle; the lower one holds reciprocal formulas.
 */
import { qualify, rangeAddress, cellAddress } from './a1';
import { resolveAnchor } from './locate';

export interface AhpLabels {
  corner: string;
  weight: string;
  cr: string;
}

export const AHP_LABELS: AhpLabels = { corner: 'AHP', weight: 'Weight', cr: 'CR' };

export interface WriteAhpOptions {
  /** Criteria names, n ≥ 2. */
  criteria: readonly string[];
  /**
   * n×n judgments on Saaty's 1–9 scale; only the diagonal and the upper triangle are read
   * (the diagonal must be 1). Default: all 1 (equal importance).
   */
  matrix?: readonly (readonly number[])[];
  /** PERF.AHP's method; omitted from the formula when undefined (the function's default, eigen). */
  method?: 'eigen' | 'geomean';
  /** Top-left cell ("Weights!B2", or "B2" on the active sheet); default: the selection's. */
  at?: string;
  labels?: Partial<AhpLabels>;
  /** Number formats of the weights and of the CR. */
  weightFormat?: string;
  crFormat?: string;
}

export interface AhpAddresses {
  sheet: string;
  /** Local addresses on `sheet`. */
  header: string;
  labels: string;
  matrix: string;
  /** The cell holding =PERF.AHP(…) and the n×1 range it spills into. */
  weightsFormula: string;
  weights: string;
  crLabel: string;
  cr: string;
  /** `matrix`, sheet-qualified. */
  matrixRef: string;
}

/** Checks the judgments writeAhp reads: n×n, positive, 1 on the diagonal. */
export function checkAhpMatrix(n: number, matrix?: readonly (readonly number[])[]): void {
  if (matrix === undefined) return;
  if (!Array.isArray(matrix) || matrix.length !== n || matrix.some((row) => !Array.isArray(row) || row.length !== n)) {
    throw new Error(`The comparison matrix must be ${n}×${n} (one row and one column per criterion)`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = matrix[i][j];
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new Error(`Judgment (${i + 1}, ${j + 1}) must be a positive number (got ${String(value)})`);
      }
      if (i === j && value !== 1) throw new Error(`The diagonal must be 1 (criterion ${i + 1} has ${value})`);
    }
  }
}

/** The comparison matrix as the sheet's formulas: numbers on and above the diagonal, =1/x below. */
export function ahpMatrixFormulas(
  n: number,
  matrixRow: number,
  matrixCol: number,
  matrix?: readonly (readonly number[])[],
): (number | string)[][] {
  checkAhpMatrix(n, matrix);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j): number | string => {
      if (i > j) return `=1/${cellAddress(matrixRow + j, matrixCol + i)}`;
      return matrix === undefined ? 1 : matrix[i][j];
    }),
  );
}

/** Writes the block and returns where everything went. One or two round trips. */
export async function writeAhp(context: Excel.RequestContext, options: WriteAhpOptions): Promise<AhpAddresses> {
  const criteria = options.criteria.map((name) => String(name));
  const n = criteria.length;
  if (n < 2) throw new Error('AHP needs at least two criteria');
  if (options.method !== undefined && options.method !== 'eigen' && options.method !== 'geomean') {
    throw new Error(`Unknown AHP method "${String(options.method)}" (use "eigen" or "geomean")`);
  }
  checkAhpMatrix(n, options.matrix);
  const labels = { ...AHP_LABELS, ...options.labels };

  const { sheet, sheetName, row, col } = await resolveAnchor(context, options.at);
  const matrixRow = row + 1;
  const matrixCol = col + 1;
  const formulas = ahpMatrixFormulas(n, matrixRow, matrixCol, options.matrix);

  const header = rangeAddress(row, col, 1, n + 2);
  const labelColumn = rangeAddress(matrixRow, col, n, 1);
  const matrix = rangeAddress(matrixRow, matrixCol, n, n);
  const weightsFormula = cellAddress(matrixRow, matrixCol + n);
  const weights = rangeAddress(matrixRow, matrixCol + n, n, 1);
  const crLabel = cellAddress(matrixRow + n, col);
  const cr = cellAddress(matrixRow + n, matrixCol);
  const methodArg = options.method === undefined ? '' : `,"${options.method}"`;

  const headerRange = sheet.getRange(header);
  headerRange.values = [[labels.corner, ...criteria, labels.weight]];
  headerRange.format.font.bold = true;
  const labelRange = sheet.getRange(labelColumn);
  labelRange.values = criteria.map((name) => [name]);
  labelRange.format.font.bold = true;
  sheet.getRange(matrix).formulas = formulas;
  sheet.getRange(weightsFormula).formulas = [[`=PERF.AHP(${matrix}${methodArg})`]];
  sheet.getRange(weights).numberFormat = criteria.map(() => [options.weightFormat ?? '0.0%']);
  const crLabelRange = sheet.getRange(crLabel);
  crLabelRange.values = [[labels.cr]];
  crLabelRange.format.font.bold = true;
  const crRange = sheet.getRange(cr);
  crRange.formulas = [[`=PERF.AHPCR(${matrix})`]];
  crRange.numberFormat = [[options.crFormat ?? '0.000']];
  await context.sync();

  return {
    sheet: sheetName,
    header,
    labels: labelColumn,
    matrix,
    weightsFormula,
    weights,
    crLabel,
    cr,
    matrixRef: qualify(sheetName, matrix),
  };
}
