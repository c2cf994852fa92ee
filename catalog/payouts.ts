/** Payouts (激励): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/payouts';
import { family } from './family';
import { col, row } from './samples';
import { broadcast, sameAs } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const PAYOUTS: CatalogFunction[] = family('payouts', [
  {
    id: 'TIERED',
    parameters: [range('amount'), range('tiers'), optional(choice('method', engine.TIER_METHODS))],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.tiered,
    samples: [
      [col(10000, 35000, 80000), [[0, 0.02], [20000, 0.04], [50000, 0.06]], null],
      [[[10000], [35000]], [[0, 0.02], [20000, 0.04], [50000, 0.06]], 'marginal'],
    ],
    explain: 'explainTiered',
    readme: { example: '=PERF.TIERED(B2:B200, Tiers!A2:B7)', result: 'tiered commission (marginal or `"retro"`)' },
  },
  {
    id: 'PAYOUT',
    parameters: [
      range('attainment'),
      range('curve'),
      range('target_incentive'),
      optional(range('gate')),
      optional(range('cap')),
    ],
    result: { kind: 'range', shape: broadcast(0, 2, 3, 4) },
    call: engine.payout,
    samples: [
      [col(0.8, 1.2), [[0.5, 0], [1, 1], [1.5, 2]], 20000, 0.5, 2],
      [[[0.7], [1.1]], [[0.5, 0], [0.8, 0.5], [1, 1], [1.5, 2]], 10000, 0.8, 1.5],
    ],
    explain: 'explainPayout',
    readme: { example: '=PERF.PAYOUT(G2:G50, Curve!A2:B6, 20000, 0.8, 2)', result: 'payout on a curve' },
  },
  {
    id: 'SPLIT',
    parameters: [range('team_score'), range('individual_score'), range('team_weight'), range('amount')],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.split,
    samples: [
      [col(1, 0.8), col(0.9, 1.1), 0.7, col(1000, 2000)],
      [[[1.1], [0.9]], [[1], [1.2]], 0.6, 1000],
    ],
    readme: { example: '=PERF.SPLIT(C2:C50, D2:D50, 0.7, E2:E50)', result: 'team/individual split' },
  },
  {
    id: 'PROFITSHARE',
    parameters: [range('actual'), range('target'), range('rate'), optional(range('cap'))],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.profitshare,
    samples: [
      [col(1200000, 900000), 1000000, 0.1, 15000],
      [[[120], [80]], 100, 0.2, 10],
    ],
    readme: { example: '=PERF.PROFITSHARE(B2, C2, 0.1)', result: 'excess-profit share' },
  },
  {
    id: 'PRORATE',
    parameters: [range('amount'), range('start'), range('end'), range('period_start'), range('period_end')],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3, 4) },
    call: engine.prorate,
    samples: [
      [col(1000, 2000), col(45000, null), col(null, 45100), 44927, 45291],
      [1000, 45000, 45100, 45000, 45030],
    ],
    readme: { example: '=PERF.PRORATE(E2:E50, F2:F50, G2:G50, $J$1, $J$2)', result: 'prorated by days in role' },
  },
  {
    id: 'CLAWBACK',
    parameters: [
      range('commission'),
      range('paid_date'),
      range('cancel_date'),
      range('window_days'),
      optional(range('portion')),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3, 4) },
    call: engine.clawback,
    samples: [
      [col(500, 800), col(45000, 45010), col(45030, null), 90, 0.5],
      [[[100], [200]], 45000, 45020, 30, 0.5],
    ],
    readme: { example: '=PERF.CLAWBACK(E2:E50, F2:F50, G2:G50, 90)', result: 'clawbacks (negative)' },
  },
  {
    id: 'DRAW',
    parameters: [range('earned'), value('draw'), optional(value('recoverable'))],
    result: { kind: 'range', shape: sameAs(0) },
    call: engine.draw,
    samples: [
      [row(3000, 6000, 4000), 5000, true],
      [[[100, 300, 50]], 150, true],
    ],
    readme: { example: '=PERF.DRAW(B2:M2, 5000, TRUE)', result: 'pay per period against a draw' },
  },
]);
