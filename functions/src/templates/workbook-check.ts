/**
 * Upload validation of template workbook bytes (spec "Templates" → upload validation): a
 * template is downloaded and opened by other people, so nothing in it may reach out of the
 * workbook, run code or abuse the XML parser of whoever opens it.
 *
 * Everything happens in memory (yauzl.fromBuffer, lazy entries, never the disk); every XML
 * part is scanned as it inflates (xml-scan.ts), never held whole. Structural problems end
 * the check at once:
 *
 * | case                                                        | status |
 * |-------------------------------------------------------------|--------|
 * | file larger than 5 MiB                                      | 413    |
 * | not a zip (renamed .txt, legacy/encrypted .xls compound file, garbage) | 415 |
 * | zip without `[Content_Types].xml` + `xl/workbook.xml`, or whose workbook part is not declared as a spreadsheet | 415 |
 * | encrypted zip entries / unsupported compression method      | 415    |
 * | more than 1,000 entries (zip-bomb guard)                    | 413    |
 * | more than 50 MiB uncompressed (zip-bomb guard)              | 413    |
 * | an entry with an absurd compression ratio, or one inflating past its declared size | 413 |
 * | corrupt archive (bad names, duplicate names, truncated/invalid data, an XML construct over 1 MiB) | 400 |
 *
 * What the content may not hold is collected over the whole package and refused together,
 * one `errors[]` entry per reason and part (`path` = `file:<part name>`); the status is 415
 * when macros are among them, else 400:
 *
 * | refused                                                      | why |
 * |--------------------------------------------------------------|-----|
 * | macros: any `vbaProject.bin`, `xl/macrosheets/`, a macro content type | code (415) |
 * | external links: `xl/externalLinks/` parts, externalLink relationships or content types, `<externalReferences>` | reads other files |
 * | `<!DOCTYPE`/`<!ENTITY` (any markup declaration) in any XML part | XXE, entity expansion |
 * | data connections (`xl/connections.xml`, its content type or relationship) and query tables (`xl/queryTables/`) | fetch external data |
 * | TargetMode="External" relationships other than hyperlinks    | e.g. a UNC image that leaks NTLM credentials on open |
 * | DDE: `app|topic!item` in a formula, `<ddeLink>`              | starts programs |
 * | formulas calling WEBSERVICE, FILTERXML, IMAGE, RTD, DDE (network) or CALL, REGISTER(.ID), EXEC, RUN, EVALUATE (code), with or without `_xlfn.` | reach out / run code on calculation |
 * | OLE objects (`xl/embeddings/`, `<oleObject(s)>`, oleObject/package relationships and content types, `<oleLink>`) and ActiveX (`xl/activeX/`) | run code |
 *
 * What Excel itself writes for PerfPlan's templates stays accepted: `_xldudf_PERF_X(` add-in
 * calls, `_xlfn.` functions, `xl/metadata.xml`, `xl/webextensions/` add-in binding parts,
 * charts, drawings and hyperlinks.
 *
 * The 50 MiB cap is enforced three ways: the running sum of declared sizes is refused as soon
 * as it passes the cap (before inflating anything more), yauzl's `validateEntrySizes` stops an
 * entry whose real data outgrows its declared size (headers that lie), and every inflated byte
 * is counted against the cap with the stream destroyed the moment it is crossed.
 */
import type { Readable } from 'stream';
import * as yauzl from 'yauzl';
import { FieldError, HttpProblem, badRequest, payloadTooLarge, unsupportedMediaType } from '../http/problem';
import { XmlScanner, XmlStructureError, XmlTextDecoder } from './xml-scan';

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
const DTD_REFUSED = 'a DOCTYPE or entity declaration (DTD) is refused: XML entities can read local files or expand without bound';
const CONNECTIONS_REFUSED = 'data connections are refused: they query external data sources when the workbook is opened or refreshed';
const QUERY_TABLES_REFUSED = 'query tables are refused: they fetch external data';
const DDE_FORMULA_REFUSED = 'DDE formulas (app|topic!item) are refused: they can start programs';
const DDE_LINK_REFUSED = 'DDE links (<ddeLink>) are refused: they can start programs';
const OLE_REFUSED = 'embedded or linked OLE objects are refused: they can run code when opened';
const ACTIVEX_REFUSED = 'ActiveX controls are refused: they can run code';
const FORMULA_TOO_LONG = 'a formula longer than Excel accepts is refused';

