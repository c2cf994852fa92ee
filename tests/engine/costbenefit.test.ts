/**
 * Cost-benefit (成本效益) — PAYBACK, BCR, BREAKEVEN, LTV, MARGINAL, OPTIMUM, read as the
 * specification in functions.md. Worked examples cite their published source; expected
 * values are recomputed here from closed forms (annuity factors, explicit sums), never by
 * calling the engine, and the source's rounded figure is checked as well.
 */
import fc from 'fast-check';
import { bcr, breakeven, ltv, marginal, optimum, payback } from '../../engine/costbenefit';
import { PerfError, naError } from '../../engine/errors';
import { expectErrorCell, expectPerfError } from '../support/errors';

/** Present value of 1 per period for n periods at rate i (the textbook annuity factor). */
const annuity = (n: number, i: number) => (1 - Math.pow(1 + i, -n)) / i;
const col = (values: unknown[]) => values.map((v) => [v]) as never;
const repeat = (value: number, n: number) => new Array<number>(n).fill(value);

describe('PAYBACK(cashflows, [rate])', () => {
  test('uneven flows: whole periods until the period that recovers the rest, assumed even within it', () => {
    // justaaa.com/accounting/55813 (cash payback with uneven flows): $100,000 outlay,
    // inflows 10k, 20k, 30k, 40k, 50k; 40k still unrecovered entering year 4 → 3 + 40/40 = 4.0 years.
    expect(payback(col([-100000, 10000, 20000, 30000, 40000, 50000]), null)).toBe(4);
  });

  test('even flows: outlay / annual inflow', () => {
    // Horngren, Datar & Rajan, Cost Accounting (payback, even cash flows), as worked at
    // brainmass.com/business/cash-budgeting/payback-methods-even-uneven-cash-flows-554631:
    // $159,000 equipment, $30,000 net inflow a year for 9 years → 5.3 years.
    expect(payback(col([-159000, ...repeat(30000, 9)]), null)).toBeCloseTo(159000 / 30000, 12);
  });

  test('discounted payback: each flow is discounted to t = 0 before accumulating', () => {
    // Same source, discounted at 12%: 8.92 years (the source uses 3-digit factors).
    // Independently: unrecovered after 8 years = 159,000 − 30,000·a(8, 12%); year 9 adds 30,000/1.12^9.
    const expected = 8 + (159000 - 30000 * annuity(8, 0.12)) / (30000 / Math.pow(1.12, 9));
    const got = payback(col([-159000, ...repeat(30000, 9)]), 0.12);
    expect(got).toBeCloseTo(expected, 12);
    expect(got).toBeCloseTo(8.92, 2);
  });

  test('discounted payback, second published example', () => {
    // easycalculation.com/budget/learn-discounted-payback-period.php: Rs 50,000 outlay,
    // Rs 10,000 a year for 8 years at 11% → 7 + 2878.04/4339.26 = 7.66 years.
    const expected = 7 + (50000 - 10000 * annuity(7, 0.11)) / (10000 / Math.pow(1.11, 8));
    const got = payback([[-50000, ...repeat(10000, 8)]], 0.11);
    expect(got).toBeCloseTo(expected, 12);
    expect(got).toBeCloseTo(7.66, 2);
  });

  test('discounted payback with uneven flows', () => {
    // currentessays.com (discounted payback decision rule), 9%: −5,100, 1,280, 2,480, 1,680,
    // 1,680, 1,480, 1,280 → DPB = 3 + 541/1,190 = 3.45 years. Recomputed from the flows.
    const before = -5100 + 1280 / 1.09 + 2480 / 1.09 ** 2 + 1680 / 1.09 ** 3;
    const expected = 3 + -before / (1680 / 1.09 ** 4);
    const got = payback(col([-5100, 1280, 2480, 1680, 1680, 1480, 1280]), 0.09);
    expect(got).toBeCloseTo(expected, 12);
    expect(got).toBeCloseTo(3.45, 2);
  });

  test('C_0 ≥ 0 pays back at once: 0', () => {
    expect(payback(col([0, -10, 20]), null)).toBe(0);
    expect(payback(col([100, -500]), null)).toBe(0);
    expect(payback(5, null)).toBe(0);
  });

  test('recovery exactly at a period end is a whole number of periods', () => {
    expect(payback(col([-100, 50, 50, 50]), null)).toBe(2);
  });

  test('the FIRST period with C_t ≥ 0 counts, even if the cumulative dips again later', () => {
    expect(payback(col([-100, 150, -200, 300]), null)).toBeCloseTo(100 / 150, 15);
  });

  test('never pays back → #N/A', () => {
    expectPerfError(() => payback(col([-100, 30, 30]), null), '#N/A', /cashflows never pay back/);
    expectPerfError(() => payback(-1, null), '#N/A', /cashflows never pay back/);
  });

  test('discounting can turn a payback into never: #N/A', () => {
    expect(payback(col([-100, 55, 55]), null)).toBeCloseTo(1 + 45 / 55, 15);
    // At 10%: 50 + 45.45 < 100.
    expectPerfError(() => payback(col([-100, 55, 55]), 0.1), '#N/A', /discounted cash flow/);
  });

  test('rate: blank or omitted means 0; a negative rate above −1 is allowed', () => {
    const flows = col([-100, 40, 40, 40]);
    expect(payback(flows, null)).toBe(payback(flows, 0));
    expect(payback(flows, '')).toBe(payback(flows, 0));
    expect(payback(flows, undefined)).toBe(payback(flows, 0));
    expect(payback(flows, [['']])).toBe(payback(flows, 0));
    // −20%: the flows grow in present value: C_2 = −100 + 50 + 62.5 ≥ 0 → 1 + 50/62.5.
    expect(payback(flows, -0.2)).toBeCloseTo(1 + 50 / 62.5, 14);
  });

  describe('bad inputs name the argument', () => {
    test.each([
      ['text', col([-100, 'abc', 50]), '#VALUE!', /cashflows, item 2 is text "abc"/],
      ['a blank cell', col([-100, null, 50]), '#VALUE!', /cashflows, item 2 is blank/],
      ['a boolean', col([-100, true]), '#VALUE!', /cashflows, item 2 is TRUE/],
      ['NaN', col([-100, NaN]), '#NUM!', /cashflows, item 2 is not a finite number/],
      ['an empty range', [], '#VALUE!', /cashflows: the range is empty/],
      ['a 2-D range', [[-100, 1], [2, 3]], '#VALUE!', /cashflows must be one row or one column; got a 2×2 range/],
      ['a blank argument', null, '#VALUE!', /cashflows is blank/],
    ])('cashflows: %s', (_, arg, code, message) => {
      expectPerfError(() => payback(arg as never, null), code as never, message);
    });

    test.each([
      ['text', 'ten', '#VALUE!', /rate is text "ten"/],
      ['−1', -1, '#NUM!', /rate must be greater than -1; got -1/],
      ['below −1', -1.5, '#NUM!', /rate must be greater than -1/],
      ['NaN', NaN, '#NUM!', /rate is not a finite number/],
      ['a range', [[0.1, 0.2]], '#VALUE!', /rate: expected a single value, got a 1×2 range/],
      ['an empty range', [], '#VALUE!', /rate: the range is empty/],
    ])('rate: %s', (_, arg, code, message) => {
      expectPerfError(() => payback(col([-100, 60, 60]), arg as never), code as never, message);
    });

    test('an error cell from another formula passes through unchanged', () => {
      const upstream = naError('from upstream');
      expect(() => payback(col([-100, upstream]), null)).toThrow(upstream);
    });
  });

  describe('properties', () => {
    // Conventional projects: an outlay, then non-negative inflows.
    const conventional = fc
      .tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 15 }))
      .map(([outlay, inflows]) => [-outlay, ...inflows]);
    const attempt = (flows: number[], rate: number): number | null => {
      try {
        return payback(col(flows), rate);
      } catch (error) {
        if (error instanceof PerfError && error.code === '#N/A') return null;
        throw error;
      }
    };

    test('discounting never shortens the payback of a conventional project', () => {
      fc.assert(
        fc.property(conventional, fc.double({ min: 0, max: 1, noNaN: true }), (flows, rate) => {
          const simple = attempt(flows, 0);
          const discounted = attempt(flows, rate);
          if (discounted !== null) expect(simple).not.toBeNull();
          if (discounted !== null && simple !== null) expect(discounted).toBeGreaterThanOrEqual(simple - 1e-12);
        }),
      );
    });

    test('pays back iff the total (discounted) inflow covers the outlay, and within the horizon', () => {
      fc.assert(
        fc.property(conventional, fc.double({ min: 0, max: 0.5, noNaN: true }), (flows, rate) => {
          const npv = flows.reduce((acc, cf, t) => acc + cf / Math.pow(1 + rate, t), 0);
          const result = attempt(flows, rate);
          // Away from the knife edge NPV ≈ 0, where rounding decides.
          if (Math.abs(npv) > 1e-9 * Math.abs(flows[0])) expect(result !== null).toBe(npv > 0);
          if (result !== null) {
            expect(result).toBeGreaterThanOrEqual(0);
            expect(result).toBeLessThanOrEqual(flows.length - 1);
          }
        }),
      );
    });

    test('scaling every flow by c > 0 leaves the payback unchanged; so do flows after it', () => {
      fc.assert(
        fc.property(conventional, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (flows, c, later) => {
          const base = attempt(flows, 0.05);
          const scaled = attempt(flows.map((f) => f * c), 0.05);
          if (base === null || scaled === null) return;
          expect(scaled).toBeCloseTo(base, 9);
          expect(attempt([...flows, later], 0.05)).toBe(base);
        }),
      );
    });
  });
});

