/**
 * Every text the engine's messages and explanations are made of has both languages, and both
 * use the same placeholders: a parameter the English sentence shows is shown in Chinese too.
 */
import { ERRORS } from '../../i18n/errors';
import { EXPLAIN } from '../../i18n/explain';
import { CURVE_COLUMNS, DISTRIBUTION_ROLES, LISTS, PLACES, VALUES } from '../../i18n/glossary';
import { OPTION_NAMES } from '../../i18n/options';
import { Text } from '../../i18n/text';
import { valueError } from '../../engine/errors';
import { itHasBothLanguages, itSaysEachEnglishOnce, textCases } from './text-checks';

const TABLES: Record<string, Record<string, Text>> = {
  ERRORS,
  EXPLAIN,
  PLACES,
  VALUES,
  LISTS,
  DISTRIBUTION_ROLES,
  OPTION_NAMES,
  CURVE_COLUMNS: Object.fromEntries(CURVE_COLUMNS.map((text, i) => [String(i), text])),
};

describe('the catalogs of texts', () => {
  it('hold well over a hundred texts (errors, explain steps, shared terms)', () => {
    expect(Object.keys(ERRORS).length).toBeGreaterThan(100);
    expect(Object.keys(EXPLAIN).length).toBeGreaterThan(80);
  });

  itHasBothLanguages(textCases(TABLES));

  itSaysEachEnglishOnce('a text used twice is one entry: no two keys hold the same English sentence', TABLES);

  it('a parameter a text needs is checked when the error is raised (compile time)', () => {
    // @ts-expect-error numberBlank needs { what }
    const missing = () => valueError(ERRORS.numberBlank);
    // @ts-expect-error a parameter the text does not have
    const wrong = () => valueError(ERRORS.numberBlank, { where: 'amount' });
    expect(typeof missing).toBe('function');
    expect(typeof wrong).toBe('function');
    expect(valueError(ERRORS.numberBlank, { what: 'amount' }).message).toBe('amount is blank; a number is required');
  });
});
