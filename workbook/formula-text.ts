/**
 * Formula text as the user types it in Excel's formula bar (without the leading "=") versus
 * formula text as Excel stores it in an .xlsx file. The two differ in ways that break a file
 * when ignored (see shared platform facts, "Excel's file format"):
 *
 *   typed                     stored
 *   PERF.TIERED(…)            _xldudf_PERF_TIERED(…)     add-in call; `PERF.` in a file is #NAME?
 *   A2#                       _xlfn.ANCHORARRAY(A2)      spill reference
 *   @x                        _xlfn.SINGLE(x)            implicit intersection
 *   STDEV.S(…), FILTER(…)     _xlfn.STDEV.S(…), _xlfn._xlws.FILTER(…)   post-2007 functions
 *   LET(x, 1, x+1)            _xlfn.LET(_xlpm.x, 1, _xlpm.x+1)          LET/LAMBDA parameters
 *
 * Everything else (whitespace, case, string literals, structured references) is copied
 * verbatim. The two are exact inverses: toTypedFormula(toStoredFormula(t)) === t for what a
 * user types (no stored prefixes in it), and toStoredFormula(toTypedFormula(s)) === s for what
 * toStoredFormula writes. A stored prefix this module would not put back (`_xlfn.GROUPBY`, newer
 * than its list) is therefore kept visible instead of dropped.
 *
 * Pure TypeScript without Node APIs: it also runs in the add-in's browser runtime. Tokenizing
 * is one left-to-right pass with sticky regexes and each translation one more pass with an
 * explicit bracket stack: linear in the formula's length, no recursion, because it runs over
 * every formula of large (and possibly hostile) workbooks.
 */
import { futurePrefix } from './future-functions';

export type TokenKind =
  | 'string' // "text" with "" escapes, kept verbatim
  | 'number' // 1, 1.5, 1e-3, .5
  | 'bool' // TRUE / FALSE when not a function call
  | 'error' // #DIV/0!, #N/A, #NAME?, …
  | 'function' // a name immediately followed by "(" — text is the name without the paren
  | 'reference' // A1, $A$1, A1:B9, A:A, $1:$3, Sheet1!A1, 'My Sheet'!A1:B2, [1]Sheet1!A1, Sheet1!#REF!
  | 'structured' // Table1[Col], [@Col], Table1[[#This Row],[Col]], … nested brackets included
  | 'name' // defined names, LET/LAMBDA parameters, Sheet1!Rate
  | 'operator' // + - * / ^ & = <> <= >= < > % : (and any character no other kind claims)
  | 'spill' // postfix # after a reference or name (A2#)
  | 'at' // prefix @ (implicit intersection) outside structured references
  | 'open'
  | 'close'
  | 'comma'
  | 'semicolon'
  | 'arrayOpen'
  | 'arrayClose'
  | 'space'; // runs of whitespace/newlines, kept verbatim

export interface FormulaToken {
  kind: TokenKind;
  text: string;
}

export interface StoreOptions {
  /** Office JS custom-function namespaces whose calls Excel stores as `_xldudf_<NS>_<NAME>(`. Default ['PERF']. */
  addinNamespaces?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------------

// Characters of an Excel name: letters (any script), digits, _ . ? \ — Excel's own rule. The
// start excludes digits, "." and "?".
const NAME_START = 'A-Za-z_\\\\\\u00A1-\\uFFFF';
const NAME_CHAR = '\\w.?\\\\\\u00A1-\\uFFFF';
// A cell-like match followed by one of these is part of a longer name (A1B), a function (LOG10(),
// or a table (T1[…]) instead.
const NOT_NAME_CONTINUATION = `(?![${NAME_CHAR}(\\[])`;

// All sticky (y): matched only at the scan position, so no scan ever searches ahead.
const WHITESPACE = /[ \t\r\n]+/y;
const STRING = /"(?:[^"]|"")*"?/y; // an unterminated string runs to the end (lossless)
const QUOTED = /'(?:[^']|'')*'?/y;
const ERROR =
  /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)/iy;
