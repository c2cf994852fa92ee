/** Allocation (预算分配): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/allocation';
import { family } from './family';
import { columnPerRow } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const ALLOCATION: CatalogFunction[] = family('allocation', [
  {
    id: 'RESPONSE',
    parameters: [range('spend'), range('curves')],
    result: { kind: 'range', shape: columnPerRow(1) },
    call: engine.response,
    readme: { example: '=PERF.RESPONSE(B2:B5, C2:E5)', result: 'saturating response per channel' },
  },
  {
    id: 'ALLOCATE',
    parameters: [value('budget'), range('curves'), optional(range('minimums')), optional(range('maximums'))],
    result: { kind: 'range', shape: columnPerRow(1) },
    call: engine.allocate,
    explain: 'explainAllocate',
    readme: { example: '=PERF.ALLOCATE(850000, C2:E5)', result: 'budget split maximizing response' },
  },
]);
