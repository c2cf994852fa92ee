/**
 * The built-in channel-tiering template (plan rules: strategic channels are the top 20% bringing
 * 80% of revenue, incubation above 30% growth, exit review after two quarters down 15%, ROI below
 * 1:3 is low-efficiency, conversion swings over 15% alert): Pareto classes and tiers equal the
 * rules applied by the test itself, also after the rules table is edited; the alerts and summary
 * counts hold; a Chinese workbook names the tiers in Chinese (战略/孵化/维持/低效/退出评估). The
 * contract every template keeps is tested once for all of them (contract.test.ts).
 */
import ExcelJS from 'exceljs';
import { calcBytes, toJson } from '../../calc/book';
import { ALERT, CHANNELS, CONVERSION_ALERT, INCUBATION_MONTHS, PARETO_B_SHARE, TIERS, TIER_RULES, channelTiering, channelTieringZh } from '../../library/templates/channel-tiering';
import { nodeCodec } from '../../workbook/node-codec';
import { patchSheetXml } from '../../workbook/patch';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive, writeZip } from '../../workbook/zip';
import { names, ruleValues } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';

interface Rules {
  exit_decline: number;
  min_roi: number;
  strategic_share: number;
  incubate_growth: number;
}

const DEFAULT_RULES = Object.fromEntries(TIER_RULES.map(([name, value]) => [name, value])) as unknown as Rules;
const rows = CHANNELS.map((_, i) => 4 + i);
const revenue = CHANNELS.map((c) => c[3]);
const total = revenue.reduce((s, x) => s + x, 0);

/** Share of revenue held by the channels ranked above each one (descending, ties in input order). */
function shareBefore(values: number[]): number[] {
  const sum = values.reduce((s, x) => s + x, 0);
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  const before = new Array<number>(values.length);
  let cumulative = 0;
  for (const i of order) {
    before[i] = cumulative / sum;
    cumulative += values[i];
  }
  return before;
}

/** PARETO: the share before an item < a → "A" (so the item crossing a is "A"), < b → "B", else "C". */
function paretoClasses(values: number[], a: number, b: number): string[] {
  return shareBefore(values).map((before) => (before < a ? 'A' : before < b ? 'B' : 'C'));
}

/** CHANNELTIER, first match wins: exit-review, low-roi, strategic (Pareto A), incubate, maintain. */
function tiers(rules: Rules): string[] {
  const classes = paretoClasses(revenue, rules.strategic_share, 1);
  return CHANNELS.map(([, , , , growth, roi, prevQ, lastQ], i) => {
    if (prevQ <= -rules.exit_decline && lastQ <= -rules.exit_decline) return 'exit-review';
    if (roi < rules.min_roi) return 'low-roi';
    if (classes[i] === 'A') return 'strategic';
    if (growth > rules.incubate_growth) return 'incubate';
    return 'maintain';
  });
}

