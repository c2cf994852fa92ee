/**
 * The audit of a payout run (issue 13 item 4): one append-only entry per state change — who
 * acted, when, what, the state before and after, the hashes of what it concerns — each
 * carrying the hash of the entry before it. The store writes an entry in the same table
 * transaction as the change it records, and keeps the last entry's sequence number and hash on
 * the run (its head), so an entry edited, removed or inserted directly in storage — the last
 * one included — breaks the chain, and `verifyChain` says where. Pure: no storage.
 *
 * A hash chain shows that the record was changed; it cannot stop someone who can write the
 * storage account from rewriting the whole chain and the head together. Production keeps the
 * account's keys from people who act on runs (they get tokens, not keys) — README "Security".
 */
import { createHash } from 'crypto';
import type { Actor } from './approval';
import type { RunStatus } from './model';

export type AuditAction = 'submit' | 'calculate' | 'route' | 'fail' | 'approve' | 'reject' | 'export';

export interface AuditEntry {
  /** 1, 2, 3, … with no gaps. */
  seq: number;
  at: string;
  action: AuditAction;
  actor: Actor;
  before: RunStatus | null;
  after: RunStatus;
  /** What the change concerns (amounts, tier, level, comment) and the sha256 of what it stored. */
  detail: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of an entry: sha256 over everything in it but the hash itself, its run id included. */
export function entryHash(runId: string, entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, action, actor, before, after, detail, previousHash } = entry;
  return createHash('sha256').update(canonicalJson({ runId, seq, at, action, actor, before, after, detail, previousHash })).digest('hex');
}

/** The next entry after `head` (or the first), sealed with its hash. */
export function nextEntry(runId: string, head: { seq: number; hash: string } | undefined, fields: Omit<AuditEntry, 'seq' | 'previousHash' | 'hash'>): AuditEntry {
  const unsealed = { ...fields, seq: (head?.seq ?? 0) + 1, previousHash: head?.hash ?? GENESIS_HASH };
  return { ...unsealed, hash: entryHash(runId, unsealed) };
}

export interface ChainCheck {
  verified: boolean;
  problems: Array<{ seq: number; message: string }>;
}

/**
 * Checks the entries (in sequence order) against each other and against the run's head: each
 * hash recomputed, each link to the entry before, the sequence without gaps, and the last entry
 * the one the run names.
 */
export function verifyChain(runId: string, entries: readonly AuditEntry[], head: { seq: number; hash: string } | undefined): ChainCheck {
  const problems: ChainCheck['problems'] = [];
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) problems.push({ seq: entry.seq, message: `entry ${expectedSeq} is missing: the entries go from ${expectedSeq - 1} to ${entry.seq}` });
    if (entry.previousHash !== (previous?.hash ?? GENESIS_HASH)) problems.push({ seq: entry.seq, message: 'it does not link to the entry before it' });
    if (entryHash(runId, entry) !== entry.hash) problems.push({ seq: entry.seq, message: 'its content does not match its hash: it was changed after it was written' });
    previous = entry;
  }
  if (head) {
    if (!previous || previous.seq !== head.seq) problems.push({ seq: head.seq, message: `the run's last entry is ${head.seq}, but the chain ends at ${previous?.seq ?? 0}: entries were removed` });
    else if (previous.hash !== head.hash) problems.push({ seq: head.seq, message: "the last entry is not the one the run recorded" });
  } else if (entries.length > 0) {
    problems.push({ seq: entries[0].seq, message: 'the run records no audit, but entries exist' });
  }
  return { verified: problems.length === 0, problems };
}
