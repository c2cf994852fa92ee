/**
 * Channel tiering (渠道分层): twelve channels' quarterly figures in a Channels table, ABC
 * classes (PERF.PARETO, the 80/20 rule) and a rule-based tier (PERF.CHANNELTIER) driven by an
 * editable rules table: exit review after two quarters down ≥ 15%, low efficiency below ROI 1:3,
 * strategic = the channels bringing 80% of revenue, 6-month incubation above 30% yearly growth.
 * Conversion swings over 15% raise an alert. Published in English and in Chinese: a Chinese
 * workbook shows the tiers as 战略/孵化/维持/低效/退出评估 beside the codes CHANNELTIER returns.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../workbook/a1';
import {
  CNY, EXAMPLE_SOURCE, LABEL, PERCENT, type DigestRuleId, type Text, type Words, columnWidths, decimalBetween, defineNames, defineTemplates, formula, growingRange, growingTables,
  headerRow, highlightWhen, label, nonNegative, oneOf, parameterRules, settingsBlock, spillColumns, summaryLines, t, tableGrowth, tableLayout, tableSource, titledSheet,
  wholeBetween, writeParameters, writeTable,
} from '../kit';
import { galleryOf } from './gallery-texts';

/** The CHANNELTIER rules table (Rules!A4:B7); names must stay exactly as CHANNELTIER reads them. */
export const TIER_RULES: [string, number, Text][] = [
  ['exit_decline', 0.15, t('Exit review when revenue fell ≥ this in both of the last two quarters', '连续两季度收入下滑达到此幅度 → 退出评估')],
  ['min_roi', 3, t('Low-ROI below this ROI (1:3)', '低于此ROI（1:3）为低效')],
  ['strategic_share', 0.8, t('Strategic: the top channels bringing this share of revenue (80/20)', '贡献此比例收入的头部渠道为战略渠道')],
  ['incubate_growth', 0.3, t('Incubate when yearly growth is above this', '年增长高于此值 → 孵化')],
];
export const PARETO_B_SHARE = 0.95;
export const INCUBATION_MONTHS = 6;
export const CONVERSION_ALERT = 0.15;

export const ONLINE = t('online', '线上');
export const OFFLINE = t('offline', '线下');
export const ALERT = t('⚠ alert', '⚠ 预警');

/**
 * [name en, name zh, type, revenue Q3 2025, YoY growth, ROI, Δ revenue Q2 vs Q1, Δ revenue Q3 vs
 *  Q2, conversion Q2, conversion Q3] — chosen so every tier and both sides of each rule appear.
 */
export const CHANNELS: [string, string, 'online' | 'offline', number, number, number, number, number, number, number][] = [
  ['Tmall flagship', '天猫旗舰店', 'online', 18_500_000, 0.08, 5.2, 0.03, 0.02, 0.032, 0.031],
  ['JD self-operated', '京东自营', 'online', 12_000_000, 0.05, 4.6, -0.02, 0.04, 0.028, 0.029],
  ['Douyin live', '抖音直播', 'online', 9_800_000, 0.55, 2.7, 0.12, 0.09, 0.041, 0.033],
  ['Own stores', '线下门店', 'offline', 6_400_000, -0.04, 3.6, -0.06, -0.03, 0.125, 0.121],
  ['Regional dealers', '区域经销商', 'offline', 3_100_000, -0.1, 3.4, -0.18, -0.08, 0.085, 0.082],
  ['WeChat private domain', '微信私域', 'online', 2_200_000, 0.38, 6.8, 0.1, 0.12, 0.06, 0.072],
  ['KA supermarkets', '商超KA', 'offline', 1_600_000, -0.28, 2.9, -0.17, -0.19, 0.052, 0.05],
  ['Pinduoduo', '拼多多', 'online', 1_300_000, 0.22, 2.4, 0.05, 0.04, 0.024, 0.023],
  ['Xiaohongshu', '小红书', 'online', 900_000, 0.65, 4.1, 0.18, 0.21, 0.018, 0.022],
  ['Kuaishou', '快手', 'online', 700_000, 0.42, 3.2, 0.09, 0.11, 0.027, 0.026],
  ['Community group buying', '社区团购', 'offline', 500_000, -0.3, 1.9, -0.22, -0.16, 0.036, 0.034],
  ['Corporate gifting', '企业团购', 'offline', 400_000, 0.12, 3.8, 0.01, -0.05, 0.15, 0.148],
];

