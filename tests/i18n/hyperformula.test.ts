/**
 * HyperFormula's own error messages (i18n/hyperformula.ts): every message of the installed
 * HyperFormula's ErrorMessage has a text, its en-US exactly HyperFormula's, and the messages it
 * builds around a name are recognised with that name as a parameter. perfplan calc and explain
 * show them in the user's locale (tests/cli/locale.test.ts runs them end to end).
 */
import * as path from 'path';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { HYPERFORMULA, LICENSE_KEY_STATES, hyperFormulaPhrase, localizeHyperFormulaMessage } from '../../i18n/hyperformula';
import type { Text } from '../../i18n/text';
import { placeholders, render } from '../../i18n/text';
import { resultValue } from '../../calc/calculate';
import { chinese } from './language-check';
import { englishIn } from './typed-as-is';

/**
 * HyperFormula keeps ErrorMessage out of its entry point (package.json "exports" has only "."
 * and the language packs), so the test reads the class from the file next to that entry point.
 */
function errorMessageClass(): Record<string, string | ((arg: string) => string)> {
  const file = path.join(path.dirname(require.resolve('hyperformula')), 'error-message.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ErrorMessage } = require(file) as { ErrorMessage: object };
  return Object.fromEntries(Object.getOwnPropertyNames(ErrorMessage).filter((name) => !['length', 'name', 'prototype'].includes(name)).map((name) => [name, (ErrorMessage as Record<string, never>)[name]]));
}

const ERROR_MESSAGE = errorMessageClass();
const TABLE = HYPERFORMULA as Record<string, Text>;
const FIXED = Object.entries(ERROR_MESSAGE).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
const BUILDERS = Object.entries(ERROR_MESSAGE).filter((entry): entry is [string, (arg: string) => string] => typeof entry[1] === 'function');

describe("HyperFormula's ErrorMessage, every one of them", () => {
  it('is read from the installed HyperFormula: many fixed messages and the builders', () => {
    expect(FIXED.length).toBeGreaterThan(60);
    expect(BUILDERS.map(([name]) => name).sort()).toEqual(['FunctionName', 'LicenseCapability', 'LicenseKey', 'NamedExpressionName']);
  });

  it('has a text under its own name, and the table names nothing HyperFormula does not have', () => {
    expect(Object.keys(ERROR_MESSAGE).filter((name) => !(name in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((name) => !(name in ERROR_MESSAGE))).toEqual([]);
  });

  it.each(FIXED)('%s: the en-US text is HyperFormula\'s message exactly, recognised as that text', (name, message) => {
    expect(TABLE[name]['en-US']).toBe(message);
    expect(placeholders(TABLE[name]['en-US'])).toEqual([]);
    expect(hyperFormulaPhrase(message)).toEqual({ text: TABLE[name] });
    expect(localizeHyperFormulaMessage(message, 'en-US')).toBe(message);
    expect(localizeHyperFormulaMessage(message, 'zh-CN')).toBe(TABLE[name]['zh-CN']);
  });

  it.each(BUILDERS)('%s: the builder\'s message is recognised with its argument as the parameter', (name, build) => {
    const [parameter] = placeholders(TABLE[name]['en-US']);
    for (const argument of ['XLOOKUP', 'Plan_Total', 'a name with spaces', '名称']) {
      const message = build(argument);
      const found = hyperFormulaPhrase(message);
      expect(found?.text).toBe(TABLE[name]);
      expect(found?.params).toEqual({ [parameter]: argument });
      expect(localizeHyperFormulaMessage(message, 'en-US')).toBe(message);
      expect(localizeHyperFormulaMessage(message, 'zh-CN')).toBe(render(TABLE[name], 'zh-CN', { [parameter]: argument }));
      expect(localizeHyperFormulaMessage(message, 'zh-CN')).toContain(argument);
    }
  });

  it('LicenseKey: each state HyperFormula names is said in Chinese too', () => {
    const build = ERROR_MESSAGE.LicenseKey as (state: string) => string;
    for (const [state, text] of Object.entries(LICENSE_KEY_STATES)) {
      expect(localizeHyperFormulaMessage(build(state), 'en-US')).toBe(build(state));
      expect(localizeHyperFormulaMessage(build(state), 'zh-CN')).toBe(`许可证密钥${text['zh-CN']}`);
    }
  });

  it.each(Object.entries(TABLE))('%s: zh-CN without English words, en-US without Chinese', (_, text) => {
    const params = Object.fromEntries(placeholders(text['en-US']).map((name) => [name, name === 'state' ? LICENSE_KEY_STATES.expired : 'PERF.TIERED']));
    const zh = render(text, 'zh-CN', params);
    expect({ zh, english: englishIn(zh) }).toEqual({ zh, english: [] });
    expect(chinese(zh).length).toBeGreaterThan(0);
    expect(chinese(render(text, 'en-US', params))).toEqual([]);
  });
});

describe('what is not HyperFormula\'s passes through unchanged', () => {
  it.each([
    ['our own message, already in the user\'s language', '该区域与公式所在的行或列不相交'],
    ['an English message of ours', 'perfplan calc does not support CONCAT'],
    ['HyperFormula\'s words inside a longer sentence', 'tiers: Value too large. (row 3)'],
    ['a builder\'s frame with nothing inside', 'Function name  not recognized.'],
    ['empty', ''],
  ])('%s', (_, message) => {
    expect(hyperFormulaPhrase(message)).toBeUndefined();
    expect(localizeHyperFormulaMessage(message, 'zh-CN')).toBe(message);
  });
});

describe('a calculated cell says HyperFormula\'s message in the calculation\'s locale', () => {
  let hf: HyperFormula;
  beforeAll(() => {
    hf = HyperFormula.buildFromArray([['abc', '=A1+1', '=SQRT(-1)', '=Nowhere+1']], { licenseKey: 'gpl-v3' });
  });
  afterAll(() => hf.destroy());

  it.each([
    [1, '#VALUE!', 'Value cannot be coerced to number.', '该值无法转换为数字'],
    [2, '#NUM!', 'NaN or infinite value encountered.', '遇到了非数字或无穷大的值'],
    [3, '#NAME?', 'Named expression Nowhere not recognized.', '无法识别名称 Nowhere'],
  ])('column %i: %s', (col, code, english, chineseMessage) => {
    const value = hf.getCellValue({ sheet: 0, row: 0, col });
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(resultValue(value)).toEqual({ error: code, message: english });
    expect(resultValue(value, 'en-US')).toEqual({ error: code, message: english });
    expect(resultValue(value, 'zh-CN')).toEqual({ error: code, message: chineseMessage });
  });
});
