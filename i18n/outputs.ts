/**
 * What `perfplan compare` and `perfplan export` say (issue 12, items 2 and 3), en-US and zh-CN
 * side by side: their usage, argument errors, the references they resolve (Team[Name],
 * Sheet!B2:B9, Sheet!F2#, defined names), refusals with the cells they name, the comparison
 * report and the files they write (sheet names, headings, statuses). One locale decides all
 * of it, as for every command: --lang, else LC_ALL, LC_MESSAGES, LANG (i18n/cli.ts).
 *
 * Command lines, options (--key), references and names as the workbook holds them (Team[Name],
 * PlanCeiling_LabourCost), file names, JSON keys of the map ("columns", "from") and the
 * symbols A, B, Δ and Δ% stay as they are typed.
 */
import outputs from './messages/outputs.json';
import type { OutputsMessages } from './generated/messages';

/**
 * The keys run in sections: Usage; Arguments (exit 1); References (what --key, --value and the map
 * name); Refusals: the cells that cannot be used (exit 1); The comparison report; perfplan export:
 * the map; perfplan export: refusals and the result.
 *
 * Notes on keys:
 *   - helpLines: The lines `perfplan --help` shows for compare and export.
 *   - inBook: A problem inside one workbook: "plan-b.xlsx: …".
 *   - compareRefused: "3 cells cannot be compared: S!C5 is #N/A, S!C9 is blank".
 *   - keyHeading: The key column's heading in the diff workbook when the key's own heading is blank.
 *   - percentUndefinedZero: Δ% of a person whose A is 0: a change from nothing has no percentage.
 *   - percentNotApplicable: Δ% of a joiner or leaver: there is no A (or no B) to compare.
 *   - listAfterCount: The names after a count: " — Li 1,000.00, Wang 2,000.00" / "：Li
 *     1,000.00、Wang 2,000.00".
 *   - ceilingLine: One ceiling, one workbook: "  LabourCost — A: 28.5% ≤ 30%, within".
 *   - valueBlank (and the keys after it): The words of a cell's value inside a message.
 *   - compareSheet (and the keys after it): Sheet names and headings of the comparison workbook (-o); the table is
 *     named as its sheet.
 *   - totalFromTable: Where the workbook's total came from when the map names none.
 */
export const OUTPUTS = outputs as OutputsMessages;
