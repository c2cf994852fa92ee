/**
 * library/publish.ts, the seed's HTTP client, against the real API (harness on Azurite): each
 * template built and PUT to /api/builtins/templates/{id}, the benchmark rows of
 * functions/data/benchmarks.json PUT to /api/builtins/benchmarks, outcomes reported as the API
 * names them, and every refusal a PublishError carrying the API's status and problem.
 */
import * as net from 'net';
import { BenchmarkSeedRow, loadBenchmarkRows, publishBuiltIns, PublishError } from '../../library/publish';
import { BUILT_IN_TEMPLATES } from '../../library/templates';
import { ApiHarness, startApi } from '../functions/support/api';
import { rejectionOf } from '../support/shared-thrown';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const two = BUILT_IN_TEMPLATES.slice(0, 2);
const ids = two.map((t) => t.metadata.id);

const refusal = (promise: Promise<unknown>): Promise<PublishError> => rejectionOf(PublishError, promise);

describe('publishBuiltIns', () => {
  it("the benchmark rows are the data file's, each naming its source", () => {
    const rows = loadBenchmarkRows();
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const row of rows) expect(typeof row.source).toBe('string');
  });

  it('creates, then finds them unchanged; reports the rows upserted; says so in one line', async () => {
    const lines: string[] = [];
    const rows: BenchmarkSeedRow[] = loadBenchmarkRows().slice(0, 5);
    const first = await publishBuiltIns({ api: api.url, token: api.publisher, templates: two, benchmarkRows: rows, log: (l) => lines.push(l) });
    expect(first).toEqual({ created: ids, updated: [], unchanged: [], leftDeleted: [], benchmarkRows: 5 });
    expect(lines).toEqual(['seeded templates: 2 created, 0 updated, 0 unchanged; benchmark rows: 5']);
    // A trailing slash on the API URL is fine.
    const again = await publishBuiltIns({ api: `${api.url}/`, token: api.publisher, templates: two, benchmarkRows: rows });
    expect(again).toEqual({ created: [], updated: [], unchanged: ids, leftDeleted: [], benchmarkRows: 5 });
    const listed = (await (await fetch(`${api.url}/templates`)).json()).items.filter((i: { id: string }) => ids.includes(i.id));
    expect(listed).toHaveLength(2);
    for (const item of listed) expect(item).toMatchObject({ builtIn: true, visibility: 'shared' });
  });

  it('a deleted built-in is reported as left deleted', async () => {
    await api.deps.templates.remove(ids[0], '*');
    const report = await publishBuiltIns({ api: api.url, token: api.publisher, templates: two, benchmarkRows: [] });
    expect(report).toMatchObject({ leftDeleted: [ids[0]], unchanged: [ids[1]], created: [] });
  });

  it('a token without the publisher role: PublishError 403 naming the request and the role', async () => {
    const error = await refusal(publishBuiltIns({ api: api.url, token: api.admin, templates: two }));
    expect(error.status).toBe(403);
    expect(error.request).toBe(`PUT /builtins/templates/${ids[0]}`);
    expect(error.message).toMatch(/HTTP 403 — .*Templates\.Publisher/);
  });

  it('a bad row: PublishError 400 listing the field', async () => {
    const error = await refusal(publishBuiltIns({ api: api.url, token: api.publisher, templates: [], benchmarkRows: [{ metric: 'x', source: 's' }] }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/rows\[0\]\.(unit|n)/);
  });

  it('no API listening: PublishError without a status', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await refusal(publishBuiltIns({ api: `http://127.0.0.1:${port}/api`, token: api.publisher, templates: two }));
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/no answer from http:\/\/127\.0\.0\.1:\d+\/api\/builtins\/templates\/.*ECONNREFUSED/);
  });
});
