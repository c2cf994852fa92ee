/**
 * The audit chain of a run (issue 13 item 4), alone: each entry hashes its content and the
 * hash of the entry before it, and the run keeps the last one's; an entry changed, removed or
 * inserted — the last one too — is found, and where.
 */
import { AuditEntry, GENESIS_HASH, canonicalJson, entryHash, nextEntry, verifyChain } from '../../../functions/src/runs/audit';

const RUN = 'a'.repeat(32);
const system = { sub: 'perfplan:runsCalculate', tid: 'org-a' };
const carol = { sub: 'carol', tid: 'org-a', oid: 'oid-carol', name: 'Carol' };

function chain(): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const add = (fields: Omit<AuditEntry, 'seq' | 'previousHash' | 'hash'>) => entries.push(nextEntry(RUN, entries[entries.length - 1], fields));
  add({ at: '2025-08-01T09:00:00Z', action: 'submit', actor: { sub: 'alice', tid: 'org-a' }, before: null, after: 'queued', detail: { workbookSha256: 'f'.repeat(64) } });
  add({ at: '2025-08-01T09:01:00Z', action: 'calculate', actor: system, before: 'queued', after: 'calculated', detail: { totals: { payout: 3500.5, people: 2 } } });
  add({ at: '2025-08-01T09:01:00Z', action: 'route', actor: system, before: 'calculated', after: 'awaiting-approval', detail: { tier: 1 } });
  add({ at: '2025-08-01T12:00:00Z', action: 'approve', actor: carol, before: 'awaiting-approval', after: 'approved', detail: { level: 1, comment: '核对无误' } });
  return entries;
}
const headOf = (entries: AuditEntry[]) => ({ seq: entries[entries.length - 1].seq, hash: entries[entries.length - 1].hash });

it('links each entry to the one before, from the genesis hash, numbered without gaps', () => {
  const entries = chain();
  expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  expect(entries[0].previousHash).toBe(GENESIS_HASH);
  expect(entries[2].previousHash).toBe(entries[1].hash);
  expect(verifyChain(RUN, entries, headOf(entries))).toEqual({ verified: true, problems: [] });
});

it('hashes the same content the same whatever the key order, and binds it to its run', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}');
  const [first] = chain();
  expect(entryHash(RUN, { ...first, detail: { ...first.detail } })).toBe(first.hash);
  expect(entryHash('b'.repeat(32), first)).not.toBe(first.hash);
});

it('finds an entry whose content was changed', () => {
  const entries = chain();
  entries[1] = { ...entries[1], detail: { totals: { payout: 35_000.5, people: 2 } } };
  expect(verifyChain(RUN, entries, headOf(chain()))).toEqual({
    verified: false,
    problems: [{ seq: 2, message: 'its content does not match its hash: it was changed after it was written' }],
  });
});

it('finds an entry rewritten with a fresh hash: the next one no longer links to it', () => {
  const entries = chain();
  const forged = { ...entries[3], actor: { sub: 'mallory', tid: 'org-a' } };
  entries[3] = { ...forged, hash: entryHash(RUN, forged) };
  const check = verifyChain(RUN, entries, headOf(chain()));
  expect(check.verified).toBe(false);
  expect(check.problems).toEqual([{ seq: 4, message: 'the last entry is not the one the run recorded' }]);
});

it('finds an entry removed from the middle', () => {
  const entries = chain();
  entries.splice(1, 1);
  const check = verifyChain(RUN, entries, headOf(chain()));
  expect(check.problems.map((p) => p.seq)).toEqual([3, 3]);
  expect(check.problems[0].message).toMatch(/entry 2 is missing/);
  expect(check.problems[1].message).toMatch(/does not link/);
});

it('finds the last entry removed, by the head the run keeps', () => {
  const entries = chain();
  const head = headOf(entries);
  entries.pop();
  expect(verifyChain(RUN, entries, head).problems).toEqual([{ seq: 4, message: "the run's last entry is 4, but the chain ends at 3: entries were removed" }]);
});
