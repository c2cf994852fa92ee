/**
 * The function dictionary (i18n/messages/functions.json) and the catalog agree both ways: every
 * catalog function and each of its parameters has a description in both languages, and the
 * dictionary holds no function or parameter the catalog does not declare.
 */
import { CATALOG } from '../../catalog';
import { LOCALES, type Locale } from '../../i18n';
import { DESCRIBED_FUNCTIONS, type FunctionId, describedParameters, functionDescription, parameterDescription } from '../../i18n/functions';
import FUNCTIONS_JSON from '../../i18n/messages/functions.json';

/** The JSON as data, every field possibly absent: what the type-checker cannot see (an empty text). */
type LooseText = Partial<Record<Locale, string>> | undefined;
const DICTIONARY: Record<string, { description?: LooseText; parameters?: Record<string, LooseText> } | undefined> = FUNCTIONS_JSON;

function emptyTexts(where: string, text: LooseText): string[] {
  return LOCALES.filter((locale) => !text?.[locale]?.trim()).map((locale) => `${where}: no ${locale} text`);
}

describe.each(CATALOG.map((fn) => [fn.id, fn] as const))('%s', (id, fn) => {
  test('the dictionary lists exactly its parameters, in the catalog order', () => {
    expect(describedParameters(id as FunctionId)).toEqual(fn.parameters.map((p) => p.name));
  });

  test('its description and each parameter description are non-empty in both languages', () => {
    const entry = DICTIONARY[id];
    const empty = [...emptyTexts('description', entry?.description), ...fn.parameters.flatMap((p) => emptyTexts(p.name, entry?.parameters?.[p.name]))];
    expect(empty).toEqual([]);
  });

  test('the catalog entry carries the dictionary texts', () => {
    expect(fn.description).toBe(functionDescription(id as FunctionId));
    for (const p of fn.parameters) expect({ [p.name]: p.description }).toEqual({ [p.name]: parameterDescription(id as FunctionId, p.name as never) });
  });
});

test('the dictionary describes no function the catalog does not declare', () => {
  const declared = new Set(CATALOG.map((fn) => fn.id));
  expect(DESCRIBED_FUNCTIONS.filter((id) => !declared.has(id))).toEqual([]);
});

test('a lookup of a function or parameter the dictionary lacks throws', () => {
  expect(() => functionDescription('NOPE' as FunctionId)).toThrow('i18n/messages/functions.json has no function NOPE');
  expect(() => parameterDescription('TIERED', 'nope' as never)).toThrow('i18n/messages/functions.json has no parameter nope for TIERED');
  expect(() => functionDescription('constructor' as FunctionId)).toThrow('has no function constructor');
});