/** Content types of the main workbook part that an .xlsx (or .xltx) may carry. */
const WORKBOOK_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const MACRO_CONTENT_TYPE = /macroenabled|vbaproject|macrosheet|vnd\.ms-excel\.addin/i;
const EXTERNAL_LINK_CONTENT_TYPE = /spreadsheetml\.externallink\+xml/i;
const CONNECTIONS_CONTENT_TYPE = /spreadsheetml\.connections\+xml/i;
const QUERY_TABLE_CONTENT_TYPE = /spreadsheetml\.querytable\+xml/i;
const OLE_CONTENT_TYPE = /oleobject/i;
const ACTIVEX_CONTENT_TYPE = /activex/i;
/** Transitional (…/2006/relationships/externalLink) and strict (…/relationships/externalLink),
 *  plus the externalLinkPath family used inside external link parts. */
const EXTERNAL_LINK_REL_TYPE = /\/externalLink(?:Path(?:Missing|Startup|Alt(?:Startup)?)?|LibraryPath)?$/i;
const CONNECTIONS_REL_TYPE = /\/connections$/i;
const QUERY_TABLE_REL_TYPE = /\/queryTable$/i;
const OLE_REL_TYPE = /\/(?:oleObject|package)$/i;
const ACTIVEX_REL_TYPE = /\/(?:control|activeXControlBinary)$/i;
/** The only relationship allowed to point outside the package (transitional and strict). */
const HYPERLINK_REL_TYPE = /\/hyperlink$/i;

/** Elements holding formula text: cells (`f`, also `xm:f` and charts' `c:f`), CF/DV, names, tables. */
const FORMULA_ELEMENTS: ReadonlySet<string> = new Set([
  'f',
  'formula',
  'formula1',
  'formula2',
  'definedName',
  'calculatedColumnFormula',
  'totalsRowFormula',
]);

/** Functions that reach the network or run code when a workbook calculates (upper case, prefixes stripped). */
const NETWORK_FUNCTIONS = new Set(['WEBSERVICE', 'FILTERXML', 'IMAGE', 'RTD', 'DDE']);
const CODE_FUNCTIONS = new Set(['CALL', 'REGISTER', 'REGISTER.ID', 'EXEC', 'RUN', 'EVALUATE']);
/** Excel's storage prefixes for newer (`_xlfn.`, `_xlfn._xlws.`), unknown (`_xludf.`) and Eta (`_xleta.`) functions. */
const FUNCTION_PREFIX = /^(?:_XLFN\.|_XLWS\.|_XLUDF\.|_XLETA\.)+/;

/** Throws an HttpProblem unless `bytes` is an acceptable template workbook. */
export async function checkWorkbookBytes(bytes: Buffer): Promise<void> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw payloadTooLarge(`The workbook is ${bytes.length} bytes; the limit is ${MAX_WORKBOOK_BYTES} bytes (5 MiB).`);
  }
  if (isCompoundFile(bytes)) {
    throw unsupportedMediaType(`${NOT_A_WORKBOOK}: legacy .xls and password-protected workbooks are not supported.`);
  }
  const zip = await openZip(bytes);
  const refusals = new Refusals();
  try {
    const facts = await scanEntries(zip, refusals);
    inspectPackage(facts, refusals);
  } finally {
    zip.close();
  }
  refusals.throwIfAny();
}

// ---------------------------------------------------------------------------------------------

/** Every content refusal found, one per (part, reason), in the order found. */
class Refusals {
  static readonly MAX_LISTED = 50;
  private readonly found = new Map<string, FieldError & { status: 400 | 415 }>();
  private more = 0;

  add(part: string | undefined, message: string, status: 400 | 415 = 400): void {
    const path = part === undefined ? 'file' : `file:${part}`;
    const key = `${path}\n${message}`;
    if (this.found.has(key)) return;
    if (this.found.size >= Refusals.MAX_LISTED) {
      this.more++;
      return;
    }
    this.found.set(key, { path, message, status });
  }

