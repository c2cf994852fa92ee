/**
 * A value as Excel shows it under a number format code — the part of Excel's formatting a
 * statement needs, pure and small (the pane's statements view loads it too). What it follows is
 * Microsoft's "Number format codes" (support.microsoft.com, "Review guidelines for customizing a
 * number format") and ECMA-376 Part 1, §18.8.31 numFmts:
 *
 * - up to four sections `positive;negative;zero;text`; a negative number shown by its second
 *   section loses its sign (the section writes one if it wants it), with one section it gets "-";
 * - `0` (a digit, zero when none), `#` (a digit, nothing when none), `?` (a digit, a space when
 *   none), `.`, `,` between digit placeholders (thousands separators), `,` after the last one
 *   (÷ 1,000 each), `%` (× 100 each);
 * - literals: `"text"`, `\c`, `$ - + / ( ) : ! ^ & ' ~ { } < > =` and space, and any character
 *   no code uses (¥, ￥, 元 …); `_c` (the width of c: a space), `*c` (fill: nothing);
 * - `[Red]` and the other colours (ignored: text has no colour here), `[$¥-804]`, `[$￥-zh-CN]`
 *   (the currency symbol), `[$-804]` (a locale: nothing shown);
 * - `General` (up to 11 characters, as Excel's cells show it);
 * - dates and times on Excel's serial numbers (1900 date system): `yyyy yy m mm mmm mmmm d dd ddd
 *   dddd h hh m mm s ss AM/PM A/P 上午/下午` (m after h or before s is minutes).
 *
 * Anything else — conditions (`[>100]`), fractions, scientific notation, elapsed time (`[h]`),
 * `[DBNum1]` numerals, system formats (`[$-F800]`), mmm names in a language other than English
 * or Simplified Chinese — returns undefined: the caller shows the value its own way. Never throws.
 */
import { CALENDAR_NAMES, CalendarNames } from '../i18n/calendar';
import type { Locale } from '../i18n/locale';

export type FormatValue = number | string | boolean;

interface Section {
  tokens: Token[];
  kind: 'general' | 'number' | 'date' | 'text';
  /** The language of its month and day names when the code names one (`[$-409]`, `[$-804]`); else the reader's. */
  names?: Locale;
}

type Token =
  | { t: 'lit'; s: string }
  | { t: 'digit'; c: '0' | '#' | '?' }
  | { t: 'point' }
  | { t: 'comma' }
  | { t: 'percent' }
  | { t: 'general' }
  | { t: 'text' }
  | { t: 'date'; s: string }
  | { t: 'ampm'; s: string };

/** The characters that are each a token of their own, with nothing to carry (never changed once pushed). */
const MARKS: ReadonlyMap<string, Token> = new Map<string, Token>([
  ['.', { t: 'point' }],
  [',', { t: 'comma' }],
  ['%', { t: 'percent' }],
  ['@', { t: 'text' }],
]);
const LITERAL = new Set([...'$-+/():!^&\'~{}<>= ']);
const DATE = /^(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s)/i;
const COLOURS = /^(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d{1,2})$/i;
const cache = new Map<string, Section[] | null>();

/** The four sections of a code, parsed; null for what this renderer does not show. */
function parse(code: string): Section[] | null {
  let found = cache.get(code);
  if (found === undefined) {
    try {
      found = parseCode(code);
    } catch {
      found = null;
    }
    if (cache.size > 500) cache.clear();
    cache.set(code, found);
  }
  return found;
}

