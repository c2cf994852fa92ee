/**
 * A request the workbook cannot answer (compare, export): the reason as a phrase, shown to the
 * user in their language; nothing is written. Thrown deep in a calculation, caught by the face
 * (CLI, API) that says it.
 */
import type { Phrase } from '../i18n/text';

export class Refusal {
  constructor(readonly message: Phrase) {}
}
