/**
 * The Plan builder's catalog-v2 writers (issue 11, item 3): the cells and the PERF formula
 * writeRebate, writePool and writeQuota put at the selection, and what they refuse before
 * touching the workbook.
 */
import { writePool } from '../../../addin/office/write-pool';
import { writeQuota } from '../../../addin/office/write-quota';
import { writeRebate } from '../../../addin/office/write-rebate';
import { blank, createExcelMock, rangesTouched } from './excel-mock';
import { DEFAULT_REBATE_SPEC_ZH } from '../support/rebate-ladder';

const LADDER = DEFAULT_REBATE_SPEC_ZH;

describe('writeRebate', () => {
  const RANGES = ['A1:D1', 'A2:D4', 'B2:D4', 'A6:B7', 'A7:B7', 'A8:A10', 'B8:B10'];

  it('writes the ladder, the volume, the levels and =PERF.REBATE with the method in the workbook’s language', async () => {
    const h = createExcelMock({ sheets: { Rebates: { ranges: blank(...RANGES) } }, selection: { address: 'Rebates!A1:C3' } });
    const result = await writeRebate(h.context, LADDER, { optionLocale: 'zh-CN', labels: { threshold: '起点', volume: '销量金额', level: '级别', rebate: '返利' } });
    expect(rangesTouched(h, 'Rebates')).toEqual(RANGES);
    const r = (address: string) => h.range('Rebates', address);
    expect(r('A1:D1').values).toEqual([['起点', '总代', '分销', '零售']]);
    expect(r('A1:D1').numberFormat).toEqual([['General', '@', '@', '@']]);
    expect(r('A2:D4').values).toEqual([
      [0, 0.01, 0.015, 0.02],
      [1_000_000, 0.02, 0.025, 0.03],
      [5_000_000, 0.03, 0.035, 0.04],
    ]);
    expect(r('A6:B7').formulas).toEqual([
      ['销量金额', 3_000_000],
      ['级别', '返利'],
    ]);
    expect(r('A8:A10').values).toEqual([['总代'], ['分销'], ['零售']]);
    expect(r('B8:B10').formulas).toEqual([['=PERF.REBATE(B6,A1:D4,A8:A10,"追溯")'], [''], ['']]);
    expect(result).toMatchObject({ sheet: 'Rebates', ladder: 'A1:D4', amount: 'B6', levels: 'A8:A10', result: 'B8', results: 'B8:B10', resultRef: 'Rebates!B8' });
  });

  it('writes the English code in an English workbook, and takes the volume from a reference', async () => {
    const h = createExcelMock({ sheets: { R: { ranges: blank(...RANGES) } } });
    const result = await writeRebate(h.context, { ...LADDER, method: 'marginal', amount: 'Sales!B2' }, { at: 'R!A1' });
    expect(h.range('R', 'A6:B7').formulas[0]).toEqual(['Volume', '=Sales!B2']);
    expect(result.formula).toBe('=PERF.REBATE(B6,A1:D4,A8:A10,"marginal")');
  });

  it('refuses a bad ladder before touching the workbook', async () => {
    const h = createExcelMock({ sheets: { R: {} }, selection: { address: 'R!A1' } });
    await expect(writeRebate(h.context, { ...LADDER, levels: [] })).rejects.toThrow(/at least one level/);
    await expect(writeRebate(h.context, { ...LADDER, levels: ['A', ' a ', 'B'] })).rejects.toThrow(/named twice/);
    await expect(writeRebate(h.context, { ...LADDER, rates: LADDER.rates.slice(1) })).rejects.toThrow(/3 thresholds but 2 rows/);
    await expect(writeRebate(h.context, { ...LADDER, rates: [[0.01], ...LADDER.rates.slice(1)] })).rejects.toThrow(/Row 1 has 1 rates for 3 levels/);
    await expect(writeRebate(h.context, { ...LADDER, method: 'flat' as never })).rejects.toThrow(/Unknown REBATE method/);
    expect(h.calls).toEqual([]);
  });
});

