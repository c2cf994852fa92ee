/** Simulation (蒙特卡洛): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/simulation';
import { family } from './family';
import { col } from './samples';
import { column, fixed, trialsAt } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const SIMULATION: CatalogFunction[] = family('simulation', [
  {
    id: 'SIM',
    parameters: [
      choice('distribution', engine.DISTRIBUTIONS),
      value('p1'),
      optional(value('p2')),
      optional(value('p3')),
      optional(value('trials')),
      optional(value('seed')),
    ],
    result: { kind: 'range', shape: (a) => column(trialsAt(a, 4, 1)) },
    call: engine.sim,
    samples: [
      ['pert', 4, 8, 24, 50, 1],
      ['triangular', 0, 1, 2, 20, 7],
    ],
    readme: { example: '=PERF.SIM("pert", 4, 8, 24, 10000)', result: 'seeded Monte Carlo samples (at most 200,000 trials)' },
  },
  {
    id: 'SIMCORR',
    parameters: [range('distributions'), range('correlation'), optional(value('trials')), optional(value('seed'))],
    result: { kind: 'range', shape: (a) => {
      const variables = a.shape(0).rows;
      return { rows: trialsAt(a, 2, variables), cols: variables };
    } },
    call: engine.simcorr,
    samples: [
      [[['normal', 10, 2, null], ['uniform', 0, 1, null]], [[1, 0.6], [0.6, 1]], 40, 3],
      [[['normal', 0, 1, null], ['uniform', 0, 1, null]], [[1, 0.5], [0.5, 1]], 10, 3],
    ],
    readme: { example: '=PERF.SIMCORR(A2:D4, F2:H4, 5000)', result: 'correlated samples (trials × variables at most 200,000)' },
  },
  {
    id: 'SUMMARY',
    parameters: [range('samples')],
    result: { kind: 'range', shape: fixed(9, 2) },
    call: engine.summary,
    samples: [
      [col(1, 2, 3, 4, 5)],
      [[[1], [2], [3], [4]]],
    ],
    readme: { example: '=PERF.SUMMARY(A2#)', result: 'mean, stdev, min, P5…P95, max' },
  },
]);
