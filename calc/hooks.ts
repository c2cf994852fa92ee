/**
 * What a calculation lends the HyperFormula plugins evaluating its workbook: the constant
 * ranges handed over directly (PERFPLAN.DATA) and the simulation budget. Plugins see a
 * HyperFormula instance only as its dependency graph, so hooks are found by that object.
 */
import type { PerfHooks } from '../adapters/hyperformula/plugin';

export interface CalculationHooks extends PerfHooks {
  dataSize(n: number): { rows: number; cols: number };
  dataValues(n: number): unknown[][];
  /** Records that the cell at `address` draws `samples` simulation samples; false once the budget is spent. */
  chargeSamples(address: string, samples: number): boolean;
  /** Records the size a dynamic array at `address` computed (before HyperFormula fits it to its area). */
  recordSize(address: string, rows: number, cols: number): void;
}

/** "sheet:row:col" (0-based, as HyperFormula addresses cells). */
export function cellKey(sheet: number, row: number, col: number): string {
  return `${sheet}:${row}:${col}`;
}

const byGraph = new WeakMap<object, CalculationHooks>();

/**
 * The hooks of the instance being built right now: a build evaluates as it goes, before the
 * instance exists to register with. Builds are synchronous, so it is the only one that can ask.
 */
let building: CalculationHooks | null = null;

export function buildingWith<T>(hooks: CalculationHooks, build: () => T): T {
  building = hooks;
  try {
    return build();
  } finally {
    building = null;
  }
}

export function registerHooks(hf: object, hooks: CalculationHooks): void {
  byGraph.set((hf as { dependencyGraph: object }).dependencyGraph, hooks);
}

/** The hooks for the instance whose plugin (`this.dependencyGraph`) asks. */
export function hooksOf(graph: object): CalculationHooks | undefined {
  const hooks = byGraph.get(graph) ?? building ?? undefined;
  if (hooks) byGraph.set(graph, hooks);
  return hooks;
}
