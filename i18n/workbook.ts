/**
 * What the workbook layer (workbook/) tells a user about a file it cannot read, in en-US and
 * zh-CN side by side: the zip container, the package's parts, cells, tables and structured
 * references, and the limits of workbook/limits.ts. The en-US templates are the messages
 * exactly as they have always read.
 *
 * Parameters are what the file holds, as it holds it: part names (xl/worksheets/sheet1.xml),
 * sheet and table names, cell references, sizes (formatted as people read them where the
 * English did). A `reason` is another library's message (zlib, pako), kept as it was written.
 */
import workbook from './messages/workbook.json';
import type { WorkbookMessages } from './generated/messages';

/**
 * The keys run in sections: The zip container (workbook/zip.ts, node-codec.ts, browser-codec.ts);
 * The package and its parts (read.ts, package.ts, tables.ts, xml.ts, a1.ts; exit 2); Writing values
 * back (patch.ts, dynamic-arrays.ts, excel-form.ts); Over a limit (limits.ts; perfplan calc exits
 * 3); Tables and structured references (tables.ts; a formula shows #REF! or #VALUE!).
 *
 * Notes on keys:
 *   - zlibError: pako's error without a message of its own: its zlib status code.
 *   - inPart: XML that is not well-formed, with the part it is in: "xl/workbook.xml: unclosed
 *     <definedName> element".
 */
export const WORKBOOK = workbook as WorkbookMessages;