const REF_ERROR = /#REF!/iy; // what Excel leaves of a deleted reference: Sheet1!#REF!
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATOR = /<>|<=|>=|[-+*/^&=<>%:]/y;
const WORD = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y');
// The part before "!": optional [workbook], then 'quoted sheet' or Sheet or Sheet1:Sheet3.
const UNQUOTED_SHEET = `[${NAME_START}][\\w.\\\\\\u00A1-\\uFFFF]*`;
const SHEET_PREFIX = new RegExp(
  `(?:\\[[^\\[\\]]*\\])?(?:'(?:[^']|'')*'|${UNQUOTED_SHEET}(?::${UNQUOTED_SHEET})?)?!`,
  'y',
);
const CELL = new RegExp(`\\$?([A-Za-z]{1,3})\\$?(\\d+)${NOT_NAME_CONTINUATION}`, 'y');
const CELL_RANGE = new RegExp(
  `\\$?([A-Za-z]{1,3})\\$?(\\d+):\\$?([A-Za-z]{1,3})\\$?(\\d+)${NOT_NAME_CONTINUATION}`,
  'y',
);
const COLUMN_RANGE = new RegExp(`\\$?([A-Za-z]{1,3}):\\$?([A-Za-z]{1,3})${NOT_NAME_CONTINUATION}`, 'y');
const ROW_RANGE = new RegExp(`\\$?(\\d+):\\$?(\\d+)${NOT_NAME_CONTINUATION}`, 'y');

const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;

/** End of `re`'s match at `at`, or -1. */
function matchEnd(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex : -1;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let k = 0; k < letters.length; k++) n = n * 26 + ((letters.charCodeAt(k) | 32) - 96);
  return n;
}

const columnOk = (letters: string) => columnNumber(letters) <= MAX_COLUMN;
const rowOk = (digits: string) => {
  const r = Number(digits);
  return r >= 1 && r <= MAX_ROW;
};

/**
 * End of a cell, cell range, column range or row range at `at`, or -1. A cell-like word beyond
 * Excel's grid (XFE1, A0) is a valid defined name, so the bounds decide.
 */
function matchCellReference(s: string, at: number): number {
  let m: RegExpExecArray | null;
  CELL_RANGE.lastIndex = at;
  if ((m = CELL_RANGE.exec(s)) && columnOk(m[1]) && rowOk(m[2]) && columnOk(m[3]) && rowOk(m[4])) {
    return CELL_RANGE.lastIndex;
  }
  COLUMN_RANGE.lastIndex = at;
  if ((m = COLUMN_RANGE.exec(s)) && columnOk(m[1]) && columnOk(m[2])) return COLUMN_RANGE.lastIndex;
  ROW_RANGE.lastIndex = at;
  if ((m = ROW_RANGE.exec(s)) && rowOk(m[1]) && rowOk(m[2])) return ROW_RANGE.lastIndex;
  CELL.lastIndex = at;
  if ((m = CELL.exec(s)) && columnOk(m[1]) && rowOk(m[2])) return CELL.lastIndex;
  return -1;
}

/** End of the bracket group opening at `at` (s[at] === '['); ' escapes the next character. */
function bracketGroupEnd(s: string, at: number): number {
  let depth = 0;
  for (let k = at; k < s.length; k++) {
    const ch = s[k];
    if (ch === "'") k++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return k + 1;
  }
  return s.length; // unterminated: the rest of the formula (lossless)
}

/**
 * An operand starting at `at`: reference, name, function, bool, structured reference or number.
 * Returns [kind, end] or undefined when no operand starts here.
 */
function scanOperand(s: string, at: number): [TokenKind, number] | undefined {
  const prefixEnd = matchEnd(SHEET_PREFIX, s, at);
  const prefixed = prefixEnd > at + 1; // a lone "!" is no prefix
  const start = prefixed ? prefixEnd : at;

  let end = matchCellReference(s, start);
  if (end > 0) return ['reference', end];
  if (prefixed && (end = matchEnd(REF_ERROR, s, start)) > 0) return ['reference', end];

  end = matchEnd(WORD, s, start);
  if (end > 0) {
    if (prefixed) return ['name', end]; // Sheet1!Rate
    const next = s[end];
    if (next === '(') return ['function', end];
    if (next === '[') return ['structured', bracketGroupEnd(s, end)]; // Table1[…]
    const upper = s.slice(start, end).toUpperCase();
    return [upper === 'TRUE' || upper === 'FALSE' ? 'bool' : 'name', end];
  }
  if (prefixed) return ['name', prefixEnd]; // a prefix with nothing usable after it
  const ch = s[at];
  if (ch === '[') return ['structured', bracketGroupEnd(s, at)]; // [Col], [@Col], [#Totals]
  if (ch === "'") return ['name', matchEnd(QUOTED, s, at)]; // a quote that is no sheet prefix
  if ((end = matchEnd(NUMBER, s, at)) > 0) return ['number', end];
  return undefined;
}

