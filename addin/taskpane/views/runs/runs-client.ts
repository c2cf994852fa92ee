/**
 * The Runs view's client for the payout-run routes (docs/spec/api.md "Payout runs", issue 13):
 * every call carries `Authorization: Bearer <token>` (runs are never public), failures become
 * the pane's ApiError (api.ts: problem+json fields, `network`, `parse`, `timeout`), and answers
 * are checked and normalized as api.ts normalizes templates: text stays text, numbers finite.
 *
 *   submit    POST /runs (multipart metadata + file) → 202 new / 200 the same run again
 *   list      GET  /runs?status=&period=&top=&continuationToken=
 *   get       GET  /runs/{id} → the run + its ETag
 *   people    GET  /runs/{id}/results → who can have a statement
 *   statement GET  /runs/{id}/statements/{person}?format=html|xlsx
 *   decide    POST /runs/{id}/approve|reject {comment} with If-Match: the ETag of the last GET
 *   payroll   GET  /runs/{id}/payroll?format=csv|xlsx
 *   audit     GET  /runs/{id}/audit → the run's history, its hash chain verified by the API
 */
import { ApiError, type FetchLike, REQUEST_TIMEOUT_MS, fetchChecked, isAbortError, looksLikeXlsx, withinTime } from '../../api';
import type { RunSettings } from '../../../../calc/run-settings';

export const RUN_STATUSES = ['queued', 'calculated', 'awaiting-approval', 'approved', 'rejected', 'exported', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Uploads and downloads of whole workbooks may take longer than a listing. */
export const TRANSFER_TIMEOUT_MS = 120_000;

export interface RunActorView {
  oid?: string;
  name?: string;
  tid?: string;
  sub?: string;
}

export interface RunStep {
  level: number;
  name: string;
  status: StepStatus;
  startedAt?: string;
  dueAt?: string;
  overdue: boolean;
  decidedBy?: RunActorView;
  decidedAt?: string;
  comment?: string;
}

export interface RunError {
  person?: string;
  cell?: string;
  message: string;
}

export interface Run {
  id: string;
  status: RunStatus;
  period: string;
  peopleTable: string;
  payoutColumn: string;
  currency?: string;
  templateId?: string;
  templateVersion?: number;
  workbook?: { sha256: string; bytes?: number };
  submittedBy?: string;
  submittedAt?: string;
  updatedAt?: string;
  totals: { payout: number; people: number } | null;
  tier: number | null;
  steps: RunStep[];
  overdue: boolean;
  errors: RunError[];
}

export interface RunPerson {
  row: number;
  name: string;
  id?: string;
  /** The key of their statement (`row-3` or their id). */
  statement: string;
  payout: number | null;
}

export const AUDIT_ACTIONS = ['submit', 'calculate', 'route', 'fail', 'approve', 'reject', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryView {
  seq: number;
  at: string;
  action: AuditAction;
  actor: RunActorView;
  before: RunStatus | null;
  after: RunStatus | null;
  /** The approval level a decision concerns, and its comment, when the entry says. */
  level?: number;
  comment?: string;
}

export interface AuditView {
  entries: AuditEntryView[];
  verified: boolean;
  problems: { seq?: number; message: string }[];
}

export interface FetchedFile {
  bytes: Uint8Array;
  fileName: string;
  type: string;
}

// ---------------------------------------------------------------------------------------------
// Normalizing

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const RUN_ID = /^[0-9a-f]{32}$/;

function actor(raw: unknown): RunActorView | undefined {
  if (!isObject(raw)) return undefined;
  const view = { oid: optionalText(raw.oid), name: optionalText(raw.name), tid: optionalText(raw.tid), sub: optionalText(raw.sub) };
  return view.oid || view.name || view.sub ? view : undefined;
}

function step(raw: unknown, index: number): RunStep | null {
  if (!isObject(raw)) return null;
  const status = (STEP_STATUSES as readonly unknown[]).includes(raw.status) ? (raw.status as StepStatus) : null;
  if (!status) return null;
  return {
    level: finite(raw.level) ?? index + 1,
    name: optionalText(raw.name) ?? '',
    status,
    startedAt: optionalText(raw.startedAt),
    dueAt: optionalText(raw.dueAt),
    overdue: raw.overdue === true,
    decidedBy: actor(raw.decidedBy),
    decidedAt: optionalText(raw.decidedAt),
    comment: optionalText(raw.comment),
  };
}

/** A run as the API sends it, checked; null when it is not one. */
export function normalizeRun(raw: unknown): Run | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || !RUN_ID.test(raw.id)) return null;
  if (!(RUN_STATUSES as readonly unknown[]).includes(raw.status)) return null;
  const totals = isObject(raw.totals) && finite(raw.totals.payout) !== undefined ? { payout: finite(raw.totals.payout)!, people: finite(raw.totals.people) ?? 0 } : null;
  const steps = Array.isArray(raw.steps) ? raw.steps.map(step).filter((s): s is RunStep => s !== null) : [];
  const workbook = isObject(raw.workbook) && typeof raw.workbook.sha256 === 'string' ? { sha256: raw.workbook.sha256, bytes: finite(raw.workbook.bytes) } : undefined;
  const tier = finite(raw.tier);
  return {
    id: raw.id,
    status: raw.status as RunStatus,
    period: typeof raw.period === 'string' ? raw.period : '',
    peopleTable: typeof raw.peopleTable === 'string' ? raw.peopleTable : '',
    payoutColumn: typeof raw.payoutColumn === 'string' ? raw.payoutColumn : '',
    currency: optionalText(raw.currency),
    templateId: optionalText(raw.templateId),
    templateVersion: finite(raw.templateVersion),
    workbook,
    submittedBy: optionalText(raw.submittedBy),
    submittedAt: optionalText(raw.submittedAt),
    updatedAt: optionalText(raw.updatedAt),
    totals,
    tier: tier !== undefined && tier >= 1 ? Math.floor(tier) : null,
    steps,
    overdue: raw.overdue === true || steps.some((s) => s.status === 'pending' && s.overdue),
    errors: Array.isArray(raw.errors)
      ? raw.errors.filter(isObject).map((e) => ({ person: optionalText(e.person), cell: optionalText(e.cell), message: typeof e.message === 'string' ? e.message : '' }))
      : [],
  };
}

