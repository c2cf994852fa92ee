/**
 * Annual → quarterly → monthly target breakdown by region and person (年度→季度→月度): each
 * region's annual target is split over the twelve months by the seasonality (month 1 carries the
 * plan's 20% milestone) with one =PERF.QUOTASPLIT over the whole regions table, so the months
 * add up to the year exactly after rounding; quarters are the sums of their months; people take
 * a share of their region's target and get their own months and quarters the same way. One input
 * (Targets!B3) picks the period every "period target" column shows.
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  CNY, EXAMPLE_SOURCE, INT, PEOPLE_TABLE, PERCENT, type Words, defineNames, defineTemplates, growingRange, growingTables, heading, label, nonNegative, oneOfRange, parseExamples, peopleTable,
  percentBetween, spillColumns, summarySheet, t, type TableLayout, tableGrowth, tableLayout, tableSource, titledSheet, warnUnlessOk, writeTable,
} from '../kit';
import { MONTHS, QUARTERS, monthlyTargets, periodTargets, targetRules, targetsLayout, targetsStep, writeTargets } from '../kit/targets';
import { galleryOf } from './gallery-texts';
import examples from './target-breakdown.examples.json';

const EXAMPLES = parseExamples('target-breakdown', examples, {
  regions: z.array(z.tuple([z.string(), z.string(), z.number()])),
  people: z.array(z.tuple([z.string(), z.string(), z.number(), z.number()])),
});

/** [region en, region zh, annual target]. */
export const REGIONS: [string, string, number][] = EXAMPLES.regions;

/** [name en, name zh, region index, share of the region's target]. */
export const PEOPLE: [string, string, number, number][] = EXAMPLES.people;

/** Rounding of every monthly target (CNY); annual targets are rounded to it first. */
export const ROUNDING = 10_000;
/** The period the workbook opens on: Q1 (index into kit/targets PERIODS). */
export const OPENING_PERIOD = 1;

const SHEETS = { regions: t('Regions', '区域'), people: t('People', '人员'), summary: t('Summary', '汇总') };
/** Beside a table of annual targets: the period target, the twelve months, the four quarters. */
const beside = (next: number) => ({ period: next, months: next + 1, quarters: next + 13, last: next + 16 });
type Beside = ReturnType<typeof beside>;
const REGION = t('Region', '区域');
const SHARE = t('Share', '份额');

const SHARES_OFF = t('⚠ shares do not add up to 100%', '⚠ 人员份额合计不等于100%');

function layout(w: Words) {
  const sheet = w.sayEach(SHEETS);
  const targets = targetsLayout(w);
  const regions = tableLayout(
    {
      name: t('Regions', '区域'),
      sheet: sheet.regions,
      at: 'A4',
      rows: REGIONS.length,
      columns: [
        { key: 'region', name: REGION },
        { key: 'annual', name: t('Annual target', '年度目标'), format: CNY, validation: nonNegative },
        // The shares of the people in the region (the people table, laid out below, has these names).
        { key: 'assigned', name: t('Assigned to people', '已分配给人员'), format: PERCENT, calculated: (r) => `SUMIF(${w.say(PEOPLE_TABLE)}[${w.say(REGION)}],${r.row('region')},${w.say(PEOPLE_TABLE)}[${w.say(SHARE)}])` },
        { key: 'check', name: t('Check', '检查'), calculated: (r) => `IF(ABS(${r.row('assigned')}-1)<0.00001,"OK","${w.say(SHARES_OFF)}")` },
      ],
    },
    w.locale,
  );
  const people = peopleTable(
    {
      sheet: sheet.people,
      at: 'A4',
      rows: PEOPLE.length,
      columns: [
        { key: 'region', name: REGION, validation: oneOfRange(`INDIRECT("${regions.col('region')}")`, t('a region of the Regions table', '区域表格中的区域')) },
        { key: 'share', name: SHARE, format: PERCENT, validation: percentBetween() },
        {
          key: 'annual',
          name: t('Annual target', '年度目标'),
          format: CNY,
          // The share of the region's target, rounded to the monthly rounding so that the months add up exactly.
          calculated: (p) => `ROUND(SUMIF(${regions.col('region')},${p.row('region')},${regions.col('annual')})*${p.row('share')}/TargetRounding,0)*TargetRounding`,
        },
      ],
    },
    w.locale,
  );
  return { ...w, sheet, targets, regions, people, region: beside(regions.next), person: beside(people.next), quarterMap: { header: 18, first: 19 } };
}
type Layout = ReturnType<typeof layout>;

