/**
 * Office's File API for tests: `Office.context.document.getFileAsync` handing over `bytes` in
 * slices of `sliceSize` (each slice answered on a later turn, as Office does); `fail` makes the
 * opening or the second slice fail. Returns the closeAsync calls and how many slices there are.
 */
export function officeFile(bytes: Uint8Array, { sliceSize = 4096, fail }: { sliceSize?: number; fail?: 'open' | 'slice' } = {}) {
  const closed: number[] = [];
  const slices: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += sliceSize) slices.push(bytes.slice(at, at + sliceSize));
  const file = {
    sliceCount: slices.length,
    getSliceAsync(index: number, callback: (r: unknown) => void) {
      setTimeout(() => callback(fail === 'slice' && index === 1 ? { status: 'failed', error: { message: 'slice lost' } } : { status: 'succeeded', value: { data: Array.from(slices[index]) } }), 0);
    },
    closeAsync() {
      closed.push(1);
    },
  };
  (globalThis as any).Office = {
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded' },
    context: {
      document: {
        getFileAsync(type: unknown, _options: unknown, callback: (r: unknown) => void) {
          expect(type).toBe('compressed');
          callback(fail === 'open' ? { status: 'failed', error: { message: 'document busy' } } : { status: 'succeeded', value: file });
        },
      },
    },
  };
  return { closed, slices: slices.length };
}