const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  ';': 'semicolon',
  '{': 'arrayOpen',
  '}': 'arrayClose',
  '@': 'at',
};

/** Splits a formula into tokens; lossless: joinTokens(tokenizeFormula(f)) === f for any string. */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  const s = formula;
  let at = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: s.slice(at, end) });
    at = end;
  };
  while (at < s.length) {
    const ch = s[at];
    let end: number;
    if ((end = matchEnd(WHITESPACE, s, at)) > 0) push('space', end);
    else if (ch === '"') push('string', matchEnd(STRING, s, at));
    else if (ch === '#') {
      // Right after a reference or name (no space can sit between: that would be a 'space'
      // token) "#" is the spill postfix; elsewhere it starts an error value.
      const prev = tokens.length > 0 ? tokens[tokens.length - 1].kind : undefined;
      if (prev === 'reference' || prev === 'name') push('spill', at + 1);
      else if ((end = matchEnd(ERROR, s, at)) > 0) push('error', end);
      else push('spill', at + 1); // a stray "#": kept as its own token, never translated
    } else if (PUNCTUATION[ch] !== undefined) push(PUNCTUATION[ch], at + 1);
    else {
      const operand = scanOperand(s, at);
      if (operand) push(operand[0], operand[1]);
      else if ((end = matchEnd(OPERATOR, s, at)) > 0) push('operator', end);
      else push('operator', at + 1); // a character Excel would reject: kept, never translated
    }
  }
  return tokens;
}

export function joinTokens(tokens: FormulaToken[]): string {
  let out = '';
  for (const t of tokens) out += t.text;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bracket structure: which opener each closer matches, how many arguments each call has
// ---------------------------------------------------------------------------------------------

/**
 * One pass with a stack (no recursion: a hostile file may nest thousands deep). A closer matches
 * the innermost opener of its own kind; a stray one matches nothing and stays an ordinary token.
 * A comma separates arguments only when the innermost opener is a call's "(" — inside a plain
 * "(…)" it is the union operator, inside "{…}" an array separator.
 */
interface Structure {
  partner: Int32Array; // opener ↔ closer index, -1 when unmatched
  argCount: Int32Array; // at a call's "(": its number of arguments; 0 for other tokens
}

function bracketStructure(tokens: FormulaToken[]): Structure {
  const partner = new Int32Array(tokens.length).fill(-1);
  const argCount = new Int32Array(tokens.length);
  const openers: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i].kind;
    if (kind === 'open' || kind === 'arrayOpen') {
      openers.push(i);
      if (kind === 'open' && i > 0 && tokens[i - 1].kind === 'function') argCount[i] = 1;
    } else if (kind === 'close' || kind === 'arrayClose') {
      const top = openers[openers.length - 1];
      if (top !== undefined && tokens[top].kind === (kind === 'close' ? 'open' : 'arrayOpen')) {
        partner[top] = i;
        partner[i] = top;
        openers.pop();
      }
    } else if (kind === 'comma') {
      const top = openers[openers.length - 1];
      if (top !== undefined && argCount[top] > 0) argCount[top]++;
    }
  }
  return { partner, argCount };
}

const SINGLE_TOKEN_PRIMARY: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'reference',
  'name',
  'structured',
  'number',
  'string',
  'bool',
  'error',
]);

const isReferenceOrName = (t: FormulaToken | undefined): boolean =>
  t !== undefined && (t.kind === 'reference' || t.kind === 'name');

/**
 * Whether tokens[start, end) are exactly one primary — one operand token, one call or one
 * bracketed group: what "@" applies to, and what `_xlfn.SINGLE(x)` may show as `@x`.
 */
