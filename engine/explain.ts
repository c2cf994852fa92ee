/**
 * "Explain this cell" (解释此单元格): the step-by-step working behind one result of a PERF.*
 * function, for the task pane and `perfplan explain`.
 *
 * Each explainer takes the SAME raw arguments as the engine function (scalars and 2-D
 * arrays as Excel passes them, null for an omitted argument) plus the element (row, col)
 * of the result to explain. It first calls the engine function itself, so `value` is
 * exactly what the cell shows (and an error cell throws its own PerfError), then rebuilds
 * the working with the engine's readers and kernels (readTiers, readCurve, curveAt,
 * attainment, ahpEigen, responseAt, …). The 'add' steps sum to `value` (to rounding; for
 * TIERED, CURVE, SCORECARD and PAYBACK exactly, as they repeat the engine's arithmetic in
 * the engine's order); 'info' steps show intermediate quantities; the last step is the
 * 'result'. Labels are bilingual (en / Simplified Chinese); formulas are language-neutral.
 */
import { PerfError, valueError } from './errors';
import {
  Arg,
  Cell,
  ResultGrid,
  isBlank,
  isBlankArg,
  numberAt,
  numberVector,
  numberVectorWithBlanks,
  optionalChoice,
  optionalNumber,
  optionalNumberOrNull,
  Place,
  requiredNumber,
  toGrid,
  where,
} from './grid';
import { TierMethod, payout, readTiers, tierIndex, tiered } from './payouts';
import { Curve, CurveMode, attainment, clampAttainment, curve, curveAt, lastAtOrBelow, readCurve, scorecard } from './scoring';
import { AhpMethod, aggregateAhpExperts, ahp, ahpEigen, ahpRandomIndex, consistencyRatio, normalizeWeights, readAhpExperts } from './weights';
import { discounted, payback } from './costbenefit';
import { ResponseCurve, allocate, marginalAt, readBounds, readResponseCurves, responseAt } from './allocation';

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

export interface ExplainLabel {
  en: string;
  /** Simplified Chinese. */
  zh: string;
}

export type ExplainStepKind = 'add' | 'info' | 'result';

export interface ExplainStep {
  label: ExplainLabel;
  /** The computation, language-neutral: "15,000 × 7%". */
  formula: string;
  amount: number;
  /** 'add' steps sum to the value; 'info' steps show intermediate quantities; 'result' is the value. */
  kind: ExplainStepKind;
}

export interface Explanation {
  /** The catalog name without the namespace: "TIERED". */
  function: string;
  /** Exactly what the engine function returns for the explained element. */
  value: number;
  steps: ExplainStep[];
}

/** Which element of an array result to explain (0-based, within the result). */
export interface ExplainAt {
  row: number;
  col: number;
}

const ORIGIN: ExplainAt = { row: 0, col: 0 };

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------

/** A readable number: "15,000", "1,050.5", "3.1416", "0.08333". */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (n === 0) return '0';
  const a = Math.abs(n);
  const options: Intl.NumberFormatOptions =
    a >= 100 ? { maximumFractionDigits: 2 } : a >= 1 ? { maximumFractionDigits: 4 } : { maximumSignificantDigits: 4 };
  return n.toLocaleString('en-US', options);
}

/** A ratio as a percentage: 0.07 → "7%", 1.0833 → "108.33%". */
export function formatPercent(n: number): string {
  return `${formatNumber(n * 100)}%`;
}

const fmt = formatNumber;
const pct = formatPercent;

function label(en: string, zh: string): ExplainLabel {
  return { en, zh };
}

function step(kind: ExplainStepKind, en: string, zh: string, formula: string, amount: number): ExplainStep {
  return { label: label(en, zh), formula, amount, kind };
}

const add = (en: string, zh: string, formula: string, amount: number) => step('add', en, zh, formula, amount);
const info = (en: string, zh: string, formula: string, amount: number) => step('info', en, zh, formula, amount);
const result = (en: string, zh: string, formula: string, amount: number) => step('result', en, zh, formula, amount);

// ---------------------------------------------------------------------------------------
// Checks and renderers shared by the task pane and the CLI
// ---------------------------------------------------------------------------------------

/** Σ amount of the 'add' steps, in order. */
export function sumOfAddSteps(explanation: Explanation): number {
  let total = 0;
  for (const s of explanation.steps) if (s.kind === 'add') total += s.amount;
  return total;
}

/** True when the 'add' steps sum to the value within `tolerance`, relative (absolute near 0). */
export function explanationAddsUp(explanation: Explanation, tolerance = 1e-9): boolean {
  const total = sumOfAddSteps(explanation);
  return Math.abs(total - explanation.value) <= tolerance * Math.max(1, Math.abs(explanation.value));
}

export type ExplainLanguage = 'en' | 'zh';