  throwIfAny(): void {
    if (this.found.size === 0) return;
    const all = [...this.found.values()];
    const errors: FieldError[] = all.map(({ path, message }) => ({ path, message }));
    if (this.more > 0) errors.push({ path: 'file', message: `… and ${this.more} more` });
    const reasons = [...new Set(all.map((e) => e.message))];
    const detail = reasons.length === 1 ? reasons[0] : `The workbook was refused for ${reasons.length} reasons: ${reasons.join('; ')}.`;
    const status = all.some((e) => e.status === 415) ? 415 : 400;
    throw new HttpProblem(status, status === 415 ? 'Unsupported Media Type' : 'Bad Request', detail, { errors });
  }
}

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

/** What the package-level checks need from the scan. */
interface PackageFacts {
  /** Lower-cased entry names. */
  names: Set<string>;
  /** [Content_Types].xml `<Override>` and `<Default>` attributes (when present and XML). */
  overrides: Array<Record<string, string>>;
  defaults: Array<Record<string, string>>;
  contentTypesSeen: boolean;
}

function scanEntries(zip: yauzl.ZipFile, refusals: Refusals): Promise<PackageFacts> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    return Promise.reject(tooManyEntries(zip.entryCount));
  }
  const facts: PackageFacts = { names: new Set(), overrides: [], defaults: [], contentTypesSeen: false };
  let declaredTotal = 0;
  let inflatedTotal = 0;

  return new Promise<PackageFacts>((resolve, reject) => {
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
      resolve(facts);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (settled) return;
      const name = entry.fileName.replace(/^\/+/, '').toLowerCase();
      try {
        if (facts.names.size + 1 > MAX_ZIP_ENTRIES) throw tooManyEntries(facts.names.size + 1);
        if (facts.names.has(name)) throw badRequest(`The workbook archive is corrupt: the entry "${entry.fileName}" appears twice.`);
        facts.names.add(name);
        refuseByName(name, refusals);
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

      const part = partScanner(name, facts, refusals);
      zip.openReadStream(entry, (err, stream) => {
        if (settled) {
          stream?.destroy();
          return;
        }
        if (err || !stream) {
          fail(corrupt(err ?? new Error('no stream')));
          return;
        }
        drain(stream, entry, part, (bytes) => {
          inflatedTotal += bytes;
          return inflatedTotal <= MAX_UNCOMPRESSED_BYTES;
        }).then(
          () => {
            if (settled) return;
            zip.readEntry();
          },
          (error) => fail(asProblem(error)),
        );
      });
    });

    zip.readEntry();
  });
}

interface PartSink {
  write(chunk: Buffer): void;
  end(): void;
}

/** Reads one entry to its end, feeding `sink` and counting every inflated byte; `count` returns false to abort. */
function drain(stream: Readable, entry: yauzl.Entry, sink: PartSink, count: (bytes: number) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
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
      try {
        sink.write(chunk);
      } catch (error) {
        stop(error);
      }
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
      try {
        sink.end();
      } catch (error) {
        stop(error);
        return;
      }
      done = true;
      resolve();
    });
  });
}

/** Refusals decided by an entry's name alone, before any of it is inflated. */
function refuseByName(name: string, refusals: Refusals): void {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base === 'vbaproject.bin' || base === 'vbaprojectsignature.bin' || name.startsWith('xl/macrosheets/')) {
    refusals.add(name, MACRO_REFUSED, 415);
  }
  if (name.startsWith('xl/externallinks/')) {
    refusals.add(name, `${EXTERNAL_LINKS_REFUSED} (the workbook contains "${name}")`);
  }
  if (name === 'xl/connections.xml') refusals.add(name, CONNECTIONS_REFUSED);
  if (name.startsWith('xl/querytables/')) refusals.add(name, QUERY_TABLES_REFUSED);
  if (name.startsWith('xl/embeddings/')) refusals.add(name, OLE_REFUSED);
  if (name.startsWith('xl/activex/')) refusals.add(name, ACTIVEX_REFUSED);
}

