/**
 * How much of a workbook we are willing to read and calculate. Everything Excel itself
 * accepts fits (its specifications and limits: 32,767 characters in a cell, 8,192 in a
 * formula, 64 nesting levels); the rest is refused with a LimitError naming what and where,
 * never a crash (perfplan calc exits 3).
 */
import { LocalizedError } from '../i18n/localized-error';
import type { Phrase } from '../i18n/text';

export const LIMITS = {
  /** Uncompressed bytes of one package part. */
  partBytes: 256 * 1024 * 1024,
  /** Stored cells (values and formulas) in the whole workbook. */
  cells: 20_000_000,
  /** Characters in a cell's text (Excel: 32,767). */
  textLength: 32_767,
  /**
   * Characters of a formula as stored. Excel allows 8,192 as typed; storing adds prefixes
   * (_xlfn., _xldudf_) to function names, so the stored text may be longer.
   */
  formulaLength: 32_768,
  /** Parenthesis nesting of a formula (Excel: 64 levels of nested functions). */
  formulaNesting: 256,
  /**
   * Cells a reference may make the engine walk, counted within the sheet's used area (an
   * aggregate such as SUM over whole columns only walks the parts that hold data).
   */
  referenceCells: 50_000_000,
  /** Cells of one legacy array formula's fixed area. */
  arrayCells: 5_000_000,
  /** PERF.SIM / PERF.SIMCORR samples in one calculation. */
  simulationSamples: 5_000_000,
} as const;

/** Input beyond one of LIMITS: a text of i18n/workbook.ts or i18n/calc.ts with its parameters. */
export class LimitError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'LimitError';
  }
}
