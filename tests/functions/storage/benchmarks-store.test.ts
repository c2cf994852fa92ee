/**
 * BenchmarkStore against real Azurite: seeded rows, contributions with k-anonymity, outages.
 */
import { BenchmarkStore, contributionPartitionKey } from '../../../functions/src/benchmarks/store';
import { escapeKey, nameKey, PEER_SOURCE, percentileInc } from '../../../functions/src/benchmarks/model';
import { startAzurite, testStorage } from '../support/azurite';
import { clientsFor, expectSanitized, problemOf } from './helpers';

let connectionString: string;
let release: () => Promise<void>;

beforeAll(async () => {
  ({ connectionString, release } = await testStorage());
});
afterAll(async () => {
  await release?.();
});

const seed = [
  { metric: 'attrition', unit: 'ratio', value: 0.12, n: 0, source: 'PerfPlan domain defaults' },
  { metric: 'attrition', segment: 'retail', unit: 'ratio', p25: 0.1, p50: 0.15, p75: 0.22, p90: 0.3, n: 120, source: 'Survey 2024' },
  { metric: 'commission-rate', segment: 'B2B / SaaS #1?', unit: '%', value: 8, n: 0, source: 'PerfPlan domain defaults' },
];

describe('BenchmarkStore rows', () => {
  test('upsertRows, list, find (segment defaults to all; names match case-insensitively)', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString), { now: () => new Date('2025-01-02T03:04:05.000Z') });
    expect(await store.isEmpty()).toBe(true);
    expect(await store.upsertRows(seed)).toBe(3);
    expect(await store.isEmpty()).toBe(false);

    const all = await store.list();
    expect(all.map((r) => `${r.metric}/${r.segment}`)).toEqual(['attrition/all', 'attrition/retail', 'commission-rate/B2B / SaaS #1?']);
    expect(all[0]).toEqual({
      metric: 'attrition',
      segment: 'all',
      unit: 'ratio',
      value: 0.12,
      n: 0,
      source: 'PerfPlan domain defaults',
      updatedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(all[1]).toEqual({
      metric: 'attrition',
      segment: 'retail',
      unit: 'ratio',
      p25: 0.1,
      p50: 0.15,
      p75: 0.22,
      p90: 0.3,
      n: 120,
      source: 'Survey 2024',
      updatedAt: '2025-01-02T03:04:05.000Z',
    });

    expect((await store.list({ metric: 'Attrition' })).map((r) => r.segment)).toEqual(['all', 'retail']);
    expect((await store.list({ segment: 'RETAIL' })).map((r) => r.metric)).toEqual(['attrition']);
    expect(await store.list({ metric: 'nope' })).toEqual([]);

    expect((await store.find('attrition'))?.value).toBe(0.12);
    expect((await store.find('ATTRITION', 'Retail'))?.p50).toBe(0.15);
    expect((await store.find('commission-rate', 'b2b / saas #1?'))?.value).toBe(8);
    expect(await store.find('attrition', 'wholesale')).toBeNull();
    expect(await store.find('')).toBeNull();
  });

  test('re-upserting a row replaces it (absent fields disappear)', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString));
    await store.upsertRows(seed);
    await store.upsertRows([{ metric: 'attrition', segment: 'Retail', unit: 'ratio', value: 0.2, n: 7, source: 'Update', updatedAt: '2025-06-01' }]);
    const row = await store.find('attrition', 'retail');
    expect(row).toEqual({ metric: 'attrition', segment: 'Retail', unit: 'ratio', value: 0.2, n: 7, source: 'Update', updatedAt: '2025-06-01' });
    expect(await store.list()).toHaveLength(3);
  });

  test('many rows in one partition go in batches of ≤ 100', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString));
    const rows = Array.from({ length: 250 }, (_, i) => ({ metric: 'big', segment: `s${i}`, unit: '#', value: i, n: 1, source: 'test' }));
    expect(await store.upsertRows(rows)).toBe(250);
    expect(await store.list({ metric: 'big' })).toHaveLength(250);
  });

  test('invalid rows → 400, nothing written', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString));
    const bad = await problemOf(
      store.upsertRows([
        seed[0],
        { metric: 'x', unit: '', n: 1, source: 'y' }, // no value
        { metric: 'x', unit: '', p25: 3, p50: 2, n: 1, source: 'y' }, // decreasing
        { metric: 'x', unit: '', value: 1, n: 1, source: '' }, // no source
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.extra.errors?.map((e) => e.path)).toEqual(['rows[1].value', 'rows[2].p50', 'rows[3].source']);
    expect(await store.isEmpty()).toBe(true);
  });
});

