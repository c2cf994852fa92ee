/**
 * The number format of each cell style of a workbook, from its styles part (`xl/styles.xml`):
 * `<numFmts>` (the book's own codes, ids ≥ 164 — and the locale's ids Excel writes out, e.g.
 * 41–44 in a Chinese Excel's books) and `<cellXfs>` (a cell's `s` attribute indexes it; each
 * `<xf numFmtId>` names its format). Ids the book does not define are Excel's built-ins
 * (ECMA-376 Part 1, §18.8.30 numFmt): 0–4, 9–22, 37–40, 45–49 as the standard lists them; the
 * locale-dependent ones as Excel writes them for Chinese (Simplified) — currency 5–8 and
 * accounting 41–44 in yuan, dates and times 27–36 and 50–58 with 年/月/日, 时/分/秒 — since
 * PerfPlan's amounts are CNY and those ids have no other meaning in a Chinese workbook. The
 * short date 14 and 22 are the reader's own (Excel shows 7/15/2025 in en-US, 2025/7/15 in
 * zh-CN): they are read as en-US codes with the locale tag [$-409], which localDateFormat turns
 * into the Chinese form for a statement in zh-CN.
 */
import { attributes, elements } from './xml';

const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: '[$-409]m/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: '[$-409]m/d/yyyy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Built-in 14 (the short date) and 22 (short date and time) as read. */
export const SHORT_DATE = '[$-409]m/d/yyyy';
export const SHORT_DATE_TIME = '[$-409]m/d/yyyy h:mm';

/** A code as shown in `locale`: the built-in short dates in the language's own order, anything else as it is. */
export function localDateFormat(code: string, locale: string): string {
  if (!locale.toLowerCase().startsWith('zh')) return code;
  return code === SHORT_DATE ? 'yyyy/m/d' : code === SHORT_DATE_TIME ? 'yyyy/m/d h:mm' : code;
}

/** The format code of a built-in id; undefined for an id Excel defines for no locale we know. */
export function builtinNumberFormat(id: number): string | undefined {
  return BUILTIN[id];
}

/** Built-in ids whose code is the same in every locale (the others are the reader's own). */
const INVARIANT_IDS = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 37, 38, 39, 40, 45, 46, 47, 48, 49];
const INVARIANT_BY_CODE = new Map(INVARIANT_IDS.map((id) => [BUILTIN[id], id]));

/**
 * The built-in id of a code every locale shows alike ("0.00" → 2, "0%" → 9), as Excel writes
 * it: no `<numFmt>` of its own. Undefined for any other code (it needs an id from 164).
 */
export function builtinNumberFormatId(code: string): number | undefined {
  return INVARIANT_BY_CODE.get(code);
}

/**
 * The styles part → the format code of each cell style (index = the `s` of a cell). A style
 * whose id is neither defined nor built in gets 'General'.
 */
export function readNumberFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  const numFmts = [...elements(xml, 'numFmts')][0];
  if (numFmts) {
    for (const { tag } of elements(numFmts.body, 'numFmt')) {
      const a = attributes(tag.attributesText);
      if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
    }
  }
  const out: string[] = [];
  const cellXfs = [...elements(xml, 'cellXfs')][0];
  if (!cellXfs) return out;
  for (const { tag } of elements(cellXfs.body, 'xf')) {
    const id = Number(attributes(tag.attributesText).numFmtId ?? 0);
    out.push(custom.get(id) ?? BUILTIN[id] ?? 'General');
  }
  return out;
}

