/**
 * The local host: serves the registered route table over HTTP on /api without Azure
 * Functions Core Tools (which cannot be installed here). It only maps HTTP to the route
 * table's handlers — matching Azure route templates, building the same HttpRequest and
 * InvocationContext the worker builds, normalizing results with HttpResponse — and does
 * CORS/OPTIONS for the add-in's origin as the platform would.
 */
import { HttpRequest, HttpResponse, InvocationContext } from '@azure/functions';
import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { RouteDefinition } from '../routes';
import { HttpProblem } from '../http/problem';
import { problemResponse } from '../http/respond';

export interface LocalHostOptions {
  routes: RouteDefinition[];
  allowedOrigins: string[];
  port?: number;
  hostname?: string;
  /** Largest body the host buffers (the platform's own limit is far larger; handlers check theirs). */
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface LocalHost {
  server: http.Server;
  /** e.g. http://localhost:7071/api */
  url: string;
  port: number;
  close(): Promise<void>;
}

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/** Azure route template → regex: `{id}`, `{id?}`, `{*rest}`, constraints like `{id:int}` ignored. */
export function compileRoute(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.route
    .split('/')
    .map((segment) => {
      const match = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::[^}?]*)?(\?)?\}$/.exec(segment);
      if (!match) return `/${segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}`;
      names.push(match[2]);
      if (match[1]) return '(?:/(.*))?';
      return match[3] ? '(?:/([^/]+))?' : '/([^/]+)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

const EXPOSED_HEADERS = 'ETag, Location, Content-Disposition, Retry-After, WWW-Authenticate';
const DEFAULT_ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match';

function corsHeaders(origin: string | undefined, allowed: string[]): Record<string, string> {
  if (!origin || !(allowed.includes('*') || allowed.includes(origin))) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
}

async function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpProblem(413, 'Payload Too Large', `The body is larger than ${max} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function send(res: http.ServerResponse, response: HttpResponse, extraHeaders: Record<string, string>): Promise<void> {
  const headers: Record<string, string> = { ...extraHeaders };
  response.headers.forEach((value, key) => (headers[key] = value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  if (body.length > 0 && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) headers['Content-Length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const compiled = options.routes.map(compileRoute);
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const log = options.log ?? (() => undefined);

  const server = http.createServer(async (req, res) => {
    const started = Date.now();
    const origin = req.headers.origin;
    const cors = corsHeaders(origin, options.allowedOrigins);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (!url.pathname.toLowerCase().startsWith('/api/')) throw new HttpProblem(404, 'Not Found', 'The API lives under /api.');
      const path = url.pathname.slice(4);
      const candidates = compiled.map((c) => ({ c, match: c.pattern.exec(path) })).filter((x) => x.match);
      if (candidates.length === 0) throw new HttpProblem(404, 'Not Found', `No route for ${url.pathname}.`);
      const methods = [...new Set(candidates.flatMap((x) => x.c.route.methods))];
      if (method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors,
          ...(cors['Access-Control-Allow-Origin']
            ? {
                'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(', '),
                'Access-Control-Allow-Headers': (req.headers['access-control-request-headers'] as string) || DEFAULT_ALLOWED_HEADERS,
                'Access-Control-Max-Age': '86400',
              }
            : {}),
          Allow: [...methods, 'OPTIONS'].join(', '),
        });
        res.end();
        return;
      }
      const chosen = candidates.find((x) => x.c.route.methods.includes(method as never));
      if (!chosen) {
        const problem = new HttpProblem(405, 'Method Not Allowed', `${method} is not supported on ${url.pathname}.`, { headers: { Allow: methods.join(', ') } });
        await send(res, new HttpResponse(problemResponse(problem)), cors);
        return;
      }
      const params: Record<string, string> = {};
      chosen.c.names.forEach((name, i) => {
        const value = chosen.match![i + 1];
        if (value !== undefined) params[name] = decodeURIComponent(value);
      });
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, maxBody);
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
      const request = new HttpRequest({ method, url: url.toString(), headers, params, body: body && body.length > 0 ? { bytes: body } : undefined });
      const context = new InvocationContext({
        functionName: chosen.c.route.name,
        invocationId: randomUUID(),
        logHandler: (level, ...args) => log(`[${level}] ${chosen.c.route.name}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`),
      });
      const result = await chosen.c.route.handler(request, context);
      await send(res, result instanceof HttpResponse ? result : new HttpResponse(result), cors);
    } catch (error) {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'Internal Server Error', 'The request could not be completed.');
      if (!(error instanceof HttpProblem)) log(`[error] host: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) await send(res, new HttpResponse(problemResponse(problem)), cors);
      else res.destroy();
    } finally {
      log(`${method} ${url.pathname}${url.search} → ${res.statusCode} (${Date.now() - started} ms)`);
    }
  });
  server.keepAliveTimeout = 65_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, options.hostname ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        url: `http://localhost:${port}/api`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