function isSinglePrimary(tokens: FormulaToken[], partner: Int32Array, start: number, end: number): boolean {
  const t = tokens[start];
  if (SINGLE_TOKEN_PRIMARY.has(t.kind)) return start + 1 === end;
  if (t.kind === 'function') return partner[start + 1] + 1 === end;
  if (t.kind === 'open' || t.kind === 'arrayOpen') return partner[start] + 1 === end;
  return false;
}

// ---------------------------------------------------------------------------------------------
// LET / LAMBDA scopes
// ---------------------------------------------------------------------------------------------

/** The parameter names visible at a point, innermost first (a linked list: scopes are small). */
interface Scope {
  name: string; // lower-case, without _xlpm.
  parent: Scope | null;
}

const PARAM_PREFIX = '_xlpm.';

/** A parameter's identity: Excel names are case-insensitive; the stored prefix is not part of it. */
function bareName(text: string): string {
  const lower = text.toLowerCase();
  return lower.startsWith(PARAM_PREFIX) ? lower.slice(PARAM_PREFIX.length) : lower;
}

function inScope(scope: Scope | null, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.name === name) return true;
  return false;
}

/** 'LET' or 'LAMBDA' for those calls in either form (LET( or _xlfn.LET(), else undefined. */
function binder(fn: string): 'LET' | 'LAMBDA' | undefined {
  const upper = fn.toUpperCase();
  const bare = upper.startsWith('_XLFN.') ? upper.slice(6) : upper;
  return bare === 'LET' || bare === 'LAMBDA' ? bare : undefined;
}

/** An open bracket while translating: a call's "(", a plain "(" or an array's "{". */
interface Frame {
  call: boolean; // its commas separate arguments
  binder: 'LET' | 'LAMBDA' | undefined;
  argCount: number;
  arg: number; // index of the argument being read
  scope: Scope | null; // parameters visible in that argument
  closeWith: string | undefined; // what to write for its closer (undefined: the closer itself)
}

function openFrame(
  tokens: FormulaToken[],
  structure: Structure,
  open: number,
  scope: Scope | null,
  closeWith?: string,
): Frame {
  const call = structure.argCount[open] > 0;
  const frame: Frame = {
    call,
    binder: call ? binder(tokens[open - 1].text) : undefined,
    argCount: structure.argCount[open],
    arg: 0,
    scope,
    closeWith,
  };
  declareParameter(frame, tokens, open + 1);
  return frame;
}

/**
 * Called where each argument starts. LET(n1, v1, n2, v2, …, calc): the names are the arguments
 * at even positions before the last; LAMBDA(p1, …, body): every argument but the last. A
 * declaration is one plain name (spaces around allowed); it is bound from its own position on,
 * so the declaration itself and every later argument see it. Nested declarations only add to
 * the chain: whichever binds a name, its uses get the same _xlpm. prefix.
 */
function declareParameter(frame: Frame, tokens: FormulaToken[], start: number): void {
  if (!frame.binder || frame.arg >= frame.argCount - 1) return;
  if (frame.binder === 'LET' && frame.arg % 2 !== 0) return;
  let k = start;
  while (tokens[k]?.kind === 'space') k++;
  const name = tokens[k];
  if (name?.kind !== 'name' || name.text.includes('!')) return;
  k++;
  while (tokens[k]?.kind === 'space') k++;
  const after = tokens[k]?.kind;
  if (after === undefined || after === 'comma' || after === 'close') {
    frame.scope = { name: bareName(name.text), parent: frame.scope };
  }
}

// ---------------------------------------------------------------------------------------------
// Function and parameter names
// ---------------------------------------------------------------------------------------------

const XLFN = '_xlfn.';
const XLWS = '_xlfn._xlws.';
const UDF = '_xldudf_';
const STORED_PREFIXES = [XLFN, '_xlws.', PARAM_PREFIX, UDF];

function hasStoredPrefix(text: string): boolean {
  const lower = text.toLowerCase();
  return STORED_PREFIXES.some((p) => lower.startsWith(p));
}

const DEFAULT_NAMESPACES: readonly string[] = ['PERF'];

/** Upper-case, longest first (so a namespace that begins another cannot steal its calls). */
function normalizeNamespaces(options?: StoreOptions): readonly string[] {
  const list = options?.addinNamespaces;
  if (list === undefined) return DEFAULT_NAMESPACES;
  return [...new Set(list.map((ns) => ns.toUpperCase()))].filter((ns) => ns !== '').sort((a, b) => b.length - a.length);
}

