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
import { HttpProblem, badRequest, conflict, notFound, preconditionFailed } from '../http/problem';
import { json, readJson, requiredIfMatch } from '../http/respond';
import { Actor, REFUSAL_TYPES, mayDecide } from '../runs/approval';
import { APPROVER_ROLE, RUN_ID_RE, RUN_READER_ROLES, RUN_STATUSES, RunMetadataInput, RunRecord, SUBMITTER_ROLE, runView } from '../runs/model';
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

const Decision = z
  .object({ comment: z.string().max(1000).normalize('NFKC').trim().optional() })
  .strict();

/** A 403 whose `type` says which rule refused it. */
const refused = (detail: string, rule: keyof typeof REFUSAL_TYPES) => new HttpProblem(403, 'Forbidden', detail, { type: REFUSAL_TYPES[rule] });

const actorOf = (principal: Principal): Actor => ({
  sub: principal.subject,
  tid: principal.tenantId,
  ...(principal.objectId ? { oid: principal.objectId } : {}),
  ...(principal.name ? { name: principal.name } : {}),
});

export function runHandlers(deps: Deps, runs: () => RunStore) {
  async function caller(request: HttpRequest): Promise<Principal> {
    return deps().verifier.verify(request.headers.get('authorization'));
  }

  /** The caller's organization's run named by the route (403 without a Payouts role, 404 otherwise). */
  async function readable(request: HttpRequest): Promise<RunRecord> {
    return (await readableBy(request)).run;
  }

  /** The same, with who asked (the token is verified once); `roles` may narrow who may ask. */
  async function readableBy(request: HttpRequest, roles: string | readonly string[] = RUN_READER_ROLES): Promise<{ run: RunRecord; principal: Principal }> {
    const principal = requireRole(await caller(request), roles);
    const id = (request.params.id ?? '').toLowerCase();
    const run = RUN_ID_RE.test(id) ? await runs().get(id, principal.tenantId) : undefined;
    if (!run) throw notFound(`No run "${(request.params.id ?? '').slice(0, 80)}".`);
    return { run, principal };
  }

  /** The per-person results of a calculated run (409 before). */
  async function resultsOf(run: RunRecord): Promise<{ people: PersonResult[] } & Record<string, unknown>> {
    const results = run.resultsBlob ? ((await runs().results(run)) as { people: PersonResult[] } | undefined) : undefined;
    if (!results) throw conflict(`Run "${run.id}" is ${run.status}: it has no results.`);
    return results;
  }

  /** Approve or reject the pending step: who may is checked before the body is read. */
  async function decision(request: HttpRequest, kind: 'approve' | 'reject'): Promise<HttpResponseInit> {
    const { run, principal } = await readableBy(request, APPROVER_ROLE);
    const ifMatch = requiredIfMatch(request, `GET /api/runs/${run.id}`);
    if (run.status !== 'awaiting-approval') throw conflict(`Run "${run.id}" is ${run.status}: it is not awaiting approval.`);
    const actor = actorOf(principal);
    const step = mayDecide(run.steps, actor, principal.roles, run.submitter);
    if ('refused' in step) {
      switch (step.refused) {
        case 'submitter':
          throw refused('You submitted this run: someone else must approve or reject it.', step.refused);
        case 'role':
          throw refused(`Level ${step.level} of this run needs the app role ${step.role}.`, step.refused);
        case 'decided-earlier':
          throw refused(`You decided level ${step.level} of this run: another approver must decide the next level.`, step.refused);
        default:
          throw conflict(`Run "${run.id}" has no step awaiting a decision.`);
      }
    }
    const parsed = Decision.safeParse(await readJson(request, 16 * 1024));
    if (!parsed.success) throw badRequest('The body is invalid.', fieldErrors(parsed.error));
    const comment = parsed.data.comment || undefined;
    if (kind === 'reject' && !comment) throw badRequest('The body is invalid.', [{ path: 'comment', message: 'a rejection needs a comment saying why' }]);
    // The caller decided on what they read: if the run changed since, they decide again.
    if (ifMatch !== run.etag) throw preconditionFailed(`Run "${run.id}" changed since you read it: read it again, then decide.`);
    const decided = await runs().decide(run, ifMatch, kind, actor, comment);
    if (decided === 'stale') throw preconditionFailed(`Run "${run.id}" changed since you read it: read it again, then decide.`);
    return json(200, runView(decided), { ETag: decided.etag });
  }

  return {
    async submit(request: HttpRequest): Promise<HttpResponseInit> {
      const principal = requireRole(await caller(request), SUBMITTER_ROLE);
      const { metadata, bytes } = await parseTemplateUploadWith(request, RunMetadataInput);
      const { run, created } = await runs().submit(metadata, bytes, {
        tenantId: principal.tenantId,
        subject: principal.subject,
        ...(principal.objectId ? { objectId: principal.objectId } : {}),
        ...(principal.name ? { name: principal.name } : {}),
      });
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

    approve: (request: HttpRequest) => decision(request, 'approve'),
    reject: (request: HttpRequest) => decision(request, 'reject'),

    /** The audit chain, verified: `{entries, verified, problems?}`. */
    async audit(request: HttpRequest): Promise<HttpResponseInit> {
      const run = await readable(request);
      const { entries, verified, problems } = await runs().audit(run);
      return json(200, { entries, verified, ...(problems.length ? { problems } : {}) }, { 'Cache-Control': 'private, no-store' });
    },

    /** The payroll file of an approved run (CSV with a BOM, or xlsx); the first download records the export. */
    async payroll(request: HttpRequest): Promise<HttpResponseInit> {
      const { run, principal } = await readableBy(request);
      const format = request.query.get('format') ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') throw badRequest('The query parameters are invalid.', [{ path: 'format', message: 'must be csv or xlsx' }]);
      if (run.status !== 'approved' && run.status !== 'exported') throw conflict(`Run "${run.id}" is ${run.status}: its payroll is released once it is approved.`);
      const bytes = await runs().payroll(run, format);
      if (!bytes) throw conflict(`Run "${run.id}" has no payroll file.`);
      await runs().markExported(run, actorOf(principal), format);
      const name = `payroll-${run.period.replace(/[^\p{L}\p{N}._-]+/gu, '-')}-${run.id.slice(0, 8)}`;
      const ascii = name.replace(/[^\x20-\x7e]/g, '_');
      return {
        status: 200,
        body: bytes,
        headers: {
          'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
          'Content-Length': String(bytes.length),
          'Content-Disposition': `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
        },
      };
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
