/**
 * Byte helpers shared by the workbook codecs and the API's body reader (functions/ imports
 * workbook/). Plain Uint8Array work: runs in Node and in the task pane's browser bundle.
 */

/**
 * The chunks end to end, in a fresh buffer of their own: never a chunk itself, which may be a
 * view into a larger or reused buffer (a stream's chunk), so the result's `.buffer` is exactly it.
 * A chunk may be any array of byte values (Office hands out a file's slices as number arrays).
 */
export function concatBytes(chunks: readonly ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
