/**
 * workbook/number-format.ts on worked examples. The expected texts are what Excel shows, from
 * Microsoft's "Number format codes" (support.microsoft.com/office/number-format-codes-5026bbd6-
 * 04bc-48cd-bf33-80f18b4eae68) and "Review guidelines for customizing a number format": the
 * four sections, 0 # ? placeholders, thousands separators and scaling commas, %, literals in
 * quotes or after \, colours, [$¥-804] currency tags, dates and times on Excel's serial numbers
 * (1900 system, with its 29 February 1900). What the renderer does not do returns undefined.
 */
import fc from 'fast-check';
import type { Locale } from '../../i18n/locale';
import { formatValue, hasCurrency, isExplicitFormat } from '../../workbook/number-format';

const cases: [string, number, string][] = [
  // Digit placeholders (Microsoft's table: "1234.59 as 1234.6 — ####.#", "8.9 as 8.900 — #.000", ".631 as 0.6 — 0.#", "12 as 12.0 — #.0#", "1234.568 as 1234.57 — #.0#")
  ['####.#', 1234.59, '1234.6'],
  ['#.000', 8.9, '8.900'],
  ['0.#', 0.631, '0.6'],
  ['#.0#', 12, '12.0'],
  ['#.0#', 1234.568, '1234.57'],
  // "44.398, 102.65, 2.8 with aligned decimals — ???.???": spaces for the missing digits
  ['0.0??', 2.8, '2.8'],
  ['#,###', 12000, '12,000'],
  ['#,', 12000, '12'],
  ['0.0,,', 12200000, '12.2'],
  ['#,##0', 1234, '1,234'],
  ['#,##0', 1234567.5, '1,234,568'],
  ['0', 2.5, '3'],
  ['0.00', 1.005, '1.01'], // Excel rounds the decimal it shows (15 digits), half away from zero
  ['0%', 0.08, '8%'],
  ['0.0%', 0.875, '87.5%'],
  ['0.00%', 1.0833, '108.33%'],
  ['000-0000', 5551234, '555-1234'],
  ['#.00', 0.5, '.50'],
  // Sections: positive;negative;zero;text
  ['#,##0.00;[Red]-#,##0.00', -1234.5, '-1,234.50'],
  ['#,##0.00;(#,##0.00)', -1234.5, '(1,234.50)'],
  ['0.00;-0.00;"-"', 0, '-'],
  ['[Blue]#,##0;[Red]#,##0;[Green]0', -7, '7'],
  ['0.00', -0.001, '-0.00'],
  // Currency: a quoted symbol, the locale's tag, a literal character
  ['"¥"#,##0.00', 12345.6, '¥12,345.60'],
  ['"¥"#,##0.00', -12345.6, '-¥12,345.60'],
  ['[$¥-804]#,##0.00', 12345.6, '¥12,345.60'],
  ['[$¥-zh-CN]#,##0.00', 12345.6, '¥12,345.60'],
  ['[$￥-zh-CN]#,##0.00', 12345.6, '￥12,345.60'],
  ['¥#,##0.00', 12345.6, '¥12,345.60'],
  ['#,##0.00"元"', 12345.6, '12,345.60元'],
  ['[$CNY] #,##0.00', 12345.6, 'CNY 12,345.60'],
  ['[$-804]#,##0.00', 12345.6, '12,345.60'],
  ['"$"#,##0.00_);[Red]("$"#,##0.00)', -1234.5, '($1,234.50)'],
  // Accounting as a Chinese Excel writes id 44: padding (_) and fill (*) take no characters here
  ['_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ', 12345.6, '¥12,345.60'],
  ['_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ', -5, '¥-5.00'],
  ['_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ', 0, '¥-'],
  ['0.0\\x', 3, '3.0x'],
  ['0 "pts"', 12, '12 pts'],
  // General
  ['General', 1234.5, '1234.5'],
  ['General', 0.1, '0.1'],
  ['General', 123456789012, '1.23457E+11'],
  ['General" pts"', 12.5, '12.5 pts'],
  // Dates and times (serial 45853 is 15 July 2025, a Tuesday; .75 is 18:00)
  ['yyyy-mm-dd', 45853, '2025-07-15'],
  ['yyyy/m/d', 45853, '2025/7/15'],
  ['m/d/yyyy', 45853, '7/15/2025'],
  ['yyyy"年"m"月"d"日"', 45853, '2025年7月15日'],
  ['dddd, mmmm d, yyyy', 45853, 'Tuesday, July 15, 2025'],
  ['d-mmm-yy', 45853, '15-Jul-25'],
  ['mmm-yy', 45853, 'Jul-25'],
  ['yyyy-mm', 45853, '2025-07'],
  ['h:mm AM/PM', 45853.75, '6:00 PM'],
  ['h:mm:ss', 0.5 + 1 / 86400, '12:00:01'],
  ['yyyy-mm-dd hh:mm', 45853.75, '2025-07-15 18:00'],
  ['上午/下午h"时"mm"分"', 45853.25, '上午6时00分'],
  ['yyyy.mm.dd', 45853, '2025.07.15'],
  ['yyyy-mm-dd', 60, '1900-02-29'], // Excel's 29 February 1900
  ['yyyy-mm-dd', 61, '1900-03-01'],
];