const status = (value: unknown): RunStatus | null => ((RUN_STATUSES as readonly unknown[]).includes(value) ? (value as RunStatus) : null);

function auditEntry(raw: unknown): AuditEntryView | null {
  if (!isObject(raw) || !(AUDIT_ACTIONS as readonly unknown[]).includes(raw.action)) return null;
  const detail = isObject(raw.detail) ? raw.detail : {};
  return {
    seq: finite(raw.seq) ?? 0,
    at: optionalText(raw.at) ?? '',
    action: raw.action as AuditAction,
    actor: actor(raw.actor) ?? {},
    before: status(raw.before),
    after: status(raw.after),
    level: finite(detail.level),
    comment: optionalText(detail.comment),
  };
}

/** The API's audit answer, checked. */
export function normalizeAudit(raw: unknown): AuditView | null {
  if (!isObject(raw) || !Array.isArray(raw.entries) || typeof raw.verified !== 'boolean') return null;
  return {
    entries: raw.entries.map(auditEntry).filter((e): e is AuditEntryView => e !== null),
    verified: raw.verified,
    problems: Array.isArray(raw.problems) ? raw.problems.filter(isObject).map((p) => ({ seq: finite(p.seq), message: typeof p.message === 'string' ? p.message : '' })) : [],
  };
}

