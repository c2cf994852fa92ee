/**
 * Template storage (api.md § Templates, "Consistency"). Pure data access: no HTTP parsing,
 * no auth — handlers validate the upload and the caller, then call this.
 *
 * Layout (names get the clients' prefix):
 *  - blob   `templates/{id}/v{n}.xlsx` — immutable bytes of version n, written create-only
 *           (`If-None-Match: *`), blob metadata {sha256, createdat};
 *  - table  `templateversions`  PK = id, RK = `v` + n zero-padded to 10 digits —
 *           {version, sha256, sizeBytes, createdAt, blob};
 *  - table  `templates`         PK = 'template', RK = id — the metadata row; its table ETag
 *           is the template's ETag. A version exists for readers only once this row names
 *           it (`version` ≥ n); nothing else is visible.
 *
 * Tenancy: ids are one namespace (a downloadUrl names exactly one template). The row's
 * `owner` is the organization (`tid`) that published it; a row without one is a built-in
 * (what the seed publishes, and every row written before tenancy existed). Readers see
 * built-ins, shared templates and their own organization's (`canRead`); only the owner
 * writes (`canWrite`): an organization its templates, the seed (BUILT_IN_PUBLISHER, which
 * only /api/builtins writes as, for the app role Templates.Publisher) the built-ins. A template a reader cannot see is "not found" to it,
 * for writes too; creating an id anyone holds is 409 without saying whose.
 *
 * Quota: an organization stores at most `quota.versionsPerOrganization` versions (default
 * 1,000, each at most 5 MiB) over all its templates, deleted ones included (they keep their
 * bytes); the next create or update is refused with 403 before anything is written. The count
 * is taken before each write, so writes racing past it together can exceed it by their number.
 * The built-ins (the seed) have no quota. Lists are paged by id (`listPage`, keyset).
 *
 * Write order: blob first, then the version row, then the metadata row with an ETag
 * condition (insert-only on create; Replace with the ETag read up-front on update/remove).
 * The metadata write is the commit point and the only serialization point readers see:
 * of N concurrent updates from the same ETag exactly one commits, the rest get 412.
 *
 * Crash consistency: a crash after the blob (or the version row) leaves a leftover nobody
 * sees (get/list/download go through the metadata row; version rows above the committed
 * version are ignored). A retry then meets the leftover blob (409 on the create-only write):
 *  - metadata already at ≥ n (or its ETag moved) → someone committed: 409 (create) / 412 (update);
 *  - the blob holds the same bytes (sha256) → reuse it (its metadata is rewritten under
 *    If-Match, refreshing Last-Modified and failing if it was replaced meanwhile);
 *  - it is older than the grace period (30 s, measured on the server's clock: response
 *    Date − Last-Modified) → its writer is presumed dead: CLAIM the metadata row (a
 *    conditional write that changes its ETag; on create, a `pending` placeholder row that
 *    readers ignore), then overwrite the blob under If-Match on its ETag. Whoever meant to
 *    commit the old bytes holds the old ETag and can no longer commit, so correctness never
 *    depends on timing — a writer stalled beyond the grace period loses with 412/409;
 *  - otherwise another writer is mid-flight → 409 (create) / 412 (update), retry later.
 * Only a claim holder may replace a leftover version row. Downloads verify the bytes against
 * the committed sha256 (a mismatch is a 500, never served).
 */
import { createHash } from 'crypto';
import { odata, TableEntityResult } from '@azure/data-tables';
import { BlockBlobClient } from '@azure/storage-blob';
import { z } from 'zod';
import { StorageClients } from '../storage/clients';
import { isAlreadyExists, isConditionFailed, isNotFound } from '../storage/errors';
import { decodeContinuationToken, encodeContinuationToken } from '../http/continuation-token';
import { HttpProblem, badRequest, conflict, forbidden, gone, notFound, preconditionFailed } from '../http/problem';
import {
  ANONYMOUS_READER,
  BUILT_IN_PUBLISHER,
  canRead,
  canWrite,
  fieldErrors,
  TEMPLATE_ID_RE,
  TemplateCategory,
  TemplateMetadata,
  TemplateMetadataInput,
  TemplateMetadataUpdateInput,
  TemplateReader,
  TemplateRecord,
  TemplateVersion,
  TemplateWriter,
  XLSX_CONTENT_TYPE,
} from './model';