describe('writePool', () => {
  const PEOPLE = [
    { name: '销售部', share: 40 },
    { name: '运营部', share: 25 },
    { name: '1/2', share: 20 },
  ];

  it('writes the pool, cap and floor, the people and =PERF.POOL spilling beside the shares', async () => {
    const ranges = ['A1:B3', 'A1:A3', 'A5:C5', 'A6:A8', 'B6:B8', 'C6:C8'];
    const h = createExcelMock({ sheets: { Pool: { ranges: blank(...ranges) } }, selection: { address: 'Pool!A1' } });
    const result = await writePool(h.context, { pool: 1_000_000, cap: 350_000, floor: 80_000, people: PEOPLE });
    expect(rangesTouched(h, 'Pool')).toEqual(ranges);
    const r = (address: string) => h.range('Pool', address);
    expect(r('A1:B3').formulas).toEqual([
      ['Pool', 1_000_000],
      ['Cap', 350_000],
      ['Floor', 80_000],
    ]);
    expect(r('A5:C5').values).toEqual([['Name', 'Share', 'Amount']]);
    // Names are text as typed: "1/2" is no date.
    expect(r('A6:A8').numberFormat).toEqual([['@'], ['@'], ['@']]);
    expect(r('A6:A8').values).toEqual([['销售部'], ['运营部'], ['1/2']]);
    expect(r('B6:B8').values).toEqual([[40], [25], [20]]);
    expect(r('C6:C8').formulas).toEqual([['=PERF.POOL(B1,B6:B8,B2,B3)'], [''], ['']]);
    expect(result).toMatchObject({ inputs: { pool: 'B1', cap: 'B2', floor: 'B3' }, shares: 'B6:B8', result: 'C6', results: 'C6:C8', resultRef: 'Pool!C6' });
  });

  it('leaves out a cap or floor not given (an empty argument when the floor follows)', async () => {
    const floorOnly = createExcelMock({ sheets: { P: { ranges: blank('A1:B2', 'A1:A2', 'A4:C4', 'A5:A7', 'B5:B7', 'C5:C7') } } });
    const r1 = await writePool(floorOnly.context, { pool: 100, floor: 10, people: PEOPLE }, { at: 'P!A1', labels: { floor: '保底' } });
    expect(floorOnly.range('P', 'A1:B2').formulas).toEqual([
      ['Pool', 100],
      ['保底', 10],
    ]);
    expect(r1.formula).toBe('=PERF.POOL(B1,B5:B7,,B2)');
    const bare = createExcelMock({ sheets: { P: { ranges: blank('A1:B1', 'A1', 'A3:C3', 'A4:A6', 'B4:B6', 'C4:C6') } } });
    expect((await writePool(bare.context, { pool: 100, people: PEOPLE }, { at: 'P!A1' })).formula).toBe('=PERF.POOL(B1,B4:B6)');
  });

  it('refuses a pool without people or with a share that is no number', async () => {
    const h = createExcelMock({ sheets: { P: {} }, selection: { address: 'P!A1' } });
    await expect(writePool(h.context, { pool: 1, people: [] })).rejects.toThrow(/at least one person/);
    await expect(writePool(h.context, { pool: 1, people: [{ name: 'x', share: NaN }] })).rejects.toThrow(/share of row 1 must be a number/);
    expect(h.calls).toEqual([]);
  });
});

