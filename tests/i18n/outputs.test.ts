/**
 * The texts of perfplan compare and export (i18n/outputs.ts), held to the rules of
 * layer-texts.test.ts: both languages, non-empty, the same placeholders, no English sentence
 * twice, and rendered with sample parameters no English word reaches a zh-CN user (beyond what
 * is typed as it is: the command words, the map's file names and JSON keys, table references,
 * the PlanCeiling_X/PlanActual_X names) and no Chinese an en-US user.
 */
import { nameList } from '../../i18n/cli';
import { OUTPUTS } from '../../i18n/outputs';
import { Params, Text, phrase, placeholders, render } from '../../i18n/text';
import { englishForZh } from '../cli/compare-fixtures';
import { chinese } from './language-check';
import { expectEachInItsLanguage, itHasBothLanguages, itSaysEachEnglishOnce } from './text-checks';
import { englishIn } from './typed-as-is';

const SAMPLES: Record<string, Params[string]> = {
  file: '/tmp/plan-b.xlsx',
  reference: 'Team!C2:D9',
  key: 'Team[Name]',
  value: 'Team[Payout]',
  sheet: 'Sales',
  cell: 'Team!D7',
  cells: nameList(['Team!D7', 'Team!D9']),
  code: '#VALUE!',
  names: nameList(['Li +200.00', 'Sun -200.00']),
  list: phrase(OUTPUTS.listAfterCount, { names: nameList(['Li', 'Sun']) }),
  label: 'LabourCost',
  book: 'A',
  verdict: phrase(OUTPUTS.ceilingWithin, { actual: '28%', ceiling: '30%' }),
  name: 'PlanCeiling_LabourCost',
  header: '应发金额',
  reason: phrase(OUTPUTS.noRows),
  problem: phrase(OUTPUTS.mapNoAmount),
  lengths: nameList(['工号 12', '姓名 11']),
  source: phrase(OUTPUTS.totalFromTable, { table: 'Team', cell: 'Team!D12' }),
  a: '4,300.00',
  b: '4,860.00',
  delta: '+560.00',
  percent: '+13.0%',
  total: '6,268.15',
  difference: '0.01',
  actual: '32.4%',
  ceiling: '30%',
};

const ALL = Object.entries(OUTPUTS).map(([key, text]) => [key, text as Text] as const);

/** The user's own data as a Chinese user's workbook holds it: names and labels in Chinese. */
const ZH_SAMPLES: Record<string, Params[string]> = {
  names: nameList(['李雷 +200.00', '孙丽 -200.00']),
  list: phrase(OUTPUTS.listAfterCount, { names: nameList(['李雷', '孙丽']) }),
  label: '人工成本',
  name: 'PlanCeiling_人工成本',
};

function sampleParams(text: Text, locale: 'en-US' | 'zh-CN'): Params {
  const own = locale === 'zh-CN' ? ZH_SAMPLES : {};
  return Object.fromEntries(placeholders(text['en-US']).map((name, i) => [name, own[name] ?? SAMPLES[name] ?? i + 3]));
}

/** Chinese in an en-US message, beside the Chinese headers the samples quote from a user's table. */
const chineseOfOurs = (en: string) => chinese(en.replace(/应发金额|工号|姓名/g, ''));

describe('the texts of perfplan compare and export', () => {
  itHasBothLanguages(ALL);

  itSaysEachEnglishOnce('no two keys hold the same English', { OUTPUTS });

  it.each(ALL)('%s: zh-CN without English words, en-US without Chinese, every placeholder filled', (_, text) => {
    const zh = render(text, 'zh-CN', sampleParams(text, 'zh-CN'));
    const en = render(text, 'en-US', sampleParams(text, 'en-US'));
    expectEachInItsLanguage({ zh, en }, (message) => englishForZh(message, englishIn), chineseOfOurs);
  });
});