function parseCode(code: string): Section[] | null {
  const sections: Section[] = [];
  let tokens: Token[] = [];
  let names: Locale | undefined; // the code's own language for month and day names, if it gives one
  let foreign = false; // a locale other than English or Simplified Chinese: its names would be its own
  const end = () => {
    sections.push({ tokens, kind: kindOf(tokens) });
    tokens = [];
  };
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === 'lit') last.s += s;
    else tokens.push({ t: 'lit', s });
  };
  for (let i = 0; i < code.length; ) {
    const c = code[i];
    if (c === ';') {
      end();
      i++;
    } else if (c === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return null;
      lit(code.slice(i + 1, close));
      i = close + 1;
    } else if (c === '\\') {
      if (i + 1 < code.length) lit(code[i + 1]);
      i += 2;
    } else if (c === '_') {
      lit(' ');
      i += 2;
    } else if (c === '*') {
      i += 2;
    } else if (c === '[') {
      const close = code.indexOf(']', i);
      if (close < 0) return null;
      const inner = code.slice(i + 1, close);
      if (inner.startsWith('$')) {
        const dash = inner.indexOf('-', 1);
        const symbol = dash < 0 ? inner.slice(1) : inner.slice(1, dash);
        const locale = dash < 0 ? '' : inner.slice(dash + 1);
        if (/^(F[0-9A-F]{3}|x-sys)/i.test(locale)) return null; // system date/time formats: the reader's own settings
        if (/^(409|en)/i.test(locale)) names = 'en-US';
        else if (/^(804|zh-cn|zh-hans)/i.test(locale)) names = 'zh-CN';
        else if (locale) foreign = true;
        if (symbol) lit(symbol);
      } else if (!COLOURS.test(inner)) return null; // conditions, elapsed time, DBNum numerals
      i = close + 1;
    } else if (c === '0' || c === '#' || c === '?') {
      tokens.push({ t: 'digit', c });
      i++;
    } else if (MARKS.has(c)) {
      tokens.push(MARKS.get(c)!);
      i++;
    } else if (/^general/i.test(code.slice(i, i + 7))) {
      tokens.push({ t: 'general' });
      i += 7;
    } else if (code.startsWith('G/通用格式', i)) {
      tokens.push({ t: 'general' }); // General as Chinese Excel and WPS may store it
      i += 6;
    } else if ((c === 'E' || c === 'e') && (code[i + 1] === '+' || code[i + 1] === '-')) {
      return null; // scientific notation
    } else if (/^(AM\/PM|A\/P)/i.test(code.slice(i, i + 5))) {
      const s = /^AM\/PM/i.test(code.slice(i, i + 5)) ? 'AM/PM' : 'A/P';
      tokens.push({ t: 'ampm', s });
      i += s.length;
    } else if (code.startsWith('上午/下午', i)) {
      tokens.push({ t: 'ampm', s: '上午/下午' });
      i += 5;
    } else if (DATE.test(code.slice(i, i + 5))) {
      const s = DATE.exec(code.slice(i, i + 5))![0];
      tokens.push({ t: 'date', s: s.toLowerCase() });
      i += s.length;
    } else if (/[a-zA-Z]/.test(c)) {
      return null; // a letter no code uses unquoted
    } else if (LITERAL.has(c) || c.charCodeAt(0) > 127) {
      lit(c);
      i++;
    } else return null;
  }
  end();
  if (sections.length > 4) return null;
  if (foreign && sections.some((s) => s.tokens.some((t) => t.t === 'date' && /^(mmm|ddd)/.test(t.s)))) return null;
  if (names) for (const section of sections) section.names = names;
  return sections;
}

function kindOf(tokens: Token[]): Section['kind'] {
  if (tokens.some((t) => t.t === 'general')) return 'general';
  if (tokens.some((t) => t.t === 'date' || t.t === 'ampm')) return 'date';
  if (tokens.some((t) => t.t === 'digit')) return 'number';
  if (tokens.some((t) => t.t === 'text')) return 'text';
  return 'number'; // literal only: "-" in an accounting zero section
}

/** The code shows numbers its own way: neither empty nor General alone. */
export function isExplicitFormat(code: string | undefined): boolean {
  return code !== undefined && code.trim() !== '' && !/^general$/i.test(code.trim());
}

/** A currency symbol among the code's literals ("¥", "￥", "$", [$¥-804] …). */
export function hasCurrency(code: string | undefined): boolean {
  if (!code) return false;
  const sections = parse(code);
  return !!sections?.some((s) => s.kind === 'number' && s.tokens.some((t) => t.t === 'lit' && /[¥￥$€£₩]|CNY|RMB|元/.test(t.s)));
}

/**
 * `value` as `code` shows it to a reader whose Excel speaks `locale`; undefined when the code (or
 * the value) is beyond this renderer. Text and booleans pass through a text section (`@`), else
 * stay as they are. Month and day names (mmm, dddd …) are the reader's, as Excel takes them from
 * the system's language, unless the code names its own (`[$-409]` English, `[$-804]` Chinese).
 */
export function formatValue(value: FormatValue, code: string, locale: Locale): string | undefined {
  try {
    return render(value, code, locale);
  } catch {
    return undefined; // a code this renderer misreads is one it does not show
  }
}

