/**
 * PERF.* in HyperFormula (for `perfplan calc`): every catalog function registered as a
 * plugin function that calls its engine function directly. This file only converts: HyperFormula
 * ranges and scalars → the 2-D arrays Excel passes, engine results → HyperFormula values, and
 * PerfErrors → CellErrors with the engine's message. Result sizes come from the catalog's shape
 * rules (HyperFormula sizes an array before evaluating it).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  FunctionPluginDefinition,
  ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { PerfError, asPerfError } from '../../engine/errors';
import { Arg, Cell, ResultGrid, finiteResult, finiteScalar } from '../../engine/grid';
import { ArgumentInfo, CATALOG, CatalogFunction, NAMESPACE, isEngineFunction } from '../../catalog';
import { ERRORS, Locale } from '../../i18n';
import type { InterpreterState, PluginInternals as Plugin, ProcedureAst } from './internals';

/** What a calculation lends the plugin (see calc/hooks.ts): a simulation budget and PERF.BENCHMARK answers. */
export interface PerfHooks {
  /** False once the cell at `address` would take the calculation over its sample budget. */
  chargeSamples?(address: string, samples: number): boolean;
  /** PERF.BENCHMARK, answered synchronously (HyperFormula cannot await). */
  benchmark?(metric: Cell, segment: Cell, percentile: Cell): number | PerfError;
  /** The language of error messages (the command line's locale); en-US when none. */
  locale?: Locale;
}

const TO_ERROR_TYPE: Record<PerfError['code'], ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
};

const FROM_ERROR_TYPE: Partial<Record<ErrorType, PerfError['code']>> = {
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
};

const SIMULATIONS = new Set(['SIM', 'SIMCORR']);

/** One HyperFormula value → one cell as Excel would pass it. */
function toCell(value: unknown): Cell {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof CellError) {
    const code = FROM_ERROR_TYPE[value.type] ?? '#VALUE!';
    return value.message ? new PerfError(code, value.message) : new PerfError(code, ERRORS.inputCellHolds, { code: `#${value.type}` });
  }
  if (typeof value === 'object' && 'val' in value) return (value as { val: number }).val; // dates, currencies…
  return String(value);
}

/** A HyperFormula argument → a scalar or the 2-D array Excel would pass. */
function toArgument(value: unknown): Arg {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toCell));
  return toCell(value);
}

/** Anything thrown → a CellError with the message in `locale` (an unexpected failure is a #VALUE! too). */
function toCellError(error: unknown, locale: Locale = 'en-US'): CellError {
  const perf = asPerfError(error);
  return new CellError(TO_ERROR_TYPE[perf.code], perf.localized(locale));
}

/** An engine result → HyperFormula's value; non-finite numbers become #NUM! as in Excel. */
function toHyperFormula(result: ResultGrid | number, locale: Locale | undefined): unknown {
  if (typeof result === 'number') return finiteScalar(result);
  return SimpleRangeValue.onlyValues(
    result.map((row) =>
      row.map((v) => {
        const checked = finiteResult(v);
        return checked instanceof PerfError ? toCellError(checked, locale) : checked;
      }),
    ) as never,
  );
}

/**
 * HyperFormula reserves the predicted area for an array formula. Excel shows a whole-call
 * error in one cell and leaves the rest empty: pad with empties to the predicted size
 * (HyperFormula would otherwise repeat the error over the whole area).
 */
function fitToPredictedSize(result: unknown, shape: { rows: number; cols: number }): unknown {
  const data: unknown[][] = result instanceof SimpleRangeValue ? result.data : [[result]];
  if (data.length === shape.rows && data[0].length === shape.cols) return result;
  const padded = Array.from({ length: shape.rows }, (_, r) => Array.from({ length: shape.cols }, (_, c) => (r < data.length && c < data[r].length ? data[r][c] : EmptyValue)));
  return SimpleRangeValue.onlyValues(padded as never);
}

