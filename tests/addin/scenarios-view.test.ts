/**
 * The Scenarios view's pure model (addin/taskpane/views/scenarios/scenario-model.ts): ±20 %
 * defaults, validation and its localized messages, number parsing, sorting by swing, and a
 * Monte Carlo summary identical to the engine's `summary` (PERF.SUMMARY) on the same numbers.
 */
import { summary } from '../../engine/simulation';
import type { ScenarioResult } from '../../addin/office/run-scenarios';
import {
  DEFAULT_SPREAD,
  InputRow,
  MAX_INPUTS,
  addressKey,
  createRow,
  defaultRange,
  isSingleCell,
  numbersFromRange,
  parseNumber,
  parseNumberList,
  sortResults,
  summarize,
  toSpec,
  validateScenario,
} from '../../addin/taskpane/views/scenarios/scenario-model';
import { issueMessage } from '../../addin/taskpane/views/scenarios/issues';
import { SCENARIOS } from '../../i18n/pane-scenarios';

const row = (id: string, address: string, low: string, base: string, high: string, label = ''): InputRow => ({ id, address, label, low, base, high });

describe('defaults', () => {
  it('puts low and high 20% below and above the current value', () => {
    expect(DEFAULT_SPREAD).toBe(0.2);
    expect(defaultRange(100)).toEqual({ low: 80, base: 100, high: 120 });
    expect(defaultRange(1.2)).toEqual({ low: 0.96, base: 1.2, high: 1.44 });
    expect(defaultRange(-50)).toEqual({ low: -60, base: -50, high: -40 });
    expect(defaultRange(0)).toEqual({ low: 0, base: 0, high: 0 });
  });

  it('creates a row with the defaults as text', () => {
    expect(createRow('in1', 'Inputs!B2', 250)).toEqual({ id: 'in1', address: 'Inputs!B2', label: '', low: '200', base: '250', high: '300' });
  });
});

describe('parsing', () => {
  it('reads typed numbers', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber(' -1.5 ')).toBe(-1.5);
    expect(parseNumber('\u22123')).toBe(-3);
    expect(parseNumber('１２.５')).toBe(12.5); // full-width digits
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('20%')).toBe(0.2);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['', '  ', 'abc', '1,2', '1.2.3', '12a', 'Infinity', 'NaN', '--1']) expect(parseNumber(bad)).toBeUndefined();
  });

  it('reads pasted lists separated by newlines, tabs, spaces, commas and semicolons', () => {
    expect(parseNumberList('1\n2\r\n3\t4 5,6;7，8；9、10')).toEqual({ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], invalid: [] });
    expect(parseNumberList('  1.5\n\nx\n-2\n#N/A\n5%\n')).toEqual({ values: [1.5, -2], invalid: ['x', '#N/A', '5%'] });
    expect(parseNumberList('')).toEqual({ values: [], invalid: [] });
  });

  it('takes the finite numbers of a range, counting blanks and other cells', () => {
    expect(numbersFromRange([[1, '', 2], [null, 'text', true], ['#NUM!', 3.5, Number.NaN]])).toEqual({ values: [1, 2, 3.5], blanks: 2, skipped: 4 });
  });

  it('compares addresses without $ and case, and recognizes single cells', () => {
    expect(addressKey('Sheet1!$B$2')).toBe(addressKey('sheet1!b2'));
    expect(addressKey("'My Plan'!C3")).not.toBe(addressKey('Other!C3'));
    expect(isSingleCell('Sheet1!B2')).toBe(true);
    expect(isSingleCell('Sheet1!B2:B3')).toBe(false);
    expect(isSingleCell('nonsense')).toBe(false);
  });
});

