/**
 * The pane's two languages: picking one from Office's display language or the browser's, the
 * string tables (i18n/en-US.json and i18n/zh-CN.json, same keys) and a tiny `{name}`
 * interpolating lookup. Pure: no DOM, no Office, no React — tests import it directly.
 */
import enUS from './i18n/en-US.json';
import zhCN from './i18n/zh-CN.json';
import type { Locale } from './view-contract';

export type { Locale };
export type StringKey = keyof typeof enUS;
export type Strings = Readonly<Record<StringKey, string>>;

export const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];
export const DEFAULT_LOCALE: Locale = 'en-US';

// Typed against the en-US keys: a key missing from zh-CN.json fails the type check.
const ZH_CN: Strings = zhCN;
export const STRINGS: Readonly<Record<Locale, Strings>> = { 'en-US': enUS, 'zh-CN': ZH_CN };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/**
 * Maps an Office display language or a browser language tag to the pane's locale.
 *
 * Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans-*) → 'zh-CN'. Traditional Chinese (zh-TW,
 * zh-HK, zh-MO, zh-Hant-*) → 'en-US' on purpose: the manifest localizes only for zh-cn, so in
 * those Office languages the ribbon, the function names and their descriptions are the
 * en-US ones, and the pane matches what the user sees in Excel. Anything else (including
 * undefined or '') → 'en-US'. Case and '_' separators are ignored.
 */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  if (!displayLanguage) return DEFAULT_LOCALE;
  const [language, ...subtags] = displayLanguage.trim().replace(/_/g, '-').toLowerCase().split('-');
  if (language !== 'zh') return DEFAULT_LOCALE;
  if (subtags.includes('hant')) return DEFAULT_LOCALE;
  if (subtags.includes('hans')) return 'zh-CN';
  if (subtags.some((tag) => tag === 'tw' || tag === 'hk' || tag === 'mo')) return DEFAULT_LOCALE;
  return 'zh-CN';
}

export type Vars = Readonly<Record<string, string | number>>;

/**
 * The string for `key` in `locale`, with `{name}` placeholders filled from `vars` (a missing
 * variable leaves its placeholder visible rather than printing "undefined"). Falls back to
 * en-US, then to the key itself. The result is text: callers render it as text, never HTML.
 */
export function translate(locale: Locale, key: StringKey, vars?: Vars): string {
  const table = STRINGS[locale] ?? STRINGS[DEFAULT_LOCALE];
  const own = (t: Strings) => (Object.prototype.hasOwnProperty.call(t, key) ? t[key] : undefined);
  const template = own(table) ?? own(STRINGS[DEFAULT_LOCALE]) ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** `translate` bound to one locale: what views call `t`. */
export type Translate = (key: StringKey, vars?: Vars) => string;
export function translator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

/** The `{name}` placeholders a string uses, sorted (tests check both tables agree). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
