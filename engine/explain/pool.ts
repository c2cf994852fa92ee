/**
 * Explaining POOL for one person from pool.ts's own reading (readPoolArgs) and solution
 * (solvePool, poolPlace): the λ that makes the amounts add up to the pool, and whether the
 * person is paid λ × share or held at their floor or cap.
 */
import type { Arg } from '../grid';
import { isGrid } from '../grid';
import { pool, poolPlace, readPoolArgs, solvePool } from '../pool';
import { ExplainAt, ExplainStep, Explanation, ORIGIN, add, formatNumber as fmt, info, result, resultAt } from './steps';

/** POOL(pool, shares, [cap], [floor]) for one person (a row of shares counts along its columns). */
export function explainPool(total: Arg, shares: Arg, cap: Arg, floor: Arg, at: ExplainAt = ORIGIN): Explanation {
  const value = resultAt(pool(total, shares, cap ?? null, floor ?? null), at, 'POOL');
  const args = readPoolArgs(total, shares, cap ?? null, floor ?? null);
  const solution = solvePool(args);
  const i = isGrid(shares) && shares.length === 1 ? at.col : at.row;
  const s = args.shares[i];
  const personCap = args.caps[i];
  const personFloor = args.floors[i];
  const { lambda } = solution;

  const steps: ExplainStep[] = [
    info('pool.pool', fmt(args.pool), args.pool),
    info('pool.share', fmt(s), s, { item: i + 1 }),
    info('pool.bounds', `${fmt(personFloor)} ≤ a ≤ ${fmt(personCap)}`, personFloor),
  ];
  if (lambda === Infinity) {
    steps.push(info('pool.capsShort', `Σ = ${fmt(solution.fixed)} ≤ ${fmt(args.pool)}`, solution.fixed));
    steps.push(info('pool.leftover', `${fmt(args.pool)} − ${fmt(solution.fixed)}`, solution.leftover));
  } else {
    const formula = solution.activeShares > 0 ? `(${fmt(args.pool)} − ${fmt(solution.fixed)}) / ${fmt(solution.activeShares)}` : fmt(lambda);
    steps.push(info('pool.lambda', formula, lambda));
  }
  const place = poolPlace(args, solution, i);
  if (s === 0) {
    steps.push(info('pool.noShare', `${fmt(s)}`, s));
    steps.push(add('pool.atFloor', fmt(personFloor), value));
  } else if (place === 'cap') {
    if (lambda !== Infinity) steps.push(info('pool.capHit', `${fmt(lambda)} × ${fmt(s)} = ${fmt(lambda * s)} > ${fmt(personCap)}`, lambda * s));
    steps.push(add('pool.atCap', fmt(personCap), value));
  } else if (place === 'floor') {
    steps.push(info('pool.floorHit', `${fmt(lambda)} × ${fmt(s)} = ${fmt(lambda * s)} < ${fmt(personFloor)}`, lambda * s));
    steps.push(add('pool.atFloor', fmt(personFloor), value));
  } else {
    steps.push(add('pool.proportional', `${fmt(lambda)} × ${fmt(s)}`, value));
  }
  steps.push(result('pool.result', fmt(value), value));
  return { function: 'POOL', value, steps };
}
