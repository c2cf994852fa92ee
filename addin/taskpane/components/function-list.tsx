/**
 * The PERF functions with their descriptions, in the pane's language: read from the very
 * metadata Excel reads (functions.json / functions-zh-cn.json beside taskpane.html, generated
 * from the catalog), so the list is what "=PERF." offers. A lazy chunk of the first-run card.
 */
import { Caption1, Spinner } from '@fluentui/react-components';
import * as React from 'react';
import type { Translate } from '../locale';
import type { Locale } from '../view-contract';
import { useLayout } from './layout';

interface FunctionEntry {
  name: string;
  description: string;
  parameters: string[];
}

/** The entries of a functions.json, or [] when it is not one. */
export function functionEntries(json: unknown): FunctionEntry[] {
  const list = (json as { functions?: unknown })?.functions;
  if (!Array.isArray(list)) return [];
  return list
    .filter((f): f is { name: string; description?: unknown; parameters?: unknown } => typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string')
    .map((f) => ({
      name: f.name,
      description: typeof f.description === 'string' ? f.description : '',
      parameters: Array.isArray(f.parameters) ? f.parameters.map((p) => String((p as { name?: unknown })?.name ?? '')).filter(Boolean) : [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export default function FunctionList({ locale, t }: { locale: Locale; t: Translate }): React.JSX.Element {
  const l = useLayout();
  const [state, setState] = React.useState<{ kind: 'loading' } | { kind: 'ready'; items: FunctionEntry[] } | { kind: 'failed' }>({ kind: 'loading' });
  React.useEffect(() => {
    const controller = new AbortController();
    const file = locale === 'zh-CN' ? 'functions-zh-cn.json' : 'functions.json';
    fetch(file, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((json) => setState({ kind: 'ready', items: functionEntries(json) }))
      .catch(() => !controller.signal.aborted && setState({ kind: 'failed' }));
    return () => controller.abort();
  }, [locale]);
  if (state.kind === 'loading') return <Spinner size="tiny" label={t('functions.loading')} />;
  if (state.kind === 'failed' || state.items.length === 0) return <Caption1>{t('functions.failed')}</Caption1>;
  return (
    <ul className={l.list} aria-label={t('functions.label')} data-testid="function-list">
      {state.items.map((f) => (
        <li key={f.name} className={l.wrap}>
          <code className={l.mono} translate="no">{`=PERF.${f.name}(${f.parameters.join(', ')})`}</code>
          {/* The catalog's own description (catalog/; tests/addin/glossary.test.ts keeps it to the glossary). */}
          <Caption1 block data-catalog-text="">
            {f.description}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
