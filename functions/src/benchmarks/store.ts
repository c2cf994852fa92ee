/**
 * Benchmark storage (api.md § Benchmarks). Data access for the published rows, the
 * organizations' contributions with their quotas, and reading the current peer release
 * (release.ts writes releases).
 *
 * Layout (table names get the clients' prefix):
 *  - table `benchmarks`      PK = key(metric), RK = key(segment) — one seeded/published row;
 *  - table `contributions`   partitions whose key starts with "|" (which key() never produces):
 *      `|t|{key(tid)}`       one partition per organization: RK = group key
 *                            (`key(metric)|key(segment)|key(period)`) → its latest value for
 *                            that group (a repeat replaces it), and RK `|quota` → its
 *                            submissions in the current quota window. A contribution and its
 *                            quota count are written in one entity-group transaction with
 *                            ETag conditions, so concurrent posts can neither overrun the
 *                            quota nor lose an update silently.
 *      `|release`            RK `head` → the current release (and one being computed), RK
 *                            `noise-key` → the secret of the persistent noise.
 *      `|r|{releaseId}`      one partition per release: RK = group key → the group's state.
 *    Rows from before the registry (PK = the group key, RK = key(tid)) are left untouched and
 *    no longer counted: they were never validated.
 *
 * key() = NFKC + lower case + percent-escaping of what table keys forbid (see escapeKey).
 *
 * Readers never see contributions: only release rows with published figures, or — for the
 * contributing organization itself — its own contributions with their group's state.
 * Reads are served from process caches where the data allows it: a release partition never
 * changes once released, the head is re-read every 2 s, seeded rows every 5 s.
 */
import { odata, TableTransaction } from '@azure/data-tables';
import type { TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { decodeContinuationToken, encodeContinuationToken } from '../http/continuation-token';
import { badRequest, HttpProblem } from '../http/problem';
import { fieldErrors } from '../templates/model';
import { StorageClients } from '../storage/clients';
import { classifyStorageError, isNotFound } from '../storage/errors';
import { DisclosurePolicy, Figures, STATISTICS } from './disclosure';
import {
  BenchmarkName,
  BenchmarkRow,
  BenchmarkRowInput,
  Contribution,
  ContributionInput,
  DEFAULT_SEGMENT,
  nameKey,
  OwnContribution,
  PEER_SOURCE,
  PeerRow,
  PeriodText,
} from './model';
import { ContributionEntity, groupKey, QUOTA_ROW, QuotaEntity, releasePartition, ReleaseGroupEntity, tenantPartition } from './layout';
import { parsePeriod, PeerRegistry } from './registry';
import { BenchmarkRelease, KEEP_RELEASES, ReleaseHead, releaseWindow, ReleaseSchedule } from './release';

export interface BenchmarkFilter {
  metric?: string;
  segment?: string;
  period?: string;
}

/** Contributions one organization may make per release window (issue 15: spam). */
export interface ContributionQuota {
  /** Submissions per organization per group (metric, segment, period); each replaces the previous. */
  perGroup: number;
  /** Submissions per organization over all groups. */
  perOrganization: number;
}

export const DEFAULT_QUOTA: ContributionQuota = Object.freeze({ perGroup: 3, perOrganization: 500 });

/** How long a read waits for a due release it triggered before reading the previous one. */
export const READ_WAIT_MS = 2_000;
/**
 * How long a process serves the seeded rows it read (monotonic time; its own upserts clear
 * it at once). They change only when an operator seeds, and every read of the route and
 * every PERF.BENCHMARK batch needs them.
 */
export const SEEDED_CACHE_MS = 5_000;

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 1000;

export interface BenchmarkStoreOptions {
  now?: () => Date;
  registry?: PeerRegistry;
  policy?: DisclosurePolicy;
  quota?: ContributionQuota;
  schedule?: ReleaseSchedule;
  /**
   * Whether reads bring the release up to date when its scheduled time has passed (default
   * true). The timer does the same; reads catch up when it has not run yet.
   */
  releaseOnRead?: boolean;
}

export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

/** Every item of a listing, reading its pages one after another from the first. */
async function allPages<T>(read: (continuationToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await read(token);
    out.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return out;
}

/** A published row as stored: PK = key(metric), RK = key(segment). */
interface BenchmarkEntity extends BenchmarkRow {
  partitionKey: string;
  rowKey: string;
}

const OPTIONAL_NUMBERS = ['value', 'p25', 'p50', 'p75', 'p90'] as const;
/** Entity group transactions: at most 100 operations, one partition. */
const MAX_BATCH = 100;
/** Transactions of one upsertRows in flight at once (one per partition at most). */
const UPSERT_PARALLELISM = 8;

/** The same stored row: every column this store writes (absent optional numbers included) is equal. */
function sameRow(stored: BenchmarkEntity, row: BenchmarkEntity): boolean {
  const columns = ['metric', 'segment', 'unit', 'n', 'source', 'updatedAt', ...OPTIONAL_NUMBERS] as const;
  return columns.every((k) => (stored[k] ?? undefined) === (row[k] ?? undefined));
}
/** Concurrent posts of one organization retry their conditional write this often before giving up with 503. */
const WRITE_ATTEMPTS = 5;

export { groupKey, tenantPartition };

function parseOrBadRequest<S extends z.ZodType>(schema: S, value: unknown, detail: string, root: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(detail, fieldErrors(parsed.error, root));
  return parsed.data;
}

export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, 'Too Many Requests', detail, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });

