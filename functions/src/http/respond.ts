/**
 * Shaping responses: JSON bodies, and the one wrapper every handler runs in, which turns
 * HttpProblems (and anything unexpected) into problem+json with no internals.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { concatBytes } from '../../../workbook/bytes';
import { HttpProblem, preconditionRequired, problemBody } from './problem';

export type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
}

export function problemResponse(problem: HttpProblem): HttpResponseInit {
  return {
    status: problem.status,
    body: JSON.stringify(problemBody(problem)),
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...(problem.extra.headers ?? {}) },
  };
}

/**
 * Malformed percent-encoding anywhere in the URL (a `%` not followed by two hex digits, or
 * escapes that do not decode to UTF-8) is the caller's error: 400, before any handler runs.
 */
export function checkUrlEncoding(url: string): void {
  const at = url.search(/[?#]/);
  const path = new URL(url).pathname;
  const query = at >= 0 && url[at] === '?' ? url.slice(at + 1).split('#')[0] : '';
  const parts = [...path.split('/'), ...query.split('&').flatMap((pair) => pair.split('='))];
  for (const part of parts) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new HttpProblem(400, 'Bad Request', 'The URL contains malformed percent-encoding.');
    }
  }
}

/** Runs a handler; errors become problem responses (a 500 says nothing about internals). */
export function withProblems(handler: Handler): Handler {
  return async (request, context) => {
    try {
      checkUrlEncoding(request.url);
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error);
      context.error(`unhandled error in ${context.functionName}:`, error);
      return problemResponse(new HttpProblem(500, 'Internal Server Error', 'The request could not be completed. It has been logged.'));
    }
  };
}

/**
 * Reads the request body, refusing it (413 from `tooLarge`) as soon as more than `maxBytes`
 * have arrived: a body is never held in memory beyond its route's limit.
 */
export async function readBodyLimited(
  request: HttpRequest,
  maxBytes: number,
  tooLarge: () => HttpProblem = () => new HttpProblem(413, 'Payload Too Large', `The body is larger than ${maxBytes} bytes.`),
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = request.body;
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** The If-Match header a conditional write needs (428 without it, naming where its ETag comes from). */
export function requiredIfMatch(request: HttpRequest, readFrom: string): string {
  const ifMatch = request.headers.get('if-match');
  if (!ifMatch) throw preconditionRequired(`Send If-Match with the ETag from ${readFrom}.`);
  return ifMatch;
}

/** Reads a JSON body (at most `maxBytes`, enforced while reading); malformed JSON is a 400, not a 500. */
export async function readJson(request: HttpRequest, maxBytes = 1024 * 1024): Promise<unknown> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw new HttpProblem(413, 'Payload Too Large', `The body is larger than ${maxBytes} bytes.`);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new HttpProblem(415, 'Unsupported Media Type', 'Send the body as application/json.');
  const bytes = await readBodyLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The body is not valid JSON.');
  }
}
