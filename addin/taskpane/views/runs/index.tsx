/**
 * Runs (issue 13 item 5): the pane's face of the payout-run API.
 *
 * - Sign in: Office's single sign-on in Excel where the add-in has it, else an access token
 *   pasted into a password field (kept in memory only). The token's roles decide which
 *   controls show; the API decides what is allowed.
 * - Submit: the workbook's tables (Office.js: workbook.tables and their header rows) give the
 *   people table and payout column; the period and the currency (default CNY) are typed; the
 *   bytes are the open workbook as Excel hands it over (addin/office/workbook-file.ts, in 4 MiB
 *   slices) → POST /api/runs. A new run is opened and watched.
 * - Watch: GET /api/runs (status and period filters, "Show more" pages), a run polled while
 *   queued (run-model.ts watchRun), with its totals, approval levels, steps and overdue flag.
 * - Statements: a person's statement (GET …/statements/{person}) in a sandboxed frame with the
 *   API's Content-Security-Policy, saved as a web page or downloaded as a workbook.
 * - Decide: Approve / Reject with a comment, If-Match = the ETag of the last GET of the run;
 *   403, 409, 412 (someone acted first: Reload) and 428 each get their own message.
 * - Payroll: GET …/payroll?format=csv|xlsx once the run is approved.
 */
import { Button, Caption1, Field, Input, Select, Spinner, Textarea, useId } from '@fluentui/react-components';
import * as React from 'react';
import { RUNS } from '../../../../i18n/pane-runs';
import { formatAmount, render } from '../../../../i18n/text';
import { readMap } from '../../../office/export-payroll';
import { WORKBOOK_FILE_TIMEOUT_MS, WorkbookFileError, workbookFileBytes } from '../../../office/workbook-file';
import { type WorkbookTable, guessPayoutColumn, readWorkbookTablesInExcel } from '../../../office/workbook-tables';
import { isAbortError } from '../../api';
import { download } from '../../components/download';
import { failureSentence, messageOf } from '../../components/error-text';
import { formatDate } from '../../components/format';
import { useDebounced, useTranslator } from '../../components/hooks';
import { Actions, Facts, LiveStatus, Notice, Section, ViewRoot, useLayout } from '../../components/layout';
import { NeedsExcelNotice, ProblemMessage } from '../../components/messages';
import { type Translate, translator } from '../../locale';
import type { Locale, ViewProps } from '../../view-contract';
import {
  type Caller,
  type DecisionProblem,
  type SubmitForm,
  approverLevels,
  callerOf,
  commentProblem,
  currentPeriod,
  decisionProblem,
  formProblems,
  framedStatement,
  hasResults,
  isWorking,
  mayDecide,
  maySubmit,
  payrollReady,
  pendingStep,
  runMetadata,
  watchRun,
} from './run-model';
import { type AuditView, type FetchedFile, RUN_STATUSES, type Run, type RunPerson, type RunsClient, createRunsClient } from './runs-client';

type T = Translate<typeof RUNS>;

/** Saves fetched bytes or text as a file. */
function saveFile(file: { fileName: string; type: string; bytes: Uint8Array | string }): void {
  download(file.fileName, file.bytes, file.type);
}

/** An API or Excel failure as a notice: what failed, why (in the user's language), field errors. */
function Problem({ title, error, locale, children, testId }: { title: string; error: unknown; locale: Locale; children?: React.ReactNode; testId?: string }): React.JSX.Element {
  return (
    <ProblemMessage title={title} error={error} t={translator(locale)} data-testid={testId}>
      {children}
    </ProblemMessage>
  );
}

/** Why the workbook's file could not be had, in the user's language. */
export function workbookFileText(error: unknown, t: T, locale: Locale): string {
  if (error instanceof WorkbookFileError) {
    if (error.reason === 'unsupported') return t('fileUnsupported');
    if (error.reason === 'timeout') return t('fileTimeout', { seconds: WORKBOOK_FILE_TIMEOUT_MS / 1000 });
  }
  return failureSentence(error instanceof WorkbookFileError ? error.detail : messageOf(error), locale, (message) => t('fileFailed', { message }), t('fileFailedPlain'));
}

/** Why the workbook's tables could not be read (Excel's words when the user can read them). */
export function tablesFailedText(error: unknown, t: T, locale: Locale): string {
  return failureSentence(messageOf(error), locale, (message) => t('tablesFailed', { message }), t('tablesFailedPlain'));
}

export function statusText(t: T, run: Pick<Run, 'status'>): string {
  return t(`status.${run.status}`);
}

export function moneyText(run: Pick<Run, 'totals' | 'currency'>, locale: Locale): string | undefined {
  if (!run.totals) return undefined;
  return run.currency ? `${formatAmount(run.totals.payout, locale)} ${run.currency}` : formatAmount(run.totals.payout, locale);
}

// ---------------------------------------------------------------------------------------------
// The view

type ListState = { status: 'idle' | 'loading' | 'ready'; items: Run[]; continuationToken?: string } | { status: 'error'; items: Run[]; error: unknown; continuationToken?: string };
type Selected = { run: Run; etag?: string } | null;