/**
 * The scanner for one entry: every part whose content starts like XML is scanned (by content,
 * not by name — a part's name does not decide how Excel parses it), everything else is only
 * counted.
 */
function partScanner(name: string, facts: PackageFacts, refusals: Refusals): PartSink {
  const isContentTypes = name === '[content_types].xml';
  const isRels = name.endsWith('.rels');
  const decoder = new XmlTextDecoder();
  const formula = (text: string) => {
    const risks = formulaRisks(text);
    if (risks.dde) refusals.add(name, DDE_FORMULA_REFUSED);
    for (const fn of risks.network) refusals.add(name, `formulas calling ${fn} are refused: it reaches the network when the workbook calculates`);
    for (const fn of risks.code) refusals.add(name, `formulas calling ${fn} are refused: it can run code`);
  };
  const scanner = new XmlScanner({
    textOf: FORMULA_ELEMENTS,
    onDeclaration: () => refusals.add(name, DTD_REFUSED),
    onText: (_element, text, truncated) => {
      if (truncated) refusals.add(name, FORMULA_TOO_LONG);
      formula(text);
    },
    onElement: (element, attributes) => {
      switch (element) {
        case 'Override':
        case 'Default':
          if (isContentTypes) (element === 'Override' ? facts.overrides : facts.defaults).push(attributes());
          return;
        case 'Relationship':
          if (isRels) inspectRelationship(name, attributes(), refusals);
          return;
        case 'externalReference':
        case 'externalReferences':
          refusals.add(name, `${EXTERNAL_LINKS_REFUSED} (${name} lists external references)`);
          return;
        case 'ddeLink':
          refusals.add(name, DDE_LINK_REFUSED);
          return;
        case 'oleLink':
        case 'oleObject':
        case 'oleObjects':
          refusals.add(name, OLE_REFUSED);
          return;
        case 'calculatedItem':
        case 'cacheField': {
          // Pivot tables keep calculated fields and items in a `formula` attribute.
          const text = attributes().formula;
          if (text) formula(text);
          return;
        }
        default:
          return;
      }
    },
  });
  if (isContentTypes) facts.contentTypesSeen = true;
  const feed = (text: string) => {
    try {
      scanner.write(text);
    } catch (error) {
      throw error instanceof XmlStructureError ? badRequest(`The workbook archive is corrupt: ${name} is not well-formed XML (${error.message}).`) : error;
    }
  };
  return {
    write: (chunk) => {
      if (scanner.isXml) feed(decoder.write(chunk));
    },
    end: () => {
      if (!scanner.isXml) return;
      feed(decoder.end());
      scanner.end();
      if (isContentTypes && !scanner.isXml) facts.contentTypesSeen = false;
    },
  };
}

function inspectRelationship(part: string, attrs: Record<string, string>, refusals: Refusals): void {
  const type = (attrs.Type ?? '').trim();
  if (EXTERNAL_LINK_REL_TYPE.test(type)) refusals.add(part, `${EXTERNAL_LINKS_REFUSED} (${part} declares an external link relationship)`);
  if (CONNECTIONS_REL_TYPE.test(type)) refusals.add(part, CONNECTIONS_REFUSED);
  if (QUERY_TABLE_REL_TYPE.test(type)) refusals.add(part, QUERY_TABLES_REFUSED);
  if (OLE_REL_TYPE.test(type)) refusals.add(part, OLE_REFUSED);
  if (ACTIVEX_REL_TYPE.test(type)) refusals.add(part, ACTIVEX_REFUSED);
  if ((attrs.TargetMode ?? '').trim().toLowerCase() === 'external' && !HYPERLINK_REL_TYPE.test(type)) {
    // The target is not echoed: it is whatever the uploader wrote (a UNC path, a URL with a token…).
    const kind = type.slice(type.lastIndexOf('/') + 1).slice(0, 60) || 'unknown';
    refusals.add(part, `an External-mode relationship of type "${kind}" is refused: only hyperlinks may point outside the workbook`);
  }
}

