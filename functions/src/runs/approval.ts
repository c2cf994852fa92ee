/**
 * Approval by amount (issue 13 item 3). A calculated run needs as many approval levels as its
 * total payout requires — by default the plan documents' three tiers (department review, then
 * finance, then executive sign-off), each step due within 48 hours — and moves through them in
 * order. Pure: no storage; the store applies what this decides.
 *
 * Tiers come from the app setting PERFPLAN_APPROVAL_TIERS, a JSON array of
 * `{name, upTo?, hours?}` in increasing `upTo` (the largest total, in the run's currency, that
 * this tier covers; the last tier has none and covers the rest). A total ≤ the first `upTo`
 * needs level 1 only; ≤ the second, levels 1–2; and so on. The amounts are compared in cents.
 *
 * Who may act on level k: app roles `Payouts.Approver` and `Payouts.Approver.Tier{k}`. Never the
 * run's submitter (maker-checker), and never someone who already decided an earlier level of
 * the same run (each level is a different pair of eyes).
 */
import { z } from 'zod';

export interface ApprovalTier {
  name: string;
  /** The largest total payout this tier covers; absent on the last tier. */
  upTo?: number;
  /** The time limit of the tier's step. */
  hours: number;
}

/** The plan documents' three tiers set by amount, each with the 48-hour limit. */
export const DEFAULT_TIERS: readonly ApprovalTier[] = [
  { name: 'department', upTo: 100_000, hours: 48 },
  { name: 'finance', upTo: 1_000_000, hours: 48 },
  { name: 'executive', hours: 48 },
];

/** The app role, besides Payouts.Approver, that acting on level `level` needs. */
export const tierRole = (level: number): string => `Payouts.Approver.Tier${level}`;

/** Who acted, from the token. */
export interface Actor {
  sub: string;
  tid: string;
  oid?: string;
  name?: string;
}

export type StepStatus = 'waiting' | 'pending' | 'approved' | 'rejected';

export interface ApprovalStep {
  level: number;
  name: string;
  status: StepStatus;
  /** When the step became pending, and when it is due. */
  startedAt?: string;
  dueAt?: string;
  decidedBy?: Actor;
  decidedAt?: string;
  comment?: string;
}

const TiersSetting = z
  .array(
    z
      .object({
        name: z.string().trim().min(1).max(40),
        upTo: z.number().finite().nonnegative().optional(),
        hours: z.number().finite().positive().max(24 * 365).default(48),
      })
      .strict(),
  )
  .min(1)
  .max(10)
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, i) => {
      const last = i === tiers.length - 1;
      if (last && tier.upTo !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'the last tier covers the rest: no upTo' });
      if (!last && tier.upTo === undefined) ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'every tier but the last needs upTo' });
      if (i > 0 && !last && tier.upTo !== undefined && tiers[i - 1].upTo !== undefined && tier.upTo <= tiers[i - 1].upTo!) {
        ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'upTo must increase from tier to tier' });
      }
    });
  });

/** The tiers the app settings configure (PERFPLAN_APPROVAL_TIERS), else the default; a malformed setting stops the app with the reason. */
export function tiersFromEnv(env: NodeJS.ProcessEnv = process.env): readonly ApprovalTier[] {
  const text = env.PERFPLAN_APPROVAL_TIERS;
  if (text === undefined || text.trim() === '') return DEFAULT_TIERS;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('PERFPLAN_APPROVAL_TIERS is not JSON: expected [{"name":"department","upTo":100000,"hours":48}, …, {"name":"executive"}].');
  }
  const parsed = TiersSetting.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`PERFPLAN_APPROVAL_TIERS: ${first.path.join('.') || 'value'} ${first.message}.`);
  }
  return parsed.data;
}

/** Whole cents, half away from zero (as the payroll file rounds). */
const cents = (amount: number): number => Math.sign(amount) * Math.round(Math.abs(amount) * 100);