describe('writeQuota', () => {
  const WEIGHTS = [0.8, 0.6, 0.9, 1, 1, 0.9, 0.9, 1, 1.1, 1.2, 1.2, 1.4];
  const TARGETS = [
    { name: '华东区', annual: 8_000_000 },
    { name: '华南区', annual: 5_000_000 },
  ];

  it('writes the weights, the rounding, the targets, =PERF.QUOTASPLIT (n×12) and a sum per quarter', async () => {
    const ranges = ['C1:N1', 'A2', 'C2:N2', 'A3:B3', 'A5:R5', 'A6:A7', 'B6:B7', 'C6:N7', 'O6:R7'];
    const h = createExcelMock({ sheets: { Targets: { ranges: blank(...ranges) } }, selection: { address: 'Targets!A1' } });
    const result = await writeQuota(h.context, { weights: WEIGHTS, roundTo: 10_000, targets: TARGETS });
    expect(rangesTouched(h, 'Targets')).toEqual(ranges);
    const r = (address: string) => h.range('Targets', address);
    expect(r('C2:N2').values).toEqual([WEIGHTS]);
    expect(r('A3:B3').formulas).toEqual([['Round to', 10_000]]);
    expect(r('A5:R5').values[0].slice(0, 3)).toEqual(['Name', 'Annual target', 'Jan']);
    expect(r('A5:R5').values[0].slice(14)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(r('C6:N7').formulas[0][0]).toBe('=PERF.QUOTASPLIT(B6:B7,C2:N2,B3)');
    expect(r('C6:N7').formulas.flat().filter(Boolean)).toHaveLength(1);
    expect(r('O6:R7').formulas).toEqual([
      ['=SUM(C6:E6)', '=SUM(F6:H6)', '=SUM(I6:K6)', '=SUM(L6:N6)'],
      ['=SUM(C7:E7)', '=SUM(F7:H7)', '=SUM(I7:K7)', '=SUM(L7:N7)'],
    ]);
    expect(result).toMatchObject({ weights: 'C2:N2', roundTo: 'B3', annual: 'B6:B7', result: 'C6', months: 'C6:N7', quarters: 'O6:R7', resultRef: 'Targets!C6' });
  });

  it('without a rounding step: no row and no argument', async () => {
    const ranges = ['C1:N1', 'A2', 'C2:N2', 'A4:R4', 'A5', 'B5', 'C5:N5', 'O5:R5'];
    const h = createExcelMock({ sheets: { T: { ranges: blank(...ranges) } } });
    const result = await writeQuota(h.context, { weights: WEIGHTS, targets: TARGETS.slice(0, 1) }, { at: 'T!A1' });
    expect(rangesTouched(h, 'T')).toEqual(ranges);
    expect(result.formula).toBe('=PERF.QUOTASPLIT(B5,C2:N2)');
  });

  it('refuses anything but twelve numeric weights and numeric targets', async () => {
    const h = createExcelMock({ sheets: { T: {} }, selection: { address: 'T!A1' } });
    await expect(writeQuota(h.context, { weights: WEIGHTS.slice(1), targets: TARGETS })).rejects.toThrow(/12 monthly weights/);
    await expect(writeQuota(h.context, { weights: [...WEIGHTS.slice(1), NaN], targets: TARGETS })).rejects.toThrow(/month 12 must be a number/);
    await expect(writeQuota(h.context, { weights: WEIGHTS, targets: [] })).rejects.toThrow(/at least one annual target/);
    expect(h.calls).toEqual([]);
  });
});

describe("writePlan: TIERED's method in the workbook's language", () => {
  it('writes "边际" in a Chinese workbook and "retro" in an English one', async () => {
    const { writePlan } = await import('../../../addin/office/write-plan');
    const tiers = [
      { threshold: 0, rate: 0.02 },
      { threshold: 100000, rate: 0.04 },
    ];
    const ranges = blank('A1:B1', 'A2:B3', 'B2:B3', 'A5:B6', 'A6');
    const zh = createExcelMock({ sheets: { P: { ranges } } });
    expect((await writePlan(zh.context, { kind: 'tiered', tiers, amount: 1, method: 'marginal' }, { at: 'P!A1', optionLocale: 'zh-CN' })).formula).toBe('=PERF.TIERED(B5,A2:B3,"边际")');
    const en = createExcelMock({ sheets: { P: { ranges: blank('A1:B1', 'A2:B3', 'B2:B3', 'A5:B6', 'A6') } } });
    expect((await writePlan(en.context, { kind: 'tiered', tiers, amount: 1, method: 'retro' }, { at: 'P!A1' })).formula).toBe('=PERF.TIERED(B5,A2:B3,"retro")');
  });
});
