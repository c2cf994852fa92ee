/**
 * Registers every PERF.* function of the catalog in HyperFormula by calling the very same
 * exports Excel calls (addin/custom-functions/functions.ts). This file only converts
 * values: HyperFormula ranges/scalars → the 2-D arrays Excel passes, and Excel errors →
 * HyperFormula CellErrors with the engine's full message.
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

/** The parts of HyperFormula's AST and interpreter state the plugin touches. */
interface AstNode {
  type: string;
  value?: number;
}
interface ProcedureAst {
  args: AstNode[];
}
type InterpreterState = unknown;
import { PerfError } from '../engine/errors';
import type { Cell } from '../engine/grid';
import * as customFunctions from '../addin/custom-functions/functions';
import { engineErrorOf } from '../addin/custom-functions/adapt';
import { CatalogFunction, exportNameOf, loadCatalog } from './catalog';
import { installCustomFunctionsHost } from './custom-functions-host';
import { ArgumentInfo, RESULT_SHAPES } from './result-shapes';
import { hooksOf } from '../calc/hooks';

export const NAMESPACE = 'PERF';

const SIMULATIONS = new Set(['SIM', 'SIMCORR']);

const TO_ERROR_TYPE: Record<string, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#REF!': ErrorType.REF,
  '#NAME?': ErrorType.NAME,
  '#NULL!': ErrorType.ERROR,
};

const FROM_ERROR_TYPE: Partial<Record<ErrorType, PerfError['code']>> = {
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
};

/** A synchronous answer for PERF.BENCHMARK (HyperFormula cannot await); see calc.ts. */
export type BenchmarkResolver = (metric: Cell, segment: Cell, percentile: Cell) => number | PerfError;

let benchmarkResolver: BenchmarkResolver | null = null;

export function setBenchmarkResolver(resolver: BenchmarkResolver | null): void {
  benchmarkResolver = resolver;
}

/** One HyperFormula value → one cell as Excel would pass it. */
function toCell(value: unknown): Cell {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof CellError) {
    const code = FROM_ERROR_TYPE[value.type];
    return new PerfError(code ?? '#VALUE!', value.message || `an input cell holds #${value.type}`);
  }
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: number }).val; // dates, currencies…
  return String(value);
}

/** A HyperFormula argument → a scalar or the 2-D array Excel would pass. */
function toArgument(value: unknown): Cell | Cell[][] {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toCell));
  return toCell(value);
}

