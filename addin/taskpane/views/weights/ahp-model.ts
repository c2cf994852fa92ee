/**
 * The AHP wizard's model, free of React and Office: criteria, pairwise judgements on Saaty's
 * 1–9 scale, and the results — all numbers come from the engine (engine/weights.ts), the
 * same kernels PERF.AHP / PERF.AHPCR run in Excel, so the pane and the sheet agree:
 *
 *   upper triangle (judgements) ──readAhpMatrix──▶ reciprocal matrix
 *        ──ahpEigen / ahpGeomean / consistencyRatio──▶ weights, λmax, CR
 *
 * Every update returns a new model (React state). Judgements are stored per pair of
 * criterion ids, so renaming or removing a criterion keeps the other judgements.
 */
import type { Cell } from '../../../../engine/grid';
import { AHP_MAX_CRITERIA, ahpEigen, ahpGeomean, consistencyRatio, readAhpMatrix } from '../../../../engine/weights';

export const MIN_CRITERIA = 2;
export const MAX_CRITERIA = AHP_MAX_CRITERIA; // 15
/** Saaty's threshold: CR ≥ 0.1 means the judgements should be revisited. */
export const CR_THRESHOLD = 0.1;

/** Saaty's scale as the value of a_ij: 9, 8, …, 2, 1, 1/2, …, 1/9 (row criterion first). */
export const SAATY_SCALE: readonly number[] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];

/** A stable string for a scale value (option values of the judgement selects): "3", "1", "1/3". */
export function scaleKey(value: number): string {
  return value >= 1 ? String(Math.round(value)) : `1/${Math.round(1 / value)}`;
}

/** The scale value a key names; undefined for anything not on Saaty's scale. */
export function parseScaleKey(key: string): number | undefined {
  return SAATY_SCALE.find((v) => scaleKey(v) === key);
}

/** The scale value closest to `ratio` on a log scale (ratios are multiplicative). */
export function nearestScaleValue(ratio: number): number {
  let best = 1;
  let bestDistance = Infinity;
  for (const v of SAATY_SCALE) {
    const d = Math.abs(Math.log(v) - Math.log(ratio));
    if (d < bestDistance) {
      best = v;
      bestDistance = d;
    }
  }
  return best;
}

export interface Criterion {
  /** Stable id (React key, judgement key); never shown. */
  id: string;
  name: string;
}

export interface AhpModel {
  criteria: readonly Criterion[];
  /** a_ij for i before j in `criteria`, keyed by pairKey(id_i, id_j); missing = 1 (equal). */
  judgements: Readonly<Record<string, number>>;
  /** Next id number (ids are "c1", "c2", …). */
  nextId: number;
}

export function pairKey(idA: string, idB: string): string {
  return `${idA}|${idB}`;
}

export function createModel(names: readonly string[]): AhpModel {
  if (names.length < MIN_CRITERIA || names.length > MAX_CRITERIA) {
    throw new RangeError(`AHP needs ${MIN_CRITERIA} to ${MAX_CRITERIA} criteria; got ${names.length}`);
  }
  return { criteria: names.map((name, i) => ({ id: `c${i + 1}`, name })), judgements: {}, nextId: names.length + 1 };
}

export function canAdd(model: AhpModel): boolean {
  return model.criteria.length < MAX_CRITERIA;
}

export function canRemove(model: AhpModel): boolean {
  return model.criteria.length > MIN_CRITERIA;
}

/** Adds a criterion at the end (its judgements start at "equal"); unchanged at 15. */
export function addCriterion(model: AhpModel, name: string): AhpModel {
  if (!canAdd(model)) return model;
  const id = `c${model.nextId}`;
  return { ...model, criteria: [...model.criteria, { id, name }], nextId: model.nextId + 1 };
}

/** Removes a criterion and its judgements; unchanged at 2 criteria or for an unknown id. */
export function removeCriterion(model: AhpModel, id: string): AhpModel {
  if (!canRemove(model) || !model.criteria.some((c) => c.id === id)) return model;
  const judgements: Record<string, number> = {};
  for (const [key, value] of Object.entries(model.judgements)) {
    const [a, b] = key.split('|');
    if (a !== id && b !== id) judgements[key] = value;
  }
  return { ...model, criteria: model.criteria.filter((c) => c.id !== id), judgements };
}

export function renameCriterion(model: AhpModel, id: string, name: string): AhpModel {
  return { ...model, criteria: model.criteria.map((c) => (c.id === id ? { ...c, name } : c)) };
}

/** a_ij for positions i, j (any order; the diagonal is 1). */
export function judgementAt(model: AhpModel, i: number, j: number): number {
  if (i === j) return 1;
  if (i > j) return 1 / judgementAt(model, j, i);
  return model.judgements[pairKey(model.criteria[i].id, model.criteria[j].id)] ?? 1;
}

/**
 * Sets a_ij = value (i, j positions, any order: for i > j the reciprocal is stored on the
 * upper pair). The value must be on Saaty's scale.
 */
export function setJudgement(model: AhpModel, i: number, j: number, value: number): AhpModel {
  if (i === j) throw new RangeError('a criterion is not compared with itself');
  if (i > j) return setJudgement(model, j, i, 1 / value);
  const onScale = SAATY_SCALE.find((v) => Math.abs(v - value) <= 1e-9 * v);
  if (onScale === undefined) throw new RangeError(`${value} is not on Saaty's 1–9 scale`);
  const key = pairKey(model.criteria[i].id, model.criteria[j].id);
  return { ...model, judgements: { ...model.judgements, [key]: onScale } };
}

