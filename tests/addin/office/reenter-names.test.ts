/**
 * After an insert, PERF cells that read #NAME? are entered again (Excel does not rebind add-in
 * names in inserted sheets on every host): which cells qualify, how they are grouped into few
 * writes, and insertTemplate doing it on each inserted sheet against office-addin-mock.
 */
import { blockAddress, callsPerf, perfNameErrorBlocks } from '../../../addin/office/reenter-names';
import { insertTemplate } from '../../../addin/office/insert-template';
import { blank, createExcelMock, rangesTouched } from './excel-mock';

const NAME = '#NAME?';

describe('callsPerf', () => {
  it('is true for a formula calling a PERF function, typed or in the stored _xldudf_ form', () => {
    expect(callsPerf('=PERF.TIERED(B2:B200,Tiers!A2:B7)')).toBe(true);
    expect(callsPerf('=SUM(perf.normalize(B2:B6))')).toBe(true);
    expect(callsPerf('=_xldudf_PERF_TIERED(B2:B9,Tiers!A2:B7)')).toBe(true);
  });

  it('is false for constants, other functions, names that merely look alike and text in quotes', () => {
    expect(callsPerf('PERF.TIERED(B2)')).toBe(false); // a constant (no "=")
    expect(callsPerf(42)).toBe(false);
    expect(callsPerf('=SUM(B2:B9)')).toBe(false);
    expect(callsPerf('=PERFORMANCE(B2)')).toBe(false);
    expect(callsPerf('=MYPERF.X(B2)')).toBe(false);
    expect(callsPerf('="PERF.TIERED(" & B2')).toBe(false);
  });
});

describe('perfNameErrorBlocks', () => {
  const T = '=PERF.TIERED(B2,Tiers!$A$2:$B$7)';
  const S = '=PERF.STATUS(C2)';

  it('takes only PERF cells whose value is #NAME?', () => {
    const formulas = [[T, T, '=FOO(1)', '="PERF.X("&A1', 5]];
    const values = [[NAME, 120, NAME, NAME, 5]];
    expect(perfNameErrorBlocks(formulas, values)).toEqual([{ row: 0, col: 0, formulas: [[T]] }]);
  });

  it('writes a run of adjacent cells in a row at once', () => {
    expect(perfNameErrorBlocks([['x', T, S, 'y', T]], [['x', NAME, NAME, 'y', NAME]])).toEqual([
      { row: 0, col: 1, formulas: [[T, S]] },
      { row: 0, col: 4, formulas: [[T]] },
    ]);
  });

  it('stacks runs over the same columns in consecutive rows into one block', () => {
    const formulas = [
      ['h', 'h', 'h'],
      [T, S, 1],
      [T, S, 2],
      [T, 3, 4],
      [T, S, 5],
    ];
    const values = formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? NAME : f)));
    expect(perfNameErrorBlocks(formulas, values)).toEqual([
      { row: 1, col: 0, formulas: [[T, S], [T, S]] },
      { row: 3, col: 0, formulas: [[T]] },
      { row: 4, col: 0, formulas: [[T, S]] },
    ]);
  });

  it('writes a stored _xldudf_ call back in the form a user types', () => {
    expect(perfNameErrorBlocks([['=_xldudf_PERF_NORMALIZE(B2:B6)']], [[NAME]])).toEqual([{ row: 0, col: 0, formulas: [['=PERF.NORMALIZE(B2:B6)']] }]);
  });

  it('finds nothing on a blank sheet', () => {
    expect(perfNameErrorBlocks([['']], [['']])).toEqual([]);
  });

  it('addresses a block from the used range’s top-left cell (0-based indexes)', () => {
    expect(blockAddress({ row: 0, col: 0, formulas: [[T]] }, 0, 0)).toBe('A1');
    expect(blockAddress({ row: 1, col: 2, formulas: [[T, S], [T, S]] }, 3, 1)).toBe('D5:E6');
    expect(blockAddress({ row: 0, col: 0, formulas: [[T]] }, 9, 26)).toBe('AA10');
  });
});

