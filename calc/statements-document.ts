/**
 * A statement as a document in one language: every word, number and amount already rendered
 * (i18n/statements.ts, the explain steps' own texts through engine/explain's renderer), laid
 * out as the sections every format shows — identity, inputs, results with their steps,
 * totals, footer. The HTML (statements-html.ts, which the PDF is printed from) and the
 * workbook (statements-xlsx.ts) are two drawings of this one document. Pure: no I/O.
 *
 * Values are shown as the workbook shows them: a number in its cell's number format
 * (workbook/number-format.ts: "87.5%" for 0.875 in 0.0%, "¥12,345.60" in "¥"#,##0.00 or
 * [$¥-804]#,##0.00, "1,234" in #,##0, "2025-07-15" in yyyy-mm-dd). Amounts — the payout and the
 * totals — take the payout cell's format when it names a currency, else CNY (¥, two decimals, as
 * Intl writes it in the locale: "CN¥1,234.50" in en-US, "¥1,234.50" in zh-CN). A number in
 * General, or in a format the renderer does not show, is written as the explanations write
 * numbers (engine/explain formatNumber).
 */
import { STEP_MARKERS, formatNumber, stepLabel, stepLine, stepText, sumOfAddSteps } from '../engine/explain';
import type { Locale } from '../i18n/locale';
import { STATEMENTS } from '../i18n/statements';
import { Phrase, Text, render } from '../i18n/text';
import { formatValue, hasCurrency } from '../workbook/number-format';
import { localDateFormat } from '../workbook/styles';
import { spillPosition } from './spill-position';
import type { ShownValue, Statement, StatementResult, StatementsModel } from './statements';

/** Where the statement's numbers come from (the footer). */
export interface StatementSource {
  /** The workbook's file name as given (its base name). */
  file: string;
  sha256: string;
  /** When it was calculated, ISO 8601 (UTC). */
  calculatedAt: string;
}

/** A value as shown: its text, and the number behind it when there is one (the workbook keeps numbers as numbers). */
export interface ShownText {
  text: string;
  number?: number;
  money?: boolean;
  /** The number format code the text was rendered in (the statement's workbook writes the number in it). */
  format?: string;
}

export interface DocumentStep {
  kind: 'add' | 'info' | 'result';
  marker: string;
  label: string;
  text: string;
  /** The whole step as one line, as `perfplan explain` prints it: "+ Tier 2 (…): 15,000 × 4% = 600". */
  line: string;
}

export interface DocumentResult {
  header: string;
  value: ShownText;
  cell: string;
  /** "Team!O9" or "row 2 of Team!O8" for a spilled element. */
  where: string;
  formula: string;
  steps: DocumentStep[];
  /** The function's error for this element, when the explainer gives one instead of steps. */
  error?: string;
  payout: boolean;
}

export interface StatementDocument {
  lang: Locale;
  title: string;
  heading: string;
  identity: { label: string; value: string }[];
  inputs: { heading: string; columns: [string, string, string]; rows: { header: string; value: ShownText; cell: string }[]; empty: string };
  results: { heading: string; columns: [string, string, string]; rows: DocumentResult[]; empty: string };
  totals: { heading: string; rows: { label: string; value: ShownText }[] };
  footer: string;
}

const say = (text: Text, locale: Locale, params?: Phrase['params']) => render(text, locale, params);

const moneyFormats = new Map<Locale, Intl.NumberFormat>();

/** An amount in CNY, as the locale writes it. */
export function formatMoney(amount: number, locale: Locale): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(locale, format);
  }
  return format.format(amount === 0 ? 0 : amount);
}

/**
 * A value as a statement shows it: in `format` (its cell's number format) when the renderer
 * shows that format — for an amount (`money`) only a format naming a currency, else CNY.
 */
