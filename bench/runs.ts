/**
 * `npm run bench -- --only=runs`: payout runs through the API as deployed, on one machine — the
 * local host (the route table and the queue-triggered calculation, polling as host.json says)
 * on a real Azurite. The workbook is the payout benchmark's People sheet as an Excel Table
 * (TIERED, SCORECARD and PAYOUT spilled beside it; the payout is `bonus`).
 *
 *  - One run of 1,000 people: submit → awaiting approval (stored: the workbook, 1,000 HTML and
 *    1,000 xlsx statements, the results, the payroll CSV and xlsx, the audit), beside the same
 *    calculation in-process with no storage (calculateRun), measured in the same run.
 *  - A month-end close: 20 regional workbooks of 200 people submitted at once, until every one
 *    awaits approval; runs per minute with host.json's concurrency (batchSize + newBatchThreshold).
 *  - Approval: 20 approvals (If-Match, transaction with the audit entry), latency p50 and max.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startAzurite } from '../dev/azurite';
import { loadOrCreateLocalIssuer } from '../dev/local-issuer';
import { createDependencies } from '../functions/src/dependencies';
import { queueSettingsFromHostJson } from '../functions/src/local/host-json';
import { startLocalHost } from '../functions/src/local/host';
import { queueFunctions, routeTable } from '../functions/src/routes';
import { tierRole } from '../functions/src/runs/approval';
import { calculateRun } from '../functions/src/runs/calculate';
import { APPROVER_ROLE, SUBMITTER_ROLE } from '../functions/src/runs/model';
import { createRunStore } from '../functions/src/runs/store';
import { nodeCodec } from '../workbook/node-codec';
import { withTables } from '../workbook/table-writer';
import { freePort } from './api';
import { TARGET_INCENTIVE, makeData } from './payout-run';
import { PEOPLE_HEADER, writePayoutWorkbook } from './payout-workbook';
import { fmt } from './fmt';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The payout workbook of `people` people (seeded by `seed`), its rows an Excel Table named People. */
async function peopleWorkbook(dir: string, people: number, seed: number): Promise<Buffer> {
  const file = path.join(dir, `people-${people}-${seed}.xlsx`);
  await writePayoutWorkbook(file, makeData(people, seed), true, TARGET_INCENTIVE);
  const columns = PEOPLE_HEADER.slice(0, 11).map((name) => ({ name }));
  return Buffer.from(withTables(fs.readFileSync(file), nodeCodec, [{ name: 'People', sheet: 'People', ref: `A1:K${people + 1}`, columns, totalsRow: false }]));
}

