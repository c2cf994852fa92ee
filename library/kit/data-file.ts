/**
 * A data file the library reads (the gallery texts, a template's sample rows) is checked against
 * its schema when it is read: a file that breaks it stops the build with the file and the path
 * of what is wrong.
 */
import { z } from 'zod';

/** Words in both languages, as a data file writes a Text: {"en-US": …, "zh-CN": …}. */
export const textSchema = z.object({ 'en-US': z.string().min(1), 'zh-CN': z.string().min(1) }).strict();

export function parseDataFile<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * A template's sample rows — the people, dealers or deals a user replaces with their own — are
 * data beside it (templates/<template>.examples.json): one array of rows per key of `rows`.
 */
export function parseExamples<S extends z.ZodRawShape>(template: string, json: unknown, rows: S) {
  return parseDataFile(z.object(rows).strict(), json, `templates/${template}.examples.json`);
}
