/**
 * Shaping responses: JSON bodies, and the one wrapper every handler runs in, which turns
 * HttpProblems (and anything unexpected) into problem+json with no internals.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { HttpProblem, problemBody } from './problem';

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

/** Runs a handler; errors become problem responses (a 500 says nothing about internals). */
export function withProblems(handler: Handler): Handler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error);
      context.error(`unhandled error in ${context.functionName}:`, error);
      return problemResponse(new HttpProblem(500, 'Internal Server Error', 'The request could not be completed. It has been logged.'));
    }
  };
}

/** Reads a JSON body; malformed JSON is a 400, not a 500. */
export async function readJson(request: HttpRequest, maxBytes = 1024 * 1024): Promise<unknown> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > maxBytes) throw new HttpProblem(413, 'Payload Too Large', `The body is larger than ${maxBytes} bytes.`);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new HttpProblem(415, 'Unsupported Media Type', 'Send the body as application/json.');
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new HttpProblem(413, 'Payload Too Large', `The body is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The body is not valid JSON.');
  }
}
