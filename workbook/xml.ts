/**
 * Just enough XML for OOXML parts, over strings: a forward tag scanner, attributes,
 * entities. SpreadsheetML is machine-written and well-formed, and a scanner that finds tags
 * with indexOf reads a 50 MB sheet an order of magnitude faster than a DOM or SAX parser.
 * Element names are compared without their namespace prefix (`<x:c>` is `<c>`): some
 * producers prefix the main namespace.
 */
import { XmlFormatError } from './format-error';
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';

export interface Tag {
  /** Local name without prefix, e.g. "c" for `<x:c ...>`; "/c" style closers have closing = true. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index of "<". */
  start: number;
  /** Index just past ">". */
  end: number;
  /** The text between the name and ">" (attributes), unparsed. */
  attributesText: string;
}

/**
 * The next element tag at or after `from` (comments, processing instructions and CDATA are
 * skipped), or null at the end.
 */
export function nextTag(xml: string, from: number): Tag | null {
  let at = xml.indexOf('<', from);
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', at)) {
        const close = xml.indexOf('-->', at + 4);
        at = close < 0 ? -1 : xml.indexOf('<', close + 3);
      } else if (xml.startsWith('<![CDATA[', at)) {
        const close = xml.indexOf(']]>', at + 9);
        at = close < 0 ? -1 : xml.indexOf('<', close + 3);
      } else {
        const close = xml.indexOf('>', at + 2);
        at = close < 0 ? -1 : xml.indexOf('<', close + 1);
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const close = xml.indexOf('?>', at + 2);
      at = close < 0 ? -1 : xml.indexOf('<', close + 2);
      continue;
    }
    const closing = next === 47; /* / */
    let nameStart = closing ? at + 2 : at + 1;
    let i = nameStart;
    for (; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
    }
    const qualified = xml.slice(nameStart, i);
    const colon = qualified.indexOf(':');
    const name = colon >= 0 ? qualified.slice(colon + 1) : qualified;
    const end = tagEnd(xml, i);
    if (end < 0) return null;
    const selfClosing = xml.charCodeAt(end - 2) === 47;
    nameStart = i;
    return { name, closing, selfClosing, start: at, end, attributesText: xml.slice(nameStart, selfClosing ? end - 2 : end - 1) };
  }
  return null;
}

/** Index just past the ">" closing the tag that `from` is inside (quotes may hold ">"), or -1. */
export function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes by local name (prefix dropped, except xmlns declarations which keep theirs). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    const qualified = m[1];
    const colon = qualified.indexOf(':');
    const key = colon >= 0 && !qualified.startsWith('xmlns') ? qualified.slice(colon + 1) : qualified;
    out[key] = decodeEntities(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** One attribute's raw (still escaped) value, without parsing the others; undefined if absent. */
export function rawAttribute(text: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : text.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58 /* : */) continue;
    let i = at + name.length;
    while (text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (text.charCodeAt(i) === 32) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    return close < 0 ? undefined : text.slice(i + 1, close);
  }
}

export function attribute(text: string, name: string): string | undefined {
  const raw = rawAttribute(text, name);
  return raw === undefined ? undefined : decodeEntities(raw);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data: entities decoded, CDATA sections taken as they are. */
export function textContent(raw: string): string {
  if (raw.indexOf('<![CDATA[') < 0) return decodeEntities(raw);
  let out = '';
  let at = 0;
  for (;;) {
    const open = raw.indexOf('<![CDATA[', at);
    if (open < 0) return out + decodeEntities(raw.slice(at));
    const close = raw.indexOf(']]>', open + 9);
    out += decodeEntities(raw.slice(at, open)) + raw.slice(open + 9, close < 0 ? raw.length : close);
    if (close < 0) return out;
    at = close + 3;
  }
}

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** ` xml:space="preserve"` for a `<t>` whose text starts or ends with white space or holds a line break (else XML readers may drop it), '' otherwise. */
export function preserveSpace(text: string): string {
  return /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
}

/**
 * SpreadsheetML escapes characters XML cannot carry (and literal "_x" runs) as `_xHHHH_`
 * in strings and table column names (ECMA-376 Part 1, §22.9.2.19 ST_Xstring).
 */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The inverse of decodeXstring: characters XML 1.0 cannot carry, and literal "_xHHHH_" runs, escaped. */
export function encodeXstring(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/**
 * The concatenated text of every `<t>` inside `xml` (a shared string item or an inline
 * string), leaving out phonetic runs (`<rPh>`), which annotate the text and are not part of it.
 */
export function stringItemText(xml: string): string {
  let text = '';
  let skipDepth = 0;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.name === 'rPh') {
      if (tag.closing) skipDepth--;
      else if (!tag.selfClosing) skipDepth++;
      continue;
    }
    if (tag.name === 't' && !tag.closing && !tag.selfClosing && skipDepth === 0) {
      const body = elementBody(xml, tag);
      text += textContent(xml.slice(body.bodyStart, body.bodyEnd));
      tag = { ...tag, end: body.bodyEnd };
    }
  }
  return decodeXstring(text);
}

/** The start/end of the element whose start tag is `open`: [index after the start tag, index of the end tag]. */
export function elementBody(xml: string, open: Tag): { bodyStart: number; bodyEnd: number; end: number } {
  if (open.selfClosing) return { bodyStart: open.end, bodyEnd: open.end, end: open.end };
  let depth = 1;
  for (let tag = nextTag(xml, open.end); tag; tag = nextTag(xml, tag.end)) {
    if (tag.name !== open.name) continue;
    if (tag.closing) depth--;
    else if (!tag.selfClosing) depth++;
    if (depth === 0) return { bodyStart: open.end, bodyEnd: tag.start, end: tag.end };
  }
  throw new XmlFormatError(phrase(WORKBOOK.unclosedElement, { element: open.name }));
}

/** Every element named `name` (any depth) as [tag, body text]. */
export function* elements(xml: string, name: string): Generator<{ tag: Tag; body: string; end: number }> {
  for (let tag = nextTag(xml, 0); tag; ) {
    if (!tag.closing && tag.name === name) {
      const { bodyStart, bodyEnd, end } = elementBody(xml, tag);
      yield { tag, body: xml.slice(bodyStart, bodyEnd), end };
      tag = nextTag(xml, end);
    } else tag = nextTag(xml, tag.end);
  }
}
