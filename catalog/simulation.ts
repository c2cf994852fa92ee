/** Simulation (蒙特卡洛): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/simulation';
import { column, fixed, trialsAt } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const SIMULATION: CatalogFunction[] = [
  {
    id: 'SIM',
    category: 'simulation',
    description: { 'en-US': 'Seeded Monte Carlo samples from a distribution.', 'zh-CN': '蒙特卡洛模拟：按指定随机种子从分布中抽样。' },
    parameters: [
      choice('distribution', engine.DISTRIBUTIONS, {
        'en-US': '"normal", "lognormal", "uniform", "triangular" or "pert".',
        'zh-CN': '"正态"、"对数正态"、"均匀"、"三角" 或 "PERT"；也可写 "normal"、"lognormal"、"uniform"、"triangular"、"pert"。',
      }),
      value('p1', { 'en-US': 'mean (normal, lognormal) or min (uniform, triangular, pert).', 'zh-CN': '均值（正态、对数正态）或最小值（均匀、三角、PERT）。' }),
      optional(value('p2', { 'en-US': 'sd (normal, lognormal), max (uniform) or mode (triangular, pert).', 'zh-CN': '标准差（正态、对数正态）、最大值（均匀）或最可能值（三角、PERT）。' })),
      optional(value('p3', { 'en-US': 'max (triangular, pert).', 'zh-CN': '最大值（三角、PERT）。' })),
      optional(value('trials', { 'en-US': 'Number of samples (default 1,000, at most 200,000).', 'zh-CN': '抽样次数（默认 1,000，最多 200,000）。' })),
      optional(value('seed', { 'en-US': 'Seed (default 1): the same seed gives the same samples everywhere.', 'zh-CN': '随机种子（默认 1）：相同的种子在任何地方都生成相同的样本。' })),
    ],
    result: { kind: 'range', shape: (a) => column(trialsAt(a, 4, 1)) },
    call: engine.sim,
    readme: { example: '=PERF.SIM("pert", 4, 8, 24, 10000)', result: 'seeded Monte Carlo samples (at most 200,000 trials)' },
  },
  {
    id: 'SIMCORR',
    category: 'simulation',
    description: { 'en-US': 'Correlated Monte Carlo samples.', 'zh-CN': '蒙特卡洛模拟：生成相互关联的多个变量的样本。' },
    parameters: [
      range('distributions', { 'en-US': 'k×4: name, p1, p2, p3 per variable.', 'zh-CN': 'k×4：每个变量的分布名称（如 "正态"、"均匀"）、p1、p2、p3。' }),
      range('correlation', { 'en-US': 'k×k rank correlation matrix.', 'zh-CN': 'k×k 秩相关系数矩阵。' }),
      optional(value('trials', { 'en-US': 'Number of samples (default 1,000; trials × k at most 200,000).', 'zh-CN': '抽样次数（默认 1,000；抽样次数 × k 最多 200,000）。' })),
      optional(value('seed', { 'en-US': 'Seed (default 1).', 'zh-CN': '随机种子（默认 1）。' })),
    ],
    result: { kind: 'range', shape: (a) => {
      const variables = a.shape(0).rows;
      return { rows: trialsAt(a, 2, variables), cols: variables };
    } },
    call: engine.simcorr,
    readme: { example: '=PERF.SIMCORR(A2:D4, F2:H4, 5000)', result: 'correlated samples (trials × variables at most 200,000)' },
  },
  {
    id: 'SUMMARY',
    category: 'simulation',
    description: { 'en-US': 'Summary statistics of samples.', 'zh-CN': '样本的汇总统计。' },
    parameters: [
      range('samples', { 'en-US': 'Samples (e.g. a spilled SIM range).', 'zh-CN': '样本（如 SIM 溢出的区域）。' }),
    ],
    result: { kind: 'range', shape: fixed(9, 2) },
    call: engine.summary,
    readme: { example: '=PERF.SUMMARY(A2#)', result: 'mean, stdev, min, P5…P95, max' },
  },
];