export default function RunsView({ locale, host, apiBase }: ViewProps): React.JSX.Element {
  const t = useTranslator(RUNS, locale);
  const l = useLayout();
  const [token, setToken] = React.useState('');
  const tokenRef = React.useRef(token);
  tokenRef.current = token;
  const client = React.useMemo(() => createRunsClient(apiBase, () => tokenRef.current.trim() || undefined), [apiBase]);
  const caller = React.useMemo<Caller>(() => (token.trim() ? callerOf(token) : {}), [token]);
  const signedIn = token.trim() !== '';
  // The list follows the token once typing (or pasting) has settled.
  const listToken = useDebounced(token.trim(), 400);

  const [statusFilter, setStatusFilter] = React.useState('');
  const [periodFilter, setPeriodFilter] = React.useState('');
  const listPeriod = useDebounced(periodFilter.trim(), 400);
  const [list, setList] = React.useState<ListState>({ status: 'idle', items: [] });
  const [reloads, setReloads] = React.useState(0);
  const [selected, setSelected] = React.useState<Selected>(null);

  // The list: again when the token, a filter or Refresh changes.
  React.useEffect(() => {
    if (!listToken) {
      setList({ status: 'idle', items: [] });
      setSelected(null);
      return;
    }
    const controller = new AbortController();
    setList((previous) => ({ status: 'loading', items: previous.items }));
    client.list({ status: statusFilter || undefined, period: listPeriod || undefined }, controller.signal).then(
      (page) => setList({ status: 'ready', items: page.items, continuationToken: page.continuationToken }),
      (error: unknown) => {
        if (!isAbortError(error)) setList((previous) => ({ status: 'error', items: previous.items, error }));
      },
    );
    return () => controller.abort();
  }, [client, listToken, statusFilter, listPeriod, reloads]);

  const more = async () => {
    if (!list.continuationToken) return;
    const continuationToken = list.continuationToken;
    setList((previous) => ({ ...previous, status: 'loading' }) as ListState);
    try {
      const page = await client.list({ status: statusFilter || undefined, period: listPeriod || undefined, continuationToken });
      setList((previous) => ({ status: 'ready', items: [...previous.items, ...page.items.filter((r) => !previous.items.some((p) => p.id === r.id))], continuationToken: page.continuationToken }));
    } catch (error) {
      setList((previous) => ({ status: 'error', items: previous.items, error, continuationToken }));
    }
  };

  /** A fresher answer for a run: shown in the list, and in its details when they are open. */
  const onAnswer = React.useCallback((answer: { run: Run; etag?: string }) => {
    setSelected((current) => (current && current.run.id === answer.run.id ? answer : current));
    setList((previous) => {
      const at = previous.items.findIndex((r) => r.id === answer.run.id);
      const items = at >= 0 ? previous.items.map((r, i) => (i === at ? answer.run : r)) : [answer.run, ...previous.items];
      return { ...previous, items } as ListState;
    });
  }, []);

  // Watching the open run while it is queued.
  const [watchError, setWatchError] = React.useState<unknown>(undefined);
  const [watches, setWatches] = React.useState(0);
  const watchedId = selected && isWorking(selected.run) ? selected.run.id : undefined;
  React.useEffect(() => {
    setWatchError(undefined);
    if (!watchedId) return;
    const controller = new AbortController();
    watchRun(client, watchedId, onAnswer, { signal: controller.signal }).catch((error: unknown) => {
      if (!isAbortError(error)) setWatchError(error);
    });
    return () => controller.abort();
  }, [client, watchedId, onAnswer, watches]);

  /** A run just submitted: listed and opened (then watched while queued). */
  const onSubmitted = React.useCallback(
    (answer: { run: Run; etag?: string }) => {
      setSelected(answer);
      onAnswer(answer);
    },
    [onAnswer],
  );

  const open = async (run: Run) => {
    setSelected({ run });
    try {
      onAnswer(await client.get(run.id));
    } catch {
      // The details show the listed run; Reload reports the failure.
    }
  };

  return (
    <ViewRoot view="runs" locale={locale} title={t('title')} intro={t('intro')} testId="runs-view">
      <SignIn t={t} locale={locale} inExcel={host.inExcel} token={token} caller={caller} onToken={setToken} />

      <SubmitSection t={t} locale={locale} inExcel={host.inExcel} client={client} enabled={signedIn && maySubmit(caller)} onSubmitted={onSubmitted} />

      <Section heading={t('listHeading')} data-testid="runs-list-section">
        {!signedIn && <Caption1>{t('notSignedIn')}</Caption1>}
        <div className={l.actions}>
          <Field label={t('statusFilter')} className={l.grow}>
            <Select className={l.fill} value={statusFilter} onChange={(_, d) => setStatusFilter(d.value)} data-testid="runs-status-filter">
              <option value="">{t('statusAll')}</option>
              {RUN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('periodFilter')} className={l.grow}>
            <Input className={l.fill} value={periodFilter} onChange={(_, d) => setPeriodFilter(d.value)} data-testid="runs-period-filter" />
          </Field>
        </div>
        <Actions>
          <Button disabledFocusable={!signedIn || list.status === 'loading'} onClick={() => setReloads((n) => n + 1)} data-testid="runs-refresh">
            {t('refresh')}
          </Button>
        </Actions>
        <div role="status" aria-live="polite" data-testid="runs-status">
          {list.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={t('loadingRuns')} />}
          {list.status === 'ready' && <Caption1>{list.items.length === 0 ? t('noRuns') : t('runCount', { count: list.items.length })}</Caption1>}
        </div>
        {list.status === 'error' && <Problem title={t('listFailed')} error={list.error} locale={locale} testId="runs-list-error" />}
        <RunList runs={list.items} t={t} locale={locale} selectedId={selected?.run.id} onOpen={open} />
        {list.continuationToken && (
          <Actions>
            <Button onClick={more} disabledFocusable={list.status === 'loading'} data-testid="runs-more">
              {t('more')}
            </Button>
          </Actions>
        )}
      </Section>

      {selected && (
        <RunDetails
          key={selected.run.id}
          answer={selected}
          client={client}
          caller={caller}
          t={t}
          locale={locale}
          onAnswer={onAnswer}
          onClose={() => setSelected(null)}
          watchError={watchError}
          onWatchAgain={() => setWatches((n) => n + 1)}
        />
      )}
    </ViewRoot>
  );
}

