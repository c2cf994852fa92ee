/**
 * Storage of payout runs: the workbook bytes in an immutable, content-addressed blob
 * (`runs` container, `<tenant key>/<sha256>.xlsx`), one table row per run (`runs` table,
 * partition = tenant key, row = run id) and one message per run on the `runs` queue, which the
 * queue-triggered calculation reads (`runs-poison` receives what failed 5 times).
 *
 * Crash safety (submit): blob first (If-None-Match: *, so the bytes are written once), then the
 * run row (insert; a conflict means the run exists), then the queue message, then the row is
 * marked `enqueued`. A run is never visible without its blob; a crash after the blob leaves an
 * orphan blob that the retry reuses; a crash after the row leaves a run not marked enqueued,
 * and the retry (same workbook, period and people table → same id) sends its message then.
 * A crash between the message and the mark can send the message twice: the calculation is
 * idempotent (it acts only on a queued run, conditionally on its ETag).
 *
 * Every operation goes through StorageClients.run: one deadline, outages → 503.
 */
import { ContainerClient } from '@azure/storage-blob';
import { TableClient, TableEntityResult, TransactionAction, odata } from '@azure/data-tables';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { Locale, isLocale } from '../../../i18n/locale';
import { StorageClients, isInsecureConnectionString, storageOptionsFromEnv } from '../storage/clients';
import { Actor, ApprovalStep, ApprovalTier, decide, initialSteps, tierFor, tiersFromEnv } from './approval';
import { AuditAction, AuditEntry, nextEntry, verifyChain } from './audit';
import { RunActor, RunError, RunMetadata, RunRecord, RunStatus, RunTotals, runIdFor, runSettings, sha256Hex, tenantKey } from './model';

export const RUNS_NAME = 'runs';
/** Storing a calculated run (its statements, results and row): one deadline for all of it. */
export const FINISH_TIMEOUT_MS = 300_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const POISON_SUFFIX = '-poison';

export interface RunStoreFaults {
  /** After the workbook blob is stored, before the run row: throw to simulate a crash. */
  afterBlobWrite?(info: { id: string; blob: string }): Promise<void> | void;
  /** After the run row is inserted, before the queue message: throw to simulate a crash. */
  afterRunRecorded?(info: { id: string }): Promise<void> | void;
}

export interface RunStoreOptions {
  faults?: RunStoreFaults;
  /** The approval tiers (default: PERFPLAN_APPROVAL_TIERS, else the plan documents' three). */
  tiers?: readonly ApprovalTier[];
}

/** Who the queue-triggered calculation acts as, in the audit. */
export const CALCULATION_ACTOR = 'perfplan:runsCalculate';

/** The payroll files a calculation made. */
export interface PayrollFiles {
  csv: string;
  xlsx: Uint8Array;
  rows: number;
  totalCents: number;
}

/** What a calculation ends in (calculate.ts). */
export type FinishOutcome =
  | { status: 'calculated'; totals: RunTotals; results: unknown; statements?: Array<{ name: string; html: string; xlsx: Uint8Array }>; payroll?: PayrollFiles }
  | { status: 'failed'; errors: RunError[] };

/** Audit rows live beside the runs in the tenant's partition (one transaction writes both): `~<run id>-<seq>` sorts after every run id. */
const auditRowKey = (id: string, seq: number) => `~${id}-${String(seq).padStart(6, '0')}`;
/** Run rows are 32 hex digits: everything below '~'. */
const RUN_ROWS_BELOW = '~';

/** What the queue carries for one run. */
export interface RunMessage {
  tenantId: string;
  id: string;
}

export interface SubmitResult {
  run: RunRecord;
  /** False when the same submission already named this run. */
  created: boolean;
}

type RunEntity = Record<string, unknown> & { partitionKey: string; rowKey: string };

const statusOf = (err: unknown): number | undefined => (err as { statusCode?: number })?.statusCode;

