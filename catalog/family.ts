/**
 * A family's entries as the catalog holds them: each with the family's category and with its
 * descriptions from the function dictionary (i18n/functions.ts), which the family's file
 * leaves out so that the prose of every function stands in one place, in both languages.
 */
import { functionDescription, parameterDescription } from '../i18n/functions';
import type { CatalogEntry, CatalogFunction, Category } from './types';

export function family(category: Category, entries: readonly CatalogEntry[]): CatalogFunction[] {
  return entries.map((entry) => ({
    ...entry,
    category,
    description: functionDescription(entry.id),
    parameters: entry.parameters.map((parameter) => ({ ...parameter, description: parameterDescription(entry.id, parameter.name) })),
  }));
}
