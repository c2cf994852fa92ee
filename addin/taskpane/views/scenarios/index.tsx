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
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import type { ScenarioRun } from '../../../office/run-scenarios';
import type { Locale, ViewProps } from '../../view-contract';
import { readSelectedCell, readSelectedValues, runAndChart } from './excel-ops';
import {
  FIELDS,
  type Field as InputField,
  type InputRow,
  MAX_INPUTS,
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
import { type ScenariosStrings, stringsFor } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  inputCard: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  cardHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  numberHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  status: { color: tokens.colorNeutralForeground2 },
});

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function useFormat(locale: Locale) {
  return React.useMemo(() => new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }), [locale]);
}

type Notice = { intent: 'error' | 'warning'; text: string } | null;
type RunState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; run: ScenarioRun; sheet: string } | { kind: 'failed'; message: string };
type McState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; summary: MonteCarloSummary; source?: string; skipped: number; invalid: string[] }
  | { kind: 'failed'; message: string };

interface InputCardProps {
  row: InputRow;
  t: ScenariosStrings;
  disabled: boolean;
  flagged: ReadonlySet<string>;
  onChange: (id: string, patch: Partial<InputRow>) => void;
  onRemove: (id: string) => void;
  baseRef: (id: string, el: HTMLInputElement | null) => void;
}

