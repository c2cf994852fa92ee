/**
 * Statements (issue 12 item 1, the pane's part): the incentive statement of the person in the
 * selected row, rendered exactly as `perfplan statements --format html` renders it
 * (calc/statements-document.ts → statements-html.ts, self-contained, print-styled A4), shown in
 * a sandboxed frame; "Save as web page" downloads that page, "Print" prints the frame alone.
 *
 * The statement is read from Excel (./excel-ops, read only): the sheet's first used row is the
 * header row, formula cells are results (with their Explain steps for PERF calls), other cells
 * inputs (./statement-model). The footer's SHA-256 is the CLI's; the pane cannot hash the open
 * workbook, and says so.
 */
import { Button, useId } from '@fluentui/react-components';
import * as React from 'react';
import { STATEMENT_VIEW } from '../../../../i18n/pane-outputs';
import { PersonRowProblem } from '../../../office/statements-row';
import { Actions, LiveStatus, Notice, Section, ViewRoot } from '../../components/layout';
import { translatorFor } from '../../locale';
import type { ViewProps } from '../../view-contract';
import { readSelectedPerson } from './excel-ops';
import { personStatement, statementFileName, statementPage } from './statement-model';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'shown'; name: string; html: string; file: string } | { kind: 'failed'; text: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Downloads `text` as a file (a Blob URL on a temporary link). */
export function download(file: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function StatementsView({ locale, host }: ViewProps): React.JSX.Element {
  const t = React.useMemo(() => translatorFor(STATEMENT_VIEW, locale), [locale]);
  const noteId = useId('stm-note');
  const frame = React.useRef<HTMLIFrameElement>(null);
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const [status, setStatus] = React.useState('');
  const inExcel = host.inExcel;

  const onShow = async () => {
    setState({ kind: 'busy' });
    setStatus('');
    try {
      const { row, explained, file } = await readSelectedPerson();
      const person = personStatement(row, explained);
      if (!person) {
        setState({ kind: 'failed', text: t('noPerson') });
        return;
      }
      const source = { file, sha256: t('notCalculated'), calculatedAt: new Date().toISOString() };
      const { html } = statementPage(person.statement, person.model, source, locale);
      setState({ kind: 'shown', name: person.statement.name, html, file: statementFileName(person.statement) });
    } catch (error) {
      if (error instanceof PersonRowProblem) setState({ kind: 'failed', text: t(error.kind) });
      else setState({ kind: 'failed', text: t('failed', { message: message(error) }) });
    }
  };

  const onSave = () => {
    if (state.kind !== 'shown') return;
    download(state.file, state.html, 'text/html;charset=utf-8');
    setStatus(t('saved', { file: state.file }));
  };

  const onPrint = () => {
    const win = frame.current?.contentWindow;
    if (!win) return;
    win.focus();
    win.print();
  };

  return (
    <ViewRoot view="statements" locale={locale} title={t('title')} intro={t('intro')}>
      {!inExcel && (
        <Notice intent="info" id={noteId} data-testid="statements-needs-excel">
          {t('needsExcel')}
        </Notice>
      )}
      <Actions>
        <Button appearance="primary" disabledFocusable={!inExcel || state.kind === 'busy'} aria-describedby={inExcel ? undefined : noteId} onClick={onShow} data-testid="statement-show">
          {state.kind === 'busy' ? t('reading') : t('show')}
        </Button>
      </Actions>
      <div role="status" aria-live="polite">
        {state.kind === 'failed' && <Notice intent="warning">{state.text}</Notice>}
      </div>
      {state.kind === 'shown' && (
        <Section heading={t('previewHeading', { name: state.name })} data-statement="">
          <Actions>
            <Button onClick={onSave} data-testid="statement-save">
              {t('save')}
            </Button>
            <Button onClick={onPrint} data-testid="statement-print">
              {t('print')}
            </Button>
          </Actions>
          <iframe
            ref={frame}
            title={t('previewLabel', { name: state.name })}
            srcDoc={state.html}
            // Same origin (for print), no scripts: the page has none.
            sandbox="allow-same-origin allow-modals"
            style={{ width: '100%', height: '480px', border: '1px solid #d1d1d1', boxSizing: 'border-box', display: 'block' }}
            data-testid="statement-frame"
          />
          <LiveStatus>{status}</LiveStatus>
        </Section>
      )}
    </ViewRoot>
  );
}
