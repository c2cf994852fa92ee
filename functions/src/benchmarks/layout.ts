/**
 * Where benchmark data lives in the `contributions` table (see store.ts for the whole
 * layout). Every partition key here starts with "|", which nameKey() never produces, so none
 * can collide with the pre-registry rows keyed by group.
 */
import { Contribution, nameKey } from './model';

/** `|t|{key(tid)}`: one organization's contributions and its quota counter. */
export const TENANT_PARTITION_PREFIX = '|t|';
/** The end of the tenant partitions' key range ('|' + 1 = '}'). */
export const TENANT_PARTITION_END = '|t}';
export const QUOTA_ROW = '|quota';
/** `|release`: the head pointer and the noise key. */
export const RELEASE_META_PARTITION = '|release';
export const HEAD_ROW = 'head';
export const NOISE_KEY_ROW = 'noise-key';
/** `|r|{releaseId}`: one release's group states. */
export const RELEASE_PARTITION_PREFIX = '|r|';

export const tenantPartition = (tid: string) => `${TENANT_PARTITION_PREFIX}${nameKey(tid)}`;
export const releasePartition = (releaseId: string) => `${RELEASE_PARTITION_PREFIX}${releaseId}`;
export const groupKey = (metric: string, segment: string, period: string) => `${nameKey(metric)}|${nameKey(segment)}|${nameKey(period)}`;

/** One organization's latest value for one group. */
export interface ContributionEntity extends Contribution {
  partitionKey: string;
  rowKey: string;
  /** Quota window (release window start) that `submissions` counts in. */
  window: string;
  submissions: number;
  /**
   * The value as it stood before the current release window, when it was replaced during the
   * window: a release stamped T counts values as of T, however late it runs.
   */
  releasedValue?: number;
  releasedValueAt?: string;
}

export interface QuotaEntity {
  partitionKey: string;
  rowKey: string;
  window: string;
  count: number;
}

/** The pointer to the current release, and the claim of one being computed. */
export interface HeadEntity {
  partitionKey: string;
  rowKey: string;
  /** '' before the first release. */
  releaseId: string;
  /** JSON array of the release ids whose partitions are kept (newest first). */
  kept: string;
  /** The release being computed ('' when none) and since when (for taking over a stale claim). */
  pendingId: string;
  pendingSince: string;
}

/** One group's state in one release. */
export interface ReleaseGroupEntity {
  partitionKey: string;
  rowKey: string;
  metric: string;
  segment: string;
  period: string;
  unit: string;
  /** Key forms, for server-side filters. */
  metricKey: string;
  segmentKey: string;
  periodKey: string;
  /** Organizations contributing at this release. */
  n: number;
  /** Whether any figure is published (readers see only these rows). */
  published: boolean;
  /** JSON of the published figures ({} when withheld). */
  figures: string;
  /** The n behind the figures and the release that computed them ('' when none). */
  figuresN: number;
  figuresReleasedAt: string;
  /** Fingerprints behind the last published figures (see disclosure.ts, rule 5). */
  basis: string;
  decision: string;
}
