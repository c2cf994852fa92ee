/**
 * Targets for the whole year (年度→季度→月度): a Targets sheet with the seasonality of the twelve
 * months (the month-1 milestone of 20% is the first month's weight), the period the workbook
 * reports on — one input: the full year, a quarter or a month — and the rounding of monthly
 * targets. PERF.QUOTASPLIT splits any annual target over the months so that the parts add up
 * exactly; the period's target is the sum of its months (periodTarget, periodTargets).
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../workbook/a1';
import { formula, headerRow, inputCell, label, sheetTitle } from './cells';
import type { Words } from './define';
import { defineNames } from './names';
import { type DigestRuleId, EXAMPLE_SOURCE, type RuleCell, ruleSource } from './rules';
import { PERCENT } from './style';
import { type Text, t } from './text';
import { decimalBetween, nonNegative, oneOf } from './validation';

export const MONTHS: Text[] = [
  t('Jan', '1月'), t('Feb', '2月'), t('Mar', '3月'), t('Apr', '4月'), t('May', '5月'), t('Jun', '6月'),
  t('Jul', '7月'), t('Aug', '8月'), t('Sep', '9月'), t('Oct', '10月'), t('Nov', '11月'), t('Dec', '12月'),
];
export const QUARTERS: Text[] = [t('Q1', '一季度'), t('Q2', '二季度'), t('Q3', '三季度'), t('Q4', '四季度')];
export const FULL_YEAR = t('Full year', '全年');
/** What the period input offers: the year, the quarters, the months. */
export const PERIODS: Text[] = [FULL_YEAR, ...QUARTERS, ...MONTHS];

/**
 * An example seasonality in percent of the year: month 1 carries the 20% milestone of the plan,
 * the other months the rest with a peak around Double 11.
 */
export const SEASONALITY = [0.2, 0.06, 0.06, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.08, 0.09, 0.09];

/** Where the Targets sheet's parts are. */
export function targetsLayout(w: Words) {
  const sheet = w.say(t('Targets', '目标'));
  const rows = { period: 3, rounding: 4, month: 6, quarter: 7, weight: 8, mask: 9, share: 10, check: 12, source: 13 };
  const first = 2;
  const last = first + 11;
  return {
    sheet,
    rows,
    first,
    last,
    /** The cell holding the period's name, for titles: Targets!$B$3. */
    period: `${sheet}!$B$${rows.period}`,
    /** The period's name in the workbook's language (for a formula comparing against it). */
    periodName: (i: number) => w.say(PERIODS[i]),
  };
}
export type TargetsLayout = ReturnType<typeof targetsLayout>;

/** n×1 period targets from an n×1 column of annual targets (a table column or a range). */
export function periodTargets(annual: string): string {
  return `MMULT(PERF.QUOTASPLIT(${annual},Seasonality,TargetRounding),TRANSPOSE(PeriodMask))`;
}

/** The period target of one annual target (a cell). */
export function periodTarget(annual: string): string {
  return `SUMPRODUCT(PERF.QUOTASPLIT(${annual},Seasonality,TargetRounding)*PeriodMask)`;
}

/** n×12 monthly targets from an n×1 column of annual targets. */
export function monthlyTargets(annual: string): string {
  return `PERF.QUOTASPLIT(${annual},Seasonality,TargetRounding)`;
}

export interface TargetsOptions {
  /** Index into PERIODS of the period reported on. */
  period: number;
  rounding: number;
  weights?: number[];
}

/**
 * Writes the Targets sheet and its names: Seasonality (the 12 weights, a row), PeriodMask (1 for
 * the months in the period, a row), Period, TargetRounding, MonthOneShare.
 */
