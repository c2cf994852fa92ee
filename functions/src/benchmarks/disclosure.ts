/**
 * Disclosure control for the peer benchmarks: what one release may publish for one group
 * (metric, segment, period) from its organizations' contributions, so that no participant's
 * figure can be read back, by anyone, including participants who collude or mint tenants.
 *
 * Pure functions (no storage, no clock); the release job (release.ts) feeds them.
 *
 * The rules, and where they come from:
 *  1. Counts — the DOJ/FTC 1996 health-care Statement 6 "safety zone" for exchanges of
 *     price and cost (compensation) data: at least 5 participants behind every statistic and
 *     none above 25% of it on a weighted basis, data more than 3 months old (also the basis of
 *     the agencies' 2016 HR guidance: aggregated, enough sources, relatively old). On top of
 *     it, per statistic: the median needs 5 organizations, the quartiles 8, P10/P90 10.
 *  2. Aggregated percentiles, weight ≤ 25% — a percentile is never one contributed value:
 *     it is the mean of PERCENTILE.INC at four points one rank apart centred on the
 *     percentile's rank (shifted inward at the edges), so each organization's weight in it is
 *     at most 1/4 (e.g. the median of five is ⅛·x₁ + ¼·x₂ + ¼·x₃ + ¼·x₄ + ⅛·x₅).
 *  3. p% rule (statistical disclosure control, Hundepool et al., "Statistical Disclosure
 *     Control", 2012, § 4.2): a statistic is withheld when, of the organizations' weighted
 *     contributions to it, all but the two largest add up to less than p = 10% of the largest
 *     — the second-largest contributor (or a coalition posting zeros) could otherwise estimate
 *     the largest within 10%. Minted tenants posting 0 around a victim trip this rule.
 *  4. Noise — each organization's value is multiplied by 1 ± u, u uniform in [10%, 20%],
 *     sign and u fixed per (organization, group) by an HMAC under a secret key (the
 *     Evans–Zayatz–Slanta method the US Census Bureau uses for County Business Patterns).
 *     The factor is persistent, so repeating a release or re-posting values never averages
 *     it away; even a coalition of every other participant learns a value only within ±10%.
 *  5. Differencing — a group's published figures (and its n) change only when at least 5
 *     organizations joined, left or changed their value since the figures were last
 *     published; otherwise the previous figures are carried forward unchanged. The
 *     difference between two releases is therefore itself an aggregate of ≥ 5 organizations
 *     (no mean is published at all: a mean moves by x/n when one organization joins).
 *  6. Published figures are rounded to 4 significant digits; a figure that would equal a
 *     value only one organization contributed moves by one unit of its last digit.
 */
import { createHash, createHmac } from 'crypto';

export const STATISTICS = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
export type Statistic = (typeof STATISTICS)[number];
export const STATISTIC_P: Record<Statistic, number> = { p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9 };

export type Figures = Partial<Record<Statistic, number>>;

export interface DisclosurePolicy {
  /** Distinct organizations a statistic needs before it is published. */
  minOrganizations: Record<Statistic, number>;
  /** Largest weight one organization may have in any statistic. */
  maxWeight: number;
  /** p% rule: withheld when the contributions beyond the two largest are below p × the largest. */
  pRule: number;
  /** Multiplicative noise bounds: each value × (1 ± u), u ∈ [noiseMin, noiseMax]. */
  noiseMin: number;
  noiseMax: number;
  /** Organizations that must have joined, left or changed since the last publication to republish. */
  minChangedOrganizations: number;
  /** A period is published once it ended at least this many months before the release. */
  minAgeMonths: number;
  /** Significant digits of published figures. */
  significantDigits: number;
}

export const DEFAULT_POLICY: DisclosurePolicy = Object.freeze({
  minOrganizations: Object.freeze({ p10: 10, p25: 8, p50: 5, p75: 8, p90: 10 }),
  maxWeight: 0.25,
  pRule: 0.1,
  noiseMin: 0.1,
  noiseMax: 0.2,
  minChangedOrganizations: 5,
  minAgeMonths: 3,
  significantDigits: 4,
}) as DisclosurePolicy;