/** Tier keys as CHANNELTIER returns them, with label, action and colours (fill, font). */
export const TIERS: [string, Text, Text, string, string][] = [
  ['strategic', t('Strategic', '战略'), t('Senior account manager', '配置资深客户经理'), 'FFC6EFCE', 'FF006100'],
  ['incubate', t('Incubate', '孵化'), t('Incubation with its own budget and review date', '独立预算孵化并按期复盘'), 'FFDDEBF7', 'FF1F4E79'],
  ['maintain', t('Maintain', '维持'), t('Keep current investment', '维持现有投入'), 'FFEDEDED', 'FF404040'],
  ['low-roi', t('Low ROI', '低效'), t('Cut spend or fix the funnel', '压缩投放或优化转化'), 'FFFFEB9C', 'FF9C5700'],
  ['exit-review', t('Exit review', '退出评估'), t('Cut back or exit', '收缩或退出'), 'FFFFC7CE', 'FF9C0006'],
];

/** What each CHANNELTIER rule may be set to, and the digest rule it carries, in TIER_RULES order. */
const RULE_LIMITS: [number, number][] = [[0, 1], [0, 100], [0, 1], [-1, 10]];
const RULE_IDS: DigestRuleId[] = ['channels.exit-15', 'cost.low-roi-3', 'channels.pareto-80-20', 'channels.incubate-30'];

const SHEETS = { rules: t('Rules', '规则'), channels: t('Channels', '渠道'), summary: t('Summary', '汇总') };
/** Where the tiers' labels and actions are on the Rules sheet. */
export const TIER_FIRST = 15;

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const rules = settingsBlock(sheet.rules, 4, TIER_RULES.map(([name, value, meaning], i) => {
    const [min, max] = RULE_LIMITS[i];
    return { label: name, value, format: name === 'min_roi' ? '0.0' : PERCENT, validation: decimalBetween(min, max), note: meaning, rule: RULE_IDS[i] };
  }));
  const settings = settingsBlock(sheet.rules, 10, [
    { name: 'ParetoBShare', label: t('Pareto B share', '帕累托B类线'), value: PARETO_B_SHARE, format: PERCENT, validation: decimalBetween(0, 1), note: t('B class up to this cumulative revenue share', 'B类至此累计收入占比') },
    { name: 'IncubationMonths', label: t('Incubation months', '孵化期（月）'), value: INCUBATION_MONTHS, format: '0', validation: wholeBetween(1, 36), note: t('Incubation period for incubate channels', '孵化渠道的孵化期') },
    {
      name: 'ConversionAlertLine',
      label: t('Conversion alert', '转化波动预警线'),
      value: CONVERSION_ALERT,
      format: PERCENT,
      validation: decimalBetween(0, 1),
      note: t('Alert when conversion moves more than this', '转化率波动超过此值时预警'),
      rule: 'channels.conversion-alert-15',
    },
  ]);
  const channels = tableLayout(
    {
      name: t('Channels', '渠道'),
      sheet: sheet.channels,
      at: 'A3',
      rows: CHANNELS.length,
      columns: [
        { key: 'channel', name: LABEL.channel },
        { key: 'type', name: t('Type', '类型'), validation: oneOf([ONLINE, OFFLINE], t('online or offline', '线上或线下'), t('Type', '类型')) },
        { key: 'revenue', name: t('Revenue Q3', '三季度收入'), format: CNY, validation: nonNegative },
        { key: 'growth', name: t('YoY growth', '同比增长'), format: PERCENT, validation: decimalBetween(-1, 10) },
        { key: 'roi', name: 'ROI', format: '0.0', validation: decimalBetween(0, 100) },
        { key: 'prevQ', name: t('Δ prev quarter', '上季度环比'), format: PERCENT, validation: decimalBetween(-1, 10) },
        { key: 'lastQ', name: t('Δ last quarter', '本季度环比'), format: PERCENT, validation: decimalBetween(-1, 10) },
        { key: 'convPrev', name: t('Conversion Q2', '二季度转化率'), format: PERCENT, validation: decimalBetween(0, 1) },
        { key: 'convLast', name: t('Conversion Q3', '三季度转化率'), format: PERCENT, validation: decimalBetween(0, 1) },
        { key: 'change', name: t('Conversion change', '转化波动'), format: PERCENT, calculated: (c) => `IF(${c.row('convPrev')}>0,${c.row('convLast')}/${c.row('convPrev')}-1,0)` },
        { key: 'alert', name: t('Conversion alert', '转化预警'), calculated: (c) => `IF(ABS(${c.row('change')})>ConversionAlertLine,"${w.say(ALERT)}","OK")` },
        { key: 'share', name: t('Revenue share', '收入占比'), format: PERCENT, calculated: (c) => `${c.row('revenue')}/SUM(${c.col('revenue')})` },
      ],
    },
    w.locale,
  );
  const col = { pareto: channels.next, code: channels.next + 1, tier: channels.next + 2, action: channels.next + 3, months: channels.next + 4 };
  const spill = (c: number) => channels.spill(c);
  return { ...w, sheet, rules, settings, channels, col, spill };
}
type Layout = ReturnType<typeof layout>;

