/**
 * Where an element sits in a spilled array — "row 2", "column 3", "row 2, column 3" — as
 * perfplan explain and a statement (statements-document.ts, the pane's too) both say it.
 * Only i18n here, so the task pane can load it without the calculator.
 */
import type { ExplainAt } from '../engine/explain';
import { EXPLAIN } from '../i18n/explain';
import { Phrase, phrase } from '../i18n/text';

/** The element's position (0-based `element`) in its spill: a row of a column, a column of a row, or both. */
export function spillPosition(element: ExplainAt): Phrase {
  const row = element.row + 1;
  const column = element.col + 1;
  if (column === 1) return phrase(EXPLAIN['position.row'], { row });
  if (row === 1) return phrase(EXPLAIN['position.column'], { column });
  return phrase(EXPLAIN['position.cell'], { row, column });
}
