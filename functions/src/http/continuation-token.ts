/**
 * Continuation tokens: our own keyset cursors (where a list stopped), as base64url JSON. A token
 * only moves a query forward; the query's own filter still decides what can be returned.
 */
import type { z } from 'zod';
import { badRequest } from './problem';

export function encodeContinuationToken(cursor: unknown): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * The cursor in `token` (undefined for none); a 400 for anything this API did not issue: longer
 * than `maxLength`, not base64url, not JSON, or not of `schema`'s shape.
 */
export function decodeContinuationToken<S extends z.ZodType>(token: string | undefined | null, schema: S, maxLength: number): z.infer<S> | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  const invalid = () => badRequest('The continuation token is invalid.', [{ path: 'continuationToken', message: 'not a token this API issued' }]);
  if (token.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const cursor = schema.safeParse(parsed);
  if (!cursor.success) throw invalid();
  return cursor.data;
}
