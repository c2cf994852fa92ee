/**
 * A formula as Excel stores it → the text HyperFormula parses, for one cell:
 *   _xldudf_PERF_X(…)           → PERF.X(…)
 *   _xlfn. / _xlfn._xlws. names → the bare name when HyperFormula (or our plugins) computes it
 *   _xlfn.ANCHORARRAY(A2)       → the range A2's formula spills into now
 *   _xlfn.SINGLE(x)             → SINGLE(x) (implicit intersection, ./excel-functions)
 *   LET(_xlpm.x, v, body)       → body with x replaced by (v)
 *   Team[Sales], [@Sales]…      → the A1 area the table reference denotes
 *   TRUE / FALSE                → TRUE() / FALSE()
 * Anything else it cannot compute becomes PERFPLAN.UNSUPPORTED("…"): #NAME? with a message
 * naming it, never a parse error or a wrong number.
 */
import type { Area } from '../workbook/a1';
import { FormulaToken, tokenizeFormula } from '../workbook/formula-text';
import { referenceArea, splitSheetPrefix } from '../workbook/references';
import { FormulaPlace, StructuredReferenceError, TableModel, absoluteRef, resolveStructuredReference } from '../workbook/tables';
import { CellAddressError, parseAddress, toAddress } from '../workbook/a1';
import { LIMITS, LimitError } from '../workbook/limits';
import { CALC } from '../i18n/calc';
import { LocalizedError } from '../i18n/localized-error';
import { DEFAULT_LOCALE, Locale } from '../i18n/locale';
import { phrase, render } from '../i18n/text';
import { ERROR_LITERAL, UNSUPPORTED } from './excel-functions/plugin';

export interface TranslateContext {
  place: FormulaPlace;
  /** The language of the #NAME? messages written into the formula (the calculation's); en-US when none. */
  locale?: Locale;
  tables: readonly TableModel[];
  /** Upper-case function names HyperFormula and our plugins compute (PERF.X included). */
  knownFunctions: ReadonlySet<string>;
  /** The add-in namespaces whose _xldudf_ calls we compute. */
  addinNamespaces: readonly string[];
  /** The area the formula anchored at (sheet, row, col) currently spills into. */
  spillArea(sheet: string, row: number, col: number): Area;
  /**
   * For a range passed straight to an add-in function: the text that hands its constant
   * values over without a formula-graph cell per value (PERFPLAN.DATA(n)), or undefined to
   * keep the reference.
   */
  dataArgument?(sheet: string, area: Area): string | undefined;
  /**
   * For a large range inside an aggregate that ignores blanks (SUM, COUNT, …): the
   * references to the parts of it that hold data, so it costs what its data costs.
   */
  occupiedParts?(sheet: string, area: Area): Area[] | undefined;
  /** Refuses (LimitError) a reference the engine would have to walk cell by cell beyond the limit. */
  checkReference?(sheet: string, area: Area, text: string): void;
  /**
   * A defined name that stands for one area, seen from the formula's sheet: that area, so it is
   * written in place of the name. HyperFormula sizes an array (TRANSPOSE(Name), a PERF result
   * shaped by its arguments) only from references it can see.
   */
  namedArea?(name: string, sheet: string): { sheet: string; area: Area } | undefined;
}

/** Aggregates whose result does not change when blank cells are left out of a range. */
const BLANK_IGNORING_AGGREGATES = new Set([
  'SUM', 'COUNT', 'COUNTA', 'AVERAGE', 'AVERAGEA', 'MIN', 'MAX', 'MINA', 'MAXA', 'PRODUCT', 'SUMSQ',
  'STDEV', 'STDEV.S', 'STDEV.P', 'STDEVA', 'STDEVP', 'STDEVPA', 'VAR', 'VAR.S', 'VAR.P', 'VARA', 'VARP', 'VARPA',
  'MEDIAN', 'AVEDEV', 'DEVSQ', 'GEOMEAN', 'HARMEAN', 'MODE', 'MODE.SNGL',
]);

/** Ranges at least this large inside such an aggregate are narrowed to their occupied parts. */
const LARGE_RANGE_CELLS = 65_536;

