/**
 * Seeded random numbers that are identical on every JavaScript engine.
 *
 * SIM promises that a seed gives the same numbers in Excel (V8 on Windows, JavaScriptCore on
 * Mac, any browser on the web) and in `perfplan calc` (Node). Two things make that hold:
 * - the generator is xoshiro128** (Blackman & Vigna), seeded through splitmix32, using only
 *   32-bit integer operations (Math.imul, >>>), which every engine computes identically;
 * - the transforms use only +, −, ×, ÷ and sqrt (correctly rounded by IEEE 754) plus the
 *   portable `ln`/`exp` below. Math.log/Math.exp are "implementation-approximated" in the
 *   ECMAScript spec and do differ in the last bit between engines' math libraries.
 */

const TWO_POW_MINUS_32 = 1 / 4294967296;

/** One step of splitmix32 (murmur3's fmix32 over a golden-ratio counter): a bijection of `state`. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** xoshiro128** (Blackman & Vigna, 2018): 128-bit state, period 2^128 − 1, not cryptographic. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** The raw state constructor; use `Rng.fromSeed` for user seeds. The state must not be all zero. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /**
   * A generator for an integer seed (any safe integer, negative included). Its low and high
   * 32-bit words are mixed into one splitmix32 counter, and four consecutive outputs fill the
   * state: consecutive counters differ, so the state is never all zero.
   */
  static fromSeed(seed: number): Rng {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer; got ${seed}`);
    const lo = seed | 0; // low 32 bits, two's complement for negatives
    const hi = Math.floor(seed / 4294967296) | 0;
    let counter = lo ^ splitmix32(hi ^ 0x6a09e667);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      words.push(splitmix32(counter));
      counter = (counter + 0x9e3779b9) | 0;
    }
    return new Rng(words[0], words[1], words[2], words[3]);
  }

  /** The next 32-bit output, as an unsigned integer 0 … 2^32 − 1. */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** A double strictly inside (0, 1): the midpoint of one of 2^32 equal cells, so log(u) is finite. */
  nextDouble(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /**
   * A standard normal deviate by the ziggurat method (Marsaglia & Tsang, "The ziggurat method
   * for generating random variables", J. Stat. Software 5(8), 2000) in Doornik's form
   * ("An improved ziggurat method to generate normal random samples", 2005): 128 strips, the
   * strip index and the uniform taken from different draws, since sharing their bits (as the
   * original does) distorts the distribution. ~99% of calls take the first branch.
   */
  nextNormal(): number {
    for (;;) {
      const u = 2 * this.nextDouble() - 1;
      const i = this.nextUint32() & 127;
      if (Math.abs(u) < ZIG_RATIO[i]) return u * ZIG_X[i];
      if (i === 0) return this.normalTail(u < 0);
      // the wedge between the strip's rectangle and the density: accept under the curve
      const x = u * ZIG_X[i];
      const f0 = exp(-0.5 * (ZIG_X[i] * ZIG_X[i] - x * x));
      const f1 = exp(-0.5 * (ZIG_X[i + 1] * ZIG_X[i + 1] - x * x));
      if (f1 + this.nextDouble() * (f0 - f1) < 1) return x;
    }
  }

  /** The tail beyond ZIG_R (Marsaglia, "Generating a variable from the tail of the normal distribution", 1964). */
  private normalTail(negative: boolean): number {
    let x: number;
    let y: number;
    do {
      x = ln(this.nextDouble()) / ZIG_R;
      y = ln(this.nextDouble());
    } while (-2 * y < x * x);
    return negative ? x - ZIG_R : ZIG_R - x;
  }

  /**
   * A uniform integer 0 … n − 1 for 1 ≤ n ≤ 2^21, without bias: Lemire's multiply-shift with
   * rejection ("Fast random integer generation in an interval", 2019). x·n < 2^53 is exact,
   * and the slow threshold test runs only with probability n/2^32.
   */
  nextBelow(n: number): number {
    let m = this.nextUint32() * n;
    let high = Math.floor(m * TWO_POW_MINUS_32);
    let low = m - high * 4294967296;
    if (low < n) {
      const threshold = (4294967296 - n) % n; // 2^32 mod n
      while (low < threshold) {
        m = this.nextUint32() * n;
        high = Math.floor(m * TWO_POW_MINUS_32);
        low = m - high * 4294967296;
      }
    }
    return high;
  }
}

// ---------------------------------------------------------------------------------------------
// Portable ln and exp: ports of fdlibm 5.3 e_log.c and e_exp.c (Sun Microsystems, 1993), the
// same algorithms V8 ships, using only IEEE-exact arithmetic and bit access to the exponent.
// ---------------------------------------------------------------------------------------------

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
f64[0] = 1;
/** Index of the high (sign/exponent) word in the aliased view: 1 on little-endian machines. */
const HI = i32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/**
 * POW2[k + 1074] = 2^k exactly, for k = −1074 … 1023 (halving and doubling are exact).
 * Scaling by an exact power of two gives the same bits as fdlibm's rewrite of the exponent
 * field, without a store-then-load of a half-written double (which stalls the CPU).
 */
const POW2_BIAS = 1074;
const POW2 = new Float64Array(POW2_BIAS + 1024);
POW2[POW2_BIAS] = 1;
for (let k = 1; k <= 1023; k++) POW2[POW2_BIAS + k] = POW2[POW2_BIAS + k - 1] * 2;
for (let k = -1; k >= -1074; k--) POW2[POW2_BIAS + k] = POW2[POW2_BIAS + k + 1] / 2;

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, error < 1 ulp, bit-identical on every engine. */
export function ln(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  let k = 0;
  if (hx < 0x00100000) {
    // zero, negative or subnormal
    if (((hx & 0x7fffffff) | i32[LO]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    f64[0] = x;
    hx = i32[HI];
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  const i = ((hx & 0x000fffff) + 0x95f64) & 0x100000;
  // x = 2^shift · m with m in [√2/2, √2)
  const shift = (hx >> 20) - 1023 + (i >> 20);
  hx &= 0x000fffff;
  k += shift;
  const f = x * POW2[POW2_BIAS - shift] - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/** ln(1 + x), accurate for small x (Goldberg's trick: the rounding of 1 + x cancels out). */
export function ln1p(x: number): number {
  const u = 1 + x;
  return u === 1 ? x : (ln(u) * x) / (u - 1);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.33263618503218878990e-302;

/** e^x, error < 1 ulp, bit-identical on every engine. */
export function exp(x: number): number {
  f64[0] = x;
  const high = i32[HI];
  const negative = high < 0;
  const hx = high & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | i32[LO]) !== 0) return x + x; // NaN
      return negative ? 0 : x;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  // fdlibm's e^1 is 1 ulp above Math.E; V8 special-cases it, and so do we, to stay identical
  if (x === 1) return Math.E;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: reduce x = k·ln2 + r
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // y · 2^k, exact like fdlibm's exponent-field addition; below 2^-1021 fdlibm rounds once
  // through 2^-1000, and 2^1024 itself is not a double
  if (k >= -1021) return k === 1024 ? y * 2 * POW2[POW2_BIAS + 1023] : y * POW2[POW2_BIAS + k];
  return y * POW2[POW2_BIAS + k + 1000] * TWO_M1000;
}

// ---------------------------------------------------------------------------------------------
// Standard normal quantile: Wichura, "Algorithm AS 241: The percentage points of the normal
// distribution", Applied Statistics 37 (1988) 477–484 (PPND16, relative error ≈ 1e-16).
// ---------------------------------------------------------------------------------------------

/** Φ⁻¹(p) for 0 < p < 1; ±Infinity at 0 and 1, NaN outside. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r +
          4.5921953931549871457e4) *
          r +
          1.3731693765509461125e4) *
          r +
          1.9715909503065514427e3) *
          r +
          1.3314166789178437745e2) *
          r +
          3.387132872796366608)) /
      (((((((5.226495278852854561e3 * r + 2.8729085735721942674e4) * r + 3.930789580009271061e4) * r +
        2.1213794301586595867e4) *
        r +
        5.3941960214247511077e3) *
        r +
        6.871870074920579083e2) *
        r +
        4.2313330701600911252e1) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-ln(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r + 2.4178072517745061177e-1) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 1.51986665636164571966e-2) * r +
        1.4810397642748007459e-1) *
        r +
        6.8976733498510000455e-1) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.2426609473880784386e-3) * r +
        2.6532189526576123093e-2) *
        r +
        2.9656057182850489123e-1) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        1.48753612908506148525e-2) *
        r +
        1.3692988092273580531e-1) *
        r +
        5.9983220655588793769e-1) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/**
 * sin(x) for |x| ≤ π/2 from its Taylor series in nested form, x·(1 − x²/(2·3)·(1 − x²/(4·5)·(…))),
 * pure arithmetic so it is portable; the first omitted term is below (π/2)^27/27! ≈ 1e-22.
 */
export function sinSmall(x: number): number {
  const x2 = x * x;
  let s = 1;
  for (let n = 12; n >= 1; n--) s = 1 - (x2 / (2 * n * (2 * n + 1))) * s;
  return x * s;
}

// ---------------------------------------------------------------------------------------------
// Ziggurat tables (Doornik 2005, ZIGNOR with 128 strips), built with the portable ln/exp so
// they are the same bits everywhere. ZIG_X[i] is the right edge of strip i (ZIG_X[0] the
// virtual width of the base strip, V/f(R)); ZIG_RATIO[i] = ZIG_X[i + 1]/ZIG_X[i].
// ---------------------------------------------------------------------------------------------

const ZIG_STRIPS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_X = new Float64Array(ZIG_STRIPS + 1);
const ZIG_RATIO = new Float64Array(ZIG_STRIPS);
{
  let f = exp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  ZIG_X[ZIG_STRIPS] = 0;
  for (let i = 2; i < ZIG_STRIPS; i++) {
    ZIG_X[i] = Math.sqrt(-2 * ln(ZIG_V / ZIG_X[i - 1] + f));
    f = exp(-0.5 * ZIG_X[i] * ZIG_X[i]);
  }
  for (let i = 0; i < ZIG_STRIPS; i++) ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
}