/** Checks on the package as a whole, from [Content_Types].xml and the entry names. */
function inspectPackage({ names, overrides, defaults, contentTypesSeen }: PackageFacts, refusals: Refusals): void {
  if (!contentTypesSeen || !names.has('[content_types].xml') || !names.has('xl/workbook.xml')) {
    throw unsupportedMediaType(`${NOT_A_WORKBOOK}: it has no [Content_Types].xml or no xl/workbook.xml.`);
  }
  const part = '[Content_Types].xml';
  const allTypes = [...overrides, ...defaults].map((attrs) => attrs.ContentType ?? '');
  const macros = allTypes.some((type) => MACRO_CONTENT_TYPE.test(type));
  if (macros) refusals.add(part, MACRO_REFUSED, 415);

  const workbookOverrides = overrides.filter(
    (attrs) => (attrs.PartName ?? '').replace(/^\/+/, '').toLowerCase() === 'xl/workbook.xml',
  );
  const workbookTypes = workbookOverrides.length
    ? workbookOverrides.map((attrs) => attrs.ContentType ?? '')
    : defaults.filter((attrs) => (attrs.Extension ?? '').toLowerCase() === 'xml').map((attrs) => attrs.ContentType ?? '');
  // A macro-enabled workbook part (…sheet.macroEnabled.main+xml) is refused as macros, above.
  if (!macros && (workbookTypes.length === 0 || !workbookTypes.every((type) => WORKBOOK_CONTENT_TYPES.has(type.trim().toLowerCase())))) {
    throw unsupportedMediaType(`${NOT_A_WORKBOOK}: xl/workbook.xml is not declared as a spreadsheet workbook.`);
  }

  if (allTypes.some((type) => EXTERNAL_LINK_CONTENT_TYPE.test(type))) {
    refusals.add(part, `${EXTERNAL_LINKS_REFUSED} (an external link content type is declared)`);
  }
  if (allTypes.some((type) => CONNECTIONS_CONTENT_TYPE.test(type))) refusals.add(part, CONNECTIONS_REFUSED);
  if (allTypes.some((type) => QUERY_TABLE_CONTENT_TYPE.test(type))) refusals.add(part, QUERY_TABLES_REFUSED);
  if (allTypes.some((type) => OLE_CONTENT_TYPE.test(type))) refusals.add(part, OLE_REFUSED);
  if (allTypes.some((type) => ACTIVEX_CONTENT_TYPE.test(type))) refusals.add(part, ACTIVEX_REFUSED);
}

// --- formulas ----------------------------------------------------------------------------------

export interface FormulaRisks {
  /** A `|` outside strings, quoted names and brackets: DDE's `app|topic!item`. */
  dde: boolean;
  /** Network functions called (WEBSERVICE, …), by their plain name. */
  network: string[];
  /** Code-running functions called (CALL, …). */
  code: string[];
}

/**
 * What a formula (as stored, entity-decoded) would do that a template must not: string
 * literals ("…"), quoted sheet names ('…') and brackets ([…], structured references) are
 * skipped, since a `|` or a name inside them is data.
 */
export function formulaRisks(text: string): FormulaRisks {
  const network = new Set<string>();
  const code = new Set<string>();
  let dde = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // "…" with "" escapes; '…' with '' escapes.
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === c) {
          if (text[j + 1] === c) j++;
          else break;
        }
      }
      i = j + 1;
    } else if (c === '[') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === "'") j++; // escapes the next character inside brackets
        else if (text[j] === '[') depth++;
        else if (text[j] === ']' && --depth === 0) break;
      }
      i = j + 1;
    } else if (c === '|') {
      dde = true;
      i++;
    } else if (/[A-Za-z_\\]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_.\\]/.test(text[j])) j++;
      const name = text.slice(i, j);
      let k = j;
      while (k < text.length && /\s/.test(text[k])) k++;
      if (text[k] === '(') {
        const plain = name.toUpperCase().replace(FUNCTION_PREFIX, '');
        if (NETWORK_FUNCTIONS.has(plain)) network.add(plain);
        if (CODE_FUNCTIONS.has(plain)) code.add(plain);
      }
      i = j;
    } else {
      i++;
    }
  }
  return { dde, network: [...network], code: [...code] };
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