export function writeTargets(workbook: ExcelJS.Workbook, L: TargetsLayout, w: Words, options: TargetsOptions): void {
  const sheet = workbook.addWorksheet(L.sheet);
  sheet.columns = [{ width: 34 }, ...MONTHS.map(() => ({ width: 9 })), { width: 10 }];
  sheetTitle(sheet, t('Targets for the year: annual → quarters → months', '全年目标：年度 → 季度 → 月度'));
  const { rows, first, last } = L;
  label(sheet.getCell(rows.period, 1), t('Period reported on', '考核期间'));
  inputCell(sheet.getCell(rows.period, 2), w.say(PERIODS[options.period]), undefined, oneOf(PERIODS, t('The year, a quarter or a month', '全年、某季度或某月')));
  label(sheet.getCell(rows.period, 4), EXAMPLE_SOURCE);
  label(sheet.getCell(rows.rounding, 1), t('Round monthly targets to', '月度目标取整到'));
  inputCell(sheet.getCell(rows.rounding, 2), options.rounding, '#,##0', decimalBetween(0.01, 1e9, '> 0'));
  label(sheet.getCell(rows.rounding, 4), t('Annual targets must be multiples of it; months then add up exactly.', '年度目标须为其整数倍，各月恰好合计为年度目标。'));
  headerRow(sheet, rows.month, [t('Month', '月份'), ...MONTHS, t('Year', '全年')]);
  label(sheet.getCell(rows.quarter, 1), t('Quarter', '季度'));
  label(sheet.getCell(rows.weight, 1), t('Seasonality weight', '季节性权重'));
  label(sheet.getCell(rows.mask, 1), t('In the period (1 = yes)', '属于考核期间（1 = 是）'));
  label(sheet.getCell(rows.share, 1), t('Share of the year', '占全年比例'));
  const weights = options.weights ?? SEASONALITY;
  MONTHS.forEach((_, m) => {
    const col = first + m;
    const c = columnLetters(col);
    label(sheet.getCell(rows.quarter, col), QUARTERS[Math.floor(m / 3)]);
    inputCell(sheet.getCell(rows.weight, col), weights[m], PERCENT, nonNegative);
    // In the period: the year, the month's quarter or the month itself.
    formula(sheet.getCell(rows.mask, col), `IF(OR(Period="${w.say(FULL_YEAR)}",Period=${c}${rows.quarter},Period=${c}${rows.month}),1,0)`, '0');
    formula(sheet.getCell(rows.share, col), `IF(SUM($${columnLetters(first)}$${rows.weight}:$${columnLetters(last)}$${rows.weight})>0,${c}${rows.weight}/SUM($${columnLetters(first)}$${rows.weight}:$${columnLetters(last)}$${rows.weight}),0)`, PERCENT);
  });
  const span = (row: number) => `${columnLetters(first)}${row}:${columnLetters(last)}${row}`;
  formula(sheet.getCell(rows.weight, last + 1), `SUM(${span(rows.weight)})`, PERCENT);
  formula(sheet.getCell(rows.mask, last + 1), `SUM(${span(rows.mask)})`, '0');
  formula(sheet.getCell(rows.share, last + 1), `SUMPRODUCT(${span(rows.share)},${span(rows.mask)})`, PERCENT);
  label(sheet.getCell(rows.check, 1), t('Month 1 share of the annual target', '首月占年度目标比例'));
  formula(sheet.getCell(rows.check, 2), `${columnLetters(first)}${rows.share}`, PERCENT);
  label(sheet.getCell(rows.source, 1), t('Month 1 weight:', '首月权重：'));
  label(sheet.getCell(rows.source, 2), ruleSource('scoring.monthly-milestone-20'));
  label(sheet.getCell(rows.source + 1, 1), t('Breakdown:', '分解：'));
  label(sheet.getCell(rows.source + 1, 2), ruleSource('targets.annual-breakdown'));
  label(sheet.getCell(rows.source + 2, 1), t('Other months:', '其他月份：'));
  label(sheet.getCell(rows.source + 2, 2), EXAMPLE_SOURCE);
  const abs = (row: number) => `${L.sheet}!$${columnLetters(first)}$${row}:$${columnLetters(last)}$${row}`;
  defineNames(workbook, {
    Period: `${L.sheet}!$B$${rows.period}`,
    TargetRounding: `${L.sheet}!$B$${rows.rounding}`,
    Seasonality: abs(rows.weight),
    PeriodMask: abs(rows.mask),
    MonthOneShare: `${L.sheet}!$B$${rows.check}`,
  });
}

/** The rules the Targets sheet carries. */
export function targetRules(L: TargetsLayout): RuleCell[] {
  const rule = (id: DigestRuleId, cell: string): RuleCell => ({ rule: id, sheet: L.sheet, cell });
  return [rule('scoring.monthly-milestone-20', `${columnLetters(L.first)}${L.rows.weight}`), rule('targets.annual-breakdown', `B${L.rows.period}`)];
}

/** What the Instructions say about the Targets sheet. */
export function targetsStep(L: TargetsLayout): Text {
  return t(
    `${L.sheet}: annual targets are broken down into quarters and months by the seasonality weights (row ${L.rows.weight}; month 1 carries the 20% milestone) with PERF.QUOTASPLIT, so the months add up exactly to the year. Choose the period reported on in ${L.sheet}!B${L.rows.period} — the full year, a quarter or a month: every target in the workbook becomes that period's.`,
    `${L.sheet}：年度目标按季节性权重（第${L.rows.weight}行；首月为20%里程碑）用 PERF.QUOTASPLIT 分解到季度和月度，各月恰好合计为全年。在 ${L.sheet}!B${L.rows.period} 选择考核期间（全年、某季度或某月），工作簿中所有目标随之变为该期间的目标。`,
  );
}