describe('BCR(benefits, costs, [rate])', () => {
  test('PV(benefits) / PV(costs), first element at t = 0', () => {
    // answer.ya.guru/questions/4968857 (library shelving system): first cost $20,000, $2,500 a
    // year upkeep, $9,000 a year benefits, 10 years at 10% → 55,305 / 35,361 = 1.564.
    const expected = (9000 * annuity(10, 0.1)) / (20000 + 2500 * annuity(10, 0.1));
    const got = bcr(col([0, ...repeat(9000, 10)]), col([20000, ...repeat(2500, 10)]), 0.1);
    expect(got).toBeCloseTo(expected, 12);
    expect(got).toBeCloseTo(1.564, 3);
  });

  test('benefits that start later and a front-loaded cost stream', () => {
    // wizedu.com/questions/456871 (government project at 10%): cost $205,454 now and $34,758 in
    // years 1–2; benefits $103,447 in years 3–10 → 456,100.92 / 265,777.80 = 1.72.
    const pvBenefits = 103447 * (annuity(10, 0.1) - annuity(2, 0.1));
    const pvCosts = 205454 + 34758 * annuity(2, 0.1);
    const got = bcr([[0, 0, 0, ...repeat(103447, 8)]], [[205454, 34758, 34758]], 0.1);
    expect(got).toBeCloseTo(pvBenefits / pvCosts, 12);
    expect(got).toBeCloseTo(1.72, 2);
  });

  test('rate blank = 0: undiscounted totals; the two series may differ in length (a single up-front cost)', () => {
    expect(bcr(col([0, 60, 60, 60]), 120, null)).toBe(1.5);
    expect(bcr(col([0, 60, 60, 60]), 120, '')).toBe(1.5);
  });

  test('a negative item is allowed (a disbenefit, a salvage value) while PV(costs) stays positive', () => {
    expect(bcr(col([100, -20]), col([50, -10]), null)).toBe(80 / 40);
  });

  test('PV(costs) = 0 → #DIV/0!', () => {
    expectPerfError(() => bcr(col([10, 20]), col([0, 0]), null), '#DIV/0!', /costs: the present value of the costs is 0/);
    expectPerfError(() => bcr(10, col([50, -50]), null), '#DIV/0!', /costs/);
  });

  test('PV(costs) < 0 (costs typed as outflows) → #NUM!', () => {
    expectPerfError(() => bcr(col([10, 20]), col([-30, -5]), null), '#NUM!', /costs: the present value of the costs is negative.*positive amounts/);
  });

  describe('bad inputs name the argument', () => {
    test.each([
      ['benefits', 'text', () => bcr(col([1, 'x']), 1, null), '#VALUE!', /benefits, item 2 is text "x"/],
      ['benefits', 'blank cell', () => bcr(col([1, '']), 1, null), '#VALUE!', /benefits, item 2 is blank/],
      ['benefits', 'NaN', () => bcr(col([NaN, 1]), 1, null), '#NUM!', /benefits, item 1 is not a finite number/],
      ['benefits', 'empty range', () => bcr([], 1, null), '#VALUE!', /benefits: the range is empty/],
      ['benefits', '2-D range', () => bcr([[1, 2], [3, 4]], 1, null), '#VALUE!', /benefits must be one row or one column/],
      ['costs', 'text', () => bcr(1, col(['x']), null), '#VALUE!', /costs is text "x"/],
      ['costs', 'blank', () => bcr(1, null, null), '#VALUE!', /costs is blank/],
      ['costs', 'NaN', () => bcr(1, col([1, NaN]), null), '#NUM!', /costs, item 2 is not a finite number/],
      ['costs', 'empty range', () => bcr(1, [], null), '#VALUE!', /costs: the range is empty/],
      ['costs', '2-D range', () => bcr(1, [[1, 2], [3, 4]], null), '#VALUE!', /costs must be one row or one column/],
      ['costs', 'all negative', () => bcr(1, col([-1, -2]), null), '#NUM!', /costs: the present value of the costs is negative/],
      ['rate', 'text', () => bcr(1, 1, 'x'), '#VALUE!', /rate is text "x"/],
      ['rate', '−1', () => bcr(1, 1, -1), '#NUM!', /rate must be greater than -1/],
      ['rate', 'NaN', () => bcr(1, 1, NaN), '#NUM!', /rate is not a finite number/],
      ['rate', 'range', () => bcr(1, 1, [[0.1], [0.2]]), '#VALUE!', /rate: expected a single value/],
    ])('%s: %s', (_, __, call, code, message) => {
      expectPerfError(call, code as never, message);
    });
  });

  describe('properties', () => {
    const stream = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 });
    const positiveStream = fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 });
    const rate = fc.double({ min: -0.5, max: 1, noNaN: true });

    test('BCR ≥ 1 exactly when NPV(benefits − costs) ≥ 0 (same horizon and rate)', () => {
      fc.assert(
        fc.property(stream, positiveStream, rate, (b, c, r) => {
          const n = Math.min(b.length, c.length);
          const bs = b.slice(0, n);
          const cs = c.slice(0, n);
          const npv = bs.reduce((acc, v, t) => acc + (v - cs[t]) / Math.pow(1 + r, t), 0);
          const scale = cs.reduce((acc, v, t) => acc + v / Math.pow(1 + r, t), 0);
          if (Math.abs(npv) <= 1e-9 * scale) return;
          expect(bcr(col(bs), col(cs), r) >= 1).toBe(npv > 0);
        }),
      );
    });

    test('homogeneous: BCR(k·b, c) = k·BCR(b, c) and BCR(b, k·c) = BCR(b, c)/k', () => {
      fc.assert(
        fc.property(stream, positiveStream, rate, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (b, c, r, k) => {
          const base = bcr(col(b), col(c), r);
          const tol = 1e-12 * Math.max(1, Math.abs(base) * k);
          expect(Math.abs(bcr(col(b.map((v) => v * k)), col(c), r) - k * base)).toBeLessThanOrEqual(tol * 10);
          expect(Math.abs(bcr(col(b), col(c.map((v) => v * k)), r) - base / k)).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(base / k)));
        }),
      );
    });
  });
});

