/**
 * Azurite for `npm start`: runs the project's own `azurite` (devDependency) as a child
 * process, on disk under a folder (default <repo>/.azurite, git-ignored) or in memory, and
 * hands back a full connection string with the well-known public development account key.
 *
 *   const az = await startAzurite({ blobPort: 10000, tablePort: 10002, queuePort: 10001 });
 *   ... createDependencies({ PERFPLAN_STORAGE: az.connectionString })
 *   await az.stop();
 *
 * The child is started from the package's `bin` entry (what node_modules/.bin/azurite links
 * to) through the current node binary: the .bin shim is a shell script on Windows and its
 * symlink target is not always executable after install. On POSIX it gets its own process
 * group, so a terminal's Ctrl-C reaches only `npm start`, which then stops Azurite once
 * (Azurite handles one SIGINT/SIGTERM gracefully — flushing its on-disk database — and dies
 * abruptly on a second). If the parent exits without calling stop(), the child is killed.
 *
 * Production code must not import tests: the small helpers below mirror
 * tests/functions/support/azurite.ts.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { findRepoRoot } from './paths';

/** The public, documented Azurite/emulator account and key (not secrets). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Azurite's (and the Storage Emulator's) standard ports. */
export const DEFAULT_BLOB_PORT = 10000;
export const DEFAULT_QUEUE_PORT = 10001;
export const DEFAULT_TABLE_PORT = 10002;

export interface StartAzuriteOptions {
  /** Folder for the data (default <repo>/.azurite). Ignored when inMemory. */
  location?: string;
  /** Keep everything in memory (default false: persist to `location`). */
  inMemory?: boolean;
  blobPort?: number;
  tablePort?: number;
  queuePort?: number;
  /** Interface to listen on (default 127.0.0.1: nothing is exposed to the network). */
  host?: string;
  /** How long to wait for the ports to accept connections (default 20 s). */
  startTimeoutMs?: number;
}

export interface AzuriteProcess {
  /** Full connection string (explicit endpoints, the well-known dev key). */
  connectionString: string;
  blobPort: number;
  tablePort: number;
  queuePort: number;
  /** The data folder; undefined in memory. */
  location?: string;
  /** The child's process id. */
  pid: number;
  /** Resolves when the child has exited (for whatever reason). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops it: SIGTERM (Azurite flushes and closes), then SIGKILL after `graceMs` (default 10 s). Idempotent. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

export function connectionStringFor(blobPort: number, tablePort: number, host = '127.0.0.1', queuePort?: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_ACCOUNT_KEY};` +
    `BlobEndpoint=http://${host}:${blobPort}/${DEV_ACCOUNT};` +
    (queuePort !== undefined ? `QueueEndpoint=http://${host}:${queuePort}/${DEV_ACCOUNT};` : '') +
    `TableEndpoint=http://${host}:${tablePort}/${DEV_ACCOUNT};`
  );
}

export function defaultAzuriteLocation(root: string = findRepoRoot()): string {
  return path.join(root, '.azurite');
}

/** The JavaScript entry of the installed azurite package (its `bin.azurite`). */
export function azuriteEntry(root: string = findRepoRoot()): string {
  let manifestPath: string;
  try {
    manifestPath = require.resolve('azurite/package.json', { paths: [root] });
  } catch {
    throw new Error('azurite is not installed: run "npm install" in the PerfPlan folder');
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.azurite;
  if (!bin) throw new Error(`azurite's package.json (${manifestPath}) names no "azurite" bin`);
  return path.resolve(path.dirname(manifestPath), bin);
}

/** True when something accepts TCP connections on host:port. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(timeoutMs, () => done(false));
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killChildrenOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort (crash, process.exit without stop()): never leave an Azurite behind.
  process.once('exit', () => {
    for (const child of running) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

export async function startAzurite(options: StartAzuriteOptions = {}): Promise<AzuriteProcess> {
  const host = options.host ?? '127.0.0.1';
  const blobPort = options.blobPort ?? DEFAULT_BLOB_PORT;
  const tablePort = options.tablePort ?? DEFAULT_TABLE_PORT;
  const queuePort = options.queuePort ?? DEFAULT_QUEUE_PORT;
  const inMemory = options.inMemory ?? false;
  const location = inMemory ? undefined : path.resolve(options.location ?? defaultAzuriteLocation());
  const timeoutMs = options.startTimeoutMs ?? 20_000;

  // Refuse to "start" when another process (another Azurite, the VS Code extension, a second
  // `npm start`) already holds a port: the readiness check below would mistake it for ours.
  const names: Array<[string, number, string]> = [
    ['blob', blobPort, 'PERFPLAN_AZURITE_BLOB_PORT'],
    ['table', tablePort, 'PERFPLAN_AZURITE_TABLE_PORT'],
    ['queue', queuePort, 'PERFPLAN_AZURITE_QUEUE_PORT'],
  ];
  for (const [service, port, variable] of names) {
    if (await canConnect(port, host, 500)) {
      throw new Error(
        `port ${port} (Azurite ${service}) is already in use on ${host}: stop the other Azurite / program using it, ` +
          `or choose another port with ${variable}=...`,
      );
    }
  }

  if (location) fs.mkdirSync(location, { recursive: true });
  const args = [
    azuriteEntry(),
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    // --inMemoryPersistence and --location are mutually exclusive.
    ...(inMemory ? ['--inMemoryPersistence'] : ['--location', location!]),
    '--blobHost', host, '--blobPort', String(blobPort),
    '--tableHost', host, '--tablePort', String(tablePort),
    '--queueHost', host, '--queuePort', String(queuePort),
  ];
  const env = { ...process.env };
  delete env.AZURITE_ACCOUNTS; // custom accounts would replace the well-known dev account
  const child = spawn(process.execPath, args, {
    cwd: location ?? os.tmpdir(),
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  running.add(child);
  killChildrenOnExit();

  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  let hasExited = false;
  let spawnError: Error | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (error) => {
      spawnError = error;
      hasExited = true;
      running.delete(child);
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      hasExited = true;
      running.delete(child);
      resolve({ code, signal });
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = ({ graceMs = 10_000 }: { graceMs?: number } = {}): Promise<void> => {
    stopping ??= (async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const failure = () =>
    new Error(`Azurite exited during start-up: ${spawnError?.message ?? (stderr.trim().slice(0, 800) || '(no output)')}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) throw failure();
    if ((await canConnect(blobPort, host)) && (await canConnect(tablePort, host)) && (await canConnect(queuePort, host))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`Azurite did not start within ${timeoutMs} ms${stderr.trim() ? `: ${stderr.trim().slice(0, 800)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (hasExited) throw failure();

  return {
    connectionString: connectionStringFor(blobPort, tablePort, host, queuePort),
    blobPort,
    tablePort,
    queuePort,
    location,
    pid: child.pid!,
    exited,
    stop,
  };
}
