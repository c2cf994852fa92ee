/** Cost-benefit (成本效益): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/costbenefit';
import { broadcast, column, lengthOf } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const COSTBENEFIT: CatalogFunction[] = [
  {
    id: 'PAYBACK',
    category: 'costbenefit',
    description: { 'en-US': 'Payback period in periods, interpolated; optionally discounted.', 'zh-CN': '投资回收期（以期数计，插值计算），可选择折现。' },
    parameters: [
      range('cashflows', { 'en-US': 'Cash flows, the first at t = 0.', 'zh-CN': '现金流，第一笔位于 t = 0。' }),
      optional(value('rate', { 'en-US': 'Discount rate per period (default 0).', 'zh-CN': '每期折现率（默认 0）。' })),
    ],
    result: { kind: 'number' },
    call: engine.payback,
    explain: 'explainPayback',
    readme: { example: '=PERF.PAYBACK(B2:B10, 0.08)', result: 'payback period' },
  },
  {
    id: 'BCR',
    category: 'costbenefit',
    description: { 'en-US': 'Benefit-cost ratio PV(benefits) / PV(costs).', 'zh-CN': '效益成本比：PV(效益) / PV(成本)。' },
    parameters: [
      range('benefits', { 'en-US': 'Benefits by period, the first at t = 0.', 'zh-CN': '各期效益，第一笔位于 t = 0。' }),
      range('costs', { 'en-US': 'Costs by period, the first at t = 0.', 'zh-CN': '各期成本，第一笔位于 t = 0。' }),
      optional(value('rate', { 'en-US': 'Discount rate per period (default 0).', 'zh-CN': '每期折现率（默认 0）。' })),
    ],
    result: { kind: 'number' },
    call: engine.bcr,
    readme: { example: '=PERF.BCR(B2:B10, C2:C10, 0.08)', result: 'benefit-cost ratio' },
  },
  {
    id: 'BREAKEVEN',
    category: 'costbenefit',
    description: { 'en-US': 'Break-even volume.', 'zh-CN': '盈亏平衡点销量。' },
    parameters: [
      range('fixed_cost', { 'en-US': 'Fixed cost.', 'zh-CN': '固定成本。' }),
      range('unit_price', { 'en-US': 'Price per unit.', 'zh-CN': '单价。' }),
      range('unit_variable_cost', { 'en-US': 'Variable cost per unit, below the price.', 'zh-CN': '单位变动成本，须低于单价。' }),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2) },
    call: engine.breakeven,
    readme: { example: '=PERF.BREAKEVEN(500000, 120, 70)', result: 'break-even volume' },
  },
  {
    id: 'LTV',
    category: 'costbenefit',
    description: { 'en-US': 'Customer lifetime value.', 'zh-CN': '客户终身价值（LTV）。' },
    parameters: [
      range('margin', { 'en-US': 'Margin per period.', 'zh-CN': '每期毛利。' }),
      range('retention', { 'en-US': 'Retention rate per period.', 'zh-CN': '每期留存率。' }),
      range('discount', { 'en-US': 'Discount rate per period.', 'zh-CN': '每期折现率。' }),
      optional(range('periods', { 'en-US': 'Number of periods (blank = infinite horizon).', 'zh-CN': '期数（留空 = 无限期）。' })),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.ltv,
    readme: { example: '=PERF.LTV(300, 0.8, 0.1)', result: 'customer lifetime value' },
  },
  {
    id: 'MARGINAL',
    category: 'costbenefit',
    description: { 'en-US': 'Marginal return between consecutive points.', 'zh-CN': '计算相邻两点之间的边际回报。' },
    parameters: [
      range('inputs', { 'en-US': 'Inputs, strictly ascending.', 'zh-CN': '投入值，严格递增。' }),
      range('outputs', { 'en-US': 'Outputs at those inputs.', 'zh-CN': '与各投入值对应的产出。' }),
    ],
    result: { kind: 'range', shape: (a) => column(lengthOf(a.shape(0)) - 1) },
    call: engine.marginal,
    readme: { example: '=PERF.MARGINAL(A2:A10, B2:B10)', result: 'marginal return per step' },
  },
  {
    id: 'OPTIMUM',
    category: 'costbenefit',
    description: { 'en-US': 'Input level where marginal return falls below a threshold (optimal staffing).', 'zh-CN': '边际回报降到阈值以下之前的最优投入水平（如最优人员配置）。' },
    parameters: [
      range('inputs', { 'en-US': 'Inputs, strictly ascending.', 'zh-CN': '投入值，严格递增。' }),
      range('outputs', { 'en-US': 'Outputs at those inputs.', 'zh-CN': '与各投入值对应的产出。' }),
      optional(value('threshold', { 'en-US': 'Marginal return threshold (default 1).', 'zh-CN': '边际回报阈值（默认 1）。' })),
    ],
    result: { kind: 'number' },
    call: engine.optimum,
    readme: { example: '=PERF.OPTIMUM(A2:A10, B2:B10, 1)', result: 'where marginal return falls below 1' },
  },
];