describe('contributions and peer rows (k-anonymity)', () => {
  test('4 organizations → n=4, values withheld; the 5th publishes percentiles; a repeat replaces', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString));
    const base = { metric: 'quota-attainment', segment: 'retail', period: '2025-Q1' };
    const values = [50, 10, 40, 20];
    for (let i = 0; i < 4; i++) await store.contribute({ ...base, value: values[i], tid: `org-${i}` });

    let [row] = await store.peerRows({ metric: 'quota-attainment' });
    expect(row).toMatchObject({ ...base, n: 4, source: PEER_SOURCE });
    for (const k of ['p25', 'p50', 'p75', 'p90', 'value']) expect(row).not.toHaveProperty(k);
    expect(JSON.stringify(row)).not.toContain('org-');

    // the same organization again does not count twice
    await store.contribute({ ...base, value: 45, tid: 'org-0' });
    [row] = await store.peerRows({ metric: 'quota-attainment' });
    expect(row.n).toBe(4);
    expect(row).not.toHaveProperty('p50');

    await store.contribute({ ...base, value: 30, tid: 'org-4' });
    [row] = await store.peerRows({ metric: 'quota-attainment', segment: 'retail' });
    // values now 45 (org-0 replaced 50), 10, 40, 20, 30 → sorted 10 20 30 40 45
    expect(row).toMatchObject({ ...base, n: 5, source: PEER_SOURCE, p25: 20, p50: 30, p75: 40 });
    expect(row.p90).toBeCloseTo(43, 10); // PERCENTILE.INC({10,20,30,40,45}, 0.9) = 40 + 0.6·5

    // a repeat replaces the earlier value
    await store.contribute({ ...base, value: 100, tid: 'org-1' }); // 10 → 100
    [row] = await store.peerRows({ metric: 'quota-attainment' });
    expect(row.n).toBe(5);
    expect(row).toMatchObject({ p25: 30, p50: 40, p75: 45 });
    expect(row.p90).toBeCloseTo(78, 10); // 45 + 0.6·55
  });

  test('groups by (metric, segment, period); filters; odd characters in names are escaped', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString));
    const odd = { metric: 'cost/head #1?', segment: 'EMEA\\North|x%y', period: '2025' };
    for (let i = 0; i < 5; i++) await store.contribute({ ...odd, value: i + 1, tid: `tenant-${i}` });
    await store.contribute({ metric: 'cost/head #1?', period: '2024', value: 3, tid: 'tenant-0' }); // segment → all
    await store.contribute({ metric: 'other', segment: 'EMEA\\North|x%y', period: '2025', value: 3, tid: 'tenant-0' });
    await store.contribute({ metric: 'cost/head', segment: 'all', period: '2025', value: 3, tid: 'tenant-0' }); // a prefix of the other metric

    const all = await store.peerRows();
    expect(all.map((r) => [r.metric, r.segment, r.period, r.n])).toEqual([
      ['cost/head', 'all', '2025', 1],
      ['cost/head #1?', 'EMEA\\North|x%y', '2025', 5],
      ['cost/head #1?', 'all', '2024', 1],
      ['other', 'EMEA\\North|x%y', '2025', 1],
    ]);
    expect((await store.peerRows({ metric: 'COST/HEAD #1?' })).map((r) => r.period)).toEqual(['2025', '2024']);
    expect((await store.peerRows({ metric: 'cost/head' })).map((r) => r.metric)).toEqual(['cost/head']);
    expect((await store.peerRows({ segment: 'emea\\north|x%y' })).map((r) => r.metric)).toEqual(['cost/head #1?', 'other']);
    const [published] = await store.peerRows({ metric: 'cost/head #1?', segment: 'EMEA\\North|x%y' });
    expect(published).toMatchObject({ n: 5, p25: 2, p50: 3, p75: 4 });
    expect(published.p90).toBeCloseTo(4.6, 10);
    expect(await store.peerRows({ metric: 'unknown' })).toEqual([]);
  });

  test('contribution validation → 400', async () => {
    const store = new BenchmarkStore(clientsFor(connectionString));
    const p = await problemOf(store.contribute({ metric: '', period: '2025', value: Number.NaN, tid: 'a' }));
    expect(p.status).toBe(400);
    expect(p.extra.errors?.map((e) => e.path).sort()).toEqual(['metric', 'value']);
    expect((await problemOf(store.contribute({ metric: 'm', period: 'bad\u0001', value: 1, tid: 'a' }))).status).toBe(400);
  });
});

