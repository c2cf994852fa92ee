/** Channels (渠道): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/channels';
import { family } from './family';
import { broadcast, column, lengthOf } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const CHANNELS: CatalogFunction[] = family('channels', [
  {
    id: 'PARETO',
    parameters: [range('values'), optional(value('a_share')), optional(value('b_share'))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.pareto,
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
    readme: { example: '=PERF.CHANNELTIER(B2:B30, C2:C30, D2:D30, E2:E30, F2:F30)', result: 'channel tier' },
  },
]);