const META_PARTITION = 'template';
const DEFAULT_ORPHAN_GRACE_MS = 30_000;

export interface TemplateStoreFaults {
  /** Called after the version blob is stored and before any table write: throw to simulate a crash. */
  afterBlobWrite?: (at: { id: string; version: number }) => void | Promise<void>;
}

export interface TemplateQuota {
  /** Versions an organization may store over all its templates (deleted ones included). */
  versionsPerOrganization: number;
}

export const DEFAULT_TEMPLATE_QUOTA: TemplateQuota = Object.freeze({ versionsPerOrganization: 1000 });

/** Page sizes of GET /api/templates (`?top=`). */
export const DEFAULT_TEMPLATE_PAGE_SIZE = 200;
export const MAX_TEMPLATE_PAGE_SIZE = 1000;

export interface TemplatePage {
  items: TemplateRecord[];
  /** Present when more items follow: pass it back to get them. */
  continuationToken?: string;
}

export interface TemplateStoreOptions {
  faults?: TemplateStoreFaults;
  /** Per-organization storage quota (default DEFAULT_TEMPLATE_QUOTA). */
  quota?: TemplateQuota;
  /**
   * How long the list of visible templates is reused (default 2,000 ms; 0 = never). Writes
   * through this store clear it at once; another instance's writes show within this time.
   * Concurrent list requests share one storage query either way.
   */
  listCacheMs?: number;
  /** How old an orphan blob must be before a retry may overwrite it (default 30 000 ms). */
  orphanGraceMs?: number;
  /** Clock for createdAt/updatedAt (tests). */
  now?: () => Date;
}

export interface TemplateListFilter {
  category?: TemplateCategory | string;
  q?: string;
}

export interface TemplateDetails {
  record: TemplateRecord;
  /** Committed versions, oldest first. */
  versions: TemplateVersion[];
}

export interface TemplateDownload {
  bytes: Buffer;
  version: number;
  sha256: string;
  /** The template's current record (check `deleted` → 410). */
  record: TemplateRecord;
}

interface MetaEntity {
  partitionKey: string;
  rowKey: string;
  id: string;
  version: number;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  category: string;
  /** JSON array of strings. */
  tags: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** The publishing organization's `tid`; absent or '' for a built-in. */
  owner?: string;
  /** 'tenant' | 'shared' (absent on rows written before tenancy: read as built-ins anyway). */
  visibility?: string;
}

interface VersionEntity {
  partitionKey: string;
  rowKey: string;
  version: number;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
  blob: string;
}

type Mode = 'create' | 'update';

interface WriteState {
  mode: Mode;
  id: string;
  /** The version being written. */
  n: number;
  /** ETag the metadata commit is conditioned on: the current row (update), a pending placeholder (create) or none. */
  etag: string | undefined;
  /** True once this attempt claimed the row (then it alone may replace uncommitted leftovers). */
  claimed: boolean;
}

interface CommittedMeta {
  kind: 'committed';
  entity: MetaEntity;
  record: TemplateRecord;
  etag: string;
}

type MetaRead = CommittedMeta | { kind: 'pending'; etag: string };

export const versionRowKey = (version: number) => `v${String(version).padStart(10, '0')}`;
export const versionBlobName = (id: string, version: number) => `${id}/v${version}.xlsx`;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Case- and width-insensitive search text (full-width Ｐｅｒｆ matches perf). */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

function parseOrBadRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest('Template metadata is invalid.', fieldErrors(parsed.error, 'metadata'));
  return parsed.data;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class TemplateStore {
  private readonly faults: TemplateStoreFaults;
  private readonly orphanGraceMs: number;
  private readonly now: () => Date;
  private readonly listCacheMs: number;
  private listCache: { at: number; rows: Promise<TemplateRecord[]> } | undefined;
  readonly quota: TemplateQuota;

  constructor(
    private readonly clients: StorageClients,
    options: TemplateStoreOptions = {},
  ) {
    this.faults = options.faults ?? {};
    this.listCacheMs = options.listCacheMs ?? 2_000;
    this.quota = options.quota ?? DEFAULT_TEMPLATE_QUOTA;
    this.orphanGraceMs = options.orphanGraceMs ?? DEFAULT_ORPHAN_GRACE_MS;
    this.now = options.now ?? (() => new Date());
  }

  private get metaTable() {
    return this.clients.tables.templates;
  }

  private get versionTable() {
    return this.clients.tables.templateversions;
  }

  private blob(id: string, version: number): BlockBlobClient {
    return this.clients.templatesContainer.getBlockBlobClient(versionBlobName(id, version));
  }

  // ---------------------------------------------------------------- reads

  /**
   * Every template `reader` may see that is not deleted, by id; `q` matches id, both titles
   * and tags (case-insensitive).
   */
  async list(filter: TemplateListFilter = {}, reader: TemplateReader = ANONYMOUS_READER): Promise<TemplateRecord[]> {
    const q = filter.q?.trim() ? fold(filter.q.trim()) : undefined;
    return (await this.visible()).filter(
      (record) =>
        canRead(record, reader) &&
        (!filter.category || record.category === filter.category) &&
        (!q || [record.id, record.title.en, record.title.zh, ...record.tags].some((s) => fold(s).includes(q))),
    );
  }

  /**
   * One page of `list`, by id: at most `top` templates after the continuation token's id. The
   * token names the last id sent, so a page never repeats or skips a template that existed
   * throughout, whatever is added or removed meanwhile.
   */
  async listPage(
    filter: TemplateListFilter = {},
    reader: TemplateReader = ANONYMOUS_READER,
    page: { top?: number; continuationToken?: string } = {},
  ): Promise<TemplatePage> {
    const top = page.top ?? DEFAULT_TEMPLATE_PAGE_SIZE;
    if (!Number.isSafeInteger(top) || top < 1 || top > MAX_TEMPLATE_PAGE_SIZE) {
      throw badRequest('The query parameters are invalid.', [{ path: 'top', message: `must be an integer from 1 to ${MAX_TEMPLATE_PAGE_SIZE}` }]);
    }
    const after = decodeListToken(page.continuationToken);
    const matching = await this.list(filter, reader);
    const start = after === undefined ? 0 : matching.findIndex((r) => r.id > after);
    const items = start < 0 ? [] : matching.slice(start, start + top);
    const more = start >= 0 && start + top < matching.length;
    return { items, ...(more ? { continuationToken: encodeListToken(items[items.length - 1].id) } : {}) };
  }

  /** All visible templates sorted by id: one storage query shared by concurrent callers, reused briefly. */
  private visible(): Promise<TemplateRecord[]> {
    const now = Date.now();
    if (this.listCache && (this.listCacheMs > 0 ? now - this.listCache.at < this.listCacheMs : false)) return this.listCache.rows;
    const rows = this.clients.run(async () => {
      const out: TemplateRecord[] = [];
      const entities = this.metaTable.listEntities<MetaEntity>({
        ...this.clients.op(),
        queryOptions: { filter: `PartitionKey eq '${META_PARTITION}' and deleted eq false` },
      });
      for await (const entity of entities) {
        const record = toRecord(entity);
        if (record && !record.deleted) out.push(record);
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    });
    this.listCache = { at: now, rows };
    const forget = () => {
      if (this.listCache?.rows === rows) this.listCache = undefined;
    };
    // A failed query is never reused; with caching off, the shared query ends when it settles.
    rows.then(() => (this.listCacheMs > 0 ? undefined : forget()), forget);
    return rows;
  }

  private invalidateList(): void {
    this.listCache = undefined;
  }

  /** The record (deleted ones too, with deleted=true) and its committed versions; null if unknown or not `reader`'s to see. */
  get(id: string, reader: TemplateReader = ANONYMOUS_READER): Promise<TemplateDetails | null> {
    return this.clients.run(async () => {
      if (!TEMPLATE_ID_RE.test(id)) return null;
      const record = await this.readRecord(id);
      if (!record || !canRead(record, reader)) return null;
      return { record, versions: await this.readVersions(id, record.version) };
    });
  }

  /**
   * The bytes of a committed version (default: the current one) with its sha256 and the
   * template's record; null for an unknown id or version. Deleted templates are returned
   * too (record.deleted = true): the handler answers 410.
   */
  download(id: string, version?: number, reader: TemplateReader = ANONYMOUS_READER): Promise<TemplateDownload | null> {
    return this.clients.run(async () => {
      if (!TEMPLATE_ID_RE.test(id)) return null;
      if (version !== undefined && (!Number.isSafeInteger(version) || version < 1)) return null;
      const record = await this.readRecord(id);
      if (!record || !canRead(record, reader)) return null;
      const n = version ?? record.version;
      if (n > record.version) return null;
      let sha256 = record.sha256;
      if (n !== record.version) {
        const row = await this.readVersionRow(id, n);
        if (!row) return null;
        sha256 = row.sha256;
      }
      let bytes: Buffer;
      try {
        bytes = await this.blob(id, n).downloadToBuffer(0, undefined, this.clients.op());
      } catch (err) {
        if (isNotFound(err)) throw integrityFailure();
        throw err;
      }
      if (sha256Hex(bytes) !== sha256) throw integrityFailure();
      return { bytes, version: n, sha256, record };
    });
  }

  /** True when no template row exists at all (deleted ones count: never re-seed over an admin's delete). */
  isEmpty(): Promise<boolean> {
    return this.clients.run(async () => !(await this.clients.hasRows('templates')));
  }

  // ---------------------------------------------------------------- writes

  /**
   * Version 1 of a new template owned by `writer` (handlers pass the caller's organization;
   * the default, the built-in publisher, is the seed's). Id taken (by anyone, even by a
   * deleted template) → 409.
   */
  create(input: TemplateMetadataInput, bytes: Uint8Array, writer: TemplateWriter = BUILT_IN_PUBLISHER): Promise<TemplateRecord> {
    return this.afterWrite(this.createNow(input, bytes, writer));
  }

  /** A new version; only `writer`'s own template (another's: 404 if it cannot see it, else 403). */
  update(id: string, input: TemplateMetadataUpdateInput, bytes: Uint8Array, ifMatch: string, writer: TemplateWriter = BUILT_IN_PUBLISHER): Promise<TemplateRecord> {
    return this.afterWrite(this.updateNow(id, input, bytes, ifMatch, writer));
  }

  remove(id: string, ifMatch: string, writer: TemplateWriter = BUILT_IN_PUBLISHER): Promise<TemplateRecord> {
    return this.afterWrite(this.removeNow(id, ifMatch, writer));
  }

  /** Whatever a write did (even half of it), this instance lists fresh rows afterwards. */
  private async afterWrite<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.invalidateList();
    }
  }

  private createNow(input: TemplateMetadataInput, bytes: Uint8Array, writer: TemplateWriter): Promise<TemplateRecord> {
    return this.clients.run(async () => {
      const meta = parseOrBadRequest(TemplateMetadataInput, input);
      const data = checkBytes(bytes);
      const id = meta.id;
      const found = await this.readMeta(id);
      if (found?.kind === 'committed') throw taken(id);
      await this.checkQuota(writer);

      // A pending placeholder (left by an orphan recovery) is committed over with its ETag.
      const state: WriteState = { mode: 'create', id, n: 1, etag: found?.etag, claimed: false };
      const now = this.now().toISOString();
      const sha256 = sha256Hex(data);
      await this.writeVersionBlob(state, data, sha256, now);
      await this.faults.afterBlobWrite?.({ id, version: 1 });
      await this.writeVersionRow(state, data.byteLength, sha256, now);

      const entity = toEntity(meta, writer, { version: 1, sizeBytes: data.byteLength, sha256, createdAt: now, updatedAt: now, deleted: false });
      try {
        const res = state.etag
          ? await this.metaTable.updateEntity(entity, 'Replace', { ...this.clients.op(), etag: state.etag })
          : await this.metaTable.createEntity(entity, this.clients.op());
        return fromEntity(entity, res.etag);
      } catch (err) {
        if (isAlreadyExists(err) || isConditionFailed(err) || isNotFound(err)) {
          throw (await this.readMeta(id))?.kind === 'committed' ? taken(id) : busy(state);
        }
        throw err;
      }
    });
  }

  /**
   * A new version (current + 1) with new metadata, if `ifMatch` is the current ETag
   * (`*` matches any). Stale → 412; unknown → 404; deleted → 410.
   */
  private updateNow(id: string, input: TemplateMetadataUpdateInput, bytes: Uint8Array, ifMatch: string, writer: TemplateWriter): Promise<TemplateRecord> {
    return this.clients.run(async () => {
      const parsed = parseOrBadRequest(TemplateMetadataUpdateInput, input);
      if (parsed.id !== undefined && parsed.id !== id) {
        throw badRequest('Template metadata is invalid.', [{ path: 'metadata.id', message: `must be '${id}' (the template being updated)` }]);
      }
      const meta: TemplateMetadata = { ...parsed, id };
      const data = checkBytes(bytes);
      const current = await this.readCurrentForWrite(id, ifMatch, writer);
      await this.checkQuota(writer);

      const state: WriteState = { mode: 'update', id, n: current.record.version + 1, etag: current.record.etag, claimed: false };
      const now = this.now().toISOString();
      const sha256 = sha256Hex(data);
      await this.writeVersionBlob(state, data, sha256, now);
      await this.faults.afterBlobWrite?.({ id, version: state.n });
      await this.writeVersionRow(state, data.byteLength, sha256, now);

      const entity = toEntity(meta, writer, {
        version: state.n,
        sizeBytes: data.byteLength,
        sha256,
        createdAt: current.record.createdAt,
        updatedAt: now,
        deleted: false,
      });
      return this.commit(entity, state.etag!);
    });
  }

  /** Soft delete (versions and bytes kept) if `ifMatch` is current. Stale → 412; unknown → 404; already deleted → 410. */
  private removeNow(id: string, ifMatch: string, writer: TemplateWriter): Promise<TemplateRecord> {
    return this.clients.run(async () => {
      const current = await this.readCurrentForWrite(id, ifMatch, writer);
      const entity: MetaEntity = { ...current.entity, updatedAt: this.now().toISOString(), deleted: true };
      return this.commit(entity, current.record.etag);
    });
  }

  // ---------------------------------------------------------------- internals

  /** 403 when the writer's organization already stores its quota of versions (built-ins: none). */
  private async checkQuota(writer: TemplateWriter): Promise<void> {
    if ('builtIn' in writer) return;
    let stored = 0;
    const rows = this.metaTable.listEntities<{ version?: number }>({
      ...this.clients.op(),
      queryOptions: { filter: odata`PartitionKey eq ${META_PARTITION} and owner eq ${writer.tenantId}`, select: ['version'] },
    });
    for await (const row of rows) stored += typeof row.version === 'number' ? row.version : 0;
    const max = this.quota.versionsPerOrganization;
    if (stored + 1 > max) {
      throw forbidden(
        `Your organization stores ${stored} template versions, its quota is ${max} (deleted templates keep theirs): nothing was written. Ask the operator to raise it.`,
      );
    }
  }

  private async commit(entity: MetaEntity, etag: string): Promise<TemplateRecord> {
    try {
      const res = await this.metaTable.updateEntity(entity, 'Replace', { ...this.clients.op(), etag });
      return fromEntity(entity, res.etag);
    } catch (err) {
      if (isConditionFailed(err)) throw staleEtag(entity.id);
      if (isNotFound(err)) throw notFound(`Template '${entity.id}' was not found.`);
      throw err;
    }
  }

  private async readCurrentForWrite(id: string, ifMatch: string, writer: TemplateWriter): Promise<CommittedMeta> {
    if (typeof ifMatch !== 'string' || ifMatch.trim() === '') {
      throw new HttpProblem(428, 'Precondition Required', 'An If-Match header with the template ETag is required.');
    }
    const found = TEMPLATE_ID_RE.test(id) ? await this.readMeta(id) : null;
    // What the writer cannot even see does not exist for it; what it sees but does not own is read-only.
    const reader: TemplateReader = { tenantId: 'builtIn' in writer ? null : writer.tenantId };
    if (found?.kind !== 'committed' || !canRead(found.record, reader)) throw notFound(`Template '${id}' was not found.`);
    if (!canWrite(found.record, writer)) {
      throw forbidden(
        found.record.builtIn
          ? `Template '${id}' is built in: it is read-only.`
          : `Template '${id}' belongs to another organization: it is read-only for yours.`,
      );
    }
    if (found.record.deleted) throw gone(`Template '${id}' has been deleted.`);
    if (ifMatch.trim() !== '*' && ifMatch.trim() !== found.record.etag) throw staleEtag(id);
    return found;
  }

  /** The metadata row: committed, a pending placeholder (invisible to readers), or null. */
  private async readMeta(id: string): Promise<MetaRead | null> {
    let entity: TableEntityResult<MetaEntity & { pending?: boolean }>;
    try {
      entity = await this.metaTable.getEntity<MetaEntity & { pending?: boolean }>(META_PARTITION, id, this.clients.op());
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    if (entity.pending === true) return { kind: 'pending', etag: entity.etag };
    const record = toRecord(entity);
    if (!record) throw corruptRow();
    return { kind: 'committed', entity: stripEntity(entity), record, etag: record.etag };
  }

  private async readRecord(id: string): Promise<TemplateRecord | null> {
    const found = await this.readMeta(id);
    return found?.kind === 'committed' ? found.record : null;
  }

  private async readVersionRow(id: string, version: number): Promise<TableEntityResult<VersionEntity> | null> {
    try {
      return await this.versionTable.getEntity<VersionEntity>(id, versionRowKey(version), this.clients.op());
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async readVersions(id: string, committed: number): Promise<TemplateVersion[]> {
    const versions: TemplateVersion[] = [];
    const rows = this.versionTable.listEntities<VersionEntity>({
      ...this.clients.op(),
      queryOptions: { filter: `PartitionKey eq '${id}' and RowKey le '${versionRowKey(committed)}'` },
    });
    for await (const row of rows) {
      const v = TemplateVersion.safeParse({ version: row.version, sha256: row.sha256, sizeBytes: row.sizeBytes, createdAt: row.createdAt });
      if (v.success && v.data.version <= committed) versions.push(v.data);
    }
    return versions.sort((a, b) => a.version - b.version);
  }

  /**
   * Claims the metadata row before replacing an uncommitted leftover: a conditional write
   * that changes its ETag (update: merge `claimedAt` into the committed row; create: insert
   * or re-claim a pending placeholder). Every writer that decided to commit the leftover's
   * bytes holds the old ETag, so none of them can commit any more — whatever their timing.
   */
  private async claim(state: WriteState, now: string): Promise<void> {
    try {
      const res = state.etag
        ? await this.metaTable.updateEntity({ partitionKey: META_PARTITION, rowKey: state.id, claimedAt: now }, 'Merge', {
            ...this.clients.op(),
            etag: state.etag,
          })
        : await this.metaTable.createEntity({ partitionKey: META_PARTITION, rowKey: state.id, id: state.id, pending: true, claimedAt: now }, this.clients.op());
      if (!res.etag) throw busy(state);
      state.etag = res.etag;
      state.claimed = true;
    } catch (err) {
      if (isConditionFailed(err) || isAlreadyExists(err) || isNotFound(err)) throw busy(state);
      throw err;
    }
  }

  /** Step 1: the immutable version blob, with orphan handling (see the file comment). */
  private async writeVersionBlob(state: WriteState, data: Buffer, sha256: string, createdAt: string): Promise<void> {
    const { mode, id, n } = state;
    const blob = this.blob(id, n);
    const upload = (conditions: { ifNoneMatch?: string; ifMatch?: string }) =>
      blob.upload(data, data.byteLength, {
        ...this.clients.op(),
        conditions,
        metadata: { sha256, createdat: createdAt },
        blobHTTPHeaders: { blobContentType: XLSX_CONTENT_TYPE },
      });

    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await upload({ ifNoneMatch: '*' });
        return;
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }

      // The blob exists: committed by someone else, or a leftover of a crashed/concurrent write?
      const found = await this.readMeta(id);
      if (mode === 'create') {
        if (found?.kind === 'committed') throw taken(id);
        if (found?.etag !== state.etag) throw busy(state); // someone claimed it meanwhile
      } else {
        if (found?.kind !== 'committed') throw notFound(`Template '${id}' was not found.`);
        if (found.record.version >= n || found.etag !== state.etag) throw staleEtag(id);
      }

      let props;
      try {
        props = await blob.getProperties(this.clients.op());
      } catch (err) {
        if (isNotFound(err)) continue; // vanished meanwhile: try the create-only write again
        throw err;
      }
      const etag = props.etag;
      if (!etag) throw busy(state);
      try {
        if (props.metadata?.sha256 === sha256) {
          // Same bytes: reuse. Rewriting its metadata under If-Match refreshes Last-Modified
          // (a live writer's blob is not taken for a stale one) and fails if it was replaced.
          await blob.setMetadata({ ...props.metadata, sha256 }, { ...this.clients.op(), conditions: { ifMatch: etag } });
          return;
        }
        const serverNow = props.date?.getTime() ?? Date.now();
        const age = props.lastModified ? serverNow - props.lastModified.getTime() : 0;
        if (age <= this.orphanGraceMs) throw busy(state);
        // A leftover whose writer is presumed dead: claim the row, then take the blob's place.
        await this.claim(state, createdAt);
        await upload({ ifMatch: etag });
        return;
      } catch (err) {
        rethrowUnlessGone(err, state);
      }
    }
    throw busy(state);
  }

  /**
   * Step 2: the version row. The same content may already be there (a retry); a different
   * one is an uncommitted leftover that only a claim holder may replace.
   */
  private async writeVersionRow(state: WriteState, sizeBytes: number, sha256: string, createdAt: string): Promise<void> {
    const { id, n } = state;
    const entity: VersionEntity = {
      partitionKey: id,
      rowKey: versionRowKey(n),
      version: n,
      sha256,
      sizeBytes,
      createdAt,
      blob: versionBlobName(id, n),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.versionTable.createEntity(entity, this.clients.op());
        return;
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
      const existing = await this.readVersionRow(id, n);
      if (!existing) continue;
      if (existing.sha256 === sha256) return;
      if (!state.claimed) throw busy(state);
      try {
        await this.versionTable.updateEntity(entity, 'Replace', { ...this.clients.op(), etag: existing.etag });
        return;
      } catch (err) {
        rethrowUnlessGone(err, state);
      }
    }
    throw busy(state);
  }
}

