/**
 * Compare plans (issue 12 item 2): the pane's `perfplan compare`, inside Excel.
 *
 * 1. The user selects the column of names and the column of payouts and uses each;
 * 2. "Copy sheet" copies their sheet (addin/office/compare-plans.ts): plan B is the copy, to be
 *    changed in Excel — the plan table or the inputs; the original is only ever read;
 * 3. "Recalculate and compare" recalculates, reads both sheets and compares them with
 *    calc/compare.ts: totals, a waterfall of the total (SVG), better / worse off, joiners and
 *    leavers, and the person-by-person table. "Delete copy" removes the copy.
 *
 * In a plain browser the actions are disabled with a note. Results and errors are announced
 * through polite live regions.
 */
import { Button, Caption1, Table, TableBody, TableCell, TableRow, Text, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import * as React from 'react';
import type { Comparison, PersonChange } from '../../../../calc/compare';
import { COMPARE } from '../../../../i18n/pane-outputs';
import { type CeilingPair, type PlanColumns, isColumnsIssue, planColumns } from '../../../office/compare-plans';
import { Actions, Facts, LiveStatus, Notice, Section, ViewRoot, useLayout } from '../../components/layout';
import { NeedsExcelNotice } from '../../components/messages';
import { type NumberFormats, numberFormats } from '../../components/numbers';
import { useDraft } from '../../drafts';
import type { Translate } from '../../locale';
import { useTranslator } from '../../components/hooks';
import type { Locale, ViewProps } from '../../view-contract';
import { type WaterfallBar, ceilingText, issueText, problemText, waterfall, waterfallDomain } from './compare-model';
import { compareSheets, copySheet, deleteCopy, selectedAddress } from './excel-ops';
import { failureSentence, messageOf } from '../../components/error-text';
import { NumberTableHeader } from '../../components/number-table-header';

type T = Translate<typeof COMPARE>;

interface CompareDraft {
  keys: string | null;
  values: string | null;
  /** The copy made for plan B, and the sheet it copies. */
  copy: { name: string; original: string } | null;
}

const EMPTY_DRAFT: CompareDraft = { keys: null, values: null, copy: null };

function isCompareDraft(value: unknown): value is CompareDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<CompareDraft>;
  const textOrNull = (v: unknown) => v === null || typeof v === 'string';
  const copy = d.copy;
  return textOrNull(d.keys) && textOrNull(d.values) && (copy === null || (typeof copy === 'object' && copy !== undefined && typeof copy.name === 'string' && typeof copy.original === 'string'));
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'copy' | 'compare' | 'delete' }
  | { kind: 'done'; comparison: Comparison; ceilings: CeilingPair[] }
  | { kind: 'problems'; problems: string[] }
  | { kind: 'failed'; text: string };

/** Why an Excel step failed, in the user's language: Excel's own words only when the user can read them. */
function failureText(error: unknown, t: Translate<typeof COMPARE>, locale: Locale): string {
  return failureSentence(messageOf(error), locale, (message) => t('failed', { message }), t('failedPlain'));
}

