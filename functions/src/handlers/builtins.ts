/**
 * /api/builtins: how the built-in templates and the suggested benchmark rows are published —
 * by the deployment's seed (`perfplan seed`), over HTTP like any other client, so that no
 * tool imports this app's code. Only a token with the app role Templates.Publisher may call
 * these routes; built-ins stay read-only for everyone else (issue 15).
 *
 *   PUT /api/builtins/templates/{id}   multipart metadata + file, validated as uploads are:
 *     missing → created (201); different bytes → a new version (200 "updated");
 *     same bytes → "unchanged"; deleted by an operator → "left-deleted" (never revived);
 *     metadata naming another id → 400; the id held by an organization's template → 409
 *     (an organization's template is never touched).
 *   PUT /api/builtins/benchmarks       {"rows": [...]} (≤ 10,000 rows, 4 MiB) upserted by
 *     (metric, segment), all rows validated before any is written.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { PUBLISHER_ROLE, requireRole } from '../auth/verify';
import { BenchmarkRowInput } from '../benchmarks/model';
import type { Dependencies } from '../dependencies';
import { badRequest, conflict } from '../http/problem';
import { json, readJson } from '../http/respond';
import { BUILT_IN_PUBLISHER, TEMPLATE_ID_RE } from '../templates/model';
import { sha256Hex } from '../templates/store';
import { parseTemplateUpload } from '../templates/upload';

type Deps = () => Dependencies;

export type BuiltInOutcome = 'created' | 'updated' | 'unchanged' | 'left-deleted';

const RowsBody = z.object({ rows: z.array(z.unknown()).max(10_000) });

export function builtInHandlers(deps: Deps) {
  async function publisher(request: HttpRequest): Promise<void> {
    requireRole(await deps().verifier.verify(request.headers.get('authorization')), PUBLISHER_ROLE);
  }

  return {
    async publishTemplate(request: HttpRequest): Promise<HttpResponseInit> {
      await publisher(request);
      const id = request.params.id ?? '';
      if (!TEMPLATE_ID_RE.test(id)) throw badRequest(`"${id.slice(0, 80)}" is not a template id.`);
      const { metadata, bytes } = await parseTemplateUpload(request);
      if (metadata.id !== id) {
        throw badRequest(`The metadata names "${metadata.id}" but the route names "${id}".`, [{ path: 'id', message: 'must match the URL' }]);
      }
      const { templates } = deps();
      const existing = await templates.get(id);
      let outcome: BuiltInOutcome;
      if (!existing) {
        // An organization's private template of this id is invisible here: create answers 409.
        await templates.create(metadata, bytes, BUILT_IN_PUBLISHER);
        outcome = 'created';
      } else if (!existing.record.builtIn) {
        throw conflict(`Template id "${id}" is taken by a template that is not built in.`);
      } else if (existing.record.deleted) outcome = 'left-deleted';
      else if (existing.record.sha256 === sha256Hex(bytes)) outcome = 'unchanged';
      else {
        await templates.update(id, metadata, bytes, existing.record.etag, BUILT_IN_PUBLISHER);
        outcome = 'updated';
      }
      return json(outcome === 'created' ? 201 : 200, { id, outcome });
    },

    async publishBenchmarks(request: HttpRequest): Promise<HttpResponseInit> {
      await publisher(request);
      const parsed = RowsBody.safeParse(await readJson(request, 4 * 1024 * 1024));
      if (!parsed.success) throw badRequest('Send {"rows": [...]} with at most 10,000 rows.');
      const rows = await deps().benchmarks.upsertRows(parsed.data.rows as BenchmarkRowInput[]);
      return json(200, { rows });
    },
  };
}
