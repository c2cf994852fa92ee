/**
 * The local host: serves the registered route table over HTTP on /api without Azure
 * Functions Core Tools (which cannot be installed here). It only maps HTTP to the route
 * table's handlers — matching Azure route templates, building the same HttpRequest and
 * InvocationContext the worker builds, normalizing results with HttpResponse — and does
 * CORS/OPTIONS for the add-in's origin as the platform would.
 *
 * Request bodies are streamed to the handler, never buffered here: each handler enforces its
 * own limit while reading (1 MiB JSON, 6 MiB uploads) and the host only cuts off a body past
 * `maxBodyBytes`; a body left unread when the answer goes out closes its connection after
 * the answer (`closeAfterAnswer`). `X-Forwarded-*` / `Forwarded` headers reach the handlers only from the
 * configured proxies' addresses; from anyone else they are dropped.
 */
import { HttpRequest, HttpRequestInit, HttpResponse, InvocationContext } from '@azure/functions';
import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo, BlockList, isIP } from 'net';
import type { QueueFunctionDefinition, RouteDefinition } from '../routes';
import { QueuePoller, QueuePollerOptions, startQueuePoller } from './queue-poller';
import { HttpProblem } from '../http/problem';
import { problemResponse } from '../http/respond';
import { messageOf } from '../../../i18n/localized-error';

export interface LocalHostOptions {
  routes: RouteDefinition[];
  allowedOrigins: string[];
  port?: number;
  hostname?: string;
  /** Largest body the host lets through (default 8 MiB, above every route's own limit). */
  maxBodyBytes?: number;
  /** Addresses or CIDR ranges (e.g. `127.0.0.1`, `10.0.0.0/8`) whose X-Forwarded-* headers are kept. */
  trustedProxies?: string[];
  log?: (line: string) => void;
  /** Queue-triggered functions to serve: each gets a poller of its queue (local/queue-poller.ts). */
  queues?: QueueFunctionDefinition[];
  /** Poller settings (tests shorten them): batch size, visibility timeout, retry delay, poll interval. */
  queuePolling?: Pick<QueuePollerOptions, 'batchSize' | 'visibilityTimeoutSeconds' | 'retryDelaySeconds' | 'maxPollIntervalMs'>;
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

const tooLarge = (max: number) => new HttpProblem(413, 'Payload Too Large', `The body is larger than ${max} bytes.`);

/**
 * The request body as a web stream read on demand (nothing is read before the handler asks
 * for it), which fails with 413 as soon as more than `max` bytes arrived. Cancelling it only
 * stops reading: what happens to the rest is decided with the answer (`closeAfterAnswer`).
 */
function streamedBody(req: http.IncomingMessage, max: number): ReadableStream<Uint8Array> {
  let size = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (done) return;
          size += chunk.length;
          if (size > max) {
            done = true;
            req.pause();
            controller.error(tooLarge(max));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.once('error', (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/** How long a connection whose request body was left unread lingers after the answer. */
const LINGER_MS = 2_000;
/** How much of such a body is read meanwhile — and thrown away, never kept — so a caller still writing can finish. */
const LINGER_DISCARD_BYTES = 1024 * 1024;

/**
 * Called before answering a request whose body was not read to its end (refused early, or
 * answered before its body mattered). The answer says `Connection: close`, so the caller
 * sends nothing more on this connection — reusing it would put the next request behind a
 * body nobody reads — and the connection is closed as RFC 9112 § 9.6 asks: half-closed after
 * the answer, what still arrives read and discarded (at most LINGER_DISCARD_BYTES), then
 * dropped when the body ends, the caller closes, or LINGER_MS pass. Closing at once would
 * reset a connection the caller is still writing to, and the reset can destroy the answer
 * before the caller reads it.
 *
 * Node ends a `Connection: close` answer with `socket.destroySoon()` (end, then destroy);
 * this connection's own destroySoon does the lingering close instead.
 */
function closeAfterAnswer(req: http.IncomingMessage): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    let discarded = 0;
    req.removeAllListeners('data');
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > LINGER_DISCARD_BYTES) req.pause();
    });
    req.once('end', () => socket.destroy());
    req.resume();
  };
}

