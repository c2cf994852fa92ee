/**
 * TemplateStore against real Azurite: CRUD, ETag concurrency, crash consistency, outages.
 */
import { createHash } from 'crypto';
import { TemplateStore, versionBlobName } from '../../../functions/src/templates/store';
import { StorageClients } from '../../../functions/src/storage/clients';
import { startAzurite } from '../support/azurite';
import { clientsFor, expectSanitized, fileStorage, metadata, problemOf, workbookBytes } from './helpers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const storage = fileStorage();

/** A store with default options on new clients of this file's storage, and the clients under it. */
function freshStore(): { clients: StorageClients; store: TemplateStore } {
  const clients = clientsFor(storage.connectionString);
  return { clients, store: new TemplateStore(clients) };
}

async function blobNames(clients: StorageClients, id: string): Promise<string[]> {
  const names: string[] = [];
  for await (const b of clients.templatesContainer.listBlobsFlat({ prefix: `${id}/` })) names.push(b.name);
  return names.sort();
}

describe('TemplateStore basics', () => {
  let clients: StorageClients;
  let store: TemplateStore;
  beforeEach(() => {
    ({ clients, store } = freshStore());
  });

  test('create → get, list, download', async () => {
    expect(await store.isEmpty()).toBe(true);
    const bytes = workbookBytes();
    const record = await store.create(metadata('sales-scorecard'), bytes);
    expect(record).toMatchObject({
      id: 'sales-scorecard',
      version: 1,
      category: 'scorecard',
      tags: ['Sales', 'KPI'],
      sizeBytes: bytes.length,
      sha256: sha(bytes),
      deleted: false,
    });
    expect(record.etag).toMatch(/^W\/"/);
    expect(record.createdAt).toBe(record.updatedAt);
    expect(await store.isEmpty()).toBe(false);

    const got = await store.get('sales-scorecard');
    expect(got?.record).toEqual(record);
    expect(got?.versions).toEqual([{ version: 1, sha256: sha(bytes), sizeBytes: bytes.length, createdAt: record.createdAt }]);

    expect((await store.list()).map((r) => r.id)).toEqual(['sales-scorecard']);

    const dl = await store.download('sales-scorecard');
    expect(dl?.version).toBe(1);
    expect(dl?.sha256).toBe(sha(bytes));
    expect(dl && Buffer.compare(dl.bytes, bytes)).toBe(0);
    expect(dl?.record.etag).toBe(record.etag);

    expect(await blobNames(clients, 'sales-scorecard')).toEqual(['sales-scorecard/v1.xlsx']);
    const props = await clients.templatesContainer.getBlockBlobClient(versionBlobName('sales-scorecard', 1)).getProperties();
    expect(props.metadata).toMatchObject({ sha256: sha(bytes), createdat: record.createdAt });
    expect(props.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('unknown ids and versions → null / 404', async () => {
    expect(await store.get('nope-nope')).toBeNull();
    expect(await store.get('Not A Valid Id')).toBeNull();
    expect(await store.download('nope-nope')).toBeNull();
    await store.create(metadata('abc'), workbookBytes());
    expect(await store.download('abc', 2)).toBeNull();
    expect(await store.download('abc', 0)).toBeNull();
    expect(await store.download('abc', 1.5)).toBeNull();
    expect((await problemOf(store.update('nope-nope', metadata('nope-nope'), workbookBytes(), '*'))).status).toBe(404);
    expect((await problemOf(store.remove('nope-nope', '*'))).status).toBe(404);
  });

  test('invalid metadata → 400 with field errors, nothing stored', async () => {
    const p = await problemOf(
      store.create({ ...metadata('ok-id'), id: 'Bad_Id', tags: ['x'.repeat(41)], category: 'other' as never }, workbookBytes()),
    );
    expect(p.status).toBe(400);
    expect(p.extra.errors?.map((e) => e.path).sort()).toEqual(['metadata.category', 'metadata.id', 'metadata.tags[0]']);
    const tooMany = await problemOf(store.create(metadata('ok-id', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), workbookBytes()));
    expect(tooMany.status).toBe(400);
    expect((await problemOf(store.create(metadata('ok-id'), Buffer.alloc(0)))).status).toBe(400);
    expect(await store.isEmpty()).toBe(true);
  });

  test('create on a taken id → 409 (also when that template is deleted)', async () => {
    const first = await store.create(metadata('taken'), workbookBytes());
    const p = await problemOf(store.create(metadata('taken'), workbookBytes()));
    expect(p.status).toBe(409);
    await store.remove('taken', first.etag);
    expect((await problemOf(store.create(metadata('taken'), workbookBytes()))).status).toBe(409);
    // The original bytes are untouched.
    expect((await store.get('taken'))?.versions.map((v) => v.version)).toEqual([1]);
  });

  test('list hides deleted templates and filters by category and q (id, titles in both languages, tags)', async () => {
    await store.create(metadata('alpha-plan', { category: 'incentive', tags: ['Commission'] }), workbookBytes());
    await store.create(
      metadata('beta-budget', { category: 'budget', title: { en: 'Annual Budget', zh: '年度预算' }, tags: [] }),
      workbookBytes(),
    );
    const gamma = await store.create(metadata('gamma-gone', { category: 'budget' }), workbookBytes());
    await store.remove('gamma-gone', gamma.etag);

    const ids = async (f?: Parameters<TemplateStore['list']>[0]) => (await store.list(f)).map((r) => r.id);
    expect(await ids()).toEqual(['alpha-plan', 'beta-budget']);
    expect(await ids({ category: 'budget' })).toEqual(['beta-budget']);
    expect(await ids({ q: 'ALPHA' })).toEqual(['alpha-plan']);
    expect(await ids({ q: 'annual' })).toEqual(['beta-budget']);
    expect(await ids({ q: '预算' })).toEqual(['beta-budget']);
    expect(await ids({ q: 'commission' })).toEqual(['alpha-plan']);
    expect(await ids({ q: 'ＣＯＭＭＩＳＳＩＯＮ' })).toEqual(['alpha-plan']); // full-width input
    expect(await ids({ q: '   ' })).toEqual(['alpha-plan', 'beta-budget']);
    expect(await ids({ q: 'gamma' })).toEqual([]);
    expect(await ids({ q: 'nothing-like-this' })).toEqual([]);
  });

  test('update: new version with If-Match; stale → 412; versions kept and downloadable', async () => {
    const v1bytes = workbookBytes();
    const v1 = await store.create(metadata('planner'), v1bytes);
    await new Promise((r) => setTimeout(r, 20));
    const v2bytes = workbookBytes(3000);
    const v2 = await store.update('planner', metadata('planner', { tags: ['Updated'] }), v2bytes, v1.etag);
    expect(v2).toMatchObject({ version: 2, tags: ['Updated'], sizeBytes: 3000, sha256: sha(v2bytes), createdAt: v1.createdAt });
    expect(v2.etag).not.toBe(v1.etag);
    expect(v2.updatedAt > v1.updatedAt).toBe(true);

    // the stale ETag now loses
    const stale = await problemOf(store.update('planner', metadata('planner'), workbookBytes(), v1.etag));
    expect(stale.status).toBe(412);
    expect((await problemOf(store.remove('planner', v1.etag))).status).toBe(412);

    // id in the body must match the URL; it may be omitted
    const mismatch = await problemOf(store.update('planner', metadata('other-id'), workbookBytes(), v2.etag));
    expect(mismatch.status).toBe(400);
    const { id: _omit, ...noId } = metadata('planner');
    const v3 = await store.update('planner', noId, v2bytes, v2.etag);
    expect(v3.version).toBe(3);

    const got = await store.get('planner');
    expect(got?.versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, sha(v1bytes)],
      [2, sha(v2bytes)],
      [3, sha(v2bytes)],
    ]);
    expect((await store.download('planner'))?.version).toBe(3);
    const old = await store.download('planner', 1);
    expect(old && Buffer.compare(old.bytes, v1bytes)).toBe(0);
    expect(old?.record.version).toBe(3);
    expect(await blobNames(clients, 'planner')).toEqual(['planner/v1.xlsx', 'planner/v2.xlsx', 'planner/v3.xlsx']);
  });

  test('If-Match * matches any current version', async () => {
    const v1 = await store.create(metadata('star-match'), workbookBytes());
    const v2 = await store.update('star-match', metadata('star-match'), workbookBytes(), '*');
    expect(v2.version).toBe(2);
    expect(v2.etag).not.toBe(v1.etag);
  });

  test('remove: soft delete with If-Match; versions kept; later writes → 410', async () => {
    const bytes = workbookBytes();
    const v1 = await store.create(metadata('to-delete'), bytes);
    expect((await problemOf(store.remove('to-delete', 'W/"datetime\'2001-01-01T00%3A00%3A00Z\'"'))).status).toBe(412);
    const removed = await store.remove('to-delete', v1.etag);
    expect(removed).toMatchObject({ id: 'to-delete', deleted: true, version: 1 });
    expect(removed.etag).not.toBe(v1.etag);

    expect(await store.list()).toEqual([]);
    const got = await store.get('to-delete');
    expect(got?.record.deleted).toBe(true);
    expect(got?.versions.map((v) => v.version)).toEqual([1]);
    const dl = await store.download('to-delete');
    expect(dl?.record.deleted).toBe(true);
    expect(dl && Buffer.compare(dl.bytes, bytes)).toBe(0);

    expect((await problemOf(store.remove('to-delete', removed.etag))).status).toBe(410);
    expect((await problemOf(store.update('to-delete', metadata('to-delete'), bytes, removed.etag))).status).toBe(410);
    expect(await store.isEmpty()).toBe(false); // a deleted template still blocks re-seeding
  });

  test('missing If-Match → 428', async () => {
    await store.create(metadata('needs-etag'), workbookBytes());
    expect((await problemOf(store.update('needs-etag', metadata('needs-etag'), workbookBytes(), ''))).status).toBe(428);
    expect((await problemOf(store.remove('needs-etag', '  '))).status).toBe(428);
  });

  test('tables and container are re-created if storage is reset underneath', async () => {
    await store.create(metadata('before-reset'), workbookBytes());
    await clients.tables.templates.deleteTable();
    await clients.tables.templateversions.deleteTable();
    await clients.templatesContainer.delete();
    // Azurite deletes synchronously; the next call meets TableNotFound/ContainerNotFound once.
    expect(await store.list()).toEqual([]);
    const again = await store.create(metadata('after-reset'), workbookBytes());
    expect(again.version).toBe(1);
  });
});

describe('TemplateStore concurrency', () => {
  test('20 parallel updates with the same If-Match: one wins, nineteen 412, one new version', async () => {
    const { clients, store } = freshStore();
    const v1 = await store.create(metadata('race'), workbookBytes());
    const payloads = Array.from({ length: 20 }, (_, i) => workbookBytes(1000 + i));
    const results = await Promise.allSettled(payloads.map((b, i) => store.update('race', metadata('race', { tags: [`writer-${i}`] }), b, v1.etag)));

    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<TemplateStore['update']>>> => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(19);
    for (const f of failed) expect(f.reason).toMatchObject({ status: 412 });

    const winner = ok[0].value;
    const winnerIndex = Number(winner.tags[0].replace('writer-', ''));
    expect(winner.version).toBe(2);
    expect(winner.sha256).toBe(sha(payloads[winnerIndex]));

    const got = await store.get('race');
    expect(got?.record.etag).toBe(winner.etag);
    expect(got?.versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, v1.sha256],
      [2, sha(payloads[winnerIndex])],
    ]);
    expect(await blobNames(clients, 'race')).toEqual(['race/v1.xlsx', 'race/v2.xlsx']);
    const dl = await store.download('race');
    expect(dl && Buffer.compare(dl.bytes, payloads[winnerIndex])).toBe(0);
  });

  test('20 parallel identical updates (same bytes, same If-Match): still exactly one commit', async () => {
    const { clients, store } = freshStore();
    const v1 = await store.create(metadata('race-same'), workbookBytes());
    const bytes = workbookBytes();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.update('race-same', metadata('race-same'), bytes, v1.etag)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(19);
    for (const f of failed) expect(f.reason).toMatchObject({ status: 412 });
    expect((await store.get('race-same'))?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await blobNames(clients, 'race-same')).toEqual(['race-same/v1.xlsx', 'race-same/v2.xlsx']);
  });

  test('10 parallel creates of one id: one 201-worthy record, the rest 409', async () => {
    const { store } = freshStore();
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.create(metadata('first-come'), workbookBytes(500 + i))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
    expect((await store.get('first-come'))?.versions).toHaveLength(1);
  });
});

