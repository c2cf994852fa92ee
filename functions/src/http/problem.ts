/**
 * RFC 9457 problem details: every 4xx/5xx body of the API. Handlers throw an HttpProblem;
 * the route wrapper turns it (and anything unexpected) into application/problem+json
 * without stack traces, storage keys or internal paths.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; type?: string } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'Bad Request', detail, { errors });
export const unauthorized = (detail: string) =>
  new HttpProblem(401, 'Unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const gone = (detail: string) => new HttpProblem(410, 'Gone', detail);
export const preconditionFailed = (detail: string) => new HttpProblem(412, 'Precondition Failed', detail);
export const payloadTooLarge = (detail: string) => new HttpProblem(413, 'Payload Too Large', detail);
export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'Unsupported Media Type', detail);
export const preconditionRequired = (detail: string) => new HttpProblem(428, 'Precondition Required', detail);
export const serviceUnavailable = (detail: string, retryAfterSeconds = 5) =>
  new HttpProblem(503, 'Service Unavailable', detail, { headers: { 'Retry-After': String(retryAfterSeconds) } });

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function problemBody(problem: HttpProblem): ProblemBody {
  return {
    type: problem.extra.type ?? 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
  };
}
