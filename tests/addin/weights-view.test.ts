/**
 * The AHP wizard's pure model (addin/taskpane/views/weights/ahp-model.ts): criteria limits,
 * the matrix built from the judgements (reciprocal fill by the engine), the most inconsistent
 * pair, and weights/CR identical to PERF.AHP / PERF.AHPCR (engine `ahp`, `ahpcr`) on the same
 * matrix. The rendered view is covered by tests/e2e.
 */
import fc from 'fast-check';
import { ahp, ahpcr } from '../../engine/weights';
import {
  AhpModel,
  CR_THRESHOLD,
  MAX_CRITERIA,
  MIN_CRITERIA,
  SAATY_SCALE,
  addCriterion,
  canAdd,
  canRemove,
  compute,
  createModel,
  duplicateNames,
  judgementAt,
  matrixOf,
  mostInconsistent,
  nearestScaleValue,
  pairs,
  parseScaleKey,
  removeCriterion,
  renameCriterion,
  scaleKey,
  setJudgement,
  upperTriangle,
} from '../../addin/taskpane/views/weights/ahp-model';
import { judgementSentence } from '../../addin/taskpane/views/weights';
import { translatorFor } from '../../addin/taskpane/locale';
import { WEIGHTS } from '../../i18n/pane-weights';

function modelWith(names: string[], upper: Record<string, number>): AhpModel {
  let model = createModel(names);
  for (const [pair, value] of Object.entries(upper)) {
    const [i, j] = pair.split(',').map(Number);
    model = setJudgement(model, i, j, value);
  }
  return model;
}

/** PERF.AHP's spilled column as plain numbers. */
function engineWeights(matrix: number[][], method?: 'eigen' | 'geomean'): number[] {
  return ahp(matrix, method ?? null).map((row) => row[0] as number);
}

describe("Saaty's scale", () => {
  it('has 17 values from 9 to 1/9 with round-tripping keys', () => {
    expect(SAATY_SCALE).toHaveLength(17);
    expect(SAATY_SCALE.map(scaleKey)).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '1/2', '1/3', '1/4', '1/5', '1/6', '1/7', '1/8', '1/9']);
    for (const v of SAATY_SCALE) expect(parseScaleKey(scaleKey(v))).toBe(v);
    expect(parseScaleKey('10')).toBeUndefined();
    expect(parseScaleKey('0.5')).toBeUndefined();
  });

  it('rounds a ratio to the nearest scale value on a log scale', () => {
    expect(nearestScaleValue(2.1)).toBe(2);
    expect(nearestScaleValue(0.3)).toBe(1 / 3);
    expect(nearestScaleValue(40)).toBe(9);
    expect(nearestScaleValue(1.4)).toBe(1); // |ln 1.4| < |ln(2/1.4)|
  });
});

describe('criteria', () => {
  it(`keeps between ${MIN_CRITERIA} and ${MAX_CRITERIA} criteria`, () => {
    expect(() => createModel(['only one'])).toThrow(RangeError);
    expect(() => createModel(Array.from({ length: 16 }, (_, i) => `k${i}`))).toThrow(RangeError);
    let model = createModel(['a', 'b']);
    expect(canRemove(model)).toBe(false);
    expect(removeCriterion(model, model.criteria[0].id)).toBe(model);
    for (let k = 3; k <= MAX_CRITERIA; k++) model = addCriterion(model, `k${k}`);
    expect(model.criteria).toHaveLength(15);
    expect(canAdd(model)).toBe(false);
    expect(addCriterion(model, 'sixteenth')).toBe(model);
    expect(pairs(model)).toHaveLength((15 * 14) / 2);
    expect(new Set(model.criteria.map((c) => c.id)).size).toBe(15);
  });

  it('keeps the other judgements when a criterion is renamed, removed or added', () => {
    let model = modelWith(['A', 'B', 'C', 'D'], { '0,1': 3, '0,3': 5, '1,2': 1 / 2, '2,3': 7 });
    model = renameCriterion(model, model.criteria[1].id, 'Bee');
    expect(model.criteria.map((c) => c.name)).toEqual(['A', 'Bee', 'C', 'D']);
    expect(judgementAt(model, 0, 1)).toBe(3);

    model = removeCriterion(model, model.criteria[1].id); // B goes, with (A,B) and (B,C)
    expect(model.criteria.map((c) => c.name)).toEqual(['A', 'C', 'D']);
    expect(judgementAt(model, 0, 2)).toBe(5); // A vs D
    expect(judgementAt(model, 1, 2)).toBe(7); // C vs D
    expect(judgementAt(model, 0, 1)).toBe(1); // A vs C was never set
    expect(Object.keys(model.judgements).every((key) => !key.includes('c2'))).toBe(true);

    model = addCriterion(model, 'E');
    expect(model.criteria[3].id).toBe('c5'); // ids are never reused
    expect(judgementAt(model, 0, 3)).toBe(1);
    expect(judgementAt(model, 0, 2)).toBe(5);
  });

  it('names duplicate criteria (trimmed, case-insensitive)', () => {
    expect(duplicateNames(createModel(['Cost', 'Speed', ' cost ', 'Risk']))).toEqual(['Cost']);
    expect(duplicateNames(createModel(['Cost', 'Speed', '', '']))).toEqual([]);
  });
});

