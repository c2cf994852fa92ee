/**
 * Words in templates. Every label a template writes is i18n's Text (English and Chinese side
 * by side); a workbook shows it in its language (say()). A plain string is a label that needs
 * no translation: a code ("ROI", "p1"), a rule key, a formula's own wording.
 */
import type { Text } from '../../i18n';
import type { Locale } from '../../i18n/locale';

export type { Locale, Text };
export type Label = Text | string;

/**
 * The language a workbook is written in: one locale, or both side by side ("Name 姓名") as the
 * templates were written before each got an English and a Chinese workbook.
 */
export type Language = Locale | 'bilingual';

/** A Text in English and Chinese: t('Name', '姓名'). */
export function t(en: string, zh: string): Text {
  return { 'en-US': en, 'zh-CN': zh };
}

/** A label as a workbook in `language` shows it. */
export function say(label: Label, language: Language): string {
  if (typeof label === 'string') return label;
  return language === 'bilingual' ? `${label['en-US']} ${label['zh-CN']}` : label[language];
}

/** English, a space, Chinese: how a bilingual workbook and the gallery's chart titles show a label. */
export function bilingual(label: Label): string {
  return say(label, 'bilingual');
}
