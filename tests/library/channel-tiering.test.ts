/**
 * The built-in channel-tiering template (seed rules §4 channels, §3 ROI 1:3): Pareto classes
 * and tiers equal the spec's rules applied by the test itself, also after the rules table is
 * edited; the alerts and summary counts hold. The contract every template keeps is tested once
 * for all of them (contract.test.ts).
 */
import ExcelJS from 'exceljs';
import { calcBytes, toJson } from '../../calc/book';
import { CHANNELS, CONVERSION_ALERT, INCUBATION_MONTHS, PARETO_B_SHARE, TIERS, TIER_RULES, channelTiering } from '../../library/templates/channel-tiering';
import { bilingual } from '../../library/kit';
import { builtBeforeAll, names, ruleValues } from './support/built';

interface Rules {
  exit_decline: number;
  min_roi: number;
  strategic_share: number;
  incubate_growth: number;
}

const DEFAULT_RULES = Object.fromEntries(TIER_RULES.map(([name, value]) => [name, value])) as unknown as Rules;
const rows = CHANNELS.map((_, i) => 2 + i);
const revenue = CHANNELS.map((c) => c[2]);
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
  return CHANNELS.map(([, , , growth, roi, prevQ, lastQ], i) => {
    if (prevQ <= -rules.exit_decline && lastQ <= -rules.exit_decline) return 'exit-review';
    if (roi < rules.min_roi) return 'low-roi';
    if (classes[i] === 'A') return 'strategic';
    if (growth > rules.incubate_growth) return 'incubate';
    return 'maintain';
  });
}

