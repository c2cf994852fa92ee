/**
 * What the error and explain catalogs share: the words for places in a range ("tiers, row 4,
 * column 2"), for values a user typed, and for lists.
 *
 * Argument names (amount, target_incentive, …) are never translated: they are the names the
 * user sees in the formula. Placeholders are filled with them as they are.
 */
import { phrase } from './text';
import type { Params, Phrase, Text } from './text';

export { phrase };
export type { ParamsArg, ParamsOf, Placeholders } from './text';

// ---------------------------------------------------------------------------------------
// Places in a range
// ---------------------------------------------------------------------------------------

export const PLACES = {
  row: { 'en-US': '{name}, row {row}', 'zh-CN': '{name}，第 {row} 行' },
  column: { 'en-US': '{name}, column {column}', 'zh-CN': '{name}，第 {column} 列' },
  cell: { 'en-US': '{name}, row {row}, column {column}', 'zh-CN': '{name}，第 {row} 行第 {column} 列' },
  item: { 'en-US': '{name}, item {item}', 'zh-CN': '{name}，第 {item} 项' },
  /** One expert's judgment inside a stack of AHP matrices. */
  expertCell: { 'en-US': '{name}, row {row}, column {column} (expert {expert})', 'zh-CN': '{name}，第 {row} 行第 {column} 列（第 {expert} 位专家）' },
  /** A place with what it holds: "p2 (sd)", "rules, row 3 (min_roi)". */
  withRole: { 'en-US': '{place} ({role})', 'zh-CN': '{place}（{role}）' },
} as const satisfies Record<string, Text>;

// ---------------------------------------------------------------------------------------
// Values as messages describe them
// ---------------------------------------------------------------------------------------

export const VALUES = {
  /** A text cell, quoted as typed (cut at 20 characters). */
  text: { 'en-US': 'text "{text}"', 'zh-CN': '文本 "{text}"' },
  true: { 'en-US': 'TRUE', 'zh-CN': '逻辑值 TRUE' },
  false: { 'en-US': 'FALSE', 'zh-CN': '逻辑值 FALSE' },
  /** A few messages have always written a logical value the way JavaScript does. */
  trueAsWritten: { 'en-US': 'true', 'zh-CN': '逻辑值 TRUE' },
  falseAsWritten: { 'en-US': 'false', 'zh-CN': '逻辑值 FALSE' },
} as const satisfies Record<string, Text>;

/** Lists of words that are texts themselves ("mean, sd" → "均值、标准差"). */
export const LISTS = {
  two: { 'en-US': '{first}, {second}', 'zh-CN': '{first}、{second}' },
  three: { 'en-US': '{first}, {second}, {third}', 'zh-CN': '{first}、{second}、{third}' },
} as const satisfies Record<string, Text>;

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
export const DISTRIBUTION_ROLES = {
  mean: { 'en-US': 'mean', 'zh-CN': '均值' },
  sd: { 'en-US': 'sd', 'zh-CN': '标准差' },
  min: { 'en-US': 'min', 'zh-CN': '最小值' },
  mode: { 'en-US': 'mode', 'zh-CN': '最可能值' },
  max: { 'en-US': 'max', 'zh-CN': '最大值' },
} as const satisfies Record<string, Text>;

/** The three columns of an ALLOCATE/RESPONSE curve table. */
export const CURVE_COLUMNS = [
  { 'en-US': 'α (maximum response)', 'zh-CN': 'α（最大响应）' },
  { 'en-US': 'κ (half-saturation spend)', 'zh-CN': 'κ（半饱和投放额）' },
  { 'en-US': 's (shape)', 'zh-CN': 's（形状参数）' },
] as const satisfies readonly Text[];
