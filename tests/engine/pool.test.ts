/**
 * POOL (docs/spec/functions.md, "Crediting, pools and targets"): a bonus pool split in
 * proportion to shares within floors and caps, a_i = min(cap_i, max(floor_i, λ·s_i)), Σa =
 * pool. Worked examples are constructed by hand the way people do it in Excel (pay in
 * proportion, cap, hand the excess to the others, repeat); the properties compare with a
 * plain bisection on λ written here.
 */
import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import { pool } from '../../engine/pool';
import { expectPerfError } from '../support/errors';
import { col } from '../support/engine-grid-cells';
import { uniformPools } from '../support/engine-uniform-pools';

const amounts = (grid: unknown[][]) => grid.map((row) => row[0] as number);
const expectClose = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 9));
};

describe('POOL — worked examples (constructed by hand)', () => {
  it('no bounds: plain proportion', () => {
    // 1,000 over shares 1:2:2 → 200, 400, 400.
    expectClose(amounts(pool(1000, col(1, 2, 2), null, null)), [200, 400, 400]);
  });

  it('a cap: what it cuts off goes to the others in proportion, round after round', () => {
    // 1,000 over 1:2:3:4 is 100, 200, 300, 400; the 4th is capped at 300.
    // 700 left over 1:2:3 is 116.67, 233.33, 350; the 3rd is capped at 300.
    // 400 left over 1:2 is 133.33, 266.67, below the cap: done.
    expectClose(amounts(pool(1000, col(1, 2, 3, 4), 300, null)), [400 / 3, 800 / 3, 300, 300]);
  });

  it('a floor: people below it are raised, the rest share what remains', () => {
    // 1,000 over 1:1:8 is 100, 100, 800; the first two are raised to 150; 700 remains for the third.
    expectClose(amounts(pool(1000, col(1, 1, 8), null, 150)), [150, 150, 700]);
  });

  it('a floor and a cap together', () => {
    // 1,000 over 1:4:5 is 100, 400, 500: the 1st goes up to the floor 120, the 3rd down to the
    // cap 450; 430 remains for the 2nd (λ = 107.5: the 1st at 107.5 stays under its floor, the
    // 3rd at 537.5 stays over its cap).
    expectClose(amounts(pool(1000, col(1, 4, 5), 450, 120)), [120, 430, 450]);
  });

  it('a cap vector: a cap per person, blank = none', () => {
    // 900 over 1:1:1 is 300 each; the 1st is capped at 100; 800 over the other two is 400 each
    // (the 2nd has no cap, the 3rd's cap 500 does not bind).
    expectClose(amounts(pool(900, col(1, 1, 1), col(100, null, 500), null)), [100, 400, 400]);
  });

  it('a floor vector and a share of 0: the floor only', () => {
    // The 1st has no share and a floor of 10; 90 over the others 1:1.
    expectClose(amounts(pool(100, col(0, 1, 1), null, col(10, 0, 0))), [10, 45, 45]);
  });

  it('Σcap < pool: everyone gets their cap and the rest stays in the pool', () => {
    // Caps 200 × 3 = 600 < 1,000: 400 is left in the pool.
    expect(amounts(pool(1000, col(1, 2, 3), 200, null))).toEqual([200, 200, 200]);
    // A share of 0 can take only its floor, whatever its cap: 30 + 0 < 100.
    expect(amounts(pool(100, col(0, 1), 30, null))).toEqual([0, 30]);
  });

  it('Σfloor = pool: everyone gets their floor', () => {
    expect(amounts(pool(150, col(1, 2, 3), null, 50))).toEqual([50, 50, 50]);
  });

  it('a pool of 0 gives 0 to everyone; a single share takes the whole pool', () => {
    expect(amounts(pool(0, col(1, 2), null, null))).toEqual([0, 0]);
    expect(pool(1000, 7, null, null)).toEqual([[1000]]);
  });

  it('the result has the shape of shares: a row stays a row', () => {
    const row = pool(600, [[1, 2, 3]], null, null);
    expect(row).toHaveLength(1);
    expectClose(row[0] as number[], [100, 200, 300]);
  });
});

describe('POOL — errors', () => {
  it('floors exceeding the pool → #NUM! saying how much they need', () => {
    const error = expectPerfError(() => pool(100, col(1, 1, 1), null, 50), '#NUM!', /^floor: the floors need 150 in all, more than the pool 100$/);
    expect(error.localized('zh-CN')).toBe('floor：保底合计需要 150，超过奖金池 100');
    expectPerfError(() => pool(100, col(1, 1), null, col(60, 41)), '#NUM!', /^floor: the floors need 101 in all/);
  });

  it('pool < 0, a share < 0, a floor < 0 or cap < floor → #NUM! naming the place', () => {
    expectPerfError(() => pool(-1, col(1, 2), null, null), '#NUM!', /^pool cannot be negative; got -1$/);
    expectPerfError(() => pool(100, col(1, -2), null, null), '#NUM!', /^shares, item 2 cannot be negative; got -2$/);
    expectPerfError(() => pool(100, col(1, 2), null, -5), '#NUM!', /^floor cannot be negative; got -5$/);
    expectPerfError(() => pool(100, col(1, 2), 40, 50), '#NUM!', /^floor \(50\) is above cap \(40\)$/);
    expectPerfError(() => pool(100, col(1, 2), col(90, 40), col(0, 50)), '#NUM!', /^floor, item 2 \(50\) is above cap, item 2 \(40\)$/);
  });

  it('Σshares = 0 → #DIV/0!', () => {
    const error = expectPerfError(() => pool(100, col(0, 0), null, null), '#DIV/0!', /^shares add up to 0, so the pool cannot be split in proportion$/);
    expect(error.localized('zh-CN')).toBe('shares合计为 0，无法按比例分配奖金池');
  });

  it('a bound vector of another length, text where a number belongs → #VALUE!', () => {
    expectPerfError(() => pool(100, col(1, 2, 3), col(10, 20), null), '#VALUE!', /^cap has 2 items but shares has 3$/);
    expectPerfError(() => pool(100, col(1, 'x'), null, null), '#VALUE!', /^shares, item 2 is text "x"; a number is required$/);
    expectPerfError(() => pool('x', col(1), null, null), '#VALUE!', /^pool is text "x"; a number is required$/);
  });

  it('an error cell among the shares is the error of the call', () => {
    const error = new PerfError('#N/A', 'an input cell holds #N/A');
    expect(() => pool(100, col(1, error), null, null)).toThrow(error);
  });
});

