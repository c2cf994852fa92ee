/**
 * The Runs view's decisions, apart from React and the network: what the token says about the
 * caller (for showing the right controls only — the API decides), what a run allows now, the
 * submit form's checks, which problem a failed decision is, and watching a queued run.
 */
import { ApiError } from '../../api';
import type { Run, RunStep, RunsClient } from './runs-client';
import type { Locale } from '../../view-contract';

export const SUBMITTER_ROLE = 'Payouts.Submitter';
export const APPROVER_ROLE = 'Payouts.Approver';
const TIER_ROLE = /^Payouts\.Approver\.Tier(\d+)$/;

export interface Caller {
  /** Who, for the "signed in as" line: name, else preferred_username, else sub. */
  name?: string;
  /** The app roles the token carries; undefined when the token cannot be read (an opaque token). */
  roles?: string[];
}

function base64UrlText(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** What a JWT's payload says about its holder (not verified: the API verifies it). */
export function callerOf(token: string): Caller {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return {};
  try {
    const claims = JSON.parse(base64UrlText(parts[1])) as Record<string, unknown>;
    const pick = (key: string) => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined);
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    return { name: pick('name') ?? pick('preferred_username') ?? pick('sub'), roles };
  } catch {
    return {};
  }
}

/** The approval levels the caller's roles name (Payouts.Approver.Tier{k}). */
export function approverLevels(roles: readonly string[] | undefined): number[] {
  return (roles ?? []).flatMap((role) => {
    const m = TIER_ROLE.exec(role);
    return m ? [Number(m[1])] : [];
  });
}

export const maySubmit = (caller: Caller) => caller.roles === undefined || caller.roles.includes(SUBMITTER_ROLE);

/** The step awaiting a decision, if any. */
export function pendingStep(run: Run): RunStep | undefined {
  return run.status === 'awaiting-approval' ? run.steps.find((s) => s.status === 'pending') : undefined;
}

/**
 * Whether to offer Approve / Reject: the run awaits approval and the caller looks like an
 * approver of the pending level (or the token does not say: then the API answers).
 */
export function mayDecide(run: Run, caller: Caller): boolean {
  const step = pendingStep(run);
  if (!step) return false;
  if (caller.roles === undefined) return true;
  return caller.roles.includes(APPROVER_ROLE) && approverLevels(caller.roles).includes(step.level);
}

export const payrollReady = (run: Run) => run.status === 'approved' || run.status === 'exported';
export const hasResults = (run: Run) => run.totals !== null && run.status !== 'queued' && run.status !== 'failed';
/** Whether the run is still moving by itself (the pane polls it). */
export const isWorking = (run: Run) => run.status === 'queued';

export type DecisionProblem = 'stale' | 'denied' | 'ownRun' | 'decidedEarlier' | 'notAwaiting' | 'reloadFirst' | 'other';

/** The API's problem types for the 403s of approve/reject (docs/spec/api.md). */
const REFUSED_BY: Record<string, DecisionProblem> = {
  'urn:perfplan:problem:runs:maker-checker': 'ownRun',
  'urn:perfplan:problem:runs:one-level-per-person': 'decidedEarlier',
};

/** Which problem a failed approve/reject is: 412 someone acted first, 403, 409, 428. */
export function decisionProblem(error: unknown): DecisionProblem {
  if (!(error instanceof ApiError) || error.kind !== 'http') return 'other';
  switch (error.status) {
    case 412:
      return 'stale';
    case 403:
      // Which rule refused it, when the API says; else the general message.
      return (error.type && REFUSED_BY[error.type]) || 'denied';
    case 409:
      return 'notAwaiting';
    case 428:
      return 'reloadFirst';
    default:
      return 'other';
  }
}

export const MAX_COMMENT = 1000;

export type CommentProblem = 'commentNeeded' | 'commentTooLong';

export function commentProblem(decision: 'approve' | 'reject', comment: string): CommentProblem | undefined {
  if (comment.trim().length > MAX_COMMENT) return 'commentTooLong';
  if (decision === 'reject' && comment.trim() === '') return 'commentNeeded';
  return undefined;
}

export interface SubmitForm {
  period: string;
  peopleTable: string;
  payoutColumn: string;
  currency: string;
  /** The payroll map's JSON text (optional: without it the API derives the payroll columns). */
  payrollMap?: string;
}

export type FormProblem = 'periodMissing' | 'periodTooLong' | 'currencyInvalid';

/** The form's problems (the API checks again), by field. */
export function formProblems(form: SubmitForm): Partial<Record<'period' | 'currency', FormProblem>> {
  const problems: Partial<Record<'period' | 'currency', FormProblem>> = {};
  const period = form.period.trim();
  if (period === '') problems.period = 'periodMissing';
  else if (period.length > 40) problems.period = 'periodTooLong';
  if (form.currency.trim() !== '' && !/^[A-Z]{3}$/.test(form.currency.trim())) problems.currency = 'currencyInvalid';
  return problems;
}

/** The metadata the form submits (a payroll map already checked: see the view's readMap). */
export function runMetadata(form: SubmitForm, language?: Locale) {
  const currency = form.currency.trim();
  const map = form.payrollMap?.trim();
  return {
    period: form.period.trim(),
    peopleTable: form.peopleTable,
    payoutColumn: form.payoutColumn,
    ...(currency ? { currency } : {}),
    ...(map ? { payrollMap: JSON.parse(map) as unknown } : {}),
    // The run's statements in the pane's language.
    ...(language ? { language } : {}),
  };
}

/** This month as periods are usually written (2025-07). */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * Polls GET /runs/{id} while the run is queued: each answer goes to `onRun`, the delay grows
 * from `firstMs` to `maxMs`; resolves with the last answer once the run moved on. Aborting the
 * signal stops it (the promise then rejects with the AbortError).
 */
export async function watchRun(
  client: Pick<RunsClient, 'get'>,
  id: string,
  onRun: (answer: { run: Run; etag?: string }) => void,
  { signal, firstMs = 1000, maxMs = 5000 }: { signal?: AbortSignal; firstMs?: number; maxMs?: number } = {},
): Promise<{ run: Run; etag?: string }> {
  let delay = firstMs;
  for (;;) {
    const answer = await client.get(id, signal);
    onRun(answer);
    if (!isWorking(answer.run)) return answer;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', stop);
        resolve();
      }, delay);
      const stop = () => {
        clearTimeout(timer);
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      };
      if (signal?.aborted) stop();
      else signal?.addEventListener('abort', stop, { once: true });
    });
    delay = Math.min(maxMs, Math.round(delay * 1.5));
  }
}

/**
 * The statement page for a frame: the API serves it with a strict Content-Security-Policy
 * header, which a srcdoc frame does not get — so the same policy goes in as a meta element
 * (and the frame is sandboxed without scripts).
 */
export const STATEMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function framedStatement(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${STATEMENT_CSP}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return meta + html;
}
