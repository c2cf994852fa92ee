/**
 * Channel tiering (渠道分层, seed rules §4): twelve channels' quarterly figures, ABC classes
 * (PERF.PARETO, the 80/20 rule) and a rule-based tier (PERF.CHANNELTIER) driven by an
 * editable rules table: exit review after two quarters down ≥ 15%, low efficiency below
 * ROI 1:3, strategic = the channels bringing 80% of revenue, 6-month incubation above 30%
 * yearly growth. Conversion swings over 15% raise an alert.
 */
import type ExcelJS from 'exceljs';
import {
  CNY, DigestRuleId, LABEL, PERCENT, ParameterBlock, Text, bilingual, columnWidths, decimalBetween, defineTemplate, formula, headerRow, highlightWhen, inputBlock,
  label, nonNegative, oneOf, parameterRules, sheetTitle, summaryLines, t, wholeBetween, writeParameters,
} from '../kit';

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

/**
 * [name, type, revenue Q3 2025, YoY growth, ROI, Δ revenue Q2 vs Q1, Δ revenue Q3 vs Q2,
 *  conversion Q2, conversion Q3] — chosen so every tier and both sides of each rule appear.
 */
export const CHANNELS: [string, 'online' | 'offline', number, number, number, number, number, number, number][] = [
  ['Tmall flagship 天猫旗舰店', 'online', 18_500_000, 0.08, 5.2, 0.03, 0.02, 0.032, 0.031],
  ['JD self-operated 京东自营', 'online', 12_000_000, 0.05, 4.6, -0.02, 0.04, 0.028, 0.029],
  ['Douyin live 抖音直播', 'online', 9_800_000, 0.55, 2.7, 0.12, 0.09, 0.041, 0.033],
  ['Own stores 线下门店', 'offline', 6_400_000, -0.04, 3.6, -0.06, -0.03, 0.125, 0.121],
  ['Regional dealers 区域经销商', 'offline', 3_100_000, -0.1, 3.4, -0.18, -0.08, 0.085, 0.082],
  ['WeChat private domain 微信私域', 'online', 2_200_000, 0.38, 6.8, 0.1, 0.12, 0.06, 0.072],
  ['KA supermarkets 商超KA', 'offline', 1_600_000, -0.28, 2.9, -0.17, -0.19, 0.052, 0.05],
  ['Pinduoduo 拼多多', 'online', 1_300_000, 0.22, 2.4, 0.05, 0.04, 0.024, 0.023],
  ['Xiaohongshu 小红书', 'online', 900_000, 0.65, 4.1, 0.18, 0.21, 0.018, 0.022],
  ['Kuaishou 快手', 'online', 700_000, 0.42, 3.2, 0.09, 0.11, 0.027, 0.026],
  ['Community group buying 社区团购', 'offline', 500_000, -0.3, 1.9, -0.22, -0.16, 0.036, 0.034],
  ['Corporate gifting 企业团购', 'offline', 400_000, 0.12, 3.8, 0.01, -0.05, 0.15, 0.148],
];

/** Tier keys as CHANNELTIER returns them, with label, action and colours (fill, font). */
export const TIERS: [string, Text, Text, string, string][] = [
  ['strategic', t('Strategic', '战略'), t('Senior account manager', '配置资深客户经理'), 'FFC6EFCE', 'FF006100'],
  ['incubate', t('Incubate', '孵化'), t('Incubation with its own budget and review date', '独立预算孵化并按期复盘'), 'FFDDEBF7', 'FF1F4E79'],
  ['maintain', t('Maintain', '维持'), t('Keep current investment', '维持现有投入'), 'FFEDEDED', 'FF404040'],
  ['low-roi', t('Low ROI', '低效'), t('Cut spend or fix the funnel', '压缩投放或优化转化'), 'FFFFEB9C', 'FF9C5700'],
  ['exit-review', t('Exit review', '退出评估'), t('Cut back or exit', '收缩或退出'), 'FFFFC7CE', 'FF9C0006'],
];

const LAST = 1 + CHANNELS.length; // last channel row on Channels

/** What each CHANNELTIER rule may be set to, and the digest rule it carries, in TIER_RULES order. */
const RULE_LIMITS: [number, number][] = [[0, 1], [0, 100], [0, 1], [-1, 10]];
const RULE_IDS: DigestRuleId[] = ['channels.exit-15', 'cost.low-roi-3', 'channels.pareto-80-20', 'channels.incubate-30'];

