/**
 * BenchmarkStore against real Azurite: seeded rows (paged), contributions validated against
 * the registry and counted against quotas, scheduled releases under the disclosure rules,
 * the listings readers and contributors see, and outages. The clock is injected; storage is
 * the real emulator. Each case names the rule or the issue-15 attack it replays.
 */
import { BenchmarkStore, decodeCursor, encodeCursor, groupKey, tenantPartition } from '../../../functions/src/benchmarks/store';
import { escapeKey, nameKey, PEER_SOURCE, percentileInc } from '../../../functions/src/benchmarks/model';
import { PeerRegistry } from '../../../functions/src/benchmarks/registry';
import { releaseCommand } from '../../../functions/src/benchmarks/release-command';
import { describeRelease, registerBenchmarkRelease } from '../../../functions/src/benchmarks/timer';
import type { Dependencies } from '../../../functions/src/dependencies';
import { startAzurite } from '../support/azurite';
import { clientsFor, expectSanitized, fileStorage, problemOf } from './helpers';

const storage = fileStorage();

/** A store on fresh tables with a clock the test moves. */
function storeWithClock(start: string, options: ConstructorParameters<typeof BenchmarkStore>[1] = {}) {
  const clock = { now: new Date(start) };
  const clients = clientsFor(storage.connectionString);
  const store = new BenchmarkStore(clients, { now: () => clock.now, ...options });
  return { store, clients, clock, at: (iso: string) => (clock.now = new Date(iso)) };
}

const seed = [
  { metric: 'attrition', unit: 'ratio', value: 0.12, n: 0, source: 'PerfPlan domain defaults' },
  { metric: 'attrition', segment: 'retail', unit: 'ratio', p25: 0.1, p50: 0.15, p75: 0.22, p90: 0.3, n: 120, source: 'Survey 2024' },
  { metric: 'commission-rate', segment: 'B2B / SaaS #1?', unit: '%', value: 8, n: 0, source: 'PerfPlan domain defaults' },
];

