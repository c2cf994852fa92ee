/**
 * PERF.BENCHMARK's client: every lookup made during one recalculation is sent in one
 * `POST /api/benchmarks/query` (the first lookup opens a short batching window, and every
 * lookup arriving within it joins the batch); answers are cached for 24 h in memory and, in Excel, in
 * OfficeRuntime.storage. A failed request rejects every waiting cell with #N/A "service
 * unavailable" (Microsoft's batching sample never settles them, leaving #BUSY! forever);
 * a stale cached answer is preferred to that error.
 */
import { BenchmarkQuery, PerfError, benchmarkAnswerError, benchmarkQuery, naError } from '../../engine';
import { ERRORS } from '../../i18n';
import { toExcelError } from './functions';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long the first lookup of a recalculation waits before its batch is sent, as Microsoft's
 * batching sample does ("Batch custom function calls for a remote service":
 * `setTimeout(_makeRemoteRequest, 100)`). Excel need not call every cell of a recalculation in
 * one turn of the event loop, and each lookup first awaits its cache read; a zero delay could
 * split one recalculation into several requests.
 */
export const BATCH_WINDOW_MS = 100;
const MAX_BATCH = 500;
const STORAGE_PREFIX = 'perfplan.benchmark.';

interface CachedAnswer {
  value: number;
  at: number;
}

interface Waiting {
  query: BenchmarkQuery;
  key: string;
  resolve: (value: number) => void;
  reject: (error: unknown) => void;
}

export interface BenchmarkClientOptions {
  /** Base URL of the API, e.g. "https://host/api"; null when none is configured. */
  apiBase: () => string | null;
  fetch: typeof fetch;
  now: () => number;
}

function defaultApiBase(): string | null {
  if (typeof process !== 'undefined' && process.env && process.env.PERFPLAN_API_URL) return process.env.PERFPLAN_API_URL;
  // In Excel the add-in's own origin serves /api (the dev server proxies it; production routes it).
  if (typeof location !== 'undefined' && /^https?:/.test(location.origin)) return `${location.origin}/api`;
  return null;
}

const options: BenchmarkClientOptions = {
  apiBase: defaultApiBase,
  fetch: (...args) => fetch(...args),
  now: () => Date.now(),
};

const memory = new Map<string, CachedAnswer>();
let waiting: Waiting[] = [];
let flushScheduled = false;

/** For tests and hosts: replace the transport, clock or API location. */
export function configureBenchmarkClient(overrides: Partial<BenchmarkClientOptions>): void {
  Object.assign(options, overrides);
}

export function clearBenchmarkCache(): void {
  memory.clear();
}

function keyOf(q: BenchmarkQuery): string {
  return `${q.metric}|${q.segment}|${q.percentile}`;
}

function officeStorage(): OfficeRuntime.Storage | null {
  return typeof OfficeRuntime !== 'undefined' && OfficeRuntime.storage ? OfficeRuntime.storage : null;
}

async function readCache(key: string): Promise<CachedAnswer | undefined> {
  const hit = memory.get(key);
  if (hit) return hit;
  const storage = officeStorage();
  if (!storage) return undefined;
  try {
    const raw = await storage.getItem(STORAGE_PREFIX + key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as CachedAnswer;
    if (typeof parsed.value !== 'number' || typeof parsed.at !== 'number') return undefined;
    memory.set(key, parsed);
    return parsed;
  } catch {
    return undefined;
  }
}

function writeCache(key: string, value: number): void {
  const answer = { value, at: options.now() };
  memory.set(key, answer);
  const storage = officeStorage();
  if (storage) storage.setItem(STORAGE_PREFIX + key, JSON.stringify(answer)).catch(() => undefined);
}

export async function lookupBenchmark(metric: unknown, segment: unknown, percentile: unknown): Promise<number> {
  let query: BenchmarkQuery;
  try {
    query = benchmarkQuery(metric as never, segment as never, percentile as never);
  } catch (error) {
    throw toExcelError(error as PerfError);
  }
  const key = keyOf(query);
  const cached = await readCache(key);
  if (cached && options.now() - cached.at < DAY_MS) return cached.value;
  return new Promise<number>((resolve, reject) => {
    waiting.push({ query, key, resolve, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setTimeout(() => void flush(), BATCH_WINDOW_MS);
    }
  });
}

interface QueryAnswer {
  value?: number;
  error?: string;
  message?: string;
}

async function flush(): Promise<void> {
  flushScheduled = false;
  const batch = waiting;
  waiting = [];
  for (let start = 0; start < batch.length; start += MAX_BATCH) {
    await send(batch.slice(start, start + MAX_BATCH));
  }
}

async function unavailable(batch: Waiting[], reason: string): Promise<void> {
  for (const item of batch) {
    const stale = await readCache(item.key);
    if (stale) item.resolve(stale.value);
    else item.reject(toExcelError(naError(ERRORS.serviceUnavailable, { reason })));
  }
}

async function send(batch: Waiting[]): Promise<void> {
  const base = options.apiBase();
  if (!base) return unavailable(batch, 'no PerfPlan API is configured');
  let answers: QueryAnswer[];
  try {
    const response = await options.fetch(`${base.replace(/\/$/, '')}/benchmarks/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ queries: batch.map((w) => w.query) }),
    });
    if (!response.ok) return unavailable(batch, `HTTP ${response.status}`);
    const body = (await response.json()) as { results?: QueryAnswer[] };
    if (!Array.isArray(body.results) || body.results.length !== batch.length) return unavailable(batch, 'malformed answer');
    answers = body.results;
  } catch (error) {
    return unavailable(batch, error instanceof Error ? error.message : 'network error');
  }
  batch.forEach((item, i) => {
    const answer = answers[i];
    if (typeof answer.value === 'number') {
      writeCache(item.key, answer.value);
      item.resolve(answer.value);
    } else {
      item.reject(toExcelError(benchmarkAnswerError(item.query, answer)));
    }
  });
}
