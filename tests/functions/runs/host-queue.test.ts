/**
 * The local host serving the queue-triggered calculation (as under `npm start`): a run
 * submitted over HTTP is calculated by the host's own poller; and a worker that took the
 * message and died (it never deleted it) leaves the message to reappear once its visibility
 * timeout lapses, after which the run finishes once.
 */
import ExcelJS from 'exceljs';
import { bearer } from '../support/api';
import { RunsHarness, runForm, runMetadata, startRunsApi, untilNotQueued } from '../support/runs';

jest.setTimeout(180_000);

let api: RunsHarness;
afterEach(async () => {
  await api?.close();
});

async function workbook(label: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('People').addTable({
    name: 'People',
    ref: 'A1',
    columns: [{ name: 'Name' }, { name: 'Sales' }, { name: 'Payout' }],
    rows: [
      ['Ann', 1000, { formula: 'B2*0.1' }],
      ['Ben', 2000, { formula: 'B3*0.1' }],
    ],
  });
  book.addWorksheet('Notes').getCell('A1').value = label;
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function settled(id: string, timeoutMs = 90_000) {
  const read = async () => (await fetch(`${api.url}/runs/${id}`, { headers: bearer(api.tokens.approverA) })).json();
  return untilNotQueued(id, read, (run) => run.status, timeoutMs);
}

test('the host calculates what is submitted to it', async () => {
  api = await startRunsApi({ calculate: true });
  const response = await fetch(`${api.url}/runs`, { method: 'POST', headers: bearer(api.tokens.submitterA), body: runForm(runMetadata(), await workbook('host')) });
  expect(response.status).toBe(202);
  const { id } = await response.json();
  expect(await settled(id)).toMatchObject({ id, status: 'awaiting-approval', totals: { payout: 300, people: 2 } });
});

test('a worker killed mid-run: the message reappears and the run finishes once', async () => {
  // Submitted with no calculation running, so the test can play the worker that dies.
  const submitter = (api = await startRunsApi());
  const response = await fetch(`${submitter.url}/runs`, { method: 'POST', headers: bearer(submitter.tokens.submitterA), body: runForm(runMetadata(), await workbook('killed')) });
  expect(response.status).toBe(202);
  const { id } = await response.json();
  // The dying worker: takes the message for 2 s and never deletes it.
  const taken = await submitter.runs.queue.receiveMessages({ numberOfMessages: 1, visibilityTimeout: 2 });
  expect(taken.receivedMessageItems).toHaveLength(1);
  expect((await submitter.runs.get(id, 'org-a'))?.status).toBe('queued');

  // A new host on the same storage picks the message up once it reappears.
  const { createRunStore } = await import('../../../functions/src/runs/store');
  const { queueFunctions } = await import('../../../functions/src/routes');
  const { startQueuePoller } = await import('../../../functions/src/local/queue-poller');
  const runs = createRunStore(submitter.deps.clients, submitter.env);
  const fn = queueFunctions(() => runs, submitter.env)[0];
  const dequeues: number[] = [];
  const poller = startQueuePoller({
    name: fn.name,
    ...fn.queues(),
    handler: async (message, context) => {
      dequeues.push(Number(context.triggerMetadata?.dequeueCount));
      await fn.handler(message, context);
    },
    retryDelaySeconds: 0,
    maxPollIntervalMs: 200,
  });
  try {
    const run = await settled(id);
    expect(run).toMatchObject({ status: 'awaiting-approval', totals: { payout: 300, people: 2 } });
    expect(dequeues).toEqual([2]);
    expect((await runs.queue.getProperties()).approximateMessagesCount).toBe(0);
  } finally {
    await poller.stop();
  }
});
