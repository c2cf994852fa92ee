/**
 * Month and day names under a number format (workbook/number-format.ts) are the reader's, as
 * Excel takes them from the system's language unless the code names its own. Microsoft, "Number
 * format codes" (support.microsoft.com): "mmm — months as Jan–Dec", "dddd — days as
 * Sunday–Saturday"; a `[$-409]`/`[$-804]` prefix is a locale (LCID, [MS-LCID] §2.2: 0x0409
 * en-US, 0x0804 zh-CN) that fixes the language of those names. zh-CN names as Windows and CLDR
 * (cldr-json, zh "format" widths) give them: 1月/一月, 周一/星期一.
 */
import { formatValue } from '../../workbook/number-format';
import type { Locale } from '../../i18n/locale';

// Excel serials: 45853 = Tuesday 2025-07-15; 45992 = Monday 2025-12-01.
describe.each<[Locale, string, string, string, string]>([
  ['en-US', 'Jul 2025', 'December', 'Mon', 'Tuesday'],
  ['zh-CN', '7月 2025', '十二月', '周一', '星期二'],
])('a reader in %s', (locale, shortMonth, month, shortDay, day) => {
  test('mmm, mmmm, ddd and dddd in the reader’s language', () => {
    expect(formatValue(45853, 'mmm yyyy', locale)).toBe(shortMonth);
    expect(formatValue(45992, 'mmmm', locale)).toBe(month);
    expect(formatValue(45992, 'ddd', locale)).toBe(shortDay);
    expect(formatValue(45853, 'dddd', locale)).toBe(day);
  });

  test('numbers only (yyyy-mm-dd, m/d) do not depend on the language', () => {
    expect(formatValue(45853, 'yyyy-mm-dd', locale)).toBe('2025-07-15');
    expect(formatValue(45853, 'm/d', locale)).toBe('7/15');
  });

  test('[$-409] fixes English names and [$-804] Chinese names, whatever the reader’s language', () => {
    expect(formatValue(45853, '[$-409]mmmm d, yyyy', locale)).toBe('July 15, 2025');
    expect(formatValue(45853, '[$-en-US]ddd', locale)).toBe('Tue');
    expect(formatValue(45853, '[$-804]yyyy年mmmm', locale)).toBe('2025年七月');
    expect(formatValue(45853, '[$-zh-CN]dddd', locale)).toBe('星期二');
  });

  test('names in another language (de-DE, 0x0407) are beyond the renderer: undefined', () => {
    expect(formatValue(45853, '[$-407]mmmm', locale)).toBeUndefined();
    expect(formatValue(45853, '[$-407]dd.mm.yyyy', locale)).toBe('15.07.2025');
  });
});

test('every month and weekday in zh-CN', () => {
  const firsts = Array.from({ length: 12 }, (_, m) => Date.UTC(2025, m, 1) / 86_400_000 + 25569); // Excel serial of the 1st
  expect(firsts.map((serial) => formatValue(serial, 'mmm', 'zh-CN'))).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
  expect(firsts.map((serial) => formatValue(serial, 'mmmm', 'zh-CN'))).toEqual(['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']);
  const week = Array.from({ length: 7 }, (_, i) => 45662 + i); // Sunday 2025-01-05 … Saturday 2025-01-11
  expect(week.map((serial) => formatValue(serial, 'dddd', 'zh-CN'))).toEqual(['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']);
  expect(week.map((serial) => formatValue(serial, 'ddd', 'zh-CN'))).toEqual(['周日', '周一', '周二', '周三', '周四', '周五', '周六']);
});
