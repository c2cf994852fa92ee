/**
 * /api/builtins over HTTP against real Azurite: how the seed publishes the built-in templates
 * and the suggested benchmark rows (docs/spec/api.md § Built-ins). Only the app role
 * Templates.Publisher may call it; a template is created, updated (a new version), left
 * unchanged or left deleted, never revived and never written over an organization's; the
 * workbook is validated exactly like an upload; rows are upserted by (metric, segment), all or
 * nothing.
 */
import { ApiHarness, bearer, expectProblem, metadata, startApi, uploadForm, workbookBytes } from '../support/api';

let api: ApiHarness;
let bytes: Buffer;

beforeAll(async () => {
  api = await startApi();
  bytes = await workbookBytes('built in');
});
afterAll(() => api.close());

const publish = (id: string, token: string | null = api.publisher, content: Buffer = bytes, meta: Record<string, unknown> = metadata(id)) =>
  fetch(`${api.url}/builtins/templates/${id}`, { method: 'PUT', headers: token ? bearer(token) : {}, body: uploadForm(meta, content) });

const putRows = (rows: unknown, token: string | null = api.publisher) =>
  fetch(`${api.url}/builtins/benchmarks`, {
    method: 'PUT',
    headers: { ...(token ? bearer(token) : {}), 'Content-Type': 'application/json' },
    body: JSON.stringify({ rows }),
  });

const details = (id: string, token: string | null = null) => fetch(`${api.url}/templates/${id}`, { headers: token ? bearer(token) : {} });

const row = (metric: string, value: number, segment = 'all') => ({ metric, segment, unit: 'ratio', value, n: 1, source: 'builtins test' });

describe('only the publisher (app role Templates.Publisher)', () => {
  it('no token → 401; a reader or an admin → 403; nothing stored', async () => {
    const none = await publish('guarded-plan', null);
    await expectProblem(none, 401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectProblem(await publish('guarded-plan', 'not.a.token'), 401);
    await expectProblem(await publish('guarded-plan', api.reader), 403, /Templates\.Publisher/);
    await expectProblem(await publish('guarded-plan', api.admin), 403, /Templates\.Publisher/);
    await expectProblem(await details('guarded-plan'), 404);

    await expectProblem(await putRows([row('guarded_metric', 0.5)], null), 401);
    await expectProblem(await putRows([row('guarded_metric', 0.5)], api.reader), 403);
    await expectProblem(await putRows([row('guarded_metric', 0.5)], api.admin), 403);
    expect((await (await fetch(`${api.url}/benchmarks?metric=guarded_metric`)).json()).items).toEqual([]);
  });

  it('the publisher role grants no organization writes: POST /api/templates stays admin-only', async () => {
    const created = await fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(api.publisher), body: uploadForm(metadata('publisher-own'), bytes) });
    await expectProblem(created, 403, /Templates\.Admin/);
  });
});

