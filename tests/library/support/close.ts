/** Closeness relative to the expected value's size, for numbers that span many magnitudes. */
export function expectClose(actual: unknown, expected: number, relative = 1e-9): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}