export function showValue(value: ShownValue, locale: Locale, money = false, cellFormat?: string): ShownText {
  const format = cellFormat && localDateFormat(cellFormat, locale); // Excel's short date: as the language writes it
  if (format && (value.kind === 'number' || value.kind === 'text') && (!money || hasCurrency(format))) {
    const text = formatValue(value.value, format, locale);
    if (text !== undefined) return value.kind === 'number' ? { text, number: value.value, ...(money ? { money: true } : {}), format } : { text };
  }
  switch (value.kind) {
    case 'number':
      return money ? { text: formatMoney(value.value, locale), number: value.value, money: true } : { text: formatNumber(value.value), number: value.value };
    case 'text':
      return { text: value.value };
    case 'boolean':
      return { text: value.value ? 'TRUE' : 'FALSE' };
    case 'error':
      return { text: say(STATEMENTS.errorValue, locale, { code: value.code, message: value.message }).trim() };
    default:
      return { text: say(STATEMENTS.blank, locale) };
  }
}

/** "row 2 of Team!O8" (a spilled element), or the cell itself. */
function whereOf(result: StatementResult, locale: Locale): string {
  if (result.anchor === result.cell) return result.cell;
  return say(STATEMENTS.spilledFrom, locale, { position: spillPosition(result.element), anchor: result.anchor });
}

function resultRow(result: StatementResult, locale: Locale): DocumentResult {
  const steps = (result.explanation?.steps ?? []).map((s) => ({
    kind: s.kind,
    marker: STEP_MARKERS[s.kind],
    label: stepLabel(s, locale),
    text: stepText(s, locale),
    line: stepLine(s, locale),
  }));
  return {
    header: result.header,
    value: showValue(result.value, locale, result.payout, result.format),
    cell: result.cell,
    where: whereOf(result, locale),
    formula: result.formula,
    steps,
    error: result.error ? say(STATEMENTS.errorValue, locale, { code: result.error.code, message: result.error.localized(locale) }) : undefined,
    payout: result.payout,
  };
}

/** The statement of one person, in `locale`. */
export function statementDocument(statement: Statement, model: StatementsModel, source: StatementSource, locale: Locale): StatementDocument {
  const identity = [{ label: say(STATEMENTS.name, locale), value: statement.name }];
  if (statement.id !== undefined) identity.push({ label: say(STATEMENTS.id, locale), value: statement.id });
  if (statement.role !== undefined) identity.push({ label: say(STATEMENTS.role, locale), value: statement.role });
  if (statement.period !== undefined) identity.push({ label: say(STATEMENTS.period, locale), value: statement.period });
  const payout = statement.results.find((r) => r.payout);
  const totals: { label: string; value: ShownText }[] = [{ label: say(STATEMENTS.totalPayout, locale), value: showValue(statement.payout, locale, true, payout?.format) }];
  if (payout?.explanation) {
    totals.push({
      label: say(STATEMENTS.stepsAddUp, locale, { header: payout.header }),
      value: showValue({ kind: 'number', value: sumOfAddSteps(payout.explanation) }, locale, true, payout.format),
    });
  }
  return {
    lang: locale,
    title: say(STATEMENTS.documentTitle, locale, { name: statement.name }),
    heading: say(STATEMENTS.title, locale),
    identity,
    inputs: {
      heading: say(STATEMENTS.inputs, locale),
      columns: [say(STATEMENTS.item, locale), say(STATEMENTS.value, locale), say(STATEMENTS.cell, locale)],
      rows: statement.inputs.map((input) => ({ header: input.header, value: showValue(input.value, locale, false, input.format), cell: input.cell })),
      empty: say(STATEMENTS.noInputs, locale),
    },
    results: {
      heading: say(STATEMENTS.results, locale),
      columns: [say(STATEMENTS.item, locale), say(STATEMENTS.value, locale), say(STATEMENTS.how, locale)],
      rows: statement.results.map((result) => resultRow(result, locale)),
      empty: say(STATEMENTS.noResultsInRow, locale),
    },
    totals: { heading: say(STATEMENTS.totals, locale), rows: totals },
    footer: say(STATEMENTS.footer, locale, { file: source.file, sha256: source.sha256, time: source.calculatedAt }),
  };
}

/** The words a formula-only result shows in place of steps: "Formula =IF(…)". */
export function formulaOnly(formula: string, locale: Locale): string {
  return say(STATEMENTS.formulaOnly, locale, { formula });
}

/** The payout marker beside the payout's header. */
export function payoutMark(locale: Locale): string {
  return say(STATEMENTS.payoutMark, locale);
}
