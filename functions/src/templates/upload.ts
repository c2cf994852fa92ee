/**
 * Parsing and validating the body of `POST /api/templates` and `PUT /api/templates/{id}`:
 * `multipart/form-data` with a `metadata` field (JSON text) and a `file` field (the .xlsx).
 * Nothing is stored here; every refusal is an HttpProblem (problem+json via withProblems).
 *
 * | case                                                              | status |
 * |-------------------------------------------------------------------|--------|
 * | Content-Length over 6 MiB (checked before reading anything)       | 413    |
 * | body over 6 MiB while reading (no or lying Content-Length)        | 413    |
 * | Content-Length not a number                                       | 400    |
 * | content type not multipart/form-data                              | 415    |
 * | multipart without a boundary, or a body that does not parse       | 400    |
 * | `metadata` / `file` missing or repeated, `file` not a file part   | 400, `errors[].path` = field name |
 * | `metadata` not JSON                                               | 400, `errors[].path` = `metadata` |
 * | `metadata` longer than 64 KiB of JSON                             | 400, `errors[].path` = `metadata` |
 * | `metadata` fails the zod schema                                   | 400, one error per zod issue, path via model.ts `fieldErrors` (`title.zh`, `tags[1]`, `(root)`) |
 * | workbook refusals                                                 | see workbook-check.ts (413/415/400) |
 */
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { FieldError, badRequest, payloadTooLarge, unsupportedMediaType } from '../http/problem';
import { readBodyLimited } from '../http/respond';
import { TemplateMetadata, TemplateMetadataInput, fieldErrors } from './model';
import { checkWorkbookBytes } from './workbook-check';

export const MAX_UPLOAD_BODY_BYTES = 6 * 1024 * 1024;
/** Titles, descriptions and tags fit in far less (2 × 200 + 2 × 4,000 + 20 × 40 characters). */
export const MAX_METADATA_CHARS = 64 * 1024;

export interface TemplateUpload<M = TemplateMetadata> {
  /** The zod-parsed metadata (defaults applied, strings trimmed). */
  metadata: M;
  /** The workbook bytes, exactly as uploaded. */
  bytes: Buffer;
}

/** Reads, parses and validates a `POST /api/templates` upload; throws an HttpProblem on any refusal. */
export function parseTemplateUpload(request: HttpRequest): Promise<TemplateUpload> {
  return parseTemplateUploadWith(request, TemplateMetadataInput);
}

/** The same with another metadata schema, e.g. `TemplateMetadataUpdateInput` for `PUT` (id optional). */
export async function parseTemplateUploadWith<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
): Promise<TemplateUpload<z.output<S>>> {
  checkDeclaredLength(request.headers.get('content-length'));
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) {
    throw unsupportedMediaType('Send the template as multipart/form-data with the fields "metadata" (JSON) and "file" (.xlsx).');
  }
  if (!/;\s*boundary\s*=\s*("[^"]+"|[^\s;]+)/i.test(contentType)) {
    throw badRequest('The multipart/form-data content type has no boundary.');
  }

  const body = await readBodyLimited(request, MAX_UPLOAD_BODY_BYTES, () => bodyTooLarge());
  let form: FormData;
  try {
    // undici's multipart parser, run over bytes already capped in size.
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('The multipart/form-data body is malformed.');
  }

  const errors: FieldError[] = [];
  const metadataText = await singleField(form, 'metadata', errors);
  const filePart = singleFilePart(form, errors);

  let metadata: { value: z.output<S> } | undefined;
  if (metadataText !== undefined && metadataText.length > MAX_METADATA_CHARS) {
    // Every field has its own limit; this bounds the JSON (and the work on it) as a whole.
    errors.push({ path: 'metadata', message: `metadata must be at most ${MAX_METADATA_CHARS} characters of JSON` });
  } else if (metadataText !== undefined) {
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(metadataText);
    } catch {
      isJson = false;
      errors.push({ path: 'metadata', message: 'metadata is not valid JSON' });
    }
    if (isJson) {
      const parsed = schema.safeParse(json);
      if (parsed.success) metadata = { value: parsed.data };
      else errors.push(...fieldErrors(parsed.error));
    }
  }

  if (errors.length > 0 || metadata === undefined || filePart === undefined) {
    throw badRequest('The template upload is invalid.', errors);
  }

  const bytes = Buffer.from(await filePart.arrayBuffer());
  await checkWorkbookBytes(bytes);
  return { metadata: metadata.value, bytes };
}

function checkDeclaredLength(header: string | null): void {
  if (header === null) return;
  if (!/^\s*\d+\s*$/.test(header)) throw badRequest('The Content-Length header is not a number.');
  const length = Number(header);
  if (length > MAX_UPLOAD_BODY_BYTES) throw bodyTooLarge(length);
}

function bodyTooLarge(length?: number) {
  return payloadTooLarge(
    `The request body is ${length === undefined ? 'larger than the limit' : `${length} bytes`}; the limit is ${MAX_UPLOAD_BODY_BYTES} bytes (6 MiB).`,
  );
}

/** The text of a field that must appear exactly once (a file part's content is read as UTF-8). */
async function singleField(form: FormData, name: string, errors: FieldError[]): Promise<string | undefined> {
  const values = form.getAll(name);
  if (values.length === 0) {
    errors.push({ path: name, message: `the "${name}" field is required` });
    return undefined;
  }
  if (values.length > 1) {
    errors.push({ path: name, message: `the "${name}" field must appear once` });
    return undefined;
  }
  const value = values[0];
  return typeof value === 'string' ? value : await value.text();
}

/** The `file` field: exactly one file part (a plain text field cannot carry workbook bytes). */
function singleFilePart(form: FormData, errors: FieldError[]): Blob | undefined {
  const values = form.getAll('file');
  if (values.length === 0) {
    errors.push({ path: 'file', message: 'the "file" field is required' });
    return undefined;
  }
  if (values.length > 1) {
    errors.push({ path: 'file', message: 'the "file" field must appear once' });
    return undefined;
  }
  const value = values[0];
  if (typeof value === 'string') {
    errors.push({ path: 'file', message: 'the "file" field must be a file part (with a filename)' });
    return undefined;
  }
  return value;
}
