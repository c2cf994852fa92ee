/**
 * Upload validation of template workbook bytes (spec "Templates" → upload validation).
 *
 * Everything happens in memory (yauzl.fromBuffer, lazy entries, never the disk). The checks,
 * and the status each refusal carries:
 *
 * | case                                                        | status |
 * |-------------------------------------------------------------|--------|
 * | file larger than 5 MiB                                      | 413    |
 * | not a zip (renamed .txt, legacy/encrypted .xls compound file, garbage) | 415 |
 * | zip without `[Content_Types].xml` + `xl/workbook.xml`, or whose workbook part is not declared as a spreadsheet | 415 |
 * | macro-enabled: any `vbaProject.bin`, `xl/macrosheets/`, or a macro content type | 415 |
 * | encrypted zip entries / unsupported compression method      | 415    |
 * | external links: `xl/externalLinks/` parts, externalLink relationships or content types, `<externalReferences>` | 400 |
 * | more than 1,000 entries (zip-bomb guard)                    | 413    |
 * | more than 50 MiB uncompressed (zip-bomb guard)              | 413    |
 * | an entry with an absurd compression ratio, or one inflating past its declared size | 413 |
 * | corrupt archive (bad names, duplicate names, truncated/invalid data) | 400 |
 *
 * The 50 MiB cap is enforced three ways: the running sum of declared sizes is refused as soon
 * as it passes the cap (before inflating anything more), yauzl's `validateEntrySizes` stops an
 * entry whose real data outgrows its declared size (headers that lie), and every inflated byte
 * is counted against the cap with the stream destroyed the moment it is crossed.
 */
import type { Readable } from 'stream';
import * as yauzl from 'yauzl';
import { HttpProblem, badRequest, payloadTooLarge, unsupportedMediaType } from '../http/problem';

export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1000;
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Entries that claim to inflate more than this many times their compressed size are refused
 *  up front (deflate tops out near 1032:1; real spreadsheet XML sits well below 100:1). */
export const MAX_COMPRESSION_RATIO = 500;
/** …but only once they are big enough to matter (tiny parts legitimately compress a lot). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

const MACRO_REFUSED = 'macro-enabled workbooks are refused';
const EXTERNAL_LINKS_REFUSED = 'workbooks with external links are refused';
const NOT_A_WORKBOOK = 'the file is not an Excel workbook (.xlsx)';

/** Content types of the main workbook part that an .xlsx (or .xltx) may carry. */
const WORKBOOK_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const MACRO_CONTENT_TYPE = /macroenabled|vbaproject|macrosheet|vnd\.ms-excel\.addin/i;
const EXTERNAL_LINK_CONTENT_TYPE = /spreadsheetml\.externallink\+xml/i;
/** Transitional (…/2006/relationships/externalLink) and strict (…/relationships/externalLink),
 *  plus the externalLinkPath family used inside external link parts. */
const EXTERNAL_LINK_REL_TYPE = /\/externalLink(?:Path(?:Missing|Startup|Alt(?:Startup)?)?|LibraryPath)?$/i;

/** Throws an HttpProblem unless `bytes` is an acceptable template workbook. */
export async function checkWorkbookBytes(bytes: Buffer): Promise<void> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw payloadTooLarge(`The workbook is ${bytes.length} bytes; the limit is ${MAX_WORKBOOK_BYTES} bytes (5 MiB).`);
  }
  if (isCompoundFile(bytes)) {
    throw unsupportedMediaType(`${NOT_A_WORKBOOK}: legacy .xls and password-protected workbooks are not supported.`);
  }
  const zip = await openZip(bytes);
  try {
    const parts = await scanEntries(zip);
    inspectParts(parts);
  } finally {
    zip.close();
  }
}

// ---------------------------------------------------------------------------------------------

/** OLE2 compound file signature: .xls, and every encrypted OOXML file. */
function isCompoundFile(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false, autoClose: false },
      (err, zip) => {
        if (err || !zip) reject(unsupportedMediaType(`${NOT_A_WORKBOOK}: it is not a zip archive.`));
        else resolve(zip);
      },
    );
  });
}

/** The parts whose text the checks need; everything else is inflated only to be counted. */
function isInspected(name: string): boolean {
  return name === '[content_types].xml' || name === 'xl/workbook.xml' || name.endsWith('.rels');
}