/** Matches a peer address against the configured proxies (IPv4-mapped IPv6 counts as IPv4). */
export function proxyMatcher(entries: string[] = []): (address: string | undefined) => boolean {
  const list = new BlockList();
  let any = false;
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`trusted proxy "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
    any = true;
  }
  return (address) => {
    if (!any || !address) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const plain = mapped ? mapped[1] : address;
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

const FORWARDING_HEADER = /^(x-forwarded-.*|forwarded|x-original-host)$/;

/** The URL of a request: `origin` + its path and query, concatenated (never resolved). */
function requestUrl(origin: string, target: string): URL {
  try {
    if (target.startsWith('/')) return new URL(`${origin}${target}`);
    const absolute = new URL(target); // absolute-form, as a proxy's request line has it
    return new URL(`${origin}${absolute.pathname}${absolute.search}`);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The request URL is not valid.');
  }
}

/** Decodes a route parameter; malformed percent-encoding is the caller's error (400), not ours. */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The URL path contains malformed percent-encoding.');
  }
}

async function send(req: http.IncomingMessage, res: http.ServerResponse, response: HttpResponse, extraHeaders: Record<string, string>): Promise<void> {
  const headers: Record<string, string> = { ...extraHeaders };
  response.headers.forEach((value, key) => (headers[key] = value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  if (body.length > 0 && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) headers['Content-Length'] = String(body.length);
  if (!req.complete) {
    headers.Connection = 'close';
    closeAfterAnswer(req);
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

export function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const compiled = options.routes.map(compileRoute);
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const log = options.log ?? (() => undefined);
  const trusted = proxyMatcher(options.trustedProxies);

  const bindHost = (options.hostname ?? '127.0.0.1').toLowerCase();
  let port = 0;
  /**
   * The request's own origin (what links in responses fall back to): the Host header only when
   * it names this server (loopback or the bound name, our port); else http://localhost:port —
   * a forged Host must not steer links elsewhere.
   */
  const ownOrigin = (host: string | undefined): string => {
    const match = /^(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9.-]+)(?::(\d+))?$/i.exec(host ?? '');
    if (match && Number(match[2] ?? 80) === port && ['localhost', '127.0.0.1', '[::1]', bindHost].includes(match[1].toLowerCase())) return `http://${host}`;
    return `http://localhost:${port}`;
  };

  const server = http.createServer(async (req, res) => {
    const started = Date.now();
    const origin = req.headers.origin;
    const cors = corsHeaders(origin, options.allowedOrigins);
    const method = (req.method ?? 'GET').toUpperCase();
    let url = new URL(`http://localhost:${port}/`);
    try {
      // Concatenated, never resolved: a request target like `//evil.example/api/…` must stay a path.
      url = requestUrl(ownOrigin(req.headers.host), req.url ?? '/');
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
        await send(req, res, new HttpResponse(problemResponse(problem)), cors);
        return;
      }
      const params: Record<string, string> = {};
      chosen.c.names.forEach((name, i) => {
        const value = chosen.match![i + 1];
        if (value !== undefined) params[name] = decodeParam(value);
      });
      const declared = req.headers['content-length'];
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBody) throw tooLarge(maxBody);
      const forwardingTrusted = trusted(req.socket.remoteAddress);
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined || (!forwardingTrusted && FORWARDING_HEADER.test(key))) continue;
        headers[key] = Array.isArray(value) ? value.join(', ') : value;
      }
      const hasBody = method !== 'GET' && method !== 'HEAD';
      // Built as the worker builds HTTP-stream requests (createStreamRequest): a native Request
      // over the incoming body, so the handler reads it as it arrives.
      const nativeRequest = new Request(url.toString(), {
        method,
        headers,
        body: hasBody ? streamedBody(req, maxBody) : undefined,
        duplex: 'half',
      } as RequestInit);
      const request = new HttpRequest({ nativeRequest, params } as unknown as HttpRequestInit);
      const context = new InvocationContext({
        functionName: chosen.c.route.name,
        invocationId: randomUUID(),
        logHandler: (level, ...args) => log(`[${level}] ${chosen.c.route.name}: ${args.map(messageOf).join(' ')}`),
      });
      const result = await chosen.c.route.handler(request, context);
      await send(req, res, result instanceof HttpResponse ? result : new HttpResponse(result), cors);
    } catch (error) {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'Internal Server Error', 'The request could not be completed.');
      if (!(error instanceof HttpProblem)) log(`[error] host: ${messageOf(error)}`);
      if (!res.headersSent) {
        await send(req, res, new HttpResponse(problemResponse(problem)), cors);
      } else res.destroy();
    } finally {
      log(`${method} ${url.pathname}${url.search} → ${res.statusCode} (${Date.now() - started} ms)`);
    }
  });
  server.keepAliveTimeout = 65_000;
  // Slow or endless requests cannot hold a connection for Node's default 5 minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, options.hostname ?? '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const pollers: QueuePoller[] = (options.queues ?? []).map((fn) =>
        startQueuePoller({
          name: fn.name,
          ...fn.queues(),
          handler: fn.handler,
          maxDequeueCount: fn.maxDequeueCount,
          ...options.queuePolling,
          log: options.log,
        }),
      );
      resolve({
        server,
        port,
        url: `http://localhost:${port}/api`,
        close: async () => {
          await Promise.all(pollers.map((p) => p.stop()));
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
