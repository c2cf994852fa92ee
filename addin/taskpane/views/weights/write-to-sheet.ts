/**
 * INTEGRATION POINT — "Write to sheet" of the AHP wizard.
 *
 * The wizard builds an `AhpSheetRequest` and calls `writeAhpToSheet` only when the pane runs
 * inside Excel (ViewProps.host.inExcel). The Office.js work is addin/office/write-ahp.ts
 * (`writeAhp`: names, the judgements with =1/x reciprocals below the diagonal, =PERF.AHP and
 * =PERF.AHPCR over the matrix, at the selection's top-left cell). This file is the only
 * place the view touches it: adapt here if that helper's signature changes.
 */
import type { Cell } from '../../../../engine/grid';
import { writeAhp } from '../../../office/write-ahp';
import { requireExcel } from '../../excel';

export interface AhpSheetRequest {
  /** Criterion names, in matrix order (header row and header column). */
  criteria: string[];
  /**
   * n×n judgements as PERF.AHP reads them: the upper triangle (Saaty values), 1 on the
   * diagonal, null below the diagonal.
   */
  upperTriangle: Cell[][];
  /** The full reciprocal matrix (only its diagonal and upper triangle are written as values). */
  matrix: number[][];
  /** The weights and CR the pane showed (for a check after the formulas calculate). */
  expected: { eigen: number[]; geomean: number[]; cr: number };
  /** Localized labels of the block: the corner cell, the weights column and the CR row. */
  labels: { corner: string; weight: string; cr: string };
}

export interface AhpSheetResult {
  /** Sheet-qualified address of the written matrix, for the confirmation message. */
  address?: string;
}

export type AhpSheetWriter = (request: AhpSheetRequest) => Promise<AhpSheetResult | void>;

/** Writes at the selection's top-left cell inside Excel.run. */
export const writeAhpToSheet: AhpSheetWriter = async (request) => {
  requireExcel();
  const addresses = await Excel.run((context) => writeAhp(context, { criteria: request.criteria, matrix: request.matrix, labels: request.labels }));
  return { address: addresses.matrixRef };
};
