/**
 * Publishing the library to a running API, over HTTP like any other client: each built-in
 * template is built (library/templates) and sent to `PUT /api/builtins/templates/{id}`, then the
 * suggested benchmark rows (functions/data/benchmarks.json, read as data) to
 * `PUT /api/builtins/benchmarks`. The token must carry the app role Templates.Publisher.
 *
 * The API decides what happens to each template (docs/spec/api.md § Built-ins): missing →
 * created; different bytes → a new version ("updated"); same bytes → "unchanged"; deleted by an
 * operator → "left-deleted" (never revived). Rows are upserted by (metric, segment). Publishing
 * twice is harmless.
 *
 * Used by `perfplan seed` (cli/seed.ts) and by `npm start` on first start (dev/start.ts). This
 * module imports no API code: what the API accepts is the API's business.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BuiltInTemplate } from './kit/types';
import { BUILT_IN_TEMPLATES, buildTemplate } from './templates';
import { messageOf } from '../i18n/localized-error';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A suggested benchmark row as the data file holds it (the API validates it). */
export interface BenchmarkSeedRow {
  metric: string;
  segment?: string;
  source: string;
  [field: string]: unknown;
}

/** The data file with the seeded benchmark rows; found from library/ (ts-node, jest) and dist/library/ alike. */
export function benchmarksFile(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'functions', 'data', 'benchmarks.json'),
    path.resolve(__dirname, '..', '..', 'functions', 'data', 'benchmarks.json'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error('functions/data/benchmarks.json not found');
  return found;
}

/** The benchmark rows the seed publishes. */
export function loadBenchmarkRows(file: string = benchmarksFile()): BenchmarkSeedRow[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: BenchmarkSeedRow[] }).rows;
}

export type BuiltInOutcome = 'created' | 'updated' | 'unchanged' | 'left-deleted';

export interface PublishReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Deleted by an operator: left deleted. */
  leftDeleted: string[];
  /** Benchmark rows upserted. */
  benchmarkRows: number;
}

export interface PublishOptions {
  /** The API's base URL, e.g. http://localhost:7071/api. */
  api: string;
  /** A bearer token with the app role Templates.Publisher. */
  token: string;
  /** Default: the whole library. */
  templates?: readonly BuiltInTemplate[];
  /** Default: loadBenchmarkRows(). */
  benchmarkRows?: readonly BenchmarkSeedRow[];
  /** One summary line at the end. */
  log?: (line: string) => void;
  /** Per request (default 60 s). */
  timeoutMs?: number;
}

/** A refusal by the API (status and its problem+json), or no answer at all (no status). */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly request: string,
    readonly status?: number,
    readonly problem?: { title?: string; detail?: string; errors?: { path: string; message: string }[] },
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

function endpoint(api: string, route: string): string {
  return `${api.replace(/\/+$/, '')}/${route}`;
}

async function send(url: string, init: RequestInit, what: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? messageOf(error);
    throw new PublishError(`${what}: no answer from ${url} (${reason})`, what);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = (body && typeof body === 'object' ? body : {}) as PublishError['problem'] & object;
    const errors = problem.errors?.length ? ` (${problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})` : '';
    const detail = problem.detail ?? problem.title ?? (text.slice(0, 200) || response.statusText);
    throw new PublishError(`${what}: HTTP ${response.status} — ${detail}${errors}`, what, response.status, problem);
  }
  return body;
}

/** Publishes the built-in templates and the benchmark rows; throws a PublishError on the first refusal. */
export async function publishBuiltIns(options: PublishOptions): Promise<PublishReport> {
  const { api, token, templates = BUILT_IN_TEMPLATES, log = () => undefined, timeoutMs = 60_000 } = options;
  const report: PublishReport = { created: [], updated: [], unchanged: [], leftDeleted: [], benchmarkRows: 0 };
  const authorization = `Bearer ${token}`;
  const lists: Record<BuiltInOutcome, string[]> = {
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    'left-deleted': report.leftDeleted,
  };

  for (const template of templates) {
    const { id } = template.metadata;
    const bytes = await buildTemplate(template);
    const form = new FormData();
    form.set('metadata', JSON.stringify(template.metadata));
    form.set('file', new Blob([new Uint8Array(bytes)], { type: XLSX_CONTENT_TYPE }), `${id}.xlsx`);
    const what = `PUT /builtins/templates/${id}`;
    const answer = (await send(endpoint(api, `builtins/templates/${encodeURIComponent(id)}`), { method: 'PUT', headers: { Authorization: authorization }, body: form }, what, timeoutMs)) as {
      outcome?: BuiltInOutcome;
    };
    const list = answer?.outcome ? lists[answer.outcome] : undefined;
    if (!list) throw new PublishError(`${what}: unexpected answer ${JSON.stringify(answer).slice(0, 200)}`, what);
    list.push(id);
  }

  const rows = options.benchmarkRows ?? loadBenchmarkRows();
  const answer = (await send(
    endpoint(api, 'builtins/benchmarks'),
    { method: 'PUT', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body: JSON.stringify({ rows }) },
    'PUT /builtins/benchmarks',
    timeoutMs,
  )) as { rows?: number };
  report.benchmarkRows = typeof answer?.rows === 'number' ? answer.rows : 0;

  log(
    `seeded templates: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged` +
      `${report.leftDeleted.length ? `, ${report.leftDeleted.length} left deleted` : ''}; benchmark rows: ${report.benchmarkRows}`,
  );
  return report;
}
