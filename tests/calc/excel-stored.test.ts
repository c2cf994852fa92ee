/**
 * `perfplan calc` reads what Excel stores. Each workbook here is written cell by cell in
 * Excel's storage form (tests/support/stored-workbook.ts) with the value Excel would cache —
 * worked out by hand in the comments — in every formula cell, so the file itself is the
 * answer key: our value must equal the cached one. The fixtures saved by Excel itself
 * (tests/fixtures/excel-saved, from XlsxWriter's comparison files) are checked the same way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CalculatedBook, calcBytes, toJson } from '../../calc/book';
import { areaRef, toAddress } from '../../workbook/a1';
import type { CellValue } from '../../workbook/read';
import { storedColumnSpill } from '../support/calc-stored-spill';
import { formulaCell as f, num, storedWorkbook, text } from '../support/stored-workbook';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'excel-saved');

type Json = ReturnType<typeof toJson>;

function same(ours: unknown, excel: CellValue | undefined): boolean {
  if (excel === undefined) return ours === undefined;
  if (typeof excel === 'object') return typeof ours === 'object' && ours !== null && (ours as { error: string }).error === excel.error;
  if (typeof excel === 'number' && typeof ours === 'number') return Math.abs(ours - excel) <= 1e-12 * Math.max(1, Math.abs(excel));
  return ours === excel;
}

/**
 * Every formula cell (and the cells of its stored spill) where our value differs from Excel's
 * cached one. A file saved with fullCalcOnLoad carries placeholders, not Excel's answers
 * (Excel recalculates it on open), so it has no key.
 */
export function answerKeyMismatches(book: CalculatedBook, json: Json = toJson(book)): { checked: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let checked = 0;
  if (book.model.fullCalcOnLoad) return { checked, mismatches };
  for (const sheet of book.model.sheets) {
    for (const f of sheet.formulas) {
      const area = f.ref ?? { top: f.row, left: f.col, bottom: f.row, right: f.col };
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const excel = r === f.row && c === f.col ? f.cached : sheet.rows[r]?.[c];
          if (excel === undefined) continue;
          const key = `${sheet.name}!${toAddress(r, c)}`;
          checked++;
          if (!same(json[key], excel)) mismatches.push(`${key}: ours ${JSON.stringify(json[key])}, Excel ${JSON.stringify(excel)}`);
        }
      }
    }
  }
  return { checked, mismatches };
}

const TIERS = [text('A1', 'threshold'), text('B1', 'rate'), num('A2', 0), num('B2', 0.02), num('A3', 20000), num('B3', 0.04), num('A4', 50000), num('B4', 0.06)];
const PEOPLE = [text('A1', 'name'), text('B1', 'sales'), text('A2', 'Li'), num('B2', 10000), text('A3', 'Wang'), num('B3', 35000), text('A4', 'Zhao'), num('B4', 80000)];

