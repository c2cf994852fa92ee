/**
 * The kit's tables and words: a table laid out in a language names its parts as Excel's
 * structured references do (ECMA-376 Part 1, §18.17.6; Microsoft, "Using structured references
 * with Excel tables"), and a dropdown offers its options in the workbook's language.
 */
import { EXAMPLE_SOURCE, inExcel, oneOf, option, ruleSource, t, tableLayout } from '../../../library/kit';

const definition = {
  name: t('People', '人员'),
  sheet: 'Team',
  at: 'B4',
  rows: 3,
  totalsRow: true,
  columns: [
    { key: 'name', name: t('Name', '姓名'), totals: { label: t('Total', '合计') } },
    { key: 'sales', name: t('Sales [CNY]', '销售额'), totals: 'sum' as const },
    { key: 'bonus', name: t('Bonus', '奖金'), calculated: (table: { row(key: string): string }) => `${table.row('sales')}*0.1` },
  ],
};

it('names whole columns, spans, this row and the totals row as Excel does, escaping what needs it', () => {
  const en = tableLayout(definition, 'en-US');
  expect([en.col('sales'), en.span('name', 'sales'), en.row('name'), en.total('sales')]).toEqual([
    "People[Sales '[CNY']]",
    "People[[Name]:[Sales '[CNY']]]",
    'People[[#This Row],[Name]]',
    "People[[#Totals],[Sales '[CNY']]]",
  ]);
  expect([en.headerRow, en.firstRow, en.lastRow, en.totalsRow, en.left, en.right, en.next, en.letter('bonus'), en.range('sales')]).toEqual([4, 5, 7, 8, 2, 4, 5, 'D', 'Team!$C$5:$C$7']);
  const zh = tableLayout({ ...definition, sheet: '团队' }, 'zh-CN');
  expect(zh.spec()).toEqual({
    name: '人员',
    sheet: '团队',
    ref: 'B4:D8',
    totalsRow: true,
    columns: [{ name: '姓名', totals: { label: '合计' } }, { name: '销售额', totals: { function: 'sum' } }, { name: '奖金', calculated: '人员[[#This Row],[销售额]]*0.1' }],
  });
});

it('offers dropdown options and messages in the workbook\'s language', () => {
  const method = oneOf([option('marginal'), option('retro')], t('marginal or retro', '边际或追溯'));
  expect([inExcel(method, 'en-US').formulae, inExcel(method, 'en-US').error]).toEqual([['"marginal,retro"'], 'marginal or retro']);
  expect([inExcel(method, 'zh-CN').formulae, inExcel(method, 'zh-CN').error]).toEqual([['"边际,追溯"'], '边际或追溯']);
});

it('says where a number comes from: the plan rule in plain words with its plan, or an example', () => {
  expect(ruleSource('cost.labour-share-30')).toEqual(t('plan rule: labour cost ≤ 30% of the revenue a team creates — channel team re-organisation plan', '方案规则：人工成本不超过团队创造收入的30%——渠道营销团队分工优化方案'));
  expect(EXAMPLE_SOURCE).toEqual(t('example — replace with yours', '示例——请替换为贵司数据'));
});
