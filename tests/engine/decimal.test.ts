/** Exact decimals (engine/decimal.ts): a number is the decimal it is written as. */
import { decimalOf, decimalToNumber, unitsAt } from '../../engine/decimal';

describe('decimalOf — the decimal a number is written as', () => {
  it.each([
    [1234.56, 123456n, 2],
    [0.1, 1n, 1],
    [100, 100n, 0],
    [-0.5, -5n, 1],
    [1e-7, 1n, 7],
    [1.5e21, 1500000000000000000000n, 0],
    [0, 0n, 0],
  ])('%p → %p × 10^-%p', (x, units, scale) => {
    expect(decimalOf(x)).toEqual({ units, scale });
  });

  it('0.1 + 0.2 is not 0.3 in binary, but 1 + 2 = 3 tenths here', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(unitsAt(decimalOf(0.1), 1) + unitsAt(decimalOf(0.2), 1)).toBe(unitsAt(decimalOf(0.3), 1));
    expect(unitsAt(decimalOf(0.5), 3)).toBe(500n);
  });
});

describe('decimalToNumber — back to the nearest number', () => {
  it.each([
    [123456n, 2, 1234.56],
    [5n, 3, 0.005],
    [-5n, 1, -0.5],
    [37037n, 2, 370.37],
    [42n, 0, 42],
    [0n, 2, 0],
  ])('%p × 10^-%p = %p', (units, scale, x) => {
    expect(decimalToNumber(units, scale)).toBe(x);
  });
});