interface ScannedParts {
  names: Set<string>;
  /** lower-cased entry name → bytes, for the parts `isInspected` selects */
  texts: Map<string, Buffer>;
}

function scanEntries(zip: yauzl.ZipFile): Promise<ScannedParts> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    return Promise.reject(tooManyEntries(zip.entryCount));
  }
  const names = new Set<string>();
  const texts = new Map<string, Buffer>();
  let declaredTotal = 0;
  let inflatedTotal = 0;

  return new Promise<ScannedParts>((resolve, reject) => {
    let settled = false;
    const fail = (problem: HttpProblem) => {
      if (settled) return;
      settled = true;
      reject(problem);
    };

    zip.on('error', (err: Error) => fail(corrupt(err)));
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ names, texts });
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (settled) return;
      try {
        if (names.size + 1 > MAX_ZIP_ENTRIES) throw tooManyEntries(names.size + 1);
        const name = entry.fileName.replace(/^\/+/, '').toLowerCase();
        if (names.has(name)) throw badRequest(`The workbook archive is corrupt: the entry "${entry.fileName}" appears twice.`);
        names.add(name);
        refuseByName(name);
        if (name.endsWith('/')) {
          zip.readEntry(); // a directory: nothing to inflate
          return;
        }
        if (entry.isEncrypted()) throw unsupportedMediaType(`${NOT_A_WORKBOOK}: it contains encrypted zip entries.`);
        if (!entry.canDecodeFileData()) {
          throw unsupportedMediaType(`${NOT_A_WORKBOOK}: compression method ${entry.compressionMethod} is not supported.`);
        }
        declaredTotal += entry.uncompressedSize;
        if (declaredTotal > MAX_UNCOMPRESSED_BYTES) throw tooBigUncompressed();
        if (
          entry.uncompressedSize > RATIO_CHECK_MIN_BYTES &&
          entry.uncompressedSize > entry.compressedSize * MAX_COMPRESSION_RATIO
        ) {
          throw payloadTooLarge(
            `The workbook was refused by the zip-bomb guard: the entry "${entry.fileName}" has a compression ratio above ${MAX_COMPRESSION_RATIO}:1.`,
          );
        }
      } catch (error) {
        fail(asProblem(error));
        return;
      }

      const keep = isInspected(entry.fileName.replace(/^\/+/, '').toLowerCase());
      zip.openReadStream(entry, (err, stream) => {
        if (settled) {
          stream?.destroy();
          return;
        }
        if (err || !stream) {
          fail(corrupt(err ?? new Error('no stream')));
          return;
        }
        drain(stream, entry, keep, (bytes) => {
          inflatedTotal += bytes;
          return inflatedTotal <= MAX_UNCOMPRESSED_BYTES;
        }).then(
          (data) => {
            if (settled) return;
            if (data) texts.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), data);
            zip.readEntry();
          },
          (error) => fail(asProblem(error)),
        );
      });
    });

    zip.readEntry();
  });
}

/** Reads one entry to its end, counting every inflated byte; `count` returns false to abort. */
function drain(
  stream: Readable,
  entry: yauzl.Entry,
  keep: boolean,
  count: (bytes: number) => boolean,
): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let done = false;
    const stop = (error: unknown) => {
      if (done) return;
      done = true;
      stream.removeAllListeners('data');
      stream.destroy();
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      if (!count(chunk.length)) {
        stop(tooBigUncompressed());
        return;
      }
      if (keep) chunks.push(chunk);
    });
    stream.on('error', (err: Error) => {
      if (/too many bytes in the stream/i.test(err.message)) {
        stop(
          payloadTooLarge(
            `The workbook was refused by the zip-bomb guard: the entry "${entry.fileName}" inflates beyond its declared size.`,
          ),
        );
      } else {
        stop(corrupt(err));
      }
    });
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(keep ? Buffer.concat(chunks) : undefined);
    });
  });
}

/** Refusals decided by an entry's name alone, before any of it is inflated. */
function refuseByName(name: string): void {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base === 'vbaproject.bin' || base === 'vbaprojectsignature.bin' || name.startsWith('xl/macrosheets/')) {
    throw unsupportedMediaType(MACRO_REFUSED);
  }
  if (name.startsWith('xl/externallinks/')) {
    throw badRequest(`${EXTERNAL_LINKS_REFUSED} (the workbook contains "${name}").`);
  }
}

