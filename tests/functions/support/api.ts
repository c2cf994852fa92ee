/**
 * A running API for a test file: the route table behind the local host, storage on the
 * shared Azurite (a unique table/container prefix per harness), a local issuer in a temp
 * folder, and tokens for an admin, a reader and the publisher (the seed's identity).
 * `seedOverHttp(api)` publishes the built-in library to it as `perfplan seed` does.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadOrCreateLocalIssuer, LocalIssuer } from '../../../dev/local-issuer';
import { ADMIN_ROLE, PUBLISHER_ROLE } from '../../../functions/src/auth/verify';
import { Dependencies, createDependencies } from '../../../functions/src/dependencies';
import { LocalHost, startLocalHost } from '../../../functions/src/local/host';
import { routeTable } from '../../../functions/src/routes';
import type { TemplateStoreOptions } from '../../../functions/src/templates/store';
import type { PublishReport } from '../../../library/publish';
import { testStorage, uniquePrefix } from './azurite';

export const ADDIN_ORIGIN = 'https://localhost:3000';

export interface ApiHarness {
  url: string;
  deps: Dependencies;
  issuer: LocalIssuer;
  admin: string;
  reader: string;
  /** App role Templates.Publisher: the only caller of /api/builtins. */
  publisher: string;
  /** Lines the host logged (one per request, plus handler logs). */
  log: string[];
  close(): Promise<void>;
}

export async function startApi(options: { publicRead?: boolean; connectionString?: string; templates?: TemplateStoreOptions } = {}): Promise<ApiHarness> {
  const storage = options.connectionString ? { connectionString: options.connectionString, release: async () => undefined } : await testStorage();
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-issuer-'));
  const env = {
    PERFPLAN_STORAGE: storage.connectionString,
    PERFPLAN_STORAGE_PREFIX: uniquePrefix(),
    PERFPLAN_LOCAL_ISSUER_DIR: issuerDir,
    PERFPLAN_PUBLIC_READ: String(options.publicRead ?? true),
    PERFPLAN_ALLOWED_ORIGINS: ADDIN_ORIGIN,
  };
  const deps = createDependencies(env, { templates: options.templates });
  const issuer = await loadOrCreateLocalIssuer(issuerDir);
  const log: string[] = [];
  const host: LocalHost = await startLocalHost({ routes: routeTable(() => deps), allowedOrigins: deps.config.allowedOrigins, port: 0, log: (l) => log.push(l) });
  return {
    url: host.url,
    deps,
    issuer,
    admin: await issuer.mintToken({ roles: [ADMIN_ROLE], tid: 'org-admin' }),
    reader: await issuer.mintToken({ tid: 'org-reader' }),
    publisher: await issuer.mintToken({ roles: [PUBLISHER_ROLE], tid: 'org-publisher', sub: 'perfplan-seed' }),
    log,
    close: async () => {
      await host.close();
      await storage.release();
      fs.rmSync(issuerDir, { recursive: true, force: true });
    },
  };
}

/**
 * Publishes the built-in templates and benchmark rows over HTTP, as `perfplan seed` does. The
 * library is loaded only here, so API tests that do not seed do not build it.
 */
export async function seedOverHttp(api: Pick<ApiHarness, 'url' | 'publisher'>): Promise<PublishReport> {
  const { publishBuiltIns } = await import('../../../library/publish');
  return publishBuiltIns({ api: api.url, token: api.publisher });
}

/** A small real workbook, made with exceljs. */
export async function workbookBytes(label = 'hello'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').getCell('A1').value = label;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function metadata(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    title: { en: `Template ${id}`, zh: `模板 ${id}` },
    description: { en: 'A test template.', zh: '测试模板。' },
    category: 'incentive',
    tags: ['test'],
    ...overrides,
  };
}

export function uploadForm(meta: unknown, bytes: Buffer, filename = 'book.xlsx'): FormData {
  const form = new FormData();
  form.set('metadata', JSON.stringify(meta));
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
  return form;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * Expects a problem+json answer (RFC 9457) with `status` (and a detail matching `detail`) that
 * shows no internals — no stack traces, storage keys, connection strings or paths — and returns
 * its body.
 */
export async function expectProblem(response: Response, status: number, detail?: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  if (detail) expect(body.detail).toMatch(detail);
  expect(JSON.stringify(body)).not.toMatch(/at .+\(.+:\d+:\d+\)|AccountKey|Eby8vdM|devstoreaccount1|\/work\/|node_modules/);
  return body;
}
