/** Scoring (评分): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/scoring';
import { family } from './family';
import { col, row } from './samples';
import { broadcast, columnPerRow } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const SCORING: CatalogFunction[] = family('scoring', [
  {
    id: 'ATTAIN',
    parameters: [range('actual'), range('target'), optional(range('direction'))],
    result: { kind: 'range', shape: broadcast(0, 1, 2) },
    call: engine.attain,
    samples: [
      [col(1.5, 2.5), 2, col(-1, 1)],
      [[[110], [90]], 100, -1],
    ],
    readme: { example: '=PERF.ATTAIN(B2:B50, C2:C50)', result: 'attainment (−1 = lower is better)' },
  },
  {
    id: 'CURVE',
    parameters: [range('x'), range('curve'), optional(choice('mode', engine.CURVE_MODES))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.curve,
    samples: [
      [col(0.4, 0.9, 1.2), [[0.5, 0], [1, 1], [1.5, 2]], null],
      [[[0.9], [1.2]], [[0.5, 0], [0.8, 0.5], [1, 1], [1.5, 2]], null],
    ],
    explain: 'explainCurve',
    readme: { example: '=PERF.CURVE(D2:D50, Curve!A2:B6)', result: 'curve value (linear or `"lookup"`)' },
  },
  {
    id: 'SCORECARD',
    parameters: [
      range('actuals'),
      range('targets'),
      range('weights'),
      optional(range('directions')),
      optional(value('cap')),
      optional(value('floor')),
    ],
    result: { kind: 'range', shape: columnPerRow(0) },
    call: engine.scorecard,
    samples: [
      [
        [
          [110, 90, 130],
          [80, 100, 95],
        ],
        row(100, 100, 100),
        row(50, 30, 20),
        null,
        1.2,
        0,
      ],
      [[[110, 90, 130], [80, 100, 95]], [[100, 100, 100]], [[50, 30, 20]], [[1, -1, 1]], 1.2, 0.5],
    ],
    explain: 'explainScorecard',
    readme: { example: '=PERF.SCORECARD(B2:F50, B1:F1, Weights!B2:F2,, 1.2)', result: 'one weighted score per person' },
  },
  {
    id: 'STATUS',
    parameters: [range('attainment'), optional(range('bands'))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.status,
    samples: [
      [col(0.97, 0.9, 0.3), null],
      [[[0.7], [0.9], [1]], [[0, 'red'], [0.8, 'amber'], [0.95, 'green']]],
    ],
    readme: { example: '=PERF.STATUS(G2:G50)', result: 'green / amber / red' },
  },
  {
    id: 'RATER',
    parameters: [range('scores'), range('groups'), range('weights')],
    result: { kind: 'number' },
    call: engine.rater,
    samples: [
      [col(4, 3, 5), col('manager', 'peer', 'customer'), [['manager', 0.5], ['peer', 0.3], ['customer', 0.2]]],
      [[[4], [3], [5]], [['self'], ['peer'], ['manager']], [['self', 0.2], ['peer', 0.3], ['manager', 0.5]]],
    ],
    readme: { example: '=PERF.RATER(B2:B9, C2:C9, F2:G4)', result: '360° blend' },
  },
]);
