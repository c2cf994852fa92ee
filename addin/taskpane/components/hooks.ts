import * as React from 'react';
import { type Catalog, type Locale, type Translate, translatorFor } from '../locale';

/** A view's catalog bound to the pane's language, made again only when the language changes. */
export function useTranslator<C extends Catalog>(catalog: C, locale: Locale): Translate<C> {
  return React.useMemo(() => translatorFor(catalog, locale), [catalog, locale]);
}

/** `value`, settled for `ms` (search-as-you-type without a request per keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The page's URL, to resolve API links against (a fixed base outside a browser). */
export function pageUrl(): string {
  return typeof document !== 'undefined' && document.baseURI ? document.baseURI : 'http://localhost/';
}
