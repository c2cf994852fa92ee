/** Assertions for engine errors: the Excel code, and a message naming the argument. */
import { ExcelErrorCode, PerfError } from '../../engine/errors';
import { thrownBy } from './shared-thrown';

/** Runs `call` and expects it to throw a PerfError with `code` and a message matching `message`. */
export function expectPerfError(call: () => unknown, code: ExcelErrorCode, message: RegExp): PerfError {
  // Fails when nothing is thrown; an error of another class is rethrown as it is (shared-thrown.ts).
  const error = thrownBy(PerfError, call);
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
