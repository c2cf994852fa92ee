/**
 * Worksheet names: Excel's rules (at most 31 characters; none of \ / ? * [ ] :; not starting
 * or ending with an apostrophe; not blank; "History" is reserved; compared without regard to
 * case) and non-clashing names for sheets we add ("Plan" → "Plan (2)", as Excel names copies).
 */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;
const RESERVED = new Set(['history']);

/** The key Excel compares sheet names by. */
export function sheetKey(name: string): string {
  return name.toLocaleLowerCase('en-US');
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  while (chars.join('').length > max) chars.pop();
  return chars.join('');
}

/** Makes `name` a legal sheet name: forbidden characters → "_", edge apostrophes dropped, ≤ 31. */
export function sanitizeSheetName(name: string, fallback = 'Sheet'): string {
  let clean = truncate(name.replace(FORBIDDEN, '_').replace(/^'+/, ''), MAX_SHEET_NAME_LENGTH).replace(/'+$/, '');
  if (clean.trim() === '') clean = fallback;
  return clean;
}

/** True when `name` is a legal, non-reserved sheet name. */
export function isValidSheetName(name: string): boolean {
  return name.trim() !== ''
    && name.length <= MAX_SHEET_NAME_LENGTH
    && !/[\\/?*[\]:]/.test(name)
    && !name.startsWith("'")
    && !name.endsWith("'")
    && !RESERVED.has(sheetKey(name));
}

/**
 * The first of "name (2)", "name (3)", … (continuing from n+1 when `name` is already
 * "base (n)") whose key is not in `taken`, shortened to fit 31 characters with its suffix.
 */
export function uniqueSheetName(name: string, taken: ReadonlySet<string>): string {
  const clean = sanitizeSheetName(name);
  if (!taken.has(sheetKey(clean)) && !RESERVED.has(sheetKey(clean))) return clean;
  const numbered = /^(.*) \((\d+)\)$/.exec(clean);
  const base = numbered && numbered[1].trim() !== '' ? numbered[1] : clean;
  let k = numbered && numbered[1].trim() !== '' ? Number(numbered[2]) + 1 : 2;
  for (;; k++) {
    const suffix = ` (${k})`;
    const candidate = truncate(base, MAX_SHEET_NAME_LENGTH - suffix.length).replace(/'+$/, '') + suffix;
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
}

/**
 * Names for `templateSheets` that clash neither with `existing` nor with each other. A name
 * that is free is kept; each clashing one gets the next free "name (n)". Template names that
 * are free are reserved first, so "Plan" never takes the "Plan (2)" the template itself
 * brings. Returns one name per template sheet, in order.
 */
export function resolveSheetNames(templateSheets: readonly string[], existing: readonly string[]): string[] {
  const taken = new Set(existing.map(sheetKey));
  const result: (string | undefined)[] = templateSheets.map(() => undefined);
  templateSheets.forEach((name, i) => {
    const clean = sanitizeSheetName(name);
    const key = sheetKey(clean);
    if (!taken.has(key) && !RESERVED.has(key)) {
      result[i] = clean;
      taken.add(key);
    }
  });
  templateSheets.forEach((name, i) => {
    if (result[i] !== undefined) return;
    const unique = uniqueSheetName(name, taken);
    result[i] = unique;
    taken.add(sheetKey(unique));
  });
  return result as string[];
}

/** Reads the names of the workbook's worksheets (one round trip). */
export async function loadSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((sheet) => sheet.name);
}
