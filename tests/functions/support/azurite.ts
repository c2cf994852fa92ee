/**
 * Real Azurite for tests (never an in-memory fake of storage): the project's own launcher
 * (dev/azurite.ts, the one `npm start` uses) on free ports, in memory unless asked
 * otherwise, with a full connection string carrying the well-known public development key.
 *
 *   const az = await startAzurite({ inMemory: true });
 *   ... createStorageClients({ connectionString: az.connectionString, prefix: uniquePrefix() })
 *   await az.stop();
 */
import { randomBytes } from 'crypto';
import { mkdtempSync } from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { AzuriteProcess, startAzurite as launchAzurite } from '../../../dev/azurite';

export { DEV_ACCOUNT, DEV_ACCOUNT_KEY, connectionStringFor } from '../../../dev/azurite';

export interface AzuriteOptions {
  /** Keep everything in memory (default true). False persists to `location` (a fresh temp dir if omitted). */
  inMemory?: boolean;
  location?: string;
  /** Fixed ports (e.g. to restart "the same" storage after an outage); free ports otherwise. */
  blobPort?: number;
  tablePort?: number;
  queuePort?: number;
  /** How long to wait for the ports to accept connections (default 20 s). */
  startTimeoutMs?: number;
}

export type AzuriteInstance = Pick<AzuriteProcess, 'connectionString' | 'blobPort' | 'tablePort' | 'queuePort' | 'location'> & {
  /** Stops it (SIGTERM, then SIGKILL after `graceMs`, default 3 s). Idempotent. */
  stop(options?: { graceMs?: number }): Promise<void>;
};

/** `count` ports that were free a moment ago (the OS picks them). */
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

/** Starts a fresh Azurite; retries with other ports if a free port was taken meanwhile. */
export async function startAzurite(options: AzuriteOptions = { inMemory: true }): Promise<AzuriteInstance> {
  const fixed = options.blobPort !== undefined && options.tablePort !== undefined;
  const inMemory = options.inMemory ?? true;
  const location = inMemory ? undefined : (options.location ?? mkdtempSync(path.join(os.tmpdir(), 'perfplan-azurite-')));
  let lastError: unknown;
  for (let attempt = 0; attempt < (fixed ? 1 : 3); attempt++) {
    const [blob, table, queue] = await freePorts(3);
    try {
      const azurite = await launchAzurite({
        inMemory,
        location,
        blobPort: options.blobPort ?? blob,
        tablePort: options.tablePort ?? table,
        queuePort: options.queuePort ?? queue,
        startTimeoutMs: options.startTimeoutMs,
      });
      return {
        connectionString: azurite.connectionString,
        blobPort: azurite.blobPort,
        tablePort: azurite.tablePort,
        queuePort: azurite.queuePort,
        location: azurite.location,
        stop: ({ graceMs = 3000 } = {}) => azurite.stop({ graceMs }),
      };
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
