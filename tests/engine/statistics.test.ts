/**
 * engine/statistics.ts: the sample mean and Pearson's r that CRITIC (engine/weights.ts) weighs
 * criteria with. The expected values are worked out here by hand:
 * a = 1..5, b = 2, 4, 5, 4, 5 → deviations (−2, −1, 0, 1, 2) and (−2, 0, 1, 0, 1);
 * Σab = 6, Σa² = 10, Σb² = 6 → r = 6 / √60 ≈ 0.7745966692.
 */
import { mean, pearson } from '../../engine/statistics';

test('mean', () => {
  expect(mean([2, 4, 5, 4, 5])).toBe(4);
});

test('pearson: the worked example, its symmetry and its sign', () => {
  const a = [1, 2, 3, 4, 5];
  const b = [2, 4, 5, 4, 5];
  expect(pearson(a, b)).toBeCloseTo(6 / Math.sqrt(60), 12);
  expect(pearson(b, a)).toBeCloseTo(6 / Math.sqrt(60), 12);
  expect(pearson(a, b.map((v) => -v))).toBeCloseTo(-6 / Math.sqrt(60), 12);
});

test('pearson of an exact linear relation is ±1, never past it through rounding', () => {
  const a = [0.1, 0.2, 0.3, 0.7, 1.1];
  expect(pearson(a, a.map((v) => 3 * v + 0.7))).toBe(1);
  expect(pearson(a, a.map((v) => -0.3 * v))).toBe(-1);
});
