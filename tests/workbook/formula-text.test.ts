/**
 * The formula text layer: what a user types in Excel's formula bar versus what Excel stores in
 * an .xlsx. Each `describe` reads as the specification of one rule, both directions.
 */
import {
  FormulaToken,
  joinTokens,
  toStoredFormula,
  toTypedFormula,
  tokenizeFormula,
} from '../../workbook/formula-text';
import { FUTURE_FUNCTIONS, futurePrefix } from '../../workbook/future-functions';
import { STRUCTURED_REFERENCES } from './support/structured-references';

/** The tokens without whitespace, as "kind:text" — compact to compare. */
const kinds = (formula: string): string[] =>
  tokenizeFormula(formula)
    .filter((t) => t.kind !== 'space')
    .map((t) => `${t.kind}:${t.text}`);

/** typed ↔ stored, checked both ways. */
function expectPair(typed: string, stored: string, options?: { addinNamespaces?: readonly string[] }) {
  expect(toStoredFormula(typed, options)).toBe(stored);
  expect(toTypedFormula(stored, options)).toBe(typed);
}

/** One test per typed ↔ stored pair of a rule, named by the pair, both ways each. */
function itTranslatesEach(pairs: [string, string][]) {
  it.each(pairs)('%s ↔ %s', (typed, stored) => expectPair(typed, stored));
}

/** Stored as typed: nothing in the text is what the rule translates. */
function expectStoredAsTyped(typed: string) {
  expect(toStoredFormula(typed)).toBe(typed);
}

/** A case that holds one way only: [what it shows, the input, what it becomes]. */
type OneWayCase = [name: string, input: string, output: string];

/** A one-way case whose text the rule leaves as it is. */
const unchanged = (name: string, text: string): OneWayCase => [name, text, text];

/** One test per typed → stored case of a rule, named by what it shows. */
function itStoresEach(cases: OneWayCase[]) {
  it.each(cases)('%s', (_name, typed, stored) => expect(toStoredFormula(typed)).toBe(stored));
}

/** One test per stored → typed case of a rule, named by what it shows. */
function itShowsEach(cases: OneWayCase[]) {
  it.each(cases)('%s', (_name, stored, typed) => expect(toTypedFormula(stored)).toBe(typed));
}

/**
 * typed ↔ stored pairs, by rule (each describe below checks its own), both directions each;
 * the comments name what each group shows.
 */
