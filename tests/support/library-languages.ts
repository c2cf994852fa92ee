/**
 * A template's own tests run on its English and its Chinese workbook alike: one suite per
 * language, named after the workbook's id ("template: x", "template: x-zh"), each with the
 * workbook built and calculated once, and the sheet names the test expects in that language
 * (written out by the test, not taken from the template, so a renamed sheet fails).
 */
import type { CalcJson } from '../../calc/book';
import { type Locale, LOCALES } from '../../i18n/locale';
import type { BuiltInTemplate } from '../../library/kit';
import { type BuiltTemplate, builtBeforeAll } from '../library/support/built';

/** One language's workbook as a suite meets it. */
export interface LanguageSuite<S> {
  template: BuiltInTemplate;
  locale: Locale;
  /** The sheet names, in this language. */
  S: S;
  /** Built and calculated before the suite's tests run. */
  book: BuiltTemplate;
  /** `book.json`: the same object, filled in before the tests run. */
  json: CalcJson;
}

/** The template and its sheet names, in each language. */
export type Workbooks<S> = Record<Locale, readonly [BuiltInTemplate, S]>;

export function describeEachLanguage<S>(workbooks: Workbooks<S>, tests: (suite: LanguageSuite<S>) => void): void {
  describe.each(LOCALES.map((locale) => [workbooks[locale][0].metadata.id, locale] as const))('template: %s', (_id, locale) => {
    const [template, S] = workbooks[locale];
    const book = builtBeforeAll(template);
    tests({ template, locale, S, book, json: book.json });
  });
}

/** What the kit writes beside every input that is an example, in each language (kit/rules EXAMPLE_SOURCE). */
export const EXAMPLE_NOTE: Record<Locale, string> = {
  'en-US': 'example — replace with yours',
  'zh-CN': '示例——请替换为贵司数据',
};
