/**
 * Compare plans in Excel on office-addin-mock: the sheet is copied (never the original written
 * to), the copy edited, the workbook recalculated and both sides read and compared with
 * calc/compare.ts — the same comparison as `perfplan compare`.
 */
import { comparePlanSheets, copyPlanSheet, deletePlanCopy, isColumnsIssue, planColumns, readCeilings } from '../../../addin/office/compare-plans';
import { createExcelMock, Harness, withNames } from './excel-mock';

const KEYS = [['Ann'], ['Bob'], ['Cai']];
const VALUES = [[1000], [2000], [3000]];
const TYPES = [['Double'], ['Double'], ['Double']];
const STRINGS = [['String'], ['String'], ['String']];

function workbook(copyValues: unknown[][] = VALUES, copyKeys: unknown[][] = KEYS, copyTypes: string[][] = TYPES): Harness {
  const h = createExcelMock({
    sheets: {
      Team: {
        ranges: {
          'A2:A4': { values: KEYS, valueTypes: STRINGS, formulas: KEYS },
          'C2:C4': { values: VALUES, valueTypes: TYPES, formulas: [['=B2*2'], ['=B3*2'], ['=B4*2']] },
        },
      },
      Other: {},
    },
    addable: {
      'Team (2)': {
        ranges: {
          'A2:A4': { values: copyKeys, valueTypes: STRINGS },
          'C2:C4': { values: copyValues, valueTypes: copyTypes },
        },
      },
    },
  });
  // What the mock cannot model: Worksheet.copy (Excel names the copy "Team (2)") and delete.
  const original = h.sheet('Team');
  original.copy = (position: unknown) => {
    h.calls.push({ method: 'worksheet.copy', sheet: 'Team', args: [position] });
    return h.mock.workbook.worksheets.add('Team (2)');
  };
  return h;
}

/** The original's cells as Excel would report them now (loaded and synced). */
async function snapshot(h: Harness): Promise<string> {
  const keys = h.range('Team', 'A2:A4');
  const values = h.range('Team', 'C2:C4');
  keys.load('values, formulas, valueTypes');
  values.load('values, formulas, valueTypes');
  await h.mock.sync();
  return JSON.stringify([keys.values, keys.formulas, keys.valueTypes, values.values, values.formulas, values.valueTypes]);
}

describe('planColumns', () => {
  it('takes two one-column selections of one sheet over the same rows', () => {
    expect(planColumns('Team!A2:A4', 'Team!C2:C4')).toEqual({ sheet: 'Team', keys: 'A2:A4', values: 'C2:C4' });
    expect(planColumns("'Sales Team'!A2:A4", "'Sales Team'!$C$2:$C$4")).toEqual({ sheet: 'Sales Team', keys: 'A2:A4', values: '$C$2:$C$4' });
  });

  it('names what is wrong', () => {
    expect(planColumns('Team!A2:B4', 'Team!C2:C4')).toEqual({ kind: 'notOneColumn', address: 'Team!A2:B4' });
    expect(planColumns('Team!A2:A4', 'Other!C2:C4')).toMatchObject({ kind: 'differentSheets' });
    expect(planColumns('Team!A2:A4', 'Team!C2:C5')).toMatchObject({ kind: 'differentRows' });
    expect(planColumns('Team!A2:A4', 'nonsense')).toMatchObject({ kind: 'notAddress', address: 'nonsense' });
    expect(planColumns('A2:A4', 'Team!C2:C4')).toMatchObject({ kind: 'noSheet' });
    expect(isColumnsIssue(planColumns('Team!A2:A4', 'Team!C2:C4'))).toBe(false);
  });
});

describe('copyPlanSheet', () => {
  it('copies the sheet to the end under a free name, activates the copy, and writes nothing to the original', async () => {
    const h = workbook();
    const before = await snapshot(h);
    const name = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    expect(name).toBe('Team (2)');
    expect(h.callsOf('worksheet.copy')).toEqual([{ method: 'worksheet.copy', sheet: 'Team', args: ['End'] }]);
    expect(h.callsOf('activate').map((c) => c.sheet)).toEqual(['Team (2)']);
    expect(h.sheetNames()).toEqual(['Team', 'Other', 'Team (2)']);
    expect(await snapshot(h)).toBe(before);
    expect(h.callsOf('getRange').filter((c) => c.sheet === 'Team')).toEqual([]);
  });
});

