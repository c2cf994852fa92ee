/**
 * Explain: what the selected cell holds (its formula, value and the PERF functions it calls),
 * for the pane to describe. When several cells are selected, the top-left one is read.
 */

export interface SelectedFormula {
  /** Sheet-qualified address of the cell ("Plan!B7"). */
  address: string;
  /** The formula ("=PERF.TIERED(B6,A2:B4)"), or null when the cell holds a constant or is empty. */
  formula: string | null;
  /** The cell's value as Excel shows it (its top-left value when it spills). */
  value: unknown;
  /** PERF function names the formula calls, upper case, in order of first use ("TIERED"). */
  perfFunctions: string[];
}

/** The PERF.* functions `formula` calls (names inside string literals are ignored). */
export function perfFunctionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const names: string[] = [];
  for (const match of code.matchAll(/(?<![A-Za-z0-9_.])PERF\.([A-Za-z][A-Za-z0-9_]*)\s*\(/gi)) {
    const name = match[1].toUpperCase();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Reads the selected cell (the selection's top-left one). One round trip. */
export async function readSelectedFormula(context: Excel.RequestContext): Promise<SelectedFormula> {
  const cell = context.workbook.getSelectedRange().getCell(0, 0);
  cell.load('address, formulas, values');
  await context.sync();
  const raw: unknown = cell.formulas[0][0];
  const formula = typeof raw === 'string' && raw.startsWith('=') ? raw : null;
  return {
    address: cell.address,
    formula,
    value: cell.values[0][0],
    perfFunctions: formula === null ? [] : perfFunctionsIn(formula),
  };
}