function writeQuarterMap(workbook: ExcelJS.Workbook, L: Layout): void {
  const sheet = workbook.getWorksheet(L.targets.sheet)!;
  const { header, first } = L.quarterMap;
  heading(sheet.getCell(header - 1, 1), t('Months into quarters (used to sum months into quarters)', '月份归入季度（用于把月度目标汇总为季度）'));
  label(sheet.getCell(header, 1), t('Month', '月份'));
  QUARTERS.forEach((q, j) => label(sheet.getCell(header, 2 + j), q));
  MONTHS.forEach((m, i) => {
    label(sheet.getCell(first + i, 1), m);
    QUARTERS.forEach((_, j) => (sheet.getCell(first + i, 2 + j).value = Math.floor(i / 3) === j ? 1 : 0));
  });
  defineNames(workbook, { QuarterMap: `${L.targets.sheet}!$B$${first}:$E$${first + 11}` });
}

/** The period target, twelve months and four quarters beside a table of annual targets. */
function breakdown<K extends string>(workbook: ExcelJS.Workbook, table: TableLayout<K>, annualKey: K, cols: Beside): void {
  const sheet = workbook.getWorksheet(table.sheet)!;
  const annual = table.col(annualKey);
  const months = table.spill(cols.months);
  spillColumns(workbook, table, [
    { col: cols.period, header: t('Period target', '期间目标'), formula: periodTargets(annual), format: CNY },
    { col: cols.months, header: MONTHS[0], formula: monthlyTargets(annual), format: CNY },
    { col: cols.quarters, header: QUARTERS[0], formula: `MMULT(${months},QuarterMap)`, format: CNY },
  ]);
  // The other months' and quarters' headers, and their formats as the table grows.
  MONTHS.forEach((m, i) => i > 0 && label(sheet.getCell(table.headerRow, cols.months + i), m));
  QUARTERS.forEach((q, j) => j > 0 && label(sheet.getCell(table.headerRow, cols.quarters + j), q));
  for (let c = cols.months + 1; c <= cols.last; c++) if (c !== cols.quarters) for (let r = table.firstRow; r <= table.lastRow + 100; r++) sheet.getCell(r, c).numFmt = CNY;
}

function writeRegions(workbook: ExcelJS.Workbook, L: Layout): void {
  writeQuarterMap(workbook, L);
  const sheet = titledSheet(workbook, L.sheet.regions, [14, 16, 14, 30, 16, ...new Array<number>(16).fill(13)], t('Regions: annual → quarters → months', '区域：年度 → 季度 → 月度'));
  writeTable(workbook, L.regions, REGIONS.map(([en, zh, annual]) => ({ region: L.say(t(en, zh)), annual })));
  tableSource(workbook, L.regions, EXAMPLE_SOURCE);
  breakdown(workbook, L.regions, 'annual', L.region);
  warnUnlessOk(sheet, growingRange(L.regions, L.regions.column('check')));
}

function writePeople(workbook: ExcelJS.Workbook, L: Layout): void {
  titledSheet(workbook, L.sheet.people, [14, 12, 10, 16, 16, ...new Array<number>(16).fill(13)], t('People: their share of the region, by month and quarter', '人员：所在区域目标的份额，按月与按季度'));
  writeTable(workbook, L.people, PEOPLE.map(([en, zh, region, share]) => ({ name: L.say(t(en, zh)), region: L.say(t(REGIONS[region][0], REGIONS[region][1])), share })));
  tableSource(workbook, L.people, EXAMPLE_SOURCE);
  breakdown(workbook, L.people, 'annual', L.person);
}

