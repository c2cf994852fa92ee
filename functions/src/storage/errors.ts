/**
 * Classifies what the storage SDKs throw (@azure/storage-blob, @azure/data-tables — both
 * throw core-rest-pipeline `RestError`s) into the few outcomes the stores act on, and turns
 * outages into 503 + Retry-After. Messages produced here never echo the SDK's message
 * (which can carry URLs, hosts and ports), a connection string or a key.
 *
 * Where the codes live (checked against Azurite 3.35 and the SDK versions in package.json):
 *  - network failures: `err.code` = ECONNREFUSED/ECONNRESET/…, no `statusCode`;
 *  - blob: `err.code` and `err.details.errorCode` (e.g. 409 `BlobAlreadyExists`, 412 `ConditionNotMet`);
 *  - tables: `err.code` is undefined, the code is `err.details.odataError.code`
 *    (409 `EntityAlreadyExists`, 412 `UpdateConditionNotSatisfied`, 404 `ResourceNotFound`
 *    for a missing entity, 404 `TableNotFound` for a missing table).
 */
import { HttpProblem, serviceUnavailable } from '../http/problem';

export type StorageErrorKind =
  /** network failure, timeout, throttling or a 5xx: retry later (→ 503). */
  | 'unavailable'
  /** create-only write hit an existing blob/entity (409 BlobAlreadyExists / EntityAlreadyExists). */
  | 'already-exists'
  /** conditional write lost (412 ConditionNotMet / UpdateConditionNotSatisfied). */
  | 'condition-failed'
  /** the addressed blob or entity does not exist. */
  | 'not-found'
  /** the table or container itself is missing (e.g. storage was reset): re-create and retry. */
  | 'resource-missing'
  /** any other answer from storage (a bug on our side, most likely). */
  | 'other'
  /** not a storage error at all (programming error, injected fault…): pass through untouched. */
  | 'not-storage';

export interface StorageErrorInfo {
  kind: StorageErrorKind;
  status?: number;
  code?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EADDRNOTAVAIL',
  'REQUEST_SEND_ERROR',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

const MISSING_RESOURCE_CODES = new Set(['TableNotFound', 'ContainerNotFound']);
const EXISTS_CODES = new Set(['BlobAlreadyExists', 'EntityAlreadyExists']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function asObject(err: unknown): ErrorLike | undefined {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : undefined;
}

/** The service's error code: blob `details.errorCode`, tables `details.odataError.code`, else `code`. */
export function storageErrorCode(err: unknown): string | undefined {
  const e = asObject(err);
  if (!e) return undefined;
  const details = asObject(e.details) as { errorCode?: unknown; odataError?: { code?: unknown } } | undefined;
  if (details) {
    if (typeof details.odataError?.code === 'string') return details.odataError.code;
    if (typeof details.errorCode === 'string') return details.errorCode;
  }
  return typeof e.code === 'string' ? e.code : undefined;
}

/** Network-level failure anywhere in the error, its `cause` chain or an AggregateError's members. */
function isNetworkFailure(err: unknown, depth = 0): boolean {
  const e = asObject(err);
  if (!e || depth > 5) return false;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isNetworkFailure(inner, depth + 1))) return true;
  return e.cause !== undefined && isNetworkFailure(e.cause, depth + 1);
}

export function classifyStorageError(err: unknown): StorageErrorInfo {
  if (err instanceof HttpProblem) return { kind: 'not-storage' };
  const e = asObject(err);
  if (!e) return { kind: 'not-storage' };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = storageErrorCode(err);
  if (isNetworkFailure(err)) return { kind: 'unavailable', status, code };
  if (status === undefined) {
    // A RestError without a status never got a usable response (connection dropped, garbage
    // from a proxy…): that is an outage too. Anything else is not ours to interpret.
    return e.name === 'RestError' ? { kind: 'unavailable', code } : { kind: 'not-storage' };
  }
  if (status >= 500 || status === 408 || status === 429) return { kind: 'unavailable', status, code };
  if (status === 409 && (code === undefined || EXISTS_CODES.has(code))) return { kind: 'already-exists', status, code };
  if (status === 412) return { kind: 'condition-failed', status, code };
  if (status === 404 && code !== undefined && MISSING_RESOURCE_CODES.has(code)) return { kind: 'resource-missing', status, code };
  if (status === 404) return { kind: 'not-found', status, code };
  return { kind: 'other', status, code };
}

export const isUnavailable = (err: unknown) => classifyStorageError(err).kind === 'unavailable';
export const isAlreadyExists = (err: unknown) => classifyStorageError(err).kind === 'already-exists';
export const isConditionFailed = (err: unknown) => classifyStorageError(err).kind === 'condition-failed';
export const isNotFound = (err: unknown) => classifyStorageError(err).kind === 'not-found';
export const isResourceMissing = (err: unknown) => classifyStorageError(err).kind === 'resource-missing';

/**
 * An unexpected answer from storage. Its message names only the HTTP status and the
 * service's error code (e.g. "InvalidInput"), never the SDK message, URL or credentials.
 * The route wrapper answers it with a generic 500.
 */
export class StorageFailure extends Error {
  constructor(
    readonly status: number | undefined,
    readonly code: string | undefined,
  ) {
    super(`Unexpected storage response${status !== undefined ? ` (status ${status}${code ? `, ${code}` : ''})` : ''}`);
    this.name = 'StorageFailure';
  }
}

export const STORAGE_UNAVAILABLE_DETAIL = 'Storage is temporarily unavailable; please retry shortly.';

/**
 * What a store lets escape for `err`: HttpProblems and non-storage errors unchanged, outages
 * as 503 + Retry-After, anything else from storage as a sanitized StorageFailure.
 */
export function toStoreError(err: unknown, retryAfterSeconds = 5): unknown {
  const info = classifyStorageError(err);
  switch (info.kind) {
    case 'not-storage':
      return err;
    case 'unavailable':
      return serviceUnavailable(STORAGE_UNAVAILABLE_DETAIL, retryAfterSeconds);
    default:
      return new StorageFailure(info.status, info.code);
  }
}
