/**
 * Explaining AHP from weights.ts's own reading of the matrix (readAhpArgs: each expert's
 * matrix and their aggregate) and its own working: ahpRowGeomeans, ahpEigen, matrixTimes,
 * consistencyIndex, consistencyRatio and the random index.
 */
import { PerfError } from '../errors';
import type { Arg } from '../grid';
import {
  ALWAYS_CONSISTENT_UP_TO,
  ahp,
  ahpEigen,
  ahpRandomIndex,
  ahpRowGeomeans,
  consistencyIndex,
  consistencyRatio,
  matrixTimes,
  readAhpArgs,
} from '../weights';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, info, result, resultAt } from './steps';

function sumOf(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** AHP(matrix, [method]) for one criterion (row): aggregation, row geometric mean / eigenvector, λmax, CR. */
export function explainAhp(matrix: Arg, method: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(ahp(matrix, method ?? null), at, 'AHP');
  const { experts, matrix: A, method: how } = readAhpArgs(matrix, method);
  const n = A.length;
  const i = at.row;
  const k = experts.length;
  const steps: ExplainStep[] = [info('ahp.criterion', `n = ${n}`, n, { criterion: i + 1, n })];
  if (k > 1) {
    steps.push(info('ahp.experts', `k = ${k}`, k, { k }));
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      steps.push(info('ahp.aggregated', `(${experts.map((e) => fmt(e[i][j])).join(' × ')})^(1/${k})`, A[i][j], { row: i + 1, column: j + 1 }));
    }
  }
  const g = ahpRowGeomeans(A);
  steps.push(info('ahp.rowGeomean', `(${A[i].map(fmt).join(' × ')})^(1/${n})`, g[i], { row: i + 1 }));
  // The eigenvector also gives λmax and CR; with the geomean method its failure only drops them.
  let eigen: { weights: number[]; lambdaMax: number } | null = null;
  try {
    eigen = ahpEigen(A, 'matrix');
  } catch (error) {
    if (!(error instanceof PerfError) || how === 'eigen') throw error;
  }
  if (how === 'geomean') {
    const gTotal = sumOf(g);
    steps.push(info('ahp.geomeanSum', g.map(fmt).join(' + '), gTotal));
    steps.push(add('ahp.geomeanWeight', `${fmt(g[i])} / ${fmt(gTotal)}`, value));
  } else {
    const w = eigen!.weights;
    const aw = matrixTimes(A, w)[i];
    steps.push(info('ahp.eigenvector', `w = (${w.map(fmt).join(', ')})`, w[i]));
    steps.push(info('ahp.rowTimesW', A[i].map((v, j) => `${fmt(v)} × ${fmt(w[j])}`).join(' + '), aw, { row: i + 1 }));
    steps.push(add('ahp.eigenWeight', `${fmt(aw)} / ${fmt(eigen!.lambdaMax)}`, value));
  }
  if (eigen) {
    const { lambdaMax } = eigen;
    steps.push(info('ahp.lambdaMax', matrixTimes(A, eigen.weights).map(fmt).join(' + '), lambdaMax));
    if (n <= ALWAYS_CONSISTENT_UP_TO) {
      steps.push(info('ahp.alwaysConsistent', 'CR = 0', 0));
    } else {
      const ci = consistencyIndex(lambdaMax, n);
      steps.push(info('ahp.ci', `(${fmt(lambdaMax)} − ${n}) / ${n - 1}`, ci));
      steps.push(info('ahp.cr', `${fmt(ci)} / ${fmt(ahpRandomIndex(n))}`, consistencyRatio(A, 'matrix'), { n }));
    }
  }
  steps.push(result('ahp.result', fmt(value), value, { criterion: i + 1, method: how }));
  return { function: 'AHP', value, steps };
}