describe('BenchmarkStore rows', () => {
  test('upsertRows, list, find (segment defaults to all; names match case-insensitively)', async () => {
    const store = new BenchmarkStore(clientsFor(storage.connectionString), { now: () => new Date('2025-01-02T03:04:05.000Z') });
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
    const store = new BenchmarkStore(clientsFor(storage.connectionString));
    await store.upsertRows(seed);
    await store.upsertRows([{ metric: 'attrition', segment: 'Retail', unit: 'ratio', value: 0.2, n: 7, source: 'Update', updatedAt: '2025-06-01' }]);
    const row = await store.find('attrition', 'retail');
    expect(row).toEqual({ metric: 'attrition', segment: 'Retail', unit: 'ratio', value: 0.2, n: 7, source: 'Update', updatedAt: '2025-06-01' });
    expect(await store.list()).toHaveLength(3);
  });

  test('only what differs from storage is written: the same rows sent again leave every row untouched', async () => {
    const clients = clientsFor(storage.connectionString);
    const store = new BenchmarkStore(clients, { now: () => new Date('2025-01-02T03:04:05.000Z') });
    const dated = seed.map((row) => ({ ...row, updatedAt: '2025-01-01T00:00:00.000Z' }));
    await store.upsertRows(dated);
    // The table's own Timestamp changes on every write of a row.
    const stamps = async () => {
      const out: Record<string, string> = {};
      for await (const e of clients.tables.benchmarks.listEntities()) out[`${e.partitionKey}/${e.rowKey}`] = String(e.timestamp);
      return out;
    };
    const first = await stamps();
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.upsertRows(dated)).toBe(3);
    expect(await stamps()).toEqual(first);
    // One row changed: only that row is written.
    await store.upsertRows([{ ...dated[0], value: 0.13 }, dated[1], dated[2]]);
    const after = await stamps();
    const changed = Object.keys(first).filter((k) => after[k] !== first[k]);
    expect(changed).toEqual([`${nameKey('attrition')}/${nameKey('all')}`]);
    expect((await store.find('attrition'))?.value).toBe(0.13);
  });

  test('many rows in one partition go in batches of ≤ 100', async () => {
    const store = new BenchmarkStore(clientsFor(storage.connectionString));
    const rows = Array.from({ length: 250 }, (_, i) => ({ metric: 'big', segment: `s${i}`, unit: '#', value: i, n: 1, source: 'test' }));
    expect(await store.upsertRows(rows)).toBe(250);
    expect(await store.list({ metric: 'big' })).toHaveLength(250);
  });

  test('invalid rows → 400, nothing written', async () => {
    const store = new BenchmarkStore(clientsFor(storage.connectionString));
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

const PERIOD = '2025'; // ended 2026-01-01: old enough for releases from 2026-04-01 on
const LABOUR = { metric: 'labour_cost_share', segment: 'retail', period: PERIOD };
const VALUES = [0.21, 0.27, 0.3, 0.34, 0.41, 0.25, 0.29, 0.33, 0.38, 0.23];

async function contributeAll(store: BenchmarkStore, values: number[], base: object = LABOUR, prefix = 'org') {
  for (const [i, value] of values.entries()) await store.contribute({ ...(base as typeof LABOUR), value, tid: `${prefix}-${i}` });
}

describe('contributions: the registry', () => {
  test('issue 15 attack: a fifth contributor posting −1e300 is refused with 400 naming value; nothing is stored', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z');
    const p = await problemOf(store.contribute({ ...LABOUR, value: -1e300, tid: 'org-e' }));
    expect(p.status).toBe(400);
    expect(p.extra.errors).toEqual([{ path: 'value', message: 'must be a number of unit "ratio" between 0 and 1' }]);
    expect((await store.listOwn('org-e', { top: 10 })).items).toEqual([]);
    for (const value of [1.0001, -0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect((await problemOf(store.contribute({ ...LABOUR, value, tid: 'org-e' }))).extra.errors?.map((e) => e.path)).toEqual(['value']);
    }
  });

  test('only registered metrics, segments and period forms; each bad field named', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z');
    const paths = async (input: Record<string, unknown>) =>
      (await problemOf(store.contribute({ ...LABOUR, value: 0.3, tid: 'org', ...input }))).extra.errors?.map((e) => e.path);
    expect(await paths({ metric: 'made_up_metric' })).toEqual(['metric']);
    expect(await paths({ segment: 'segment-17176' })).toEqual(['segment']);
    expect(await paths({ period: '2025-13' })).toEqual(['period']);
    expect(await paths({ period: 'last year' })).toEqual(['period']);
    expect(await paths({ period: '2026-06' })).toEqual(['period']); // not started yet
    expect(await paths({ period: '2015' })).toEqual(['period']); // more than 10 years back
    expect(await paths({ metric: 'made_up', segment: 'x', period: 'y' })).toEqual(['metric', 'period']);
    expect(await paths({ value: 'high' })).toEqual(['value']);
  });

  test('names match case- and width-insensitively and are stored in the registry\'s spelling; segment defaults to all', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z');
    const saved = await store.contribute({ metric: 'Labour_Cost_Share', segment: 'RETAIL', period: '2025-q3', value: 0.3, tid: 'org' });
    expect(saved).toMatchObject({ metric: 'labour_cost_share', segment: 'retail', period: '2025-Q3', unit: 'ratio', nextReleaseAt: '2026-05-11T00:00:00.000Z' });
    await store.contribute({ metric: 'ｎｐｓ', period: '2026-05', value: -20, tid: 'org' });
    expect((await store.listOwn('ORG', { top: 10 })).items.map((i) => [i.metric, i.segment, i.period, i.value])).toEqual([
      ['labour_cost_share', 'retail', '2025-Q3', 0.3],
      ['nps', 'all', '2026-05', -20],
    ]);
  });
});

describe('contributions: quotas (issue 15 attack: one token created 17,176 rows in 15 s)', () => {
  test('a repeat replaces; 3 submissions per group per release window, then 429 with Retry-After until the next release', async () => {
    const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
    for (const value of [0.2, 0.25, 0.3]) await store.contribute({ ...LABOUR, value, tid: 'spammer' });
    const p = await problemOf(store.contribute({ ...LABOUR, value: 0.35, tid: 'spammer' }));
    expect(p.status).toBe(429);
    expect(p.title).toBe('Too Many Requests');
    expect(p.extra.headers?.['Retry-After']).toBe(String(14 * 3600)); // until 00:00 UTC
    expect((await store.listOwn('spammer', { top: 10 })).items).toEqual([expect.objectContaining({ value: 0.3 })]);
    // another group and another organization are unaffected
    await store.contribute({ ...LABOUR, segment: 'b2b', value: 0.3, tid: 'spammer' });
    await store.contribute({ ...LABOUR, value: 0.3, tid: 'someone-else' });
    at('2026-05-11T00:00:01Z');
    await store.contribute({ ...LABOUR, value: 0.36, tid: 'spammer' });
    expect((await store.listOwn('spammer', { top: 10 })).items.map((i) => i.value)).toEqual([0.3, 0.36]);
  });

  test('an organization\'s total per release window is capped too', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z', { quota: { perGroup: 3, perOrganization: 4 } });
    for (const segment of ['all', 'online', 'offline', 'b2b']) await store.contribute({ ...LABOUR, segment, value: 0.3, tid: 'bulk' });
    const p = await problemOf(store.contribute({ ...LABOUR, segment: 'b2c', value: 0.3, tid: 'bulk' }));
    expect(p.status).toBe(429);
    expect(p.detail).toMatch(/4 contributions/);
    await store.contribute({ ...LABOUR, segment: 'b2c', value: 0.3, tid: 'other-org' });
  });

  test('concurrent posts of one organization never overrun its quota nor lose the count', async () => {
    const { store, clients } = storeWithClock('2026-05-10T10:00:00Z');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.contribute({ ...LABOUR, value: 0.2 + i / 100, tid: 'racer' })));
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThanOrEqual(3);
    for (const r of results) if (r.status === 'rejected') expect([429, 503]).toContain((r.reason as { status: number }).status);
    const row = await clients.tables.contributions.getEntity<{ submissions: number }>(tenantPartition('racer'), groupKey(LABOUR.metric, LABOUR.segment, PERIOD));
    const quota = await clients.tables.contributions.getEntity<{ count: number }>(tenantPartition('racer'), '|quota');
    expect(row.submissions).toBe(accepted);
    expect(quota.count).toBe(accepted);
  });
});

