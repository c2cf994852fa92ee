import { isPerfError } from '../../../engine/errors';
import { localizedMessage, messageOf } from '../../../i18n/localized-error';
import type { Locale } from '../../../i18n/locale';

/** Chinese script: how the pane tells a message a zh-CN user can read. */
export const CJK = /[\u3400-\u9fff]/;

/** `message` (Excel's or Office's own words) when a user of `locale` can read it: zh-CN is never shown English. */
function readableMessage(message: string | undefined, locale: Locale): string | undefined {
  return message && (locale !== 'zh-CN' || CJK.test(message)) ? message : undefined;
}

/**
 * A failure told to the user: `withWords(message)` when a user of `locale` can read `message`
 * (Excel's or Office's own words), else `plain`, the same sentence without them.
 */
export function failureSentence(message: string | undefined, locale: Locale, withWords: (message: string) => string, plain: string): string {
  const readable = readableMessage(message, locale);
  return readable ? withWords(readable) : plain;
}

/**
 * What a caught failure says that a user of `locale` can read: PerfPlan's own errors in their
 * language, Excel's or Office's words only when readable; undefined otherwise (the view then
 * says the plain sentence without them).
 */
export function readableFailure(error: unknown, locale: Locale): string | undefined {
  return readableMessage(localizedMessage(error, locale), locale);
}

/** What a caught value says (the language layer's messageOf, which the views import from here). */
export { messageOf };

/** The same, with an engine error's code in front: the form the plan models compare and list problems by. */
export function codedMessageOf(error: unknown): string {
  if (isPerfError(error)) return `${error.code} ${error.message}`;
  return messageOf(error);
}
