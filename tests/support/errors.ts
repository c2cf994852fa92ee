/** Assertions for engine errors: the Excel code, and a message naming the argument. */
import { ExcelErrorCode, PerfError } from '../../engine/errors';

/** Runs `call` and expects it to throw a PerfError with `code` and a message matching `message`. */
export function expectPerfError(call: () => unknown, code: ExcelErrorCode, message: RegExp): PerfError {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PerfError);
  const error = caught as PerfError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

/** Expects a result cell (from an element-wise function) to be a PerfError. */
export function expectErrorCell(cell: unknown, code: ExcelErrorCode, message: RegExp): void {
  expect(cell).toBeInstanceOf(PerfError);
  expect((cell as PerfError).code).toBe(code);
  expect((cell as PerfError).message).toMatch(message);
}
