/**
 * `npm run bench -- --only=statements`: `perfplan statements` for 1,000 people, each format in
 * its own process as a user runs it (read, calculate once, explain every result, write one file
 * per person; PDF printed by one Chromium). The workbook is the payout benchmark's People sheet
 * (bench/payout-workbook.ts: 11 input columns, TIERED, SCORECARD and PAYOUT spilled over every
 * row) with its rows made an Excel Table, so `--people "People[name]"` names them.
 * Targets (issue 12): ≤ 10 s for HTML or xlsx, ≤ 60 s for PDF.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeCodec } from '../workbook/node-codec';
import { withTables } from '../workbook/table-writer';
import { TARGET_INCENTIVE, makeData } from './payout-run';
import { PEOPLE_HEADER, writePayoutWorkbook } from './payout-workbook';
import { fmt } from './fmt';

const ROOT = path.resolve(__dirname, '..');

interface Run {
  ms: number;
  code: number | null;
  files: number;
  out: string;
}

/** One `perfplan statements` through the compiled CLI in its own process. */
function runStatements(book: string, out: string, format: string): Run {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  const args = ['statements', book, '--people', 'People[name]', '--payout', 'People[bonus]', '--out', out, '--format', format, '--period', '2025-07', '--lang', 'en-US', '--timeout', '900'];
  const script =
    `require(${JSON.stringify(main)}).main(${JSON.stringify(args)},{out:(t)=>process.stdout.write(t),err:(t)=>process.stderr.write(t)})` +
    `.then((code)=>{process.exitCode=code;})`;
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const files = fs.existsSync(out) ? fs.readdirSync(out).length : 0;
  return { ms, code: result.status, files, out: `${result.stdout}${result.stderr}`.trim() };
}

export async function statementsBenchmark(log: (line?: string) => void, people = 1000): Promise<void> {
  log(`## \`perfplan statements\`, ${fmt(people)} people`);
  log('');
  log('The payout workbook (11 input columns; TIERED, SCORECARD and PAYOUT spilled over every row) as an Excel Table; one statement per person with every result explained. Wall time of the whole command in its own process (read, calculate once, explain, write every file; PDF: one Chromium, a page per core reused), with --timeout 900 so that a loaded machine still finishes. The load average of the machine is given: on a shared machine it decides the PDF time.');
  log('');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-bench-statements-'));
  try {
    const book = path.join(dir, 'people.xlsx');
    await writePayoutWorkbook(book, makeData(people), true, TARGET_INCENTIVE);
    const columns = PEOPLE_HEADER.slice(0, 11).map((name) => ({ name }));
    fs.writeFileSync(book, withTables(fs.readFileSync(book), nodeCodec, [{ name: 'People', sheet: 'People', ref: `A1:K${people + 1}`, columns, totalsRow: false }]));
    log('| format | wall time | files | target | exit | load average (1 min) before | said |');
    log('|---|---:|---:|---|---:|---:|---|');
    for (const [format, target] of [['html', '≤ 10 s'], ['xlsx', '≤ 10 s'], ['pdf', '≤ 60 s']] as const) {
      const load = os.loadavg()[0];
      const run = runStatements(book, path.join(dir, format), format);
      log(`| ${format} | ${fmt(run.ms)} ms | ${fmt(run.files)} | ${target} | ${run.code} | ${fmt(load, 1)} | ${run.out.split('\n')[0].replace(dir, '…')} |`);
    }
    log('');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
