import { isPerfError } from '../../../engine/errors';
import type { Locale } from '../../../i18n/locale';

/** Chinese script: how the pane tells a message a zh-CN user can read. */
export const CJK = /[\u3400-\u9fff]/;

/** `message` (Excel's or Office's own words) when a user of `locale` can read it: zh-CN is never shown English. */
export function readableMessage(message: string | undefined, locale: Locale): string | undefined {
  return message && (locale !== 'zh-CN' || CJK.test(message)) ? message : undefined;
}

/** What a caught value says: an Error's message, anything else thrown (a string, Office's error objects) as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The same, with an engine error's code in front: the form the plan models compare and list problems by. */
export function codedMessageOf(error: unknown): string {
  if (isPerfError(error)) return `${error.code} ${error.message}`;
  return messageOf(error);
}