// ---------------------------------------------------------------------------------------------
// Continuation tokens (../http/continuation-token.ts): which list phase a cursor continues and
// the last row it returned.

const Cursor = z.object({
  v: z.literal(1),
  /** rows = seeded rows, peers = release rows, mine = own contributions */
  s: z.enum(['rows', 'peers', 'mine']),
  pk: z.string().max(1024).optional(),
  rk: z.string().max(1024).optional(),
  /** the release a peers cursor reads (stays consistent while paging) */
  r: z.string().max(64).optional(),
});
type Cursor = z.infer<typeof Cursor>;

export function encodeCursor(cursor: Cursor): string {
  return encodeContinuationToken(cursor);
}

export function decodeCursor(token: string | undefined | null): Cursor | undefined {
  return decodeContinuationToken(token, Cursor, 4096);
}

/** `(PartitionKey, RowKey) > (pk, rk)` as an OData clause. */
function after(cursor: { pk?: string; rk?: string } | undefined): string | undefined {
  if (cursor?.pk === undefined || cursor.rk === undefined) return undefined;
  return odata`(PartitionKey gt ${cursor.pk} or (PartitionKey eq ${cursor.pk} and RowKey gt ${cursor.rk}))`;
}

export class BenchmarkStore {
  readonly quota: ContributionQuota;
  /** Releases the peer figures; its clock, registry and schedule are the store's. */
  readonly releases: BenchmarkRelease;
  private readonly releaseOnRead: boolean;
  private seeded: { rows: Promise<BenchmarkEntity[]>; expires: number } | undefined;
  /** Published rows per release id: a release partition never changes once the head points to it. */
  private readonly published = new Map<string, Promise<ReleaseGroupEntity[]>>();

  constructor(
    private readonly clients: StorageClients,
    options: BenchmarkStoreOptions = {},
  ) {
    this.releases = new BenchmarkRelease(clients, options);
    this.quota = options.quota ?? DEFAULT_QUOTA;
    this.releaseOnRead = options.releaseOnRead ?? true;
  }

  /** The metrics and segments contributions may name. */
  get registry(): PeerRegistry {
    return this.releases.registry;
  }

  private get rows() {
    return this.clients.tables.benchmarks;
  }

  private get contributions() {
    return this.clients.tables.contributions;
  }