/** How many levels a total payout needs (1-based): the first tier whose upTo covers its size. */
export function tierFor(totalPayout: number, tiers: readonly ApprovalTier[]): number {
  // A large clawback (a negative total) needs the same eyes as a large payout.
  const total = Math.abs(cents(totalPayout));
  const index = tiers.findIndex((tier) => tier.upTo === undefined || total <= cents(tier.upTo));
  return (index === -1 ? tiers.length - 1 : index) + 1;
}

const plusHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/** The steps of a run that needs `tier` levels, the first pending from `now`. */
export function initialSteps(tier: number, tiers: readonly ApprovalTier[], now: string): ApprovalStep[] {
  return tiers.slice(0, tier).map((t, i) => (i === 0 ? { level: 1, name: t.name, status: 'pending', startedAt: now, dueAt: plusHours(now, t.hours) } : { level: i + 1, name: t.name, status: 'waiting' }));
}

/** The same person, by object id when both tokens carry one, else by subject. */
export function samePerson(a: Actor, b: Actor): boolean {
  if (a.tid !== b.tid) return false;
  return a.oid && b.oid ? a.oid === b.oid : a.sub === b.sub;
}

/** Problem types (RFC 9457 `type`) of the refusals, so that clients need not read the prose. */
export const REFUSAL_TYPES = {
  submitter: 'urn:perfplan:problem:runs:maker-checker',
  role: 'urn:perfplan:problem:runs:level-role',
  'decided-earlier': 'urn:perfplan:problem:runs:one-level-per-person',
} as const;

export type Refused =
  | { refused: 'not-pending' }
  | { refused: 'role'; level: number; role: string }
  | { refused: 'submitter' }
  | { refused: 'decided-earlier'; level: number };

/** Why `actor` (holding `roles`) may not decide the pending step, or the step. */
export function mayDecide(steps: readonly ApprovalStep[], actor: Actor, roles: readonly string[], submitter: Actor): ApprovalStep | Refused {
  const pending = steps.find((s) => s.status === 'pending');
  if (!pending) return { refused: 'not-pending' };
  if (samePerson(actor, submitter)) return { refused: 'submitter' };
  if (!roles.includes(tierRole(pending.level))) return { refused: 'role', level: pending.level, role: tierRole(pending.level) };
  const earlier = steps.find((s) => s.decidedBy && samePerson(s.decidedBy, actor));
  if (earlier) return { refused: 'decided-earlier', level: earlier.level };
  return pending;
}

/** The steps after `actor` decides the pending one, and whether the run is now approved or rejected (else still awaiting). */
export function decide(
  steps: readonly ApprovalStep[],
  decision: 'approve' | 'reject',
  actor: Actor,
  comment: string | undefined,
  now: string,
  tiers: readonly ApprovalTier[],
): { steps: ApprovalStep[]; outcome: 'approved' | 'rejected' | 'awaiting-approval'; decided: ApprovalStep } {
  const index = steps.findIndex((s) => s.status === 'pending');
  if (index === -1) throw new Error('no step is pending');
  const decided: ApprovalStep = {
    ...steps[index],
    status: decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: actor,
    decidedAt: now,
    ...(comment ? { comment } : {}),
  };
  const next = steps.map((s, i) => (i === index ? decided : { ...s }));
  if (decision === 'reject') return { steps: next, outcome: 'rejected', decided };
  if (index + 1 >= next.length) return { steps: next, outcome: 'approved', decided };
  const hours = tiers[index + 1]?.hours ?? DEFAULT_TIERS[DEFAULT_TIERS.length - 1].hours;
  next[index + 1] = { ...next[index + 1], status: 'pending', startedAt: now, dueAt: plusHours(now, hours) };
  return { steps: next, outcome: 'awaiting-approval', decided };
}

/** A step as lists show it: flagged when pending past its limit. */
export function stepView(step: ApprovalStep, now: number = Date.now()) {
  return { ...step, overdue: step.status === 'pending' && step.dueAt !== undefined && Date.parse(step.dueAt) < now };
}
