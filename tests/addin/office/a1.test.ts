/** A1 addresses: parsing what Range.address reports and building the helpers' addresses. */
import {
  cellAddress,
  columnIndex,
  columnLetters,
  parseAddress,
  parseCell,
  qualify,
  rangeAddress,
  sheetRef,
} from '../../../addin/office/a1';

describe('columns', () => {
  it('converts between indexes and letters both ways', () => {
    const cases: [number, string][] = [[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']];
    for (const [index, letters] of cases) {
      expect(columnLetters(index)).toBe(letters);
      expect(columnIndex(letters)).toBe(index);
    }
    expect(columnIndex('xfd')).toBe(16383);
  });

  it('refuses columns outside A:XFD', () => {
    expect(() => columnLetters(16384)).toThrow(/outside/);
    expect(() => columnLetters(-1)).toThrow(/outside/);
    expect(() => columnIndex('XFE')).toThrow(/outside/);
    expect(() => columnIndex('A1')).toThrow(/not a column/);
  });
});

describe('cells and ranges', () => {
  it('parses cells, with or without $', () => {
    expect(parseCell('B3')).toEqual({ row: 2, col: 1 });
    expect(parseCell('$AA$10')).toEqual({ row: 9, col: 26 });
    expect(() => parseCell('B0')).toThrow(/outside/);
    expect(() => parseCell('3B')).toThrow(/not a cell/);
  });

  it('builds cell and range addresses (one cell stays a cell)', () => {
    expect(cellAddress(2, 1)).toBe('B3');
    expect(rangeAddress(2, 1, 3, 3)).toBe('B3:D5');
    expect(rangeAddress(2, 1)).toBe('B3');
    expect(rangeAddress(0, 0, 1, 8)).toBe('A1:H1');
    expect(() => rangeAddress(0, 0, 0, 1)).toThrow(/at least one row/);
  });

  it('parses what Range.address reports, quoted sheet names included', () => {
    expect(parseAddress('B3')).toEqual({ start: { row: 2, col: 1 }, end: { row: 2, col: 1 } });
    expect(parseAddress('Sheet1!B3:D5')).toEqual({ sheet: 'Sheet1', start: { row: 2, col: 1 }, end: { row: 4, col: 3 } });
    expect(parseAddress("'Q1 ''Plan'''!$C$2")).toEqual({ sheet: "Q1 'Plan'", start: { row: 1, col: 2 }, end: { row: 1, col: 2 } });
    expect(parseAddress('计划!D5:B3')).toEqual({ sheet: '计划', start: { row: 2, col: 1 }, end: { row: 4, col: 3 } });
    expect(() => parseAddress("'Plan!B3")).toThrow(/unterminated/);
    expect(() => parseAddress('A:A')).toThrow(/not a cell/);
  });
});

describe('sheet references', () => {
  it('quotes sheet names only when formulas need it', () => {
    expect(sheetRef('Plan')).toBe('Plan');
    expect(sheetRef('Plan_2')).toBe('Plan_2');
    expect(sheetRef('计划')).toBe('计划');
    expect(sheetRef('My Plan')).toBe("'My Plan'");
    expect(sheetRef('Plan (2)')).toBe("'Plan (2)'");
    expect(sheetRef("Bob's")).toBe("'Bob''s'");
    expect(sheetRef('Q1')).toBe("'Q1'");
    expect(sheetRef('R1C1')).toBe("'R1C1'");
    expect(sheetRef('2024')).toBe("'2024'");
    expect(qualify('Tornado (2)', 'A3:C6')).toBe("'Tornado (2)'!A3:C6");
    expect(qualify(undefined, 'A3')).toBe('A3');
  });
});
