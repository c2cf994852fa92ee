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
    explain: 'explainCredit',
    readme: { example: '=PERF.CREDIT(A2:A40, Deals!B2:B5000, Deals!C2:C5000, Deals!D2:D5000, B2:B40)', result: 'credit per person, rolled up to managers' },
  },
  {
    id: 'POOL',
    parameters: [value('pool'), range('shares'), optional(range('cap')), optional(range('floor'))],
    result: { kind: 'range', shape: sameAs(1) },
    call: pool,
    explain: 'explainPool',
    readme: { example: '=PERF.POOL(500000, D2:D60, 30000)', result: 'bonus pool by share, capped excess to the others' },
  },
  {
    id: 'QUOTASPLIT',
    parameters: [range('annual'), range('weights'), optional(value('round_to'))],
    result: { kind: 'range', shape: splitOver(0, 1) },
    call: quotasplit,
    explain: 'explainQuotasplit',
    readme: { example: '=PERF.QUOTASPLIT(B2:B9, Season!B1:M1, 1000)', result: 'targets by period, adding up exactly' },
  },
  {
    id: 'REBATE',
    parameters: [range('amount'), range('ladder'), range('level'), optional(choice('method', TIER_METHODS))],
    result: { kind: 'range', shape: broadcast(0, 2) },
    call: rebate,
    explain: 'explainRebate',
    readme: { example: '=PERF.REBATE(C2:C80, Ladder!A1:D6, B2:B80)', result: 'dealer rebate by channel level (retro or `"marginal"`)' },
  },
]);
