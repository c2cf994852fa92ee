/** Plan builder: the plan table, its inputs and the PERF formula writePlan writes. */
import { inputFormula, writePlan } from '../../../addin/office/write-plan';
import { blank, createExcelMock, rangesTouched } from './excel-mock';

const TIERS = [
  { threshold: 0, rate: 0.02 },
  { threshold: 100000, rate: 0.04 },
  { threshold: 250000, rate: 0.06 },
];
const CURVE = [
  { attainment: 0.8, factor: 0.5 },
  { attainment: 1, factor: 1 },
  { attainment: 1.2, factor: 1.5 },
];

describe('writePlan: tiered', () => {
  const RANGES = ['A1:B1', 'A2:B4', 'B2:B4', 'A6:B7', 'A7'];

  it('writes the tiers table, the amount and =PERF.TIERED at the selection', async () => {
    const h = createExcelMock({ sheets: { Plan: { ranges: blank(...RANGES) } }, selection: { address: 'Plan!A1:C3' } });
    const result = await writePlan(h.context, { kind: 'tiered', tiers: TIERS, amount: 180000 });

    expect(rangesTouched(h, 'Plan')).toEqual(RANGES);
    const r = (address: string) => h.range('Plan', address);
    expect(r('A1:B1').values).toEqual([['Threshold', 'Rate']]);
    expect(r('A1:B1').format.font.bold).toBe(true);
    expect(r('A2:B4').values).toEqual([[0, 0.02], [100000, 0.04], [250000, 0.06]]);
    expect(r('B2:B4').numberFormat).toEqual([['0.0%'], ['0.0%'], ['0.0%']]);
    expect(r('A6:B7').formulas).toEqual([
      ['Amount', 180000],
      ['Commission', '=PERF.TIERED(B6,A2:B4)'],
    ]);
    expect(r('A7').format.font.bold).toBe(true);
    expect(result).toEqual({
      sheet: 'Plan',
      header: 'A1:B1',
      table: 'A2:B4',
      parameters: 'A6:B7',
      inputs: { amount: 'B6' },
      result: 'B7',
      formula: '=PERF.TIERED(B6,A2:B4)',
      resultRef: 'Plan!B7',
    });
  });

  it('passes the method and takes the amount from a reference', async () => {
    const h = createExcelMock({ sheets: { Plan: { ranges: blank(...RANGES) } }, selection: { address: 'Plan!A1' } });
    const result = await writePlan(h.context, { kind: 'tiered', tiers: TIERS, amount: "'Sales data'!C2", method: 'retro' });
    expect(h.range('Plan', 'A6:B7').formulas).toEqual([
      ['Amount', "='Sales data'!C2"],
      ['Commission', '=PERF.TIERED(B6,A2:B4,"retro")'],
    ]);
    expect(result.formula).toBe('=PERF.TIERED(B6,A2:B4,"retro")');
  });
});

