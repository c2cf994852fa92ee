/**
 * Smoke test of `npm start` (dev/start.ts, run exactly as package.json's "start" script runs
 * it) as a real child process: free ports, a temp Azurite data folder, issuer folder and home
 * folder (office-addin-dev-certs keeps its certificates there), and a build folder holding
 * what the manifest names (no webpack build; PERFPLAN_TRUST_CA=0, so this machine's trust
 * store is never touched).
 *
 *   HTTPS:     office-addin-dev-certs generates its certificate but cannot install its CA here
 *              (root without sudo): the add-in is served over https all the same, with that
 *              certificate, and the one command that trusts it is printed; the served manifest
 *              and every URL in it answer over https (fetched trusting only that CA).
 *   http:      only when asked (PERFPLAN_NO_HTTPS, the second start): the manifest served then
 *              points at the http origin actually served.
 *
 *   1st start: storage is seeded over HTTP (the publisher route, a local publisher token);
 *              the API lists `tiered-commission-plan`; its download
 *              hashes to the listed sha256; the dev server's /api proxy gives the same list;
 *              an admin cannot delete that built-in (403) but publishes and deletes its own;
 *              Azurite crashes (SIGKILL): npm start says so and restarts it, the API answers
 *              503 meanwhile and 200 after, the data is still there; SIGINT → exit 0 within
 *              10 s, Azurite gone.
 *   2nd start on the same data: no re-seed (the deletion persisted, the template is there);
 *              SIGTERM → exit 0, Azurite gone.
 */
import { ChildProcess, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { loadOrCreateLocalIssuer } from '../../dev/local-issuer';
import { desktopCommand, webSideloadInstructions } from '../../dev/sideload';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../functions/src/auth/config';
import { ADMIN_ROLE } from '../../functions/src/auth/verify';
import { freePorts } from '../functions/support/azurite';
import { isAlive } from '../support/e2e-process';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..');

/** `npm start` as package.json says: `node <node arguments> <script>`, run here with this node binary. */
function startCommand(): string[] {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const [node, ...args] = script.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`the start script no longer starts with node: ${script}`);
  return args;
}
const TEMPLATE_ID = 'tiered-commission-plan';
const OWN_ID = 'our-own-plan';
const GONE_ID = 'our-gone-plan';

/** Waits for a condition (not for a time): checked every 100 ms, failing after `ms`. */
async function until(condition: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function templateForm(id: string, bytes: Buffer): FormData {
  const form = new FormData();
  form.set('metadata', JSON.stringify({ id, title: { en: id, zh: id }, description: { en: '', zh: '' }, category: 'incentive' }));
  form.set('file', new Blob([new Uint8Array(bytes)]), `${id}.xlsx`);
  return form;
}

interface Running {
  child: ChildProcess;
  output: () => string;
  azuritePid: number;
  apiUrl: string;
  addinOrigin: string;
  /** The add-in server's port (its origin as the manifest names it: <protocol>://localhost:<port>). */
  addinPort: number;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Running[] = [];

/** office-addin-dev-certs' CA in the test's home folder: the only CA the https requests below trust. */
const devCa = () => fs.readFileSync(path.join(home, '.office-addin-dev-certs', 'ca.crt'));

/**
 * fetch for the add-in's origin: over https it trusts the development CA and nothing else
 * (Node's fetch takes no CA), over http it is fetch itself.
 */
async function addinFetch(url: string, init: RequestInit = {}): Promise<Response> {
  if (!url.startsWith('https:')) return fetch(url, init);
  const request = new Request(url, init);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: request.method, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) }, ca: devCa(), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out = new Headers();
        for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) out.set(key, Array.isArray(value) ? value.join(', ') : value);
        const status = res.statusCode ?? 0;
        resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: out }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the add-in's manifest names, as npm start serves it (no webpack: the files as they are, the pane's page from its source). */
function addinBuild(dir: string): void {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  for (const icon of fs.readdirSync(path.join(ROOT, 'assets'))) fs.copyFileSync(path.join(ROOT, 'assets', icon), path.join(dir, 'assets', icon));
  fs.copyFileSync(path.join(ROOT, 'addin', 'taskpane', 'taskpane.html'), path.join(dir, 'taskpane.html'));
  for (const file of ['functions.json', 'functions-zh-cn.json']) fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, 'functions.js'), '// the custom functions bundle (npm run build)\n');
  fs.copyFileSync(path.join(ROOT, 'manifest.xml'), path.join(dir, 'manifest.xml'));
}

