/**
 * Scheduled releases of the peer benchmarks. Readers never see contributions as they
 * arrive: figures change only when a release runs, once per release window (daily at 00:00
 * UTC by default), and each release decides every group under disclosure.ts's rules.
 *
 * A release stamped T counts each organization's value as it stood at T (a value replaced
 * after T is kept aside for it, see ContributionEntity.releasedValue), so what it publishes
 * does not depend on how late it actually runs.
 *
 * Who runs a release: the timer function (timer.ts, NCRONTAB "0 0 0 * * *"), and — so the
 * schedule holds even where no timer runs (the local host) — the first read after the
 * scheduled time (`ensureCurrent`). `run({at})` is the command/test hook (release-command.ts).
 *
 * A release writes all its group states into a fresh partition `|r|{releaseId}`, then moves
 * the head pointer to it with an ETag condition: readers switch from one complete release
 * to the next, never see half of one, and two instances racing for the same release leave
 * exactly one. A claim on the head (pendingId/pendingSince) keeps a second instance from
 * computing at the same time; a claim older than CLAIM_STALE_MS is taken over. The last
 * KEEP_RELEASES partitions are kept so continuation tokens of a listing stay valid across
 * a release; older ones are deleted.
 */
import { odata, TableTransaction } from '@azure/data-tables';
import type { TableEntityResult } from '@azure/data-tables';
import { randomBytes } from 'crypto';
import type { StorageClients } from '../storage/clients';
import { classifyStorageError, isNotFound, toStoreError } from '../storage/errors';
import { DEFAULT_POLICY, decideGroup, DisclosurePolicy, GroupState, isPublished, noiseFactor, OrgValue, parseBasis, serializeBasis } from './disclosure';
import {
  ContributionEntity,
  HEAD_ROW,
  HeadEntity,
  NOISE_KEY_ROW,
  QUOTA_ROW,
  RELEASE_META_PARTITION,
  releasePartition,
  ReleaseGroupEntity,
  TENANT_PARTITION_END,
  TENANT_PARTITION_PREFIX,
} from './layout';
import { nameKey } from './model';
import { addMonths, defaultPeerRegistry, parsePeriod, PeerRegistry } from './registry';

/** Releases happen every `everyMs`, at `offsetMs` past the epoch's multiples (UTC). */
export interface ReleaseSchedule {
  everyMs: number;
  offsetMs: number;
}

export const DAILY: ReleaseSchedule = Object.freeze({ everyMs: 24 * 60 * 60 * 1000, offsetMs: 0 });
/** The timer's NCRONTAB expression for DAILY (seconds minutes hours day month weekday). */
export const DAILY_NCRONTAB = '0 0 0 * * *';
export const KEEP_RELEASES = 3;
/** A release's own deadline, for all its storage calls (it reads every contribution, so a request's few seconds are not enough). */
export const RELEASE_TIMEOUT_MS = 5 * 60 * 1000;
/** A claim older than this belongs to a run that cannot still be going (it would have hit RELEASE_TIMEOUT_MS). */
export const CLAIM_STALE_MS = RELEASE_TIMEOUT_MS + 60 * 1000;
/** How long a reader trusts the head it read (another instance's new release shows up this much later at most). */
export const HEAD_CACHE_MS = 2_000;
const MAX_BATCH = 100;

/** The release window containing `now`: [the latest scheduled release time ≤ now, the next one). */
export function releaseWindow(now: Date, schedule: ReleaseSchedule = DAILY): { start: Date; end: Date } {
  const start = Math.floor((now.getTime() - schedule.offsetMs) / schedule.everyMs) * schedule.everyMs + schedule.offsetMs;
  return { start: new Date(start), end: new Date(start + schedule.everyMs) };
}

/** The head as readers use it. */
export interface ReleaseHead {
  releaseId: string;
  releasedAt: string;
  /** Release ids whose partitions still exist, newest first. */
  kept: string[];
}

export interface ReleaseSummary {
  /** released: this call wrote release `releaseId`; current: the head was already at or past it; busy: another run holds the claim. */
  status: 'released' | 'current' | 'busy';
  releaseId: string;
  /** Groups by decision (released only). */
  decisions?: Partial<Record<GroupState['decision'], number>>;
  published?: number;
}

