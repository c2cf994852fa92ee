/**
 * The zip container of an .xlsx (workbook/zip.ts), as PKWARE's APPNOTE.TXT (6.3.x) defines
 * it and ECMA-376 Part 2 (Open Packaging Conventions, annex C "ZIP appnote conformance")
 * restricts it: stored and deflated entries only, no encryption, no multi-disk, names in
 * UTF-8 when bit 11 says so. An entry we keep must come out exactly as it went in.
 */
import JSZip from 'jszip';
import * as yauzl from 'yauzl';
import * as zlib from 'zlib';
import { nodeCodec } from '../../workbook/node-codec';
import { ZipArchive, ZipFormatError, ZipOutput, writeZip } from '../../workbook/zip';

const encoder = new TextEncoder();

/** Offsets of the central directory file headers (APPNOTE 4.3.12), in order. */
function centralHeaders(bytes: Uint8Array): number[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no EOCD');
  const count = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    out.push(at);
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return out;
}

/** A copy of `bytes` with the central header field at `offset` (relative to the header) set. */
function patchCentral(bytes: Uint8Array, entry: number, offset: number, size: 2 | 4, value: number): Uint8Array {
  const copy = Buffer.from(bytes);
  const at = centralHeaders(copy)[entry] + offset;
  if (size === 2) copy.writeUInt16LE(value, at);
  else copy.writeUInt32LE(value >>> 0, at);
  return copy;
}

// Central directory header field offsets (APPNOTE 4.3.12).
const FLAGS = 8;
const METHOD = 10;
const COMPRESSED_SIZE = 20;
const SIZE = 24;
const LOCAL_OFFSET = 42;

function pseudoRandomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const SHEET = '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>' + '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200) + '</sheetData></worksheet>';

function sample(): Uint8Array {
  return writeZip(
    [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'xl/media/image1.bin', data: pseudoRandomBytes(5000) },
    ],
    nodeCodec,
  );
}