describe('scheduled releases', () => {
  test('figures change only at releases: what is posted today counts from the next release, however late that release runs', async () => {
    const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
    await contributeAll(store, VALUES.slice(0, 5));
    // The first read runs today's (00:00) release, which predates the contributions.
    expect(await store.peerRows()).toEqual([]);
    expect(await store.releases.head()).toMatchObject({ releaseId: '2026-05-10T00:00:00.000Z' });

    at('2026-05-11T09:30:00Z'); // nobody read at midnight: the first read releases 00:00
    const [row] = await store.peerRows();
    expect(Object.keys(row).sort()).toEqual(['metric', 'n', 'p50', 'period', 'segment', 'source', 'unit', 'updatedAt']);
    expect(row).toMatchObject({ ...LABOUR, unit: 'ratio', n: 5, source: PEER_SOURCE, updatedAt: '2026-05-11T00:00:00.000Z' });
    expect(VALUES.slice(0, 5)).not.toContain(row.p50);
    expect(row.p50).toBeGreaterThan(0.2);
    expect(row.p50).toBeLessThan(0.42);

    // A replacement made after 00:00 does not reach the 00:00 release, even if that release runs later.
    at('2026-05-12T08:00:00Z');
    await store.contribute({ ...LABOUR, value: 0.99, tid: 'org-4' });
    expect(await store.peerRows()).toEqual([row]); // 05-12 release: nothing changed before 00:00
    expect((await store.releases.head())?.releaseId).toBe('2026-05-12T00:00:00.000Z');
  });

  test('the 3-month rule: a period is published once it ended at least 3 months before the release', async () => {
    const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
    const march = { ...LABOUR, period: '2026-03' }; // ends 2026-04-01 → publishable from 2026-07-01
    await contributeAll(store, VALUES.slice(0, 5), march);
    at('2026-06-30T12:00:00Z');
    expect(await store.peerRows()).toEqual([]);
    expect((await store.listOwn('org-0', { top: 5 })).items).toEqual([expect.objectContaining({ period: '2026-03', status: 'withheld', n: 5 })]);
    at('2026-07-01T00:00:00Z');
    expect(await store.peerRows()).toEqual([expect.objectContaining({ period: '2026-03', n: 5 })]);
    expect((await store.listOwn('org-0', { top: 5 })).items[0].status).toBe('published');
  });

  test('issue 15 attack: differencing — one organization joining or changing between releases changes nothing readers see', async () => {
    const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
    await contributeAll(store, VALUES.slice(0, 5));
    at('2026-05-11T01:00:00Z');
    const [first] = await store.peerRows();
    expect(first.n).toBe(5);

    await store.contribute({ ...LABOUR, value: 0.95, tid: 'newcomer' }); // would move any mean or percentile
    at('2026-05-12T01:00:00Z');
    expect(await store.peerRows()).toEqual([first]);
    await store.contribute({ ...LABOUR, value: 0.02, tid: 'org-1' }); // a change is a change too
    at('2026-05-13T01:00:00Z');
    expect(await store.peerRows()).toEqual([first]);
    // The newcomer sees its own group and its current count; readers still see n = 5.
    expect((await store.listOwn('newcomer', { top: 5 })).items[0]).toMatchObject({ status: 'published', n: 6 });

    // Three more join: with the newcomer and org-1's change, 5 organizations changed → republished.
    await contributeAll(store, VALUES.slice(5, 8), LABOUR, 'later');
    at('2026-05-14T01:00:00Z');
    const [second] = await store.peerRows();
    expect(second).toMatchObject({ n: 9, updatedAt: '2026-05-14T00:00:00.000Z' });
    expect(Object.keys(second)).toEqual(expect.arrayContaining(['p25', 'p50', 'p75']));
    expect(second).not.toHaveProperty('p90');
  });

  test('issue 15 attack: four minted tenants posting 0 beside a victim — readers get no figure, no name, no count', async () => {
    const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
    const b2b = { ...LABOUR, segment: 'b2b' };
    await store.contribute({ ...b2b, value: 0.37, tid: 'victim' });
    await contributeAll(store, [0, 0, 0, 0], b2b, 'minted');
    at('2026-05-11T01:00:00Z');
    const page = await store.listPeers({}, { top: 100 });
    expect(page.items).toEqual([]);
    expect(JSON.stringify(page)).not.toMatch(/b2b/);
    expect((await store.listOwn('victim', { top: 5 })).items[0]).toMatchObject({ status: 'withheld' });
  });

  test('issue 15 attack: with seven minted tenants the published figures do not depend on the victim\'s value', async () => {
    const published = async (victim: number) => {
      const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
      await store.contribute({ ...LABOUR, value: victim, tid: 'victim' });
      await contributeAll(store, Array(7).fill(0), LABOUR, 'minted');
      at('2026-05-11T01:00:00Z');
      return store.peerRows();
    };
    const [a, b] = [await published(0.37), await published(0.81)];
    expect(a).toEqual(b);
    expect(a[0]).not.toHaveProperty('p75'); // the only statistic the victim weighs in is withheld
  });

  test('issue 15 attack: the extreme fifth value never joins the statistics', async () => {
    const { store, at } = storeWithClock('2026-05-10T10:00:00Z');
    await contributeAll(store, VALUES.slice(0, 4));
    expect((await problemOf(store.contribute({ ...LABOUR, value: -1e300, tid: 'extreme' }))).status).toBe(400);
    at('2026-05-11T01:00:00Z');
    expect(await store.peerRows()).toEqual([]);
  });

  test('two instances racing for one release publish it once; a live claim makes others wait; a stale claim is taken over', async () => {
    const { store, clients, clock } = storeWithClock('2026-05-10T10:00:00Z', { releaseOnRead: false });
    await contributeAll(store, VALUES.slice(0, 5));
    clock.now = new Date('2026-05-11T01:00:00Z');
    const other = new BenchmarkStore(clients, { now: () => clock.now, releaseOnRead: false });
    const at = new Date('2026-05-11T00:00:00Z');
    const statuses = (await Promise.all([store.releases.run({ at }), other.releases.run({ at })])).map((s) => s.status).sort();
    expect(statuses[0]).toBe('busy');
    expect(['current', 'released']).toContain(statuses[1]);
    expect((await store.releases.head())?.releaseId).toBe(at.toISOString());
    expect(await store.peerRows()).toHaveLength(1);
    expect((await store.releases.run({ at })).status).toBe('current');

    const head = await clients.tables.contributions.getEntity<Record<string, unknown>>('|release', 'head');
    const claim = (since: Date) =>
      clients.tables.contributions.updateEntity(
        { ...head, partitionKey: '|release', rowKey: 'head', pendingId: '2026-05-12T00:00:00.000Z', pendingSince: since.toISOString() },
        'Replace',
      );
    await claim(new Date('2026-05-12T00:00:30Z'));
    clock.now = new Date('2026-05-12T00:01:00Z');
    expect(await store.releases.run({ at: new Date('2026-05-12T00:00:00Z') })).toMatchObject({ status: 'busy' });
    clock.now = new Date('2026-05-12T00:07:00Z'); // claimed 6.5 minutes ago: past any release's own deadline
    expect(await store.releases.run({ at: new Date('2026-05-12T00:00:00Z') })).toMatchObject({ status: 'released' });
  });

  test('every list is paged; the last three releases are kept, so a token outlives one release but not four', async () => {
    const { store, clients, at } = storeWithClock('2026-05-10T10:00:00Z');
    for (const segment of ['retail', 'b2b', 'online']) await contributeAll(store, VALUES.slice(0, 5), { ...LABOUR, segment });
    at('2026-05-11T01:00:00Z');
    const first = await store.listPeers({}, { top: 2 });
    expect(first.items.map((r) => r.segment)).toEqual(['b2b', 'online']);
    expect(first.releasedAt).toBe('2026-05-11T00:00:00.000Z');
    const rest = await store.listPeers({}, { top: 2, continuationToken: first.continuationToken });
    expect(rest.items.map((r) => r.segment)).toEqual(['retail']);
    expect(rest.continuationToken).toBeUndefined();
    expect((await store.listPeers({ segment: 'ONLINE' }, { top: 5 })).items.map((r) => r.segment)).toEqual(['online']);
    expect((await store.listPeers({ metric: 'nps' }, { top: 5 })).items).toEqual([]);

    // Own contributions are paged too.
    const own = await store.listOwn('org-0', { top: 2 });
    expect(own.items).toHaveLength(2);
    expect((await store.listOwn('org-0', { top: 2, continuationToken: own.continuationToken })).items).toHaveLength(1);

    for (const day of ['12', '13']) {
      at(`2026-05-${day}T01:00:00Z`);
      await store.peerRows();
    }
    expect((await store.listPeers({}, { top: 2, continuationToken: first.continuationToken })).items.map((r) => r.segment)).toEqual(['retail']);
    at('2026-05-14T01:00:00Z');
    await store.peerRows();
    expect((await store.releases.head())?.kept).toEqual(['2026-05-14T00:00:00.000Z', '2026-05-13T00:00:00.000Z', '2026-05-12T00:00:00.000Z']);
    const p = await problemOf(store.listPeers({}, { top: 2, continuationToken: first.continuationToken }));
    expect(p.status).toBe(400);
    expect(p.extra.errors?.[0].path).toBe('continuationToken');
    // the dropped release's partition is gone
    const leftovers = clients.tables.contributions.listEntities({ queryOptions: { filter: "PartitionKey eq '|r|2026-05-11T00:00:00.000Z'" } });
    for await (const e of leftovers) throw new Error(`release row left behind: ${e.rowKey}`);
  });

  test('continuation tokens: only ones this API issued, only for their own listing', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z');
    for (const bad of ['not base64 !', Buffer.from('{"v":2}').toString('base64url'), Buffer.from('[]').toString('base64url'), 'x'.repeat(5000)]) {
      expect((await problemOf(store.listPeers({}, { top: 5, continuationToken: bad }))).extra.errors?.[0].path).toBe('continuationToken');
    }
    const rowsToken = encodeCursor({ v: 1, s: 'rows', pk: 'a', rk: 'b' });
    expect(decodeCursor(rowsToken)).toEqual({ v: 1, s: 'rows', pk: 'a', rk: 'b' });
    expect((await problemOf(store.listPeers({}, { top: 5, continuationToken: rowsToken }))).status).toBe(400);
    expect((await problemOf(store.listOwn('org', { top: 5, continuationToken: rowsToken }))).status).toBe(400);
  });

  test('a registry change applies at the next release: a retired metric stops being published', async () => {
    const registry = (metrics: string[]) =>
      new PeerRegistry({ segments: ['all', 'retail'], metrics: metrics.map((metric) => ({ metric, unit: 'ratio', min: 0, max: 1 })) });
    const { store, clients, clock } = storeWithClock('2026-05-10T10:00:00Z', { registry: registry(['labour_cost_share', 'attrition_rate']) });
    await contributeAll(store, VALUES.slice(0, 5));
    await contributeAll(store, VALUES.slice(0, 5), { ...LABOUR, metric: 'attrition_rate' });
    clock.now = new Date('2026-05-11T01:00:00Z');
    expect((await store.peerRows()).map((r) => r.metric)).toEqual(['attrition_rate', 'labour_cost_share']);
    const narrowed = new BenchmarkStore(clients, { now: () => clock.now, registry: registry(['labour_cost_share']) });
    clock.now = new Date('2026-05-12T01:00:00Z');
    expect((await narrowed.peerRows()).map((r) => r.metric)).toEqual(['labour_cost_share']);
  });
});