export default function CompareView({ locale, host }: ViewProps): React.JSX.Element {
  const t = useTranslator(COMPARE, locale);
  const l = useLayout();
  const noteId = useId('cmp-note');
  const formats = numberFormats(host.numberLocale ?? locale);
  const inExcel = host.inExcel;
  const [draft, setDraft] = useDraft<CompareDraft>('compare', EMPTY_DRAFT, isCompareDraft);
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const [notice, setNotice] = React.useState<string | null>(null);

  // The two selections read once: either the columns to compare or why they cannot be.
  const found = React.useMemo(() => (draft.keys && draft.values ? planColumns(draft.keys, draft.values) : null), [draft.keys, draft.values]);
  const columns: PlanColumns | null = found && !isColumnsIssue(found) ? found : null;
  const columnsIssue = found && isColumnsIssue(found) ? issueText(t, found) : null;

  const busy = state.kind === 'busy';
  const copyMatches = draft.copy !== null && columns !== null && draft.copy.original.toLowerCase() === columns.sheet.toLowerCase();

  const use = (field: 'keys' | 'values') => async () => {
    setNotice(null);
    try {
      const address = await selectedAddress();
      setDraft((d) => ({ ...d, [field]: address }));
    } catch (error) {
      setNotice(failureText(error, t, locale));
    }
  };

  const onCopy = async () => {
    if (!columns) return;
    setState({ kind: 'busy', what: 'copy' });
    try {
      const name = await copySheet(columns.sheet, t('copyName', { sheet: columns.sheet }));
      setDraft((d) => ({ ...d, copy: { name, original: columns.sheet } }));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', text: failureText(error, t, locale) });
    }
  };

  const onCompare = async () => {
    if (!columns || !draft.copy) return;
    setState({ kind: 'busy', what: 'compare' });
    try {
      const { result, ceilings } = await compareSheets(columns, draft.copy.name);
      if (result.ok) setState({ kind: 'done', comparison: result.comparison, ceilings });
      else setState({ kind: 'problems', problems: [...result.problemsA, ...result.problemsB].map((p) => problemText(t, p)) });
    } catch (error) {
      setState({ kind: 'failed', text: failureText(error, t, locale) });
    }
  };

  const onDelete = async () => {
    if (!draft.copy) return;
    setState({ kind: 'busy', what: 'delete' });
    try {
      await deleteCopy(draft.copy.name, draft.copy.original);
      setDraft((d) => ({ ...d, copy: null }));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', text: failureText(error, t, locale) });
    }
  };

  const describedBy = inExcel ? undefined : noteId;
  return (
    <ViewRoot view="compare" locale={locale} title={t('title')} intro={t('intro')}>
      <NeedsExcelNotice inExcel={inExcel} id={noteId} testId="compare-needs-excel" text={t('needsExcel')} />

      <Section heading={t('columnsHeading')} help={t('columnsHelp')}>
        <Facts
          facts={[
            { term: t('keysLabel'), value: draft.keys ?? t('notChosen'), testId: 'compare-keys' },
            { term: t('valuesLabel'), value: draft.values ?? t('notChosen'), testId: 'compare-values' },
          ]}
        />
        <Actions>
          <Button disabledFocusable={!inExcel || busy} aria-describedby={describedBy} onClick={use('keys')}>
            {t('useKeys')}
          </Button>
          <Button disabledFocusable={!inExcel || busy} aria-describedby={describedBy} onClick={use('values')}>
            {t('useValues')}
          </Button>
        </Actions>
        <div role="status" aria-live="polite">
          {notice && <Notice intent="error">{notice}</Notice>}
          {columnsIssue && <Notice intent="warning">{columnsIssue}</Notice>}
        </div>
      </Section>

      <Section heading={t('copyHeading')} help={t('copyHelp')}>
        {copyMatches && <Text className={l.wrap}>{t('copyMade', { copy: draft.copy!.name })}</Text>}
        <Actions>
          <Button disabledFocusable={!inExcel || busy || !columns} aria-describedby={describedBy} onClick={onCopy}>
            {state.kind === 'busy' && state.what === 'copy' ? t('copying') : t('makeCopy')}
          </Button>
          {draft.copy && (
            <Button disabledFocusable={!inExcel || busy} aria-describedby={describedBy} onClick={onDelete}>
              {t('deleteCopy')}
            </Button>
          )}
        </Actions>
      </Section>

      <Section heading={t('compareHeading')}>
        <Actions>
          <Button appearance="primary" disabledFocusable={!inExcel || busy || !copyMatches} aria-describedby={describedBy} onClick={onCompare} data-testid="compare-run">
            {state.kind === 'busy' && state.what === 'compare' ? t('comparing') : t('compare')}
          </Button>
        </Actions>
        <div role="status" aria-live="polite">
          {state.kind === 'failed' && <Notice intent="error">{state.text}</Notice>}
          {state.kind === 'problems' && (
            <Notice intent="error" title={t('problemsTitle')} data-testid="compare-problems">
              <ul className={l.wrap}>
                {state.problems.slice(0, 20).map((text, k) => (
                  <li key={k}>{text}</li>
                ))}
              </ul>
            </Notice>
          )}
        </div>
      </Section>

      {state.kind === 'done' && <Result comparison={state.comparison} t={t} formats={formats} />}
      {state.kind === 'done' && state.ceilings.length > 0 && <Ceilings ceilings={state.ceilings} t={t} formats={formats} />}
    </ViewRoot>
  );
}