/** "en" / "zh" from a language tag ("zh-CN", "zh-Hans", "en-US", …); anything else is English. */
export function explainLanguage(tag: string | null | undefined): ExplainLanguage {
  return tag && /^zh(?:[-_](?:cn|sg|hans)\b.*)?$/i.test(tag.trim()) ? 'zh' : 'en';
}

const MARKERS: Record<ExplainStepKind, string> = { add: '+', info: '·', result: '=' };

/**
 * The text of one step after its label: the formula followed by "= amount", except where
 * the formula already is the amount ("20,000", "95%"), or, for an info step, is a statement
 * (it compares or equates: "95% ≥ 80%") or a plain word ("marginal", "none").
 */
export function stepText(s: ExplainStep): string {
  const amount = fmt(s.amount);
  if (s.formula === '') return amount;
  if (s.formula === amount || s.formula === pct(s.amount)) return s.formula;
  if (s.kind === 'info' && (/[=<>≥≤]/.test(s.formula) || !/[\d(×\/+−^·Σ]/.test(s.formula))) return s.formula;
  return `${s.formula} = ${amount}`;
}

/** One line per step: "+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600". */
export function explanationLines(explanation: Explanation, language: ExplainLanguage = 'en'): string[] {
  const colon = language === 'zh' ? '：' : ': ';
  return explanation.steps.map((s) => `${MARKERS[s.kind]} ${s.label[language]}${colon}${stepText(s)}`);
}

// ---------------------------------------------------------------------------------------
// Element access
// ---------------------------------------------------------------------------------------

function checkAt(at: ExplainAt): void {
  if (!Number.isInteger(at.row) || !Number.isInteger(at.col) || at.row < 0 || at.col < 0) {
    throw valueError(`the element to explain must be a row and a column counted from 0; got row ${at.row}, column ${at.col}`);
  }
}

/** The engine's result for `at`: a number, or its error thrown. */
function elementOf(grid: ResultGrid, at: ExplainAt, fn: string): number {
  checkAt(at);
  const rows = grid.length;
  const cols = rows > 0 ? grid[0].length : 0;
  if (at.row >= rows || at.col >= cols) {
    throw valueError(`PERF.${fn}: row ${at.row + 1}, column ${at.col + 1} is outside its ${rows}×${cols} result`);
  }
  const value = grid[at.row][at.col];
  if (value instanceof PerfError) throw value;
  if (typeof value !== 'number') throw valueError(`PERF.${fn}: the result at row ${at.row + 1}, column ${at.col + 1} is not a number`);
  return value;
}

/** The cell of an element-wise argument used for result element `at` (Excel broadcasting). */
function broadcastCell(arg: Arg, name: string, at: ExplainAt): { cell: Cell; label: () => Place } {
  const grid = toGrid(arg ?? null, name);
  const rows = grid.length;
  const cols = grid[0].length;
  const r = rows > 1 ? at.row : 0;
  const c = cols > 1 ? at.col : 0;
  return { cell: grid[r][c], label: () => where(name, rows, cols, r, c) };
}

function numberOf(arg: Arg, name: string, at: ExplainAt): number {
  const { cell, label: text } = broadcastCell(arg, name, at);
  return numberAt(cell, text);
}

function optionalNumberOf(arg: Arg, name: string, at: ExplainAt): number | null {
  const { cell, label: text } = broadcastCell(arg, name, at);
  return isBlank(cell) ? null : numberAt(cell, text);
}

// ---------------------------------------------------------------------------------------
// TIERED
// ---------------------------------------------------------------------------------------

/** TIERED(amount, tiers, [method]): one slice per tier (marginal), or the reached rate × amount (retro). */
export function explainTiered(amount: Arg, tiers: Arg, method: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = elementOf(tiered(amount, tiers, method ?? null), at, 'TIERED');
  const table = readTiers(tiers);
  const how: TierMethod = optionalChoice(method ?? null, 'method', 'marginal', ['marginal', 'retro'] as const);
  const x = numberOf(amount, 'amount', at);
  const { thresholds, rates } = table;
  const last = thresholds.length - 1;
  const reached = tierIndex(table, x);
  const range = (i: number): ExplainLabel =>
    i === last
      ? label(`${fmt(thresholds[i])} and above`, `${fmt(thresholds[i])} 及以上`)
      : label(`${fmt(thresholds[i])} to ${fmt(thresholds[i + 1])}`, `${fmt(thresholds[i])} 至 ${fmt(thresholds[i + 1])}`);

  const steps: ExplainStep[] = [
    info('Amount', '金额', fmt(x), x),
    info(
      how === 'marginal' ? 'Method (each slice at its own tier’s rate)' : 'Method (the whole amount at the reached tier’s rate)',
      how === 'marginal' ? '方法（累进：每段按所在档位费率计算）' : '方法（全额：全部金额按达到档位的费率计算）',
      how,
      0,
    ),
    info(
      `Reached tier ${reached + 1} (${range(reached).en})`,
      `达到第 ${reached + 1} 档（${range(reached).zh}）`,
      `${fmt(x)} ≥ ${fmt(thresholds[reached])}`,
      thresholds[reached],
    ),
  ];
  const parts: string[] = [];
  if (how === 'marginal') {
    for (let i = 0; i <= reached; i++) {
      const slice = i < reached ? thresholds[i + 1] - thresholds[i] : x - thresholds[i];
      if (slice === 0 && i > 0) continue;
      // The engine's order of operations: rate × slice, summed tier by tier from the bottom.
      const earned = rates[i] * slice;
      steps.push(add(`Tier ${i + 1} (${range(i).en})`, `第 ${i + 1} 档（${range(i).zh}）`, `${fmt(slice)} × ${pct(rates[i])}`, earned));
      parts.push(fmt(earned));
    }
  } else {
    const earned = x * rates[reached];
    steps.push(
      add(
        `Whole amount at tier ${reached + 1}’s rate`,
        `全部金额按第 ${reached + 1} 档费率`,
        `${fmt(x)} × ${pct(rates[reached])}`,
        earned,
      ),
    );
    parts.push(fmt(earned));
  }
  steps.push(result('Commission', '佣金', parts.join(' + '), value));
  return { function: 'TIERED', value, steps };
}

// ---------------------------------------------------------------------------------------
// CURVE (and the curve part of PAYOUT)
// ---------------------------------------------------------------------------------------

interface CurveReading {
  steps: ExplainStep[];
  /** The 'add' parts of the y value, in the engine's order. */
  parts: ExplainStep[];
  y: number;
}

/**
 * The segment (linear) or band (lookup) `x` falls in, and y as the engine computes it:
 * y_i + (y_{i+1} − y_i)·(x − x_i)/(x_{i+1} − x_i), clamped at both ends; or the band's y.
 */
function readCurveAt(table: Curve, x: number, mode: CurveMode, show: (v: number) => string, showY: (v: number) => string): CurveReading {
  const { xs, ys } = table;
  const n = xs.length;
  const i = lastAtOrBelow(xs, x);
  const y = curveAt(table, x, mode);
  const point = (k: number) => `(${show(xs[k])}, ${showY(ys[k])})`;
  if (mode === 'lookup') {
    if (i < 0) {
      return {
        steps: [info('Below the first band', '低于第一个区间', `${show(x)} < ${show(xs[0])}`, xs[0])],
        parts: [add('Below the first band', '低于第一个区间', '0', 0)],
        y,
      };
    }
    const upper = i + 1 < n ? ` < ${show(xs[i + 1])}` : '';
    return {
      steps: [info(`Band ${i + 1} (last point at or below x)`, `第 ${i + 1} 个区间（不超过 x 的最后一个点）`, `${show(xs[i])} ≤ ${show(x)}${upper}`, xs[i])],
      parts: [add(`y of band ${i + 1}`, `第 ${i + 1} 个区间的 y 值`, showY(ys[i]), ys[i])],
      y,
    };
  }
  if (i < 0) {
    return {
      steps: [info('Below the first point (clamped)', '低于第一个点（取首点值）', `${show(x)} < ${show(xs[0])}`, xs[0])],
      parts: [add('y of the first point', '第一个点的 y 值', showY(ys[0]), ys[0])],
      y,
    };
  }
  if (i === n - 1) {
    const at = x === xs[i];
    return {
      steps: [
        info(
          at ? 'At the last point' : 'Beyond the last point (clamped)',
          at ? '位于最后一个点' : '超过最后一个点（取末点值）',
          `${show(x)} ${at ? '=' : '>'} ${show(xs[i])}`,
          xs[i],
        ),
      ],
      parts: [add('y of the last point', '最后一个点的 y 值', showY(ys[i]), ys[i])],
      y,
    };
  }
  const rise = ((ys[i + 1] - ys[i]) * (x - xs[i])) / (xs[i + 1] - xs[i]);
  return {
    steps: [
      info(
        `Segment ${i + 1} from ${point(i)} to ${point(i + 1)}`,
        `第 ${i + 1} 段 ${point(i)} 至 ${point(i + 1)}`,
        `${show(xs[i])} ≤ ${show(x)} < ${show(xs[i + 1])}`,
        xs[i],
      ),
    ],
    parts: [
      add(`y at the start of segment ${i + 1}`, `第 ${i + 1} 段起点的 y 值`, showY(ys[i]), ys[i]),
      add(
        'Linear interpolation along the segment',
        '段内线性插值',
        `(${showY(ys[i + 1])} − ${showY(ys[i])}) × (${show(x)} − ${show(xs[i])}) / (${show(xs[i + 1])} − ${show(xs[i])})`,
        rise,
      ),
    ],
    y,
  };
}

/** CURVE(x, curve, [mode]): the segment and the interpolation (or the band). */
export function explainCurve(x: Arg, curveTable: Arg, mode: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = elementOf(curve(x, curveTable, mode ?? null), at, 'CURVE');
  const table = readCurve(curveTable);
  const how: CurveMode = optionalChoice(mode ?? null, 'mode', 'linear', ['linear', 'lookup'] as const);
  const v = numberOf(x, 'x', at);
  const reading = readCurveAt(table, v, how, fmt, fmt);
  const steps: ExplainStep[] = [
    info('x', 'x', fmt(v), v),
    info(
      how === 'linear' ? 'Mode (interpolate, clamped at both ends)' : 'Mode (banded table)',
      how === 'linear' ? '模式（线性插值，两端取端点值）' : '模式（查表，分段取值）',
      how,
      0,
    ),
    ...reading.steps,
    ...reading.parts,
    result('y', 'y 值', reading.parts.map((p) => fmt(p.amount)).join(' + '), value),
  ];
  return { function: 'CURVE', value, steps };
}

// ---------------------------------------------------------------------------------------
// PAYOUT
// ---------------------------------------------------------------------------------------

/** PAYOUT(attainment, curve, target_incentive, [gate], [cap]): gate, curve factor, cap, × target. */
export function explainPayout(
  attainmentArg: Arg,
  curveTable: Arg,
  targetIncentive: Arg,
  gate: Arg,
  cap: Arg,
  at: ExplainAt = ORIGIN,
): Explanation {
  const value = elementOf(payout(attainmentArg, curveTable, targetIncentive, gate ?? null, cap ?? null), at, 'PAYOUT');
  const table = readCurve(curveTable);
  const a = numberOf(attainmentArg, 'attainment', at);
  const target = numberOf(targetIncentive, 'target_incentive', at);
  const gateValue = optionalNumberOf(gate, 'gate', at) ?? 0;
  const capValue = optionalNumberOf(cap, 'cap', at);
  const steps: ExplainStep[] = [
    info('Attainment', '达成率', pct(a), a),
    info('Target incentive', '目标奖金', fmt(target), target),
  ];
  if (a < gateValue) {
    steps.push(info('Gate not reached, nothing is paid', '未达到门槛，不发放', `${pct(a)} < ${pct(gateValue)}`, gateValue));
    steps.push(add('Payout below the gate', '门槛以下的奖金', '0', 0));
    steps.push(result('Payout', '奖金', '0', value));
    return { function: 'PAYOUT', value, steps };
  }
  steps.push(
    info(
      gateValue === 0 && (gate === null || gate === undefined || isBlankArg(gate)) ? 'Gate (default 0) passed' : 'Gate passed',
      gateValue === 0 && (gate === null || gate === undefined || isBlankArg(gate)) ? '通过门槛（默认 0）' : '通过门槛',
      `${pct(a)} ≥ ${pct(gateValue)}`,
      gateValue,
    ),
  );
  const reading = readCurveAt(table, a, 'linear', pct, pct);
  steps.push(...reading.steps);
  const factor = reading.y;
  steps.push(
    info(
      'Payout factor from the curve',
      '曲线得出的支付系数',
      reading.parts.length > 1 ? `${reading.parts.map((p) => pct(p.amount)).join(' + ')} = ${pct(factor)}` : pct(factor),
      factor,
    ),
  );
  let paid = factor;
  if (capValue === null) {
    steps.push(info('No cap', '无上限', 'none', factor));
  } else if (factor > capValue) {
    paid = capValue;
    steps.push(info('Cap binds (the factor is capped)', '触及上限（系数封顶）', `min(${pct(capValue)}, ${pct(factor)}) = ${pct(capValue)}`, capValue));
  } else {
    steps.push(info('Cap does not bind', '未触及上限', `${pct(factor)} ≤ ${pct(capValue)}`, capValue));
  }
  // The engine's arithmetic: target × min(cap, factor).
  const amount = target * Math.min(capValue ?? Infinity, factor);
  steps.push(add('Target incentive × payout factor', '目标奖金 × 支付系数', `${fmt(target)} × ${pct(paid)}`, amount));
  steps.push(result('Payout', '奖金', fmt(amount), value));
  return { function: 'PAYOUT', value, steps };
}

// ---------------------------------------------------------------------------------------
// SCORECARD
// ---------------------------------------------------------------------------------------

/** SCORECARD(...) for one person (row): per KPI attainment, clamp, × weight = contribution. */
export function explainScorecard(
  actuals: Arg,
  targets: Arg,
  weights: Arg,
  directions: Arg,
  cap: Arg,
  floor: Arg,
  at: ExplainAt = ORIGIN,
): Explanation {
  const value = elementOf(scorecard(actuals, targets, weights, directions ?? null, cap ?? null, floor ?? null), at, 'SCORECARD');
  const a = toGrid(actuals, 'actuals');
  const m = a.length;
  const k = a[0].length;
  const raw = numberVector(weights, 'weights');
  const w = normalizeWeights(raw, 'weights');
  const dirs = isBlank(directions) ? new Array<number>(k).fill(1) : numberVector(directions, 'directions');
  const t = toGrid(targets, 'targets');
  const targetRow = t.length === 1 ? 0 : at.row;
  const capValue = optionalNumberOrNull(cap ?? null, 'cap');
  const floorValue = optionalNumber(floor ?? null, 'floor', 0);
  const i = at.row;
  const steps: ExplainStep[] = [
    info(`Person in row ${i + 1}`, `第 ${i + 1} 行人员`, `k = ${k} KPIs`, k),
    info(
      capValue === null ? 'Attainment floor per KPI (no cap)' : 'Attainment floor and cap per KPI',
      capValue === null ? '每项 KPI 达成率下限（无上限）' : '每项 KPI 达成率的下限与上限',
      capValue === null ? `attainment ≥ ${pct(floorValue)}` : `${pct(floorValue)} ≤ attainment ≤ ${pct(capValue)}`,
      floorValue,
    ),
  ];
  const rawTotal = raw.reduce((s, v) => s + v, 0);
  if (Math.abs(rawTotal - 1) > 1e-12) {
    steps.push(
      info(
        'Weights normalized to sum to 1',
        '权重归一化（合计为 1）',
        `${raw.map(fmt).join(' + ')} = ${fmt(rawTotal)}; ${raw.map(fmt).join(', ')} → ${w.map(pct).join(', ')}`,
        rawTotal,
      ),
    );
  }
  const parts: string[] = [];
  for (let j = 0; j < k; j++) {
    const actual = numberAt(a[i][j], () => where('actuals', m, k, i, j));
    const target = numberAt(t[targetRow][j], () => where('targets', t.length, k, targetRow, j));
    const att = attainment(actual, target, dirs[j]);
    const higher = dirs[j] === 1;
    steps.push(
      info(
        `KPI ${j + 1} attainment (${higher ? 'higher is better' : 'lower is better'})`,
        `KPI ${j + 1} 达成率（${higher ? '越高越好' : '越低越好'}）`,
        `${higher ? `${fmt(actual)} / ${fmt(target)}` : `max(0, 2 − ${fmt(actual)} / ${fmt(target)})`} = ${pct(att)}`,
        att,
      ),
    );
    const clamped = clampAttainment(att, capValue ?? Infinity, floorValue);
    if (clamped !== att) {
      const capped = capValue !== null && att > capValue;
      steps.push(
        info(
          capped ? `KPI ${j + 1} capped` : `KPI ${j + 1} raised to the floor`,
          capped ? `KPI ${j + 1} 封顶` : `KPI ${j + 1} 保底`,
          capped ? `min(${pct(capValue!)}, ${pct(att)}) = ${pct(clamped)}` : `max(${pct(floorValue)}, ${pct(att)}) = ${pct(clamped)}`,
          clamped,
        ),
      );
    }
    const contribution = w[j] * clamped;
    steps.push(add(`KPI ${j + 1} contribution`, `KPI ${j + 1} 贡献`, `${pct(w[j])} × ${pct(clamped)}`, contribution));
    parts.push(fmt(contribution));
  }
  steps.push(result('Score', '得分', parts.join(' + '), value));
  return { function: 'SCORECARD', value, steps };
}

// ---------------------------------------------------------------------------------------
// AHP
// ---------------------------------------------------------------------------------------

/** AHP(matrix, [method]) for one criterion (row): aggregation, row geometric mean / eigenvector, λmax, CR. */
export function explainAhp(matrix: Arg, method: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = elementOf(ahp(matrix, method ?? null), at, 'AHP');
  const experts = readAhpExperts(matrix, 'matrix');
  const A = aggregateAhpExperts(experts);
  const how: AhpMethod = optionalChoice<AhpMethod>(method ?? null, 'method', 'eigen', ['eigen', 'geomean']);
  const n = A.length;
  const i = at.row;
  const k = experts.length;
  const steps: ExplainStep[] = [info(`Criterion ${i + 1} of ${n}`, `第 ${i + 1} 个准则（共 ${n} 个）`, `n = ${n}`, n)];
  if (k > 1) {
    steps.push(info(`${k} experts aggregated by element-wise geometric mean (AIJ)`, `${k} 位专家的判断矩阵按元素几何平均聚合（AIJ）`, `k = ${k}`, k));
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      steps.push(
        info(
          `Aggregated comparison a[${i + 1},${j + 1}]`,
          `聚合后的比较值 a[${i + 1},${j + 1}]`,
          `(${experts.map((e) => fmt(e[i][j])).join(' × ')})^(1/${k})`,
          A[i][j],
        ),
      );
    }
  }
  const g = A.map((row) => Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / n));
  const gTotal = g.reduce((s, v) => s + v, 0);
  steps.push(info(`Row ${i + 1} geometric mean`, `第 ${i + 1} 行几何平均`, `(${A[i].map(fmt).join(' × ')})^(1/${n})`, g[i]));
  let eigen: { weights: number[]; lambdaMax: number } | null = null;
  try {
    eigen = ahpEigen(A, 'matrix');
  } catch (error) {
    if (!(error instanceof PerfError) || how === 'eigen') throw error;
  }
  if (how === 'geomean') {
    steps.push(info('Sum of the row geometric means', '各行几何平均之和', g.map(fmt).join(' + '), gTotal));
    steps.push(add('Weight = row geometric mean / sum', '权重 = 行几何平均 / 总和', `${fmt(g[i])} / ${fmt(gTotal)}`, value));
  } else {
    const w = eigen!.weights;
    const aw = A[i].reduce((s, v, j) => s + v * w[j], 0);
    steps.push(
      info(
        'Principal eigenvector w by power iteration from the geometric means (to 1e-12)',
        '从几何平均出发用幂法求主特征向量 w（收敛至 1e-12）',
        `w = (${w.map(fmt).join(', ')})`,
        w[i],
      ),
    );
    steps.push(info(`(A·w) for row ${i + 1}`, `第 ${i + 1} 行的 (A·w)`, A[i].map((v, j) => `${fmt(v)} × ${fmt(w[j])}`).join(' + '), aw));
    steps.push(
      add(
        'Weight = (A·w)ᵢ / λmax (the eigenvector component, normalized to sum 1)',
        '权重 = (A·w)ᵢ / λmax（主特征向量分量，归一化后合计为 1）',
        `${fmt(aw)} / ${fmt(eigen!.lambdaMax)}`,
        value,
      ),
    );
  }
  if (eigen) {
    const { lambdaMax } = eigen;
    const aw = A.map((row) => row.reduce((s, v, j) => s + v * eigen!.weights[j], 0));
    steps.push(info('Largest eigenvalue λmax = Σ(A·w)', '最大特征值 λmax = Σ(A·w)', aw.map(fmt).join(' + '), lambdaMax));
    if (n <= 2) {
      steps.push(info('Consistency ratio (n ≤ 2 is always consistent)', '一致性比率（n ≤ 2 时总是一致）', 'CR = 0', 0));
    } else {
      const ci = (lambdaMax - n) / (n - 1);
      const cr = consistencyRatio(A, 'matrix');
      steps.push(info('Consistency index CI = (λmax − n) / (n − 1)', '一致性指标 CI = (λmax − n) / (n − 1)', `(${fmt(lambdaMax)} − ${n}) / ${n - 1}`, ci));
      steps.push(
        info(
          `Consistency ratio CR = CI / RI(${n}) (below 0.1 is usually acceptable)`,
          `一致性比率 CR = CI / RI(${n})（小于 0.1 通常可接受）`,
          `${fmt(ci)} / ${fmt(ahpRandomIndex(n))}`,
          cr,
        ),
      );
    }
  }
  steps.push(result(`Weight of criterion ${i + 1} (${how})`, `第 ${i + 1} 个准则的权重（${how}）`, fmt(value), value));
  return { function: 'AHP', value, steps };
}

