/**
 * PerfPlan task pane: a short guide to the PERF.* function families in en-US or zh-CN.
 *
 * Plain DOM, no framework. Strings come from i18n/*.json and are written with textContent
 * only (never innerHTML). The language is Office's display language when the pane runs inside
 * Office (Office.onReady), the browser's otherwise; the English / 中文 buttons switch it.
 *
 * This page is also the shared runtime: Excel loads it (with functions.js) even while the pane
 * is hidden, so nothing here may block or throw at load time.
 */
import enUS from './i18n/en-US.json';
import zhCN from './i18n/zh-CN.json';

export type Locale = 'en-US' | 'zh-CN';
export type Strings = Readonly<Record<string, string>>;

export const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];
export const STRINGS: Readonly<Record<Locale, Strings>> = { 'en-US': enUS, 'zh-CN': zhCN };

/**
 * Maps an Office display language or a browser language tag to the pane's locale.
 *
 * Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans-*) → 'zh-CN'. Traditional Chinese (zh-TW,
 * zh-HK, zh-MO, zh-Hant-*) → 'en-US' on purpose: the manifest localizes only for zh-cn, so in
 * those Office languages the ribbon, the function names and their descriptions are the
 * en-US ones, and the pane matches what the user sees in Excel. Anything else (including
 * undefined or '') → 'en-US'. Case and '_' separators are ignored.
 */
export function pickLocale(displayLanguage: string | undefined): Locale {
  if (!displayLanguage) return 'en-US';
  const [language, ...subtags] = displayLanguage.trim().replace(/_/g, '-').toLowerCase().split('-');
  if (language !== 'zh') return 'en-US';
  if (subtags.includes('hant')) return 'en-US';
  if (subtags.includes('hans')) return 'zh-CN';
  if (subtags.some((tag) => tag === 'tw' || tag === 'hk' || tag === 'mo')) return 'en-US';
  return 'zh-CN';
}

/** The parts of an element renderStrings touches (a DOM Element satisfies it). */
export interface I18nElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/** The parts of a document renderStrings touches (a DOM Document satisfies it). */
export interface I18nDocument {
  documentElement: { lang: string };
  querySelectorAll(selectors: string): ArrayLike<I18nElement>;
}

/**
 * Writes `strings` into the page: the text of every `[data-i18n="key"]` element, the
 * aria-label of every `[data-i18n-aria-label="key"]` element, `<html lang>` (from
 * `meta.lang`) and the pressed state of the `[data-locale]` language buttons.
 * Returns the keys the page asks for that `strings` lacks (their elements keep their text).
 */
export function renderStrings(doc: I18nDocument, strings: Strings): string[] {
  const missing = new Set<string>();
  const lookup = (key: string | null): string | undefined => {
    if (!key) return undefined;
    const value = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : undefined;
    if (value === undefined) missing.add(key);
    return value;
  };

  for (const element of Array.from(doc.querySelectorAll('[data-i18n]'))) {
    const value = lookup(element.getAttribute('data-i18n'));
    if (value !== undefined) element.textContent = value;
  }
  for (const element of Array.from(doc.querySelectorAll('[data-i18n-aria-label]'))) {
    const value = lookup(element.getAttribute('data-i18n-aria-label'));
    if (value !== undefined) element.setAttribute('aria-label', value);
  }
  const lang = lookup('meta.lang');
  if (lang !== undefined) {
    doc.documentElement.lang = lang;
    for (const button of Array.from(doc.querySelectorAll('[data-locale]'))) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-locale') === lang));
    }
  }
  return [...missing];
}

function isLocale(value: string | null | undefined): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** Renders the page in `locale`, then follows Office's display language once Office is ready
 *  (unless the user has picked a language with the buttons in the meantime). */
function start(doc: Document): void {
  let chosenByUser = false;
  const show = (locale: Locale): void => {
    const missing = renderStrings(doc, STRINGS[locale]);
    if (missing.length > 0) console.warn(`PerfPlan: missing ${locale} strings: ${missing.join(', ')}`);
  };

  show(pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language));

  for (const button of Array.from(doc.querySelectorAll<HTMLElement>('button[data-locale]'))) {
    button.addEventListener('click', () => {
      const locale = button.getAttribute('data-locale');
      if (!isLocale(locale)) return;
      chosenByUser = true;
      show(locale);
    });
  }

  if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
    Office.onReady()
      .then((info) => {
        // Outside Office (a plain browser tab) host is null and the browser language stays.
        if (!chosenByUser && info.host && Office.context?.displayLanguage) {
          show(pickLocale(Office.context.displayLanguage));
        }
      })
      .catch((error: unknown) => console.warn('PerfPlan: Office.onReady failed', error));
  }
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => start(document), { once: true });
  } else {
    start(document);
  }
}
