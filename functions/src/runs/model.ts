/**
 * Payout runs (issue 13): what a submission carries, how a run is stored and what the API
 * answers. A run belongs to the organization that submitted it (token `tid`): its table
 * partition is derived from the tenant, so another tenant's GET finds nothing (404).
 *
 * The run id is derived from (tenant, workbook sha256, period, people table): submitting the
 * same workbook for the same period and people table again names the same run, which is how a
 * resubmission — or a retry after a crash — finds the existing run instead of making a second.
 */
import { createHash } from 'crypto';
import { z } from 'zod';
import { parsePayrollMap } from '../../../calc/payroll';
import { mapProblemPhrase } from '../../../calc/payroll-phrases';
import type { RunSettings } from '../../../calc/run-settings';
import type { Locale } from '../../../i18n/locale';
import { render } from '../../../i18n/text';
import { TemplateId, freeText } from '../templates/model';
import { Actor, ApprovalStep, stepView } from './approval';

/** App role: may submit runs (and read its organization's runs). */
export const SUBMITTER_ROLE = 'Payouts.Submitter';
/** App role: approves runs (with the role of the level, approval.ts tierRole); may read its organization's runs. */
export const APPROVER_ROLE = 'Payouts.Approver';
/** Roles that may read runs. */
export const RUN_READER_ROLES = [SUBMITTER_ROLE, APPROVER_ROLE] as const;

export const RUN_STATUSES = ['queued', 'calculated', 'awaiting-approval', 'approved', 'rejected', 'exported', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Run ids: 32 lowercase hex digits. */
export const RUN_ID_RE = /^[0-9a-f]{32}$/;

/** An Excel table name: a letter, underscore or backslash first, then letters, digits, underscores and periods (≤ 255). */
const TABLE_NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u;

/** The run settings the pane and the CLI send (calc/run-settings.ts), checked; `satisfies` fails to compile if the two part. */
export const RunMetadataInput = z
  .object({
    /** The period as the plan writes it ("2025-07", "2025-Q3", "2025年7月"). */
    period: freeText(40, { form: 'NFKC' }),
    peopleTable: z.string().max(255).normalize('NFKC').trim().pipe(z.string().regex(TABLE_NAME_RE, 'must be an Excel table name')),
    /** A column header of the people table. */
    payoutColumn: freeText(255),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY or USD').optional(),
    /** The language of the run's statements and messages (default en-US); the pane and the CLI send their user's. */
    language: z.enum(['en-US', 'zh-CN'] as const satisfies readonly Locale[]).optional(),
    templateId: TemplateId.optional(),
    templateVersion: z.number().int().min(1).max(1_000_000).optional(),
    /** The payroll columns, as `perfplan export --map` reads them (calc/payroll.ts); absent: derived from the people table. */
    payrollMap: z
      .unknown()
      .superRefine((json, ctx) => {
        const map = parsePayrollMap(json);
        if (!('kind' in map)) return;
        const problem = mapProblemPhrase(map);
        ctx.addIssue({ code: 'custom', message: render(problem.text, 'en-US', problem.params) });
      })
      .refine((json) => JSON.stringify(json).length <= 16_384, 'must be at most 16 KB of JSON')
      .optional(),
  })
  .strict()
  .refine((m) => m.templateVersion === undefined || m.templateId !== undefined, {
    message: 'templateVersion needs templateId',
    path: ['templateVersion'],
  }) satisfies z.ZodType<RunSettings>;
export type RunMetadata = z.output<typeof RunMetadataInput>;

/** Who acts: the caller's organization and subject (from the token). */
export interface RunActor {
  tenantId: string;
  subject: string;
  objectId?: string;
  name?: string;
}

export interface RunTotals {
  payout: number;
  people: number;
}

export interface RunError {
  /** The person (id or row) and what is wrong. */
  person?: string;
  cell?: string;
  message: string;
}

export interface RunRecord extends RunMetadata {
  id: string;
  tenantId: string;
  status: RunStatus;
  workbook: { sha256: string; bytes: number; blob: string };
  submittedBy: string;
  /** The submitter as the token named them (maker-checker compares against this). */
  submitter: Actor;
  /** Approval levels the total requires (null before calculation) and their steps. */
  tier: number | null;
  steps: ApprovalStep[];
  /** The last audit entry: its sequence number and hash (audit.ts). */
  auditHead?: { seq: number; hash: string };
  /** The payroll files (CSV and xlsx blobs) made at calculation. */
  payroll?: { csv: string; xlsx: string; rows: number; totalCents: number; sha256: string };
  submittedAt: string;
  updatedAt: string;
  /** True once the queue message is known to be sent (a retry sends it again otherwise). */
  enqueued: boolean;
  totals: RunTotals | null;
  errors?: RunError[];
  /** Blob of the per-person results (JSON), once calculated. */
  resultsBlob?: string;
  etag: string;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The table partition (and blob folder) of a tenant: any `tid` becomes a key storage accepts. */
export const tenantKey = (tenantId: string): string => `t${sha256Hex(`tenant\0${tenantId}`).slice(0, 40)}`;

/** The run a (tenant, workbook, period, people table) names. */
export function runIdFor(tenantId: string, workbookSha256: string, period: string, peopleTable: string): string {
  return sha256Hex(['run', tenantId, workbookSha256, period, peopleTable.toLowerCase()].join('\0')).slice(0, 32);
}

/**
 * What a run was submitted with, as the API shows it and the runs table stores it: the optional
 * settings only when given (the payroll map is stored as JSON and not shown, so it is not here).
 */
export function runSettings(metadata: RunSettings) {
  return {
    period: metadata.period,
    peopleTable: metadata.peopleTable,
    payoutColumn: metadata.payoutColumn,
    ...(metadata.currency ? { currency: metadata.currency } : {}),
    ...(metadata.language ? { language: metadata.language } : {}),
    ...(metadata.templateId ? { templateId: metadata.templateId } : {}),
    ...(metadata.templateVersion ? { templateVersion: metadata.templateVersion } : {}),
  };
}

/** The API's view of a run. */
export function runView(run: RunRecord, now: number = Date.now()) {
  const steps = run.steps.map((step) => stepView(step, now));
  return {
    id: run.id,
    status: run.status,
    ...runSettings(run),
    workbook: { sha256: run.workbook.sha256, bytes: run.workbook.bytes },
    submittedBy: run.submittedBy,
    submittedAt: run.submittedAt,
    updatedAt: run.updatedAt,
    totals: run.totals,
    tier: run.tier,
    steps: steps,
    overdue: steps.some((s) => s.overdue),
    ...(run.payroll ? { payroll: { rows: run.payroll.rows, total: run.payroll.totalCents / 100 } } : {}),
    ...(run.errors && run.errors.length > 0 ? { errors: run.errors } : {}),
  };
}