export interface Translation {
  /** "=…" for HyperFormula. */
  text: string;
  /** The formula itself, without the wrapper that sizes it as Excel does (SIZE, FIT, SINGLE). */
  core?: string;
  /** The anchors this formula's `#` references read (for re-translation when they change size). */
  anchors: { sheet: string; row: number; col: number }[];
  /** Set when the formula cannot be computed (the message of its #NAME?, in the context's locale). */
  unsupported?: string;
}

/** What perfplan calc cannot compute: the formula becomes #NAME? with this message (texts: i18n/calc.ts). */
class Unsupported extends LocalizedError {}

const HF_ERRORS = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#REF!', '#VALUE!']);

/** Strips Excel's storage prefixes from a function name: "_xlfn._xlws.FILTER" → "FILTER". */
export function bareFunctionName(name: string): string {
  return name.replace(/^(?:_xlfn\.|_xlws\.)+/i, '').toUpperCase();
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function unsupportedFormula(message: string): string {
  return `=${UNSUPPORTED}(${quote(message)})`;
}

/** Index of the token closing the parenthesis opened at `open` (a function token's next token). */
function matchingClose(tokens: FormulaToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const kind = tokens[i].kind;
    if (kind === 'open' || kind === 'arrayOpen') depth++;
    else if (kind === 'close' || kind === 'arrayClose') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Unsupported(phrase(CALC.unbalanced));
}

/** The top-level arguments between `open` (an "(" token) and its close, as token slices. */
function splitArguments(tokens: FormulaToken[], open: number, close: number): FormulaToken[][] {
  const args: FormulaToken[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i];
    if (t.kind === 'open' || t.kind === 'arrayOpen') depth++;
    else if (t.kind === 'close' || t.kind === 'arrayClose') depth--;
    if (depth === 0 && t.kind === 'comma') args.push([]);
    else args[args.length - 1].push(t);
  }
  return args;
}

function significant(tokens: FormulaToken[]): FormulaToken[] {
  return tokens.filter((t) => t.kind !== 'space');
}

function parameterName(text: string): string {
  return text.replace(/^_xlpm\./i, '').toLowerCase();
}

/**
 * LET(_xlpm.a, va, _xlpm.b, vb, body) → body with each parameter replaced by its value in
 * parentheses, innermost scope first. Values are inlined, not shared: LET is an optimisation
 * and a naming device in Excel, and the functions our users put in it are deterministic.
 */
