/**
 * XMATCH as Excel defines it (Microsoft support, "XMATCH function"): the 1-based position of
 * a value in a one-dimensional array.
 *   match_mode   0 exact (default) · -1 exact or next smaller · 1 exact or next larger · 2 wildcard (* ? ~)
 *   search_mode  1 first to last (default) · -1 last to first · 2 binary, ascending · -2 binary, descending
 * Text compares case-insensitively; a number never matches text. Not found → #N/A.
 */
export type LookupValue = number | string | boolean | null;

export type XmatchResult = number | '#N/A' | '#VALUE!';

/** Excel's sort order for lookups: numbers < text < logicals; text without case. */
function compare(a: LookupValue, b: LookupValue): number | undefined {
  const rank = (v: LookupValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3);
  if (a === null || b === null) return undefined;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return undefined; // different kinds never match and are not ordered against each other
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function wildcardPattern(text: string): RegExp {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '~' && i + 1 < text.length && '*?~'.includes(text[i + 1])) source += `\\${text[++i]}`;
    else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

export function xmatch(lookup: LookupValue, array: readonly LookupValue[], matchMode = 0, searchMode = 1): XmatchResult {
  if (![0, -1, 1, 2].includes(matchMode) || ![1, -1, 2, -2].includes(searchMode)) return '#VALUE!';
  if (searchMode === 2 || searchMode === -2) return binary(lookup, array, matchMode, searchMode === 2 ? 1 : -1);
  const order = searchMode === 1 ? array.map((_, i) => i) : array.map((_, i) => array.length - 1 - i);
  if (matchMode === 2 && typeof lookup === 'string') {
    const pattern = wildcardPattern(lookup);
    for (const i of order) {
      const v = array[i];
      if (typeof v === 'string' && pattern.test(v)) return i + 1;
    }
    return '#N/A';
  }
  let best = -1;
  for (const i of order) {
    const c = compare(array[i], lookup);
    if (c === undefined) continue;
    if (c === 0) return i + 1;
    if (matchMode === -1 && c < 0 && (best < 0 || compare(array[i], array[best])! > 0)) best = i;
    if (matchMode === 1 && c > 0 && (best < 0 || compare(array[i], array[best])! < 0)) best = i;
  }
  return best < 0 ? '#N/A' : best + 1;
}

/** Binary search over an array sorted ascending (direction 1) or descending (-1). */
function binary(lookup: LookupValue, array: readonly LookupValue[], matchMode: number, direction: 1 | -1): XmatchResult {
  let lo = 0;
  let hi = array.length - 1;
  let below = -1; // last index whose value sorts before the lookup value
  let above = -1; // first index whose value sorts after it
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compare(array[mid], lookup);
    if (c === undefined) return '#N/A';
    const ordered = c * direction;
    if (ordered === 0) return mid + 1;
    if (ordered < 0) {
      below = mid;
      lo = mid + 1;
    } else {
      above = mid;
      hi = mid - 1;
    }
  }
  const smaller = direction === 1 ? below : above;
  const larger = direction === 1 ? above : below;
  if (matchMode === -1 && smaller >= 0) return smaller + 1;
  if (matchMode === 1 && larger >= 0) return larger + 1;
  return '#N/A';
}
