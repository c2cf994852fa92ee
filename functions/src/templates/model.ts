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

const text = (max: number, min = 1) => z.string().trim().min(min).max(max);

export const LocalizedTitle = z.object({ en: text(200), zh: text(200) });
export const LocalizedDescription = z.object({ en: text(4000, 0), zh: text(4000, 0) });
export type LocalizedText = z.infer<typeof LocalizedTitle>;

export const TemplateTags = z.array(text(40)).max(20);

export const TemplateMetadataInput = z.object({
  id: TemplateId,
  title: LocalizedTitle,
  description: LocalizedDescription,
  category: TemplateCategory,
  tags: TemplateTags.default([]),
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

export const TemplateRecord = z.object({
  id: TemplateId,
  version: z.number().int().positive(),
  title: LocalizedTitle,
  description: LocalizedDescription,
  category: TemplateCategory,
  tags: z.array(z.string()),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  createdAt: IsoDate,
  updatedAt: IsoDate,
  deleted: z.boolean(),
  /** The metadata row's table ETag (weak, `W/"datetime'…'"`): opaque, pass through as-is. */
  etag: z.string().min(1),
});
export type TemplateRecord = z.infer<typeof TemplateRecord>;

/** The public metadata of api.md (no ETag: that travels in the header). */
export type TemplateMetadataView = Omit<TemplateRecord, 'etag'>;

export function publicMetadata(record: TemplateRecord): TemplateMetadataView {
  const { etag: _etag, ...rest } = record;
  return rest;
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