describe('formulas as Excel stores them, each with its value worked out by hand', () => {
  let book: CalculatedBook;
  let json: Json;

  beforeAll(async () => {
    // Marginal tiers 0–20,000 at 2%, 20,000–50,000 at 4%, above 50,000 at 6%:
    // Li 10,000 → 200; Wang 35,000 → 400 + 600 = 1,000; Zhao 80,000 → 400 + 1,200 + 1,800 = 3,400.
    const team = [
      ...PEOPLE,
      // The stored spill (C2:C6) is stale: two cells too many, with old cached values.
      ...storedColumnSpill('C2', '_xldudf_PERF_TIERED(B2:B4,Tiers!A2:B4)', [200, 1000, 3400, 999, 999]),
      f('D2', 'SUM(_xlfn.ANCHORARRAY(C2))', '4600'),
      f('D3', 'COUNT(_xlfn.ANCHORARRAY(C2))', '3'),
      // A spill over another spill, stored too small (E2:E3): it grows to E2:E4.
      ...storedColumnSpill('E2', '_xlfn.ANCHORARRAY(C2)*2', [400, 2000]),
      // Implicit intersection: @B2:B4 in row 3 is B3; a legacy plain B2:B4 in row 4 is B4.
      f('F3', '_xlfn.SINGLE(B2:B4)', '35000'),
      f('F4', 'B2:B4', '80000'),
      // XMATCH: exact; next smaller (30,000 → 10,000, 1st); next larger (→ 35,000, 2nd); wildcard; not found.
      f('G2', '_xlfn.XMATCH(35000,B2:B4)', '2'),
      f('G3', '_xlfn.XMATCH(30000,B2:B4,-1)', '1'),
      f('G4', '_xlfn.XMATCH(30000,B2:B4,1)', '2'),
      f('G5', '_xlfn.XMATCH("w*",A2:A4,2)', '2'),
      f('G6', '_xlfn.XMATCH(1,B2:B4)', '#N/A', { t: 'e' }),
      f('G7', '_xlfn.XMATCH(35000,B2:B4,0,-1)', '2'),
      // LET: x = 10,000, y = 20,000 → 30,000; nested scopes: inner a = 2 × 10 → 21.
      f('H2', '_xlfn.LET(_xlpm.x,B2,_xlpm.y,_xlpm.x*2,_xlpm.x+_xlpm.y)', '30000'),
      f('H3', '_xlfn.LET(_xlpm.a,2,_xlfn.LET(_xlpm.a,_xlpm.a*10,_xlpm.a+1))', '21'),
      // Legacy Ctrl+Shift+Enter arrays keep their area: a 3-row result over 4 rows ends in #N/A;
      // a single value fills every cell.
      f('J2', 'B2:B4*2', '20000', { kind: 'cse', area: 'J2:J5' }),
      num('J3', 70000),
      num('J4', 160000),
      `<c r="J5" t="e"><v>#N/A</v></c>`,
      ...storedColumnSpill('K2', 'SUM(B2:B4)', [125000, 125000], 'cse'),
      // Shared formulas: the master's relative references move with each cell, across sheets too
      // (B3*Tiers!B3, B4*Tiers!B4 — the shift exceljs gets wrong); $B$2 stays.
      `<c r="L2"><f t="shared" ref="L2:L4" si="0">B2*Tiers!B2</f><v>200</v></c>`,
      `<c r="L3"><f t="shared" si="0"/><v>1400</v></c>`,
      `<c r="L4"><f t="shared" si="0"/><v>4800</v></c>`,
      `<c r="M2"><f t="shared" ref="M2:M4" si="1">$B$2+B2</f><v>20000</v></c>`,
      `<c r="M3"><f t="shared" si="1"/><v>45000</v></c>`,
      `<c r="M4"><f t="shared" si="1"/><v>90000</v></c>`,
      // A sheet-scoped name wins over the workbook's: Rate here is Tiers!$B$4 = 6%.
      f('N2', 'Rate*100', '6'),
      f('O2', 'IF(B2>B3,"yes","no")', 'no', { t: 'str' }),
      f('O3', 'B4>B3', '1', { t: 'b' }),
      // A spill blocked by a value (P3) is #SPILL!; a whole-call error shows in one cell.
      f('P2', '_xldudf_PERF_TIERED(B2:B4,Tiers!A2:B4)', '#SPILL!', { kind: 'da', t: 'e' }),
      num('P3', 7),
      f('Q2', '_xldudf_PERF_TIERED(B2:B4,Tiers!A3:B4)', '#VALUE!', { kind: 'da', t: 'e' }),
      f('R2', '#NULL!', '#NULL!', { t: 'e' }),
      // Single-cell add-in calls are dynamic arrays too (Excel stores them so).
      f('S2', '_xldudf_PERF_TIERED(B3,Tiers!A2:B4,"retro")', '1400', { kind: 'da' }),
    ];
    const tiers = [...TIERS, f('C2', 'Rate*100', '4')];
    const bytes = storedWorkbook({
      sheets: [
        { name: 'Tiers', cells: tiers },
        { name: 'Team', cells: team },
      ],
      names: [
        { name: 'Rate', text: 'Tiers!$B$3' },
        { name: 'Rate', text: 'Tiers!$B$4', localSheetId: 1 },
      ],
      dynamicArrays: true,
    });
    book = await calcBytes(bytes);
    json = toJson(book);
  });

  it('every formula equals the value Excel would cache', () => {
    const { checked, mismatches } = answerKeyMismatches(book, json);
    // The deliberately stale cells of C2's old spill (C5, C6) are not part of the key.
    expect(mismatches.filter((m) => !/^Team!C[56]:/.test(m))).toEqual([]);
    expect(checked).toBe(39);
  });

  it('an add-in call _xldudf_PERF_TIERED spills by its result, not by the stale stored ref', () => {
    expect([json['Team!C2'], json['Team!C3'], json['Team!C4']]).toEqual([200, 1000, 3400]);
    expect(json['Team!C5']).toBeUndefined();
    expect(json['Team!C6']).toBeUndefined();
    expect(areaRef(book.calculation.resultCovering(1, 2, 3)!.area)).toBe('C2:C4');
  });

  it('A2# (_xlfn.ANCHORARRAY) reads the whole current spill, and a spill of it grows as needed', () => {
    expect(json['Team!D2']).toBe(4600);
    expect(json['Team!D3']).toBe(3);
    expect([json['Team!E2'], json['Team!E3'], json['Team!E4']]).toEqual([400, 2000, 6800]);
  });

  it('@ (_xlfn.SINGLE) and legacy formulas intersect a range with the formula’s row', () => {
    expect(json['Team!F3']).toBe(35000);
    expect(json['Team!F4']).toBe(80000);
  });

  it('XMATCH: exact, next smaller, next larger, wildcard, last-to-first, and #N/A', () => {
    expect([json['Team!G2'], json['Team!G3'], json['Team!G4'], json['Team!G5'], json['Team!G7']]).toEqual([2, 1, 2, 2, 2]);
    expect(json['Team!G6']).toMatchObject({ error: '#N/A' });
  });

  it('LET binds names (_xlpm.), with inner scopes shadowing outer ones', () => {
    expect(json['Team!H2']).toBe(30000);
    expect(json['Team!H3']).toBe(21);
  });

  it('legacy Ctrl+Shift+Enter arrays keep their fixed area', () => {
    expect([json['Team!J2'], json['Team!J3'], json['Team!J4']]).toEqual([20000, 70000, 160000]);
    expect(json['Team!J5']).toMatchObject({ error: '#N/A' });
    expect([json['Team!K2'], json['Team!K3']]).toEqual([125000, 125000]);
  });

  it('shared formulas shift their relative references, across sheets too', () => {
    expect([json['Team!L2'], json['Team!L3'], json['Team!L4']]).toEqual([200, 1400, 4800]);
    expect([json['Team!M2'], json['Team!M3'], json['Team!M4']]).toEqual([20000, 45000, 90000]);
  });

  it('a defined name scoped to a sheet wins there over the workbook-wide one', () => {
    expect(json['Team!N2']).toBe(6);
    expect(json['Tiers!C2']).toBe(4);
  });

  it('a blocked spill is #SPILL!; a whole-call error shows in the anchor alone', () => {
    expect(json['Team!P2']).toMatchObject({ error: '#SPILL!' });
    expect(json['Team!Q2']).toEqual({ error: '#VALUE!', message: 'tiers, row 1: the first threshold must be 0; got 20000' });
    expect(json['Team!Q3']).toBeUndefined();
    expect(json['Team!R2']).toMatchObject({ error: '#NULL!' });
    expect(json['Team!S2']).toBe(1400);
  });
});

