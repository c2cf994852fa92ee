/**
 * The People table (人员) a template keeps its team in: one person a row, their name first,
 * then the template's own columns. Every template names it the same, so a user who knows one
 * workbook finds the team in another, and formulas read People[Name] / 人员[姓名] everywhere.
 */
import { LABEL } from './labels';
import { type TableColumn, type TableDefinition, type TableLayout, tableLayout } from './tables';
import { type Language, t } from './text';

/** The People table's name, for formulas laid out before the table (a SUMIF over it from another table). */
export const PEOPLE_TABLE = t('People', '人员');

/** Where the People table sits and the columns after the name; with a totals row, the name column says Total there. */
export type PeopleTableDefinition<K extends string> = Omit<TableDefinition<K | 'name'>, 'name' | 'columns'> & { columns: TableColumn<K | 'name'>[] };

export function peopleTable<K extends string>({ columns, ...placement }: PeopleTableDefinition<K>, language: Language): TableLayout<K | 'name'> {
  const name: TableColumn<K | 'name'> = placement.totalsRow ? { key: 'name', name: LABEL.name, totals: { label: LABEL.total } } : { key: 'name', name: LABEL.name };
  return tableLayout<K | 'name'>({ name: PEOPLE_TABLE, ...placement, columns: [name, ...columns] }, language);
}