function render(value: FormatValue, code: string, locale: Locale): string | undefined {
  const sections = parse(code);
  if (!sections || sections.length === 0) return undefined;
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'string') {
    const section = sections.length === 4 ? sections[3] : sections.length === 1 && sections[0].kind === 'text' ? sections[0] : undefined;
    if (!section) return undefined;
    return trim(section.tokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'text' ? value : '')).join(''));
  }
  if (!Number.isFinite(value)) return undefined;
  let section = sections[0];
  let n = value;
  let sign = '';
  if (value < 0 && sections.length >= 2 && sections[1].kind !== 'text') {
    section = sections[1];
    n = -value;
  } else if (value === 0 && sections.length >= 3 && sections[2].kind !== 'text') section = sections[2];
  else if (value < 0) {
    n = -value;
    sign = '-';
  }
  if (section.kind === 'text') return undefined;
  if (section.kind === 'date') return value < 0 ? undefined : withSign(sign, dateText(section.tokens, value, CALENDAR_NAMES[section.names ?? locale]));
  if (section.kind === 'general') {
    const g = general(n);
    return g === undefined ? undefined : withSign(sign, trim(section.tokens.map((t) => (t.t === 'lit' ? t.s : t.t === 'general' ? g : '')).join('')));
  }
  const out = numberText(section.tokens, n);
  if (out === undefined) return undefined;
  return withSign(sign, out); // -0.001 as 0.00 is "-0.00", as Excel shows it
}

const withSign = (sign: string, text: string | undefined) => (text === undefined ? undefined : sign + text);
const trim = (s: string) => s.replace(/^ +| +$/g, '');