export interface BenchmarkReleaseOptions {
  now?: () => Date;
  registry?: PeerRegistry;
  policy?: DisclosurePolicy;
  schedule?: ReleaseSchedule;
}

const conflict = (err: unknown) => {
  const kind = classifyStorageError(err).kind;
  return kind === 'condition-failed' || kind === 'already-exists';
};

export class BenchmarkRelease {
  /** The clock, the registry and the schedule are the store's too (it reads them here). */
  readonly now: () => Date;
  readonly registry: PeerRegistry;
  private readonly policy: DisclosurePolicy;
  readonly schedule: ReleaseSchedule;
  private inflight: Promise<ReleaseSummary> | undefined;
  private signal: AbortSignal | undefined;
  private headCache: { value: ReleaseHead | null; expires: number } | undefined;

  constructor(
    private readonly clients: StorageClients,
    options: BenchmarkReleaseOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.registry = options.registry ?? defaultPeerRegistry();
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.schedule = options.schedule ?? DAILY;
  }

  private get table() {
    return this.clients.tables.contributions;
  }

  /** The current release, or null before the first one. */
  head(): Promise<ReleaseHead | null> {
    return this.clients.run(async () => {
      const head = await this.getOptional<HeadEntity>(RELEASE_META_PARTITION, HEAD_ROW, this.clients.op());
      if (!head?.releaseId) return null;
      return { releaseId: head.releaseId, releasedAt: head.releaseId, kept: parseKept(head.kept) };
    });
  }

  /** The head as readers use it: read at most every HEAD_CACHE_MS (monotonic time), and afresh after a run here. */
  async cachedHead(): Promise<ReleaseHead | null> {
    const now = performance.now();
    if (this.headCache && this.headCache.expires > now) return this.headCache.value;
    const value = await this.head();
    this.headCache = { value, expires: now + HEAD_CACHE_MS };
    return value;
  }