const PAIRS = {
  addinCalls: [
    // stores the namespace dot as an underscore
    ['PERF.TIERED(B2,Tiers,"marginal")', '_xldudf_PERF_TIERED(B2,Tiers,"marginal")'],
    ['SUM(PERF.PAYOUT(A1:A3), 1)', 'SUM(_xldudf_PERF_PAYOUT(A1:A3), 1)'],
    // matches the namespace case-insensitively and keeps the text as typed
    ['perf.tiered(1)', '_xldudf_perf_tiered(1)'],
    // translates only the first dot (the namespace separator)
    ['PERF.A.B(1)', '_xldudf_PERF_A.B(1)'],
  ],
  spills: [
    // wraps the reference or name before #
    ['A2#', '_xlfn.ANCHORARRAY(A2)'],
    ['COUNTA(F2#)', 'COUNTA(_xlfn.ANCHORARRAY(F2))'], // XlsxWriter's docs example
    ['Sheet1!A2#', '_xlfn.ANCHORARRAY(Sheet1!A2)'],
    ["SUM('My Sheet'!$A$2#)", "SUM(_xlfn.ANCHORARRAY('My Sheet'!$A$2))"],
    ['Results#*2', '_xlfn.ANCHORARRAY(Results)*2'],
    // shows ANCHORARRAY of anything else as the function, without the prefix
    ['ANCHORARRAY(INDEX(A:A,1))', '_xlfn.ANCHORARRAY(INDEX(A:A,1))'],
    ['ANCHORARRAY( A1 )', '_xlfn.ANCHORARRAY( A1 )'],
  ],
  implicitIntersection: [
    // wraps the primary after @
    ['@A1:A9', '_xlfn.SINGLE(A1:A9)'],
    ['@Rate*2', '_xlfn.SINGLE(Rate)*2'],
    ['@INDEX(A:A,ROW())+1', '_xlfn.SINGLE(INDEX(A:A,ROW()))+1'],
    ['@(A1:A3+B1:B3)', '_xlfn.SINGLE((A1:A3+B1:B3))'],
    ['@Table1[Sales]', '_xlfn.SINGLE(Table1[Sales])'],
    // takes a spill reference as one primary
    ['@A2#', '_xlfn.SINGLE(_xlfn.ANCHORARRAY(A2))'],
    // prefixes what it wraps like anything else
    ['@PERF.TIERED(A1)', '_xlfn.SINGLE(_xldudf_PERF_TIERED(A1))'],
    ['@UNIQUE(A:A)', '_xlfn.SINGLE(_xlfn.UNIQUE(A:A))'],
  ],
  futureFunctions: [
    // prefixes calls (examples from XlsxWriter's docs)
    ['STDEV.S(B1:B10)', '_xlfn.STDEV.S(B1:B10)'],
    ['FILTER(A1:B9,B1:B9>0)', '_xlfn._xlws.FILTER(A1:B9,B1:B9>0)'],
    ['SORT(A1:A9)', '_xlfn._xlws.SORT(A1:A9)'],
    ['UNIQUE(A1)', '_xlfn.UNIQUE(A1)'], // dynamic_array02.xlsx
    ['XLOOKUP(A1,B:B,C:C)', '_xlfn.XLOOKUP(A1,B:B,C:C)'],
    ['IFERROR(CONCAT(A1,TEXTJOIN(",",TRUE,B1:B3)),"")', 'IFERROR(_xlfn.CONCAT(A1,_xlfn.TEXTJOIN(",",TRUE,B1:B3)),"")'],
    // keeps the function name's case as typed
    ['Concat(A1)', '_xlfn.Concat(A1)'],
    // gives no prefix to the names the list has without one, nor to older functions
    ['WORKDAY.INTL(A1,5)+NETWORKDAYS.INTL(A1,B1)+ECMA.CEILING(1,2)', 'WORKDAY.INTL(A1,5)+NETWORKDAYS.INTL(A1,B1)+ECMA.CEILING(1,2)'],
    ['SUM(A1)+VLOOKUP(A1,B:C,2,FALSE)', 'SUM(A1)+VLOOKUP(A1,B:C,2,FALSE)'],
  ],
  parameters: [
    // prefixes LET names and their later uses
    ['LET(x, 1, y, x+1, x*y)', '_xlfn.LET(_xlpm.x, 1, _xlpm.y, _xlpm.x+1, _xlpm.x*_xlpm.y)'],
    // prefixes LAMBDA parameters (XlsxWriter's docs example)
    ['LAMBDA(temp, (5/9) * (temp-32))(32)', '_xlfn.LAMBDA(_xlpm.temp, (5/9) * (_xlpm.temp-32))(32)'],
    ['LAMBDA(a, b, a+b)(1, 2)', '_xlfn.LAMBDA(_xlpm.a, _xlpm.b, _xlpm.a+_xlpm.b)(1, 2)'],
    // leaves names outside any scope that binds them alone (defined names)
    ['LET(x, Rate, x*Rate)+x', '_xlfn.LET(_xlpm.x, Rate, _xlpm.x*Rate)+x'],
    ['Sheet1!x+LET(x, 1, x)', 'Sheet1!x+_xlfn.LET(_xlpm.x, 1, _xlpm.x)'],
    // matches names case-insensitively, keeping their case
    ['LET(Total, 1, total*2)', '_xlfn.LET(_xlpm.Total, 1, _xlpm.total*2)'],
    // respects nesting: inner parameters are bound inside only, outer ones throughout
    ['LET(x, 1, f, LAMBDA(y, x+y), f(2)+y)', '_xlfn.LET(_xlpm.x, 1, _xlpm.f, _xlfn.LAMBDA(_xlpm.y, _xlpm.x+_xlpm.y), _xlpm.f(2)+y)'],
    ['LET(x, 1, LET(x, x+1, x))', '_xlfn.LET(_xlpm.x, 1, _xlfn.LET(_xlpm.x, _xlpm.x+1, _xlpm.x))'],
    // binds parameters used by MAP/REDUCE lambdas and calls of bound names
    ['REDUCE(0, A1:A9, LAMBDA(acc, v, acc+PERF.TIERED(v)))', '_xlfn.REDUCE(0, A1:A9, _xlfn.LAMBDA(_xlpm.acc, _xlpm.v, _xlpm.acc+_xldudf_PERF_TIERED(_xlpm.v)))'],
    ['LET(sq, LAMBDA(n, n*n), sq(3))', '_xlfn.LET(_xlpm.sq, _xlfn.LAMBDA(_xlpm.n, _xlpm.n*_xlpm.n), _xlpm.sq(3))'],
    // combines with spill and @ on parameters
    ['LET(r, A1:A9, @r + SUM(r#))', '_xlfn.LET(_xlpm.r, A1:A9, _xlfn.SINGLE(_xlpm.r) + SUM(_xlfn.ANCHORARRAY(_xlpm.r)))'],
    // ignores the last argument even when it is a lone name
    ['LET(x, 1, y)', '_xlfn.LET(_xlpm.x, 1, y)'],
    ['LAMBDA(x)', '_xlfn.LAMBDA(x)'],
  ],
} satisfies Record<string, [string, string][]>;