/**
 * The weights of the sorted values in the aggregated percentile at p (rule 2): the mean of
 * PERCENTILE.INC at ranks c−1.5, c−0.5, c+0.5, c+1.5 where c = (n−1)·p, moved inward so all
 * four lie within [0, n−1]. Each weight is at most 1/4; they sum to 1. Needs n ≥ 4.
 */
export function percentileWeights(n: number, p: number): number[] {
  if (!Number.isInteger(n) || n < 4) throw new RangeError('aggregated percentiles need at least 4 values');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be within [0, 1]');
  const weights = new Array<number>(n).fill(0);
  const centre = Math.min(Math.max((n - 1) * p, 1.5), n - 2.5);
  for (let k = 0; k < 4; k++) {
    const rank = centre - 1.5 + k;
    const lo = Math.floor(rank + 1e-12);
    const frac = Math.max(0, rank - lo);
    weights[lo] += (1 - frac) / 4;
    if (frac > 0) weights[lo + 1] += frac / 4;
  }
  return weights;
}

/** Rule 3: true when the statistic is sensitive under the p% rule. */
export function pRuleSensitive(contributions: readonly number[], p: number): boolean {
  const c = contributions.map(Math.abs).filter((x) => x > 0).sort((a, b) => b - a);
  if (c.length === 0) return false; // all zero: nothing to estimate beyond what everyone posted
  const rest = c.slice(2).reduce((s, x) => s + x, 0);
  return rest < p * c[0];
}

/** Rule 4: the persistent noise factor of one organization in one group (1 ± u). */
export function noiseFactor(key: Buffer, groupKey: string, orgKey: string, policy: DisclosurePolicy = DEFAULT_POLICY): number {
  const digest = createHmac('sha256', key).update(`${groupKey}\n${orgKey}`).digest();
  const sign = digest[0] & 1 ? 1 : -1;
  const u = digest.readUIntBE(1, 6) / 2 ** 48; // [0, 1)
  return 1 + sign * (policy.noiseMin + (policy.noiseMax - policy.noiseMin) * u);
}

/** Rule 6. */
export function roundFigure(x: number, digits: number): number {
  const r = Number(x.toPrecision(digits));
  return r === 0 ? 0 : r; // no "-0"
}

/** One organization's contribution to a group. */
export interface OrgValue {
  org: string;
  value: number;
}

/** Short fingerprints (the release row keeps them, not values or tenant ids; 48/36 bits suffice to tell changes). */
const print = (text: string, length: number) => createHash('sha256').update(text).digest('base64url').slice(0, length);

/** organization fingerprint → value fingerprint, for telling later who joined, left or changed (rule 5). */
export type Basis = Record<string, string>;

export function basisOf(values: readonly OrgValue[]): Basis {
  const basis: Basis = {};
  for (const { org, value } of values) basis[print(`org\n${org}`, 8)] = print(`value\n${value}`, 6);
  return basis;
}

/** Compact text form ("oooooooo:vvvvvv,…"): about 16 characters an organization, within a table property's 32 K characters for 2,000 of them. */
export function serializeBasis(basis: Basis): string {
  return Object.entries(basis)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([org, value]) => `${org}:${value}`)
    .join(',');
}

export function parseBasis(text: string | undefined): Basis {
  const basis: Basis = {};
  for (const part of (text ?? '').split(',')) {
    const colon = part.indexOf(':');
    if (colon > 0) basis[part.slice(0, colon)] = part.slice(colon + 1);
  }
  return basis;
}

/** Organizations that joined, left or changed their value between two bases. */
export function changedOrganizations(before: Basis, after: Basis): number {
  let changed = 0;
  for (const [org, print] of Object.entries(after)) if (before[org] !== print) changed++;
  for (const org of Object.keys(before)) if (!(org in after)) changed++;
  return changed;
}

/**
 * Rules 1–4 and 6 for one group at one release: the statistics that may be published, from
 * raw values (one per organization) and their noise factors.
 */
