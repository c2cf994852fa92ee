/**
 * Scenarios view: one-at-a-time sensitivity and a Monte Carlo summary.
 *
 * In Excel: "Use selected cell as output" / "Add selected cell as input" read the selection
 * (./excel-ops); each input gets labelled low / base / high fields (defaults ±20 % around the
 * current value); Run writes the inputs, recalculates and restores them (runScenarios), then
 * writes a results table and a tornado chart on a new sheet (writeTornado); the pane shows the
 * results sorted by swing. In a plain browser those controls are disabled with a note.
 *
 * The Monte Carlo panel summarizes the selected (spilled PERF.SIM) range in Excel, or pasted
 * numbers anywhere, with the engine's `summary` (./scenario-model).
 *
 * Keyboard: native buttons, inputs and a textarea in reading order; adding an input focuses its
 * base field, removing one returns focus to "Add selected cell as input". Results and errors
 * are announced through polite live regions.
 */
import { Button, Caption1, Field, Input, Table, TableBody, TableCell, TableRow, Text, Textarea, useId } from '@fluentui/react-components';
import * as React from 'react';
import { SCENARIOS } from '../../../../i18n/pane-scenarios';
import type { ScenarioRun, TornadoLabels } from '../../../office/run-scenarios';
import { useFocusAfterRender } from '../../components/focus-after-render';
import { Actions, LiveStatus, Notice, Section, ViewRoot, useLayout } from '../../components/layout';
import { NeedsExcelNotice } from '../../components/messages';
import { useDraft } from '../../drafts';
import type { Translate } from '../../locale';
import { useTranslator } from '../../components/hooks';
import type { ViewProps } from '../../view-contract';
import { SelectionTooLargeError, readSelectedCell, readSelectedValues, runAndChart } from './excel-ops';
import { issueText } from './issues';
import {
  FIELDS,
  type Field as InputField,
  type InputRow,
  type MonteCarloSummary,
  addressKey,
  createRow,
  isSingleCell,
  numbersFromRange,
  parseNumberList,
  sortResults,
  summarize,
  toSpec,
  validateScenario,
} from './scenario-model';
import { readableFailure } from '../../components/error-text';
import { NumberTableHeader } from '../../components/number-table-header';

type T = Translate<typeof SCENARIOS>;

/** The draft of a scenario: the output cell, the inputs and the pasted numbers. */
interface ScenarioDraft {
  output: string | null;
  rows: InputRow[];
  pasted: string;
}

const EMPTY_DRAFT: ScenarioDraft = { output: null, rows: [], pasted: '' };

function isScenarioDraft(value: unknown): value is ScenarioDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<ScenarioDraft>;
  const text = (v: unknown) => typeof v === 'string';
  return (
    (d.output === null || text(d.output)) &&
    text(d.pasted) &&
    Array.isArray(d.rows) &&
    d.rows.every((r) => typeof r === 'object' && r !== null && [r.id, r.address, r.label, r.low, r.base, r.high].every(text))
  );
}

function useFormat(locale: string) {
  return React.useMemo(() => new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }), [locale]);
}

type NoticeState = { intent: 'error' | 'warning'; text: string } | null;
type RunState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; run: ScenarioRun; sheet: string } | { kind: 'failed'; message?: string };
type McState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; summary: MonteCarloSummary; source?: string; skipped: number; invalid: string[] }
  | { kind: 'failed'; message: string };

interface InputCardProps {
  row: InputRow;
  t: T;
  disabled: boolean;
  flagged: ReadonlySet<string>;
  onChange: (id: string, patch: Partial<InputRow>) => void;
  onRemove: (id: string) => void;
  baseRef: (id: string, el: HTMLInputElement | null) => void;
}