/** A bound parameter (or a call of one) gets _xlpm.; anything else is left as typed. */
function storedName(t: FormulaToken, scope: Scope | null): string {
  if (t.kind !== 'name' || t.text.includes('!') || !inScope(scope, bareName(t.text))) return t.text;
  return t.text.toLowerCase().startsWith(PARAM_PREFIX) ? t.text : PARAM_PREFIX + t.text;
}

function typedName(t: FormulaToken, scope: Scope | null): string {
  return t.kind === 'name' && t.text.startsWith(PARAM_PREFIX) && inScope(scope, bareName(t.text))
    ? t.text.slice(PARAM_PREFIX.length)
    : t.text;
}

function storedFunctionName(text: string, scope: Scope | null, namespaces: readonly string[]): string {
  // A LET/LAMBDA-bound function value called by name: LET(f, LAMBDA(…), f(3)).
  if (inScope(scope, bareName(text))) return storedName({ kind: 'name', text }, scope);
  if (hasStoredPrefix(text)) return text; // already in stored form: leave it alone
  // Excel's own functions win over an add-in namespace that happens to look like one (T.TEST).
  const prefix = futurePrefix(text);
  if (prefix !== undefined) return prefix + text;
  const dot = text.indexOf('.');
  if (dot > 0 && dot < text.length - 1 && namespaces.includes(text.slice(0, dot).toUpperCase())) {
    return UDF + text.slice(0, dot) + '_' + text.slice(dot + 1);
  }
  return text;
}

