/**
 * Month and day names as Excel shows them under the date codes mmm, mmmm, ddd and dddd, in each
 * language PerfPlan speaks. Excel takes them from the system's language (Windows' locale data,
 * the same names as CLDR's "format" widths): en-US Jan/January, Mon/Monday; zh-CN 1月/一月,
 * 周一/星期一. Sunday first, as Excel's WEEKDAY counts.
 */
import type { Locale } from './locale';

export interface CalendarNames {
  shortMonths: readonly string[];
  months: readonly string[];
  shortDays: readonly string[];
  days: readonly string[];
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_DAY_SUFFIXES = ['日', '一', '二', '三', '四', '五', '六'];

export const CALENDAR_NAMES: Readonly<Record<Locale, CalendarNames>> = {
  'en-US': {
    shortMonths: EN_MONTHS.map((m) => m.slice(0, 3)),
    months: EN_MONTHS,
    shortDays: EN_DAYS.map((d) => d.slice(0, 3)),
    days: EN_DAYS,
  },
  'zh-CN': {
    shortMonths: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    shortDays: ZH_DAY_SUFFIXES.map((d) => `周${d}`),
    days: ZH_DAY_SUFFIXES.map((d) => `星期${d}`),
  },
};