function argumentInfo(plugin: Plugin, ast: ProcedureAst, state: InterpreterState): ArgumentInfo {
  const args = ast.args;
  return {
    count: args.length,
    shape: (i) => {
      const arg = args[i];
      if (!arg || arg.type === 'EMPTY') return { rows: 1, cols: 1 };
      const size = plugin.arraySizeForAst(arg, state);
      return { rows: Math.max(1, size.height), cols: Math.max(1, size.width) };
    },
    number: (i) => {
      const arg = args[i];
      if (!arg || arg.type === 'EMPTY') return undefined;
      if (arg.type === 'NUMBER') return arg.value as number;
      try {
        const value = toCell(plugin.evaluateAst(arg, state));
        return typeof value === 'number' ? value : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Builds the plugin class and its translations from the catalog; `hooksOf` finds the calculation's hooks. */
export function createPerfPlugin(hooksOf: (plugin: FunctionPlugin) => PerfHooks | undefined): {
  plugin: FunctionPluginDefinition;
  translations: Record<string, Record<string, string>>;
} {
  const implementedFunctions: ImplementedFunctions = {};
  const names: Record<string, string> = {};
  class PerfPlugin extends FunctionPlugin {}
  const prototype = PerfPlugin.prototype as unknown as Record<string, unknown>;

  for (const fn of CATALOG) {
    const formulaId = `${NAMESPACE}.${fn.id}`;
    const shapeRule = fn.result.kind === 'range' ? fn.result.shape : undefined;
    implementedFunctions[formulaId] = {
      method: `perf_${fn.id}`,
      ...(shapeRule ? { sizeOfResultArrayMethod: `perf_${fn.id}_size` } : {}),
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
      vectorizationForbidden: true,
    };
    names[formulaId] = formulaId;

    prototype[`perf_${fn.id}`] = function (this: Plugin, ast: ProcedureAst, state: InterpreterState) {
      const hooks = hooksOf(this);
      const shape = shapeRule ? shapeRule(argumentInfo(this, ast, state)) : undefined;
      if (shape && SIMULATIONS.has(fn.id) && hooks?.chargeSamples) {
        // Every sample costs time and memory: the calculation as a whole has a budget.
        const at = state.formulaAddress;
        if (!hooks.chargeSamples(at ? `${at.sheet}:${at.row}:${at.col}` : '?', shape.rows * shape.cols)) {
          return fitToPredictedSize(new CellError(ErrorType.NUM, 'over the calculation’s simulation sample budget'), shape);
        }
      }
      const result = this.runFunction(ast.args, state, this.metadata(formulaId), (...values: unknown[]) => call(fn, values.map(toArgument), hooks));
      return shape ? fitToPredictedSize(result, shape) : result;
    };
    if (shapeRule) {
      prototype[`perf_${fn.id}_size`] = function (this: Plugin, ast: ProcedureAst, state: InterpreterState) {
        const shape = shapeRule(argumentInfo(this, ast, state));
        return new ArraySize(shape.cols, shape.rows);
      };
    }
  }
  (PerfPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implementedFunctions;
  return { plugin: PerfPlugin as unknown as FunctionPluginDefinition, translations: { enGB: names, enUS: names } };
}

/** One call of a catalog function with Excel's arguments (omitted ones null). */
function call(fn: CatalogFunction, args: Arg[], hooks: PerfHooks | undefined): unknown {
  const padded = fn.parameters.map((_, i) => args[i] ?? null);
  const locale = hooks?.locale;
  try {
    if (isEngineFunction(fn)) return toHyperFormula(fn.call(...padded), locale);
    const answer = hooks?.benchmark
      ? hooks.benchmark(padded[0] as Cell, padded[1] as Cell, padded[2] as Cell)
      : new PerfError('#N/A', ERRORS.serviceNotInCalc);
    return answer instanceof PerfError ? toCellError(answer, locale) : answer;
  } catch (error) {
    return toCellError(error, locale);
  }
}
