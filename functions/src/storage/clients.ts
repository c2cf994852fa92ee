/**
 * Storage clients for the API: one Blob container (`templates`) and four tables
 * (`templates`, `templateversions`, `benchmarks`, `contributions`), optionally prefixed so
 * tests (or several environments sharing one account) get their own set, e.g.
 * `t1234templates`.
 *
 * `run()` is the single door every store operation goes through: it makes sure the
 * container and tables exist (once per process, again if storage was reset), and maps what
 * escapes into 503 + Retry-After for outages or a sanitized StorageFailure otherwise.
 *
 * Retries and timeouts are deliberately short: an outage must reach the caller as a quick
 * 503 (which it retries), not hang a Functions invocation for the SDK default of ~30 s.
 * Every SDK call made inside `run()` carries the same client-side abort signal (a deadline
 * for the whole operation, retries included): the SDKs' own `tryTimeoutInMs` is only sent to
 * the server and does not stop a call whose server stopped answering (a stall).
 */
import { AsyncLocalStorage } from 'async_hooks';
import { setMaxListeners } from 'events';
import { BlobServiceClient, ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import { TableClient, TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';
import { HttpProblem } from '../http/problem';
import { isResourceMissing, toStoreError } from './errors';

export const TABLE_NAMES = ['templates', 'templateversions', 'benchmarks', 'contributions'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export const TEMPLATES_CONTAINER = 'templates';

export interface RetrySettings {
  /** Attempts per request including the first (default 3). */
  maxTries?: number;
  /** First back-off delay (default 250 ms), doubling up to maxRetryDelayInMs (default 2 s). */
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
}

interface CommonOptions {
  /** Lowercase letters and digits, starting with a letter (≤ 30 chars): `t1234` → `t1234templates`. */
  prefix?: string;
  retry?: RetrySettings;
  /** Deadline for one store operation, every storage call and retry in it (default 4 s: data routes answer within 5 s). */
  timeoutMs?: number;
  /** Deadline for the health check (default 1.2 s: /api/health answers within 2 s). */
  healthTimeoutMs?: number;
  /** Retry-After seconds on a 503 (default 5). */
  retryAfterSeconds?: number;
}

export interface ConnectionStringOptions extends CommonOptions {
  /** `UseDevelopmentStorage=true`, an Azurite connection string or an Azure one. */
  connectionString: string;
}

export interface CredentialOptions extends CommonOptions {
  /** e.g. https://acct.blob.core.windows.net */
  blobEndpoint: string;
  /** e.g. https://acct.table.core.windows.net */
  tableEndpoint: string;
  /** Managed identity / DefaultAzureCredential (needs Storage Blob + Table Data Contributor). */
  credential: TokenCredential;
}

export type StorageOptions = ConnectionStringOptions | CredentialOptions;

export const DEFAULT_TIMEOUT_MS = 4_000;
export const DEFAULT_HEALTH_TIMEOUT_MS = 1_200;

/**
 * App settings → options: PERFPLAN_STORAGE, else AzureWebJobsStorage, else local Azurite;
 * PERFPLAN_STORAGE_TIMEOUT_MS overrides the per-operation deadline (e.g. a seed over a slow link).
 */
export function storageOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionStringOptions {
  const connectionString = env.PERFPLAN_STORAGE?.trim() || env.AzureWebJobsStorage?.trim() || 'UseDevelopmentStorage=true';
  const options: ConnectionStringOptions = { connectionString, prefix: env.PERFPLAN_STORAGE_PREFIX?.trim() || undefined };
  const timeout = env.PERFPLAN_STORAGE_TIMEOUT_MS?.trim();
  if (timeout) {
    const ms = Number(timeout);
    if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) throw new Error('PERFPLAN_STORAGE_TIMEOUT_MS must be a whole number of milliseconds between 100 and 600000');
    options.timeoutMs = ms;
  }
  return options;
}

const PREFIX_RE = /^[a-z][a-z0-9]{0,29}$/;

/** True when the connection string points tables at plain http (Azurite): the SDK refuses it unless told. */
export function isInsecureConnectionString(connectionString: string): boolean {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') return true;
  const tableEndpoint = parts.get('tableendpoint');
  if (tableEndpoint) return tableEndpoint.toLowerCase().startsWith('http:');
  return parts.get('defaultendpointsprotocol')?.toLowerCase() === 'http';
}

/** The deadline of the store operation running in this async context (see `run`). */
const operationSignal = new AsyncLocalStorage<AbortSignal>();

export class StorageClients {
  readonly blobService: BlobServiceClient;
  readonly templatesContainer: ContainerClient;
  readonly tables: Readonly<Record<TableName, TableClient>>;
  readonly names: { readonly container: string; readonly tables: Readonly<Record<TableName, string>> };
  readonly timeoutMs: number;
  readonly healthTimeoutMs: number;
  readonly retryAfterSeconds: number;
  private ready: Promise<void> | undefined;

  constructor(options: StorageOptions) {
    const prefix = options.prefix ?? '';
    if (prefix !== '' && !PREFIX_RE.test(prefix)) {
      throw new Error('Storage prefix must be lowercase letters and digits, starting with a letter (at most 30 characters).');
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.healthTimeoutMs = options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
    const maxTries = Math.max(1, options.retry?.maxTries ?? 3);
    const retryDelayInMs = options.retry?.retryDelayInMs ?? 250;
    const maxRetryDelayInMs = options.retry?.maxRetryDelayInMs ?? 2_000;

    const blobOptions: StoragePipelineOptions = {
      retryOptions: { maxTries, retryDelayInMs, maxRetryDelayInMs, tryTimeoutInMs: this.timeoutMs },
    };
    const tableOptions: TableServiceClientOptions = {
      retryOptions: { maxRetries: maxTries - 1, retryDelayInMs, maxRetryDelayInMs },
    };

    this.names = {
      container: `${prefix}${TEMPLATES_CONTAINER}`,
      tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, `${prefix}${t}`])) as Record<TableName, string>,
    };

    let makeTable: (name: string) => TableClient;
    if ('connectionString' in options) {
      // Constructing clients can throw on a malformed string; never echo it (it holds the key).
      try {
        this.blobService = BlobServiceClient.fromConnectionString(options.connectionString, blobOptions);
      } catch {
        throw new Error('The storage connection string is malformed.');
      }
      const insecure = isInsecureConnectionString(options.connectionString);
      makeTable = (name) => {
        try {
          return TableClient.fromConnectionString(options.connectionString, name, { ...tableOptions, allowInsecureConnection: insecure });
        } catch {
          throw new Error('The storage connection string is malformed.');
        }
      };
    } else {
      this.blobService = new BlobServiceClient(options.blobEndpoint, options.credential, blobOptions);
      makeTable = (name) => new TableClient(options.tableEndpoint, name, options.credential, tableOptions);
    }
    this.templatesContainer = this.blobService.getContainerClient(this.names.container);
    this.tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, makeTable(this.names.tables[t])])) as Record<TableName, TableClient>;
  }

  /**
   * Options for every SDK call: the abort signal of the enclosing `run()` (one deadline for
   * the whole operation), or a fresh deadline for a call made outside one.
   */
  op(): { abortSignal: AbortSignal } {
    return { abortSignal: operationSignal.getStore() ?? AbortSignal.timeout(this.timeoutMs) };
  }

  /** Creates the container and tables if missing. Idempotent; memoized until it fails. */
  ensureReady(): Promise<void> {
    if (!this.ready) {
      const attempt = this.createResources();
      this.ready = attempt;
      attempt.catch(() => {
        if (this.ready === attempt) this.ready = undefined;
      });
    }
    return this.ready;
  }

  private async createResources(): Promise<void> {
    await Promise.all([
      this.templatesContainer.createIfNotExists(this.op()),
      // createTable already tolerates TableAlreadyExists.
      ...TABLE_NAMES.map((t) => this.tables[t].createTable(this.op())),
    ]);
  }

  /**
   * Runs one store operation: resources ensured first; a missing table/container (storage
   * reset underneath us) re-creates them and retries once; outages → 503 (HttpProblem with
   * Retry-After); other storage errors → StorageFailure; HttpProblems and non-storage errors
   * pass through. Every SDK call inside (through `op()`) shares one deadline, `timeoutMs`
   * unless given: past it the calls are aborted on the client and the caller gets the 503.
   * A nested run keeps the outer deadline.
   */
  run<T>(operation: () => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    const outer = operationSignal.getStore();
    const signal = outer ?? AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    // One deadline for every SDK call of the operation, some in parallel (a run stores its
    // statements 16 at a time): each call listens on it, more than Node's default warning level.
    if (!outer) setMaxListeners(64, signal);
    return operationSignal.run(signal, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.ensureReady();
          return await operation();
        } catch (err) {
          if (attempt === 0 && isResourceMissing(err) && !signal.aborted) {
            this.ready = undefined;
            continue;
          }
          throw toStoreError(signal.aborted && !(err instanceof HttpProblem) ? abortError(err) : err, this.retryAfterSeconds);
        }
      }
    });
  }

  /** Whether `table` holds any row (a one-key page; call it inside `run()` or with its own deadline). */
  async hasRows(table: TableName): Promise<boolean> {
    const page = await this.tables[table]
      .listEntities({ ...this.op(), queryOptions: { select: ['RowKey'] } })
      .byPage({ maxPageSize: 1 })
      .next();
    return page.done !== true && page.value.length > 0;
  }

  /** For GET /api/health: resolves when blob and table storage answer (within `healthTimeoutMs`), else throws the 503. */
  async ping(): Promise<void> {
    await this.run(
      async () => {
        await this.templatesContainer.getProperties(this.op());
        await this.hasRows('templates');
      },
      { timeoutMs: this.healthTimeoutMs },
    );
  }
}

/**
 * Past the deadline, whatever the SDK threw (an AbortError, or a parse error of a response cut
 * short) is an outage: the caller gets 503, never a 500.
 */
function abortError(cause: unknown): Error {
  return Object.assign(new Error('storage operation aborted at its deadline'), { name: 'AbortError', cause });
}

export function createStorageClients(options: StorageOptions): StorageClients {
  return new StorageClients(options);
}