/** Checks on the content of [Content_Types].xml, the relationship parts and xl/workbook.xml. */
function inspectParts({ names, texts }: ScannedParts): void {
  const contentTypesBytes = texts.get('[content_types].xml');
  if (!contentTypesBytes || !names.has('xl/workbook.xml')) {
    throw unsupportedMediaType(`${NOT_A_WORKBOOK}: it has no [Content_Types].xml or no xl/workbook.xml.`);
  }

  const contentTypes = stripComments(decodeXmlText(contentTypesBytes));
  const overrides = elements(contentTypes, 'Override');
  const defaults = elements(contentTypes, 'Default');
  const allTypes = [...overrides, ...defaults].map((attrs) => attrs.ContentType ?? '');
  if (allTypes.some((type) => MACRO_CONTENT_TYPE.test(type))) throw unsupportedMediaType(MACRO_REFUSED);
  if (allTypes.some((type) => EXTERNAL_LINK_CONTENT_TYPE.test(type))) {
    throw badRequest(`${EXTERNAL_LINKS_REFUSED} (an external link content type is declared).`);
  }

  const workbookOverrides = overrides.filter(
    (attrs) => (attrs.PartName ?? '').replace(/^\/+/, '').toLowerCase() === 'xl/workbook.xml',
  );
  const workbookTypes = workbookOverrides.length
    ? workbookOverrides.map((attrs) => attrs.ContentType ?? '')
    : defaults.filter((attrs) => (attrs.Extension ?? '').toLowerCase() === 'xml').map((attrs) => attrs.ContentType ?? '');
  if (workbookTypes.length === 0 || !workbookTypes.every((type) => WORKBOOK_CONTENT_TYPES.has(type.trim().toLowerCase()))) {
    throw unsupportedMediaType(`${NOT_A_WORKBOOK}: xl/workbook.xml is not declared as a spreadsheet workbook.`);
  }

  for (const [name, bytes] of texts) {
    if (!name.endsWith('.rels')) continue;
    const rels = elements(stripComments(decodeXmlText(bytes)), 'Relationship');
    if (rels.some((attrs) => EXTERNAL_LINK_REL_TYPE.test((attrs.Type ?? '').trim()))) {
      throw badRequest(`${EXTERNAL_LINKS_REFUSED} (${name} declares an external link relationship).`);
    }
  }

  const workbook = texts.get('xl/workbook.xml');
  if (workbook && /<(?:[\w.-]+:)?externalReferences?\b/.test(stripComments(decodeXmlText(workbook)))) {
    throw badRequest(`${EXTERNAL_LINKS_REFUSED} (xl/workbook.xml lists external references).`);
  }
}

// --- small XML helpers (the parts inspected are tiny; a regex scan with entity decoding suffices) ---

/** XML parts may be UTF-8 or UTF-16 (with or without a BOM). */
function decodeXmlText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return body.swap16().toString('utf16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0x3c && bytes[1] === 0x00) return bytes.toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0x00 && bytes[1] === 0x3c) {
    return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function stripComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, '');
}

/** Attributes of every `<name …>` / `<prefix:name …>` element, values entity-decoded. */
function elements(xml: string, name: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (const match of xml.matchAll(tag)) {
    const attrs: Record<string, string> = {};
    for (const attr of match[1].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const key = attr[1].includes(':') ? attr[1].slice(attr[1].indexOf(':') + 1) : attr[1];
      attrs[key] = decodeEntities(attr[2] ?? attr[3] ?? '');
    }
    found.push(attrs);
  }
  return found;
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

function safeCodePoint(code: number): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

// --- problems ---

function tooManyEntries(count: number): HttpProblem {
  return payloadTooLarge(
    `The workbook was refused by the zip-bomb guard: it has at least ${count} zip entries; the limit is ${MAX_ZIP_ENTRIES}.`,
  );
}

function tooBigUncompressed(): HttpProblem {
  return payloadTooLarge(
    `The workbook was refused by the zip-bomb guard: it inflates to more than ${MAX_UNCOMPRESSED_BYTES} bytes (50 MiB).`,
  );
}

/** yauzl's messages can carry offsets and names; the problem detail stays generic. */
function corrupt(_err: unknown): HttpProblem {
  return badRequest('The workbook archive is corrupt or malformed.');
}

function asProblem(error: unknown): HttpProblem {
  return error instanceof HttpProblem ? error : corrupt(error);
}