describe('comparePlanSheets', () => {
  it('recalculates, reads both sheets and compares them as perfplan compare does', async () => {
    const h = workbook([[1000], [2500], [2700]]);
    const before = await snapshot(h);
    const copy = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    const result = await comparePlanSheets(h.context, { sheet: 'Team', keys: 'A2:A4', values: 'C2:C4' }, copy);
    if (!result.ok) throw new Error('expected a comparison');
    const { comparison } = result;
    expect(h.callsOf('application.calculate')).toHaveLength(1);
    expect(comparison.totals).toMatchObject({ a: 6000, b: 6200, delta: 200 });
    expect(comparison.winners.map((p) => [p.key, p.delta])).toEqual([['Bob', 500]]);
    expect(comparison.losers.map((p) => [p.key, p.delta])).toEqual([['Cai', -300]]);
    expect(comparison.unchanged.map((p) => p.key)).toEqual(['Ann']);
    expect(comparison.people[1]).toMatchObject({ cellA: 'Team!C3', cellB: 'Team (2)!C3', deltaPercent: 0.25 });
    // The original was only read: same values, same formulas, never renamed, activated or deleted.
    expect(await snapshot(h)).toBe(before);
    expect(h.callsOf('activate').some((c) => c.sheet === 'Team')).toBe(false);
  });

  it('finds joiners and leavers when the copy swaps a person', async () => {
    const h = workbook(VALUES, [['Ann'], ['Bob'], ['Dee']]);
    const copy = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    const result = await comparePlanSheets(h.context, { sheet: 'Team', keys: 'A2:A4', values: 'C2:C4' }, copy);
    if (!result.ok) throw new Error('expected a comparison');
    expect(result.comparison.leavers.map((p) => p.key)).toEqual(['Cai']);
    expect(result.comparison.joiners.map((p) => p.key)).toEqual(['Dee']);
    expect(result.comparison.totals).toMatchObject({ deltaJoiners: 3000, deltaLeavers: -3000, delta: 0 });
  });

  it('reports an error cell of the copy as an error, not as text', async () => {
    const h = workbook([[1000], ['#DIV/0!'], [3000]], KEYS, [['Double'], ['Error'], ['Double']]);
    const copy = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    const result = await comparePlanSheets(h.context, { sheet: 'Team', keys: 'A2:A4', values: 'C2:C4' }, copy);
    expect(result).toEqual({ ok: false, problemsA: [], problemsB: [{ kind: 'error', cell: 'Team (2)!C3', code: '#DIV/0!' }] });
  });

  it('waits while a PERF function still shows #BUSY!', async () => {
    const h = workbook([[1000], ['#BUSY!'], [3000]], KEYS, [['Double'], ['Error'], ['Double']]);
    const copy = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    let waits = 0;
    const sleep = async () => {
      waits++;
      h.range('Team (2)', 'C2:C4').values = [[1000], [2000], [3000]];
      h.range('Team (2)', 'C2:C4').valueTypes = TYPES;
    };
    const result = await comparePlanSheets(h.context, { sheet: 'Team', keys: 'A2:A4', values: 'C2:C4' }, copy, { sleep });
    expect(waits).toBe(1);
    expect(result.ok && result.comparison.totals.delta).toBe(0);
  });
});

describe('deletePlanCopy', () => {
  it('deletes the copy and refuses to delete the original', async () => {
    const h = workbook();
    const copy = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    const deleted: string[] = [];
    h.sheet(copy).delete = () => deleted.push(copy);
    await deletePlanCopy(h.context, copy, 'Team');
    expect(deleted).toEqual(['Team (2)']);
    await expect(deletePlanCopy(h.context, 'team', 'Team')).rejects.toThrow(/original/);
  });
});

describe('readCeilings', () => {
  it('judges each ceiling in both plans, reading a cell of the original sheet on the copy', async () => {
    const h = createExcelMock({
      sheets: { Team: { ranges: { F10: { values: [[0.28]], valueTypes: [['Double']] } } }, Budget: {} },
      addable: { 'Team (2)': { ranges: { F10: { values: [[0.33]], valueTypes: [['Double']] } } } },
    });
    h.sheet('Team').copy = () => h.mock.workbook.worksheets.add('Team (2)');
    const copy = await copyPlanSheet(h.context, 'Team', 'Team (2)');
    withNames(h, {
      PlanCeiling_LabourCost: { address: 'Budget!B2', values: [[0.3]], valueTypes: [['Double']], cellCount: 1 },
      PlanActual_LabourCost: { address: 'Team!F10', values: [[0.28]], valueTypes: [['Double']], cellCount: 1 },
      PlanCeiling_Spend: { address: 'Budget!B3:B4', values: [[0.15], [0]], valueTypes: [['Double'], ['Double']], cellCount: 2 },
      PlanActual_Spend: { address: 'Budget!B5', values: [[0.1]], valueTypes: [['Double']], cellCount: 1 },
      Unrelated: null,
    });
    const ceilings = await readCeilings(h.context, 'Team', copy);
    expect(ceilings).toEqual([
      {
        label: 'LabourCost',
        a: { label: 'LabourCost', state: 'within', actual: 0.28, ceiling: 0.3, actualCell: 'Team!F10', ceilingCell: 'Budget!B2' },
        b: { label: 'LabourCost', state: 'over', actual: 0.33, ceiling: 0.3, actualCell: "'Team (2)'!F10", ceilingCell: 'Budget!B2' },
      },
      { label: 'Spend', a: { label: 'Spend', state: 'notCell', name: 'PlanCeiling_Spend' }, b: { label: 'Spend', state: 'notCell', name: 'PlanCeiling_Spend' } },
    ]);
    expect(h.callsOf('getRange').filter((c) => c.sheet === 'Team')).toEqual([]);
  });

  it('finds none in a workbook without ceiling names', async () => {
    const h = workbook();
    withNames(h, {});
    expect(await readCeilings(h.context, 'Team', 'Team (2)')).toEqual([]);
  });
});
