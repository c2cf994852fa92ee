/**
 * A streaming scanner for the XML parts of an uploaded workbook: fed decoded text chunk by
 * chunk as the zip entry inflates, it reports markup declarations (`<!DOCTYPE`, `<!ENTITY`,
 * …), element start tags with their attributes, and the text of chosen elements (formulas).
 * It keeps only the construct it is in the middle of, never a whole part, so a 50 MiB
 * worksheet costs what one tag costs.
 *
 * It is not a validating parser: upload checks need to find things, and anything a real XML
 * parser (Excel's) would see as a declaration, a tag or formula text, this sees too —
 * comments and CDATA are recognised, quoted `>` inside attributes does not end a tag, and
 * entities are decoded in attributes and text.
 */
import { tagEnd } from '../../../workbook/xml';

/** Longest single construct (tag, comment, declaration) held while waiting for its end. */
export const MAX_CONSTRUCT_CHARS = 1024 * 1024;
/** Longest element text collected (Excel's formula limit is 8,192 characters; entities make it longer). */
export const MAX_CAPTURED_TEXT_CHARS = 64 * 1024;

export interface XmlScanHandlers {
  /** A markup declaration: `<!DOCTYPE …>`, `<!ENTITY …>`, `<!ELEMENT …>` … (a DTD). */
  onDeclaration(): void;
  /** A start (or empty-element) tag; `attributes()` parses them (prefixes dropped, entities decoded). */
  onElement(name: string, attributes: () => Record<string, string>): void;
  /** Local names whose text content is collected and handed to `onText`. */
  textOf: ReadonlySet<string>;
  /** The decoded text of a `textOf` element; `truncated` when it was longer than MAX_CAPTURED_TEXT_CHARS. */
  onText(name: string, text: string, truncated: boolean): void;
}

export class XmlStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlStructureError';
  }
}

const NAME_END = /[\s/>]/;

export class XmlScanner {
  private pending = '';
  /** Set until the first non-whitespace character shows whether this is XML at all. */
  private sniffing = true;
  private notXml = false;
  private capture: { name: string; parts: string[]; length: number; truncated: boolean } | undefined;

  constructor(private readonly handlers: XmlScanHandlers) {}

  /** False once the content turned out not to be XML (its first character is not `<`): nothing more is scanned. */
  get isXml(): boolean {
    return !this.notXml;
  }

  write(chunk: string): void {
    if (this.notXml) return;
    this.pending += chunk;
    this.process(false);
  }

  end(): void {
    if (this.notXml) return;
    this.process(true);
    this.pending = '';
  }

  private appendText(text: string): void {
    const capture = this.capture!;
    if (capture.truncated || text.length === 0) return;
    if (capture.length + text.length > MAX_CAPTURED_TEXT_CHARS) {
      capture.truncated = true;
      return;
    }
    capture.parts.push(text);
    capture.length += text.length;
  }

