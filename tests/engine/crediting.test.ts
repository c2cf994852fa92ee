/**
 * CREDIT (docs/spec/functions.md, "Crediting, pools and targets"): deals credited to people,
 * split deals, returns, and the roll-up to managers. Worked examples are constructed by hand
 * with the arithmetic in the comments; the property checks the roll-up against a walk of the
 * reporting line written here, independently of the engine's topological order.
 */
import fc from 'fast-check';
import { credit } from '../../engine/crediting';
import { PerfError } from '../../engine/errors';
import { expectPerfError } from '../support/errors';
import { col } from '../support/engine-grid-cells';

const values = (grid: unknown[][]) => grid.map((row) => row[0]);

describe('CREDIT — own deals', () => {
  // Constructed by hand: a team of four; deal rows 2 and 3 are one 8,000 deal split 60/40
  // between Li and Zhang; row 4 is a return of 1,000 on one of Li's deals.
  const PEOPLE = col('Wang', 'Li', 'Zhang', 'Chen');
  const DEAL_PEOPLE = col('Wang', 'Li', 'Zhang', 'Li', 'Chen');
  const AMOUNTS = col(10_000, 8_000, 8_000, -1_000, 5_000);
  const SHARES = col(1, 0.6, 0.4, null, 1);

  it('amount × share per row, summed per person: split deals once per person, a return subtracts', () => {
    // Wang 10,000; Li 8,000 × 0.6 − 1,000 × 1 = 3,800; Zhang 8,000 × 0.4 = 3,200; Chen 5,000.
    expect(values(credit(PEOPLE, DEAL_PEOPLE, AMOUNTS, SHARES, null))).toEqual([10_000, 3_800, 3_200, 5_000]);
  });

  it('shares omitted: every row counts whole; a person without deals gets 0', () => {
    // Wang 10,000; Li 8,000 − 1,000 = 7,000; Zhang 8,000; Chen 5,000; Zhao 0.
    expect(values(credit(col('Wang', 'Li', 'Zhang', 'Chen', 'Zhao'), DEAL_PEOPLE, AMOUNTS, null, null))).toEqual([10_000, 7_000, 8_000, 5_000, 0]);
  });

  it('one result row per person (n×1), also when people is a row', () => {
    expect(credit([['A', 'B']], col('B', 'A', 'B'), col(1, 2, 3), null, null)).toEqual([[2], [4]]);
  });

  it('ids match as text, trimmed and in any case: 101 and "101", "E07" and " e07 "', () => {
    expect(values(credit(col(101, 'E07'), col('101', ' e07 ', 101), col(5, 7, 11), null, null))).toEqual([16, 7]);
  });

  it('a deal list a row long (one row of deal_people, amounts and shares)', () => {
    expect(values(credit(col('A', 'B'), [['A', 'B', 'A']], [[100, 200, 300]], [[0.5, 1, null]], null))).toEqual([350, 200]);
  });
});

