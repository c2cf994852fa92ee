/**
 * Explain view: the step-by-step working behind one PERF result ("tier 2: 15,000 × 7% = 1,050").
 *
 * In Excel, "Explain selected cell" reads the selection's formula (inside a spill: the
 * anchor's formula and the element), evaluates its arguments and calls the engine's
 * explainer (./excel-explain). Everywhere, a formula box explains a typed formula whose
 * arguments are values or array constants (./formula-args), so it works in a browser.
 *
 * Steps and the function's errors are rendered by the language layer in the view's locale
 * (its catalogs keep to the glossary); an option a formula was given ("marginal", "边际") is
 * shown by its screen name (i18n/options.ts: 超额累进).
 *
 * Keyboard: native buttons and an input in reading order; Enter in the formula box explains
 * it. The working is an ordered list inside a labelled region; a polite live region
 * announces the total (or the problem) after each explanation.
 */
import { Button, Caption1, Field, Input, Text, useId } from '@fluentui/react-components';
import * as React from 'react';
import { PerfError } from '../../../../engine/errors';
import { EXPLAINABLE_FUNCTIONS } from '../../../../catalog/explain';
import { ExplainStep, Explanation, STEP_MARKERS, formatNumber, stepText } from '../../../../engine/explain';
import { EXPLAIN } from '../../../../i18n/explain';
import { EXPLAIN_EXAMPLE, EXPLAIN_VIEW } from '../../../../i18n/pane-explain';
import { namedOption } from '../../../../i18n/options';
import { type Params, render } from '../../../../i18n/text';
import { Actions, LiveStatus, Notice, Section, ViewRoot, useLayout } from '../../components/layout';
import { NeedsExcelNote } from '../../components/messages';
import type { Translate } from '../../locale';
import { useTranslator } from '../../components/hooks';
import type { Locale, ViewProps } from '../../view-contract';
import { CellExplainResult, explainSelectedCell } from './excel-explain';
import { ExplainProblem, explainFormulaText } from './formula-args';
import { failureSentence, messageOf } from '../../components/error-text';

type T = Translate<typeof EXPLAIN_VIEW>;

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'explained'; explanation: Explanation; formula: string; cell?: CellExplainResult }
  /** The function's own error; its message is rendered in the view's locale, like the steps. */
  | { kind: 'functionError'; error: PerfError; formula: string; cell?: CellExplainResult }
  | { kind: 'problem'; reason: ExplainProblem['reason']; detail: string }
  | { kind: 'failed'; message: string };

const FUNCTIONS = EXPLAINABLE_FUNCTIONS.map((f) => `PERF.${f}`).join(', ');

function fromError(error: unknown, formula: string): Outcome {
  if (error instanceof ExplainProblem) return { kind: 'problem', reason: error.reason, detail: error.detail };
  if (error instanceof PerfError) return { kind: 'functionError', error, formula };
  return { kind: 'failed', message: messageOf(error) };
}

function shownValue(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/** The parameters of a step that hold a function's option (the rest — levels, ids — are the user's words). */
const OPTION_PARAMS = new Set(['method', 'mode', 'normalize', 'distribution']);

/** Parameters with their options named in `locale` ("geomean" → 几何平均法). */
function namedOptions(params: Params | undefined, locale: Locale): Params | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && OPTION_PARAMS.has(k) ? namedOption(v, locale) : v]));
}

/** A step's label in `locale`, its options named. */
export function paneStepLabel(s: ExplainStep, locale: Locale): string {
  return render(EXPLAIN[s.key], locale, namedOptions(s.params, locale));
}

/** A step's formula text in `locale`: a formula that is an option ("marginal") is shown by its name. */
export function paneStepText(s: ExplainStep, locale: Locale): string {
  const formula = typeof s.formula === 'string' ? namedOption(s.formula, locale) : { ...s.formula, params: namedOptions(s.formula.params, locale) };
  return stepText({ ...s, formula } as ExplainStep, locale);
}

/** What the announcement / problem bar says. */
export function problemText(t: T, reason: ExplainProblem['reason'], detail: string): string {
  switch (reason) {
    case 'empty':
      return t('problem.empty');
    case 'unsupported':
      return t('problem.unsupported', { detail, functions: FUNCTIONS });
    case 'needsExcel':
      return t('problem.needsExcel', { detail, example: '{1,2;3,4}' });
    default:
      return t(`problem.${reason}`, { detail });
  }
}

function StepItem({ s, locale, t }: { s: ExplainStep; locale: Locale; t: T }): React.JSX.Element {
  const l = useLayout();
  const kind = s.kind === 'add' ? t('kindAdd') : s.kind === 'info' ? t('kindInfo') : t('kindResult');
  return (
    <li className={`${l.wrap} ${s.kind === 'info' ? l.muted : ''}`} data-step-kind={s.kind} data-step-key={s.key} data-amount={s.amount}>
      <span aria-hidden="true">{`${STEP_MARKERS[s.kind]} `}</span>
      <span className={l.visuallyHidden}>{`${kind} `}</span>
      <span style={{ fontWeight: 600 }}>{paneStepLabel(s, locale)}</span>
      {render(EXPLAIN.separator, locale)}
      <span className={l.number}>{paneStepText(s, locale)}</span>
    </li>
  );
}

