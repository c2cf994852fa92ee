/**
 * /api/templates: list, details, download (ETag = sha256, 304, 410 when deleted), and the
 * admin writes (POST 201/409, PUT and DELETE with a required If-Match: 428/412).
 *
 * Every call acts for the caller's organization (token `tid`): readers see the built-ins,
 * shared templates and their own organization's; admins write only their organization's
 * (templates/model.ts `canRead`/`canWrite`). Query and route parameters are NFKC-normalized
 * and length-checked before use; anything out of bounds is a 400 naming the parameter. The
 * list is paged (`?top=`, `continuationToken`); an organization's storage has a quota (store.ts).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { ADMIN_ROLE, requireRole } from '../auth/verify';
import type { Dependencies } from '../dependencies';
import { badRequest, gone, notFound } from '../http/problem';
import { json, requiredIfMatch } from '../http/respond';
import {
  TEMPLATE_ID_RE,
  TemplateCategory,
  TemplateReader,
  TemplateRecord,
  TemplateWriter,
  XLSX_CONTENT_TYPE,
  fieldErrors,
  freeText,
  publicMetadata,
} from '../templates/model';
import { MAX_TEMPLATE_PAGE_SIZE } from '../templates/store';
import { parseTemplateUpload } from '../templates/upload';

type Deps = () => Dependencies;

/** Longest raw route id looked at (ids are at most 64 characters; NFKC never runs on more). */
const MAX_ROUTE_ID = 256;

function routeId(request: HttpRequest): string {
  const raw = request.params.id ?? '';
  // NFKC: a full-width ｃｏｍｍｉｓｓｉｏｎ-plan names commission-plan.
  const id = raw.length <= MAX_ROUTE_ID ? raw.normalize('NFKC') : raw;
  if (!TEMPLATE_ID_RE.test(id)) throw notFound(`No template "${id.slice(0, 80)}".`);
  return id;
}

const ListQuery = z.object({
  category: z.string().max(40).normalize('NFKC').trim().pipe(TemplateCategory).optional(),
  q: freeText(200, { form: 'NFKC' }).optional(),
  // The pane sends its language; the list is the same in every language (titles carry both).
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as en-US or zh-CN')
    .optional(),
  // Paging: at most `top` templates per answer; `continuationToken` from the previous answer gets the next ones.
  top: z
    .string()
    .max(10)
    .normalize('NFKC')
    .regex(/^\d+$/, `must be an integer from 1 to ${MAX_TEMPLATE_PAGE_SIZE}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_TEMPLATE_PAGE_SIZE, `must be an integer from 1 to ${MAX_TEMPLATE_PAGE_SIZE}`)
    .optional(),
  continuationToken: z.string().max(512).optional(),
});

const VersionQuery = z
  .string()
  .max(20)
  .normalize('NFKC')
  .regex(/^\d+$/, 'must be a positive integer')
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n) && n >= 1, 'must be a positive integer');

/** The query parameters named, empty ones dropped (as if absent); the first of repeated ones. */
function queryOf(request: HttpRequest, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = request.query.get(name);
    if (value !== null && value !== '') out[name] = value;
  }
  return out;
}

function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest('The query parameters are invalid.', fieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Absolute URLs on the origin the caller used. A proxy in front (the add-in's dev server,
 * Azure Front Door) tells it in X-Forwarded-Host/-Proto; that origin is used only when it is
 * one of the configured public origins — anyone can send the headers, and a link must never
 * point at a host the deployment does not own. Otherwise: the request's own origin.
 */
function apiUrl(request: HttpRequest, publicOrigins: string[], path: string): string {
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0].trim().toLowerCase();
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  let origin = new URL(request.url).origin;
  if (forwardedHost) {
    const candidate = `${forwardedProto === 'http' ? 'http' : 'https'}://${forwardedHost}`;
    if (publicOrigins.includes(candidate)) origin = candidate;
  }
  return `${origin}/api/${path}`;
}

/**
 * The language a download is named in: `?locale=` when given (the pane sends its own), else the
 * caller's Accept-Language (its most preferred of Chinese and English), else English.
 */
export function downloadLanguage(locale: string | undefined, acceptLanguage: string | null): 'en' | 'zh' {
  if (locale) return /^zh\b/i.test(locale) ? 'zh' : 'en';
  const ranges = (acceptLanguage ?? '')
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.q > 0 && (/^zh\b/.test(r.tag) || /^en\b/.test(r.tag)))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0]?.tag.startsWith('zh') ? 'zh' : 'en';
}

/** Characters RFC 5987's attr-char allows besides letters and digits. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/** `value` as an RFC 5987 ext-value: UTF-8, every byte outside attr-char percent-encoded. */
export function rfc5987(value: string): string {
  let out = "UTF-8''";
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Content-Disposition of a download (RFC 6266): the file is named "<title> v<version>.xlsx" in
 * the caller's language — the name the pane saves it under — as `filename*` (RFC 5987, UTF-8, so
 * Chinese titles survive), with the ASCII `filename="<id>-v<version>.xlsx"` beside it for clients
 * that do not read `filename*`. Characters no file system takes, and controls, become spaces;
 * the pane's own name for the file (addin/taskpane/views/templates) is made the same way.
 */
