/**
 * The pane's client for the PerfPlan API (docs/spec/api.md): templates and benchmarks.
 *
 * - apiBase is "/api" on the pane's own origin (the dev server proxies it); `?api=` in the
 *   page URL overrides it (http/https URLs or absolute paths only) for tests.
 * - Every failure becomes an ApiError: `http` with the problem+json fields (RFC 9457) when the
 *   body has them, `network` when fetch itself failed, `parse` when the answer is unreadable,
 *   `timeout` when no answer came within REQUEST_TIMEOUT_MS (10 s).
 *   An aborted request rethrows the AbortError untouched (callers ignore it).
 * - Responses are checked and normalized: items that are not objects are dropped, optional
 *   fields get defaults, numbers must be finite. Text stays text: rendering is React's job.
 */
import type { BenchmarkRow } from '../../functions/src/benchmarks/model';
import { type Locale, type Translate } from './locale';
import { CJK, failureSentence, messageOf } from './components/error-text';

/** How long a request may take before the pane gives up with a translated message and Retry. */
export const REQUEST_TIMEOUT_MS = 10_000;

export const DEFAULT_API_BASE = '/api';

export const TEMPLATE_CATEGORIES = ['scorecard', 'incentive', 'cost-benefit', 'budget', 'simulation', 'channel'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface LocalizedText {
  en: string;
  zh: string;
}

export interface TemplateSummary {
  id: string;
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  category: string;
  tags: string[];
  sizeBytes?: number;
  createdAt?: string;
  updatedAt?: string;
  downloadUrl?: string;
}

export interface TemplateVersion {
  version: number;
  sizeBytes?: number;
  createdAt?: string;
  sha256?: string;
}

export interface TemplateDetails extends TemplateSummary {
  versions: TemplateVersion[];
}

/**
 * A row of GET /benchmarks: the published row the API declares (a type only, so no server code
 * reaches the pane's bundle), read leniently — a missing `updatedAt` is tolerated.
 */
export interface Benchmark extends Omit<BenchmarkRow, 'updatedAt'> {
  updatedAt?: string;
  /** Peer rows (from contributions) carry their period. */
  period?: string;
}

export interface FieldError {
  path: string;
  message: string;
}

export type ApiErrorKind = 'http' | 'network' | 'parse' | 'timeout';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly title?: string;
  readonly detail?: string;
  /** The problem's `type` (RFC 9457): which rule refused, when the API names one. */
  readonly type?: string;
  readonly errors: FieldError[];

  constructor(init: { kind: ApiErrorKind; status?: number; title?: string; detail?: string; type?: string; errors?: FieldError[]; message?: string }) {
    super(init.message ?? init.detail ?? init.title ?? (init.status ? `HTTP ${init.status}` : init.kind));
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.errors = init.errors ?? [];
  }
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}


/**
 * What the user reads for an error, in the pane's language (the locale `t` is bound to).
 * In en-US a service's own problem detail is shown as it is; in zh-CN the service's English
 * is never shown: the status picks a translated message. Excel's own messages are shown when
 * they are in the user's language.
 */
export function errorMessage(error: unknown, t: Translate): string {
  const zh = t('meta.lang') === 'zh-CN';
  if (error instanceof ApiError) {
    if (error.kind === 'network') return t('error.network');
    if (error.kind === 'timeout') return t('error.timeout', { seconds: REQUEST_TIMEOUT_MS / 1000 });
    if (error.kind === 'parse') return t('error.parse');
    if (!zh && (error.detail || error.title)) return (error.detail || error.title)!;
    switch (error.status) {
      case 503:
        return t('error.unavailable');
      case 404:
      case 410:
        return t('error.notFound');
      case 401:
      case 403:
        return t('error.denied');
      case 429:
        return t('error.busy');
      default:
        return t('error.http', { status: error.status ?? '?' });
    }
  }
  return failureSentence(messageOf(error), zh ? 'zh-CN' : 'en-US', (message) => t('error.excel', { message }), t('error.excelGeneric'));
}

/** Field errors of a problem answer, shown only where they are in the user's language. */
export function fieldErrorsFor(error: unknown, t: Translate): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return t('meta.lang') === 'zh-CN' ? error.errors.filter((e) => CJK.test(e.message)) : error.errors;
}

// ---------------------------------------------------------------------------------------------
// URLs