describe('TemplateStore crash consistency', () => {
  class Crash extends Error {}
  const crashing = (clients: StorageClients, options: { orphanGraceMs?: number } = {}) =>
    new TemplateStore(clients, {
      ...options,
      faults: {
        afterBlobWrite: () => {
          throw new Crash('simulated crash after the blob write');
        },
      },
    });

  test('create: a crash after the blob leaves nothing visible; the retry succeeds', async () => {
    const clients = clientsFor(storage.connectionString);
    const bytes = workbookBytes();
    await expect(crashing(clients).create(metadata('crashy'), bytes)).rejects.toBeInstanceOf(Crash);

    const store = new TemplateStore(clients);
    expect(await store.get('crashy')).toBeNull();
    expect(await store.download('crashy')).toBeNull();
    expect(await store.list()).toEqual([]);
    expect(await store.isEmpty()).toBe(true);
    expect(await blobNames(clients, 'crashy')).toEqual(['crashy/v1.xlsx']); // the orphan

    const record = await store.create(metadata('crashy'), bytes);
    expect(record).toMatchObject({ version: 1, sha256: sha(bytes) });
    const dl = await store.download('crashy');
    expect(dl && Buffer.compare(dl.bytes, bytes)).toBe(0);
  });

  test('update: a crash after the blob keeps the old version current; the retry (same ETag) succeeds', async () => {
    const { clients, store } = freshStore();
    const v1bytes = workbookBytes();
    const v1 = await store.create(metadata('crashy-update'), v1bytes);
    const v2bytes = workbookBytes();
    await expect(crashing(clients).update('crashy-update', metadata('crashy-update'), v2bytes, v1.etag)).rejects.toBeInstanceOf(Crash);

    const after = await store.get('crashy-update');
    expect(after?.record).toEqual(v1);
    expect(after?.versions.map((v) => v.version)).toEqual([1]);
    const dl = await store.download('crashy-update');
    expect(dl && Buffer.compare(dl.bytes, v1bytes)).toBe(0);
    expect(await store.download('crashy-update', 2)).toBeNull();

    const v2 = await store.update('crashy-update', metadata('crashy-update'), v2bytes, v1.etag);
    expect(v2).toMatchObject({ version: 2, sha256: sha(v2bytes) });
    expect((await store.get('crashy-update'))?.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  test('a crash after the version row is invisible too (uncommitted version rows are ignored)', async () => {
    const { clients, store } = freshStore();
    const v1 = await store.create(metadata('row-crash'), workbookBytes());
    let crashAfterRow = true;
    // Let the version row be written, then fail the metadata commit once.
    const original = clients.tables.templates.updateEntity.bind(clients.tables.templates);
    jest.spyOn(clients.tables.templates, 'updateEntity').mockImplementation(((...args: Parameters<typeof original>) => {
      if (crashAfterRow) {
        crashAfterRow = false;
        return Promise.reject(new Crash('crash before the metadata commit'));
      }
      return original(...args);
    }) as typeof original);
    const v2bytes = workbookBytes();
    await expect(store.update('row-crash', metadata('row-crash'), v2bytes, v1.etag)).rejects.toBeInstanceOf(Crash);
    expect((await store.get('row-crash'))?.versions.map((v) => v.version)).toEqual([1]);
    // A retry with different bytes right away is refused (the orphan may belong to a live writer)…
    expect((await problemOf(store.update('row-crash', metadata('row-crash'), workbookBytes(), v1.etag))).status).toBe(412);
    // …and with the same bytes it succeeds.
    const v2 = await store.update('row-crash', metadata('row-crash'), v2bytes, v1.etag);
    expect(v2.version).toBe(2);
    expect((await store.get('row-crash'))?.versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, v1.sha256],
      [2, sha(v2bytes)],
    ]);
  });

  test('a young orphan with other bytes blocks (409 create / 412 update); an old one is overwritten', async () => {
    const clients = clientsFor(storage.connectionString);
    const grace = 1000;
    await expect(crashing(clients, { orphanGraceMs: grace }).create(metadata('orphaned'), workbookBytes())).rejects.toBeInstanceOf(Crash);
    const store = new TemplateStore(clients, { orphanGraceMs: grace });
    const other = workbookBytes();
    expect((await problemOf(store.create(metadata('orphaned'), other))).status).toBe(409);

    // Server timestamps have 1 s resolution: wait well past the grace period.
    await new Promise((r) => setTimeout(r, 2500));
    const record = await store.create(metadata('orphaned'), other);
    expect(record.sha256).toBe(sha(other));
    const dl = await store.download('orphaned');
    expect(dl && Buffer.compare(dl.bytes, other)).toBe(0);

    // Same for an update.
    await expect(
      crashing(clients, { orphanGraceMs: grace }).update('orphaned', metadata('orphaned'), workbookBytes(), record.etag),
    ).rejects.toBeInstanceOf(Crash);
    const next = workbookBytes();
    expect((await problemOf(store.update('orphaned', metadata('orphaned'), next, record.etag))).status).toBe(412);
    await new Promise((r) => setTimeout(r, 2500));
    const v2 = await store.update('orphaned', metadata('orphaned'), next, record.etag);
    expect(v2).toMatchObject({ version: 2, sha256: sha(next) });
    const dl2 = await store.download('orphaned', 2);
    expect(dl2 && Buffer.compare(dl2.bytes, next)).toBe(0);
  });
});

describe('TemplateStore: a writer stalled past the grace period', () => {
  /** A store whose writer pauses after its blob write until released. */
  function stalling(clients: StorageClients, grace: number) {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const atGate = new Promise<void>((r) => (reached = r));
    const store = new TemplateStore(clients, {
      orphanGraceMs: grace,
      faults: {
        afterBlobWrite: async () => {
          reached();
          await gate;
        },
      },
    });
    return { store, release, atGate };
  }

  // The dangerous interleaving: the slow writer resumes after the fast one replaced the
  // leftover blob but before the fast one commits. Without the claim the slow writer would
  // commit metadata (sha256 of its bytes) over the fast writer's bytes.
  test('update: a writer stalled past the grace period cannot commit over a replaced blob', async () => {
    const { clients, store } = freshStore();
    const v1 = await store.create(metadata('stalled'), workbookBytes());

    const slow = stalling(clients, 0);
    const slowBytes = workbookBytes();
    const slowUpdate = slow.store.update('stalled', metadata('stalled', { tags: ['slow'] }), slowBytes, v1.etag);
    await slow.atGate;
    await new Promise((r) => setTimeout(r, 1100)); // server clock resolution: 1 s

    // The fast writer sees an "old" leftover v2: claims the row, replaces the blob, then pauses.
    const fast = stalling(clients, 0);
    const fastBytes = workbookBytes();
    const fastUpdate = fast.store.update('stalled', metadata('stalled', { tags: ['fast'] }), fastBytes, '*');
    await fast.atGate;

    slow.release();
    expect((await problemOf(slowUpdate)).status).toBe(412);
    expect((await store.get('stalled'))?.record.version).toBe(1);

    fast.release();
    const v2 = await fastUpdate;
    expect(v2).toMatchObject({ version: 2, sha256: sha(fastBytes), tags: ['fast'] });
    const got = await store.get('stalled');
    expect(got?.record.etag).toBe(v2.etag);
    expect(got?.versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, v1.sha256],
      [2, sha(fastBytes)],
    ]);
    const dl = await store.download('stalled');
    expect(dl && Buffer.compare(dl.bytes, fastBytes)).toBe(0);
  });

  test('create: a writer stalled past the grace period cannot commit over a replaced blob', async () => {
    const { clients, store } = freshStore();
    const slow = stalling(clients, 0);
    const slowCreate = slow.store.create(metadata('stalled-new'), workbookBytes());
    await slow.atGate;
    await new Promise((r) => setTimeout(r, 1100));

    const fast = stalling(clients, 0);
    const fastBytes = workbookBytes();
    const fastCreate = fast.store.create(metadata('stalled-new'), fastBytes);
    await fast.atGate;
    expect(await store.get('stalled-new')).toBeNull(); // the claim placeholder is invisible
    expect(await store.list()).toEqual([]);

    slow.release();
    expect((await problemOf(slowCreate)).status).toBe(409);

    fast.release();
    expect(await fastCreate).toMatchObject({ version: 1, sha256: sha(fastBytes) });
    const dl = await store.download('stalled-new');
    expect(dl && Buffer.compare(dl.bytes, fastBytes)).toBe(0);
    expect((await store.get('stalled-new'))?.versions.map((v) => v.sha256)).toEqual([sha(fastBytes)]);
  });

  test('a claim left behind by a crashed recoverer is invisible and recoverable', async () => {
    const clients = clientsFor(storage.connectionString);
    // 1st writer crashes after its blob; 2nd (after the grace period) claims, replaces the blob, crashes too.
    await expect(
      new TemplateStore(clients, { faults: { afterBlobWrite: () => Promise.reject(new Error('crash 1')) } }).create(metadata('twice-crashed'), workbookBytes()),
    ).rejects.toThrow('crash 1');
    await new Promise((r) => setTimeout(r, 1100));
    const bytes = workbookBytes();
    await expect(
      new TemplateStore(clients, { orphanGraceMs: 0, faults: { afterBlobWrite: () => Promise.reject(new Error('crash 2')) } }).create(
        metadata('twice-crashed'),
        bytes,
      ),
    ).rejects.toThrow('crash 2');

    const store = new TemplateStore(clients);
    expect(await store.get('twice-crashed')).toBeNull();
    expect(await store.list()).toEqual([]);
    expect(await store.download('twice-crashed')).toBeNull();
    expect((await problemOf(store.update('twice-crashed', metadata('twice-crashed'), bytes, '*'))).status).toBe(404);
    expect((await problemOf(store.remove('twice-crashed', '*'))).status).toBe(404);

    const record = await store.create(metadata('twice-crashed'), bytes); // the retry of the 2nd writer
    expect(record).toMatchObject({ version: 1, sha256: sha(bytes), deleted: false });
    expect((await store.list()).map((r) => r.id)).toEqual(['twice-crashed']);
  });
});

