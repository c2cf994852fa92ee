/**
 * The parts of HyperFormula's plugin internals our function plugins touch (the PERF.* adapter
 * here, calc's Excel-compatibility plugin): its AST nodes, the interpreter state and the
 * FunctionPlugin methods its public typings leave out. Declared once so both read them alike.
 */
import type { ArraySize, FunctionPlugin } from 'hyperformula';

export interface AstNode {
  type: string;
  /** A NUMBER node's number; other literal nodes carry their own values. */
  value?: unknown;
}

export interface ProcedureAst {
  args: AstNode[];
}

export interface InterpreterState {
  formulaAddress: { sheet: number; row: number; col: number };
}

export type PluginInternals = FunctionPlugin & {
  runFunction(args: AstNode[], state: InterpreterState, metadata: unknown, fn: (...values: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
  arraySizeForAst(ast: unknown, state: InterpreterState): ArraySize;
  evaluateAst(ast: unknown, state: InterpreterState): unknown;
};