/** General: up to 11 characters, as Excel's cells show a number in a standard-width column. */
function general(n: number): string | undefined {
  if (n === 0) return '0';
  if (n >= 1e11 || n < 1e-9) {
    const [m, e] = n.toExponential(5).split('e');
    const exp = Number(e);
    return `${m.replace(/\.?0+$/, '')}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const digits = Math.max(1, 10 - Math.max(0, Math.floor(Math.log10(n))));
  return String(Number(n.toFixed(Math.min(digits, 20))));
}

/** n (≥ 0) rounded half away from zero to `places` decimals: [integer digits, decimal digits]. */
function rounded(n: number, places: number): [string, string] | undefined {
  if (n >= 1e15) return places === 0 && n < 1e21 ? [n.toFixed(0), ''] : undefined;
  const exact = Number(n.toPrecision(15));
  const r = Math.round(Number(`${exact}e${places}`));
  if (!Number.isFinite(r) || r >= 1e21) return undefined;
  const s = r.toFixed(0).padStart(places + 1, '0');
  return [s.slice(0, s.length - places), s.slice(s.length - places)];
}

function numberText(tokens: Token[], value: number): string | undefined {
  const point = tokens.findIndex((t) => t.t === 'point');
  const lastDigit = tokens.reduce((at, t, i) => (t.t === 'digit' ? i : at), -1);
  const intEnd = point >= 0 ? point : lastDigit + 1;
  let n = value;
  let grouping = false;
  const firstDigit = tokens.findIndex((t) => t.t === 'digit');
  tokens.forEach((t, i) => {
    if (t.t === 'percent') n *= 100;
    if (t.t !== 'comma') return;
    if (!tokens.slice(0, i).some((x) => x.t === 'digit')) return; // a comma before any digit: nothing
    if (i < intEnd && tokens.slice(i + 1, intEnd).some((x) => x.t === 'digit')) grouping = true;
    else n /= 1000; // after the last integer digit ("#,##0,", "0.0,,"): ÷ 1,000 each
  });
  const decimals = point < 0 ? [] : (tokens.slice(point + 1).filter((t) => t.t === 'digit') as { t: 'digit'; c: string }[]);
  const parts = rounded(n, decimals.length);
  if (!parts) return undefined;
  let [int, frac] = parts;
  if (int === '0') int = '';

  // Integer placeholders, filled right to left; the leftmost takes every digit left over.
  const integer: string[] = [];
  const intTokens = tokens.slice(0, intEnd);
  const intDigits = intTokens.filter((t) => t.t === 'digit').length;
  const literalsInside = firstDigit >= 0 && intTokens.slice(firstDigit).some((t) => t.t === 'lit');
  if (grouping && literalsInside) return undefined;
  if (firstDigit >= 0 && tokens.slice(firstDigit, lastDigit).some((t) => t.t === 'lit' && t.s.includes('/'))) return undefined; // fractions
  let rest = int;
  let placed = 0;
  for (let i = intTokens.length - 1; i >= 0; i--) {
    const t = intTokens[i];
    if (t.t === 'digit') {
      placed++;
      let d = rest.slice(-1);
      rest = rest.slice(0, -1);
      if (placed === intDigits && rest) {
        d = rest + d;
        rest = '';
      }
      integer.unshift(d !== '' ? d : t.c === '0' ? '0' : t.c === '?' ? ' ' : '');
    } else if (t.t === 'lit') integer.unshift(firstDigit >= 0 && i > firstDigit ? t.s : `\u0000${t.s}`);
  }
  // Literals before the first placeholder come first, untouched by grouping.
  let prefix = '';
  let body = '';
  for (const piece of integer) {
    if (piece.startsWith('\u0000')) prefix += piece.slice(1);
    else body += piece;
  }
  if (rest) body = rest + body; // no integer placeholder at all ("#.00" is fine; ".00" alone is not)
  if (grouping) body = body.replace(/\d+/, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

  let fraction = '';
  if (point >= 0) {
    // Trailing optional places drop their zeros ('#': nothing, '?': a space).
    const shown = frac.split('');
    for (let i = shown.length - 1; i >= 0 && shown[i] === '0' && decimals[i].c !== '0'; i--) shown[i] = decimals[i].c === '?' ? ' ' : '';
    let k = 0;
    for (const t of tokens.slice(point + 1)) {
      if (t.t === 'digit') fraction += shown[k++];
      else if (t.t === 'lit') fraction += t.s;
      else if (t.t === 'percent') fraction += '%';
    }
    fraction = `.${fraction}`;
  }
  let suffix = '';
  if (point < 0) {
    for (const t of tokens.slice(intEnd)) {
      if (t.t === 'lit') suffix += t.s;
      else if (t.t === 'percent') suffix += '%';
    }
  }
  for (const t of intTokens) if (t.t === 'percent') prefix += '%';
  return trim(prefix + body + fraction + suffix);
}

/** Excel's serial (1900 system, with its 29 February 1900) → date and time parts. */
function dateParts(serial: number) {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days++;
    seconds = 0;
  }
  let y: number, m: number, d: number;
  if (days === 60) [y, m, d] = [1900, 2, 29];
  else if (days === 0) [y, m, d] = [1900, 1, 0]; // Excel's "1900-01-00"
  else {
    const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  const weekday = days === 0 ? 6 : (days + 6) % 7; // serial 1 (1900-01-01) is shown as a Sunday by Excel
  return { y, m, d, weekday, h: Math.floor(seconds / 3600), min: Math.floor(seconds / 60) % 60, s: seconds % 60 };
}

function dateText(tokens: Token[], serial: number, names: CalendarNames): string | undefined {
  if (serial >= 2958466) return undefined; // past 9999-12-31
  const p = dateParts(serial);
  const twelve = tokens.some((t) => t.t === 'ampm');
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = '';
  tokens.forEach((t, i) => {
    if (t.t === 'lit') out += t.s;
    else if (t.t === 'point') out += '.';
    else if (t.t === 'comma') out += ',';
    else if (t.t === 'ampm') out += t.s === '上午/下午' ? (p.h < 12 ? '上午' : '下午') : t.s === 'A/P' ? (p.h < 12 ? 'A' : 'P') : p.h < 12 ? 'AM' : 'PM';
    else if (t.t === 'date') {
      const s = t.s;
      if (s === 'm' || s === 'mm') {
        const prev = [...tokens.slice(0, i)].reverse().find((x) => x.t === 'date') as { s: string } | undefined;
        const next = tokens.slice(i + 1).find((x) => x.t === 'date') as { s: string } | undefined;
        const minutes = (prev && prev.s.startsWith('h')) || (next && next.s.startsWith('s'));
        const v = minutes ? p.min : p.m;
        out += s === 'mm' ? pad(v) : String(v);
      } else if (s === 'yyyy' || s === 'e') out += String(p.y);
      else if (s === 'yy') out += pad(p.y % 100);
      else if (s === 'mmm') out += names.shortMonths[p.m - 1];
      else if (s === 'mmmm') out += names.months[p.m - 1];
      else if (s === 'mmmmm') out += names.months[p.m - 1][0];
      else if (s === 'd') out += String(p.d);
      else if (s === 'dd') out += pad(p.d);
      else if (s === 'ddd') out += names.shortDays[p.weekday];
      else if (s === 'dddd') out += names.days[p.weekday];
      else if (s === 'h' || s === 'hh') {
        const h = twelve ? p.h % 12 || 12 : p.h;
        out += s === 'hh' ? pad(h) : String(h);
      } else if (s === 's') out += String(p.s);
      else if (s === 'ss') out += pad(p.s);
    }
  });
  return trim(out);
}