export function downloadDisposition(id: string, version: number, title: string): string {
  const cleaned = title
    // Bidirectional controls too: they could make "…xlsx.exe" read as something else.
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // At most 120 characters, counted by code point so that no surrogate pair is cut in two.
  const safe = Array.from(cleaned).slice(0, 120).join('').trim() || id;
  return `attachment; filename="${id}-v${version}.xlsx"; filename*=${rfc5987(`${safe} v${version}.xlsx`)}`;
}

export function templateHandlers(deps: Deps) {
  const view = (request: HttpRequest, record: TemplateRecord) => ({
    ...publicMetadata(record),
    downloadUrl: apiUrl(request, deps().config.publicOrigins, `templates/${record.id}/download?version=${record.version}`),
  });

  /** The caller as a reader: its organization, or anonymous (when public reads are on). */
  async function reader(request: HttpRequest): Promise<TemplateReader> {
    const principal = await deps().verifier.optionalPrincipal(request.headers.get('authorization'));
    return { tenantId: principal?.tenantId ?? null };
  }

  /** The caller as a writer: an admin of its organization (401/403 otherwise). */
  async function writer(request: HttpRequest): Promise<TemplateWriter> {
    const principal = requireRole(await deps().verifier.verify(request.headers.get('authorization')), ADMIN_ROLE);
    return { tenantId: principal.tenantId };
  }

  return {
    async list(request: HttpRequest): Promise<HttpResponseInit> {
      const who = await reader(request);
      const { category, q, top, continuationToken } = parseQuery(ListQuery, queryOf(request, ['category', 'q', 'locale', 'top', 'continuationToken']));
      const page = await deps().templates.listPage({ category, q }, who, { top, continuationToken });
      return json(200, { items: page.items.map((r) => view(request, r)), ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) });
    },

    async get(request: HttpRequest): Promise<HttpResponseInit> {
      const who = await reader(request);
      const id = routeId(request);
      const details = await deps().templates.get(id, who);
      if (!details) throw notFound(`No template "${id}".`);
      return json(200, { ...view(request, details.record), versions: details.versions }, { ETag: details.record.etag });
    },

    async download(request: HttpRequest): Promise<HttpResponseInit> {
      const who = await reader(request);
      const id = routeId(request);
      const { version, locale } = parseQuery(z.object({ version: VersionQuery.optional(), locale: ListQuery.shape.locale }), queryOf(request, ['version', 'locale']));
      const found = await deps().templates.download(id, version, who);
      if (!found) throw notFound(version ? `Template "${id}" has no version ${version}.` : `No template "${id}".`);
      if (found.record.deleted) throw gone(`Template "${id}" was deleted.`);
      const etag = `"${found.sha256}"`;
      const headers = {
        ETag: etag,
        'Cache-Control': 'private, max-age=0, must-revalidate',
        // The file's name follows Accept-Language (unless ?locale= says): caches must keep them apart.
        Vary: 'Accept-Language',
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
          'Content-Disposition': downloadDisposition(id, found.version, found.record.title[downloadLanguage(locale, request.headers.get('accept-language'))]),
          'Content-Length': String(found.bytes.length),
          // A workbook is never rendered inline, nor sniffed into something that would be.
          'X-Content-Type-Options': 'nosniff',
        },
      };
    },

    async create(request: HttpRequest): Promise<HttpResponseInit> {
      const who = await writer(request);
      const { metadata, bytes } = await parseTemplateUpload(request);
      const record = await deps().templates.create(metadata, bytes, who);
      return json(201, view(request, record), { Location: apiUrl(request, deps().config.publicOrigins, `templates/${record.id}`), ETag: record.etag });
    },

    async update(request: HttpRequest): Promise<HttpResponseInit> {
      const who = await writer(request);
      const id = routeId(request);
      const ifMatch = requiredIfMatch(request, 'GET /api/templates/{id}');
      const { metadata, bytes } = await parseTemplateUpload(request);
      if (metadata.id !== id) throw badRequest(`metadata.id "${metadata.id}" does not match the URL's "${id}".`, [{ path: 'id', message: 'must match the URL' }]);
      const record = await deps().templates.update(id, metadata, bytes, ifMatch, who);
      return json(200, view(request, record), { ETag: record.etag });
    },

    async remove(request: HttpRequest): Promise<HttpResponseInit> {
      const who = await writer(request);
      const id = routeId(request);
      await deps().templates.remove(id, requiredIfMatch(request, 'GET /api/templates/{id}'), who);
      return { status: 204 };
    },
  };
}