describe('CREDIT — roll-up to managers', () => {
  it('worked example: each manager carries everyone below them (constructed by hand)', () => {
    // Own credit as above: Wang 10,000, Li 3,800, Zhang 3,200, Chen 5,000.
    // Zhang → Li → Wang, Chen → Wang. Zhang 3,200; Li 3,800 + 3,200 = 7,000; Chen 5,000;
    // Wang 10,000 + 7,000 + 5,000 = 22,000 = every credited amount of the team.
    const result = credit(col('Wang', 'Li', 'Zhang', 'Chen'), col('Wang', 'Li', 'Zhang', 'Li', 'Chen'), col(10_000, 8_000, 8_000, -1_000, 5_000), col(1, 0.6, 0.4, null, 1), col(null, 'Wang', 'Li', 'Wang'));
    expect(values(result)).toEqual([22_000, 7_000, 3_200, 5_000]);
  });

  it('six levels, listed from the bottom up: 1 + 10 + 100 + … at each level', () => {
    // F reports to E, E to D, …, B to A. Own: A 1, B 10, C 100, D 1,000, E 10,000, F 100,000.
    const people = col('F', 'E', 'D', 'C', 'B', 'A');
    const managers = col('E', 'D', 'C', 'B', 'A', null);
    const result = credit(people, col('A', 'B', 'C', 'D', 'E', 'F'), col(1, 10, 100, 1_000, 10_000, 100_000), null, managers);
    expect(values(result)).toEqual([100_000, 110_000, 111_000, 111_100, 111_110, 111_111]);
  });

  it('two separate trees and a person on their own; managers as numbers matching text ids', () => {
    // 1 ← 2, 1 ← 3; 4 ← 5; 6 alone. Own = 10 × id.
    const people = col(1, 2, 3, 4, 5, 6);
    const managers = col(null, '1', '1', null, 4, '');
    const result = credit(people, col(1, 2, 3, 4, 5, 6), col(10, 20, 30, 40, 50, 60), null, managers);
    expect(values(result)).toEqual([60, 20, 30, 90, 50, 60]);
  });

  it('managers left blank altogether: own credit only', () => {
    expect(values(credit(col('A', 'B'), col('A', 'B'), col(1, 2), null, col(null, null)))).toEqual([1, 2]);
  });
});

describe('CREDIT — errors name the argument and the row', () => {
  const people = col('A', 'B', 'C');

  it('a duplicate id in people → #VALUE! naming both rows', () => {
    const error = expectPerfError(() => credit(col('A', 'B', ' a '), col('A'), col(1), null, null), '#VALUE!', /^people, row 3: "a" is already listed in row 1; ids must be unique$/);
    expect(error.localized('zh-CN')).toBe('people，第 3 行："a" 已在第 1 行列出；编号必须唯一');
    expectPerfError(() => credit(col(7, '7'), col(7), col(1), null, null), '#VALUE!', /^people, row 2: "7" is already listed in row 1/);
  });

  it('a deal person not in people → #N/A naming the deal row', () => {
    const error = expectPerfError(() => credit(people, col('A', 'Z'), col(1, 2), null, null), '#N/A', /^deal_people, row 2: "Z" is not in people$/);
    expect(error.localized('zh-CN')).toBe('deal_people，第 2 行："Z" 不在 people 中');
  });

  it('a manager not in people → #N/A naming the row of managers', () => {
    expectPerfError(() => credit(people, col('A'), col(1), null, col(null, 'Q', 'A')), '#N/A', /^managers, row 2: "Q" is not in people$/);
  });

  it('a cycle → #NUM! naming it, from the first person on it; reporting to oneself is a cycle too', () => {
    const error = expectPerfError(() => credit(col('D', 'A', 'B', 'C'), col('A'), col(1), null, col('A', 'B', 'C', 'A')), '#NUM!', /^managers, row 2: the reporting line runs in a circle \("A" → "B" → "C" → "A"\)$/);
    expect(error.localized('zh-CN')).toBe('managers，第 2 行：汇报关系形成了循环（"A" → "B" → "C" → "A"）');
    expectPerfError(() => credit(people, col('A'), col(1), null, col(null, 'B', null)), '#NUM!', /^managers, row 2: the reporting line runs in a circle \("B" → "B"\)$/);
  });

  it('a share outside [0, 1] → #NUM!; text where an amount belongs → #VALUE!', () => {
    expectPerfError(() => credit(people, col('A', 'B'), col(1, 2), col(1, 1.5), null), '#NUM!', /^shares, row 2 must be between 0 and 1; got 1.5$/);
    expectPerfError(() => credit(people, col('A', 'B'), col(1, 2), col(-0.1, 1), null), '#NUM!', /^shares, row 1 must be between 0 and 1; got -0.1$/);
    expectPerfError(() => credit(people, col('A', 'B'), col(1, 'x'), null, null), '#VALUE!', /^amounts, row 2 is text "x"; a number is required$/);
    expectPerfError(() => credit(people, col('A', 'B'), col(1, null), null, null), '#VALUE!', /^amounts, row 2 is blank; a number is required$/);
  });

  it('blank or logical ids → #VALUE! naming the row', () => {
    expectPerfError(() => credit(col('A', null), col('A'), col(1), null, null), '#VALUE!', /^people, row 2 is blank; a label is required$/);
    expectPerfError(() => credit(people, col('A', '  '), col(1, 2), null, null), '#VALUE!', /^deal_people, row 2 is blank; a label is required$/);
    const error = expectPerfError(() => credit(col('A', true), col('A'), col(1), null, null), '#VALUE!', /^people, row 2 must be an id \(text or a number\); got TRUE$/);
    expect(error.localized('zh-CN')).toBe('people，第 2 行必须是编号（文本或数字）；实际为逻辑值 TRUE');
  });

  it('deal columns of different lengths, managers not aligned with people, a matrix → #VALUE!', () => {
    expectPerfError(() => credit(people, col('A', 'B'), col(1), null, null), '#VALUE!', /^amounts has 1 items but deal_people has 2$/);
    expectPerfError(() => credit(people, col('A', 'B'), col(1, 2), col(1), null), '#VALUE!', /^shares has 1 items but deal_people has 2$/);
    expectPerfError(() => credit(people, col('A'), col(1), null, col(null, 'A')), '#VALUE!', /^managers has 2 items but people has 3$/);
    expectPerfError(() => credit([['A', 'B'], ['C', 'D']], col('A'), col(1), null, null), '#VALUE!', /^people must be one row or one column; got a 2×2 range$/);
  });

  it('an error cell among the inputs is the error of the call', () => {
    const error = new PerfError('#DIV/0!', 'an input cell holds #DIV/0!');
    expect(() => credit(people, col('A', error), col(1, 2), null, null)).toThrow(error);
  });
});

