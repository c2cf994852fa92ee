/**
 * Localized error messages for Excel (#VALUE! and #N/A show their message in the cell's
 * tooltip). Engine messages are English sentences built from a small set of phrases; for
 * zh-CN each known phrase is replaced by its translation and argument names stay as they
 * are (they are the parameter names the user sees in the formula).
 */
const ZH_CN_PHRASES: [RegExp, string][] = [
  [/ is blank; a number is required/g, '为空；需要一个数字'],
  [/ is blank; text is required/g, '为空；需要文本'],
  [/; a number is required/g, '；需要一个数字'],
  [/a number is required/g, '需要一个数字'],
  [/ is not a finite number/g, '不是有限数字'],
  [/expected a single value, got a (\S+) range/g, '应为单个值，实际为 $1 区域'],
  [/the range is empty/g, '区域为空'],
  [/rows have different lengths/g, '各行长度不一致'],
  [/ must be one row or one column; got a (\S+) range/g, '必须是一行或一列；实际为 $1 区域'],
  [/ must have (\d+) columns; got (\d+)/g, '必须有 $1 列；实际为 $2 列'],
  [/the first column must ascend strictly/g, '第一列必须严格递增'],
  [/ must be one of/g, '必须是以下之一：'],
  [/ must be TRUE or FALSE/g, '必须是 TRUE 或 FALSE'],
  [/ has no row in weights/g, '在权重表中没有对应行'],
  [/service unavailable/g, '服务不可用'],
  [/ is below the lowest band/g, '低于最低区间'],
  [/never pays back/g, '永远无法回本'],
  [/unknown metric/g, '未知指标'],
  [/unknown segment/g, '未知分组'],
  [/, row (\d+), column (\d+)/g, '，第 $1 行第 $2 列'],
  [/, row (\d+)/g, '，第 $1 行'],
  [/, column (\d+)/g, '，第 $1 列'],
  [/, item (\d+)/g, '，第 $1 项'],
  [/ is text/g, '是文本'],
  [/; got /g, '；实际为 '],
  [/text "/g, '文本 "'],
];

/** The message in the user's display language (zh-CN phrases translated, others English). */
export function localizeMessage(message: string, language: string): string {
  if (!/^zh(-cn|-hans|-sg)?$/i.test(language) && !/^zh-hans/i.test(language)) return message;
  return ZH_CN_PHRASES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}
