/**
 * Excel Tables in templates: wherever rows repeat (people, channels, deals, ratings, tiers) they
 * sit in a named, styled table, so adding a person is typing one row. A template first lays a
 * table out (tableLayout: pure, so formulas on other sheets can name its columns before it is
 * written), then writes it (writeTable: header, rows of validated inputs and calculated
 * columns, totals row). The table part itself is Excel's file format and workbook/'s business:
 * buildTemplate() hands the tables recorded here to workbook/table-writer.
 *
 * Results that come from a PERF function sit beside the table as one spill over whole table
 * columns (`=PERF.SCORECARD(People[[Sales]:[NPS]], …)`, spillColumn): Excel keeps dynamic arrays
 * out of tables, and one call per column is what the add-in is built for.
 */
import type ExcelJS from 'exceljs';
import type { Area } from '../../workbook/a1';
import { columnLetters } from '../../workbook/a1';
import { type TableSpec, type TotalsFunction, structuredColumn, totalsCellFormula } from '../../workbook/table-writer';
import { formula, inputCell, label } from './cells';
import { languageOf } from './language';
import { header } from './style';
import { type Label, type Language, say } from './text';
import type { Validation } from './validation';

/** Rows below a table's sample data that its result columns are formatted for: room to grow. */
export const ROOM_TO_GROW = 100;

export interface TableColumn<K extends string = string> {
  key: K;
  /** The header: the column's name in structured references. */
  name: Label;
  format?: string;
  /** One validation for the column, or one per cell (a rule that names its own cell, "F5"). */
  validation?: Validation | ((cell: string) => Validation);
  /** A calculated column: its formula, from the table's own references (t.row('sales')…). */
  calculated?: (table: TableLayout<K>) => string;
  /** The totals-row cell: a function over the column, or a label. */
  totals?: TotalsFunction | { label: Label };
}

export interface TableDefinition<K extends string = string> {
  /** The table's name, in the workbook's language (People / 人员). */
  name: Label;
  sheet: string;
  /** The header row's first cell ("A4"). */
  at: string;
  columns: TableColumn<K>[];
  /** How many data rows the template writes. */
  rows: number;
  totalsRow?: boolean;
  style?: string;
}

/** Where a table is and how formulas name its parts, in one language. */
export class TableLayout<K extends string = string> {
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** The totals row, if the table has one. */
  readonly totalsRow?: number;
  readonly left: number;
  readonly right: number;
  private readonly names = new Map<K, string>();

  constructor(
    readonly definition: TableDefinition<K>,
    readonly language: Language,
  ) {
    const m = /^([A-Z]+)(\d+)$/.exec(definition.at);
    if (!m) throw new Error(`table ${say(definition.name, language)}: "${definition.at}" is not a cell`);
    this.name = say(definition.name, language);
    this.sheet = definition.sheet;
    this.headerRow = Number(m[2]);
    this.firstRow = this.headerRow + 1;
    this.lastRow = this.headerRow + definition.rows;
    this.totalsRow = definition.totalsRow ? this.lastRow + 1 : undefined;
    this.left = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    this.right = this.left + definition.columns.length - 1;
    for (const column of definition.columns) this.names.set(column.key, say(column.name, language));
  }

  /** The header text of a column. */
  header(key: K): string {
    const name = this.names.get(key);
    if (name === undefined) throw new Error(`table ${this.name} has no column ${key}`);
    return name;
  }

  /** A whole data column: People[Sales]. */
  col(key: K): string {
    return `${this.name}[${structuredColumn(this.header(key))}]`;
  }

  /** Adjacent data columns: People[[Sales]:[NPS]]. */
  span(first: K, last: K): string {
    return `${this.name}[[${structuredColumn(this.header(first))}]:[${structuredColumn(this.header(last))}]]`;
  }

  /** The cell of a column in the formula's own row: People[[#This Row],[Sales]] (shown as [@Sales]). */
  row(key: K): string {
    return `${this.name}[[#This Row],[${structuredColumn(this.header(key))}]]`;
  }

  /** The totals-row cell of a column: People[[#Totals],[Sales]]. */
  total(key: K): string {
    return `${this.name}[[#Totals],[${structuredColumn(this.header(key))}]]`;
  }

  /** The column number of a column on its sheet. */
  column(key: K): number {
    const i = this.definition.columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`table ${this.name} has no column ${key}`);
    return this.left + i;
  }

  letter(key: K): string {
    return columnLetters(this.column(key));
  }

  /** The sample data of a column as an absolute reference, for a chart: 'Team'!$C$5:$C$12. */
  range(key: K): string {
    const c = `$${this.letter(key)}$`;
    return `${quote(this.sheet)}!${c}${this.firstRow}:${c}${this.lastRow}`;
  }

  /** The cell a result beside the table spills from (its first data row), as instructions point to it: Team!H5. */
  spillStart(col: number): string {
    return `${quote(this.sheet)}!${columnLetters(col)}${this.firstRow}`;
  }

  /** A result spilling from this table's first data row, as any sheet reads it: Team!H5#. */
  spill(col: number): string {
    return `${this.spillStart(col)}#`;
  }

  /** The first column right of the table. */
  get next(): number {
    return this.right + 1;
  }

  /** The whole table as workbook/ writes it. */
  spec(): TableSpec {
    for (const column of this.definition.columns) {
      // A totals cell reads its column unqualified ([Sales]), as Excel writes it; LibreOffice (7.4) cannot parse that
      // form when the name holds a space or punctuation, so such columns are totalled outside the table.
      if (typeof column.totals === 'string' && !/^[\p{L}\p{N}_°]+$/u.test(this.header(column.key))) {
        throw new Error(`table ${this.name}: the totals cell of "${this.header(column.key)}" would not open in LibreOffice; name the column in one word or total it outside the table (SUM(${this.col(column.key)}))`);
      }
    }
    const bottom = this.totalsRow ?? this.lastRow;
    const area: Area = { top: this.headerRow, left: this.left, bottom, right: this.right };
    return {
      name: this.name,
      sheet: this.sheet,
      ref: `${columnLetters(area.left)}${area.top}:${columnLetters(area.right)}${area.bottom}`,
      totalsRow: this.totalsRow !== undefined,
      style: this.definition.style,
      columns: this.definition.columns.map((column) => ({
        name: this.header(column.key),
        ...(column.calculated ? { calculated: column.calculated(this) } : {}),
        ...(column.totals === undefined ? {} : { totals: typeof column.totals === 'string' ? { function: column.totals } : { label: say(column.totals.label, this.language) } }),
      })),
    };
  }
}

