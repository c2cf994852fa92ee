/**
 * GET /api/runs?period=&status=&top=&continuationToken= on Azurite: the caller's
 * organization's runs only, filtered, paged; role-checked; bad parameters → 400.
 */
import { bearer, expectProblem } from '../support/api';
import { RunsHarness, payoutWorkbook, runForm, runMetadata, startRunsApi } from '../support/runs';

jest.setTimeout(120_000);

let api: RunsHarness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  api = await startRunsApi();
  const submit = async (key: string, token: string, period: string) => {
    const response = await fetch(`${api.url}/runs`, { method: 'POST', headers: bearer(token), body: runForm(runMetadata({ period }), await payoutWorkbook(undefined, key)) });
    expect(response.status).toBe(202);
    ids[key] = (await response.json()).id;
  };
  await submit('a1', api.tokens.submitterA, '2025-07');
  await submit('a2', api.tokens.submitterA, '2025-07');
  await submit('a3', api.tokens.submitterA, '2025-08');
  await submit('b1', api.tokens.submitterB, '2025-07');
});
afterAll(async () => {
  await api?.close();
});

const list = (token: string, query = '') => fetch(`${api.url}/runs${query}`, { headers: bearer(token) });

test('the organization’s runs only, filtered by period and status', async () => {
  const all = await (await list(api.tokens.approverA)).json();
  expect(all.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.a1, ids.a2, ids.a3].sort());
  expect(all.continuationToken).toBeUndefined();
  const july = await (await list(api.tokens.submitterA, '?period=2025-07')).json();
  expect(july.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.a1, ids.a2].sort());
  expect((await (await list(api.tokens.submitterA, '?status=queued')).json()).items).toHaveLength(3);
  expect((await (await list(api.tokens.submitterA, '?status=calculated')).json()).items).toHaveLength(0);
  const theirs = await (await list(api.tokens.submitterB)).json();
  expect(theirs.items.map((r: { id: string }) => r.id)).toEqual([ids.b1]);
});

test('paged with top and continuationToken', async () => {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await (await list(api.tokens.submitterA, `?top=2${token ? `&continuationToken=${token}` : ''}`)).json();
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items.map((r: { id: string }) => r.id));
    token = page.continuationToken;
    pages++;
  } while (token && pages < 5);
  expect(pages).toBe(2);
  expect(seen.sort()).toEqual([ids.a1, ids.a2, ids.a3].sort());
});

test('roles and parameters', async () => {
  await expectProblem(await list(api.tokens.readerA), 403, /requires the app role Payouts\.Submitter or Payouts\.Approver/);
  await expectProblem(await fetch(`${api.url}/runs`), 401);
  const bad = await expectProblem(await list(api.tokens.submitterA, '?status=done&top=0&continuationToken=xyz'), 400);
  expect(bad.errors.map((e: { path: string }) => e.path).sort()).toEqual(['continuationToken', 'status', 'top']);
});
