/**
 * Benchmark storage (api.md § Benchmarks). Pure data access.
 *
 * Layout (names get the clients' prefix):
 *  - table `benchmarks`     PK = key(metric), RK = key(segment) — one published row;
 *  - table `contributions`  PK = `${key(metric)}|${key(segment)}|${key(period)}`, RK = key(tid)
 *                           — one organization's latest value for that period (a repeat
 *                           contribution is an upsert onto the same row: it replaces).
 * key() = NFKC + lower case + percent-escaping of what table keys forbid (/ \ # ? control
 * characters) and of our own | and % (see escapeKey): names match case-insensitively,
 * while rows keep the spelling they were written with.
 *
 * Peer rows are computed on read from the contributions: n = distinct organizations, and
 * p25/p50/p75/p90 (PERCENTILE.INC) only once n ≥ 5 — before that they are absent.
 */
import { odata, TableTransaction } from '@azure/data-tables';
import { z } from 'zod';
import { badRequest } from '../http/problem';
import { fieldErrors } from '../templates/model';
import { StorageClients } from '../storage/clients';
import { isNotFound } from '../storage/errors';
import {
  BenchmarkRow,
  BenchmarkRowInput,
  Contribution,
  ContributionInput,
  DEFAULT_SEGMENT,
  nameKey,
  PEER_MIN_ORGANIZATIONS,
  PEER_SOURCE,
  PeerRow,
  percentileInc,
} from './model';

export interface BenchmarkFilter {
  metric?: string;
  segment?: string;
}

export interface BenchmarkStoreOptions {
  now?: () => Date;
}

interface BenchmarkEntity {
  partitionKey: string;
  rowKey: string;
  metric: string;
  segment: string;
  unit: string;
  value?: number;
  p25?: number;
  p50?: number;
  p75?: number;
  p90?: number;
  n: number;
  source: string;
  updatedAt: string;
}

interface ContributionEntity {
  partitionKey: string;
  rowKey: string;
  metric: string;
  segment: string;
  period: string;
  value: number;
  tid: string;
  updatedAt: string;
}

const OPTIONAL_NUMBERS = ['value', 'p25', 'p50', 'p75', 'p90'] as const;
/** Entity group transactions: at most 100 operations, one partition. */
const MAX_BATCH = 100;

export const contributionPartitionKey = (metric: string, segment: string, period: string) =>
  `${nameKey(metric)}|${nameKey(segment)}|${nameKey(period)}`;

function parseOrBadRequest<S extends z.ZodType>(schema: S, value: unknown, detail: string, root: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(detail, fieldErrors(parsed.error, root));
  return parsed.data;
}

/** The smallest string greater than every string starting with `prefix` (prefix ends in '|'). */
const prefixEnd = (prefix: string) => `${prefix.slice(0, -1)}}`; // '|' + 1 = '}'

export class BenchmarkStore {
  private readonly now: () => Date;

