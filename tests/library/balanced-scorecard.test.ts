/**
 * The built-in balanced-scorecard template. Plan rules it carries: the balanced scorecard
 * 50/30/20 with sales and the collection rate as financial KPIs; quantitative KPIs at least 60%;
 * the weekly response ranking 20% of the quarterly review; an effective response needs
 * resolution ≥ 90%; limits relax 20% in peak season; first contact within 2 h; 360° raters are
 * the direct superior and cross-department partners (marketing work rules) and customers (team
 * management methods); the compliance veto on the contract compliance rate and customer-
 * information confidentiality decides the annual rating and promotion eligibility (marketing
 * work rules). Every number is recomputed here from the sample inputs, in both workbooks.
 */
import { DIRECTIONS, KPI_ROWS, PARAMS, PARAM_ROW, PEOPLE, RATER_GROUPS, RATINGS, RATING_BANDS, STATUS_BANDS, TARGETS, balancedScorecard, balancedScorecardZh } from '../../library/templates/balanced-scorecard';
import { names, ruleValues } from './support/built';
import { EXAMPLE_NOTE, describeEachLanguage } from '../support/library-languages';
import { expectClose } from './support/close';
import { sum } from '../support/library-sum';

const value = (name: string) => PARAMS.find((p) => p.name === name)!.value;
const num = (name: string) => value(name) as number;

// ---- the ratings computed by hand from the sample inputs ----------------------------------
const fin = num('FinancialWeight');
const cust = num('CustomerWeight');
const learn = num('LearningWeight');
const kpiWeights = [fin * num('SalesShare'), fin * (1 - num('SalesShare')), cust * num('SatisfactionShare'), cust * (1 - num('SatisfactionShare')), learn * num('TrainingShare'), learn * (1 - num('TrainingShare'))];
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

// Peak season is on in the sample: 2 h × 1.2.
const threshold = num('ResponseHours') * (1 + num('PeakRelax'));
const times = PEOPLE.map((p) => p.responseHours);

const rows = PEOPLE.map((p, i) => {
  const total = score(p.actuals, [0, 1, 2, 3, 4, 5]);
  const perspectives = [score(p.actuals, [0, 1]), score(p.actuals, [2, 3]), score(p.actuals, [4, 5])];
  const effective = p.responseHours <= threshold && p.resolution >= num('MinResolution');
  const rank = 1 + times.filter((t) => t < p.responseHours).length;
  const responsePoints = effective ? ((times.length - rank + 1) / times.length) * 100 : 0;
  // 360°: the mean of each rater group present, weighted by the group weights.
  const mine = RATINGS.filter(([person]) => person === i);
  const groups = [...new Set(mine.map(([, g]) => g))];
  const mean = (g: number) => sum(mine.filter(([, x]) => x === g).map(([, , s]) => s)) / mine.filter(([, x]) => x === g).length;
  const review = sum(groups.map((g) => RATER_GROUPS[g][1] * mean(g))) / sum(groups.map((g) => RATER_GROUPS[g][1]));
  const [wq, wr, wv] = [num('QuantitativeWeight'), num('ResponseWeight'), num('ReviewWeight')];
  const blended = (wq * total * 100 + wr * responsePoints + wv * review) / (wq + wr + wv);
  const veto = p.contractCompliance < num('ContractComplianceMin') || p.confidentialityBreach;
  const final = veto ? 0 : blended;
  const band = <T>(bands: [number, T][]) => [...bands].reverse().find(([from]) => final >= from)![1];
  const rating = veto ? RATING_BANDS[0][1] : band(RATING_BANDS);
  const promotion = !veto && final >= num('PromotionMinPoints');
  return { total, perspectives, effective, rank, responsePoints, review, blended, veto, final, status: band(STATUS_BANDS), rating, promotion };
});