/** What yauzl (a strict, independent reader) finds in an archive: name → content. */
function readWithYauzl(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('writing: new entries are deflated (method 8) and read back as written', () => {
  it('text and binary parts inflate to their bytes, with sizes and CRC-32 (APPNOTE 4.4.7) of the uncompressed data', () => {
    const binary = pseudoRandomBytes(5000);
    const zip = ZipArchive.read(sample());
    expect(zip.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/media/image1.bin']);
    const sheet = zip.entry('xl/worksheets/sheet1.xml')!;
    expect(sheet.method).toBe(8);
    expect(sheet.size).toBe(encoder.encode(SHEET).length);
    expect(sheet.compressedSize).toBeLessThan(sheet.size);
    expect(sheet.crc32).toBe(zlib.crc32(SHEET));
    expect(zip.text('xl/worksheets/sheet1.xml', nodeCodec)).toBe(SHEET);
    expect(Buffer.from(zip.bytes('xl/media/image1.bin', nodeCodec)).equals(Buffer.from(binary))).toBe(true);
    expect(zip.entry('xl/media/image1.bin')!.crc32).toBe(zlib.crc32(binary));
  });

  it('an empty part is an entry of size 0', () => {
    const zip = ZipArchive.read(writeZip([{ name: 'empty.xml', data: '' }], nodeCodec));
    expect(zip.entry('empty.xml')!.size).toBe(0);
    expect(zip.text('empty.xml', nodeCodec)).toBe('');
  });

  it('an archive we write is read by independent readers (yauzl, strict; JSZip) with the same contents', async () => {
    const bytes = sample();
    const byYauzl = await readWithYauzl(bytes);
    expect(byYauzl.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe(SHEET);
    expect(byYauzl.get('xl/media/image1.bin')!.equals(Buffer.from(pseudoRandomBytes(5000)))).toBe(true);
    const byJszip = await JSZip.loadAsync(bytes);
    expect(await byJszip.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(SHEET);
  });

  it('the same entries give the same bytes, and new parts carry one fixed date (2025-01-01 00:00 DOS) unless given one', () => {
    expect(Buffer.from(sample()).equals(Buffer.from(sample()))).toBe(true);
    const entry = ZipArchive.read(sample()).entry('[Content_Types].xml')!;
    expect(entry.time).toBe(0);
    expect(entry.date).toBe(((2025 - 1980) << 9) | (1 << 5) | 1);
    const dated = ZipArchive.read(writeZip([{ name: 'a.xml', data: 'a', time: 0x6000, date: 0x5a21 }], nodeCodec)).entry('a.xml')!;
    expect([dated.time, dated.date]).toEqual([0x6000, 0x5a21]);
  });

  it('names with characters outside ASCII are written in UTF-8 with general-purpose bit 11 set (APPNOTE 4.4.4, appendix D)', async () => {
    const bytes = writeZip([{ name: 'xl/报表/数据 é.xml', data: '<x/>' }, { name: 'plain.xml', data: '<y/>' }], nodeCodec);
    const zip = ZipArchive.read(bytes);
    expect(zip.entries.map((e) => e.name)).toEqual(['xl/报表/数据 é.xml', 'plain.xml']);
    expect(zip.entry('xl/报表/数据 é.xml')!.flags & 0x0800).toBe(0x0800);
    expect(zip.entry('plain.xml')!.flags & 0x0800).toBe(0);
    expect(zip.text('xl/报表/数据 é.xml', nodeCodec)).toBe('<x/>');
    expect([...(await readWithYauzl(bytes)).keys()]).toEqual(['xl/报表/数据 é.xml', 'plain.xml']);
  });
});

describe('copying: an entry kept is written with its compressed bytes, CRC, method and dates exactly as they were', () => {
  let original: Uint8Array;

  beforeAll(async () => {
    const source = new JSZip();
    source.file('[Content_Types].xml', '<Types/>', { date: new Date(2019, 4, 17, 10, 30, 4), compression: 'DEFLATE', compressionOptions: { level: 9 } });
    source.file('xl/worksheets/sheet1.xml', SHEET, { date: new Date(2021, 1, 2, 3, 4, 6), compression: 'DEFLATE', compressionOptions: { level: 1 } });
    source.file('xl/media/image1.png', pseudoRandomBytes(3000), { date: new Date(2020, 0, 1), compression: 'STORE' });
    source.file('docProps/数据.xml', '<x/>', { date: new Date(2022, 6, 7) });
    original = await source.generateAsync({ type: 'uint8array', compression: 'DEFLATE', comment: 'made by a test' });
  });

  it('raw bytes, CRC-32, method, sizes and DOS time/date of every entry survive a copy', () => {
    const before = ZipArchive.read(original);
    const after = ZipArchive.read(writeZip(before.entries.map((entry): ZipOutput => ({ name: entry.name, copy: entry })), nodeCodec));
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    for (const entry of before.entries) {
      const copy = after.entry(entry.name)!;
      expect({ name: entry.name, method: copy.method, crc: copy.crc32, size: copy.size, compressed: copy.compressedSize, time: copy.time, date: copy.date }).toEqual({
        name: entry.name,
        method: entry.method,
        crc: entry.crc32,
        size: entry.size,
        compressed: entry.compressedSize,
        time: entry.time,
        date: entry.date,
      });
      expect(Buffer.from(copy.raw).equals(Buffer.from(entry.raw))).toBe(true);
    }
  });

  it('a level-1 deflate stream stays level 1: the copy is not recompressed (what zlib level 6 would give differs)', () => {
    const entry = ZipArchive.read(original).entry('xl/worksheets/sheet1.xml')!;
    const copied = ZipArchive.read(writeZip([{ name: entry.name, copy: entry }], nodeCodec)).entry(entry.name)!;
    expect(Buffer.from(copied.raw).equals(Buffer.from(entry.raw))).toBe(true);
    expect(Buffer.from(zlib.deflateRawSync(Buffer.from(SHEET), { level: 6 })).equals(Buffer.from(entry.raw))).toBe(false);
  });

  it('stored entries (method 0) are read and copied as stored', () => {
    const zip = ZipArchive.read(original);
    const image = zip.entry('xl/media/image1.png')!;
    expect(image.method).toBe(0);
    expect(Buffer.from(zip.bytes(image.name, nodeCodec)).equals(Buffer.from(pseudoRandomBytes(3000)))).toBe(true);
    const copied = ZipArchive.read(writeZip([{ name: image.name, copy: image }], nodeCodec));
    expect(copied.entry(image.name)!.method).toBe(0);
  });

  it('an archive with a trailing comment is read (the end record is searched for from the end, APPNOTE 4.3.16)', () => {
    expect(ZipArchive.read(original).text('[Content_Types].xml', nodeCodec)).toBe('<Types/>');
  });

  it('entries written with data descriptors (bit 3, APPNOTE 4.3.9) are read; the copy puts the sizes in the local header and drops the bit', async () => {
    const source = new JSZip();
    source.file('xl/worksheets/sheet1.xml', SHEET);
    const streamed = await source.generateAsync({ type: 'uint8array', compression: 'DEFLATE', streamFiles: true });
    const zip = ZipArchive.read(streamed);
    const entry = zip.entry('xl/worksheets/sheet1.xml')!;
    expect(entry.flags & 0x0008).toBe(0x0008);
    expect(zip.text(entry.name, nodeCodec)).toBe(SHEET);
    const copied = writeZip([{ name: entry.name, copy: entry }], nodeCodec);
    expect(ZipArchive.read(copied).entry(entry.name)!.flags & 0x0008).toBe(0);
    expect((await readWithYauzl(copied)).get(entry.name)!.toString('utf8')).toBe(SHEET);
  });

  it('a name without bit 11 is read in IBM code page 437 (APPNOTE appendix D): byte 0x84 is "ä"', () => {
    const bytes = Buffer.from(writeZip([{ name: 'X.xml', data: '<x/>' }], nodeCodec));
    bytes[30] = 0x84; // the name in the local header
    bytes[centralHeaders(bytes)[0] + 46] = 0x84; // and in the central directory
    expect(ZipArchive.read(bytes).entries[0].name).toBe('ä.xml');
  });

  it('UTF-8 names written by another tool are read by their UTF-8 flag', () => {
    expect(ZipArchive.read(original).has('docProps/数据.xml')).toBe(true);
  });
});

describe('looking up parts', () => {
  it('part names are compared without regard to ASCII case (ECMA-376 Part 2, part name equivalence)', () => {
    const zip = ZipArchive.read(sample());
    expect(zip.has('XL/Worksheets/Sheet1.XML')).toBe(true);
    expect(zip.text('XL/WORKSHEETS/SHEET1.XML', nodeCodec)).toBe(SHEET);
  });

  it('of two entries whose names differ only in case (not a valid package), the first is the part', () => {
    const zip = ZipArchive.read(writeZip([{ name: 'a.xml', data: 'first' }, { name: 'A.XML', data: 'second' }], nodeCodec));
    expect(zip.entries).toHaveLength(2);
    expect(zip.text('a.xml', nodeCodec)).toBe('first');
    expect(zip.text('A.xml', nodeCodec)).toBe('first');
  });

  it('a missing part is a ZipFormatError naming it', () => {
    expect(() => ZipArchive.read(sample()).bytes('xl/nope.xml', nodeCodec)).toThrow(expect.objectContaining({ name: 'ZipFormatError', message: 'the package has no part xl/nope.xml' }));
  });

  it('a part larger than the caller\'s limit is refused before it is inflated', () => {
    expect(() => ZipArchive.read(sample()).bytes('xl/worksheets/sheet1.xml', nodeCodec, 100)).toThrow(/uncompressed \(limit 100\)/);
  });
});

describe('refusals: what is not a plain .xlsx zip is a ZipFormatError with a reason', () => {
  const refuse = (bytes: Uint8Array) => {
    try {
      ZipArchive.read(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(ZipFormatError);
      return (error as Error).message;
    }
    throw new Error('ZipArchive.read accepted the archive');
  };

  it('bytes that are not a zip at all (no end-of-central-directory record)', () => {
    expect(refuse(encoder.encode('name,sales\nLi,10000\n'))).toMatch(/not a zip archive/);
    expect(refuse(new Uint8Array(0))).toMatch(/not a zip archive/);
  });

  it('an archive cut short (its end record lost)', () => {
    const bytes = sample();
    expect(refuse(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/not a zip archive/);
  });

  it('an OLE compound file: what Excel saves for a password-protected workbook ([MS-OFFCRYPTO] 2.3.4: EncryptedPackage in a compound file, [MS-CFB] signature D0 CF 11 E0 A1 B1 1A E1) and legacy .xls', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const message = refuse(ole);
    expect(message).toMatch(/OLE compound file/);
    expect(message).toMatch(/password-protected/);
  });

  it('an encrypted entry (general-purpose bit 0, APPNOTE 4.4.4)', () => {
    expect(refuse(patchCentral(sample(), 1, FLAGS, 2, 0x0001))).toBe('zip entry xl/worksheets/sheet1.xml is encrypted');
  });

  it('strong encryption or AES (bit 0 with bit 6, or method 99) is refused too', () => {
    expect(refuse(patchCentral(sample(), 0, FLAGS, 2, 0x0041))).toMatch(/is encrypted/);
    expect(refuse(patchCentral(sample(), 0, METHOD, 2, 99))).toMatch(/compression method 99/);
  });

  it('a compression method other than stored (0) and deflate (8), e.g. deflate64 (9) or LZMA (14)', () => {
    expect(refuse(patchCentral(sample(), 2, METHOD, 2, 9))).toBe('zip entry xl/media/image1.bin uses compression method 9 (only stored and deflate are supported)');
    expect(refuse(patchCentral(sample(), 2, METHOD, 2, 14))).toMatch(/compression method 14/);
  });

  it('an entry whose data runs past the end of the file (truncated)', () => {
    expect(refuse(patchCentral(sample(), 1, COMPRESSED_SIZE, 4, 0x7fffffff))).toBe('zip entry xl/worksheets/sheet1.xml is truncated');
  });

  it('a central directory that points at something other than a local header', () => {
    expect(refuse(patchCentral(sample(), 1, LOCAL_OFFSET, 4, 3))).toMatch(/corrupt zip local header for xl\/worksheets\/sheet1\.xml/);
  });

  it('an end record whose directory offset points at something other than a central header', () => {
    const bytes = Buffer.from(sample());
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt32LE(0, eocd + 16);
    expect(refuse(bytes)).toBe('corrupt zip central directory');
  });

  it('zip64 archives (a zip64 end-of-central-directory locator, APPNOTE 4.3.15)', () => {
    const bytes = Buffer.from(sample());
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const zip64 = Buffer.concat([bytes.subarray(0, eocd), locator, bytes.subarray(eocd)]);
    expect(refuse(zip64)).toBe('zip64 archives are not supported');
  });

  describe('an entry whose header lies about its inflated size is refused when it is read (a zip bomb guard)', () => {
    const readSheet = (bytes: Uint8Array) => () => ZipArchive.read(bytes).bytes('xl/worksheets/sheet1.xml', nodeCodec);
    const size = encoder.encode(SHEET).length;

    it('declares fewer bytes than it inflates to', () => {
      expect(readSheet(patchCentral(sample(), 1, SIZE, 4, size - 100))).toThrow(ZipFormatError);
      expect(readSheet(patchCentral(sample(), 1, SIZE, 4, 10))).toThrow(ZipFormatError);
    });

    it('declares more bytes than it inflates to', () => {
      expect(readSheet(patchCentral(sample(), 1, SIZE, 4, size + 100))).toThrow(`part xl/worksheets/sheet1.xml inflates to ${size} bytes, not the ${size + 100} its header says`);
    });

    it('a stored entry whose sizes disagree', async () => {
      const source = new JSZip();
      source.file('a.bin', pseudoRandomBytes(100), { compression: 'STORE' });
      const stored = await source.generateAsync({ type: 'uint8array' });
      expect(() => ZipArchive.read(patchCentral(stored, 0, SIZE, 4, 50)).bytes('a.bin', nodeCodec)).toThrow(/inflates to 100 bytes, not the 50/);
    });

    it('deflate data that is not a deflate stream', () => {
      const bytes = Buffer.from(sample());
      const entry = ZipArchive.read(bytes).entry('xl/worksheets/sheet1.xml')!;
      const start = entry.raw.byteOffset - bytes.byteOffset;
      bytes.fill(0xff, start, start + 16);
      expect(readSheet(bytes)).toThrow(/does not inflate/);
    });
  });
});