function person(raw: unknown): RunPerson | null {
  if (!isObject(raw) || typeof raw.statement !== 'string' || raw.statement === '') return null;
  return {
    row: finite(raw.row) ?? 0,
    name: optionalText(raw.name) ?? raw.statement,
    id: optionalText(raw.id),
    statement: raw.statement,
    payout: finite(raw.payout) ?? null,
  };
}

/** The file name a Content-Disposition header gives (filename*= first), else `fallback`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  let name: string | undefined;
  if (star) {
    try {
      name = decodeURIComponent(star[1].trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(disposition)?.[1];
  // A name only: no folders, nothing a file system refuses.
  const safe = name?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return safe ? safe : fallback;
}

// ---------------------------------------------------------------------------------------------
// The client

/** The caller's access token; undefined when not signed in (then the API answers 401). */
export type TokenSource = () => Promise<string | undefined> | string | undefined;

export interface RunsClient {
  readonly apiBase: string;
  submit(metadata: RunSettings, workbook: Uint8Array, signal?: AbortSignal): Promise<{ run: Run; etag?: string; created: boolean }>;
  list(filter: { status?: string; period?: string; top?: number; continuationToken?: string }, signal?: AbortSignal): Promise<{ items: Run[]; continuationToken?: string }>;
  get(id: string, signal?: AbortSignal): Promise<{ run: Run; etag?: string }>;
  people(id: string, signal?: AbortSignal): Promise<RunPerson[]>;
  statementHtml(id: string, person: string, signal?: AbortSignal): Promise<string>;
  statementXlsx(id: string, person: string, signal?: AbortSignal): Promise<FetchedFile>;
  decide(id: string, decision: 'approve' | 'reject', comment: string, etag: string | undefined, signal?: AbortSignal): Promise<{ run: Run; etag?: string }>;
  payroll(id: string, format: 'csv' | 'xlsx', signal?: AbortSignal): Promise<FetchedFile>;
  audit(id: string, signal?: AbortSignal): Promise<AuditView>;
}

