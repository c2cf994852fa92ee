/**
 * engine/errors.ts asPerfError: what the adapters (Excel's custom functions, the HyperFormula
 * plugin of perfplan calc) make of anything a calculation throws — a PerfError passes as it is;
 * anything else is a #VALUE! that names what went wrong, in the reader's language.
 */
import { PerfError, asPerfError, numError } from '../../engine/errors';
import { ERRORS } from '../../i18n/errors';

test('a PerfError passes through unchanged', () => {
  const own = numError(ERRORS.notPositive, { what: 'target', got: 0 });
  expect(asPerfError(own)).toBe(own);
});

test.each<[string, unknown, string]>([
  ['an Error', new RangeError('Maximum call stack size exceeded'), 'Maximum call stack size exceeded'],
  ['a thrown string', 'out of memory', 'out of memory'],
])('%s becomes a #VALUE! naming it, in either language', (_, thrown, detail) => {
  const error = asPerfError(thrown);
  expect(error).toBeInstanceOf(PerfError);
  expect(error.code).toBe('#VALUE!');
  expect(error.localized('en-US')).toBe(`unexpected error: ${detail}`);
  expect(error.localized('zh-CN')).toBe(`意外错误：${detail}`);
});
