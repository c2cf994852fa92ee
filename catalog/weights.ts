/** Weights (权重): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/weights';
import { broadcast, column } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const WEIGHTS: CatalogFunction[] = [
  {
    id: 'NORMALIZE',
    category: 'weights',
    description: { 'en-US': 'Normalizes weights so they sum to 1 (v / Σv).', 'zh-CN': '将权重归一化，使其总和为 1（v / Σv）。' },
    parameters: [
      range('values', { 'en-US': 'Non-negative weights (a range).', 'zh-CN': '非负权重（单元格区域）。' }),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.normalize,
    readme: { example: '=PERF.NORMALIZE(B2:B6)', result: 'weights summing to 1' },
  },
  {
    id: 'AHP',
    category: 'weights',
    description: { 'en-US': 'AHP weights from a pairwise comparison matrix (Saaty 1–9 scale). Stack several experts\' matrices to aggregate them by geometric mean.', 'zh-CN': '层次分析法（AHP）：根据两两比较判断矩阵（1–9 标度）计算权重。可将多位专家的判断矩阵上下堆叠，按几何平均汇总。' },
    parameters: [
      range('matrix', { 'en-US': 'n×n reciprocal matrix (blank lower triangle = reciprocals), or k stacked matrices.', 'zh-CN': 'n×n 互反判断矩阵（下三角留空则自动取上三角的倒数），或上下堆叠的 k 个矩阵。' }),
      optional(choice('method', engine.AHP_METHODS, { 'en-US': '"eigen" (default) or "geomean".', 'zh-CN': '"特征向量"（默认，特征向量法）或 "几何平均"（几何平均法）；也可写 "eigen"、"geomean"。' })),
    ],
    result: { kind: 'range', shape: (a) => column(a.shape(0).cols) },
    call: engine.ahp,
    explain: 'explainAhp',
    readme: { example: '=PERF.AHP(B2:F6)', result: 'AHP weights (eigenvector or `"geomean"`); stacked matrices = several experts' },
  },
  {
    id: 'AHPCR',
    category: 'weights',
    description: { 'en-US': 'AHP consistency ratio; below 0.1 is usually acceptable.', 'zh-CN': '层次分析法（AHP）的一致性比率 CR；通常小于 0.1 即可接受。' },
    parameters: [
      range('matrix', { 'en-US': 'n×n reciprocal matrix, or k stacked matrices.', 'zh-CN': 'n×n 互反判断矩阵，或上下堆叠的 k 个矩阵。' }),
    ],
    result: { kind: 'number' },
    call: engine.ahpcr,
    readme: { example: '=PERF.AHPCR(B2:F6)', result: 'consistency ratio (warn at ≥ 0.1)' },
  },
  {
    id: 'ENTROPY',
    category: 'weights',
    description: { 'en-US': 'Entropy weight method on alternatives × criteria data.', 'zh-CN': '熵权法：根据“评价对象 × 指标”数据计算客观权重。' },
    parameters: [
      range('data', { 'en-US': 'm×k data, one row per alternative.', 'zh-CN': 'm×k 数据，每行一个评价对象。' }),
      optional(range('directions', { 'en-US': '1×k of 1 (benefit, default) or -1 (cost).', 'zh-CN': '1×k 指标方向：1 为正向指标（越大越好，默认），-1 为负向指标（越小越好）。' })),
      optional(
        choice('normalize', engine.ENTROPY_NORMALIZATIONS, {
          'en-US': '"minmax" (default) or "proportion".',
          'zh-CN': '"极差"（默认，极差标准化）或 "比重"（比重法，直接使用非负原始值）；也可写 "minmax"、"proportion"。',
        }),
      ),
    ],
    result: { kind: 'range', shape: (a) => ({ rows: 1, cols: a.shape(0).cols }) },
    call: engine.entropy,
    readme: { example: '=PERF.ENTROPY(B2:E20, B1:E1)', result: 'entropy weights (熵权法)' },
  },
  {
    id: 'CRITIC',
    category: 'weights',
    description: { 'en-US': 'CRITIC weights: contrast (standard deviation) times conflict (1 - correlation).', 'zh-CN': 'CRITIC 法权重：对比强度（标准差）× 冲突性（1 − 相关系数）。' },
    parameters: [
      range('data', { 'en-US': 'm×k data, one row per alternative.', 'zh-CN': 'm×k 数据，每行一个评价对象。' }),
      optional(range('directions', { 'en-US': '1×k of 1 (benefit, default) or -1 (cost).', 'zh-CN': '1×k 指标方向：1 为正向指标（越大越好，默认），-1 为负向指标（越小越好）。' })),
    ],
    result: { kind: 'range', shape: (a) => ({ rows: 1, cols: a.shape(0).cols }) },
    call: engine.critic,
    readme: { example: '=PERF.CRITIC(B2:E20)', result: 'CRITIC weights' },
  },
  {
    id: 'ROC',
    category: 'weights',
    description: { 'en-US': 'Rank-order centroid weights from importance ranks (1 = most important).', 'zh-CN': '秩重心（ROC）权重：根据重要性排名计算（1 = 最重要）。' },
    parameters: [
      range('ranks', { 'en-US': 'Ranks 1..n; ties share their positions\' mean weight.', 'zh-CN': '排名 1..n；名次并列时取所占各位次权重的平均值。' }),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.roc,
    readme: { example: '=PERF.ROC(B2:B6)', result: 'rank-order centroid weights' },
  },
  {
    id: 'BLEND',
    category: 'weights',
    description: { 'en-US': 'Blends subjective and objective weights.', 'zh-CN': '将主观权重与客观权重组合为综合权重。' },
    parameters: [
      range('subjective', { 'en-US': 'Subjective weights (e.g. AHP).', 'zh-CN': '主观权重（如 AHP 权重）。' }),
      range('objective', { 'en-US': 'Objective weights (e.g. entropy), same shape.', 'zh-CN': '客观权重（如熵权法权重），形状须与主观权重相同。' }),
      optional(value('alpha', { 'en-US': 'Share of the subjective weights, 0..1 (default 0.5).', 'zh-CN': '主观权重所占比例，0..1（默认 0.5）。' })),
      optional(choice('method', engine.BLEND_METHODS, { 'en-US': '"linear" (default) or "multiplicative".', 'zh-CN': '"线性"（默认，线性加权）或 "乘法"（乘法合成）；也可写 "linear"、"multiplicative"。' })),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.blend,
    readme: { example: '=PERF.BLEND(G2:G6, H2:H6, 0.6)', result: 'blended weights' },
  },
];
