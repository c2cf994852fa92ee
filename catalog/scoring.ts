/** Scoring (评分): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/scoring';
import { broadcast, column } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const SCORING: CatalogFunction[] = [
  {
    id: 'ATTAIN',
    category: 'scoring',
    description: { 'en-US': 'Attainment of actuals against targets.', 'zh-CN': '计算实际值相对于目标值的达成率。' },
    parameters: [
      range('actual', { 'en-US': 'Actual values (a cell or a range).', 'zh-CN': '实际值（单元格或区域）。' }),
      range('target', { 'en-US': 'Targets, greater than 0.', 'zh-CN': '目标值，须大于 0。' }),
      optional(range('direction', { 'en-US': '1 = higher is better (default), -1 = lower is better.', 'zh-CN': '1 = 越高越好（默认），-1 = 越低越好。' })),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2) },
    call: engine.attain,
    readme: { example: '=PERF.ATTAIN(B2:B50, C2:C50)', result: 'attainment (−1 = lower is better)' },
  },
  {
    id: 'CURVE',
    category: 'scoring',
    description: { 'en-US': 'Reads a value off a curve table.', 'zh-CN': '从曲线表中查取对应的值。' },
    parameters: [
      range('x', { 'en-US': 'Values to look up (a cell or a range).', 'zh-CN': '要查找的值（单元格或区域）。' }),
      range('curve', { 'en-US': 'Two columns: x (strictly ascending) and y.', 'zh-CN': '两列：x（严格递增）和 y。' }),
      optional(
        choice('mode', engine.CURVE_MODES, {
          'en-US': '"linear" (default, interpolate, clamped) or "lookup" (banded).',
          'zh-CN': '"线性"（默认，线性插值，超出范围取两端的值）或 "查表"（按区间查表）；也可写 "linear"、"lookup"。',
        }),
      ),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.curve,
    explain: 'explainCurve',
    readme: { example: '=PERF.CURVE(D2:D50, Curve!A2:B6)', result: 'curve value (linear or `"lookup"`)' },
  },
  {
    id: 'SCORECARD',
    category: 'scoring',
    description: { 'en-US': 'Weighted KPI scorecard, one score per person.', 'zh-CN': '加权 KPI 计分卡，每人得出一个分数。' },
    parameters: [
      range('actuals', { 'en-US': 'm×k actuals, one row per person.', 'zh-CN': 'm×k 实际值，每行一人。' }),
      range('targets', { 'en-US': 'm×k or 1×k targets.', 'zh-CN': 'm×k 或 1×k 目标值。' }),
      range('weights', { 'en-US': '1×k KPI weights (normalized).', 'zh-CN': '1×k KPI 权重（自动归一化）。' }),
      optional(range('directions', { 'en-US': '1×k of 1 (higher is better, default) or -1.', 'zh-CN': '1×k 指标方向：1（越高越好，默认）或 -1（越低越好）。' })),
      optional(value('cap', { 'en-US': 'Maximum attainment counted per KPI (blank = no cap).', 'zh-CN': '每项 KPI 计入的达成率上限（封顶；留空 = 不封顶）。' })),
      optional(value('floor', { 'en-US': 'Minimum attainment counted per KPI (default 0).', 'zh-CN': '每项 KPI 计入的达成率下限（默认 0）。' })),
    ],
    result: { kind: 'range', shape: (a) => column(a.shape(0).rows) },
    call: engine.scorecard,
    explain: 'explainScorecard',
    readme: { example: '=PERF.SCORECARD(B2:F50, B1:F1, Weights!B2:F2,, 1.2)', result: 'one weighted score per person' },
  },
  {
    id: 'STATUS',
    category: 'scoring',
    description: { 'en-US': 'Traffic light for attainment.', 'zh-CN': '根据达成率显示红绿灯状态。' },
    parameters: [
      range('attainment', { 'en-US': 'Attainment values (a cell or a range).', 'zh-CN': '达成率（单元格或区域）。' }),
      optional(range('bands', { 'en-US': 'Two columns: lower bound (ascending) and label. Default: 0.95 green, 0.85 amber, else red.', 'zh-CN': '两列：下限（递增）和标签。默认：≥ 0.95 为 "green"，≥ 0.85 为 "amber"，否则为 "red"；如需中文标签（如 绿/黄/红），请在此提供。' })),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.status,
    readme: { example: '=PERF.STATUS(G2:G50)', result: 'green / amber / red' },
  },
  {
    id: 'RATER',
    category: 'scoring',
    description: { 'en-US': '360° review: blends one person\'s ratings by rater group.', 'zh-CN': '360 度评估：按评价人类别汇总某人的评分。' },
    parameters: [
      range('scores', { 'en-US': 'n×1 ratings.', 'zh-CN': 'n×1 评分。' }),
      range('groups', { 'en-US': 'n×1 rater group labels (e.g. manager, peer, customer).', 'zh-CN': 'n×1 评价人类别标签（如 上级、同事、客户）。' }),
      range('weights', { 'en-US': 'Two columns: group label and weight.', 'zh-CN': '两列：类别标签和权重。' }),
    ],
    result: { kind: 'number' },
    call: engine.rater,
    readme: { example: '=PERF.RATER(B2:B9, C2:C9, F2:G4)', result: '360° blend' },
  },
];