const InputCard = React.memo(function InputCard({ row, t, disabled, flagged, onChange, onRemove, baseRef }: InputCardProps) {
  const l = useLayout();
  const headingId = useId('scn-input');
  const ref = React.useCallback((el: HTMLInputElement | null) => baseRef(row.id, el), [row.id, baseRef]);
  return (
    <li className={l.card} role="group" aria-labelledby={headingId} data-input={row.address}>
      <div className={l.row} style={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Text weight="semibold" id={headingId} className={l.wrap}>
          {t('inputGroup', { address: row.address })}
        </Text>
        <Button size="small" className={l.noShrink} aria-label={t('removeLabel', { address: row.address })} disabled={disabled} onClick={() => onRemove(row.id)}>
          {t('remove')}
        </Button>
      </div>
      <Field label={t('labelField')}>
        <Input className={l.fill} value={row.label} placeholder={row.address} disabled={disabled} onChange={(_, data) => onChange(row.id, { label: data.value })} />
      </Field>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '8px' }}>
        {FIELDS.map((field: InputField) => {
          const bad = flagged.has(`${row.id}:${field}`);
          return (
            <Field key={field} label={t(`field.${field}`)} validationState={bad ? 'error' : 'none'}>
              <Input
                className={l.fill}
                inputMode="decimal"
                value={row[field]}
                disabled={disabled}
                aria-label={t('fieldLabel', { field: t(`field.${field}`), address: row.address })}
                ref={field === 'base' ? ref : undefined}
                onChange={(_, data) => onChange(row.id, { [field]: data.value })}
                data-field={field}
              />
            </Field>
          );
        })}
      </div>
    </li>
  );
});