describe('matrix from judgements', () => {
  it('stores a judgement given below the diagonal as the reciprocal above it', () => {
    const model = setJudgement(createModel(['A', 'B', 'C']), 2, 0, 3); // C is 3× A
    expect(judgementAt(model, 0, 2)).toBe(1 / 3);
    expect(judgementAt(model, 2, 0)).toBe(3);
    expect(pairs(model).map((p) => [p.i, p.j, p.value])).toEqual([
      [0, 1, 1],
      [0, 2, 1 / 3],
      [1, 2, 1],
    ]);
    expect(() => setJudgement(model, 1, 1, 1)).toThrow(RangeError);
    expect(() => setJudgement(model, 0, 1, 10)).toThrow(/Saaty/);
    expect(() => setJudgement(model, 0, 1, 0.3)).toThrow(/Saaty/);
  });

  it('hands the engine the upper triangle and gets back the full reciprocal matrix', () => {
    const model = modelWith(['A', 'B', 'C', 'D'], { '0,1': 3, '0,2': 5, '0,3': 1 / 2, '1,2': 2, '1,3': 1 / 4, '2,3': 1 / 7 });
    expect(upperTriangle(model)).toEqual([
      [1, 3, 5, 1 / 2],
      [null, 1, 2, 1 / 4],
      [null, null, 1, 1 / 7],
      [null, null, null, 1],
    ]);
    const m = matrixOf(model);
    expect(m).toEqual([
      [1, 3, 5, 1 / 2],
      [1 / 3, 1, 2, 1 / 4],
      [1 / 5, 1 / 2, 1, 1 / 7],
      [2, 4, 7, 1],
    ]);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(m[i][j] * m[j][i]).toBeCloseTo(1, 15);
  });
});