/** Cases checked typed → stored only, by rule: a stored form that reads back otherwise, or text the rule leaves alone. */
const STORED_ONLY = {
  addinCalls: [unchanged('translates calls only: names, strings and table references are untouched', 'PERF.Rate+"PERF.TIERED(A1)"+Table1[PERF.X(]')],
  spills: [unchanged('leaves # in strings, errors and structured references alone', '"A2#"&#N/A&Table1[#Totals]')],
  implicitIntersection: [
    ['stores an explicit SINGLE( with its prefix', 'SINGLE(A1:A9)', '_xlfn.SINGLE(A1:A9)'],
    unchanged('does not touch @ inside structured references or strings', '[@Col]+[@[Col 1]]+T[@[A]:[B]]&"@x"'),
  ],
  futureFunctions: [unchanged('prefixes function tokens only: never names, strings or structured references', 'CONCAT+"CONCAT(A1)"+Table1[CONCAT(]+Sheet1!UNIQUE')],
} satisfies Record<string, OneWayCase[]>;

/** Cases that hold stored → typed only, by rule. */
const SHOWN_ONLY = {
  implicitIntersection: [['shows a compound argument as @(…)', '_xlfn.SINGLE(A1+B1)', '@(A1+B1)']],
  parameters: [
    ["prefixes LAMBDA parameters (XlsxWriter's docs example)", 'LAMBDA(_xlpm.temp, (5/9) * (_xlpm.temp-32))(32)', 'LAMBDA(temp, (5/9) * (temp-32))(32)'],
    unchanged('shows a stored _xlpm. name outside its scope as stored', '_xlpm.x+1'),
  ],
} satisfies Record<string, OneWayCase[]>;

/**
 * Formula text from workbooks saved by Excel itself (the XlsxWriter project's comparison files,
 * xlsxwriter/test/comparison/xlsx_files/: dynamic_array01/02, formula_results01, table10,
 * table34 — BSD-2-Clause, copyright (c) 2013-2025 John McNamara), and the `_xldudf_` forms an
 * Excel 365 workbook with the CONTOSO sample add-in stored (public bug report).
 */
const EXCEL_SAVED = [
  'AVERAGE(TIMEVALUE(B1:B2))',
  '_xlfn.UNIQUE(A1)',
  '1+1',
  '"Foo"',
  'IF(B3,FALSE,TRUE)',
  'IF(B4,TRUE,FALSE)',
  '#DIV/0!',
  '#N/A',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#REF!',
  '#VALUE!',
  '1/0',
  'SUM(Table1[[#This Row],[Column1]:[Column3]])',
  'SUBTOTAL(101,[Column3])',
  'SUBTOTAL(109,[Column8])',
  'Table1[[#This Row],[Column3]]',
  '_xldudf_CONTOSO_ADD(1,2)',
  '_xldudf_CONTOSO_GET("test")',
  'CONTOSO.ADD(1,2)',
];

