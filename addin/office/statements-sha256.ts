/**
 * The statement footer's SHA-256 from the pane: the open workbook as Excel hands it over
 * (Office.context.document.getFileAsync, compressed: the .xlsx bytes of the workbook as it is
 * now, unsaved changes included), slice by slice, hashed with Web Crypto. Undefined when this
 * Excel or browser cannot (no File API, no crypto.subtle, a failure or timeout): the view then
 * says the pane does not know it.
 */

/** Lowercase hex of a digest. */
export function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 of `parts` joined (Web Crypto), or undefined without crypto.subtle. */
export async function sha256Of(parts: readonly ArrayLike<number>[]): Promise<string | undefined> {
  const subtle = typeof crypto !== 'undefined' ? crypto.subtle : undefined;
  if (!subtle) return undefined;
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return hex(await subtle.digest('SHA-256', all));
}

/** The open workbook's bytes, slice by slice (Office's File API), or undefined. */
function workbookBytes(timeoutMs: number): Promise<ArrayLike<number>[] | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: ArrayLike<number>[] | undefined, file?: Office.File) => {
      if (done) return;
      done = true;
      try {
        file?.closeAsync();
      } catch {
        // closing is best effort
      }
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    try {
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4_194_304 }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          clearTimeout(timer);
          finish(undefined);
          return;
        }
        const file = result.value;
        const parts: ArrayLike<number>[] = [];
        const next = (index: number) => {
          if (index >= file.sliceCount) {
            clearTimeout(timer);
            finish(parts, file);
            return;
          }
          file.getSliceAsync(index, (slice) => {
            if (slice.status !== Office.AsyncResultStatus.Succeeded) {
              clearTimeout(timer);
              finish(undefined, file);
              return;
            }
            parts.push(slice.value.data as ArrayLike<number>);
            next(index + 1);
          });
        };
        next(0);
      });
    } catch {
      clearTimeout(timer);
      finish(undefined);
    }
  });
}

/** The SHA-256 of the open workbook, or undefined when it cannot be had. */
export async function workbookSha256(timeoutMs = 15_000): Promise<string | undefined> {
  try {
    if (typeof Office === 'undefined' || !Office.context?.document?.getFileAsync) return undefined;
    const parts = await workbookBytes(timeoutMs);
    return parts ? await sha256Of(parts) : undefined;
  } catch {
    return undefined;
  }
}