describe('TemplateStore during a storage outage', () => {
  test('every method → 503 with Retry-After while Azurite is down; works again when it is back', async () => {
    let azurite = await startAzurite({ inMemory: true });
    const { blobPort, tablePort, queuePort } = azurite;
    try {
      const clients = clientsFor(azurite.connectionString, { retry: { maxTries: 2, retryDelayInMs: 20, maxRetryDelayInMs: 50 }, timeoutMs: 5000 });
      const store = new TemplateStore(clients);
      const v1 = await store.create(metadata('outage'), workbookBytes());

      await azurite.stop({ graceMs: 0 }); // an abrupt outage

      const calls: [string, () => Promise<unknown>][] = [
        ['create', () => store.create(metadata('outage-2'), workbookBytes())],
        ['update', () => store.update('outage', metadata('outage'), workbookBytes(), v1.etag)],
        ['remove', () => store.remove('outage', v1.etag)],
        ['list', () => store.list()],
        ['get', () => store.get('outage')],
        ['download', () => store.download('outage')],
        ['isEmpty', () => store.isEmpty()],
        ['ping', () => clients.ping()],
      ];
      for (const [name, call] of calls) {
        const started = Date.now();
        const p = await problemOf(call());
        expect({ name, status: p.status }).toEqual({ name, status: 503 });
        expect(p.extra.headers?.['Retry-After']).toMatch(/^\d+$/);
        expectSanitized(p, azurite.connectionString);
        expect(Date.now() - started).toBeLessThan(5000);
      }

      // Storage is back (a fresh, empty Azurite on the same endpoints): tables and container
      // are re-created on demand and everything works again.
      azurite = await startAzurite({ inMemory: true, blobPort, tablePort, queuePort });
      await clients.ping();
      expect(await store.list()).toEqual([]);
      const again = await store.create(metadata('outage'), workbookBytes());
      expect(again.version).toBe(1);
      expect((await store.get('outage'))?.record.etag).toBe(again.etag);
    } finally {
      await azurite.stop();
    }
  });
});

