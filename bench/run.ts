/**
 * `npm run bench`: every figure beside its anchor, measured in the same run; results go to
 * bench/results.md. A benchmark, not a test: targets are reported, never asserted.
 *
 *   npm run bench                 everything
 *   npm run bench -- --quick      skip the slow native-formula HyperFormula runs
 *   npm run bench -- --only=api   one section (payout, sim, v2, bundle, calc, statements, runs, api; comma-separated)
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { simulateInto } from '../engine';
import { TARGET_INCENTIVE, asExcelRanges, engineRun, hyperFormulaNativeRun, makeData, typedArrayRun } from './payout-run';
import { apiBenchmark } from './api';
import { RESULT_COLUMNS, writePayoutWorkbook } from './payout-workbook';
import { v2Functions } from './v2-functions';
import { statementsBenchmark } from './statements';
import { runsBenchmark } from './runs';
import { fmt } from './fmt';

const ROOT = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (section: string) => !only || only.includes(section);
const lines: string[] = [];

function log(line = ''): void {
  console.log(line);
  lines.push(line);
}

function gc(): void {
  (global as unknown as { gc?: () => void }).gc?.();
}

/** Best of `repeat` runs (after one warm-up), in ms, and the value computed; repeat 0 = one cold run. */
function time<T>(fn: () => T, repeat = 3): { ms: number; value: T } {
  if (repeat === 0) {
    // Slow anchors run once, cold: a warm-up would double a minute-long run.
    gc();
    const start = process.hrtime.bigint();
    const value = fn();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
  }
  let value = fn();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    gc();
    const start = process.hrtime.bigint();
    value = fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: best, value };
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

function payoutRun(): void {
  log('## Payout run (6-tier marginal TIERED + 5-KPI SCORECARD + PAYOUT curve)');
  log('');
  log('| people | engine, 2-D arrays as Excel passes them | typed-array loop (anchor) | engine ÷ anchor | HyperFormula native formulas | engine ÷ native | totals agree (max rel. diff) |');
  log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const people of [100_000, 1_000_000]) {
    const data = makeData(people);
    const ranges = asExcelRanges(data);
    const engine = time(() => engineRun(ranges));
    const typed = time(() => typedArrayRun(data), 5);
    let nativeCell = 'not run (100,000 rows only)';
    let ratioNative = '—';
    let diff = relativeDifference(engine.value, typed.value);
    if (people === 100_000 && !quick) {
      const native = time(() => hyperFormulaNativeRun(data), 0);
      diff = Math.max(diff, relativeDifference(engine.value, native.value));
      nativeCell = `${fmt(native.ms)} ms (${fmt(people / (native.ms / 1000))} people/s)`;
      ratioNative = `${fmt(native.ms / engine.ms, 0)}× faster`;
    }
    const engineRate = people / (engine.ms / 1000);
    const typedRate = people / (typed.ms / 1000);
    log(
      `| ${fmt(people)} | ${fmt(engine.ms, 1)} ms (${fmt(engineRate / 1e6, 2)} M people/s) | ${fmt(typed.ms, 1)} ms (${fmt(typedRate / 1e6, 2)} M people/s) | ${fmt(engineRate / typedRate, 2)}× | ${nativeCell} | ${ratioNative} | ${diff.toExponential(1)} |`,
    );
  }
  log('');
  // What Excel's calling convention costs by itself: three m×1 results as arrays of rows.
  const floor = time(() => {
    const values = new Float64Array(1_000_000).fill(1);
    const columns = [0, 1, 2].map(() => {
      const out: number[][] = new Array(values.length);
      for (let i = 0; i < values.length; i++) out[i] = [values[i]];
      return out;
    });
    return columns.length;
  });
  log(`Second anchor — allocating three 1,000,000×1 result arrays (rows of one cell, as Excel takes them) and nothing else: ${fmt(floor.ms, 1)} ms (${fmt(1e6 / (floor.ms / 1000) / 1e6, 2)} M people/s at most).`);
  log('');
  log('Targets: engine ≥ 5,000,000 people/s single-threaded and ≥ 0.33× the typed-array loop; totals within 1e-9 relative.');
  log('');
}

interface CalcRun {
  ms: number;
  maxRssMb: number;
  total: number;
  errors: number;
}