// ------------------------------------------------------------------ helpers

const LIST_TOKEN = z.object({ v: z.literal(1), s: z.literal('templates'), a: z.string().regex(TEMPLATE_ID_RE) });

function encodeListToken(lastId: string): string {
  return encodeContinuationToken({ v: 1, s: 'templates', a: lastId });
}

/** The id a continuation token continues after; 400 for anything this API did not issue. */
function decodeListToken(token: string | undefined): string | undefined {
  return decodeContinuationToken(token, LIST_TOKEN, 512)?.a;
}

function checkBytes(bytes: Uint8Array): Buffer {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw badRequest('The workbook file is empty.');
  return toBuffer(bytes);
}

const staleEtag = (id: string) => preconditionFailed(`Template '${id}' was changed by another request; reload it and retry with its current ETag.`);

const taken = (id: string) => conflict(`A template with id '${id}' already exists.`);

const busy = ({ mode, id }: WriteState) =>
  mode === 'create'
    ? conflict(`Another upload of template '${id}' is in progress; retry shortly.`)
    : preconditionFailed(`Another update of template '${id}' is in progress; reload it and retry.`);

/**
 * A conditional replace that failed: lost to another writer → busy; its target gone meanwhile →
 * returns, so that the write is tried again; anything else is rethrown.
 */
