/**
 * The status of a list the pane fetches (templates, benchmarks): a polite live region that says
 * it is loading or how many items are shown, and, when the fetch failed, the error with a retry.
 */
import { Caption1, Spinner } from '@fluentui/react-components';
import * as React from 'react';
import type { Translate } from '../locale';
import { ProblemMessage } from './messages';

export interface ListStatusProps {
  /** The fetch: loading, ready, or failed with `error`. */
  list: { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };
  /** How many items are shown (after the filters). */
  shown: number;
  /** The list's messages, in the pane's language. */
  texts: { loading: string; empty: string; count: string; loadFailed: string };
  t: Translate;
  onRetry: () => void;
  /** data-testid of the status region is `${testId}-status`, of the error `${testId}-error`. */
  testId: string;
}

export function ListStatus({ list, shown, texts, t, onRetry, testId }: ListStatusProps): React.JSX.Element {
  return (
    <>
      <div role="status" aria-live="polite" data-testid={`${testId}-status`}>
        {list.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={texts.loading} />}
        {list.status === 'ready' && <Caption1>{shown === 0 ? texts.empty : texts.count}</Caption1>}
      </div>
      {list.status === 'error' && <ProblemMessage title={texts.loadFailed} error={list.error} t={t} onRetry={onRetry} data-testid={`${testId}-error`} />}
    </>
  );
}