// ---------------------------------------------------------------------------------------------
// Signing in

function SignIn({ t, locale, inExcel, token, caller, onToken }: { t: T; locale: Locale; inExcel: boolean; token: string; caller: Caller; onToken: (token: string) => void }): React.JSX.Element {
  const [sso, setSso] = React.useState<{ kind: 'idle' | 'busy' } | { kind: 'failed'; code: string }>({ kind: 'idle' });
  const ssoAvailable = inExcel && typeof OfficeRuntime !== 'undefined' && typeof OfficeRuntime.auth?.getAccessToken === 'function';
  const signInWithOffice = async () => {
    setSso({ kind: 'busy' });
    try {
      const token = await OfficeRuntime.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
      onToken(token);
      setSso({ kind: 'idle' });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '?';
      setSso({ kind: 'failed', code });
    }
  };
  const roles = caller.roles?.map((role) => roleName(t, role)).filter((r): r is string => r !== undefined);
  return (
    <Section heading={t('signInHeading')} help={t('signInHelp')} data-testid="runs-sign-in">
      {ssoAvailable && (
        <Actions>
          <Button appearance="primary" onClick={signInWithOffice} disabledFocusable={sso.kind === 'busy'} data-testid="runs-sso">
            {sso.kind === 'busy' ? t('signingIn') : t('signInOffice')}
          </Button>
        </Actions>
      )}
      {sso.kind === 'failed' && <Notice intent="warning">{t('signInFailed', { code: sso.code })}</Notice>}
      <Field label={t('tokenLabel')}>
        <Input type="password" autoComplete="off" value={token} onChange={(_, d) => onToken(d.value)} data-testid="runs-token" />
      </Field>
      {token.trim() !== '' && (
        <>
          <LiveStatus data-testid="runs-caller">
            {t('signedInAs', { name: caller.name ?? t('someone'), roles: roles && roles.length > 0 ? roles.join(locale === 'zh-CN' ? '、' : ', ') : t('noRoles') })}
          </LiveStatus>
          <Actions>
            <Button size="small" onClick={() => onToken('')} data-testid="runs-sign-out">
              {t('signOut')}
            </Button>
          </Actions>
        </>
      )}
    </Section>
  );
}