function quote(sheet: string): string {
  return /^[A-Za-z_\u00a1-\uffff][A-Za-z0-9_.\u00a1-\uffff]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A table laid out in a workbook's language. */
export function tableLayout<K extends string>(definition: TableDefinition<K>, language: Language): TableLayout<K> {
  return new TableLayout(definition, language);
}

const TABLES = new WeakMap<ExcelJS.Workbook, TableSpec[]>();

/** The tables written into a workbook, for buildTemplate() to store as Excel Tables. */
export function tablesOf(workbook: ExcelJS.Workbook): TableSpec[] {
  return TABLES.get(workbook) ?? [];
}

/**
 * Writes a laid-out table: the header, one row per entry of `rows` (values by column key;
 * calculated columns get their formula), the totals row. Input cells are yellow and validated.
 */
export function writeTable<K extends string>(workbook: ExcelJS.Workbook, table: TableLayout<K>, rows: Partial<Record<K, ExcelJS.CellValue>>[]): void {
  if (rows.length !== table.lastRow - table.firstRow + 1) throw new Error(`table ${table.name}: laid out for ${table.lastRow - table.firstRow + 1} rows, given ${rows.length}`);
  if (languageOf(workbook) !== table.language) throw new Error(`table ${table.name}: laid out in ${table.language}, written into a ${languageOf(workbook)} workbook`);
  const sheet = workbook.getWorksheet(table.sheet);
  if (!sheet) throw new Error(`table ${table.name}: no sheet ${table.sheet}`);
  const spec = table.spec();
  table.definition.columns.forEach((column, i) => {
    const col = table.left + i;
    label(sheet.getCell(table.headerRow, col), column.name);
    rows.forEach((values, r) => {
      const cell = sheet.getCell(table.firstRow + r, col);
      if (column.calculated) formula(cell, spec.columns[i].calculated!, column.format);
      else inputCell(cell, values[column.key] ?? null, column.format, typeof column.validation === 'function' ? column.validation(cell.address) : column.validation);
    });
    if (table.totalsRow !== undefined && column.totals !== undefined) {
      const cell = sheet.getCell(table.totalsRow, col);
      if (typeof column.totals === 'string') formula(cell, totalsCellFormula(column.totals, spec.columns[i].name), column.format);
      else label(cell, column.totals.label);
      cell.font = { bold: true };
    }
  });
  header(sheet.getRow(table.headerRow));
  TABLES.set(workbook, [...tablesOf(workbook), spec]);
}

/** A line above a table saying where its rows come from (a plan rule, or examples to replace). */
export function tableSource<K extends string>(workbook: ExcelJS.Workbook, table: TableLayout<K>, source: Label): void {
  const cell = workbook.getWorksheet(table.sheet)!.getCell(table.headerRow - 1, table.left);
  label(cell, source);
  cell.font = { italic: true, color: { argb: 'FF595959' } };
}

export interface SpillColumn {
  /** The column the spill starts in (usually right of the table), and its header. */
  col: number;
  header: Label;
  /** The spilling formula, in the table's first data row. */
  formula: string;
  format?: string;
}

/**
 * Result columns beside a table: a header in the table's header row and one spilling formula
 * per column in its first data row. Their format reaches ROOM_TO_GROW rows past the sample
 * data, so a person typed into the table gets a formatted result.
 */
export function spillColumns<K extends string>(workbook: ExcelJS.Workbook, table: TableLayout<K>, columns: SpillColumn[]): void {
  const sheet = workbook.getWorksheet(table.sheet)!;
  for (const column of columns) {
    const head = sheet.getCell(table.headerRow, column.col);
    label(head, column.header);
    formula(sheet.getCell(table.firstRow, column.col), column.formula, column.format);
    if (column.format) for (let r = table.firstRow + 1; r <= table.lastRow + ROOM_TO_GROW; r++) sheet.getCell(r, column.col).numFmt = column.format;
  }
  header(sheet.getRow(table.headerRow));
}

/** The rows a table's results may spill over as it grows, for a conditional format: "H5:H112". */
export function growingRange<K extends string>(table: TableLayout<K>, col: number, lastCol = col): string {
  return `${columnLetters(col)}${table.firstRow}:${columnLetters(lastCol)}${table.lastRow + ROOM_TO_GROW}`;
}