/** The tier's label or action (Rules column B or C) for each code of the tier spill. */
function byTier(L: Layout, column: 'B' | 'C'): string {
  const code = L.spill(L.col.code);
  return TIERS.reduceRight((otherwise, [key], i) => (otherwise === '' ? `${L.sheet.rules}!$${column}$${TIER_FIRST + i}` : `IF(${code}="${key}",${L.sheet.rules}!$${column}$${TIER_FIRST + i},${otherwise})`), '');
}

function writeRules(workbook: ExcelJS.Workbook, L: Layout): void {
  const rules = titledSheet(workbook, L.sheet.rules, [30, 18, 70, 60], t('Channel rules', '渠道规则'));
  headerRow(rules, 3, [t('Rule (CHANNELTIER name)', '规则（CHANNELTIER 名称）'), LABEL.value, LABEL.meaning, t('Source', '来源')]);
  writeParameters(workbook, L.rules);
  headerRow(rules, 9, [t('Other setting', '其他设置'), LABEL.value, LABEL.meaning, t('Source', '来源')]);
  writeParameters(workbook, L.settings);
  headerRow(rules, TIER_FIRST - 1, [t('Tier code (as CHANNELTIER returns it)', '层级代码（CHANNELTIER 返回值）'), t('Tier', '分层'), t('Action', '建议动作')]);
  TIERS.forEach(([key, name, action, fill, font], i) => {
    const row = rules.getRow(TIER_FIRST + i);
    row.getCell(1).value = key;
    label(row.getCell(2), name);
    label(row.getCell(3), action);
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      cell.font = { color: { argb: font } };
    });
  });
  defineNames(workbook, { ChannelTierRules: `${L.sheet.rules}!$A$4:$B$7` });
}