export async function runsBenchmark(log: (line?: string) => void): Promise<void> {
  log('## Payout runs through the API (local host + queue poller on Azurite)');
  log('');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-bench-runs-'));
  const [blobPort, tablePort, queuePort] = [await freePort(), await freePort(), await freePort()];
  const azurite = await startAzurite({ inMemory: true, blobPort, tablePort, queuePort });
  const env = { PERFPLAN_STORAGE: azurite.connectionString, PERFPLAN_LOCAL_ISSUER_DIR: dir, PERFPLAN_STORAGE_TIMEOUT_MS: '30000' };
  const deps = createDependencies(env);
  const runs = createRunStore(deps.clients, env);
  const polling = queueSettingsFromHostJson();
  const host = await startLocalHost({
    routes: routeTable(() => deps, () => runs),
    queues: queueFunctions(() => runs, env),
    queuePolling: { batchSize: polling.batchSize, retryDelaySeconds: polling.retryDelaySeconds, maxPollIntervalMs: 100 },
    allowedOrigins: [],
    port: 0,
    log: () => undefined,
  });
  const issuer = await loadOrCreateLocalIssuer(dir);
  const submitter = await issuer.mintToken({ roles: [SUBMITTER_ROLE], tid: 'bench', sub: 'maker' });
  const approver = await issuer.mintToken({ roles: [APPROVER_ROLE, tierRole(1), tierRole(2), tierRole(3)], tid: 'bench', sub: 'checker' });
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const submit = async (bytes: Buffer, period: string): Promise<string> => {
    const form = new FormData();
    form.set('metadata', JSON.stringify({ period, peopleTable: 'People', payoutColumn: 'bonus', currency: 'CNY' }));
    form.set('file', new Blob([new Uint8Array(bytes)], { type: XLSX }), 'people.xlsx');
    const response = await fetch(`${host.url}/runs`, { method: 'POST', headers: auth(submitter), body: form });
    if (response.status !== 202) throw new Error(`submit: ${response.status} ${await response.text()}`);
    return (await response.json()).id;
  };
  const settled = async (id: string): Promise<{ run: { status: string; totals: { payout: number; people: number } | null; errors?: unknown }; etag: string }> => {
    for (;;) {
      const response = await fetch(`${host.url}/runs/${id}`, { headers: auth(submitter) });
      const run = await response.json();
      if (run.status !== 'queued') return { run, etag: response.headers.get('etag')! };
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  try {
    // One run of 1,000 people, beside the calculation alone.
    const thousand = await peopleWorkbook(dir, 1000, 42);
    const anchorStart = process.hrtime.bigint();
    const alone = await calculateRun(thousand, { peopleTable: 'People', payoutColumn: 'bonus', period: 'anchor' });
    const anchorMs = Number(process.hrtime.bigint() - anchorStart) / 1e6;
    const start = process.hrtime.bigint();
    const id = await submit(thousand, '2025-07');
    const { run } = await settled(id);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    log('| what | wall time | result | anchor | ratio |');
    log('|---|---:|---|---:|---:|');
    const totals = alone.status === 'calculated' ? alone.totals : undefined;
    log(
      `| 1 run, 1,000 people: submit → awaiting approval | ${fmt(ms)} ms | ${run.status}, ${fmt(run.totals?.people ?? 0)} people, total ${fmt(run.totals?.payout ?? 0, 2)} | calculateRun in-process, no storage: ${fmt(anchorMs)} ms (total ${fmt(totals?.payout ?? 0, 2)}) | ${fmt(ms / anchorMs, 2)}× |`,
    );

    // A month-end close: 20 regional workbooks at once.
    const books = await Promise.all(Array.from({ length: 20 }, (_, i) => peopleWorkbook(dir, 200, 100 + i)));
    const closeStart = process.hrtime.bigint();
    const ids = await Promise.all(books.map((bytes, i) => submit(bytes, `2025-07 region ${i + 1}`)));
    const finished = await Promise.all(ids.map(settled));
    const closeMs = Number(process.hrtime.bigint() - closeStart) / 1e6;
    const ok = finished.filter((f) => f.run.status === 'awaiting-approval').length;
    log(
      `| 20 runs × 200 people submitted at once → all awaiting approval | ${fmt(closeMs)} ms | ${ok} of 20 awaiting approval; ${fmt((20 / closeMs) * 60_000, 1)} runs/min at ${polling.batchSize} at once (host.json) | | |`,
    );

    // Approvals.
    const latencies: number[] = [];
    for (const f of finished) {
      const approveStart = process.hrtime.bigint();
      const response = await fetch(`${host.url}/runs/${(f.run as unknown as { id: string }).id}/approve`, {
        method: 'POST',
        headers: { ...auth(approver), 'Content-Type': 'application/json', 'If-Match': f.etag },
        body: JSON.stringify({ comment: 'bench' }),
      });
      latencies.push(Number(process.hrtime.bigint() - approveStart) / 1e6);
      if (response.status !== 200) throw new Error(`approve: ${response.status} ${await response.text()}`);
    }
    latencies.sort((a, b) => a - b);
    log(`| 20 approvals (If-Match, audit entry in the same transaction) | p50 ${fmt(latencies[10], 1)} ms, max ${fmt(latencies[19], 1)} ms | 20 of 20 approved | | |`);
    log('');
    log(`Load average (1 min) at the end: ${fmt(os.loadavg()[0], 1)}; ${os.cpus().length} cores.`);
    log('');
  } finally {
    await host.close();
    await azurite.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
