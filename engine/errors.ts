/**
 * The one error type of the engine: an Excel error code plus a message that names the
 * argument and the problem. Adapters translate it (CustomFunctions.Error in Excel,
 * CellError in HyperFormula, problem+json over HTTP); the engine never returns raw
 * exceptions to users.
 */
export type ExcelErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

export const EXCEL_ERROR_CODES: readonly ExcelErrorCode[] = ['#VALUE!', '#NUM!', '#DIV/0!', '#N/A'];

export class PerfError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PerfError';
  }

  toJSON(): { error: ExcelErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

/** Wrong type, shape or label. */
export const valueError = (message: string) => new PerfError('#VALUE!', message);
/** A number outside its domain, or no convergence. */
export const numError = (message: string) => new PerfError('#NUM!', message);
/** A division by zero the user can fix. */
export const divError = (message: string) => new PerfError('#DIV/0!', message);
/** Nothing to return. */
export const naError = (message: string) => new PerfError('#N/A', message);

export function isPerfError(value: unknown): value is PerfError {
  return value instanceof PerfError;
}