const RULES: ParameterBlock = {
  sheet: 'Rules',
  firstRow: 4,
  rows: TIER_RULES.map(([name, value, meaning], i) => {
    const [min, max] = RULE_LIMITS[i];
    return { label: name, value, format: name === 'min_roi' ? '0.0' : PERCENT, validation: decimalBetween(min, max), note: meaning, rule: RULE_IDS[i] };
  }),
};

const OTHER_SETTINGS: ParameterBlock = {
  sheet: 'Rules',
  firstRow: 10,
  rows: [
    { label: t('Pareto B share', '帕累托B类线'), value: PARETO_B_SHARE, format: PERCENT, validation: decimalBetween(0, 1), note: t('B class up to this cumulative revenue share', 'B类至此累计收入占比') },
    { label: t('Incubation months', '孵化期（月）'), value: INCUBATION_MONTHS, format: '0', validation: wholeBetween(1, 36), note: t('Incubation period for incubate channels', '孵化渠道的孵化期') },
    {
      label: t('Conversion alert', '转化波动预警线'),
      value: CONVERSION_ALERT,
      format: PERCENT,
      validation: decimalBetween(0, 1),
      note: t('Alert when conversion moves more than this', '转化率波动超过此值时预警'),
      rule: 'channels.conversion-alert-15',
    },
  ],
};

export const channelTiering = defineTemplate({
  id: 'channel-tiering',
  category: 'channel',
  title: t('Channel tiering and Pareto analysis', '渠道分层与帕累托分析'),
  description: t(
    'Quarterly channel review: ABC (80/20) classes and a tier per channel — strategic, incubate (6 months), maintain, low ROI (below 1:3), exit review (two quarters down 15%) — from an editable rules table, with conversion-swing alerts.',
    '季度渠道复盘：按80/20规则进行ABC分类，并依据可编辑规则表为每个渠道分层——战略、孵化（6个月）、维持、低效（ROI低于1:3）、退出评估（连续两季度下滑15%），同时对转化率波动预警。',
  ),
  tags: ['channels', 'pareto', '80/20', 'tiering', 'roi', '渠道', '分层', '帕累托'],
  instructions: {
    purpose: t('a quarterly review that sorts channels into tiers by the channel rules, and shows which few channels bring most of the revenue.', '季度渠道复盘，按渠道规则对渠道分层，并找出贡献大部分收入的少数渠道。'),
    steps: [
      t('Edit the yellow cells: channel data (Channels!A2:I13) and the rules (Rules!B4:B7, B10:B12). Keep the rule names in Rules!A4:A7 as they are: PERF.CHANNELTIER reads them.', '编辑黄色单元格：渠道数据（Channels!A2:I13）和规则（Rules!B4:B7、B10:B12）。Rules!A4:A7 中的规则名称请勿修改，PERF.CHANNELTIER 按名称读取。'),
      t('Growth, revenue changes and conversion are fractions (0.30 = 30%). "Δ prev quarter" is Q2 vs Q1 revenue, "Δ last quarter" Q3 vs Q2.', '增长率、收入变化和转化率均为小数（0.30 = 30%）。“上季度环比”为Q2对Q1收入变化，“本季度环比”为Q3对Q2。'),
      t('Tier (Channels!M2, =PERF.CHANNELTIER), first match wins: exit-review if revenue fell by at least exit_decline (15%) in both quarters; low-roi if ROI < min_roi (3, i.e. 1:3); strategic if the channel is among those bringing strategic_share (80%) of revenue; incubate if yearly growth > incubate_growth (30%), for the incubation months (6); else maintain.', '分层（Channels!M2，=PERF.CHANNELTIER），按顺序首个满足的规则生效：两个季度收入均下滑达 exit_decline（15%）→ 退出评估；ROI < min_roi（3，即1:3）→ 低效；属于贡献 strategic_share（80%）收入的头部渠道 → 战略；年增长 > incubate_growth（30%）→ 孵化（孵化期6个月）；其余 → 维持。'),
      t('Pareto class (Channels!L2, =PERF.PARETO): A = the channels bringing the first 80% of revenue (the one crossing 80% included), B = up to 95%, C = the rest.', '帕累托分类（Channels!L2，=PERF.PARETO）：A = 贡献前80%收入的渠道（跨过80%的渠道也算A），B = 至95%，C = 其余。'),
      t('Conversion alert (Channels!K): conversion moved more than 15% (relative) from Q2 to Q3. Colours: strategic green, incubate blue, maintain grey, low ROI amber, exit review red.', '转化预警（Channels!K）：Q3 转化率相对 Q2 波动超过15%。颜色：战略绿、孵化蓝、维持灰、低效琥珀、退出评估红。'),
      t('Summary: channels and revenue per tier and per Pareto class, the share of channels that bring the A-class revenue, and the number of conversion alerts.', 'Summary：各层级与各帕累托分类的渠道数和收入、A类渠道数量占比及其收入占比、转化预警数量。'),
    ],
  },
  rules: [...parameterRules(RULES), ...parameterRules(OTHER_SETTINGS)],
  charts: [
    {
      sheet: 'Summary', type: 'column', at: 'G1:N16', title: t('Channels per tier', '各层级渠道数'),
      categories: 'Summary!$B$2:$B$6',
      series: [{ name: t('Channels', '渠道数'), values: 'Summary!$C$2:$C$6' }],
    },
    {
      sheet: 'Summary', type: 'pie', at: 'G18:N33', title: t('Revenue by tier', '各层级收入'),
      categories: 'Summary!$B$2:$B$6',
      series: [{ name: LABEL.revenue, values: 'Summary!$D$2:$D$6' }],
    },
  ],
  sheets: [writeRules, writeChannels, writeSummary],
  names: {
    ChannelTierRules: 'Rules!$A$4:$B$7',
    ParetoBShare: 'Rules!$B$10',
    IncubationMonths: 'Rules!$B$11',
    ConversionAlertLine: 'Rules!$B$12',
    ChannelData: `Channels!$A$2:$I$${LAST}`,
    ChannelRevenue: `Channels!$C$2:$C$${LAST}`,
  },
});

