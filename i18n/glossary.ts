/**
 * What the error and explain catalogs share: the words for places in a range ("tiers, row 4,
 * column 2"), for values a user typed, and for lists.
 *
 * Argument names (amount, target_incentive, …) are never translated: they are the names the
 * user sees in the formula. Placeholders are filled with them as they are.
 */
import { phrase } from './text';
import type { Params, Phrase, Text } from './text';
import glossaryPlaces from './messages/glossary-places.json';
import glossaryValues from './messages/glossary-values.json';
import glossaryLists from './messages/glossary-lists.json';
import glossaryDistributionRoles from './messages/glossary-distribution-roles.json';
import type { GlossaryPlacesMessages, GlossaryValuesMessages, GlossaryListsMessages, GlossaryDistributionRolesMessages } from './generated/messages';

export { phrase };
export type { ParamsArg, ParamsOf, Placeholders } from './text';

// ---------------------------------------------------------------------------------------
// Places in a range
// ---------------------------------------------------------------------------------------

/**
 * Notes on keys:
 *   - expertCell: One expert's judgment inside a stack of AHP matrices.
 *   - withRole: A place with what it holds: "p2 (sd)", "rules, row 3 (min_roi)".
 */
export const PLACES = glossaryPlaces as GlossaryPlacesMessages;

// ---------------------------------------------------------------------------------------
// Values as messages describe them
// ---------------------------------------------------------------------------------------

/**
 * Notes on keys:
 *   - text: A text cell, quoted as typed (cut at 20 characters).
 *   - trueAsWritten: A few messages have always written a logical value the way JavaScript does.
 */
export const VALUES = glossaryValues as GlossaryValuesMessages;

/** Lists of words that are texts themselves ("mean, sd" → "均值、标准差"). */
export const LISTS = glossaryLists as GlossaryListsMessages;

/** "a, b" or "a, b, c" from two or three parameter values. */
export function listOf(items: readonly Params[string][]): Phrase {
  if (items.length === 2) return phrase(LISTS.two, { first: items[0], second: items[1] });
  if (items.length === 3) return phrase(LISTS.three, { first: items[0], second: items[1], third: items[2] });
  throw new RangeError(`listOf takes two or three items; got ${items.length}`);
}

// ---------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------

/** What each parameter of a SIM distribution is (p1, p2, p3 in argument order). */
export const DISTRIBUTION_ROLES = glossaryDistributionRoles as GlossaryDistributionRolesMessages;

/** The three columns of an ALLOCATE/RESPONSE curve table. */
export const CURVE_COLUMNS = [
  { 'en-US': 'α (maximum response)', 'zh-CN': 'α（最大响应）' },
  { 'en-US': 'κ (half-saturation spend)', 'zh-CN': 'κ（半饱和投放额）' },
  { 'en-US': 's (shape)', 'zh-CN': 's（形状参数）' },
] as const satisfies readonly Text[];