describe('validation', () => {
  const good = [row('a', 'In!B2', '80', '100', '120'), row('b', 'In!B3', '0.1', '0.2', '0.3')];
  /** One row for each problem of a row's own values: not a number, low above high, no spread, base outside. */
  const badValues = [
    row('a', 'In!B2', 'x', '100', '120'),
    row('b', 'In!B3', '5', '4', '3'),
    row('c', 'In!B4', '0', '0', '0'),
    row('d', 'In!B5', '1', '5', '3'),
  ];

  it('accepts a complete scenario and builds the runScenarios spec', () => {
    expect(validateScenario('Out!D9', good)).toEqual([]);
    expect(toSpec('Out!D9', [good[0], { ...good[1], label: ' Margin ' }])).toEqual({
      output: 'Out!D9',
      inputs: [
        { address: 'In!B2', low: 80, base: 100, high: 120, label: 'In!B2' },
        { address: 'In!B3', low: 0.1, base: 0.2, high: 0.3, label: 'Margin' },
      ],
    });
  });

  it('reports every problem with a code', () => {
    expect(validateScenario(null, []).map((i) => i.code)).toEqual(['noOutput', 'noInputs']);
    const issues = validateScenario('Out!D9', [
      ...badValues,
      row('e', 'in!$b$2', '1', '2', '3'),
      row('f', 'out!D9', '1', '2', '3'),
    ]);
    expect(issues).toEqual([
      { code: 'notNumber', rowId: 'a', address: 'In!B2', field: 'low', text: 'x' },
      { code: 'lowAboveHigh', rowId: 'b', address: 'In!B3' },
      { code: 'noSpread', rowId: 'c', address: 'In!B4' },
      { code: 'baseOutside', rowId: 'd', address: 'In!B5' },
      { code: 'duplicate', rowId: 'e', address: 'in!$b$2' },
      { code: 'inputIsOutput', rowId: 'f', address: 'out!D9' },
    ]);
    const many = Array.from({ length: MAX_INPUTS + 1 }, (_, k) => row(`r${k}`, `In!A${k + 1}`, '1', '2', '3'));
    expect(validateScenario('Out!D9', many)).toEqual([{ code: 'tooManyInputs', max: MAX_INPUTS }]);
    expect(() => toSpec(null, good)).toThrow(/noOutput/);
  });

  it('has a message for every issue in both languages', () => {
    const issues = validateScenario('Out!D9', [
      ...badValues,
      row('e', 'In!B2', '1', '2', '3'),
      row('f', 'Out!D9', '1', '2', '3'),
    ]).concat(validateScenario(null, []), [{ code: 'tooManyInputs', max: MAX_INPUTS }]);
    expect(new Set(issues.map((i) => i.code)).size).toBe(9);
    expect(issues.map((issue) => issueMessage(issue, 'en-US'))).toEqual([
      'In!B2: the low value "x" is not a number.',
      'In!B3: the low value is above the high value.',
      'In!B4: the low and high values are equal, so the input cannot move the output.',
      'In!B5: the base value must lie between the low and high values.',
      'In!B2 is picked twice.',
      'Out!D9 is the output cell; it cannot also be an input.',
      'Choose an output cell.',
      'Add at least one input cell.',
      `Use at most ${MAX_INPUTS} inputs.`,
    ]);
    for (const issue of issues) {
      const text = issueMessage(issue, 'zh-CN');
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      if ('address' in issue) expect(text).toContain(issue.address);
    }
  });
});

describe('strings', () => {
  it('have the same keys in both languages', () => {
    for (const [key, text] of Object.entries(SCENARIOS)) expect({ key, locales: Object.keys(text).sort() }).toEqual({ key, locales: ['en-US', 'zh-CN'] });
    expect(Object.keys(SCENARIOS).filter((k) => k.startsWith('tornado.')).length).toBe(10);
    expect(Object.keys(SCENARIOS).filter((k) => k.startsWith('stat.')).length).toBe(9);
  });
});

describe('sorting', () => {
  it('sorts results by swing, largest first, ties in input order', () => {
    const r = (input: string, swing: number): ScenarioResult => ({ input, address: input, lowInput: 0, highInput: 1, low: 0, high: swing, swing });
    expect(sortResults([r('a', 1), r('b', 5), r('c', 1), r('d', 3)]).map((x) => x.input)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('Monte Carlo summary', () => {
  const engine = (values: number[]) => summary(values.map((v) => [v])).map(([label, value]) => ({ label, value: typeof value === 'number' ? value : null }));

  it('equals the engine summary on the same numbers', () => {
    let seed = 7;
    const values = Array.from({ length: 1000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return (seed / 2147483647) * 100 - 20;
    });
    const result = summarize(values);
    expect(result.n).toBe(1000);
    expect(result.stats).toEqual(engine(values));
    expect(result.stats.map((s) => s.label)).toEqual(['mean', 'stdev', 'min', 'P5', 'P10', 'P50', 'P90', 'P95', 'max']);
  });

  it('matches hand-computed values and PERCENTILE.INC', () => {
    const { stats } = summarize(parseNumberList('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11').values);
    const get = (label: string) => stats.find((s) => s.label === label)?.value;
    expect(get('mean')).toBe(6);
    expect(get('stdev')).toBeCloseTo(Math.sqrt(11), 12);
    expect(get('min')).toBe(1);
    expect(get('P5')).toBeCloseTo(1.5, 12);
    expect(get('P50')).toBe(6);
    expect(get('P95')).toBeCloseTo(10.5, 12);
    expect(get('max')).toBe(11);
  });

  it('leaves the stdev empty for one value and refuses none', () => {
    const one = summarize([4]);
    expect(one.stats.find((s) => s.label === 'stdev')?.value).toBeNull();
    expect(one.stats.find((s) => s.label === 'P50')?.value).toBe(4);
    expect(() => summarize([])).toThrow(RangeError);
  });
});
