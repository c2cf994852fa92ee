import fc from 'fast-check';
import { PerfError } from '../../engine/errors';
import { Cell, ElementArg, Kernel, columnCall, columnCell, elementwise, finiteResult, finiteScalar, nonFiniteError, resultRow } from '../../engine/grid';
import { payout, tiered } from '../../engine/payouts';
import { scorecard } from '../../engine/scoring';
import { expectErrorCell, expectPerfError } from '../support/errors';
import { col } from '../support/engine-grid-cells';

const plus: Kernel = (a, b) => a! + (b ?? 0);

describe('resultRow — one result row', () => {
  it('wraps numbers, text and errors alike', () => {
    const error = new PerfError('#NUM!', 'x');
    expect(resultRow(1.5)).toEqual([1.5]);
    expect(resultRow('green')).toEqual(['green']);
    expect(resultRow(error)[0]).toBe(error);
  });
});

describe('finiteResult / finiteScalar — Excel refuses Infinity and NaN as a result', () => {
  it('a finite number, text, a boolean or an error passes unchanged', () => {
    const error = new PerfError('#VALUE!', 'x');
    for (const value of [0, -0, 1.5, -Number.MAX_VALUE, Number.MIN_VALUE, 'green', '', true, false]) expect(finiteResult(value)).toBe(value);
    expect(finiteResult(error)).toBe(error);
    expect(finiteScalar(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(finiteScalar('A')).toBe('A');
  });

  it('±Infinity becomes #NUM! naming the overflow; NaN becomes #NUM! saying it is not a number', () => {
    expectErrorCell(finiteResult(Infinity), '#NUM!', /^result is not a finite number \(overflow to Infinity\)$/);
    expectErrorCell(finiteResult(-Infinity), '#NUM!', /^result is not a finite number \(overflow to -Infinity\)$/);
    expectErrorCell(finiteResult(NaN), '#NUM!', /^result is not a number \(NaN\)/);
    expectErrorCell(nonFiniteError(2 * Number.MAX_VALUE), '#NUM!', /overflow to Infinity/);
  });

  it('finiteScalar throws the error: a scalar fails as a whole call', () => {
    expectPerfError(() => finiteScalar(1e308 * 10), '#NUM!', /^result is not a finite number \(overflow to Infinity\)$/);
    expectPerfError(() => finiteScalar(0 / 0), '#NUM!', /^result is not a number \(NaN\)/);
  });
});

describe('columnCall — the column-of-cells-with-constant-arguments call', () => {
  it('takes an m×1 first argument with valid 1×1 or scalar constants', () => {
    const call = columnCall([
      { arg: col(1, 2, 3), name: 'x' },
      { arg: [[10]], name: 'y' },
      { arg: null, name: 'z', blanks: 'null' },
    ]);
    expect(call).not.toBeNull();
    expect(call!.rows).toBe(3);
    expect([call!.b, call!.c, call!.d, call!.e]).toEqual([10, null, null, null]);
  });

  it.each<[string, ElementArg[]]>([
    ['a scalar first argument', [{ arg: 1, name: 'x' }]],
    ['a 1×1 first argument', [{ arg: [[1]], name: 'x' }]],
    ['a row', [{ arg: [[1, 2]], name: 'x' }]],
    ['a 2-D range', [{ arg: [[1, 2], [3, 4]], name: 'x' }]],
    ['an empty range', [{ arg: [], name: 'x' }]],
    ['a second varying argument', [{ arg: col(1, 2), name: 'x' }, { arg: col(1, 2), name: 'y' }]],
    ['a blank constant that must be a number', [{ arg: col(1, 2), name: 'x' }, { arg: null, name: 'y' }]],
    ['a text constant', [{ arg: col(1, 2), name: 'x' }, { arg: 'abc', name: 'y' }]],
    ['an error constant', [{ arg: col(1, 2), name: 'x' }, { arg: new PerfError('#N/A', 'up'), name: 'y' }]],
    ['a NaN constant', [{ arg: col(1, 2), name: 'x' }, { arg: NaN, name: 'y' }]],
  ])('is null for %s (elementwise takes its general path)', (_, args) => {
    expect(columnCall(args)).toBeNull();
  });

  it('columnCell gives each row exactly what elementwise gives, errors included', () => {
    const args: ElementArg[] = [
      { arg: col(1, 'abc', null, NaN, -3, new PerfError('#N/A', 'upstream')), name: 'x' },
      { arg: 2, name: 'y' },
    ];
    const kernel: Kernel = (a, b) => {
      if (a! < 0) throw new PerfError('#NUM!', `x cannot be negative; got ${a}`);
      return a! * b!;
    };
    const call = columnCall(args)!;
    const whole = elementwise(args, kernel);
    for (let r = 0; r < call.rows; r++) expect(columnCell(call, r, kernel)).toEqual(whole[r][0]);
    expect(whole[0][0]).toBe(2);
    expectErrorCell(whole[1][0], '#VALUE!', /^x, row 2 is text "abc"/);
    expectErrorCell(whole[2][0], '#VALUE!', /^x, row 3 is blank/);
    expectErrorCell(whole[3][0], '#NUM!', /^x, row 4 is not a finite number/);
    expectErrorCell(whole[4][0], '#NUM!', /x cannot be negative/);
    expectErrorCell(whole[5][0], '#N/A', /upstream/);
  });

  it('property: a column gives, cell by cell, what each cell gives alone', () => {
    const cell = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom<Cell>(null, '', 'x', true));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 20 }), fc.double({ min: -10, max: 10, noNaN: true }), (cells, k) => {
        const whole = elementwise([{ arg: col(...cells), name: 'x' }, { arg: k, name: 'k' }], plus);
        cells.forEach((c, r) => {
          const alone = elementwise([{ arg: c, name: 'x' }, { arg: k, name: 'k' }], plus)[0][0];
          if (alone instanceof PerfError) expect((whole[r][0] as PerfError).code).toBe(alone.code);
          else expect(whole[r][0]).toBe(alone);
        });
      }),
    );
  });
});

