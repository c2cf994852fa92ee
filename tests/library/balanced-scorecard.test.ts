/**
 * The built-in balanced-scorecard template (seed rules §1 KPI weights and scorecards): the
 * scorecard, response ranking, 360° review, blend, veto and traffic light equal plain
 * arithmetic on the sample inputs. The contract every template keeps is tested once for all
 * of them (contract.test.ts).
 */
import { DIRECTIONS, PARAMS, PARAM_ROW, PEOPLE, RATER_WEIGHTS, STATUS_BANDS, TARGETS, balancedScorecard } from '../../library/templates/balanced-scorecard';
import { builtBeforeAll, names } from './support/built';

const value = (name: string) => PARAMS.find((p) => p.name === name)!.value;
const num = (name: string) => value(name) as number;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

// ---- the ratings computed by hand from the sample inputs ----------------------------------
const fin = num('FinancialWeight');
const cust = num('CustomerWeight');
const learn = num('LearningWeight');
const kpiWeights = [
  fin * num('SalesShare'),
  fin * (1 - num('SalesShare')),
  cust * num('SatisfactionShare'),
  cust * (1 - num('SatisfactionShare')),
  learn * num('TrainingShare'),
  learn * (1 - num('TrainingShare')),
];
const cap = num('AttainmentCap');

/** Weighted capped attainment over the KPI columns `cols` (weights normalized over them). */
function score(actuals: number[], cols: number[]): number {
  const total = sum(cols.map((j) => kpiWeights[j]));
  return sum(
    cols.map((j) => {
      const ratio = actuals[j] / TARGETS[j];
      const attained = DIRECTIONS[j] === 1 ? ratio : Math.max(0, 2 - ratio);
      return (kpiWeights[j] / total) * Math.min(cap, Math.max(0, attained));
    }),
  );
}

const threshold = num('ResponseHours') * (value('PeakSeason') === 'yes' ? 1 + num('PeakRelax') : 1);
const times = PEOPLE.map((p) => p.responseHours);

const rows = PEOPLE.map((p) => {
  const total = score(p.actuals, [0, 1, 2, 3, 4, 5]);
  const perspectives = [score(p.actuals, [0, 1]), score(p.actuals, [2, 3]), score(p.actuals, [4, 5])];
  const speedMet = p.responseHours <= threshold;
  const effective = speedMet && p.resolution >= num('MinResolution');
  const rank = 1 + times.filter((t) => t < p.responseHours).length;
  const ranking = effective ? (times.length - rank + 1) / times.length : 0;
  // 360°: mean per rater group, weighted by the groups present.
  const weightOf = new Map(RATER_WEIGHTS);
  const groups = [...new Set(p.ratings.map(([g]) => g))];
  const mean = (g: string) => sum(p.ratings.filter(([x]) => x === g).map(([, s]) => s)) / p.ratings.filter(([x]) => x === g).length;
  const review = sum(groups.map((g) => weightOf.get(g)! * mean(g))) / sum(groups.map((g) => weightOf.get(g)!));
  const [wq, wr, wv] = [num('QuantitativeWeight'), num('ResponseWeight'), num('ReviewWeight')];
  const blended = (wq * total * 100 + wr * ranking * 100 + wv * review) / (wq + wr + wv);
  const final = p.breach === 'yes' ? 0 : blended;
  const status = [...STATUS_BANDS].reverse().find(([from]) => final >= from)![1];
  return { total, perspectives, speedMet, effective, rank, ranking, review, blended, final, status };
});