export function createRunsClient(apiBase: string, token: TokenSource, fetchImpl: FetchLike = (input, init) => fetch(input, init), timeoutMs = REQUEST_TIMEOUT_MS): RunsClient {
  const base = apiBase.replace(/\/+$/, '');
  const runUrl = (id: string, rest = '') => `${base}/runs/${encodeURIComponent(id)}${rest}`;

  async function send(url: string, init: RequestInit & { headers: Record<string, string> }, signal: AbortSignal): Promise<Response> {
    const bearer = await token();
    const headers: Record<string, string> = { ...init.headers };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    return fetchChecked(fetchImpl, url, { ...init, headers }, signal);
  }

  async function body<T>(response: Response, signal: AbortSignal, read: (r: Response) => Promise<T>): Promise<T> {
    try {
      return await read(response);
    } catch (error) {
      if (isAbortError(error) || signal.aborted) throw error;
      throw new ApiError({ kind: 'parse', status: response.status });
    }
  }

  async function runAnswer(response: Response, signal: AbortSignal): Promise<{ run: Run; etag?: string }> {
    const run = normalizeRun(await body(response, signal, (r) => r.json()));
    if (!run) throw new ApiError({ kind: 'parse', status: response.status, message: 'expected a run' });
    return { run, etag: response.headers.get('ETag') ?? undefined };
  }

  async function file(url: string, accept: string, fallback: string, outer: AbortSignal | undefined): Promise<FetchedFile> {
    return withinTime(outer, Math.max(timeoutMs, TRANSFER_TIMEOUT_MS), async (signal) => {
      const response = await send(url, { method: 'GET', headers: { Accept: accept } }, signal);
      const bytes = new Uint8Array(await body(response, signal, (r) => r.arrayBuffer()));
      return { bytes, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallback), type: response.headers.get('Content-Type') ?? accept };
    });
  }

  return {
    apiBase: base,

    submit(metadata, workbook, outer) {
      return withinTime(outer, Math.max(timeoutMs, TRANSFER_TIMEOUT_MS), async (signal) => {
        const form = new FormData();
        form.set('metadata', JSON.stringify(metadata));
        form.set('file', new Blob([workbook as BlobPart], { type: XLSX_TYPE }), 'workbook.xlsx');
        const response = await send(`${base}/runs`, { method: 'POST', headers: { Accept: 'application/json' }, body: form }, signal);
        return { ...(await runAnswer(response, signal)), created: response.status === 202 };
      });
    },

    list(filter, outer) {
      const query = new URLSearchParams();
      if (filter.status) query.set('status', filter.status);
      if (filter.period?.trim()) query.set('period', filter.period.trim());
      if (filter.top) query.set('top', String(filter.top));
      if (filter.continuationToken) query.set('continuationToken', filter.continuationToken);
      const text = query.toString();
      return withinTime(outer, timeoutMs, async (signal) => {
        const response = await send(text ? `${base}/runs?${text}` : `${base}/runs`, { method: 'GET', headers: { Accept: 'application/json' } }, signal);
        const json = await body(response, signal, (r) => r.json());
        if (!isObject(json) || !Array.isArray(json.items)) throw new ApiError({ kind: 'parse', message: 'expected {items: [...]}' });
        return {
          items: json.items.map(normalizeRun).filter((run): run is Run => run !== null),
          continuationToken: optionalText(json.continuationToken),
        };
      });
    },

    get(id, outer) {
      return withinTime(outer, timeoutMs, async (signal) => runAnswer(await send(runUrl(id), { method: 'GET', headers: { Accept: 'application/json' } }, signal), signal));
    },

    people(id, outer) {
      return withinTime(outer, timeoutMs, async (signal) => {
        const response = await send(runUrl(id, '/results'), { method: 'GET', headers: { Accept: 'application/json' } }, signal);
        const json = await body(response, signal, (r) => r.json());
        if (!isObject(json) || !Array.isArray(json.people)) throw new ApiError({ kind: 'parse', message: 'expected {people: [...]}' });
        return json.people.map(person).filter((p): p is RunPerson => p !== null);
      });
    },

    statementHtml(id, who, outer) {
      return withinTime(outer, timeoutMs, async (signal) => {
        const response = await send(runUrl(id, `/statements/${encodeURIComponent(who)}?format=html`), { method: 'GET', headers: { Accept: 'text/html' } }, signal);
        return body(response, signal, (r) => r.text());
      });
    },

    async statementXlsx(id, who, outer) {
      const fetched = await file(runUrl(id, `/statements/${encodeURIComponent(who)}?format=xlsx`), XLSX_TYPE, `statement-${who}.xlsx`, outer);
      if (!looksLikeXlsx(fetched.bytes)) throw new ApiError({ kind: 'parse', message: 'the statement is not an .xlsx workbook' });
      return fetched;
    },

    decide(id, decision, comment, etag, outer) {
      return withinTime(outer, timeoutMs, async (signal) => {
        const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
        if (etag) headers['If-Match'] = etag;
        const response = await send(runUrl(id, `/${decision}`), { method: 'POST', headers, body: JSON.stringify(comment.trim() ? { comment: comment.trim() } : {}) }, signal);
        return runAnswer(response, signal);
      });
    },

    audit(id, outer) {
      return withinTime(outer, timeoutMs, async (signal) => {
        const response = await send(runUrl(id, '/audit'), { method: 'GET', headers: { Accept: 'application/json' } }, signal);
        const audit = normalizeAudit(await body(response, signal, (r) => r.json()));
        if (!audit) throw new ApiError({ kind: 'parse', message: 'expected {entries, verified}' });
        return audit;
      });
    },

    payroll(id, format, outer) {
      return file(runUrl(id, `/payroll?format=${format}`), format === 'xlsx' ? XLSX_TYPE : 'text/csv', `payroll-${id.slice(0, 8)}.${format}`, outer);
    },
  };
}
