/**
 * The add-in's dev server (dev/dev-server.ts): static files from build/ with the right
 * content types, a CSP and the usual security headers, no way out of the folder, and the
 * /api proxy keeping method, status, headers and body in both directions while forwarding
 * only its own X-Forwarded-* headers.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { CONTENT_SECURITY_POLICY, DevServer, SECURITY_HEADERS, resolveStaticPath, startDevServer } from '../../dev/dev-server';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** A request with the path sent exactly as given (fetch would normalize `..`). */
function raw(port: number, method: string, rawPath: string, headers: http.OutgoingHttpHeaders = {}, body?: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let work: string;
let root: string;
let upstream: http.Server;
let upstreamPort: number;
let server: DevServer;
const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-devserver-'));
  root = path.join(work, 'build');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'taskpane.html'), '<!doctype html><title>PerfPlan</title>');
  fs.writeFileSync(path.join(root, 'functions.js'), 'console.log("functions");');
  fs.writeFileSync(path.join(root, 'functions.json'), '{"functions":[]}');
  fs.writeFileSync(path.join(root, 'manifest.xml'), '<?xml version="1.0"?><OfficeApp/>');
  fs.writeFileSync(path.join(root, 'taskpane.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'icon-32.png'), pngBytes);
  fs.writeFileSync(path.join(work, 'secret.txt'), 'TOP SECRET');
  try {
    fs.symlinkSync(path.join(work, 'secret.txt'), path.join(root, 'link.txt'));
  } catch {
    // symlinks may be unavailable (Windows without privilege): that case is then not tested
  }

  // The "API host": echoes what it received, with a status and headers chosen by the request.
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const status = Number(req.headers['x-want-status'] ?? 200);
      const payload = JSON.stringify({
        method: req.method,
        url: req.url,
        headers: req.headers,
        bodyLength: body.length,
        bodySha256: createHash('sha256').update(body).digest('hex'),
      });
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.writeHead(status, {
        'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
        ETag: '"abc123"',
        'X-Upstream': 'yes',
        Location: '/api/templates/new-one',
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  upstreamPort = (upstream.address() as AddressInfo).port;
  server = await startDevServer({ root, port: 0, apiTarget: `http://127.0.0.1:${upstreamPort}` });
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  upstream?.closeAllConnections();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves the task pane at / and files with their content types', async () => {
    expect(server.protocol).toBe('http');
    expect(server.origin).toBe(`http://localhost:${server.port}`);
    const index = await raw(server.port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.toString()).toContain('<title>PerfPlan</title>');

    const cases: Array<[string, string]> = [
      ['/taskpane.html', 'text/html; charset=utf-8'],
      ['/functions.js', 'text/javascript; charset=utf-8'],
      ['/functions.json', 'application/json; charset=utf-8'],
      ['/manifest.xml', 'application/xml; charset=utf-8'],
      ['/taskpane.css', 'text/css; charset=utf-8'],
      ['/assets/icon-32.png', 'image/png'],
    ];
    for (const [urlPath, type] of cases) {
      const res = await raw(server.port, 'GET', urlPath);
      expect({ urlPath, status: res.status, type: res.headers['content-type'] }).toEqual({ urlPath, status: 200, type });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const png = await raw(server.port, 'GET', '/assets/icon-32.png?v=1');
    expect(png.body.equals(pngBytes)).toBe(true);
    expect(png.headers['content-length']).toBe(String(pngBytes.length));
  });

  it('answers HEAD without a body, 404 for missing files and folders, 405 for writes', async () => {
    const head = await raw(server.port, 'HEAD', '/functions.js');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(fs.statSync(path.join(root, 'functions.js')).size));
    expect((await raw(server.port, 'GET', '/nope.js')).status).toBe(404);
    expect((await raw(server.port, 'GET', '/assets')).status).toBe(404);
    const post = await raw(server.port, 'POST', '/taskpane.html', { 'content-type': 'text/plain' }, Buffer.from('x'));
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses every way out of the build folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/taskpane.html%00.png',
      `/${encodeURIComponent(path.join(work, 'secret.txt'))}`,
      '/%E0%A4%A', // malformed escape
    ];
    for (const attempt of attempts) {
      const res = await raw(server.port, 'GET', attempt);
      expect({ attempt, status: res.status }).toEqual({ attempt, status: expect.any(Number) });
      expect([400, 404]).toContain(res.status);
      expect(res.body.toString()).not.toContain('TOP SECRET');
    }
    if (fs.existsSync(path.join(root, 'link.txt'))) {
      const link = await raw(server.port, 'GET', '/link.txt');
      expect(link.status).toBe(404);
      expect(link.body.toString()).not.toContain('TOP SECRET');
    }
  });

  it('sends a CSP and the usual security headers with every file, 304 and error it answers', async () => {
    for (const res of [
      await raw(server.port, 'GET', '/'),
      await raw(server.port, 'GET', '/functions.js'),
      await raw(server.port, 'GET', '/taskpane.html', { 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() }),
      await raw(server.port, 'GET', '/nope.js'),
      await raw(server.port, 'GET', '/../secret.txt'),
    ]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()]).toBe(value);
    }
    expect(SECURITY_HEADERS).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('the CSP lets the task pane load Office.js from Microsoft and its own files, and nothing else run', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    // addin/taskpane/taskpane.html loads Office.js from appsforoffice.microsoft.com.
    const officeJs = /<script src="([^"]+)"/.exec(fs.readFileSync(path.join(__dirname, '..', '..', 'addin', 'taskpane', 'taskpane.html'), 'utf8'))![1];
    expect(directives.get('script-src')).toEqual(["'self'", new URL(officeJs).origin]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toContain("'self'");
    for (const values of directives.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('resolveStaticPath keeps paths inside the root', () => {
    const base = path.resolve(root);
    expect(resolveStaticPath(base, '/')).toBe(path.join(base, 'taskpane.html'));
    expect(resolveStaticPath(base, '/assets/icon-32.png')).toBe(path.join(base, 'assets', 'icon-32.png'));
    expect(resolveStaticPath(base, '/./assets/./icon-32.png')).toBe(path.join(base, 'assets', 'icon-32.png'));
    expect(resolveStaticPath(base, '/../x')).toBeNull();
    expect(resolveStaticPath(base, '/a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath(base, '/a%2f..%2f..%2fx')).toBeNull();
    expect(resolveStaticPath(base, '/C:/Windows/win.ini')).toBeNull();
  });

  it('answers 503 "run npm run build" while the build folder does not exist', async () => {
    const missing = await startDevServer({ root: path.join(work, 'not-built'), port: 0, apiTarget: `http://127.0.0.1:${upstreamPort}` });
    try {
      const res = await raw(missing.port, 'GET', '/taskpane.html');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(res.body.toString()).detail).toMatch(/npm run build/);
      // The API proxy keeps working without a build.
      expect((await raw(missing.port, 'GET', '/api/health')).status).toBe(200);
    } finally {
      await missing.close();
    }
  });
});

describe('/api proxy', () => {
  it('passes GET through: path, query, request headers, status, response headers and body', async () => {
    const res = await raw(server.port, 'GET', '/api/templates?category=incentive&q=a%20b', {
      authorization: 'Bearer abc',
      'if-none-match': '"x"',
      'x-custom': 'kept',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers.etag).toBe('"abc123"');
    expect(res.headers['x-upstream']).toBe('yes');
    expect(res.headers.location).toBe('/api/templates/new-one');
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const echo = JSON.parse(res.body.toString());
    expect(echo.method).toBe('GET');
    expect(echo.url).toBe('/api/templates?category=incentive&q=a%20b');
    expect(echo.headers.authorization).toBe('Bearer abc');
    expect(echo.headers['if-none-match']).toBe('"x"');
    expect(echo.headers['x-custom']).toBe('kept');
    expect(echo.headers['x-forwarded-proto']).toBe('http');
    expect(echo.headers['x-forwarded-host']).toBe(`127.0.0.1:${server.port}`);
    expect(echo.bodyLength).toBe(0);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("forwards only its own X-Forwarded-* headers, never the caller's", async () => {
    const res = await raw(server.port, 'GET', '/api/templates', {
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '10.9.8.7',
      'x-forwarded-prefix': '/elsewhere',
      forwarded: 'host=evil.example;proto=https',
    });
    const echo = JSON.parse(res.body.toString());
    expect(echo.headers['x-forwarded-host']).toBe(`127.0.0.1:${server.port}`);
    expect(echo.headers['x-forwarded-proto']).toBe('http');
    expect(echo.headers['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(echo.headers['x-forwarded-prefix']).toBeUndefined();
    expect(echo.headers.forwarded).toBeUndefined();
  });

  it('passes on X-Forwarded-* only from a configured proxy (trustedProxies), adding the proxy to X-Forwarded-For', async () => {
    const behindProxy = await startDevServer({ root, port: 0, apiTarget: `http://127.0.0.1:${upstreamPort}`, trustedProxies: ['127.0.0.1', '::1'] });
    const elsewhere = await startDevServer({ root, port: 0, apiTarget: `http://127.0.0.1:${upstreamPort}`, trustedProxies: ['10.0.0.0/8'] });
    try {
      const forwarded = { 'x-forwarded-host': 'perfplan.example.com', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9', forwarded: 'host=evil.example' };
      const trusted = JSON.parse((await raw(behindProxy.port, 'GET', '/api/templates', forwarded)).body.toString());
      expect(trusted.headers['x-forwarded-host']).toBe('perfplan.example.com');
      expect(trusted.headers['x-forwarded-proto']).toBe('https');
      expect(trusted.headers['x-forwarded-for']).toMatch(/^203\.0\.113\.9, (::ffff:)?127\.0\.0\.1$/);
      expect(trusted.headers.forwarded).toBeUndefined();
      // The same headers from an address that is not a configured proxy are dropped.
      const untrusted = JSON.parse((await raw(elsewhere.port, 'GET', '/api/templates', forwarded)).body.toString());
      expect(untrusted.headers['x-forwarded-host']).toBe(`127.0.0.1:${elsewhere.port}`);
      expect(untrusted.headers['x-forwarded-proto']).toBe('http');
      expect(untrusted.headers['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      // A trusted proxy that names nothing: this server's own values.
      const bare = JSON.parse((await raw(behindProxy.port, 'GET', '/api/templates')).body.toString());
      expect(bare.headers['x-forwarded-host']).toBe(`127.0.0.1:${behindProxy.port}`);
      expect(bare.headers['x-forwarded-proto']).toBe('http');
    } finally {
      await behindProxy.close();
      await elsewhere.close();
    }
  });

  it('passes POST bodies through unchanged (streamed) and keeps error statuses', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) % 251;
    const res = await raw(server.port, 'POST', '/api/templates', { 'content-type': 'application/octet-stream', 'content-length': String(body.length), 'x-want-status': '201' }, body);
    expect(res.status).toBe(201);
    const echo = JSON.parse(res.body.toString());
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/api/templates');
    expect(echo.headers['content-type']).toBe('application/octet-stream');
    expect(echo.bodyLength).toBe(body.length);
    expect(echo.bodySha256).toBe(createHash('sha256').update(body).digest('hex'));

    const put = await raw(server.port, 'PUT', '/api/templates/x', { 'content-type': 'application/json', 'if-match': '"1"', 'x-want-status': '412' }, Buffer.from('{}'));
    expect(put.status).toBe(412);
    expect(put.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(put.body.toString())).toMatchObject({ method: 'PUT', url: '/api/templates/x' });

    const del = await raw(server.port, 'DELETE', '/api/templates/x', { 'if-match': '"1"', 'x-want-status': '204' });
    expect(del.status).toBe(204);
    expect(del.body.length).toBe(0);
  });

  it('works with fetch (chunked bodies, same-origin use as in the add-in)', async () => {
    const res = await fetch(`${server.origin}/api/benchmarks/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queries: [{ metric: 'm' }] }),
    });
    expect(res.status).toBe(200);
    const echo = (await res.json()) as { method: string; url: string; bodyLength: number };
    expect(echo).toMatchObject({ method: 'POST', url: '/api/benchmarks/query', bodyLength: JSON.stringify({ queries: [{ metric: 'm' }] }).length });
  });

  it('answers 502 with a problem body when the API host is down', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dev = await startDevServer({ root, port: 0, apiTarget: `http://127.0.0.1:${deadPort}` });
    try {
      const res = await raw(dev.port, 'GET', '/api/templates');
      expect(res.status).toBe(502);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(res.body.toString())).toMatchObject({ status: 502, title: 'Bad Gateway' });
    } finally {
      await dev.close();
    }
  });
});