function typedFunctionName(text: string, scope: Scope | null, namespaces: readonly string[]): string {
  if (text.startsWith(PARAM_PREFIX)) return typedName({ kind: 'name', text }, scope);
  if (text.startsWith(UDF)) {
    const rest = text.slice(UDF.length);
    for (const ns of namespaces) {
      if (rest.length > ns.length + 1 && rest[ns.length] === '_' && rest.slice(0, ns.length).toUpperCase() === ns) {
        return rest.slice(0, ns.length) + '.' + rest.slice(ns.length + 1);
      }
    }
    return text; // another add-in's function: shown as stored, as Excel would
  }
  // Only a prefix that storing would put back is dropped. A name Excel added after our list
  // (_xlfn.GROUPBY) stays visible with its prefix, so saving the formula again cannot lose it.
  for (const prefix of [XLWS, XLFN]) {
    if (text.startsWith(prefix)) {
      const bare = text.slice(prefix.length);
      if (futurePrefix(bare) === prefix) return bare;
    }
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// The two translations: one left-to-right pass each, an explicit stack of open brackets
// ---------------------------------------------------------------------------------------------

const BRACKET_OR_COMMA: ReadonlySet<TokenKind> = new Set<TokenKind>(['open', 'arrayOpen', 'close', 'arrayClose', 'comma']);

/**
 * Brackets and commas are handled the same way in both directions: an opener pushes its frame
 * (`closeWith`: what its closer writes instead of itself), a closer pops it, a comma moves the
 * innermost call on to its next argument.
 */
function bracketOrComma(tokens: FormulaToken[], i: number, structure: Structure, frames: Frame[], scope: Scope | null, closeWith?: string): string {
  const t = tokens[i];
  if (t.kind === 'open' || t.kind === 'arrayOpen') {
    frames.push(openFrame(tokens, structure, i, scope, closeWith));
    return t.text;
  }
  if (t.kind === 'comma') {
    const top = frames[frames.length - 1];
    if (top?.call) {
      top.arg++;
      declareParameter(top, tokens, i + 1);
    }
    return t.text;
  }
  // A matched closer ends the innermost frame (the stack rules are bracketStructure's).
  if (structure.partner[i] < 0) return t.text;
  return frames.pop()!.closeWith ?? t.text;
}

function storeTokens(tokens: FormulaToken[], namespaces: readonly string[]): string {
  const structure = bracketStructure(tokens);
  const { partner } = structure;
  const frames: Frame[] = [];
  const scope = () => (frames.length > 0 ? frames[frames.length - 1].scope : null);
  let wrapNext = false; // the next opener's closer also closes a `_xlfn.SINGLE(` written for "@"
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (BRACKET_OR_COMMA.has(t.kind)) {
      // wrapNext is only ever set just before an opener, so this is the one it was set for.
      out += bracketOrComma(tokens, i, structure, frames, scope(), wrapNext ? (t.kind === 'open' ? '))' : '})') : undefined);
      wrapNext = false;
      continue;
    }
    switch (t.kind) {
      case 'function': {
        // Always followed by its "(" (that is what makes it a function token).
        out += storedFunctionName(t.text, scope(), namespaces) + '(';
        frames.push(openFrame(tokens, structure, i + 1, scope(), wrapNext ? '))' : undefined));
        wrapNext = false;
        i++;
        break;
      }
      case 'reference':
      case 'name':
        if (next?.kind === 'spill') {
          out += XLFN + 'ANCHORARRAY(' + storedName(t, scope()) + ')';
          i++;
        } else out += storedName(t, scope());
        break;
      case 'at':
        // "@" applies to the primary right after it; a spill reference counts as one.
        if (next && SINGLE_TOKEN_PRIMARY.has(next.kind)) {
          const spill = isReferenceOrName(next) && tokens[i + 2]?.kind === 'spill';
          const inner = storedName(next, scope());
          out += XLFN + 'SINGLE(' + (spill ? XLFN + 'ANCHORARRAY(' + inner + ')' : inner) + ')';
          i += spill ? 2 : 1;
        } else if (
          (next?.kind === 'function' && partner[i + 2] >= 0) ||
          ((next?.kind === 'open' || next?.kind === 'arrayOpen') && partner[i + 1] >= 0)
        ) {
          out += XLFN + 'SINGLE(';
          wrapNext = true;
        } else out += t.text; // nothing it can apply to: kept as typed
        break;
      default:
        out += t.text;
    }
  }
  return out;
}

function typeTokens(tokens: FormulaToken[], namespaces: readonly string[]): string {
  const structure = bracketStructure(tokens);
  const { partner, argCount } = structure;
  const frames: Frame[] = [];
  const scope = () => (frames.length > 0 ? frames[frames.length - 1].scope : null);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (BRACKET_OR_COMMA.has(t.kind)) {
      out += bracketOrComma(tokens, i, structure, frames, scope());
      continue;
    }
    switch (t.kind) {
      case 'function': {
        const open = i + 1;
        const close = partner[open];
        // Exact names only: these are what storing writes, so the round trip stays exact.
        if (t.text === XLFN + 'ANCHORARRAY' && isReferenceOrName(tokens[i + 2]) && close === i + 3) {
          out += typedName(tokens[i + 2], scope()) + '#';
          i += 3;
          break;
        }
        if (t.text === XLFN + 'SINGLE' && close > open + 1 && argCount[open] === 1) {
          // `@x` for one primary; any other argument is shown parenthesised: `@(a+b)`.
          const single = isSinglePrimary(tokens, partner, open + 1, close);
          out += single ? '@' : '@(';
          frames.push(openFrame(tokens, structure, open, scope(), single ? '' : undefined));
          i++;
          break;
        }
        out += typedFunctionName(t.text, scope(), namespaces) + '(';
        frames.push(openFrame(tokens, structure, open, scope()));
        i++;
        break;
      }
      case 'name':
        out += typedName(t, scope());
        break;
      default:
        out += t.text;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** What a user typed (formula bar, without "=") → the formula text Excel stores in the file. */
export function toStoredFormula(typed: string, options?: StoreOptions): string {
  // Every rule needs a call, a "#" or an "@": most formulas (A1*2) pass untouched and fast.
  if (!/[(#@]/.test(typed)) return typed;
  return storeTokens(tokenizeFormula(typed), normalizeNamespaces(options));
}

/**
 * Formula text from a file → what Excel shows in the formula bar. `options.addinNamespaces`
 * names the add-ins whose `_xldudf_` calls show as `NS.NAME(` (default ['PERF']).
 */
export function toTypedFormula(stored: string, options?: StoreOptions): string {
  // Every stored form this undoes starts with "_xl" (_xlfn. _xlpm. _xldudf_).
  if (!stored.includes('_xl')) return stored;
  return typeTokens(tokenizeFormula(stored), normalizeNamespaces(options));
}