/** Every URL the served manifest names, each on the origin actually served and each answering 200. */
async function expectManifestServed(running: Running): Promise<void> {
  const origin = `${new URL(running.addinOrigin).protocol}//localhost:${running.addinPort}`;
  const served = await addinFetch(`${running.addinOrigin}/manifest.xml`);
  expect(served.status).toBe(200);
  const xml = await served.text();
  expect(xml).toBe(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').split('https://localhost:3000').join(origin));
  const urls = [...new Set(xml.match(/https?:\/\/[^"<\s]+/g)!.filter((u) => /localhost|127\.0\.0\.1/.test(u)))];
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) {
    expect(url.startsWith(origin)).toBe(true);
    const res = await addinFetch(url.replace('//localhost:', '//127.0.0.1:'));
    expect([url, res.status]).toEqual([url, 200]);
    await res.arrayBuffer();
  }
}

async function startPerfPlan(dataDir: string, issuerDir: string, options: { https: boolean }): Promise<Running> {
  const [api, addin, blob, table, queue] = await freePorts(5);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    // Nothing from the test run's own storage/auth settings may leak into the app.
    if (/^PERFPLAN_|^AzureWebJobs|^AZURITE_/.test(name)) delete env[name];
  }
  Object.assign(env, {
    PERFPLAN_API_PORT: String(api),
    PERFPLAN_ADDIN_PORT: String(addin),
    PERFPLAN_AZURITE_BLOB_PORT: String(blob),
    PERFPLAN_AZURITE_TABLE_PORT: String(table),
    PERFPLAN_AZURITE_QUEUE_PORT: String(queue),
    PERFPLAN_DATA_DIR: dataDir,
    PERFPLAN_LOCAL_ISSUER_DIR: issuerDir,
    PERFPLAN_SKIP_BUILD: '1',
    PERFPLAN_BUILD_DIR: buildDir,
    // office-addin-dev-certs keeps its files under the home folder; this machine's trust store stays untouched.
    HOME: home,
    USERPROFILE: home,
    PERFPLAN_TRUST_CA: '0',
    ...(options.https ? {} : { PERFPLAN_NO_HTTPS: '1' }),
  });
  const child = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const protocol = options.https ? 'https' : 'http';
  const running: Running = { child, output: () => output, azuritePid: 0, apiUrl: `http://127.0.0.1:${api}/api`, addinOrigin: `${protocol}://127.0.0.1:${addin}`, addinPort: addin, exit };
  started.push(running);

  const deadline = Date.now() + 90_000;
  let exited = false;
  void exit.then(() => (exited = true));
  while (!/^PerfPlan is ready$/m.test(output)) {
    if (exited) throw new Error(`npm start exited before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = /Azurite \(pid (\d+)\)/.exec(output);
  if (!pid) throw new Error(`no Azurite pid in the output:\n${output}`);
  running.azuritePid = Number(pid[1]);
  return running;
}

async function stopWith(running: Running, signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  running.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    running.exit,
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000))),
  ]);
  clearTimeout(timer);
  if (result === 'timeout') throw new Error(`npm start did not exit within 10 s of ${signal}:\n${running.output()}`);
  return { code: result.code, ms: Date.now() - t0 };
}

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await addinFetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

let work: string;
let dataDir: string;
let issuerDir: string;
let buildDir: string;
let home: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-start-'));
  dataDir = path.join(work, 'azurite');
  issuerDir = path.join(work, 'issuer');
  buildDir = path.join(work, 'build');
  home = path.join(work, 'home');
  fs.mkdirSync(home);
  addinBuild(buildDir);
});

afterAll(async () => {
  // Whatever happened above, leave no process behind.
  for (const running of started) {
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    if (running.azuritePid && isAlive(running.azuritePid)) process.kill(running.azuritePid, 'SIGKILL');
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs everything, seeds once, proxies /api, and stops cleanly on SIGINT and SIGTERM', async () => {
    // ---- first start: empty storage is seeded; HTTPS with the generated certificate
    const first = await startPerfPlan(dataDir, issuerDir, { https: true });
    const out = first.output();
    expect(out).toMatch(/seeding the built-in templates/);
    expect(out).toMatch(/seeded templates: \d+ created, 0 updated, 0 unchanged; benchmark rows: \d+/);
    // Published through the API's publisher route, like any client (the host logs every request).
    expect(out).toMatch(/PUT \/api\/builtins\/templates\/tiered-commission-plan\b.*\b201\b/);
    expect(out).toMatch(/PUT \/api\/builtins\/benchmarks\b.*\b200\b/);
    expect(out).toContain(`http://localhost:${new URL(first.apiUrl).port}/api`);
    expect(out).toContain(`https://localhost:${first.addinPort}/taskpane.html`);
    expect(out).toContain('npm run token -- --role admin');
    expect(out).toMatch(/Upload My Add-in → .*build[\\/]manifest\.xml/);
    expect(out).toContain('npm run sideload');
    // office-addin-dev-certs made the certificate but could not install its CA (no sudo here, or CI): HTTPS anyway, and how to trust it.
    expect(out).not.toMatch(/HTTPS is OFF/);
    expect(out).toMatch(/does not trust yet/);
    expect(out).toContain(path.join(home, '.office-addin-dev-certs', 'ca.crt'));
    const pane = await addinFetch(`${first.addinOrigin}/taskpane.html`);
    expect(pane.status).toBe(200);
    expect(pane.headers.get('content-type')).toMatch(/^text\/html/);
    expect(pane.headers.get('content-security-policy')).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(await pane.text()).toContain('<title>PerfPlan</title>');
    await expectManifestServed(first);
    expect(isAlive(first.azuritePid)).toBe(true);
    expect(fs.existsSync(dataDir)).toBe(true);
    expect(fs.existsSync(path.join(issuerDir, 'jwks.json'))).toBe(true);

    const list = await getJson(`${first.apiUrl}/templates`);
    expect(list.status).toBe(200);
    const item = list.body.items.find((t: { id: string }) => t.id === TEMPLATE_ID);
    expect(item).toBeDefined();
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);

    const download = await fetch(item.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
    expect(bytes.length).toBe(item.sizeBytes);

    // The same API through the add-in's origin (the dev server's /api proxy, over https).
    const proxied = await getJson(`${first.addinOrigin}/api/templates`);
    expect(proxied.status).toBe(200);
    expect(proxied.body.items.map((t: { id: string; sha256: string }) => [t.id, t.sha256])).toEqual(
      list.body.items.map((t: { id: string; sha256: string }) => [t.id, t.sha256]),
    );
    const proxiedBytes = Buffer.from(await (await addinFetch(`${first.addinOrigin}/api/templates/${TEMPLATE_ID}/download`)).arrayBuffer());
    expect(createHash('sha256').update(proxiedBytes).digest('hex')).toBe(item.sha256);

    // The seeded template is built in: read-only, even for an admin (through the proxy, as the add-in would).
    const issuer = await loadOrCreateLocalIssuer(issuerDir);
    const token = await issuer.mintToken({ roles: [ADMIN_ROLE], issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
    const auth = { Authorization: `Bearer ${token}` };
    const details = await getJson(`${first.addinOrigin}/api/templates/${TEMPLATE_ID}`);
    expect(details.status).toBe(200);
    const etag = details.headers.get('etag');
    expect(etag).toBeTruthy();
    const anonymousDelete = await fetch(`${first.apiUrl}/templates/${TEMPLATE_ID}`, { method: 'DELETE', headers: { 'If-Match': etag! } });
    expect(anonymousDelete.status).toBe(401);
    await anonymousDelete.arrayBuffer();
    const builtInDelete = await addinFetch(`${first.addinOrigin}/api/templates/${TEMPLATE_ID}`, { method: 'DELETE', headers: { ...auth, 'If-Match': etag! } });
    expect(builtInDelete.status).toBe(403);
    await builtInDelete.arrayBuffer();

    // The admin publishes two templates of its own organization, and deletes one.
    for (const id of [OWN_ID, GONE_ID]) {
      const published = await addinFetch(`${first.addinOrigin}/api/templates`, { method: 'POST', headers: auth, body: templateForm(id, bytes) });
      expect(published.status).toBe(201);
      // Links name the add-in's origin: the proxy on this machine is trusted to say so.
      expect((await published.json()).downloadUrl).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${first.addinPort}/api/templates/`));
    }
    const own = await getJson(`${first.apiUrl}/templates/${GONE_ID}`, { headers: auth });
    const deleted = await addinFetch(`${first.addinOrigin}/api/templates/${GONE_ID}`, { method: 'DELETE', headers: { ...auth, 'If-Match': own.headers.get('etag')! } });
    expect(deleted.status).toBe(204);
    await deleted.arrayBuffer();
    const lastWrite = Date.now();

    // ---- Azurite crashes: npm start restarts it; meanwhile the API answers 503
    // Azurite saves its database every 5 s; wait for the save after the last write (a crash before it would lose that write).
    const savedAfterLastWrite = () =>
      ['__azurite_db_blob__.json', '__azurite_db_table__.json'].every((f) => fs.existsSync(path.join(dataDir, f)) && fs.statSync(path.join(dataDir, f)).mtimeMs > lastWrite);
    await until(async () => savedAfterLastWrite(), 20_000, "Azurite's database save");
    process.kill(first.azuritePid, 'SIGKILL');
    await until(async () => !isAlive(first.azuritePid), 10_000, 'Azurite to die');
    const duringOutage = await fetch(`${first.apiUrl}/health`);
    await duringOutage.arrayBuffer();
    await until(async () => /Azurite restarted \(pid (\d+)\)/.test(first.output()), 30_000, 'the restart message');
    expect(first.output()).toMatch(/Azurite \(pid \d+\) exited unexpectedly \(SIGKILL\); restarting it/);
    expect(duringOutage.status).toBe(503);
    expect(duringOutage.headers.get('retry-after')).toMatch(/^\d+$/);
    const restartedPid = Number(/Azurite restarted \(pid (\d+)\)/.exec(first.output())![1]);
    expect(restartedPid).not.toBe(first.azuritePid);
    await until(async () => (await fetch(`${first.apiUrl}/health`)).status === 200, 15_000, 'health after the restart');
    expect((await getJson(`${first.apiUrl}/templates/${OWN_ID}`, { headers: auth })).status).toBe(200);
    expect((await getJson(`${first.apiUrl}/templates/${TEMPLATE_ID}`)).status).toBe(200);
    first.azuritePid = restartedPid;

    // ---- Ctrl-C: exit 0 within 10 s, Azurite stopped with it
    const stop1 = await stopWith(first, 'SIGINT');
    expect(stop1.code).toBe(0);
    expect(isAlive(first.azuritePid)).toBe(false);
    expect(first.output()).toMatch(/stopped/);

    // ---- second start on the same data: no re-seed, the deletion persisted; plain http only because it was asked for
    const second = await startPerfPlan(dataDir, issuerDir, { https: false });
    expect(second.output()).toMatch(/HTTPS is OFF — PERFPLAN_NO_HTTPS is set/);
    await expectManifestServed(second);
    expect(second.output()).toMatch(/not seeding/);
    expect(second.output()).not.toMatch(/seeding the built-in templates/);
    expect(second.azuritePid).not.toBe(first.azuritePid);
    const after = await getJson(`${second.apiUrl}/templates`, { headers: auth });
    expect(after.status).toBe(200);
    expect(after.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([TEMPLATE_ID, OWN_ID]));
    expect(after.body.items.map((t: { id: string }) => t.id)).not.toContain(GONE_ID);
    const gone = await fetch(`${second.apiUrl}/templates/${GONE_ID}/download`, { headers: auth });
    expect(gone.status).toBe(410);
    await gone.arrayBuffer();
    // Benchmarks seeded on the first start are still there.
    const benchmarks = await getJson(`${second.apiUrl}/benchmarks`);
    expect(benchmarks.status).toBe(200);
    expect(benchmarks.body.items.length).toBeGreaterThan(0);

    const stop2 = await stopWith(second, 'SIGTERM');
    expect(stop2.code).toBe(0);
    expect(isAlive(second.azuritePid)).toBe(false);
  });
});

describe('npm run sideload', () => {
  it('uses office-addin-debugging through npx on Windows and macOS only', () => {
    expect(desktopCommand('darwin')).toEqual({
      command: 'npx',
      args: ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel'],
    });
    expect(desktopCommand('win32')?.command).toBe('npx.cmd');
    expect(desktopCommand('linux')).toBeNull();
  });

  it('explains the Excel on the web upload with the manifest path', () => {
    const text = webSideloadInstructions('/repo/manifest.xml');
    expect(text).toContain('Home → Add-ins → More Add-ins → Upload My Add-in');
    expect(text).toContain('/repo/manifest.xml');
  });
});
