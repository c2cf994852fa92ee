/**
 * Shared-formula shifting (workbook/references.ts). ECMA-376 Part 1, §18.3.1.40 (f, t="shared"):
 * each cell of a shared formula's range holds the master's formula as it reads from that
 * cell — the relative parts of its A1 references move with the cell, the "$" parts do not
 * (§18.17.2.3 cell references: "$" marks an absolute row or column). What moves off the
 * grid (rows 1 … 1,048,576, columns A … XFD, §18.17.2.1) becomes #REF!, as in Excel.
 */
import fc from 'fast-check';
import { columnLetters } from '../../workbook/a1';
import { shiftFormula, shiftReference, splitSheetPrefix } from '../../workbook/references';

/**
 * shiftFormula on worked examples: the formula, the offset (rows, then columns) and the formula as
 * it reads at that offset, grouped by the rule each shows.
 */
const SHIFTS: [string, number, number, string][] = [
  // Relative and absolute parts of a cell reference
  //   a relative reference moves by the offset in both directions
  ['A1*2', 1, 1, 'B2*2'],
  ['C5+1', -2, -1, 'B3+1'],
  //   "$" fixes the column, the row, or both
  ['$A1+A$1+$A$1', 3, 2, '$A4+C$1+$A$1'],
  //   each end of a range moves on its own
  ['SUM(A1:B2)', 1, 1, 'SUM(B2:C3)'],
  ['SUM($A$1:B2)', 1, 1, 'SUM($A$1:C3)'],
  ['SUM($A1:B$2)', 3, 3, 'SUM($A4:E$2)'],
  //   columns past Z carry over (AZ → BA, XFC → XFD)
  ['AZ1', 0, 1, 'BA1'],
  ['XFC1', 0, 1, 'XFD1'],
  ['ABC7', 0, 1, 'ABD7'],
  // Whole rows and whole columns
  //   whole columns move with the column offset only
  ['SUM(A:C)', 5, 1, 'SUM(B:D)'],
  ['SUM($A:$C)', 5, 1, 'SUM($A:$C)'],
  ['SUM($A:C)', 0, 2, 'SUM($A:E)'],
  //   whole rows move with the row offset only
  ['SUM(1:3)', 1, 7, 'SUM(2:4)'],
  ['SUM($1:$3)', 1, 7, 'SUM($1:$3)'],
  ['SUM($1:3)', 2, 0, 'SUM($1:5)'],
  // References to other sheets and workbooks
  //   the sheet prefix is kept and the cell part moves (plain, quoted, with an escaped apostrophe or a "!")
  ['Tiers!A1+Tiers!$B2', 1, 1, 'Tiers!B2+Tiers!$B3'],
  ["'Sales Team'!B2:B4", 1, 0, "'Sales Team'!B3:B5"],
  ["'It''s'!$A1", 2, 2, "'It''s'!$A3"],
  ["'a!b'!A1", 1, 0, "'a!b'!A2"],
  //   a subtraction of a cross-sheet reference is shifted like any other (exceljs mis-reads N2-Tiers!A1, platform-facts)
  ['N2-Tiers!A1', 1, 0, 'N3-Tiers!A2'],
  //   3-D references and external workbook references move their cell part
  ['SUM(Q1:Q4!B2)', 1, 0, 'SUM(Q1:Q4!B3)'],
  ['[1]Sheet1!A1', 1, 1, '[1]Sheet1!B2'],
  // What never moves
  //   text in string literals, names, booleans, error literals, function names and structured references
  ['INDIRECT("A1")&A1', 0, 1, 'INDIRECT("A1")&B1'],
  ['Rate1*A1+Rate', 1, 1, 'Rate1*B2+Rate'],
  ['IF(TRUE,#REF!,A1)', 1, 0, 'IF(TRUE,#REF!,A2)'],
  ['LOG10(A1)+DAYS360(A1,B1)+ATAN2(A1,B1)', 1, 0, 'LOG10(A2)+DAYS360(A2,B2)+ATAN2(A2,B2)'],
  ['SUM(Team[Sales])+Team[[#This Row],[Q1]]*A1', 1, 0, 'SUM(Team[Sales])+Team[[#This Row],[Q1]]*A2'],
  //   references inside stored functions move (_xlfn.ANCHORARRAY, _xldudf_ calls)
  ['SUM(_xlfn.ANCHORARRAY(B2))', 1, 0, 'SUM(_xlfn.ANCHORARRAY(B3))'],
  ['_xldudf_PERF_TIERED(B2,Tiers!$A$2:$B$4)', 1, 0, '_xldudf_PERF_TIERED(B3,Tiers!$A$2:$B$4)'],
  //   intersections (a space) and unions keep their operators
  ['SUM(A1:B2 B1:C3)', 1, 1, 'SUM(B2:C3 C2:D4)'],
  ['SUM((A1,B2))', 1, 0, 'SUM((A2,B3))'],
  // Moving off the grid gives #REF!
  //   above row 1 or left of column A
  ['A1+B2', -1, 0, '#REF!+B1'],
  ['A1', 0, -1, '#REF!'],
  //   below row 1,048,576 or right of column XFD
  ['A1048576', 1, 0, '#REF!'],
  ['XFD1', 0, 1, '#REF!'],
  ['SUM(A:C)', 0, 16382, 'SUM(#REF!)'],
  //   a range with one end off the grid is #REF! as a whole, its sheet prefix included
  ['SUM(A1:A3)', -1, 0, 'SUM(#REF!)'],
  ['SUM(1:3)', -1, 0, 'SUM(#REF!)'],
  //   absolute parts never go off the grid
  ['$A$1+$A1', -5, -5, '$A$1+#REF!'],
];