describe('what perfplan calc cannot compute is #NAME? with a message naming it, never a parse error or a wrong number', () => {
  let json: Json;

  beforeAll(async () => {
    const bytes = storedWorkbook({
      sheets: [
        {
          name: 'S',
          cells: [
            num('A1', 5),
            f('B1', '_xlfn.LAMBDA(_xlpm.x,_xlpm.x+1)(2)', '3'),
            // Typed as text while the add-in was not loaded: Excel shows #NAME? and never rebinds it.
            `<c r="B2" t="e" cm="1"><f t="array" aca="1" ref="B2" ca="1">PERF.TIERED(A1,{0,0.1})</f><v>#NAME?</v></c>`,
            f('B3', '_xldudf_CONTOSO_ADD(1,2)', '3', { kind: 'da' }),
            f('B4', '_xlfn.CONCAT("a","b")', 'ab', { t: 'str' }),
            f('B5', 'Sheet1:Sheet3!A1', '0'),
            f('B6', '[1]Rates!A1', '0'),
          ],
        },
      ],
      dynamicArrays: true,
    });
    json = toJson(await calcBytes(bytes));
  });

  it('LAMBDA', () => expect(json['S!B1']).toEqual({ error: '#NAME?', message: 'perfplan calc does not support LAMBDA' }));
  it('PERF.X( stored as plain text, as Excel shows it', () => {
    expect(json['S!B2']).toMatchObject({ error: '#NAME?' });
    expect((json['S!B2'] as { message: string }).message).toMatch(/PERF\.TIERED is stored as text.*_xldudf_PERF_TIERED/);
  });
  it('another add-in’s function', () => expect(json['S!B3']).toEqual({ error: '#NAME?', message: 'perfplan calc does not support the add-in function CONTOSO.ADD' }));
  it('an Excel function HyperFormula lacks', () => expect(json['S!B4']).toEqual({ error: '#NAME?', message: 'perfplan calc does not support CONCAT' }));
  it('3-D references and links to other workbooks', () => {
    expect(json['S!B5']).toMatchObject({ error: '#NAME?', message: expect.stringMatching(/3-D references/) });
    expect(json['S!B6']).toMatchObject({ error: '#NAME?', message: expect.stringMatching(/other workbooks/) });
  });
});