function rethrowUnlessGone(err: unknown, state: WriteState): void {
  if (isConditionFailed(err)) throw busy(state);
  if (!isNotFound(err)) throw err;
}

const integrityFailure = () => new HttpProblem(500, 'Internal Server Error', 'The stored workbook failed its integrity check.');
const corruptRow = () => new HttpProblem(500, 'Internal Server Error', 'A stored template record is unreadable.');

function toEntity(
  meta: TemplateMetadata,
  writer: TemplateWriter,
  state: { version: number; sizeBytes: number; sha256: string; createdAt: string; updatedAt: string; deleted: boolean },
): MetaEntity {
  const builtIn = 'builtIn' in writer;
  return {
    partitionKey: META_PARTITION,
    rowKey: meta.id,
    id: meta.id,
    version: state.version,
    titleEn: meta.title.en,
    titleZh: meta.title.zh,
    descriptionEn: meta.description.en,
    descriptionZh: meta.description.zh,
    category: meta.category,
    tags: JSON.stringify(meta.tags),
    sizeBytes: state.sizeBytes,
    sha256: state.sha256,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    deleted: state.deleted,
    owner: builtIn ? '' : writer.tenantId,
    visibility: builtIn ? 'shared' : meta.visibility,
  };
}

/** Only our own columns (drops etag, timestamp, odata.metadata) so a Replace writes exactly them. */
function stripEntity(e: MetaEntity): MetaEntity {
  return {
    partitionKey: e.partitionKey,
    rowKey: e.rowKey,
    id: e.id,
    version: e.version,
    titleEn: e.titleEn,
    titleZh: e.titleZh,
    descriptionEn: e.descriptionEn,
    descriptionZh: e.descriptionZh,
    category: e.category,
    tags: e.tags,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    deleted: e.deleted,
    owner: e.owner ?? '',
    visibility: e.visibility ?? 'shared',
  };
}

function parseTags(json: unknown): unknown {
  try {
    return typeof json === 'string' ? JSON.parse(json) : undefined;
  } catch {
    return undefined;
  }
}

function fromEntity(e: MetaEntity, etag: string | undefined): TemplateRecord {
  const record = toRecord({ ...e, etag: etag ?? '' });
  if (!record) throw corruptRow();
  return record;
}

function toRecord(e: MetaEntity & { etag?: string }): TemplateRecord | null {
  const parsed = TemplateRecord.safeParse({
    id: e.rowKey,
    version: e.version,
    title: { en: e.titleEn, zh: e.titleZh },
    description: { en: e.descriptionEn, zh: e.descriptionZh },
    category: e.category,
    tags: parseTags(e.tags),
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    deleted: e.deleted === true,
    builtIn: !e.owner,
    owner: e.owner ? e.owner : null,
    // Built-ins (and rows from before tenancy) are everyone's.
    visibility: e.owner ? e.visibility : 'shared',
    etag: e.etag,
  });
  return parsed.success ? parsed.data : null;
}

