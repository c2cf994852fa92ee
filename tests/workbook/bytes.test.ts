import { concatBytes } from '../../workbook/bytes';

describe('concatBytes', () => {
  it('puts the chunks end to end', () => {
    expect(Array.from(concatBytes([Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3)]))).toEqual([1, 2, 3]);
  });

  it('takes byte values as plain arrays too (Office hands out file slices so)', () => {
    expect(Array.from(concatBytes([[1, 2], Uint8Array.of(3)]))).toEqual([1, 2, 3]);
  });

  it('is empty for no chunks', () => {
    expect(concatBytes([]).byteLength).toBe(0);
  });

  it('copies a single chunk that is a view into a larger buffer, so the result owns exactly its bytes', () => {
    const shared = Uint8Array.of(9, 1, 2, 9);
    const out = concatBytes([shared.subarray(1, 3)]);
    expect(Array.from(out)).toEqual([1, 2]);
    expect(out.buffer.byteLength).toBe(2);
    shared[1] = 7;
    expect(out[0]).toBe(1);
  });
});
