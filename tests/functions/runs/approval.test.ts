/**
 * Approval by amount (issue 13 item 3), the rules alone: the plan documents' three tiers set by
 * amount with a 48-hour limit (the performance plan: "three tiers set by amount with a 48-hour
 * average", replacing 7 levels averaging 10 days), maker-checker, one pair of eyes per level.
 */
import { DEFAULT_TIERS, decide, initialSteps, mayDecide, stepView, tierFor, tierRole, tiersFromEnv } from '../../../functions/src/runs/approval';

const alice = { sub: 'alice', tid: 'org-a' };
const carol = { sub: 'carol', tid: 'org-a', oid: 'oid-carol', name: 'Carol' };
const frank = { sub: 'frank', tid: 'org-a', oid: 'oid-frank' };
const all = ['Payouts.Approver', tierRole(1), tierRole(2), tierRole(3)];

describe('tiers by amount', () => {
  it.each([
    [0, 1],
    [99_999.99, 1],
    [100_000, 1],
    [100_000.01, 2],
    [1_000_000, 2],
    [1_000_000.01, 3],
    [25_000_000, 3],
    // A large clawback needs the same eyes as a large payout.
    [-150_000, 2],
  ])('a total of %p needs %p level(s)', (total, levels) => {
    expect(tierFor(total, DEFAULT_TIERS)).toBe(levels);
  });

  it('amounts are compared in cents: 100,000.004 rounds to the first tier, 100,000.005 does not', () => {
    expect(tierFor(100_000.004, DEFAULT_TIERS)).toBe(1);
    expect(tierFor(100_000.005, DEFAULT_TIERS)).toBe(2);
  });

  it('are configured by PERFPLAN_APPROVAL_TIERS, each step 48 h unless it says otherwise', () => {
    const tiers = tiersFromEnv({ PERFPLAN_APPROVAL_TIERS: '[{"name":"manager","upTo":5000},{"name":"director","hours":24}]' });
    expect(tiers).toEqual([
      { name: 'manager', upTo: 5000, hours: 48 },
      { name: 'director', hours: 24 },
    ]);
    expect(tierFor(5000.01, tiers)).toBe(2);
    expect(tiersFromEnv({})).toBe(DEFAULT_TIERS);
  });

  it.each([
    ['not json', /is not JSON/],
    ['[]', /PERFPLAN_APPROVAL_TIERS: value/],
    ['[{"name":"a","upTo":10},{"name":"b","upTo":20}]', /1\.upTo the last tier covers the rest/],
    ['[{"name":"a"},{"name":"b"}]', /0\.upTo every tier but the last needs upTo/],
    ['[{"name":"a","upTo":20},{"name":"b","upTo":10},{"name":"c"}]', /1\.upTo upTo must increase/],
    ['[{"name":"a","limit":3}]', /Unrecognized key/],
  ])('a malformed setting %p stops the app with the reason', (text, reason) => {
    expect(() => tiersFromEnv({ PERFPLAN_APPROVAL_TIERS: text })).toThrow(reason);
  });
});

describe('steps', () => {
  const now = '2025-08-01T09:00:00.000Z';

  it('level 1 is pending from calculation, due 48 h later; the others wait', () => {
    expect(initialSteps(3, DEFAULT_TIERS, now)).toEqual([
      { level: 1, name: 'department', status: 'pending', startedAt: now, dueAt: '2025-08-03T09:00:00.000Z' },
      { level: 2, name: 'finance', status: 'waiting' },
      { level: 3, name: 'executive', status: 'waiting' },
    ]);
  });

  it('a step pending past its limit is flagged overdue', () => {
    const [step] = initialSteps(1, DEFAULT_TIERS, now);
    expect(stepView(step, Date.parse('2025-08-03T08:59:59Z')).overdue).toBe(false);
    expect(stepView(step, Date.parse('2025-08-03T09:00:01Z')).overdue).toBe(true);
  });

  it('approving a level starts the next (with its own 48 h); approving the last approves the run', () => {
    const steps = initialSteps(2, DEFAULT_TIERS, now);
    const first = decide(steps, 'approve', carol, 'checked', '2025-08-02T10:00:00.000Z', DEFAULT_TIERS);
    expect(first.outcome).toBe('awaiting-approval');
    expect(first.steps).toEqual([
      { ...steps[0], status: 'approved', decidedBy: carol, decidedAt: '2025-08-02T10:00:00.000Z', comment: 'checked' },
      { level: 2, name: 'finance', status: 'pending', startedAt: '2025-08-02T10:00:00.000Z', dueAt: '2025-08-04T10:00:00.000Z' },
    ]);
    const second = decide(first.steps, 'approve', frank, undefined, '2025-08-02T11:00:00.000Z', DEFAULT_TIERS);
    expect(second.outcome).toBe('approved');
    expect(second.steps[1]).toMatchObject({ status: 'approved', decidedBy: frank });
  });

  it('rejecting any level rejects the run; later levels never start', () => {
    const result = decide(initialSteps(3, DEFAULT_TIERS, now), 'reject', carol, 'wrong period', now, DEFAULT_TIERS);
    expect(result.outcome).toBe('rejected');
    expect(result.steps.map((s) => s.status)).toEqual(['rejected', 'waiting', 'waiting']);
  });
});

describe('who may decide', () => {
  const steps = initialSteps(2, DEFAULT_TIERS, '2025-08-01T09:00:00.000Z');

  it('never the submitter, whatever roles they hold (maker-checker)', () => {
    expect(mayDecide(steps, { sub: 'alice', tid: 'org-a' }, all, alice)).toEqual({ refused: 'submitter' });
    // By object id when both tokens carry one, even if the subject differs (another app's pairwise sub).
    expect(mayDecide(steps, { sub: 'other-app-sub', tid: 'org-a', oid: 'oid-alice' }, all, { ...alice, oid: 'oid-alice' })).toEqual({ refused: 'submitter' });
  });

  it('only with the role of the pending level', () => {
    expect(mayDecide(steps, carol, ['Payouts.Approver'], alice)).toEqual({ refused: 'role', level: 1, role: 'Payouts.Approver.Tier1' });
    expect(mayDecide(steps, carol, ['Payouts.Approver', tierRole(1)], alice)).toMatchObject({ level: 1, status: 'pending' });
    const atLevel2 = decide(steps, 'approve', frank, undefined, '2025-08-01T10:00:00.000Z', DEFAULT_TIERS).steps;
    expect(mayDecide(atLevel2, carol, ['Payouts.Approver', tierRole(1)], alice)).toEqual({ refused: 'role', level: 2, role: 'Payouts.Approver.Tier2' });
  });

  it('not twice in one run: the next level needs another person', () => {
    const atLevel2 = decide(steps, 'approve', frank, undefined, '2025-08-01T10:00:00.000Z', DEFAULT_TIERS).steps;
    expect(mayDecide(atLevel2, frank, all, alice)).toEqual({ refused: 'decided-earlier', level: 1 });
    expect(mayDecide(atLevel2, carol, all, alice)).toMatchObject({ level: 2 });
  });

  it('nothing once no step is pending', () => {
    const done = decide(initialSteps(1, DEFAULT_TIERS, '2025-08-01T09:00:00.000Z'), 'approve', carol, undefined, '2025-08-01T10:00:00.000Z', DEFAULT_TIERS).steps;
    expect(mayDecide(done, frank, all, alice)).toEqual({ refused: 'not-pending' });
  });
});