describe('BREAKEVEN(fixed_cost, unit_price, unit_variable_cost)', () => {
  test('fixed / (price − variable)', () => {
    // accountingcoach.com/blog/what-is-the-break-even-formula: $300,000 fixed, $10 price,
    // $6 variable → 300,000 / 4 = 75,000 units; 300,000 / (100 − 60) = 7,500 billable hours.
    expect(breakeven(300000, 10, 6)).toEqual([[75000]]);
    expect(breakeven(300000, 100, 60)).toEqual([[7500]]);
  });

  test('element-wise: a range returns its own shape; scalars broadcast', () => {
    expect(breakeven(col([1000, 2000, 0]), 15, 5)).toEqual(col([100, 200, 0]));
    expect(breakeven([[1200, 1200]], [[10, 16]], 4)).toEqual([[200, 100]]);
  });

  test('price ≤ variable cost never breaks even → #NUM! in that cell only', () => {
    const out = breakeven(1000, col([10, 5, 4]), 5);
    expect(out[0][0]).toBe(200);
    expectErrorCell(out[1][0], '#NUM!', /unit_price \(5\) must be greater than unit_variable_cost \(5\)/);
    expectErrorCell(out[2][0], '#NUM!', /unit_price \(4\) must be greater than unit_variable_cost/);
  });

  test('negative fixed cost or variable cost → #NUM!', () => {
    expectErrorCell(breakeven(-1, 10, 5)[0][0], '#NUM!', /fixed_cost cannot be negative; got -1/);
    expectErrorCell(breakeven(100, 10, -5)[0][0], '#NUM!', /unit_variable_cost cannot be negative/);
    expectErrorCell(breakeven(100, -3, 0)[0][0], '#NUM!', /unit_price \(-3\) must be greater than unit_variable_cost/);
  });

  describe('bad inputs name the argument (and the cell)', () => {
    test.each([
      ['fixed_cost text', () => breakeven(col([100, 'x']), 10, 5), /fixed_cost, row 2 is text "x"/, '#VALUE!'],
      ['fixed_cost blank', () => breakeven(null, 10, 5), /fixed_cost is blank/, '#VALUE!'],
      ['unit_price blank cell', () => breakeven(100, col([10, '']), 5), /unit_price, row 2 is blank/, '#VALUE!'],
      ['unit_price NaN', () => breakeven(100, NaN, 5), /unit_price is not a finite number/, '#NUM!'],
      ['unit_variable_cost text', () => breakeven(100, 10, 'five'), /unit_variable_cost is text "five"/, '#VALUE!'],
    ])('%s', (_, call, message, code) => {
      const out = call();
      expectErrorCell(out[out.length - 1][0], code as never, message);
    });

    test('an empty range or clashing shapes are refused as a whole', () => {
      expectPerfError(() => breakeven([], 10, 5), '#VALUE!', /fixed_cost: the range is empty/);
      expectPerfError(() => breakeven(100, [], 5), '#VALUE!', /unit_price: the range is empty/);
      expectPerfError(() => breakeven(100, 10, []), '#VALUE!', /unit_variable_cost: the range is empty/);
      expectPerfError(() => breakeven(col([1, 2]), col([10, 11, 12]), 5), '#VALUE!', /unit_price has 3 rows but fixed_cost has 2/);
    });
  });
});

