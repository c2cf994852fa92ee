/**
 * Real Azurite for tests (never an in-memory fake of storage): spawns the project's own
 * `azurite` (devDependency) on free ports and hands back a full connection string with the
 * well-known public development key.
 *
 *   const az = await startAzurite({ inMemory: true });
 *   ... createStorageClients({ connectionString: az.connectionString, prefix: uniquePrefix() })
 *   await az.stop();
 *
 * The `.bin/azurite` shim is run through the current node binary (the symlink target is not
 * always executable after install).
 */
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync } from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const AZURITE_BIN = path.join(ROOT, 'node_modules', '.bin', 'azurite');

/** The public, documented Azurite/emulator account key (not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Keep everything in memory (default true). False persists to `location` (a fresh temp dir if omitted). */
  inMemory?: boolean;
  location?: string;
  /** Fixed ports (e.g. to restart "the same" storage after an outage); free ports otherwise. */
  blobPort?: number;
  tablePort?: number;
  queuePort?: number;
  /** How long to wait for both ports to accept connections (default 20 s). */
  startTimeoutMs?: number;
}

export interface AzuriteInstance {
  connectionString: string;
  blobPort: number;
  tablePort: number;
  queuePort: number;
  /** Set when persisting to disk. */
  location?: string;
  /** Stops it (SIGTERM, then SIGKILL after `graceMs`, default 3 s). Idempotent. */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<void>;
}

export function connectionStringFor(blobPort: number, tablePort: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};` +
    `BlobEndpoint=http://${host}:${blobPort}/${DEV_ACCOUNT};TableEndpoint=http://${host}:${tablePort}/${DEV_ACCOUNT};`
  );
}

/** `count` distinct ports that were free a moment ago (all held open together so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      ports.push((server.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave an Azurite behind when the test process ends without calling stop().
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

async function launch(options: AzuriteOptions, ports: { blob: number; table: number; queue: number }): Promise<AzuriteInstance> {
  const inMemory = options.inMemory ?? true;
  const location = inMemory ? undefined : (options.location ?? mkdtempSync(path.join(os.tmpdir(), 'perfplan-azurite-')));
  const args = [
    AZURITE_BIN,
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    ...(inMemory ? ['--inMemoryPersistence'] : ['--location', location!]),
    '--blobHost', '127.0.0.1', '--blobPort', String(ports.blob),
    '--tableHost', '127.0.0.1', '--tablePort', String(ports.table),
    '--queueHost', '127.0.0.1', '--queuePort', String(ports.queue),
  ];
  const env = { ...process.env };
  delete env.AZURITE_ACCOUNTS; // custom accounts would replace the well-known dev account
  const child = spawn(process.execPath, args, { cwd: location ?? os.tmpdir(), stdio: ['ignore', 'ignore', 'pipe'], env });
  running.add(child);
  killAllOnExit();
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    });
  });

  const stop = async ({ signal = 'SIGTERM', graceMs = 3000 }: { signal?: NodeJS.Signals; graceMs?: number } = {}) => {
    if (exited) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  for (;;) {
    if (exited) throw new Error(`Azurite exited during start-up: ${stderr.trim().slice(0, 500) || '(no output)'}`);
    if ((await canConnect(ports.blob)) && (await canConnect(ports.table))) break;
    if (Date.now() > deadline) {
      await stop({ signal: 'SIGKILL' });
      throw new Error(`Azurite did not start within ${options.startTimeoutMs ?? 20_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // The ports accept connections; make sure it is our child that holds them.
  if (exited) throw new Error(`Azurite exited during start-up: ${stderr.trim().slice(0, 500) || '(no output)'}`);

  return {
    connectionString: connectionStringFor(ports.blob, ports.table),
    blobPort: ports.blob,
    tablePort: ports.table,
    queuePort: ports.queue,
    location,
    stop,
  };
}

/** Starts a fresh Azurite; retries with other ports if a free port was taken meanwhile. */
export async function startAzurite(options: AzuriteOptions = { inMemory: true }): Promise<AzuriteInstance> {
  const fixed = options.blobPort !== undefined && options.tablePort !== undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < (fixed ? 1 : 3); attempt++) {
    const [blob, table, queue] = await freePorts(3);
    try {
      return await launch(options, {
        blob: options.blobPort ?? blob,
        table: options.tablePort ?? table,
        queue: options.queuePort ?? queue,
      });
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/**
 * Storage for a test file: the shared Azurite from the jest globalSetup
 * (process.env.PERFPLAN_TEST_STORAGE) when there is one, else a private in-memory one.
 */
export async function testStorage(): Promise<{ connectionString: string; release(): Promise<void> }> {
  const shared = process.env.PERFPLAN_TEST_STORAGE;
  if (shared) return { connectionString: shared, release: async () => undefined };
  const az = await startAzurite({ inMemory: true });
  return { connectionString: az.connectionString, release: () => az.stop() };
}

/** A table/container name prefix unique to one test: lowercase, starts with a letter. */
export function uniquePrefix(): string {
  return `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}
