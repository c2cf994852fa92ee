/**
 * The one locale decision. PerfPlan speaks en-US and zh-CN; every face picks one of them the
 * same way: in Excel from Office's display language, in the browser from the page's language,
 * on the command line from --lang or the environment (LC_ALL, LC_MESSAGES, LANG).
 */
export type Locale = 'en-US' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];
export const DEFAULT_LOCALE: Locale = 'en-US';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/**
 * A language tag (Office display language, browser language, --lang, or a POSIX locale such
 * as "zh_CN.UTF-8") → our locale. Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans-*) → zh-CN.
 * Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant-*) → en-US on purpose: the manifest
 * localizes only for zh-cn, so there the ribbon and function descriptions are in English and
 * PerfPlan matches them. Anything else, or nothing → en-US.
 */
export function pickLocale(tag: string | null | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  const [language, ...subtags] = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase().split('-');
  if (language !== 'zh') return DEFAULT_LOCALE;
  if (subtags.includes('hant')) return DEFAULT_LOCALE;
  if (subtags.includes('hans')) return 'zh-CN';
  if (subtags.some((t) => t === 'tw' || t === 'hk' || t === 'mo')) return DEFAULT_LOCALE;
  return 'zh-CN';
}

/** The command line's locale: --lang when given, else the environment as POSIX programs read it. */
export function commandLineLocale(lang: string | undefined, env: Record<string, string | undefined>): Locale {
  return pickLocale(lang ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}
