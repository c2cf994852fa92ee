/**
 * The API while its storage misbehaves, against a real Azurite on disk (its own process, so
 * it can be frozen and killed):
 *
 *   - a stall (SIGSTOP): /api/health answers 503 + Retry-After within 2 s and the data routes
 *     within 5 s — every storage call is aborted on the client at its deadline — and all is
 *     well again after SIGCONT;
 *   - a kill in the middle of writes, then a restart on the same data: no acknowledged (201)
 *     write is lost, and no half-written template is ever visible — a template either reads
 *     back whole (details, list and the exact bytes) or does not exist;
 *   - a crash (SIGKILL) once Azurite has saved its database: nothing acknowledged is lost.
 *     (Azurite keeps its metadata in memory and saves it every 5 s, so a SIGKILL within 5 s of
 *     a write can lose that write; Azure Storage acknowledges only what it has stored.)
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzuriteProcess, startAzurite } from '../../../dev/azurite';
import { loadOrCreateLocalIssuer } from '../../../dev/local-issuer';
import { createDependencies, Dependencies } from '../../../functions/src/dependencies';
import { LocalHost, startLocalHost } from '../../../functions/src/local/host';
import { routeTable } from '../../../functions/src/routes';
import { freePorts, uniquePrefix } from '../support/azurite';
import { bearer, metadata, uploadForm, workbookBytes } from '../support/api';

jest.setTimeout(120_000);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let work: string;
let ports: { blobPort: number; tablePort: number; queuePort: number };
let azurite: AzuriteProcess;
let deps: Dependencies;
let host: LocalHost;
let admin: string;

const start = () => startAzurite({ location: path.join(work, 'azurite'), ...ports });

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-faults-'));
  const [blobPort, tablePort, queuePort] = await freePorts(3);
  ports = { blobPort, tablePort, queuePort };
  azurite = await start();
  const issuerDir = path.join(work, 'issuer');
  deps = createDependencies(
    {
      PERFPLAN_STORAGE: azurite.connectionString,
      PERFPLAN_STORAGE_PREFIX: uniquePrefix(),
      PERFPLAN_LOCAL_ISSUER_DIR: issuerDir,
      PERFPLAN_PUBLIC_READ: 'true',
    },
    // Every list goes to storage: a cached list would answer during the stall.
    { templates: { listCacheMs: 0 } },
  );
  admin = await (await loadOrCreateLocalIssuer(issuerDir)).mintToken({ roles: ['Templates.Admin'], tid: 'org-faults' });
  host = await startLocalHost({ routes: routeTable(() => deps), allowedOrigins: [], port: 0 });
});

afterAll(async () => {
  if (azurite) {
    try {
      process.kill(azurite.pid, 'SIGCONT');
    } catch {
      // already gone
    }
    await azurite.stop({ graceMs: 3000 });
  }
  await host?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const api = (p: string, init: RequestInit = {}) => fetch(`${host.url}/${p}`, { ...init, headers: { ...bearer(admin), ...(init.headers as Record<string, string>) } });
const create = (id: string, content: Buffer) => api('templates', { method: 'POST', body: uploadForm(metadata(id), content) });

async function timed(call: () => Promise<Response>): Promise<{ status: number; retryAfter: string | null; ms: number; type: string | null }> {
  const t0 = Date.now();
  const response = await call();
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: Date.now() - t0, type: response.headers.get('content-type') };
}

/** Waits for a condition (not for a time): checked every 100 ms, failing after `ms`. */
async function until(condition: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const healthy = async () => (await timed(() => api('health'))).status === 200;

/**
 * What a reader sees of `id`: 'absent', or 'whole' when its details, its list entry and its
 * bytes agree (a half-written template would break one of these); throws otherwise.
 */
async function visibleState(id: string, expected?: Buffer): Promise<'absent' | 'whole'> {
  const details = await api(`templates/${id}`);
  const listed = ((await (await api('templates')).json()).items as { id: string; sha256: string }[]).find((t) => t.id === id);
  if (details.status === 404) {
    expect(listed).toBeUndefined();
    return 'absent';
  }
  expect(details.status).toBe(200);
  const record = await details.json();
  expect(listed?.sha256).toBe(record.sha256);
  const download = await api(`templates/${id}/download`);
  expect(download.status).toBe(200);
  const bytes = Buffer.from(await download.arrayBuffer());
  expect(sha256(bytes)).toBe(record.sha256);
  expect(record.versions.map((v: { version: number }) => v.version)).toEqual(Array.from({ length: record.version }, (_, i) => i + 1));
  if (expected) expect(bytes.equals(expected)).toBe(true);
  return 'whole';
}

describe('a storage stall (Azurite frozen with SIGSTOP)', () => {
  it('health answers 503 + Retry-After within 2 s, data routes within 5 s; everything works after SIGCONT', async () => {
    const steady = await workbookBytes('steady');
    expect((await create('steady-plan', steady)).status).toBe(201);
    const etag = (await api('templates/steady-plan')).headers.get('etag')!;
    const stalledBytes = await workbookBytes('stalled');

    process.kill(azurite.pid, 'SIGSTOP');
    try {
      const health = await timed(() => api('health'));
      expect(health).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), type: expect.stringMatching(/^application\/problem\+json/) });
      expect(health.ms).toBeLessThan(2000);

      const routes: Array<[string, () => Promise<Response>]> = [
        ['list', () => api('templates')],
        ['details', () => api('templates/steady-plan')],
        ['download', () => api('templates/steady-plan/download')],
        ['create', () => create('stalled-plan', stalledBytes)],
        ['update', () => api('templates/steady-plan', { method: 'PUT', headers: { 'If-Match': etag }, body: uploadForm(metadata('steady-plan'), stalledBytes) })],
        ['delete', () => api('templates/steady-plan', { method: 'DELETE', headers: { 'If-Match': etag } })],
        ['benchmarks', () => api('benchmarks')],
      ];
      // All at once, as real traffic would arrive.
      const results = await Promise.all(routes.map(async ([name, call]) => ({ name, ...(await timed(call)) })));
      for (const r of results) {
        expect({ name: r.name, status: r.status, retryAfter: r.retryAfter }).toEqual({ name: r.name, status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
        expect({ name: r.name, fast: r.ms < 5000 }).toEqual({ name: r.name, fast: true });
      }
    } finally {
      process.kill(azurite.pid, 'SIGCONT');
    }

    await until(healthy, 15_000, 'health to answer 200 after SIGCONT');
    expect(await visibleState('steady-plan', steady)).toBe('whole');
    // The create, update and delete issued during the stall never got an answer from storage:
    // whatever storage did with them after it woke up, nothing half-written is visible.
    await visibleState('stalled-plan');
    expect((await create('after-stall', await workbookBytes('after'))).status).toBe(201);
  });
});

