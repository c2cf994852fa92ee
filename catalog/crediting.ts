/**
 * Crediting, pools, targets and rebates (业绩归属、奖金池、目标分解、返利; catalog v2): catalog
 * entries (see types.ts for what each field feeds).
 */
import { credit } from '../engine/crediting';
import { TIER_METHODS } from '../engine/payouts';
import { pool } from '../engine/pool';
import { quotasplit } from '../engine/quotas';
import { rebate } from '../engine/rebates';
import { family } from './family';
import { col, row } from './samples';
import { broadcast, columnAlong, sameAs, splitOver } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const CREDITING: CatalogFunction[] = family('crediting', [
  {
    id: 'CREDIT',
    parameters: [
      range('people'),
      range('deal_people'),
      range('amounts'),
      optional(range('shares')),
      optional(range('managers')),
    ],
    result: { kind: 'range', shape: columnAlong(0) },
    call: credit,
    samples: [
      [col('li', 'wang', 'zhao'), col('li', 'wang', 'wang', 'zhao'), col(1000, 2000, -500, 3000), col(1, 0.5, null, 1), col(null, 'li', 'li')],
      [[['A'], ['B'], ['C']], [['A'], ['B'], ['A']], [[100], [50], [-10]], [[1], [0.5], [null]], [[null], ['A'], ['A']]],
    ],
    explain: 'explainCredit',
    readme: { example: '=PERF.CREDIT(A2:A40, Deals!B2:B5000, Deals!C2:C5000, Deals!D2:D5000, B2:B40)', result: 'credit per person, rolled up to managers' },
  },
  {
    id: 'POOL',
    parameters: [value('pool'), range('shares'), optional(range('cap')), optional(range('floor'))],
    result: { kind: 'range', shape: sameAs(1) },
    call: pool,
    samples: [
      [500000, col(3, 2, 1), 200000, null],
      [1000, [[1], [2], [3]], 400, 50],
    ],
    explain: 'explainPool',
    readme: { example: '=PERF.POOL(500000, D2:D60, 30000)', result: 'bonus pool by share, capped excess to the others' },
  },
  {
    id: 'QUOTASPLIT',
    parameters: [range('annual'), range('weights'), optional(value('round_to'))],
    result: { kind: 'range', shape: splitOver(0, 1) },
    call: quotasplit,
    samples: [
      [col(120000, 60000), row(1, 1, 1.5, 2), 100],
      [[[1000], [2000]], [[1, 2, 4]], 10],
    ],
    explain: 'explainQuotasplit',
    readme: { example: '=PERF.QUOTASPLIT(B2:B9, Season!B1:M1, 1000)', result: 'targets by period, adding up exactly' },
  },
  {
    id: 'REBATE',
    parameters: [range('amount'), range('ladder'), range('level'), optional(choice('method', TIER_METHODS))],
    result: { kind: 'range', shape: broadcast(0, 2) },
    call: rebate,
    samples: [
      [col(50000, 250000), [['from', 'distributor', 'retail'], [0, 0.01, 0.005], [100000, 0.02, 0.01]], col('distributor', 'retail'), null],
      [[[50000], [150000]], [['', 'national', 'retail'], [0, 0.01, 0.02], [100000, 0.02, 0.03]], [['retail'], ['national']], 'retro'],
    ],
    explain: 'explainRebate',
    readme: { example: '=PERF.REBATE(C2:C80, Ladder!A1:D6, B2:B80)', result: 'dealer rebate by channel level (retro or `"marginal"`)' },
  },
]);