export default function ExplainView({ locale, host }: ViewProps): React.JSX.Element {
  const t = useTranslator(EXPLAIN_VIEW, locale);
  const l = useLayout();
  const idPrefix = useId('explain');
  const [formula, setFormula] = React.useState(EXPLAIN_EXAMPLE);
  const [outcome, setOutcome] = React.useState<Outcome>({ kind: 'idle' });

  const onExplainTyped = () => {
    try {
      const { explanation } = explainFormulaText(formula);
      setOutcome({ kind: 'explained', explanation, formula: formula.trim() });
    } catch (error) {
      setOutcome(fromError(error, formula.trim()));
    }
  };

  const onExplainSelected = async () => {
    if (!host.inExcel || outcome.kind === 'busy') return;
    setOutcome({ kind: 'busy' });
    try {
      const cell = await explainSelectedCell();
      if (cell.explanation) setOutcome({ kind: 'explained', explanation: cell.explanation, formula: cell.formula, cell });
      else setOutcome({ kind: 'functionError', error: cell.error ?? new PerfError('#VALUE!', ''), formula: cell.formula, cell });
    } catch (error) {
      setOutcome(fromError(error, ''));
    }
  };

  const excelNoteId = `${idPrefix}-excel-note`;
  const stepsId = `${idPrefix}-steps`;
  const functionError = (error: PerfError) => t('functionError', { code: error.code, message: error.localized(locale) });

  let announcement = '';
  if (outcome.kind === 'explained') announcement = t('total', { value: formatNumber(outcome.explanation.value) });
  else if (outcome.kind === 'functionError') announcement = functionError(outcome.error);
  else if (outcome.kind === 'problem') announcement = problemText(t, outcome.reason, outcome.detail);
  else if (outcome.kind === 'failed') announcement = failureSentence(outcome.message, locale, (message) => t('failed', { message }), t('failedGeneric'));

  const cell = outcome.kind === 'explained' || outcome.kind === 'functionError' ? outcome.cell : undefined;

  return (
    <ViewRoot view="explain" locale={locale} title={t('title')} intro={t('intro', { functions: FUNCTIONS })}>
      <Section heading={t('excelHeading')}>
        <Actions>
          <Button
            appearance="primary"
            disabledFocusable={!host.inExcel || outcome.kind === 'busy'}
            aria-describedby={host.inExcel ? undefined : excelNoteId}
            onClick={onExplainSelected}
            data-testid="explain-selected"
          >
            {outcome.kind === 'busy' ? t('explaining') : t('explainSelected')}
          </Button>
        </Actions>
        <NeedsExcelNote inExcel={host.inExcel} id={excelNoteId} text={t('excelOnlyNote')} />
      </Section>

      <Section heading={t('tryHeading')}>
        <Field label={t('formulaLabel')} hint={t('formulaHint')}>
          <Input
            className={`${l.fill} ${l.mono}`}
            value={formula}
            spellCheck={false}
            autoComplete="off"
            translate="no"
            onChange={(_, data) => setFormula(data.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                onExplainTyped();
              }
            }}
            data-testid="explain-formula"
          />
        </Field>
        <Actions>
          <Button onClick={onExplainTyped} data-testid="explain-typed">
            {t('explainTyped')}
          </Button>
          <Button appearance="subtle" onClick={() => setFormula(EXPLAIN_EXAMPLE)}>
            {t('useExample')}
          </Button>
        </Actions>
      </Section>

      <Section heading={t('resultHeading')} data-explain-result="">
        {cell && (
          <>
            <Text className={l.wrap}>{t('cell', { address: cell.address })}</Text>
            {cell.anchor !== cell.address && <Caption1 className={l.wrap}>{t('element', { anchor: cell.anchor, row: cell.element.row + 1, column: cell.element.col + 1 })}</Caption1>}
            {cell.spillUnsupported && <Caption1 className={l.wrap}>{t('anchorOnly')}</Caption1>}
          </>
        )}
        {(outcome.kind === 'explained' || outcome.kind === 'functionError') && (
          <code className={l.mono} translate="no" data-user-formula="">
            {outcome.formula}
          </code>
        )}
        {outcome.kind === 'explained' && (
          <>
            <Caption1 id={stepsId}>{t('stepsLabel')}</Caption1>
            <ol className={l.list} style={{ paddingLeft: '20px', listStyleType: 'none', gap: '4px' }} aria-labelledby={stepsId} data-explain-steps="">
              {outcome.explanation.steps.map((s, k) => (
                <StepItem key={k} s={s} locale={locale} t={t} />
              ))}
            </ol>
            <Text weight="semibold" size={400} data-explain-total={outcome.explanation.value}>
              {t('total', { value: formatNumber(outcome.explanation.value) })}
            </Text>
            {cell && typeof cell.cellValue === 'number' && (
              <Caption1>
                {Math.abs(cell.cellValue - outcome.explanation.value) <= 1e-9 * Math.max(1, Math.abs(cell.cellValue))
                  ? t('matches', { value: shownValue(cell.cellValue) })
                  : t('differs', { value: shownValue(cell.cellValue) })}
              </Caption1>
            )}
          </>
        )}
        {outcome.kind === 'functionError' && <Notice intent="warning">{functionError(outcome.error)}</Notice>}
        {(outcome.kind === 'problem' || outcome.kind === 'failed') && (
          <Notice intent={outcome.kind === 'failed' ? 'error' : 'warning'} data-testid="explain-problem">
            {announcement}
          </Notice>
        )}
        <LiveStatus>{announcement}</LiveStatus>
      </Section>
    </ViewRoot>
  );
}
