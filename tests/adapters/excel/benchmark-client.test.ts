/**
 * PERF.BENCHMARK's batching client (with a stubbed transport; the end-to-end test against
 * the real API on Azurite lives with the API's tests): one request per recalculation,
 * every waiting cell settled on failure, answers cached for 24 h.
 */
import { BATCH_WINDOW_MS, clearBenchmarkCache, configureBenchmarkClient, lookupBenchmark } from '../../../adapters/excel/benchmark-client';
import { installCustomFunctionsRuntime } from '../../support/custom-functions-runtime';

installCustomFunctionsRuntime();

interface Sent {
  url: string;
  queries: { metric: string; segment: string; percentile: number }[];
}

function stubApi(answer: (q: Sent['queries'][number]) => object, status = 200) {
  const sent: Sent[] = [];
  const fetch = jest.fn(async (url: string, init: { body: string }) => {
    const queries = JSON.parse(init.body).queries;
    sent.push({ url, queries });
    return { ok: status < 400, status, json: async () => ({ results: queries.map(answer) }) };
  });
  return { sent, fetch };
}

let clock = 1_000_000;

beforeEach(() => {
  clearBenchmarkCache();
  configureBenchmarkClient({ apiBase: () => 'http://api.test/api', now: () => clock });
});

it('300 formulas in one recalculation → one POST /api/benchmarks/query, answers in order', async () => {
  const { sent, fetch } = stubApi((q) => ({ value: q.percentile }));
  configureBenchmarkClient({ fetch: fetch as never });
  const cells = Array.from({ length: 300 }, (_, i) => lookupBenchmark('labour_cost_share', null, i % 100));
  const values = await Promise.all(cells);
  expect(fetch).toHaveBeenCalledTimes(1);
  expect(sent[0].url).toBe('http://api.test/api/benchmarks/query');
  expect(sent[0].queries).toHaveLength(300);
  expect(sent[0].queries[0]).toEqual({ metric: 'labour_cost_share', segment: 'all', percentile: 0 });
  expect(values).toEqual(Array.from({ length: 300 }, (_, i) => i % 100));
});

it('a failing request rejects every waiting cell with #N/A "service unavailable" (no endless #BUSY!)', async () => {
  const { fetch } = stubApi(() => ({}), 503);
  configureBenchmarkClient({ fetch: fetch as never });
  const results = await Promise.allSettled(Array.from({ length: 5 }, () => lookupBenchmark('cac', 'online', 50)));
  for (const r of results) {
    expect(r.status).toBe('rejected');
    expect((r as PromiseRejectedResult).reason).toMatchObject({ code: '#N/A', message: expect.stringMatching(/^service unavailable/) });
  }
});

it('a network error rejects too; no configured API is "service unavailable"', async () => {
  configureBenchmarkClient({ fetch: (async () => Promise.reject(new Error('ECONNREFUSED'))) as never });
  await expect(lookupBenchmark('cac', null, null)).rejects.toMatchObject({ code: '#N/A', message: 'service unavailable (ECONNREFUSED)' });
  configureBenchmarkClient({ apiBase: () => null });
  await expect(lookupBenchmark('cac', null, null)).rejects.toMatchObject({ code: '#N/A', message: expect.stringMatching(/service unavailable/) });
});

it('per-query errors become #N/A in the engine wording (an unknown metric, localizable); bad arguments are #VALUE!/#NUM! without a request', async () => {
  const { fetch } = stubApi((q) => (q.metric === 'nope' ? { error: 'not_found', message: 'unknown metric "nope"' } : { value: 1 }));
  configureBenchmarkClient({ fetch: fetch as never });
  await expect(lookupBenchmark('nope', null, null)).rejects.toMatchObject({ code: '#N/A', message: 'unknown metric "nope" for segment "all"' });
  await expect(lookupBenchmark(null, null, null)).rejects.toMatchObject({ code: '#VALUE!', message: 'metric is blank; text is required' });
  await expect(lookupBenchmark('cac', null, 120)).rejects.toMatchObject({ code: '#NUM!' });
  expect(fetch).toHaveBeenCalledTimes(1);
});

it('answers are cached for 24 h; after that they are fetched again, and a stale answer beats an outage', async () => {
  const ok = stubApi(() => ({ value: 0.28 }));
  configureBenchmarkClient({ fetch: ok.fetch as never });
  expect(await lookupBenchmark('labour_cost_share', 'all', 50)).toBe(0.28);
  expect(await lookupBenchmark('labour_cost_share', 'all', 50)).toBe(0.28);
  expect(ok.fetch).toHaveBeenCalledTimes(1);
  clock += 25 * 60 * 60 * 1000;
  const down = stubApi(() => ({}), 500);
  configureBenchmarkClient({ fetch: down.fetch as never });
  expect(await lookupBenchmark('labour_cost_share', 'all', 50)).toBe(0.28);
  expect(down.fetch).toHaveBeenCalledTimes(1);
});

describe('the batching window (Microsoft\'s batching sample waits 100 ms before sending)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is a short named window: 100 ms as in the sample', () => {
    expect(BATCH_WINDOW_MS).toBe(100);
  });

  it('nothing is sent before the window closes; a call arriving within it joins the same request', async () => {
    const { sent, fetch } = stubApi((q) => ({ value: q.percentile }));
    configureBenchmarkClient({ fetch: fetch as never });
    const first = lookupBenchmark('cac', 'online', 10);
    await jest.advanceTimersByTimeAsync(BATCH_WINDOW_MS - 1);
    expect(fetch).not.toHaveBeenCalled();
    const second = lookupBenchmark('cac', 'online', 20); // 99 ms later: still inside the window
    await jest.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sent[0].queries.map((q) => q.percentile)).toEqual([10, 20]);
    await expect(Promise.all([first, second])).resolves.toEqual([10, 20]);
  });

  it('a call after the window has closed starts a new window and a new request', async () => {
    const { sent, fetch } = stubApi((q) => ({ value: q.percentile }));
    configureBenchmarkClient({ fetch: fetch as never });
    const first = lookupBenchmark('cac', 'online', 30);
    await jest.advanceTimersByTimeAsync(BATCH_WINDOW_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(first).resolves.toBe(30);
    const later = lookupBenchmark('cac', 'online', 40);
    await jest.advanceTimersByTimeAsync(BATCH_WINDOW_MS - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sent.map((request) => request.queries.map((q) => q.percentile))).toEqual([[30], [40]]);
    await expect(later).resolves.toBe(40);
  });

  it('a failed request still rejects every call that waited in the window with #N/A', async () => {
    const { fetch } = stubApi(() => ({}), 503);
    configureBenchmarkClient({ fetch: fetch as never });
    const early = lookupBenchmark('cac', 'offline', 50);
    await jest.advanceTimersByTimeAsync(40);
    const late = lookupBenchmark('cac', 'offline', 60);
    const settled = Promise.allSettled([early, late]);
    await jest.advanceTimersByTimeAsync(BATCH_WINDOW_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    for (const r of await settled) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: '#N/A', message: 'service unavailable (HTTP 503)' });
    }
  });
});
