/**
 * The checks every table of texts in this folder is held to, written once: each text has both
 * languages with the same placeholders, a table says an English sentence under one key only,
 * and a message rendered in both languages reads as its language with every placeholder filled.
 */
import { LOCALES } from '../../i18n/locale';
import { Text, placeholders } from '../../i18n/text';
import { chinese } from './language-check';

/** A test case: the text's name ('ERRORS.numberBlank') and the text. */
export type TextCase = readonly [name: string, text: Text];

type Tables = Readonly<Record<string, Readonly<Record<string, Text>>>>;

/** The texts of named tables as test cases, each named `TABLE.key`. */
export function textCases(tables: Tables): TextCase[] {
  return Object.entries(tables).flatMap(([table, texts]) => Object.entries(texts).map(([key, text]) => [`${table}.${key}`, text] as const));
}

/** A template's placeholder names, each once: a sentence may name a value twice in one language only. */
const placeholderNames = (template: string) => [...new Set(placeholders(template))];

/**
 * One test per text: en-US and zh-CN, both non-empty, with the same placeholders (each as
 * often in both), or with `namesOnly` the same placeholder names.
 */
export function itHasBothLanguages(cases: readonly TextCase[], { namesOnly = false } = {}): void {
  const listed = namesOnly ? placeholderNames : placeholders;
  const title = namesOnly ? '%s has en-US and zh-CN, both non-empty, with the same placeholder names' : '%s has en-US and zh-CN, both non-empty, with the same placeholders';
  it.each(cases)(title, (_, text) => {
    for (const locale of LOCALES) expect(text[locale]?.trim().length).toBeGreaterThan(0);
    expect(listed(text['zh-CN'])).toEqual(listed(text['en-US']));
  });
}

/** The English texts a table holds under more than one key. */
function repeatedEnglish(table: Readonly<Record<string, Text>>): string[] {
  const english = Object.values(table).map((t) => t['en-US']);
  return english.filter((e, i) => english.indexOf(e) !== i);
}

/** One test that no table holds the same English under two keys: a text used twice is one entry. */
export function itSaysEachEnglishOnce(title: string, tables: Tables): void {
  it(title, () => {
    for (const [name, table] of Object.entries(tables)) expect({ name, duplicates: repeatedEnglish(table) }).toEqual({ name, duplicates: [] });
  });
}

/**
 * A message rendered in both languages reads as its language: no English word in zh-CN (as
 * `englishIn` finds them), no Chinese in en-US (as `chineseIn` finds it), no placeholder left.
 */
export function expectEachInItsLanguage(rendered: { zh: string; en: string }, englishIn: (zh: string) => string[], chineseIn: (en: string) => string[] = chinese): void {
  const { zh, en } = rendered;
  expect({ zh, english: englishIn(zh) }).toEqual({ zh, english: [] });
  expect({ en, chinese: chineseIn(en) }).toEqual({ en, chinese: [] });
  // Every placeholder was filled: nothing like "{what}" is left for the user to see.
  expect(zh).not.toMatch(/\{\w+\}/);
  expect(en).not.toMatch(/\{\w+\}/);
}
