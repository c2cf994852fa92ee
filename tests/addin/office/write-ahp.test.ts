/** Weights → AHP block: the exact ranges, values, formulas and formats writeAhp writes. */
import { ahpMatrixFormulas, writeAhp } from '../../../addin/office/write-ahp';
import { blank, createExcelMock, rangesTouched } from './excel-mock';

const AT_B2 = ['B2:F2', 'B3:B5', 'C3:E5', 'F3', 'F3:F5', 'B6', 'C6'];

describe('writeAhp', () => {
  it('writes labels, the reciprocal matrix and PERF.AHP / PERF.AHPCR at the selection', async () => {
    const h = createExcelMock({
      sheets: { Sheet1: {}, Weights: { ranges: blank(...AT_B2) } },
      selection: { address: 'Weights!B2:D4' },
    });
    const result = await writeAhp(h.context, {
      criteria: ['Cost', 'Speed', 'Risk'],
      matrix: [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ],
    });

    expect(rangesTouched(h, 'Weights')).toEqual(AT_B2);
    const r = (address: string) => h.range('Weights', address);
    expect(r('B2:F2').values).toEqual([['AHP', 'Cost', 'Speed', 'Risk', 'Weight']]);
    expect(r('B2:F2').format.font.bold).toBe(true);
    expect(r('B3:B5').values).toEqual([['Cost'], ['Speed'], ['Risk']]);
    expect(r('B3:B5').format.font.bold).toBe(true);
    expect(r('C3:E5').formulas).toEqual([
      [1, 3, 5],
      ['=1/D3', 1, 2],
      ['=1/E3', '=1/E4', 1],
    ]);
    expect(r('F3').formulas).toEqual([['=PERF.AHP(C3:E5)']]);
    expect(r('F3:F5').numberFormat).toEqual([['0.0%'], ['0.0%'], ['0.0%']]);
    expect(r('B6').values).toEqual([['CR']]);
    expect(r('C6').formulas).toEqual([['=PERF.AHPCR(C3:E5)']]);
    expect(r('C6').numberFormat).toEqual([['0.000']]);

    expect(result).toEqual({
      sheet: 'Weights',
      header: 'B2:F2',
      labels: 'B3:B5',
      matrix: 'C3:E5',
      weightsFormula: 'F3',
      weights: 'F3:F5',
      crLabel: 'B6',
      cr: 'C6',
      matrixRef: 'Weights!C3:E5',
    });
    expect(h.callsOf('worksheets.getItem').map((c) => c.args)).toEqual([['Weights']]);
    // One sync to read the selection, one to write.
    expect(h.syncs()).toBe(2);
  });

  it('writes at an explicit address with a method, localized labels and formats; defaults to equal judgments', async () => {
    const ranges = ['A1:D1', 'A2:A3', 'B2:C3', 'D2', 'D2:D3', 'A4', 'B4'];
    const h = createExcelMock({ sheets: { '权重 表': { ranges: blank(...ranges) } } });
    const result = await writeAhp(h.context, {
      criteria: ['质量', '成本'],
      method: 'geomean',
      at: "'权重 表'!A1",
      labels: { corner: '层次分析', weight: '权重', cr: '一致性比率' },
      weightFormat: '0.00%',
      crFormat: '0.0000',
    });
    const r = (address: string) => h.range('权重 表', address);
    expect(rangesTouched(h, '权重 表')).toEqual(ranges);
    expect(r('A1:D1').values).toEqual([['层次分析', '质量', '成本', '权重']]);
    expect(r('B2:C3').formulas).toEqual([
      [1, 1],
      ['=1/C2', 1],
    ]);
    expect(r('D2').formulas).toEqual([['=PERF.AHP(B2:C3,"geomean")']]);
    expect(r('D2:D3').numberFormat).toEqual([['0.00%'], ['0.00%']]);
    expect(r('A4').values).toEqual([['一致性比率']]);
    expect(r('B4').formulas).toEqual([['=PERF.AHPCR(B2:C3)']]);
    expect(r('B4').numberFormat).toEqual([['0.0000']]);
    expect(result.matrixRef).toBe("'权重 表'!B2:C3");
    // The sheet was named: no selection read, a single sync.
    expect(h.callsOf('getSelectedRange')).toEqual([]);
    expect(h.syncs()).toBe(1);
  });

  it('uses the active sheet for an unqualified address', async () => {
    const h = createExcelMock({
      sheets: { Other: {}, Active: { ranges: blank('C10:F10', 'C11:C12', 'D11:E12', 'F11', 'F11:F12', 'C13', 'D13') } },
      active: 'Active',
    });
    const result = await writeAhp(h.context, { criteria: ['A', 'B'], at: 'C10' });
    expect(result.sheet).toBe('Active');
    expect(result.matrixRef).toBe('Active!D11:E12');
    expect(h.range('Active', 'F11').formulas).toEqual([['=PERF.AHP(D11:E12)']]);
  });

  it('refuses bad input before writing anything', async () => {
    const h = createExcelMock({ sheets: { Weights: {} }, selection: { address: 'Weights!A1' } });
    await expect(writeAhp(h.context, { criteria: ['Only'] })).rejects.toThrow(/at least two/);
    await expect(writeAhp(h.context, { criteria: ['A', 'B'], method: 'power' as never })).rejects.toThrow(/Unknown AHP method/);
    await expect(writeAhp(h.context, { criteria: ['A', 'B'], matrix: [[1, 2]] })).rejects.toThrow(/2×2/);
    await expect(writeAhp(h.context, { criteria: ['A', 'B'], matrix: [[1, -2], [1, 1]] })).rejects.toThrow(/positive number/);
    await expect(writeAhp(h.context, { criteria: ['A', 'B'], matrix: [[2, 2], [1, 1]] })).rejects.toThrow(/diagonal must be 1/);
    expect(h.calls).toEqual([]);
  });
});

describe('ahpMatrixFormulas', () => {
  it('ignores the lower triangle it is given and references the mirror cell', () => {
    expect(ahpMatrixFormulas(3, 0, 0, [
      [1, 2, 4],
      [99, 1, 3],
      [99, 99, 1],
    ])).toEqual([
      [1, 2, 4],
      ['=1/B1', 1, 3],
      ['=1/C1', '=1/C2', 1],
    ]);
  });
});