describe('Excel Tables: structured references, calculated columns and the totals row', () => {
  let json: Json;
  let book: CalculatedBook;

  beforeAll(async () => {
    // Deals: Rep | Q1 | Q2 | Total (calculated: Q1 + Q2), three rows and a totals row of SUBTOTAL(109,…).
    const table =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Deals" displayName="Deals" ref="A1:D5" totalsRowCount="1">' +
      '<autoFilter ref="A1:D4"/><tableColumns count="4"><tableColumn id="1" name="Rep" totalsRowLabel="Total"/><tableColumn id="2" name="Q1" totalsRowFunction="sum"/>' +
      '<tableColumn id="3" name="Q2" totalsRowFunction="sum"/><tableColumn id="4" name="Total" totalsRowFunction="sum"><calculatedColumnFormula>Deals[[#This Row],[Q1]]+Deals[[#This Row],[Q2]]</calculatedColumnFormula></tableColumn>' +
      '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
    const rows: [string, number, number][] = [
      ['Li', 10, 20],
      ['Wang', 30, 40],
      ['Zhao', 50, 60],
    ];
    const cells = [text('A1', 'Rep'), text('B1', 'Q1'), text('C1', 'Q2'), text('D1', 'Total')];
    rows.forEach(([rep, q1, q2], i) => {
      const r = i + 2;
      cells.push(text(`A${r}`, rep), num(`B${r}`, q1), num(`C${r}`, q2), f(`D${r}`, 'Deals[[#This Row],[Q1]]+Deals[[#This Row],[Q2]]', String(q1 + q2)));
    });
    cells.push(
      text('A5', 'Total'),
      f('B5', 'SUBTOTAL(109,[Q1])', '90'),
      f('C5', 'SUBTOTAL(109,[Q2])', '120'),
      f('D5', 'SUBTOTAL(109,[Total])', '210'),
      f('F1', 'SUM(Deals[Q1])', '90'),
      f('F2', 'SUM(Deals[[Q1]:[Q2]])', '210'),
      f('F3', 'COUNTA(Deals[#Headers])', '4'),
      // The totals row: "Total" (text, not summed) + 90 + 120 + 210.
      f('F4', 'SUM(Deals[#Totals])', '420'),
      f('F5', 'ROWS(Deals[#Data])', '3'),
      f('F6', 'ROWS(Deals[#All])', '5'),
      // A bare table name is its data body: 10+20+30+40+50+60 + (30+70+110).
      f('F7', 'SUM(Deals)', '420'),
      f('F8', 'SUM(Deals[[#Data],[#Totals],[Q2]])', '240'),
      f('F9', 'COUNTA(Deals[[#Headers],[Rep]])', '1'),
      f('F10', '_xlfn.XMATCH("Wang",Deals[Rep])', '2'),
    );
    book = await calcBytes(storedWorkbook({ sheets: [{ name: 'Sales', cells, tables: [table] }] }));
    json = toJson(book);
  });

  it('every formula equals the value Excel would cache', () => {
    const { checked, mismatches } = answerKeyMismatches(book, json);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(16);
  });

  it('calculated column cells read their own row ([#This Row])', () => {
    expect([json['Sales!D2'], json['Sales!D3'], json['Sales!D4']]).toEqual([30, 70, 110]);
  });

  it('the totals row reads [Col] of its own table', () => {
    expect([json['Sales!B5'], json['Sales!C5'], json['Sales!D5']]).toEqual([90, 120, 210]);
  });
});

describe('workbooks saved by Excel itself (XlsxWriter comparison files): our values equal Excel’s cached ones', () => {
  it.each(['formula_results01.xlsx', 'table10.xlsx', 'table34.xlsx', 'dynamic_array01.xlsx', 'dynamic_array02.xlsx', 'chart_bar01.xlsx'])('%s', async (file) => {
    const book = await calcBytes(fs.readFileSync(path.join(FIXTURES, file)));
    const { mismatches } = answerKeyMismatches(book);
    expect(mismatches).toEqual([]);
  });

  it('dynamic_array01.xlsx (saved with fullCalcOnLoad, so its cached 0 is a placeholder): AVERAGE(TIMEVALUE({"12:00";"12:00"})) = 0.5', async () => {
    const book = await calcBytes(fs.readFileSync(path.join(FIXTURES, 'dynamic_array01.xlsx')));
    expect(book.model.fullCalcOnLoad).toBe(true);
    expect(toJson(book)['Sheet1!A1']).toBe(0.5);
  });

  it('formula_results01.xlsx: all twelve formulas, errors included, equal Excel’s answers', async () => {
    const book = await calcBytes(fs.readFileSync(path.join(FIXTURES, 'formula_results01.xlsx')));
    const { checked, mismatches } = answerKeyMismatches(book);
    expect(checked).toBe(12);
    expect(mismatches).toEqual([]);
  });
});
