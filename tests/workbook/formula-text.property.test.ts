/**
 * Properties of the formula text layer over formulas generated from a grammar of what a user
 * types in Excel: storing then reading gives back the typed text, reading then storing gives
 * back the stored text, and nothing Excel cannot read (a `PERF.` call, a `#` spill postfix, an
 * `@` operator) survives into the stored form.
 */
import fc from 'fast-check';
import { joinTokens, toStoredFormula, toTypedFormula, tokenizeFormula } from '../../workbook/formula-text';
import { FUTURE_FUNCTIONS } from '../../workbook/future-functions';
import { STRUCTURED_REFERENCES } from './support/structured-references';

const ws = fc.constantFrom('', '', '', ' ', '  ', '\n', '\r\n\t');

const number = fc.constantFrom('0', '1', '42', '2.5', '.5', '1.', '1e-3', '1E+10');
// Text that would be translated if it were not inside a string literal.
const string = fc.constantFrom(
  '""',
  '"plain"',
  '"PERF.X("',
  '"PERF.TIERED(A1)"',
  '"A2#"',
  '"@x"',
  '"say ""hi"""',
  '"_xlfn.SINGLE(A1)"',
  '"_xldudf_PERF_X(1)"',
  '"LET(x, 1, x)"',
  '"\'It\'\'s\'!A1"',
  '"[@Col]"',
);
const bool = fc.constantFrom('TRUE', 'FALSE', 'true');
const error = fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#NAME?', '#NULL!', '#NUM!', '#VALUE!', '#SPILL!', '#CALC!', '#GETTING_DATA');

const sheet = fc.constantFrom('', '', 'Sheet1!', "'My Sheet'!", "'It''s'!", 'Sheet1:Sheet3!', '[1]Sheet1!', "'[Budget.xlsx]Plan 2'!");
const cell = fc.constantFrom('A1', '$B$2', 'c3', '$A2', 'AB$10', 'XFD1048576');
const area = fc.constantFrom('A1:B9', '$A$1:$C$3', 'A:A', '$B:$D', '1:1', '$1:$3');
const reference = fc.tuple(sheet, fc.oneof(cell, area)).map(([s, r]) => s + r);
// A few names are also LET/LAMBDA parameters below, so both bound and free uses occur.
const paramName = fc.constantFrom('x', 'y', 'rate', 'acc', 'Total_Cost', 'bonus.pct', 'Größe', '_tmp', 'v2x');
const definedName = fc.oneof(paramName, fc.constantFrom('Tiers', 'Sheet1!Rate', "'My Sheet'!Budget"));
const structured = fc.constantFrom(...STRUCTURED_REFERENCES);
// Spill postfix on a cell (any sheet) or a name.
const spill = fc.oneof(fc.tuple(sheet, cell).map(([s, c]) => `${s}${c}#`), paramName.map((n) => `${n}#`));

const plainFunction = fc.constantFrom('SUM', 'IF', 'INDEX', 'ROUND', 'LOG10', 'AND', 'VLOOKUP', 'NA', 'sum');
// Every listed future function except those the # / @ / LET / LAMBDA rules produce themselves.
// FILTER and SORT (the _xlws ones) and a few common ones are drawn more often than 1 in 150.
const futureFunction = fc
  .oneof(
    fc.constantFrom(...Object.keys(FUTURE_FUNCTIONS).filter((f) => !['SINGLE', 'ANCHORARRAY', 'LET', 'LAMBDA'].includes(f))),
    fc.constantFrom('FILTER', 'SORT', 'UNIQUE', 'XLOOKUP', 'WORKDAY.INTL'),
  )
  .chain((f) => fc.constantFrom(f, f.toLowerCase()));
const perfFunction = fc.constantFrom('PERF.TIERED', 'PERF.PAYOUT', 'PERF.SCORECARD', 'perf.Tiered');
const binaryOperator = fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<=', '>=', '<', '>');

/** Arguments joined by commas, each with optional whitespace around it. */
const argList = (arg: fc.Arbitrary<string>, min: number, max: number) =>
  fc.array(fc.tuple(ws, arg, ws), { minLength: min, maxLength: max }).map((args) => args.map(([a, b, c]) => a + b + c).join(','));

