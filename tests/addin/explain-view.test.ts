/**
 * The Explain view's pure formula handling (addin/taskpane/views/explain/formula-args.ts):
 * top-level argument splitting, literal and array-constant parsing, argument classification,
 * Excel values → engine cells, and an end-to-end explanation of a typed formula that matches
 * the engine. The Excel.run part (excel-explain.ts) is covered by tests/e2e.
 */
import { PerfError } from '../../engine/errors';
import { explanationAddsUp, explanationLines, stepLabel, sumOfAddSteps } from '../../engine/explain';
import { explainCall } from '../../catalog/explain';
import { tiered } from '../../engine/payouts';
import {
  ExplainProblem,
  argFromRange,
  cellFromExcel,
  classifyArgument,
  explainFormulaText,
  explainableCall,
  parseArrayConstant,
  parseLiteral,
  parsePerfFormula,
  parseReference,
  splitTopLevel,
} from '../../addin/taskpane/views/explain/formula-args';
import { paneStepLabel, paneStepText, problemText } from '../../addin/taskpane/views/explain';
import { translatorFor } from '../../addin/taskpane/locale';
import { EXPLAIN_VIEW } from '../../i18n/pane-explain';

describe('splitTopLevel', () => {
  it('splits at top-level commas only', () => {
    expect(splitTopLevel('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(splitTopLevel('')).toEqual([]);
    expect(splitTopLevel('a,,c')).toEqual(['a', '', 'c']);
  });
  it('respects quotes, parentheses and braces', () => {
    expect(splitTopLevel('"a,b", SUM(1,2), {1,2;3,4}')).toEqual(['"a,b"', 'SUM(1,2)', '{1,2;3,4}']);
    expect(splitTopLevel('"say ""hi, you""", 2')).toEqual(['"say ""hi, you"""', '2']);
    expect(splitTopLevel("'Sales, Team'!A1:B2, 3")).toEqual(["'Sales, Team'!A1:B2", '3']);
    expect(splitTopLevel('"(", ")"')).toEqual(['"("', '")"']);
  });
  it('rejects unbalanced brackets', () => {
    expect(splitTopLevel('SUM(1,2')).toBeNull();
    expect(splitTopLevel('1)')).toBeNull();
  });
});

describe('parsePerfFormula', () => {
  it('parses one PERF call with its arguments', () => {
    expect(parsePerfFormula('=PERF.TIERED(95000, {0,0.02;20000,0.04;40000,0.06}, "marginal")')).toEqual({
      name: 'TIERED',
      args: ['95000', '{0,0.02;20000,0.04;40000,0.06}', '"marginal"'],
    });
    expect(parsePerfFormula('=perf.payout(B2,Curve!A1:B5,1000,,1.5)')).toEqual({ name: 'PAYOUT', args: ['B2', 'Curve!A1:B5', '1000', '', '1.5'] });
    expect(parsePerfFormula('=PERF.AHP()')).toEqual({ name: 'AHP', args: [] });
    expect(parsePerfFormula('=PERF.CURVE(")", A1:B3)')).toEqual({ name: 'CURVE', args: ['")"', 'A1:B3'] });
  });
  it('rejects other formulas', () => {
    expect(parsePerfFormula('=SUM(A1:A3)')).toBeNull();
    expect(parsePerfFormula('=PERF.TIERED(A1,B1:C3)*2')).toBeNull();
    expect(parsePerfFormula('=1+PERF.TIERED(A1,B1:C3)')).toBeNull();
    expect(parsePerfFormula('=PERF.TIERED(A1,B1:C3')).toBeNull();
  });
});

describe('literals', () => {
  it('parses numbers, percentages, strings, booleans and errors', () => {
    expect(parseLiteral('95000')).toBe(95000);
    expect(parseLiteral('-1.5e3')).toBe(-1500);
    expect(parseLiteral('.5')).toBe(0.5);
    expect(parseLiteral('7%')).toBeCloseTo(0.07, 15);
    expect(parseLiteral('"marginal"')).toBe('marginal');
    expect(parseLiteral('"a ""b"""')).toBe('a "b"');
    expect(parseLiteral('true')).toBe(true);
    expect(parseLiteral('FALSE')).toBe(false);
    const error = parseLiteral('#N/A');
    expect(error).toBeInstanceOf(PerfError);
    expect((error as PerfError).code).toBe('#N/A');
    for (const text of ['', 'A1', '1+2', '"a"b"', 'SUM(1)', '1.2.3']) expect(parseLiteral(text)).toBeUndefined();
  });
  it('parses array constants: rows by ;, columns by ,', () => {
    expect(parseArrayConstant('{0,0.02;20000,0.04;40000,0.06}')).toEqual([
      [0, 0.02],
      [20000, 0.04],
      [40000, 0.06],
    ]);
    expect(parseArrayConstant('{1,2,3}')).toEqual([[1, 2, 3]]);
    expect(parseArrayConstant('{1;2;3}')).toEqual([[1], [2], [3]]);
    expect(parseArrayConstant('{"a;b","c,d";TRUE,-1}')).toEqual([
      ['a;b', 'c,d'],
      [true, -1],
    ]);
    for (const text of ['{1,2;3}', '{}', '{1,A1}', '{1,{2}}', '1,2', '{SUM(1),2}']) expect(parseArrayConstant(text)).toBeUndefined();
  });
});

describe('classifyArgument', () => {
  it('tells omitted, literal, reference, name and nested apart', () => {
    expect(classifyArgument('')).toEqual({ kind: 'omitted' });
    expect(classifyArgument('12')).toEqual({ kind: 'literal', value: 12 });
    expect(classifyArgument('{1,2}')).toEqual({ kind: 'literal', value: [[1, 2]] });
    expect(classifyArgument('$B$2')).toEqual({ kind: 'reference', sheet: null, address: 'B2' });
    expect(classifyArgument('Rates!a1:B4')).toEqual({ kind: 'reference', sheet: 'Rates', address: 'A1:B4' });
    expect(classifyArgument("'Sales Team'!F3")).toEqual({ kind: 'reference', sheet: 'Sales Team', address: 'F3' });
    expect(classifyArgument("'O''Brien'!A1")).toEqual({ kind: 'reference', sheet: "O'Brien", address: 'A1' });
    expect(classifyArgument('C:C')).toEqual({ kind: 'reference', sheet: null, address: 'C:C' });
    expect(classifyArgument('TierTable')).toEqual({ kind: 'name', name: 'TierTable' });
    expect(classifyArgument('B2*1.1')).toEqual({ kind: 'nested', text: 'B2*1.1' });
    expect(classifyArgument('SUM(A1:A3)')).toEqual({ kind: 'nested', text: 'SUM(A1:A3)' });
    expect(classifyArgument('-A1')).toEqual({ kind: 'nested', text: '-A1' });
    expect(parseReference('Sheet 1!A1')).toBeNull();
  });
});

describe('Excel values → engine cells', () => {
  it('maps empties, errors and 1×1 ranges as Excel passes them', () => {
    expect(cellFromExcel('', 'Empty')).toBeNull();
    expect(cellFromExcel(5, 'Double')).toBe(5);
    expect(cellFromExcel('#DIV/0!', 'Error')).toBeInstanceOf(PerfError);
    expect(argFromRange([[95000]], [['Double']])).toBe(95000);
    expect(argFromRange([[0, 0.02], ['', 0.04]], [['Double', 'Double'], ['Empty', 'Double']])).toEqual([
      [0, 0.02],
      [null, 0.04],
    ]);
  });
});

describe('explaining a typed formula', () => {
  const formula = '=PERF.TIERED(95000, {0,0.02;20000,0.04;40000,0.06}, "marginal")';
  const tiers = [
    [0, 0.02],
    [20000, 0.04],
    [40000, 0.06],
  ];

  it('TIERED from an array-constant formula: steps sum to the engine value', () => {
    const { call, explanation } = explainFormulaText(formula);
    expect(call.name).toBe('TIERED');
    const engine = tiered(95000, tiers, 'marginal')[0][0];
    expect(explanation.value).toBe(engine);
    expect(explanation.value).toBeCloseTo(20000 * 0.02 + 20000 * 0.04 + 55000 * 0.06, 9);
    expect(explanationAddsUp(explanation)).toBe(true);
    expect(sumOfAddSteps(explanation)).toBeCloseTo(engine as number, 9);
    const adds = explanation.steps.filter((s) => s.kind === 'add');
    expect(adds.map((s) => s.formula)).toEqual(['20,000 × 2%', '20,000 × 4%', '55,000 × 6%']);
    expect(stepLabel(adds[2], 'zh-CN')).toContain('第 3 档');
    expect(explanationLines(explanation, 'zh-CN').at(-1)).toBe('= 提成：400 + 800 + 3,300 = 4,500');
    expect(explanation).toEqual(explainCall('TIERED', [95000, tiers, 'marginal']));
  });

  it('retro method, percent literals and an omitted argument', () => {
    const { explanation } = explainFormulaText('=PERF.TIERED(30000, {0,2%;20000,4%}, "retro")');
    expect(explanation.value).toBeCloseTo(1200, 9);
    expect(explanationAddsUp(explanation)).toBe(true);
    const omitted = explainFormulaText('=PERF.TIERED(30000, {0,2%;20000,4%}, )').explanation;
    expect(omitted.value).toBeCloseTo(400 + 400, 9);
  });

  it('reports what it cannot explain', () => {
    const reason = (text: string) => {
      try {
        explainFormulaText(text);
        return 'ok';
      } catch (error) {
        return error instanceof ExplainProblem ? `${error.reason}:${error.detail}` : `other:${String(error)}`;
      }
    };
    expect(reason('')).toBe('empty:');
    expect(reason('=SUM(1,2)')).toBe('notPerf:=SUM(1,2)');
    expect(reason('=PERF.NOSUCH(1)')).toBe('unsupported:NOSUCH');
    expect(reason('=PERF.TIERED(A1, {0,0.02})')).toBe('needsExcel:A1');
    expect(reason('=PERF.TIERED(1000*2, {0,0.02})')).toBe('nested:1000*2');
    expect(() => explainableCall('=PERF.TIERED(1,2)')).not.toThrow();
  });

  it('an option is shown by its screen name, written in either language; a level named like an option is the user’s word', () => {
    for (const written of ['"marginal"', '"边际"', '" MARGINAL "']) {
      const { explanation } = explainFormulaText(`=PERF.TIERED(95000, {0,0.02;20000,0.04}, ${written})`);
      const method = explanation.steps.find((s) => s.key === 'tiered.method.marginal')!;
      expect(paneStepText(method, 'zh-CN')).toBe('超额累进');
      expect(paneStepText(method, 'en-US')).toBe('marginal');
    }
    const { explanation: ahp } = explainFormulaText('=PERF.AHP({1,3;0.3333333,1}, "几何平均")');
    expect(paneStepLabel(ahp.steps.find((s) => s.key === 'ahp.result')!, 'zh-CN')).toBe('第 1 个指标的权重（几何平均法）');
    // REBATE: the level is the user's own name, even when it reads like an option.
    const { explanation: rebate } = explainFormulaText('=PERF.REBATE(150000, {"","linear";0,0.01;100000,0.03}, "linear", "追溯")');
    expect(paneStepLabel(rebate.steps.find((s) => s.key === 'rebate.level')!, 'zh-CN')).toContain('"linear"');
    expect(rebate.value).toBeCloseTo(150000 * 0.03, 9);
  });

  it("throws the function's own error as a PerfError", () => {
    expect(() => explainFormulaText('=PERF.TIERED("x", {0,0.02})')).toThrow(PerfError);
  });

  it('the function’s error speaks the view’s language, like the steps', () => {
    let caught: unknown;
    try {
      explainFormulaText('=PERF.TIERED("x", {0,0.02})');
    } catch (error) {
      caught = error;
    }
    const error = caught as PerfError;
    expect(error.localized('en-US')).toBe('amount is text "x"; a number is required');
    expect(error.localized('zh-CN')).toBe('amount是文本 "x"；需要一个数字');
    const typed = parseLiteral('#N/A') as PerfError;
    expect([typed.message, typed.localized('zh-CN')]).toEqual(['the formula holds #N/A', '公式中含有 #N/A']);
    const input = cellFromExcel('#DIV/0!', 'Error') as PerfError;
    expect([input.message, input.localized('zh-CN')]).toEqual(['an input cell holds #DIV/0!', '某个输入单元格的值为 #DIV/0!']);
  });
});

describe('strings', () => {
  it('has every message in both languages', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const t = translatorFor(EXPLAIN_VIEW, locale);
      for (const reason of ['empty', 'notPerf', 'unsupported', 'nested', 'needsExcel', 'noSpill'] as const) {
        expect(problemText(t, reason, 'X').length).toBeGreaterThan(5);
      }
    }
    expect(problemText(translatorFor(EXPLAIN_VIEW, 'zh-CN'), 'nested', 'A1*2')).toMatch(/嵌套/);
    expect(problemText(translatorFor(EXPLAIN_VIEW, 'en-US'), 'nested', 'A1*2')).toMatch(/nested expressions yet/);
  });
});
