/**
 * The Excel side of the adapter: engine results and PerfErrors become what Excel's
 * custom-functions runtime accepts. No business rules here. Every PERF result passes
 * excelGrid/excelScalar (in Excel and in `perfplan calc`, whose HyperFormula plugin calls the
 * same exports), so this is where the engine's finiteResult/finiteScalar guard is applied:
 * Excel rejects Infinity and NaN, which become #NUM! here.
 *
 * Excel shows a message only for #VALUE! and #N/A, so only those carry one; the engine
 * error behind every CustomFunctions.Error is remembered (not attached as a property the
 * runtime might reject) so the headless calculator can still report the full message.
 */
import { ExcelErrorCode, PerfError } from '../../engine/errors';
import { Result, ResultGrid, finiteResult, finiteScalar } from '../../engine/grid';
import { localizeMessage } from './messages';

export type ExcelCell = number | string | boolean | CustomFunctions.Error;

const engineErrors = new WeakMap<object, PerfError>();

/** The engine error an Excel error was made from, if any. */
export function engineErrorOf(error: unknown): PerfError | undefined {
  return typeof error === 'object' && error !== null ? engineErrors.get(error) : undefined;
}

function errorCode(code: ExcelErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case '#VALUE!':
      return CustomFunctions.ErrorCode.invalidValue;
    case '#NUM!':
      return CustomFunctions.ErrorCode.invalidNumber;
    case '#DIV/0!':
      return CustomFunctions.ErrorCode.divisionByZero;
    case '#N/A':
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

/** Host language for messages; Office tells it in Excel, English elsewhere. */
function displayLanguage(): string {
  try {
    return typeof Office !== 'undefined' && Office.context ? Office.context.displayLanguage || 'en-US' : 'en-US';
  } catch {
    return 'en-US';
  }
}

export function toExcelError(error: PerfError): CustomFunctions.Error {
  const code = errorCode(error.code);
  const carriesMessage = error.code === '#VALUE!' || error.code === '#N/A';
  const excelError = carriesMessage
    ? new CustomFunctions.Error(code, localizeMessage(error.message, displayLanguage()))
    : new CustomFunctions.Error(code);
  engineErrors.set(excelError, error);
  return excelError;
}

/** Anything unexpected is still a clear #VALUE!, never a crash in the host. */
function asPerfError(error: unknown): PerfError {
  if (error instanceof PerfError) return error;
  return new PerfError('#VALUE!', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}

/** One result cell for Excel: an engine error or a non-finite number becomes a CustomFunctions.Error. */
function cell(value: Result): ExcelCell {
  const checked = finiteResult(value);
  return checked instanceof PerfError ? toExcelError(checked) : checked;
}

/**
 * Runs an array-returning engine call; whole-call errors are thrown as Excel errors, and a cell
 * that is an error or not a finite number (Excel refuses Infinity and NaN) becomes its own error.
 */
export function excelGrid(run: () => ResultGrid): ExcelCell[][] {
  let result: ResultGrid;
  try {
    result = run();
  } catch (error) {
    throw toExcelError(asPerfError(error));
  }
  return result.map((row) => row.map(cell));
}

/** Runs a scalar-returning engine call; a non-finite number is a whole-call #NUM!. */
export function excelScalar<T extends number | string>(run: () => T): T {
  try {
    return finiteScalar(run());
  } catch (error) {
    throw toExcelError(asPerfError(error));
  }
}
