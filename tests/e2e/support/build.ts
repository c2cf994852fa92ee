/**
 * What the browser tests load:
 *
 *   - the add-in's production build (`npx webpack --mode production`, the very config of
 *     build/), written under test-results/e2e-builds/ rather than build/: tests/addin/build.test.ts
 *     rebuilds build/ (webpack `clean: true`) in the same jest run, and serving a folder another
 *     worker is wiping would make these tests flaky. Rebuilt only when a source is newer than
 *     the current build (PERFPLAN_E2E_REBUILD=1 forces it);
 *   - a test-only page with the Weights view alone (harness/weights-harness.tsx), so the AHP
 *     wizard can be tested whatever state the shell is in.
 *
 * Both browser suites run at once in separate jest workers and call these. So that neither
 * serves a folder the other is writing: a build goes to a folder of its own
 * (e2e-builds/pane-<time>-<pid>), a pointer file names the current one once it is complete,
 * and one build runs at a time (a lock folder, taken with mkdir): the second suite waits, then
 * finds the build fresh and serves the same folder. A suite serves the folder it was given
 * (BuildOutcome.dir), which no later build touches; builds older than a day are removed.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import webpack from 'webpack';
import { newestMtime } from '../../../dev/newest-mtime';
import { isAlive } from '../../support/e2e-process';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = path.join(REPO, 'test-results');
/** Where the builds of the pane and of the harness go, one folder per build. */
export const BUILDS_DIR = path.join(RESULTS_DIR, 'e2e-builds');

/** The new task pane shell; the shell tests run only once it exists. */
export const SHELL_FILES = ['addin/taskpane/app.tsx'];

export function shellPresent(): boolean {
  return SHELL_FILES.every((f) => fs.existsSync(path.join(REPO, f)));
}

/** Newest modification time under `p` (file or folder), 0 when it does not exist; node_modules is not entered. */
const newest = (p: string): number => newestMtime(p, (name) => name === 'node_modules');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` holding the lock `name` (a folder under BUILDS_DIR, created atomically by
 * mkdir). A lock whose holder has died, or that is older than `staleMs`, is taken over.
 */
async function withLock<T>(name: string, work: () => Promise<T>, staleMs = 10 * 60_000): Promise<T> {
  fs.mkdirSync(BUILDS_DIR, { recursive: true });
  const lock = path.join(BUILDS_DIR, `${name}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // the holder has created the folder but not yet written its pid
      }
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if ((Number.isInteger(holder) && holder > 0 && !isAlive(holder)) || age > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The folder the pointer `name` names, when it exists. */
function current(name: string): string | undefined {
  try {
    const dir = path.join(BUILDS_DIR, fs.readFileSync(path.join(BUILDS_DIR, `${name}.current`), 'utf8').trim());
    return fs.existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Points `name` at `dir` (written aside, then renamed over the pointer: never half-written). */
function publish(name: string, dir: string): void {
  const pointer = path.join(BUILDS_DIR, `${name}.current`);
  const temporary = `${pointer}.${process.pid}`;
  fs.writeFileSync(temporary, path.basename(dir));
  fs.renameSync(temporary, pointer);
}

/** A new, empty folder for one build of `name`. */
function freshDir(name: string): string {
  const dir = path.join(BUILDS_DIR, `${name}-${Date.now().toString(36)}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Removes the builds of `name` older than a day, but never the current one. */
function prune(name: string): void {
  const keep = current(name);
  for (const entry of fs.readdirSync(BUILDS_DIR)) {
    const dir = path.join(BUILDS_DIR, entry);
    if (!entry.startsWith(`${name}-`) || dir === keep) continue;
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat?.isDirectory() && Date.now() - stat.mtimeMs > 24 * 3600_000) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const BUILD_INPUTS = ['addin', 'engine', 'i18n', 'catalog', 'adapters', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'tsconfig.json'];

/** Whether the current pane build is older than a source (or missing). */
export function buildIsStale(): boolean {
  const dir = current('pane');
  const built = dir ? newest(path.join(dir, 'taskpane.html')) : 0;
  if (built === 0) return true;
  return BUILD_INPUTS.some((input) => newest(path.join(REPO, input)) > built);
}

export interface BuildOutcome {
  /** The folder to serve (the build this call made or found). */
  dir: string;
  built: boolean;
  ms: number;
  /** webpack's output when it failed. */
  error?: string;
}

/** `npx webpack --mode production` into a folder of its own, when the current build is older than its sources. */
export async function ensureProductionBuild(): Promise<BuildOutcome> {
  return withLock('pane', async () => {
    const existing = current('pane');
    if (existing && process.env.PERFPLAN_E2E_REBUILD !== '1' && !buildIsStale()) return { dir: existing, built: false, ms: 0 };
    const started = Date.now();
    const dir = freshDir('pane');
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO] });
    const outcome = await new Promise<BuildOutcome>((resolve) => {
      execFile(process.execPath, [cli, '--mode', 'production', '--output-path', dir], { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
        const ms = Date.now() - started;
        if (error) resolve({ dir, built: false, ms, error: `${error.message}\n${stdout}\n${stderr}`.slice(-8000) });
        else resolve({ dir, built: true, ms });
      });
    });
    if (!outcome.error) {
      publish('pane', dir);
      prune('pane');
    }
    return outcome;
  });
}

const HARNESS_HTML = `<!DOCTYPE html>
<html lang="en-US">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>PerfPlan Weights view (test harness)</title>
  </head>
  <body>
    <div id="root"></div>
    <script src="weights-harness.js"></script>
  </body>
</html>
`;

const HARNESS_INPUTS = ['addin/taskpane', 'addin/office', 'engine', 'i18n', 'tests/e2e/harness', 'tests/e2e/support/build.ts', 'package.json'];

/** Builds the Weights view harness (production mode) into a folder of its own unless the current one is newer than its sources. */
export async function buildHarness(): Promise<{ dir: string; ms: number; built: boolean }> {
  return withLock('harness', async () => {
    const started = Date.now();
    const existing = current('harness');
    const builtAt = existing ? newest(path.join(existing, 'weights-harness.js')) : 0;
    if (existing && process.env.PERFPLAN_E2E_REBUILD !== '1' && builtAt > 0 && fs.existsSync(path.join(existing, 'weights.html')) && !HARNESS_INPUTS.some((input) => newest(path.join(REPO, input)) > builtAt)) {
      return { dir: existing, ms: 0, built: false };
    }
    const dir = freshDir('harness');
    const compiler = webpack({
      mode: 'production',
      context: REPO,
      devtool: false,
      entry: { 'weights-harness': path.join(__dirname, '..', 'harness', 'weights-harness.tsx') },
      output: { path: dir, filename: '[name].js', clean: true },
      resolve: { extensions: ['.tsx', '.ts', '.js'] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            loader: require.resolve('ts-loader', { paths: [REPO] }),
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', jsx: 'react-jsx', sourceMap: false } },
          },
        ],
      },
      performance: { hints: false },
    });
    await new Promise<void>((resolve, reject) => {
      compiler.run((error, stats) => {
        compiler.close(() => undefined);
        if (error) return reject(error);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
        resolve();
      });
    });
    fs.writeFileSync(path.join(dir, 'weights.html'), HARNESS_HTML);
    publish('harness', dir);
    prune('harness');
    return { dir, ms: Date.now() - started, built: true };
  });
}