// ---------------------------------------------------------------------------------------
// PAYBACK
// ---------------------------------------------------------------------------------------

/** PAYBACK(cashflows, [rate]): cumulative (discounted) cash flow by period, then the fraction. */
export function explainPayback(cashflows: Arg, rate: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = elementOf([[payback(cashflows, rate ?? null)]], at, 'PAYBACK');
  const flows = numberVector(cashflows, 'cashflows');
  const r = optionalNumber(rate ?? null, 'rate', 0);
  const discount = (cf: number, t: number) => discounted(cf, r, t, 'cashflows');
  const flowText = (t: number) => (r === 0 ? fmt(flows[t]) : `${fmt(flows[t])} / ${fmt(1 + r)}^${t}`);
  const cumulativeEn = r === 0 ? 'cumulative cash flow' : 'cumulative discounted cash flow';
  const cumulativeZh = r === 0 ? '累计现金流' : '累计折现现金流';
  const steps: ExplainStep[] = [];
  if (r !== 0) steps.push(info('Discount rate per period', '每期折现率', pct(r), r));
  let cumulative = discount(flows[0], 0);
  steps.push(info(`Period 0, ${cumulativeEn}`, `第 0 期${cumulativeZh}`, flowText(0), cumulative));
  if (cumulative >= 0) {
    steps.push(add('Already paid back at t = 0', '第 0 期即已回本', '0', 0));
    steps.push(result('Payback period', '回收期', '0', value));
    return { function: 'PAYBACK', value, steps };
  }
  for (let t = 1; t < flows.length; t++) {
    const flow = discount(flows[t], t);
    const before = cumulative;
    cumulative += flow;
    const formula = `${fmt(before)} + ${flowText(t)}`;
    if (cumulative < 0) {
      steps.push(info(`Period ${t}, ${cumulativeEn} (not yet paid back)`, `第 ${t} 期${cumulativeZh}（尚未回本）`, formula, cumulative));
      continue;
    }
    steps.push(info(`Period ${t}, ${cumulativeEn} turns non-negative`, `第 ${t} 期${cumulativeZh}转为非负`, formula, cumulative));
    const fraction = -before / flow;
    steps.push(add(`Whole periods before period ${t}`, `第 ${t} 期之前的完整期数`, `${t - 1}`, t - 1));
    steps.push(
      add(
        `Fraction of period ${t} (still unrecovered / that period’s ${r === 0 ? '' : 'discounted '}cash flow)`,
        `第 ${t} 期的比例（尚未回收金额 / 当期${r === 0 ? '' : '折现'}现金流）`,
        `${fmt(-before)} / ${fmt(flow)}`,
        fraction,
      ),
    );
    steps.push(result('Payback period', '回收期', `${t - 1} + ${fmt(fraction)}`, value));
    return { function: 'PAYBACK', value, steps };
  }
  // payback() would have thrown #N/A already; unreachable for valid input.
  throw valueError('cashflows never pay back');
}

