/**
 * Zip writers stamp every entry with the current time, so the same workbook built twice
 * gets different bytes (and sha256) and every seed would publish a "new" version. This
 * rewrites the DOS time/date of each entry — in the central directory and in its local
 * header — to one fixed moment; nothing else changes.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
// 2025-01-01 00:00:00 in DOS format.
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

export function stableZip(input: Buffer): Buffer {
  const zip = Buffer.from(input);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('corrupt zip central directory');
    zip.writeUInt16LE(DOS_TIME, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('corrupt zip local header');
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
