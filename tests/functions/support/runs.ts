/**
 * A running API for the payout-run tests: the route table behind the local host, on the
 * shared Azurite (a unique prefix per harness), with a RunStore whose faults a test can set,
 * and tokens for submitters, an approver and a caller without a Payouts role in two tenants.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadOrCreateLocalIssuer, LocalIssuer } from '../../../dev/local-issuer';
import { createDependencies, Dependencies } from '../../../functions/src/dependencies';
import { LocalHost, startLocalHost } from '../../../functions/src/local/host';
import { queueFunctions, routeTable } from '../../../functions/src/routes';
import { tierRole } from '../../../functions/src/runs/approval';
import { APPROVER_ROLE, SUBMITTER_ROLE } from '../../../functions/src/runs/model';
import { RunStore, RunStoreFaults, createRunStore } from '../../../functions/src/runs/store';
import { testStorage, uniquePrefix } from './azurite';

export interface RunsHarness {
  /** The API base, ending in /api. */
  url: string;
  deps: Dependencies;
  runs: RunStore;
  /** Set to inject crashes into the store (cleared by assigning {}). */
  faults: RunStoreFaults;
  issuer: LocalIssuer;
  env: Record<string, string>;
  tokens: {
    submitterA: string;
    submitterA2: string;
    /** Approves level 1 (department). */
    approverA: string;
    /** Another level-1 approver (two at once). */
    approverA1b: string;
    /** Approves levels 1–2 (finance). */
    approverA2: string;
    /** Approves levels 1–3 (executive). */
    approverA3: string;
    /** alice, the submitter, who also holds every approver role. */
    submitterApproverA: string;
    readerA: string;
    submitterB: string;
    /** An approver of every level in org-b. */
    approverB: string;
  };
  close(): Promise<void>;
}

export interface RunsApiOptions {
  calculate?: boolean;
  visibilityTimeoutSeconds?: number;
}

/**
 * One runs API for all the tests of a file: started before them and handed to `use` (which
 * keeps it in the file's `api`), closed after them.
 */
