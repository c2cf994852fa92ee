/**
 * The tables live in i18n/messages/*.json, yet a call that leaves out a placeholder still does
 * not compile: each table is typed by i18n/generated/messages.d.ts (scripts/generate-message-types.js),
 * whose en-US templates are string literal types, so `Placeholders<T['en-US']>` sees every
 * `{name}`. `npm test` type-checks this file with tsc: were the en-US values plain strings,
 * the calls below would compile, every `@ts-expect-error` would be unused, and tsc would fail.
 * One call per table, so a table that loses its literal types is named by the failure.
 */
import { words } from '../../engine/explain/steps';
import { valueError } from '../../engine/errors';
import { translator } from '../../addin/taskpane/locale';
import { CALC } from '../../i18n/calc';
import { CLI } from '../../i18n/cli';
import { ERRORS } from '../../i18n/errors';
import { EXPLAIN } from '../../i18n/explain';
import { DISTRIBUTION_ROLES, LISTS, PLACES, VALUES } from '../../i18n/glossary';
import { HYPERFORMULA, LICENSE_KEY_STATES } from '../../i18n/hyperformula';
import { OUTPUTS } from '../../i18n/outputs';
import { AREAS } from '../../i18n/pane-benchmarks';
import { EXPLAIN_VIEW } from '../../i18n/pane-explain';
import { COMPARE, STATEMENT_VIEW } from '../../i18n/pane-outputs';
import { PLAN } from '../../i18n/pane-plan';
import { RUNS } from '../../i18n/pane-runs';
import { SCENARIOS } from '../../i18n/pane-scenarios';
import { WEIGHTS } from '../../i18n/pane-weights';
import { PANE } from '../../i18n/pane';
import { RUNS_CLI } from '../../i18n/runs-cli';
import { STATEMENTS } from '../../i18n/statements';
import { TERMS } from '../../i18n/terms';
import { phrase } from '../../i18n/text';
import { WORKBOOK } from '../../i18n/workbook';

/** Calls that leave out a placeholder: none of them compiles. */
const MISSING_A_PLACEHOLDER: [string, () => unknown][] = [
  // @ts-expect-error nesting needs { cell, limit }
  ['CALC', () => phrase(CALC.nesting, { cell: 'S!A1' })],
  // @ts-expect-error unknownCommand needs { command }
  ['CLI', () => phrase(CLI.unknownCommand)],
  // @ts-expect-error rangeEmpty needs { name }
  ['ERRORS', () => valueError(ERRORS.rangeEmpty)],
  // @ts-expect-error tiered.range.between needs { from, to }
  ['EXPLAIN', () => words('tiered.range.between', { from: '0' })],
  // @ts-expect-error two needs { first, second }
  ['LISTS', () => phrase(LISTS.two, { first: 'a' })],
  // @ts-expect-error row needs { name, row }
  ['PLACES', () => phrase(PLACES.row, { name: 'tiers' })],
  // @ts-expect-error text needs { text }
  ['VALUES', () => phrase(VALUES.text)],
  // @ts-expect-error FunctionName needs { name }
  ['HYPERFORMULA', () => phrase(HYPERFORMULA.FunctionName)],
  // @ts-expect-error outExtension needs { file }
  ['OUTPUTS', () => phrase(OUTPUTS.outExtension)],
  // @ts-expect-error cell needs { address }
  ['EXPLAIN_VIEW', () => phrase(EXPLAIN_VIEW.cell)],
  // @ts-expect-error copyName needs { sheet }
  ['COMPARE', () => phrase(COMPARE.copyName)],
  // @ts-expect-error previewHeading needs { name }
  ['STATEMENT_VIEW', () => phrase(STATEMENT_VIEW.previewHeading)],
  // @ts-expect-error thresholdLabel needs { row }
  ['PLAN', () => phrase(PLAN.thresholdLabel)],
  // @ts-expect-error signInFailed needs { code }
  ['RUNS', () => phrase(RUNS.signInFailed)],
  // @ts-expect-error outputLabel needs { cell }
  ['SCENARIOS', () => phrase(SCENARIOS.outputLabel)],
  // @ts-expect-error criteriaHelp needs { min, max }
  ['WEIGHTS', () => phrase(WEIGHTS.criteriaHelp, { min: 2 })],
  // @ts-expect-error tabs.moreLabel needs { count }
  ['PANE', () => translator('en-US')('tabs.moreLabel')],
  // @ts-expect-error needsId needs { command }
  ['RUNS_CLI', () => phrase(RUNS_CLI.needsId)],
  // @ts-expect-error needsValue needs { option }
  ['STATEMENTS', () => phrase(STATEMENTS.needsValue)],
  // @ts-expect-error zipInflatesPast needs { limit }
  ['WORKBOOK', () => phrase(WORKBOOK.zipInflatesPast)],
];

describe('a text\'s placeholders are checked at compile time, the tables being JSON', () => {
  it.each(MISSING_A_PLACEHOLDER)('%s: a call without a placeholder does not compile (it would leave "{name}" for the user)', (_, call) => {
    expect(typeof call).toBe('function');
  });

  it('a call with every placeholder compiles and renders as before', () => {
    expect(valueError(ERRORS.rangeEmpty, { name: 'tiers' }).message).toBe('tiers: the range is empty');
    expect(translator('en-US')('tabs.moreLabel', { count: 3 })).toBe('More sections (3)');
  });

  it('the tables without placeholders keep their en-US words as literal types too', () => {
    const literals: string[] = [
      DISTRIBUTION_ROLES.mean['en-US'] satisfies 'mean',
      LICENSE_KEY_STATES.valid['en-US'] satisfies 'valid',
      AREAS.other['en-US'] satisfies 'Other',
      TERMS.commission['en-US'] satisfies 'commission',
    ];
    expect(literals).toEqual(['mean', 'valid', 'Other', 'commission']);
  });
});