describe('TemplateStore tenancy', () => {
  const orgA = { tenantId: 'org-a' };
  const orgB = { tenantId: 'org-b' };

  test('the publisher (the seed) writes built-ins: everyone reads them, no organization writes them', async () => {
    const { store } = freshStore();
    const record = await store.create(metadata('seeded-plan'), workbookBytes());
    expect(record).toMatchObject({ builtIn: true, owner: null, visibility: 'shared' });
    expect((await store.get('seeded-plan'))?.record.id).toBe('seeded-plan');
    expect((await store.get('seeded-plan', orgB))?.record.id).toBe('seeded-plan');
    expect((await problemOf(store.update('seeded-plan', metadata('seeded-plan'), workbookBytes(), record.etag, orgA))).status).toBe(403);
    expect((await problemOf(store.remove('seeded-plan', record.etag, orgA))).status).toBe(403);
    const v2 = await store.update('seeded-plan', metadata('seeded-plan'), workbookBytes(), record.etag);
    expect(v2).toMatchObject({ version: 2, builtIn: true });
  });

  test("an organization's template: hidden from others and anonymous readers, shared on request, written only by its owner", async () => {
    const { store } = freshStore();
    const mine = await store.create(metadata('org-plan'), workbookBytes(), orgA);
    expect(mine).toMatchObject({ builtIn: false, owner: 'org-a', visibility: 'tenant' });
    expect(await store.get('org-plan')).toBeNull();
    expect(await store.get('org-plan', orgB)).toBeNull();
    expect(await store.download('org-plan', undefined, orgB)).toBeNull();
    expect((await store.list({}, orgB)).map((r) => r.id)).not.toContain('org-plan');
    expect((await store.list({}, orgA)).map((r) => r.id)).toContain('org-plan');
    // Writers that cannot see it get "not found"; the publisher cannot touch it either.
    expect((await problemOf(store.remove('org-plan', mine.etag, orgB))).status).toBe(404);
    expect((await problemOf(store.remove('org-plan', mine.etag))).status).toBe(404);

    const shared = await store.update('org-plan', metadata('org-plan', { visibility: 'shared' }), workbookBytes(), mine.etag, orgA);
    expect(shared).toMatchObject({ visibility: 'shared', owner: 'org-a' });
    expect((await store.get('org-plan'))?.record.visibility).toBe('shared');
    expect((await problemOf(store.update('org-plan', metadata('org-plan'), workbookBytes(), shared.etag, orgB))).status).toBe(403);

    // A soft delete keeps the owner: the row does not turn into anybody else's.
    const gone = await store.remove('org-plan', shared.etag, orgA);
    expect(gone).toMatchObject({ deleted: true, owner: 'org-a' });
    expect((await store.get('org-plan', orgA))?.record).toMatchObject({ deleted: true, owner: 'org-a' });
  });

  test('rows written before tenancy (no owner column) read as built-ins', async () => {
    const { clients, store } = freshStore();
    const record = await store.create(metadata('old-plan'), workbookBytes());
    const row = await clients.tables.templates.getEntity<Record<string, unknown>>('template', 'old-plan');
    const { owner: _owner, visibility: _visibility, etag: _etag, timestamp: _ts, 'odata.metadata': _m, ...legacy } = row as Record<string, unknown>;
    await clients.tables.templates.updateEntity({ ...legacy, partitionKey: 'template', rowKey: 'old-plan' }, 'Replace', { etag: record.etag });
    const read = await store.get('old-plan', orgA);
    expect(read?.record).toMatchObject({ builtIn: true, owner: null, visibility: 'shared' });
    expect((await problemOf(store.remove('old-plan', read!.record.etag, orgA))).status).toBe(403);
  });
});