/**
 * The API base for this page: `?api=` when it is an http(s) URL or an absolute path,
 * "/api" otherwise. No trailing slash.
 */
export function resolveApiBase(search: string | undefined): string {
  const requested = new URLSearchParams(search ?? '').get('api')?.trim();
  if (!requested) return DEFAULT_API_BASE;
  const strip = (s: string) => s.replace(/\/+$/, '') || DEFAULT_API_BASE;
  if (requested.startsWith('/') && !requested.startsWith('//')) return strip(requested);
  try {
    const url = new URL(requested);
    if (url.protocol === 'http:' || url.protocol === 'https:') return strip(url.origin + url.pathname);
  } catch {
    // not a URL
  }
  return DEFAULT_API_BASE;
}

/**
 * `url` resolved against `base` when it is http(s); null for anything else (javascript:,
 * data:, garbage) so that no link or fetch can be pointed at script by API data.
 */
export function safeHttpUrl(url: unknown, base: string): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** The download URL of a template, for one version (the API's downloadUrl with ?version=). */
export function templateDownloadUrl(apiBase: string, template: Pick<TemplateSummary, 'id' | 'downloadUrl'>, version: number | undefined, pageUrl: string): string | null {
  const fallback = `${apiBase}/templates/${encodeURIComponent(template.id)}/download`;
  const url = safeHttpUrl(template.downloadUrl ?? fallback, pageUrl) ?? safeHttpUrl(fallback, pageUrl);
  if (!url) return null;
  if (version === undefined) return url;
  const withVersion = new URL(url);
  withVersion.searchParams.set('version', String(version));
  return withVersion.href;
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value.trim() !== '') query.set(name, value.trim());
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

// ---------------------------------------------------------------------------------------------
// Normalizing what the API sends

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function localized(value: unknown, fallback: string): LocalizedText {
  if (typeof value === 'string') return { en: value, zh: value };
  const en = isObject(value) ? text(value.en) : '';
  const zh = isObject(value) ? text(value.zh) : '';
  return { en: en || zh || fallback, zh: zh || en || fallback };
}

export function normalizeTemplate(raw: unknown): TemplateSummary | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') return null;
  return {
    id: raw.id,
    version: finite(raw.version) ?? 1,
    title: localized(raw.title, raw.id),
    description: localized(raw.description, ''),
    category: text(raw.category),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    sizeBytes: finite(raw.sizeBytes),
    createdAt: optionalText(raw.createdAt),
    updatedAt: optionalText(raw.updatedAt),
    downloadUrl: optionalText(raw.downloadUrl),
  };
}

export function normalizeTemplateDetails(raw: unknown): TemplateDetails | null {
  const summary = normalizeTemplate(raw);
  if (!summary) return null;
  const versions = isObject(raw) && Array.isArray(raw.versions) ? raw.versions : [];
  return {
    ...summary,
    versions: versions
      .filter(isObject)
      .map((v) => ({ version: finite(v.version) ?? 0, sizeBytes: finite(v.sizeBytes), createdAt: optionalText(v.createdAt), sha256: optionalText(v.sha256) }))
      .filter((v) => v.version > 0)
      .sort((a, b) => b.version - a.version),
  };
}

export function normalizeBenchmark(raw: unknown): Benchmark | null {
  if (!isObject(raw) || typeof raw.metric !== 'string' || raw.metric === '') return null;
  return {
    metric: raw.metric,
    segment: text(raw.segment) || 'all',
    unit: text(raw.unit),
    value: finite(raw.value),
    p25: finite(raw.p25),
    p50: finite(raw.p50),
    p75: finite(raw.p75),
    p90: finite(raw.p90),
    n: finite(raw.n) ?? 0,
    source: text(raw.source),
    updatedAt: optionalText(raw.updatedAt),
    period: optionalText(raw.period),
  };
}

/** A template's title or description in the pane's language (falls back to the other one). */
export function localizedText(value: LocalizedText, locale: Locale): string {
  return locale === 'zh-CN' ? value.zh || value.en : value.en || value.zh;
}

// ---------------------------------------------------------------------------------------------
// Bytes

