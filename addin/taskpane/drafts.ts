/**
 * What the pane remembers between sessions: drafts (AHP judgements, plans, scenarios), the
 * chosen language and whether the first-run card and the standalone note were dismissed.
 * In Excel it uses OfficeRuntime.storage (the add-in's own storage, shared with the custom
 * functions' runtime); in a browser, localStorage. Values are JSON; every read is checked by
 * the caller's `accept`, so a stale or foreign value is ignored rather than trusted.
 */
import * as React from 'react';

export interface DraftStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

const PREFIX = 'perfplan.';

interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

function officeRuntimeStorage(): OfficeRuntimeStorage | undefined {
  try {
    const runtime = (globalThis as { OfficeRuntime?: { storage?: OfficeRuntimeStorage } }).OfficeRuntime;
    return runtime?.storage && typeof runtime.storage.getItem === 'function' ? runtime.storage : undefined;
  } catch {
    return undefined;
  }
}

function localStore(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // blocked storage (privacy settings)
  }
}

/** OfficeRuntime.storage when Excel provides it, else localStorage, else memory only. */
export function defaultStore(): DraftStore {
  const memory = new Map<string, string>();
  return {
    async get(key) {
      const office = officeRuntimeStorage();
      if (office) return office.getItem(PREFIX + key).catch(() => null);
      const local = localStore();
      if (local) return local.getItem(PREFIX + key);
      return memory.get(key) ?? null;
    },
    async set(key, value) {
      const office = officeRuntimeStorage();
      if (office) return office.setItem(PREFIX + key, value).catch(() => undefined);
      const local = localStore();
      try {
        if (local) return local.setItem(PREFIX + key, value);
      } catch {
        // quota or privacy mode: keep it for this session
      }
      memory.set(key, value);
    },
  };
}

let shared: DraftStore | undefined;
/** The store the views use (tests may set their own). */
export function draftStore(): DraftStore {
  return (shared ??= defaultStore());
}
export function setDraftStore(store: DraftStore): void {
  shared = store;
}

/** Reads a JSON draft; null when missing, unreadable or refused by `accept`. */
export async function readDraft<T>(key: string, accept: (value: unknown) => value is T, store = draftStore()): Promise<T | null> {
  try {
    const text = await store.get(key);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    return accept(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown, store = draftStore()): Promise<void> {
  return store.set(key, JSON.stringify(value)).catch(() => undefined);
}

/**
 * React state that is restored from the draft `key` once it is read, and saved (debounced)
 * whenever it changes afterwards. Until the read finishes the state is `initial`; an edit
 * made before then wins over the stored draft.
 */
export function useDraft<T>(key: string, initial: T | (() => T), accept: (value: unknown) => value is T, delayMs = 300): [T, React.Dispatch<React.SetStateAction<T>>] {
  const [value, setValue] = React.useState<T>(initial);
  const restored = React.useRef(false);
  const edited = React.useRef(false);
  const set = React.useCallback<React.Dispatch<React.SetStateAction<T>>>((next) => {
    edited.current = true;
    setValue(next);
  }, []);
  React.useEffect(() => {
    let live = true;
    void readDraft(key, accept).then((draft) => {
      if (!live) return;
      restored.current = true;
      if (draft !== null && !edited.current) setValue(draft);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  React.useEffect(() => {
    if (!restored.current && !edited.current) return;
    const timer = setTimeout(() => void writeDraft(key, value), delayMs);
    return () => clearTimeout(timer);
  }, [key, value, delayMs]);
  return [value, set];
}