export class RunStore {
  readonly container: ContainerClient;
  private ready: Promise<void> | undefined;
  private readonly faults: RunStoreFaults;
  readonly tiers: readonly ApprovalTier[];

  constructor(
    readonly clients: StorageClients,
    readonly table: TableClient,
    readonly queue: QueueClient,
    readonly poisonQueue: QueueClient,
    containerName: string,
    options: RunStoreOptions = {},
  ) {
    this.container = clients.blobService.getContainerClient(containerName);
    this.faults = options.faults ?? {};
    this.tiers = options.tiers ?? tiersFromEnv();
  }

  private ensure(): Promise<void> {
    if (!this.ready) {
      const attempt = (async () => {
        const op = this.clients.op();
        await Promise.all([
          this.container.createIfNotExists(op),
          this.table.createTable(op),
          this.queue.createIfNotExists(op),
          this.poisonQueue.createIfNotExists(op),
        ]);
      })();
      this.ready = attempt;
      attempt.catch(() => {
        if (this.ready === attempt) this.ready = undefined;
      });
    }
    return this.ready;
  }

  /** Stores the workbook, records the run as queued and enqueues it — or returns the run the same submission made. */
  submit(metadata: RunMetadata, bytes: Buffer, who: RunActor): Promise<SubmitResult> {
    const sha256 = sha256Hex(bytes);
    const id = runIdFor(who.tenantId, sha256, metadata.period, metadata.peopleTable);
    const partitionKey = tenantKey(who.tenantId);
    const blobName = `${partitionKey}/${sha256}.xlsx`;
    return this.clients.run(async () => {
      await this.ensure();
      const existing = await this.read(partitionKey, id);
      if (existing) return { run: await this.enqueueIfNeeded(existing), created: false };

      const blob = this.container.getBlockBlobClient(blobName);
      try {
        await blob.uploadData(bytes, {
          ...this.clients.op(),
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: XLSX_TYPE },
          metadata: { sha256 },
        });
      } catch (err) {
        // Already there: the same bytes (the name is their hash), from an earlier attempt.
        if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
      }
      await this.faults.afterBlobWrite?.({ id, blob: blobName });

      const now = new Date().toISOString();
      const submitter = actorOf(who);
      const entry = nextEntry(id, undefined, {
        at: now,
        action: 'submit',
        actor: submitter,
        before: null,
        after: 'queued',
        detail: { workbookSha256: sha256, bytes: bytes.length, period: metadata.period, peopleTable: metadata.peopleTable, payoutColumn: metadata.payoutColumn },
      });
      const entity: RunEntity = {
        partitionKey,
        rowKey: id,
        tenantId: who.tenantId,
        status: 'queued' satisfies RunStatus,
        ...runSettings(metadata),
        ...(metadata.payrollMap !== undefined ? { payrollMap: JSON.stringify(metadata.payrollMap) } : {}),
        sha256,
        bytes: bytes.length,
        blob: blobName,
        submittedBy: who.subject,
        submitter: JSON.stringify(submitter),
        submittedAt: now,
        updatedAt: now,
        enqueued: false,
        auditSeq: entry.seq,
        auditHash: entry.hash,
      };
      let inserted: string | undefined;
      try {
        // The run and its first audit entry together, or neither.
        const result = await this.table.submitTransaction([['create', entity], ['create', auditEntity(partitionKey, id, entry)]], this.clients.op());
        inserted = result.getResponseForEntity(id)?.etag?.trim();
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
        // A concurrent submission of the same run won the insert.
        const raced = await this.read(partitionKey, id);
        if (!raced) throw err;
        return { run: await this.enqueueIfNeeded(raced), created: false };
      }
      await this.faults.afterRunRecorded?.({ id });
      // The row as inserted (its ETag from the insert): no second read of what was just written.
      const recorded = inserted ? toRecord({ ...entity, etag: inserted }) : await this.read(partitionKey, id);
      if (!recorded) throw new Error('the run row vanished after its insert');
      return { run: await this.enqueueIfNeeded(recorded), created: true };
    });
  }

  /** The caller's organization's run, or undefined. */
  get(id: string, tenantId: string): Promise<RunRecord | undefined> {
    return this.clients.run(async () => {
      await this.ensure();
      return this.read(tenantKey(tenantId), id);
    });
  }

  /**
   * The organization's runs, filtered by period and status, in id order: at most `top`, and the
   * id to continue after when there are more (keyset paging).
   */
  list(
    tenantId: string,
    filter: { period?: string; status?: RunStatus },
    page: { top: number; after?: string },
  ): Promise<{ items: RunRecord[]; last?: string }> {
    return this.clients.run(async () => {
      await this.ensure();
      const clauses = [odata`PartitionKey eq ${tenantKey(tenantId)}`];
      if (page.after) clauses.push(odata`RowKey gt ${page.after}`);
      clauses.push(odata`RowKey lt ${RUN_ROWS_BELOW}`);
      if (filter.period !== undefined) clauses.push(odata`period eq ${filter.period}`);
      if (filter.status !== undefined) clauses.push(odata`status eq ${filter.status}`);
      const items: RunRecord[] = [];
      for await (const entity of this.table.listEntities<Record<string, unknown>>({ ...this.clients.op(), queryOptions: { filter: clauses.join(' and ') } })) {
        items.push(toRecord(entity));
        if (items.length > page.top) break;
      }
      const more = items.length > page.top;
      const shown = items.slice(0, page.top);
      return { items: shown, ...(more ? { last: shown[shown.length - 1].id } : {}) };
    });
  }

  /** The workbook bytes of a run. */
  workbookBytes(run: RunRecord): Promise<Buffer> {
    return this.clients.run(async () => this.container.getBlockBlobClient(run.workbook.blob).downloadToBuffer(0, undefined, this.clients.op()));
  }

  /**
   * Moves a queued run to `calculated` (results stored first, as a blob) or to `failed`, on
   * the ETag it was read with. Returns false when the run is no longer queued (a duplicate
   * message, or another instance finished it): nothing is written then.
   */
  finish(run: RunRecord, outcome: FinishOutcome): Promise<boolean> {
    // A thousand statements are two thousand blobs: a deadline for the whole, not for one answer.
    return this.clients.run(async () => {
      await this.ensure();
      if (run.status !== 'queued') return false;
      const partitionKey = tenantKey(run.tenantId);
      const now = new Date().toISOString();
      const system: Actor = { sub: CALCULATION_ACTOR, tid: run.tenantId };
      const entries: AuditEntry[] = [];
      const append = (action: AuditAction, before: RunStatus, after: RunStatus, detail: Record<string, unknown>) => {
        const head = entries.length ? entries[entries.length - 1] : run.auditHead;
        entries.push(nextEntry(run.id, head, { at: now, action, actor: system, before, after, detail }));
      };
      let patch: RunEntity;
      if (outcome.status === 'calculated') {
        const folder = `${partitionKey}/${run.id}`;
        const uploads: Array<{ name: string; body: Buffer; type: string }> = [];
        for (const s of outcome.statements ?? []) {
          uploads.push({ name: `${folder}/statements/${s.name}.html`, body: Buffer.from(s.html, 'utf8'), type: 'text/html; charset=utf-8' });
          uploads.push({ name: `${folder}/statements/${s.name}.xlsx`, body: Buffer.from(s.xlsx), type: XLSX_TYPE });
        }
        const payroll = outcome.payroll;
        const payrollBlobs = payroll ? { csv: `${folder}/payroll.csv`, xlsx: `${folder}/payroll.xlsx` } : undefined;
        if (payroll && payrollBlobs) {
          uploads.push({ name: payrollBlobs.csv, body: Buffer.from(payroll.csv, 'utf8'), type: 'text/csv; charset=utf-8' });
          uploads.push({ name: payrollBlobs.xlsx, body: Buffer.from(payroll.xlsx), type: XLSX_TYPE });
        }
        // The results last: a results blob means every statement it names is stored.
        for (let i = 0; i < uploads.length; i += 16) {
          await Promise.all(
            uploads.slice(i, i + 16).map((u) =>
              this.container.getBlockBlobClient(u.name).uploadData(u.body, { ...this.clients.op(), blobHTTPHeaders: { blobContentType: u.type } }),
            ),
          );
        }
        const resultsBlob = `${folder}/results.json`;
        const body = Buffer.from(JSON.stringify(outcome.results));
        await this.container.getBlockBlobClient(resultsBlob).uploadData(body, {
          ...this.clients.op(),
          blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
        });
        const tier = tierFor(outcome.totals.payout, this.tiers);
        const steps = initialSteps(tier, this.tiers, now);
        const payrollSha256 = payroll ? sha256Hex(Buffer.from(payroll.csv, 'utf8')) : undefined;
        append('calculate', 'queued', 'calculated', {
          totals: outcome.totals,
          resultsSha256: sha256Hex(body),
          statements: outcome.statements?.length ?? 0,
          ...(payroll ? { payrollSha256, payrollRows: payroll.rows } : {}),
        });
        append('route', 'calculated', 'awaiting-approval', { tier, levels: steps.map((st) => st.name), dueAt: steps[0].dueAt });
        patch = {
          partitionKey,
          rowKey: run.id,
          status: 'awaiting-approval' satisfies RunStatus,
          updatedAt: now,
          totalPayout: outcome.totals.payout,
          totalPeople: outcome.totals.people,
          resultsBlob,
          tier,
          steps: JSON.stringify(steps),
          ...(payroll && payrollBlobs
            ? { payrollCsv: payrollBlobs.csv, payrollXlsx: payrollBlobs.xlsx, payrollRows: payroll.rows, payrollCents: payroll.totalCents, payrollSha256 }
            : {}),
        };
      } else {
        const errors = outcome.errors.slice(0, 200);
        append('fail', 'queued', 'failed', { errors: errors.length, first: errors.slice(0, 3).map((e) => e.message.slice(0, 200)) });
        patch = { partitionKey, rowKey: run.id, status: 'failed' satisfies RunStatus, updatedAt: now, errors: JSON.stringify(errors) };
      }
      try {
        await this.changeWithAudit(run, patch, entries, run.etag);
      } catch (err) {
        if (statusOf(err) === 412) return false;
        throw err;
      }
      return true;
    }, { timeoutMs: FINISH_TIMEOUT_MS });
  }

  /**
   * Approves or rejects the pending step of a run awaiting approval, on the ETag the caller
   * read (`ifMatch`): 412 when it is stale. The caller has checked who may decide (approval.ts
   * mayDecide). Returns the run as it now is, or 'stale' when someone changed it first.
   */
  decide(run: RunRecord, ifMatch: string, decision: 'approve' | 'reject', actor: Actor, comment: string | undefined): Promise<RunRecord | 'stale'> {
    return this.clients.run(async () => {
      await this.ensure();
      const now = new Date().toISOString();
      const result = decide(run.steps, decision, actor, comment, now, this.tiers);
      const entry = nextEntry(run.id, run.auditHead, {
        at: now,
        action: decision,
        actor,
        before: run.status,
        after: result.outcome,
        detail: { level: result.decided.level, step: result.decided.name, ...(comment ? { comment } : {}), totals: run.totals },
      });
      const patch: RunEntity = { partitionKey: tenantKey(run.tenantId), rowKey: run.id, status: result.outcome, updatedAt: now, steps: JSON.stringify(result.steps) };
      let etag: string | undefined;
      try {
        etag = await this.changeWithAudit(run, patch, [entry], ifMatch);
      } catch (err) {
        if (statusOf(err) === 412) return 'stale';
        throw err;
      }
      return { ...run, status: result.outcome, updatedAt: now, steps: result.steps, auditHead: { seq: entry.seq, hash: entry.hash }, etag: etag ?? run.etag };
    });
  }

  /** An approved run's payroll handed out for the first time: approved → exported (recorded), once. */
  markExported(run: RunRecord, actor: Actor, format: 'csv' | 'xlsx'): Promise<RunRecord> {
    return this.clients.run(async () => {
      if (run.status !== 'approved') return run;
      const now = new Date().toISOString();
      const entry = nextEntry(run.id, run.auditHead, {
        at: now,
        action: 'export',
        actor,
        before: 'approved',
        after: 'exported',
        detail: { format, payrollSha256: run.payroll?.sha256, rows: run.payroll?.rows, totalCents: run.payroll?.totalCents },
      });
      try {
        const etag = await this.changeWithAudit(run, { partitionKey: tenantKey(run.tenantId), rowKey: run.id, status: 'exported', updatedAt: now, exportedAt: now }, [entry], run.etag);
        return { ...run, status: 'exported', updatedAt: now, auditHead: { seq: entry.seq, hash: entry.hash }, etag: etag ?? run.etag };
      } catch (err) {
        // Someone else's download moved it first: theirs is the record.
        if (statusOf(err) !== 412) throw err;
        return (await this.read(tenantKey(run.tenantId), run.id)) ?? run;
      }
    });
  }

  /** A payroll file of a calculated run, or undefined. */
  payroll(run: RunRecord, format: 'csv' | 'xlsx'): Promise<Buffer | undefined> {
    return this.clients.run(async () => {
      if (!run.payroll) return undefined;
      return this.container.getBlockBlobClient(format === 'csv' ? run.payroll.csv : run.payroll.xlsx).downloadToBuffer(0, undefined, this.clients.op());
    });
  }

  /** The run's audit entries in order, checked against each other and the run's head. */
  audit(run: RunRecord): Promise<{ entries: AuditEntry[]; verified: boolean; problems: Array<{ seq: number; message: string }> }> {
    return this.clients.run(async () => {
      await this.ensure();
      const partitionKey = tenantKey(run.tenantId);
      const filter = [odata`PartitionKey eq ${partitionKey}`, odata`RowKey gt ${`~${run.id}-`}`, odata`RowKey lt ${`~${run.id}.`}`].join(' and ');
      const entries: AuditEntry[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>({ ...this.clients.op(), queryOptions: { filter } })) entries.push(fromAuditEntity(e));
      entries.sort((a, b) => a.seq - b.seq);
      return { entries, ...verifyChain(run.id, entries, run.auditHead) };
    });
  }

  /** The run row patched (on `etag`) and the audit entries appended, in one transaction; the run's new ETag. */
  private async changeWithAudit(run: RunRecord, patch: RunEntity, entries: AuditEntry[], etag: string): Promise<string | undefined> {
    const partitionKey = tenantKey(run.tenantId);
    const head = entries[entries.length - 1];
    const actions: TransactionAction[] = [
      ['update', { ...patch, ...(head ? { auditSeq: head.seq, auditHash: head.hash } : {}) }, 'Merge', { etag }],
      ...entries.map((entry): TransactionAction => ['create', auditEntity(partitionKey, run.id, entry)]),
    ];
    let updated: string | undefined;
    try {
      // The answers come in the actions' order: the first is the run row's update, with its new ETag.
      const result = await this.table.submitTransaction(actions, this.clients.op());
      updated = result.subResponses[0]?.etag?.trim();
    } catch (err) {
      // The audit row already exists: someone appended the same entry number first — the run moved on (as a stale ETag says).
      if (statusOf(err) === 409) throw Object.assign(new Error('the run changed meanwhile'), { statusCode: 412 });
      throw err;
    }
    // No ETag in the answer (a service that leaves it out): read the row for it.
    return updated || (await this.read(partitionKey, run.id))?.etag;
  }

  /** A person's statement of a calculated run (`row-<n>`, html or xlsx), or undefined. */
  statement(run: RunRecord, name: string, format: 'html' | 'xlsx'): Promise<Buffer | undefined> {
    return this.clients.run(async () => {
      if (!run.resultsBlob || !/^row-\d{1,7}$/.test(name)) return undefined;
      try {
        return await this.container.getBlockBlobClient(`${tenantKey(run.tenantId)}/${run.id}/statements/${name}.${format}`).downloadToBuffer(0, undefined, this.clients.op());
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    });
  }

  /** The per-person results of a calculated run. */
  results(run: RunRecord): Promise<unknown> {
    return this.clients.run(async () => {
      if (!run.resultsBlob) return undefined;
      const bytes = await this.container.getBlockBlobClient(run.resultsBlob).downloadToBuffer(0, undefined, this.clients.op());
      return JSON.parse(bytes.toString('utf8'));
    });
  }

  private async enqueueIfNeeded(run: RunRecord): Promise<RunRecord> {
    if (run.enqueued) return run;
    const message: RunMessage = { tenantId: run.tenantId, id: run.id };
    // Base64, as the Functions queue trigger reads messages by default.
    await this.queue.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'), this.clients.op());
    try {
      const { etag } = await this.table.updateEntity({ partitionKey: tenantKey(run.tenantId), rowKey: run.id, enqueued: true }, 'Merge', { ...this.clients.op(), etag: run.etag });
      return { ...run, enqueued: true, etag: etag ?? run.etag };
    } catch (err) {
      // Someone else changed the row meanwhile (marked it, or the calculation moved it on): read it again.
      if (statusOf(err) !== 412) throw err;
      return (await this.read(tenantKey(run.tenantId), run.id)) ?? run;
    }
  }

  private async read(partitionKey: string, id: string): Promise<RunRecord | undefined> {
    let entity: TableEntityResult<Record<string, unknown>>;
    try {
      entity = await this.table.getEntity<Record<string, unknown>>(partitionKey, id, this.clients.op());
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
    return toRecord(entity);
  }
}

const actorOf = (who: RunActor): Actor => ({ sub: who.subject, tid: who.tenantId, ...(who.objectId ? { oid: who.objectId } : {}), ...(who.name ? { name: who.name } : {}) });

function auditEntity(partitionKey: string, runId: string, entry: AuditEntry): RunEntity {
  return {
    partitionKey,
    rowKey: auditRowKey(runId, entry.seq),
    runId,
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actor: JSON.stringify(entry.actor),
    before: entry.before ?? '',
    after: entry.after,
    detail: JSON.stringify(entry.detail),
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

function fromAuditEntity(e: TableEntityResult<Record<string, unknown>>): AuditEntry {
  const str = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  const json = (k: string): unknown => {
    try {
      return JSON.parse(str(k));
    } catch {
      return str(k); // unreadable: kept as text, and its hash will not match
    }
  };
  return {
    seq: typeof e.seq === 'number' ? e.seq : Number(/-(\d+)$/.exec(e.rowKey ?? '')?.[1] ?? 0),
    at: str('at'),
    action: str('action') as AuditAction,
    actor: json('actor') as Actor,
    before: (str('before') || null) as RunStatus | null,
    after: str('after') as RunStatus,
    detail: json('detail') as Record<string, unknown>,
    previousHash: str('previousHash'),
    hash: str('hash'),
  };
}

function parsed<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toRecord(e: TableEntityResult<Record<string, unknown>>): RunRecord {
  const str = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
  const num = (k: string) => (typeof e[k] === 'number' ? (e[k] as number) : undefined);
  const totalPayout = num('totalPayout');
  const errors = str('errors');
  return {
    id: e.rowKey!,
    tenantId: str('tenantId') ?? '',
    status: (str('status') ?? 'queued') as RunStatus,
    period: str('period') ?? '',
    peopleTable: str('peopleTable') ?? '',
    payoutColumn: str('payoutColumn') ?? '',
    ...(str('currency') ? { currency: str('currency') } : {}),
    ...(isLocale(str('language')) ? { language: str('language') as Locale } : {}),
    ...(str('templateId') ? { templateId: str('templateId') } : {}),
    ...(num('templateVersion') ? { templateVersion: num('templateVersion') } : {}),
    workbook: { sha256: str('sha256') ?? '', bytes: num('bytes') ?? 0, blob: str('blob') ?? '' },
    submittedBy: str('submittedBy') ?? '',
    submitter: parsed<Actor>(str('submitter'), { sub: str('submittedBy') ?? '', tid: str('tenantId') ?? '' }),
    tier: num('tier') ?? null,
    steps: parsed<ApprovalStep[]>(str('steps'), []),
    ...(num('auditSeq') !== undefined && str('auditHash') ? { auditHead: { seq: num('auditSeq')!, hash: str('auditHash')! } } : {}),
    ...(str('payrollCsv') && str('payrollXlsx')
      ? { payroll: { csv: str('payrollCsv')!, xlsx: str('payrollXlsx')!, rows: num('payrollRows') ?? 0, totalCents: num('payrollCents') ?? 0, sha256: str('payrollSha256') ?? '' } }
      : {}),
    ...(str('payrollMap') ? { payrollMap: parsed<unknown>(str('payrollMap'), undefined) } : {}),
    submittedAt: str('submittedAt') ?? '',
    updatedAt: str('updatedAt') ?? '',
    enqueued: e.enqueued === true,
    totals: totalPayout === undefined ? null : { payout: totalPayout, people: num('totalPeople') ?? 0 },
    ...(errors ? { errors: JSON.parse(errors) as RunError[] } : {}),
    ...(str('resultsBlob') ? { resultsBlob: str('resultsBlob') } : {}),
    etag: e.etag,
  };
}

/**
 * A RunStore over the storage the app settings name (PERFPLAN_STORAGE, else AzureWebJobsStorage,
 * else local Azurite), with the same prefix as the other stores; `clients` gives the deadline
 * and error mapping of every operation.
 */
export function createRunStore(clients: StorageClients, env: NodeJS.ProcessEnv = process.env, options: RunStoreOptions = {}): RunStore {
  const { connectionString, prefix = '' } = storageOptionsFromEnv(env);
  const retryOptions = { maxTries: 3, retryDelayInMs: 250, maxRetryDelayInMs: 2_000 };
  let table: TableClient;
  let queues: QueueServiceClient;
  try {
    table = TableClient.fromConnectionString(connectionString, `${prefix}${RUNS_NAME}`, {
      retryOptions: { maxRetries: 2, retryDelayInMs: 250, maxRetryDelayInMs: 2_000 },
      allowInsecureConnection: isInsecureConnectionString(connectionString),
    });
    queues = QueueServiceClient.fromConnectionString(connectionString, { retryOptions: { ...retryOptions, tryTimeoutInMs: clients.timeoutMs } });
  } catch {
    throw new Error('The storage connection string is malformed.');
  }
  const queueName = runsQueueName(prefix);
  return new RunStore(clients, table, queues.getQueueClient(queueName), queues.getQueueClient(`${queueName}${POISON_SUFFIX}`), `${prefix}${RUNS_NAME}`, options);
}

/** The queue the runs are put on: `<prefix>runs` (queue names allow lowercase letters and digits, as prefixes are). */
export function runsQueueName(prefix = ''): string {
  return `${prefix}${RUNS_NAME}`;
}
