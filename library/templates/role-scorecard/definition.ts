/**
 * What a marketing role's scorecard is made of ("twelve marketing roles each with their own KPI
 * set", role responsibilities): its KPIs, AHP judgements, bonus items, a sample team and a payout
 * plan. A role definition is data; the builder in this folder turns any of them into the same
 * workbook, in English and in Chinese.
 */
import { CNY, type DigestRuleId, type Label, PERCENT, STATUS, type Text, t } from '../../kit';

/** Number formats the KPI definitions pick from (money always CNY with two decimals). */
export const FMT = { cny: CNY, percent: PERCENT, percent2: '0.00%', count: '#,##0', one: '0.0', two: '0.00', three: '0.000' } as const;

/**
 * A KPI's target: the same every period (a rate, a time, a score); `{ annual }` split over the
 * months by the seasonality (the Targets sheet), the period's target the sum of its months; or
 * `{ perMonth }`, the same each month, so a quarter's is three times it.
 */
export type RoleTarget = number | { annual: number } | { perMonth: number };

export interface RoleKpi {
  /** Short label used in headers and the AHP matrix, e.g. "CAC" (capitals and digits). */
  code: string;
  name: Text;
  unit: Label;
  format: string;
  /** Quantitative KPIs must carry at least 60% of the weight. */
  type: 'quantitative' | 'qualitative';
  /** 1 higher is better; −1 lower is better (costs, hours). */
  direction: 1 | -1;
  target: RoleTarget;
  /** A plan rule whose number is this KPI's target. */
  targetRule?: DigestRuleId;
  /** A weight fixed by a rule rather than by AHP (e.g. satisfaction 30% for sales roles). */
  pinned?: { weight: number; rule?: DigestRuleId };
  /** A per-person warning beside the score: above / below a threshold, or off target by more than a share. */
  flag?: { when: 'above' | 'below' | 'off-target'; threshold: number; rule?: DigestRuleId };
}

/** A bonus item (专项加分项): points added to the weighted score per unit achieved, up to a cap. */
export interface RoleBonus {
  code: string;
  name: Text;
  unit: Label;
  /** Score points (1 = 100%) per unit. */
  points: number;
  cap: number;
  rule?: DigestRuleId;
}

export interface RolePerson {
  name: Text;
  position: Text;
  /** Target incentive in CNY (100% payout) for the period. */
  incentive: number;
  /** One actual per KPI, in KPI order. */
  actuals: number[];
  /** One count per bonus item, in bonus order. */
  bonus: number[];
}

export interface RoleDefinition {
  id: string;
  role: Text;
  description: Text;
  tags: string[];
  /** Why the numbers are what they are (for whoever edits the role; not shown in the workbook). */
  why?: string;
  kpis: RoleKpi[];
  /**
   * Saaty judgements over the KPIs WITHOUT a pinned weight, in KPI order: row i lists a_ij for
   * j > i (how much more important KPI i is than KPI j; 1/3 … 1/9 for less important).
   */
  judgements: number[][];
  bonus: RoleBonus[];
  people: RolePerson[];
  /** Each KPI's attainment is capped here before weighting. */
  attainmentCap: number;
  payout: { curve: [number, number][]; gate: number; cap: number };
  /** Minimum weight share of quantitative KPIs (default 0.6). */
  minQuantitative?: number;
}

/** PERF.STATUS defaults written out as an editable table (lower bound, label). */
export const STATUS_BANDS: [number, Text][] = [
  [0, STATUS.red],
  [0.85, STATUS.amber],
  [0.95, STATUS.green],
];
export const CR_WARNING = t('⚠ CR ≥ 0.1: revise the judgements', '⚠ CR ≥ 0.1：请调整判断');
export const QUANT_WARNING = t('⚠ quantitative KPIs below the minimum', '⚠ 定量指标权重不足');
export const FLAG_TEXT = {
  above: t('⚠ above the limit', '⚠ 超出阈值'),
  below: t('⚠ below the minimum', '⚠ 低于下限'),
  'off-target': t('⚠ off target', '⚠ 偏离目标'),
} as const;
export const QUANTITATIVE = t('quantitative', '定量');
export const QUALITATIVE = t('qualitative', '定性');

/** How a target of each kind is described on the KPIs sheet. */
export const TARGET_KIND = {
  period: t('the same every period', '各期相同'),
  annual: t('annual, split by seasonality', '年度目标，按季节性分解'),
  perMonth: t('per month', '每月'),
} as const;

export function targetKind(target: RoleTarget): keyof typeof TARGET_KIND {
  return typeof target === 'number' ? 'period' : 'annual' in target ? 'annual' : 'perMonth';
}