function writeSummary(workbook: ExcelJS.Workbook, L: Layout): void {
  summarySheet(workbook, L.sheet.summary, [48, 18], t('Summary', '汇总'), [
    { label: t('Period reported on', '考核期间'), formula: 'Period' },
    { label: t('Annual target, all regions', '各区域年度目标合计'), formula: `SUM(${L.regions.col('annual')})`, format: CNY },
    { label: t('Sum of the regions\' months (the same, exactly)', '各区域月度目标合计（恰好相等）'), formula: `SUM(${L.regions.spill(L.region.months)})`, format: CNY },
    { label: t('Regions\' target for the period', '各区域期间目标合计'), formula: `SUM(${L.regions.spill(L.region.period)})`, format: CNY },
    { label: t('Annual target, all people', '人员年度目标合计'), formula: `SUM(${L.people.col('annual')})`, format: CNY },
    { label: t('People\'s target for the period', '人员期间目标合计'), formula: `SUM(${L.people.spill(L.person.period)})`, format: CNY },
    { label: t('Regions not fully assigned to people', '未完全分配到人员的区域'), formula: `COUNTIF(${L.regions.col('check')},"<>OK")`, format: INT },
    { label: t('Month 1 share of the annual target', '首月占年度目标比例'), formula: 'MonthOneShare', format: PERCENT },
  ]);
}

const targetBreakdown = defineTemplates({
  ...galleryOf('target-breakdown'),
  layout,
  steps: (L) => [
    t(
      `Edit the yellow cells: the seasonality, the period and the rounding (${L.targets.sheet}), the regions' annual targets (table ${L.regions.name}) and each person's region and share of it (table ${L.people.name}).`,
      `编辑黄色单元格：季节性权重、考核期间与取整（${L.targets.sheet}）、各区域年度目标（表格“${L.regions.name}”）及每位人员所属区域与份额（表格“${L.people.name}”）。`,
    ),
    targetsStep(L.targets),
    t(
      'Months = PERF.QUOTASPLIT(annual targets, seasonality, rounding): one row per region or person, twelve columns. Quarters = the sums of their months (MMULT with the month → quarter map on the Targets sheet). A person\'s annual target is their share of the region\'s, rounded to the rounding.',
      '月度目标 = PERF.QUOTASPLIT(年度目标, 季节性权重, 取整)：每个区域或人员一行、十二列。季度目标 = 所含月份之和（与目标表中月份→季度对照表做 MMULT）。人员年度目标 = 所在区域年度目标 × 份额，按取整单位取整。',
    ),
    t(
      `The ${L.regions.name} table checks that the people's shares of each region add up to 100%.`,
      `表格“${L.regions.name}”检查每个区域的人员份额合计是否为100%。`,
    ),
    growingTables([L.regions.name, L.people.name]),
  ],
  rules: (L) => targetRules(L.targets),
  sheets: [(workbook, L) => writeTargets(workbook, L.targets, L, { period: OPENING_PERIOD, rounding: ROUNDING }), writeRegions, writePeople, writeSummary],
  growth: (L) => [
    tableGrowth(L.regions, { region: L.say(t('Central', '华中')), annual: 15_000_000 }, [`${L.sheet.summary}!B4`, `${L.sheet.summary}!B5`, `${L.sheet.summary}!B6`]),
    tableGrowth(L.people, { name: L.say(t('Xu Lin', '许琳')), region: L.say(t('West', '西部')), share: 0.2 }, [`${L.sheet.summary}!B7`, `${L.sheet.summary}!B8`, `${L.sheet.summary}!B9`]),
  ],
});

export const targetBreakdownTemplate = targetBreakdown['en-US'];
export const targetBreakdownTemplateZh = targetBreakdown['zh-CN'];
