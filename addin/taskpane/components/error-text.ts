import { isPerfError } from '../../../engine/errors';

/** What a caught value says: an Error's message, anything else thrown (a string, Office's error objects) as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The same, with an engine error's code in front: the form the plan models compare and list problems by. */
export function codedMessageOf(error: unknown): string {
  if (isPerfError(error)) return `${error.code} ${error.message}`;
  return messageOf(error);
}
