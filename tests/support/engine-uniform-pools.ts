/**
 * Random POOL calls with one cap and one floor for everyone, the pool always large enough for
 * every floor: what the POOL properties and the explain property both draw from, each with
 * its own ranges.
 */
import fc from 'fast-check';

/** One POOL call: whole-number shares (at least one above 0), one cap or none, one floor. */
export interface UniformPool {
  total: number;
  shares: number[];
  cap: number | null;
  floor: number;
}

export interface UniformPoolRanges {
  maxShare: number;
  people: { min: number; max: number };
  cap: { min: number; max: number };
  maxFloor: number;
  /** The most the pool holds beyond what the floors need. */
  maxExtra: number;
}

export function uniformPools(ranges: UniformPoolRanges): fc.Arbitrary<UniformPool> {
  return fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: ranges.maxShare }), { minLength: ranges.people.min, maxLength: ranges.people.max }).filter((s) => s.some((x) => x > 0)),
      fc.option(fc.integer(ranges.cap), { nil: null }),
      fc.integer({ min: 0, max: ranges.maxFloor }),
      fc.integer({ min: 0, max: ranges.maxExtra }),
    )
    .map(([shares, cap, floor, extra]) => ({ total: floor * shares.length + extra, shares, cap, floor }));
}
