/** Cost-benefit (成本效益): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/costbenefit';
import { family } from './family';
import { col } from './samples';
import { broadcast, column, lengthOf } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

/** MARGINAL and OPTIMUM read the same points of a response: inputs and the outputs at them. */
const RESPONSE_POINTS = [range('inputs'), range('outputs')] as const;

export const COSTBENEFIT: CatalogFunction[] = family('costbenefit', [
  {
    id: 'PAYBACK',
    parameters: [range('cashflows'), optional(value('rate'))],
    result: { kind: 'number' },
    call: engine.payback,
    samples: [
      [col(-1000, 300, 400, 500), 0.08],
      [[[-1000, 300, 400, 500]], 0.05], // pays back in period 3; at 10% it never would (#N/A)
    ],
    explain: 'explainPayback',
    readme: { example: '=PERF.PAYBACK(B2:B10, 0.08)', result: 'payback period' },
  },
  {
    id: 'BCR',
    parameters: [range('benefits'), range('costs'), optional(value('rate'))],
    result: { kind: 'number' },
    call: engine.bcr,
    samples: [
      [col(0, 500, 500), col(800, 50), 0.08],
      [[[100, 200]], [[150]], 0.05],
    ],
    readme: { example: '=PERF.BCR(B2:B10, C2:C10, 0.08)', result: 'benefit-cost ratio' },
  },
  {
    id: 'BREAKEVEN',
    parameters: [range('fixed_cost'), range('unit_price'), range('unit_variable_cost')],
    result: { kind: 'range', shape: broadcast(0, 1, 2) },
    call: engine.breakeven,
    samples: [
      [500000, 120, 70],
      [1000, 20, 12],
    ],
    readme: { example: '=PERF.BREAKEVEN(500000, 120, 70)', result: 'break-even volume' },
  },
  {
    id: 'LTV',
    parameters: [range('margin'), range('retention'), range('discount'), optional(range('periods'))],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.ltv,
    samples: [
      [col(300, 200), 0.8, 0.1, col(null, 5)],
      [100, 0.8, 0.1, 5],
    ],
    readme: { example: '=PERF.LTV(300, 0.8, 0.1)', result: 'customer lifetime value' },
  },
  {
    id: 'MARGINAL',
    parameters: RESPONSE_POINTS,
    result: { kind: 'range', shape: (a) => column(lengthOf(a.shape(0)) - 1) },
    call: engine.marginal,
    samples: [
      [col(1, 2, 3, 4), col(10, 15, 18, 19)],
      [[[0, 10, 20]], [[0, 50, 80]]],
    ],
    readme: { example: '=PERF.MARGINAL(A2:A10, B2:B10)', result: 'marginal return per step' },
  },
  {
    id: 'OPTIMUM',
    parameters: [...RESPONSE_POINTS, optional(value('threshold'))],
    result: { kind: 'number' },
    call: engine.optimum,
    samples: [
      [col(1, 2, 3, 4), col(10, 15, 18, 19), 1],
      [[[0, 10, 20]], [[0, 50, 80]], 2],
    ],
    readme: { example: '=PERF.OPTIMUM(A2:A10, B2:B10, 1)', result: 'where marginal return falls below 1' },
  },
]);
