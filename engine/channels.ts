/**
 * Channels (渠道): ABC (Pareto) classes and a rule-based channel tier.
 */
import { ERRORS } from '../i18n/errors';
import { PLACES, phrase } from '../i18n/glossary';
import { PerfError, divError, numError, valueError } from './errors';
import {
  Arg,
  Place,
  Result,
  ResultGrid,
  column,
  isBlank,
  isBlankArg,
  itemPlace,
  numberAt,
  numberMatrix,
  numberVector,
  optionalNumber,
  rowPlace,
  toGrid,
  where,
  writtenValue,
} from './grid';

export type ParetoClass = 'A' | 'B' | 'C';

export const DEFAULT_A_SHARE = 0.8;
export const DEFAULT_B_SHARE = 0.95;

/**
 * For each value (in input order), the share of the total held by the values ranked above
 * it: sorted descending, ties in input order. Values must be ≥ 0 with a positive total.
 * `label(i)` names value i in messages.
 */
export function shareBefore(values: readonly number[], name: string, label: (i: number) => Place): Float64Array {
  let total = 0;
  values.forEach((v, i) => {
    if (v < 0) throw numError(ERRORS.negative, { what: label(i), got: v });
    total += v;
  });
  if (total === 0) throw divError(ERRORS.sharesSumZero, { name });
  if (!Number.isFinite(total)) throw numError(ERRORS.sharesTooLarge, { name });
  // Array.prototype.sort is stable, so equal values keep their input order
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const before = new Float64Array(values.length);
  let cumulative = 0;
  for (const i of order) {
    before[i] = cumulative / total;
    cumulative += values[i];
  }
  return before;
}

/** The class for a share held before an item: the item that crosses a_share is still "A". */
export function paretoClass(before: number, aShare: number, bShare: number): ParetoClass {
  if (before < aShare) return 'A';
  if (before < bShare) return 'B';
  return 'C';
}

function readShare(arg: Arg, name: string, fallback: number): number {
  const share = optionalNumber(arg, name, fallback);
  if (share < 0 || share > 1) throw numError(ERRORS.notFraction, { name, got: share });
  return share;
}

/** PARETO(values, [a_share], [b_share]) — "A"/"B"/"C" for each value, same shape. */
export function pareto(values: Arg, aShare: Arg, bShare: Arg): ResultGrid {
  const m = numberMatrix(values, 'values');
  const a = readShare(aShare ?? null, 'a_share', DEFAULT_A_SHARE);
  const b = readShare(bShare ?? null, 'b_share', DEFAULT_B_SHARE);
  if (a > b) throw numError(ERRORS.notGreater, { first: 'a_share', firstValue: a, second: 'b_share', secondValue: b });
  // reading order: row by row, so "input order" for ties is left to right, top to bottom
  const flat = m.values.flat();
  const before = shareBefore(flat, 'values', (i) => where('values', m.rows, m.cols, Math.floor(i / m.cols), i % m.cols));
  return m.values.map((row, r) => row.map((_, c) => paretoClass(before[r * m.cols + c], a, b)));
}

// ---------------------------------------------------------------------------------------------
// CHANNELTIER
// ---------------------------------------------------------------------------------------------

export interface TierRules {
  /** "exit-review" when both quarter changes are ≤ −exit_decline. */
  exit_decline: number;
  /** "low-roi" when roi < min_roi. */
  min_roi: number;
  /** "strategic" when PARETO(revenue, strategic_share) is "A". */
  strategic_share: number;
  /** "incubate" when growth > incubate_growth. */
  incubate_growth: number;
}

export const DEFAULT_TIER_RULES: Readonly<TierRules> = {
  exit_decline: 0.15,
  min_roi: 3,
  strategic_share: 0.8,
  incubate_growth: 0.3,
};

const RULE_NAMES = Object.keys(DEFAULT_TIER_RULES) as (keyof TierRules)[];

