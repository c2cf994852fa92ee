/** Channels (渠道): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/channels';
import { family } from './family';
import { col } from './samples';
import { broadcast, column, lengthOf } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const CHANNELS: CatalogFunction[] = family('channels', [
  {
    id: 'PARETO',
    parameters: [range('values'), optional(value('a_share')), optional(value('b_share'))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.pareto,
    samples: [
      [col(50, 30, 15, 5), 0.8, 0.95],
      [[[100, 50, 30, 20]], 0.8, 0.95],
    ],
    readme: { example: '=PERF.PARETO(B2:B30)', result: 'A/B/C class' },
  },
  {
    id: 'CHANNELTIER',
    parameters: [
      range('revenue'),
      range('growth'),
      range('roi'),
      range('change_prev_q'),
      range('change_last_q'),
      optional(range('rules')),
    ],
    result: { kind: 'range', shape: (a) => column(lengthOf(a.shape(0))) },
    call: engine.channeltier,
    samples: [
      [col(500, 300, 100, 50), col(0.1, 0.5, 0.05, -0.2), col(4, 3, 2, 5), col(0.02, -0.2, 0.1, 0), col(0.05, -0.18, 0.1, 0.01), null],
      [[[100], [50]], [[0.1], [0.4]], [[5], [2]], [[-0.2], [0]], [[-0.2], [0.1]], [['min_roi', 3], ['exit_decline', 0.15]]],
    ],
    readme: { example: '=PERF.CHANNELTIER(B2:B30, C2:C30, D2:D30, E2:E30, F2:F30)', result: 'channel tier' },
  },
]);
