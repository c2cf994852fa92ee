/**
 * /api/runs (issue 13): `POST /api/runs` submits a workbook for a payout run (multipart
 * `metadata` JSON + `file`, validated exactly as template uploads are: templates/upload.ts),
 * `GET /api/runs/{id}` reads one, `GET /api/runs/{id}/results` its per-person results and
 * `GET /api/runs/{id}/statements/{person}` a person's statement once calculated. All act for
 * the caller's organization (token `tid`) only; submitting needs the app role
 * Payouts.Submitter, reading Payouts.Submitter or Payouts.Approver. Runs are never public, whatever PERFPLAN_PUBLIC_READ says.
 *
 * POST answers 202 + `Location: /api/runs/{id}` when it queued a new run; the same workbook
 * (sha256) for the same period and people table answers 200 with the existing run (and the
 * same Location) — nothing is stored twice.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { requireRole } from '../auth/verify';
import type { Principal } from '../auth/verify';
import type { Dependencies } from '../dependencies';
import { badRequest, conflict, notFound } from '../http/problem';
import { json } from '../http/respond';
import { RUN_ID_RE, RUN_READER_ROLES, RUN_STATUSES, RunMetadataInput, RunRecord, SUBMITTER_ROLE, runView } from '../runs/model';
import { fieldErrors, freeText } from '../templates/model';
import type { PersonResult } from '../runs/calculate';
import type { RunStore } from '../runs/store';
import { parseTemplateUploadWith } from '../templates/upload';

type Deps = () => Dependencies;

const location = (id: string) => `/api/runs/${id}`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_RUN_PAGE_SIZE = 200;

const ListQuery = z.object({
  period: freeText(40, { form: 'NFKC' }).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  top: z
    .string()
    .max(10)
    .regex(/^\d+$/, `must be an integer from 1 to ${MAX_RUN_PAGE_SIZE}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_RUN_PAGE_SIZE, `must be an integer from 1 to ${MAX_RUN_PAGE_SIZE}`)
    .optional(),
  continuationToken: z
    .string()
    .max(100)
    .transform((t, ctx) => {
      const after = /^[A-Za-z0-9_-]+$/.test(t) ? Buffer.from(t, 'base64url').toString('utf8') : '';
      if (!RUN_ID_RE.test(after)) {
        ctx.addIssue({ code: 'custom', message: 'not a token this API issued' });
        return z.NEVER;
      }
      return after;
    })
    .optional(),
});

export function runHandlers(deps: Deps, runs: () => RunStore) {
  async function caller(request: HttpRequest): Promise<Principal> {
    return deps().verifier.verify(request.headers.get('authorization'));
  }

  /** The caller's organization's run named by the route (403 without a Payouts role, 404 otherwise). */
  async function readable(request: HttpRequest): Promise<RunRecord> {
    const principal = requireRole(await caller(request), RUN_READER_ROLES);
    const id = (request.params.id ?? '').toLowerCase();
    const run = RUN_ID_RE.test(id) ? await runs().get(id, principal.tenantId) : undefined;
    if (!run) throw notFound(`No run "${(request.params.id ?? '').slice(0, 80)}".`);
    return run;
  }

  /** The per-person results of a calculated run (409 before). */
  async function resultsOf(run: RunRecord): Promise<{ people: PersonResult[] } & Record<string, unknown>> {
    const results = run.resultsBlob ? ((await runs().results(run)) as { people: PersonResult[] } | undefined) : undefined;
    if (!results) throw conflict(`Run "${run.id}" is ${run.status}: it has no results.`);
    return results;
  }

  return {
    async submit(request: HttpRequest): Promise<HttpResponseInit> {
      const principal = requireRole(await caller(request), SUBMITTER_ROLE);
      const { metadata, bytes } = await parseTemplateUploadWith(request, RunMetadataInput);
      const { run, created } = await runs().submit(metadata, bytes, { tenantId: principal.tenantId, subject: principal.subject });
      return json(created ? 202 : 200, runView(run), { Location: location(run.id), ETag: run.etag });
    },

    /** `GET /api/runs?period=&status=&top=&continuationToken=`: the organization's runs, paged. */
    async list(request: HttpRequest): Promise<HttpResponseInit> {
      const principal = requireRole(await caller(request), RUN_READER_ROLES);
      const query: Record<string, string> = {};
      for (const name of ['period', 'status', 'top', 'continuationToken']) {
        const value = request.query.get(name);
        if (value !== null && value !== '') query[name] = value;
      }
      const parsed = ListQuery.safeParse(query);
      if (!parsed.success) throw badRequest('The query parameters are invalid.', fieldErrors(parsed.error));
      const { period, status, top = 50, continuationToken } = parsed.data;
      const page = await runs().list(principal.tenantId, { period, status }, { top, after: continuationToken });
      return json(200, {
        items: page.items.map(runView),
        ...(page.last ? { continuationToken: Buffer.from(page.last, 'utf8').toString('base64url') } : {}),
      });
    },

    async get(request: HttpRequest): Promise<HttpResponseInit> {
      const run = await readable(request);
      return json(200, runView(run), { ETag: run.etag });
    },

    /** Per-person results: `{table, headers, people: [{row, name, id?, role?, period?, payout, results, statement}]}`. */
    async results(request: HttpRequest): Promise<HttpResponseInit> {
      const run = await readable(request);
      return json(200, await resultsOf(run));
    },

    /** A person's statement (`{person}` = their `statement` key or id): HTML, or xlsx with `?format=xlsx`. */
    async statement(request: HttpRequest): Promise<HttpResponseInit> {
      const run = await readable(request);
      const format = request.query.get('format') ?? 'html';
      if (format !== 'html' && format !== 'xlsx') throw badRequest('The query parameters are invalid.', [{ path: 'format', message: 'must be html or xlsx' }]);
      const results = await resultsOf(run);
      const wanted = (request.params.person ?? '').normalize('NFKC').slice(0, 200);
      const person = results.people.find((p) => p.statement === wanted) ?? results.people.find((p) => p.id !== undefined && p.id === wanted);
      const bytes = person ? await runs().statement(run, person.statement, format) : undefined;
      if (!person || !bytes) throw notFound(`Run "${run.id}" has no statement for "${wanted.slice(0, 80)}".`);
      const headers: Record<string, string> = {
        'Content-Length': String(bytes.length),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      };
      if (format === 'xlsx') {
        return { status: 200, body: bytes, headers: { ...headers, 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="statement-${person.statement}.xlsx"` } };
      }
      // The statement is a document to look at: no script, nothing loaded from elsewhere.
      return { status: 200, body: bytes, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox" } };
    },
  };
}
