/**
 * Bilingual words in templates. Every label a template writes is i18n's Text (English and
 * Chinese side by side); a cell that shows both languages renders it with bilingual(), the one
 * place that decides how the two stand together ("Name 姓名"). A plain string is a label that
 * needs no translation: a code ("ROI", "p1"), a rule key, a formula's own wording.
 */
import type { Text } from '../../i18n';

export type { Text };
export type Label = Text | string;

/** A Text in English and Chinese: t('Name', '姓名'). */
export function t(en: string, zh: string): Text {
  return { 'en-US': en, 'zh-CN': zh };
}

/** How a cell shows a label in both languages: English, a space, Chinese. */
export function bilingual(label: Label): string {
  return typeof label === 'string' ? label : `${label['en-US']} ${label['zh-CN']}`;
}
