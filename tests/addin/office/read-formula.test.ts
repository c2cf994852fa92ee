/** Explain: reading the selected cell's formula (top-left cell of the selection). */
import { perfFunctionsIn, readSelectedFormula } from '../../../addin/office/read-formula';
import { createExcelMock } from './excel-mock';

describe('readSelectedFormula', () => {
  it("reads the selection's top-left cell: address, formula, value and PERF functions", async () => {
    const h = createExcelMock({
      sheets: { Plan: {} },
      selection: {
        address: 'Plan!B7:C9',
        cell: {
          address: 'Plan!B7',
          formulas: [['=PERF.TIERED(B6,A2:B4,"retro")+perf.payout(B1,A1:B2,1)']],
          values: [[7200]],
        },
      },
    });
    expect(await readSelectedFormula(h.context)).toEqual({
      address: 'Plan!B7',
      formula: '=PERF.TIERED(B6,A2:B4,"retro")+perf.payout(B1,A1:B2,1)',
      value: 7200,
      perfFunctions: ['TIERED', 'PAYOUT'],
    });
    expect(h.callsOf('selection.getCell').map((c) => c.args)).toEqual([[0, 0]]);
    expect(h.syncs()).toBe(1);
  });

  it('returns a null formula for a constant or an empty cell', async () => {
    for (const [content, value] of [[42, 42], ['', ''], ['text', 'text']] as const) {
      const h = createExcelMock({
        sheets: { S: {} },
        selection: { address: 'S!A1', cell: { address: 'S!A1', formulas: [[content]], values: [[value]] } },
      });
      expect(await readSelectedFormula(h.context)).toEqual({ address: 'S!A1', formula: null, value, perfFunctions: [] });
    }
  });

  it('does not read properties it did not load (office-addin-mock would answer with an error string)', async () => {
    const h = createExcelMock({
      sheets: { S: {} },
      selection: { address: 'S!A1', cell: { address: 'S!A1', formulas: [['=1+1']], values: [[2]], numberFormat: [['0']] } },
    });
    const result = await readSelectedFormula(h.context);
    expect(JSON.stringify(result)).not.toMatch(/Error, /);
    expect(h.mock.workbook.selection.cell.numberFormat).toBe('Error, property was not loaded');
  });
});

describe('perfFunctionsIn', () => {
  it('lists each PERF function once, in order, ignoring string literals and other namespaces', () => {
    expect(perfFunctionsIn('=PERF.AHP(C3:E5)')).toEqual(['AHP']);
    expect(perfFunctionsIn('=SUM(PERF.SCORECARD(A1:B2,C1:D1,E1:F1)) * PERF.AHPCR (C3:E5) + PERF.AHP(X1:Y2)')).toEqual(['SCORECARD', 'AHPCR', 'AHP']);
    expect(perfFunctionsIn('="PERF.AHP(" & PERF.STATUS(A1) & "PERF.CURVE("""')).toEqual(['STATUS']);
    expect(perfFunctionsIn('=XPERF.AHP(A1)+MYPERF.CURVE(A1)')).toEqual([]);
    expect(perfFunctionsIn('=SUM(A1:A3)')).toEqual([]);
  });
});