describe('tokenizeFormula', () => {
  const FORMULAS = [
    ...EXCEL_SAVED,
    'PERF.TIERED(B2, Tiers!$A$2:$C$6, "marginal")',
    "'My Sheet'!A1:B2 + 'It''s'!$C$3",
    'Sheet1:Sheet3!A1 + [1]Sheet1!A1 + [Budget.xlsx]Plan!$B$2 + [1]!Rate',
    '{1,2;3,4}',
    '{"a",TRUE;-1,#N/A}',
    '-A1 + -(-2)%',
    'IF(AND(A1>0, B1<>""), ROUND(A1/B1, 2), NA())',
    'SUM(A1:A3)\n+ SUM(B:B)\r\n\t+ SUM($1:$3)',
    '1e-3 + 1.5E+10 + .5 + 1.',
    '"unterminated',
    "'unterminated",
    'SUM((A1,B1))',
    'A1 B1',
    'Table1[#Totals] + Table1[] + [@[Col 1]] + T[@[A]:[B]] + [Col\'[1\']]',
    'LET(x, 1, y, x+1, x*y)',
    'LAMBDA(_xlpm.temp, (5/9) * (_xlpm.temp-32))(32)',
    'COUNTA(_xlfn.ANCHORARRAY(F2))',
    '_xlfn._xlws.FILTER(A1:A9, B1:B9>0)',
    'A2# + Sheet1!A2# + @B2 + @Rate',
    '#SPILL! + #CALC! + #GETTING_DATA',
    'Sheet1!#REF! + 1',
    'SUM(A1:A3',
    'SUM(A1))',
    '(((',
    '~`!?|',
    '',
  ];

  it.each(FORMULAS)('is lossless: %j', (formula) => {
    expect(joinTokens(tokenizeFormula(formula))).toBe(formula);
  });

  it('returns no empty tokens', () => {
    for (const f of FORMULAS) for (const t of tokenizeFormula(f)) expect(t.text).not.toBe('');
  });

  it('reads references with sheet, workbook and range in one token', () => {
    expect(kinds("'My Sheet'!A1:B2+'It''s'!$C$3+Sheet1:Sheet3!A1+[1]Sheet1!A1")).toEqual([
      "reference:'My Sheet'!A1:B2",
      'operator:+',
      "reference:'It''s'!$C$3",
      'operator:+',
      'reference:Sheet1:Sheet3!A1',
      'operator:+',
      'reference:[1]Sheet1!A1',
    ]);
    expect(kinds('A:A+$1:$3+$A$1:B$9')).toEqual(['reference:A:A', 'operator:+', 'reference:$1:$3', 'operator:+', 'reference:$A$1:B$9']);
  });

  /** [what the case shows, a formula, its tokens as kind:text without whitespace]. */
  const TOKENS: [string, string, string[]][] = [
    [
      'makes ":" an operator only between operands that are not both cells',
      'A1:INDEX(B:B,2)',
      [
        'reference:A1',
        'operator::',
        'function:INDEX',
        'open:(',
        'reference:B:B',
        'comma:,',
        'number:2',
        'close:)',
      ],
    ],
    [
      'tells names from cells, functions and booleans',
      'Rate*XFE1+LOG10(A0)+TRUE+true()+Sheet1!Rate+_xlpm.x',
      [
        'name:Rate',
        'operator:*',
        'name:XFE1', // beyond column XFD: a valid name
        'operator:+',
        'function:LOG10',
        'open:(',
        'name:A0', // row 0 does not exist
        'close:)',
        'operator:+',
        'bool:TRUE',
        'operator:+',
        'function:true',
        'open:(',
        'close:)',
        'operator:+',
        'name:Sheet1!Rate',
        'operator:+',
        'name:_xlpm.x',
      ],
    ],
    [
      'reads # as spill after a reference or name, else as an error value',
      'A2#+Rate#+#N/A+#DIV/0!+#NAME?+#GETTING_DATA',
      [
        'reference:A2',
        'spill:#',
        'operator:+',
        'name:Rate',
        'spill:#',
        'operator:+',
        'error:#N/A',
        'operator:+',
        'error:#DIV/0!',
        'operator:+',
        'error:#NAME?',
        'operator:+',
        'error:#GETTING_DATA',
      ],
    ],
    [
      'reads @ as an operator outside brackets only',
      '@A1+[@Col]',
      ['at:@', 'reference:A1', 'operator:+', 'structured:[@Col]'],
    ],
    [
      'reads array constants, numbers, percent and unary minus',
      '{1,-2.5;3e2,.5}%',
      [
        'arrayOpen:{',
        'number:1',
        'comma:,',
        'operator:-',
        'number:2.5',
        'semicolon:;',
        'number:3e2',
        'comma:,',
        'number:.5',
        'arrayClose:}',
        'operator:%',
      ],
    ],
    [
      'keeps strings verbatim, "" escapes included',
      '"say ""PERF.X(A1#)"""&"@x"',
      ['string:"say ""PERF.X(A1#)"""', 'operator:&', 'string:"@x"'],
    ],
  ];

  it.each(TOKENS)('%s', (_name, formula, tokens) => {
    expect(kinds(formula)).toEqual(tokens);
  });

  it('gives function tokens the name without the paren, stored prefixes included', () => {
    expect(kinds('_xlfn._xlws.FILTER(_xldudf_PERF_TIERED(PERF.TIERED(_xlfn.CONCAT(1))))').filter((k) => k.startsWith('function'))).toEqual([
      'function:_xlfn._xlws.FILTER',
      'function:_xldudf_PERF_TIERED',
      'function:PERF.TIERED',
      'function:_xlfn.CONCAT',
    ]);
  });

  it('keeps structured references whole, nested brackets and \' escapes included', () => {
    const cases = [...STRUCTURED_REFERENCES, "Table1[[#This Row],[Odd']name]]"];
    for (const c of cases) expect(kinds(c)).toEqual([`structured:${c}`]);
  });

  it('keeps whitespace runs and newlines as space tokens', () => {
    const tokens = tokenizeFormula('SUM(A1,\r\n  B1)');
    expect(tokens.find((t) => t.kind === 'space')).toEqual<FormulaToken>({ kind: 'space', text: '\r\n  ' });
  });

  it('reads every operator', () => {
    const ops = tokenizeFormula('1+2-3*4/5^6&7=8<>9<=1>=2<3>4%')
      .filter((t) => t.kind === 'operator')
      .map((t) => t.text);
    expect(ops).toEqual(['+', '-', '*', '/', '^', '&', '=', '<>', '<=', '>=', '<', '>', '%']);
  });

  it('is linear: a long formula tokenizes without blowing up', () => {
    const long = Array.from({ length: 20000 }, (_, k) => `'S ${k}'!A${k + 1}`).join('+');
    const tokens = tokenizeFormula(long);
    expect(tokens.length).toBe(39999);
    expect(joinTokens(tokens)).toBe(long);
  });
});