describe('dedicated column loops give what the general path gives', () => {
  const TIERS = [
    [0, 0.02],
    [20_000, 0.03],
    [50_000, 0.04],
    [100_000, 0.05],
  ];
  const CURVE = [
    [0, 0],
    [0.8, 0.6],
    [1, 1],
    [1.5, 2],
  ];
  const amount = fc.oneof(fc.double({ min: -1e3, max: 2e5 }), fc.constantFrom<Cell>(null, 'x', NaN, Infinity, -0));

  it('property: TIERED over a column equals TIERED cell by cell', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 2, maxLength: 20 }), fc.constantFrom('marginal', 'retro'), (cells, method) => {
        const whole = tiered(col(...cells), TIERS, method);
        cells.forEach((c, r) => {
          const alone = tiered(c, TIERS, method)[0][0];
          if (alone instanceof PerfError) expect((whole[r][0] as PerfError).code).toBe(alone.code);
          else expect(whole[r][0]).toBe(alone);
        });
      }),
    );
  });

  it('property: PAYOUT over a column with a constant target equals PAYOUT with that target repeated (the general path)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1, max: 3 }), fc.constantFrom<Cell>(null, 'x', NaN)), { minLength: 2, maxLength: 20 }),
        fc.double({ min: -100, max: 1e4, noNaN: true }),
        fc.constantFrom<Cell>(null, 0.5),
        fc.constantFrom<Cell>(null, 1.2),
        (cells, target, gate, cap) => {
          const fast = payout(col(...cells), CURVE, target, gate, cap);
          const general = payout(col(...cells), CURVE, col(...cells.map(() => target)), gate, cap);
          expect(fast).toEqual(general);
        },
      ),
    );
  });

  it('property: SCORECARD with one row of targets equals SCORECARD with that row repeated per person', () => {
    const actual = fc.oneof(fc.double({ min: -50, max: 300 }), fc.constantFrom<Cell>(null, 'x', NaN, Infinity));
    fc.assert(
      fc.property(
        fc.array(fc.array(actual, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom<Cell>(null, 1.5),
        fc.constantFrom<Cell>(null, 0.2),
        fc.constantFrom<Cell[][] | null>(null, [[1, -1, 1]]),
        (actuals, cap, floor, directions) => {
          const targets = [100, 80, 60];
          const shared = scorecard(actuals, [targets], [[0.5, 0.3, 0.2]], directions, cap, floor);
          const perPerson = scorecard(actuals, actuals.map(() => targets), [[0.5, 0.3, 0.2]], directions, cap, floor);
          expect(shared).toEqual(perPerson);
        },
      ),
    );
  });
});

describe('optionalChoice — a text option by its code or its Chinese name (one alias table, i18n/options.ts)', () => {
  const TIERS = [[0, 0.1], [100, 0.2]];

  it('the code, its Chinese name, padded or in another case: all the same option', () => {
    const retro = tiered(150, TIERS, 'retro');
    for (const written of ['retro', ' Retro ', 'RETRO', '追溯', ' 追溯 ']) expect(tiered(150, TIERS, written)).toEqual(retro);
    expect(tiered(150, TIERS, '边际')).toEqual(tiered(150, TIERS, 'marginal'));
    expect(tiered(150, TIERS, '边际')).not.toEqual(retro);
  });

  it('blank is the default; anything else → #VALUE! listing the options in the reader’s language', () => {
    expect(tiered(150, TIERS, '')).toEqual(tiered(150, TIERS, 'marginal'));
    const error = expectPerfError(() => tiered(150, TIERS, '累进'), '#VALUE!', /^method must be one of "marginal", "retro"; got text "累进"$/);
    expect(error.localized('zh-CN')).toBe('method必须是以下之一："边际"（"marginal"）、"追溯"（"retro"）；实际为文本 "累进"');
    expectPerfError(() => tiered(150, TIERS, 3), '#VALUE!', /^method must be one of "marginal", "retro"; got text "3"$/);
  });
});