/** `perfplan calc AUTHORED -o SAVED`: the workbook with cached values and spill refs, as Excel saves it. */
function saveAsExcelWould(authored: string, saved: string): void {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  const script =
    `require(${JSON.stringify(main)}).main(['calc',${JSON.stringify(authored)},'-o',${JSON.stringify(saved)},'--timeout','3600'],` +
    `{out:()=>{},err:(t)=>process.stderr.write(t)}).then((code)=>{process.exitCode=code;})`;
  const result = spawnSync(process.execPath, ['--max-old-space-size=8192', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`perfplan calc -o failed: ${result.stderr}`);
}

/**
 * One `perfplan calc BOOK --json` in its own process: wall time, peak RSS, and the payout total it
 * printed. The time budget is raised to an hour: the native-formula anchor may take longer than
 * the default 120 s on a busy machine, and the bench measures it rather than stopping it.
 */
function runCalc(file: string, people: number): CalcRun {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  const out = `${file}.json`;
  // The child reports its own peak RSS on exit (resourceUsage().maxRSS is in KiB).
  const script = `const fs=require('fs');const out=fs.createWriteStream(${JSON.stringify(out)});` +
    `require(${JSON.stringify(main)}).main(['calc',${JSON.stringify(file)},'--json','--timeout','3600'],{out:(t)=>out.write(t),err:(t)=>process.stderr.write(t)})` +
    `.then((code)=>out.end(()=>{process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n');process.exitCode=code;}))`;
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--max-old-space-size=8192', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`perfplan calc failed: ${result.stderr}`);
  const maxRssMb = Number(/maxrss (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  const json = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
  fs.rmSync(out);
  let total = 0;
  let errors = 0;
  for (let row = 2; row <= people + 1; row++) {
    for (const column of [RESULT_COLUMNS.commission, RESULT_COLUMNS.bonus]) {
      const value = json[`People!${column}${row}`];
      if (typeof value === 'number') total += value;
      else errors++;
    }
  }
  return { ms, maxRssMb, total: errors > 0 ? NaN : total, errors };
}

let compiled = false;

/** Compiles the tree as it is now into dist/ (emitted even where a file has type errors), message types first; once per bench run, however many sections need it. */
function compileTree(): void {
  if (compiled) return;
  compiled = true;
  // Type errors do not stop the benchmarks (tsc still emits); a compiler that did not run does.
  const steps: [string, string[]][] = [
    [path.join(ROOT, 'scripts', 'generate-message-types.js'), []],
    [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), ['-p', 'tsconfig.build.json']],
  ];
  for (const [script, args] of steps) {
    const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'ignore' });
    if (result.error || result.signal) throw new Error(`bench: ${path.basename(script)} did not run (${result.error?.message ?? result.signal})`);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('bench: dist/cli/main.js was not built');
}

async function calcEndToEnd(): Promise<void> {
  log('## `perfplan calc` end to end, payout workbook in Excel\'s storage form');
  log('');
  log('People sheet: 11 input columns (id, name, region, start date, sales, five KPI actuals, target incentive); results by three PERF dynamic-array formulas (TIERED, SCORECARD, PAYOUT) or, as the anchor, by the same calculation in native formulas on every row (3 per row). Each workbook is measured as Excel saves it — every formula with its cached value, every spill with its `ref` — made by one `perfplan calc -o` of the authored file (the form the format checker holds to Excel\'s). The PERF workbook is also measured as authored, with its spills\' refs still one cell (a file no Excel has saved): calc then sizes the spills in a second round. Wall time of the whole command (read the .xlsx, calculate, write JSON of every cell) in its own process, with its peak RSS.');
  log('');
  // The command runs the compiled CLI: compile what is in the tree now.
  compileTree();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-bench-'));
  log('| people | workbook | wall time | peak RSS | total payout | error cells |');
  log('|---:|---|---:|---:|---:|---:|');
  const ratios: string[] = [];
  for (const people of [20_000, 100_000]) {
    const data = makeData(people);
    const runs: Partial<Record<'perf' | 'native', CalcRun>> = {};
    for (const kind of ['perf', 'native'] as const) {
      if (kind === 'native' && quick) continue;
      const authored = path.join(dir, `payout-${kind}-${people}.authored.xlsx`);
      const file = path.join(dir, `payout-${kind}-${people}.xlsx`);
      await writePayoutWorkbook(authored, data, kind === 'perf', TARGET_INCENTIVE);
      saveAsExcelWould(authored, file);
      gc();
      const run = runCalc(file, people);
      runs[kind] = run;
      const label = kind === 'perf' ? 'PERF formulas (3 dynamic arrays)' : 'native formulas (3 per row), anchor';
      log(`| ${fmt(people)} | ${label} | ${fmt(run.ms)} ms | ${fmt(run.maxRssMb)} MB | ${fmt(run.total, 2)} | ${run.errors} |`);
      if (kind === 'perf') {
        const stale = runCalc(authored, people);
        log(`| ${fmt(people)} | PERF formulas, as authored (spill refs one cell) | ${fmt(stale.ms)} ms | ${fmt(stale.maxRssMb)} MB | ${fmt(stale.total, 2)} | ${stale.errors} |`);
      }
    }
    if (runs.perf && runs.native) {
      const target = people >= 100_000 ? '≥ 20×' : '≥ 10×';
      ratios.push(`- ${fmt(people)} people: native ÷ PERF = **${fmt(runs.native.ms / runs.perf.ms, 1)}× faster** (target ${target}); totals agree to ${relativeDifference(runs.perf.total, runs.native.total).toExponential(1)} relative.`);
    }
  }
  log('');
  for (const line of ratios) log(line);
  log('');
  log('Targets: 100,000 people ≤ 3 s end to end and ≤ 800 MB peak RSS.');
  log('');
  fs.rmSync(dir, { recursive: true, force: true });
}

function simulation(): void {
  log('## SIM samples per second (1,000,000 trials, seed 1)');
  log('');
  log('| distribution | ms for 1,000,000 | samples/s | target |');
  log('|---|---:|---:|---|');
  const cases: [string, number[], string][] = [
    ['uniform', [0, 1], ''],
    ['normal', [10, 2], ''],
    ['lognormal', [10, 2], ''],
    ['triangular', [4, 8, 24], '≤ 60 ms'],
    ['pert', [4, 8, 24], '≤ 150 ms'],
  ];
  const anchor = time(() => {
    const out = new Float64Array(1_000_000);
    for (let i = 0; i < out.length; i++) out[i] = Math.random();
    return out[0];
  }, 5);
  for (const [name, params, target] of cases) {
    const run = time(() => simulateInto(name, params, 1_000_000, 1), 5);
    log(`| ${name} | ${fmt(run.ms, 1)} | ${fmt(1e6 / (run.ms / 1000) / 1e6, 1)} M | ${target} |`);
  }
  log(`| anchor: Math.random() into a Float64Array | ${fmt(anchor.ms, 1)} | ${fmt(1e6 / (anchor.ms / 1000) / 1e6, 1)} M | |`);
  log('');
}

function bundleSize(): void {
  log('## Add-in bundle');
  log('');
  execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'ignore' });
  const rows: [string, string][] = [
    ['functions.js', '≤ 60 KB gzipped'],
    ['taskpane.js', ''],
  ];
  log('| file | bytes | gzipped | target |');
  log('|---|---:|---:|---|');
  for (const [file, target] of rows) {
    const bytes = fs.readFileSync(path.join(ROOT, 'build', file));
    log(`| ${file} | ${fmt(bytes.length)} | ${fmt(zlib.gzipSync(bytes, { level: 9 }).length)} | ${target} |`);
  }
  const functionsJs = fs.readFileSync(path.join(ROOT, 'build', 'functions.js'), 'utf8');
  log('');
  log(`HyperFormula in functions.js: ${/hyperformula/i.test(functionsJs) ? '**present (must not be)**' : 'absent (GPL code stays in the CLI)'}.`);
  log('');
}

async function main(): Promise<void> {
  log('# PerfPlan benchmarks');
  log('');
  log(`Run ${new Date().toISOString()} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}.${quick ? ' Quick mode: native-formula runs skipped.' : ''}`);
  log('');
  if (wanted('payout')) payoutRun();
  if (wanted('sim')) simulation();
  if (wanted('v2')) v2Functions(log, time);
  if (wanted('bundle')) bundleSize();
  if (wanted('calc')) await calcEndToEnd();
  if (wanted('statements')) {
    // The command runs the compiled CLI: compile what is in the tree now (emitted even where a file has type errors).
    compileTree();
    await statementsBenchmark(log);
  }
  if (wanted('runs')) {
    // The runs' calculation worker is the compiled one (dist/): compile what is in the tree now.
    compileTree();
    await runsBenchmark(log);
  }
  if (wanted('api')) {
    log('## API on loopback (autocannon, 50 connections, 10 s per run)');
    log('');
    await apiBenchmark(log);
    log('');
  }
  // A partial run (--only) does not overwrite the full report.
  const out = path.join(__dirname, only ? `results-${only.join('-')}.md` : 'results.md');
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