describe('add-in calls: PERF.X( ↔ _xldudf_PERF_X(', () => {
  itTranslatesEach(PAIRS.addinCalls);
  itStoresEach(STORED_ONLY.addinCalls);

  it('leaves other namespaces alone in both directions (CONTOSO example)', () => {
    expect(toTypedFormula('_xldudf_CONTOSO_ADD(1,2)')).toBe('_xldudf_CONTOSO_ADD(1,2)');
    expect(toStoredFormula('_xldudf_CONTOSO_ADD(1,2)')).toBe('_xldudf_CONTOSO_ADD(1,2)');
    expectStoredAsTyped('CONTOSO.ADD(1,2)');
  });

  it('translates every configured namespace', () => {
    const options = { addinNamespaces: ['PERF', 'CONTOSO'] };
    expectPair('CONTOSO.ADD(1,2)', '_xldudf_CONTOSO_ADD(1,2)', options);
    expectPair('CONTOSO.GET("test")', '_xldudf_CONTOSO_GET("test")', options);
    expectPair('PERF.X(1)', '_xldudf_PERF_X(1)', options);
  });

  it('repairs the #NAME? form Excel keeps when the add-in was not loaded', () => {
    expect(toStoredFormula('CONTOSO.ADD(1,2)', { addinNamespaces: ['CONTOSO'] })).toBe('_xldudf_CONTOSO_ADD(1,2)');
  });
});