export interface Pair {
  /** Positions in `criteria`, i < j. */
  i: number;
  j: number;
  key: string;
  /** a_ij */
  value: number;
}

/** The upper-triangle pairs in row order: (0,1), (0,2), …, (n−2,n−1). */
export function pairs(model: AhpModel): Pair[] {
  const out: Pair[] = [];
  const n = model.criteria.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const key = pairKey(model.criteria[i].id, model.criteria[j].id);
      out.push({ i, j, key, value: model.judgements[key] ?? 1 });
    }
  }
  return out;
}

/**
 * The judgements as a user fills PERF.AHP's range: the upper triangle, 1 on the diagonal,
 * the lower triangle blank (the engine fills the reciprocals). This is also what the sheet
 * gets.
 */
export function upperTriangle(model: AhpModel): Cell[][] {
  const n = model.criteria.length;
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (c < r ? null : judgementAt(model, r, c))));
}

/** The full positive reciprocal matrix, read by the engine from the upper triangle. */
export function matrixOf(model: AhpModel): number[][] {
  return readAhpMatrix(upperTriangle(model), 'matrix');
}

export interface InconsistentJudgement {
  i: number;
  j: number;
  /** The judgement a_ij as entered. */
  judged: number;
  /** w_i / w_j from the eigenvector: what the other judgements imply. */
  implied: number;
  /** The scale value closest to `implied`. */
  suggested: number;
  /** |ln a_ij − ln(w_i/w_j)|: 0 for a perfectly consistent pair. */
  deviation: number;
}

/**
 * The pair whose judgement a_ij deviates most from w_i/w_j (in log terms, so 3 vs 1 and
 * 1/3 vs 1 count the same); null for fewer than 3 criteria (always consistent).
 */
export function mostInconsistent(matrix: number[][], weights: number[]): InconsistentJudgement | null {
  const n = matrix.length;
  if (n < 3) return null;
  let worst: InconsistentJudgement | null = null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const implied = weights[i] / weights[j];
      const deviation = Math.abs(Math.log(matrix[i][j]) - Math.log(implied));
      if (!worst || deviation > worst.deviation) {
        worst = { i, j, judged: matrix[i][j], implied, suggested: nearestScaleValue(implied), deviation };
      }
    }
  }
  return worst;
}

export interface AhpResult {
  matrix: number[][];
  /** Principal eigenvector weights (PERF.AHP(matrix) / method "eigen"). */
  eigen: number[];
  /** Row geometric mean weights (PERF.AHP(matrix, "geomean")). */
  geomean: number[];
  lambdaMax: number;
  /** Consistency ratio (PERF.AHPCR(matrix)); 0 for 2 criteria. */
  cr: number;
  consistent: boolean;
  mostInconsistent: InconsistentJudgement | null;
}

/** Everything the wizard shows, from the engine. */
export function compute(model: AhpModel): AhpResult {
  const matrix = matrixOf(model);
  const { weights: eigen, lambdaMax } = ahpEigen(matrix, 'matrix');
  const geomean = ahpGeomean(matrix);
  const cr = consistencyRatio(matrix, 'matrix');
  return { matrix, eigen, geomean, lambdaMax, cr, consistent: cr < CR_THRESHOLD, mostInconsistent: mostInconsistent(matrix, eigen) };
}

/** A criterion's display name: its name, or "#k" while it is blank. */
export function displayName(model: AhpModel, index: number, blankLabel: (position: number) => string): string {
  const name = model.criteria[index].name.trim();
  return name === '' ? blankLabel(index + 1) : name;
}

/** Names that occur more than once (trimmed, case-insensitive), for a warning. */
export function duplicateNames(model: AhpModel): string[] {
  const seen = new Map<string, number>();
  for (const c of model.criteria) {
    const key = c.name.trim().toLocaleLowerCase();
    if (key !== '') seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return model.criteria.map((c) => c.name.trim()).filter((name, i, all) => (seen.get(name.toLocaleLowerCase()) ?? 0) > 1 && all.findIndex((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase()) === i);
}

/** A stored draft that is a usable model (2–15 named criteria, judgements on the scale between known ids). */
export function isAhpModel(value: unknown): value is AhpModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<AhpModel>;
  if (!Array.isArray(m.criteria) || m.criteria.length < MIN_CRITERIA || m.criteria.length > MAX_CRITERIA) return false;
  if (!m.criteria.every((c) => typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.name === 'string')) return false;
  if (new Set(m.criteria.map((c) => c.id)).size !== m.criteria.length) return false;
  if (typeof m.nextId !== 'number' || !Number.isInteger(m.nextId)) return false;
  if (typeof m.judgements !== 'object' || m.judgements === null) return false;
  const ids = new Set(m.criteria.map((c) => c.id));
  return Object.entries(m.judgements).every(([key, v]) => {
    const [a, b] = key.split('|');
    return ids.has(a) && ids.has(b) && typeof v === 'number' && SAATY_SCALE.some((s) => Math.abs(s - v) <= 1e-9 * s);
  });
}