const FIRST = 10; // People data rows 10..17
describeEachLanguage({
  'en-US': [balancedScorecard, { inputs: 'Inputs', scorecard: 'Scorecard', summary: 'Summary' }],
  'zh-CN': [balancedScorecardZh, { inputs: '参数', scorecard: '计分卡', summary: '汇总' }],
}, ({ template, locale, S: { inputs, scorecard, summary }, book, json }) => {
  const yes = locale === 'en-US' ? 'yes' : '是';
  const no = locale === 'en-US' ? 'no' : '否';

  it('carries the plan numbers: BSC 50/30/20, quantitative ≥ 60%, ranking 20%, first contact 2 h, peak +20%, resolution 90%, each with its source', () => {
    const at = (name: string) => json[`${inputs}!B${PARAM_ROW[name]}`];
    expect(['FinancialWeight', 'CustomerWeight', 'LearningWeight', 'QuantitativeMin', 'ResponseWeight', 'ResponseHours', 'PeakRelax', 'MinResolution'].map(at)).toEqual([0.5, 0.3, 0.2, 0.6, 0.2, 2, 0.2, 0.9]);
    expect(String(json[`${inputs}!D${PARAM_ROW.FinancialWeight}`])).toMatch(locale === 'en-US' ? /^plan rule: balanced scorecard: financial 50% \(sales and the collection rate\)/ : /^方案规则：平衡计分卡：财务50%（销售额、回款率）/);
    expect(json[`${inputs}!D${PARAM_ROW.AttainmentCap}`]).toBe(EXAMPLE_NOTE[locale]);
    expect(Object.keys(ruleValues(template, book)).sort()).toEqual(
      ['scoring.360-customers', 'scoring.360-raters', 'scoring.compliance-veto', 'scoring.effective-response-90', 'scoring.first-contact-2h', 'scoring.peak-relax-20', 'scoring.response-ranking-20', 'weights.bsc-50-30-20', 'weights.quantitative-min-60'],
    );
  });

  it('weights.bsc-50-30-20: the financial perspective is sales and the collection rate; PERF.SCORECARD per person, total and by perspective', () => {
    expect([json[`${scorecard}!B9`], json[`${scorecard}!C9`]]).toEqual(locale === 'en-US' ? ['Sales', 'Collection rate'] : ['销售额', '回款率']);
    kpiWeights.forEach((w, j) => expectClose(json[`${scorecard}!${'BCDEFG'[j]}${KPI_ROWS.weight}`], w));
    rows.forEach((r, i) => {
      expectClose(json[`${scorecard}!Q${FIRST + i}`], r.total);
      r.perspectives.forEach((s, k) => expectClose(json[`${scorecard}!${'RST'[k]}${FIRST + i}`], s));
    });
  });

  it('scoring.effective-response-90 / scoring.peak-relax-20 / scoring.response-ranking-20: effective within the relaxed limit and ≥ 90% resolved, ranked by speed', () => {
    expectClose(json[`${inputs}!B${PARAM_ROW.ResponseThreshold}`], 2.4);
    rows.forEach((r, i) => {
      expect([json[`${scorecard}!L${FIRST + i}`], json[`${scorecard}!M${FIRST + i}`]]).toEqual([r.effective ? 1 : 0, r.rank]);
      expectClose(json[`${scorecard}!N${FIRST + i}`], r.responsePoints);
    });
    expect(json[`${scorecard}!L${FIRST + 1}`]).toBe(1); // Li Wei, 2.3 h: inside only thanks to the peak-season relaxation
    expect(json[`${scorecard}!L${FIRST + 5}`]).toBe(0); // Zhao Lei: fast, but 88% resolved
  });

  it('scoring.360-raters / scoring.360-customers: group means weighted by the groups present', () => {
    rows.forEach((r, i) => expectClose(json[`${scorecard}!O${FIRST + i}`], r.review));
    // Zhao Lei has no customer rating: (0.5 × 85 + 0.3 × 81) / 0.8 = 83.5.
    expectClose(json[`${scorecard}!O${FIRST + 5}`], 83.5);
    expect(json[`${inputs}!F4`]).toBe(locale === 'en-US' ? 'direct superior' : '直属上级');
  });

  it('scoring.compliance-veto: a contract compliance rate below 100% or a confidentiality breach zeroes the rating, gives the lowest annual rating and no promotion', () => {
    rows.forEach((r, i) => {
      const row = FIRST + i;
      expect(json[`${scorecard}!P${row}`]).toBe(r.veto ? yes : no);
      expectClose(json[`${scorecard}!U${row}`], r.blended);
      expectClose(json[`${scorecard}!V${row}`], r.final);
      expect([json[`${scorecard}!W${row}`], json[`${scorecard}!X${row}`], json[`${scorecard}!Y${row}`]]).toEqual([r.status[locale], r.rating[locale], r.promotion ? yes : no]);
    });
    // Zhou Tao: a top score, but customer information leaked. Liu Yang: 97% contract compliance.
    expect(rows[7].blended).toBeGreaterThan(90);
    expect([json[`${scorecard}!V17`], json[`${scorecard}!X17`], json[`${scorecard}!Y17`]]).toEqual([0, RATING_BANDS[0][1][locale], no]);
    expect(json[`${scorecard}!P14`]).toBe(yes);
  });

  it('summarizes the team', () => {
    expectClose(json[`${summary}!B3`], sum(rows.map((r) => r.final)) / rows.length);
    [...RATING_BANDS].reverse().forEach(([, band], k) => expect(json[`${summary}!B${4 + k}`]).toBe(rows.filter((r) => r.rating === band).length));
    expect([json[`${summary}!B8`], json[`${summary}!B9`], json[`${summary}!B10`]]).toEqual([rows.filter((r) => r.veto).length, rows.filter((r) => r.promotion).length, rows.filter((r) => r.effective).length]);
    expectClose(json[`${summary}!B11`], 0.6);
    expect(json[`${summary}!D11`]).toBe('OK');
  });

  it('names its key inputs', () => {
    expect(names(book)).toEqual(expect.arrayContaining([...PARAMS.map((p) => p.name!), 'RaterGroups', 'RaterWeights', 'RatingBands', 'StatusBands', 'KpiTargets']));
  });
});