describe('shiftFormula: a shared formula as it reads from another cell', () => {
  it.each(SHIFTS)('%s moved by (%i, %i) reads %s', (formula, rows, cols, shifted) => {
    expect(shiftFormula(formula, rows, cols)).toBe(shifted);
  });

  it('a zero offset returns the text untouched', () => {
    const text = 'SUM( a1 , $B$2 )';
    expect(shiftFormula(text, 0, 0)).toBe(text);
  });

  it('a range with one end off the grid is #REF! as a whole, its sheet prefix included', () => {
    expect(shiftReference('Tiers!A1:B2', -1, 0)).toBe('#REF!');
  });
});

describe('references to other sheets and workbooks', () => {
  it('splitSheetPrefix splits at the last "!" outside quotes', () => {
    expect(splitSheetPrefix("'a!b'!A1")).toEqual({ prefix: "'a!b'!", local: 'A1' });
    expect(splitSheetPrefix("'It''s'!A1:B2")).toEqual({ prefix: "'It''s'!", local: 'A1:B2' });
    expect(splitSheetPrefix('A1')).toEqual({ prefix: '', local: 'A1' });
  });
});

describe('properties', () => {
  const cell = fc.record({ col: fc.integer({ min: 1, max: 16384 }), row: fc.integer({ min: 1, max: 1048576 }), colAbs: fc.boolean(), rowAbs: fc.boolean() });
  const text = (c: { col: number; row: number; colAbs: boolean; rowAbs: boolean }) => `${c.colAbs ? '$' : ''}${columnLetters(c.col)}${c.rowAbs ? '$' : ''}${c.row}`;
  const offset = fc.integer({ min: -2000, max: 2000 });

  it('moving by (r, c) then by (−r, −c) gives the reference back, unless the move went off the grid', () => {
    fc.assert(
      fc.property(cell, offset, offset, (c, dRow, dCol) => {
        const moved = shiftFormula(`SUM(${text(c)})`, dRow, dCol);
        if (moved.includes('#REF!')) {
          const row = c.rowAbs ? c.row : c.row + dRow;
          const col = c.colAbs ? c.col : c.col + dCol;
          return row < 1 || row > 1048576 || col < 1 || col > 16384;
        }
        return shiftFormula(moved, -dRow, -dCol) === `SUM(${text(c)})`;
      }),
    );
  });

  it('a fully absolute reference is the same at every offset', () => {
    fc.assert(fc.property(cell, offset, offset, (c, dRow, dCol) => shiftFormula(text({ ...c, colAbs: true, rowAbs: true }), dRow, dCol) === text({ ...c, colAbs: true, rowAbs: true })));
  });
});