describe('CREDIT — properties', () => {
  /** A forest of n people: each reports to someone listed earlier or to no one, then the order is shuffled. */
  const forest = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
      order: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
      deals: fc.array(
        fc.record({ person: fc.integer({ min: 0, max: n - 1 }), amount: fc.integer({ min: -5_000, max: 50_000 }), share: fc.constantFrom(0, 0.25, 0.5, 0.75, 1) }),
        { minLength: 1, maxLength: 60 },
      ),
    }),
  );

  it('with roll-up, a top manager’s credit is Σ amount × share over every deal of their tree (a walk up the reporting line)', () => {
    fc.assert(
      fc.property(forest, ({ parents, order, deals }) => {
        // Person p (by original number) sits at row order.indexOf(p); ids are "P<p>".
        const id = (p: number) => `P${p}`;
        const people = order.map((p) => [id(p)]);
        const managers = order.map((p) => [parents[p] < 0 ? null : id(parents[p])]);
        const result = credit(people, deals.map((d) => [id(d.person)]), deals.map((d) => [d.amount]), deals.map((d) => [d.share]), managers);
        const rootOf = (p: number): number => (parents[p] < 0 ? p : rootOf(parents[p]));
        // Amounts × shares of 0.25 steps are exact in binary: the sums compare exactly.
        order.forEach((p, row) => {
          if (parents[p] >= 0) return;
          const expected = deals.filter((d) => rootOf(d.person) === p).reduce((s, d) => s + d.amount * d.share, 0);
          expect(result[row][0]).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('without managers the credits add up to Σ amount × share of all deals', () => {
    fc.assert(
      fc.property(forest, ({ order, deals }) => {
        const people = order.map((p) => [`P${p}`]);
        const result = credit(people, deals.map((d) => [`P${d.person}`]), deals.map((d) => [d.amount]), deals.map((d) => [d.share]), null);
        const total = result.reduce((s, row) => s + (row[0] as number), 0);
        expect(total).toBe(deals.reduce((s, d) => s + d.amount * d.share, 0));
      }),
      { numRuns: 100 },
    );
  });
});
