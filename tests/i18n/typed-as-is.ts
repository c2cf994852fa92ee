/**
 * The language check for what the workbook reader, the calculator and the command line say
 * (tests/i18n/layer-texts.test.ts, tests/cli/locale.test.ts): language-check.ts's englishWords,
 * plus what a zh-CN user reads there in Latin letters because it is typed or stored as it is.
 */
import { englishWords } from './language-check';

/**
 * What the command line and the workbook layer may show a zh-CN user in Latin letters, beyond
 * what language-check.ts allows: what the user typed or reads in the file as it is — options
 * (--timeout), language tags (zh-CN), XML element names (<sheetData>), file and part names
 * (BOOK.xlsx, xl/worksheets/sheet1.xml), quoted input ('Sheet!C5'), cell references
 * (Sheet1:Sheet3!A1), names in upper case (functions, error codes, metavariables, formats:
 * CONCAT, SECONDS, ZIP, OLE), Excel's storage prefixes (_xlfn.); the command words and role
 * names typed on the command line (admin, publisher, reader) and the API's app role names
 * (Templates.Publisher); the names of formats, programs and services (curl, Entra ID);
 * XMATCH's argument names; and the names the tests give a table and its column (Team, Bonus),
 * as a user named them.
 */
export const TYPED_AS_IS = new Set([
  'explain', 'seed', 'token', 'admin', 'publisher', 'reader', 'help',
  'run', 'submit', 'status', 'list', 'approve', 'reject', 'payroll', 'statement',
  'zlib', 'Deflate', 'JavaScript', 'curl', 'Entra',
  'match_mode', 'search_mode', 'Team', 'Bonus',
]);

export function englishIn(zh: string): string[] {
  const rest = zh
    .replace(/--[a-z][\w-]*/g, ' ')
    .replace(/\b[a-z]{2}-[A-Z]{2}\b/g, ' ')
    .replace(/<\/?[\w:]+>/g, ' ')
    .replace(/\S*\.(?:xlsx|xlsm|xls|xml)\b/g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/[\w.:]*!\$?[A-Z]+\$?\d*(?::\$?[A-Z]+\$?\d*)?/g, ' ')
    .replace(/\b[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+\b/g, ' ');
  return englishWords(rest).filter((word) => !/^[A-Z][A-Z0-9_.]*$/.test(word) && !/^_xl/.test(word) && !TYPED_AS_IS.has(word));
}

