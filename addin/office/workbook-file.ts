/**
 * The open workbook as Excel hands it over: Office.context.document.getFileAsync(Compressed)
 * — the .xlsx bytes of the workbook as it is now, unsaved changes included — read slice by
 * slice (4 MiB each) and closed again, whatever happens. Used for the statement footer's
 * SHA-256 (statements-sha256.ts) and for submitting a payout run (the Runs view).
 */
import { concatBytes } from '../../workbook/bytes';
import { messageOf } from '../../i18n/localized-error';

/** Why the workbook's bytes could not be had (callers show their own words for it). */
export class WorkbookFileError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'failed' | 'timeout',
    message: string,
    /** Office's own words for the failure, when it gave any (in the host's language). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

export const SLICE_SIZE = 4_194_304;

/** The workbook's slices, in order; rejects with a WorkbookFileError. */
export function workbookSlices(timeoutMs = 15_000): Promise<ArrayLike<number>[]> {
  return new Promise((resolve, reject) => {
    if (typeof Office === 'undefined' || !Office.context?.document?.getFileAsync) {
      reject(new WorkbookFileError('unsupported', 'this host has no File API (Office.context.document.getFileAsync)'));
      return;
    }
    let done = false;
    const finish = (outcome: { parts: ArrayLike<number>[] } | { error: WorkbookFileError }, file?: Office.File) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        file?.closeAsync();
      } catch {
        // closing is best effort
      }
      if ('parts' in outcome) resolve(outcome.parts);
      else reject(outcome.error);
    };
    const failed = (result: { error?: { message?: string } } | undefined, what: string) =>
      new WorkbookFileError('failed', `${what}: ${result?.error?.message ?? 'Office reported a failure'}`, result?.error?.message || undefined);
    const timer = setTimeout(() => finish({ error: new WorkbookFileError('timeout', `no workbook file within ${timeoutMs} ms`) }), timeoutMs);
    try {
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          finish({ error: failed(result, 'getFileAsync') });
          return;
        }
        const file = result.value;
        const parts: ArrayLike<number>[] = [];
        const next = (index: number) => {
          if (done) {
            try {
              file.closeAsync();
            } catch {
              // best effort
            }
            return;
          }
          if (index >= file.sliceCount) {
            finish({ parts }, file);
            return;
          }
          file.getSliceAsync(index, (slice) => {
            if (slice.status !== Office.AsyncResultStatus.Succeeded) {
              finish({ error: failed(slice, `getSliceAsync(${index})`) }, file);
              return;
            }
            parts.push(slice.value.data as ArrayLike<number>);
            next(index + 1);
          });
        };
        next(0);
      });
    } catch (error) {
      const message = messageOf(error);
      finish({ error: new WorkbookFileError('failed', message, message) });
    }
  });
}

/** How long the Runs view waits for the whole workbook file. */
export const WORKBOOK_FILE_TIMEOUT_MS = 60_000;

/** The workbook's .xlsx bytes; rejects with a WorkbookFileError. */
export async function workbookFileBytes(timeoutMs = WORKBOOK_FILE_TIMEOUT_MS): Promise<Uint8Array<ArrayBuffer>> {
  return concatBytes(await workbookSlices(timeoutMs));
}
