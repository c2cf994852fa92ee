/**
 * Statements (issue 12 item 1, the pane's part): the incentive statement of the person in the
 * selected row, rendered exactly as `perfplan statements --format html` renders it
 * (calc/statements-document.ts → statements-html.ts, self-contained, print-styled A4), shown in
 * a sandboxed frame; "Save as web page" downloads that page, "Print" prints the frame alone.
 *
 * The statement is read from Excel (./excel-ops, read only): the Excel table holding the
 * selection gives the headers, its formula cells and the results beside it (spills included) are
 * results (with their Explain steps for PERF calls), its other cells inputs (./statement-model);
 * a selection outside every table names nobody.
 *
 * The payroll export runs `perfplan export`'s rules on the open workbook (the map chosen as a
 * .json file or pasted, checked with the CLI's words) and downloads payroll.csv, or payroll.xlsx
 * written by the workbook layer (addin/office/payroll-xlsx, loaded only then). The footer's SHA-256 is that of the open workbook as Excel hands
 * it over (addin/office/statements-sha256.ts); where Excel cannot, the footer says so.
 */
import { Button, Field, Radio, RadioGroup, Textarea, useId } from '@fluentui/react-components';
import * as React from 'react';
import { STATEMENT_VIEW } from '../../../../i18n/pane-outputs';
import { render } from '../../../../i18n/text';
import { readMap } from '../../../office/export-payroll';
import { workbookSha256 } from '../../../office/statements-sha256';
import { PersonRowProblem } from '../../../office/statements-row';
import { useDraft } from '../../drafts';
import { Actions, LiveStatus, Notice, Section, ViewRoot } from '../../components/layout';
import { NeedsExcelNotice } from '../../components/messages';
import type { Translate } from '../../locale';
import { useTranslator } from '../../components/hooks';
import type { Locale, ViewProps } from '../../view-contract';
import { exportPayrollCsv, readSelectedPerson } from './excel-ops';
import { personStatement, statementFileName, statementPage } from './statement-model';
import { download } from '../../components/download';
import { failureSentence, messageOf } from '../../components/error-text';

/** The files the payroll export downloads. */
export const PAYROLL_FILE = 'payroll.csv';
export const PAYROLL_XLSX = 'payroll.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type PayrollFormat = 'csv' | 'xlsx';
const isFormat = (value: unknown): value is PayrollFormat => value === 'csv' || value === 'xlsx';

type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'refused'; text: string };

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'shown'; name: string; html: string; file: string } | { kind: 'failed'; text: string };

/** A picked file's text (UTF-8), through Blob.text or, in older webviews, a FileReader. */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsText(file, 'utf-8');
  });
}

/**
 * Why showing a statement or exporting failed, in the user's language: the selection's problem,
 * else Excel's own words when the user can read them (zh-CN is never shown English).
 */
export function failureText(error: unknown, t: Translate<typeof STATEMENT_VIEW>, locale: Locale): string {
  if (error instanceof PersonRowProblem) return t(error.kind);
  return failureSentence(messageOf(error), locale, (message) => t('failed', { message }), t('failedPlain'));
}

export default function StatementsView({ locale, host }: ViewProps): React.JSX.Element {
  const t = useTranslator(STATEMENT_VIEW, locale);
  const noteId = useId('stm-note');
  const frame = React.useRef<HTMLIFrameElement>(null);
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const [status, setStatus] = React.useState('');
  const inExcel = host.inExcel;
  const [mapText, setMapText] = useDraft<string>('payrollMap', '', (v): v is string => typeof v === 'string');
  const [format, setFormat] = useDraft<PayrollFormat>('payrollFormat', 'csv', isFormat);
  /** The map file the text came from, until the text is edited (messages name it as the CLI names --map). */
  const [mapFile, setMapFile] = React.useState<string | undefined>(undefined);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [fileStatus, setFileStatus] = React.useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [exportState, setExportState] = React.useState<ExportState>({ kind: 'idle' });

  const onMapFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file picked again after an edit fires change again.
    event.target.value = '';
    if (!file) return;
    try {
      const text = await readFileText(file);
      setMapText(text);
      setMapFile(file.name);
      setFileStatus({ ok: true, text: t('mapFileRead', { file: file.name }) });
      setExportState({ kind: 'idle' });
    } catch (error) {
      setFileStatus({ ok: false, text: failureSentence(messageOf(error), locale, (message) => t('mapFileUnreadable', { file: file.name, message }), t('mapFileUnreadablePlain', { file: file.name })) });
    }
  };

  const onExport = async () => {
    const map = readMap(mapText, mapFile);
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
      let file = PAYROLL_FILE;
      if (format === 'xlsx') {
        const { payrollXlsx } = await import(/* webpackChunkName: "payroll-xlsx" */ '../../../office/payroll-xlsx');
        file = PAYROLL_XLSX;
        download(file, payrollXlsx(result.payroll, map, locale), XLSX_TYPE);
      } else {
        download(file, result.csv, 'text/csv;charset=utf-8');
      }
      setExportState({ kind: 'done', text: t('exported', { file, rows: result.rows, total: result.total, source: result.source }) });
    } catch (error) {
      setExportState({ kind: 'refused', text: failureText(error, t, locale) });
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
      setState({ kind: 'failed', text: failureText(error, t, locale) });
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
      <NeedsExcelNotice inExcel={inExcel} id={noteId} testId="statements-needs-excel" text={t('needsExcel')} />
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
        <Field
          label={t('mapFileLabel')}
          validationState={fileStatus ? (fileStatus.ok ? 'success' : 'error') : 'none'}
          validationMessage={fileStatus?.text}
        >
          {/* The browser's own file button speaks the browser's language: ours opens the same picker. */}
          {(props) => (
            // Named by the field's label and its own text: "Payroll map file (JSON) Choose file…".
            <Button {...props} aria-labelledby={[props['aria-labelledby'], props.id].filter(Boolean).join(' ')} onClick={() => fileInput.current?.click()} data-testid="payroll-map-choose">
              {t('mapFileChoose')}
            </Button>
          )}
        </Field>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden tabIndex={-1} aria-hidden="true" onChange={onMapFile} data-testid="payroll-map-file" />
        <Field label={t('mapLabel')}>
          <Textarea
            value={mapText}
            resize="vertical"
            rows={6}
            onChange={(_, data) => {
              setMapText(data.value);
              setMapFile(undefined);
              setFileStatus(undefined);
            }}
            data-testid="payroll-map"
          />
        </Field>
        <Field label={t('formatLabel')}>
          <RadioGroup value={format} onChange={(_, data) => isFormat(data.value) && setFormat(data.value)} data-testid="payroll-format">
            <Radio value="csv" label={t('formatCsv')} />
            <Radio value="xlsx" label={t('formatXlsx')} />
          </RadioGroup>
        </Field>
        <Actions>
          <Button disabledFocusable={!inExcel || exportState.kind === 'busy' || mapText.trim() === ''} aria-describedby={inExcel ? undefined : noteId} onClick={onExport} data-testid="payroll-export">
            {exportState.kind === 'busy' ? t('exporting') : format === 'xlsx' ? t('exportRunXlsx') : t('exportRun')}
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
