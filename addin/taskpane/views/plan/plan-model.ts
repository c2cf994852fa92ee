/**
 * The plan builder's model, free of React and Office: the rows and inputs as typed, turned
 * into the engine's arguments, the preview points and the validation messages. Every number
 * comes from the engine (engine/payouts.ts `tiered` / `payout`), the same kernels
 * PERF.TIERED / PERF.PAYOUT run in Excel, so the pane and the sheet agree:
 *
 *   rows (text) ──tableOf──▶ Cell[][] ──tiered / payout──▶ preview points, or PerfError messages
 *
 * Inputs are kept as the text the user typed; `parseCell` turns them into engine cells (blank
 * → null, a number as finance users type it — "8%", "¥12,000", "12,000" — → number, anything
 * else → the text itself) so the engine itself rejects what it cannot use. Each engine error
 * is tied to the field it concerns (`fieldOf`), so the view shows it next to that field.
 */
import type { Cell } from '../../../../engine/grid';
import { PerfError, isPerfError } from '../../../../engine/errors';
import { PLACES } from '../../../../i18n/glossary';
import type { Params, Phrase } from '../../../../i18n/text';
import { parseAmountValue } from '../../components/numbers';
import { payout, tiered } from '../../../../engine/payouts';
import type { PlanSpec } from '../../../office/write-plan';
import { codedMessageOf } from '../../components/error-text';

/** tiered / payout are built here; rebate / pool / quota (catalog v2) are v2-model.ts's. */
export type PlanMode = 'tiered' | 'payout' | 'rebate' | 'pool' | 'quota';
export const PLAN_MODES: readonly PlanMode[] = ['tiered', 'payout', 'rebate', 'pool', 'quota'];
export type TierMethod = 'marginal' | 'retro';

/** Number of intervals of the preview: PREVIEW_STEPS + 1 sample points. */
export const PREVIEW_STEPS = 40;
export const MIN_ROWS = 1;
export const MAX_ROWS = 20;

export interface PlanRow {
  /** Stable id (React key); never shown. */
  id: string;
  /** Threshold (tiered) or attainment (payout), as typed. */
  x: string;
  /** Rate (tiered) or payout factor (payout), as typed. */
  y: string;
}

export interface PlanModel {
  mode: PlanMode;
  tiers: readonly PlanRow[];
  curve: readonly PlanRow[];
  method: TierMethod;
  amount: string;
  attainment: string;
  targetIncentive: string;
  gate: string;
  cap: string;
  nextId: number;
}

export function createModel(): PlanModel {
  return {
    mode: 'tiered',
    tiers: [
      { id: 'r1', x: '0', y: '2%' },
      { id: 'r2', x: '100000', y: '4%' },
      { id: 'r3', x: '250000', y: '6%' },
    ],
    curve: [
      { id: 'r4', x: '0.8', y: '0.5' },
      { id: 'r5', x: '1', y: '1' },
      { id: 'r6', x: '1.2', y: '1.5' },
    ],
    method: 'marginal',
    amount: '180000',
    attainment: '1.05',
    targetIncentive: '10000',
    gate: '0.8',
    cap: '',
    nextId: 7,
  };
}

/** The rows of the current mode. */
export function rowsOf(model: PlanModel): readonly PlanRow[] {
  return model.mode === 'tiered' ? model.tiers : model.curve;
}

function withRows(model: PlanModel, rows: readonly PlanRow[]): PlanModel {
  return model.mode === 'tiered' ? { ...model, tiers: rows } : { ...model, curve: rows };
}

export function canAddRow(model: PlanModel): boolean {
  return rowsOf(model).length < MAX_ROWS;
}

export function canRemoveRow(model: PlanModel): boolean {
  return rowsOf(model).length > MIN_ROWS;
}

/** Adds a row after the last one, continuing its step (a blank row when that is not numeric). */
export function addRow(model: PlanModel): PlanModel {
  if (!canAddRow(model)) return model;
  const rows = rowsOf(model);
  const last = rows[rows.length - 1];
  const prev = rows[rows.length - 2];
  const lx = last ? parseNumber(last.x) : null;
  const px = prev ? parseNumber(prev.x) : null;
  let x = '';
  if (lx !== null) {
    const step = px !== null && lx > px ? lx - px : model.mode === 'tiered' ? Math.max(lx, 100000) : 0.2;
    x = String(Number((lx + step).toPrecision(12)));
  }
  const row: PlanRow = { id: `r${model.nextId}`, x, y: last ? last.y : '' };
  return { ...withRows(model, [...rows, row]), nextId: model.nextId + 1 };
}