describe('template: balanced-scorecard', () => {
  const book = builtBeforeAll(balancedScorecard);
  const { json } = book;

  it('§1 carries the digest numbers: BSC 50/30/20, quantitative ≥ 60%, ranking 20%, resolution 90%, peak relax 20%', () => {
    expect([PARAM_ROW.FinancialWeight, PARAM_ROW.CustomerWeight, PARAM_ROW.LearningWeight].map((r) => json[`Inputs!B${r}`])).toEqual([0.5, 0.3, 0.2]);
    expect(json[`Inputs!B${PARAM_ROW.QuantitativeMin}`]).toBe(0.6);
    expect(json[`Inputs!B${PARAM_ROW.QuantitativeWeight}`]).toBe(0.6);
    expect(json[`Inputs!B${PARAM_ROW.ResponseWeight}`]).toBe(0.2);
    expect(json[`Inputs!B${PARAM_ROW.MinResolution}`]).toBe(0.9);
    expect(json[`Inputs!B${PARAM_ROW.PeakRelax}`]).toBe(0.2);
  });

  it('weights.bsc-50-30-20: KPI weights and PERF.SCORECARD per person, total and by perspective', () => {
    kpiWeights.forEach((w, j) => expect(json[`Scorecard!${'BCDEFG'[j]}4`]).toBeCloseTo(w, 12));
    rows.forEach((r, i) => {
      expect(json[`Scorecard!H${9 + i}`]).toBeCloseTo(r.total, 12);
      r.perspectives.forEach((s, k) => expect(json[`Scorecard!${'IJK'[k]}${9 + i}`]).toBeCloseTo(s, 12));
    });
    // Zhou Tao's financial perspective hits the 120% cap on both KPIs.
    expect(json['Scorecard!I16']).toBeCloseTo(1.2, 12);
  });

  it('scoring.effective-response-90 / scoring.peak-relax-20: speed within the (relaxed) threshold AND resolution ≥ 90%', () => {
    expect(json[`Inputs!B${PARAM_ROW.ResponseThreshold}`]).toBeCloseTo(2.4, 12);
    rows.forEach((r, i) => {
      expect(json[`Response!D${2 + i}`]).toBe(r.speedMet);
      expect(json[`Response!E${2 + i}`]).toBe(r.effective);
    });
    expect(json['Response!E3']).toBe(true); // Li Wei, 2.3 h: inside only thanks to the peak-season relaxation
    expect(json['Response!E7']).toBe(false); // Zhao Lei: fast, but 88% resolution
  });

  it('scoring.response-ranking-20: rank by speed, effective responders score (n − rank + 1)/n', () => {
    rows.forEach((r, i) => {
      expect(json[`Response!F${2 + i}`]).toBe(r.rank);
      expect(json[`Response!G${2 + i}`]).toBeCloseTo(r.ranking, 12);
    });
  });

  it('scoring.360-review: PERF.RATER blends manager / peer / customer means by the groups present', () => {
    rows.forEach((r, i) => expect(json[`Review360!G${2 + i}`]).toBeCloseTo(r.review, 9));
    // Zhao Lei has no customer rating: (0.5 × 85 + 0.3 × 81) / 0.8 = 83.5.
    expect(json['Review360!G7']).toBeCloseTo(83.5, 9);
  });

  it('weights.quantitative-min-60 / scoring.compliance-veto: blended rating, veto to 0, traffic light', () => {
    rows.forEach((r, i) => {
      const row = 2 + i;
      expect(json[`Summary!B${row}`]).toBeCloseTo(r.total * 100, 9);
      expect(json[`Summary!C${row}`]).toBeCloseTo(r.ranking * 100, 9);
      expect(json[`Summary!D${row}`]).toBeCloseTo(r.review, 9);
      expect(json[`Summary!E${row}`]).toBeCloseTo(r.blended, 9);
      expect(json[`Summary!G${row}`]).toBeCloseTo(r.final, 9);
      expect(json[`Summary!H${row}`]).toBe(r.status);
    });
    // Zhou Tao: a strong score, but the compliance breach zeroes it.
    expect(rows[7].blended).toBeGreaterThan(90);
    expect(json['Summary!G9']).toBe(0);
    expect(json['Summary!F9']).toBe('Veto 一票否决');
    expect(json['Summary!H9']).toBe('red 红');
    expect(json['Summary!B18']).toBeCloseTo(0.6, 12);
    expect(json['Summary!B19']).toBe('OK 合规');
  });

  it('summarizes the team', () => {
    const count = (label: string) => rows.filter((r) => r.status === label).length;
    expect(json['Summary!B12']).toBeCloseTo(sum(rows.map((r) => r.final)) / rows.length, 9);
    expect(json['Summary!B13']).toBe(count('green 绿'));
    expect(json['Summary!B14']).toBe(count('amber 黄'));
    expect(json['Summary!B15']).toBe(count('red 红'));
    expect(json['Summary!B16']).toBe(PEOPLE.filter((p) => p.breach === 'yes').length);
    expect(json['Summary!B17']).toBe(rows.filter((r) => r.effective).length);
  });

  it('carries the §1 rules it cites', () => {
    expect(balancedScorecard.rules.map((r) => r.rule).sort()).toEqual(
      ['scoring.360-review', 'scoring.compliance-veto', 'scoring.effective-response-90', 'scoring.peak-relax-20', 'scoring.response-ranking-20', 'weights.bsc-50-30-20', 'weights.quantitative-min-60'],
    );
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(expect.arrayContaining([...PARAMS.map((p) => p.name!), 'RaterWeights', 'StatusBands', 'KpiTargets', 'KpiActuals']));
  });
});