// ---------------------------------------------------------------------------------------
// ALLOCATE
// ---------------------------------------------------------------------------------------

/** ALLOCATE(...) for one channel (row): its spend, response, marginal return vs λ, bounds. */
export function explainAllocate(budget: Arg, curves: Arg, minimums: Arg, maximums: Arg, at: ExplainAt = ORIGIN): Explanation {
  const spends = allocate(budget, curves, minimums ?? null, maximums ?? null);
  const value = elementOf(spends, at, 'ALLOCATE');
  const total = requiredNumber(budget, 'budget');
  const table = readResponseCurves(curves, 'curves');
  const k = table.length;
  const mins = readBounds(minimums, 'minimums', k, 0);
  const maxs = readBounds(maximums, 'maximums', k, total);
  const x = spends.map((row) => row[0] as number);
  const j = at.row;
  const c = table[j];
  const lo = mins[j];
  const hi = maxs[j];
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(total));
  const atMin = near(value, lo);
  const atMax = !atMin && near(value, hi);
  const inside = (q: number) => !near(x[q], mins[q]) && !near(x[q], maxs[q]);
  const interior = x.map((_, q) => q).filter(inside);
  const marginals = x.map((v, q) => marginalAt(table[q], v));
  const lambda = interior.length > 0 ? interior.reduce((s, q) => s + marginals[q], 0) / interior.length : null;
  const own = marginals[j];
  const response = responseAt(c, value);

  const steps: ExplainStep[] = [
    info('Budget', '预算', fmt(total), total),
    info(`Channel ${j + 1} of ${k}`, `第 ${j + 1} 个渠道（共 ${k} 个）`, `α = ${fmt(c.alpha)}, κ = ${fmt(c.kappa)}, s = ${fmt(c.shape)}`, c.alpha),
    info(
      `Bounds of channel ${j + 1}`,
      `第 ${j + 1} 个渠道的投放上下限`,
      `${fmt(lo)} ≤ x ≤ ${fmt(hi)}`,
      lo,
    ),
  ];
  if (c.shape > 1) {
    const inflection = c.kappa * Math.pow((c.shape - 1) / (c.shape + 1), 1 / c.shape);
    steps.push(
      info(
        'Inflection point of the S-shaped curve (s > 1; convex below it, concave above it)',
        'S 型曲线的拐点（s > 1；拐点以下为凸、以上为凹）',
        `${fmt(c.kappa)} × ((${fmt(c.shape)} − 1) / (${fmt(c.shape)} + 1))^(1/${fmt(c.shape)})`,
        inflection,
      ),
    );
  }
  if (lo > 0) steps.push(add('Minimum spend', '最低投放', fmt(lo), lo));
  const above = lo > 0 ? value - lo : value;
  const aboveFormula = lo > 0 ? `${fmt(value)} − ${fmt(lo)}` : fmt(value);
  if (atMin) {
    if (lo === 0) steps.push(add('Nothing allocated (held at its minimum 0)', '未分配（保持最低投放 0）', '0', value));
    else if (above !== 0) steps.push(add('Rounding above the minimum', '超出最低投放的舍入差', aboveFormula, above));
  } else if (atMax) {
    steps.push(add(lo > 0 ? 'Spend above the minimum, up to the maximum' : 'Spend up to its maximum', lo > 0 ? '超出最低投放、直至上限的投放' : '投放至上限', aboveFormula, above));
  } else {
    steps.push(
      add(
        lo > 0 ? 'Spend above the minimum, where its marginal return equals λ' : 'Spend where its marginal return equals λ',
        lo > 0 ? '超出最低投放的部分（边际回报等于 λ 处）' : '投放至边际回报等于 λ 处',
        aboveFormula,
        above,
      ),
    );
  }
  steps.push(
    info(
      'Response r(x) = α·x^s / (κ^s + x^s)',
      '响应 r(x) = α·x^s / (κ^s + x^s)',
      `${fmt(c.alpha)} × ${fmt(value)}^${fmt(c.shape)} / (${fmt(c.kappa)}^${fmt(c.shape)} + ${fmt(value)}^${fmt(c.shape)})`,
      response,
    ),
  );
  steps.push(info("Marginal return r'(x)", "边际回报 r'(x)", `r'(${fmt(value)})`, own));
  if (lambda !== null) {
    steps.push(
      info(
        'Common marginal return λ of the channels inside their bounds',
        '处于上下限之间的渠道的共同边际回报 λ',
        `mean(${interior.map((q) => fmt(marginals[q])).join(', ')})`,
        lambda,
      ),
    );
  }
  if (atMin) {
    steps.push(
      info(
        'Lower bound hit (another unit here would return less than elsewhere)',
        '触及下限（在此多投放的回报低于其他渠道）',
        lambda === null ? `x = ${fmt(lo)}` : `r' = ${fmt(own)} ≤ λ = ${fmt(lambda)}`,
        lo,
      ),
    );
  } else if (atMax) {
    steps.push(
      info(
        'Upper bound hit (it would take more if allowed)',
        '触及上限（若允许会继续增加投放）',
        lambda === null ? `x = ${fmt(hi)}` : `r' = ${fmt(own)} ≥ λ = ${fmt(lambda)}`,
        hi,
      ),
    );
  } else {
    steps.push(info('Inside its bounds (marginal return equals λ)', '处于上下限之间（边际回报等于 λ）', `r' = ${fmt(own)} = λ`, own));
  }
  steps.push(info('All channels together spend the budget', '所有渠道合计等于预算', `Σx = ${x.map(fmt).join(' + ')} = ${fmt(total)}`, total));
  steps.push(result(`Spend of channel ${j + 1}`, `第 ${j + 1} 个渠道的投放`, fmt(value), value));
  return { function: 'ALLOCATE', value, steps };
}

