/**
 * The plan builder's model, free of React and Office: the rows and inputs as typed, turned
 * into the engine's arguments, the preview points and the validation messages. Every number
 * comes from the engine (engine/payouts.ts `tiered` / `payout`), the same kernels
 * PERF.TIERED / PERF.PAYOUT run in Excel, so the pane and the sheet agree:
 *
 *   rows (text) ──tableOf──▶ Cell[][] ──tiered / payout──▶ preview points, or PerfError messages
 *
 * Inputs are kept as the text the user typed; `parseCell` turns them into engine cells (blank
 * → null, a number → number, anything else → the text itself) so the engine itself rejects
 * what it cannot use, naming the argument ("tiers, row 2, column 1 is blank; …").
 */
import type { Cell } from '../../../../engine/grid';
import { isPerfError } from '../../../../engine/errors';
import { payout, tiered } from '../../../../engine/payouts';
import type { PlanSpec } from '../../../office/write-plan';

export type PlanMode = 'tiered' | 'payout';
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
      { id: 'r1', x: '0', y: '0.02' },
      { id: 'r2', x: '100000', y: '0.04' },
      { id: 'r3', x: '250000', y: '0.06' },
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

/** A number typed by the user ("100,000" and " 0.5 " included); null when it is not one. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,，\s]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
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
  /** The result at the current amount / attainment (null when that input is not a number). */
  current: PreviewPoint | null;
  /** The spec for writePlan. */
  spec: PlanSpec;
}

export type PlanEvaluation = { ok: true; preview: PlanPreview } | { ok: false; errors: string[] };

function messageOf(error: unknown): string {
  if (isPerfError(error)) return `${error.code} ${error.message}`;
  return error instanceof Error ? error.message : String(error);
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
  const { from, to } = previewRange(model);
  const xs = samplePoints(from, to);
  const table = tableOf(rowsOf(model));

  if (model.mode === 'tiered') {
    let ys: number[] | null = null;
    try {
      ys = column(tiered(xs.map((x) => [x]), table, model.method));
    } catch (error) {
      errors.push(messageOf(error));
    }
    let current: PreviewPoint | null = null;
    const amountCell = parseCell(model.amount);
    try {
      const r = tiered(amountCell, table, model.method);
      const v = column(r)[0];
      current = { x: amountCell as number, y: v };
    } catch (error) {
      const message = messageOf(error);
      if (!errors.includes(message)) errors.push(message);
    }
    if (errors.length > 0 || ys === null) return { ok: false, errors };
    const tiers = table.map(([threshold, rate]) => ({ threshold: threshold as number, rate: rate as number }));
    return {
      ok: true,
      preview: {
        points: xs.map((x, i) => ({ x, y: ys![i] })),
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
    errors.push(messageOf(error));
  }
  let current: PreviewPoint | null = null;
  const att = parseCell(model.attainment);
  try {
    const v = column(payout(att, table, target, gate, cap))[0];
    current = { x: att as number, y: v };
  } catch (error) {
    const message = messageOf(error);
    if (!errors.includes(message)) errors.push(message);
  }
  if (errors.length > 0 || ys === null) return { ok: false, errors };
  const curve = table.map(([attainment, factor]) => ({ attainment: attainment as number, factor: factor as number }));
  const spec: PlanSpec = { kind: 'payout', curve, attainment: att as number, targetIncentive: target as number };
  if (typeof gate === 'number') spec.gate = gate;
  if (typeof cap === 'number') spec.cap = cap;
  return { ok: true, preview: { points: xs.map((x, i) => ({ x, y: ys![i] })), current, spec } };
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
