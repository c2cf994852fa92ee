/**
 * Scenarios: one-at-a-time sensitivity of an output cell to input cells, and its tornado.
 *
 * runScenarios writes each input's low and high value into the workbook (the other inputs at
 * their base), recalculates, and reads the output. Whatever happens (a failed recalculation,
 * an output that is not a number), the inputs' original contents (formulas or constants) are
 * written back in a `finally`.
 *
 * writeTornado puts the results on a new sheet as a table sorted by swing and draws a
 * clustered bar chart over the changes from the base output (bars fully overlapped, largest
 * swing on top): the tornado.
 */
import { parseAddress, qualify, rangeAddress } from './a1';
import { finite } from './finite';
import { rangeAt } from './locate';
import { loadSheetNames, resolveSheetNames } from './sheet-names';
import { messageOf } from '../../i18n/localized-error';

export interface ScenarioInput {
  /** A single cell: "Inputs!B2", or "B2" on the active sheet. */
  address: string;
  low: number;
  base: number;
  high: number;
  /** The name shown in the results (default: the address). */
  label?: string;
}

export interface ScenarioSpec {
  inputs: readonly ScenarioInput[];
  /** A single cell holding the output's formula. */
  output: string;
}

export interface ScenarioResult {
  input: string;
  address: string;
  lowInput: number;
  highInput: number;
  /** The output with this input at its low / high value (the others at base). */
  low: number;
  high: number;
  /** |high − low|. */
  swing: number;
}

export interface ScenarioRun {
  output: string;
  /** The output with every input at its base value. */
  base: number;
  /** One per input, in input order. */
  results: ScenarioResult[];
}