describe('LTV(margin, retention, discount, [periods])', () => {
  test('blank periods: the perpetuity margin·r/(1 + d − r)', () => {
    // Gupta & Lehmann (2003), "Customers as assets", J. Interactive Marketing 17(1):9–24 — the
    // margin multiple r/(1+i−r); at r = 80%, i = 10% it is 2.67 (as quoted at
    // ealhamed.github.io/frameworks-library/ms/m02.html). Margin 100 → 266.67.
    const [[value]] = ltv(100, 0.8, 0.1, null);
    expect(value).toBeCloseTo((100 * 0.8) / (1 + 0.1 - 0.8), 12);
    expect((value as number) / 100).toBeCloseTo(2.67, 2);
  });

  test('the margin-multiple table: multiple depends only on r and d', () => {
    // Gupta & Lehmann (2003) tabulate r/(1+i−r): e.g. r = 90%, i = 12% → 4.09; r = 60%, i = 16% → 1.07.
    const out = ltv(1, col([0.9, 0.6]), col([0.12, 0.16]), null);
    expect(out[0][0]).toBeCloseTo(0.9 / 0.22, 14);
    expect(out[1][0]).toBeCloseTo(0.6 / 0.56, 14);
    expect(out[0][0]).toBeCloseTo(4.09, 2);
    expect(out[1][0]).toBeCloseTo(1.07, 2);
  });

  test('periods T: Σ_{t=1..T} margin·r^t/(1+d)^t (checked against the explicit sum)', () => {
    const explicit = (m: number, r: number, d: number, T: number) => {
      let total = 0;
      for (let t = 1; t <= T; t++) total += (m * Math.pow(r, t)) / Math.pow(1 + d, t);
      return total;
    };
    for (const [m, r, d, T] of [
      [100, 0.8, 0.1, 1],
      [100, 0.8, 0.1, 5],
      [250, 0.95, 0.08, 40],
      [60, 1, 0.12, 10],
      [10, 0.5, 0, 3],
    ]) {
      const [[value]] = ltv(m, r, d, T);
      expect(value).toBeCloseTo(explicit(m, r, d, T), 10);
    }
    // One period: the margin earned at t = 1 by a retained customer, discounted once.
    expect(ltv(100, 0.8, 0.1, 1)[0][0]).toBeCloseTo(80 / 1.1, 13);
  });

  test('r = 0 is worth nothing; a long horizon approaches the perpetuity', () => {
    expect(ltv(100, 0, 0.1, null)).toEqual([[0]]);
    expect(ltv(100, 0, 0.1, 7)).toEqual([[0]]);
    expect(ltv(100, 0.8, 0.1, 100000)[0][0]).toBeCloseTo(ltv(100, 0.8, 0.1, null)[0][0] as number, 10);
  });

  test('r may exceed 1 while r < 1 + d (the contract bound); a negative margin gives a negative value', () => {
    expect(ltv(100, 1.05, 0.1, null)[0][0]).toBeCloseTo((100 * 1.05) / 0.05, 10);
    expect(ltv(-20, 0.5, 0.1, null)[0][0]).toBeCloseTo((-20 * 0.5) / 0.6, 14);
  });

  test('r ≥ 1 + d (infinite value) or r < 0 → #NUM!', () => {
    expectErrorCell(ltv(100, 1.1, 0.1, null)[0][0], '#NUM!', /retention \(1.1\) must be less than 1 \+ discount/);
    expectErrorCell(ltv(100, 1.1, 0.1, 5)[0][0], '#NUM!', /retention/);
    expectErrorCell(ltv(100, -0.1, 0.1, null)[0][0], '#NUM!', /retention cannot be negative/);
  });

  test('discount must be > −1', () => {
    expectErrorCell(ltv(100, 0.5, -1, null)[0][0], '#NUM!', /discount must be greater than -1/);
    expect(ltv(100, 0.5, -0.2, null)[0][0]).toBeCloseTo(50 / 0.3, 10);
  });

  test('periods must be a positive whole number', () => {
    for (const bad of [0, -3, 2.5]) {
      expectErrorCell(ltv(100, 0.8, 0.1, bad)[0][0], '#NUM!', /periods must be a positive whole number/);
    }
  });

  test('element-wise; blank periods cells mean perpetuity cell by cell', () => {
    const out = ltv(100, 0.8, 0.1, col([3, null, '']));
    expect(out).toHaveLength(3);
    expect(out[1][0]).toBeCloseTo(800 / 3, 10);
    expect(out[2][0]).toBeCloseTo(800 / 3, 10);
    expect(ltv(100, 0.8, 0.1, undefined)).toEqual(ltv(100, 0.8, 0.1, null));
  });

  describe('bad inputs name the argument', () => {
    test.each([
      ['margin text', () => ltv('x', 0.8, 0.1, null), '#VALUE!', /margin is text "x"/],
      ['margin blank', () => ltv(null, 0.8, 0.1, null), '#VALUE!', /margin is blank/],
      ['retention blank cell', () => ltv(100, col([0.8, null]), 0.1, null), '#VALUE!', /retention, row 2 is blank/],
      ['retention NaN', () => ltv(100, NaN, 0.1, null), '#NUM!', /retention is not a finite number/],
      ['discount text', () => ltv(100, 0.8, 'ten', null), '#VALUE!', /discount is text "ten"/],
      ['periods text', () => ltv(100, 0.8, 0.1, 'five'), '#VALUE!', /periods is text "five"/],
      ['periods NaN', () => ltv(100, 0.8, 0.1, NaN), '#NUM!', /periods is not a finite number/],
    ])('%s', (_, call, code, message) => {
      const out = call();
      expectErrorCell(out[out.length - 1][0], code as never, message);
    });

    test('empty ranges are refused as a whole', () => {
      expectPerfError(() => ltv([], 0.8, 0.1, null), '#VALUE!', /margin: the range is empty/);
      expectPerfError(() => ltv(1, [], 0.1, null), '#VALUE!', /retention: the range is empty/);
      expectPerfError(() => ltv(1, 0.8, [], null), '#VALUE!', /discount: the range is empty/);
      expectPerfError(() => ltv(1, 0.8, 0.1, []), '#VALUE!', /periods: the range is empty/);
    });
  });

  test('property: finite value rises with T toward the perpetuity (margin > 0)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (m, r, d, T) => {
          const a = ltv(m, r, d, T)[0][0] as number;
          const b = ltv(m, r, d, T + 1)[0][0] as number;
          const inf = ltv(m, r, d, null)[0][0] as number;
          expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
          expect(inf).toBeGreaterThanOrEqual(b * (1 - 1e-12));
        },
      ),
    );
  });
});

