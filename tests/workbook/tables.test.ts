/**
 * Excel Tables and structured references (workbook/tables.ts).
 *
 * Table parts: ECMA-376 Part 1, §18.5.1.2 table (displayName is the name formulas use, ref
 * covers header row, data and totals row; headerRowCount defaults to 1, totalsRowCount to
 * 0), §18.5.1.3 tableColumn (names in ST_Xstring), §18.5.1.1 calculatedColumnFormula.
 * Structured references: ECMA-376 Part 1, §18.17.6.x (structure references) and Microsoft's
 * "Using structured references with Excel tables":
 *   Team[Col], Team[[#This Row],[Col]] (shown as Team[@Col]), Team[[C1]:[C3]],
 *   Team[#Headers], Team[#Totals], Team[#Data], Team[#All], bare Team (= data body),
 *   [Col] / [@Col] inside the table; special characters in a column name are escaped with
 *   "'" ([, ], #, ') and a name with special characters is written in double brackets.
 *
 * The table used throughout, on sheet "My Sheet":
 *
 *        B       C       D          E            F
 *   2   Name    Sales   Q1 Bonus   Net [USD]    #Units      header row
 *   3   …                                                   data rows 3–6
 *   6   …
 *   7   Total   …                                           totals row
 */
import { readTable, resolveStructuredReference, StructuredReferenceError, TableModel, absoluteRef, tableAreas } from '../../workbook/tables';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const TEAM_XML =
  `<table xmlns="${MAIN}" id="3" name="Table3" displayName="Team" ref="B2:F7" totalsRowCount="1">` +
  '<autoFilter ref="B2:F6"/><tableColumns count="5">' +
  '<tableColumn id="1" name="Name" totalsRowLabel="Total"/>' +
  '<tableColumn id="2" name="Sales" totalsRowFunction="sum"/>' +
  '<tableColumn id="3" name="Q1 Bonus" totalsRowFunction="custom"><calculatedColumnFormula>Team[[#This Row],[Sales]]*0.1</calculatedColumnFormula><totalsRowFormula>SUBTOTAL(109,[Q1 Bonus])</totalsRowFormula></tableColumn>' +
  '<tableColumn id="4" name="Net [USD]"><calculatedColumnFormula>IF(Team[[#This Row],[Sales]]&gt;0,1,0)</calculatedColumnFormula></tableColumn>' +
  '<tableColumn id="5" name="#Units"/>' +
  '</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>';

const team = readTable(TEAM_XML, 'My Sheet', 'xl/tables/table3.xml');

/** Anchored in a data row (row 4) to the right of the table. */
const OUTSIDE = { sheet: 'My Sheet', row: 4, col: 9 };

function area(text: string, place = OUTSIDE, tables: TableModel[] = [team]) {
  return resolveStructuredReference(text, tables, place).area;
}

