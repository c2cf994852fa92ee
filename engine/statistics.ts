/** Sample statistics over plain number arrays, for the CRITIC weights (weights.ts). */

export function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Pearson correlation of two equally long, non-constant samples; clamped to [-1, 1] against rounding. */
export function pearson(a: number[], b: number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return Math.min(1, Math.max(-1, sab / Math.sqrt(saa * sbb)));
}