const { expr } = fc.letrec<{ expr: string; primary: string; call: string; letCall: string; lambda: string; array: string }>(
  (tie) => ({
    expr: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'formula' },
      tie('primary'),
      fc.tuple(tie('expr'), ws, binaryOperator, ws, tie('expr')).map((p) => p.join('')),
      tie('expr').map((e) => `-${e}`),
      tie('expr').map((e) => `${e}%`),
    ),
    primary: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'formula' },
      number,
      string,
      bool,
      error,
      reference,
      definedName,
      structured,
      spill,
      tie('array'),
      tie('call'),
      tie('expr').map((e) => `(${e})`),
      // "@" on a primary: reference, name, spill, call or parenthesised expression.
      fc.oneof(reference, definedName, spill, structured, tie('call'), tie('expr').map((e) => `(${e})`)).map((p) => `@${p}`),
      tie('letCall'),
      tie('lambda'),
    ),
    call: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'formula' },
      fc.tuple(fc.oneof(plainFunction, futureFunction, perfFunction), argList(tie('expr'), 0, 3)).map(([f, a]) => `${f}(${a})`),
    ),
    // LET(name, value, [name, value,] calc): names from the same pool the expressions use.
    letCall: fc
      .tuple(fc.array(fc.tuple(ws, paramName, ws, tie('expr')), { minLength: 1, maxLength: 3 }), ws, tie('expr'))
      .map(([pairs, w, calc]) => `LET(${pairs.map(([a, n, b, v]) => `${a}${n},${b}${v}`).join(',')},${w}${calc})`),
    // LAMBDA(p, …, body), sometimes called right away: LAMBDA(x, x+1)(2).
    lambda: fc
      .tuple(fc.uniqueArray(paramName, { minLength: 0, maxLength: 3 }), tie('expr'), fc.option(argList(tie('expr'), 1, 2)))
      .map(([params, body, call]) => `LAMBDA(${[...params, body].join(', ')})${call === null ? '' : `(${call})`}`),
    array: fc
      .array(fc.array(fc.oneof(number, number.map((n) => `-${n}`), string, bool, error), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((rows) => `{${rows.map((r) => r.join(',')).join(';')}}`),
  }),
);

/** The stored formula's tokens outside string literals. */
const codeTokens = (formula: string) => tokenizeFormula(formula).filter((t) => t.kind !== 'string');

const RUNS = { numRuns: 3000 };

/** `check` holds for RUNS values drawn from `values` (it throws, through expect, where it does not). */
function forAll<T>(values: fc.Arbitrary<T>, check: (value: T) => void): void {
  fc.assert(fc.property(values, check), RUNS);
}

describe('formula text properties (typed-formula grammar)', () => {
  it('tokenizes typed and stored formulas losslessly', () => {
    forAll(expr, (typed) => {
      expect(joinTokens(tokenizeFormula(typed))).toBe(typed);
      const stored = toStoredFormula(typed);
      expect(joinTokens(tokenizeFormula(stored))).toBe(stored);
    });
  });

  it('toTypedFormula(toStoredFormula(t)) === t', () => {
    forAll(expr, (typed) => {
      expect(toTypedFormula(toStoredFormula(typed))).toBe(typed);
    });
  });

  it('toStoredFormula(toTypedFormula(s)) === s for every stored s', () => {
    forAll(expr, (typed) => {
      const stored = toStoredFormula(typed);
      expect(toStoredFormula(toTypedFormula(stored))).toBe(stored);
    });
  });

  it('storing a stored formula again changes nothing', () => {
    forAll(expr, (typed) => {
      const stored = toStoredFormula(typed);
      expect(toStoredFormula(stored)).toBe(stored);
    });
  });

  it('leaves no PERF. call, # spill postfix or @ operator in the stored form', () => {
    forAll(expr, (typed) => {
      for (const t of codeTokens(toStoredFormula(typed))) {
        expect(t.text.toUpperCase()).not.toContain('PERF.');
        expect(t.kind).not.toBe('spill');
        expect(t.kind).not.toBe('at');
      }
    });
  });

  it('copies string literals verbatim, in order', () => {
    forAll(expr, (typed) => {
      const strings = (f: string) => tokenizeFormula(f).filter((t) => t.kind === 'string').map((t) => t.text);
      expect(strings(toStoredFormula(typed))).toEqual(strings(typed));
    });
  });
});

describe('formula text properties (any string)', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...'A1$:!\'"#@[](){},;+-*/^&=<>% _.xlfnpmSINGLE'.split('')), maxLength: 60 }),
  );

  it('tokenizes anything losslessly, without empty tokens', () => {
    forAll(anyText, (text) => {
      const tokens = tokenizeFormula(text);
      expect(joinTokens(tokens)).toBe(text);
      for (const t of tokens) expect(t.text).not.toBe('');
    });
  });

  it('translates anything without throwing', () => {
    forAll(anyText, (text) => {
      expect(typeof toStoredFormula(text)).toBe('string');
      expect(typeof toTypedFormula(text)).toBe('string');
    });
  });
});
