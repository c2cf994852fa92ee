/**
 * The workbook's Excel tables and their header rows (read only): what a payout run names as
 * its people table and payout column. One batch lists the tables' names, a second reads each
 * one's sheet name and header row (two syncs, whatever the number of tables).
 */

export interface WorkbookTable {
  name: string;
  sheet: string;
  /** The header row's texts, in column order (numbers and dates as Excel shows them). */
  headers: string[];
}

export async function readWorkbookTables(context: Excel.RequestContext): Promise<WorkbookTable[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const items = tables.items.map((table) => {
    const header = table.getHeaderRowRange();
    header.load('text');
    const sheet = table.worksheet;
    sheet.load('name');
    return { table, header, sheet };
  });
  if (items.length === 0) return [];
  await context.sync();
  return items.map(({ table, header, sheet }) => ({
    name: table.name,
    sheet: sheet.name,
    headers: ((header.text as unknown as unknown[][])[0] ?? []).map((cell) => String(cell ?? '')),
  }));
}

/** The tables of the open workbook (Excel.run). */
export function readWorkbookTablesInExcel(): Promise<WorkbookTable[]> {
  return Excel.run((context) => readWorkbookTables(context));
}

/**
 * The column a payout most likely sits in: a header naming a payout or amount payable, else
 * the last header.
 */
export function guessPayoutColumn(headers: readonly string[]): string | undefined {
  const named = headers.find((h) => /payout|bonus|incentive|amount|应发|奖金|提成|金额/i.test(h));
  return named ?? headers[headers.length - 1];
}