describe('formatValue: Excel number format codes on worked examples', () => {
  it.each(cases)('%s shows %p as %p', (code, value, shown) => {
    expect(formatValue(value, code, 'en-US')).toBe(shown);
  });

  it('text passes through a text section, and stays itself otherwise', () => {
    expect(formatValue('Li', '@', 'en-US')).toBe('Li');
    expect(formatValue('Li', '0;0;0;"Name: "@', 'en-US')).toBe('Name: Li');
    expect(formatValue('Li', '0.00', 'en-US')).toBeUndefined();
    expect(formatValue(true, '0.00', 'en-US')).toBeUndefined();
  });

  it.each([
    ['[>100]0;0', 'a condition'],
    ['0.00E+00', 'scientific notation'],
    ['# ?/?', 'a fraction'],
    ['[h]:mm:ss', 'elapsed time'],
    ['[DBNum1][$-804]General', 'Chinese numerals'],
    ['[$-F800]dddd, mmmm dd, yyyy', "the reader's system long date"],
    ['[$-407]mmm', 'month names in German (tests/workbook/number-format-names.test.ts has English and Chinese)'],
    ['0.00"unclosed', 'an unclosed quote'],
    ['qq', 'letters no code uses'],
    ['0;0;0;0;0', 'five sections'],
  ])('%s (%s) is not rendered: undefined, never a throw', (code) => {
    expect(formatValue(1234.5, code, 'en-US')).toBeUndefined();
  });

  it('a date before 1900 or past 9999 is not rendered', () => {
    expect(formatValue(-1, 'yyyy-mm-dd', 'en-US')).toBeUndefined();
    expect(formatValue(2958466, 'yyyy-mm-dd', 'en-US')).toBeUndefined();
    expect(formatValue(Infinity, '0.00', 'en-US')).toBeUndefined();
  });

  it('tells currency and explicit formats apart', () => {
    expect(hasCurrency('"¥"#,##0.00')).toBe(true);
    expect(hasCurrency('[$¥-804]#,##0.00')).toBe(true);
    expect(hasCurrency('[$￥-zh-CN]#,##0.00')).toBe(true);
    expect(hasCurrency('#,##0.00"元"')).toBe(true);
    expect(hasCurrency('#,##0.00')).toBe(false);
    expect(hasCurrency('0.0%')).toBe(false);
    expect(hasCurrency('[$-804]yyyy"年"m"月"')).toBe(false);
    expect(isExplicitFormat('General')).toBe(false);
    expect(isExplicitFormat('0.0%')).toBe(true);
  });
});

describe('formatValue on any code', () => {
  it('never throws: a string or undefined for codes made of the characters formats use', () => {
    const alphabet = [...'0#?.,%;"\\_*[]$-+/():@ EeyYmMdDhHsSAPG¥￥元'].map((c) => fc.constant(c));
    fc.assert(
      fc.property(fc.array(fc.oneof(...alphabet), { maxLength: 24 }), fc.oneof(fc.double(), fc.integer(), fc.string()), fc.constantFrom<Locale>('en-US', 'zh-CN'), (chars, value, locale) => {
        const shown = formatValue(value, chars.join(''), locale);
        return shown === undefined || typeof shown === 'string';
      }),
      { numRuns: 3000 },
    );
  });
});
