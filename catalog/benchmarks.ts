/** Benchmarks (基准): catalog entries (see types.ts for what each field feeds). */
import { family } from './family';
import { CatalogFunction, optional, value } from './types';

export const BENCHMARKS: CatalogFunction[] = family('benchmarks', [
  {
    id: 'BENCHMARK',
    parameters: [value('metric'), optional(value('segment')), optional(value('percentile'))],
    result: { kind: 'number' },
    service: 'benchmark',
    readme: { example: '=PERF.BENCHMARK("labour_cost_share")', result: 'a shared benchmark from the PerfPlan API' },
  },
]);
