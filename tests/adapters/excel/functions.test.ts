/**
 * The Excel adapter: every catalog function registered under its id; engine errors become
 * CustomFunctions.Error the way Excel accepts them (a message only on #VALUE! and #N/A,
 * localized for zh-CN), per-cell errors stay in place, and nothing unexpected crashes the host.
 */
import { EXCEL_FUNCTIONS, excelFunction, toExcelError } from '../../../adapters/excel/functions';
import { CATALOG, EngineFunction, catalogFunction } from '../../../catalog';
import { PerfError, numError, valueError } from '../../../engine/errors';
import * as engine from '../../../engine';
import { ERRORS } from '../../../i18n';
import { installCustomFunctionsRuntime } from '../../support/custom-functions-runtime';

installCustomFunctionsRuntime();

/** A catalog entry whose engine call is `call` (so the adapter's handling can be seen alone). */
function adapted(call: EngineFunction['call']) {
  return excelFunction({ ...(catalogFunction('TIERED') as EngineFunction), call });
}

describe('registration', () => {
  it('one function per catalog entry, under its id, associated with the runtime when it is there', () => {
    expect(Object.keys(EXCEL_FUNCTIONS)).toEqual(CATALOG.map((fn) => fn.id));
    const associated: string[] = [];
    jest.isolateModules(() => {
      const g = globalThis as unknown as { CustomFunctions: { associate: (id: string) => void } };
      const saved = g.CustomFunctions.associate;
      g.CustomFunctions.associate = (id: string) => associated.push(id);
      try {
        require('../../../adapters/excel/functions');
      } finally {
        g.CustomFunctions.associate = saved;
      }
    });
    expect(associated).toEqual(CATALOG.map((fn) => fn.id));
  });

  it('an omitted trailing argument reaches the engine as null, as Excel passes an omitted optional one', () => {
    let seen: unknown[] = [];
    adapted((...args) => {
      seen = args;
      return [[1]];
    })([[5]], [[0, 0.1]]);
    expect(seen).toEqual([[[5]], [[0, 0.1]], null]);
  });
});

describe('toExcelError', () => {
  it('#VALUE! and #N/A carry the message; #NUM! and #DIV/0! carry none (Excel rejects it)', () => {
    const value = toExcelError(valueError('tiers must have 2 columns; got 3'));
    expect(value.code).toBe('#VALUE!');
    expect(value.message).toBe('tiers must have 2 columns; got 3');
    const na = toExcelError(new PerfError('#N/A', 'never pays back'));
    expect([na.code, na.message]).toEqual(['#N/A', 'never pays back']);
    const num = toExcelError(numError('amount cannot be negative; got -1'));
    expect(num.code).toBe('#NUM!');
    expect(num.message).toBeFalsy();
    const div = toExcelError(new PerfError('#DIV/0!', 'values sum to 0'));
    expect([div.code, div.message || undefined]).toEqual(['#DIV/0!', undefined]);
  });

  it('speaks Chinese when Office runs in zh-CN (the engine error rendered in the display language)', () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: 'zh-CN' } };
    try {
      // PERF.TIERED over a blank third amount: the engine's own error, in Chinese.
      const grid = EXCEL_FUNCTIONS.TIERED([[1000], [2000], [null]], [[0, 0.1]], null) as unknown[][];
      expect((grid[2][0] as CustomFunctions.Error).message).toBe('amount，第 3 行为空；需要一个数字');
      expect(toExcelError(engine.naError(ERRORS.serviceUnavailable, { reason: 'HTTP 503' })).message).toBe('服务不可用（HTTP 503）');
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });

  it('speaks English elsewhere, and in Traditional Chinese Office (the manifest localizes for zh-CN only)', () => {
    expect((EXCEL_FUNCTIONS.TIERED([[null]], [[0, 0.1]], null) as unknown[][])[0][0]).toMatchObject({ message: 'amount is blank; a number is required' });
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: 'zh-TW' } };
    try {
      expect((EXCEL_FUNCTIONS.TIERED([[null]], [[0, 0.1]], null) as unknown[][])[0][0]).toMatchObject({ message: 'amount is blank; a number is required' });
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe('results', () => {
  it('puts per-cell errors inside the returned array', () => {
    const grid = adapted(() => [[1, numError('bad')]])([[1]], [[0, 0]]) as unknown[][];
    expect(grid[0][0]).toBe(1);
    expect((grid[0][1] as CustomFunctions.Error).code).toBe('#NUM!');
  });
  it('throws whole-call errors as CustomFunctions.Error', () => {
    const fail = adapted(() => {
      throw valueError('matrix must be square');
    });
    expect(() => fail([[1]], [[0, 0]])).toThrow(expect.objectContaining({ code: '#VALUE!', message: 'matrix must be square' }));
  });
  it('turns an unexpected exception into a clear #VALUE!, never a host crash', () => {
    const fail = adapted(() => {
      throw new TypeError('boom');
    });
    expect(() => fail([[1]], [[0, 0]])).toThrow(expect.objectContaining({ code: '#VALUE!', message: 'unexpected error: boom' }));
  });
  it('computes through the engine: PERF.TIERED(35,000) on 0–20,000 at 2%, above at 4% = 400 + 600', () => {
    expect(EXCEL_FUNCTIONS.TIERED([[35000]], [[0, 0.02], [20000, 0.04]], null)).toEqual([[1000]]);
  });
});