function writeChannels(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = titledSheet(workbook, L.sheet.channels, [24, 10, 16, 12, 8, 14, 14, 14, 14, 14, 14, 12, 10, 14, 12, 40, 12], t('Channels this quarter', '本季度渠道'));
  const { channels, col, spill } = L;
  writeTable(
    workbook,
    channels,
    CHANNELS.map(([en, zh, type, revenue, growth, roi, prevQ, lastQ, convPrev, convLast]) => ({ channel: L.say(t(en, zh)), type: L.say(type === 'online' ? ONLINE : OFFLINE), revenue, growth, roi, prevQ, lastQ, convPrev, convLast })),
  );
  tableSource(workbook, channels, EXAMPLE_SOURCE);
  spillColumns(workbook, channels, [
    // The A-class line is the strategic share, so "A" and "strategic" use the same 80%.
    { col: col.pareto, header: t('Pareto', '帕累托'), formula: `PERF.PARETO(${channels.col('revenue')},${L.sheet.rules}!$B$6,ParetoBShare)` },
    { col: col.code, header: t('Tier code', '层级代码'), formula: `PERF.CHANNELTIER(${channels.col('revenue')},${channels.col('growth')},${channels.col('roi')},${channels.col('prevQ')},${channels.col('lastQ')},ChannelTierRules)` },
    { col: col.tier, header: t('Tier', '分层'), formula: byTier(L, 'B') },
    { col: col.action, header: t('Action', '建议动作'), formula: byTier(L, 'C') },
    { col: col.months, header: t('Incubation months', '孵化期（月）'), formula: `IF(${spill(col.code)}="incubate",IncubationMonths,0)`, format: '0;-0;"–"' },
  ]);
  // Tier colours on the code, tier and action columns (outputs, so no input fill is hidden); priorities unique on the sheet.
  const code = `$${columnLetters(col.code)}${channels.firstRow}`;
  [growingRange(channels, col.code, col.action)].forEach((ref, block) => {
    sheet.addConditionalFormatting({
      ref,
      rules: TIERS.map(([key, , , fill, font], i) => ({
        type: 'expression',
        priority: block * TIERS.length + i + 1,
        formulae: [`${code}="${key}"`],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } }, font: { color: { argb: font } } },
      })),
    });
  });
  const change = `$${channels.letter('change')}${channels.firstRow}`;
  highlightWhen(sheet, growingRange(channels, channels.column('change'), channels.column('alert')), `ABS(${change})>${L.sheet.rules}!$B$12`, TIERS.length + 1);
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  const summary = workbook.addWorksheet(L.sheet.summary);
  columnWidths(summary, [40, 22, 14, 18, 16]);
  const counts = [t('Channels', '渠道数'), LABEL.revenue, t('Revenue share', '收入占比')];
  const revenue = L.channels.col('revenue');
  headerRow(summary, 1, [t('Tier code', '层级代码'), t('Tier', '分层'), ...counts]);
  /** One row per group (a tier, a Pareto class): its channels, their revenue and its share of the total (row 7). */
  const groups = (firstRow: number, spill: string, rows: [string, Text][]) =>
    rows.forEach(([key, text], i) => {
      const r = firstRow + i;
      summary.getCell(r, 1).value = key;
      label(summary.getCell(r, 2), text);
      formula(summary.getCell(r, 3), `COUNTIF(${spill},A${r})`);
      formula(summary.getCell(r, 4), `SUMIF(${spill},A${r},${revenue})`);
      formula(summary.getCell(r, 5), `IF($D$7>0,D${r}/$D$7,0)`);
    });
  groups(2, L.spill(L.col.code), TIERS.map(([key, name]) => [key, name]));
  label(summary.getCell('A7'), LABEL.total);
  for (const col of ['C', 'D', 'E']) formula(summary.getCell(`${col}7`), `SUM(${col}2:${col}6)`);

  headerRow(summary, 9, [t('Pareto class', '帕累托分类'), LABEL.meaning, ...counts]);
  groups(10, L.spill(L.col.pareto), [['A', t('First 80% of revenue', '前80%收入')], ['B', t('Up to 95%', '至95%')], ['C', t('The rest', '其余')]]);
  for (let r = 2; r <= 12; r++) {
    summary.getCell(r, 4).numFmt = CNY;
    summary.getCell(r, 5).numFmt = PERCENT;
  }

  headerRow(summary, 14, [t('Key result', '关键结果'), LABEL.value]);
  summaryLines(summary, 15, [
    { label: t('Share of channels in class A', 'A类渠道数量占比'), formula: `IF(C7>0,C10/C7,0)`, format: PERCENT },
    { label: t('Revenue share of class A', 'A类渠道收入占比'), formula: 'E10', format: PERCENT },
    { label: t('Conversion alerts', '转化预警渠道数'), formula: `COUNTIF(${L.channels.col('alert')},"${L.say(ALERT)}")`, format: '0' },
    { label: t('Revenue under exit review', '退出评估渠道收入'), formula: 'D6', format: CNY },
  ]);
}

