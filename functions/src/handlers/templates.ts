/**
 * /api/templates: list, details, download (ETag = sha256, 304, 410 when deleted), and the
 * admin writes (POST 201/409, PUT and DELETE with a required If-Match: 428/412).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ADMIN_ROLE, requireRole } from '../auth/verify';
import type { Dependencies } from '../dependencies';
import { badRequest, gone, notFound, preconditionRequired } from '../http/problem';
import { json } from '../http/respond';
import { TEMPLATE_ID_RE, TemplateRecord, XLSX_CONTENT_TYPE, publicMetadata } from '../templates/model';
import { parseTemplateUpload } from '../templates/upload';

type Deps = () => Dependencies;

function routeId(request: HttpRequest): string {
  const id = request.params.id ?? '';
  if (!TEMPLATE_ID_RE.test(id)) throw notFound(`No template "${id.slice(0, 80)}".`);
  return id;
}

/**
 * Absolute URLs on the origin the caller used: behind a proxy (the add-in's dev server,
 * Azure Front Door) that is X-Forwarded-Host/-Proto, else the request's own URL. The links
 * only go back to the same caller, so a forged header misleads nobody else.
 */
function apiUrl(request: HttpRequest, path: string): string {
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0].trim();
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim();
  const origin = forwardedHost && /^[a-z0-9.:[\]-]+$/i.test(forwardedHost) ? `${forwardedProto === 'http' ? 'http' : 'https'}://${forwardedHost}` : new URL(request.url).origin;
  return `${origin}/api/${path}`;
}

function view(request: HttpRequest, record: TemplateRecord) {
  return { ...publicMetadata(record), downloadUrl: apiUrl(request, `templates/${record.id}/download?version=${record.version}`) };
}

function requiredIfMatch(request: HttpRequest): string {
  const ifMatch = request.headers.get('if-match');
  if (!ifMatch) throw preconditionRequired('Send If-Match with the ETag from GET /api/templates/{id}.');
  return ifMatch;
}

export function templateHandlers(deps: Deps) {
  return {
    async list(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, templates } = deps();
      await verifier.optionalPrincipal(request.headers.get('authorization'));
      const category = request.query.get('category') || undefined;
      const q = request.query.get('q') || undefined;
      const items = await templates.list({ category, q });
      return json(200, { items: items.map((r) => view(request, r)) });
    },

    async get(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, templates } = deps();
      await verifier.optionalPrincipal(request.headers.get('authorization'));
      const id = routeId(request);
      const details = await templates.get(id);
      if (!details) throw notFound(`No template "${id}".`);
      return json(200, { ...view(request, details.record), versions: details.versions }, { ETag: details.record.etag });
    },

    async download(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, templates } = deps();
      await verifier.optionalPrincipal(request.headers.get('authorization'));
      const id = routeId(request);
      const versionText = request.query.get('version');
      let version: number | undefined;
      if (versionText !== null && versionText !== '') {
        version = Number(versionText);
        if (!Number.isInteger(version) || version < 1) throw badRequest('version must be a positive integer.', [{ path: 'version', message: 'must be a positive integer' }]);
      }
      const found = await templates.download(id, version);
      if (!found) throw notFound(version ? `Template "${id}" has no version ${version}.` : `No template "${id}".`);
      if (found.record.deleted) throw gone(`Template "${id}" was deleted.`);
      const etag = `"${found.sha256}"`;
      const headers = {
        ETag: etag,
        'Cache-Control': 'private, max-age=0, must-revalidate',
      };
      const ifNoneMatch = request.headers.get('if-none-match');
      if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
        return { status: 304, headers };
      }
      return {
        status: 200,
        body: found.bytes,
        headers: {
          ...headers,
          'Content-Type': XLSX_CONTENT_TYPE,
          'Content-Disposition': `attachment; filename="${id}-v${found.version}.xlsx"`,
          'Content-Length': String(found.bytes.length),
        },
      };
    },

    async create(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, templates } = deps();
      requireRole(await verifier.verify(request.headers.get('authorization')), ADMIN_ROLE);
      const { metadata, bytes } = await parseTemplateUpload(request);
      const record = await templates.create(metadata, bytes);
      return json(201, view(request, record), { Location: apiUrl(request, `templates/${record.id}`), ETag: record.etag });
    },

    async update(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, templates } = deps();
      requireRole(await verifier.verify(request.headers.get('authorization')), ADMIN_ROLE);
      const id = routeId(request);
      const ifMatch = requiredIfMatch(request);
      const { metadata, bytes } = await parseTemplateUpload(request);
      if (metadata.id !== id) throw badRequest(`metadata.id "${metadata.id}" does not match the URL's "${id}".`, [{ path: 'id', message: 'must match the URL' }]);
      const record = await templates.update(id, metadata, bytes, ifMatch);
      return json(200, view(request, record), { ETag: record.etag });
    },

    async remove(request: HttpRequest): Promise<HttpResponseInit> {
      const { verifier, templates } = deps();
      requireRole(await verifier.verify(request.headers.get('authorization')), ADMIN_ROLE);
      const id = routeId(request);
      await templates.remove(id, requiredIfMatch(request));
      return { status: 204 };
    },
  };
}
