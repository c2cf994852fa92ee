/**
 * Statements (issue 12 item 1, the pane's part): the incentive statement of the person in the
 * selected row, rendered exactly as `perfplan statements --format html` renders it
 * (calc/statements-document.ts → statements-html.ts, self-contained, print-styled A4), shown in
 * a sandboxed frame; "Save as web page" downloads that page, "Print" prints the frame alone.
 *
 * The statement is read from Excel (./excel-ops, read only): the sheet's first used row is the
 * header row, formula cells are results (with their Explain steps for PERF calls), other cells
 * inputs (./statement-model). The footer's SHA-256 is that of the open workbook as Excel hands
 * it over (addin/office/statements-sha256.ts); where Excel cannot, the footer says so.
 */
import { Button, Field, Textarea, useId } from '@fluentui/react-components';
import * as React from 'react';
import { STATEMENT_VIEW } from '../../../../i18n/pane-outputs';
import { render } from '../../../../i18n/text';
import { centsText } from '../../../../calc/payroll';
import { readMap } from '../../../office/export-payroll';
import { workbookSha256 } from '../../../office/statements-sha256';
import { PersonRowProblem } from '../../../office/statements-row';
import { useDraft } from '../../drafts';
import { Actions, LiveStatus, Notice, Section, ViewRoot } from '../../components/layout';
import { translatorFor } from '../../locale';
import type { ViewProps } from '../../view-contract';
import { exportPayrollCsv, readSelectedPerson } from './excel-ops';
import { personStatement, statementFileName, statementPage } from './statement-model';

/** The file the payroll export downloads. */
export const PAYROLL_FILE = 'payroll.csv';

type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'refused'; text: string };

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
  const [mapText, setMapText] = useDraft<string>('payrollMap', '', (v): v is string => typeof v === 'string');
  const [exportState, setExportState] = React.useState<ExportState>({ kind: 'idle' });

  const onExport = async () => {
    const map = readMap(mapText);
    if (!('columns' in map)) {
      setExportState({ kind: 'refused', text: render(map.text, locale, map.params) });
      return;
    }
    setExportState({ kind: 'busy' });
    try {
      const result = await exportPayrollCsv(map, locale);
      if (!result.ok) {
        setExportState({ kind: 'refused', text: render(result.reason.text, locale, result.reason.params) });
        return;
      }
      download(PAYROLL_FILE, result.csv, 'text/csv;charset=utf-8');
      setExportState({ kind: 'done', text: t('exported', { file: PAYROLL_FILE, rows: result.rows, total: centsText(result.totalCents), source: result.source }) });
    } catch (error) {
      setExportState({ kind: 'refused', text: t('failed', { message: message(error) }) });
    }
  };

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
      const source = { file, sha256: (await workbookSha256()) ?? t('notCalculated'), calculatedAt: new Date().toISOString() };
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

      <Section heading={t('exportHeading')} help={t('exportHelp')} data-payroll="">
        <Field label={t('mapLabel')}>
          <Textarea value={mapText} resize="vertical" rows={6} onChange={(_, data) => setMapText(data.value)} data-testid="payroll-map" />
        </Field>
        <Actions>
          <Button disabledFocusable={!inExcel || exportState.kind === 'busy' || mapText.trim() === ''} aria-describedby={inExcel ? undefined : noteId} onClick={onExport} data-testid="payroll-export">
            {exportState.kind === 'busy' ? t('exporting') : t('exportRun')}
          </Button>
        </Actions>
        <div role="status" aria-live="polite">
          {exportState.kind === 'refused' && <Notice intent="error">{exportState.text}</Notice>}
          {exportState.kind === 'done' && <Notice intent="success">{exportState.text}</Notice>}
        </div>
      </Section>
    </ViewRoot>
  );
}