const tiering = defineTemplates({
  ...galleryOf('channel-tiering'),
  layout,
  steps: (L) => {
    const S = L.sheet;
    return [
      t(
        `Edit the yellow cells: the channels (table ${L.channels.name} on ${S.channels}) and the rules (${S.rules}!B4:B7, B10:B12). Keep the rule names in ${S.rules}!A4:A7 as they are: PERF.CHANNELTIER reads them.`,
        `编辑黄色单元格：渠道（${S.channels} 表中的表格“${L.channels.name}”）和规则（${S.rules}!B4:B7、B10:B12）。${S.rules}!A4:A7 中的规则名称请勿修改，PERF.CHANNELTIER 按名称读取。`,
      ),
      t('Growth, revenue changes and conversion are fractions (0.30 = 30%). "Δ prev quarter" is Q2 vs Q1 revenue, "Δ last quarter" Q3 vs Q2.', '增长率、收入变化和转化率均为小数（0.30 = 30%）。“上季度环比”为二季度对一季度收入变化，“本季度环比”为三季度对二季度。'),
      t(
        `Tier (${L.channels.spillStart(L.col.code)}, =PERF.CHANNELTIER), first match wins: exit-review if revenue fell by at least exit_decline (15%) in both quarters; low-roi if ROI < min_roi (3, i.e. 1:3); strategic if the channel is among those bringing strategic_share (80%) of revenue; incubate if yearly growth > incubate_growth (30%), for the incubation months (6); else maintain. ${L.channels.spillStart(L.col.tier)} shows the tier's name from ${S.rules}!B${TIER_FIRST}:B${TIER_FIRST + 4}.`,
        `分层（${L.channels.spillStart(L.col.code)}，=PERF.CHANNELTIER），按顺序首个满足的规则生效：两个季度收入均下滑达 exit_decline（15%）→ 退出评估（exit-review）；ROI < min_roi（3，即1:3）→ 低效（low-roi）；属于贡献 strategic_share（80%）收入的头部渠道 → 战略（strategic）；年增长 > incubate_growth（30%）→ 孵化（incubate，孵化期6个月）；其余 → 维持（maintain）。${L.channels.spillStart(L.col.tier)} 按 ${S.rules}!B${TIER_FIRST}:B${TIER_FIRST + 4} 显示中文名称。`,
      ),
      t(
        `Pareto class (${L.channels.spillStart(L.col.pareto)}, =PERF.PARETO): A = the channels bringing the first 80% of revenue (the one crossing 80% included), B = up to 95%, C = the rest.`,
        `帕累托分类（${L.channels.spillStart(L.col.pareto)}，=PERF.PARETO）：A = 贡献前80%收入的渠道（跨过80%的渠道也算A），B = 至95%，C = 其余。`,
      ),
      t(
        'Conversion alert: conversion moved more than 15% (relative) from Q2 to Q3. Colours: strategic green, incubate blue, maintain grey, low ROI amber, exit review red.',
        '转化预警：三季度转化率相对二季度波动超过15%。颜色：战略绿、孵化蓝、维持灰、低效琥珀、退出评估红。',
      ),
      t(`${S.summary}: channels and revenue per tier and per Pareto class, the share of channels that bring the A-class revenue, and the number of conversion alerts.`, `${S.summary}：各层级与各帕累托分类的渠道数和收入、A类渠道数量占比及其收入占比、转化预警数量。`),
      growingTables([L.channels.name]),
    ];
  },
  rules: (L) => [...parameterRules(L.rules), ...parameterRules(L.settings)],
  charts: (L) => [
    {
      sheet: L.sheet.summary, type: 'column', at: 'G1:N16', title: t('Channels per tier', '各层级渠道数'),
      categories: `${L.sheet.summary}!$B$2:$B$6`,
      series: [{ name: t('Channels', '渠道数'), values: `${L.sheet.summary}!$C$2:$C$6` }],
    },
    {
      sheet: L.sheet.summary, type: 'pie', at: 'G18:N33', title: t('Revenue by tier', '各层级收入'),
      categories: `${L.sheet.summary}!$B$2:$B$6`,
      series: [{ name: LABEL.revenue, values: `${L.sheet.summary}!$D$2:$D$6` }],
    },
  ],
  sheets: [writeRules, writeChannels, writeSummary],
  growth: (L) => [
    tableGrowth(L.channels, {
      channel: L.say(t('Bilibili', '哔哩哔哩')),
      type: L.say(ONLINE),
      revenue: 1_000_000,
      growth: 0.5,
      roi: 3.5,
      prevQ: 0.1,
      lastQ: 0.12,
      convPrev: 0.02,
      convLast: 0.021,
    }, [`${L.sheet.summary}!C3`, `${L.sheet.summary}!C7`, `${L.sheet.summary}!D7`]),
  ],
});

export const channelTiering = tiering['en-US'];
export const channelTieringZh = tiering['zh-CN'];
