/**
 * The finance glossary: one en-US and one zh-CN word for every finance term PerfPlan shows —
 * in the task pane, the function descriptions, the templates and the statements. A text that
 * names one of these concepts uses the glossary's word; the words listed under `avoid` are
 * the synonyms PerfPlan used to mix in and must not appear again (tests/addin/glossary.test.ts
 * checks every pane text and the rendered pane against them).
 *
 * The option words the PERF functions take as arguments ("marginal", "边际") and their names
 * on screen are in i18n/options.ts, which names marginal / retro by the terms below.
 */
import type { Locale } from './locale';
import type { Text } from './text';
import terms from './messages/terms.json';
import type { TermsMessages } from './generated/messages';

export interface Term extends Text {
  /** Synonyms (or regular expressions) that must not stand for this concept, per language. */
  readonly avoid?: { readonly [L in Locale]?: readonly (string | RegExp)[] };
}

/**
 * The words, in i18n/messages/terms.json, in sections: pay; weights; scores, scenarios, money.
 *
 * Notes on keys:
 *   - marginal: Each slice of the amount at its own tier's rate.
 *   - retroactive: The whole amount at the rate of the tier reached.
 *   - rebate: Dealer rebates by channel level (REBATE).
 *   - rebateRate: The share of a volume paid as rebate inside a tier (a rebate's rate, as
 *     提成比例 is a commission's).
 *   - pool: A shared bonus pool (POOL) and what bounds each person's part of it.
 *   - annualTarget: Target breakdown (QUOTASPLIT).
 */
type Words = TermsMessages;

/** The synonyms each term must not be confused with; patterns are code, so they stay here beside the words. */
const AVOID: { readonly [K in keyof Words]?: Term['avoid'] } = {
  commission: { 'zh-CN': ['佣金'] },
  /** The share of an amount paid as commission inside a tier. "费率" reads as a fee. */
  rate: { 'zh-CN': ['费率'] },
  tier: { 'zh-CN': ['级距'] },
  tieredCommission: { 'zh-CN': ['分级提成'] },
  marginal: { 'zh-CN': [/(?<![超全]额)累进/] },
  payoutFactor: { 'zh-CN': ['支付系数'] },
  /** What is weighted: a KPI or any other yardstick. "准则" is the textbook word; users say 指标. */
  criterion: { 'zh-CN': ['准则'] },
};

/** Each term's words, with its avoided synonyms where it has any. */
export const TERMS = Object.fromEntries(
  Object.entries(terms as Words).map(([key, words]) => {
    const avoid = AVOID[key as keyof Words];
    return [key, avoid ? { ...words, avoid } : words];
  }),
) as { readonly [K in keyof Words]: Words[K] & Term };

export type TermKey = keyof typeof TERMS;

/** The avoided synonyms that occur in `text` for `locale` ([] when it keeps to the glossary). */
export function offGlossary(text: string, locale: Locale): { term: TermKey; found: string }[] {
  const hits: { term: TermKey; found: string }[] = [];
  for (const [term, entry] of Object.entries(TERMS) as [TermKey, Term][]) {
    for (const avoided of entry.avoid?.[locale] ?? []) {
      const match = typeof avoided === 'string' ? (text.includes(avoided) ? avoided : null) : (avoided.exec(text)?.[0] ?? null);
      if (match) hits.push({ term, found: match });
    }
  }
  return hits;
}
