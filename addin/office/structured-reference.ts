/**
 * Structured references to an Excel table as PERF calls take them — `People[Sales]` (a column's
 * data), `[@Sales]` / `People[@Sales]` / `People[[#This Row],[Sales]]` (the cell in the
 * formula's row), `People[#Data]` (the whole data body), `People[[#Totals],[Payout]]` (a totals
 * cell) — parsed, so the Statements view can read the cells behind a result beside or inside
 * the people table and give its Explain steps as `perfplan statements` does. Pure.
 */

export type StructuredReference =
  /** One column's cell in the formula's row. */
  | { table?: string; part: 'thisRow'; column: string }
  /** One column's data (or, without a column, the whole data body). */
  | { table?: string; part: 'data'; column?: string }
  /** One column's totals cell. */
  | { table?: string; part: 'totals'; column: string };

/** A column name as written inside brackets: ' escapes the next character ('[, '], '#, ''). */
const unescape = (text: string) => text.replace(/'(.)/g, '$1').trim();

/** The reference, or undefined for any other text (and for forms no statement needs: #All, #Headers, column ranges). */
export function parseStructuredReference(text: string): StructuredReference | undefined {
  const match = /^([A-Za-z_\\\u0080-\uFFFF][\w.\u0080-\uFFFF]*)?\[(.*)\]$/s.exec(text.trim());
  if (!match) return undefined;
  const table = match[1];
  const inner = match[2].trim();
  const scope = table === undefined ? {} : { table };
  if (inner.startsWith('@')) {
    const rest = inner.slice(1).trim();
    const bracketed = /^\[((?:[^\]']|'.)*)\]$/s.exec(rest);
    const column = unescape(bracketed ? bracketed[1] : rest);
    return column && !column.startsWith('#') ? { ...scope, part: 'thisRow', column } : undefined;
  }
  if (!inner.includes('[')) {
    if (/^#Data$/i.test(inner)) return { ...scope, part: 'data' };
    if (inner === '' || inner.startsWith('#')) return undefined;
    return { ...scope, part: 'data', column: unescape(inner) };
  }
  // [[#Totals],[Payout]], [[#This Row],[Sales]], [[#Data],[Sales]], [[Sales]]
  const items: string[] = [];
  let rest = inner;
  const item = /^\s*\[((?:[^\]']|'.)*)\]\s*(,|$)/s;
  while (rest.length) {
    const found = item.exec(rest);
    if (!found) return undefined;
    items.push(found[1]);
    rest = rest.slice(found[0].length);
  }
  const specifiers = items.filter((i) => i.trim().startsWith('#')).map((i) => i.trim().toLowerCase());
  const columns = items.filter((i) => !i.trim().startsWith('#')).map(unescape);
  if (columns.length !== 1 || specifiers.length > 1) return undefined;
  const [column] = columns;
  switch (specifiers[0]) {
    case undefined:
    case '#data':
      return { ...scope, part: 'data', column };
    case '#this row':
      return { ...scope, part: 'thisRow', column };
    case '#totals':
      return { ...scope, part: 'totals', column };
    default:
      return undefined;
  }
}