function inlineLet(tokens: FormulaToken[], env: ReadonlyMap<string, FormulaToken[]>): FormulaToken[] {
  const out: FormulaToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'function' && bareFunctionName(t.text) === 'LET') {
      const open = i + 1;
      const close = matchingClose(tokens, open);
      const args = splitArguments(tokens, open, close);
      if (args.length < 3 || args.length % 2 === 0) throw new Unsupported(phrase(CALC.letPairs));
      const scope = new Map(env);
      for (let a = 0; a + 1 < args.length; a += 2) {
        const name = significant(args[a]);
        if (name.length !== 1 || name[0].kind !== 'name') throw new Unsupported(phrase(CALC.letName));
        scope.set(parameterName(name[0].text), [{ kind: 'open', text: '(' }, ...inlineLet(args[a + 1], scope), { kind: 'close', text: ')' }]);
      }
      out.push({ kind: 'open', text: '(' }, ...inlineLet(args[args.length - 1], scope), { kind: 'close', text: ')' });
      i = close;
      continue;
    }
    if (t.kind === 'name') {
      const bound = env.get(parameterName(t.text));
      if (bound) {
        out.push(...bound);
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** "Sheet1!$A$2" / "A2" → the anchor cell it names. */
function anchorOf(reference: string, sheet: string): { sheet: string; row: number; col: number } {
  const { prefix, local } = splitSheetPrefix(reference);
  if (local.includes(':')) throw new Unsupported(phrase(CALC.anchorOfRange));
  const target = prefix ? prefix.slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : sheet;
  const { row, col } = parseAddress(local);
  return { sheet: target, row, col };
}

function areaText(sheet: string, area: Area): string {
  return hyperFormulaReference(absoluteRef(sheet, area));
}

/**
 * A reference as HyperFormula reads it: a sheet name with characters beyond ASCII quoted.
 * Excel stores 团队!A1 unquoted (and so does absoluteRef); HyperFormula reads only '团队'!A1.
 */
function hyperFormulaReference(reference: string): string {
  const { prefix, local } = splitSheetPrefix(reference);
  if (!prefix || prefix.startsWith("'") || prefix.startsWith('[') || /^[\x21-\x7e]*$/.test(prefix)) return reference;
  return `'${prefix.slice(0, -1).replace(/'/g, "''")}'!${local}`;
}

/** The area a lone reference or table reference argument denotes, if it is one. */
function argumentArea(arg: FormulaToken[], ctx: TranslateContext): { sheet: string; area: Area } | undefined {
  const only = significant(arg);
  if (only.length !== 1) return undefined;
  if (only[0].kind === 'reference') return referenceArea(only[0].text, ctx.place.sheet);
  if (only[0].kind === 'structured') {
    try {
      const { table, area } = resolveStructuredReference(only[0].text, ctx.tables, ctx.place);
      return { sheet: table.sheet, area };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Token index → replacement text, for the range arguments of the function call at `at`. */
function replaceArguments(tokens: FormulaToken[], at: number, ctx: TranslateContext, into: Map<number, string>, replace: (sheet: string, area: Area) => string | undefined): void {
  const close = matchingClose(tokens, at + 1);
  let depth = 0;
  let start = at + 2;
  for (let j = at + 2; j <= close; j++) {
    const kind = tokens[j].kind;
    if (j < close && (kind === 'open' || kind === 'arrayOpen')) depth++;
    else if (j < close && (kind === 'close' || kind === 'arrayClose')) depth--;
    if (j === close || (depth === 0 && kind === 'comma')) {
      const arg = tokens.slice(start, j);
      const found = argumentArea(arg, ctx);
      const replacement = found && replace(found.sheet, found.area);
      if (replacement) into.set(start + arg.findIndex((t) => t.kind !== 'space'), replacement);
      start = j + 1;
    }
  }
}

/** Deeper nesting than Excel allows (64 levels) is refused before anything recurses over it. */
function checkNesting(tokens: FormulaToken[], place: FormulaPlace): void {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'open' || t.kind === 'arrayOpen') {
      if (++depth > LIMITS.formulaNesting) {
        throw new LimitError(phrase(CALC.nesting, { cell: `${place.sheet}!${toAddress(place.row, place.col)}`, limit: LIMITS.formulaNesting }));
      }
    } else if (t.kind === 'close' || t.kind === 'arrayClose') depth--;
  }
}

export function translateFormula(stored: string, ctx: TranslateContext): Translation {
  const anchors: Translation['anchors'] = [];
  try {
    const raw = tokenizeFormula(stored);
    checkNesting(raw, ctx.place);
    const tokens = inlineLet(raw, new Map());
    const out: string[] = [];
    const replaced = new Map<number, string>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const replacement = replaced.get(i);
      if (replacement !== undefined) {
        out.push(replacement);
        continue;
      }
      switch (t.kind) {
        case 'function': {
          const name = bareFunctionName(t.text);
          const addin = /^_XLDUDF_([A-Z0-9]+)_(.+)$/i.exec(t.text);
          if (addin) {
            const namespace = addin[1].toUpperCase();
            const fn = `${namespace}.${addin[2].toUpperCase()}`;
            if (!ctx.addinNamespaces.includes(namespace)) throw new Unsupported(phrase(CALC.addinNotSupported, { name: fn }));
            if (!ctx.knownFunctions.has(fn)) throw new Unsupported(phrase(CALC.addinUnknown, { name: fn }));
            out.push(fn);
            if (ctx.dataArgument) replaceArguments(tokens, i, ctx, replaced, ctx.dataArgument);
            break;
          }
          const dot = name.indexOf('.');
          if (dot > 0 && ctx.addinNamespaces.includes(name.slice(0, dot))) {
            // The text "PERF.X(" in a file is not an add-in call: Excel shows #NAME? and never rebinds it.
            throw new Unsupported(phrase(CALC.storedAsText, { name, stored: `_xldudf_${name.replace('.', '_')}` }));
          }
          if (name === 'ANCHORARRAY') {
            const close = matchingClose(tokens, i + 1);
            const arg = significant(tokens.slice(i + 2, close));
            if (arg.length !== 1 || arg[0].kind !== 'reference') throw new Unsupported(phrase(CALC.anchorOnCell));
            const anchor = anchorOf(arg[0].text, ctx.place.sheet);
            anchors.push(anchor);
            out.push(areaText(anchor.sheet, ctx.spillArea(anchor.sheet, anchor.row, anchor.col)));
            i = close;
            break;
          }
          if (!ctx.knownFunctions.has(name)) throw new Unsupported(phrase(CALC.notSupported, { name }));
          out.push(name);
          if (ctx.occupiedParts && BLANK_IGNORING_AGGREGATES.has(name)) {
            const occupied = ctx.occupiedParts;
            replaceArguments(tokens, i, ctx, replaced, (sheet, area) => {
              if ((area.bottom - area.top + 1) * (area.right - area.left + 1) < LARGE_RANGE_CELLS) return undefined;
              const parts = occupied(sheet, area);
              if (!parts) return undefined;
              // Nothing there: one blank cell of the range keeps the aggregate's answer (0, or #DIV/0! for AVERAGE).
              const refs = parts.length > 0 ? parts : [{ top: area.top, left: area.left, bottom: area.top, right: area.left }];
              return refs.map((part) => areaText(sheet, part)).join(',');
            });
          }
          break;
        }
        case 'structured': {
          try {
            const { table, area } = resolveStructuredReference(t.text, ctx.tables, ctx.place);
            out.push(areaText(table.sheet, area));
          } catch (error) {
            if (!(error instanceof StructuredReferenceError)) throw error;
            out.push(error.code);
          }
          break;
        }
        case 'name': {
          if (/^_xlpm\./i.test(t.text)) throw new Unsupported(phrase(CALC.notSupported, { name: 'LAMBDA' }));
          const table = ctx.tables.find((tb) => tb.name.toLowerCase() === t.text.toLowerCase());
          if (table) {
            out.push(areaText(table.sheet, resolveStructuredReference(table.name, ctx.tables, ctx.place).area));
            break;
          }
          const named = ctx.namedArea?.(t.text, ctx.place.sheet);
          if (named) {
            out.push(areaText(named.sheet, named.area));
            break;
          }
          out.push(t.text);
          break;
        }
        case 'bool':
          out.push(`${t.text.toUpperCase()}()`);
          break;
        case 'error': {
          const code = t.text.toUpperCase();
          out.push(HF_ERRORS.has(code) ? code : `${ERROR_LITERAL}(${quote(code)})`);
          break;
        }
        case 'reference': {
          if (/^\[|\]/.test(t.text)) throw new Unsupported(phrase(CALC.externalLinks));
          // A sheet name cannot contain ":", so one in the prefix is a 3-D reference.
          if (splitSheetPrefix(t.text).prefix.includes(':')) {
            throw new Unsupported(phrase(CALC.threeD));
          }
          if (ctx.checkReference) {
            const found = referenceArea(t.text, ctx.place.sheet);
            if (found) ctx.checkReference(found.sheet, found.area, t.text);
          }
          out.push(hyperFormulaReference(t.text));
          break;
        }
        case 'spill':
          throw new Unsupported(phrase(CALC.bareSpill));
        case 'at':
          throw new Unsupported(phrase(CALC.bareAt));
        default:
          out.push(t.text);
      }
    }
    return { text: `=${out.join('')}`, anchors };
  } catch (error) {
    const locale = ctx.locale ?? DEFAULT_LOCALE;
    if (error instanceof Unsupported) {
      const message = error.localized(locale);
      return { text: unsupportedFormula(message), anchors, unsupported: message };
    }
    if (error instanceof CellAddressError) {
      const message = render(CALC.cannotRead, locale);
      return { text: unsupportedFormula(message), anchors, unsupported: message };
    }
    throw error;
  }
}
