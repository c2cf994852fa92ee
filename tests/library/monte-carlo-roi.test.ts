/**
 * The built-in Monte Carlo campaign ROI template (plan rules: ROI 1:3 low-efficiency line, 0.8
 * stop line): the per-trial model, the ROI summary and the probabilities equal arithmetic the
 * test does itself on the calculated sample cells — in the English workbook and in the Chinese
 * one, whose distributions are named in Chinese and draw the very same samples. The contract
 * every template keeps is tested once for all of them (contract.test.ts).
 */
import type { CalcJson } from '../../calc/book';
import { INPUTS, RANK_CORRELATION, ROI_STOP, ROI_TARGET, TRIALS, VERDICT, monteCarloRoi, monteCarloRoiZh } from '../../library/templates/monte-carlo-roi';
import { names, ruleValues } from './support/built';
import { describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';

const FIRST = 2;
const LAST = FIRST + TRIALS - 1;

/** The numbers of one column, rows FIRST..LAST, failing loudly on anything that is not a number. */
function column(json: CalcJson, sheet: string, col: string): number[] {
  const values: number[] = [];
  for (let r = FIRST; r <= LAST; r++) {
    const value = json[`${sheet}!${col}${r}`];
    if (typeof value !== 'number') throw new Error(`${sheet}!${col}${r} is ${JSON.stringify(value)}, not a number`);
    values.push(value);
  }
  return values;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function sampleStdev(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Excel's PERCENTILE.INC: linear interpolation at rank p·(n − 1) of the sorted values. */
function percentileInc(sorted: number[], p: number): number {
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
}

/** Spearman rank correlation: Pearson's on the ranks (continuous samples: no ties to average). */
function spearman(xs: number[], ys: number[]): number {
  const ranks = (v: number[]) => {
    const out = new Array<number>(v.length);
    v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]).forEach(([, i], rank) => (out[i] = rank + 1));
    return out;
  };
  const centred = (v: number[], m = mean(v)) => v.map((x) => x - m);
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
  const [rx, ry] = [centred(ranks(xs)), centred(ranks(ys))];
  return dot(rx, ry) / Math.sqrt(dot(rx, rx) * dot(ry, ry));
}

/** The first trials of the English workbook, which the Chinese one (Chinese distribution names, same seed) must repeat. */
const english: number[] = [];

describeEachLanguage({
  'en-US': [monteCarloRoi, { instructions: 'Instructions', inputs: 'Inputs', samples: 'Samples', model: 'Model', summary: 'Summary' }],
  'zh-CN': [monteCarloRoiZh, { instructions: '说明', inputs: '参数', samples: '样本', model: '模型', summary: '汇总' }],
}, ({ template, locale, S, book, json }) => {
  /** ROI per trial computed by the test from the calculated sample cells. */
  let roi: number[];
  let roiIndependent: number[];

  beforeAll(() => {
    const [reach, conversion, orderValue, cost, reachIndep, conversionIndep] = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => column(json, S.samples, c));
    roi = reach.map((x, i) => (x * conversion[i] * orderValue[i]) / cost[i]);
    roiIndependent = reachIndep.map((x, i) => (x * conversionIndep[i] * orderValue[i]) / cost[i]);
  });

  it('SIM / SIMCORR spill exactly 5,000 trials per input, inside each distribution\'s range and near its mean', () => {
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) {
      expect(column(json, S.samples, col)).toHaveLength(TRIALS);
      expect(json[`${S.samples}!${col}${LAST + 1}`]).toBeUndefined();
    }
    const [reach, conversion, orderValue, cost] = INPUTS;
    const pertMean = (reach[2] + 4 * reach[3] + reach[4]!) / 6;
    const triangularMean = (conversion[2] + conversion[3] + conversion[4]!) / 3;
    for (const col of ['A', 'E']) {
      const xs = column(json, S.samples, col);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(reach[2]);
      expect(Math.max(...xs)).toBeLessThanOrEqual(reach[4]!);
      expect(Math.abs(mean(xs) / pertMean - 1)).toBeLessThan(0.02);
    }
    for (const col of ['B', 'F']) {
      const xs = column(json, S.samples, col);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(conversion[2]);
      expect(Math.max(...xs)).toBeLessThanOrEqual(conversion[4]!);
      expect(Math.abs(mean(xs) / triangularMean - 1)).toBeLessThan(0.02);
    }
    const values = column(json, S.samples, 'C');
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(Math.abs(mean(values) / orderValue[2] - 1)).toBeLessThan(0.03);
    const costs = column(json, S.samples, 'D');
    expect(Math.min(...costs)).toBeGreaterThan(0);
    expect(Math.abs(mean(costs) / cost[2] - 1)).toBeLessThan(0.01);
  });

  it('SIMCORR gives reach and conversion their rank correlation (0.5); the independent SIM draws and the separately seeded inputs stay uncorrelated', () => {
    const sample = (col: string) => column(json, S.samples, col);
    expect(Math.abs(spearman(sample('A'), sample('B')) - RANK_CORRELATION)).toBeLessThan(0.05);
    expect(Math.abs(spearman(sample('E'), sample('F')))).toBeLessThan(0.05);
    expect(Math.abs(spearman(sample('C'), sample('D')))).toBeLessThan(0.05);
    expect(Math.abs(spearman(sample('A'), sample('E')))).toBeLessThan(0.05);
  });

  it('Model: revenue = reach × conversion × order value and ROI = revenue ÷ cost on every trial row (§3, ROI as 1:x)', () => {
    for (let r = FIRST; r <= LAST; r++) {
      const [reach, conversion, orderValue, cost, reachIndep, conversionIndep] = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => json[`${S.samples}!${c}${r}`] as number);
      expect(json[`${S.model}!A${r}`]).toBe(r - 1);
      expectClose(json[`${S.model}!B${r}`], reach * conversion * orderValue, 1e-12);
      expectClose(json[`${S.model}!C${r}`], roi[r - FIRST], 1e-12);
      expectClose(json[`${S.model}!D${r}`], (reachIndep * conversionIndep * orderValue) / cost, 1e-12);
    }
  });

  it('PERF.SUMMARY of ROI equals the mean, sample stdev, min, PERCENTILE.INC P5…P95 and max of the trials', () => {
    const expectSummary = (labelCol: string, valueCol: string, xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const expected: [string, number][] = [
        ['mean', mean(xs)],
        ['stdev', sampleStdev(xs)],
        ['min', sorted[0]],
        ['P5', percentileInc(sorted, 0.05)],
        ['P10', percentileInc(sorted, 0.1)],
        ['P50', percentileInc(sorted, 0.5)],
        ['P90', percentileInc(sorted, 0.9)],
        ['P95', percentileInc(sorted, 0.95)],
        ['max', sorted[sorted.length - 1]],
      ];
      expected.forEach(([label, value], i) => {
        expect(json[`${S.summary}!${labelCol}${2 + i}`]).toBe(label);
        expectClose(json[`${S.summary}!${valueCol}${2 + i}`], value, 1e-9);
      });
    };
    expectSummary('A', 'B', roi);
    expectSummary('D', 'E', roiIndependent);
  });

  it('probability of ROI ≥ 3 (cost.low-roi-3) and of ROI < 0.8 (cost.stop-roi-0.8) equal the share of trials the test counts', () => {
    const share = (xs: number[], test: (x: number) => boolean) => xs.filter(test).length / xs.length;
    expect(json[`${S.summary}!B13`]).toBeCloseTo(share(roi, (x) => x >= ROI_TARGET), 12);
    expect(json[`${S.summary}!B14`]).toBeCloseTo(share(roi, (x) => x < ROI_STOP), 12);
    expect(json[`${S.summary}!B15`]).toBeCloseTo(share(roiIndependent, (x) => x >= ROI_TARGET), 12);
    // a meaningful example: neither a sure thing nor hopeless
    expect(json[`${S.summary}!B13`]).toBeGreaterThan(0.3);
    expect(json[`${S.summary}!B13`]).toBeLessThan(0.9);
  });

  it('reports mean revenue, mean cost, expected profit and a verdict from the median ROI', () => {
    const revenue = column(json, S.samples, 'A').map((x, i) => x * (json[`${S.samples}!B${FIRST + i}`] as number) * (json[`${S.samples}!C${FIRST + i}`] as number));
    const cost = mean(column(json, S.samples, 'D'));
    expectClose(json[`${S.summary}!B16`], mean(revenue), 1e-9);
    expectClose(json[`${S.summary}!B17`], cost, 1e-9);
    expectClose(json[`${S.summary}!B18`], mean(revenue) - cost, 1e-9);
    const median = percentileInc([...roi].sort((a, b) => a - b), 0.5);
    const verdict = (median < ROI_STOP ? VERDICT.stop : median < ROI_TARGET ? VERDICT.low : VERDICT.go)[locale];
    expect(json[`${S.summary}!B19`]).toBe(verdict);
  });

  it('carries its rules in the ROI target and the stop line (cost.low-roi-3 = 3, cost.stop-roi-0.8 = 0.8) and names its key inputs', () => {
    expect(ruleValues(template, book)).toEqual({ 'cost.low-roi-3': 3, 'cost.stop-roi-0.8': 0.8 });
    expect(names(book)).toEqual(expect.arrayContaining(['SimInputs', 'ReachConversionCorrelation', 'SimTrials', 'SimSeed', 'RoiTarget', 'RoiStopLine', 'SimulatedROI']));
    expect(book.model.sheets.map((s) => s.name)).toEqual([S.instructions, S.inputs, S.samples, S.model, S.summary]);
  });

  it('offers the distributions in the workbook\'s language, and a Chinese name draws the same samples as the English code', () => {
    expect([4, 5, 6, 7].map((r) => json[`${S.inputs}!B${r}`])).toEqual(locale === 'en-US' ? ['pert', 'triangular', 'lognormal', 'normal'] : ['PERT', '三角', '对数正态', '正态']);
    const first = ['A', 'B', 'C', 'D'].map((c) => json[`${S.samples}!${c}${FIRST}`] as number);
    if (locale === 'en-US') english.push(...first);
    else expect(first).toEqual(english);
  });
});