// ---------------------------------------------------------------------------------------
// Properties, against a bisection on λ written here
// ---------------------------------------------------------------------------------------

interface Case {
  pool: number;
  shares: number[];
  caps: number[];
  floors: number[];
}

function amountAt(c: Case, i: number, lambda: number): number {
  if (c.shares[i] === 0) return c.floors[i];
  return Math.min(c.caps[i], Math.max(c.floors[i], lambda * c.shares[i]));
}

/** The amounts by bisection: 200 halvings of a bracket for λ (no breakpoints, no sorting). */
function bisected(c: Case): number[] {
  const n = c.shares.length;
  const total = (lambda: number) => c.shares.reduce((s, _, i) => s + amountAt(c, i, lambda), 0);
  const most = c.shares.reduce((s, share, i) => s + (share > 0 ? c.caps[i] : c.floors[i]), 0);
  if (most <= c.pool) return c.shares.map((share, i) => (share > 0 ? c.caps[i] : c.floors[i]));
  let lo = 0;
  let hi = 1;
  while (total(hi) < c.pool) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < c.pool) lo = mid;
    else hi = mid;
  }
  return Array.from({ length: n }, (_, i) => amountAt(c, i, hi));
}

const poolCase: fc.Arbitrary<Case> = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.record({
      shares: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1000, noNaN: true })), { minLength: n, maxLength: n }),
      caps: fc.array(fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 5000 })), { minLength: n, maxLength: n }),
      floorFractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      poolFactor: fc.double({ min: 0, max: 3, noNaN: true }),
    }),
  )
  .filter((r) => r.shares.some((s) => s > 0))
  .map((r) => {
    // Floors below the caps (up to 1,000 where there is no cap); a pool from Σfloor up.
    const floors = r.caps.map((cap, i) => Math.floor(r.floorFractions[i] * (cap === Infinity ? 1000 : cap)));
    const need = floors.reduce((a, b) => a + b, 0);
    return { pool: need + Math.round(r.poolFactor * 10_000), shares: r.shares, caps: r.caps, floors };
  });

const call = (c: Case) => amounts(pool(c.pool, col(...c.shares), col(...c.caps.map((cap) => (cap === Infinity ? null : cap))), col(...c.floors)));

/** POOL gives, for every case of `cases` (`numRuns` of them), what the bisection on λ gives. */
function expectBisectionOver(cases: fc.Arbitrary<Case>, numRuns: number): void {
  fc.assert(
    fc.property(cases, (c) => {
      const a = call(c);
      bisected(c).forEach((x, i) => expect(Math.abs(a[i] - x)).toBeLessThanOrEqual(1e-6 * Math.max(1, x)));
    }),
    { numRuns },
  );
}

describe('POOL — properties', () => {
  it('sums to the pool (or to what the caps hold) and respects every floor and cap', () => {
    fc.assert(
      fc.property(poolCase, (c) => {
        const a = call(c);
        const most = c.shares.reduce((s, share, i) => s + (share > 0 ? c.caps[i] : c.floors[i]), 0);
        const sum = a.reduce((s, x) => s + x, 0);
        expect(Math.abs(sum - Math.min(c.pool, most))).toBeLessThanOrEqual(1e-9 * Math.max(1, c.pool));
        a.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(c.floors[i]);
          expect(x).toBeLessThanOrEqual(c.caps[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('equals the bisection on λ (the same a_i = min(cap, max(floor, λ·s)))', () => {
    expectBisectionOver(poolCase, 300);
  });

  it('large pools (past the first search’s sample of 256 breakpoints) equal the bisection too', () => {
    const large = fc
      .array(fc.record({ share: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })), cap: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 5000 })), floor: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 300, maxLength: 1500 })
      .filter((people) => people.some((p) => p.share > 0))
      .chain((people) => {
        const floors = people.map((p) => Math.floor(p.floor * (p.cap === Infinity ? 1000 : p.cap)));
        const need = floors.reduce((a, b) => a + b, 0);
        return fc.integer({ min: 0, max: 2_000_000 }).map((extra): Case => ({ pool: need + extra, shares: people.map((p) => p.share), caps: people.map((p) => p.cap), floors }));
      });
    expectBisectionOver(large, 40);
  });

  it('is monotone in share: with one cap and one floor for all, a higher share never gets less', () => {
    const pools = uniformPools({ maxShare: 500, people: { min: 2, max: 30 }, cap: { min: 50, max: 2000 }, maxFloor: 40, maxExtra: 50_000 });
    fc.assert(
      fc.property(pools, ({ total, shares, cap, floor }) => {
        const a = amounts(pool(total, col(...shares), cap, floor));
        for (let i = 0; i < shares.length; i++) {
          for (let j = 0; j < shares.length; j++) if (shares[i] > shares[j]) expect(a[i]).toBeGreaterThanOrEqual(a[j] - 1e-9 * Math.max(1, a[j]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
