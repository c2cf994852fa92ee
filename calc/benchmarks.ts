/**
 * PERF.BENCHMARK in `perfplan calc`. HyperFormula evaluates synchronously, so lookups are
 * done in two passes, the headless twin of the add-in's batching: the first calculation
 * records every query (answering #N/A for now), one batch request per 500 queries asks the
 * API (PERFPLAN_API_URL), and the workbook is recalculated with the answers.
 */
import { BenchmarkAnswer, BenchmarkQuery, PerfError, benchmarkAnswerError, benchmarkQuery, naError } from '../engine';
import { ERRORS } from '../i18n';
import type { Cell } from '../engine/grid';
import type { PerfHooks } from '../adapters/hyperformula/plugin';
import { messageOf } from '../i18n/localized-error';

type BenchmarkResolver = NonNullable<PerfHooks['benchmark']>;

const MAX_BATCH = 500;

type Answer = number | PerfError;

const keyOf = (q: BenchmarkQuery) => JSON.stringify([q.metric, q.segment, q.percentile]);

export class BenchmarkBatch {
  private readonly pending = new Map<string, BenchmarkQuery>();
  private readonly answers = new Map<string, Answer>();
  private unavailable: PerfError;

  constructor(private readonly apiUrl: string | undefined) {
    this.unavailable = naError(apiUrl ? ERRORS.serviceNotAsked : ERRORS.serviceNotConfigured);
  }

  /** The resolver the plugin calls for each PERF.BENCHMARK cell. */
  readonly resolver: BenchmarkResolver = (metric: Cell, segment: Cell, percentile: Cell) => {
    const query = benchmarkQuery(metric, segment, percentile);
    const key = keyOf(query);
    const answer = this.answers.get(key);
    if (answer !== undefined) return answer;
    this.pending.set(key, query);
    return this.unavailable;
  };

  get hasPending(): boolean {
    return this.pending.size > 0 && this.apiUrl !== undefined;
  }

  /** Asks the API for every recorded query; a failed request answers them all "service unavailable". */
  async fetchPending(fetchImpl: typeof fetch = fetch): Promise<void> {
    const queries = [...this.pending.values()];
    this.pending.clear();
    for (let start = 0; start < queries.length; start += MAX_BATCH) {
      const batch = queries.slice(start, start + MAX_BATCH);
      try {
        const response = await fetchImpl(`${this.apiUrl!.replace(/\/$/, '')}/benchmarks/query`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ queries: batch }),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { results } = (await response.json()) as { results: BenchmarkAnswer[] };
        batch.forEach((q, i) => {
          const r = results[i];
          this.answers.set(keyOf(q), typeof r?.value === 'number' ? r.value : benchmarkAnswerError(q, r));
        });
      } catch (error) {
        const failure = naError(ERRORS.serviceUnavailable, { reason: messageOf(error) });
        batch.forEach((q) => this.answers.set(keyOf(q), failure));
      }
    }
  }
}