export default function ScenariosView({ locale, host }: ViewProps): React.JSX.Element {
  const t = useTranslator(SCENARIOS, locale);
  const l = useLayout();
  const idPrefix = useId('scn');
  const format = useFormat(host.numberLocale ?? locale);
  const inExcel = host.inExcel;

  const [draft, setDraft] = useDraft<ScenarioDraft>('scenarios', EMPTY_DRAFT, isScenarioDraft);
  const { output, rows, pasted } = draft;
  const setOutput = (value: string | null) => setDraft((d) => ({ ...d, output: value }));
  const setRows = React.useCallback((next: (rows: InputRow[]) => InputRow[]) => setDraft((d) => ({ ...d, rows: next(d.rows) })), [setDraft]);
  const setPasted = (value: string) => setDraft((d) => ({ ...d, pasted: value }));
  const [notice, setNotice] = React.useState<NoticeState>(null);
  const [runState, setRunState] = React.useState<RunState>({ kind: 'idle' });
  const [attempted, setAttempted] = React.useState(false);
  const [mc, setMc] = React.useState<McState>({ kind: 'idle' });
  const { focusNext, register, keep: baseRef } = useFocusAfterRender();

  const issues = React.useMemo(() => validateScenario(output, rows), [output, rows]);
  const flagged = React.useMemo(
    () => new Set(issues.flatMap((i) => (i.code === 'notNumber' ? [`${i.rowId}:${i.field}`] : 'rowId' in i && i.code !== 'duplicate' && i.code !== 'inputIsOutput' ? FIELDS.map((f) => `${i.rowId}:${f}`) : []))),
    [issues],
  );
  const busy = runState.kind === 'busy';

  const readCell = async (): Promise<{ address: string; value: unknown } | null> => {
    setNotice(null);
    try {
      const cell = await readSelectedCell();
      if (cell.cellCount !== 1 || !isSingleCell(cell.address)) {
        setNotice({ intent: 'warning', text: t('selectionNotSingle', { address: cell.address }) });
        return null;
      }
      return cell;
    } catch (error) {
      const said = readableFailure(error, locale);
      setNotice({ intent: 'error', text: said ? t('readFailed', { message: said }) : t('readFailedPlain') });
      return null;
    }
  };

  const onUseOutput = async () => {
    const cell = await readCell();
    if (!cell) return;
    setOutput(cell.address);
    setRunState({ kind: 'idle' });
  };

  const onAddInput = async () => {
    const cell = await readCell();
    if (!cell) return;
    if (typeof cell.value !== 'number' || !Number.isFinite(cell.value)) {
      setNotice({ intent: 'warning', text: t('selectionNotNumber', { address: cell.address }) });
      return;
    }
    if (rows.some((r) => addressKey(r.address) === addressKey(cell.address))) {
      setNotice({ intent: 'warning', text: t('alreadyPicked', { address: cell.address }) });
      return;
    }
    const used = new Set(rows.map((r) => r.id));
    let k = rows.length + 1;
    while (used.has(`in${k}`)) k++;
    const row = createRow(`in${k}`, cell.address, cell.value);
    focusNext.current = row.id;
    setRows((previous) => [...previous, row]);
    setRunState({ kind: 'idle' });
  };

  const onChange = React.useCallback((id: string, patch: Partial<InputRow>) => setRows((previous) => previous.map((r) => (r.id === id ? { ...r, ...patch } : r))), [setRows]);

  const onRemove = React.useCallback(
    (id: string) => {
      focusNext.current = 'add';
      setRows((previous) => previous.filter((r) => r.id !== id));
    },
    [setRows],
  );

  const onRun = async () => {
    setAttempted(true);
    if (!inExcel || busy || issues.length > 0) return;
    setRunState({ kind: 'busy' });
    try {
      const keys = ['base', 'input', 'lowChange', 'highChange', 'lowInput', 'highInput', 'lowOutput', 'highOutput', 'swing', 'title'] as const;
      const labels = Object.fromEntries(keys.map((k) => [k, t(`tornado.${k}`)])) as unknown as TornadoLabels;
      const { run, chart } = await runAndChart(toSpec(output, rows), t('sheetName'), labels);
      setRunState({ kind: 'done', run, sheet: chart.sheet });
    } catch (error) {
      setRunState({ kind: 'failed', message: readableFailure(error, locale) });
    }
  };

  const onSummarizeSelection = async () => {
    setMc({ kind: 'busy' });
    try {
      const { address, values } = await readSelectedValues();
      const numbers = numbersFromRange(values);
      if (numbers.values.length === 0) {
        setMc({ kind: 'failed', message: t('noNumbers') });
        return;
      }
      setMc({ kind: 'done', summary: summarize(numbers.values), source: address, skipped: numbers.skipped, invalid: [] });
    } catch (error) {
      const said = error instanceof SelectionTooLargeError ? t('selectionTooLarge', { max: error.max }) : readableFailure(error, locale);
      setMc({ kind: 'failed', message: said ? t('mcFailed', { message: said }) : t('mcFailedPlain') });
    }
  };

  const onSummarizePasted = () => {
    const { values, invalid } = parseNumberList(pasted);
    if (values.length === 0) {
      setMc({ kind: 'failed', message: t('noNumbers') });
      return;
    }
    try {
      setMc({ kind: 'done', summary: summarize(values), skipped: 0, invalid });
    } catch (error) {
      const said = readableFailure(error, locale);
      setMc({ kind: 'failed', message: said ? t('mcFailed', { message: said }) : t('mcFailedPlain') });
    }
  };

  const sorted = runState.kind === 'done' ? sortResults(runState.run.results) : [];
  const noteId = `${idPrefix}-excel-note`;
  const excelDisabled = !inExcel || busy;
  const showIssues = attempted && issues.length > 0;

  return (
    <ViewRoot view="scenarios" locale={locale} title={t('title')} intro={t('intro')}>
      <NeedsExcelNotice inExcel={inExcel} id={noteId} testId="scenarios-needs-excel" text={t('needsExcel')} />

      <Section heading={t('outputHeading')}>
        <Text className={l.wrap}>
          {t('outputLabel', { cell: '' })}
          <span data-output="">{output ?? t('outputNone')}</span>
        </Text>
        <Actions>
          <Button disabledFocusable={excelDisabled} aria-describedby={inExcel ? undefined : noteId} onClick={onUseOutput}>
            {t('useOutput')}
          </Button>
        </Actions>
      </Section>

      <Section heading={t('inputsHeading')} help={t('inputsHelp')}>
        {rows.length === 0 ? (
          <Caption1>{t('noInputs')}</Caption1>
        ) : (
          <ol className={l.list}>
            {rows.map((row) => (
              <InputCard key={row.id} row={row} t={t} disabled={busy} flagged={showIssues ? flagged : EMPTY} onChange={onChange} onRemove={onRemove} baseRef={baseRef} />
            ))}
          </ol>
        )}
        <Actions>
          <Button ref={register('add')} disabledFocusable={excelDisabled} aria-describedby={inExcel ? undefined : noteId} onClick={onAddInput}>
            {t('addInput')}
          </Button>
          <Button appearance="primary" disabledFocusable={excelDisabled} aria-describedby={inExcel ? undefined : noteId} onClick={onRun}>
            {busy ? t('running') : t('run')}
          </Button>
        </Actions>
        <div role="status" aria-live="polite">
          {notice && <Notice intent={notice.intent}>{notice.text}</Notice>}
          {showIssues && (
            <Notice intent="error" title={t('issuesTitle')} data-testid="scenario-issues">
              <ul className={l.wrap}>
                {issues.map((issue, k) => (
                  <li key={k}>{issueText(issue, t)}</li>
                ))}
              </ul>
            </Notice>
          )}
          {runState.kind === 'failed' && <Notice intent="error">{runState.message ? t('runFailed', { message: runState.message }) : t('runFailedPlain')}</Notice>}
        </div>
      </Section>

      {runState.kind === 'done' && (
        <Section heading={t('resultsHeading')} data-scenario-results="">
          <Text className={l.wrap}>{t('baseOutput', { output: runState.run.output, value: format.format(runState.run.base) })}</Text>
          <Table size="small" className={l.table}>
            <NumberTableHeader label={t('inputColumn')} numbers={[t('lowColumn'), t('highColumn'), t('swingColumn')]} />
            <TableBody>
              {sorted.map((r) => (
                <TableRow key={r.address} data-result={r.address}>
                  <TableCell className={l.wrap}>{r.input}</TableCell>
                  <TableCell className={l.number}>{format.format(r.low)}</TableCell>
                  <TableCell className={l.number}>{format.format(r.high)}</TableCell>
                  <TableCell className={l.number} data-value={String(r.swing)}>
                    {format.format(r.swing)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <LiveStatus atomic={false}>
            {t('chartWritten', { sheet: runState.sheet })} {sorted.length > 0 ? t('resultsAnnounce', { count: sorted.length, top: sorted[0].input }) : ''}
          </LiveStatus>
        </Section>
      )}

      <Section heading={t('mcHeading')} help={t('mcHelp')} data-mc="">
        <Actions>
          <Button disabledFocusable={!inExcel || mc.kind === 'busy'} aria-describedby={inExcel ? undefined : noteId} onClick={onSummarizeSelection}>
            {t('summarizeSelection')}
          </Button>
        </Actions>
        <Field label={t('pasteLabel')} hint={t('pasteHelp')}>
          <Textarea value={pasted} resize="vertical" rows={4} onChange={(_, data) => setPasted(data.value)} data-testid="mc-paste" />
        </Field>
        <Actions>
          <Button disabledFocusable={pasted.trim() === ''} onClick={onSummarizePasted}>
            {t('summarizePasted')}
          </Button>
        </Actions>
        <div role="status" aria-live="polite" aria-atomic="true">
          {mc.kind === 'failed' && <Notice intent="error">{mc.message}</Notice>}
          {mc.kind === 'done' && (
            <>
              <Text block>{mc.source ? t('sourceAndCount', { source: t('source', { address: mc.source }), count: t('count', { n: mc.summary.n }) }) : t('count', { n: mc.summary.n })}</Text>
              {mc.skipped > 0 && <Caption1 block>{t('skipped', { n: mc.skipped })}</Caption1>}
              {mc.invalid.length > 0 && <Caption1 block className={l.wrap}>{t('invalidTokens', { tokens: mc.invalid.slice(0, 5).join(' ') })}</Caption1>}
            </>
          )}
        </div>
        {mc.kind === 'done' && (
          <Table size="small" className={l.table} data-mc-summary="">
            <NumberTableHeader label={t('statColumn')} numbers={[t('valueColumn')]} />
            <TableBody>
              {mc.summary.stats.map((stat) => (
                <TableRow key={stat.label} data-stat={stat.label}>
                  <TableCell>{t(`stat.${stat.label}`)}</TableCell>
                  <TableCell className={l.number} data-value={stat.value === null ? '' : String(stat.value)}>
                    {stat.value === null ? '—' : format.format(stat.value)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </ViewRoot>
  );
}

const EMPTY: ReadonlySet<string> = new Set();