  /**
   * Runs the scheduled release when its time has passed and the head is older (what the
   * timer and reads call). Returns null when nothing was due. Concurrent calls in one
   * process share one run; another instance's run makes this one return `busy` (readers
   * then keep the previous release, which is still complete and consistent).
   *
   * `waitMs` (readers): wait at most that long, then go on with the current head while the
   * release finishes in the background; a failed release does not fail the read (the next
   * read tries again).
   */
  async ensureCurrent(options: { waitMs?: number } = {}): Promise<ReleaseSummary | null> {
    const due = releaseWindow(this.now(), this.schedule).start.toISOString();
    // A cached head can only make this try a release that is already out; the run itself re-reads the head.
    const head = await this.cachedHead();
    if (head && head.releaseId >= due) return null;
    const running = this.run({ at: new Date(due) });
    if (options.waitMs === undefined) return running;
    const settled = running.catch(() => null);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.waitMs);
      timer.unref();
    });
    try {
      return await Promise.race([settled, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Computes and publishes the release stamped `at` (default now) unless the head is already there. */
  run(options: { at?: Date } = {}): Promise<ReleaseSummary> {
    if (!this.inflight) {
      const attempt = this.guarded((options.at ?? this.now()).toISOString());
      this.inflight = attempt;
      const clear = () => {
        if (this.inflight === attempt) this.inflight = undefined;
        this.headCache = undefined;
      };
      attempt.then(clear, clear);
      return attempt;
    }
    // One run at a time per process: a second caller waits for it, then tries its own release.
    return this.inflight.then(
      () => this.run(options),
      () => this.run(options),
    );
  }

  /**
   * One release under its own deadline (not the deadline of the request that may have
   * triggered it), with storage failures mapped as every store maps them (503 for outages).
   */
  private async guarded(releaseId: string): Promise<ReleaseSummary> {
    const signal = AbortSignal.timeout(RELEASE_TIMEOUT_MS);
    this.signal = signal;
    try {
      await this.clients.ensureReady();
      return await this.release(releaseId);
    } catch (err) {
      throw toStoreError(err, this.clients.retryAfterSeconds);
    } finally {
      if (this.signal === signal) this.signal = undefined;
    }
  }

  /** Storage call options inside a release: its own deadline. */
  private op(): { abortSignal: AbortSignal } {
    return { abortSignal: this.signal ?? AbortSignal.timeout(RELEASE_TIMEOUT_MS) };
  }

  private async release(releaseId: string): Promise<ReleaseSummary> {
    const head = await this.getOptional<HeadEntity>(RELEASE_META_PARTITION, HEAD_ROW);
    if (head?.releaseId && head.releaseId >= releaseId) return { status: 'current', releaseId: head.releaseId };
    const claimedAt = this.now();
    if (head?.pendingId && claimedAt.getTime() - Date.parse(head.pendingSince) < CLAIM_STALE_MS) return { status: 'busy', releaseId: head.pendingId };

    // Claim the head (ETag / create-only): the loser of a race computes nothing.
    const claim: HeadEntity = {
      partitionKey: RELEASE_META_PARTITION,
      rowKey: HEAD_ROW,
      releaseId: head?.releaseId ?? '',
      kept: head?.kept ?? '[]',
      pendingId: releaseId,
      pendingSince: claimedAt.toISOString(),
    };
    let claimEtag: string;
    try {
      claimEtag = head
        ? (await this.table.updateEntity(claim, 'Replace', { ...this.op(), etag: head.etag })).etag!
        : (await this.table.createEntity(claim, this.op())).etag!;
    } catch (err) {
      if (conflict(err)) return { status: 'busy', releaseId };
      throw err;
    }

    try {
      return await this.compute(releaseId, head, claimEtag);
    } catch (err) {
      // Give the claim back so the next run need not wait for it to go stale.
      await this.table
        .updateEntity<HeadEntity>({ ...claim, pendingId: '', pendingSince: '' }, 'Replace', { ...this.op(), etag: claimEtag })
        .catch(() => undefined);
      throw err;
    }
  }

  private async compute(releaseId: string, head: TableEntityResult<HeadEntity> | null, claimEtag: string): Promise<ReleaseSummary> {
    const partition = releasePartition(releaseId);
    const previous = head?.releaseId ? await this.groupStates(releasePartition(head.releaseId)) : new Map<string, ReleaseGroupEntity>();
    const groups = await this.currentContributions(new Date(releaseId));
    const key = await this.noiseKey();
    const at = new Date(releaseId);
    const entities: ReleaseGroupEntity[] = [];
    const decisions: Partial<Record<GroupState['decision'], number>> = {};
    for (const rowKey of new Set([...groups.keys(), ...previous.keys()])) {
      const group = groups.get(rowKey);
      const before = previous.get(rowKey);
      const describe = group ?? before!;
      const period = parsePeriod(describe.period);
      if (!period || !this.registry.metric(describe.metric)) continue; // no longer registered
      const state = decideGroup({
        values: group?.values ?? [],
        factor: (org) => noiseFactor(key, rowKey, org, this.policy),
        previous: before ? toState(before) : undefined,
        releaseId,
        oldEnough: addMonths(period.end, this.policy.minAgeMonths).getTime() <= at.getTime(),
        policy: this.policy,
      });
      decisions[state.decision] = (decisions[state.decision] ?? 0) + 1;
      entities.push({
        partitionKey: partition,
        rowKey,
        metric: describe.metric,
        segment: describe.segment,
        period: describe.period,
        unit: describe.unit,
        metricKey: nameKey(describe.metric),
        segmentKey: nameKey(describe.segment),
        periodKey: nameKey(describe.period),
        n: state.n,
        published: isPublished(state),
        figures: JSON.stringify(state.figures),
        figuresN: state.figuresN,
        figuresReleasedAt: state.figuresReleaseId ?? '',
        basis: serializeBasis(state.basis),
        decision: state.decision,
      });
    }
    for (let i = 0; i < entities.length; i += MAX_BATCH) {
      const tx = new TableTransaction();
      for (const e of entities.slice(i, i + MAX_BATCH)) tx.upsertEntity(e, 'Replace');
      await this.table.submitTransaction(tx.actions, this.op());
    }

    // Publish: move the head, if our claim still holds.
    const keptBefore = parseKept(head?.kept);
    const kept = [releaseId, ...keptBefore.filter((id) => id !== releaseId)].slice(0, KEEP_RELEASES);
    try {
      await this.table.updateEntity<HeadEntity>(
        { partitionKey: RELEASE_META_PARTITION, rowKey: HEAD_ROW, releaseId, kept: JSON.stringify(kept), pendingId: '', pendingSince: '' },
        'Replace',
        { ...this.op(), etag: claimEtag },
      );
    } catch (err) {
      if (!conflict(err)) throw err;
      // Our claim went stale and another run took over: leave the head to it.
      await this.deletePartition(partition);
      return { status: 'busy', releaseId };
    }
    for (const old of keptBefore.filter((id) => !kept.includes(id))) await this.deletePartition(releasePartition(old));
    return { status: 'released', releaseId, decisions, published: entities.filter((e) => e.published).length };
  }

  /** Valid contributions by group as of `at`: what each organization (its tenant partition) had posted by then. */
  private async currentContributions(at: Date) {
    const groups = new Map<string, { metric: string; segment: string; period: string; unit: string; values: OrgValue[] }>();
    const entities = this.table.listEntities<ContributionEntity>({
      ...this.op(),
      queryOptions: { filter: odata`PartitionKey ge ${TENANT_PARTITION_PREFIX} and PartitionKey lt ${TENANT_PARTITION_END} and RowKey ne ${QUOTA_ROW}` },
    });
    const cutoff = at.toISOString();
    for await (const e of entities) {
      // The value as of the release time: a later replacement waits for the next release.
      let value: number;
      if (e.updatedAt < cutoff) value = e.value;
      else if (e.releasedValueAt && e.releasedValueAt < cutoff && typeof e.releasedValue === 'number') value = e.releasedValue;
      else continue;
      // Re-checked against today's registry: a narrowed range or a retired metric stops counting.
      const { valid } = this.registry.check({ metric: e.metric, segment: e.segment, period: e.period, value }, at);
      if (!valid) continue;
      const group = groups.get(e.rowKey) ?? { metric: valid.metric, segment: valid.segment, period: valid.period, unit: valid.unit, values: [] };
      group.values.push({ org: e.partitionKey, value: valid.value });
      groups.set(e.rowKey, group);
    }
    return groups;
  }

  private async groupStates(partition: string): Promise<Map<string, ReleaseGroupEntity>> {
    const out = new Map<string, ReleaseGroupEntity>();
    const entities = this.table.listEntities<ReleaseGroupEntity>({ ...this.op(), queryOptions: { filter: odata`PartitionKey eq ${partition}` } });
    for await (const e of entities) out.set(e.rowKey, e);
    return out;
  }

  /** The secret behind the persistent noise: created once (create-only, first writer wins), never returned by the API. */
  private async noiseKey(): Promise<Buffer> {
    for (;;) {
      const row = await this.getOptional<{ key: string }>(RELEASE_META_PARTITION, NOISE_KEY_ROW);
      if (row) return Buffer.from(row.key, 'base64');
      try {
        await this.table.createEntity({ partitionKey: RELEASE_META_PARTITION, rowKey: NOISE_KEY_ROW, key: randomBytes(32).toString('base64') }, this.op());
      } catch (err) {
        if (!conflict(err)) throw err;
      }
    }
  }

  private async deletePartition(partition: string): Promise<void> {
    const keys: string[] = [];
    const entities = this.table.listEntities({ ...this.op(), queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: ['RowKey'] } });
    for await (const e of entities) keys.push(e.rowKey!);
    for (let i = 0; i < keys.length; i += MAX_BATCH) {
      const tx = new TableTransaction();
      for (const rowKey of keys.slice(i, i + MAX_BATCH)) tx.deleteEntity(partition, rowKey);
      await this.table.submitTransaction(tx.actions, this.op());
    }
  }

  private async getOptional<T extends object>(partitionKey: string, rowKey: string, op = this.op()): Promise<TableEntityResult<T> | null> {
    try {
      return await this.table.getEntity<T>(partitionKey, rowKey, op);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }
}

function parseKept(text: string | undefined): string[] {
  try {
    const kept = JSON.parse(text ?? '[]');
    return Array.isArray(kept) ? kept.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function toState(e: ReleaseGroupEntity): GroupState {
  return {
    n: e.n,
    figures: JSON.parse(e.figures || '{}'),
    figuresN: e.figuresN,
    figuresReleaseId: e.figuresReleasedAt || undefined,
    basis: parseBasis(e.basis),
    decision: e.decision as GroupState['decision'],
  };
}
