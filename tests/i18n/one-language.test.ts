/**
 * No user-facing English reaches a zh-CN user and no Chinese reaches an en-US user: every
 * error and explain text, rendered with sample parameters (places, described values and
 * lists are phrases of their own, as the engine passes them), in both languages.
 */
import { ERRORS } from '../../i18n/errors';
import { EXPLAIN } from '../../i18n/explain';
import { CURVE_COLUMNS, DISTRIBUTION_ROLES, PLACES, VALUES, listOf, phrase } from '../../i18n/glossary';
import { Params, Text, placeholders, render } from '../../i18n/text';
import { chinese, englishWords } from './language-check';
import { expectEachInItsLanguage } from './text-checks';

/** Samples for the placeholders whose values are phrases; every other placeholder gets a number. */
const PHRASES: Record<string, Params[string]> = {
  what: phrase(PLACES.cell, { name: 'tiers', row: 4, column: 2 }),
  where: phrase(PLACES.expertCell, { name: 'matrix', row: 2, column: 3, expert: 2 }),
  lowerAt: phrase(PLACES.item, { name: 'minimums', item: 2 }),
  upperAt: phrase(PLACES.item, { name: 'maximums', item: 2 }),
  first: phrase(PLACES.withRole, { place: 'p1', role: DISTRIBUTION_ROLES.min }),
  second: phrase(PLACES.withRole, { place: phrase(PLACES.column, { name: 'distributions', column: 3 }), role: DISTRIBUTION_ROLES.max }),
  value: phrase(VALUES.text, { text: '8%' }),
  roles: listOf([DISTRIBUTION_ROLES.mean, DISTRIBUTION_ROLES.sd]),
  column: CURVE_COLUMNS[1],
  name: 'target_incentive',
  options: '"marginal", "retro"',
  range: phrase(EXPLAIN['tiered.range.between'], { from: '20,000', to: '50,000' }),
  direction: phrase(EXPLAIN['scorecard.lowerIsBetter']),
  cumulative: phrase(EXPLAIN['payback.cumulativeDiscounted']),
  position: phrase(EXPLAIN['position.cell'], { row: 2, column: 3 }),
  cap: phrase(ERRORS.trialsCapCells, { variables: 3, cells: '200,000' }),
};

function sampleParams(text: Text): Params {
  return Object.fromEntries(placeholders(text['en-US']).map((name, i) => [name, PHRASES[name] ?? i + 3]));
}

const cases = (table: Record<string, Text>, prefix: string) => Object.entries(table).map(([key, text]) => [`${prefix}.${key}`, text] as const);

describe.each([
  ['errors', cases(ERRORS, 'ERRORS')],
  ['explain steps', cases(EXPLAIN, 'EXPLAIN')],
  ['shared terms', [...cases(PLACES, 'PLACES'), ...cases(VALUES, 'VALUES'), ...cases(DISTRIBUTION_ROLES, 'DISTRIBUTION_ROLES')]],
])('%s', (_, table) => {
  it.each(table)('%s: zh-CN without English words, en-US without Chinese', (__, text) => {
    const params = sampleParams(text);
    expectEachInItsLanguage({ zh: render(text, 'zh-CN', params), en: render(text, 'en-US', params) }, englishWords);
  });
});

describe('the language check itself', () => {
  it('flags English words and Chinese characters, and lets the allowed tokens through', () => {
    expect(englishWords('tiers，第 4 行第 2 列是文本 "8%"；需要一个数字')).toEqual([]);
    expect(englishWords('PERF.TIERED：p2（标准差）必须大于 0；λmax = Σ(A·w)，1e-12')).toEqual([]);
    expect(englishWords('amount is blank；需要一个数字')).toEqual(['is', 'blank']);
    expect(chinese('amount，第 3 行')).toEqual(['，', '第', '行']);
    expect(chinese('tiers, row 4, column 2 is text "8%"; a number is required')).toEqual([]);
  });
});
