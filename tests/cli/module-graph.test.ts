/**
 * `perfplan calc`, `perfplan explain` and `perfplan statements` stay lean: the modules they load — the command line's
 * own thread and the worker that does the work, as the installed bin runs them (dist/, built
 * by npm install and by the tests' setup) — hold nothing from the template library (library/),
 * the development code (dev/) or the API (functions/). Read from each thread's require.cache
 * after a real run, in a child process of its own.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { peopleBook } from '../support/people-book';
import { num, storedWorkbook } from '../support/stored-workbook';
import { tempDir } from '../support/workbook';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

interface Graph {
  code: number;
  out: string;
  /** Loaded by the command line's thread (main → the command → the worker's start). */
  main: string[];
  /** Loaded by the worker for the same task. */
  worker: string[];
}

/**
 * Runs `perfplan <args>` through dist/cli/main.js in a child process and reports what each
 * thread loaded: the command line's thread after the command, and a worker given the same task
 * as the command gives its own (dist/cli/worker.js, asked for its require.cache when done).
 */
function moduleGraph(args: string[], task: Record<string, unknown>): Graph {
  const script = `
    const { Worker } = require('worker_threads');
    const main = require(${JSON.stringify(path.join(DIST, 'cli', 'main.js'))});
    const workerFile = ${JSON.stringify(path.join(DIST, 'cli', 'worker.js'))};
    (async () => {
      let out = '';
      const code = await main.main(${JSON.stringify(args)}, { out: (t) => (out += t), err: (t) => process.stderr.write(t) });
      const mainModules = Object.keys(require.cache);
      const workerModules = await new Promise((resolve, reject) => {
        const worker = new Worker(\`
          const { parentPort } = require('worker_threads');
          const post = parentPort.postMessage.bind(parentPort);
          parentPort.postMessage = (message) => {
            if (message.type === 'done') post({ type: 'modules', modules: Object.keys(require.cache) });
            post(message);
          };
          require(\${JSON.stringify(workerFile)});
        \`, { eval: true, workerData: ${JSON.stringify(task)} });
        worker.on('message', (message) => message.type === 'modules' && resolve(message.modules));
        worker.on('error', reject);
      });
      process.stdout.write(JSON.stringify({ code, out, main: mainModules, worker: workerModules }));
    })();
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Graph;
}

/** The modules of `files` inside the repository's library/, dev/ or functions/ (source or compiled). */
function outsideTheCalcPath(files: string[]): string[] {
  return files
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .filter((file) => /^(?:dist\/)?(?:library|dev|functions)\//.test(file));
}

const has = (files: string[], part: string) => files.some((file) => file.split(path.sep).join('/').includes(part));

describe('the modules perfplan calc, explain and statements load', () => {
  let book: string;
  beforeAll(() => {
    expect(fs.existsSync(path.join(DIST, 'cli', 'main.js'))).toBe(true);
    book = path.join(tempDir('perfplan-graph-'), 'book.xlsx');
    const cells = [num('A1', 30000), num('C1', 0), num('D1', 0.02), num('C2', 20000), num('D2', 0.04), `<c r="B1"><f>_xldudf_PERF_TIERED(A1,C1:D2)</f></c>`];
    fs.writeFileSync(book, storedWorkbook({ sheets: [{ name: 'S', cells }] }));
  });

  it('calc: nothing from library/, dev/ or functions/ in either thread; the command line\'s thread loads no calculator', () => {
    const graph = moduleGraph(['calc', book, '--json', '--lang', 'en-US'], { command: 'calc', book, json: true, locale: 'en-US' });
    expect(graph.code).toBe(0);
    expect(JSON.parse(graph.out)).toEqual({ 'S!A1': 30000, 'S!B1': 800, 'S!C1': 0, 'S!D1': 0.02, 'S!C2': 20000, 'S!D2': 0.04 });
    // What was read is the calc path itself: the command, and in the worker the calculator.
    expect(has(graph.main, 'dist/cli/calc.js') && has(graph.main, 'dist/cli/isolate.js')).toBe(true);
    expect(has(graph.worker, 'dist/calc/calculate.js') && has(graph.worker, 'node_modules/hyperformula/')).toBe(true);
    expect({ main: outsideTheCalcPath(graph.main), worker: outsideTheCalcPath(graph.worker) }).toEqual({ main: [], worker: [] });
    // The thread that only starts the worker loads neither HyperFormula nor any of calc/ but the
    // worker runner it starts the worker with; the worker does not load explain.
    expect(has(graph.main, 'dist/calc/limited-worker.js')).toBe(true);
    expect(has(graph.main, 'node_modules/hyperformula/') || graph.main.some((file) => has([file], 'dist/calc/') && !has([file], 'dist/calc/limited-worker.js'))).toBe(false);
    expect(has(graph.worker, 'dist/cli/explain.js') || has(graph.worker, 'dist/cli/seed.js')).toBe(false);
  });

  it('explain: nothing from library/, dev/ or functions/ in either thread', () => {
    const graph = moduleGraph(['explain', book, 'S!B1', '--json', '--lang', 'en-US'], { command: 'explain', book, target: 'S!B1', json: true, locale: 'en-US' });
    expect(graph.code).toBe(0);
    expect(JSON.parse(graph.out)).toMatchObject({ cell: 'S!B1', value: 800 });
    expect(has(graph.worker, 'dist/cli/explain.js')).toBe(true);
    expect({ main: outsideTheCalcPath(graph.main), worker: outsideTheCalcPath(graph.worker) }).toEqual({ main: [], worker: [] });
  });

  it('statements: nothing from library/, dev/ or functions/ in either thread; HTML statements load no Chromium driver', () => {
    const dir = tempDir('perfplan-graph-statements-');
    const team = path.join(dir, 'team.xlsx');
    const tiers = { name: 'Tiers', cells: [num('A2', 0), num('B2', 0.02), num('A3', 20000), num('B3', 0.04)] };
    fs.writeFileSync(
      team,
      peopleBook({
        columns: ['Name', 'Sales'],
        rows: [
          ['Li Wei', 30000],
          ['Zhao Lei', 10000],
        ],
        results: [{ header: 'Commission', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B3)' }],
        others: [tiers],
      }),
    );
    const out = path.join(dir, 'statements');
    const options = { people: 'Team[Name]', payout: 'Commission', format: 'html' as const };
    const graph = moduleGraph(['statements', team, '--people', options.people, '--payout', options.payout, '--out', out, '--format', 'html', '--lang', 'en-US'], {
      command: 'statements',
      book: team,
      out: path.join(dir, 'again'),
      ...options,
      chromium: '/nonexistent/chromium',
      locale: 'en-US',
    });
    expect(graph.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['Li_Wei.html', 'Zhao_Lei.html']);
    expect(has(graph.worker, 'dist/cli/statements-task.js') && has(graph.worker, 'dist/calc/statements.js')).toBe(true);
    expect({ main: outsideTheCalcPath(graph.main), worker: outsideTheCalcPath(graph.worker) }).toEqual({ main: [], worker: [] });
    expect(has(graph.worker, 'node_modules/playwright-core/') || has(graph.main, 'node_modules/playwright-core/')).toBe(false);
    expect(has(graph.worker, 'node_modules/exceljs/')).toBe(false);
  });
});
