/** Shared bits of view chrome: an API/Excel error with its problem detail, the Excel-only notes, and the notice of a view that needs Excel. */
import { Button, Caption1 } from '@fluentui/react-components';
import * as React from 'react';
import { errorMessage, fieldErrorsFor } from '../api';
import type { Translate } from '../locale';
import { Notice, useLayout } from './layout';

export interface ProblemMessageProps {
  /** What failed, e.g. "Couldn't load the templates". */
  title: string;
  error: unknown;
  t: Translate;
  onRetry?: () => void;
  'data-testid'?: string;
  /** More after the reason (e.g. what the user can do next). */
  children?: React.ReactNode;
}

/** An error bar: title, the reason in the user's language, its field errors, anything more, and a retry button. */
export function ProblemMessage({ title, error, t, onRetry, 'data-testid': testId, children }: ProblemMessageProps): React.JSX.Element {
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
      {children}
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

/** Outside Excel, the line under an action that needs Excel saying so (its aria-describedby target); in Excel, nothing. */
export function NeedsExcelNote({ inExcel, id, text }: { inExcel: boolean; id: string; text: string }): React.JSX.Element | null {
  const l = useLayout();
  if (inExcel) return null;
  return (
    <Caption1 id={id} className={l.wrap}>
      {text}
    </Caption1>
  );
}

/**
 * The notice at the top of a view (or section) that works only in Excel, shown outside Excel;
 * its disabled actions point at it (aria-describedby = `id`).
 */
export function NeedsExcelNotice({ inExcel, id, testId, text }: { inExcel: boolean; id: string; testId: string; text: string }): React.JSX.Element | null {
  if (inExcel) return null;
  return (
    <Notice intent="info" id={id} data-testid={testId}>
      {text}
    </Notice>
  );
}