  private process(final: boolean): void {
    const xml = this.pending;
    let pos = 0;
    if (this.sniffing) {
      const first = xml.search(/\S/);
      if (first < 0) {
        this.pending = '';
        return;
      }
      this.sniffing = false;
      // A byte-order mark was already dropped by the decoder.
      if (xml[first] !== '<') {
        this.notXml = true;
        this.pending = '';
        return;
      }
      pos = first;
    }
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) {
        if (!this.capture) {
          this.pending = '';
          return;
        }
        // An entity cut by the chunk boundary (`&#12` + `4;`) must be decoded whole, or a `|` could hide in it.
        const amp = xml.lastIndexOf('&');
        const cut = !final && amp >= pos && xml.length - amp <= 12 && xml.indexOf(';', amp) < 0 ? amp : xml.length;
        this.appendText(decodeEntities(xml.slice(pos, cut)));
        this.pending = xml.slice(cut);
        return;
      }
      if (this.capture && lt > pos) this.appendText(decodeEntities(xml.slice(pos, lt)));
      pos = lt;
      const next = xml.charCodeAt(pos + 1);
      let end: number;
      if (next === 33 /* ! */) {
        if (!final && xml.length - pos < 9 && ('<![CDATA['.startsWith(xml.slice(pos)) || '<!--'.startsWith(xml.slice(pos)))) {
          break; // not enough text yet to tell a comment or CDATA from a declaration
        }
        if (xml.startsWith('<!--', pos)) {
          const close = xml.indexOf('-->', pos + 4);
          end = close < 0 ? -1 : close + 3;
        } else if (xml.startsWith('<![CDATA[', pos)) {
          const close = xml.indexOf(']]>', pos + 9);
          if (close >= 0 && this.capture) this.appendText(xml.slice(pos + 9, close));
          end = close < 0 ? -1 : close + 3;
        } else {
          // <!DOCTYPE …>, <!ENTITY …>: reported as soon as it is seen (its end may be far away, inside [ … ]).
          this.handlers.onDeclaration();
          const close = tagEnd(xml, pos + 2);
          end = close;
          if (close < 0 && final) end = xml.length;
        }
      } else if (next === 63 /* ? */) {
        const close = xml.indexOf('?>', pos + 2);
        end = close < 0 ? -1 : close + 2;
      } else {
        end = tagEnd(xml, pos + 1);
        if (end >= 0) this.tag(xml, pos, end);
      }
      if (end < 0) break;
      pos = end;
    }
    // Keep the unfinished construct for the next chunk.
    const rest = xml.slice(pos);
    if (!final && rest.length > MAX_CONSTRUCT_CHARS) throw new XmlStructureError('an XML construct is longer than 1 MiB');
    this.pending = final ? '' : rest;
  }

  private tag(xml: string, start: number, end: number): void {
    const closing = xml.charCodeAt(start + 1) === 47; /* / */
    const nameStart = closing ? start + 2 : start + 1;
    const rest = xml.slice(nameStart, end - 1);
    const nameLength = rest.search(NAME_END);
    const qualified = nameLength < 0 ? rest : rest.slice(0, nameLength);
    const colon = qualified.indexOf(':');
    const name = colon >= 0 ? qualified.slice(colon + 1) : qualified;
    if (closing) {
      if (this.capture && this.capture.name === name) {
        const { parts, truncated } = this.capture;
        this.capture = undefined;
        this.handlers.onText(name, parts.join(''), truncated);
      }
      return;
    }
    const selfClosing = xml.charCodeAt(end - 2) === 47;
    const attributesText = nameLength < 0 ? '' : rest.slice(nameLength, selfClosing ? -1 : undefined);
    this.handlers.onElement(name, () => parseAttributes(attributesText));
    if (!selfClosing && !this.capture && this.handlers.textOf.has(name)) {
      this.capture = { name, parts: [], length: 0, truncated: false };
    }
  }
}

/** Attributes of a tag, prefixes dropped (`r:id` → `id`), values entity-decoded. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attr of text.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const key = attr[1].includes(':') ? attr[1].slice(attr[1].indexOf(':') + 1) : attr[1];
    attrs[key] = decodeEntities(attr[2] ?? attr[3] ?? '');
  }
  return attrs;
}

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
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

/**
 * Decodes an XML part's bytes chunk by chunk: UTF-8, or UTF-16 (either byte order, with or
 * without a byte-order mark) — the encodings Excel reads. The encoding is decided by the first
 * bytes, before any text is produced.
 */
export class XmlTextDecoder {
  private decoder: TextDecoder | undefined;
  private head = Buffer.alloc(0);

  /** Text decoded so far from `chunk` ('' while the first bytes are still too few to decide). */
  write(chunk: Buffer): string {
    if (!this.decoder) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return '';
      this.decoder = new TextDecoder(XmlTextDecoder.encodingOf(this.head));
      const head = this.head;
      this.head = Buffer.alloc(0);
      return this.decoder.decode(head, { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (!this.decoder) {
      if (this.head.length === 0) return '';
      this.decoder = new TextDecoder(XmlTextDecoder.encodingOf(this.head));
      return this.decoder.decode(this.head);
    }
    return this.decoder.decode();
  }

  static encodingOf(head: Buffer): string {
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
    if (head[0] === 0x00 && head[1] === 0x3c) return 'utf-16be';
    return 'utf-8';
  }
}
