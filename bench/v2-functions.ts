/**
 * Catalog v2 in `npm run bench` (section v2: `npm run bench -- --only=v2`): PERF.POOL over
 * 100,000 people and PERF.CREDIT over 1,000,000 deal rows, 10,000 people and a 6-level
 * reporting line, each called with 2-D arrays as Excel passes them, beside an anchor measured
 * in the same run. Targets are reported, never asserted.
 */
import { credit } from '../engine/crediting';
import type { Cell, ResultGrid } from '../engine/grid';
import { pool } from '../engine/pool';
import { Rng } from '../engine/random';
import { fmt } from './fmt';

type Timer = <T>(fn: () => T, repeat?: number) => { ms: number; value: T };

const column = (values: ArrayLike<Cell>): Cell[][] => Array.from(values, (v) => [v]);
const sumOf = (grid: ResultGrid) => grid.reduce((s, row) => s + (row[0] as number), 0);

// ---------------------------------------------------------------------------------------
// POOL
// ---------------------------------------------------------------------------------------

interface PoolData {
  pool: number;
  shares: Cell[][];
  caps: Cell[][];
  floor: number;
}

/** Shares = score × base salary; a cap of a quarter salary each; a floor for everyone; a pool where caps and floors bind. */
function poolData(people: number): PoolData {
  const rng = Rng.fromSeed(11);
  const shares = new Float64Array(people);
  const caps = new Float64Array(people);
  let total = 0;
  for (let i = 0; i < people; i++) {
    const salary = 5_000 + Math.floor(rng.nextDouble() * 45_000);
    const score = rng.nextDouble() * 1.5;
    shares[i] = score * salary;
    caps[i] = 0.25 * salary;
    total += shares[i];
  }
  return { pool: total * 0.2, shares: column(shares), caps: column(caps), floor: 500 };
}

/** The anchor: pool × s / Σs in one pass over the same 2-D arrays (what a proportional split with no bounds costs). */
function proportionalSplit(data: PoolData): ResultGrid {
  const n = data.shares.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += data.shares[i][0] as number;
  const out: ResultGrid = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [(data.pool * (data.shares[i][0] as number)) / total];
  return out;
}

function poolSection(log: (line?: string) => void, time: Timer): void {
  log('## PERF.POOL over 100,000 people (shares = score × salary, a cap per person, one floor)');
  log('');
  const people = 100_000;
  const data = poolData(people);
  // Best of 20: a call takes milliseconds, and the best run is the one least disturbed by the rest of the machine.
  const engine = time(() => pool(data.pool, data.shares, data.caps, data.floor), 20);
  const anchor = time(() => proportionalSplit(data), 20);
  const capped = engine.value.filter((row, i) => row[0] === data.caps[i][0]).length;
  const floored = engine.value.filter((row) => row[0] === data.floor).length;
  const drift = Math.abs(sumOf(engine.value) - data.pool) / data.pool;
  log('| people | PERF.POOL (sort-based water-filling) | anchor: proportional split, no bounds, one pass | POOL ÷ anchor | at cap | at floor | Σ vs pool (rel.) | target |');
  log('|---:|---:|---:|---:|---:|---:|---:|---|');
  log(
    `| ${fmt(people)} | ${fmt(engine.ms, 1)} ms | ${fmt(anchor.ms, 1)} ms | ${fmt(engine.ms / anchor.ms, 1)}× | ${fmt(capped)} | ${fmt(floored)} | ${drift.toExponential(1)} | ≤ 50 ms |`,
  );
  log('');
}

// ---------------------------------------------------------------------------------------
// CREDIT
// ---------------------------------------------------------------------------------------

interface CreditData {
  people: Cell[][];
  managers: Cell[][];
  dealPeople: Cell[][];
  amounts: Cell[][];
  shares: Cell[][];
}

/** Level sizes of a 6-level reporting line of 10,000 people (a span of about 6.3 per manager). */
const LEVELS = [1, 6, 40, 250, 1_600, 8_103];

function creditData(deals: number): CreditData {
  const rng = Rng.fromSeed(7);
  const ids: string[] = [];
  const managerIds: (string | null)[] = [];
  let previous: string[] = [];
  LEVELS.forEach((size, level) => {
    const current: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = `E${String(ids.length + 1).padStart(5, '0')}`;
      ids.push(id);
      current.push(id);
      managerIds.push(level === 0 ? null : previous[Math.floor(rng.nextDouble() * previous.length)]);
    }
    previous = current;
  });
  const dealPeople: Cell[][] = new Array(deals);
  const amounts: Cell[][] = new Array(deals);
  const shares: Cell[][] = new Array(deals);
  for (let r = 0; r < deals; r++) {
    dealPeople[r] = [ids[Math.floor(rng.nextDouble() * ids.length)]];
    // One row in twenty is a return; one in four a split deal's part.
    amounts[r] = [Math.round((rng.nextDouble() < 0.05 ? -1 : 1) * rng.nextDouble() * 20_000 * 100) / 100];
    shares[r] = [rng.nextDouble() < 0.25 ? 0.5 : 1];
  }
  return { people: column(ids), managers: column(managerIds), dealPeople, amounts, shares };
}

/** The anchor: a SUMIF over the deals for every person at once, as one plain loop into a Map (no checks, no roll-up). */
function sumifLoop(data: CreditData): Map<unknown, number> {
  const totals = new Map<unknown, number>();
  const { dealPeople, amounts, shares } = data;
  for (let r = 0; r < dealPeople.length; r++) {
    const id = dealPeople[r][0];
    totals.set(id, (totals.get(id) ?? 0) + (amounts[r][0] as number) * (shares[r][0] as number));
  }
  return totals;
}

function creditSection(log: (line?: string) => void, time: Timer): void {
  log('## PERF.CREDIT over 1,000,000 deal rows, 10,000 people, a 6-level reporting line');
  log('');
  const data = creditData(1_000_000);
  const rolled = time(() => credit(data.people, data.dealPeople, data.amounts, data.shares, data.managers), 7);
  const own = time(() => credit(data.people, data.dealPeople, data.amounts, data.shares, null), 7);
  const anchor = time(() => sumifLoop(data), 7);
  // The top of the reporting line carries every credited amount; the anchor's totals add up to the same.
  const anchorTotal = [...anchor.value.values()].reduce((a, b) => a + b, 0);
  const top = rolled.value[0][0] as number;
  const agree = Math.abs(top - anchorTotal) / Math.abs(anchorTotal);
  log('| call | time | ÷ anchor | deal rows/s | target |');
  log('|---|---:|---:|---:|---|');
  const line = (label: string, ms: number, target: string) =>
    log(`| ${label} | ${fmt(ms, 1)} ms | ${fmt(ms / anchor.ms, 2)}× | ${fmt(1e6 / (ms / 1000) / 1e6, 1)} M | ${target} |`);
  line('PERF.CREDIT with managers (checks, own credit, roll-up)', rolled.ms, '≤ 500 ms');
  line('PERF.CREDIT without managers (checks, own credit)', own.ms, '');
  line('anchor: SUMIF-equivalent plain loop (amount × share into a Map by id)', anchor.ms, '');
  log('');
  log(`The top manager's rolled-up credit equals the anchor's grand total to ${agree.toExponential(1)} relative.`);
  log('');
}

/** Section v2 of `npm run bench`. */
export function v2Functions(log: (line?: string) => void, time: Timer): void {
  poolSection(log, time);
  creditSection(log, time);
}
