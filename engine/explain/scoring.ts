/**
 * Explaining CURVE and SCORECARD (and the curve part of PAYOUT) from scoring.ts's own reading
 * of the arguments and its own working: readCurveArgs, lastAtOrBelow, segmentRise,
 * readScorecardArgs and scorecardRow's per-KPI working.
 */
import { Arg, broadcastElement } from '../grid';
import {
  BELOW_FIRST_BAND,
  Curve,
  CurveMode,
  KpiWorking,
  curve,
  curveAt,
  lastAtOrBelow,
  readCurveArgs,
  readScorecardArgs,
  scorecard,
  scorecardRow,
  segmentRise,
} from '../scoring';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, formatPercent as pct, info, result, resultAt, words } from './steps';

// ---------------------------------------------------------------------------------------
// Reading a curve at x
// ---------------------------------------------------------------------------------------

export interface CurveReading {
  /** Where x falls (info). */
  steps: ExplainStep[];
  /** The 'add' parts of the y value, in the engine's order. */
  parts: ExplainStep[];
  y: number;
}

/**
 * The segment (linear) or band (lookup) `x` falls in and y as curveAt computes it: the y of
 * the point at or below x plus segmentRise along the segment, clamped at both ends; or the
 * band's y. `show` formats x values, `showY` y values (PAYOUT shows both as percentages).
 */
export function curveReading(table: Curve, x: number, mode: CurveMode, show: (v: number) => string, showY: (v: number) => string): CurveReading {
  const { xs, ys } = table;
  const n = xs.length;
  const i = lastAtOrBelow(xs, x);
  const y = curveAt(table, x, mode);
  const point = (k: number) => `(${show(xs[k])}, ${showY(ys[k])})`;
  if (mode === 'lookup') {
    if (i < 0) {
      return {
        steps: [info('curve.belowFirstBand', `${show(x)} < ${show(xs[0])}`, xs[0])],
        parts: [add('curve.belowFirstBand', fmt(BELOW_FIRST_BAND), BELOW_FIRST_BAND)],
        y,
      };
    }
    const upper = i + 1 < n ? ` < ${show(xs[i + 1])}` : '';
    return {
      steps: [info('curve.band', `${show(xs[i])} ≤ ${show(x)}${upper}`, xs[i], { band: i + 1 })],
      parts: [add('curve.bandY', showY(ys[i]), ys[i], { band: i + 1 })],
      y,
    };
  }
  if (i < 0) {
    return {
      steps: [info('curve.belowFirstPoint', `${show(x)} < ${show(xs[0])}`, xs[0])],
      parts: [add('curve.firstY', showY(ys[0]), ys[0])],
      y,
    };
  }
  if (i === n - 1) {
    const at = x === xs[i];
    return {
      steps: [info(at ? 'curve.atLastPoint' : 'curve.beyondLastPoint', `${show(x)} ${at ? '=' : '>'} ${show(xs[i])}`, xs[i])],
      parts: [add('curve.lastY', showY(ys[i]), ys[i])],
      y,
    };
  }
  return {
    steps: [info('curve.segment', `${show(xs[i])} ≤ ${show(x)} < ${show(xs[i + 1])}`, xs[i], { segment: i + 1, from: point(i), to: point(i + 1) })],
    parts: [
      add('curve.segmentStartY', showY(ys[i]), ys[i], { segment: i + 1 }),
      add(
        'curve.interpolation',
        `(${showY(ys[i + 1])} − ${showY(ys[i])}) × (${show(x)} − ${show(xs[i])}) / (${show(xs[i + 1])} − ${show(xs[i])})`,
        segmentRise(table, i, x),
      ),
    ],
    y,
  };
}

// ---------------------------------------------------------------------------------------
// CURVE
// ---------------------------------------------------------------------------------------

/** CURVE(x, curve, [mode]): the segment and the interpolation (or the band). */
export function explainCurve(x: Arg, curveTable: Arg, mode: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(curve(x, curveTable, mode ?? null), at, 'CURVE');
  const args = readCurveArgs(x, curveTable, mode);
  const v = broadcastElement(args.xs, at.row, at.col)!;
  const reading = curveReading(args.curve, v, args.mode, fmt, fmt);
  const steps: ExplainStep[] = [
    info('curve.x', fmt(v), v),
    info(args.mode === 'linear' ? 'curve.mode.linear' : 'curve.mode.lookup', args.mode, 0),
    ...reading.steps,
    ...reading.parts,
    result('curve.result', reading.parts.map((p) => fmt(p.amount)).join(' + '), value),
  ];
  return { function: 'CURVE', value, steps };
}

// ---------------------------------------------------------------------------------------
// SCORECARD
// ---------------------------------------------------------------------------------------

function kpiSteps(kpi: KpiWorking, direction: number, cap: number, floor: number): ExplainStep[] {
  const { actual, target, attainment, clamped } = kpi;
  const n = kpi.kpi + 1;
  const higher = direction === 1;
  const steps = [
    info(
      'scorecard.attainment',
      `${higher ? `${fmt(actual)} / ${fmt(target)}` : `max(0, 2 − ${fmt(actual)} / ${fmt(target)})`} = ${pct(attainment)}`,
      attainment,
      { kpi: n, direction: words(higher ? 'scorecard.higherIsBetter' : 'scorecard.lowerIsBetter') },
    ),
  ];
  if (clamped !== attainment) {
    const capped = attainment > cap;
    steps.push(
      capped
        ? info('scorecard.capped', `min(${pct(cap)}, ${pct(attainment)}) = ${pct(clamped)}`, clamped, { kpi: n })
        : info('scorecard.floored', `max(${pct(floor)}, ${pct(attainment)}) = ${pct(clamped)}`, clamped, { kpi: n }),
    );
  }
  return steps;
}

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
  const value = resultAt(scorecard(actuals, targets, weights, directions ?? null, cap ?? null, floor ?? null), at, 'SCORECARD');
  const args = readScorecardArgs(actuals, targets, weights, directions ?? null, cap, floor);
  const { k, rawWeights: raw, weights: w } = args;
  const capped = args.cap !== Infinity;
  const steps: ExplainStep[] = [
    info('scorecard.person', words('formula.kpiCount', { k }), k, { row: at.row + 1 }),
    capped
      ? info('scorecard.floorAndCap', words('formula.floorAndCap', { floor: pct(args.floor), cap: pct(args.cap) }), args.floor)
      : info('scorecard.floor', words('formula.floor', { floor: pct(args.floor) }), args.floor),
  ];
  const rawTotal = raw.reduce((s, v) => s + v, 0);
  if (Math.abs(rawTotal - 1) > 1e-12) {
    const formula = `${raw.map(fmt).join(' + ')} = ${fmt(rawTotal)}; ${raw.map(fmt).join(', ')} → ${w.map(pct).join(', ')}`;
    steps.push(info('scorecard.weightsNormalized', formula, rawTotal));
  }
  const parts: string[] = [];
  scorecardRow(args, at.row, (kpi) => {
    steps.push(...kpiSteps(kpi, args.directions[kpi.kpi], args.cap, args.floor));
    steps.push(add('scorecard.contribution', `${pct(w[kpi.kpi])} × ${pct(kpi.clamped)}`, kpi.contribution, { kpi: kpi.kpi + 1 }));
    parts.push(fmt(kpi.contribution));
  });
  steps.push(result('scorecard.result', parts.join(' + '), value));
  return { function: 'SCORECARD', value, steps };
}