describeEachLanguage({
  'en-US': [channelTiering, { rules: 'Rules', channels: 'Channels', summary: 'Summary' }],
  'zh-CN': [channelTieringZh, { rules: '规则', channels: '渠道', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {

  it('channels.pareto-80-20: PERF.PARETO classes equal the cumulative-share rule (A up to and including the channel crossing 80%)', () => {
    const expected = paretoClasses(revenue, DEFAULT_RULES.strategic_share, PARETO_B_SHARE);
    expect(rows.map((r) => json[`${S.channels}!M${r}`])).toEqual(expected);
    // the sample is a real 80/20 case: a third of the channels bring over 80% of revenue
    const aRevenue = revenue.filter((_, i) => expected[i] === 'A').reduce((s, x) => s + x, 0);
    expect(aRevenue / total).toBeGreaterThanOrEqual(0.8);
    expect(expected.filter((c) => c === 'A').length).toBeLessThanOrEqual(CHANNELS.length / 3);
  });

  it('channels.exit-15, cost.low-roi-3, channels.incubate-30: PERF.CHANNELTIER tiers equal the spec\'s first-match rules, and the sample shows every tier', () => {
    const expected = tiers(DEFAULT_RULES);
    expect(rows.map((r) => json[`${S.channels}!N${r}`])).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(TIERS.map(([key]) => key)));
    // first match wins: a Pareto-A channel with ROI below 1:3 is low-roi, not strategic
    const douyin = CHANNELS.findIndex(([name]) => name.startsWith('Douyin'));
    expect([json[`${S.channels}!M${rows[douyin]}`], json[`${S.channels}!N${rows[douyin]}`], json[`${S.channels}!O${rows[douyin]}`]]).toEqual(['A', 'low-roi', locale === 'en-US' ? 'Low ROI' : '低效']);
  });

  it('the rules table is live: edited thresholds give the tiers the same rules compute', async () => {
    const edited: Rules = { exit_decline: 0.1, min_roi: 2.5, strategic_share: 0.6, incubate_growth: 0.5 };
    const zip = ZipArchive.read(book.bytes);
    const part = readWorkbookModel(zip, nodeCodec).sheets.find((s) => s.name === S.rules)!.part;
    TIER_RULES.forEach(([name], i) => expect(json[`${S.rules}!A${4 + i}`]).toBe(name));
    const writes = TIER_RULES.map(([name], i) => ({ row: 4 + i, col: 2, value: edited[name as keyof Rules] }));
    const patched = writeZip(zip.entries.map((e) => (e.name === part ? { name: e.name, data: patchSheetXml(zip.text(e.name, nodeCodec), { writes, clear: [] }) } : { name: e.name, copy: e })), nodeCodec);
    const after = toJson(await calcBytes(patched));
    const expected = tiers(edited);
    expect(expected).not.toEqual(tiers(DEFAULT_RULES));
    expect(rows.map((r) => after[`${S.channels}!N${r}`])).toEqual(expected);
    expect(rows.map((r) => after[`${S.channels}!M${r}`])).toEqual(paretoClasses(revenue, edited.strategic_share, PARETO_B_SHARE));
  });

  it('channels.conversion-alert-15: conversion moving more than 15% raises an alert; incubating channels get 6 months', () => {
    const tier = tiers(DEFAULT_RULES);
    CHANNELS.forEach(([, , , rev, , , , , convPrev, convLast], i) => {
      const r = rows[i];
      const change = convLast / convPrev - 1;
      const [, name, action] = TIERS.find(([key]) => key === tier[i])!;
      expect(json[`${S.channels}!J${r}`]).toBeCloseTo(change, 12);
      expect(json[`${S.channels}!K${r}`]).toBe(Math.abs(change) > CONVERSION_ALERT ? ALERT[locale] : 'OK');
      expect(json[`${S.channels}!L${r}`]).toBeCloseTo(rev / total, 12);
      expect([json[`${S.channels}!O${r}`], json[`${S.channels}!P${r}`]]).toEqual([name[locale], action[locale]]);
      expect(json[`${S.channels}!Q${r}`]).toBe(tier[i] === 'incubate' ? INCUBATION_MONTHS : 0);
    });
    expect(rows.filter((r) => json[`${S.channels}!K${r}`] === ALERT[locale]).length).toBeGreaterThan(0);
  });

  it('Summary counts channels and revenue per tier and per Pareto class', () => {
    const tier = tiers(DEFAULT_RULES);
    const classes = paretoClasses(revenue, DEFAULT_RULES.strategic_share, PARETO_B_SHARE);
    const sumWhere = (labels: string[], key: string) => revenue.filter((_, i) => labels[i] === key).reduce((s, x) => s + x, 0);
    TIERS.forEach(([key], i) => {
      expect([json[`${S.summary}!A${2 + i}`], json[`${S.summary}!B${2 + i}`]]).toEqual([key, TIERS[i][1][locale]]);
      expect(json[`${S.summary}!C${2 + i}`]).toBe(tier.filter((t) => t === key).length);
      expect(json[`${S.summary}!D${2 + i}`]).toBeCloseTo(sumWhere(tier, key), 6);
      expect(json[`${S.summary}!E${2 + i}`]).toBeCloseTo(sumWhere(tier, key) / total, 12);
    });
    expect([json[`${S.summary}!C7`], json[`${S.summary}!D7`]]).toEqual([CHANNELS.length, total]);
    ['A', 'B', 'C'].forEach((key, i) => {
      expect(json[`${S.summary}!C${10 + i}`]).toBe(classes.filter((c) => c === key).length);
      expect(json[`${S.summary}!D${10 + i}`]).toBeCloseTo(sumWhere(classes, key), 6);
    });
    expect(json[`${S.summary}!B15`]).toBeCloseTo(classes.filter((c) => c === 'A').length / CHANNELS.length, 12);
    expect(json[`${S.summary}!B16`]).toBeCloseTo(sumWhere(classes, 'A') / total, 12);
    const alerts = CHANNELS.filter((c) => Math.abs(c[9] / c[8] - 1) > CONVERSION_ALERT).length;
    expect(json[`${S.summary}!B17`]).toBe(alerts);
    expect(json[`${S.summary}!B18`]).toBeCloseTo(sumWhere(tier, 'exit-review'), 6);
  });

  it('colours each tier by conditional formatting, as the table grows: strategic green, incubate blue, maintain grey, low-roi amber, exit-review red', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.bytes as never);
    type Rule = { formulae: string[]; style: { fill: { bgColor: { argb: string } } } };
    const formats = (workbook.getWorksheet(S.channels) as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
    const tierColumns = formats.find((cf) => cf.ref === 'N4:P115')!;
    const colours = Object.fromEntries(tierColumns.rules.map((rule) => [rule.formulae[0], rule.style.fill.bgColor.argb]));
    expect(colours).toEqual({
      '$N4="strategic"': 'FFC6EFCE', // green
      '$N4="incubate"': 'FFDDEBF7', // blue
      '$N4="maintain"': 'FFEDEDED', // grey
      '$N4="low-roi"': 'FFFFEB9C', // amber
      '$N4="exit-review"': 'FFFFC7CE', // red
    });
    expect(formats.some((cf) => cf.ref === 'J4:K115' && cf.rules[0].formulae[0] === `ABS($J4)>${S.rules}!$B$12`)).toBe(true);
  });

  it('carries its rules in the rules table (the digest\'s numbers) and names its key inputs', () => {
    const rules = { 'channels.exit-15': 0.15, 'cost.low-roi-3': 3, 'channels.pareto-80-20': 0.8, 'channels.incubate-30': 0.3, 'channels.conversion-alert-15': 0.15 };
    expect(ruleValues(template, book)).toEqual(rules);
    expect(names(book)).toEqual(expect.arrayContaining(['ChannelTierRules', 'ParetoBShare', 'IncubationMonths', 'ConversionAlertLine']));
    expect(json[`${S.channels}!A2`]).toBe(EXAMPLE_NOTE[locale]);
  });
});
