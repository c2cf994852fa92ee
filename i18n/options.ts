/**
 * The text options of PERF functions (keywords such as "marginal"), declared once: how a
 * formula writes each one in either language, and what a screen calls it.
 *
 *   - `formula`: the code is the English keyword workbooks have always used; a zh-CN workbook
 *     may write the Chinese name instead (=PERF.TIERED(B2:B9, T, "边际")). engine/grid.ts reads
 *     every option through these names (optionalChoice, and SIM's distribution names through
 *     matchOption): a name matches trimmed and in any case, in either language. Messages list
 *     the accepted values in the user's language (optionList).
 *   - `screen`: the name a screen shows, in the glossary's words where the glossary has the
 *     concept (i18n/terms.ts): 超额累进 / 全额累进 for marginal / retro, while formulas take
 *     边际 / 追溯. The task pane offers options by these names and writes the formula name of
 *     the workbook's language (formulaOption); Explain shows an option by its screen name.
 */
import type { Locale } from './locale';
import { TERMS } from './terms';
import type { Text } from './text';

export interface OptionNames {
  /** As a formula writes it: the code in en-US, the spec's Chinese name in zh-CN. */
  readonly formula: Text;
  /** As a screen names it. */
  readonly screen: Text;
}

export const OPTIONS = {
  // TIERED, REBATE
  marginal: { formula: { 'en-US': 'marginal', 'zh-CN': '边际' }, screen: TERMS.marginal },
  retro: { formula: { 'en-US': 'retro', 'zh-CN': '追溯' }, screen: TERMS.retroactive },
  // AHP
  eigen: { formula: { 'en-US': 'eigen', 'zh-CN': '特征向量' }, screen: TERMS.eigenvector },
  geomean: { formula: { 'en-US': 'geomean', 'zh-CN': '几何平均' }, screen: TERMS.geometricMean },
  // ENTROPY
  minmax: { formula: { 'en-US': 'minmax', 'zh-CN': '极差' }, screen: { 'en-US': 'min-max normalization', 'zh-CN': '极差标准化' } },
  proportion: { formula: { 'en-US': 'proportion', 'zh-CN': '比重' }, screen: { 'en-US': 'proportions of column totals', 'zh-CN': '按列合计的比重' } },
  // CURVE (linear, lookup), BLEND (linear, multiplicative)
  linear: { formula: { 'en-US': 'linear', 'zh-CN': '线性' }, screen: { 'en-US': 'interpolated', 'zh-CN': '线性插值' } },
  lookup: { formula: { 'en-US': 'lookup', 'zh-CN': '查表' }, screen: { 'en-US': 'banded lookup', 'zh-CN': '查表' } },
  multiplicative: { formula: { 'en-US': 'multiplicative', 'zh-CN': '乘法' }, screen: { 'en-US': 'multiplicative', 'zh-CN': '乘法合成' } },
  // SIM, SIMCORR
  normal: { formula: { 'en-US': 'normal', 'zh-CN': '正态' }, screen: { 'en-US': 'normal', 'zh-CN': '正态分布' } },
  lognormal: { formula: { 'en-US': 'lognormal', 'zh-CN': '对数正态' }, screen: { 'en-US': 'lognormal', 'zh-CN': '对数正态分布' } },
  uniform: { formula: { 'en-US': 'uniform', 'zh-CN': '均匀' }, screen: { 'en-US': 'uniform', 'zh-CN': '均匀分布' } },
  triangular: { formula: { 'en-US': 'triangular', 'zh-CN': '三角' }, screen: { 'en-US': 'triangular', 'zh-CN': '三角分布' } },
  pert: { formula: { 'en-US': 'pert', 'zh-CN': 'PERT' }, screen: { 'en-US': 'PERT', 'zh-CN': 'PERT 分布' } },
} as const satisfies Record<string, OptionNames>;

/** An option's code: the English keyword ('marginal'). */
export type OptionCode = keyof typeof OPTIONS;

const CODES = Object.keys(OPTIONS) as OptionCode[];

/** The formula names of each option (code → { en-US, zh-CN }), from OPTIONS. */
export const OPTION_NAMES = Object.fromEntries(CODES.map((code) => [code, OPTIONS[code].formula])) as { readonly [C in OptionCode]: (typeof OPTIONS)[C]['formula'] };

/** How an option is compared: trimmed, in lower case (Chinese has no case; PERT = pert). */
export function optionKey(text: string): string {
  return text.trim().toLowerCase();
}

/** The code among `allowed` that `text` names in any language, or undefined. */
export function matchOption<T extends OptionCode>(text: string, allowed: readonly T[]): T | undefined {
  const key = optionKey(text);
  return allowed.find((code) => code === key || Object.values<string>(OPTION_NAMES[code]).some((name) => optionKey(name) === key));
}

/** The option as a formula writes it in `locale` ("边际" in zh-CN): what a builder puts into a workbook of that language. */
export function formulaOption(code: OptionCode, locale: Locale): string {
  return OPTIONS[code].formula[locale];
}

/** What a screen calls the option (超额累进 for marginal in zh-CN). */
export function screenOption(code: OptionCode, locale: Locale): string {
  return OPTIONS[code].screen[locale];
}

/**
 * `text` by its screen name when it names an option in any language ("marginal", " 边际 " →
 * 超额累进); any other text comes back unchanged (for Explain, which shows the options a
 * formula was given).
 */
export function namedOption(text: string, locale: Locale): string {
  const code = matchOption(text, CODES);
  return code === undefined ? text : screenOption(code, locale);
}

/**
 * The accepted values as a message lists them: en-US the English codes ("marginal", "retro"),
 * zh-CN the Chinese names with the code beside each ("边际"（"marginal"）、"追溯"（"retro"）), so
 * a zh-CN user whose workbook uses the English codes still recognizes them.
 */
export function optionList(allowed: readonly OptionCode[]): Text {
  const english = allowed.map((code) => `"${code}"`).join(', ');
  const chinese = allowed
    .map((code) => {
      const name = OPTION_NAMES[code]['zh-CN'];
      return optionKey(name) === code ? `"${name}"` : `"${name}"（"${code}"）`;
    })
    .join('、');
  return { 'en-US': english, 'zh-CN': chinese };
}
