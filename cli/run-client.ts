/**
 * The payout-run routes of the PerfPlan API as `perfplan run` calls them (cli/run.ts), over
 * HTTP only (Node's fetch, FormData and Blob; cli/ never imports the API's code): submit,
 * read (with the ETag), list (following continuationToken), approve/reject (If-Match),
 * and the payroll and statement downloads. A refusal is an ApiError with the status and the
 * problem+json body the API sent; no answer at all is a NetworkError.
 */
import type { RunSettings } from '../calc/run-settings';

/** The API's view of a run (docs/spec/api.md, "Payout runs"); fields this client shows. */
export interface RunView {
  id: string;
  status: string;
  period: string;
  peopleTable: string;
  payoutColumn: string;
  currency?: string;
  submittedBy?: string;
  submittedAt?: string;
  updatedAt?: string;
  totals: { payout: number; people: number } | null;
  tier?: number | null;
  overdue?: boolean;
  steps?: RunStep[];
  errors?: Array<{ person?: string; cell?: string; message: string }>;
  [field: string]: unknown;
}

export interface RunStep {
  level: number;
  name: string;
  status: string;
  startedAt?: string;
  dueAt?: string;
  overdue?: boolean;
  decidedBy?: { oid?: string; name?: string; tid?: string; sub?: string };
  decidedAt?: string;
  comment?: string;
}

/** An RFC 9457 problem body, as far as the API fills it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ path?: string; message?: string }>;
}

/** The API answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** The HTTP reason phrase, for a body that is no problem+json (a proxy's error page). */
    readonly statusText = '',
  ) {
    super(`HTTP ${status}${problem?.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ApiError';
  }
}

/** No answer: the connection failed or the request ran out of time. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
    /** The time limit that ran out, in seconds (when timedOut). */
    readonly seconds = 0,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** The API answered 2xx but with something this client cannot read. */
export class BadAnswerError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}: not JSON`);
    this.name = 'BadAnswerError';
  }
}

export interface RunClientOptions {
  /** The API base, ending in /api (http://localhost:7071/api). */
  api: string;
  token: string;
  /** Per-request time limit (default 60 s). */
  requestTimeoutMs?: number;
  /** Runs asked for per page of a list (default 200, the API's most). */
  pageSize?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The reason a fetch failed, from its cause chain: "connect ECONNREFUSED 127.0.0.1:7071" (errors may come from another realm: read, not instanceof). */
function networkReason(error: unknown): string {
  const messageOf = (value: unknown): string | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    const { message, code } = value as { message?: unknown; code?: unknown };
    return typeof message === 'string' && message ? message : typeof code === 'string' ? code : undefined;
  };
  let reason = messageOf(error) ?? String(error);
  let at: unknown = error;
  for (let i = 0; i < 5 && at && typeof at === 'object' && (at as { cause?: unknown }).cause !== undefined; i++) {
    at = (at as { cause?: unknown }).cause;
    reason = messageOf(at) ?? reason;
  }
  return reason;
}

export class RunClient {
  private readonly api: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly pageSize: number;

  constructor(options: RunClientOptions) {
    this.api = options.api.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.pageSize = options.pageSize ?? 200;
  }

  /** One request; an ApiError for a status of 400 or more, a NetworkError for no answer. */
  private async request(route: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.api}${route}`, {
        ...init,
        headers: { Authorization: `Bearer ${this.token}`, ...(init.headers as Record<string, string> | undefined) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new NetworkError(networkReason(error), timedOut, this.timeoutMs / 1000);
    }
    if (response.status >= 400) {
      let problem: Problem | undefined;
      try {
        const body: unknown = await response.json();
        if (body && typeof body === 'object') problem = body as Problem;
      } catch {
        problem = undefined;
      }
      throw new ApiError(response.status, problem, response.statusText);
    }
    return response;
  }

  private async json<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch {
      throw new BadAnswerError(response.status);
    }
  }

  private async bytes(response: Response): Promise<Uint8Array> {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new NetworkError(networkReason(error), false);
    }
  }

  /** POST /api/runs: 202 a new run, 200 the existing one for the same workbook, period and table. */
  async submit(input: RunSettings, workbook: Uint8Array, fileName: string): Promise<{ run: RunView; created: boolean }> {
    const form = new FormData();
    form.set('metadata', JSON.stringify(input));
    form.set('file', new Blob([new Uint8Array(workbook)], { type: XLSX_TYPE }), fileName);
    const response = await this.request('/runs', { method: 'POST', body: form });
    return { run: await this.json<RunView>(response), created: response.status === 202 };
  }

  /** GET /api/runs/{id}: the run and its ETag. */
  async get(id: string): Promise<{ run: RunView; etag: string | null }> {
    const response = await this.request(`/runs/${encodeURIComponent(id)}`);
    return { run: await this.json<RunView>(response), etag: response.headers.get('etag') };
  }

  /** GET /api/runs?period=&status=, every page (continuationToken followed until absent). */
  async list(filter: { period?: string; status?: string }): Promise<RunView[]> {
    const items: RunView[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < 10_000; page++) {
      const query = new URLSearchParams();
      if (filter.period !== undefined) query.set('period', filter.period);
      if (filter.status !== undefined) query.set('status', filter.status);
      query.set('top', String(this.pageSize));
      if (continuationToken) query.set('continuationToken', continuationToken);
      const body = await this.json<{ items?: RunView[]; continuationToken?: string }>(await this.request(`/runs?${query}`));
      items.push(...(body.items ?? []));
      continuationToken = body.continuationToken;
      if (!continuationToken) break;
    }
    return items;
  }

  /** POST /api/runs/{id}/approve|reject with If-Match: the run after the decision. */
  async decide(id: string, decision: 'approve' | 'reject', etag: string, comment: string | undefined): Promise<RunView> {
    const response = await this.request(`/runs/${encodeURIComponent(id)}/${decision}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify(comment === undefined ? {} : { comment }),
    });
    return this.json<RunView>(response);
  }

  /** GET /api/runs/{id}/payroll?format=csv|xlsx: the file's bytes. */
  async payroll(id: string, format: 'csv' | 'xlsx'): Promise<Uint8Array> {
    return this.bytes(await this.request(`/runs/${encodeURIComponent(id)}/payroll?format=${format}`));
  }

  /** GET /api/runs/{id}/statements/{person}?format=html|xlsx: the statement's bytes. */
  async statement(id: string, person: string, format: 'html' | 'xlsx'): Promise<Uint8Array> {
    return this.bytes(await this.request(`/runs/${encodeURIComponent(id)}/statements/${encodeURIComponent(person)}?format=${format}`));
  }
}