describe('insertTemplate re-enters #NAME? PERF cells', () => {
  const BASE64 = 'UEsDBBQAAAAIAA==';

  it('writes each #NAME? PERF cell’s own formula back, in one write per block, and touches nothing else', async () => {
    const tiered = '=PERF.TIERED(B3:B5,Tiers!A2:B7)';
    const h = createExcelMock({
      sheets: { Plan: {} },
      inserts: [
        {
          id: 'p',
          name: 'Plan (2)',
          // Used range B2:E5: a header row, a spilled PERF column that failed, one PERF cell
          // that works, a misspelt non-PERF function, and text that only mentions PERF.
          usedRange: {
            rowIndex: 1,
            columnIndex: 1,
            formulas: [
              ['Amount', 'Commission', 'Status', 'Note'],
              [100, tiered, '=PERF.STATUS(C3)', '="see PERF.TIERED("'],
              [200, '', '=PERF.STATUS(C4)', '=FOOO(1)'],
              [300, '', '=SUM(C3:C4)', ''],
            ],
            values: [
              ['Amount', 'Commission', 'Status', 'Note'],
              [100, NAME, NAME, NAME],
              [200, '', 'green', NAME],
              [300, '', NAME, ''],
            ],
          },
          ranges: blank('C3:D3', 'D4', 'D5', 'E3', 'E4'),
        },
        { id: 't', name: 'Tiers', usedRange: { rowIndex: 0, columnIndex: 0, formulas: [['From', 'Rate']], values: [['From', 'Rate']] } },
      ],
    });
    const inserted = await insertTemplate(h.context, BASE64, { sheetNames: ['Plan', 'Tiers'] });

    expect(inserted.map((s) => s.name)).toEqual(['Plan (2)', 'Tiers']);
    expect(h.callsOf('getUsedRange').map((c) => [c.sheet, c.args])).toEqual([
      ['Plan (2)', [true]],
      ['Tiers', [true]],
    ]);
    // The #NAME? PERF cells C3 and D3 (one row run); D4 works; D5 is SUM; E3 and E4 are not PERF.
    expect(rangesTouched(h, 'Plan (2)')).toEqual(['C3:D3']);
    expect(h.range('Plan (2)', 'C3:D3').formulas).toEqual([[tiered, '=PERF.STATUS(C3)']]);
    // Declared empty: a write would have set `formulas`.
    for (const untouched of ['D4', 'D5', 'E3', 'E4']) expect(h.range('Plan (2)', untouched).formulas).toBeUndefined();
    expect(rangesTouched(h, 'Tiers')).toEqual([]);
  });

  it('re-enters before renaming, so formulas naming inserted sheets are renamed with them', async () => {
    // Excel called the copy "Plan (3)"; ours is "Plan (2)". The write must be queued while the
    // sheet still has the name the formulas were read with.
    const h = createExcelMock({
      sheets: { Plan: {} },
      inserts: [{ id: 'p', name: 'Plan (3)', usedRange: { rowIndex: 0, columnIndex: 0, formulas: [["=PERF.NORMALIZE('Plan (3)'!B2:B6)"]], values: [[NAME]] }, ranges: blank('A1') }],
    });
    await insertTemplate(h.context, BASE64, { sheetNames: ['Plan'] });
    const write = h.calls.findIndex((c) => c.method === 'getRange' && c.args[0] === 'A1');
    expect(write).toBeGreaterThanOrEqual(0);
    expect(h.calls[write].sheet).toBe('Plan (3)');
    expect(h.range('Plan (2)', 'A1').formulas).toEqual([["=PERF.NORMALIZE('Plan (3)'!B2:B6)"]]);
  });

  it('adds no round trip: the cells are read with the inserted names and written with the renames', async () => {
    const h = createExcelMock({
      sheets: { Data: {} },
      inserts: [{ id: 'p', name: 'Plan', usedRange: { rowIndex: 0, columnIndex: 0, formulas: [['=PERF.ROC(B1:B4)']], values: [[NAME]] }, ranges: blank('A1') }],
    });
    await insertTemplate(h.context, BASE64, { sheetNames: ['Plan'], activate: false });
    // Existing names, insert, inserted names and cells, writes.
    expect(h.syncs()).toBe(4);
    expect(h.range('Plan', 'A1').formulas).toEqual([['=PERF.ROC(B1:B4)']]);
  });

  it('syncs no fourth time when nothing needs renaming, activating or re-entering', async () => {
    const h = createExcelMock({ sheets: { Data: {} }, inserts: [{ id: 'p', name: 'Plan' }] });
    await insertTemplate(h.context, BASE64, { sheetNames: ['Plan'], activate: false });
    expect(h.syncs()).toBe(3);
    expect(h.callsOf('getRange')).toEqual([]);
  });
});
