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
 */
import { BlobServiceClient, ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import { TableClient, TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';
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
  /** Upper bound for one blob request try / one whole table operation (default 30 s). */
  timeoutMs?: number;
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

/** App settings → options: PERFPLAN_STORAGE, else AzureWebJobsStorage, else local Azurite. */
export function storageOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionStringOptions {
  const connectionString = env.PERFPLAN_STORAGE?.trim() || env.AzureWebJobsStorage?.trim() || 'UseDevelopmentStorage=true';
  return { connectionString, prefix: env.PERFPLAN_STORAGE_PREFIX?.trim() || undefined };
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

export class StorageClients {
  readonly blobService: BlobServiceClient;
  readonly templatesContainer: ContainerClient;
  readonly tables: Readonly<Record<TableName, TableClient>>;
  readonly names: { readonly container: string; readonly tables: Readonly<Record<TableName, string>> };
  readonly timeoutMs: number;
  readonly retryAfterSeconds: number;
  private ready: Promise<void> | undefined;

  constructor(options: StorageOptions) {
    const prefix = options.prefix ?? '';
    if (prefix !== '' && !PREFIX_RE.test(prefix)) {
      throw new Error('Storage prefix must be lowercase letters and digits, starting with a letter (at most 30 characters).');
    }
    this.timeoutMs = options.timeoutMs ?? 30_000;
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

  /** Per-operation options for table calls: bounds the whole call (retries included). */
  op(): { abortSignal: AbortSignal } {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
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
      this.templatesContainer.createIfNotExists(),
      // createTable already tolerates TableAlreadyExists.
      ...TABLE_NAMES.map((t) => this.tables[t].createTable(this.op())),
    ]);
  }

  /**
   * Runs one store operation: resources ensured first; a missing table/container (storage
   * reset underneath us) re-creates them and retries once; outages → 503 (HttpProblem with
   * Retry-After); other storage errors → StorageFailure; HttpProblems and non-storage errors
   * pass through.
   */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.ensureReady();
        return await operation();
      } catch (err) {
        if (attempt === 0 && isResourceMissing(err)) {
          this.ready = undefined;
          continue;
        }
        throw toStoreError(err, this.retryAfterSeconds);
      }
    }
  }

  /** For GET /api/health: resolves when blob and table storage answer, else throws the 503. */
  async ping(): Promise<void> {
    await this.run(async () => {
      await this.templatesContainer.getProperties();
      await this.tables.templates.listEntities({ ...this.op(), queryOptions: { select: ['RowKey'] } }).byPage({ maxPageSize: 1 }).next();
    });
  }
}

export function createStorageClients(options: StorageOptions): StorageClients {
  return new StorageClients(options);
}