export function removeRow(model: PlanModel, id: string): PlanModel {
  if (!canRemoveRow(model)) return model;
  const rows = rowsOf(model);
  if (!rows.some((r) => r.id === id)) return model;
  return withRows(model, rows.filter((r) => r.id !== id));
}

export function updateRow(model: PlanModel, id: string, field: 'x' | 'y', value: string): PlanModel {
  return withRows(
    model,
    rowsOf(model).map((r) => (r.id === id ? { ...r, [field]: value } : r)),
  );
}

/** A number typed by the user ("100,000", "8%", "¥12,000", " 0.5 "); null when it is not one. */
export function parseNumber(text: string): number | null {
  return parseAmountValue(text.replace(/，/g, ','));
}

/** Text as an engine cell: blank → null, a number → number, anything else → the text. */
export function parseCell(text: string): Cell {
  if (text.trim() === '') return null;
  const value = parseNumber(text);
  return value === null ? text.trim() : value;
}

/** The rows as the engine's two-column table. */
export function tableOf(rows: readonly PlanRow[]): Cell[][] {
  return rows.map((r) => [parseCell(r.x), parseCell(r.y)]);
}

export interface PreviewPoint {
  x: number;
  y: number;
}

/** Evenly spaced sample points from `from` to `to`, PREVIEW_STEPS + 1 of them. */
export function samplePoints(from: number, to: number, steps = PREVIEW_STEPS): number[] {
  const out: number[] = [];
  for (let i = 0; i <= steps; i++) out.push(Number((from + ((to - from) * i) / steps).toPrecision(12)));
  return out;
}

function positiveNumbers(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
}

/** The preview's x range: 0 to a bit past the last threshold / curve point and the current input. */
export function previewRange(model: PlanModel): { from: number; to: number } {
  const rows = rowsOf(model);
  const xs = rows.map((r) => parseNumber(r.x));
  if (model.mode === 'tiered') {
    const top = Math.max(0, ...positiveNumbers(xs));
    const amount = parseNumber(model.amount);
    const to = Math.max(top * 1.4, amount !== null && amount > 0 ? amount * 1.1 : 0) || 100000;
    return { from: 0, to: niceCeil(to) };
  }
  const top = Math.max(0, ...positiveNumbers(xs));
  const att = parseNumber(model.attainment);
  const to = Math.max(top * 1.25, att !== null && att > 0 ? att * 1.1 : 0, 1.5);
  return { from: 0, to: niceCeil(to) };
}

/** Rounds up to 1, 2, 2.5 or 5 times a power of ten (tidy axis ends). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (m * power >= value - 1e-9 * power) return Number((m * power).toPrecision(12));
  }
  return 10 * power;
}

export interface PlanPreview {
  /** The engine's result at each sample point (x = amount or attainment). */
  points: PreviewPoint[];
  /**
   * Extra engine results where the line jumps (just below and at a gate, or a retroactive
   * tier's threshold), so the chart draws a jump as a vertical step rather than a slope.
   */
  steps: PreviewPoint[];
  /** Where the chart marks the plan's own lines: the tier thresholds, the gate, the cap (as a payout). */
  markers: { thresholds: number[]; gate?: number; capPayout?: number };
  /** The result at the current amount / attainment (null when that input is not a number). */
  current: PreviewPoint | null;
  /** The spec for writePlan. */
  spec: PlanSpec;
}

/** The input an engine error is about: a cell of the rows, or one of the single inputs. */
export type PlanField = { row: string; column: 'x' | 'y' } | { input: 'amount' | 'attainment' | 'targetIncentive' | 'gate' | 'cap' | 'method' };

export interface PlanProblem {
  error: unknown;
  /** The field it concerns (null: the plan as a whole). */
  field: PlanField | null;
}

export type PlanEvaluation = { ok: true; preview: PlanPreview } | { ok: false; errors: string[]; problems: PlanProblem[] };

const INPUT_ARGUMENTS: Record<string, Extract<PlanField, { input: string }>['input']> = {
  amount: 'amount',
  method: 'method',
  attainment: 'attainment',
  target_incentive: 'targetIncentive',
  gate: 'gate',
  cap: 'cap',
};

function isPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && 'text' in value && typeof (value as Phrase).text === 'object';
}

/** The place an error names: an argument, and a row / column of it when it is a range. */
function placeOf(params: Params): { name: string; row?: number; column?: number } | null {
  for (const key of ['where', 'what', 'name']) {
    const value = params[key];
    if (typeof value === 'string') return { name: value };
    if (!isPhrase(value)) continue;
    if (value.text === PLACES.withRole && value.params) return placeOf({ what: value.params.place });
    const inner = value.params ?? {};
    if (value.text === PLACES.cell || value.text === PLACES.row || value.text === PLACES.column) {
      return { name: String(inner.name), row: typeof inner.row === 'number' ? inner.row : undefined, column: typeof inner.column === 'number' ? inner.column : undefined };
    }
  }
  return null;
}

/**
 * The field an engine error concerns: "tiers, row 2, column 2" → the rate of row 2; "tiers,
 * row 3" (a rate rule) → that rate, (an order rule) → that threshold; "target_incentive" →
 * the target incentive input. null when the error is about the plan as a whole.
 */
export function fieldOf(error: unknown, rows: readonly PlanRow[]): PlanField | null {
  if (!isPerfError(error)) return null;
  const place = placeOf(error.params);
  if (!place) return null;
  if (place.name === 'tiers' || place.name === 'curve') {
    const row = place.row !== undefined ? rows[place.row - 1] : undefined;
    if (!row) return null;
    const rateRule = /rate cannot be negative|factor|weight/.test(error.message) && place.column === undefined;
    return { row: row.id, column: place.column === 2 || rateRule ? 'y' : 'x' };
  }
  const input = INPUT_ARGUMENTS[place.name];
  return input ? { input } : null;
}

/** Same field? */
export function sameField(a: PlanField | null, b: PlanField): boolean {
  if (!a) return false;
  return 'row' in a ? 'row' in b && a.row === b.row && a.column === b.column : 'input' in b && a.input === b.input;
}

/**
 * An error's message for the field it sits next to: the place ("tiers, row 2, column 2") is
 * replaced by the field's own label, so the message reads in the user's words only.
 */
export function messageForField(error: PerfError, label: string, render: (error: PerfError, params: Params) => string): string {
  const params: Record<string, Params[string]> = { ...error.params };
  for (const key of ['where', 'what', 'name']) if (key in params) params[key] = label;
  return render(error, params);
}

/** Engine results of one column call: numbers, or throw the first PerfError in it. */
function column(grid: ReturnType<typeof tiered>): number[] {
  return grid.map((row) => {
    const v = row[0];
    if (isPerfError(v)) throw v;
    if (typeof v !== 'number') throw new Error(`unexpected engine result ${String(v)}`);
    return v;
  });
}

function optionalCell(text: string): Cell {
  return parseCell(text);
}

/**
 * Runs the engine on the model: preview points over `previewRange`, the value at the current
 * input, and the writePlan spec — or the engine's error messages (which name the argument).
 */
