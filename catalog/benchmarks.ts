/** Benchmarks (基准): catalog entries (see types.ts for what each field feeds). */
import { CatalogFunction, optional, range, value } from './types';

export const BENCHMARKS: CatalogFunction[] = [
  {
    id: 'BENCHMARK',
    category: 'benchmarks',
    description: { 'en-US': 'A shared benchmark value from the PerfPlan service.', 'zh-CN': '来自 PerfPlan 服务的共享基准值。' },
    parameters: [
      value('metric', { 'en-US': 'Metric name, e.g. "labour_cost_share".', 'zh-CN': '指标名称，如 "labour_cost_share"。' }),
      optional(value('segment', { 'en-US': 'Segment (default "all").', 'zh-CN': '细分类别（默认 "all"）。' })),
      optional(value('percentile', { 'en-US': 'Percentile 0..100 (default 50).', 'zh-CN': '百分位数 0..100（默认 50）。' })),
    ],
    result: { kind: 'number' },
    service: 'benchmark',
    readme: { example: '=PERF.BENCHMARK("labour_cost_share")', result: 'a shared benchmark from the PerfPlan API' },
  },
];
