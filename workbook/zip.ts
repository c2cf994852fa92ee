/**
 * The zip container of an .xlsx, read and written without rewriting what we do not change:
 * an entry we keep is copied with its compressed bytes, CRC and dates exactly as they were,
 * so a chart, a pivot table or an add-in binding survives a recalculation bit for bit.
 *
 * Pure TypeScript over Uint8Array (the task pane uses it too); compression is injected as a
 * ZipCodec (zlib in Node, see node-codec.ts).
 */
import { LocalizedError } from '../i18n/localized-error';
import { Phrase, phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';

export interface ZipCodec {
  inflateRaw(data: Uint8Array, expectedSize: number): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** A problem with the container itself: not a zip, encrypted, truncated, over a limit (texts: i18n/workbook.ts). */
export class ZipFormatError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** DOS time and date as stored. */
  time: number;
  date: number;
  /** General-purpose flags as stored (the data-descriptor bit is dropped on write). */
  flags: number;
  /** The entry's bytes as stored in the archive (compressed when method = 8). */
  raw: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x0800;
const DATA_DESCRIPTOR_FLAG = 0x0008;
const ENCRYPTED_FLAG = 0x0001;

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** IBM code page 437, bytes 0x80–0xFF: names without the UTF-8 flag (APPNOTE.TXT, appendix D). */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';

function cp437(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return text;
}

/** An .xlsx opened for reading: entries by name, in archive order. */
export class ZipArchive {
  private constructor(readonly entries: ZipEntry[], private readonly byName: Map<string, ZipEntry>) {}

  static read(bytes: Uint8Array): ZipArchive {
    if (bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1) {
      throw new ZipFormatError(phrase(WORKBOOK.oleFile));
    }
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (u32(bytes, i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipFormatError(phrase(WORKBOOK.notZip));
    if (eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_EOCD_LOCATOR) throw new ZipFormatError(phrase(WORKBOOK.zip64));
    const count = u16(bytes, eocd + 10);
    let at = u32(bytes, eocd + 16);
    const entries: ZipEntry[] = [];
    const byName = new Map<string, ZipEntry>();
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipFormatError(phrase(WORKBOOK.corruptCentralDirectory));
      const flags = u16(bytes, at + 8);
      const method = u16(bytes, at + 10);
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      const local = u32(bytes, at + 42);
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      const name = flags & UTF8_FLAG ? utf8.decode(nameBytes) : cp437(nameBytes);
      if (flags & ENCRYPTED_FLAG) throw new ZipFormatError(phrase(WORKBOOK.entryEncrypted, { name }));
      if (method !== 0 && method !== 8) throw new ZipFormatError(phrase(WORKBOOK.entryMethod, { name, method }));
      const compressedSize = u32(bytes, at + 20);
      if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new ZipFormatError(phrase(WORKBOOK.corruptLocalHeader, { name }));
      const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (dataStart + compressedSize > bytes.length) throw new ZipFormatError(phrase(WORKBOOK.entryTruncated, { name }));
      const entry: ZipEntry = {
        name,
        method,
        crc32: u32(bytes, at + 16),
        compressedSize,
        size: u32(bytes, at + 24),
        time: u16(bytes, at + 12),
        date: u16(bytes, at + 14),
        flags,
        raw: bytes.subarray(dataStart, dataStart + compressedSize),
      };
      entries.push(entry);
      // Part names are case-insensitive in OPC; keep the first of any duplicates.
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipArchive(entries, byName);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The entry's uncompressed bytes; refuses one that inflates past `limit` bytes. */
  bytes(name: string, codec: ZipCodec, limit = Number.MAX_SAFE_INTEGER): Uint8Array {
    const entry = this.entry(name);
    if (!entry) throw new ZipFormatError(phrase(WORKBOOK.noPart, { name }));
    if (entry.size > limit) throw new ZipFormatError(phrase(WORKBOOK.partOverLimit, { name, size: entry.size, limit }));
    const data = entry.method === 0 ? entry.raw : codec.inflateRaw(entry.raw, entry.size);
    if (data.length !== entry.size) throw new ZipFormatError(phrase(WORKBOOK.partSizeMismatch, { name, got: data.length, size: entry.size }));
    return data;
  }

  text(name: string, codec: ZipCodec, limit?: number): string {
    return utf8.decode(this.bytes(name, codec, limit));
  }
}

/** What to write: an entry copied as it was, or new content to compress. */
export type ZipOutput = { name: string; copy: ZipEntry } | { name: string; data: Uint8Array | string; time?: number; date?: number };

/** 2025-01-01 00:00 in DOS format: parts we write get one fixed date (same input, same bytes). */
const FIXED_DOS_TIME = 0;
const FIXED_DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

/** An entry as it is written: its name encoded, its bytes as stored. */
interface Prepared extends Omit<ZipEntry, 'name'> {
  nameBytes: Uint8Array;
}

function prepare(item: ZipOutput, codec: ZipCodec): Prepared {
  const nameBytes = encoder.encode(item.name);
  const nameFlag = /^[\x20-\x7e]*$/.test(item.name) ? 0 : UTF8_FLAG;
  if ('copy' in item) {
    const e = item.copy;
    return { nameBytes, method: e.method, crc32: e.crc32, compressedSize: e.raw.length, size: e.size, time: e.time, date: e.date, flags: (e.flags & ~DATA_DESCRIPTOR_FLAG & ~UTF8_FLAG) | nameFlag, raw: e.raw };
  }
  const data = typeof item.data === 'string' ? encoder.encode(item.data) : item.data;
  const raw = codec.deflateRaw(data);
  return { nameBytes, method: 8, crc32: codec.crc32(data) >>> 0, compressedSize: raw.length, size: data.length, time: item.time ?? FIXED_DOS_TIME, date: item.date ?? FIXED_DOS_DATE, flags: nameFlag, raw };
}

/**
 * `zip` written again with some parts replaced or added: every other entry is copied as stored
 * and keeps its place, as does a replaced part; added parts follow in `parts`' order. New text
 * gets the fixed date, unless `keepDates` keeps a replaced part's own.
 */
export function rewriteZip(zip: ZipArchive, parts: ReadonlyMap<string, string | Uint8Array>, codec: ZipCodec, options: { keepDates?: boolean } = {}): Uint8Array {
  const pending = new Map(parts);
  const items: ZipOutput[] = zip.entries.map((entry) => {
    const data = pending.get(entry.name);
    if (data === undefined) return { name: entry.name, copy: entry };
    pending.delete(entry.name);
    return options.keepDates ? { name: entry.name, data, time: entry.time, date: entry.date } : { name: entry.name, data };
  });
  for (const [name, data] of pending) items.push({ name, data });
  return writeZip(items, codec);
}

/** Writes a zip archive with the entries in the order given. */
export function writeZip(items: readonly ZipOutput[], codec: ZipCodec): Uint8Array {
  const prepared = items.map((item) => prepare(item, codec));
  let total = 22;
  for (const p of prepared) total += 30 + p.nameBytes.length + p.raw.length + 46 + p.nameBytes.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (p: Prepared, signature: number, central: boolean) => {
    view.setUint32(at, signature, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: 2.0
      at += 2;
    }
    view.setUint16(at, 20, true); // version needed: 2.0
    view.setUint16(at + 2, p.flags, true);
    view.setUint16(at + 4, p.method, true);
    view.setUint16(at + 6, p.time, true);
    view.setUint16(at + 8, p.date, true);
    view.setUint32(at + 10, p.crc32, true);
    view.setUint32(at + 14, p.compressedSize, true);
    view.setUint32(at + 18, p.size, true);
    view.setUint16(at + 22, p.nameBytes.length, true);
    view.setUint16(at + 24, 0, true); // extra length
    at += 26;
  };
  for (const p of prepared) {
    offsets.push(at);
    header(p, LOCAL, false);
    out.set(p.nameBytes, at);
    at += p.nameBytes.length;
    out.set(p.raw, at);
    at += p.raw.length;
  }
  const centralStart = at;
  prepared.forEach((p, i) => {
    header(p, CENTRAL, true);
    view.setUint16(at, 0, true); // comment length
    view.setUint16(at + 2, 0, true); // disk number
    view.setUint16(at + 4, 0, true); // internal attributes
    view.setUint32(at + 6, 0, true); // external attributes
    view.setUint32(at + 10, offsets[i], true);
    at += 14;
    out.set(p.nameBytes, at);
    at += p.nameBytes.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  view.setUint16(at + 20, 0, true);
  return out;
}
