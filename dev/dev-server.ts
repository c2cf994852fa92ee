/**
 * The add-in's development web server (what `npm start` serves on https://localhost:3000):
 *
 *   - static files from the webpack output folder (build/) with proper content types; `/`
 *     is the task pane (taskpane.html); nothing outside the folder is reachable (`..`,
 *     encoded separators, NUL bytes and symlinks leading out are refused);
 *   - `/api` and `/api/*` proxied to the local API host, streaming both ways and keeping
 *     method, headers, body and status. The add-in calls its own origin's /api (see
 *     addin/custom-functions/benchmark-client.ts), so no CORS is involved in Excel;
 *   - while build/ does not exist yet, static requests get 503 "run npm run build" rather
 *     than a bare 404, so the API side stays usable;
 *   - every response it makes itself carries a Content-Security-Policy and the usual security
 *     headers (SECURITY_HEADERS); proxied API responses get `nosniff` when the API sent none;
 *   - the API gets this server's own X-Forwarded-Host/-Proto/-For; a caller's are dropped,
 *     unless it is one of `trustedProxies` (then its are passed on).
 *
 * HTTPS is used when `https` ({key, cert}) is given — `npm start` gets them from
 * office-addin-dev-certs — else plain HTTP.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { proxyMatcher } from '../functions/src/local/host';
import { messageOf } from '../i18n/localized-error';

export interface DevServerOptions {
  /** Folder with the built add-in (default "build", relative to the current directory). */
  root?: string;
  /** Port (default 3000; 0 picks a free one). */
  port?: number;
  /** Interface (default 127.0.0.1: only this machine; browsers reach it as localhost). */
  hostname?: string;
  /** Base URL of the API host that serves /api/... (default http://127.0.0.1:7071). */
  apiTarget?: string;
  /** TLS key and certificate (PEM); plain HTTP without them. */
  https?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer };
  /**
   * Addresses or CIDR ranges of proxies in front of this server (e.g. a tunnel) whose
   * X-Forwarded-Host/-Proto/-For are passed on to the API. From anyone else they are dropped
   * and this server's own are sent. Default: none — this server is the edge.
   */
  trustedProxies?: string[];
  log?: (line: string) => void;
}

