/**
 * Is the pane running inside Excel, or standalone in a plain browser tab?
 *
 * Inside Excel, office.js resolves Office.onReady with `host: "Excel"`. In a plain browser it
 * resolves with `host: null`; when office.js could not be loaded (offline, blocked CDN) the
 * `Office` global is missing; and a half-loaded office.js may never resolve — after
 * HOST_TIMEOUT_MS the pane gives up waiting and runs standalone (still switching to Excel
 * mode should Office become ready later). Pure apart from the timer: tests pass fakes.
 */

export const HOST_TIMEOUT_MS = 3000;

/** The parts of the `Office` global this module reads. */
export interface OfficeLike {
  onReady?: () => Promise<{ host?: unknown; platform?: unknown } | undefined>;
  context?: { displayLanguage?: string; requirements?: { isSetSupported(name: string, version?: string): boolean } } | null;
}

export type HostReason =
  /** Office.onReady reported the Excel host. */
  | 'excel'
  /** No `Office` global (office.js absent or unreachable). */
  | 'no-office-js'
  /** Office.onReady reported no host (a plain browser tab). */
  | 'no-host'
  /** Some other Office host (Word, …): PerfPlan's Excel actions make no sense there. */
  | 'other-host'
  /** Office.onReady did not answer within the timeout. */
  | 'timeout'
  /** Office.onReady threw or rejected. */
  | 'error';

export interface HostDetection {
  inExcel: boolean;
  reason: HostReason;
  /** Office's display language (only when a host answered). */
  displayLanguage?: string;
  /** In Excel: whether it can insert worksheets from a file (ExcelApi 1.13). */
  canInsertSheets?: boolean;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The `Office` global, or undefined when office.js did not load. */
export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
}

/** Whether Office reports a requirement set (undefined when it cannot say). */
export function supports(office: OfficeLike, name: string, version: string): boolean | undefined {
  try {
    const requirements = office.context?.requirements;
    return requirements && typeof requirements.isSetSupported === 'function' ? requirements.isSetSupported(name, version) : undefined;
  } catch {
    return undefined;
  }
}

function fromReady(office: OfficeLike, info: { host?: unknown } | undefined): HostDetection {
  const host = info?.host;
  if (!host) return { inExcel: false, reason: 'no-host' };
  let displayLanguage: string | undefined;
  try {
    displayLanguage = office.context?.displayLanguage || undefined;
  } catch {
    displayLanguage = undefined;
  }
  // Office.HostType.Excel === "Excel"
  if (host === 'Excel') {
    const canInsertSheets = supports(office, 'ExcelApi', '1.13');
    return canInsertSheets === undefined ? { inExcel: true, reason: 'excel', displayLanguage } : { inExcel: true, reason: 'excel', displayLanguage, canInsertSheets };
  }
  return { inExcel: false, reason: 'other-host', displayLanguage };
}

/**
 * Resolves once it is known whether the pane runs in Excel (never rejects). When office.js
 * answers only after the timeout, `onLate` receives that later answer.
 */
export function detectHost(
  office: OfficeLike | undefined,
  options: { timeoutMs?: number; timers?: Timers; onLate?: (detection: HostDetection) => void } = {},
): Promise<HostDetection> {
  const { timeoutMs = HOST_TIMEOUT_MS, timers = realTimers, onLate } = options;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ inExcel: false, reason: 'no-office-js' });

  return new Promise<HostDetection>((resolve) => {
    let settled = false;
    const timer = timers.setTimeout(() => {
      if (settled) return;
      settled = true;
      resolve({ inExcel: false, reason: 'timeout' });
    }, timeoutMs);

    const answer = (detection: HostDetection) => {
      if (!settled) {
        settled = true;
        timers.clearTimeout(timer);
        resolve(detection);
      } else if (detection.inExcel && onLate) {
        onLate(detection);
      }
    };

    let ready: Promise<{ host?: unknown } | undefined>;
    try {
      ready = Promise.resolve(office.onReady!());
    } catch {
      answer({ inExcel: false, reason: 'error' });
      return;
    }
    ready.then(
      (info) => answer(fromReady(office, info)),
      () => answer({ inExcel: false, reason: 'error' }),
    );
  });
}
