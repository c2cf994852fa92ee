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

describe('relative and absolute parts of a cell reference', () => {
  it('a relative reference moves by the offset in both directions', () => {
    expect(shiftFormula('A1*2', 1, 1)).toBe('B2*2');
    expect(shiftFormula('C5+1', -2, -1)).toBe('B3+1');
  });

  it('"$" fixes the column, the row, or both', () => {
    expect(shiftFormula('$A1+A$1+$A$1', 3, 2)).toBe('$A4+C$1+$A$1');
  });

  it('each end of a range moves on its own', () => {
    expect(shiftFormula('SUM(A1:B2)', 1, 1)).toBe('SUM(B2:C3)');
    expect(shiftFormula('SUM($A$1:B2)', 1, 1)).toBe('SUM($A$1:C3)');
    expect(shiftFormula('SUM($A1:B$2)', 3, 3)).toBe('SUM($A4:E$2)');
  });

  it('a zero offset returns the text untouched', () => {
    const text = 'SUM( a1 , $B$2 )';
    expect(shiftFormula(text, 0, 0)).toBe(text);
  });

  it('columns past Z carry over (AZ → BA, XFC → XFD)', () => {
    expect(shiftFormula('AZ1', 0, 1)).toBe('BA1');
    expect(shiftFormula('XFC1', 0, 1)).toBe('XFD1');
    expect(shiftFormula('ABC7', 0, 1)).toBe('ABD7');
  });
});

describe('whole rows and whole columns', () => {
  it('whole columns move with the column offset only', () => {
    expect(shiftFormula('SUM(A:C)', 5, 1)).toBe('SUM(B:D)');
    expect(shiftFormula('SUM($A:$C)', 5, 1)).toBe('SUM($A:$C)');
    expect(shiftFormula('SUM($A:C)', 0, 2)).toBe('SUM($A:E)');
  });

  it('whole rows move with the row offset only', () => {
    expect(shiftFormula('SUM(1:3)', 1, 7)).toBe('SUM(2:4)');
    expect(shiftFormula('SUM($1:$3)', 1, 7)).toBe('SUM($1:$3)');
    expect(shiftFormula('SUM($1:3)', 2, 0)).toBe('SUM($1:5)');
  });
});

describe('references to other sheets and workbooks', () => {
  it('the sheet prefix is kept and the cell part moves (plain, quoted, with an escaped apostrophe or a "!")', () => {
    expect(shiftFormula('Tiers!A1+Tiers!$B2', 1, 1)).toBe('Tiers!B2+Tiers!$B3');
    expect(shiftFormula("'Sales Team'!B2:B4", 1, 0)).toBe("'Sales Team'!B3:B5");
    expect(shiftFormula("'It''s'!$A1", 2, 2)).toBe("'It''s'!$A3");
    expect(shiftFormula("'a!b'!A1", 1, 0)).toBe("'a!b'!A2");
  });

  it('a subtraction of a cross-sheet reference is shifted like any other (exceljs mis-reads N2-Tiers!A1, platform-facts)', () => {
    expect(shiftFormula('N2-Tiers!A1', 1, 0)).toBe('N3-Tiers!A2');
  });

  it('3-D references and external workbook references move their cell part', () => {
    expect(shiftFormula('SUM(Q1:Q4!B2)', 1, 0)).toBe('SUM(Q1:Q4!B3)');
    expect(shiftFormula('[1]Sheet1!A1', 1, 1)).toBe('[1]Sheet1!B2');
  });

  it('splitSheetPrefix splits at the last "!" outside quotes', () => {
    expect(splitSheetPrefix("'a!b'!A1")).toEqual({ prefix: "'a!b'!", local: 'A1' });
    expect(splitSheetPrefix("'It''s'!A1:B2")).toEqual({ prefix: "'It''s'!", local: 'A1:B2' });
    expect(splitSheetPrefix('A1')).toEqual({ prefix: '', local: 'A1' });
  });
});

describe('what never moves', () => {
  it('text in string literals, names, booleans, error literals, function names and structured references', () => {
    expect(shiftFormula('INDIRECT("A1")&A1', 0, 1)).toBe('INDIRECT("A1")&B1');
    expect(shiftFormula('Rate1*A1+Rate', 1, 1)).toBe('Rate1*B2+Rate');
    expect(shiftFormula('IF(TRUE,#REF!,A1)', 1, 0)).toBe('IF(TRUE,#REF!,A2)');
    expect(shiftFormula('LOG10(A1)+DAYS360(A1,B1)+ATAN2(A1,B1)', 1, 0)).toBe('LOG10(A2)+DAYS360(A2,B2)+ATAN2(A2,B2)');
    expect(shiftFormula('SUM(Team[Sales])+Team[[#This Row],[Q1]]*A1', 1, 0)).toBe('SUM(Team[Sales])+Team[[#This Row],[Q1]]*A2');
  });

  it('references inside stored functions move (_xlfn.ANCHORARRAY, _xldudf_ calls)', () => {
    expect(shiftFormula('SUM(_xlfn.ANCHORARRAY(B2))', 1, 0)).toBe('SUM(_xlfn.ANCHORARRAY(B3))');
    expect(shiftFormula('_xldudf_PERF_TIERED(B2,Tiers!$A$2:$B$4)', 1, 0)).toBe('_xldudf_PERF_TIERED(B3,Tiers!$A$2:$B$4)');
  });

  it('intersections (a space) and unions keep their operators', () => {
    expect(shiftFormula('SUM(A1:B2 B1:C3)', 1, 1)).toBe('SUM(B2:C3 C2:D4)');
    expect(shiftFormula('SUM((A1,B2))', 1, 0)).toBe('SUM((A2,B3))');
  });
});

describe('moving off the grid gives #REF!', () => {
  it('above row 1 or left of column A', () => {
    expect(shiftFormula('A1+B2', -1, 0)).toBe('#REF!+B1');
    expect(shiftFormula('A1', 0, -1)).toBe('#REF!');
  });

  it('below row 1,048,576 or right of column XFD', () => {
    expect(shiftFormula('A1048576', 1, 0)).toBe('#REF!');
    expect(shiftFormula('XFD1', 0, 1)).toBe('#REF!');
    expect(shiftFormula('SUM(A:C)', 0, 16382)).toBe('SUM(#REF!)');
  });

  it('a range with one end off the grid is #REF! as a whole, its sheet prefix included', () => {
    expect(shiftFormula('SUM(A1:A3)', -1, 0)).toBe('SUM(#REF!)');
    expect(shiftReference('Tiers!A1:B2', -1, 0)).toBe('#REF!');
    expect(shiftFormula('SUM(1:3)', -1, 0)).toBe('SUM(#REF!)');
  });

  it('absolute parts never go off the grid', () => {
    expect(shiftFormula('$A$1+$A1', -5, -5)).toBe('$A$1+#REF!');
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