  constructor(
    private readonly clients: StorageClients,
    options: BenchmarkStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
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
      const now = this.now().toISOString();
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
      const partitions = new Map<string, BenchmarkEntity[]>();
      for (const e of byKey.values()) {
        const list = partitions.get(e.partitionKey) ?? [];
        list.push(e);
        partitions.set(e.partitionKey, list);
      }
      for (const [, entities] of partitions) {
        for (let i = 0; i < entities.length; i += MAX_BATCH) {
          const tx = new TableTransaction();
          for (const e of entities.slice(i, i + MAX_BATCH)) tx.upsertEntity(e, 'Replace');
          await this.rows.submitTransaction(tx.actions, this.clients.op());
        }
      }
      return byKey.size;
    });
  }

  /** Published rows, optionally for one metric and/or segment (case-insensitive), by metric then segment. */
  list(filter: BenchmarkFilter = {}): Promise<BenchmarkRow[]> {
    return this.clients.run(async () => {
      const clauses: string[] = [];
      if (filter.metric?.trim()) clauses.push(odata`PartitionKey eq ${nameKey(filter.metric)}`);
      if (filter.segment?.trim()) clauses.push(odata`RowKey eq ${nameKey(filter.segment)}`);
      const out: BenchmarkRow[] = [];
      const entities = this.rows.listEntities<BenchmarkEntity>({
        ...this.clients.op(),
        queryOptions: clauses.length ? { filter: clauses.join(' and ') } : undefined,
      });
      for await (const e of entities) out.push(toRow(e));
      return out.sort((a, b) => compare(a.metric, b.metric) || compare(a.segment, b.segment));
    });
  }

  /** One published row, or null. Segment defaults to "all". */
  find(metric: string, segment: string = DEFAULT_SEGMENT): Promise<BenchmarkRow | null> {
    return this.clients.run(async () => {
      if (!metric?.trim()) return null;
      try {
        const e = await this.rows.getEntity<BenchmarkEntity>(nameKey(metric), nameKey(segment?.trim() || DEFAULT_SEGMENT), this.clients.op());
        return toRow(e);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    });
  }

  /** Records (or replaces) one organization's value for a (metric, segment, period). */
  contribute(input: ContributionInput): Promise<Contribution> {
    return this.clients.run(async () => {
      const c = parseOrBadRequest(ContributionInput, input, 'The contribution is invalid.', '');
      const entity: ContributionEntity = {
        partitionKey: contributionPartitionKey(c.metric, c.segment, c.period),
        rowKey: nameKey(c.tid),
        metric: c.metric,
        segment: c.segment,
        period: c.period,
        value: c.value,
        tid: c.tid,
        updatedAt: this.now().toISOString(),
      };
      await this.contributions.upsertEntity(entity, 'Replace', this.clients.op());
      const { partitionKey: _pk, rowKey: _rk, ...contribution } = entity;
      return contribution;
    });
  }

  /** Peer statistics per (metric, segment, period), optionally filtered (case-insensitive). Never reveals tids. */
  peerRows(filter: BenchmarkFilter = {}): Promise<PeerRow[]> {
    return this.clients.run(async () => {
      const metricKey = filter.metric?.trim() ? nameKey(filter.metric) : undefined;
      const segmentKey = filter.segment?.trim() ? nameKey(filter.segment) : undefined;
      let query: string | undefined;
      if (metricKey !== undefined) {
        const prefix = segmentKey !== undefined ? `${metricKey}|${segmentKey}|` : `${metricKey}|`;
        query = odata`PartitionKey ge ${prefix} and PartitionKey lt ${prefixEnd(prefix)}`;
      }
      const groups = new Map<string, ContributionEntity[]>();
      const entities = this.contributions.listEntities<ContributionEntity>({
        ...this.clients.op(),
        queryOptions: query ? { filter: query } : undefined,
      });
      for await (const e of entities) {
        if (segmentKey !== undefined && e.partitionKey.split('|')[1] !== segmentKey) continue;
        if (typeof e.value !== 'number' || !Number.isFinite(e.value)) continue;
        const list = groups.get(e.partitionKey) ?? [];
        list.push(e);
        groups.set(e.partitionKey, list);
      }
      const out: PeerRow[] = [];
      for (const list of groups.values()) out.push(peerRow(list));
      return out.sort((a, b) => compare(a.metric, b.metric) || compare(a.segment, b.segment) || compare(a.period, b.period));
    });
  }

  /** True when no published benchmark row exists (seed then). */
  isEmpty(): Promise<boolean> {
    return this.clients.run(async () => {
      const page = await this.rows
        .listEntities({ ...this.clients.op(), queryOptions: { select: ['RowKey'] } })
        .byPage({ maxPageSize: 1 })
        .next();
      return page.done === true || page.value.length === 0;
    });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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

/** One partition's contributions (one row per organization) → the peer row. */
function peerRow(rows: ContributionEntity[]): PeerRow {
  // Display names from the latest contribution; keys already made them equal case-insensitively.
  const latest = rows.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
  const organizations = new Set(rows.map((r) => r.rowKey));
  const peer: PeerRow = {
    metric: latest.metric,
    segment: latest.segment,
    period: latest.period,
    n: organizations.size,
    source: PEER_SOURCE,
    updatedAt: latest.updatedAt,
  };
  if (peer.n >= PEER_MIN_ORGANIZATIONS) {
    const values = rows.map((r) => r.value).sort((a, b) => a - b);
    peer.p25 = percentileInc(values, 0.25);
    peer.p50 = percentileInc(values, 0.5);
    peer.p75 = percentileInc(values, 0.75);
    peer.p90 = percentileInc(values, 0.9);
  }
  return peer;
}