// ---------------------------------------------------------------------------------------
// Dispatch by function name (the task pane and the CLI parse the cell's formula)
// ---------------------------------------------------------------------------------------

interface Explainer {
  /** Number of parameters (omitted trailing arguments are null). */
  parameters: number;
  explain: (args: Arg[], at: ExplainAt) => Explanation;
}

const EXPLAINERS: Record<string, Explainer> = {
  TIERED: { parameters: 3, explain: (a, at) => explainTiered(a[0], a[1], a[2], at) },
  PAYOUT: { parameters: 5, explain: (a, at) => explainPayout(a[0], a[1], a[2], a[3], a[4], at) },
  CURVE: { parameters: 3, explain: (a, at) => explainCurve(a[0], a[1], a[2], at) },
  SCORECARD: { parameters: 6, explain: (a, at) => explainScorecard(a[0], a[1], a[2], a[3], a[4], a[5], at) },
  AHP: { parameters: 2, explain: (a, at) => explainAhp(a[0], a[1], at) },
  PAYBACK: { parameters: 2, explain: (a, at) => explainPayback(a[0], a[1], at) },
  ALLOCATE: { parameters: 4, explain: (a, at) => explainAllocate(a[0], a[1], a[2], a[3], at) },
};

/** The functions "Explain this cell" supports, by catalog name. */
export const EXPLAINABLE_FUNCTIONS: readonly string[] = Object.keys(EXPLAINERS);

function bareName(name: string): string {
  return name.trim().toUpperCase().replace(/^PERF\./, '');
}

export function isExplainable(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPLAINERS, bareName(name));
}

/**
 * Explains element `at` of PERF.`name`(...args), args as Excel passes them. An unsupported
 * function or too many arguments → #VALUE!; an error of the function itself is thrown as is.
 */
export function explainCall(name: string, args: Arg[], at: ExplainAt = ORIGIN): Explanation {
  const key = bareName(name);
  if (!isExplainable(key)) {
    throw valueError(`PERF.${key} has no step-by-step explanation; supported: ${EXPLAINABLE_FUNCTIONS.map((f) => `PERF.${f}`).join(', ')}`);
  }
  const explainer = EXPLAINERS[key];
  if (args.length > explainer.parameters) {
    throw valueError(`PERF.${key} takes at most ${explainer.parameters} arguments; got ${args.length}`);
  }
  const padded: Arg[] = Array.from({ length: explainer.parameters }, (_, i) => (i < args.length ? (args[i] ?? null) : null));
  return explainer.explain(padded, at);
}
