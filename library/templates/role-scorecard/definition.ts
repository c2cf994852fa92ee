/**
 * What a marketing role's scorecard is made of (seed rules §1: "twelve marketing roles each
 * with their own KPI set"): its KPIs, AHP judgements, a sample team and a payout plan. A role
 * definition is data; the builder in this folder turns any of them into the same workbook.
 */
import { CNY, PERCENT, type DigestRuleId, type Label, type Text } from '../../kit';

/** Number formats the KPI definitions pick from (money always CNY with two decimals). */
export const FMT = { cny: CNY, percent: PERCENT, percent2: '0.00%', count: '#,##0', one: '0.0', two: '0.00', three: '0.000' } as const;

export interface RoleKpi {
  /** Short label used in headers and the AHP matrix, e.g. "CAC" (capitals and digits). */
  code: string;
  name: Text;
  unit: Label;
  format: string;
  /** Quantitative KPIs must carry at least 60% of the weight (§1). */
  type: 'quantitative' | 'qualitative';
  /** 1 higher is better; −1 lower is better (costs, hours). */
  direction: 1 | -1;
  /** The period target; `{ annual }` → target = annual × the month-1 milestone share. */
  target: number | { annual: number };
  /** A digest rule whose number is this KPI's target. */
  targetRule?: DigestRuleId;
  /** A weight fixed by a rule rather than by AHP (e.g. satisfaction 30% for sales roles). */
  pinned?: { weight: number; rule?: DigestRuleId };
  /** A per-person warning beside the score: above / below a threshold, or off target by more than a share. */
  flag?: { when: 'above' | 'below' | 'off-target'; threshold: number; rule?: DigestRuleId };
}

export interface RolePerson {
  name: string;
  position: string;
  /** Monthly target incentive in CNY (100% payout). */
  incentive: number;
  /** One actual per KPI, in KPI order. */
  actuals: number[];
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
  people: RolePerson[];
  /** Each KPI's attainment is capped here before weighting. */
  attainmentCap: number;
  payout: { curve: [number, number][]; gate: number; cap: number };
  /** Minimum weight share of quantitative KPIs (default 0.6, §1). */
  minQuantitative?: number;
  /** Month-1 milestone share of the annual target (default 0.2, §1); used by `{ annual }` targets. */
  milestoneShare?: number;
}

/** PERF.STATUS defaults written out as an editable table (lower bound, label). */
export const STATUS_BANDS: [number, string][] = [
  [0, 'red'],
  [0.85, 'amber'],
  [0.95, 'green'],
];
export const CR_WARNING = '⚠ CR ≥ 0.1: revise judgements 请调整判断';
export const QUANT_WARNING = '⚠ quantitative KPIs below minimum 定量指标权重不足';
export const FLAG_TEXT = {
  above: '⚠ above limit 超出阈值',
  below: '⚠ below minimum 低于下限',
  'off-target': '⚠ off target 偏离目标',
} as const;
