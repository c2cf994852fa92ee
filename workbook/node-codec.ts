/** The zip codec for Node: zlib's raw deflate and CRC-32 (native, and bounded on inflate). */
import * as zlib from 'zlib';
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';
import { ZipCodec, ZipFormatError } from './zip';

export const nodeCodec: ZipCodec = {
  inflateRaw(data, expectedSize) {
    try {
      // One byte of slack over the declared size: a lying header is caught by the length check.
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, expectedSize + 1) });
    } catch (error) {
      throw new ZipFormatError(phrase(WORKBOOK.zipDoesNotInflate, { reason: (error as Error).message }));
    }
  },
  deflateRaw(data) {
    return zlib.deflateRawSync(data, { level: 6 });
  },
  crc32(data) {
    return zlib.crc32(data);
  },
};
