/**
 * What headless calculation (calc/) tells a user, in en-US and zh-CN side by side: the
 * limits of one calculation (perfplan calc exits 3), and the messages inside error cells —
 * the #NAME? of what perfplan calc cannot compute, and the errors of the functions it adds
 * for Excel's storage form (SINGLE, XMATCH, legacy arrays). These reach the cells of the JSON
 * output, so they are rendered in the calculation's locale. The en-US templates are the
 * messages exactly as they have always read.
 *
 * Function names (LET, LAMBDA, OFFSET, XMATCH, ANCHORARRAY, _xlfn.…) and argument names
 * (match_mode) are never translated: they are what the formula says.
 */
import calc from './messages/calc.json';
import type { CalcMessages } from './generated/messages';

/**
 * The keys run in sections: Over a limit (LimitError); What perfplan calc cannot compute (#NAME?,
 * calc/translate.ts, calculate.ts); Errors in cells (calculate.ts, excel-functions/plugin.ts).
 *
 * Notes on keys:
 *   - notSupported: A function by its name as the formula shows it (CONCAT, LAMBDA).
 */
export const CALC = calc as CalcMessages;