export function runsApiForTests(use: (api: RunsHarness) => void, options: RunsApiOptions = {}): void {
  let started: RunsHarness | undefined;
  beforeAll(async () => {
    started = await startRunsApi(options);
    use(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}

/**
 * `calculate: true` serves the queue-triggered calculation too (the host's queue poller, with
 * no retry delay and fast polling); without it, messages stay on the queue for the test to see.
 */
export async function startRunsApi(options: RunsApiOptions = {}): Promise<RunsHarness> {
  const storage = await testStorage();
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-issuer-'));
  const env = {
    PERFPLAN_STORAGE: storage.connectionString,
    PERFPLAN_STORAGE_PREFIX: uniquePrefix(),
    PERFPLAN_LOCAL_ISSUER_DIR: issuerDir,
    PERFPLAN_PUBLIC_READ: 'true',
    // A loaded shared machine: the default 4 s per operation is for answering users, not for tests.
    PERFPLAN_STORAGE_TIMEOUT_MS: '20000',
  };
  const deps = createDependencies(env);
  const harness = { faults: {} as RunStoreFaults } as RunsHarness;
  const faults: RunStoreFaults = {
    afterBlobWrite: (info) => harness.faults.afterBlobWrite?.(info),
    afterRunRecorded: (info) => harness.faults.afterRunRecorded?.(info),
  };
  const runs = createRunStore(deps.clients, env, { faults });
  const issuer = await loadOrCreateLocalIssuer(issuerDir);
  const host: LocalHost = await startLocalHost({
    routes: routeTable(() => deps, () => runs),
    allowedOrigins: [],
    port: 0,
    log: () => undefined,
    ...(options.calculate
      ? {
          queues: queueFunctions(() => runs, env),
          queuePolling: { retryDelaySeconds: 0, maxPollIntervalMs: 200, visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 60 },
        }
      : {}),
  });
  Object.assign(harness, {
    url: host.url,
    deps,
    runs,
    issuer,
    env,
    tokens: {
      submitterA: await issuer.mintToken({ roles: [SUBMITTER_ROLE], tid: 'org-a', sub: 'alice' }),
      submitterA2: await issuer.mintToken({ roles: [SUBMITTER_ROLE], tid: 'org-a', sub: 'bob' }),
      approverA: await issuer.mintToken({ roles: [APPROVER_ROLE, tierRole(1)], tid: 'org-a', sub: 'carol', oid: 'oid-carol', name: 'Carol Chen' }),
      approverA1b: await issuer.mintToken({ roles: [APPROVER_ROLE, tierRole(1)], tid: 'org-a', sub: 'heidi', oid: 'oid-heidi', name: 'Heidi He' }),
      approverA2: await issuer.mintToken({ roles: [APPROVER_ROLE, tierRole(1), tierRole(2)], tid: 'org-a', sub: 'frank', oid: 'oid-frank', name: '方芳' }),
      approverA3: await issuer.mintToken({ roles: [APPROVER_ROLE, tierRole(1), tierRole(2), tierRole(3)], tid: 'org-a', sub: 'grace', oid: 'oid-grace', name: 'Grace Gu' }),
      submitterApproverA: await issuer.mintToken({ roles: [SUBMITTER_ROLE, APPROVER_ROLE, tierRole(1), tierRole(2), tierRole(3)], tid: 'org-a', sub: 'alice' }),
      readerA: await issuer.mintToken({ tid: 'org-a', sub: 'dave' }),
      submitterB: await issuer.mintToken({ roles: [SUBMITTER_ROLE], tid: 'org-b', sub: 'erin' }),
      approverB: await issuer.mintToken({ roles: [APPROVER_ROLE, tierRole(1), tierRole(2), tierRole(3)], tid: 'org-b', sub: 'ivan' }),
    },
    close: async () => {
      await host.close();
      await storage.release();
      fs.rmSync(issuerDir, { recursive: true, force: true });
    },
  });
  return harness;
}

/** A small payout workbook: a People table (id, name, payout) with `rows` people. */
export async function payoutWorkbook(rows: Array<[string, string, number | string]> = [['E1', 'Ann', 1000], ['E2', 'Ben', 2500.5]], label = 'plan'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  sheet.addTable({
    name: 'People',
    ref: 'A1',
    columns: [{ name: 'Id' }, { name: 'Name' }, { name: 'Payout' }],
    rows: rows.map((r) => [...r]),
  });
  workbook.addWorksheet('Notes').getCell('A1').value = label;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function runMetadata(overrides: Record<string, unknown> = {}) {
  return { period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY', ...overrides };
}

export function runForm(meta: unknown, bytes: Buffer, filename = 'payout.xlsx'): FormData {
  const form = new FormData();
  form.set('metadata', typeof meta === 'string' ? meta : JSON.stringify(meta));
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
  return form;
}

/** What the run storage holds: blob names, run rows, audit rows and messages waiting on the queue. */
export async function storedRuns(runs: RunStore): Promise<{ blobs: string[]; rows: number; audit: number; messages: number }> {
  await runs.container.createIfNotExists();
  await runs.table.createTable();
  await runs.queue.createIfNotExists();
  const blobs: string[] = [];
  for await (const blob of runs.container.listBlobsFlat()) blobs.push(blob.name);
  let rows = 0;
  let audit = 0;
  // Audit entries share the table (and each run's transaction): their row keys start with '~'.
  for await (const entity of runs.table.listEntities()) {
    if (entity.rowKey?.startsWith('~')) audit++;
    else rows++;
  }
  const props = await runs.queue.getProperties();
  return { blobs, rows, audit, messages: props.approximateMessagesCount ?? 0 };
}

/**
 * Reads a run every 200 ms (`read` returns it, or something holding it that `statusOf` looks
 * into) until it is no longer queued; fails the test after `timeoutMs`.
 */
export async function untilNotQueued<T>(id: string, read: () => Promise<T>, statusOf: (value: T) => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (statusOf(value) !== 'queued') return value;
    if (Date.now() > deadline) throw new Error(`run ${id} still queued after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