function roleName(t: T, role: string): string | undefined {
  if (role === 'Payouts.Submitter') return t('roleSubmitter');
  if (role === 'Payouts.Approver') return t('roleApprover');
  const [level] = approverLevels([role]);
  return level !== undefined ? t('roleApproverTier', { level }) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Submitting

type TablesState = { kind: 'idle' | 'busy' } | { kind: 'ready'; tables: WorkbookTable[] } | { kind: 'failed'; text: string };
type SubmitState = { kind: 'idle' | 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; error: unknown } | { kind: 'file'; text: string };

export interface SubmitSectionProps {
  t: T;
  locale: Locale;
  inExcel: boolean;
  client: RunsClient;
  enabled: boolean;
  onSubmitted: (answer: { run: Run; etag?: string }) => void;
  /** For tests: the workbook's tables and bytes. */
  readTables?: () => Promise<WorkbookTable[]>;
  readBytes?: () => Promise<Uint8Array>;
}

export function SubmitSection({ t, locale, inExcel, client, enabled, onSubmitted, readTables = readWorkbookTablesInExcel, readBytes = workbookFileBytes }: SubmitSectionProps): React.JSX.Element {
  const l = useLayout();
  const noteId = useId('runs-excel-note');
  const [tables, setTables] = React.useState<TablesState>({ kind: 'idle' });
  const [form, setForm] = React.useState<SubmitForm>(() => ({ period: currentPeriod(), peopleTable: '', payoutColumn: '', currency: 'CNY' }));
  const [state, setState] = React.useState<SubmitState>({ kind: 'idle' });
  const [touched, setTouched] = React.useState(false);

  const load = React.useCallback(async () => {
    setTables({ kind: 'busy' });
    try {
      const found = await readTables();
      setTables({ kind: 'ready', tables: found });
      setForm((f) => {
        const table = found.find((x) => x.name === f.peopleTable) ?? found[0];
        if (!table) return { ...f, peopleTable: '', payoutColumn: '' };
        const column = table.headers.includes(f.payoutColumn) ? f.payoutColumn : (guessPayoutColumn(table.headers) ?? '');
        return { ...f, peopleTable: table.name, payoutColumn: column };
      });
    } catch (error) {
      setTables({ kind: 'failed', text: tablesFailedText(error, t, locale) });
    }
  }, [readTables]);

  React.useEffect(() => {
    if (inExcel) void load();
  }, [inExcel, load]);

  const available = tables.kind === 'ready' ? tables.tables : [];
  const table = available.find((x) => x.name === form.peopleTable);
  const problems = formProblems(form);
  const mapProblem = React.useMemo(() => mapProblemText(form.payrollMap ?? '', locale), [form.payrollMap, locale]);
  const ready = enabled && inExcel && table !== undefined && form.payoutColumn !== '' && Object.keys(problems).length === 0 && mapProblem === undefined && state.kind !== 'busy';

  const submit = async () => {
    setTouched(true);
    if (!ready) return;
    setState({ kind: 'busy' });
    let bytes: Uint8Array;
    try {
      bytes = await readBytes();
    } catch (error) {
      setState({ kind: 'file', text: workbookFileText(error, t, locale) });
      return;
    }
    try {
      const answer = await client.submit(runMetadata(form, locale), bytes);
      setState({ kind: 'done', text: answer.created ? t('submitted', { period: answer.run.period }) : t('alreadySubmitted', { period: answer.run.period }) });
      onSubmitted(answer);
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const set = (patch: Partial<SubmitForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <Section heading={t('submitHeading')} help={t('submitHelp')} data-testid="runs-submit">
      <NeedsExcelNotice inExcel={inExcel} id={noteId} testId="runs-needs-excel" text={t('needsExcel')} />
      <Actions>
        <Button disabledFocusable={!inExcel || tables.kind === 'busy'} aria-describedby={inExcel ? undefined : noteId} onClick={() => void load()} data-testid="runs-read-tables">
          {tables.kind === 'busy' ? t('readingTables') : t('readTables')}
        </Button>
      </Actions>
      <div role="status" aria-live="polite">
        {tables.kind === 'ready' && available.length === 0 && <Notice intent="warning">{t('noTables')}</Notice>}
        {tables.kind === 'failed' && <Notice intent="error">{tables.text}</Notice>}
      </div>
      <Field label={t('periodLabel')} hint={t('periodHint')} required validationState={touched && problems.period ? 'error' : 'none'} validationMessage={touched && problems.period ? t(problems.period) : undefined}>
        <Input className={l.fill} value={form.period} onChange={(_, d) => set({ period: d.value })} data-testid="runs-period" />
      </Field>
      <Field label={t('tableLabel')} required>
        <Select
          className={l.fill}
          value={form.peopleTable}
          disabled={available.length === 0}
          onChange={(_, d) => {
            const next = available.find((x) => x.name === d.value);
            set({ peopleTable: d.value, payoutColumn: next ? (guessPayoutColumn(next.headers) ?? '') : '' });
          }}
          data-testid="runs-table"
        >
          {available.length === 0 && <option value="">—</option>}
          {available.map((x) => (
            <option key={x.name} value={x.name}>
              {t('tableOption', { table: x.name, sheet: x.sheet })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('columnLabel')} required>
        <Select className={l.fill} value={form.payoutColumn} disabled={!table} onChange={(_, d) => set({ payoutColumn: d.value })} data-testid="runs-column">
          {!table && <option value="">—</option>}
          {table?.headers.map((header, i) => (
            <option key={`${i}:${header}`} value={header}>
              {header}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('currencyLabel')} hint={t('currencyHint')} validationState={problems.currency ? 'error' : 'none'} validationMessage={problems.currency ? t(problems.currency) : undefined}>
        <Input className={l.fill} value={form.currency} maxLength={3} onChange={(_, d) => set({ currency: d.value.toUpperCase() })} data-testid="runs-currency" />
      </Field>
      <Field label={t('mapLabel')} hint={t('mapHint')} validationState={mapProblem ? 'error' : 'none'} validationMessage={mapProblem}>
        <Textarea value={form.payrollMap ?? ''} resize="vertical" rows={4} onChange={(_, d) => set({ payrollMap: d.value })} data-testid="runs-map" />
      </Field>
      <Actions>
        <Button appearance="primary" disabledFocusable={!ready} aria-describedby={inExcel ? undefined : noteId} onClick={submit} data-testid="runs-submit-button">
          {state.kind === 'busy' ? t('submitting') : t('submit')}
        </Button>
      </Actions>
      <div role="status" aria-live="polite" data-testid="runs-submit-status">
        {state.kind === 'done' && <Notice intent="success">{state.text}</Notice>}
        {state.kind === 'file' && <Notice intent="error">{state.text}</Notice>}
        {state.kind === 'failed' && <Problem title={t('submitFailed')} error={state.error} locale={locale} testId="runs-submit-error" />}
      </div>
    </Section>
  );
}

/** Why a pasted payroll map is refused, in the command's words and the user's language; undefined when blank or good. */
export function mapProblemText(text: string, locale: Locale): string | undefined {
  if (text.trim() === '') return undefined;
  const map = readMap(text);
  return 'columns' in map ? undefined : render(map.text, locale, map.params);
}

// ---------------------------------------------------------------------------------------------
// The list

export function RunList({ runs, t, locale, selectedId, onOpen }: { runs: readonly Run[]; t: T; locale: Locale; selectedId?: string; onOpen: (run: Run) => void }): React.JSX.Element | null {
  const l = useLayout();
  if (runs.length === 0) return null;
  return (
    <ul className={l.list} aria-label={t('runsLabel')} data-testid="runs-list">
      {runs.map((run) => (
        <li key={run.id} className={l.card} data-run={run.id} data-status={run.status} aria-current={run.id === selectedId ? 'true' : undefined}>
          <strong className={l.wrap}>{t('runTitle', { period: run.period })}</strong>
          <Facts
            facts={[
              { term: t('factStatus'), value: <RunStatusText run={run} t={t} />, testId: 'run-status' },
              run.totals && { term: t('factTotal'), value: moneyText(run, locale), testId: 'run-total' },
              run.totals && { term: t('factPeople'), value: String(run.totals.people) },
              run.tier !== null && { term: t('factTier'), value: String(run.tier), testId: 'run-tier' },
              run.steps.length > 0 && { term: t('stepsHeading'), value: stepsSummary(run, t) },
            ]}
          />
          <Actions>
            <Button size="small" onClick={() => onOpen(run)} aria-label={t('openLabel', { period: run.period, status: statusText(t, run) })} data-testid="run-open">
              {t('open')}
            </Button>
          </Actions>
        </li>
      ))}
    </ul>
  );
}

const DEFAULT_LEVELS = ['department', 'finance', 'executive'] as const;

/** An approval level's name: the default ones in the user's language, configured ones as they are. */
export function levelName(t: T, name: string): string {
  const known = DEFAULT_LEVELS.find((level) => level === name.trim().toLowerCase());
  return known ? t(`level.${known}`) : name;
}

function stepsSummary(run: Run, t: T): string {
  return run.steps.map((s) => `${s.level}. ${t(`step.${s.status}`)}`).join(' · ');
}

function RunStatusText({ run, t }: { run: Run; t: T }): React.JSX.Element {
  return (
    <>
      {statusText(t, run)}
      {run.overdue && (
        <>
          {' · '}
          <strong data-testid="run-overdue">{t('overdue')}</strong>
        </>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// One run

type Load<V> = { kind: 'idle' | 'busy' } | { kind: 'ready'; value: V } | { kind: 'failed'; error: unknown };
type DecisionState = { kind: 'idle' | 'busy' } | { kind: 'failed'; problem: DecisionProblem; error: unknown };

export interface RunDetailsProps {
  answer: { run: Run; etag?: string };
  client: RunsClient;
  caller: Caller;
  t: T;
  locale: Locale;
  onAnswer: (answer: { run: Run; etag?: string }) => void;
  onClose: () => void;
  /** For server renders in tests: a statement already fetched. */
  initialStatement?: { person: RunPerson; html: string };
  /** For server renders in tests: the people already fetched. */
  initialPeople?: RunPerson[];
  /** For server renders in tests: a decision that already failed. */
  initialDecision?: DecisionState;
  /** For server renders in tests: the history already fetched. */
  initialHistory?: AuditView;
  /** Why watching the queued run stopped, if it did. */
  watchError?: unknown;
  onWatchAgain?: () => void;
}

export function RunDetails({ answer, client, caller, t, locale, onAnswer, onClose, initialStatement, initialPeople, initialDecision, initialHistory, watchError, onWatchAgain }: RunDetailsProps): React.JSX.Element {
  const l = useLayout();
  const { run, etag } = answer;
  const headingId = useId('runs-details');
  const [reload, setReload] = React.useState<Load<null>>({ kind: 'idle' });
  const [decided, setDecided] = React.useState<string | undefined>(undefined);

  const doReload = async () => {
    setReload({ kind: 'busy' });
    try {
      onAnswer(await client.get(run.id));
      setReload({ kind: 'idle' });
    } catch (error) {
      setReload({ kind: 'failed', error });
    }
  };

  return (
    <Section heading={t('detailsHeading', { period: run.period })} headingId={headingId} data-testid="run-details" data-run={run.id} data-status={run.status}>
      <Actions>
        <Button size="small" onClick={doReload} disabledFocusable={reload.kind === 'busy'} data-testid="run-reload">
          {t('reload')}
        </Button>
        <Button size="small" appearance="subtle" onClick={onClose} data-testid="run-close">
          {t('close')}
        </Button>
      </Actions>
      <div role="status" aria-live="polite">
        {isWorking(run) && watchError === undefined && <Spinner size="tiny" labelPosition="after" label={t('watching')} data-testid="run-watching" />}
      </div>
      {isWorking(run) && watchError !== undefined && (
        <Problem title={t('watchFailed')} error={watchError} locale={locale} testId="run-watch-error">
          {onWatchAgain && (
            <div>
              <Button size="small" onClick={onWatchAgain} data-testid="run-watch-again">
                {t('reload')}
              </Button>
            </div>
          )}
        </Problem>
      )}
      {reload.kind === 'failed' && <Problem title={t('listFailed')} error={reload.error} locale={locale} />}
      <Facts
        facts={[
          { term: t('factStatus'), value: <RunStatusText run={run} t={t} />, testId: 'run-details-status' },
          { term: t('factPeriod'), value: run.period },
          { term: t('factTable'), value: run.peopleTable },
          { term: t('factColumn'), value: run.payoutColumn },
          { term: t('factTotal'), value: moneyText(run, locale) ?? t('notYet'), testId: 'run-details-total' },
          { term: t('factPeople'), value: run.totals ? String(run.totals.people) : t('notYet') },
          { term: t('factTier'), value: run.tier !== null ? String(run.tier) : t('notYet'), testId: 'run-details-tier' },
          run.submittedAt !== undefined && { term: t('factSubmitted'), value: t('submittedBy', { date: formatDate(run.submittedAt, locale), who: run.submittedBy ?? t('someone') }) },
          run.updatedAt !== undefined && { term: t('factUpdated'), value: formatDate(run.updatedAt, locale) },
          run.workbook && { term: t('factWorkbook'), value: <span className={l.mono} translate="no">{run.workbook.sha256}</span> },
        ]}
      />

      {run.errors.length > 0 && (
        <Notice intent="error" title={t('errorsHeading')} data-testid="run-errors">
          <ul>
            {run.errors.map((e, i) => (
              <li key={i}>{e.cell ? t('errorAt', { person: e.person ?? '—', cell: e.cell, message: e.message }) : e.person ? `${e.person} — ${e.message}` : e.message}</li>
            ))}
          </ul>
        </Notice>
      )}

      {run.steps.length > 0 && <Steps run={run} t={t} locale={locale} />}

      {hasResults(run) && <Statements run={run} client={client} t={t} locale={locale} initialStatement={initialStatement} initialPeople={initialPeople} />}

      {(mayDecide(run, caller) || initialDecision) && (
        <Decision run={run} etag={etag} client={client} t={t} locale={locale} onAnswer={onAnswer} onReload={doReload} onDecided={setDecided} initial={initialDecision} />
      )}
      {/* What was just decided stays said when the decision's controls go (the last level). */}
      <div role="status" aria-live="polite" data-testid="run-decided">
        {decided && <Notice intent="success">{decided}</Notice>}
      </div>

      <Payroll run={run} client={client} t={t} locale={locale} onAnswer={onAnswer} />

      <History run={run} client={client} t={t} locale={locale} initial={initialHistory} />
    </Section>
  );
}

function Steps({ run, t, locale }: { run: Run; t: T; locale: Locale }): React.JSX.Element {
  const l = useLayout();
  return (
    <Section heading={t('stepsHeading')} data-testid="run-steps">
      <ol className={l.list} aria-label={t('stepsLabel')}>
        {run.steps.map((s) => (
          <li key={s.level} className={l.card} data-step={s.level} data-step-status={s.status}>
            <strong>{t('stepTitle', { level: s.level, name: levelName(t, s.name) })}</strong>
            <span>
              {t(`step.${s.status}`)}
              {s.status === 'pending' && s.dueAt && ` · ${t('stepDue', { date: formatDate(s.dueAt, locale) })}`}
              {s.overdue && (
                <>
                  {' · '}
                  <strong>{t('overdue')}</strong>
                </>
              )}
            </span>
            {s.decidedAt && <Caption1>{t('stepDecided', { who: s.decidedBy?.name ?? s.decidedBy?.sub ?? t('someone'), date: formatDate(s.decidedAt, locale) })}</Caption1>}
            {s.comment && <Caption1 className={l.wrap}>{t('stepComment', { comment: s.comment })}</Caption1>}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function Statements({ run, client, t, locale, initialStatement, initialPeople }: { run: Run; client: RunsClient; t: T; locale: Locale; initialStatement?: { person: RunPerson; html: string }; initialPeople?: RunPerson[] }): React.JSX.Element {
  const l = useLayout();
  const [people, setPeople] = React.useState<Load<RunPerson[]>>(initialPeople ? { kind: 'ready', value: initialPeople } : { kind: 'idle' });
  const [chosen, setChosen] = React.useState(initialStatement?.person.statement ?? initialPeople?.[0]?.statement ?? '');
  const [statement, setStatement] = React.useState<Load<{ person: RunPerson; html: string }>>(initialStatement ? { kind: 'ready', value: initialStatement } : { kind: 'idle' });
  const [saving, setSaving] = React.useState<Load<null>>({ kind: 'idle' });

  React.useEffect(() => {
    if (initialPeople) return;
    const controller = new AbortController();
    setPeople({ kind: 'busy' });
    client.people(run.id, controller.signal).then(
      (value) => {
        setPeople({ kind: 'ready', value });
        setChosen((c) => c || value[0]?.statement || '');
      },
      (error: unknown) => !isAbortError(error) && setPeople({ kind: 'failed', error }),
    );
    return () => controller.abort();
  }, [client, run.id, initialPeople]);

  const list = people.kind === 'ready' ? people.value : [];
  const person = list.find((p) => p.statement === chosen);

  const show = async () => {
    if (!person) return;
    setStatement({ kind: 'busy' });
    try {
      setStatement({ kind: 'ready', value: { person, html: await client.statementHtml(run.id, person.statement) } });
    } catch (error) {
      setStatement({ kind: 'failed', error });
    }
  };
  const saveXlsx = async () => {
    if (!person) return;
    setSaving({ kind: 'busy' });
    try {
      saveFile(await client.statementXlsx(run.id, person.statement));
      setSaving({ kind: 'idle' });
    } catch (error) {
      setSaving({ kind: 'failed', error });
    }
  };
  const shown = statement.kind === 'ready' ? statement.value : undefined;

  return (
    <Section heading={t('statementsHeading')} data-testid="run-statements">
      {people.kind === 'busy' && <Spinner size="tiny" labelPosition="after" label={t('loadingPeople')} />}
      {people.kind === 'failed' && <Problem title={t('peopleFailed')} error={people.error} locale={locale} />}
      {list.length > 0 && (
        <>
          <Field label={t('personLabel')}>
            <Select className={l.fill} value={chosen} onChange={(_, d) => setChosen(d.value)} data-testid="run-person">
              {list.map((p) => (
                <option key={p.statement} value={p.statement}>
                  {t('personOption', { name: p.id ? `${p.name} (${p.id})` : p.name, payout: p.payout === null ? '—' : formatAmount(p.payout, locale) })}
                </option>
              ))}
            </Select>
          </Field>
          <Actions>
            <Button onClick={show} disabledFocusable={!person || statement.kind === 'busy'} data-testid="run-statement-show">
              {t('showStatement')}
            </Button>
            <Button onClick={saveXlsx} disabledFocusable={!person || saving.kind === 'busy'} data-testid="run-statement-xlsx">
              {t('statementXlsx')}
            </Button>
          </Actions>
        </>
      )}
      {statement.kind === 'failed' && <Problem title={t('statementFailed')} error={statement.error} locale={locale} testId="run-statement-error" />}
      {saving.kind === 'failed' && <Problem title={t('statementFailed')} error={saving.error} locale={locale} />}
      {shown && (
        <>
          <iframe
            title={t('statementFrame', { name: shown.person.name })}
            srcDoc={framedStatement(shown.html)}
            // No scripts, no same origin: the page is the API's, shown under its own policy.
            sandbox=""
            style={{ width: '100%', height: '480px', border: '1px solid #d1d1d1', boxSizing: 'border-box', display: 'block' }}
            data-testid="run-statement-frame"
          />
          <Actions>
            <Button
              size="small"
              onClick={() => saveFile({ fileName: `statement-${shown.person.statement}.html`, type: 'text/html;charset=utf-8', bytes: shown.html })}
              data-testid="run-statement-save"
            >
              {t('saveStatement')}
            </Button>
          </Actions>
        </>
      )}
    </Section>
  );
}

function Decision({
  run,
  etag,
  client,
  t,
  locale,
  onAnswer,
  onReload,
  onDecided,
  initial,
}: {
  run: Run;
  etag?: string;
  client: RunsClient;
  t: T;
  locale: Locale;
  onAnswer: (a: { run: Run; etag?: string }) => void;
  onReload: () => void;
  onDecided: (text: string) => void;
  initial?: DecisionState;
}): React.JSX.Element {
  const step = pendingStep(run);
  const [comment, setComment] = React.useState('');
  const [state, setState] = React.useState<DecisionState>(initial ?? { kind: 'idle' });
  const [check, setCheck] = React.useState<'commentNeeded' | 'commentTooLong' | undefined>(undefined);
  // A run read again (Reload, or a new level) makes an earlier refusal old news.
  const seen = React.useRef(etag);
  React.useEffect(() => {
    if (seen.current === etag) return;
    seen.current = etag;
    setState((s) => (s.kind === 'failed' ? { kind: 'idle' } : s));
  }, [etag]);

  const decide = async (decision: 'approve' | 'reject') => {
    const problem = commentProblem(decision, comment);
    setCheck(problem);
    if (problem) return;
    setState({ kind: 'busy' });
    try {
      const answer = await client.decide(run.id, decision, comment, etag);
      setState({ kind: 'idle' });
      onDecided(decision === 'approve' ? t('approved', { level: step?.level ?? 1 }) : t('rejected'));
      setComment('');
      onAnswer(answer);
    } catch (error) {
      setState({ kind: 'failed', problem: decisionProblem(error), error });
    }
  };

  const busy = state.kind === 'busy';
  return (
    <Section heading={t('decideHeading')} help={step ? t('decideHelp', { level: step.level, name: levelName(t, step.name) }) : undefined} data-testid="run-decision">
      <Field label={t('commentLabel')} validationState={check ? 'error' : 'none'} validationMessage={check ? t(check) : undefined}>
        <Textarea value={comment} resize="vertical" rows={3} onChange={(_, d) => setComment(d.value)} data-testid="run-comment" />
      </Field>
      <Actions>
        <Button appearance="primary" onClick={() => decide('approve')} disabledFocusable={busy || !step} data-testid="run-approve">
          {busy ? t('deciding') : t('approve')}
        </Button>
        <Button onClick={() => decide('reject')} disabledFocusable={busy || !step} data-testid="run-reject">
          {t('reject')}
        </Button>
      </Actions>
      <div role="status" aria-live="polite" data-testid="run-decision-status">
        {state.kind === 'failed' && state.problem === 'other' && <Problem title={t('decisionFailed')} error={state.error} locale={locale} testId="run-decision-error" />}
        {state.kind === 'failed' && state.problem !== 'other' && (
          <Notice
            intent={state.problem === 'stale' ? 'warning' : 'error'}
            title={t('decisionFailed')}
            data-testid="run-decision-error"
            data-problem={state.problem}
            actions={
              state.problem === 'stale' || state.problem === 'notAwaiting' || state.problem === 'reloadFirst' ? (
                <Button size="small" onClick={onReload} data-testid="run-decision-reload">
                  {t('reload')}
                </Button>
              ) : undefined
            }
          >
            {t(state.problem)}
          </Notice>
        )}
      </div>
    </Section>
  );
}

function Payroll({ run, client, t, locale, onAnswer }: { run: Run; client: RunsClient; t: T; locale: Locale; onAnswer: (a: { run: Run; etag?: string }) => void }): React.JSX.Element {
  const l = useLayout();
  const [format, setFormat] = React.useState<'csv' | 'xlsx'>('csv');
  const [state, setState] = React.useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; file: string } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });
  const ready = payrollReady(run);
  const noteId = useId('runs-payroll-note');

  const download = async () => {
    setState({ kind: 'busy' });
    try {
      const file: FetchedFile = await client.payroll(run.id, format);
      saveFile(file);
      setState({ kind: 'done', file: file.fileName });
    } catch (error) {
      setState({ kind: 'failed', error });
      return;
    }
    // The first download marks the run exported: show it.
    if (run.status === 'approved') client.get(run.id).then(onAnswer, () => undefined);
  };

  return (
    <Section heading={t('payrollHeading')} help={t('payrollHelp')} data-testid="run-payroll">
      {!ready && (
        <Caption1 id={noteId} data-testid="run-payroll-not-yet">
          {t('payrollNotYet')}
        </Caption1>
      )}
      <Field label={t('formatLabel')}>
        <Select className={l.fill} value={format} onChange={(_, d) => setFormat(d.value === 'xlsx' ? 'xlsx' : 'csv')} data-testid="run-payroll-format">
          <option value="csv">{t('formatCsv')}</option>
          <option value="xlsx">{t('formatXlsx')}</option>
        </Select>
      </Field>
      <Actions>
        <Button onClick={download} disabledFocusable={!ready || state.kind === 'busy'} aria-describedby={ready ? undefined : noteId} data-testid="run-payroll-download">
          {state.kind === 'busy' ? t('downloading') : t('downloadPayroll')}
        </Button>
      </Actions>
      <div role="status" aria-live="polite">
        {state.kind === 'done' && <Notice intent="success">{t('downloaded', { file: state.file })}</Notice>}
        {state.kind === 'failed' && <Problem title={t('payrollFailed')} error={state.error} locale={locale} testId="run-payroll-error" />}
      </div>
    </Section>
  );
}

/** The run's audit: shown on request (and again after each change of the run while open). */
function History({ run, client, t, locale, initial }: { run: Run; client: RunsClient; t: T; locale: Locale; initial?: AuditView }): React.JSX.Element {
  const l = useLayout();
  const [state, setState] = React.useState<Load<AuditView>>(initial ? { kind: 'ready', value: initial } : { kind: 'idle' });
  const [asked, setAsked] = React.useState(initial !== undefined);

  React.useEffect(() => {
    if (!asked || initial) return;
    const controller = new AbortController();
    setState({ kind: 'busy' });
    client.audit(run.id, controller.signal).then(
      (value) => setState({ kind: 'ready', value }),
      (error: unknown) => !isAbortError(error) && setState({ kind: 'failed', error }),
    );
    return () => controller.abort();
  }, [asked, client, run.id, run.updatedAt, run.status, initial]);

  const audit = state.kind === 'ready' ? state.value : undefined;
  const broken = audit && !audit.verified ? audit.problems.find((p) => p.seq !== undefined)?.seq : undefined;
  return (
    <Section heading={t('historyHeading')} data-testid="run-history">
      {!asked && (
        <Actions>
          <Button size="small" onClick={() => setAsked(true)} data-testid="run-history-show">
            {t('showHistory')}
          </Button>
        </Actions>
      )}
      {state.kind === 'busy' && <Spinner size="tiny" labelPosition="after" label={t('loadingRuns')} />}
      {state.kind === 'failed' && <Problem title={t('historyFailed')} error={state.error} locale={locale} />}
      {audit && (
        <>
          <Notice intent={audit.verified ? 'success' : 'error'} data-testid="run-history-verified" data-verified={String(audit.verified)}>
            {audit.verified ? t('historyVerified') : broken !== undefined ? t('historyBroken', { seq: broken }) : t('historyBrokenSomewhere')}
          </Notice>
          <ol className={l.list} aria-label={t('historyHeading')}>
            {audit.entries.map((e) => (
              <li key={e.seq} data-seq={e.seq} data-action={e.action}>
                <Caption1 className={l.wrap}>
                  {t('historyEntry', {
                    date: formatDateTime(e.at, locale),
                    action: e.level !== undefined && (e.action === 'approve' || e.action === 'reject') ? `${t(`action.${e.action}`)} (${t('historyLevel', { level: e.level })})` : t(`action.${e.action}`),
                    who: e.actor.name ?? (e.action === 'calculate' || e.action === 'route' || e.action === 'fail' ? t('system') : (e.actor.sub ?? t('someone'))),
                  })}
                </Caption1>
                {e.comment && <Caption1 className={l.wrap}>{t('stepComment', { comment: e.comment })}</Caption1>}
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

/** A moment as the locale writes it, to the minute (UTC, as the API records it). */
function formatDateTime(value: string, locale: Locale): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(time));
}

export type { DecisionState };