describe('running a release: the command and the timer', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };

  test('release-command --at releases at that time; bad arguments exit 1', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z', { releaseOnRead: false });
    await contributeAll(store, VALUES.slice(0, 5));
    const deps = () => ({ benchmarks: store }) as unknown as Dependencies;
    const run = io();
    expect(await releaseCommand(['--at', '2026-05-10T12:00:00Z'], run.io, deps)).toBe(0);
    expect(run.out.join('')).toMatch(/benchmark release 2026-05-10T12:00:00.000Z: released \(published 1; 1 groups published\)/);
    expect((await store.peerRows()).map((r) => r.n)).toEqual([5]);
    const again = io();
    expect(await releaseCommand([], again.io, deps)).toBe(0);
    expect(again.out.join('')).toMatch(/up to date, nothing due/);
    const bad = io();
    expect(await releaseCommand(['--at', 'tuesday'], bad.io, deps)).toBe(1);
    expect(await releaseCommand(['--force'], bad.io, deps)).toBe(1);
    expect(bad.err.join('')).toMatch(/Usage/);
  });

  test('the timer registration: daily at 00:00 UTC, and its handler brings the release up to date', async () => {
    const { store } = storeWithClock('2026-05-10T10:00:00Z', { releaseOnRead: false });
    const registered: { name: string; options: { schedule: string; handler: (timer: unknown, context: unknown) => Promise<void> } }[] = [];
    registerBenchmarkRelease({ timer: (name, options) => registered.push({ name, options: options as never }) }, () => ({ benchmarks: store }) as unknown as Dependencies);
    expect(registered.map((r) => [r.name, r.options.schedule])).toEqual([['benchmarksRelease', '0 0 0 * * *']]);
    const logs: string[] = [];
    await registered[0].options.handler({}, { log: (line: string) => logs.push(line) });
    expect(logs).toEqual(['benchmark release 2026-05-10T00:00:00.000Z: released']);
    expect((await store.releases.head())?.releaseId).toBe('2026-05-10T00:00:00.000Z');
    expect(describeRelease(null)).toMatch(/nothing due/);
  });
});

