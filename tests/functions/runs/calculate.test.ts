/**
 * The queue-triggered calculation of payout runs (issue 13 item 2), served by the local host's
 * queue poller against Azurite with the handler app.storageQueue registers: a run is
 * recalculated by the code of `perfplan calc` and moves to `calculated` with its totals,
 * per-person results and statements (HTML, xlsx); an error cell in the payout column fails it listing those people; a
 * message delivered twice finishes the run once; a message failing 5 times goes to the poison
 * queue and the run reads `failed` with the reason.
 */
import type { QueueClient } from '@azure/storage-queue';
import ExcelJS from 'exceljs';
import { queueFunctions } from '../../../functions/src/routes';
import { startQueuePoller } from '../../../functions/src/local/queue-poller';
import { bearer, expectProblem } from '../support/api';
import { STATEMENTS } from '../../../i18n/statements';
import { RunsHarness, runForm, runMetadata, runsApiForTests, untilNotQueued } from '../support/runs';

jest.setTimeout(180_000);

let api: RunsHarness;
runsApiForTests((started) => (api = started));

/** One person of a People table: the Payout cell is a formula (`payout` is its text). */
type PersonRow = [name: string, id: string, sales: number, payout: string];

/** A People table whose Payout column is a formula per row. */
async function formulaWorkbook(people: PersonRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  sheet.addTable({
    name: 'People',
    ref: 'A1',
    columns: [{ name: 'Name' }, { name: 'Id' }, { name: 'Sales' }, { name: 'Payout' }],
    rows: people.map(([name, id, sales, payout]) => [name, id, sales, { formula: payout }]),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Submits a run of these people (a formulaWorkbook) as submitter A; its id. */
async function submit(people: PersonRow[], meta = runMetadata()): Promise<string> {
  const response = await fetch(`${api.url}/runs`, { method: 'POST', headers: bearer(api.tokens.submitterA), body: runForm(meta, await formulaWorkbook(people)) });
  expect(response.status).toBe(202);
  return (await response.json()).id;
}

async function read(id: string) {
  const response = await fetch(`${api.url}/runs/${id}`, { headers: bearer(api.tokens.submitterA) });
  expect(response.status).toBe(200);
  return response.json();
}

const settled = (id: string, timeoutMs = 90_000) => untilNotQueued(id, () => read(id), (run) => run.status, timeoutMs);

/**
 * Waits, 10 s at the most, until the queue's approximate message count is as `reached` wants;
 * then gives up quietly, leaving the verdict to the test's own expects.
 */
async function waitForCount(queue: QueueClient, reached: (count: number) => boolean): Promise<void> {
  for (let i = 0; i < 50 && !reached((await queue.getProperties()).approximateMessagesCount ?? 0); i++) await new Promise((r) => setTimeout(r, 200));
}

const calculation = () => queueFunctions(() => api.runs, api.env)[0];
let poller: { stop(): Promise<void> } | undefined;
const startPoller = () => {
  const fn = calculation();
  poller = startQueuePoller({ name: fn.name, ...fn.queues(), handler: fn.handler, maxDequeueCount: fn.maxDequeueCount, retryDelaySeconds: 0, maxPollIntervalMs: 200 });
};
afterAll(async () => {
  await poller?.stop();
});

test('a message failing 5 times goes to the poison queue and the run reads failed with the reason, in the run\'s language', async () => {
  const id = await submit([['Ann', 'E1', 1000, 'C2*0.1']], runMetadata({ period: 'poison' }));
  // Another workbook (stored blobs are shared by identical bytes), so each run loses its own.
  const zhId = await submit([['Bo', 'E2', 2000, 'C2*0.1']], runMetadata({ period: 'poison-zh', language: 'zh-CN' }));
  // The workbook blobs disappear before the calculation reads them: every delivery fails.
  for (const runId of [id, zhId]) {
    const run = await api.runs.get(runId, 'org-a');
    await api.runs.container.getBlockBlobClient(run!.workbook.blob).delete();
  }
  startPoller();
  const failed = await settled(id);
  expect(failed.status).toBe('failed');
  expect(failed.errors).toEqual([{ message: expect.stringMatching(/failed 5 times/) }]);
  const zhFailed = await settled(zhId);
  expect(zhFailed.errors).toEqual([{ message: expect.stringMatching(/^计算失败 5 次：/) }]);
  // The host moves the message to runs-poison once the run reads failed.
  await waitForCount(api.runs.poisonQueue, (count) => count > 0);
  const [poisoned] = (await api.runs.poisonQueue.peekMessages()).peekedMessageItems;
  expect(JSON.parse(Buffer.from(poisoned.messageText, 'base64').toString())).toEqual({ tenantId: 'org-a', id });
  expect((await api.runs.queue.getProperties()).approximateMessagesCount).toBe(0);
});

test('a run is recalculated by calc/ and moves to calculated with its totals and per-person results', async () => {
  const id = await submit([
    ['Ann', 'E1', 1000, 'C2*0.1'],
    ['Ben', 'E2', 2500.5, 'C3*0.1+50'],
    ['Cai', 'E3', 0, 'IF(C4>0,C4*0.1,0)'],
  ]);
  const run = await settled(id);
  expect(run).toMatchObject({ id, status: 'awaiting-approval', totals: { payout: 400.05, people: 3 } });
  expect(run.errors).toBeUndefined();
  const stored = await api.runs.get(id, 'org-a');
  const results = (await api.runs.results(stored!)) as { people: Array<{ name: string; id?: string; payout: unknown; period?: string; statement: string }> };
  expect(results.people.map((p) => [p.name, p.id, p.payout, p.period, p.statement])).toEqual([
    ['Ann', 'E1', 100, '2025-07', 'row-2'],
    ['Ben', 'E2', 300.05, '2025-07', 'row-3'],
    ['Cai', 'E3', 0, '2025-07', 'row-4'],
  ]);
  // Each person's statement, made as `perfplan statements` makes it: HTML and xlsx.
  const html = (await api.runs.statement(stored!, 'row-3', 'html'))!.toString('utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).toContain('Ben');
  expect(html).toContain('300.05');
  const xlsx = (await api.runs.statement(stored!, 'row-3', 'xlsx'))!;
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.load(xlsx as unknown as ArrayBuffer);
  expect(JSON.stringify(sheet.worksheets[0].getSheetValues())).toContain('Ben');
  expect(await api.runs.statement(stored!, 'row-9', 'html')).toBeUndefined();
  expect(await api.runs.statement(stored!, '../results', 'html')).toBeUndefined();

  // The same message again (a duplicate delivery, or a worker killed after finishing): nothing changes.
  await api.runs.queue.sendMessage(Buffer.from(JSON.stringify({ tenantId: 'org-a', id })).toString('base64'));
  await waitForCount(api.runs.queue, (count) => count === 0);
  expect(await read(id)).toEqual(run);
});

test('an error cell in the payout column fails the run, listing those people', async () => {
  const id = await submit(
    [
      ['Ann', 'E1', 1000, 'C2*0.1'],
      ['Ben', 'E2', 0, '1/C3'],
      ['Cai', 'E3', 5, 'NA()'],
    ],
    runMetadata({ period: '2025-08' }),
  );
  const run = await settled(id);
  expect(run.status).toBe('failed');
  expect(run.totals).toBeNull();
  expect(run.errors).toEqual([
    { person: 'Ben', cell: 'People!D3', message: expect.stringMatching(/^#DIV\/0!/) },
    { person: 'Cai', cell: 'People!D4', message: expect.stringMatching(/^#N\/A/) },
  ]);
});

test('in a zh-CN run, a refused person without a name is pointed at by their row, in Chinese', async () => {
  const id = await submit(
    [
      ['Ann', 'E1', 1000, 'C2*0.1'],
      ['', 'E2', 0, '1/C3'],
    ],
    runMetadata({ period: '2025-08-zh', language: 'zh-CN' }),
  );
  const run = await settled(id);
  expect(run.status).toBe('failed');
  expect(run.errors).toEqual([{ person: expect.stringMatching(/^第 \d+ 行$/), cell: 'People!D3', message: expect.stringMatching(/^#DIV\/0!/) }]);
});

test('a payout column the people table does not have fails the run with the reason', async () => {
  const id = await submit([['Ann', 'E1', 1000, 'C2*0.1']], runMetadata({ period: '2025-09', payoutColumn: 'Bonus' }));
  const run = await settled(id);
  expect(run.status).toBe('failed');
  expect(run.errors).toEqual([{ message: expect.stringMatching(/Bonus/) }]);
});

test('GET /api/runs/{id}/results and /statements/{person}: per-person results and statements, scoped and role-checked', async () => {
  const id = await submit(
    [
      ['Ann', 'E1', 1000, 'C2*0.1'],
      ['<b>Ben</b>', 'E2', 2000, 'C3*0.1'],
    ],
    runMetadata({ period: '2025-10' }),
  );
  const get = (token: string, path: string) => fetch(`${api.url}/runs/${id}${path}`, { headers: bearer(token) });
  // Before the calculation has finished there are no results (409), afterwards there are.
  const early = await get(api.tokens.submitterA, '/results');
  expect([200, 409]).toContain(early.status);
  if (early.status === 409) await expectProblem(early, 409, /has no results/);
  expect((await settled(id)).status).toBe('awaiting-approval');

  const results = await get(api.tokens.approverA, '/results');
  expect(results.status).toBe(200);
  const body = await results.json();
  expect(body.people.map((p: { name: string; statement: string; payout: number }) => [p.name, p.statement, p.payout])).toEqual([
    ['Ann', 'row-2', 100],
    ['<b>Ben</b>', 'row-3', 200],
  ]);

  const html = await get(api.tokens.submitterA, '/statements/row-3');
  expect(html.status).toBe(200);
  expect(html.headers.get('content-type')).toMatch(/^text\/html/);
  expect(html.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
  const text = await html.text();
  expect(text).toContain('&lt;b&gt;Ben&lt;/b&gt;');
  expect(text).not.toContain('<b>Ben</b>');
  // By the person's id too, and as xlsx.
  const xlsx = await get(api.tokens.submitterA, '/statements/E1?format=xlsx');
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
  expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="statement-row-2.xlsx"');
  expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

  await expectProblem(await get(api.tokens.submitterA, '/statements/row-9'), 404);
  await expectProblem(await get(api.tokens.submitterA, '/statements/row-2?format=pdf'), 400);
  await expectProblem(await get(api.tokens.submitterB, '/statements/row-2'), 404);
  await expectProblem(await get(api.tokens.submitterB, '/results'), 404);
  await expectProblem(await get(api.tokens.readerA, '/results'), 403, /requires the app role Payouts\.Submitter or Payouts\.Approver/);
});

test('a run submitted in zh-CN has its statements in Chinese, and says its language', async () => {
  const id = await submit([['Ann', 'E1', 1000, 'C2*0.1']], runMetadata({ period: '2025-11', language: 'zh-CN' }));
  const run = await settled(id);
  expect(run).toMatchObject({ status: 'awaiting-approval', language: 'zh-CN' });
  const html = await (await fetch(`${api.url}/runs/${id}/statements/row-2`, { headers: bearer(api.tokens.submitterA) })).text();
  expect(html).toContain(STATEMENTS.title['zh-CN']);
  expect(html).not.toContain(STATEMENTS.title['en-US']);
  // A language the API does not speak is refused before anything is stored.
  const refused = await fetch(`${api.url}/runs`, { method: 'POST', headers: bearer(api.tokens.submitterA), body: runForm(runMetadata({ period: '2025-12', language: 'fr-FR' }), await formulaWorkbook([['Ann', 'E1', 1, 'C2']])) });
  expect((await expectProblem(refused, 400)).errors).toEqual([expect.objectContaining({ path: 'language' })]);
});
