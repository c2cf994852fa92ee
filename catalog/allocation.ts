/** Allocation (预算分配): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/allocation';
import { family } from './family';
import { col } from './samples';
import { columnPerRow } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const ALLOCATION: CatalogFunction[] = family('allocation', [
  {
    id: 'RESPONSE',
    parameters: [range('spend'), range('curves')],
    result: { kind: 'range', shape: columnPerRow(1) },
    call: engine.response,
    samples: [
      [col(100, 200, 300), [[1000, 200, 0.8], [1500, 400, 1], [800, 100, 0.6]]],
      [[[100], [200], [300]], [[1000, 200, 0.8], [1500, 400, 1], [800, 100, 2.5]]],
    ],
    readme: { example: '=PERF.RESPONSE(B2:B5, C2:E5)', result: 'saturating response per channel' },
  },
  {
    id: 'ALLOCATE',
    parameters: [value('budget'), range('curves'), optional(range('minimums')), optional(range('maximums'))],
    result: { kind: 'range', shape: columnPerRow(1) },
    call: engine.allocate,
    samples: [
      [850, [[1000, 200, 0.8], [1500, 400, 1], [800, 100, 0.6]], null, null],
      [1000, [[1000, 200, 0.8], [1500, 400, 1], [800, 100, 2.5]], [[0], [100], [0]], [[500], [800], [400]]],
    ],
    explain: 'explainAllocate',
    readme: { example: '=PERF.ALLOCATE(850000, C2:E5)', result: 'budget split maximizing response' },
  },
]);
