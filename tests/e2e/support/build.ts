/**
 * What the browser tests load:
 *
 *   - the add-in's production build (`npx webpack --mode production`, the very config of
 *     build/), written to test-results/e2e-build/ rather than build/: tests/addin/build.test.ts
 *     rebuilds build/ (webpack `clean: true`) in the same jest run, and serving a folder another
 *     worker is wiping would make these tests flaky. Rebuilt only when a source is newer than
 *     its taskpane.html (PERFPLAN_E2E_REBUILD=1 forces it);
 *   - a test-only page with the Weights view alone (harness/weights-harness.tsx), so the AHP
 *     wizard can be tested whatever state the shell is in.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import webpack from 'webpack';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = path.join(REPO, 'test-results');
/** The production build the pane tests serve (same webpack config as build/). */
export const PANE_BUILD_DIR = path.join(RESULTS_DIR, 'e2e-build');
export const HARNESS_DIR = path.join(RESULTS_DIR, 'e2e-harness');

/** The new task pane shell; the shell tests run only once it exists. */
export const SHELL_FILES = ['addin/taskpane/app.tsx'];

export function shellPresent(): boolean {
  return SHELL_FILES.every((f) => fs.existsSync(path.join(REPO, f)));
}

/** Newest modification time under `p` (file or folder), 0 when it does not exist. */
function newest(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules') continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

const BUILD_INPUTS = ['addin', 'engine', 'i18n', 'catalog', 'adapters', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'tsconfig.json'];

export function buildIsStale(): boolean {
  const built = newest(path.join(PANE_BUILD_DIR, 'taskpane.html'));
  if (built === 0) return true;
  return BUILD_INPUTS.some((input) => newest(path.join(REPO, input)) > built);
}

export interface BuildOutcome {
  built: boolean;
  ms: number;
  /** webpack's output when it failed. */
  error?: string;
}

/** `npx webpack --mode production --output-path test-results/e2e-build` when that build is older than its sources. */
export async function ensureProductionBuild(): Promise<BuildOutcome> {
  const force = process.env.PERFPLAN_E2E_REBUILD === '1';
  if (!force && !buildIsStale()) return { built: false, ms: 0 };
  const started = Date.now();
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO] });
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, '--mode', 'production', '--output-path', PANE_BUILD_DIR], { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      const ms = Date.now() - started;
      if (error) resolve({ built: false, ms, error: `${error.message}\n${stdout}\n${stderr}`.slice(-8000) });
      else resolve({ built: true, ms });
    });
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

/** Builds the Weights view harness (production mode) into HARNESS_DIR unless it is newer than its sources. */
export async function buildHarness(): Promise<{ dir: string; ms: number; built: boolean }> {
  const started = Date.now();
  const existing = newest(path.join(HARNESS_DIR, 'weights-harness.js'));
  if (process.env.PERFPLAN_E2E_REBUILD !== '1' && existing > 0 && fs.existsSync(path.join(HARNESS_DIR, 'weights.html')) && !HARNESS_INPUTS.some((input) => newest(path.join(REPO, input)) > existing)) {
    return { dir: HARNESS_DIR, ms: 0, built: false };
  }
  const compiler = webpack({
    mode: 'production',
    context: REPO,
    devtool: false,
    entry: { 'weights-harness': path.join(__dirname, '..', 'harness', 'weights-harness.tsx') },
    output: { path: HARNESS_DIR, filename: '[name].js', clean: true },
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
  fs.writeFileSync(path.join(HARNESS_DIR, 'weights.html'), HARNESS_HTML);
  return { dir: HARNESS_DIR, ms: Date.now() - started, built: true };
}