/** Base64 of `bytes` without spreading huge arrays into one call (templates are up to 5 MiB). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return btoa(binary);
}

/** An .xlsx is a zip: it starts with "PK\x03\x04". */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// ---------------------------------------------------------------------------------------------
// The client

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const MAX_DETAIL = 500;
const clip = (s: string | undefined) => (s && s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL)}…` : s);

/** An ApiError from a non-2xx response, with the problem+json fields when the body has them. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const problem = isObject(body) ? body : {};
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(isObject).map((e) => ({ path: text(e.path), message: clip(text(e.message)) ?? '' })).slice(0, 20)
    : [];
  return new ApiError({
    kind: 'http',
    status: response.status,
    title: clip(optionalText(problem.title)),
    detail: clip(optionalText(problem.detail)),
    ...(optionalText(problem.type) && problem.type !== 'about:blank' ? { type: clip(optionalText(problem.type)) } : {}),
    errors,
  });
}

/**
 * Runs `work` with a signal that aborts when the caller's does, or after `limitMs` (then the
 * failure is a `timeout` ApiError). The whole exchange counts: headers and body.
 */
export async function withinTime<T>(outer: AbortSignal | undefined, limitMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limitMs);
  const forward = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  try {
    return await work(controller.signal);
  } catch (error) {
    if (timedOut && !outer?.aborted) throw new ApiError({ kind: 'timeout', message: `no answer within ${limitMs} ms` });
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

/** One request: a failure to reach the API is a `network` ApiError, an answer that is not ok its problem. */
export async function fetchChecked(fetchImpl: FetchLike, url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal });
  } catch (error) {
    if (isAbortError(error) || signal.aborted) throw error;
    throw new ApiError({ kind: 'network', message: messageOf(error) });
  }
  if (!response.ok) throw await problemFromResponse(response);
  return response;
}

export interface ApiClient {
  readonly apiBase: string;
  listTemplates(filter: { q?: string; category?: string }, signal?: AbortSignal): Promise<TemplateSummary[]>;
  getTemplate(id: string, signal?: AbortSignal): Promise<TemplateDetails>;
  /** The workbook bytes at `url` (a template's download URL); checks they are a zip. */
  downloadTemplate(url: string, signal?: AbortSignal): Promise<Uint8Array>;
  listBenchmarks(filter: { metric?: string; segment?: string }, signal?: AbortSignal): Promise<Benchmark[]>;
}

export function createApiClient(apiBase: string, fetchImpl: FetchLike = (input, init) => fetch(input, init), timeoutMs = REQUEST_TIMEOUT_MS): ApiClient {
  const withTimeout = <T>(signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>) => withinTime(signal, timeoutMs, work);
  const send = (url: string, accept: string, signal: AbortSignal) => fetchChecked(fetchImpl, url, { method: 'GET', headers: { Accept: accept } }, signal);

  async function getJson(url: string, outer?: AbortSignal): Promise<unknown> {
    return withTimeout(outer, async (signal) => {
      const response = await send(url, 'application/json', signal);
      try {
        return await response.json();
      } catch (error) {
        if (isAbortError(error) || signal.aborted) throw error;
        throw new ApiError({ kind: 'parse', status: response.status });
      }
    });
  }

  function items<T>(body: unknown, normalize: (raw: unknown) => T | null): T[] {
    if (!isObject(body) || !Array.isArray(body.items)) throw new ApiError({ kind: 'parse', message: 'expected {items: [...]}' });
    return body.items.map(normalize).filter((item): item is T => item !== null);
  }

  return {
    apiBase,
    async listTemplates(filter, signal) {
      return items(await getJson(withQuery(`${apiBase}/templates`, { q: filter.q, category: filter.category }), signal), normalizeTemplate);
    },
    async getTemplate(id, signal) {
      const details = normalizeTemplateDetails(await getJson(`${apiBase}/templates/${encodeURIComponent(id)}`, signal));
      if (!details) throw new ApiError({ kind: 'parse', message: 'expected a template' });
      return details;
    },
    async downloadTemplate(url, outer) {
      return withTimeout(outer, async (signal) => {
        const response = await send(url, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*', signal);
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          if (isAbortError(error) || signal.aborted) throw error;
          throw new ApiError({ kind: 'network', message: messageOf(error) });
        }
        if (!looksLikeXlsx(bytes)) throw new ApiError({ kind: 'parse', status: response.status, message: 'the download is not an .xlsx workbook' });
        return bytes;
      });
    },
    async listBenchmarks(filter, signal) {
      return items(await getJson(withQuery(`${apiBase}/benchmarks`, { metric: filter.metric, segment: filter.segment }), signal), normalizeBenchmark);
    },
  };
}
