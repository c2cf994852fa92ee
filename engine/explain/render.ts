/**
 * Explanations as text, in the locale the caller decided: the CLI's lines, the task pane's
 * list items. Labels and worded formulas come from i18n/explain.ts through the language
 * layer's render(); numbers are formatted the same in every language.
 */
import { EXPLAIN } from '../../i18n/explain';
import { DEFAULT_LOCALE, Locale } from '../../i18n/locale';
import { render } from '../../i18n/text';
import { ExplainStep, ExplainStepKind, Explanation, formatNumber, formatPercent } from './steps';

/** The sign before a step: "+" adds to the value, "·" is a note, "=" is the value. */
export const STEP_MARKERS: Readonly<Record<ExplainStepKind, string>> = { add: '+', info: '·', result: '=' };

/** The step's label: "Tier 2 (20,000 to 50,000)" / "第 2 档（20,000 至 50,000）". */
export function stepLabel(s: ExplainStep, locale: Locale = DEFAULT_LOCALE): string {
  return render(EXPLAIN[s.key], locale, s.params);
}

/** The step's formula: language-neutral, or its words in `locale`. */
export function stepFormula(s: ExplainStep, locale: Locale = DEFAULT_LOCALE): string {
  return typeof s.formula === 'string' ? s.formula : render(s.formula.text, locale, s.formula.params);
}

/**
 * The text of one step after its label: the formula followed by "= amount", except where
 * the formula already is the amount ("20,000", "95%"), or, for an info step, is a statement
 * (it compares or equates: "95% ≥ 80%") or a plain word ("marginal", "none").
 */
export function stepText(s: ExplainStep, locale: Locale = DEFAULT_LOCALE): string {
  const formula = stepFormula(s, locale);
  const amount = formatNumber(s.amount);
  if (formula === '') return amount;
  if (formula === amount || formula === formatPercent(s.amount)) return formula;
  if (s.kind === 'info' && (/[=<>≥≤]/.test(formula) || !/[\d(×\/+−^·Σ]/.test(formula))) return formula;
  return `${formula} = ${amount}`;
}

/** One step as a line: "+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600". */
export function stepLine(s: ExplainStep, locale: Locale = DEFAULT_LOCALE): string {
  return render(EXPLAIN.line, locale, { marker: STEP_MARKERS[s.kind], label: stepLabel(s, locale), text: stepText(s, locale) });
}

/** One line per step, in `locale`. */
export function explanationLines(explanation: Explanation, locale: Locale = DEFAULT_LOCALE): string[] {
  return explanation.steps.map((s) => stepLine(s, locale));
}