describe('PUT /api/builtins/templates/{id}', () => {
  it('missing → 201 "created": a built-in, shared and read-only for every organization', async () => {
    const created = await publish('seed-plan');
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 'seed-plan', outcome: 'created' });
    const record = await (await details('seed-plan')).json();
    expect(record).toMatchObject({ id: 'seed-plan', version: 1, builtIn: true, visibility: 'shared', deleted: false });
    const etag = (await details('seed-plan')).headers.get('etag')!;
    const adminPut = await fetch(`${api.url}/templates/seed-plan`, {
      method: 'PUT',
      headers: { ...bearer(api.admin), 'If-Match': etag },
      body: uploadForm(metadata('seed-plan'), await workbookBytes('hijack')),
    });
    await expectProblem(adminPut, 403, /built in/);
  });

  it('same bytes → 200 "unchanged" (no new version); different bytes → 200 "updated", version + 1, the old one kept', async () => {
    await publish('versioned-plan');
    const again = await publish('versioned-plan');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: 'versioned-plan', outcome: 'unchanged' });
    expect((await (await details('versioned-plan')).json()).version).toBe(1);

    const v2 = await workbookBytes('second edition');
    const updated = await publish('versioned-plan', api.publisher, v2, metadata('versioned-plan', { title: { en: 'Second', zh: '第二版' } }));
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ id: 'versioned-plan', outcome: 'updated' });
    const record = await (await details('versioned-plan')).json();
    expect(record).toMatchObject({ version: 2, title: { en: 'Second', zh: '第二版' }, builtIn: true });
    expect(record.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const first = Buffer.from(await (await fetch(`${api.url}/templates/versioned-plan/download?version=1`)).arrayBuffer());
    expect(first.equals(bytes)).toBe(true);
  });

  it('deleted by an operator → 200 "left-deleted": never revived, the bytes sent are not stored', async () => {
    await publish('retired-plan');
    await api.deps.templates.remove('retired-plan', '*'); // the operator's delete (no HTTP route deletes a built-in)
    const again = await publish('retired-plan', api.publisher, await workbookBytes('revived?'));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: 'retired-plan', outcome: 'left-deleted' });
    const record = (await api.deps.templates.get('retired-plan'))!.record;
    expect(record).toMatchObject({ deleted: true, version: 1 });
    expect((await fetch(`${api.url}/templates/retired-plan/download`)).status).toBe(410);
  });

  it("an organization's template of that id is never touched: 409, shared or private", async () => {
    for (const [id, visibility] of [
      ['org-shared-plan', 'shared'],
      ['org-private-plan', 'tenant'],
    ]) {
      const own = await fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(api.admin), body: uploadForm(metadata(id, { visibility }), bytes) });
      expect(own.status).toBe(201);
      await expectProblem(await publish(id, api.publisher, await workbookBytes('take over')), 409);
      const record = await (await details(id, api.admin)).json();
      expect(record).toMatchObject({ id, version: 1, builtIn: false, visibility });
    }
  });

  it('metadata naming another id → 400 (errors name "id"); an invalid route id → 400; nothing stored', async () => {
    const body = await expectProblem(await publish('route-plan', api.publisher, bytes, metadata('other-plan')), 400, /other-plan/);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'id' })]);
    await expectProblem(await details('route-plan'), 404);
    await expectProblem(await details('other-plan'), 404);
    await expectProblem(await publish('Bad_ID', api.publisher, bytes, metadata('Bad_ID')), 400);
  });

  it('validated like an upload: 415 for a non-workbook or a non-multipart body, 400 for bad metadata, 413 over 6 MiB; nothing stored', async () => {
    await expectProblem(await publish('text-plan', api.publisher, Buffer.from('just text')), 415);
    const json = await fetch(`${api.url}/builtins/templates/json-plan`, {
      method: 'PUT',
      headers: { ...bearer(api.publisher), 'Content-Type': 'application/json' },
      body: JSON.stringify(metadata('json-plan')),
    });
    await expectProblem(json, 415);
    const badMeta = await expectProblem(await publish('meta-plan', api.publisher, bytes, metadata('meta-plan', { category: 'astrology' })), 400);
    expect(badMeta.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'category' })]));
    const noFile = new FormData();
    noFile.set('metadata', JSON.stringify(metadata('file-plan')));
    const missing = await expectProblem(await fetch(`${api.url}/builtins/templates/file-plan`, { method: 'PUT', headers: bearer(api.publisher), body: noFile }), 400);
    expect(missing.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'file' })]));
    await expectProblem(await publish('big-plan', api.publisher, Buffer.alloc(7 * 1024 * 1024, 1)), 413);
    for (const id of ['text-plan', 'json-plan', 'meta-plan', 'file-plan', 'big-plan']) await expectProblem(await details(id), 404);
  });
});

describe('PUT /api/builtins/benchmarks', () => {
  it('upserts the rows by (metric, segment): readers see them; a second PUT replaces, never duplicates', async () => {
    const first = await putRows([row('seed_test_share', 0.25), row('seed_test_share', 0.4, 'online'), row('seed_test_roi', 3)]);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ rows: 3 });
    const listed = (await (await fetch(`${api.url}/benchmarks?metric=seed_test_share`)).json()).items;
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'seed_test_share', segment: 'all', value: 0.25, source: 'builtins test' }),
        expect.objectContaining({ metric: 'seed_test_share', segment: 'online', value: 0.4 }),
      ]),
    );
    expect(listed).toHaveLength(2);

    const second = await putRows([row('seed_test_share', 0.3)]);
    expect(await second.json()).toEqual({ rows: 1 });
    const after = (await (await fetch(`${api.url}/benchmarks?metric=seed_test_share&segment=all`)).json()).items;
    expect(after).toEqual([expect.objectContaining({ metric: 'seed_test_share', segment: 'all', value: 0.3 })]);
    const query = await fetch(`${api.url}/benchmarks/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ queries: [{ metric: 'seed_test_roi' }] }),
    });
    expect((await query.json()).results).toEqual([{ value: 3 }]);
  });

  it('every row is validated first: one bad row → 400 naming it, and no row is written', async () => {
    const body = await expectProblem(await putRows([row('all_or_nothing', 0.5), { ...row('all_or_nothing', 0.5, 'online'), value: 'high' }]), 400);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^rows\[1\]/) })]));
    expect((await (await fetch(`${api.url}/benchmarks?metric=all_or_nothing`)).json()).items).toEqual([]);
  });

  it('a body that is not {"rows": [...]} → 400; not JSON → 415/400', async () => {
    const send = (body: string, type = 'application/json') =>
      fetch(`${api.url}/builtins/benchmarks`, { method: 'PUT', headers: { ...bearer(api.publisher), 'Content-Type': type }, body });
    await expectProblem(await send(JSON.stringify({ items: [] })), 400);
    await expectProblem(await send(JSON.stringify([row('bare_array', 1)])), 400);
    await expectProblem(await send('{"rows": ['), 400);
    await expectProblem(await send('rows=1', 'application/x-www-form-urlencoded'), 415);
  });
});
