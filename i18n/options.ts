/**
 * The text options of PERF functions (keywords such as "marginal") and their names in each
 * language, declared once. The code is the English keyword workbooks have always used; a
 * zh-CN workbook may write the Chinese name instead (=PERF.TIERED(B2:B9, T, "边际")).
 *
 * engine/grid.ts reads every option through this table (optionalChoice, and SIM's
 * distribution names through matchOption): a name matches trimmed and in any case, in either
 * language. Messages list the accepted values in the user's language (optionList). The task
 * pane offers the names from here and writes the one the workbook's language reads best.
 */
import type { Locale } from './locale';
import type { Text } from './text';

export const OPTION_NAMES = {
  // TIERED, REBATE
  marginal: { 'en-US': 'marginal', 'zh-CN': '边际' },
  retro: { 'en-US': 'retro', 'zh-CN': '追溯' },
  // AHP
  eigen: { 'en-US': 'eigen', 'zh-CN': '特征向量' },
  geomean: { 'en-US': 'geomean', 'zh-CN': '几何平均' },
  // ENTROPY
  minmax: { 'en-US': 'minmax', 'zh-CN': '极差' },
  proportion: { 'en-US': 'proportion', 'zh-CN': '比重' },
  // CURVE (linear, lookup), BLEND (linear, multiplicative)
  linear: { 'en-US': 'linear', 'zh-CN': '线性' },
  lookup: { 'en-US': 'lookup', 'zh-CN': '查表' },
  multiplicative: { 'en-US': 'multiplicative', 'zh-CN': '乘法' },
  // SIM, SIMCORR
  normal: { 'en-US': 'normal', 'zh-CN': '正态' },
  lognormal: { 'en-US': 'lognormal', 'zh-CN': '对数正态' },
  uniform: { 'en-US': 'uniform', 'zh-CN': '均匀' },
  triangular: { 'en-US': 'triangular', 'zh-CN': '三角' },
  pert: { 'en-US': 'pert', 'zh-CN': 'PERT' },
} as const satisfies Record<string, Text>;

/** An option's code: the English keyword ('marginal'). */
export type OptionCode = keyof typeof OPTION_NAMES;

/** How an option is compared: trimmed, in lower case (Chinese has no case; PERT = pert). */
export function optionKey(text: string): string {
  return text.trim().toLowerCase();
}

/** The code among `allowed` that `text` names in any language, or undefined. */
export function matchOption<T extends OptionCode>(text: string, allowed: readonly T[]): T | undefined {
  const key = optionKey(text);
  return allowed.find((code) => code === key || Object.values<string>(OPTION_NAMES[code]).some((name) => optionKey(name) === key));
}

/**
 * The option as a formula writes it in `locale` ("边际" in zh-CN): what a builder puts into a
 * workbook of that language. (i18n/terms.ts OPTION_TERMS are the longer names screens show.)
 */
export function formulaOption(code: OptionCode, locale: Locale): string {
  return OPTION_NAMES[code][locale];
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