describe('MARGINAL(inputs, outputs) and OPTIMUM(inputs, outputs, [threshold])', () => {
  // A staffing curve worked by hand: output per added head 5, 3, 1, 0.5.
  const staff = col([0, 1, 2, 3, 4]);
  const output = col([0, 5, 8, 9, 9.5]);

  test('MARGINAL: Δoutput/Δinput between consecutive points, (n−1)×1', () => {
    expect(marginal(staff, output)).toEqual(col([5, 3, 1, 0.5]));
    // Uneven spacing and a row orientation: (30 − 10)/(4 − 0), (35 − 30)/(10 − 4).
    expect(marginal([[0, 4, 10]], [[10, 30, 35]])).toEqual(col([5, 5 / 6]));
  });

  test('OPTIMUM: the end of the last segment before the first one below the threshold', () => {
    // Threshold 1 (default): 5, 3, 1 pass (1 is not below 1); 0.5 fails → input 3.
    expect(optimum(staff, output, null)).toBe(3);
    expect(optimum(staff, output, '')).toBe(3);
    expect(optimum(staff, output, 2)).toBe(2);
  });

  test('OPTIMUM: first segment already below → inputs[0]; none below → the last input', () => {
    expect(optimum(staff, output, 10)).toBe(0);
    expect(optimum(staff, output, 0)).toBe(4);
    expect(optimum(col([5, 6]), col([0, -1]), 0)).toBe(5);
  });

  test('OPTIMUM walks from the start: a later steep segment after a flat one is not reached', () => {
    expect(optimum(col([0, 1, 2, 3]), col([0, 2, 2.5, 10]), 1)).toBe(1);
  });

  describe('bad inputs name the argument', () => {
    const both = [
      ['inputs not ascending', () => [col([0, 2, 2]), col([1, 2, 3])], '#VALUE!', /inputs, item 3: inputs must ascend strictly \(2 after 2\)/],
      ['inputs descending', () => [col([3, 2, 1]), col([1, 2, 3])], '#VALUE!', /inputs, item 2: inputs must ascend strictly/],
      ['lengths differ', () => [col([0, 1, 2]), col([1, 2])], '#VALUE!', /outputs has 2 items but inputs has 3/],
      ['one point', () => [5, 7], '#VALUE!', /inputs needs at least 2 points/],
      ['inputs text', () => [col([0, 'x']), col([1, 2])], '#VALUE!', /inputs, item 2 is text "x"/],
      ['inputs blank cell', () => [col([0, null]), col([1, 2])], '#VALUE!', /inputs, item 2 is blank/],
      ['outputs blank cell', () => [col([0, 1]), col(['', 2])], '#VALUE!', /outputs, item 1 is blank/],
      ['outputs NaN', () => [col([0, 1]), col([1, NaN])], '#NUM!', /outputs, item 2 is not a finite number/],
      ['inputs empty', () => [[], col([1, 2])], '#VALUE!', /inputs: the range is empty/],
      ['outputs empty', () => [col([1, 2]), []], '#VALUE!', /outputs: the range is empty/],
      ['inputs 2-D', () => [[[0, 1], [2, 3]], col([1, 2])], '#VALUE!', /inputs must be one row or one column/],
    ] as const;
    test.each(both)('MARGINAL: %s', (_, args, code, message) => {
      const [i, o] = args();
      expectPerfError(() => marginal(i as never, o as never), code, message);
    });
    test.each(both)('OPTIMUM: %s', (_, args, code, message) => {
      const [i, o] = args();
      expectPerfError(() => optimum(i as never, o as never, null), code, message);
    });
    test.each([
      ['text', 'one', '#VALUE!', /threshold is text "one"/],
      ['NaN', NaN, '#NUM!', /threshold is not a finite number/],
      ['a range', [[1, 2]], '#VALUE!', /threshold: expected a single value/],
      ['an empty range', [], '#VALUE!', /threshold: the range is empty/],
    ])('OPTIMUM threshold: %s', (_, arg, code, message) => {
      expectPerfError(() => optimum(staff, output, arg as never), code as never, message);
    });
  });

  test('property: OPTIMUM is an input point, and every segment up to it clears the threshold', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (xsRaw, ysRaw, threshold) => {
          const xs = [...xsRaw].sort((a, b) => a - b);
          const ys = ysRaw.slice(0, xs.length);
          const m = (marginal(col(xs), col(ys)) as number[][]).map((r) => r[0]);
          const at = optimum(col(xs), col(ys), threshold);
          const i = xs.indexOf(at);
          expect(i).toBeGreaterThanOrEqual(0);
          for (let s = 0; s < i; s++) expect(m[s]).toBeGreaterThanOrEqual(threshold);
          if (i < m.length) expect(m[i]).toBeLessThan(threshold);
        },
      ),
    );
  });
});
