/**
 * The Excel runtime contract for results: Excel's custom-functions runtime refuses Infinity
 * and NaN as a result (platform-facts.md, "Excel's file format"; Microsoft's data-type docs list
 * only finite doubles), so a PERF function whose number overflows gives #NUM! with a message —
 * per cell in an array result (the other cells keep their values), for the whole call for a
 * scalar. Both adapters apply the engine's one guard (engine/grid.ts finiteResult/finiteScalar) on
 * the way out: adapters/excel/functions.ts for Excel and adapters/hyperformula/plugin.ts for
 * `perfplan calc`, which reports the message Excel cannot show with #NUM!.
 *
 * The worked examples are issue 8, item 5: TIERED of 1e308, BREAKEVEN with a price of 1e-300,
 * NORMALIZE of huge values. Their arithmetic is plain IEEE-754: the largest double is about
 * 1.797e308, so 2 × 1e308, 1e9 / 1e-300 = 1e309 and 1e308 + 1e308 all overflow to Infinity.
 */
import fc from 'fast-check';
import { HyperFormula, DetailedCellError } from 'hyperformula';
import { EXCEL_FUNCTIONS, excelFunction } from '../../adapters/excel/functions';
import { createPerfPlugin } from '../../adapters/hyperformula/plugin';
import { CATALOG, EngineFunction, catalogFunction, isEngineFunction } from '../../catalog';
import * as engine from '../../engine';
import { installCustomFunctionsRuntime } from '../support/custom-functions-runtime';

installCustomFunctionsRuntime();

type Fn = (...args: unknown[]) => unknown;
/** The functions Excel calls, by lower-case name (tiered, breakeven, …). */
const fns: Record<string, Fn> = Object.fromEntries(Object.entries(EXCEL_FUNCTIONS).map(([id, fn]) => [id.toLowerCase(), fn as Fn]));
const customFunctions = fns;

function isExcelError(value: unknown): value is CustomFunctions.Error {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value;
}

/** The thrown CustomFunctions.Error of a whole-call failure. */
function thrownBy(run: () => unknown): CustomFunctions.Error {
  try {
    run();
  } catch (error) {
    expect(isExcelError(error)).toBe(true);
    return error as CustomFunctions.Error;
  }
  throw new Error('expected the call to throw a CustomFunctions.Error');
}

/** The code Excel gets (and no message: Excel shows none with #NUM!; perfplan calc reports it, below). */
function described(error: unknown): { code: string; message: string | undefined } {
  return { code: (error as CustomFunctions.Error).code, message: (error as CustomFunctions.Error).message || undefined };
}

const OVERFLOW = { code: '#NUM!', message: undefined };

describe('worked examples (issue 8, item 5), through the Excel adapter', () => {
  test('TIERED of 1e308 at a 200% rate: that cell is #NUM!, the other cells keep their values', () => {
    // marginal: 0 + 2 × (1e308 − 0) = 2e308 > 1.797e308 → Infinity; 100 × 2 = 200
    expect(engine.tiered([[1e308], [100]], [[0, 2]], null)).toEqual([[Infinity], [200]]); // what the engine computes
    const result = customFunctions.tiered([[1e308], [100]], [[0, 2]]) as unknown[][];
    expect(described(result[0][0])).toEqual(OVERFLOW);
    expect(result[1][0]).toBe(200);
    // retro: the whole 1e308 at 200% overflows the same way
    expect(described((customFunctions.tiered([[1e308]], [[0, 2]], 'retro') as unknown[][])[0][0])).toEqual(OVERFLOW);
  });

  test('BREAKEVEN with a price of 1e-300: fixed / (price − variable) = 1e9 / 1e-300 = 1e309 → #NUM!', () => {
    expect(engine.breakeven(1e9, 1e-300, 0)).toEqual([[Infinity]]);
    const result = customFunctions.breakeven(1e9 as never, 1e-300 as never, 0 as never) as unknown[][];
    expect(described(result[0][0])).toEqual(OVERFLOW);
    // element-wise: only the overflowing price fails; 1e9 / 120 stays
    const prices = customFunctions.breakeven(1e9 as never, [[1e-300], [120]], 0 as never) as unknown[][];
    expect(described(prices[0][0])).toEqual(OVERFLOW);
    expect(prices[1][0]).toBe(1e9 / 120);
  });

  test('NORMALIZE of 1e308, 1e308: the sum overflows → #NUM! for the whole call, naming the sum', () => {
    // Without the check Σ = Infinity and every weight would quietly be 1e308 / Infinity = 0.
    const error = thrownBy(() => customFunctions.normalize([[1e308, 1e308]]));
    expect(described(error)).toEqual({ code: '#NUM!', message: undefined });
    expect(() => engine.normalize([[1e308, 1e308]])).toThrow('values: the sum is not a finite number (overflow); scale the values down');
    expect(customFunctions.normalize([[1e307, 1e307]])).toEqual([[0.5, 0.5]]); // 2e307 still fits
  });

  test('a scalar result that is NaN or ±Infinity fails as a whole call with #NUM!', () => {
    // A scalar function (PAYBACK's entry) whose engine call gives a non-finite number.
    const returning = (value: number) => excelFunction({ ...(catalogFunction('PAYBACK') as EngineFunction), call: () => value });
    expect(described(thrownBy(() => returning(-Infinity)([[1]])))).toEqual({ code: '#NUM!', message: undefined });
    expect(described(thrownBy(() => returning(NaN)([[1]])))).toEqual({ code: '#NUM!', message: undefined });
    expect(() => engine.finiteScalar(-Infinity)).toThrow('result is not a finite number (overflow to -Infinity)');
    expect(() => engine.finiteScalar(NaN)).toThrow('result is not a number (NaN): an intermediate value overflowed or is undefined');
    expect(returning(1.5)([[1]])).toBe(1.5);
  });
});