const InputCard = React.memo(function InputCard({ row, t, disabled, flagged, onChange, onRemove, baseRef }: InputCardProps) {
  const styles = useStyles();
  const headingId = useId('scn-input');
  const ref = React.useCallback((el: HTMLInputElement | null) => baseRef(row.id, el), [row.id, baseRef]);
  return (
    <li className={styles.inputCard} role="group" aria-labelledby={headingId} data-input={row.address}>
      <div className={styles.cardHeader}>
        <Text weight="semibold" id={headingId}>
          {t.inputGroup(row.address)}
        </Text>
        <Button size="small" aria-label={t.removeLabel(row.address)} disabled={disabled} onClick={() => onRemove(row.id)}>
          {t.remove}
        </Button>
      </div>
      <Field label={t.labelField}>
        <Input value={row.label} placeholder={row.address} disabled={disabled} onChange={(_, data) => onChange(row.id, { label: data.value })} />
      </Field>
      <div className={styles.fields}>
        {FIELDS.map((field: InputField) => {
          const bad = flagged.has(`${row.id}:${field}`);
          return (
            <Field key={field} label={t.field[field]} validationState={bad ? 'error' : 'none'}>
              <Input
                inputMode="decimal"
                value={row[field]}
                disabled={disabled}
                aria-label={t.fieldLabel(field, row.address)}
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
  const t = stringsFor(locale);
  const styles = useStyles();
  const idPrefix = useId('scn');
  const format = useFormat(locale);
  const inExcel = host.inExcel;

  const [output, setOutput] = React.useState<string | null>(null);
  const [rows, setRows] = React.useState<InputRow[]>([]);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [runState, setRunState] = React.useState<RunState>({ kind: 'idle' });
  const [attempted, setAttempted] = React.useState(false);
  const [pasted, setPasted] = React.useState('');
  const [mc, setMc] = React.useState<McState>({ kind: 'idle' });
  const nextId = React.useRef(1);
  const baseInputs = React.useRef(new Map<string, HTMLInputElement>());
  const addButton = React.useRef<HTMLButtonElement>(null);
  const focusNext = React.useRef<string | 'add' | null>(null);

  React.useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) baseInputs.current.get(target)?.focus();
  });

  const issues = React.useMemo(() => validateScenario(output, rows), [output, rows]);
  const flagged = React.useMemo(() => new Set(issues.flatMap((i) => (i.code === 'notNumber' ? [`${i.rowId}:${i.field}`] : 'rowId' in i && i.code !== 'duplicate' && i.code !== 'inputIsOutput' ? FIELDS.map((f) => `${i.rowId}:${f}`) : []))), [issues]);
  const busy = runState.kind === 'busy';

  const readCell = async (): Promise<{ address: string; value: unknown } | null> => {
    setNotice(null);
    try {
      const cell = await readSelectedCell();
      if (cell.cellCount !== 1 || !isSingleCell(cell.address)) {
        setNotice({ intent: 'warning', text: t.selectionNotSingle(cell.address) });
        return null;
      }
      return cell;
    } catch (error) {
      setNotice({ intent: 'error', text: t.readFailed(message(error)) });
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
      setNotice({ intent: 'warning', text: t.selectionNotNumber(cell.address) });
      return;
    }
    if (rows.some((r) => addressKey(r.address) === addressKey(cell.address))) {
      setNotice({ intent: 'warning', text: t.alreadyPicked(cell.address) });
      return;
    }
    const row = createRow(`in${nextId.current++}`, cell.address, cell.value);
    focusNext.current = row.id;
    setRows((previous) => [...previous, row]);
    setRunState({ kind: 'idle' });
  };

  const onChange = React.useCallback((id: string, patch: Partial<InputRow>) => {
    setRows((previous) => previous.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  }, []);

  const onRemove = React.useCallback((id: string) => {
    focusNext.current = 'add';
    setRows((previous) => previous.filter((r) => r.id !== id));
  }, []);

  const baseRef = React.useCallback((id: string, el: HTMLInputElement | null) => {
    if (el) baseInputs.current.set(id, el);
    else baseInputs.current.delete(id);
  }, []);

  const onRun = async () => {
    setAttempted(true);
    if (!inExcel || busy || issues.length > 0) return;
    setRunState({ kind: 'busy' });
    try {
      const { run, chart } = await runAndChart(toSpec(output, rows), t.sheetName, t.tornado);
      setRunState({ kind: 'done', run, sheet: chart.sheet });
    } catch (error) {
      setRunState({ kind: 'failed', message: message(error) });
    }
  };

  const onSummarizeSelection = async () => {
    setMc({ kind: 'busy' });
    try {
      const { address, values } = await readSelectedValues();
      const numbers = numbersFromRange(values);
      if (numbers.values.length === 0) {
        setMc({ kind: 'failed', message: t.noNumbers });
        return;
      }
      setMc({ kind: 'done', summary: summarize(numbers.values), source: address, skipped: numbers.skipped, invalid: [] });
    } catch (error) {
      setMc({ kind: 'failed', message: t.mcFailed(message(error)) });
    }
  };

  const onSummarizePasted = () => {
    const { values, invalid } = parseNumberList(pasted);
    if (values.length === 0) {
      setMc({ kind: 'failed', message: t.noNumbers });
      return;
    }
    try {
      setMc({ kind: 'done', summary: summarize(values), skipped: 0, invalid });
    } catch (error) {
      setMc({ kind: 'failed', message: t.mcFailed(message(error)) });
    }
  };

  const sorted = runState.kind === 'done' ? sortResults(runState.run.results) : [];
  const noteId = `${idPrefix}-excel-note`;
  const excelDisabled = !inExcel || busy;
  const showIssues = attempted && issues.length > 0;

  return (
    <div className={styles.root} lang={locale} data-view="scenarios">
      <header className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {t.title}
        </Subtitle1>
        <Text>{t.intro}</Text>
        {!inExcel && (
          <MessageBar intent="info" id={noteId} data-testid="scenarios-needs-excel">
            <MessageBarBody>{t.needsExcel}</MessageBarBody>
          </MessageBar>
        )}
      </header>

      <section className={styles.section} aria-labelledby={`${idPrefix}-output`}>
        <Subtitle2 as="h3" id={`${idPrefix}-output`} className={styles.heading}>
          {t.outputHeading}
        </Subtitle2>
        <Text>
          {t.outputLabel}: <span data-output="">{output ?? t.outputNone}</span>
        </Text>
        <div className={styles.actions}>
          <Button disabledFocusable={excelDisabled} aria-describedby={inExcel ? undefined : noteId} onClick={onUseOutput}>
            {t.useOutput}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={`${idPrefix}-inputs`}>
        <Subtitle2 as="h3" id={`${idPrefix}-inputs`} className={styles.heading}>
          {t.inputsHeading}
        </Subtitle2>
        <Caption1>{t.inputsHelp}</Caption1>
        {rows.length === 0 ? (
          <Caption1>{t.noInputs}</Caption1>
        ) : (
          <ol className={styles.list}>
            {rows.map((row) => (
              <InputCard key={row.id} row={row} t={t} disabled={busy} flagged={showIssues ? flagged : EMPTY} onChange={onChange} onRemove={onRemove} baseRef={baseRef} />
            ))}
          </ol>
        )}
        <div className={styles.actions}>
          <Button
            ref={addButton}
            disabledFocusable={excelDisabled || rows.length >= MAX_INPUTS}
            aria-describedby={inExcel ? undefined : noteId}
            onClick={onAddInput}
          >
            {t.addInput}
          </Button>
          <Button appearance="primary" disabledFocusable={excelDisabled} aria-describedby={inExcel ? undefined : noteId} onClick={onRun}>
            {busy ? t.running : t.run}
          </Button>
        </div>
        <div role="status" aria-live="polite">
          {notice && (
            <MessageBar intent={notice.intent}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {showIssues && (
            <MessageBar intent="error" layout="multiline" data-testid="scenario-issues">
              <MessageBarBody>
                <MessageBarTitle>{t.issuesTitle}</MessageBarTitle>
                <ul className={styles.issues}>
                  {issues.map((issue, k) => (
                    <li key={k}>{t.issue(issue)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {runState.kind === 'failed' && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t.runFailed(runState.message)}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>

      {runState.kind === 'done' && (
        <section className={styles.section} aria-labelledby={`${idPrefix}-results`} data-scenario-results="">
          <Subtitle2 as="h3" id={`${idPrefix}-results`} className={styles.heading}>
            {t.resultsHeading}
          </Subtitle2>
          <Text>{t.baseOutput(runState.run.output, format.format(runState.run.base))}</Text>
          <Table size="small" aria-labelledby={`${idPrefix}-results`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.inputColumn}</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numberHeader }}>{t.lowColumn}</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numberHeader }}>{t.highColumn}</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numberHeader }}>{t.swingColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((r) => (
                <TableRow key={r.address} data-result={r.address}>
                  <TableCell>{r.input}</TableCell>
                  <TableCell className={styles.number}>{format.format(r.low)}</TableCell>
                  <TableCell className={styles.number}>{format.format(r.high)}</TableCell>
                  <TableCell className={styles.number} data-value={String(r.swing)}>
                    {format.format(r.swing)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className={styles.status} role="status" aria-live="polite">
            {t.chartWritten(runState.sheet)} {sorted.length > 0 ? t.resultsAnnounce(sorted.length, sorted[0].input) : ''}
          </p>
        </section>
      )}

      <section className={styles.section} aria-labelledby={`${idPrefix}-mc`} data-mc="">
        <Subtitle2 as="h3" id={`${idPrefix}-mc`} className={styles.heading}>
          {t.mcHeading}
        </Subtitle2>
        <Caption1>{t.mcHelp}</Caption1>
        <div className={styles.actions}>
          <Button disabledFocusable={!inExcel || mc.kind === 'busy'} aria-describedby={inExcel ? undefined : noteId} onClick={onSummarizeSelection}>
            {t.summarizeSelection}
          </Button>
        </div>
        <Field label={t.pasteLabel} hint={t.pasteHelp}>
          <Textarea value={pasted} resize="vertical" rows={4} onChange={(_, data) => setPasted(data.value)} data-testid="mc-paste" />
        </Field>
        <div className={styles.actions}>
          <Button disabledFocusable={pasted.trim() === ''} onClick={onSummarizePasted}>
            {t.summarizePasted}
          </Button>
        </div>
        <div role="status" aria-live="polite" aria-atomic="true">
          {mc.kind === 'failed' && (
            <MessageBar intent="error">
              <MessageBarBody>{mc.message}</MessageBarBody>
            </MessageBar>
          )}
          {mc.kind === 'done' && (
            <>
              <Text block>
                {mc.source ? `${t.source(mc.source)} · ` : ''}
                {t.count(mc.summary.n)}
              </Text>
              {mc.skipped > 0 && <Caption1 block>{t.skipped(mc.skipped)}</Caption1>}
              {mc.invalid.length > 0 && <Caption1 block>{t.invalidTokens(mc.invalid.slice(0, 5).join(' '))}</Caption1>}
            </>
          )}
        </div>
        {mc.kind === 'done' && (
          <Table size="small" aria-labelledby={`${idPrefix}-mc`} data-mc-summary="">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.statColumn}</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numberHeader }}>{t.valueColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {mc.summary.stats.map((s) => (
                <TableRow key={s.label} data-stat={s.label}>
                  <TableCell>{t.stat[s.label]}</TableCell>
                  <TableCell className={styles.number} data-value={s.value === null ? '' : String(s.value)}>
                    {s.value === null ? '—' : format.format(s.value)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}

const EMPTY: ReadonlySet<string> = new Set();