describe('results equal PERF.AHP / PERF.AHPCR on the same matrix', () => {
  it('on a hand-made inconsistent 4×4', () => {
    const model = modelWith(['A', 'B', 'C', 'D'], { '0,1': 3, '0,2': 5, '0,3': 1 / 2, '1,2': 2, '1,3': 1 / 4, '2,3': 1 / 7 });
    const r = compute(model);
    const full = matrixOf(model);
    expect(r.eigen).toEqual(engineWeights(full));
    expect(r.eigen).toEqual(engineWeights(full, 'eigen'));
    expect(r.geomean).toEqual(engineWeights(full, 'geomean'));
    expect(r.cr).toBe(ahpcr(full));
    // What a user would type in the sheet (upper triangle only) gives the same answer.
    expect(r.eigen).toEqual(engineWeights(upperTriangle(model) as number[][]));
    expect(r.eigen.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(r.lambdaMax).toBeGreaterThanOrEqual(4);
  });

  it('for random judgements, 2 to 15 criteria (eigenvector, geometric mean, CR)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: MAX_CRITERIA }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.constantFrom(...SAATY_SCALE), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })),
        ),
        ([n, values]) => {
          let model = createModel(Array.from({ length: n }, (_, k) => `K${k + 1}`));
          pairs(model).forEach((p, k) => {
            model = setJudgement(model, p.i, p.j, values[k]);
          });
          const r = compute(model);
          const full = r.matrix;
          expect(r.eigen).toEqual(engineWeights(full));
          expect(r.geomean).toEqual(engineWeights(full, 'geomean'));
          expect(r.cr).toBe(ahpcr(full));
          expect(r.consistent).toBe(r.cr < CR_THRESHOLD);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('consistency and the most inconsistent judgement', () => {
  // Weights 8:4:2:1 → every ratio is on the scale, so this matrix is perfectly consistent.
  const consistent = { '0,1': 2, '0,2': 4, '0,3': 8, '1,2': 2, '1,3': 4, '2,3': 2 };

  it('finds nothing to fix in a consistent matrix', () => {
    const r = compute(modelWith(['A', 'B', 'C', 'D'], consistent));
    expect(r.cr).toBeLessThan(1e-9);
    expect(r.consistent).toBe(true);
    expect(r.eigen.map((w) => w * 15)).toEqual([8, 4, 2, 1].map((v) => expect.closeTo(v, 9)));
    expect(r.mostInconsistent!.deviation).toBeLessThan(1e-9);
  });

  it('names the pair whose a_ij deviates most from w_i/w_j', () => {
    // One judgement reversed: A vs D says 1/8 where the rest imply 8.
    const r = compute(modelWith(['A', 'B', 'C', 'D'], { ...consistent, '0,3': 1 / 8 }));
    expect(r.cr).toBeGreaterThanOrEqual(CR_THRESHOLD);
    expect(r.consistent).toBe(false);
    const worst = r.mostInconsistent!;
    expect([worst.i, worst.j]).toEqual([0, 3]);
    expect(worst.judged).toBe(1 / 8);
    expect(worst.implied).toBeCloseTo(r.eigen[0] / r.eigen[3], 12);
    expect(worst.implied).toBeGreaterThan(4 * worst.judged); // far from what was entered
    // The definition, checked by brute force over every pair.
    const deviations = pairs(modelWith(['A', 'B', 'C', 'D'], { ...consistent, '0,3': 1 / 8 })).map((p) => ({
      p,
      d: Math.abs(Math.log(r.matrix[p.i][p.j]) - Math.log(r.eigen[p.i] / r.eigen[p.j])),
    }));
    const max = deviations.reduce((a, b) => (b.d > a.d ? b : a));
    expect([max.p.i, max.p.j]).toEqual([worst.i, worst.j]);
    expect(worst.deviation).toBeCloseTo(max.d, 12);
  });

  it('has no most inconsistent pair for two criteria (CR 0)', () => {
    const r = compute(modelWith(['A', 'B'], { '0,1': 9 }));
    expect(r.cr).toBe(0);
    expect(r.mostInconsistent).toBeNull();
    expect(mostInconsistent([[1]], [1])).toBeNull();
    expect(r.eigen[0]).toBeCloseTo(0.9, 12);
  });
});

describe('strings', () => {
  const en = translatorFor(WEIGHTS, 'en-US');
  const zh = translatorFor(WEIGHTS, 'zh-CN');

  it('has the same keys and placeholders in both languages', () => {
    for (const [key, text] of Object.entries(WEIGHTS)) expect({ key, zh: [...text['zh-CN'].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() }).toEqual({ key, zh: [...text['en-US'].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() });
  });

  // Issue 14: judgements are spoken in the verbal scale, never "3×" (which contradicted "slightly"), and zh-CN has no stray spaces.
  it('phrases each judgement with the favoured criterion first', () => {
    expect(judgementSentence(en, 'Cost', 'Speed', 3)).toBe('Cost is slightly more important than Speed');
    expect(judgementSentence(en, 'Cost', 'Speed', 1 / 4)).toBe('Speed is between slightly and strongly more important than Cost');
    expect(judgementSentence(en, 'Cost', 'Speed', 1)).toBe('Cost and Speed are equally important');
    expect(judgementSentence(zh, '成本', '速度', 9)).toBe('成本比速度极端重要');
    expect(judgementSentence(zh, '成本', '速度', 1 / 5)).toBe('速度比成本明显重要');
    expect(judgementSentence(zh, '成本', '速度', 1)).toBe('成本与速度同等重要');
  });

  it('gives every option of a pair a distinct label', () => {
    for (const t of [en, zh]) expect(new Set(SAATY_SCALE.map((v) => judgementSentence(t, 'A', 'B', v))).size).toBe(17);
  });

  it('uses Chinese in zh-CN', () => {
    for (const text of [zh('title'), zh('criteriaHeading'), zh('judgementsHeading'), zh('resultsHeading'), zh('write'), zh('defaultName1'), zh('defaultName2'), zh('defaultName3')]) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