describe('the same examples in perfplan calc (HyperFormula with the PERF plugin)', () => {
  const { plugin, translations } = createPerfPlugin(() => undefined);
  HyperFormula.registerFunctionPlugin(plugin, translations);
  // A1 spills TIERED over the amounts in F1:F2; inputs sit to the right of the formulas.
  const hf = HyperFormula.buildFromArray(
    [
      ['=PERF.TIERED(F1:F2, G1:H1)', '=PERF.BREAKEVEN(I1, J1, 0)', '=PERF.NORMALIZE(K1:L1)', null, null, 1e308, 0, 2, 1e9, 1e-300, 1e308, 1e308],
      [null, null, null, null, null, 100],
    ],
    { licenseKey: 'gpl-v3', smartRounding: false, useArrayArithmetic: true },
  );
  const at = (col: number, row: number) => hf.getCellValue({ sheet: 0, col, row });
  afterAll(() => hf.destroy());

  test.each([
    ['TIERED, first cell', 0, 0, 'result is not a finite number (overflow to Infinity)'],
    ['BREAKEVEN', 1, 0, 'result is not a finite number (overflow to Infinity)'],
    ['NORMALIZE', 2, 0, 'values: the sum is not a finite number (overflow); scale the values down'],
  ])('%s → #NUM! with the engine message', (_name, col, row, message) => {
    const value = at(col, row);
    expect(value).toBeInstanceOf(DetailedCellError);
    expect({ code: (value as DetailedCellError).value, message: (value as DetailedCellError).message }).toEqual({ code: '#NUM!', message });
  });

  test('TIERED, second cell keeps its value', () => {
    expect(at(0, 1)).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: no PERF function ever hands Excel a non-finite number.

/** Every catalog sample call, named by the function Excel calls (tiered, breakeven, …) and its place among the samples. */
const CALLS: [string, number, readonly unknown[]][] = CATALOG.filter(isEngineFunction).flatMap((fn) => fn.samples.map((args, i): [string, number, readonly unknown[]] => [fn.id.toLowerCase(), i + 1, args]));

/** Numbers that overflow sums, products and quotients, or underflow to zero. */
const EXTREMES = [Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -1e308, 1e300, 1e200, -1e200, 1e154, -1e154, 1e-300, -1e-300, 5e-324, 0, -0, 1, -1];

/** Paths to every number in an argument list: [argument] or [argument, row, column]. */
function numberPaths(args: readonly unknown[]): number[][] {
  const paths: number[][] = [];
  args.forEach((arg, a) => {
    if (typeof arg === 'number') paths.push([a]);
    if (Array.isArray(arg)) arg.forEach((line: unknown[], r) => line.forEach((cell, c) => typeof cell === 'number' && paths.push([a, r, c])));
  });
  return paths;
}

function withNumbers(args: readonly unknown[], changes: [number[], number][]): unknown[] {
  const copy = args.map((arg) => (Array.isArray(arg) ? arg.map((line: unknown[]) => line.slice()) : arg));
  for (const [[a, r, c], value] of changes) {
    if (r === undefined) copy[a] = value;
    else (copy[a] as unknown[][])[r][c] = value;
  }
  return copy;
}

/** What Excel accepts as a result: a finite number, text, a boolean, or a CustomFunctions.Error. */
function acceptable(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean' || isExcelError(value);
}

describe('property: no PERF function ever returns a non-finite number', () => {
  test('the samples cover every catalog function but BENCHMARK (a service lookup), and each computes', () => {
    const ids = CATALOG.map((f) => f.id).filter((id) => id !== 'BENCHMARK');
    expect([...new Set(CALLS.map(([name]) => name.toUpperCase()))].sort()).toEqual(ids.sort());
    for (const [name, call, args] of CALLS) {
      // each valid call really computes (so the mutations start from a working call)
      const result = fns[name](...args);
      const cells = Array.isArray(result) ? result.flat() : [result];
      expect({ name, call, errors: cells.filter(isExcelError).length }).toEqual({ name, call, errors: 0 });
    }
  });

  test.each(CALLS)('%s (valid call %i) with extreme numbers in place of its inputs', (name, _call, base) => {
    const paths = numberPaths(base);
    const value = fc.oneof(fc.constantFrom(...EXTREMES), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const changes = fc.array(fc.tuple(fc.constantFrom(...paths), value), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(changes, (change) => {
        let result: unknown;
        try {
          result = fns[name](...withNumbers(base, change));
        } catch (error) {
          expect(isExcelError(error)).toBe(true); // a whole-call error is always a CustomFunctions.Error
          return;
        }
        const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
        const bad = cells.filter((cell) => !acceptable(cell));
        expect(bad).toEqual([]);
      }),
      { numRuns: 150, seed: 8 },
    );
  });
});
