/**
 * Payout runs from submission to payroll (issue 13 items 3–4), on Azurite through the local
 * host with the queue-triggered calculation: the amount routes the run to the plan documents'
 * tiers (department ≤ 100,000; finance ≤ 1,000,000; executive above — the performance plan's
 * three tiers set by amount with a 48-hour limit), maker-checker, one approver per level, two
 * approvers at once (one wins, the other 412), the payroll released only after approval, and
 * an audit chain that finds entries edited or removed directly in the table.
 */
import { bearer, expectProblem } from '../support/api';
import { RunsHarness, payoutWorkbook, runForm, runMetadata, runsApiForTests, untilNotQueued } from '../support/runs';

jest.setTimeout(240_000);

let api: RunsHarness;
runsApiForTests((started) => (api = started), { calculate: true });

const get = (token: string, id: string, path = '') => fetch(`${api.url}/runs/${id}${path}`, { headers: bearer(token) });

async function submitted(rows: Array<[string, string, number | string]>, meta: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${api.url}/runs`, {
    method: 'POST',
    headers: bearer(api.tokens.submitterA),
    body: runForm(runMetadata({ period: `2025-07 ${Math.random().toString(36).slice(2, 8)}`, ...meta }), await payoutWorkbook(rows)),
  });
  expect(response.status).toBe(202);
  return (await response.json()).id;
}

/** The run once calculated (no longer queued), with its ETag. */
async function calculated(id: string, timeoutMs = 120_000): Promise<{ run: any; etag: string }> {
  const read = async () => {
    const response = await get(api.tokens.submitterA, id);
    expect(response.status).toBe(200);
    return { run: await response.json(), etag: response.headers.get('etag')! };
  };
  return untilNotQueued(id, read, ({ run }) => run.status, timeoutMs);
}

const decide = (token: string, id: string, kind: 'approve' | 'reject', etag: string | undefined, body: unknown = {}) =>
  fetch(`${api.url}/runs/${id}/${kind}`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) },
    body: JSON.stringify(body),
  });

test('the whole life of a run: queued → calculated → awaiting approval → approved → exported, every step in a verified audit', async () => {
  const id = await submitted([
    ['E1', 'Ann', 1000],
    ['E2', 'Ben', 2500.5],
  ]);
  const { run, etag } = await calculated(id);
  expect(run).toMatchObject({ status: 'awaiting-approval', tier: 1, totals: { payout: 3500.5, people: 2 }, overdue: false, payroll: { rows: 2, total: 3500.5 } });
  expect(run.steps).toEqual([{ level: 1, name: 'department', status: 'pending', startedAt: expect.any(String), dueAt: expect.any(String), overdue: false }]);
  expect(Date.parse(run.steps[0].dueAt) - Date.parse(run.steps[0].startedAt)).toBe(48 * 3600 * 1000);

  // No payroll before approval.
  await expectProblem(await get(api.tokens.submitterA, id, '/payroll'), 409, /released once it is approved/);

  const approved = await decide(api.tokens.approverA, id, 'approve', etag, { comment: '核对无误' });
  expect(approved.status).toBe(200);
  const after = await approved.json();
  expect(approved.headers.get('etag')).not.toBe(etag);
  // The ETag the decision answers with is the run's current one (what a GET gives).
  expect(approved.headers.get('etag')).toBe((await get(api.tokens.approverA, id)).headers.get('etag'));
  expect(after).toMatchObject({ status: 'approved', tier: 1 });
  expect(after.steps[0]).toMatchObject({
    status: 'approved',
    comment: '核对无误',
    decidedBy: { sub: 'carol', tid: 'org-a', oid: 'oid-carol', name: 'Carol Chen' },
    decidedAt: expect.any(String),
  });

  // The payroll, as `perfplan export` writes it: UTF-8 with a BOM, the derived columns, the total to the cent.
  const csv = await get(api.tokens.submitterA, id, '/payroll');
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="payroll-2025-07-/);
  const bytes = Buffer.from(await csv.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual(['工号,姓名,所属期间,应发金额', `E1,Ann,${run.period},1000.00`, `E2,Ben,${run.period},2500.50`, '']);
  const exported = await (await get(api.tokens.submitterA, id)).json();
  expect(exported.status).toBe('exported');
  // Still downloadable (as xlsx too) after the first export; the export is recorded once.
  const xlsx = await get(api.tokens.approverA, id, '/payroll?format=xlsx');
  expect(xlsx.status).toBe(200);
  expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  await expectProblem(await get(api.tokens.approverA, id, '/payroll?format=pdf'), 400);

  const audit = await (await get(api.tokens.approverA, id, '/audit')).json();
  expect(audit.verified).toBe(true);
  expect(audit.problems).toBeUndefined();
  expect(audit.entries.map((e: any) => [e.seq, e.action, e.before, e.after, e.actor.sub])).toEqual([
    [1, 'submit', null, 'queued', 'alice'],
    [2, 'calculate', 'queued', 'calculated', 'perfplan:runsCalculate'],
    [3, 'route', 'calculated', 'awaiting-approval', 'perfplan:runsCalculate'],
    [4, 'approve', 'awaiting-approval', 'approved', 'carol'],
    [5, 'export', 'approved', 'exported', 'alice'],
  ]);
  expect(audit.entries[0].detail.workbookSha256).toBe(run.workbook.sha256);
  expect(audit.entries[3]).toMatchObject({ actor: { oid: 'oid-carol', name: 'Carol Chen', tid: 'org-a' }, detail: { level: 1, comment: '核对无误' } });
  expect(audit.entries[4].detail.payrollSha256).toMatch(/^[0-9a-f]{64}$/);
  for (let i = 1; i < audit.entries.length; i++) expect(audit.entries[i].previousHash).toBe(audit.entries[i - 1].hash);

  // Another organization sees none of it.
  await expectProblem(await get(api.tokens.submitterB, id, '/audit'), 404);
  await expectProblem(await get(api.tokens.submitterB, id, '/payroll'), 404);
  await expectProblem(await decide(api.tokens.approverB, id, 'approve', etag), 404);
});

test('maker-checker: the submitter never approves their own run, whatever roles they hold; who may decide is checked', async () => {
  const id = await submitted([['E1', 'Ann', 500]]);
  const { etag } = await calculated(id);
  expect((await expectProblem(await decide(api.tokens.submitterApproverA, id, 'approve', etag), 403, /You submitted this run/)).type).toBe('urn:perfplan:problem:runs:maker-checker');
  await expectProblem(await decide(api.tokens.submitterA2, id, 'approve', etag), 403, /Payouts\.Approver/);
  await expectProblem(await decide(api.tokens.readerA, id, 'approve', etag), 403);
  await expectProblem(await decide(api.tokens.approverA, id, 'approve', undefined), 428, /If-Match/);
  await expectProblem(await decide(api.tokens.approverA, id, 'reject', etag, {}), 400);
  await expectProblem(await decide(api.tokens.approverA, id, 'approve', etag, { comment: 'x'.repeat(1001) }), 400);
  await expectProblem(await decide(api.tokens.approverA, id, 'approve', etag, { comment: 'ok', extra: 1 }), 400);
  // None of the refusals changed the run.
  const { run } = await calculated(id);
  expect(run.status).toBe('awaiting-approval');
  expect((await (await get(api.tokens.approverA, id, '/audit')).json()).entries).toHaveLength(3);

  const rejected = await decide(api.tokens.approverA, id, 'reject', etag, { comment: '期间不对 wrong period' });
  expect(rejected.status).toBe(200);
  expect((await rejected.json()).status).toBe('rejected');
  await expectProblem(await get(api.tokens.submitterA, id, '/payroll'), 409);
  await expectProblem(await decide(api.tokens.approverA2, id, 'approve', rejected.headers.get('etag')!), 409, /not awaiting approval/);
});

test('tier routing at the boundaries: 100,000.00 needs the department; 100,000.01 finance too; 1,000,000.01 the executive', async () => {
  const [atFirst, overFirst, overSecond] = await Promise.all([
    submitted([['E1', 'Ann', 60_000], ['E2', 'Ben', 40_000]]),
    submitted([['E1', 'Ann', 60_000], ['E2', 'Ben', 40_000.01]]),
    submitted([['E1', 'Ann', 1_000_000], ['E2', 'Ben', 0.01]]),
  ]);
  const tiers = await Promise.all([atFirst, overFirst, overSecond].map(async (id) => (await calculated(id)).run));
  expect(tiers.map((r) => [r.totals.payout, r.tier, r.steps.map((s: any) => `${s.name}:${s.status}`).join(' ')])).toEqual([
    [100_000, 1, 'department:pending'],
    [100_000.01, 2, 'department:pending finance:waiting'],
    [1_000_000.01, 3, 'department:pending finance:waiting executive:waiting'],
  ]);

  // Level by level: each needs its tier's role, and another person than the level before.
  let { etag } = await calculated(overSecond);
  let response = await decide(api.tokens.approverA2, overSecond, 'approve', etag, { comment: 'dept ok' });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'awaiting-approval', steps: [{ status: 'approved' }, { status: 'pending', dueAt: expect.any(String) }, { status: 'waiting' }] });
  etag = response.headers.get('etag')!;
  expect((await expectProblem(await decide(api.tokens.approverA, overSecond, 'approve', etag), 403, /Payouts\.Approver\.Tier2/)).type).toBe('urn:perfplan:problem:runs:level-role');
  expect((await expectProblem(await decide(api.tokens.approverA2, overSecond, 'approve', etag), 403, /You decided level 1/)).type).toBe('urn:perfplan:problem:runs:one-level-per-person');
  response = await decide(api.tokens.approverA3, overSecond, 'approve', etag, { comment: 'finance ok' });
  expect(response.status).toBe(200);
  etag = response.headers.get('etag')!;
  await expectProblem(await decide(api.tokens.approverA3, overSecond, 'approve', etag), 403, /You decided level 2/);
  await expectProblem(await get(api.tokens.submitterA, overSecond, '/payroll'), 409);
});

test('two approvers at once: one wins, the other gets 412; a stale ETag gets 412', async () => {
  const id = await submitted([['E1', 'Ann', 700]]);
  const { etag } = await calculated(id);
  const answers = await Promise.all([
    decide(api.tokens.approverA, id, 'approve', etag, { comment: 'first' }),
    decide(api.tokens.approverA1b, id, 'reject', etag, { comment: 'second' }),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
  const loser = answers.find((a) => a.status === 412)!;
  await expectProblem(loser, 412, /changed since you read it/);
  const audit = await (await get(api.tokens.approverA, id, '/audit')).json();
  expect(audit.verified).toBe(true);
  expect(audit.entries.filter((e: any) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);

  const other = await submitted([['E1', 'Ann', 800]]);
  const { etag: first } = await calculated(other);
  await expectProblem(await decide(api.tokens.approverA, other, 'approve', 'W/"datetime\'2020-01-01T00%3A00%3A00.0000000Z\'"'), 412);
  expect((await decide(api.tokens.approverA, other, 'approve', first)).status).toBe(200);
});

test('an audit entry edited or removed directly in the table is reported as broken', async () => {
  const id = await submitted([['E1', 'Ann', 900]]);
  const { etag } = await calculated(id);
  expect((await decide(api.tokens.approverA, id, 'approve', etag, { comment: 'fine' })).status).toBe(200);
  const partition = (await api.runs.get(id, 'org-a'))!;
  const rows: any[] = [];
  for await (const e of api.runs.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `RowKey gt '~${id}-' and RowKey lt '~${id}.'` } })) rows.push(e);
  expect(rows).toHaveLength(4);
  const approveRow = rows.find((r) => r.action === 'approve');

  // Someone with the storage key softens the comment and the approver's name.
  await api.runs.table.updateEntity({ partitionKey: approveRow.partitionKey, rowKey: approveRow.rowKey, detail: JSON.stringify({ level: 1, comment: 'approved by the CFO' }) }, 'Merge');
  let audit = await (await get(api.tokens.approverA, id, '/audit')).json();
  expect(audit.verified).toBe(false);
  expect(audit.problems).toEqual([{ seq: 4, message: expect.stringMatching(/content does not match its hash/) }]);

  // … puts it back, then removes the calculation entry.
  await api.runs.table.updateEntity({ partitionKey: approveRow.partitionKey, rowKey: approveRow.rowKey, detail: approveRow.detail }, 'Merge');
  expect((await (await get(api.tokens.approverA, id, '/audit')).json()).verified).toBe(true);
  const calculateRow = rows.find((r) => r.action === 'calculate');
  await api.runs.table.deleteEntity(calculateRow.partitionKey, calculateRow.rowKey);
  audit = await (await get(api.tokens.approverA, id, '/audit')).json();
  expect(audit.verified).toBe(false);
  expect(audit.problems.map((p: any) => p.message).join(' ')).toMatch(/entry 2 is missing/);
  expect(audit.entries.map((e: any) => e.seq)).toEqual([1, 3, 4]);

  // Removing the last entry too is found by the head the run keeps.
  const other = await submitted([['E1', 'Ann', 901]]);
  await calculated(other);
  const last: any[] = [];
  for await (const e of api.runs.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `RowKey gt '~${other}-' and RowKey lt '~${other}.'` } })) last.push(e);
  const route = last.find((r) => r.action === 'route');
  await api.runs.table.deleteEntity(route.partitionKey, route.rowKey);
  audit = await (await get(api.tokens.approverA, other, '/audit')).json();
  expect(audit).toMatchObject({ verified: false, problems: [{ seq: 3, message: expect.stringMatching(/entries were removed/) }] });
  expect(partition.auditHead).toEqual({ seq: 4, hash: rows.find((r) => r.action === 'approve').hash });
});
