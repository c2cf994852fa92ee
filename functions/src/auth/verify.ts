/**
 * Bearer-token verification for the API. The same code path serves production (Entra ID key
 * set fetched from its JWKS URL) and local development (the local issuer's key set file):
 * signature, `iss`, `aud`, `exp`/`nbf` with 60 s skew, asymmetric algorithms only, and the
 * claims PerfPlan relies on (`exp`, `sub`, `tid`).
 *
 * Multi-tenant Entra (issuer ENTRA_TENANT_ISSUER): every tenant's tokens are signed by the same
 * keys, so the signature alone does not say which organization vouches for the caller. The
 * issuer must then be exactly https://login.microsoftonline.com/{tid}/v2.0 for the token's own
 * `tid`, and the tenant must be admitted by config.tenants (an allow-list, or any
 * work-or-school tenant but never the personal-accounts tenant).
 *
 * Failures become 401 problems with a short reason; the token itself is never echoed. An
 * unreachable remote key set is the server's problem, not the caller's: 503.
 */
import * as fs from 'fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWK, JWTPayload, JWTVerifyGetKey, RemoteJWKSetOptions } from 'jose';
import { forbidden, HttpProblem, serviceUnavailable, unauthorized } from '../http/problem';
import { isTenantGuid, MSA_CONSUMER_TENANT } from './config';
import type { AuthConfig, JwksSource, TenantPolicy } from './config';

export const ADMIN_ROLE = 'Templates.Admin';
/** The deployment identity that publishes the built-in templates and benchmark rows (the seed). */
export const PUBLISHER_ROLE = 'Templates.Publisher';

/** Asymmetric signature algorithms only: `none` and HS* (shared secrets) are refused. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Generous for Entra access tokens (a few KB), small enough to refuse junk cheaply. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const BEARER = /^Bearer +(\S+) *$/i;

export interface Principal {
  /** `sub` claim. */
  subject: string;
  /** `tid` claim: the caller's organization. */
  tenantId: string;
  /** `roles` claim (app roles); [] when absent. */
  roles: string[];
  /** `oid` claim: the user's object id in their organization (the same person across apps), when the token has one. */
  objectId?: string;
  /** `name` claim: the display name, when the token has one (for records people read, never for decisions). */
  name?: string;
}

export interface Verifier {
  /** Same as `verify`. */
  (authorization: string | null | undefined): Promise<Principal>;
  /** Requires a valid bearer token; throws a 401 HttpProblem otherwise (503 if the key set is unreachable). */
  verify(authorization: string | null | undefined): Promise<Principal>;
  /**
   * For GET routes. No Authorization header: null (anonymous) when `publicRead`, otherwise 401.
   * A header that is present must carry a valid token either way.
   */
  optionalPrincipal(authorization: string | null | undefined, publicRead?: boolean): Promise<Principal | null>;
  readonly config: AuthConfig;
}

export interface VerifierOptions {
  /** Passed to jose's createRemoteJWKSet (timeouts, cache age) for `{url}` key sets. */
  remote?: RemoteJWKSetOptions;
}

function asymmetricOnly(keys: JWK[]): JWK[] {
  return keys.filter((key) => key && typeof key === 'object' && key.kty !== 'oct');
}

function fileKeySet(file: string): JWTVerifyGetKey {
  let cached: { mtimeMs: number; size: number; ino: number; getKey: ReturnType<typeof createLocalJWKSet> } | undefined;
  return async (header, token) => {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch (error) {
      // No key set yet means nothing could have signed this token.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw unauthorized('unknown signing key');
      throw error;
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size || cached.ino !== stat.ino) {
      // A broken key set file is a server misconfiguration (500), not the caller's fault.
      let getKey: ReturnType<typeof createLocalJWKSet>;
      try {
        const parsed = JSON.parse(await fs.promises.readFile(file, 'utf8')) as JSONWebKeySet;
        getKey = createLocalJWKSet({ keys: asymmetricOnly(Array.isArray(parsed?.keys) ? parsed.keys : []) });
      } catch {
        throw new Error('the local issuer key set file is not a valid JWKS; delete the issuer folder to regenerate it');
      }
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino, getKey };
    }
    return cached.getKey(header, token);
  };
}

function remoteKeySet(url: string, options?: RemoteJWKSetOptions): JWTVerifyGetKey {
  const getKey = createRemoteJWKSet(new URL(url), options);
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
      // Timeout, non-200, bad JSON, network failure: the key set is unavailable right now.
      throw serviceUnavailable('the token signing keys are temporarily unavailable', 30);
    }
  };
}

