/**
 * A template's growth checks (types.ts Growth) as a template writes them: the row typed at the
 * end of a table by column key, as the table's layout knows its columns; the kit turns the keys
 * into the headers, in the workbook's language, that the typed row goes under.
 */
import type { TableLayout } from './tables';
import type { Growth } from './types';

export type TypedValue = Growth['row'][string];

/** One row typed at the end of `table` (values by column key), and the cells ("Sheet!A1") it must change. */
export function tableGrowth<K extends string>(table: TableLayout<K>, row: Partial<Record<K, TypedValue>>, changes: string[]): Growth {
  const typed = Object.entries(row).map(([key, value]) => [table.header(key as K), value as TypedValue]);
  return { table: table.name, row: Object.fromEntries(typed), changes };
}
