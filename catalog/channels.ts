/** Channels (渠道): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/channels';
import { broadcast, column, lengthOf } from './shapes';
import { CatalogFunction, optional, range, value } from './types';

export const CHANNELS: CatalogFunction[] = [
  {
    id: 'PARETO',
    category: 'channels',
    description: { 'en-US': 'ABC (Pareto) class per item by cumulative share.', 'zh-CN': '帕累托/ABC 分类：按累计占比给每一项分类。' },
    parameters: [
      range('values', { 'en-US': 'Values such as revenue per channel.', 'zh-CN': '数值，如各渠道收入。' }),
      optional(value('a_share', { 'en-US': 'Cumulative share for class A (default 0.8).', 'zh-CN': 'A 类的累计占比界限（默认 0.8）。' })),
      optional(value('b_share', { 'en-US': 'Cumulative share for class B (default 0.95).', 'zh-CN': 'B 类的累计占比界限（默认 0.95）。' })),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.pareto,
    readme: { example: '=PERF.PARETO(B2:B30)', result: 'A/B/C class' },
  },
  {
    id: 'CHANNELTIER',
    category: 'channels',
    description: { 'en-US': 'Channel tier: exit-review, low-roi, strategic, incubate or maintain.', 'zh-CN': '渠道分级：返回 "exit-review"（退出评估）、"low-roi"（低 ROI）、"strategic"（战略）、"incubate"（孵化）或 "maintain"（维持）。' },
    parameters: [
      range('revenue', { 'en-US': 'Revenue per channel.', 'zh-CN': '各渠道收入。' }),
      range('growth', { 'en-US': 'Yearly growth per channel.', 'zh-CN': '各渠道年增长率。' }),
      range('roi', { 'en-US': 'ROI per channel (3 means 1:3).', 'zh-CN': '各渠道 ROI（3 表示 1:3）。' }),
      range('change_prev_q', { 'en-US': 'Change in the previous quarter.', 'zh-CN': '上上个季度（倒数第二个季度）的变化率。' }),
      range('change_last_q', { 'en-US': 'Change in the last quarter.', 'zh-CN': '上个季度（最近一个季度）的变化率。' }),
      optional(range('rules', { 'en-US': 'Two columns (name, value) overriding exit_decline, min_roi, strategic_share, incubate_growth.', 'zh-CN': '两列（名称, 值），覆盖 exit_decline、min_roi、strategic_share、incubate_growth 的默认值。' })),
    ],
    result: { kind: 'range', shape: (a) => column(lengthOf(a.shape(0))) },
    call: engine.channeltier,
    readme: { example: '=PERF.CHANNELTIER(B2:B30, C2:C30, D2:D30, E2:E30, F2:F30)', result: 'channel tier' },
  },
];
