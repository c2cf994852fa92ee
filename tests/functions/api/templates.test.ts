/**
 * /api/templates over HTTP against real Azurite: every route's success and the 4xx the
 * spec names, problem+json bodies without internals, concurrency and crash consistency.
 */
import { createHash } from 'crypto';
import { ApiHarness, bearer, metadata, startApi, uploadForm, workbookBytes } from '../support/api';

let api: ApiHarness;
let bytes: Buffer;

beforeAll(async () => {
  api = await startApi();
  bytes = await workbookBytes();
});
afterAll(() => api.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function expectProblem(response: Response, status: number, detail?: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  if (detail) expect(body.detail).toMatch(detail);
  // No internals: no stack traces, storage keys, connection strings or paths.
  expect(JSON.stringify(body)).not.toMatch(/at .+\(.+:\d+:\d+\)|AccountKey|Eby8vdM|devstoreaccount1|\/work\/|node_modules/);
  return body;
}

async function create(id: string, token = api.admin, content = bytes) {
  return fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(token), body: uploadForm(metadata(id), content) });
}

describe('publishing and reading', () => {
  it('POST creates (201 + Location), GET lists it with a download URL, details carry versions and an ETag', async () => {
    const created = await create('commission-plan');
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${api.url}/templates/commission-plan`);
    const record = await created.json();
    expect(record).toMatchObject({ id: 'commission-plan', version: 1, sha256: sha256(bytes), sizeBytes: bytes.length, deleted: false, category: 'incentive' });
    expect(record).not.toHaveProperty('etag');

    const list = await (await fetch(`${api.url}/templates`)).json();
    const item = list.items.find((i: { id: string }) => i.id === 'commission-plan');
    expect(item.downloadUrl).toBe(`${api.url}/templates/commission-plan/download?version=1`);

    const details = await fetch(`${api.url}/templates/commission-plan`);
    expect(details.status).toBe(200);
    expect(details.headers.get('etag')).toBeTruthy();
    expect((await details.json()).versions).toEqual([expect.objectContaining({ version: 1, sha256: sha256(bytes), sizeBytes: bytes.length })]);
  });

  it('behind a proxy, links use the forwarded origin (the add-in server proxies /api)', async () => {
    const list = await (await fetch(`${api.url}/templates`, { headers: { 'X-Forwarded-Host': 'localhost:3000', 'X-Forwarded-Proto': 'https' } })).json();
    expect(list.items[0].downloadUrl).toMatch(/^https:\/\/localhost:3000\/api\/templates\//);
  });

  it('filters by category and q', async () => {
    await fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(api.admin), body: uploadForm(metadata('budget-split', { category: 'budget', title: { en: 'Budget split', zh: '预算分配' } }), bytes) });
    const byCategory = await (await fetch(`${api.url}/templates?category=budget`)).json();
    expect(byCategory.items.map((i: { id: string }) => i.id)).toEqual(['budget-split']);
    const byQuery = await (await fetch(`${api.url}/templates?q=${encodeURIComponent('预算')}`)).json();
    expect(byQuery.items.map((i: { id: string }) => i.id)).toEqual(['budget-split']);
  });

  it('download: the bytes, xlsx content type, attachment name, ETag = sha256, 304 on If-None-Match', async () => {
    const response = await fetch(`${api.url}/templates/commission-plan/download`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="commission-plan-v1.xlsx"');
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(bytes));
    const etag = response.headers.get('etag')!;
    expect(etag).toBe(`"${sha256(bytes)}"`);
    const again = await fetch(`${api.url}/templates/commission-plan/download?version=1`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('404 for an unknown id, an unknown version and an invalid id; 400 for a bad version', async () => {
    await expectProblem(await fetch(`${api.url}/templates/no-such-template`), 404);
    await expectProblem(await fetch(`${api.url}/templates/commission-plan/download?version=9`), 404, /no version 9/);
    await expectProblem(await fetch(`${api.url}/templates/${encodeURIComponent('../x')}`), 404);
    await expectProblem(await fetch(`${api.url}/templates/commission-plan/download?version=zero`), 400);
  });
});

describe('writes need an admin token', () => {
  it('401 without a token or with a bad one; 403 for a reader', async () => {
    const noToken = await fetch(`${api.url}/templates`, { method: 'POST', body: uploadForm(metadata('x-plan'), bytes) });
    await expectProblem(noToken, 401);
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectProblem(await create('x-plan', 'not.a.token'), 401);
    await expectProblem(await create('x-plan', api.reader), 403);
  });

  it('409 when the id is taken', async () => {
    await expectProblem(await create('commission-plan'), 409);
  });

  it('413 for a body over 6 MiB, with nothing stored', async () => {
    const big = Buffer.alloc(7 * 1024 * 1024, 1);
    await expectProblem(await create('too-big', api.admin, big), 413);
    await expectProblem(await fetch(`${api.url}/templates/too-big`), 404);
  });

  it('uploads are validated before anything is stored (415 for a non-workbook, 400 for bad metadata)', async () => {
    await expectProblem(await create('text-file', api.admin, Buffer.from('just text')), 415);
    const badMeta = await fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(api.admin), body: uploadForm(metadata('Bad_ID'), bytes) });
    const body = await expectProblem(badMeta, 400);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'id' })]));
    await expectProblem(await fetch(`${api.url}/templates/text-file`), 404);
  });
});

describe('PUT and DELETE with If-Match', () => {
  async function etagOf(id: string): Promise<string> {
    return (await fetch(`${api.url}/templates/${id}`)).headers.get('etag')!;
  }
  const put = (id: string, headers: Record<string, string>, content: Buffer, meta = metadata(id)) =>
    fetch(`${api.url}/templates/${id}`, { method: 'PUT', headers: { ...bearer(api.admin), ...headers }, body: uploadForm(meta, content) });

  it('428 without If-Match, 412 with a stale one, 200 and version + 1 with the current one', async () => {
    await create('put-plan');
    const v2 = await workbookBytes('second');
    await expectProblem(await put('put-plan', {}, v2), 428);
    const etag = await etagOf('put-plan');
    const ok = await put('put-plan', { 'If-Match': etag }, v2);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2, sha256: sha256(v2) });
    await expectProblem(await put('put-plan', { 'If-Match': etag }, v2), 412);
    const old = Buffer.from(await (await fetch(`${api.url}/templates/put-plan/download?version=1`)).arrayBuffer());
    expect(sha256(old)).toBe(sha256(bytes));
  });

  it('400 when the metadata id differs from the URL; 404 for an unknown id', async () => {
    const etag = await etagOf('put-plan');
    await expectProblem(await put('put-plan', { 'If-Match': etag }, bytes, metadata('other-plan')), 400, /does not match/);
    await expectProblem(await put('missing-plan', { 'If-Match': '"x"' }, bytes), 404);
  });

  it('20 parallel PUTs with the same If-Match: exactly one 200, nineteen 412, one new version stored', async () => {
    await create('race-plan');
    const etag = await etagOf('race-plan');
    const contents = await Promise.all(Array.from({ length: 20 }, (_, i) => workbookBytes(`racer ${i}`)));
    const statuses = (await Promise.all(contents.map((c) => put('race-plan', { 'If-Match': etag }, c)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const details = await (await fetch(`${api.url}/templates/race-plan`)).json();
    expect(details.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('DELETE: 428 without If-Match, 204 with it; the template disappears from the list and downloads answer 410', async () => {
    await create('gone-plan');
    await expectProblem(await fetch(`${api.url}/templates/gone-plan`, { method: 'DELETE', headers: bearer(api.admin) }), 428);
    const etag = await etagOf('gone-plan');
    const deleted = await fetch(`${api.url}/templates/gone-plan`, { method: 'DELETE', headers: { ...bearer(api.admin), 'If-Match': etag } });
    expect(deleted.status).toBe(204);
    const list = await (await fetch(`${api.url}/templates`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain('gone-plan');
    await expectProblem(await fetch(`${api.url}/templates/gone-plan/download`), 410);
    await expectProblem(await create('gone-plan'), 409);
  });
});

describe('the local host behaves like the platform', () => {
  it('answers CORS preflights for the add-in origin and exposes ETag/Location', async () => {
    const preflight = await fetch(`${api.url}/templates/commission-plan`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://localhost:3000', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, if-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/PUT/);
    const get = await fetch(`${api.url}/templates`, { headers: { Origin: 'https://localhost:3000' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    const foreign = await fetch(`${api.url}/templates`, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('unknown routes are 404 and unsupported methods 405, as problem+json', async () => {
    await expectProblem(await fetch(`${api.url}/nothing-here`), 404);
    await expectProblem(await fetch(`${api.url}/health`, { method: 'DELETE' }), 405);
  });
});

describe('anonymous reads only when the deployment allows them', () => {
  it('PERFPLAN_PUBLIC_READ=false → 401 without a token, 200 with a reader token', async () => {
    const closed = await startApi({ publicRead: false });
    try {
      await expectProblem(await fetch(`${closed.url}/templates`), 401);
      expect((await fetch(`${closed.url}/templates`, { headers: bearer(closed.reader) })).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('crash between the blob write and the metadata write', () => {
  it('leaves no visible template, and a retry succeeds', async () => {
    let crash = true;
    const flaky = await startApi({
      templates: {
        faults: {
          afterBlobWrite: () => {
            if (crash) throw new Error('injected crash after the blob write');
          },
        },
      },
    });
    try {
      const failed = await fetch(`${flaky.url}/templates`, { method: 'POST', headers: bearer(flaky.admin), body: uploadForm(metadata('crash-plan'), bytes) });
      await expectProblem(failed, 500);
      await expectProblem(await fetch(`${flaky.url}/templates/crash-plan`), 404);
      expect((await (await fetch(`${flaky.url}/templates`)).json()).items).toEqual([]);
      crash = false;
      const retried = await fetch(`${flaky.url}/templates`, { method: 'POST', headers: bearer(flaky.admin), body: uploadForm(metadata('crash-plan'), bytes) });
      expect(retried.status).toBe(201);
      expect((await retried.json()).version).toBe(1);
    } finally {
      await flaky.close();
    }
  });
});
