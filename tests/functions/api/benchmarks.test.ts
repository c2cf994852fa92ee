/**
 * /api/benchmarks and /api/health over HTTP against real Azurite, the seed, and
 * PERF.BENCHMARK's batching client talking to the real API.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { calcFile, toJson } from '../../../calc/book';
import { saveWorkbook, tempDir } from '../../support/workbook';
import { clearBenchmarkCache, configureBenchmarkClient, lookupBenchmark } from '../../../addin/custom-functions/benchmark-client';
import { installCustomFunctionsHost } from '../../../cli/custom-functions-host';
import { loadBenchmarkRows, seed, storageIsEmpty } from '../../../cli/seed';
import { startAzurite } from '../support/azurite';
import { ApiHarness, bearer, startApi } from '../support/api';

installCustomFunctionsHost();

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
  expect(await storageIsEmpty(api.deps)).toBe(true);
  await seed(api.deps);
});
afterAll(() => api.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('seeded benchmarks', () => {
  it('every rule of thumb of the domain digest is a row naming its source', async () => {
    const rows = loadBenchmarkRows();
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const row of rows) expect(row.source).toBe('PerfPlan domain defaults');
    const listed = (await (await fetch(`${api.url}/benchmarks`)).json()).items;
    expect(listed.length).toBe(rows.length);
    const labour = (await (await fetch(`${api.url}/benchmarks?metric=labour_cost_share_max`)).json()).items;
    expect(labour).toEqual([expect.objectContaining({ metric: 'labour_cost_share_max', segment: 'all', value: 0.3, source: 'PerfPlan domain defaults' })]);
  });

  it('the seed published the built-in templates; storage is no longer empty and a second seed changes nothing', async () => {
    const items = (await (await fetch(`${api.url}/templates`)).json()).items;
    expect(items.map((i: { id: string }) => i.id)).toContain('tiered-commission-plan');
    expect(await storageIsEmpty(api.deps)).toBe(false);
    const again = await seed(api.deps);
    expect(again.created).toEqual([]);
    expect(again.unchanged).toContain('tiered-commission-plan');
  });
});

describe('POST /api/benchmarks/query', () => {
  it('answers in order, with per-query errors', async () => {
    const response = await post('benchmarks/query', {
      queries: [{ metric: 'channel_roi_min' }, { metric: 'no_such_metric' }, { metric: 'team_weight', segment: 'offline' }, { metric: 'team_weight', segment: 'online' }],
    });
    expect(response.status).toBe(200);
    expect((await response.json()).results).toEqual([
      { value: 3 },
      { error: 'not_found', message: 'unknown metric "no_such_metric" for segment "all"' },
      { value: 0.7 },
      { error: 'not_found', message: 'unknown metric "team_weight" for segment "online"' },
    ]);
  });

  it('rejects more than 500 queries, malformed JSON and bad shapes with 400/413/415 problems', async () => {
    const tooMany = await post('benchmarks/query', { queries: Array.from({ length: 501 }, () => ({ metric: 'x' })) });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].path).toBe('queries');
    const malformed = await fetch(`${api.url}/benchmarks/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"queries": [' });
    expect(malformed.status).toBe(400);
    const wrongType = await fetch(`${api.url}/benchmarks/query`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(wrongType.status).toBe(415);
    const badPercentile = await post('benchmarks/query', { queries: [{ metric: 'x', percentile: 120 }] });
    expect((await badPercentile.json()).errors[0].path).toBe('queries[0].percentile');
  });
});

describe('POST /api/benchmarks/contributions — k-anonymity', () => {
  const contribute = async (tid: string, value: number) =>
    post('benchmarks/contributions', { metric: 'cac', segment: 'online', period: '2025-Q3', value }, bearer(await api.issuer.mintToken({ tid })));

  it('needs a valid token (401 otherwise)', async () => {
    expect((await post('benchmarks/contributions', { metric: 'cac', segment: 'online', period: '2025-Q3', value: 1 })).status).toBe(401);
  });

  it('4 organizations: n shown, values withheld; a repeat replaces; the 5th publishes percentiles', async () => {
    for (const [i, tid] of ['org-a', 'org-b', 'org-c', 'org-d'].entries()) expect((await contribute(tid, 100 + i * 10)).status).toBe(202);
    expect((await contribute('org-a', 90)).status).toBe(202); // replaces org-a's 100
    const peer = async () => (await (await fetch(`${api.url}/benchmarks?metric=cac&segment=online`)).json()).items.find((r: { period?: string }) => r.period === '2025-Q3');
    const withheld = await peer();
    expect(withheld.n).toBe(4);
    expect(withheld).not.toHaveProperty('p50');
    const before = await post('benchmarks/query', { queries: [{ metric: 'cac', segment: 'online' }] });
    expect((await before.json()).results[0]).toMatchObject({ error: 'not_found' });

    await contribute('org-e', 140);
    const published = await peer();
    expect(published.n).toBe(5);
    // Values 90, 110, 120, 130, 140: PERCENTILE.INC P50 = 120, P25 = 110, P75 = 130.
    expect(published).toMatchObject({ p25: 110, p50: 120, p75: 130 });
    const after = await post('benchmarks/query', { queries: [{ metric: 'cac', segment: 'online', percentile: 50 }] });
    expect((await after.json()).results[0]).toEqual({ value: 120 });
  });
});

describe('PERF.BENCHMARK against the real API', () => {
  afterEach(() => clearBenchmarkCache());

  it('300 formulas in one recalculation → one POST, each cell its value', async () => {
    const requests: string[] = [];
    configureBenchmarkClient({
      apiBase: () => api.url,
      fetch: ((url: string, init: RequestInit) => {
        requests.push(url);
        return fetch(url, init);
      }) as typeof fetch,
    });
    const metrics = ['labour_cost_share_max', 'marketing_spend_share_max', 'channel_roi_min'];
    const cells = await Promise.all(Array.from({ length: 300 }, (_, i) => lookupBenchmark(metrics[i % 3], null, null)));
    expect(requests).toEqual([`${api.url}/benchmarks/query`]);
    expect(cells.slice(0, 3)).toEqual([0.3, 0.15, 3]);
    await expect(lookupBenchmark('no_such_metric', null, null)).rejects.toMatchObject({ code: '#N/A', message: expect.stringMatching(/unknown metric/) });
  });

  it('an unreachable API turns every waiting cell into #N/A "service unavailable"', async () => {
    configureBenchmarkClient({ apiBase: () => 'http://127.0.0.1:9/api', fetch: ((u: string, i: RequestInit) => fetch(u, i)) as typeof fetch });
    const settled = await Promise.allSettled(Array.from({ length: 10 }, () => lookupBenchmark('channel_roi_min', null, null)));
    for (const s of settled) expect((s as PromiseRejectedResult).reason).toMatchObject({ code: '#N/A', message: expect.stringMatching(/^service unavailable/) });
  });
});

describe('PERF.BENCHMARK in perfplan calc', () => {
  async function book(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bench');
    sheet.getCell('A1').value = { formula: 'PERF.BENCHMARK("labour_cost_share_max")' } as ExcelJS.CellValue;
    sheet.getCell('A2').value = { formula: 'PERF.BENCHMARK("team_weight","offline")*100' } as ExcelJS.CellValue;
    sheet.getCell('A3').value = { formula: 'PERF.BENCHMARK("no_such_metric")' } as ExcelJS.CellValue;
    // Saved as Excel saves it (add-in calls as _xldudf_ dynamic arrays), without an API at hand.
    const saved = process.env.PERFPLAN_API_URL;
    delete process.env.PERFPLAN_API_URL;
    try {
      return await saveWorkbook(workbook, path.join(tempDir(), 'bench.xlsx'));
    } finally {
      if (saved !== undefined) process.env.PERFPLAN_API_URL = saved;
    }
  }

  it('asks the API for the recorded lookups and recalculates with the answers', async () => {
    const json = toJson(await calcFile(await book(), { apiUrl: api.url }));
    expect(json['Bench!A1']).toBe(0.3);
    expect(json['Bench!A2']).toBeCloseTo(70, 12);
    expect(json['Bench!A3']).toEqual({ error: '#N/A', message: 'unknown metric "no_such_metric" for segment "all"' });
  });

  it('without an API every lookup is #N/A "service unavailable"', async () => {
    const saved = process.env.PERFPLAN_API_URL;
    delete process.env.PERFPLAN_API_URL;
    try {
      const json = toJson(await calcFile(await book()));
      expect(json['Bench!A1']).toEqual({ error: '#N/A', message: expect.stringMatching(/^service unavailable/) });
    } finally {
      if (saved !== undefined) process.env.PERFPLAN_API_URL = saved;
    }
  });
});

describe('storage outage', () => {
  it('every handler answers 503 with Retry-After while Azurite is down, and recovers when it is back', async () => {
    const azurite = await startAzurite({ inMemory: true });
    const own = await startApi({ connectionString: azurite.connectionString });
    try {
      expect((await fetch(`${own.url}/health`)).status).toBe(200);
      expect(await (await fetch(`${own.url}/health`)).json()).toEqual({ status: 'ok', storage: 'ok' });
      await azurite.stop();
      const calls: [string, RequestInit?][] = [
        ['health'],
        ['templates'],
        ['templates/some-plan'],
        ['templates/some-plan/download'],
        ['benchmarks'],
        ['benchmarks/query', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ queries: [{ metric: 'x' }] }) }],
        ['benchmarks/contributions', { method: 'POST', headers: { 'Content-Type': 'application/json', ...bearer(own.reader) }, body: JSON.stringify({ metric: 'x', segment: 'all', period: '2025', value: 1 }) }],
        ['templates/some-plan', { method: 'DELETE', headers: { ...bearer(own.admin), 'If-Match': '"x"' } }],
      ];
      for (const [path, init] of calls) {
        const response = await fetch(`${own.url}/${path}`, init);
        expect([path, response.status]).toEqual([path, 503]);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      }
      const back = await startAzurite({ inMemory: true, blobPort: azurite.blobPort, tablePort: azurite.tablePort, queuePort: azurite.queuePort });
      try {
        expect((await fetch(`${own.url}/health`)).status).toBe(200);
        expect((await fetch(`${own.url}/templates`)).status).toBe(200);
      } finally {
        await back.stop();
      }
    } finally {
      await own.close();
    }
  }, 120_000);
});
