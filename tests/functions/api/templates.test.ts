/**
 * /api/templates over HTTP against real Azurite: every route's success and the 4xx the
 * spec names, problem+json bodies without internals, concurrency and crash consistency,
 * tenant isolation (two organizations, anonymous readers, built-ins), hostile URLs and
 * parameters, forwarded headers and bodies streamed with their limit enforced while read.
 */
import { createHash } from 'crypto';
import * as http from 'http';
import { LocalHost, startLocalHost } from '../../../functions/src/local/host';
import { routeTable } from '../../../functions/src/routes';
import { ApiHarness, bearer, expectProblem, metadata, startApi, uploadForm, workbookBytes } from '../support/api';

let api: ApiHarness;
let bytes: Buffer;

beforeAll(async () => {
  api = await startApi();
  bytes = await workbookBytes();
});
afterAll(() => api.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function create(id: string, token = api.admin, content = bytes, overrides: Record<string, unknown> = {}) {
  return fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(token), body: uploadForm(metadata(id, overrides), content) });
}

/** A GET as a member of the admin's organization (templates are visible to their own organization). */
const read = (path: string, token: string | null = api.admin, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/${path}`, { headers: { ...(token ? bearer(token) : {}), ...headers } });

describe('publishing and reading', () => {
  it('POST creates (201 + Location), GET lists it with a download URL, details carry versions and an ETag', async () => {
    const created = await create('commission-plan');
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${api.url}/templates/commission-plan`);
    const record = await created.json();
    expect(record).toMatchObject({ id: 'commission-plan', version: 1, sha256: sha256(bytes), sizeBytes: bytes.length, deleted: false, category: 'incentive' });
    expect(record).not.toHaveProperty('etag');

    expect(record).toMatchObject({ visibility: 'tenant', builtIn: false });
    expect(record).not.toHaveProperty('owner');

    const list = await (await read('templates')).json();
    const item = list.items.find((i: { id: string }) => i.id === 'commission-plan');
    expect(item.downloadUrl).toBe(`${api.url}/templates/commission-plan/download?version=1`);

    const details = await read('templates/commission-plan');
    expect(details.status).toBe(200);
    expect(details.headers.get('etag')).toBeTruthy();
    expect((await details.json()).versions).toEqual([expect.objectContaining({ version: 1, sha256: sha256(bytes), sizeBytes: bytes.length })]);
  });


  it('filters by category and q', async () => {
    await fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(api.admin), body: uploadForm(metadata('budget-split', { category: 'budget', title: { en: 'Budget split', zh: '预算分配' } }), bytes) });
    const byCategory = await (await read('templates?category=budget')).json();
    expect(byCategory.items.map((i: { id: string }) => i.id)).toEqual(['budget-split']);
    const byQuery = await (await read(`templates?q=${encodeURIComponent('预算')}`)).json();
    expect(byQuery.items.map((i: { id: string }) => i.id)).toEqual(['budget-split']);
  });

  it('download: the bytes, xlsx content type, attachment name, ETag = sha256, 304 on If-None-Match', async () => {
    const response = await read('templates/commission-plan/download');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="commission-plan-v1.xlsx"; filename*=UTF-8''Template%20commission-plan%20v1.xlsx`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(bytes));
    const etag = response.headers.get('etag')!;
    expect(etag).toBe(`"${sha256(bytes)}"`);
    const again = await read('templates/commission-plan/download?version=1', api.admin, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
  });

  it("download names (RFC 6266): the title in the caller's language as filename* (UTF-8, RFC 5987), the id as the ASCII filename", async () => {
    const title = { en: 'Dealer rebate: "East/South" (draft)', zh: '经销商返利：华东/华南 “草案” *试行*' };
    expect((await create('dealer-rebate-names', api.admin, bytes, { title })).status).toBe(201);
    /** The two names of a Content-Disposition, parsed as a browser does (filename* wins). */
    const names = (header: string | null) => {
      const ascii = /;\s*filename="([^"]*)"/.exec(header ?? '')?.[1];
      const ext = /;\s*filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)\s*(?:;|$)/.exec(header ?? '')?.[1];
      return { ascii, utf8: ext === undefined ? undefined : decodeURIComponent(ext) };
    };
    const cases: [string, Record<string, string>, string][] = [
      // The full-width colon and quotes are kept; '/' and '*' are not file-name characters.
      ['templates/dealer-rebate-names/download?locale=zh-CN', {}, '经销商返利：华东 华南 “草案” 试行 v1.xlsx'],
      ['templates/dealer-rebate-names/download', { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }, '经销商返利：华东 华南 “草案” 试行 v1.xlsx'],
      ['templates/dealer-rebate-names/download', { 'Accept-Language': 'fr-FR, en-GB;q=0.7, zh;q=0.5' }, 'Dealer rebate East South (draft) v1.xlsx'],
      ['templates/dealer-rebate-names/download?version=1&locale=en-US', { 'Accept-Language': 'zh-CN' }, 'Dealer rebate East South (draft) v1.xlsx'],
      ['templates/dealer-rebate-names/download', {}, 'Dealer rebate East South (draft) v1.xlsx'],
    ];
    for (const [path, headers, expected] of cases) {
      const response = await read(path, api.admin, headers);
      expect(response.status).toBe(200);
      const header = response.headers.get('content-disposition');
      // A header value is bytes: nothing outside ASCII is sent raw.
      expect(header).toMatch(/^[\x20-\x7e]+$/);
      expect([path, headers, names(header)]).toEqual([path, headers, { ascii: 'dealer-rebate-names-v1.xlsx', utf8: expected }]);
      expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
    }
    // Every byte outside RFC 5987's attr-char is percent-encoded (quotes, parentheses, spaces, '*').
    const header = (await read('templates/dealer-rebate-names/download?locale=zh-CN')).headers.get('content-disposition')!;
    expect(header).toContain("filename*=UTF-8''%E7%BB%8F%E9%94%80%E5%95%86%E8%BF%94%E5%88%A9");
    expect(/filename\*=(\S+)/.exec((await read('templates/dealer-rebate-names/download')).headers.get('content-disposition')!)![1]).toBe(
      "UTF-8''Dealer%20rebate%20East%20South%20%28draft%29%20v1.xlsx",
    );
    await expectProblem(await read('templates/dealer-rebate-names/download?locale=not%20a%20tag'), 400);
  });

  it('404 for an unknown id, an unknown version and an invalid id; 400 for a bad version', async () => {
    await expectProblem(await read('templates/no-such-template'), 404);
    await expectProblem(await read('templates/commission-plan/download?version=9'), 404, /no version 9/);
    await expectProblem(await read(`templates/${encodeURIComponent('../x')}`), 404);
    await expectProblem(await read('templates/commission-plan/download?version=zero'), 400);
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
    await expectProblem(await read('templates/too-big'), 404);
  });

  it('uploads are validated before anything is stored (415 for a non-workbook, 400 for bad metadata)', async () => {
    await expectProblem(await create('text-file', api.admin, Buffer.from('just text')), 415);
    const badMeta = await fetch(`${api.url}/templates`, { method: 'POST', headers: bearer(api.admin), body: uploadForm(metadata('Bad_ID'), bytes) });
    const body = await expectProblem(badMeta, 400);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'id' })]));
    await expectProblem(await read('templates/text-file'), 404);
  });
});

describe('PUT and DELETE with If-Match', () => {
  async function etagOf(id: string): Promise<string> {
    return (await read(`templates/${id}`)).headers.get('etag')!;
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
    const old = Buffer.from(await (await read('templates/put-plan/download?version=1')).arrayBuffer());
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
    const details = await (await read('templates/race-plan')).json();
    expect(details.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('DELETE: 428 without If-Match, 204 with it; the template disappears from the list and downloads answer 410', async () => {
    await create('gone-plan');
    await expectProblem(await fetch(`${api.url}/templates/gone-plan`, { method: 'DELETE', headers: bearer(api.admin) }), 428);
    const etag = await etagOf('gone-plan');
    const deleted = await fetch(`${api.url}/templates/gone-plan`, { method: 'DELETE', headers: { ...bearer(api.admin), 'If-Match': etag } });
    expect(deleted.status).toBe(204);
    const list = await (await read('templates')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain('gone-plan');
    await expectProblem(await read('templates/gone-plan/download'), 410);
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
      await expectProblem(await fetch(`${flaky.url}/templates/crash-plan`, { headers: bearer(flaky.admin) }), 404);
      expect((await (await fetch(`${flaky.url}/templates`, { headers: bearer(flaky.admin) })).json()).items).toEqual([]);
      crash = false;
      const retried = await fetch(`${flaky.url}/templates`, { method: 'POST', headers: bearer(flaky.admin), body: uploadForm(metadata('crash-plan'), bytes) });
      expect(retried.status).toBe(201);
      expect((await retried.json()).version).toBe(1);
    } finally {
      await flaky.close();
    }
  });
});

describe('tenant isolation: two organizations, anonymous readers and built-ins', () => {
  let adminA: string;
  let readerA: string;
  let adminB: string;
  let readerB: string;
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
  const etag = async (id: string, token: string) => (await read(`templates/${id}`, token)).headers.get('etag')!;
  const write = (method: 'PUT' | 'DELETE', id: string, token: string, ifMatch: string, meta: Record<string, unknown> = metadata(id)) =>
    fetch(`${api.url}/templates/${id}`, { method, headers: { ...bearer(token), 'If-Match': ifMatch }, body: method === 'PUT' ? uploadForm(meta, bytes) : undefined });

  beforeAll(async () => {
    adminA = await api.issuer.mintToken({ roles: ['Templates.Admin'], tid: 'tenant-a' });
    readerA = await api.issuer.mintToken({ tid: 'tenant-a', sub: 'reader-a' });
    adminB = await api.issuer.mintToken({ roles: ['Templates.Admin'], tid: 'tenant-b' });
    readerB = await api.issuer.mintToken({ tid: 'tenant-b', sub: 'reader-b' });
    expect((await create('a-private', adminA)).status).toBe(201);
    expect((await create('a-shared', adminA, bytes, { visibility: 'shared' })).status).toBe(201);
    expect((await create('b-private', adminB)).status).toBe(201);
    // A built-in, as the seed publishes it: over HTTP, by the publisher (PUT /api/builtins/templates/{id}).
    const builtIn = await fetch(`${api.url}/builtins/templates/built-in-plan`, {
      method: 'PUT',
      headers: bearer(api.publisher),
      body: uploadForm({ ...metadata('built-in-plan'), category: 'incentive' }, bytes),
    });
    expect(builtIn.status).toBe(201);
  });

  it('each organization sees the built-ins, shared templates and its own; anonymous callers only the first two', async () => {
    const listA = await (await read('templates', readerA)).json();
    expect(ids(listA)).toEqual(expect.arrayContaining(['a-private', 'a-shared', 'built-in-plan']));
    expect(ids(listA)).not.toContain('b-private');
    const listB = ids(await (await read('templates', readerB)).json());
    expect(listB).toEqual(expect.arrayContaining(['a-shared', 'b-private', 'built-in-plan']));
    expect(listB).not.toContain('a-private');
    const anonymous = ids(await (await read('templates', null)).json());
    expect(anonymous).toEqual(expect.arrayContaining(['a-shared', 'built-in-plan']));
    expect(anonymous).not.toEqual(expect.arrayContaining(['a-private']));
    expect(anonymous).not.toContain('b-private');
    const builtIn = listA.items.find((i: { id: string }) => i.id === 'built-in-plan');
    expect(builtIn).toMatchObject({ builtIn: true, visibility: 'shared' });
    // No tenant id in any response.
    expect(JSON.stringify(listA)).not.toMatch(/tenant-a|tenant-b|owner/);
  });

  it("another organization's private template does not exist for you: details, download and writes are 404", async () => {
    await expectProblem(await read('templates/a-private', readerB), 404);
    await expectProblem(await read('templates/a-private/download', readerB), 404);
    await expectProblem(await read('templates/a-private', null), 404);
    await expectProblem(await write('PUT', 'a-private', adminB, '*'), 404);
    await expectProblem(await write('DELETE', 'a-private', adminB, '*'), 404);
    expect((await read('templates/a-private/download', readerA)).status).toBe(200);
  });

  it("a shared template is readable by all and writable only by its organization's admins (403 for others)", async () => {
    const shared = await read('templates/a-shared', readerB);
    expect(shared.status).toBe(200);
    expect((await read('templates/a-shared/download', null)).status).toBe(200);
    const tag = shared.headers.get('etag')!;
    const put = await expectProblem(await write('PUT', 'a-shared', adminB, tag, metadata('a-shared', { visibility: 'shared' })), 403);
    expect(put.detail).toMatch(/another organization/);
    expect(put.detail).not.toMatch(/tenant-a/);
    await expectProblem(await write('DELETE', 'a-shared', adminB, tag), 403);
    // Its own admin makes it private again: the other organization loses sight of it.
    const back = await write('PUT', 'a-shared', adminA, tag, metadata('a-shared', { visibility: 'tenant' }));
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ version: 2, visibility: 'tenant' });
    await expectProblem(await read('templates/a-shared', readerB), 404);
  });

  it('built-ins are read-only for every admin (403) and their ids cannot be taken (409)', async () => {
    const tag = await etag('built-in-plan', adminA);
    const put = await expectProblem(await write('PUT', 'built-in-plan', adminA, tag), 403);
    expect(put.detail).toMatch(/built in/);
    await expectProblem(await write('DELETE', 'built-in-plan', adminB, tag), 403);
    await expectProblem(await create('built-in-plan', adminA), 409);
    expect((await read('templates/built-in-plan', null)).status).toBe(200);
  });

  it("an id held by another organization's private template is 409 without saying whose", async () => {
    const taken = await expectProblem(await create('b-private', adminA), 409);
    expect(taken.detail).not.toMatch(/tenant-b|organization|visib/);
  });

  it('a deleted template stays its organization\'s: 410 for it, still 404 for the other', async () => {
    const deleted = await write('DELETE', 'b-private', adminB, await etag('b-private', adminB));
    expect(deleted.status).toBe(204);
    await expectProblem(await read('templates/b-private/download', readerB), 410);
    await expectProblem(await read('templates/b-private/download', readerA), 404);
    await expectProblem(await read('templates/b-private', null), 404);
  });

  it("a reader's token is no admin in its own organization either (403), and an unknown visibility is a 400", async () => {
    await expectProblem(await write('DELETE', 'a-private', readerA, '*'), 403);
    const body = await expectProblem(await create('c-plan', adminA, bytes, { visibility: 'public' }), 400);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'visibility' })]);
  });
});

describe('issue 15: paging on every list, a quota per organization', () => {
  it('GET /api/templates is paged: ?top= and continuationToken walk every visible template once, in id order', async () => {
    const all = ids(await (await read('templates')).json());
    expect(all.length).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await (await read(`templates?top=2${token ? `&continuationToken=${token}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      token = page.continuationToken;
      pages++;
    } while (token && pages < 1000);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
    // Filters apply before paging.
    const filtered = await (await read('templates?category=incentive&top=1')).json();
    expect(filtered.items).toHaveLength(1);
    expect(filtered.items[0].category).toBe('incentive');
  });

  it('bad paging parameters → 400 naming the parameter', async () => {
    const benchmarksToken = Buffer.from(JSON.stringify({ v: 1, s: 'rows', pk: 'a', rk: 'b' })).toString('base64url');
    for (const [query, path] of [
      ['top=0', 'top'],
      ['top=1001', 'top'],
      ['top=ten', 'top'],
      ['continuationToken=forged!', 'continuationToken'],
      [`continuationToken=${benchmarksToken}`, 'continuationToken'],
    ]) {
      const body = await expectProblem(await read(`templates?${query}`), 400);
      expect([query, body.errors[0].path]).toEqual([query, path]);
    }
  });

  it('an organization stores at most its quota of versions: the next create or update is 403 with nothing stored; deleted templates count; others are unaffected', async () => {
    const quoted = await startApi({ templates: { quota: { versionsPerOrganization: 3 } } });
    try {
      const admin = await quoted.issuer.mintToken({ roles: ['Templates.Admin'], tid: 'org-quota' });
      const other = await quoted.issuer.mintToken({ roles: ['Templates.Admin'], tid: 'org-other' });
      const post = (id: string, token: string) => fetch(`${quoted.url}/templates`, { method: 'POST', headers: bearer(token), body: uploadForm(metadata(id), bytes) });
      const put = async (id: string, token: string) => {
        const etag = (await fetch(`${quoted.url}/templates/${id}`, { headers: bearer(token) })).headers.get('etag')!;
        return fetch(`${quoted.url}/templates/${id}`, { method: 'PUT', headers: { ...bearer(token), 'If-Match': etag }, body: uploadForm(metadata(id), bytes) });
      };
      expect((await post('quota-one', admin)).status).toBe(201); // 1 version
      expect((await put('quota-one', admin)).status).toBe(200); // 2
      expect((await post('quota-two', admin)).status).toBe(201); // 3
      const refused = await expectProblem(await post('quota-three', admin), 403, /quota is 3/);
      expect(refused.detail).toMatch(/stores 3 template versions/);
      expect((await fetch(`${quoted.url}/templates/quota-three`, { headers: bearer(admin) })).status).toBe(404);
      await expectProblem(await put('quota-two', admin), 403, /quota/);
      // Deleting keeps the versions (soft delete), so it frees nothing.
      const etag = (await fetch(`${quoted.url}/templates/quota-two`, { headers: bearer(admin) })).headers.get('etag')!;
      expect((await fetch(`${quoted.url}/templates/quota-two`, { method: 'DELETE', headers: { ...bearer(admin), 'If-Match': etag } })).status).toBe(204);
      await expectProblem(await post('quota-four', admin), 403, /quota/);
      // Another organization has its own quota; the built-ins (the seed) have none.
      expect((await post('other-one', other)).status).toBe(201);
      const builtIn = await fetch(`${quoted.url}/builtins/templates/quota-built-in`, { method: 'PUT', headers: bearer(quoted.publisher), body: uploadForm(metadata('quota-built-in'), bytes) });
      expect(builtIn.status).toBe(201);
    } finally {
      await quoted.close();
    }
  });
});

describe('hostile URLs, parameters and text', () => {
  it('malformed percent-encoding is a 400 in the path and in the query (never a 500)', async () => {
    for (const path of ['templates/%', 'templates/%E0%A4%A', 'templates/%ZZ/download', 'templates?q=%', 'templates?q=%C3%28', 'templates/a-b-c/download?version=%']) {
      const response = await read(path);
      await expectProblem(response, 400, /percent-encoding/);
    }
  });

  it('query parameters are NFKC-normalized and length-limited: 400 naming the parameter, never a 500', async () => {
    const grows = '\uFDFA'.repeat(12); // 12 characters, 216 under NFKC
    const long = await expectProblem(await read(`templates?q=${encodeURIComponent(grows)}`), 400);
    expect(long.errors).toEqual([expect.objectContaining({ path: 'q' })]);
    await expectProblem(await read(`templates?q=${'x'.repeat(201)}`), 400);
    const category = await expectProblem(await read('templates?category=nonsense'), 400);
    expect(category.errors).toEqual([expect.objectContaining({ path: 'category' })]);
    await expectProblem(await read(`templates?locale=${encodeURIComponent('<script>')}`), 400);
    await expectProblem(await read(`templates/commission-plan/download?version=${'9'.repeat(30)}`), 400);
    // Full-width input means the same as its ASCII form.
    expect(ids(await (await read(`templates?category=${encodeURIComponent('ｂｕｄｇｅｔ')}`)).json())).toEqual(['budget-split']);
    expect((await read(`templates/${encodeURIComponent('ｃｏｍｍｉｓｓｉｏｎ-plan')}`)).status).toBe(200);
    await expectProblem(await read(`templates/${'a'.repeat(5000)}`), 404);
  });

  it('metadata text: NFKC length limits, no lone surrogates or control characters; titles keep what the author wrote', async () => {
    const grows = '\uFDFA'.repeat(12);
    const tooLong = await expectProblem(await create('grow-plan', api.admin, bytes, { title: { en: `Plan ${grows}`.padEnd(190, 'x'), zh: '方案' } }), 400);
    expect(tooLong.errors).toEqual([expect.objectContaining({ path: 'title.en', message: expect.stringMatching(/NFKC/) })]);
    const surrogate = await fetch(`${api.url}/templates`, {
      method: 'POST',
      headers: bearer(api.admin),
      body: (() => {
        const form = new FormData();
        form.set('metadata', JSON.stringify(metadata('lone-plan')).replace('"Template lone-plan"', '"Template \\ud800"'));
        form.set('file', new Blob([new Uint8Array(bytes)]), 'a.xlsx');
        return form;
      })(),
    });
    expect((await expectProblem(surrogate, 400)).errors).toEqual([expect.objectContaining({ path: 'title.en' })]);
    const control = await expectProblem(await create('ctrl-plan', api.admin, bytes, { tags: ['ok', 'bad\u0007'] }), 400);
    expect(control.errors).toEqual([expect.objectContaining({ path: 'tags[1]' })]);

    const created = await create('width-plan', api.admin, bytes, { title: { en: 'Ｐｌａｎ', zh: '激励方案（线上）：试行' }, tags: ['ＫＰＩ', ' kpi '] });
    expect(created.status).toBe(201);
    const record = await created.json();
    expect(record.title).toEqual({ en: 'Ｐｌａｎ', zh: '激励方案（线上）：试行' }); // NFC: text as written
    expect(record.tags).toEqual(['KPI', 'kpi']); // keys in NFKC
    expect(ids(await (await read('templates?q=plan')).json())).toContain('width-plan');
  });

  it("a direct caller's X-Forwarded-* and a forged Host do not steer links elsewhere", async () => {
    const forged = await (await read('templates', api.admin, { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' })).json();
    expect(forged.items[0].downloadUrl.startsWith(`${api.url}/`)).toBe(true);
    const viaHost = await rawRequest(new URL(api.url).port, 'GET', '/api/templates', { Host: 'evil.example', Authorization: `Bearer ${api.admin}` });
    expect(JSON.parse(viaHost.body.toString()).items[0].downloadUrl).toMatch(/^http:\/\/localhost:\d+\/api\//);
  });

  it('behind a configured proxy, links use its forwarded origin — only when it is one of the public origins', async () => {
    const proxied: LocalHost = await startLocalHost({ routes: routeTable(() => api.deps), allowedOrigins: api.deps.config.allowedOrigins, trustedProxies: ['127.0.0.1', '::1'], port: 0 });
    try {
      const get = async (host: string) =>
        (await (await fetch(`${proxied.url}/templates`, { headers: { ...bearer(api.admin), 'X-Forwarded-Host': host, 'X-Forwarded-Proto': 'https' } })).json()).items[0].downloadUrl as string;
      expect(await get('localhost:3000')).toMatch(/^https:\/\/localhost:3000\/api\/templates\//);
      expect(await get('evil.example')).toMatch(new RegExp(`^${proxied.url}/`));
    } finally {
      await proxied.close();
    }
  });
});

/** A request with nothing normalized (Host and path sent as given). */
function rawRequest(port: string, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(port), method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Sends an endless chunked body and reports how much was written when the answer came: a
 * server that enforces its limit while reading answers after about the limit (plus what the
 * sockets buffer); one that buffers first would wait for its own, far larger, cap.
 */
function endlessPost(path: string, headers: Record<string, string>): Promise<{ status: number; written: number; body: string }> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // A keep-alive connection, as browsers use: a caller that sends "Connection: close" gets its connection closed right after the answer.
    const agent = new http.Agent({ keepAlive: true });
    const req = http.request({ host: '127.0.0.1', port: Number(port), method: 'POST', path, headers: { 'Transfer-Encoding': 'chunked', ...headers }, agent }, (res) => {
      answered = true;
      const at = written;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, written: at, body: Buffer.concat(chunks).toString() });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      // Stop at 64 MiB whatever happens: the old host gave up only after buffering 32 MiB.
      while (!answered && written < 64 * 1024 * 1024) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

describe('request bodies are streamed, their limit enforced while reading', () => {
  it('an endless JSON body is refused with 413 after about 1 MiB, even from 50 anonymous callers at once, and memory stays flat', async () => {
    // Issue 15: the host buffered 32 MiB before the 1 MiB check, and 50 anonymous posts took it to 1.39 GB.
    // The host runs in this process: its resident memory is what this samples.
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const results = await Promise.all(Array.from({ length: 50 }, () => endlessPost('/api/benchmarks/query', { 'Content-Type': 'application/json' })));
      for (const r of results) {
        expect(r.status).toBe(413);
        expect(r.written).toBeLessThan(16 * 1024 * 1024);
        expect(JSON.parse(r.body)).toMatchObject({ status: 413, title: 'Payload Too Large' });
      }
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / 2 ** 20).toBeLessThan(200);
  });

  it('an answer sent before the body was read closes that connection cleanly: the caller reads it, and its next request goes through', async () => {
    // A keep-alive connection reused after an early answer used to be cut 2 s later, in the middle of whatever request it carried then.
    const { port } = new URL(api.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = (method: string, path: string, headers: Record<string, string>, body?: Buffer, rest?: Buffer) =>
      new Promise<{ status: number; connection?: string; port: number }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: Number(port), method, path, headers, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, port: req.socket?.localPort ?? 0 });
            if (rest) req.end(rest); // the body arrives after all, once the answer is in
          });
        });
        req.on('error', reject);
        if (rest) req.write(body!);
        else req.end(body);
      });
    try {
      // No token: 401 before the body is read; its last 19,900 bytes arrive afterwards.
      const early = await request('POST', '/api/templates', { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': '20000' }, Buffer.alloc(100, 0x20), Buffer.alloc(19_900, 0x20));
      expect(early.status).toBe(401);
      expect(early.connection).toBe('close');
      // Requests on this agent for the next 3 s: every one answered (none cut off), none on the closed connection.
      const until = Date.now() + 3_000;
      while (Date.now() < until) {
        const next = await request('GET', '/api/health', {});
        expect(next.status).toBe(200);
        expect(next.port).not.toBe(early.port);
        await new Promise((r) => setTimeout(r, 50));
      }
      // A body read to its end keeps the connection open for the next request.
      const full = await request('POST', '/api/benchmarks/query', { 'Content-Type': 'application/json' }, Buffer.from('{"queries":[]}'));
      expect(full.status).toBe(200);
      expect(full.connection).not.toBe('close');
    } finally {
      agent.destroy();
    }
  });

  it('an endless upload is refused with 413 after about 6 MiB', async () => {
    const r = await endlessPost('/api/templates', { 'Content-Type': 'multipart/form-data; boundary=x', Authorization: `Bearer ${api.admin}` });
    expect(r.status).toBe(413);
    expect(r.written).toBeLessThan(24 * 1024 * 1024);
  });

  it('a declared Content-Length over the host cap is refused before anything is read', async () => {
    const { port } = new URL(api.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: Number(port), method: 'POST', path: '/api/benchmarks/query', headers: { 'Content-Type': 'application/json', 'Content-Length': String(1024 ** 3) }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(status).toBe(413);
  });
});

function ids(body: { items: { id: string }[] }): string[] {
  return body.items.map((i) => i.id);
}