/** The comparison: totals, the waterfall, who wins and loses, and every person. */
export function Result({ comparison, t, formats }: { comparison: Comparison; t: T; formats: NumberFormats }): React.JSX.Element {
  const l = useLayout();
  const s = useStyles();
  const amount = mergeClasses(l.number, s.amount);
  const { totals } = comparison;
  const percent = (value: number | null) => (value === null ? t('none') : formats.percent(value));
  const signed = (value: number) => (value > 0 ? `+${formats.money(value)}` : formats.money(value));
  return (
    <Section heading={t('resultHeading')} data-compare-result="">
      <Facts
        facts={[
          { term: t('totalA'), value: formats.money(totals.a), testId: 'compare-total-a' },
          { term: t('totalB'), value: formats.money(totals.b), testId: 'compare-total-b' },
          { term: t('totalDelta'), value: `${signed(totals.delta)} (${percent(totals.deltaPercent)})`, testId: 'compare-delta' },
          { term: t('betterOff'), value: t('people', { count: comparison.winners.length }) },
          { term: t('worseOff'), value: t('people', { count: comparison.losers.length }) },
          { term: t('unchanged'), value: t('people', { count: comparison.unchanged.length }) },
          { term: t('joiners'), value: t('people', { count: comparison.joiners.length }) },
          { term: t('leavers'), value: t('people', { count: comparison.leavers.length }) },
        ]}
      />
      <Waterfall bars={waterfall(comparison)} t={t} formats={formats} />
      <Table size="small" className={l.table} aria-label={t('tableCaption')} data-testid="compare-table">
        <NumberTableHeader label={t('colPerson')} numbers={[t('colA'), t('colB'), t('colDelta')]} />
        <TableBody>
          {comparison.people.map((p: PersonChange) => (
            <TableRow key={`${p.status}:${p.key}`} data-person={p.key} data-status={p.status}>
              <TableCell className={mergeClasses(l.wrap, s.amount)}>
                {p.key}
                {p.status !== 'both' && <Caption1 block>{t(p.status === 'joiner' ? 'statusJoiner' : 'statusLeaver')}</Caption1>}
              </TableCell>
              <TableCell className={amount}>{p.a === undefined ? t('none') : formats.money(p.a)}</TableCell>
              <TableCell className={amount}>{p.b === undefined ? t('none') : formats.money(p.b)}</TableCell>
              <TableCell className={amount} data-value={String(p.delta)}>
                {signed(p.delta)}
                {p.deltaPercent !== null && <Caption1 block>{formats.percent(p.deltaPercent)}</Caption1>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LiveStatus>{t('done', { count: comparison.people.length })}</LiveStatus>
    </Section>
  );
}

/** Amounts in a 320 px pane: a size smaller, and broken anywhere rather than running into the next column. */
const useStyles = makeStyles({
  amount: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere', wordBreak: 'break-word', minWidth: 0 },
});

const FONT = 11;

/**
 * The waterfall of the total: A and B as full bars from 0, the steps between them as floating
 * bars (gains green, losses red), drawn in a fixed 300-unit box scaled to the pane's width.
 */
export function Waterfall({ bars, t, formats }: { bars: readonly WaterfallBar[]; t: T; formats: NumberFormats }): React.JSX.Element {
  const frame = { width: 300, height: 200, left: 8, right: 8, top: 22, bottom: 26 };
  const { min, max } = waterfallDomain(bars);
  const plot = frame.height - frame.top - frame.bottom;
  const yOf = (v: number) => frame.top + ((max - v) / (max - min)) * plot;
  const slot = (frame.width - frame.left - frame.right) / bars.length;
  const barWidth = slot * 0.7;
  const value = (id: string) => bars.find((b) => b.id === id)?.value ?? 0;
  const summary = t('chartSummary', {
    a: formats.money(value('a')),
    gains: formats.money(value('gains')),
    losses: formats.money(value('losses')),
    joiners: formats.money(value('joiners')),
    leavers: formats.money(value('leavers')),
    b: formats.money(value('b')),
  });
  const colour = (bar: WaterfallBar) =>
    bar.total ? tokens.colorBrandBackground : bar.value >= 0 ? tokens.colorPaletteGreenBackground3 : tokens.colorPaletteRedBackground3;
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <Text as="p" weight="semibold" style={{ margin: 0 }}>
        {t('chartTitle')}
      </Text>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${frame.width} ${frame.height}`} width="100%" data-testid="compare-waterfall" data-bars={bars.length} style={{ display: 'block', maxWidth: '100%' }}>
        <g aria-hidden="true" fontSize={FONT} fill={tokens.colorNeutralForeground2}>
          <line x1={frame.left} x2={frame.width - frame.right} y1={yOf(0)} y2={yOf(0)} stroke={tokens.colorNeutralStroke1} />
          {bars.map((bar, i) => {
            const x = frame.left + i * slot + (slot - barWidth) / 2;
            const top = yOf(Math.max(bar.from, bar.to));
            const height = Math.max(1, Math.abs(yOf(bar.from) - yOf(bar.to)));
            const next = bars[i + 1];
            return (
              <g key={bar.id} data-bar={bar.id} data-value={String(bar.value)}>
                <rect x={x} y={top} width={barWidth} height={height} fill={colour(bar)} />
                {next && <line x1={x + barWidth} x2={x + slot} y1={yOf(bar.to)} y2={yOf(bar.to)} stroke={tokens.colorNeutralStroke1} strokeDasharray="2 2" />}
                <text x={x + barWidth / 2} y={Math.max(FONT, top - 4)} textAnchor="middle">
                  {formats.compactMoney(bar.value)}
                </text>
                <text x={x + barWidth / 2} y={frame.height - 8} textAnchor="middle">
                  {t(`bar.${bar.id}`)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}

/** The plan ceilings in both plans (a ratio ≤ 1 shown in %, anything else as a number). */
export function Ceilings({ ceilings, t, formats }: { ceilings: readonly CeilingPair[]; t: T; formats: NumberFormats }): React.JSX.Element {
  const l = useLayout();
  const show = (value: number) => (Math.abs(value) <= 1 ? formats.percent(value) : formats.number(value));
  return (
    <Section heading={t('ceilingsHeading')} help={t('ceilingsHelp', { ceiling: 'PlanCeiling_X', actual: 'PlanActual_X' })} data-compare-ceilings="">
      <Facts
        facts={ceilings.map((c) => ({
          term: c.label,
          value: (
            <span className={l.wrap} data-ceiling={c.label} data-a={c.a.state} data-b={c.b.state}>
              {t('ceilingA', { verdict: ceilingText(t, c.a, show) })}
              <br />
              {t('ceilingB', { verdict: ceilingText(t, c.b, show) })}
            </span>
          ),
        }))}
      />
    </Section>
  );
}
