/**
 * INTEGRATION POINT — the Scenarios view's Excel work. The view calls these only when the
 * pane runs inside Excel (ViewProps.host.inExcel); each is one Excel.run.
 *
 * - readSelectedCell: the selection's address and top-left value (for output / inputs);
 * - runAndChart: addin/office/run-scenarios.ts `runScenarios` (restores the inputs in a
 *   `finally`, even on error) and then `writeTornado` (results table + tornado chart);
 * - readSelectedValues: the selected range's values; a single selected cell that spills
 *   (a PERF.SIM anchor) is widened to its spill range.
 */
import { type ScenarioRun, type ScenarioSpec, type TornadoAddresses, type TornadoLabels, runScenarios, writeTornado } from '../../../office/run-scenarios';
import { requireExcel, spillsSupported, withSelectedRange } from '../../excel';

export interface SelectedCell {
  /** The whole selection's address ("Sheet1!B2" or "Sheet1!B2:C4"). */
  address: string;
  cellCount: number;
  /** The top-left cell's value. */
  value: unknown;
}

export async function readSelectedCell(): Promise<SelectedCell> {
  return withSelectedRange(async (range, context) => {
    range.load('address, cellCount');
    const first = range.getCell(0, 0);
    first.load('values');
    await context.sync();
    return { address: range.address, cellCount: range.cellCount, value: first.values[0][0] };
  });
}

export interface ScenarioOutcome {
  run: ScenarioRun;
  chart: TornadoAddresses;
}

export async function runAndChart(spec: ScenarioSpec, sheetName: string, labels: TornadoLabels): Promise<ScenarioOutcome> {
  requireExcel();
  return Excel.run(async (context) => {
    const run = await runScenarios(context, spec);
    const chart = await writeTornado(context, sheetName, run, labels);
    return { run, chart };
  });
}

export interface SelectedValues {
  address: string;
  values: unknown[][];
}

/** The largest selection summarized (PERF.SIM's trial limit). */
export const MAX_SUMMARY_CELLS = 1_000_000;

/** The selection to summarize has more than MAX_SUMMARY_CELLS cells (the view says so in the pane's language). */
export class SelectionTooLargeError extends Error {
  constructor(readonly max: number) {
    super(`The selection has more than ${max} cells`);
    this.name = 'SelectionTooLargeError';
  }
}

export async function readSelectedValues(): Promise<SelectedValues> {
  return withSelectedRange(async (selection, context) => {
    let range = selection;
    range.load('address, cellCount');
    await context.sync();
    if (range.cellCount === 1 && spillsSupported()) {
      const spill = range.getSpillingToRangeOrNullObject();
      spill.load('address, cellCount');
      await context.sync();
      if (!spill.isNullObject) range = spill;
    }
    if (range.cellCount > MAX_SUMMARY_CELLS) throw new SelectionTooLargeError(MAX_SUMMARY_CELLS);
    range.load('values');
    await context.sync();
    return { address: range.address, values: range.values };
  });
}
