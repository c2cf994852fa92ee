/** Cost-benefit (成本效益): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/costbenefit';
import { family } from './family';
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
    explain: 'explainPayback',
    readme: { example: '=PERF.PAYBACK(B2:B10, 0.08)', result: 'payback period' },
  },
  {
    id: 'BCR',
    parameters: [range('benefits'), range('costs'), optional(value('rate'))],
    result: { kind: 'number' },
    call: engine.bcr,
    readme: { example: '=PERF.BCR(B2:B10, C2:C10, 0.08)', result: 'benefit-cost ratio' },
  },
  {
    id: 'BREAKEVEN',
    parameters: [range('fixed_cost'), range('unit_price'), range('unit_variable_cost')],
    result: { kind: 'range', shape: broadcast(0, 1, 2) },
    call: engine.breakeven,
    readme: { example: '=PERF.BREAKEVEN(500000, 120, 70)', result: 'break-even volume' },
  },
  {
    id: 'LTV',
    parameters: [range('margin'), range('retention'), range('discount'), optional(range('periods'))],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.ltv,
    readme: { example: '=PERF.LTV(300, 0.8, 0.1)', result: 'customer lifetime value' },
  },
  {
    id: 'MARGINAL',
    parameters: RESPONSE_POINTS,
    result: { kind: 'range', shape: (a) => column(lengthOf(a.shape(0)) - 1) },
    call: engine.marginal,
    readme: { example: '=PERF.MARGINAL(A2:A10, B2:B10)', result: 'marginal return per step' },
  },
  {
    id: 'OPTIMUM',
    parameters: [...RESPONSE_POINTS, optional(value('threshold'))],
    result: { kind: 'number' },
    call: engine.optimum,
    readme: { example: '=PERF.OPTIMUM(A2:A10, B2:B10, 1)', result: 'where marginal return falls below 1' },
  },
]);
