/** Shared bits of view chrome: an API/Excel error with its problem detail, and the Excel-only note. */
import { Button, Caption1 } from '@fluentui/react-components';
import * as React from 'react';
import { errorMessage, fieldErrorsFor } from '../api';
import type { Translate } from '../locale';
import { Notice } from './layout';

export interface ProblemMessageProps {
  /** What failed, e.g. "Couldn't load the templates". */
  title: string;
  error: unknown;
  t: Translate;
  onRetry?: () => void;
  'data-testid'?: string;
}

/** An error bar: title, the reason in the user's language, its field errors, and a retry button. */
export function ProblemMessage({ title, error, t, onRetry, 'data-testid': testId }: ProblemMessageProps): React.JSX.Element {
  const fieldErrors = fieldErrorsFor(error, t);
  return (
    <Notice
      intent="error"
      title={title}
      data-testid={testId}
      actions={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )
      }
    >
      <span data-testid={testId ? `${testId}-detail` : undefined}>{errorMessage(error, t)}</span>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e, i) => (
            <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

/** "Available when PerfPlan runs in Excel." next to a disabled Excel-only action (its aria-describedby target). */
export function ExcelOnlyNote({ id, t }: { id: string; t: Translate }): React.JSX.Element {
  return (
    <Caption1 id={id} data-testid="excel-only-note">
      {t('excelOnly.note')}
    </Caption1>
  );
}
