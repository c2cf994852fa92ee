/**
 * /api/runs (issue 13): `POST /api/runs` submits a workbook for a payout run (multipart
 * `metadata` JSON + `file`, validated exactly as template uploads are: templates/upload.ts),
 * `GET /api/runs/{id}` reads one. Both act for the caller's organization (token `tid`) only;
 * submitting needs the app role Payouts.Submitter, reading Payouts.Submitter or
 * Payouts.Approver. Runs are never public, whatever PERFPLAN_PUBLIC_READ says.
 *
 * POST answers 202 + `Location: /api/runs/{id}` when it queued a new run; the same workbook
 * (sha256) for the same period and people table answers 200 with the existing run (and the
 * same Location) — nothing is stored twice.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { requireRole } from '../auth/verify';
import type { Principal } from '../auth/verify';
import type { Dependencies } from '../dependencies';
import { forbidden, notFound } from '../http/problem';
import { json } from '../http/respond';
import { RUN_ID_RE, RUN_READER_ROLES, RunMetadataInput, SUBMITTER_ROLE, runView } from '../runs/model';
import type { RunStore } from '../runs/store';
import { parseTemplateUploadWith } from '../templates/upload';

type Deps = () => Dependencies;

const location = (id: string) => `/api/runs/${id}`;

export function runHandlers(deps: Deps, runs: () => RunStore) {
  async function caller(request: HttpRequest): Promise<Principal> {
    return deps().verifier.verify(request.headers.get('authorization'));
  }

  return {
    async submit(request: HttpRequest): Promise<HttpResponseInit> {
      const principal = requireRole(await caller(request), SUBMITTER_ROLE);
      const { metadata, bytes } = await parseTemplateUploadWith(request, RunMetadataInput);
      const { run, created } = await runs().submit(metadata, bytes, { tenantId: principal.tenantId, subject: principal.subject });
      return json(created ? 202 : 200, runView(run), { Location: location(run.id), ETag: run.etag });
    },

    async get(request: HttpRequest): Promise<HttpResponseInit> {
      const principal = await caller(request);
      if (!RUN_READER_ROLES.some((role) => principal.roles.includes(role))) {
        throw forbidden(`this operation requires the app role ${RUN_READER_ROLES.join(' or ')}`);
      }
      const id = (request.params.id ?? '').toLowerCase();
      const run = RUN_ID_RE.test(id) ? await runs().get(id, principal.tenantId) : undefined;
      if (!run) throw notFound(`No run "${(request.params.id ?? '').slice(0, 80)}".`);
      return json(200, runView(run), { ETag: run.etag });
    },
  };
}
