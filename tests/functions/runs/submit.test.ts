/**
 * POST /api/runs and GET /api/runs/{id} on real Azurite (issue 13 item 1): 202 + Location,
 * idempotent resubmission, refusals that store nothing, tenant isolation, roles, and a crash
 * between the blob and the run row (or between the row and the queue message) followed by a
 * retry that finishes the job without duplicating anything.
 */
import { createHash } from 'crypto';
import { runIdFor } from '../../../functions/src/runs/model';
import { bearer, expectProblem } from '../support/api';
import { RunsHarness, payoutWorkbook, runForm, runMetadata, runsApiForTests, storedRuns } from '../support/runs';

jest.setTimeout(120_000);

let api: RunsHarness;
runsApiForTests((started) => (api = started));
beforeEach(() => {
  api.faults = {};
});

const post = (token: string | undefined, body: FormData | string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/runs`, { method: 'POST', headers: { ...(token ? bearer(token) : {}), ...headers }, body });
const get = (token: string | undefined, pathOrId: string) =>
  fetch(pathOrId.startsWith('/') ? `${new URL(api.url).origin}${pathOrId}` : `${api.url}/runs/${pathOrId}`, { headers: token ? bearer(token) : {} });

describe('submitting a run', () => {
  test('202 + Location; the run reads back queued; one blob, one row, one message', async () => {
    const before = await storedRuns(api.runs);
    const bytes = await payoutWorkbook(undefined, 'first');
    const response = await post(api.tokens.submitterA, runForm(runMetadata({ templateId: 'sales-commission', templateVersion: 2 }), bytes));
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(response.headers.get('location')).toBe(`/api/runs/${body.id}`);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: 'queued',
      period: '2025-07',
      peopleTable: 'People',
      payoutColumn: 'Payout',
      currency: 'CNY',
      templateId: 'sales-commission',
      templateVersion: 2,
      workbook: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length },
      submittedBy: 'alice',
      totals: null,
      steps: [],
    });

    const read = await get(api.tokens.submitterA, response.headers.get('location')!);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBeTruthy();
    expect(await read.json()).toMatchObject({ id: body.id, status: 'queued' });

    const after = await storedRuns(api.runs);
    expect(after.blobs.length - before.blobs.length).toBe(1);
    expect(after.blobs).toContain(`${after.blobs.find((b) => b.endsWith(`${body.workbook.sha256}.xlsx`))}`);
    expect(after.rows - before.rows).toBe(1);
    expect(after.messages - before.messages).toBe(1);
    const [message] = await api.runs.queue.peekMessages({ numberOfMessages: 32 }).then((r) => r.peekedMessageItems.filter((m) => Buffer.from(m.messageText, 'base64').toString().includes(body.id)));
    expect(JSON.parse(Buffer.from(message.messageText, 'base64').toString())).toEqual({ tenantId: 'org-a', id: body.id });
  });

  test('the same workbook, period and people table returns the existing run and stores nothing more', async () => {
    const bytes = await payoutWorkbook(undefined, 'again');
    const first = await post(api.tokens.submitterA, runForm(runMetadata(), bytes));
    expect(first.status).toBe(202);
    const run = await first.json();
    const before = await storedRuns(api.runs);

    // Another submitter of the same organization, another payout column: the same run.
    const again = await post(api.tokens.submitterA2, runForm(runMetadata({ payoutColumn: 'Payout' }), bytes, 'copy.xlsx'));
    expect(again.status).toBe(200);
    expect(again.headers.get('location')).toBe(`/api/runs/${run.id}`);
    expect(await again.json()).toMatchObject({ id: run.id, status: 'queued', submittedBy: 'alice' });
    expect(await storedRuns(api.runs)).toEqual(before);

    // Another period is another run over the same stored bytes (content-addressed: no new blob).
    const other = await post(api.tokens.submitterA, runForm(runMetadata({ period: '2025-08' }), bytes));
    expect(other.status).toBe(202);
    const otherRun = await other.json();
    expect(otherRun.id).not.toBe(run.id);
    const after = await storedRuns(api.runs);
    expect(after.blobs).toEqual(before.blobs);
    expect(after.rows).toBe(before.rows + 1);
    expect(after.messages).toBe(before.messages + 1);
  });

  test('concurrent identical submissions make one run', async () => {
    const bytes = await payoutWorkbook(undefined, 'concurrent');
    const before = await storedRuns(api.runs);
    const responses = await Promise.all([1, 2, 3].map(() => post(api.tokens.submitterA, runForm(runMetadata({ period: '2025-09' }), bytes))));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(responses.map((r) => r.status).filter((s) => s === 202).length).toBeGreaterThanOrEqual(1);
    const after = await storedRuns(api.runs);
    expect(after.rows).toBe(before.rows + 1);
    expect(after.blobs.length).toBe(before.blobs.length + 1);
  });
});

describe('refusals store nothing', () => {
  const cases: Array<[string, () => Promise<Response>, number, RegExp?]> = [
    ['metadata without a period', async () => post(api.tokens.submitterA, runForm({ peopleTable: 'People', payoutColumn: 'Payout' }, await payoutWorkbook())), 400],
    ['an unknown metadata field', async () => post(api.tokens.submitterA, runForm(runMetadata({ amount: 5 }), await payoutWorkbook())), 400],
    ['a people table that is no table name', async () => post(api.tokens.submitterA, runForm(runMetadata({ peopleTable: 'People Table!' }), await payoutWorkbook())), 400],
    ['templateVersion without templateId', async () => post(api.tokens.submitterA, runForm(runMetadata({ templateVersion: 1 }), await payoutWorkbook())), 400],
    ['a currency that is no ISO code', async () => post(api.tokens.submitterA, runForm(runMetadata({ currency: 'yuan' }), await payoutWorkbook())), 400],
    ['metadata that is not JSON', async () => post(api.tokens.submitterA, runForm('{period:', await payoutWorkbook())), 400],
    ['a file that is not a workbook', async () => post(api.tokens.submitterA, runForm(runMetadata(), Buffer.from('id,payout\nE1,100\n'))), 415],
    ['a JSON body instead of multipart', async () => post(api.tokens.submitterA, JSON.stringify(runMetadata()), { 'Content-Type': 'application/json' }), 415],
    ['a workbook over 6 MiB', async () => post(api.tokens.submitterA, runForm(runMetadata(), Buffer.alloc(6 * 1024 * 1024 + 1, 1))), 413],
  ];
  test.each(cases)('%s', async (_name, send, status) => {
    const before = await storedRuns(api.runs);
    const body = await expectProblem(await send(), status);
    if (status === 400 && body.errors) expect(body.errors.length).toBeGreaterThan(0);
    expect(await storedRuns(api.runs)).toEqual(before);
  });
});

describe('roles and tenants', () => {
  test('no token → 401, no Payouts role → 403, and nothing is stored', async () => {
    const before = await storedRuns(api.runs);
    const bytes = await payoutWorkbook(undefined, 'roles');
    await expectProblem(await post(undefined, runForm(runMetadata(), bytes)), 401);
    await expectProblem(await post(api.tokens.readerA, runForm(runMetadata(), bytes)), 403, /Payouts\.Submitter/);
    await expectProblem(await post(api.tokens.approverA, runForm(runMetadata(), bytes)), 403, /Payouts\.Submitter/);
    expect(await storedRuns(api.runs)).toEqual(before);
  });

  test('reading a run needs a Payouts role of its own organization; another tenant gets 404', async () => {
    const bytes = await payoutWorkbook(undefined, 'tenants');
    const response = await post(api.tokens.submitterA, runForm(runMetadata(), bytes));
    expect(response.status).toBe(202);
    const { id } = await response.json();

    expect((await get(api.tokens.submitterA2, id)).status).toBe(200);
    expect((await get(api.tokens.approverA, id)).status).toBe(200);
    await expectProblem(await get(undefined, id), 401);
    await expectProblem(await get(api.tokens.readerA, id), 403);
    await expectProblem(await get(api.tokens.submitterB, id), 404);
    await expectProblem(await get(api.tokens.submitterA, 'f'.repeat(32)), 404);
    await expectProblem(await get(api.tokens.submitterA, '..%2F..%2Fetc'), 404);

    // The other tenant's submission of the same bytes is its own run.
    const theirs = await post(api.tokens.submitterB, runForm(runMetadata(), bytes));
    expect(theirs.status).toBe(202);
    const their = await theirs.json();
    expect(their.id).not.toBe(id);
    await expectProblem(await get(api.tokens.submitterA, their.id), 404);
    expect((await get(api.tokens.submitterB, their.id)).status).toBe(200);
  });
});

describe('crash safety', () => {
  test('a crash between the blob and the run row leaves no visible run; the retry makes it once', async () => {
    const bytes = await payoutWorkbook(undefined, 'crash-blob');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const id = runIdFor('org-a', sha, '2025-07', 'People');
    const before = await storedRuns(api.runs);
    api.faults = {
      afterBlobWrite: () => {
        throw new Error('simulated crash after the blob');
      },
    };
    await expectProblem(await post(api.tokens.submitterA, runForm(runMetadata(), bytes)), 500);
    await expectProblem(await get(api.tokens.submitterA, id), 404);
    const crashed = await storedRuns(api.runs);
    expect(crashed.rows).toBe(before.rows);
    expect(crashed.messages).toBe(before.messages);

    api.faults = {};
    const retry = await post(api.tokens.submitterA, runForm(runMetadata(), bytes));
    expect(retry.status).toBe(202);
    expect((await retry.json()).id).toBe(id);
    expect((await get(api.tokens.submitterA, id)).status).toBe(200);
    const after = await storedRuns(api.runs);
    expect(after.blobs).toEqual(crashed.blobs); // the orphan was reused, not written again
    expect(after.rows).toBe(before.rows + 1);
    expect(after.messages).toBe(before.messages + 1);
  });

  test('a crash between the run row and the queue message: the retry sends the one message', async () => {
    const bytes = await payoutWorkbook(undefined, 'crash-row');
    const before = await storedRuns(api.runs);
    api.faults = {
      afterRunRecorded: () => {
        throw new Error('simulated crash after the row');
      },
    };
    await expectProblem(await post(api.tokens.submitterA, runForm(runMetadata(), bytes)), 500);
    const crashed = await storedRuns(api.runs);
    expect(crashed.rows).toBe(before.rows + 1);
    expect(crashed.messages).toBe(before.messages);

    api.faults = {};
    const retry = await post(api.tokens.submitterA, runForm(runMetadata(), bytes));
    expect(retry.status).toBe(200);
    const again = await post(api.tokens.submitterA, runForm(runMetadata(), bytes));
    expect(again.status).toBe(200);
    const after = await storedRuns(api.runs);
    expect(after.rows).toBe(before.rows + 1);
    expect(after.messages).toBe(before.messages + 1);
    expect(after.blobs.length).toBe(before.blobs.length + 1);
  });
});