/** "B3:B6" → an area, for readable expectations. */
function a1(ref: string) {
  const cell = (s: string) => ({ col: s.charCodeAt(0) - 64, row: Number(s.slice(1)) });
  const [from, to = from] = ref.split(':').map(cell);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

function failure(text: string, place = OUTSIDE, tables: TableModel[] = [team]): StructuredReferenceError {
  try {
    resolveStructuredReference(text, tables, place);
  } catch (error) {
    if (error instanceof StructuredReferenceError) return error;
    throw error;
  }
  throw new Error(`${text} resolved`);
}

describe('the table part (§18.5.1.2, §18.5.1.3)', () => {
  it('name (displayName), ref, header and totals rows, columns with their formulas', () => {
    expect(team).toEqual({
      name: 'Team',
      sheet: 'My Sheet',
      part: 'xl/tables/table3.xml',
      ref: a1('B2:F7'),
      headerRowCount: 1,
      totalsRowCount: 1,
      columns: [
        { name: 'Name', totalsRowLabel: 'Total', calculatedColumnFormula: undefined, totalsRowFormula: undefined, totalsRowFunction: undefined },
        { name: 'Sales', totalsRowFunction: 'sum', calculatedColumnFormula: undefined, totalsRowFormula: undefined, totalsRowLabel: undefined },
        { name: 'Q1 Bonus', totalsRowFunction: 'custom', calculatedColumnFormula: 'Team[[#This Row],[Sales]]*0.1', totalsRowFormula: 'SUBTOTAL(109,[Q1 Bonus])', totalsRowLabel: undefined },
        { name: 'Net [USD]', calculatedColumnFormula: 'IF(Team[[#This Row],[Sales]]>0,1,0)', totalsRowFormula: undefined, totalsRowFunction: undefined, totalsRowLabel: undefined },
        { name: '#Units', calculatedColumnFormula: undefined, totalsRowFormula: undefined, totalsRowFunction: undefined, totalsRowLabel: undefined },
      ],
    });
  });

  it('column names are ST_Xstring: entities and _xHHHH_ escapes decoded', () => {
    const table = readTable(`<table xmlns="${MAIN}" id="1" name="T" displayName="T" ref="A1:B2"><tableColumns count="2"><tableColumn id="1" name="R&amp;D"/><tableColumn id="2" name="Line_x000a_break"/></tableColumns></table>`, 'S', 'p');
    expect(table.columns.map((c) => c.name)).toEqual(['R&D', 'Line\nbreak']);
  });

  it('headerRowCount="0" and a missing totalsRowCount: no header row, no totals row', () => {
    const table = readTable(`<table xmlns="${MAIN}" id="1" name="T" displayName="T" ref="A1:A3" headerRowCount="0"><tableColumns count="1"><tableColumn id="1" name="V"/></tableColumns></table>`, 'S', 'p');
    expect([table.headerRowCount, table.totalsRowCount]).toEqual([0, 0]);
    expect(tableAreas(table)).toEqual({ headers: undefined, data: { top: 1, bottom: 3 }, totals: undefined, left: 1, right: 1 });
  });

  it('a part without a <table> element is refused', () => {
    expect(() => readTable('<worksheet/>', 'S', 'xl/tables/table9.xml')).toThrow('xl/tables/table9.xml is not a table part');
  });
});

/** Structured references written outside the table (OUTSIDE), and the area each denotes. */
const FORMS: [string, string][] = [
  // Team[Sales]: the column's data rows
  ['Team[Sales]', 'C3:C6'],
  // Team (bare), Team[] and Team[#Data]: the data body
  ['Team', 'B3:F6'],
  ['Team[]', 'B3:F6'],
  ['Team[#Data]', 'B3:F6'],
  // Team[#Headers], Team[#Totals], Team[#All]
  ['Team[#Headers]', 'B2:F2'],
  ['Team[#Totals]', 'B7:F7'],
  ['Team[#All]', 'B2:F7'],
  // An item with a column
  ['Team[[#Headers],[Sales]]', 'C2'],
  ['Team[[#Totals],[Sales]]', 'C7'],
  ['Team[[#All],[Sales]]', 'C2:C7'],
  // Item combinations: [#Headers],[#Data] and [#Data],[#Totals]
  ['Team[[#Headers],[#Data],[Sales]]', 'C2:C6'],
  ['Team[[#Data],[#Totals],[Sales]]', 'C3:C7'],
  // A column range, in either order
  ['Team[[Name]:[Sales]]', 'B3:C6'],
  ['Team[[Sales]:[Name]]', 'B3:C6'],
  ['Team[[#Headers],[Name]:[Q1 Bonus]]', 'B2:D2'],
  // Team[[#This Row],[Sales]] and its short form Team[@Sales]: the formula's row
  ['Team[[#This Row],[Sales]]', 'C4'],
  ['Team[@Sales]', 'C4'],
  ['Team[@[Q1 Bonus]]', 'D4'],
  ['Team[[#This Row],[Name]:[Sales]]', 'B4:C4'],
  ['Team[@[Name]:[Sales]]', 'B4:C4'],
  // Column names with spaces, and with special characters escaped by "'" inside double brackets
  ['Team[[Q1 Bonus]]', 'D3:D6'],
  ["Team[[Net '[USD']]]", 'E3:E6'],
  ["Team[[#This Row],[Net '[USD']]]", 'E4'],
  ["Team[@[Net '[USD']]]", 'E4'],
  ["Team['#Units]", 'F3:F6'],
  ["Team[[#Totals],['#Units]]", 'F7'],
  // Table and column names are matched without regard to case; spaces between specifiers are allowed
  ['TEAM[sales]', 'C3:C6'],
  ['team[[#this row],[SALES]]', 'C4'],
  ['Team[[#Headers], [Sales]]', 'C2'],
];

describe('structured references: every form, resolved to the area it denotes', () => {
  it.each(FORMS)('%s is %s', (reference, range) => {
    expect(area(reference)).toEqual(a1(range));
  });

  it('inside the table the table name may be left out: [Sales], [@Sales], [[#This Row],[Sales]]', () => {
    const inTotals = { sheet: 'My Sheet', row: 7, col: 4 };
    expect(area('[Q1 Bonus]', inTotals)).toEqual(a1('D3:D6'));
    const inData = { sheet: 'My Sheet', row: 5, col: 4 };
    expect(area('[@Sales]', inData)).toEqual(a1('C5'));
    expect(area('[[#This Row],[Sales]]', inData)).toEqual(a1('C5'));
  });

  it("an apostrophe in a column name is escaped by another: Staff[O''Brien] and Staff[[O''Brien]]", () => {
    const staff = readTable(`<table xmlns="${MAIN}" id="2" name="Staff" displayName="Staff" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="Id"/><tableColumn id="2" name="O'Brien"/></tableColumns></table>`, 'S', 'p');
    expect(area("Staff[O''Brien]", OUTSIDE, [staff])).toEqual(a1('B2:B3'));
    expect(area("Staff[[O''Brien]]", OUTSIDE, [staff])).toEqual(a1('B2:B3'));
  });

  it('the table is found among several by name; the table name wins over the place', () => {
    const other = readTable(`<table xmlns="${MAIN}" id="9" name="Other" displayName="Other" ref="A20:A22"><tableColumns count="1"><tableColumn id="1" name="Sales"/></tableColumns></table>`, 'Elsewhere', 'p');
    expect(resolveStructuredReference('Other[Sales]', [team, other], { sheet: 'My Sheet', row: 4, col: 3 })).toEqual({ table: other, area: a1('A21:A22') });
  });
});

describe('structured references that denote nothing are errors with Excel\'s code', () => {
  it('an unknown column: #REF!', () => {
    const error = failure('Team[Bonus]');
    expect([error.code, error.message]).toEqual(['#REF!', 'table Team has no column "Bonus"']);
  });

  it('an unknown table: #REF!', () => {
    expect(failure('Teams[Sales]').code).toBe('#REF!');
  });

  it('[Sales] outside any table', () => {
    expect(failure('[Sales]', { sheet: 'My Sheet', row: 20, col: 20 }).message).toBe('[…] outside a table');
  });

  it('#This Row outside the data rows (the header row, the totals row, another row or sheet): #VALUE!', () => {
    expect(failure('Team[@Sales]', { sheet: 'My Sheet', row: 2, col: 9 }).code).toBe('#VALUE!');
    expect(failure('Team[@Sales]', { sheet: 'My Sheet', row: 7, col: 9 }).code).toBe('#VALUE!');
    expect(failure('Team[[#This Row],[Sales]]', { sheet: 'My Sheet', row: 12, col: 9 }).code).toBe('#VALUE!');
    expect(failure('Team[@Sales]', { sheet: 'Other sheet', row: 4, col: 9 }).code).toBe('#VALUE!');
  });

  it('#Totals of a table without a totals row, #Headers of one without a header row: #REF!', () => {
    const plain = readTable(`<table xmlns="${MAIN}" id="1" name="P" displayName="P" ref="A1:A3" headerRowCount="0"><tableColumns count="1"><tableColumn id="1" name="V"/></tableColumns></table>`, 'S', 'p');
    expect(failure('P[#Totals]', OUTSIDE, [plain]).code).toBe('#REF!');
    expect(failure('P[[#Headers],[V]]', OUTSIDE, [plain]).code).toBe('#REF!');
  });

  it('more than a column range', () => {
    expect(failure('Team[[Name],[Sales],[#Units]]').code).toBe('#REF!');
  });
});

describe('absoluteRef: an area as a sheet-qualified absolute A1 reference', () => {
  it('quotes sheet names that need it and writes one cell without a range', () => {
    expect(absoluteRef('My Sheet', a1('B4:B9'))).toBe("'My Sheet'!$B$4:$B$9");
    expect(absoluteRef('Data', a1('C4'))).toBe('Data!$C$4');
    expect(absoluteRef("It's", a1('A1'))).toBe("'It''s'!$A$1");
  });
});