function writeRules(workbook: ExcelJS.Workbook): void {
  const rules = workbook.addWorksheet('Rules');
  columnWidths(rules, [30, 12, 70, 14]);
  sheetTitle(rules, t('Channel rules', '渠道规则'));
  headerRow(rules, 3, [t('Rule (CHANNELTIER name)', '规则'), LABEL.value, LABEL.meaning]);
  writeParameters(workbook, RULES);
  headerRow(rules, 9, [t('Other setting', '其他设置'), LABEL.value, LABEL.meaning]);
  writeParameters(workbook, OTHER_SETTINGS);
  headerRow(rules, 14, [t('Tier', '分层'), t('Label', '名称'), t('Action', '建议动作')]);
  TIERS.forEach(([key, name, action, fill, font], i) => {
    const row = rules.getRow(15 + i);
    row.values = [key, bilingual(name), bilingual(action)];
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      cell.font = { color: { argb: font } };
    });
  });
}

function writeChannels(workbook: ExcelJS.Workbook): void {
  const channels = workbook.addWorksheet('Channels');
  columnWidths(channels, [30, 10, 16, 12, 8, 14, 14, 12, 12, 12, 14, 10, 14, 10, 44, 10]);
  headerRow(
    channels,
    1,
    [
      LABEL.channel, t('Type', '类型'), t('Revenue Q3', '收入 (CNY)'), t('YoY growth', '同比增长'), 'ROI',
      t('Δ prev quarter', '上季度环比 (Q2/Q1)'), t('Δ last quarter', '本季度环比 (Q3/Q2)'), t('Conversion Q2', '转化率'), t('Conversion Q3', '转化率'),
      t('Conversion change', '转化波动'), t('Conversion alert', '转化预警'), t('Pareto', '帕累托'), t('Tier', '分层'), t('Revenue share', '收入占比'),
      t('Action', '建议动作'), t('Incubation months', '孵化期'),
    ],
    { wrap: 'top' },
  );
  inputBlock(channels, 2, CHANNELS, [
    { col: 1 },
    { col: 2, validation: oneOf(['online', 'offline'], 'online or offline') },
    { col: 3, format: CNY, validation: nonNegative },
    { col: 4, format: PERCENT, validation: decimalBetween(-1, 10) },
    { col: 5, format: '0.0', validation: decimalBetween(0, 100) },
    { col: 6, format: PERCENT, validation: decimalBetween(-1, 10) },
    { col: 7, format: PERCENT, validation: decimalBetween(-1, 10) },
    { col: 8, format: PERCENT, validation: decimalBetween(0, 1) },
    { col: 9, format: PERCENT, validation: decimalBetween(0, 1) },
  ]);
  CHANNELS.forEach((_, i) => {
    const r = 2 + i;
    formula(channels.getCell(r, 10), `IF(H${r}>0,I${r}/H${r}-1,0)`, PERCENT);
    formula(channels.getCell(r, 11), `IF(ABS(J${r})>Rules!$B$12,"alert 预警","ok 正常")`);
    formula(channels.getCell(r, 14), `C${r}/SUM($C$2:$C$${LAST})`, PERCENT);
    formula(channels.getCell(r, 15), `INDEX(Rules!$C$15:$C$19,MATCH(M${r},Rules!$A$15:$A$19,0))`);
    formula(channels.getCell(r, 16), `IF(M${r}="incubate",Rules!$B$11,0)`, '0;-0;"–"');
  });
  // The A-class line is the strategic share, so "A" and "strategic" use the same 80%.
  formula(channels.getCell('L2'), `PERF.PARETO(C2:C${LAST},Rules!$B$6,Rules!$B$10)`);
  formula(channels.getCell('M2'), `PERF.CHANNELTIER(C2:C${LAST},D2:D${LAST},E2:E${LAST},F2:F${LAST},G2:G${LAST},Rules!$A$4:$B$7)`);

  // Tier colours on the tier and action columns (outputs, so no input fill is hidden).
  // Priorities are unique across the sheet, as Excel writes them.
  [`M2:M${LAST}`, `O2:O${LAST}`].forEach((ref, block) => {
    channels.addConditionalFormatting({
      ref,
      rules: TIERS.map(([key, , , fill, font], i) => ({
        type: 'expression',
        priority: block * TIERS.length + i + 1,
        formulae: [`$M2="${key}"`],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } }, font: { color: { argb: font } } },
      })),
    });
  });
  highlightWhen(channels, `J2:K${LAST}`, 'ABS($J2)>Rules!$B$12', 2 * TIERS.length + 1);
}