/** "Exit decline", "exit-decline" and "EXIT_DECLINE" all name exit_decline. */
function ruleKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * The rules table: 2 columns (name, value), each row overriding one default. Fully blank
 * rows are skipped, so a rules area may be larger than the rules it holds.
 */
export function readTierRules(arg: Arg): TierRules {
  const rules: TierRules = { ...DEFAULT_TIER_RULES };
  if (isBlankArg(arg)) return rules;
  const grid = toGrid(arg, 'rules');
  if (grid[0].length !== 2) throw valueError(ERRORS.rulesColumns, { got: grid[0].length });
  const seen = new Map<string, number>();
  grid.forEach(([nameCell, valueCell], r) => {
    const row = rowPlace('rules', r);
    if (nameCell instanceof PerfError) throw nameCell;
    if (isBlank(nameCell) && isBlank(valueCell)) return;
    if (isBlank(nameCell)) throw valueError(ERRORS.ruleNameBlank, { where: row });
    if (typeof nameCell !== 'string') throw valueError(ERRORS.ruleNameNotText, { where: row, value: writtenValue(nameCell) });
    const key = ruleKey(nameCell) as keyof TierRules;
    if (!RULE_NAMES.includes(key)) throw valueError(ERRORS.ruleUnknown, { where: row, rule: nameCell, rules: RULE_NAMES.join(', ') });
    if (seen.has(key)) throw valueError(ERRORS.ruleRepeated, { where: row, rule: key, row: seen.get(key)! + 1 });
    seen.set(key, r);
    rules[key] = numberAt(valueCell, () => phrase(PLACES.withRole, { place: row, role: key }));
  });
  // a negative decline would flag channels that grew; users sometimes type −0.15 for "a 15% drop"
  if (rules.exit_decline < 0) throw numError(ERRORS.exitDeclineNegative, { got: rules.exit_decline });
  if (rules.strategic_share < 0 || rules.strategic_share > 1) throw numError(ERRORS.strategicShareRange, { got: rules.strategic_share });
  return rules;
}

export type ChannelTier = 'exit-review' | 'low-roi' | 'strategic' | 'incubate' | 'maintain';

/** One channel's tier: the first rule that matches, in the order of the contract. */
export function tierOf(
  rules: TierRules,
  growth: number,
  roi: number,
  changePrevQ: number,
  changeLastQ: number,
  revenueShareBefore: number,
): ChannelTier {
  if (changePrevQ <= -rules.exit_decline && changeLastQ <= -rules.exit_decline) return 'exit-review';
  if (roi < rules.min_roi) return 'low-roi';
  if (revenueShareBefore < rules.strategic_share) return 'strategic'; // PARETO class "A"
  if (growth > rules.incubate_growth) return 'incubate';
  return 'maintain';
}

/** CHANNELTIER(revenue, growth, roi, change_prev_q, change_last_q, [rules]) — m×1 tiers. */
export function channeltier(revenue: Arg, growth: Arg, roi: Arg, changePrevQ: Arg, changeLastQ: Arg, rules: Arg): ResultGrid {
  const rev = numberVector(revenue, 'revenue');
  const m = rev.length;
  const sameLength = (arg: Arg, name: string): number[] => {
    const values = numberVector(arg, name);
    if (values.length !== m) throw valueError(ERRORS.itemsMismatch, { name, count: values.length, other: 'revenue', otherCount: m });
    return values;
  };
  const g = sameLength(growth, 'growth');
  const r = sameLength(roi, 'roi');
  const prev = sameLength(changePrevQ, 'change_prev_q');
  const last = sameLength(changeLastQ, 'change_last_q');
  const table = readTierRules(rules ?? null);
  const before = shareBefore(rev, 'revenue', (i) => (m === 1 ? 'revenue' : itemPlace('revenue', i)));
  const tiers: Result[] = rev.map((_, i) => tierOf(table, g[i], r[i], prev[i], last[i], before[i]));
  return column(tiers);
}
