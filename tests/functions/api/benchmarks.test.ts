/**
 * /api/benchmarks and /api/health over HTTP against real Azurite, the seed, and
 * PERF.BENCHMARK's batching client talking to the real API. The issue-15 attacks on the
 * shared benchmarks are replayed over HTTP here (and in depth against the store in
 * tests/functions/storage/benchmarks-store.test.ts).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { calcFile, toJson } from '../../../calc/book';
import { saveWorkbook, tempDir } from '../../support/workbook';
import { clearBenchmarkCache, configureBenchmarkClient, lookupBenchmark } from '../../../adapters/excel/benchmark-client';
import { installCustomFunctionsRuntime } from '../../support/custom-functions-runtime';
import { storageIsEmpty } from '../../../dev/start';
import { loadBenchmarkRows } from '../../../library/publish';
import { loadOrCreateLocalIssuer } from '../../../dev/local-issuer';
import { createDependencies } from '../../../functions/src/dependencies';
import { startLocalHost } from '../../../functions/src/local/host';
import { routeTable } from '../../../functions/src/routes';
import { startAzurite, testStorage, uniquePrefix } from '../support/azurite';
import { ApiHarness, bearer, seedOverHttp, startApi } from '../support/api';

installCustomFunctionsRuntime();

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
  expect(await storageIsEmpty(api.deps)).toBe(true);
  await seedOverHttp(api);
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
    const again = await seedOverHttp(api);
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
    const grows = await post('benchmarks/query', { queries: [{ metric: '\uFDFA'.repeat(12) }] });
    expect(grows.status).toBe(400);
    expect((await grows.json()).errors[0]).toMatchObject({ path: 'queries[0].metric', message: expect.stringMatching(/NFKC/) });
  });
});

const LABOUR = { metric: 'labour_cost_share', segment: 'retail', period: '2025' };
const contribute = async (tid: string, value: number, body: Record<string, unknown> = LABOUR) =>
  post('benchmarks/contributions', { ...body, value }, bearer(await api.issuer.mintToken({ tid })));
const getJson = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${api.url}/${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('POST /api/benchmarks/contributions', () => {
  it('needs a valid token (401 otherwise)', async () => {
    expect((await post('benchmarks/contributions', { ...LABOUR, value: 0.3 })).status).toBe(401);
  });

  it('issue 15 attack: the extreme fifth value −1e300 → 400 problem+json naming value', async () => {
    const response = await contribute('org-extreme', -1e300);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 400, errors: [{ path: 'value', message: 'must be a number of unit "ratio" between 0 and 1' }] });
    const unknown = await contribute('org-extreme', 1, { metric: 'made_up', segment: 'nowhere', period: '2025' });
    expect((await unknown.json()).errors.map((e: { path: string }) => e.path)).toEqual(['metric']);
    const grows = await contribute('org-extreme', 1, { metric: '\uFDFA'.repeat(12), segment: 'retail', period: '2025' });
    expect(grows.status).toBe(400);
    expect((await grows.json()).errors.map((e: { path: string }) => e.path)).toEqual(['metric']);
  });

  it('accepted → 202 with the canonical names, the unit and the next release time', async () => {
    const response = await contribute('org-accept', 0.31, { metric: 'Labour_Cost_Share', segment: 'ONLINE', period: '2025-h2' });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ metric: 'labour_cost_share', segment: 'online', period: '2025-H2', unit: 'ratio', accepted: true });
    expect(Date.parse(body.nextReleaseAt)).toBeGreaterThan(Date.now());
  });

  it('issue 15 attack: spam — the 4th submission of a group in one release window → 429 problem+json with Retry-After', async () => {
    const body = { metric: 'attrition_rate', segment: 'services', period: '2025' };
    for (const value of [0.1, 0.11, 0.12]) expect((await contribute('org-spam', value, body)).status).toBe(202);
    const refused = await contribute('org-spam', 0.13, body);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(24 * 3600);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    // what the spammer did stay one row, its latest accepted value
    const mine = JSON.parse((await getJson('benchmarks?mine=true&metric=attrition_rate', bearer(await api.issuer.mintToken({ tid: 'org-spam' })))).text);
    expect(mine.items).toEqual([expect.objectContaining({ metric: 'attrition_rate', segment: 'services', value: 0.12, status: 'withheld' })]);
  });
});

describe('GET /api/benchmarks — what readers see (issue 15: anonymous callers saw groups below 5 organizations)', () => {
  const small = { metric: 'commission_rate', segment: 'manufacturing', period: '2025-Q2' };

  beforeAll(async () => {
    for (const [i, tid] of ['org-a', 'org-b', 'org-c', 'org-d'].entries()) expect((await contribute(tid, 0.05 + i / 100, small)).status).toBe(202);
    for (const [i, tid] of ['org-a', 'org-b', 'org-c', 'org-d', 'org-e'].entries()) expect((await contribute(tid, 0.2 + i / 20)).status).toBe(202);
    // The command/test hook: a release stamped just after the contributions (it counts values posted before its time).
    await api.deps.benchmarks.releases.run({ at: new Date(Date.now() + 1000) });
  });

  it('anonymous and other tenants never see a group below the threshold — not its figures, name, count or time', async () => {
    for (const headers of [{}, bearer(await api.issuer.mintToken({ tid: 'org-stranger' }))]) {
      const { status, text } = await getJson('benchmarks?top=1000', headers);
      expect(status).toBe(200);
      expect(text).not.toMatch(/commission_rate|manufacturing|2025-Q2/);
      expect(text).not.toMatch(/attrition_rate|services/); // the spam group too
    }
  });

  it('the published group: an aggregated median from 5 organizations, no quartiles yet', async () => {
    const { items, releasedAt } = JSON.parse((await getJson('benchmarks?metric=labour_cost_share&segment=retail')).text);
    expect(new Date(releasedAt).toISOString()).toBe(releasedAt);
    expect(items).toEqual([
      {
        metric: 'labour_cost_share',
        segment: 'retail',
        period: '2025',
        unit: 'ratio',
        n: 5,
        p50: expect.any(Number),
        source: 'PerfPlan peer contributions',
        updatedAt: releasedAt,
      },
    ]);
    expect([0.2, 0.25, 0.3, 0.35, 0.4]).not.toContain(items[0].p50);
    const answer = await post('benchmarks/query', { queries: [{ metric: 'labour_cost_share', segment: 'retail' }, { metric: 'commission_rate', segment: 'manufacturing' }] });
    expect((await answer.json()).results).toEqual([
      { value: items[0].p50 },
      { error: 'not_found', message: 'no published peer figures for "commission_rate" in segment "manufacturing"' },
    ]);
  });

  it('the same answer for a group nobody contributed to as for one with four organizations', async () => {
    const answer = await post('benchmarks/query', { queries: [{ metric: 'commission_rate', segment: 'b2c' }, { metric: 'commission_rate', segment: 'manufacturing' }] });
    const [none, four] = (await answer.json()).results;
    expect(four.error).toBe(none.error);
    expect(four.message.replace('manufacturing', 'b2c')).toBe(none.message);
  });

  it('a contributor sees its own groups with their state (?mine=true); anonymous ?mine=true → 401', async () => {
    const mine = JSON.parse((await getJson('benchmarks?mine=true', bearer(await api.issuer.mintToken({ tid: 'org-a' })))).text);
    expect(mine.items).toEqual([
      { metric: 'commission_rate', segment: 'manufacturing', period: '2025-Q2', unit: 'ratio', value: 0.05, updatedAt: expect.any(String), status: 'withheld', n: 4 },
      { metric: 'labour_cost_share', segment: 'retail', period: '2025', unit: 'ratio', value: 0.2, updatedAt: expect.any(String), status: 'published', n: 5 },
    ]);
    expect((await getJson('benchmarks?mine=true')).status).toBe(401);
  });

  it('every list is paged: ?top= and continuationToken walk the seeded and the peer rows once each', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { status, text } = await getJson(`benchmarks?top=7${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`);
      expect(status).toBe(200);
      const page = JSON.parse(text);
      expect(page.items.length).toBeLessThanOrEqual(7);
      for (const item of page.items) seen.push(`${item.metric}/${item.segment}/${item.period ?? ''}`);
      token = page.continuationToken;
      pages++;
    } while (token && pages < 100);
    expect(token).toBeUndefined();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(loadBenchmarkRows().length + 1);
    expect(seen[seen.length - 1]).toBe('labour_cost_share/retail/2025');
  });

  it('bad paging or filter parameters → 400 problem+json naming the parameter', async () => {
    for (const [query, path] of [
      ['top=0', 'top'],
      ['top=1001', 'top'],
      ['top=ten', 'top'],
      ['continuationToken=forged', 'continuationToken'],
      ['mine=yes', 'mine'],
      [`metric=${'m'.repeat(101)}`, 'metric'],
      // Names that grow under NFKC (12 characters, 216 in NFKC): a 400 naming the parameter, never a 500.
      [`metric=${encodeURIComponent('\uFDFA'.repeat(12))}`, 'metric'],
      [`segment=${encodeURIComponent('\uFDFA'.repeat(12))}`, 'segment'],
      [`period=${encodeURIComponent('\uFDFA'.repeat(2))}`, 'period'],
    ]) {
      const { status, headers, text } = await getJson(`benchmarks?${query}`);
      expect([query, status]).toEqual([query, 400]);
      expect(headers.get('content-type')).toMatch(/problem\+json/);
      expect(JSON.parse(text).errors[0].path).toBe(path);
    }
  });
});

describe('multi-tenant sign-in over HTTP', () => {
  it('PERFPLAN_AUTH_TENANTS: an admitted organization contributes; another tenant\'s valid token → 401', async () => {
    const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-tenants-'));
    const storage = await testStorage();
    const deps = createDependencies({
      PERFPLAN_STORAGE: storage.connectionString,
      PERFPLAN_STORAGE_PREFIX: uniquePrefix(),
      PERFPLAN_LOCAL_ISSUER_DIR: issuerDir,
      PERFPLAN_AUTH_TENANTS: 'org-admitted',
    });
    const host = await startLocalHost({ routes: routeTable(() => deps), allowedOrigins: [], port: 0 });
    try {
      const issuer = await loadOrCreateLocalIssuer(issuerDir);
      const send = async (tid: string) =>
        fetch(`${host.url}/benchmarks/contributions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...bearer(await issuer.mintToken({ tid })) },
          body: JSON.stringify({ ...LABOUR, value: 0.3 }),
        });
      expect((await send('org-admitted')).status).toBe(202);
      const refused = await send('org-elsewhere');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ detail: 'organization not admitted' });
    } finally {
      await host.close();
      await storage.release();
      fs.rmSync(issuerDir, { recursive: true, force: true });
    }
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
        [
          'benchmarks/contributions',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...bearer(own.reader) },
            body: JSON.stringify({ metric: 'labour_cost_share', segment: 'all', period: '2025', value: 0.3 }),
          },
        ],
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
