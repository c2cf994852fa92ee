/**
 * The zip codec for the task pane's browser bundle: pako's raw deflate (zlib's algorithm in
 * plain JavaScript; the pane already ships it inside JSZip) and a table-driven CRC-32.
 * Browsers' CompressionStream is asynchronous, and ZipCodec is not.
 */
import { Inflate, deflateRaw } from 'pako';
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';
import { concatBytes } from './bytes';
import { ZipCodec, ZipFormatError } from './zip';

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of every byte value. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export const browserCodec: ZipCodec = {
  inflateRaw(data, expectedSize) {
    // Bounded like the Node codec: output past the declared size (plus one byte, so that a
    // lying header is caught by the caller's length check) stops the inflate, which keeps a
    // zip bomb from filling the pane's memory. A truncated stream inflates to fewer bytes than
    // declared, which that same check refuses. pako's own onEnd still records err and msg.
    const limit = Math.max(1, expectedSize + 1);
    const inflator = new Inflate({ raw: true, chunkSize: Math.min(Math.max(limit, 1024), 1 << 20) });
    const chunks: Uint8Array[] = [];
    let total = 0;
    inflator.onData = (chunk) => {
      const bytes = chunk as Uint8Array;
      total += bytes.length;
      if (total > limit) throw new ZipFormatError(phrase(WORKBOOK.zipInflatesPast, { limit }));
      chunks.push(bytes);
    };
    try {
      inflator.push(data, true);
    } catch (error) {
      if (error instanceof ZipFormatError) throw error;
      throw new ZipFormatError(phrase(WORKBOOK.zipDoesNotInflate, { reason: String((error as Error)?.message ?? error) }));
    }
    if (inflator.err) {
      throw new ZipFormatError(phrase(WORKBOOK.zipDoesNotInflate, { reason: inflator.msg || phrase(WORKBOOK.zlibError, { code: inflator.err }) }));
    }
    return concatBytes(chunks);
  },
  deflateRaw(data) {
    return deflateRaw(data, { level: 6 });
  },
  crc32(data) {
    let c = 0xffffffff;
    for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  },
};
