/**
 * The Excel adapter: engine errors become CustomFunctions.Error the way Excel accepts them
 * (a message only on #VALUE! and #N/A, localized for zh-CN), per-cell errors stay in place.
 */
import { engineErrorOf, excelGrid, excelScalar, toExcelError } from '../../addin/custom-functions/adapt';
import { localizeMessage } from '../../addin/custom-functions/messages';
import { PerfError, numError, valueError } from '../../engine/errors';
import { installCustomFunctionsHost } from '../../cli/custom-functions-host';

installCustomFunctionsHost();

describe('toExcelError', () => {
  it('#VALUE! and #N/A carry the message; #NUM! and #DIV/0! carry none (Excel rejects it) but remember the engine error', () => {
    const value = toExcelError(valueError('tiers must have 2 columns; got 3'));
    expect(value.code).toBe('#VALUE!');
    expect(value.message).toBe('tiers must have 2 columns; got 3');
    const na = toExcelError(new PerfError('#N/A', 'never pays back'));
    expect([na.code, na.message]).toEqual(['#N/A', 'never pays back']);
    const num = toExcelError(numError('amount cannot be negative; got -1'));
    expect(num.code).toBe('#NUM!');
    expect(num.message).toBeFalsy();
    expect(engineErrorOf(num)?.message).toBe('amount cannot be negative; got -1');
    const div = toExcelError(new PerfError('#DIV/0!', 'values sum to 0'));
    expect([div.code, div.message || undefined]).toEqual(['#DIV/0!', undefined]);
  });

  it('speaks Chinese when Office runs in zh-CN', () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: 'zh-CN' } };
    try {
      expect(toExcelError(valueError('amount, row 3 is blank; a number is required')).message).toBe('amount，第 3 行为空；需要一个数字');
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe('excelGrid / excelScalar', () => {
  it('puts per-cell errors inside the returned array', () => {
    const grid = excelGrid(() => [[1, numError('bad')]]);
    expect(grid[0][0]).toBe(1);
    expect((grid[0][1] as CustomFunctions.Error).code).toBe('#NUM!');
  });
  it('throws whole-call errors as CustomFunctions.Error', () => {
    expect(() =>
      excelScalar(() => {
        throw valueError('matrix must be square');
      }),
    ).toThrow(expect.objectContaining({ code: '#VALUE!', message: 'matrix must be square' }));
  });
  it('turns an unexpected exception into a clear #VALUE!, never a host crash', () => {
    expect(() =>
      excelGrid(() => {
        throw new TypeError('boom');
      }),
    ).toThrow(expect.objectContaining({ code: '#VALUE!', message: 'unexpected error: boom' }));
  });
});

describe('localizeMessage', () => {
  it('leaves English (and Traditional Chinese hosts) unchanged', () => {
    expect(localizeMessage('x is text ("a"); a number is required', 'en-US')).toBe('x is text ("a"); a number is required');
    expect(localizeMessage('service unavailable', 'zh-TW')).toBe('service unavailable');
  });
  it('translates known phrases for zh-CN and keeps argument names', () => {
    expect(localizeMessage('tiers, row 2, column 1 is text ("x"); a number is required', 'zh-CN')).toBe('tiers，第 2 行第 1 列是文本 ("x")；需要一个数字');
    expect(localizeMessage('service unavailable (HTTP 503)', 'zh-cn')).toBe('服务不可用 (HTTP 503)');
  });
});