describe('writePlan: payout', () => {
  it('writes the curve, the inputs and =PERF.PAYOUT with gate and cap at an address', async () => {
    const ranges = ['D3:E3', 'D4:E6', 'D8:E12', 'D12'];
    const h = createExcelMock({ sheets: { 'Q1 plan': { ranges: blank(...ranges) } } });
    const result = await writePlan(
      h.context,
      { kind: 'payout', curve: CURVE, attainment: 1.05, targetIncentive: 10000, gate: 0.8, cap: 1.5 },
      { at: "'Q1 plan'!D3" },
    );
    expect(rangesTouched(h, 'Q1 plan')).toEqual(ranges);
    const r = (address: string) => h.range('Q1 plan', address);
    expect(r('D3:E3').values).toEqual([['Attainment', 'Payout factor']]);
    expect(r('D4:E6').values).toEqual([[0.8, 0.5], [1, 1], [1.2, 1.5]]);
    expect(r('D8:E12').formulas).toEqual([
      ['Attainment', 1.05],
      ['Target incentive', 10000],
      ['Gate', 0.8],
      ['Cap', 1.5],
      ['Payout', '=PERF.PAYOUT(E8,D4:E6,E9,E10,E11)'],
    ]);
    expect(result.inputs).toEqual({ attainment: 'E8', targetIncentive: 'E9', gate: 'E10', cap: 'E11' });
    expect(result.resultRef).toBe("'Q1 plan'!E12");
  });

  it('leaves an omitted gate empty in the formula when a cap follows, and drops trailing ones', async () => {
    const capOnly = createExcelMock({ sheets: { P: { ranges: blank('A1:B1', 'A2:B4', 'A6:B9', 'A9') } } });
    const withCap = await writePlan(capOnly.context, { kind: 'payout', curve: CURVE, attainment: '=Data!B2', targetIncentive: 5000, cap: 2 }, { at: 'P!A1' });
    expect(capOnly.range('P', 'A6:B9').formulas).toEqual([
      ['Attainment', '=Data!B2'],
      ['Target incentive', 5000],
      ['Cap', 2],
      ['Payout', '=PERF.PAYOUT(B6,A2:B4,B7,,B8)'],
    ]);
    expect(withCap.formula).toBe('=PERF.PAYOUT(B6,A2:B4,B7,,B8)');

    const bare = createExcelMock({ sheets: { P: { ranges: blank('A1:B1', 'A2:B4', 'A6:B8', 'A8') } } });
    const plain = await writePlan(bare.context, { kind: 'payout', curve: CURVE, attainment: 1, targetIncentive: 5000 }, { at: 'P!A1' });
    expect(plain.formula).toBe('=PERF.PAYOUT(B6,A2:B4,B7)');
    expect(bare.range('P', 'A6:B8').formulas[2]).toEqual(['Payout', '=PERF.PAYOUT(B6,A2:B4,B7)']);
    // No rate column on a curve.
    expect(bare.callsOf('getRange').map((c) => c.args[0])).not.toContain('B2:B4');
  });

  it('uses localized labels', async () => {
    const h = createExcelMock({ sheets: { P: { ranges: blank('A1:B1', 'A2:B4', 'A6:B8', 'A8') } } });
    await writePlan(
      h.context,
      { kind: 'payout', curve: CURVE, attainment: 1, targetIncentive: 1 },
      { at: 'P!A1', labels: { attainment: '达成率', factor: '系数', targetIncentive: '目标奖金', payout: '奖金' } },
    );
    expect(h.range('P', 'A1:B1').values).toEqual([['达成率', '系数']]);
    expect(h.range('P', 'A6:B8').formulas.map((row: unknown[]) => row[0])).toEqual(['达成率', '目标奖金', '奖金']);
  });
});

describe('writePlan: validation', () => {
  it('refuses bad plans before touching the workbook', async () => {
    const h = createExcelMock({ sheets: { P: {} }, selection: { address: 'P!A1' } });
    await expect(writePlan(h.context, { kind: 'tiered', tiers: [], amount: 1 })).rejects.toThrow(/at least one tier/);
    await expect(writePlan(h.context, { kind: 'tiered', tiers: TIERS, amount: 1, method: 'flat' as never })).rejects.toThrow(/Unknown TIERED method/);
    await expect(writePlan(h.context, { kind: 'tiered', tiers: [{ threshold: 0, rate: NaN }], amount: 1 })).rejects.toThrow(/rate must be a number/);
    await expect(writePlan(h.context, { kind: 'payout', curve: [], attainment: 1, targetIncentive: 1 })).rejects.toThrow(/at least one curve point/);
    await expect(writePlan(h.context, { kind: 'payout', curve: CURVE, attainment: ' ', targetIncentive: 1 })).rejects.toThrow(/attainment must be/);
    await expect(writePlan(h.context, { kind: 'bonus' } as never)).rejects.toThrow(/Unknown plan kind/);
    expect(h.calls).toEqual([]);
  });

  it('turns inputs into cell contents', () => {
    expect(inputFormula(5, 'x')).toBe(5);
    expect(inputFormula('B2', 'x')).toBe('=B2');
    expect(inputFormula(' =B2*2 ', 'x')).toBe('=B2*2');
    expect(() => inputFormula(Infinity, 'The amount')).toThrow(/The amount must be a number/);
    expect(() => inputFormula('=', 'The amount')).toThrow(/reference or a formula/);
  });
});
