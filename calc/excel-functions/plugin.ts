/**
 * What Excel stores that HyperFormula lacks, as a HyperFormula function plugin:
 *   SINGLE(x)               `@x`: implicit intersection (Microsoft: "Implicit intersection operator: @")
 *   XMATCH(v, array, m, s)  see xmatch.ts
 *   PERFPLAN.FIT(x, r, c)   a legacy Ctrl+Shift+Enter array over r×c cells
 *   PERFPLAN.UNSUPPORTED(m) #NAME? with a message naming what perfplan calc cannot compute
 *   PERFPLAN.ERROR(code)    an error literal HyperFormula has no type for (#NULL!, #CALC!, …)
 *   PERFPLAN.SIZE(x, r, c)  a dynamic array given r×c cells; it records the size x really has, so
 *                           the calculation can settle every spill to its result (HyperFormula
 *                           sizes arrays before evaluating: FILTER by its input, a bare range not
 *                           at all)
 *   PERFPLAN.DATA(n)        the stored constants of a range an add-in call reads, handed over
 *                           without a formula-graph cell per value (see ../live-cells.ts)
 * The formula translator (../translate.ts) writes these names; users never type them.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  FunctionPluginDefinition,
  SimpleRangeValue,
} from 'hyperformula';
import { CalculationHooks, cellKey, hooksOf } from '../hooks';
import { CALC } from '../../i18n/calc';
import { DEFAULT_LOCALE, Locale } from '../../i18n/locale';
import { render } from '../../i18n/text';
import { LookupValue, xmatch } from './xmatch';
import type { AstNode as Ast, InterpreterState as State, PluginInternals as Plugin, ProcedureAst } from '../../adapters/hyperformula/internals';

export const FIT = 'PERFPLAN.FIT';
export const UNSUPPORTED = 'PERFPLAN.UNSUPPORTED';
export const ERROR_LITERAL = 'PERFPLAN.ERROR';
export const SIZE = 'PERFPLAN.SIZE';
export const DATA = 'PERFPLAN.DATA';

/** Marks errors HyperFormula has no type for; the results layer turns them back into Excel's code. */
export const EXCEL_ONLY_ERRORS = ['#NULL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];

function lookupValue(value: unknown): LookupValue {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: number }).val;
  return null;
}

/** Excel's implicit intersection of a range with the formula's row or column; arrays give their first value. */
function intersect(value: unknown, state: State, locale: Locale): unknown {
  if (!(value instanceof SimpleRangeValue)) return value;
  const data = value.data;
  if (data.length === 1 && data[0].length === 1) return data[0][0];
  const range = value.range;
  if (!range) return data[0][0];
  const { row, col, sheet } = state.formulaAddress;
  if (range.start.sheet !== sheet) return new CellError(ErrorType.VALUE, render(CALC.intersectOtherSheet, locale));
  if (data[0].length === 1 && row >= range.start.row && row <= range.end.row) return data[row - range.start.row][0];
  if (data.length === 1 && col >= range.start.col && col <= range.end.col) return data[0][col - range.start.col];
  return new CellError(ErrorType.VALUE, render(CALC.intersectNone, locale));
}

/**
 * How Excel fills a legacy array's fixed area (Microsoft: "Guidelines and examples of array
 * formulas"): a single value fills every cell, a single row or column repeats, and cells
 * beyond a larger result are #N/A; a result larger than the area is cut.
 */
function fit(value: unknown, rows: number, cols: number, locale: Locale): SimpleRangeValue {
  const data: unknown[][] = value instanceof SimpleRangeValue ? value.data : [[value]];
  const height = data.length;
  const width = data[0]?.length ?? 0;
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      const sr = height === 1 ? 0 : r;
      const sc = width === 1 ? 0 : c;
      line.push(sr < height && sc < width ? data[sr][sc] : new CellError(ErrorType.NA, render(CALC.outsideArray, locale)));
    }
    out.push(line);
  }
  return SimpleRangeValue.onlyValues(out as never);
}

/**
 * The size a value really has: a range's rows × columns; one cell for a scalar, and for an
 * add-in call's whole-call error (which the PERF plugin pads to its predicted size).
 */
function actualSize(value: unknown): [number, number] {
  if (!(value instanceof SimpleRangeValue)) return [1, 1];
  const data = value.data;
  if (data[0]?.[0] instanceof CellError && data.every((line, r) => line.every((cell, c) => (r === 0 && c === 0) || cell === EmptyValue))) return [1, 1];
  return [data.length, data[0]?.length ?? 1];
}

function literalNumber(ast: Ast | undefined, fallback = 1): number {
  return ast && ast.type === 'NUMBER' && typeof ast.value === 'number' ? ast.value : fallback;
}

class ExcelCompatPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    SINGLE: { method: 'single', parameters: [{ argumentType: FunctionArgumentType.ANY }], vectorizationForbidden: true },
    XMATCH: {
      method: 'xmatch',
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0 },
        { argumentType: FunctionArgumentType.INTEGER, defaultValue: 1 },
      ],
    },
    [FIT]: {
      method: 'fit',
      sizeOfResultArrayMethod: 'fitSize',
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.INTEGER }, { argumentType: FunctionArgumentType.INTEGER }],
      vectorizationForbidden: true,
    },
    [SIZE]: {
      method: 'sized',
      sizeOfResultArrayMethod: 'sizedSize',
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.INTEGER }, { argumentType: FunctionArgumentType.INTEGER }],
      vectorizationForbidden: true,
    },
    [DATA]: { method: 'data', sizeOfResultArrayMethod: 'dataSize', parameters: [{ argumentType: FunctionArgumentType.NUMBER }], vectorizationForbidden: true },
    [UNSUPPORTED]: { method: 'unsupported', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
    [ERROR_LITERAL]: { method: 'errorLiteral', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  };

  /** The language of this calculation's messages (en-US outside one). */
  private locale(): Locale {
    return hooksOf((this as unknown as { dependencyGraph: object }).dependencyGraph)?.locale ?? DEFAULT_LOCALE;
  }

  single(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata('SINGLE'), (value) => intersect(value, state, this.locale()));
  }

  xmatch(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata('XMATCH'), (lookup, range, matchMode, searchMode) => {
      const data = (range as SimpleRangeValue).data;
      if (data.length > 1 && data[0].length > 1) return new CellError(ErrorType.VALUE, render(CALC.xmatchShape, this.locale()));
      const values = (data.length === 1 ? data[0] : data.map((line) => line[0])).map(lookupValue);
      const found = xmatch(lookupValue(lookup), values, matchMode as number, searchMode as number);
      if (found === '#N/A') return new CellError(ErrorType.NA, render(CALC.xmatchNoMatch, this.locale()));
      if (found === '#VALUE!') return new CellError(ErrorType.VALUE, render(CALC.xmatchModes, this.locale()));
      return found;
    });
  }

  fit(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata(FIT), (value, rows, cols) => fit(value, rows as number, cols as number, this.locale()));
  }

  fitSize(ast: ProcedureAst) {
    return new ArraySize(literalNumber(ast.args[2]), literalNumber(ast.args[1]));
  }

  sized(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata(SIZE), (value, givenRows, givenCols) => {
      const { sheet, row, col } = state.formulaAddress;
      const [rows, cols] = actualSize(value);
      hooksOf((this as unknown as { dependencyGraph: object }).dependencyGraph)?.recordSize(cellKey(sheet, row, col), rows, cols);
      // Given one cell, HyperFormula expects a single value (the next round gives the real size).
      if (value instanceof SimpleRangeValue && (givenRows as number) * (givenCols as number) === 1) return value.data[0][0];
      // HyperFormula pads a smaller result but cannot cut a larger one (nor an add-in's whole-call error padded
      // to the size its arguments predict); the next round gives the real size.
      if (value instanceof SimpleRangeValue && (value.data.length > (givenRows as number) || (value.data[0]?.length ?? 0) > (givenCols as number))) {
        return SimpleRangeValue.onlyValues(value.data.slice(0, givenRows as number).map((line) => line.slice(0, givenCols as number)) as never);
      }
      return value;
    });
  }

  sizedSize(ast: ProcedureAst) {
    return new ArraySize(literalNumber(ast.args[2]), literalNumber(ast.args[1]));
  }

  private hooks(): CalculationHooks {
    const hooks = hooksOf((this as unknown as { dependencyGraph: object }).dependencyGraph);
    if (!hooks) throw new Error('PERFPLAN.DATA used outside a calculation');
    return hooks;
  }

  data(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata(DATA), (n) => SimpleRangeValue.onlyValues(this.hooks().dataValues(n as number) as never));
  }

  dataSize(ast: ProcedureAst) {
    const { rows, cols } = this.hooks().dataSize(literalNumber(ast.args[0], 0));
    return new ArraySize(cols, rows);
  }

  unsupported(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata(UNSUPPORTED), (message) => new CellError(ErrorType.NAME, message as string));
  }

  errorLiteral(ast: ProcedureAst, state: State) {
    const self = this as unknown as Plugin;
    return self.runFunction(ast.args, state, self.metadata(ERROR_LITERAL), (code) => new CellError(ErrorType.ERROR, code as string));
  }
}

export const excelCompatPlugin = ExcelCompatPlugin as unknown as FunctionPluginDefinition;

const NAMES = ['SINGLE', 'XMATCH', FIT, SIZE, DATA, UNSUPPORTED, ERROR_LITERAL];
export const excelCompatTranslations = { enGB: Object.fromEntries(NAMES.map((n) => [n, n])), enUS: Object.fromEntries(NAMES.map((n) => [n, n])) };