export function evaluate(model: PlanModel): PlanEvaluation {
  const errors: string[] = [];
  const problems: PlanProblem[] = [];
  const rows = rowsOf(model);
  const fail = (error: unknown) => {
    const message = codedMessageOf(error);
    if (errors.includes(message)) return;
    errors.push(message);
    problems.push({ error, field: fieldOf(error, rows) });
  };
  const { from, to } = previewRange(model);
  const xs = samplePoints(from, to);
  const table = tableOf(rows);

  if (model.mode === 'tiered') {
    let ys: number[] | null = null;
    try {
      ys = column(tiered(xs.map((x) => [x]), table, model.method));
    } catch (error) {
      fail(error);
    }
    let current: PreviewPoint | null = null;
    const amountCell = parseCell(model.amount);
    try {
      const r = tiered(amountCell, table, model.method);
      const v = column(r)[0];
      current = { x: amountCell as number, y: v };
    } catch (error) {
      fail(error);
    }
    if (errors.length > 0 || ys === null) return { ok: false, errors, problems };
    const tiers = table.map(([threshold, rate]) => ({ threshold: threshold as number, rate: rate as number }));
    const thresholds = tiers.map((t) => t.threshold).filter((x) => x > 0 && x <= to);
    // Retroactive pay jumps at each threshold: draw the jump as a vertical step.
    const jumpXs = model.method === 'retro' ? thresholds.flatMap((x) => [x - Math.max(1e-9, x * 1e-9), x]) : [];
    const steps = jumpXs.length > 0 ? column(tiered(jumpXs.map((x) => [x]), table, model.method)).map((y, i) => ({ x: jumpXs[i], y })) : [];
    return {
      ok: true,
      preview: {
        points: xs.map((x, i) => ({ x, y: ys![i] })),
        steps,
        markers: { thresholds },
        current,
        spec: { kind: 'tiered', tiers, amount: amountCell as number, method: model.method },
      },
    };
  }

  const target = parseCell(model.targetIncentive);
  const gate = optionalCell(model.gate);
  const cap = optionalCell(model.cap);
  let ys: number[] | null = null;
  try {
    ys = column(payout(xs.map((x) => [x]), table, target, gate, cap));
  } catch (error) {
    fail(error);
  }
  let current: PreviewPoint | null = null;
  const att = parseCell(model.attainment);
  try {
    const v = column(payout(att, table, target, gate, cap))[0];
    current = { x: att as number, y: v };
  } catch (error) {
    fail(error);
  }
  if (errors.length > 0 || ys === null) return { ok: false, errors, problems };
  const curve = table.map(([attainment, factor]) => ({ attainment: attainment as number, factor: factor as number }));
  const spec: PlanSpec = { kind: 'payout', curve, attainment: att as number, targetIncentive: target as number };
  if (typeof gate === 'number') spec.gate = gate;
  if (typeof cap === 'number') spec.cap = cap;
  // The gate is a jump from nothing to the curve's payout: a vertical step on the chart.
  const gateX = typeof gate === 'number' && gate > 0 && gate <= to ? gate : undefined;
  const jumpXs = gateX === undefined ? [] : [gateX - Math.max(1e-9, gateX * 1e-9), gateX];
  const steps = jumpXs.length > 0 ? column(payout(jumpXs.map((x) => [x]), table, target, gate, cap)).map((y, i) => ({ x: jumpXs[i], y })) : [];
  const markers = { thresholds: [], gate: gateX, capPayout: typeof cap === 'number' && typeof target === 'number' ? cap * target : undefined };
  return { ok: true, preview: { points: xs.map((x, i) => ({ x, y: ys![i] })), steps, markers, current, spec } };
}

/** Chart geometry: data → SVG coordinates inside a plot box. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartScale {
  xMax: number;
  yMax: number;
  xOf: (x: number) => number;
  yOf: (y: number) => number;
  /** The polyline's points attribute. */
  path: string;
  xTicks: number[];
  yTicks: number[];
}

export function chartScale(points: readonly PreviewPoint[], frame: ChartFrame, current?: PreviewPoint | null): ChartScale {
  const xMax = points.length ? Math.max(...points.map((p) => p.x)) || 1 : 1;
  const yTop = Math.max(0, ...points.map((p) => p.y), current ? current.y : 0);
  const yMax = niceCeil(yTop > 0 ? yTop : 1);
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const xOf = (x: number) => frame.left + (Math.min(Math.max(x, 0), xMax) / xMax) * plotW;
  const yOf = (y: number) => frame.top + plotH - (Math.min(Math.max(y, 0), yMax) / yMax) * plotH;
  const path = points.map((p) => `${xOf(p.x).toFixed(1)},${yOf(p.y).toFixed(1)}`).join(' ');
  const ticks = (max: number) => [0, max / 2, max].map((v) => Number(v.toPrecision(12)));
  return { xMax, yMax, xOf, yOf, path, xTicks: ticks(xMax), yTicks: ticks(yMax) };
}

/** A stored plan draft that the builder can use. */
export function isPlanModel(value: unknown): value is PlanModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<PlanModel>;
  const isRows = (rows: unknown) =>
    Array.isArray(rows) && rows.length >= MIN_ROWS && rows.length <= MAX_ROWS && rows.every((r) => typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.x === 'string' && typeof r.y === 'string');
  return (
    PLAN_MODES.includes(m.mode as PlanMode) &&
    (m.method === 'marginal' || m.method === 'retro') &&
    isRows(m.tiers) &&
    isRows(m.curve) &&
    [m.amount, m.attainment, m.targetIncentive, m.gate, m.cap].every((v) => typeof v === 'string') &&
    typeof m.nextId === 'number'
  );
}
