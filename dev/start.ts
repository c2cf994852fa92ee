/**
 * `npm start`: the whole of PerfPlan on one machine.
 *
 *   1. builds the add-in when build/ is missing, older than its sources or of the other mode:
 *      the production build (what users get: minified, no source maps, initial JS within its
 *      budget) unless asked for development with `npm start -- --dev` or PERFPLAN_DEV=1
 *      (webpack development mode, source maps);
 *   2. HTTPS whenever a certificate exists (dev/https.ts): office-addin-dev-certs' certificate,
 *      its CA installed by it, by us (root on Debian: the system store), or — printed — by one
 *      command the developer runs; plain HTTP only when no certificate can be made at all, said
 *      loudly (Excel loads add-ins only over https). build/manifest.xml then names the origin
 *      actually served;
 *   3. starts Azurite with its data on disk in .azurite/ (git-ignored), so data survives
 *      restarts;
 *   4. serves the API on http://localhost:7071/api (anonymous reads, local token issuer,
 *      CORS for the add-in's origin);
 *   5. when storage was empty, publishes the built-in templates and benchmark rows to that
 *      API over HTTP, as `perfplan seed` does (library/publish.ts, with a local publisher
 *      token) — never again afterwards: a second start must not overwrite an admin's edits or
 *      deletions; then serves the add-in on https://localhost:3000 with /api proxied to the API;
 *   6. prints the URLs, the dev token command, the sideloading steps and "PerfPlan is ready".
 *
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP stops everything — servers closed, Azurite stopped
 * gracefully so its database is flushed — and exits 0.
 *
 * If Azurite dies on its own (crash, OOM kill), it is restarted on the same ports and data
 * folder and the console says so; meanwhile the API answers 503 + Retry-After (its storage
 * calls fail fast). After 5 crashes within 2 minutes npm start gives up and stops.
 *
 * Environment overrides: PERFPLAN_API_PORT (7071), PERFPLAN_ADDIN_PORT (3000),
 * PERFPLAN_AZURITE_BLOB_PORT / _TABLE_PORT / _QUEUE_PORT (10000 / 10002 / 10001),
 * PERFPLAN_DATA_DIR (Azurite data folder, default .azurite), PERFPLAN_LOCAL_ISSUER_DIR (default
 * .perfplan/issuer; handed to the API explicitly), PERFPLAN_TOKEN (publishes instead of a local
 * publisher token, e.g. with PERFPLAN_AUTH_ISSUER set),
 * PERFPLAN_ADDIN_TRUSTED_PROXIES (proxies in front of the add-in server whose X-Forwarded-*
 * it passes on; default none), PERFPLAN_DEV=1 (development build, as --dev),
 * PERFPLAN_NO_HTTPS=1 (plain http), PERFPLAN_TRUST_CA=0 (never install the development CA),
 * PERFPLAN_SKIP_BUILD=1 (use build/ as it is), PERFPLAN_BUILD_DIR (the folder built into and
 * served, default build/),
 * PERFPLAN_VERBOSE=1 (log every add-in file request too).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { authConfigFromEnv, defaultLocalIssuerDir } from '../functions/src/auth/config';
import { ADMIN_ROLE } from '../functions/src/auth/verify';
import { createDependencies, Dependencies } from '../functions/src/dependencies';
import { startLocalHost, LocalHost } from '../functions/src/local/host';
import { queueSettingsFromHostJson } from '../functions/src/local/host-json';
import { queueFunctions, routeTable } from '../functions/src/routes';
import { createRunStore } from '../functions/src/runs/store';
import { publishBuiltIns } from '../library/publish';
import {
  AzuriteProcess,
  DEFAULT_BLOB_PORT,
  DEFAULT_QUEUE_PORT,
  DEFAULT_TABLE_PORT,
  defaultAzuriteLocation,
  startAzurite,
} from './azurite';
import { DevServer, startDevServer } from './dev-server';
import { HttpsDecision, decideHttps, systemHttpsEnvironment } from './https';
import { loadOrCreateLocalIssuer } from './local-issuer';
import { newestMtime } from './newest-mtime';
import { findRepoRoot } from './paths';
import { localPublisherToken } from './token';
import { messageOf } from '../i18n/localized-error';

const ROOT = findRepoRoot(__dirname);
/** The folder the add-in is built into and served from (PERFPLAN_BUILD_DIR, default build/). */
const BUILD_DIR = path.resolve(process.env.PERFPLAN_BUILD_DIR?.trim() || path.join(ROOT, 'build'));
/** What the webpack build reads (every folder its bundles import from, and its configuration): when any is newer than the build, rebuild. */
const BUILD_SOURCES = ['addin', 'adapters', 'catalog', 'engine', 'i18n', 'workbook', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json'];
/** What the build must contain (the manifest names these). */
const BUILD_OUTPUTS = ['taskpane.html', 'functions.js', 'functions.json', 'functions-zh-cn.json', 'manifest.xml'];
/** The origin the manifest's URLs point at. */
const MANIFEST_DEV_ORIGIN = 'https://localhost:3000';

const env = process.env;
const verbose = isTrue(env.PERFPLAN_VERBOSE);

function isTrue(value: string | undefined): boolean {
  return !!value && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function info(line: string): void {
  say(`[perfplan] ${line}`);
}

function warn(line: string): void {
  process.stderr.write(`[perfplan] ${line}\n`);
}

function portFromEnv(name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Build

export type BuildMode = 'production' | 'development';

/** The mode build/ was made in: webpack.config.js writes source maps in development mode only. */
export function builtMode(build: string): BuildMode {
  return fs.existsSync(path.join(build, 'taskpane.js.map')) ? 'development' : 'production';
}

/** The build `npm start` serves: production unless `--dev` or PERFPLAN_DEV=1. */
export function wantedBuildMode(argv: readonly string[], environment: NodeJS.ProcessEnv): BuildMode {
  return argv.includes('--dev') || isTrue(environment.PERFPLAN_DEV) ? 'development' : 'production';
}

/** Why `build` must be (re)built from the sources under `root` for `mode`, or null when it is up to date. */
export function buildStaleReason(root: string = ROOT, mode: BuildMode = 'production', build: string = path.join(root, 'build')): string | null {
  if (!fs.existsSync(build)) return 'build/ does not exist yet';
  let oldestOutput = Infinity;
  for (const file of BUILD_OUTPUTS) {
    try {
      oldestOutput = Math.min(oldestOutput, fs.statSync(path.join(build, file)).mtimeMs);
    } catch {
      return `build/${file} is missing`;
    }
  }
  const skip = (name: string) => name === 'node_modules' || name.startsWith('.');
  for (const source of BUILD_SOURCES) {
    if (newestMtime(path.join(root, source), skip) > oldestOutput) return `${source} changed since the last build`;
  }
  const made = builtMode(build);
  if (made !== mode) return `build/ is a ${made} build and ${mode} was asked for`;
  return null;
}

/** The dev manifest with its origin replaced by the one actually served (nothing else changes). */
export function manifestFor(xml: string, origin: string): string {
  return xml.split(MANIFEST_DEV_ORIGIN).join(origin);
}

// ---------------------------------------------------------------------------------------------
// State and shutdown

let building: ChildProcess | undefined;
let azuritePending: Promise<AzuriteProcess> | undefined;
let azurite: AzuriteProcess | undefined;
let api: LocalHost | undefined;
let devServer: DevServer | undefined;
let stopping = false;

async function shutdown(code: number, reason: string): Promise<never> {
  if (stopping) {
    // npm forwards the signal the terminal already sent us: one Ctrl-C may arrive twice.
    info(`still stopping (${reason})…`);
    return new Promise<never>(() => undefined);
  }
  stopping = true;
  info(`stopping (${reason})…`);
  // Never hang: if something refuses to stop, kill what is left and go.
  const watchdog = setTimeout(() => {
    warn('shutdown took too long; killing what is left');
    process.exit(code === 0 ? 1 : code); // the 'exit' hook in dev/azurite.ts SIGKILLs Azurite
  }, 25_000);
  watchdog.unref();

  if (building && building.exitCode === null) building.kill('SIGTERM');
  await Promise.all([
    devServer?.close().catch(() => undefined),
    api?.close().catch(() => undefined),
  ]);
  // Azurite may still be (re)starting: wait for the latest start, then stop it gracefully (flushes its database).
  const az = (azuritePending ? await azuritePending.catch(() => undefined) : undefined) ?? azurite;
  if (az) {
    await az.stop({ graceMs: 10_000 });
    info(`Azurite (pid ${az.pid}) stopped`);
  }
  info('stopped');
  process.exit(code);
}


// ---------------------------------------------------------------------------------------------
// Steps

async function buildAddin(mode: BuildMode): Promise<void> {
  if (isTrue(env.PERFPLAN_SKIP_BUILD)) {
    info(`PERFPLAN_SKIP_BUILD is set: serving build/ as it is${fs.existsSync(BUILD_DIR) ? '' : ' (it does not exist: add-in files will answer 503 until you run "npm run build")'}`);
    return;
  }
  const reason = buildStaleReason(ROOT, mode, BUILD_DIR);
  if (!reason) {
    info(`add-in build is up to date (build/, ${mode})`);
    return;
  }
  info(`building the add-in (${reason}): npx webpack --mode ${mode}${mode === 'production' ? ' (npm start -- --dev for a development build)' : ''}`);
  // `npx webpack` without npx: the local webpack's own launcher, through this node binary
  // (works the same on Windows, where npx is a .cmd script).
  const webpackBin = require.resolve('webpack/bin/webpack.js', { paths: [ROOT] });
  building = spawn(process.execPath, [webpackBin, '--mode', mode, '--output-path', BUILD_DIR], { cwd: ROOT, stdio: 'inherit', windowsHide: true });
  const child = building;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  building = undefined;
  if (stopping) return;
  if (code !== 0) throw new Error(`the add-in build failed (webpack exited with ${code}); fix the errors above and run npm start again`);
}

function httpFallbackNotice(reason: string, origin: string): void {
  const bar = '!'.repeat(100);
  for (const line of [
    bar,
    `!! HTTPS is OFF — ${reason}.`,
    `!! The add-in is served over plain ${origin} instead, and build/manifest.xml points there.`,
    '!! Excel (desktop and on the web) loads add-ins only over https: sideloading needs a certificate.',
    '!! Run npm start again without PERFPLAN_NO_HTTPS to make one (office-addin-dev-certs).',
    '!! The API and the task pane page still work from a browser, curl or the tests.',
    bar,
  ]) {
    warn(line);
  }
}

/** What the HTTPS decision means for the developer, in a few lines. */
function httpsNotice(decision: HttpsDecision, origin: string): void {
  for (const note of decision.notes) info(note);
  if (decision.protocol === 'http') {
    httpFallbackNotice(decision.reason, origin);
    return;
  }
  if (decision.trusted) return;
  warn(`HTTPS with a development certificate this machine does not trust yet. To trust it, run once:`);
  warn(`    ${decision.trustCommand}`);
  warn('(browsers with their own certificate store, such as Firefox, need it imported there too), or open');
  warn(`${origin}/ once in the browser you sideload from and accept the certificate.`);
}

/**
 * The manifest to sideload: manifest.xml itself when the add-in is served where it points
 * (https://localhost:3000); otherwise build/manifest.xml — the file the add-in server serves —
 * rewritten to the origin actually served (plain http, another port).
 */
function writeServedManifest(origin: string): string {
  const source = path.join(ROOT, 'manifest.xml');
  const served = path.join(BUILD_DIR, 'manifest.xml');
  if (fs.existsSync(BUILD_DIR)) {
    const xml = manifestFor(fs.readFileSync(source, 'utf8'), origin);
    if (!fs.existsSync(served) || fs.readFileSync(served, 'utf8') !== xml) fs.writeFileSync(served, xml);
  }
  if (origin === MANIFEST_DEV_ORIGIN) return source;
  if (!fs.existsSync(served)) warn(`note: manifest.xml loads the add-in from ${MANIFEST_DEV_ORIGIN}/, not ${origin}/, and build/ does not exist to hold one that points here`);
  else info(`build/manifest.xml points at ${origin}/ (manifest.xml itself at ${MANIFEST_DEV_ORIGIN}/)`);
  return served;
}

/** A clearer message for "port taken". */
async function inUse<T>(variable: string, port: number, starting: Promise<T>): Promise<T> {
  try {
    return await starting;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} is already in use (another npm start?): stop that program or choose another port with ${variable}=...`);
    }
    throw error;
  }
}

/** Crashes tolerated within CRASH_WINDOW_MS before npm start gives up. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 120_000;

/**
 * Restarts Azurite whenever it exits without being asked to (same ports and data folder, so
 * the API's connection string stays valid). The API keeps running and answers 503 meanwhile.
 */
function superviseAzurite(current: AzuriteProcess, restart: () => Promise<AzuriteProcess>): void {
  const crashes: number[] = [];
  const watch = (az: AzuriteProcess): void => {
    void az.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0] > CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_CRASHES) {
        warn(`Azurite exited unexpectedly (${signal ?? `code ${code}`}) for the ${crashes.length}th time within ${CRASH_WINDOW_MS / 1000} s; giving up`);
        void shutdown(1, 'Azurite keeps crashing');
        return;
      }
      warn(`Azurite (pid ${az.pid}) exited unexpectedly (${signal ?? `code ${code}`}); restarting it — the API answers 503 until it is back`);
      for (let attempt = 1; !stopping; attempt++) {
        try {
          // Back off a little on repeated crashes, so a crash loop does not spin.
          await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** (crashes.length - 1), 5_000)));
          if (stopping) return;
          azuritePending = restart();
          azurite = await azuritePending;
          if (stopping) return;
          info(`Azurite restarted (pid ${azurite.pid}); storage is available again`);
          watch(azurite);
          return;
        } catch (error) {
          azurite = undefined;
          if (attempt >= 3) {
            warn(`Azurite could not be restarted: ${messageOf(error)}`);
            void shutdown(1, 'Azurite could not be restarted');
            return;
          }
          warn(`restarting Azurite failed (attempt ${attempt}): ${messageOf(error)}; trying again`);
        }
      }
    });
  };
  watch(current);
}

/** True when storage holds no template and no benchmark row yet (npm start seeds only then). */
export async function storageIsEmpty(deps: Dependencies): Promise<boolean> {
  const [templates, benchmarks] = await Promise.all([deps.templates.isEmpty(), deps.benchmarks.isEmpty()]);
  return templates && benchmarks;
}

/**
 * Publishes the library to the API just started, over HTTP as `perfplan seed` does: with
 * PERFPLAN_TOKEN when set, else a publisher token from the local issuer the API trusts.
 */
async function seedOverHttp(apiUrl: string, apiEnv: NodeJS.ProcessEnv, local: boolean): Promise<void> {
  const given = env.PERFPLAN_TOKEN?.trim();
  if (!given && !local) {
    warn('storage is empty, but the API trusts PERFPLAN_AUTH_ISSUER, not the local issuer: set PERFPLAN_TOKEN to a token');
    warn('with the app role Templates.Publisher and run "npm run seed" to publish the built-in templates and benchmarks');
    return;
  }
  info('storage is empty: seeding the built-in templates and benchmarks (over HTTP, as the publisher)…');
  const token = given ? given.replace(/^Bearer\s+/i, '') : await localPublisherToken({ env: apiEnv, root: ROOT });
  try {
    await publishBuiltIns({ api: apiUrl, token, log: (line) => info(line) });
  } catch (error) {
    throw new Error(`seeding failed: ${messageOf(error)} (storage is no longer empty: "npm run seed" completes it)`);
  }
}

async function main(): Promise<void> {
  const apiPort = portFromEnv('PERFPLAN_API_PORT', 7071);
  const addinPort = portFromEnv('PERFPLAN_ADDIN_PORT', 3000);
  const blobPort = portFromEnv('PERFPLAN_AZURITE_BLOB_PORT', DEFAULT_BLOB_PORT);
  const tablePort = portFromEnv('PERFPLAN_AZURITE_TABLE_PORT', DEFAULT_TABLE_PORT);
  const queuePort = portFromEnv('PERFPLAN_AZURITE_QUEUE_PORT', DEFAULT_QUEUE_PORT);
  const dataDir = path.resolve(env.PERFPLAN_DATA_DIR?.trim() || defaultAzuriteLocation(ROOT));

  // 1. The add-in build.
  await buildAddin(wantedBuildMode(process.argv.slice(2), env));
  if (stopping) return;

  // 2. HTTPS for the add-in (before anything runs: office-addin-dev-certs may prompt for a password).
  if (!isTrue(env.PERFPLAN_NO_HTTPS)) info('getting the HTTPS development certificate (office-addin-dev-certs; the first time it may ask for your password)…');
  const tls = await decideHttps(systemHttpsEnvironment(env));
  if (stopping) return;
  const protocol = tls.protocol;
  const addinOrigin = `${protocol}://localhost:${addinPort}`;

  // 3. Storage.
  const shownDataDir = path.relative(ROOT, dataDir);
  info(`starting Azurite (data in ${shownDataDir && !shownDataDir.startsWith('..') && !path.isAbsolute(shownDataDir) ? `${shownDataDir}${path.sep}` : dataDir})…`);
  azuritePending = startAzurite({ location: dataDir, blobPort, tablePort, queuePort });
  azurite = await azuritePending;
  if (stopping) return;
  info(`Azurite (pid ${azurite.pid}) is listening: blob ${azurite.blobPort}, table ${azurite.tablePort}, queue ${azurite.queuePort}`);
  superviseAzurite(azurite, () => startAzurite({ location: dataDir, blobPort, tablePort, queuePort }));

  // 4. The API's dependencies, exactly as the Functions app builds them, over this storage.
  const allowed = new Set([addinOrigin, ...(env.PERFPLAN_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean)]);
  const apiEnv: NodeJS.ProcessEnv = {
    ...env,
    PERFPLAN_STORAGE: azurite.connectionString,
    PERFPLAN_PUBLIC_READ: 'true',
    PERFPLAN_ALLOWED_ORIGINS: [...allowed].join(','),
    // The add-in server proxies /api from this machine: its X-Forwarded-Host is honoured
    // (and then only when it names an allowed origin); from anywhere else it is dropped.
    PERFPLAN_TRUSTED_PROXIES: env.PERFPLAN_TRUSTED_PROXIES ?? '127.0.0.1,::1',
    // Links may name the add-in server by either of its local names.
    PERFPLAN_PUBLIC_ORIGINS: [env.PERFPLAN_PUBLIC_ORIGINS, `${protocol}://127.0.0.1:${addinPort}`].filter(Boolean).join(','),
    // Named explicitly: the API's own default is relative to its working directory.
    PERFPLAN_LOCAL_ISSUER_DIR: path.resolve(env.PERFPLAN_LOCAL_ISSUER_DIR?.trim() || defaultLocalIssuerDir(ROOT)),
  };
  const auth = authConfigFromEnv(apiEnv);
  if (auth.local) await loadOrCreateLocalIssuer(auth.local.dir); // the key set the API verifies against
  const deps = createDependencies(apiEnv);

  const empty = await storageIsEmpty(deps);
  if (!empty) info('storage already has data: not seeding (npm run seed adds built-in templates that are missing)');
  if (stopping) return;

  // 5. The API host and the add-in's server.
  // The payout runs' store on the same storage; the host polls its queue (issue 13).
  const runs = createRunStore(deps.clients, apiEnv);
  api = await inUse('PERFPLAN_API_PORT', apiPort, startLocalHost({
    routes: routeTable(() => deps, () => runs),
    queues: queueFunctions(() => runs, apiEnv),
    // As host.json tells the Functions host: how many runs at once, and the pause before a retry.
    queuePolling: (({ batchSize, retryDelaySeconds }) => ({ batchSize, retryDelaySeconds }))(queueSettingsFromHostJson()),
    allowedOrigins: deps.config.allowedOrigins,
    trustedProxies: deps.config.trustedProxies,
    port: apiPort,
    hostname: '127.0.0.1',
    log: (line) => say(`[api] ${line}`),
  }));
  if (stopping) return;
  if (empty) await seedOverHttp(`http://127.0.0.1:${api.port}/api`, apiEnv, !!auth.local);
  if (stopping) return;
  devServer = await inUse('PERFPLAN_ADDIN_PORT', addinPort, startDevServer({
    root: BUILD_DIR,
    port: addinPort,
    hostname: '127.0.0.1',
    apiTarget: `http://127.0.0.1:${api.port}`,
    https: tls.protocol === 'https' ? tls.https : undefined,
    trustedProxies: (env.PERFPLAN_ADDIN_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    log: (line) => {
      if (verbose || line.startsWith('[')) say(`[addin] ${line}`);
    },
  }));
  if (stopping) return;

  // 6. The manifest names what is served, then tell the developer what is where.
  const manifest = writeServedManifest(devServer.origin);
  httpsNotice(tls, devServer.origin);
  const issuerOverride = env.PERFPLAN_LOCAL_ISSUER_DIR?.trim();
  const tokenEnv = issuerOverride ? `PERFPLAN_LOCAL_ISSUER_DIR=${JSON.stringify(issuerOverride)} ` : '';
  const tokenCommand = auth.local
    ? `${tokenEnv}npm run token -- --role admin`
    : `(PERFPLAN_AUTH_ISSUER is ${auth.issuer}: use a real Entra ID token with the ${ADMIN_ROLE} role)`;
  say('');
  say('PerfPlan is running on this machine:');
  say(`  API             ${api.url}   (anonymous reads; writes need a token)`);
  say(`  Task pane       ${devServer.origin}/taskpane.html   (${devServer.origin}/api → the API)`);
  say(`  Storage         Azurite, data in ${dataDir} (kept across restarts)`);
  say(`  Admin token     ${tokenCommand}`);
  if (auth.local) say(`                  e.g. curl -H "Authorization: Bearer $(${tokenEnv}npm run -s token -- --role admin)" ${api.url}/templates`);
  say('');
  say('Sideload the add-in:');
  say(`  Excel on the web:  Home → Add-ins → More Add-ins → Upload My Add-in → ${manifest}`);
  say('  Excel desktop:     npm run sideload   (Windows and macOS)');
  say('');
  say('Press Ctrl-C to stop.');
  say('PerfPlan is ready');
}

if (require.main === module) {
  const unknown = process.argv.slice(2).filter((a) => a !== '--dev');
  if (unknown.length > 0) {
    warn(`unknown argument${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')}: npm start [-- --dev]`);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0, signal));
  }
  main().catch((error) => {
    if (stopping) return;
    warn(`npm start failed: ${messageOf(error)}`);
    void shutdown(1, 'start-up failed');
  });
}
