/**
 * Exact decimals for splits that must add up to the cent: a number is read as the decimal
 * it is written as (JavaScript's shortest round-trip form, which is what the user typed:
 * 0.1 is 1/10, not the binary double just above it), and computed on in BigInt units.
 */

/** units × 10^-scale, scale ≥ 0. */
export interface Decimal {
  units: bigint;
  scale: number;
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** The decimal a finite number is written as: 1234.56 → 123456 × 10^-2, 1e21 → 10^21. */
export function decimalOf(x: number): Decimal {
  const [mantissa, exponent = '0'] = String(x).toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const units = BigInt(whole + fraction);
  return scale >= 0 ? { units, scale } : { units: units * pow10(-scale), scale: 0 };
}

/** `value` with its units counted at `scale` (≥ its own scale). */
export function unitsAt(value: Decimal, scale: number): bigint {
  return value.units * pow10(scale - value.scale);
}

/** The number nearest to units × 10^-scale (the exact decimal, rounded once). */
export function decimalToNumber(units: bigint, scale: number): number {
  if (scale === 0) return Number(units);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return Number(negative ? `-${text}` : text);
}
