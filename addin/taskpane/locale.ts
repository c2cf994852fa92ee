/**
 * The pane's side of the language layer (i18n/): the one locale decision (`pickLocale`, from
 * Office's display language or the browser's) and typed lookups into the pane's catalogs
 * (i18n/pane*.ts). Pure: no DOM, no Office, no React — tests import it directly.
 *
 *   const t = translatorFor(PLAN, locale);   t('plan.rateLabel', { row: 2 })
 *
 * A key must exist in the catalog and its `{placeholders}` must get values (a type error
 * otherwise). Text is inserted as text: callers render it with React, never as HTML.
 */
import type { ParamsArg } from '../../i18n/glossary';
import { DEFAULT_LOCALE, LOCALES, type Locale, isLocale, pickLocale } from '../../i18n/locale';
import { PANE, type PaneKey } from '../../i18n/pane';
import { type Params, type Text, placeholders, render } from '../../i18n/text';

export { DEFAULT_LOCALE, LOCALES, isLocale, pickLocale, placeholders };
export type { Locale, PaneKey as StringKey };

export type Catalog = Readonly<Record<string, Text>>;

/** A catalog bound to a locale: `t(key, params)`, checked against the key's placeholders. */
export type Translate<C extends Catalog = typeof PANE> = <K extends keyof C & string>(key: K, ...params: ParamsArg<C[K]>) => string;

export function translatorFor<C extends Catalog>(catalog: C, locale: Locale): Translate<C> {
  return ((key: string, params?: Params) => {
    const text = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : undefined;
    return text ? render(text, locale, params) : key;
  }) as Translate<C>;
}

/** The shell's catalog (i18n/pane.ts) in `locale`. */
export function translator(locale: Locale): Translate {
  return translatorFor(PANE, locale);
}

/**
 * One string of the shell's catalog, untyped: for keys built at run time (tab labels,
 * categories). An unknown key comes back as itself; the prototype chain is never read.
 */
export function translate(locale: Locale, key: string, vars?: Params): string {
  return (translatorFor(PANE, locale) as (key: string, params?: Params) => string)(key, vars);
}

/** The table of one locale (the language switch names each language in itself). */
export function stringsOf(locale: Locale): Readonly<Record<PaneKey, string>> {
  return Object.fromEntries(Object.entries(PANE).map(([key, text]) => [key, render(text, locale)])) as Record<PaneKey, string>;
}
