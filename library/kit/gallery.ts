/**
 * What the template gallery and the API list show of a template — its category, title,
 * description and tags — and the purpose its Instructions sheet opens with are prose, not code:
 * they live in one data file (library/templates/gallery.json), keyed by template id, as the
 * role scorecards keep theirs in roles/*.json. This is that file's schema; a file that breaks it
 * stops the build (data-file.ts).
 */
import { z } from 'zod';
import { parseDataFile, textSchema } from './data-file';
import type { TemplateMetadata } from './types';

const CATEGORIES = ['scorecard', 'incentive', 'cost-benefit', 'budget', 'simulation', 'channel'] as const satisfies readonly TemplateMetadata['category'][];

const entrySchema = z
  .object({
    category: z.enum(CATEGORIES),
    title: textSchema,
    description: textSchema,
    tags: z.array(z.string().min(1)).min(1),
    purpose: textSchema,
  })
  .strict();

/** One template's gallery texts, as defineTemplates takes them (a Text is {"en-US", "zh-CN"}). */
export type GalleryEntry = z.infer<typeof entrySchema>;

/** The gallery file's entries by template id; throws naming each entry and field that is wrong. */
export function parseGallery(json: unknown, file: string): Record<string, GalleryEntry> {
  return parseDataFile(z.record(z.string().regex(/^[a-z]+(-[a-z]+)*$/), entrySchema), json, file);
}
