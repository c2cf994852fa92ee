/**
 * Template metadata (api.md § Templates): what an admin uploads (`TemplateMetadataInput`),
 * what the store returns (`TemplateRecord`, one per template, with the table ETag the
 * handler sends as `ETag` and expects back in `If-Match`) and one stored version
 * (`TemplateVersion`).
 */
import { z } from 'zod';
import type { FieldError } from '../http/problem';

export const TEMPLATE_ID_RE = /^[a-z0-9][a-z0-9-]{2,63}$/;
export const TEMPLATE_CATEGORIES = ['scorecard', 'incentive', 'cost-benefit', 'budget', 'simulation', 'channel'] as const;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TemplateId = z.string().regex(TEMPLATE_ID_RE, 'must be 3–64 lowercase letters, digits or hyphens, starting with a letter or digit');
export const TemplateCategory = z.enum(TEMPLATE_CATEGORIES);
export type TemplateCategory = z.infer<typeof TemplateCategory>;

/** C0/C1 controls; descriptions may keep tab and line breaks. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A surrogate without its partner: not text (String#isWellFormed needs ES2024 typings). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);

/**
 * A free-text field: well-formed Unicode (a lone surrogate would be refused by storage, a
 * 500), no control characters, trimmed, at most `max` characters both as sent and in NFKC
 * form (what search compares; a ligature like U+FDFA grows 18-fold under NFKC). Titles and
 * descriptions are stored in NFC, which never changes how text looks — NFKC would turn
 * Chinese full-width punctuation （，：） and ㎡ into ASCII, corrupting what the author wrote.
 * Keys (tags, query parameters) are stored in NFKC: ＫＰＩ and KPI are one tag.
 */
export function freeText(max: number, { min = 1, form = 'NFC', multiline = false }: { min?: number; form?: 'NFC' | 'NFKC'; multiline?: boolean } = {}) {
  const tooLong = `must be at most ${max} characters`;
  // abort: one message per problem, and no normalization of what is already refused.
  return z
    .string()
    .max(max, { message: tooLong, abort: true })
    .refine(isWellFormedText, { message: 'must be valid Unicode text', abort: true })
    .refine((s) => !(multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(s), { message: 'must not contain control characters', abort: true })
    .normalize(form)
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, { message: tooLong, abort: true })
    .refine((s) => form === 'NFKC' || s.normalize('NFKC').length <= max, `${tooLong} after Unicode compatibility normalization (NFKC)`);
}

export const LocalizedTitle = z.object({ en: freeText(200), zh: freeText(200) });
export const LocalizedDescription = z.object({ en: freeText(4000, { min: 0, multiline: true }), zh: freeText(4000, { min: 0, multiline: true }) });
export type LocalizedText = z.infer<typeof LocalizedTitle>;

export const TemplateTags = z.array(freeText(40, { form: 'NFKC' })).max(20);

/**
 * Who sees a tenant's template: `tenant` — only its own organization (token `tid`);
 * `shared` — every reader, read-only outside the organization. Built-ins are always shared.
 */
export const TEMPLATE_VISIBILITIES = ['tenant', 'shared'] as const;
export const TemplateVisibility = z.enum(TEMPLATE_VISIBILITIES);
export type TemplateVisibility = z.infer<typeof TemplateVisibility>;

export const TemplateMetadataInput = z.object({
  id: TemplateId,
  title: LocalizedTitle,
  description: LocalizedDescription,
  category: TemplateCategory,
  tags: TemplateTags.default([]),
  visibility: TemplateVisibility.default('tenant'),
});
export type TemplateMetadataInput = z.input<typeof TemplateMetadataInput>;
export type TemplateMetadata = z.output<typeof TemplateMetadataInput>;

/** PUT body metadata: `id` may be omitted (the URL names the template); if present it must match. */
export const TemplateMetadataUpdateInput = TemplateMetadataInput.partial({ id: true });
export type TemplateMetadataUpdateInput = z.input<typeof TemplateMetadataUpdateInput>;

const IsoDate = z.string().min(1);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const TemplateVersion = z.object({
  version: z.number().int().positive(),
  sha256: Sha256Hex,
  sizeBytes: z.number().int().nonnegative(),
  createdAt: IsoDate,
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/** Stored text is read back as stored (a row written before today's rules still reads). */
const StoredText = (max: number, min = 1) => z.string().trim().min(min).max(max);

export const TemplateRecord = z.object({
  id: TemplateId,
  version: z.number().int().positive(),
  title: z.object({ en: StoredText(200), zh: StoredText(200) }),
  description: z.object({ en: StoredText(4000, 0), zh: StoredText(4000, 0) }),
  category: TemplateCategory,
  tags: z.array(z.string()),
  visibility: TemplateVisibility,
  /** Published by the seed: global and read-only through the API. */
  builtIn: z.boolean(),
  /** The owning organization (`tid`); null for built-ins. Never sent to callers. */
  owner: z.string().min(1).nullable(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  createdAt: IsoDate,
  updatedAt: IsoDate,
  deleted: z.boolean(),
  /** The metadata row's table ETag (weak, `W/"datetime'…'"`): opaque, pass through as-is. */
  etag: z.string().min(1),
});
export type TemplateRecord = z.infer<typeof TemplateRecord>;

/** The public metadata of api.md (no ETag: that travels in the header; no owner: tenant ids stay private). */
export type TemplateMetadataView = Omit<TemplateRecord, 'etag' | 'owner'>;

export function publicMetadata(record: TemplateRecord): TemplateMetadataView {
  const { etag: _etag, owner: _owner, ...rest } = record;
  return rest;
}

/** Who reads: a caller's organization (token `tid`), or null for an anonymous caller. */
export interface TemplateReader {
  tenantId: string | null;
}
export const ANONYMOUS_READER: TemplateReader = { tenantId: null };

/**
 * Who writes: an organization's admin (token `tid`), or the seed publishing the built-ins.
 * The publisher is the seed's identity (app role Templates.Publisher): only /api/builtins
 * (handlers/builtins.ts) writes as it; every other handler passes the caller's tenant.
 */
export type TemplateWriter = { tenantId: string } | { builtIn: true };
export const BUILT_IN_PUBLISHER: TemplateWriter = { builtIn: true };

/** Built-ins and shared templates are visible to everyone, a tenant's own to its organization. */
export function canRead(record: Pick<TemplateRecord, 'builtIn' | 'visibility' | 'owner'>, reader: TemplateReader): boolean {
  return record.builtIn || record.visibility === 'shared' || (reader.tenantId !== null && record.owner === reader.tenantId);
}

/** Only the owner writes: the publisher the built-ins, an organization its own templates. */
export function canWrite(record: Pick<TemplateRecord, 'builtIn' | 'owner'>, writer: TemplateWriter): boolean {
  return 'builtIn' in writer ? record.builtIn : !record.builtIn && record.owner === writer.tenantId;
}

/** zod issues → problem+json `errors: [{path, message}]` (path like `title.en`, `tags[3]`). */
export function fieldErrors(error: z.ZodError, root = ''): FieldError[] {
  return error.issues.map((issue) => {
    let path = root;
    for (const key of issue.path) {
      path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
    }
    return { path: path || root || '(root)', message: issue.message };
  });
}