describe('spill references: A2# ↔ _xlfn.ANCHORARRAY(A2)', () => {
  itTranslatesEach(PAIRS.spills);
  itStoresEach(STORED_ONLY.spills);
});

describe('implicit intersection: @x ↔ _xlfn.SINGLE(x)', () => {
  itTranslatesEach(PAIRS.implicitIntersection);
  itStoresEach(STORED_ONLY.implicitIntersection);
  itShowsEach(SHOWN_ONLY.implicitIntersection);
});

describe('future functions get their stored prefix', () => {
  itTranslatesEach(PAIRS.futureFunctions);
  itStoresEach(STORED_ONLY.futureFunctions);

  it('takes the list from XlsxWriter\'s docs, with FILTER and SORT under _xlws', () => {
    expect(Object.keys(FUTURE_FUNCTIONS)).toHaveLength(158);
    expect(Object.isFrozen(FUTURE_FUNCTIONS)).toBe(true);
    expect(futurePrefix('stdev.s')).toBe('_xlfn.');
    expect(futurePrefix('FILTER')).toBe('_xlfn._xlws.');
    expect(futurePrefix('SORT')).toBe('_xlfn._xlws.');
    expect(futurePrefix('SUM')).toBeUndefined();
    expect(futurePrefix('constructor')).toBeUndefined();
  });

  it('leaves a name that already carries a prefix alone', () => {
    expectStoredAsTyped('_xlfn.STDEV.S(B1:B10)');
    expectStoredAsTyped('_xlfn._xlws.FILTER(A1:A9,B1:B9)');
  });

  it('keeps a prefix it would not put back, so the formula survives a round trip', () => {
    // Newer than the list (GROUPBY) or not the prefix the list gives (FILTER under plain _xlfn.).
    for (const stored of ['_xlfn.GROUPBY(A1:A9,B1:B9,SUM)', '_xlfn.FILTER(A1:A9,B1:B9)', '_xlfn.WORKDAY.INTL(A1,5)']) {
      expect(toTypedFormula(stored)).toBe(stored);
      expect(toStoredFormula(toTypedFormula(stored))).toBe(stored);
    }
  });
});

describe('LET and LAMBDA parameters get _xlpm.', () => {
  itTranslatesEach(PAIRS.parameters);
  itShowsEach(SHOWN_ONLY.parameters);
});

describe('string literals and everything else stay as typed', () => {
  it.each(['"PERF.TIERED(A1)"', '"A2#"', '"@x"', '"LET(x, 1, x)"', '"_xlfn.SINGLE(A1)"', '"say ""CONCAT(""" & A1'])(
    '%s',
    (typed) => {
      expect(toStoredFormula(typed)).toBe(typed);
      expect(toTypedFormula(typed)).toBe(typed);
    },
  );

  it('keeps whitespace, newlines and case', () => {
    expectPair('sum( a1 ,\n  perf.Tiered( b2 ) )', 'sum( a1 ,\n  _xldudf_perf_Tiered( b2 ) )');
  });

  it('passes Excel\'s own stored formulas through unchanged', () => {
    for (const stored of EXCEL_SAVED.filter((f) => f !== '_xlfn.UNIQUE(A1)')) {
      expect(toTypedFormula(stored)).toBe(stored);
      expect(toStoredFormula(stored)).toBe(stored);
    }
  });

  it('keeps unbalanced and malformed input intact', () => {
    for (const typed of ['SUM(A1', 'SUM(A1))', '((', '{1,2', '@', '@+1', '#', '(A1)#', 'SINGLE(', '@SUM(1', 'PERF.X(']) {
      const stored = toStoredFormula(typed);
      expect(toTypedFormula(stored)).toBe(typed);
    }
    expect(toStoredFormula('PERF.X(')).toBe('_xldudf_PERF_X(');
  });

  it('handles deep nesting', () => {
    const depth = 20000; // far beyond Excel's 64 levels: no recursion to overflow
    const typed = 'PERF.X('.repeat(depth) + 'A1#' + ')'.repeat(depth);
    const stored = toStoredFormula(typed);
    expect(stored.startsWith('_xldudf_PERF_X(_xldudf_PERF_X(')).toBe(true);
    expect(toTypedFormula(stored)).toBe(typed);
  });
});
