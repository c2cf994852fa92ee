/** Weights (权重): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/weights';
import { family } from './family';
import { broadcast, column, rowPerColumn } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

/** ENTROPY and CRITIC weigh the criteria of the same m×k data, each read in its direction. */
const CRITERIA_DATA = [range('data'), optional(range('directions'))] as const;

export const WEIGHTS: CatalogFunction[] = family('weights', [
  {
    id: 'NORMALIZE',
    parameters: [range('values')],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.normalize,
    readme: { example: '=PERF.NORMALIZE(B2:B6)', result: 'weights summing to 1' },
  },
  {
    id: 'AHP',
    parameters: [range('matrix'), optional(choice('method', engine.AHP_METHODS))],
    result: { kind: 'range', shape: (a) => column(a.shape(0).cols) },
    call: engine.ahp,
    explain: 'explainAhp',
    readme: { example: '=PERF.AHP(B2:F6)', result: 'AHP weights (eigenvector or `"geomean"`); stacked matrices = several experts' },
  },
  {
    id: 'AHPCR',
    parameters: [range('matrix')],
    result: { kind: 'number' },
    call: engine.ahpcr,
    readme: { example: '=PERF.AHPCR(B2:F6)', result: 'consistency ratio (warn at ≥ 0.1)' },
  },
  {
    id: 'ENTROPY',
    parameters: [...CRITERIA_DATA, optional(choice('normalize', engine.ENTROPY_NORMALIZATIONS))],
    result: { kind: 'range', shape: rowPerColumn(0) },
    call: engine.entropy,
    readme: { example: '=PERF.ENTROPY(B2:E20, B1:E1)', result: 'entropy weights (熵权法)' },
  },
  {
    id: 'CRITIC',
    parameters: CRITERIA_DATA,
    result: { kind: 'range', shape: rowPerColumn(0) },
    call: engine.critic,
    readme: { example: '=PERF.CRITIC(B2:E20)', result: 'CRITIC weights' },
  },
  {
    id: 'ROC',
    parameters: [range('ranks')],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.roc,
    readme: { example: '=PERF.ROC(B2:B6)', result: 'rank-order centroid weights' },
  },
  {
    id: 'BLEND',
    parameters: [
      range('subjective'),
      range('objective'),
      optional(value('alpha')),
      optional(choice('method', engine.BLEND_METHODS)),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.blend,
    readme: { example: '=PERF.BLEND(G2:G6, H2:H6, 0.6)', result: 'blended weights' },
  },
]);