  /** Seeds or replaces published rows (same metric+segment → replaced). Returns how many were written. */
  upsertRows(rows: readonly BenchmarkRowInput[]): Promise<number> {
    return this.clients.run(async () => {
      const now = this.releases.now().toISOString();
      const byKey = new Map<string, BenchmarkEntity>();
      // Validate everything first: all errors in one answer, nothing written on any.
      const parsed = parseOrBadRequest(z.array(BenchmarkRowInput), rows, 'Benchmark rows are invalid.', 'rows');
      parsed.forEach((row) => {
        const entity: BenchmarkEntity = {
          partitionKey: nameKey(row.metric),
          rowKey: nameKey(row.segment),
          metric: row.metric,
          segment: row.segment,
          unit: row.unit,
          n: row.n,
          source: row.source,
          updatedAt: row.updatedAt ?? now,
        };
        for (const k of OPTIONAL_NUMBERS) if (row[k] !== undefined) entity[k] = row[k];
        byKey.set(`${entity.partitionKey}\n${entity.rowKey}`, entity); // last one wins
      });
      // Only what differs from storage is written (a row sent again as it is stays untouched, so
      // publishing the same library twice costs one read), partitions in parallel.
      const stored = new Map<string, BenchmarkEntity>();
      for await (const e of this.rows.listEntities<BenchmarkEntity>(this.clients.op())) stored.set(`${e.partitionKey}\n${e.rowKey}`, e);
      const partitions = new Map<string, BenchmarkEntity[]>();
      for (const [key, e] of byKey) {
        const before = stored.get(key);
        if (before && sameRow(before, e)) continue;
        const list = partitions.get(e.partitionKey) ?? [];
        list.push(e);
        partitions.set(e.partitionKey, list);
      }
      const batches = [...partitions.values()].flatMap((entities) =>
        Array.from({ length: Math.ceil(entities.length / MAX_BATCH) }, (_, i) => entities.slice(i * MAX_BATCH, (i + 1) * MAX_BATCH)),
      );
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const tx = new TableTransaction();
          for (const e of batches[next++]) tx.upsertEntity(e, 'Replace');
          await this.rows.submitTransaction(tx.actions, this.clients.op());
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(UPSERT_PARALLELISM, batches.length) }, worker));
      } finally {
        if (batches.length > 0) this.seeded = undefined;
      }
      return byKey.size;
    });
  }

  /** Published (seeded) rows, optionally for one metric and/or segment (case-insensitive), in key order. */
  list(filter: BenchmarkFilter = {}): Promise<BenchmarkRow[]> {
    return allPages((continuationToken) => this.listRows(filter, { top: MAX_PAGE_SIZE, continuationToken }));
  }

  /** One page of seeded rows. */
  listRows(filter: BenchmarkFilter, page: { top: number; continuationToken?: string }): Promise<Page<BenchmarkRow>> {
    return this.clients.run(async () => {
      const cursor = decodeCursor(page.continuationToken);
      if (cursor && cursor.s !== 'rows') throw badRequest('The continuation token is invalid.', [{ path: 'continuationToken', message: 'belongs to another listing' }]);
      const metric = filter.metric?.trim() ? nameKey(filter.metric) : undefined;
      const segment = filter.segment?.trim() ? nameKey(filter.segment) : undefined;
      const matching = (await this.seededRows()).filter(
        (e) => (metric === undefined || e.partitionKey === metric) && (segment === undefined || e.rowKey === segment) && isAfter(e, cursor),
      );
      const items = matching.slice(0, page.top);
      const last = matching.length > page.top ? items[items.length - 1] : undefined;
      return { items: items.map(toRow), continuationToken: last ? encodeCursor({ v: 1, s: 'rows', pk: last.partitionKey, rk: last.rowKey }) : undefined };
    });
  }

  /** One published (seeded) row, or null. Segment defaults to "all". */
  find(metric: string, segment: string = DEFAULT_SEGMENT): Promise<BenchmarkRow | null> {
    return this.clients.run(async () => {
      if (!metric?.trim()) return null;
      const pk = nameKey(metric);
      const rk = nameKey(segment?.trim() || DEFAULT_SEGMENT);
      const found = (await this.seededRows()).find((e) => e.partitionKey === pk && e.rowKey === rk);
      return found ? toRow(found) : null;
    });
  }

  /** Every seeded row in key order, from the process cache (SEEDED_CACHE_MS). */
  private seededRows(): Promise<BenchmarkEntity[]> {
    const now = performance.now();
    if (!this.seeded || this.seeded.expires <= now) {
      const rows = (async () => {
        const out: BenchmarkEntity[] = [];
        for await (const e of this.rows.listEntities<BenchmarkEntity>(this.clients.op())) out.push(e);
        return out.sort((a, b) => compareKeys(a, b));
      })();
      const entry = { rows, expires: now + SEEDED_CACHE_MS };
      this.seeded = entry;
      rows.catch(() => {
        if (this.seeded === entry) this.seeded = undefined;
      });
    }
    return this.seeded.rows;
  }

  /**
   * Records (or replaces) one organization's value for a (metric, segment, period): validated
   * against the registry (400 naming each bad field), counted against the organization's
   * quota (429 + Retry-After when spent). Visible to readers only through a later release.
   */
  contribute(input: ContributionInput): Promise<Contribution & { nextReleaseAt: string }> {
    return this.clients.run(async () => {
      const shape = parseOrBadRequest(ContributionInput, input, 'The contribution is invalid.', '');
      const now = this.releases.now();
      const c = this.registry.validate(shape, now);
      const { start: window, end: windowEnd } = releaseWindow(now, this.releases.schedule);
      const partitionKey = tenantPartition(shape.tid);
      const rowKey = groupKey(c.metric, c.segment, c.period);
      for (let attempt = 1; ; attempt++) {
        const [row, quota] = await Promise.all([
          this.getOptional<ContributionEntity>(partitionKey, rowKey),
          this.getOptional<QuotaEntity>(partitionKey, QUOTA_ROW),
        ]);
        const retryAfter = (windowEnd.getTime() - now.getTime()) / 1000;
        const groupCount = row && row.window === window.toISOString() ? row.submissions : 0;
        if (groupCount >= this.quota.perGroup) {
          throw tooManyRequests(
            `Your organization has already submitted ${c.metric}/${c.segment}/${c.period} ${this.quota.perGroup} times before the next release; the latest value counts.`,
            retryAfter,
          );
        }
        const total = quota && quota.window === window.toISOString() ? quota.count : 0;
        if (total >= this.quota.perOrganization) {
          throw tooManyRequests(`Your organization has made ${this.quota.perOrganization} contributions before the next release.`, retryAfter);
        }
        const contribution: Contribution = {
          metric: c.metric,
          segment: c.segment,
          period: c.period,
          unit: c.unit,
          value: c.value,
          tid: shape.tid,
          updatedAt: now.toISOString(),
        };
        const entity: ContributionEntity = { partitionKey, rowKey, ...contribution, window: window.toISOString(), submissions: groupCount + 1 };
        // Keep the value the window's release must count (the one from before the window started).
        if (row && row.updatedAt < window.toISOString()) {
          entity.releasedValue = row.value;
          entity.releasedValueAt = row.updatedAt;
        } else if (row?.releasedValueAt && typeof row.releasedValue === 'number') {
          entity.releasedValue = row.releasedValue;
          entity.releasedValueAt = row.releasedValueAt;
        }
        const counter: QuotaEntity = { partitionKey, rowKey: QUOTA_ROW, window: window.toISOString(), count: total + 1 };
        const tx = new TableTransaction();
        if (row) tx.updateEntity(entity, 'Replace', { etag: row.etag });
        else tx.createEntity(entity);
        if (quota) tx.updateEntity(counter, 'Replace', { etag: quota.etag });
        else tx.createEntity(counter);
        try {
          await this.contributions.submitTransaction(tx.actions, this.clients.op());
        } catch (err) {
          const kind = classifyStorageError(err).kind;
          // Another post of the same organization won the race: read again and recount.
          if ((kind === 'condition-failed' || kind === 'already-exists') && attempt < WRITE_ATTEMPTS) continue;
          if (kind === 'condition-failed' || kind === 'already-exists') {
            throw new HttpProblem(503, 'Service Unavailable', 'Too many concurrent contributions from your organization; please retry.', {
              headers: { 'Retry-After': '1' },
            });
          }
          throw err;
        }
        return { ...contribution, nextReleaseAt: windowEnd.toISOString() };
      }
    });
  }

  /**
   * The current release's head, catching up first when a scheduled release is due (see
   * releaseOnRead): a reader waits up to READ_WAIT_MS for it, then reads the previous one.
   */
  async currentRelease(): Promise<ReleaseHead | null> {
    if (this.releaseOnRead) await this.releases.ensureCurrent({ waitMs: READ_WAIT_MS });
    return this.releases.cachedHead();
  }

  /**
   * One page of peer rows with published figures in the current release (never a withheld
   * group, not even its name), filtered case-insensitively, in key order.
   */
  async listPeers(filter: BenchmarkFilter, page: { top: number; continuationToken?: string }): Promise<Page<PeerRow> & { releasedAt?: string }> {
    const cursor = decodeCursor(page.continuationToken);
    if (cursor && cursor.s !== 'peers') throw badRequest('The continuation token is invalid.', [{ path: 'continuationToken', message: 'belongs to another listing' }]);
    // Outside this read's storage deadline: a due release runs under its own.
    const head = await this.currentRelease();
    return this.clients.run(async () => {
      const releaseId = cursor?.r ?? head?.releaseId;
      if (!releaseId) return { items: [] };
      if (cursor?.r && head && !head.kept.includes(cursor.r)) {
        throw badRequest('The continuation token has expired.', [{ path: 'continuationToken', message: 'its release is no longer kept; list again from the start' }]);
      }
      const metric = filter.metric?.trim() ? nameKey(filter.metric) : undefined;
      const segment = filter.segment?.trim() ? nameKey(filter.segment) : undefined;
      const period = filter.period?.trim() ? nameKey(parsePeriod(filter.period)?.period ?? filter.period) : undefined;
      const matching = (await this.publishedRows(releaseId)).filter(
        (e) =>
          (metric === undefined || e.metricKey === metric) &&
          (segment === undefined || e.segmentKey === segment) &&
          (period === undefined || e.periodKey === period) &&
          isAfter(e, cursor),
      );
      const items = matching.slice(0, page.top);
      const last = matching.length > page.top ? items[items.length - 1] : undefined;
      return {
        items: items.map(toPeerRow),
        continuationToken: last ? encodeCursor({ v: 1, s: 'peers', pk: last.partitionKey, rk: last.rowKey, r: releaseId }) : undefined,
        releasedAt: head?.releasedAt,
      };
    });
  }

  /** A release's published rows in key order; read once per process (the partition is immutable once released). */
  private publishedRows(releaseId: string): Promise<ReleaseGroupEntity[]> {
    let rows = this.published.get(releaseId);
    if (!rows) {
      const loading = (async () => {
        const out: ReleaseGroupEntity[] = [];
        const filter = `${odata`PartitionKey eq ${releasePartition(releaseId)}`} and published eq true`;
        for await (const e of this.contributions.listEntities<ReleaseGroupEntity>({ ...this.clients.op(), queryOptions: { filter } })) out.push(e);
        return out.sort((a, b) => compareKeys(a, b));
      })();
      rows = loading;
      this.published.set(releaseId, loading);
      loading.catch(() => {
        if (this.published.get(releaseId) === loading) this.published.delete(releaseId);
      });
      // Keep as many as there are kept releases (tokens may page through an older one).
      while (this.published.size > KEEP_RELEASES) this.published.delete(this.published.keys().next().value!);
    }
    return rows;
  }

  /** Every published peer row matching the filter (all pages). */
  peerRows(filter: BenchmarkFilter = {}): Promise<PeerRow[]> {
    return allPages((continuationToken) => this.listPeers(filter, { top: MAX_PAGE_SIZE, continuationToken }));
  }

  /** The most recent period with published figures for (metric, segment), or undefined. */
  async latestPeer(metric: string, segment: string = DEFAULT_SEGMENT): Promise<PeerRow | undefined> {
    const rows = await this.peerRows({ metric, segment });
    return rows.sort((a, b) => laterPeriodFirst(a.period, b.period))[0];
  }

  /** One page of the organization's own contributions, each with its group's state in the current release. */
  async listOwn(tid: string, page: { top: number; continuationToken?: string }): Promise<Page<OwnContribution>> {
    const cursor = decodeCursor(page.continuationToken);
    if (cursor && cursor.s !== 'mine') throw badRequest('The continuation token is invalid.', [{ path: 'continuationToken', message: 'belongs to another listing' }]);
    const head = await this.currentRelease();
    return this.clients.run(async () => {
      const partitionKey = tenantPartition(tid);
      const clauses = [odata`PartitionKey eq ${partitionKey}`, odata`RowKey ne ${QUOTA_ROW}`];
      const from = after(cursor);
      if (from) clauses.push(from);
      const { items, last } = await this.readPage<ContributionEntity>(this.contributions, clauses, page.top);
      const states = await Promise.all(
        items.map((c) => (head?.releaseId ? this.getOptional<ReleaseGroupEntity>(releasePartition(head.releaseId), c.rowKey) : Promise.resolve(null))),
      );
      return {
        items: items.map((c, i) => ({
          metric: c.metric,
          segment: c.segment,
          period: c.period,
          unit: c.unit,
          value: c.value,
          updatedAt: c.updatedAt,
          status: states[i]?.published ? 'published' : 'withheld',
          n: states[i]?.n ?? 0,
        })),
        continuationToken: last ? encodeCursor({ v: 1, s: 'mine', pk: last.partitionKey, rk: last.rowKey }) : undefined,
      };
    });
  }

  /** True when no published benchmark row exists (seed then). */
  isEmpty(): Promise<boolean> {
    return this.clients.run(async () => !(await this.clients.hasRows('benchmarks')));
  }

  private async getOptional<T extends object>(partitionKey: string, rowKey: string): Promise<TableEntityResult<T> | null> {
    try {
      return await this.contributions.getEntity<T>(partitionKey, rowKey, this.clients.op());
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** Up to `top` entities matching all clauses, and the last one when more may follow. */
  private async readPage<T extends object>(
    table: StorageClients['tables']['benchmarks'],
    clauses: string[],
    top: number,
  ): Promise<{ items: TableEntityResult<T>[]; last?: TableEntityResult<T> }> {
    const items: TableEntityResult<T>[] = [];
    // One more than asked tells whether another page exists.
    const pages = table.listEntities<T>({ ...this.clients.op(), queryOptions: clauses.length ? { filter: clauses.join(' and ') } : undefined }).byPage({
      maxPageSize: Math.min(top + 1, MAX_PAGE_SIZE),
    });
    for await (const pageItems of pages) {
      for (const item of pageItems) {
        items.push(item);
        if (items.length > top) break;
      }
      if (items.length > top) break;
    }
    if (items.length > top) {
      items.length = top;
      return { items, last: items[top - 1] };
    }
    return { items };
  }
}

function compareKeys(a: { partitionKey: string; rowKey: string }, b: { partitionKey: string; rowKey: string }): number {
  return a.partitionKey < b.partitionKey ? -1 : a.partitionKey > b.partitionKey ? 1 : a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0;
}

/** Keyset paging: the row comes after the cursor's (pk, rk) in key order. */
function isAfter(e: { partitionKey: string; rowKey: string }, cursor: { pk?: string; rk?: string } | undefined): boolean {
  if (cursor?.pk === undefined || cursor.rk === undefined) return true;
  return compareKeys(e, { partitionKey: cursor.pk, rowKey: cursor.rk }) > 0;
}

/** Later periods first: by end, then by start (the last month of a year is more recent than the year). */
export function laterPeriodFirst(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  return pb.end.getTime() - pa.end.getTime() || pb.start.getTime() - pa.start.getTime();
}

/** Query parameters of list routes. */
export const PageParams = z.object({
  top: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  continuationToken: z.string().max(4096).optional(),
});

export const ListFilter = z.object({
  metric: BenchmarkName.optional(),
  segment: BenchmarkName.optional(),
  period: PeriodText.optional(),
});

function toRow(e: BenchmarkEntity): BenchmarkRow {
  const row: BenchmarkRow = {
    metric: e.metric,
    segment: e.segment,
    unit: e.unit ?? '',
    n: e.n,
    source: e.source,
    updatedAt: e.updatedAt,
  };
  for (const k of OPTIONAL_NUMBERS) {
    const v = e[k];
    if (typeof v === 'number' && Number.isFinite(v)) row[k] = v;
  }
  return row;
}

function toPeerRow(e: ReleaseGroupEntity): PeerRow {
  const figures = JSON.parse(e.figures) as Figures;
  const row: PeerRow = {
    metric: e.metric,
    segment: e.segment,
    period: e.period,
    unit: e.unit,
    n: e.figuresN,
    source: PEER_SOURCE,
    updatedAt: e.figuresReleasedAt,
  };
  for (const k of STATISTICS) if (typeof figures[k] === 'number' && Number.isFinite(figures[k])) row[k] = figures[k];
  return row;
}