export interface DevServer {
  server: http.Server | https.Server;
  /** e.g. https://localhost:3000 (no trailing slash) */
  origin: string;
  protocol: 'http' | 'https';
  port: number;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * What the task pane may load: its own files, Office.js from Microsoft's CDN (which loads its
 * host-specific parts from the same place), and calls to its own origin's /api. Styles allow
 * 'unsafe-inline' because Fluent UI (Griffel) and React set styles at run time; scripts do not
 * (webpack's `new Function` probe falls back to `window` when refused).
 *
 * Deliberately absent: frame-ancestors / X-Frame-Options (Excel on the web frames the pane
 * under a chain of Microsoft origins that differs by tenant and product), Cross-Origin-Opener-
 * Policy (Office dialogs talk to the pane through window.opener), Cross-Origin-Resource-Policy
 * (Office loads the manifest's icons from its own pages) and HSTS (this is a localhost server;
 * HSTS belongs to the production host).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()',
};

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own business, never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function problem(res: http.ServerResponse, status: number, title: string, detail: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/**
 * The file under `root` a URL path names, or null when the path is not acceptable (escapes
 * the root, contains NUL or encoded separators, or cannot be decoded). `/` → taskpane.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // An encoded "/" or "\" would let a segment smuggle a separator past the checks below.
  if (/%2f|%5c/i.test(urlPath) || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:/.test(s))) return null;
  const relative = segments.length === 0 ? 'taskpane.html' : segments.join(path.sep);
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

function isApiPath(pathname: string): boolean {
  const lower = pathname.toLowerCase();
  return lower === '/api' || lower.startsWith('/api/');
}

export function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const root = path.resolve(options.root ?? 'build');
  const target = new URL(options.apiTarget ?? 'http://127.0.0.1:7071');
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`apiTarget must be an http(s) URL, got ${options.apiTarget}`);
  const targetBasePath = target.pathname.replace(/\/$/, '');
  const requestUpstream = target.protocol === 'https:' ? https.request : http.request;
  const log = options.log ?? (() => undefined);
  const protocol: 'http' | 'https' = options.https ? 'https' : 'http';
  // Keep-alive to the API host: one short-lived socket per request would be wasteful.
  const agent = target.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const trusted = proxyMatcher(options.trustedProxies);

  function proxy(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const headers: http.OutgoingHttpHeaders = {};
    const connectionTokens = String(req.headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name) || connectionTokens.includes(name) || name === 'host') continue;
      // Forwarding headers a browser (or anyone) sent are never passed on as if they were ours.
      if (name === 'forwarded' || name.startsWith('x-forwarded-')) continue;
      headers[name] = value;
    }
    headers.host = target.host;
    const peer = req.socket.remoteAddress ?? '';
    const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim() || undefined;
    // Behind a configured proxy, the origin the caller used is the one that proxy names.
    const viaProxy = trusted(peer);
    const forwardedFor = viaProxy ? single(req.headers['x-forwarded-for']) : undefined;
    headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${peer}` : peer;
    headers['x-forwarded-host'] = (viaProxy && single(req.headers['x-forwarded-host'])) || req.headers.host || '';
    headers['x-forwarded-proto'] = (viaProxy && single(req.headers['x-forwarded-proto'])) || protocol;

    const upstream = requestUpstream(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || (target.protocol === 'https:' ? 443 : 80),
        method: req.method,
        path: `${targetBasePath}${url.pathname}${url.search}`,
        headers,
        agent,
      },
      (upstreamRes) => {
        const out: Array<[string, string | string[]]> = [];
        const tokens = String(upstreamRes.headers.connection ?? '')
          .toLowerCase()
          .split(',')
          .map((t) => t.trim());
        for (const [name, value] of Object.entries(upstreamRes.headers)) {
          if (value === undefined || HOP_BY_HOP.has(name) || tokens.includes(name)) continue;
          out.push([name, value]);
        }
        if (upstreamRes.headers['x-content-type-options'] === undefined) out.push(['x-content-type-options', 'nosniff']);
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, Object.fromEntries(out));
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error) => {
      log(`[proxy] ${req.method} ${url.pathname}: ${error.message}`);
      problem(
        res,
        502,
        'Bad Gateway',
        `The PerfPlan API is not reachable at ${target.origin}${targetBasePath}/api. Is it running (npm start)?`,
      );
    });
    // The browser went away: stop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      problem(res, 405, 'Method Not Allowed', `${method} is not supported for static files.`, { Allow: 'GET, HEAD' });
      return;
    }
    const file = resolveStaticPath(root, url.pathname);
    if (!file) {
      problem(res, 400, 'Bad Request', 'The path is not allowed.');
      return;
    }
    if (!fs.existsSync(root)) {
      problem(res, 503, 'Add-in Not Built', `The add-in has not been built yet (${root} is missing): run "npm run build" (or "npm run build:dev").`, {
        'Retry-After': '10',
      });
      return;
    }
    let stat: fs.Stats;
    let real: string;
    try {
      real = await fs.promises.realpath(file);
      const realRoot = await fs.promises.realpath(root);
      // A symlink inside build/ must not lead outside it.
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
        problem(res, 404, 'Not Found', `${url.pathname} was not found.`);
        return;
      }
      stat = await fs.promises.stat(real);
    } catch {
      problem(res, 404, 'Not Found', `${url.pathname} was not found.`);
      return;
    }
    if (!stat.isFile()) {
      problem(res, 404, 'Not Found', `${url.pathname} was not found.`);
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(real),
      'Content-Length': String(stat.size),
      'Last-Modified': stat.mtime.toUTCString(),
      // Office caches add-in files aggressively; during development always revalidate.
      'Cache-Control': 'no-cache',
    };
    const since = req.headers['if-modified-since'];
    if (since && !Number.isNaN(Date.parse(since)) && Math.floor(stat.mtimeMs / 1000) * 1000 <= Date.parse(since)) {
      res.writeHead(304, { ...SECURITY_HEADERS, 'Last-Modified': headers['Last-Modified'], 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    res.writeHead(200, headers);
    if (method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(real);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = Date.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      problem(res, 400, 'Bad Request', 'The request URL is not valid.');
      return;
    }
    res.on('finish', () => log(`${req.method} ${url.pathname}${url.search} → ${res.statusCode} (${Date.now() - started} ms)`));
    if (isApiPath(url.pathname)) {
      proxy(req, res, url);
      return;
    }
    serveStatic(req, res, url).catch((error) => {
      log(`[static] ${url.pathname}: ${messageOf(error)}`);
      problem(res, 500, 'Internal Server Error', 'The file could not be served.');
    });
  };

  const server = options.https
    ? https.createServer({ key: options.https.key, cert: options.https.cert, ca: options.https.ca }, handler)
    : http.createServer(handler);
  server.keepAliveTimeout = 65_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const hostname = options.hostname ?? '127.0.0.1';
    server.listen(options.port ?? 3000, hostname, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        protocol,
        port,
        origin: `${protocol}://localhost:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
