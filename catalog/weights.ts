/** Weights (权重): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/weights';
import { family } from './family';
import { col, row } from './samples';
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
    samples: [
      [row(1, 3, 4)],
      [[[1, 2, 3]]],
    ],
    readme: { example: '=PERF.NORMALIZE(B2:B6)', result: 'weights summing to 1' },
  },
  {
    id: 'AHP',
    parameters: [range('matrix'), optional(choice('method', engine.AHP_METHODS))],
    result: { kind: 'range', shape: (a) => column(a.shape(0).cols) },
    call: engine.ahp,
    samples: [
      [[[1, 3, 5], [null, 1, 2], [null, null, 1]], null],
      [[[1, 3, 5], [null, 1, 2], [null, null, 1]], null],
    ],
    explain: 'explainAhp',
    readme: { example: '=PERF.AHP(B2:F6)', result: 'AHP weights (eigenvector or `"geomean"`); stacked matrices = several experts' },
  },
  {
    id: 'AHPCR',
    parameters: [range('matrix')],
    result: { kind: 'number' },
    call: engine.ahpcr,
    samples: [
      [[[1, 3, 5], [null, 1, 2], [null, null, 1]]],
      [[[1, 3, 5], [null, 1, 2], [null, null, 1]]],
    ],
    readme: { example: '=PERF.AHPCR(B2:F6)', result: 'consistency ratio (warn at ≥ 0.1)' },
  },
  {
    id: 'ENTROPY',
    parameters: [...CRITERIA_DATA, optional(choice('normalize', engine.ENTROPY_NORMALIZATIONS))],
    result: { kind: 'range', shape: rowPerColumn(0) },
    call: engine.entropy,
    samples: [
      [[[10, 200, 0.3], [12, 180, 0.5], [9, 260, 0.4], [15, 150, 0.2]], null, 'proportion'],
      [[[1, 2, 3], [4, 1, 6], [7, 8, 2], [3, 3, 3]], null, null],
    ],
    readme: { example: '=PERF.ENTROPY(B2:E20, B1:E1)', result: 'entropy weights (熵权法)' },
  },
  {
    id: 'CRITIC',
    parameters: CRITERIA_DATA,
    result: { kind: 'range', shape: rowPerColumn(0) },
    call: engine.critic,
    samples: [
      [[[10, 200, 0.3], [12, 180, 0.5], [9, 260, 0.4], [15, 150, 0.2]], row(1, -1, 1)],
      [[[1, 2, 3], [4, 1, 6], [7, 8, 2], [3, 3, 3]], [[1, -1, 1]]],
    ],
    readme: { example: '=PERF.CRITIC(B2:E20)', result: 'CRITIC weights' },
  },
  {
    id: 'ROC',
    parameters: [range('ranks')],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.roc,
    samples: [
      [col(1, 2, 2, 4)],
      [[[1, 2, 3, 3]]],
    ],
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
    samples: [
      [col(0.5, 0.3, 0.2), col(0.2, 0.3, 0.5), 0.7, 'multiplicative'],
      [[[0.5], [0.3], [0.2]], [[0.2, 0.3, 0.5]], 0.5, null],
    ],
    readme: { example: '=PERF.BLEND(G2:G6, H2:H6, 0.6)', result: 'blended weights' },
  },
]);
