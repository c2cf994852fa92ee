/**
 * The disclosure rules of the peer benchmarks (functions/src/benchmarks/disclosure.ts), each
 * case named after the rule it checks or the attack of issue 15 it replays. Pure functions:
 * the same rules run against real storage in tests/functions/storage/benchmarks-store.test.ts.
 */
import { randomBytes } from 'crypto';
import {
  basisOf,
  changedOrganizations,
  computeFigures,
  decideGroup,
  DEFAULT_POLICY,
  GroupState,
  noiseFactor,
  OrgValue,
  parseBasis,
  percentileWeights,
  pRuleSensitive,
  roundFigure,
  serializeBasis,
  STATISTICS,
} from '../../../functions/src/benchmarks/disclosure';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const GROUP = 'labour_cost_share|retail|2025';
const factor = (org: string) => noiseFactor(KEY, GROUP, org);
const orgs = (values: number[], prefix = 'org') => values.map((value, i) => ({ org: `${prefix}-${i}`, value }));
const figuresOf = (values: OrgValue[]) => computeFigures(values, factor);
const publishedNumbers = (figures: Record<string, number | undefined>) => Object.values(figures).filter((v): v is number => typeof v === 'number');

describe('rule 2 — aggregated percentiles: no organization weighs more than 25%', () => {
  test('the median of five is ⅛·x₁ + ¼·x₂ + ¼·x₃ + ¼·x₄ + ⅛·x₅', () => {
    expect(percentileWeights(5, 0.5)).toEqual([0.125, 0.25, 0.25, 0.25, 0.125]);
  });

  test('for every n from 4 to 60 and every percentile the weights are ≥ 0, ≤ 1/4 and sum to 1', () => {
    for (let n = 4; n <= 60; n++) {
      for (const p of [0, 0.1, 0.25, 0.33, 0.5, 0.75, 0.9, 1]) {
        const w = percentileWeights(n, p);
        expect(w).toHaveLength(n);
        expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...w)).toBeLessThanOrEqual(0.25 + 1e-12);
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(w.filter((x) => x > 0).length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  test('the aggregated percentiles of sorted data never decrease with p', () => {
    const sorted = Array.from({ length: 23 }, (_, i) => i * i + 3);
    let previous = -Infinity;
    for (let p = 0; p <= 1.0001; p += 0.05) {
      const value = percentileWeights(sorted.length, Math.min(p, 1)).reduce((s, w, i) => s + w * sorted[i], 0);
      expect(value).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = value;
    }
  });

  test('fewer than 4 values cannot be aggregated', () => {
    expect(() => percentileWeights(3, 0.5)).toThrow(RangeError);
  });
});

describe('rule 1 — counts per statistic: median at 5, quartiles at 8, P10/P90 at 10', () => {
  const values = (n: number) => orgs(Array.from({ length: n }, (_, i) => 0.2 + i * 0.01));

  test.each([
    [4, []],
    [5, ['p50']],
    [7, ['p50']],
    [8, ['p25', 'p50', 'p75']],
    [9, ['p25', 'p50', 'p75']],
    [10, ['p10', 'p25', 'p50', 'p75', 'p90']],
  ])('%i organizations publish %j', (n, stats) => {
    expect(Object.keys(figuresOf(values(n))).sort()).toEqual([...stats].sort());
  });
});

describe('issue 15 attack: with 5 organizations p25/p50/p75 were three contributed values and (p90 − 0.4·p75)/0.6 the largest', () => {
  const contributed = [0.21, 0.27, 0.3, 0.34, 0.41];

  test('5 organizations: only an aggregated, noisy median — no quartile, no P90 to invert', () => {
    const figures = figuresOf(orgs(contributed));
    expect(Object.keys(figures)).toEqual(['p50']);
    for (const v of contributed) expect(Math.abs(figures.p50! - v) / v).toBeGreaterThan(1e-6);
  });

  test('10 organizations: no published figure, and no (p90 − 0.4·p75)/0.6, equals a contributed value', () => {
    const ten = [0.12, 0.18, 0.21, 0.24, 0.27, 0.3, 0.34, 0.37, 0.41, 0.52];
    const figures = figuresOf(orgs(ten));
    expect(Object.keys(figures).sort()).toEqual(['p10', 'p25', 'p50', 'p75', 'p90']);
    const derived = (figures.p90! - 0.4 * figures.p75!) / 0.6;
    for (const candidate of [...publishedNumbers(figures), derived]) {
      for (const v of ten) expect(Math.abs(candidate - v) / v).toBeGreaterThan(1e-6);
    }
    // P90 of ten is the noisy mean of the top four, not the largest value.
    expect(figures.p90).not.toBeCloseTo(0.52, 3);
  });

  test('a figure that would land on a value one organization posted moves by one unit of its last digit', () => {
    // Without noise the aggregated median of 1…5 is exactly 3, organization 2's value.
    expect(computeFigures(orgs([1, 2, 3, 4, 5]), () => 1)).toEqual({ p50: 3.001 });
    // A value several organizations share identifies none of them and stays.
    expect(computeFigures(orgs([1, 3, 3, 3, 5]), () => 1)).toEqual({ p50: 3 });
  });

  test('over many random groups no published figure is ever one organization\'s value', () => {
    let state = 17;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
    for (let trial = 0; trial < 300; trial++) {
      const n = 5 + Math.floor(next() * 20);
      const values = Array.from({ length: n }, () => Math.round(next() * 1000) / 1000);
      const figures = computeFigures(orgs(values, `t${trial}`), (org) => noiseFactor(KEY, `g${trial}`, org));
      for (const f of publishedNumbers(figures)) expect(values).not.toContain(f);
    }
  });
});

describe('rule 3 — p% rule', () => {
  test('one contribution and zeros around it is sensitive; ordinary spreads are not; all zeros are not', () => {
    expect(pRuleSensitive([0, 0, 0, 0, 42 / 8], 0.1)).toBe(true);
    expect(pRuleSensitive([0.125 * 0.1, 0.25 * 0.2, 0.25 * 0.3, 0.25 * 0.4, 0.125 * 0.5], 0.1)).toBe(false);
    expect(pRuleSensitive([0, 0, 0, 0], 0.1)).toBe(false);
    // two organizations carrying the statistic: the second could estimate the first
    expect(pRuleSensitive([100, 90, 1, 1, 1], 0.1)).toBe(true);
    // negative values count by magnitude
    expect(pRuleSensitive([-50, 0.1, 0.1, 0.1], 0.1)).toBe(true);
  });

  test('an outlier that dominates the median withholds it', () => {
    expect(figuresOf(orgs([0.1, 0.1, 0.1, 0.1, 90]))).toEqual({});
  });
});

describe('issue 15 attack: minted tenants posting 0 reveal a sole victim', () => {
  const withVictim = (zeros: number, victim: number) => [...orgs(Array(zeros).fill(0), 'sybil'), { org: 'victim', value: victim }];

  test('four minted tenants + the victim: nothing is published', () => {
    expect(figuresOf(withVictim(4, 42))).toEqual({});
    expect(figuresOf(withVictim(4, 0.37))).toEqual({});
  });

  test('with 7 or 9 minted tenants the published figures are the same whatever the victim posted', () => {
    for (const zeros of [7, 9, 12]) {
      const a = figuresOf(withVictim(zeros, 42));
      const b = figuresOf(withVictim(zeros, 77.5));
      expect(a).toEqual(b);
      for (const f of publishedNumbers(a)) expect(f).toBe(0);
    }
  });

  test('minted tenants posting tiny distinct values do not help either', () => {
    const tiny = [0, 1e-9, 2e-9, 3e-9].map((value, i) => ({ org: `sybil-${i}`, value }));
    expect(figuresOf([...tiny, { org: 'victim', value: 42 }])).toEqual({});
  });
});

describe('rule 4 — persistent multiplicative noise', () => {
  test('each factor lies in [0.8, 0.9] ∪ [1.1, 1.2], is the same on every call, and both signs occur', () => {
    const factors = Array.from({ length: 400 }, (_, i) => noiseFactor(KEY, GROUP, `org-${i}`));
    for (const f of factors) expect((f >= 0.8 && f <= 0.9) || (f >= 1.1 && f <= 1.2)).toBe(true);
    expect(factors.some((f) => f < 1)).toBe(true);
    expect(factors.some((f) => f > 1)).toBe(true);
    expect(noiseFactor(KEY, GROUP, 'org-3')).toBe(factors[3]);
    expect(noiseFactor(KEY, 'other|group|2025', 'org-3')).not.toBe(factors[3]);
    expect(noiseFactor(randomBytes(32), GROUP, 'org-3')).not.toBe(factors[3]);
  });

  test('a coalition of every other participant learns the victim\'s value only to within its factor (never closer than 10%)', () => {
    // Four colluders post the victim's own order of magnitude so the p% rule lets the median out;
    // even knowing their own raw values exactly, the residual is the victim's noise.
    const victim = 50;
    const values = [...orgs([48, 49, 51, 52], 'colluder'), { org: 'victim', value: victim }];
    const { p50 } = figuresOf(values);
    expect(p50).toBeDefined();
    const sorted = [...values].sort((a, b) => a.value * factor(a.org) - b.value * factor(b.org));
    const weights = percentileWeights(5, 0.5);
    const victimWeight = weights[sorted.findIndex((v) => v.org === 'victim')];
    // Best guess: assume the colluders' values were published unperturbed.
    const others = sorted.reduce((s, v, i) => (v.org === 'victim' ? s : s + weights[i] * v.value), 0);
    const guess = (p50! - others) / victimWeight;
    expect(Math.abs(guess - victim) / victim).toBeGreaterThan(0.05);
  });

  test('roundFigure keeps 4 significant digits and never returns -0', () => {
    expect(roundFigure(0.123456, 4)).toBe(0.1235);
    expect(roundFigure(123456, 4)).toBe(123500);
    expect(Object.is(roundFigure(-0.00000001, 4), -0)).toBe(false);
  });
});

describe('rule 5 — differencing between releases', () => {
  const five = orgs([0.21, 0.27, 0.3, 0.34, 0.41]);
  const first = decideGroup({ values: five, factor, releaseId: 'R1', oldEnough: true });

  test('the first release with 5 organizations publishes', () => {
    expect(first).toMatchObject({ n: 5, figuresN: 5, figuresReleaseId: 'R1', decision: 'published' });
    expect(first.figures.p50).toBeDefined();
  });

  test('one organization joining (or changing its value) changes nothing readers see: mean or percentile differencing has nothing to subtract', () => {
    const joined = decideGroup({ values: [...five, { org: 'newcomer', value: 0.95 }], factor, previous: first, releaseId: 'R2', oldEnough: true });
    expect(joined).toMatchObject({ n: 6, figures: first.figures, figuresN: 5, figuresReleaseId: 'R1', decision: 'held' });
    const changed = decideGroup({ values: five.map((v, i) => (i === 2 ? { ...v, value: 0.99 } : v)), factor, previous: first, releaseId: 'R2', oldEnough: true });
    expect(changed).toMatchObject({ figures: first.figures, figuresN: 5, decision: 'held' });
    const same = decideGroup({ values: five, factor, previous: first, releaseId: 'R2', oldEnough: true });
    expect(same.decision).toBe('carried');
  });

  test('changes accumulate against the last published basis: 5 joiners over several releases republish together', () => {
    let state: GroupState = first;
    const values: OrgValue[] = [...five];
    for (let i = 0; i < 4; i++) {
      values.push({ org: `joiner-${i}`, value: 0.3 + i / 100 });
      state = decideGroup({ values, factor, previous: state, releaseId: `R${i + 2}`, oldEnough: true });
      expect(state).toMatchObject({ figures: first.figures, figuresN: 5, figuresReleaseId: 'R1' });
    }
    values.push({ org: 'joiner-4', value: 0.29 });
    state = decideGroup({ values, factor, previous: state, releaseId: 'R6', oldEnough: true });
    expect(state).toMatchObject({ n: 10, figuresN: 10, figuresReleaseId: 'R6', decision: 'published' });
    expect(Object.keys(state.figures).sort()).toEqual([...STATISTICS].sort());
  });

  test('a period younger than 3 months is never published', () => {
    expect(decideGroup({ values: five, factor, releaseId: 'R1', oldEnough: false })).toMatchObject({ figures: {}, decision: 'too-recent' });
  });

  test('a group withheld by the p% rule stays withheld until 5 organizations changed', () => {
    const sybils = [...orgs([0, 0, 0, 0], 'sybil'), { org: 'victim', value: 42 }];
    const withheld = decideGroup({ values: sybils, factor, releaseId: 'R1', oldEnough: true });
    expect(withheld).toMatchObject({ figures: {}, decision: 'withheld' });
  });

  test('basis fingerprints: who joined, left or changed; a compact text form that round-trips', () => {
    const a = basisOf(orgs([1, 2, 3]));
    const b = basisOf([...orgs([1, 2, 4]).slice(1), { org: 'x', value: 5 }]);
    expect(changedOrganizations(a, a)).toBe(0);
    expect(changedOrganizations(a, b)).toBe(3); // org-0 left, org-2 changed, x joined
    expect(parseBasis(serializeBasis(a))).toEqual(a);
    expect(serializeBasis(a)).not.toMatch(/org-/);
    expect(serializeBasis(basisOf(orgs(Array.from({ length: 2000 }, (_, i) => i)))).length).toBeLessThan(32 * 1024);
  });
});

test('the default policy is the one the README documents', () => {
  expect(DEFAULT_POLICY).toEqual({
    minOrganizations: { p10: 10, p25: 8, p50: 5, p75: 8, p90: 10 },
    maxWeight: 0.25,
    pRule: 0.1,
    noiseMin: 0.1,
    noiseMax: 0.2,
    minChangedOrganizations: 5,
    minAgeMonths: 3,
    significantDigits: 4,
  });
});