describe('keys and percentiles', () => {
  test('escapeKey removes every character table keys forbid, injectively', () => {
    expect(escapeKey('a/b\\c#d?e|f%g\u0001h\u007fi\u0085j')).toBe('a%2Fb%5Cc%23d%3Fe%7Cf%25g%01h%7Fi%C2%85j');
    expect(escapeKey('销售 / 华东')).toBe('销售 %2F 华东');
    expect(nameKey('  Ａttrition ')).toBe('attrition');
    expect(groupKey('m|x', 'all', '2025')).toBe('m%7Cx|all|2025');
    expect(tenantPartition('Org|A')).toBe('|t|org%7Ca');
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
      await store.contribute({ metric: 'labour_cost_share', period: '2025', value: 0.2, tid: 'org' });

      await azurite.stop({ graceMs: 0 }); // an abrupt outage
      // A store that has never reached storage (its first call creates the tables) fails the same way.
      const fresh = new BenchmarkStore(clientsFor(azurite.connectionString, opts));

      for (const s of [store, fresh]) {
        const calls: [string, () => Promise<unknown>][] = [
          ['upsertRows', () => s.upsertRows(seed)],
          ['list', () => s.list()],
          ['find', () => s.find('attrition')],
          ['contribute', () => s.contribute({ metric: 'labour_cost_share', period: '2025', value: 0.2, tid: 'org' })],
          ['peerRows', () => s.peerRows()],
          ['listOwn', () => s.listOwn('org', { top: 10 })],
          ['release', () => s.releases.run()],
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