export interface RunScenarioOptions {
  /**
   * A PERF custom function may still show #BUSY! right after a recalculation: the output is
   * read again every `pollMs` until it settles or `busyTimeoutMs` passes.
   */
  busyTimeoutMs?: number;
  pollMs?: number;
  /** Replaces the wait between polls (tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** Calculation type for Application.calculate: Excel.CalculationType.full. */
export const FULL_CALCULATION = 'Full' as const;
const BUSY = '#BUSY!';

function singleCell(address: string, what: string): void {
  const { start, end } = parseAddress(address);
  if (start.row !== end.row || start.col !== end.col) throw new Error(`${what} must be a single cell (got ${address})`);
}

function cellKey(address: string): string {
  const { sheet, start } = parseAddress(address);
  return `${sheet === undefined ? '' : sheet.toLocaleLowerCase('en-US')}!${start.row},${start.col}`;
}

function validate(spec: ScenarioSpec): void {
  if (!Array.isArray(spec.inputs) || spec.inputs.length === 0) throw new Error('Pick at least one input cell');
  singleCell(spec.output, 'The output');
  const keys = new Set([cellKey(spec.output)]);
  for (const input of spec.inputs) {
    singleCell(input.address, `Input ${input.address}`);
    for (const which of ['low', 'base', 'high'] as const) {
      finite(input[which], `Input ${input.address}: ${which}`);
    }
    const key = cellKey(input.address);
    if (keys.has(key)) throw new Error(`${input.address} is picked twice (or is the output)`);
    keys.add(key);
  }
}

/**
 * Runs the low/high scenarios: 1 + 2 × inputs recalculations. The inputs are restored even
 * when something throws; on success the workbook is recalculated once more afterwards.
 */
export async function runScenarios(
  context: Excel.RequestContext,
  spec: ScenarioSpec,
  options: RunScenarioOptions = {},
): Promise<ScenarioRun> {
  validate(spec);
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 100;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const application = context.workbook.application;

  const inputs = spec.inputs.map((input) => rangeAt(context, input.address));
  const output = rangeAt(context, spec.output);
  inputs.forEach((range) => range.load('formulas'));
  await context.sync();
  const originals = inputs.map((range, i) => {
    const formulas = range.formulas;
    if (!Array.isArray(formulas) || formulas.length !== 1 || !Array.isArray(formulas[0]) || formulas[0].length !== 1) {
      throw new Error(`Could not read the contents of ${spec.inputs[i].address}`);
    }
    return [[formulas[0][0]]];
  });

  const evaluate = async (values: readonly number[], what: string): Promise<number> => {
    inputs.forEach((range, i) => {
      range.formulas = [[values[i]]];
    });
    application.calculate(FULL_CALCULATION);
    const started = Date.now();
    for (;;) {
      output.load('values');
      await context.sync();
      const value: unknown = Array.isArray(output.values) && Array.isArray(output.values[0]) ? output.values[0][0] : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (value === BUSY && Date.now() - started < busyTimeoutMs) {
        await sleep(pollMs);
        continue;
      }
      throw new Error(`The output ${spec.output} is not a number ${what} (it shows ${JSON.stringify(value)})`);
    }
  };

  const bases = spec.inputs.map((input) => input.base);
  let failure: unknown;
  let run: ScenarioRun;
  try {
    const base = await evaluate(bases, 'with every input at base');
    const results: ScenarioResult[] = [];
    for (let i = 0; i < spec.inputs.length; i++) {
      const input = spec.inputs[i];
      const name = input.label ?? input.address;
      const at = (value: number) => bases.map((b, j) => (j === i ? value : b));
      const low = await evaluate(at(input.low), `with ${name} at ${input.low}`);
      const high = await evaluate(at(input.high), `with ${name} at ${input.high}`);
      results.push({ input: name, address: input.address, lowInput: input.low, highInput: input.high, low, high, swing: Math.abs(high - low) });
    }
    run = { output: spec.output, base, results };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    inputs.forEach((range, i) => {
      range.formulas = originals[i];
    });
    try {
      await context.sync();
    } catch (restoreError) {
      const message = messageOf(restoreError);
      const cause = failure instanceof Error ? ` after: ${failure.message}` : '';
      // Replaces the original error on purpose: the user must learn the inputs were not restored.
      throw new Error(`Could not restore the scenario inputs (${message})${cause}`, { cause: failure ?? restoreError });
    }
  }
  application.calculate(FULL_CALCULATION);
  await context.sync();
  return run;
}

/** Results sorted by swing, largest first (ties keep input order). */
export function sortBySwing(results: readonly ScenarioResult[]): ScenarioResult[] {
  return results.map((result, i) => ({ result, i })).sort((a, b) => b.result.swing - a.result.swing || a.i - b.i).map(({ result }) => result);
}

export interface TornadoLabels {
  base: string;
  input: string;
  lowChange: string;
  highChange: string;
  lowInput: string;
  highInput: string;
  lowOutput: string;
  highOutput: string;
  swing: string;
  title: string;
}

export const TORNADO_LABELS: TornadoLabels = {
  base: 'Base output',
  input: 'Input',
  lowChange: 'Change at low',
  highChange: 'Change at high',
  lowInput: 'Low',
  highInput: 'High',
  lowOutput: 'Output at low',
  highOutput: 'Output at high',
  swing: 'Swing',
  title: 'Tornado',
};

export interface TornadoAddresses {
  /** The new sheet's name ("Tornado", or "Tornado (2)" when taken). */
  sheet: string;
  base: string;
  /** The results table, header included. */
  table: string;
  /** What the chart plots: inputs and the changes at low and high, header included. */
  chartSource: string;
  /** Where the chart's top-left corner is. */
  chartAt: string;
}

/** The table's rows (header first), sorted by swing. */
export function tornadoRows(run: ScenarioRun, labels: TornadoLabels = TORNADO_LABELS): (string | number)[][] {
  return [
    [labels.input, labels.lowChange, labels.highChange, labels.lowInput, labels.highInput, labels.lowOutput, labels.highOutput, labels.swing],
    ...sortBySwing(run.results).map((r) => [r.input, r.low - run.base, r.high - run.base, r.lowInput, r.highInput, r.low, r.high, r.swing]),
  ];
}

/**
 * Adds a sheet named `sheetName` (or the next free "sheetName (n)") with the base output in
 * A1:B1, the results table from A3 (an Excel table) and a tornado chart. One or two round trips.
 */
export async function writeTornado(
  context: Excel.RequestContext,
  sheetName: string,
  run: ScenarioRun,
  labelOverrides: Partial<TornadoLabels> = {},
): Promise<TornadoAddresses> {
  if (run.results.length === 0) throw new Error('There are no scenario results to chart');
  const labels = { ...TORNADO_LABELS, ...labelOverrides };
  const [name] = resolveSheetNames([sheetName], await loadSheetNames(context));
  const sheet = context.workbook.worksheets.add(name);

  const rows = tornadoRows(run, labels);
  const base = rangeAddress(0, 0, 1, 2);
  const table = rangeAddress(2, 0, rows.length, rows[0].length);
  const chartSource = rangeAddress(2, 0, rows.length, 3);
  const chartAt = rangeAddress(2, rows[0].length + 1);

  const baseRange = sheet.getRange(base);
  baseRange.values = [[labels.base, run.base]];
  baseRange.format.font.bold = true;
  sheet.getRange(table).values = rows;
  sheet.tables.add(qualify(name, table), true);

  const chart = sheet.charts.add('BarClustered', sheet.getRange(chartSource), 'Columns');
  chart.title.text = `${labels.title}: ${run.output}`;
  chart.axes.categoryAxis.reversePlotOrder = true;
  chart.series.getItemAt(0).overlap = 100;
  chart.setPosition(chartAt);
  sheet.activate();
  await context.sync();
  return { sheet: name, base, table, chartSource, chartAt };
}