export function computeFigures(values: readonly OrgValue[], factor: (org: string) => number, policy: DisclosurePolicy = DEFAULT_POLICY): Figures {
  const n = values.length;
  const figures: Figures = {};
  if (n < Math.min(...Object.values(policy.minOrganizations)) || n < 4) return figures;
  // Noise first, then order: the published percentiles are percentiles of the noisy values.
  const noisy = values
    .map(({ org, value }) => ({ raw: value, noisy: value * factor(org) }))
    .sort((a, b) => a.noisy - b.noisy || a.raw - b.raw);
  for (const stat of STATISTICS) {
    if (n < policy.minOrganizations[stat]) continue;
    const weights = percentileWeights(n, STATISTIC_P[stat]);
    if (Math.max(...weights) > policy.maxWeight + 1e-12) continue;
    if (pRuleSensitive(weights.map((w, i) => w * noisy[i].raw), policy.pRule)) continue;
    const value = weights.reduce((s, w, i) => s + w * noisy[i].noisy, 0);
    figures[stat] = avoidContributedValues(value, policy.significantDigits, values);
  }
  return figures;
}

/**
 * Rounds, and when the rounded figure happens to equal a value only one organization
 * contributed (noise and rounding can land there by chance), moves it one unit of the last
 * kept digit towards the unrounded figure, so no published figure is ever one organization's
 * own value. (A value several organizations share, such as a window of zeros, identifies none.)
 */
function avoidContributedValues(value: number, digits: number, values: readonly OrgValue[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v.value, (counts.get(v.value) ?? 0) + 1);
  const taken = new Set([...counts].filter(([, count]) => count === 1).map(([v]) => v));
  let figure = roundFigure(value, digits);
  for (let step = 0; taken.has(figure) && step < 4; step++) {
    const unit = figure === 0 ? 10 ** (Math.floor(Math.log10(Math.abs(value) || 1)) - digits + 1) : 10 ** (Math.floor(Math.log10(Math.abs(figure))) - digits + 1);
    figure = roundFigure(figure + (value >= figure ? unit : -unit), digits);
  }
  return figure;
}

/** What a group shows after a release: its figures (possibly carried forward) and why. */
export interface GroupState {
  /** Distinct organizations contributing now. */
  n: number;
  /** Published figures; empty when the group is withheld. */
  figures: Figures;
  /** The n the figures were computed from (what readers see as n). */
  figuresN: number;
  /** The release that computed the published figures. */
  figuresReleaseId?: string;
  /** Fingerprints behind the last published figures (kept while withheld, for rule 5). */
  basis: Basis;
  decision: 'published' | 'carried' | 'held' | 'withheld' | 'too-recent';
}

export const isPublished = (state: Pick<GroupState, 'figures'>) => Object.keys(state.figures).length > 0;

/**
 * Rule 5 around computeFigures: decides one group's state for release `releaseId` from its
 * current contributions and its state in the previous release.
 */
export function decideGroup(input: {
  values: readonly OrgValue[];
  factor: (org: string) => number;
  previous?: GroupState;
  releaseId: string;
  /** Whether the period ended at least policy.minAgeMonths before the release. */
  oldEnough: boolean;
  policy?: DisclosurePolicy;
}): GroupState {
  const policy = input.policy ?? DEFAULT_POLICY;
  const n = input.values.length;
  const previous = input.previous;
  const basis = basisOf(input.values);
  if (!input.oldEnough) return { n, figures: {}, figuresN: 0, basis: previous?.basis ?? {}, decision: 'too-recent' };
  const lastBasis = previous?.basis ?? {};
  const changed = changedOrganizations(lastBasis, basis);
  if (previous && Object.keys(lastBasis).length > 0 && changed < policy.minChangedOrganizations) {
    // Too few changes since the last publication: publishing now would let the difference speak for them.
    return {
      n,
      figures: previous.figures,
      figuresN: previous.figuresN,
      figuresReleaseId: previous.figuresReleaseId,
      basis: lastBasis,
      decision: changed === 0 ? 'carried' : 'held',
    };
  }
  const figures = computeFigures(input.values, input.factor, policy);
  if (Object.keys(figures).length === 0) return { n, figures: {}, figuresN: 0, basis: lastBasis, decision: 'withheld' };
  return { n, figures, figuresN: n, figuresReleaseId: input.releaseId, basis, decision: 'published' };
}
