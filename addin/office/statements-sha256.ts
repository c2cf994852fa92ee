/**
 * The statement footer's SHA-256 from the pane: the open workbook as Excel hands it over
 * (Office.context.document.getFileAsync, compressed: the .xlsx bytes of the workbook as it is
 * now, unsaved changes included), slice by slice, hashed with Web Crypto. Undefined when this
 * Excel or browser cannot (no File API, no crypto.subtle, a failure or timeout): the view then
 * says the pane does not know it. The slices come from ./workbook-file (as the Runs view's).
 */
import { concatBytes } from '../../workbook/bytes';
import { workbookSlices } from './workbook-file';

/** Lowercase hex of a digest. */
export function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 of `parts` joined (Web Crypto), or undefined without crypto.subtle. */
export async function sha256Of(parts: readonly ArrayLike<number>[]): Promise<string | undefined> {
  const subtle = typeof crypto !== 'undefined' ? crypto.subtle : undefined;
  if (!subtle) return undefined;
  return hex(await subtle.digest('SHA-256', concatBytes(parts)));
}

/** The SHA-256 of the open workbook, or undefined when it cannot be had. */
export async function workbookSha256(timeoutMs = 15_000): Promise<string | undefined> {
  try {
    return await sha256Of(await workbookSlices(timeoutMs));
  } catch {
    return undefined;
  }
}