describe('template: channel-tiering', () => {
  const book = builtBeforeAll(channelTiering);
  const { json } = book;

  it('channels.pareto-80-20: PERF.PARETO classes equal the cumulative-share rule (A up to and including the channel crossing 80%)', () => {
    const expected = paretoClasses(revenue, DEFAULT_RULES.strategic_share, PARETO_B_SHARE);
    expect(rows.map((r) => json[`Channels!L${r}`])).toEqual(expected);
    // the sample is a real 80/20 case: a third of the channels bring over 80% of revenue
    const aRevenue = revenue.filter((_, i) => expected[i] === 'A').reduce((s, x) => s + x, 0);
    expect(aRevenue / total).toBeGreaterThanOrEqual(0.8);
    expect(expected.filter((c) => c === 'A').length).toBeLessThanOrEqual(CHANNELS.length / 3);
  });

  it('channels.exit-15, cost.low-roi-3, channels.incubate-30: PERF.CHANNELTIER tiers equal the spec\'s first-match rules, and the sample shows every tier', () => {
    const expected = tiers(DEFAULT_RULES);
    expect(rows.map((r) => json[`Channels!M${r}`])).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(TIERS.map(([key]) => key)));
    // first match wins: a Pareto-A channel with ROI below 1:3 is low-roi, not strategic
    const douyin = CHANNELS.findIndex(([name]) => name.startsWith('Douyin'));
    expect([json[`Channels!L${rows[douyin]}`], json[`Channels!M${rows[douyin]}`]]).toEqual(['A', 'low-roi']);
  });

  it('the rules table is live: edited thresholds give the tiers the same rules compute', async () => {
    const edited: Rules = { exit_decline: 0.1, min_roi: 2.5, strategic_share: 0.6, incubate_growth: 0.5 };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.bytes as never);
    const sheet = workbook.getWorksheet('Rules')!;
    TIER_RULES.forEach(([name], i) => {
      expect(sheet.getCell(4 + i, 1).value).toBe(name);
      sheet.getCell(4 + i, 2).value = edited[name as keyof Rules];
    });
    const after = toJson(await calcBytes(Buffer.from(await workbook.xlsx.writeBuffer())));
    const expected = tiers(edited);
    expect(expected).not.toEqual(tiers(DEFAULT_RULES));
    expect(rows.map((r) => after[`Channels!M${r}`])).toEqual(expected);
    expect(rows.map((r) => after[`Channels!L${r}`])).toEqual(paretoClasses(revenue, edited.strategic_share, PARETO_B_SHARE));
  });

  it('channels.conversion-alert-15: conversion moving more than 15% raises an alert; incubating channels get 6 months', () => {
    const tier = tiers(DEFAULT_RULES);
    CHANNELS.forEach(([, , rev, , , , , convPrev, convLast], i) => {
      const r = rows[i];
      const change = convLast / convPrev - 1;
      expect(json[`Channels!J${r}`]).toBeCloseTo(change, 12);
      expect(json[`Channels!K${r}`]).toBe(Math.abs(change) > CONVERSION_ALERT ? 'alert 预警' : 'ok 正常');
      expect(json[`Channels!N${r}`]).toBeCloseTo(rev / total, 12);
      expect(json[`Channels!O${r}`]).toBe(bilingual(TIERS.find(([key]) => key === tier[i])![2]));
      expect(json[`Channels!P${r}`]).toBe(tier[i] === 'incubate' ? INCUBATION_MONTHS : 0);
    });
    expect(rows.filter((r) => json[`Channels!K${r}`] === 'alert 预警').length).toBeGreaterThan(0);
  });

  it('Summary counts channels and revenue per tier and per Pareto class', () => {
    const tier = tiers(DEFAULT_RULES);
    const classes = paretoClasses(revenue, DEFAULT_RULES.strategic_share, PARETO_B_SHARE);
    const sumWhere = (labels: string[], key: string) => revenue.filter((_, i) => labels[i] === key).reduce((s, x) => s + x, 0);
    TIERS.forEach(([key], i) => {
      expect(json[`Summary!A${2 + i}`]).toBe(key);
      expect(json[`Summary!C${2 + i}`]).toBe(tier.filter((t) => t === key).length);
      expect(json[`Summary!D${2 + i}`]).toBeCloseTo(sumWhere(tier, key), 6);
      expect(json[`Summary!E${2 + i}`]).toBeCloseTo(sumWhere(tier, key) / total, 12);
    });
    expect([json['Summary!C7'], json['Summary!D7']]).toEqual([CHANNELS.length, total]);
    ['A', 'B', 'C'].forEach((key, i) => {
      expect(json[`Summary!C${10 + i}`]).toBe(classes.filter((c) => c === key).length);
      expect(json[`Summary!D${10 + i}`]).toBeCloseTo(sumWhere(classes, key), 6);
    });
    expect(json['Summary!B15']).toBeCloseTo(classes.filter((c) => c === 'A').length / CHANNELS.length, 12);
    expect(json['Summary!B16']).toBeCloseTo(sumWhere(classes, 'A') / total, 12);
    const alerts = CHANNELS.filter((c) => Math.abs(c[8] / c[7] - 1) > CONVERSION_ALERT).length;
    expect(json['Summary!B17']).toBe(alerts);
    expect(json['Summary!B18']).toBeCloseTo(sumWhere(tier, 'exit-review'), 6);
  });

  it('colours each tier by conditional formatting: strategic green, incubate blue, maintain grey, low-roi amber, exit-review red', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.bytes as never);
    type Rule = { formulae: string[]; style: { fill: { bgColor: { argb: string } } } };
    const formats = (workbook.getWorksheet('Channels') as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
    const tierColumn = formats.find((cf) => cf.ref === 'M2:M13')!;
    const colours = Object.fromEntries(tierColumn.rules.map((rule) => [rule.formulae[0], rule.style.fill.bgColor.argb]));
    expect(colours).toEqual({
      '$M2="strategic"': 'FFC6EFCE', // green
      '$M2="incubate"': 'FFDDEBF7', // blue
      '$M2="maintain"': 'FFEDEDED', // grey
      '$M2="low-roi"': 'FFFFEB9C', // amber
      '$M2="exit-review"': 'FFFFC7CE', // red
    });
    expect(formats.some((cf) => cf.ref === 'J2:K13' && cf.rules[0].formulae[0] === 'ABS($J2)>Rules!$B$12')).toBe(true);
  });

  it('carries its rules in the rules table (the digest\'s numbers) and names its key inputs', () => {
    const rules = { 'channels.exit-15': 0.15, 'cost.low-roi-3': 3, 'channels.pareto-80-20': 0.8, 'channels.incubate-30': 0.3, 'channels.conversion-alert-15': 0.15 };
    expect(ruleValues(channelTiering, book)).toEqual(rules);
    expect(names(book)).toEqual(expect.arrayContaining(['ChannelTierRules', 'ParetoBShare', 'IncubationMonths', 'ConversionAlertLine', 'ChannelData', 'ChannelRevenue']));
  });
});
