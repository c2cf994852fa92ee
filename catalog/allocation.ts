/** Allocation (预算分配): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/allocation';
import { column } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const ALLOCATION: CatalogFunction[] = [
  {
    id: 'RESPONSE',
    category: 'allocation',
    description: { 'en-US': 'Saturating response per channel: α·x^s / (κ^s + x^s).', 'zh-CN': '各渠道的饱和响应：α·x^s / (κ^s + x^s)。' },
    parameters: [
      range('spend', { 'en-US': 'k×1 spend per channel.', 'zh-CN': 'k×1 各渠道投放金额。' }),
      range('curves', { 'en-US': 'k×3: max response α, half-saturation spend κ, shape s.', 'zh-CN': 'k×3：最大响应 α、半饱和投放额 κ、形状参数 s。' }),
    ],
    result: { kind: 'range', shape: (a) => column(a.shape(1).rows) },
    call: engine.response,
    readme: { example: '=PERF.RESPONSE(B2:B5, C2:E5)', result: 'saturating response per channel' },
  },
  {
    id: 'ALLOCATE',
    category: 'allocation',
    description: { 'en-US': 'Budget allocation that maximizes total response.', 'zh-CN': '预算分配：求使总响应最大的各渠道投放额。' },
    parameters: [
      value('budget', { 'en-US': 'Total budget to spend.', 'zh-CN': '待分配的总预算。' }),
      range('curves', { 'en-US': 'k×3: max response α, half-saturation spend κ, shape s.', 'zh-CN': 'k×3：最大响应 α、半饱和投放额 κ、形状参数 s。' }),
      optional(range('minimums', { 'en-US': 'k×1 minimum spend (default 0).', 'zh-CN': 'k×1 各渠道最低投放额（默认 0）。' })),
      optional(range('maximums', { 'en-US': 'k×1 maximum spend (default the budget).', 'zh-CN': 'k×1 各渠道最高投放额（默认为总预算）。' })),
    ],
    result: { kind: 'range', shape: (a) => column(a.shape(1).rows) },
    call: engine.allocate,
    explain: 'explainAllocate',
    readme: { example: '=PERF.ALLOCATE(850000, C2:E5)', result: 'budget split maximizing response' },
  },
];
