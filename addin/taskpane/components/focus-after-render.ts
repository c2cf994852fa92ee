import * as React from 'react';

/**
 * Focus that moves to an element only the next render brings, or keeps: a row just added (its
 * input does not exist yet when the click is handled) or "Add row" after a row is removed (the
 * focused button goes away with its row). A handler sets `focusNext` to the element's key; the
 * effect after that render focuses it.
 */
export interface FocusAfterRender {
  /** The key of the element to focus after the next render (null: leave focus where it is). */
  focusNext: React.MutableRefObject<string | null>;
  /** A ref callback that keeps the element under `key`. */
  register: (key: string) => (el: HTMLElement | null) => void;
  /** The same, for memoised rows that hand their element up with their key (a stable callback). */
  keep: (key: string, el: HTMLElement | null) => void;
}

export function useFocusAfterRender(): FocusAfterRender {
  const focusNext = React.useRef<string | null>(null);
  const elements = React.useRef(new Map<string, HTMLElement>());
  React.useEffect(() => {
    const key = focusNext.current;
    focusNext.current = null;
    if (key) elements.current.get(key)?.focus();
  });
  const keep = React.useCallback((key: string, el: HTMLElement | null) => {
    if (el) elements.current.set(key, el);
    else elements.current.delete(key);
  }, []);
  const register = React.useCallback((key: string) => (el: HTMLElement | null) => keep(key, el), [keep]);
  return { focusNext, register, keep };
}
