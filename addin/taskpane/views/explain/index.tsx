/**
 * Explain view: the step-by-step working behind one PERF result ("tier 2: 15,000 × 7% = 1,050").
 *
 * In Excel, "Explain selected cell" reads the selection's formula (inside a spill: the
 * anchor's formula and the element), evaluates its arguments and calls the engine's
 * explainer (./excel-explain). Everywhere, a formula box explains a typed formula whose
 * arguments are values or array constants (./formula-args), so it works in a browser.
 *
 * Keyboard: native buttons and an input in reading order; Enter in the formula box explains
 * it. The working is an ordered list inside a labelled region; a polite live region
 * announces the total (or the problem) after each explanation.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import { PerfError } from '../../../../engine/errors';
import { ExplainStep, Explanation, STEP_MARKERS, formatNumber, stepLabel, stepText } from '../../../../engine/explain';
import { EXPLAINABLE_FUNCTIONS } from '../../../../catalog/explain';
import { EXPLAIN } from '../../../../i18n/explain';
import { render } from '../../../../i18n/text';
import type { Locale, ViewProps } from '../../view-contract';
import { CellExplainResult, explainSelectedCell } from './excel-explain';
import { ExplainProblem, explainFormulaText } from './formula-args';
import { ExplainStrings, stringsFor } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  step: { lineHeight: tokens.lineHeightBase300 },
  stepLabel: { fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground2 },
  stepFormula: { fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  status: { color: tokens.colorNeutralForeground2 },
});

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
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

function shownValue(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function StepItem({ s, locale, t }: { s: ExplainStep; locale: Locale; t: ExplainStrings }): React.JSX.Element {
  const styles = useStyles();
  const kind = s.kind === 'add' ? t.kindAdd : s.kind === 'info' ? t.kindInfo : t.kindResult;
  return (
    <li className={`${styles.step} ${s.kind === 'info' ? styles.info : ''}`} data-step-kind={s.kind} data-step-key={s.key} data-amount={s.amount}>
      <span aria-hidden="true">{`${STEP_MARKERS[s.kind]} `}</span>
      <span className="pp-visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {`${kind} `}
      </span>
      <span className={styles.stepLabel}>{stepLabel(s, locale)}</span>
      {render(EXPLAIN.separator, locale)}
      <span className={styles.stepFormula}>{stepText(s, locale)}</span>
    </li>
  );
}

export default function ExplainView({ locale, host }: ViewProps): React.JSX.Element {
  const t = stringsFor(locale);
  const styles = useStyles();
  const idPrefix = useId('explain');
  const [formula, setFormula] = React.useState(t.example);
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
  const resultId = `${idPrefix}-result`;
  const stepsId = `${idPrefix}-steps`;

  let announcement = '';
  if (outcome.kind === 'explained') announcement = t.total(formatNumber(outcome.explanation.value));
  else if (outcome.kind === 'functionError') announcement = t.functionError(outcome.error.code, outcome.error.localized(locale));
  else if (outcome.kind === 'problem') announcement = t.problem(outcome.reason, outcome.detail, FUNCTIONS);
  else if (outcome.kind === 'failed') announcement = t.failed(outcome.message);

  const cell = outcome.kind === 'explained' || outcome.kind === 'functionError' ? outcome.cell : undefined;

  return (
    <div className={styles.root} lang={locale} data-view="explain">
      <header className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {t.title}
        </Subtitle1>
        <Text>{t.intro(FUNCTIONS)}</Text>
      </header>

      <section className={styles.section} aria-labelledby={`${idPrefix}-excel`}>
        <Subtitle2 as="h3" id={`${idPrefix}-excel`} className={styles.heading}>
          {t.excelHeading}
        </Subtitle2>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabledFocusable={!host.inExcel || outcome.kind === 'busy'}
            aria-describedby={host.inExcel ? undefined : excelNoteId}
            onClick={onExplainSelected}
            data-testid="explain-selected"
          >
            {outcome.kind === 'busy' ? t.explaining : t.explainSelected}
          </Button>
        </div>
        {!host.inExcel && <Caption1 id={excelNoteId}>{t.excelOnlyNote}</Caption1>}
      </section>

      <section className={styles.section} aria-labelledby={`${idPrefix}-try`}>
        <Subtitle2 as="h3" id={`${idPrefix}-try`} className={styles.heading}>
          {t.tryHeading}
        </Subtitle2>
        <Field label={t.formulaLabel} hint={t.formulaHint}>
          <Input
            className={styles.formula}
            value={formula}
            spellCheck={false}
            autoComplete="off"
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
        <div className={styles.actions}>
          <Button onClick={onExplainTyped} data-testid="explain-typed">
            {t.explainTyped}
          </Button>
          <Button appearance="subtle" onClick={() => setFormula(t.example)}>
            {t.useExample}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={resultId} data-explain-result="">
        <Subtitle2 as="h3" id={resultId} className={styles.heading}>
          {t.resultHeading}
        </Subtitle2>
        {cell && (
          <>
            <Text>{t.cell(cell.address)}</Text>
            {cell.anchor !== cell.address && <Caption1>{t.element(cell.anchor, cell.element.row, cell.element.col)}</Caption1>}
            {cell.spillUnsupported && <Caption1>{t.anchorOnly}</Caption1>}
          </>
        )}
        {(outcome.kind === 'explained' || outcome.kind === 'functionError') && <code className={styles.formula}>{outcome.formula}</code>}
        {outcome.kind === 'explained' && (
          <>
            <Caption1 id={stepsId}>{t.stepsLabel}</Caption1>
            <ol className={styles.steps} aria-labelledby={stepsId} data-explain-steps="">
              {outcome.explanation.steps.map((s, k) => (
                <StepItem key={k} s={s} locale={locale} t={t} />
              ))}
            </ol>
            <Text className={styles.total} data-explain-total={outcome.explanation.value}>
              {t.total(formatNumber(outcome.explanation.value))}
            </Text>
            {cell && typeof cell.cellValue === 'number' && (
              <Caption1>
                {Math.abs(cell.cellValue - outcome.explanation.value) <= 1e-9 * Math.max(1, Math.abs(cell.cellValue))
                  ? t.matches(shownValue(cell.cellValue))
                  : t.differs(shownValue(cell.cellValue))}
              </Caption1>
            )}
          </>
        )}
        {outcome.kind === 'functionError' && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.functionError(outcome.error.code, outcome.error.localized(locale))}</MessageBarBody>
          </MessageBar>
        )}
        {(outcome.kind === 'problem' || outcome.kind === 'failed') && (
          <MessageBar intent={outcome.kind === 'failed' ? 'error' : 'warning'} data-testid="explain-problem">
            <MessageBarBody>{announcement}</MessageBarBody>
          </MessageBar>
        )}
        <p className={styles.status} role="status" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
      </section>
    </div>
  );
}