function writeSummary(workbook: ExcelJS.Workbook): void {
  const summary = workbook.addWorksheet('Summary');
  columnWidths(summary, [40, 22, 14, 18, 16]);
  const counts = [t('Channels', '渠道数'), LABEL.revenue, t('Revenue share', '收入占比')];
  headerRow(summary, 1, [t('Tier', '分层'), t('Label', '名称'), ...counts]);
  /** One row per group (a tier, a Pareto class): its channels, their revenue and its share of the total (row 7). */
  const groups = (firstRow: number, column: string, rows: [string, Text][]) =>
    rows.forEach(([key, text], i) => {
      const r = firstRow + i;
      const range = `Channels!$${column}$2:$${column}$${LAST}`;
      summary.getRow(r).values = [key, bilingual(text)];
      formula(summary.getCell(r, 3), `COUNTIF(${range},A${r})`);
      formula(summary.getCell(r, 4), `SUMIF(${range},A${r},Channels!$C$2:$C$${LAST})`);
      formula(summary.getCell(r, 5), `IF($D$7>0,D${r}/$D$7,0)`);
    });
  groups(2, 'M', TIERS.map(([key, name]) => [key, name]));
  label(summary.getCell('A7'), LABEL.total);
  for (const col of ['C', 'D', 'E']) formula(summary.getCell(`${col}7`), `SUM(${col}2:${col}6)`);

  headerRow(summary, 9, [t('Pareto class', '帕累托分类'), LABEL.meaning, ...counts]);
  groups(10, 'L', [['A', t('First 80% of revenue', '前80%收入')], ['B', t('Up to 95%', '至95%')], ['C', t('The rest', '其余')]]);
  for (let r = 2; r <= 12; r++) {
    summary.getCell(r, 4).numFmt = CNY;
    summary.getCell(r, 5).numFmt = PERCENT;
  }

  headerRow(summary, 14, [t('Key result', '关键结果'), LABEL.value]);
  summaryLines(summary, 15, [
    { label: t('Share of channels in class A', 'A类渠道数量占比'), formula: `C10/COUNTA(Channels!$A$2:$A$${LAST})`, format: PERCENT },
    { label: t('Revenue share of class A', 'A类渠道收入占比'), formula: 'E10', format: PERCENT },
    { label: t('Conversion alerts', '转化预警渠道数'), formula: `COUNTIF(Channels!$K$2:$K$${LAST},"alert 预警")`, format: '0' },
    { label: t('Revenue under exit review', '退出评估渠道收入'), formula: 'D6', format: CNY },
  ]);
}