function keySet(source: JwksSource, options: VerifierOptions): JWTVerifyGetKey {
  if ('url' in source) return remoteKeySet(source.url, options.remote);
  if ('file' in source) return fileKeySet(source.file);
  if ('keys' in source) {
    const keys = asymmetricOnly(source.keys);
    if (keys.length === 0) throw new Error('auth config: the key set has no asymmetric keys');
    return createLocalJWKSet({ keys });
  }
  throw new Error('auth config: jwks must be {url}, {keys} or {file}');
}

/** A short, token-free reason for a jose failure. */
function reasonFor(error: unknown): string {
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'token expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return `missing ${claim} claim`;
      if (reason === 'check_failed' && claim === 'nbf') return 'token not yet valid';
      if (reason === 'check_failed' && claim === 'aud') return 'wrong audience';
      if (reason === 'check_failed' && claim === 'iss') return 'wrong issuer';
      return 'malformed token';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'bad signature';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'algorithm not allowed';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'unknown signing key';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'malformed token';
    default:
      return 'invalid token';
  }
}

function bearerToken(authorization: string | null | undefined): string {
  const match = typeof authorization === 'string' ? BEARER.exec(authorization.trim()) : null;
  if (!match) throw unauthorized('no bearer token');
  const token = match[1];
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw unauthorized('malformed token');
  return token;
}

function principalFrom(payload: JWTPayload): Principal {
  const { sub, tid, roles, oid, name } = payload as JWTPayload & { tid?: unknown; roles?: unknown; oid?: unknown; name?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw unauthorized('missing sub claim');
  if (typeof tid !== 'string' || tid.length === 0) throw unauthorized('missing tid claim');
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((role) => typeof role === 'string'))) {
    throw unauthorized('malformed token');
  }
  return {
    subject: sub,
    tenantId: tid,
    roles: roles === undefined ? [] : [...(roles as string[])],
    ...(typeof oid === 'string' && oid.length > 0 && oid.length <= 100 ? { objectId: oid } : {}),
    ...(typeof name === 'string' && name.trim().length > 0 ? { name: name.trim().slice(0, 200) } : {}),
  };
}

/** Throws 401 unless the tenant is admitted. Tenant ids compare case-insensitively (GUIDs). */
export function checkTenant(tenantId: string, policy: TenantPolicy | undefined): void {
  if (!policy) return;
  const tid = tenantId.toLowerCase();
  if (policy.kind === 'any-organization') {
    if (tid === MSA_CONSUMER_TENANT) throw unauthorized('personal Microsoft accounts are not admitted; sign in with a work or school account');
    return;
  }
  if (!policy.tenants.includes(tid)) throw unauthorized('organization not admitted');
}

export function createVerifier(config: AuthConfig, options: VerifierOptions = {}): Verifier {
  if (!config.issuer) throw new Error('auth config: issuer is required');
  if (!config.audience) throw new Error('auth config: audience is required');
  const perTenantIssuer = config.issuer.includes('{tid}');
  if (perTenantIssuer && !config.tenants) throw new Error('auth config: a per-tenant issuer needs a tenant policy');
  const getKey = keySet(config.jwks, options);
  const verifyOptions = {
    // A per-tenant issuer is checked below, once `tid` is known.
    issuer: perTenantIssuer ? undefined : config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
    algorithms: ALLOWED_ALGORITHMS,
    requiredClaims: ['exp', 'sub', 'tid', 'iss'],
  };

  const verify = async (authorization: string | null | undefined): Promise<Principal> => {
    const token = bearerToken(authorization);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, verifyOptions));
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      if (error instanceof errors.JOSEError) throw unauthorized(reasonFor(error));
      throw error;
    }
    const principal = principalFrom(payload);
    if (perTenantIssuer) {
      // Entra tenant ids are GUIDs; anything else cannot have come from Entra.
      if (!isTenantGuid(principal.tenantId)) throw unauthorized('malformed token');
      if (payload.iss !== config.issuer.replace('{tid}', principal.tenantId)) throw unauthorized('wrong issuer');
    }
    checkTenant(principal.tenantId, config.tenants);
    return principal;
  };

  const optionalPrincipal = async (
    authorization: string | null | undefined,
    publicRead: boolean = config.publicRead,
  ): Promise<Principal | null> => {
    if (publicRead && (authorization === null || authorization === undefined || authorization.trim() === '')) return null;
    return verify(authorization);
  };

  return Object.assign(verify, { verify, optionalPrincipal, config });
}

/** Throws 403 unless the principal holds `role` (or one of `role`s; 401 for an anonymous caller). */
export function requireRole(principal: Principal | null | undefined, role: string | readonly string[]): Principal {
  if (!principal) throw unauthorized('no bearer token');
  const roles: readonly string[] = typeof role === 'string' ? [role] : role;
  if (!roles.some((r) => principal.roles.includes(r))) throw forbidden(`this operation requires the app role ${roles.join(' or ')}`);
  return principal;
}
