import * as React from 'react';

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