function toCellError(error: unknown): CellError {
  const engineError = engineErrorOf(error) ?? (error instanceof PerfError ? error : undefined);
  if (engineError) return new CellError(TO_ERROR_TYPE[engineError.code], engineError.message);
  const code = (error as { code?: string }).code;
  if (code && TO_ERROR_TYPE[code]) return new CellError(TO_ERROR_TYPE[code], (error as Error).message || undefined);
  return new CellError(ErrorType.VALUE, `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}

function isExcelError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value;
}

/** An Excel-side result → HyperFormula's value. */
function toHyperFormula(result: unknown): unknown {
  if (Array.isArray(result)) {
    return SimpleRangeValue.onlyValues(
      result.map((row: unknown[]) => row.map((v) => (isExcelError(v) ? toCellError(v) : (v as number | string | boolean)))),
    );
  }
  if (isExcelError(result)) return toCellError(result);
  return result;
}

/**
 * HyperFormula reserves the predicted area for an array formula. Excel shows a whole-call
 * error in one cell and leaves the rest empty: pad with empties to the predicted size
 * (HyperFormula would otherwise repeat the error over the whole area).
 */
function fitToPredictedSize(result: unknown, shape: { rows: number; cols: number }): unknown {
  const data: unknown[][] = result instanceof SimpleRangeValue ? result.data : [[result]];
  if (data.length === shape.rows && data[0].length === shape.cols) return result;
  const padded = Array.from({ length: shape.rows }, (_, r) =>
    Array.from({ length: shape.cols }, (_, c) => (r < data.length && c < data[r].length ? data[r][c] : EmptyValue)),
  );
  return SimpleRangeValue.onlyValues(padded as never);
}

function argumentInfo(plugin: FunctionPlugin, ast: ProcedureAst, state: InterpreterState): ArgumentInfo {
  const args = ast.args;
  const self = plugin as unknown as {
    arraySizeForAst(a: unknown, s: InterpreterState): ArraySize;
    evaluateAst(a: unknown, s: InterpreterState): unknown;
  };
  return {
    count: args.length,
    shape: (i) => {
      const arg = args[i];
      if (!arg || arg.type === 'EMPTY') return { rows: 1, cols: 1 };
      const size = self.arraySizeForAst(arg, state);
      return { rows: Math.max(1, size.height), cols: Math.max(1, size.width) };
    },
    number: (i) => {
      const arg = args[i];
      if (!arg || arg.type === 'EMPTY') return undefined;
      if (arg.type === 'NUMBER') return arg.value;
      try {
        const value = toCell(self.evaluateAst(arg, state));
        return typeof value === 'number' ? value : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

function definitionOf(fn: CatalogFunction) {
  return {
    method: `perf_${fn.id}`,
    ...(fn.result?.dimensionality === 'matrix' ? { sizeOfResultArrayMethod: `perf_${fn.id}_size` } : {}),
    parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(p.optional) })),
    vectorizationForbidden: true,
  };
}

/** Builds the plugin class and its translations from the catalog. */
export function createPerfPlugin(): { plugin: FunctionPluginDefinition; translations: Record<string, Record<string, string>> } {
  installCustomFunctionsHost();
  const catalog = loadCatalog().functions;
  const implementedFunctions: ImplementedFunctions = {};
  const names: Record<string, string> = {};

  class PerfPlugin extends FunctionPlugin {}
  const prototype = PerfPlugin.prototype as unknown as Record<string, unknown>;

  for (const fn of catalog) {
    const formulaId = `${NAMESPACE}.${fn.name}`;
    const exportName = exportNameOf(fn.id);
    const implementation = (customFunctions as Record<string, unknown>)[exportName];
    if (typeof implementation !== 'function') throw new Error(`catalog function ${fn.id} has no export "${exportName}"`);
    const shapeRule = RESULT_SHAPES[fn.id];
    if (fn.result?.dimensionality === 'matrix' && !shapeRule) throw new Error(`no result-shape rule for ${fn.id}`);
    implementedFunctions[formulaId] = definitionOf(fn);
    names[formulaId] = formulaId;

    prototype[`perf_${fn.id}`] = function (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
      const self = this as unknown as { runFunction(...a: unknown[]): unknown; metadata(n: string): unknown };
      if (SIMULATIONS.has(fn.id) && shapeRule) {
        // Every sample costs time and memory: the calculation as a whole has a budget.
        const shape = shapeRule(argumentInfo(this, ast, state));
        const hooks = hooksOf((this as unknown as { dependencyGraph: object }).dependencyGraph);
        const at = (state as { formulaAddress?: { sheet: number; row: number; col: number } }).formulaAddress;
        const address = at ? `${at.sheet}:${at.row}:${at.col}` : '?';
        if (hooks && !hooks.chargeSamples(address, shape.rows * shape.cols)) {
          return fitToPredictedSize(new CellError(ErrorType.NUM, 'over the calculation’s simulation sample budget'), shape);
        }
      }
      const result = self.runFunction(ast.args, state, self.metadata(formulaId), (...values: unknown[]) => {
        const args = fn.parameters.map((_, i) => toArgument(values[i]));
        try {
          if (fn.id === 'BENCHMARK') {
            const answer = benchmarkResolver
              ? benchmarkResolver(args[0] as Cell, (args[1] ?? null) as Cell, (args[2] ?? null) as Cell)
              : new PerfError('#N/A', 'service unavailable (perfplan calc has no PerfPlan API configured)');
            return toHyperFormula(answer);
          }
          return toHyperFormula((implementation as (...a: unknown[]) => unknown)(...args));
        } catch (error) {
          return toCellError(error);
        }
      });
      return shapeRule ? fitToPredictedSize(result, shapeRule(argumentInfo(this, ast, state))) : result;
    };
    if (shapeRule) {
      prototype[`perf_${fn.id}_size`] = function (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
        const shape = shapeRule(argumentInfo(this, ast, state));
        return new ArraySize(shape.cols, shape.rows);
      };
    }
  }
  (PerfPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implementedFunctions;
  return { plugin: PerfPlugin as unknown as FunctionPluginDefinition, translations: { enGB: names, enUS: names } };
}