describe('keys and percentiles', () => {
  test('escapeKey removes every character table keys forbid, injectively', () => {
    expect(escapeKey('a/b\\c#d?e|f%g\u0001h\u007fi\u0085j')).toBe('a%2Fb%5Cc%23d%3Fe%7Cf%25g%01h%7Fi%C2%85j');
    expect(escapeKey('销售 / 华东')).toBe('销售 %2F 华东');
    expect(nameKey('  Ａttrition ')).toBe('attrition');
    expect(contributionPartitionKey('m|x', 'all', '2025')).toBe('m%7Cx|all|2025');
    for (const s of ['/', '\\', '#', '?', '\t', '\n', '\u0000', '\u009f']) expect(escapeKey(`x${s}y`)).not.toContain(s);
  });

  test('percentileInc matches Excel PERCENTILE.INC', () => {
    const xs = [1, 2, 3, 4];
    expect(percentileInc(xs, 0)).toBe(1);
    expect(percentileInc(xs, 1)).toBe(4);
    expect(percentileInc(xs, 0.25)).toBeCloseTo(1.75, 12);
    expect(percentileInc(xs, 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileInc(xs, 0.9)).toBeCloseTo(3.7, 12);
    expect(percentileInc([7], 0.9)).toBe(7);
  });
});

describe('BenchmarkStore during a storage outage', () => {
  test('every method → 503 with Retry-After while Azurite is down; works again when it is back', async () => {
    let azurite = await startAzurite({ inMemory: true });
    const { blobPort, tablePort, queuePort } = azurite;
    try {
      const opts = { retry: { maxTries: 2, retryDelayInMs: 20, maxRetryDelayInMs: 50 }, timeoutMs: 5000 };
      const clients = clientsFor(azurite.connectionString, opts);
      const store = new BenchmarkStore(clients);
      await store.upsertRows(seed);
      await store.contribute({ metric: 'm', period: '2025', value: 1, tid: 'org' });

      await azurite.stop({ graceMs: 0 }); // an abrupt outage
      // A store that has never reached storage (its first call creates the tables) fails the same way.
      const fresh = new BenchmarkStore(clientsFor(azurite.connectionString, opts));

      for (const s of [store, fresh]) {
        const calls: [string, () => Promise<unknown>][] = [
          ['upsertRows', () => s.upsertRows(seed)],
          ['list', () => s.list()],
          ['find', () => s.find('attrition')],
          ['contribute', () => s.contribute({ metric: 'm', period: '2025', value: 2, tid: 'org' })],
          ['peerRows', () => s.peerRows()],
          ['isEmpty', () => s.isEmpty()],
        ];
        for (const [name, call] of calls) {
          const p = await problemOf(call());
          expect({ name, status: p.status }).toEqual({ name, status: 503 });
          expect(p.extra.headers?.['Retry-After']).toBe('5');
          expectSanitized(p, azurite.connectionString);
        }
      }

      azurite = await startAzurite({ inMemory: true, blobPort, tablePort, queuePort });
      expect(await store.isEmpty()).toBe(true); // in-memory Azurite came back empty; tables re-created
      await store.upsertRows(seed);
      expect((await store.find('attrition'))?.value).toBe(0.12);
      expect(await fresh.list()).toEqual([]);
    } finally {
      await azurite.stop();
    }
  });
});