describe('Azurite killed in the middle of writes, then restarted on the same data', () => {
  it('keeps every acknowledged write and shows no half-written template', async () => {
    const contents = await Promise.all(Array.from({ length: 24 }, (_, i) => workbookBytes(`kill ${i}`)));
    const ids = contents.map((_, i) => `kill-plan-${i}`);
    const acknowledged = new Set<string>();
    let first!: () => void;
    const firstAcknowledged = new Promise<void>((resolve) => (first = resolve));
    // Writes one after another on 4 lanes, so that some finish before the kill and some are cut by it.
    const lanes = [0, 1, 2, 3].map(async (lane) => {
      for (let i = lane; i < ids.length; i += 4) {
        const response = await create(ids[i], contents[i]);
        await response.arrayBuffer();
        if (response.status === 201) {
          acknowledged.add(ids[i]);
          first();
        } else {
          expect([503, 500]).toContain(response.status);
        }
      }
    });

    await firstAcknowledged;
    process.kill(azurite.pid, 'SIGTERM');
    await azurite.exited;
    await Promise.all(lanes);
    expect(acknowledged.size).toBeGreaterThan(0);

    // Down: the API answers 503 fast (nothing listens: connections are refused).
    const down = await timed(() => api('health'));
    expect(down).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    expect((await timed(() => api('templates'))).status).toBe(503);

    azurite = await start();
    await until(healthy, 15_000, 'health to answer 200 after the restart');
    for (const [i, id] of ids.entries()) {
      const state = await visibleState(id, contents[i]);
      if (acknowledged.has(id)) expect({ id, state }).toEqual({ id, state: 'whole' });
    }
    // The writes that failed can be retried: created now, or found already committed (409).
    for (const [i, id] of ids.entries()) {
      if (acknowledged.has(id)) continue;
      expect([201, 409]).toContain((await create(id, contents[i])).status);
      expect(await visibleState(id, contents[i])).toBe('whole');
    }
  });

  it('after a crash (SIGKILL) once Azurite has saved its database, nothing acknowledged is lost', async () => {
    const bytes = await workbookBytes('crash');
    const created = await create('crash-plan', bytes);
    expect(created.status).toBe(201);
    const acknowledgedAt = Date.now();
    // Azurite saves blob and table metadata every 5 s: wait until both files are newer than the write.
    const dir = path.join(work, 'azurite');
    const saved = (file: string) => async () => fs.existsSync(path.join(dir, file)) && fs.statSync(path.join(dir, file)).mtimeMs > acknowledgedAt;
    await until(async () => (await saved('__azurite_db_blob__.json')()) && (await saved('__azurite_db_table__.json')()), 20_000, "Azurite's database save");

    process.kill(azurite.pid, 'SIGKILL');
    await azurite.exited;
    expect((await timed(() => api('templates/crash-plan'))).status).toBe(503);
    azurite = await start();
    await until(healthy, 15_000, 'health to answer 200 after the restart');
    expect(await visibleState('crash-plan', bytes)).toBe('whole');
  });
});
