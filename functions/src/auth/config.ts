/**
 * Auth configuration for the API, read from the environment.
 *
 * Production (Microsoft Entra ID):
 *   PERFPLAN_AUTH_ISSUER    https://login.microsoftonline.com/{tenant}/v2.0 (one tenant), or
 *                           https://login.microsoftonline.com/organizations/v2.0 (multi-tenant:
 *                           the issuer is then checked per token against its own `tid`)
 *   PERFPLAN_AUTH_TENANTS   which organizations may call: tenant ids separated by commas, or
 *                           "organizations" for any work-or-school tenant. Required with the
 *                           multi-tenant issuer; with any other issuer it narrows who is let in
 *   PERFPLAN_AUTH_AUDIENCE  the API's app id (v2 tokens) or its api://… URI
 *   PERFPLAN_AUTH_JWKS_URL  optional; derived from an Entra issuer when absent
 *   PERFPLAN_PUBLIC_READ    'true' lets anonymous callers use GET routes (default false)
 *
 * Local development (no PERFPLAN_AUTH_ISSUER): tokens come from the project's own local
 * issuer (dev/local-issuer.ts, which this app never imports), verified exactly like Entra
 * tokens against the local issuer's public key set file — the only part of it the API reads.
 * PERFPLAN_PUBLIC_READ defaults to true here, as the spec says. PERFPLAN_LOCAL_ISSUER_DIR
 * names the key folder; by default it is .perfplan/issuer under the working directory, which
 * is the repository root under `npm start`, jest and `func start`.
 *
 * There is no "auth off" setting: every configuration verifies signed tokens.
 */
import * as path from 'path';
import type { JWK } from 'jose';

export const LOCAL_ISSUER = 'perfplan-local';
export const LOCAL_AUDIENCE = 'api://perfplan-local';
export const CLOCK_TOLERANCE_SECONDS = 60;
export const LOCAL_JWKS_FILE = 'jwks.json';

export type JwksSource = { url: string } | { keys: JWK[] } | { file: string };

/**
 * The issuer of a multi-tenant Entra app's v2 tokens: each token names its own tenant, so the
 * expected `iss` is this template with the token's `tid` filled in (Microsoft's rule for
 * validating multi-tenant tokens: the issuer must match the tenant that signed the user in).
 */
export const ENTRA_TENANT_ISSUER = 'https://login.microsoftonline.com/{tid}/v2.0';
/** One key set signs every tenant's tokens. */
export const ENTRA_COMMON_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
/** The tenant of personal Microsoft accounts: not an organization, never admitted by "organizations". */
export const MSA_CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** Which organizations (`tid`) may call the API. */
export type TenantPolicy = { kind: 'any-organization' } | { kind: 'allow-list'; tenants: string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isTenantGuid = (value: string) => GUID.test(value);

export interface AuthConfig {
  issuer: string;
  audience: string;
  jwks: JwksSource;
  clockToleranceSeconds: number;
  publicRead: boolean;
  /**
   * Which organizations may call; absent = whatever tenant the issuer vouches for (a
   * single-tenant issuer has one). Always present with ENTRA_TENANT_ISSUER.
   */
  tenants?: TenantPolicy;
  /** Present only when the local development issuer is in use: where its keys live. */
  local?: { dir: string };
}

/** The local issuer's key folder when PERFPLAN_LOCAL_ISSUER_DIR is not set: `<cwd>/.perfplan/issuer`. */
export function defaultLocalIssuerDir(cwd: string = process.cwd()): string {
  return path.join(cwd, '.perfplan', 'issuer');
}

/**
 * The Entra key set for an Entra issuer:
 *   https://login.microsoftonline.com/{tenant}/v2.0 → …/{tenant}/discovery/v2.0/keys
 *   https://sts.windows.net/{tenant}/ (v1 tokens)   → login.microsoftonline.com/{tenant}/discovery/keys
 * Returns undefined for any other issuer.
 */
export function entraJwksUrl(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (url.protocol !== 'https:' || segments.length === 0) return undefined;
  const tenant = encodeURIComponent(segments[0]);
  if (url.hostname === 'login.microsoftonline.com' && segments.length === 2 && segments[1] === 'v2.0') {
    return `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`;
  }
  if (url.hostname === 'sts.windows.net' && segments.length === 1) {
    return `https://login.microsoftonline.com/${tenant}/discovery/keys`;
  }
  return undefined;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  throw new Error(`${name} must be "true" or "false", got "${value}"`);
}

/**
 * PERFPLAN_AUTH_TENANTS → a policy. `guids` demands Entra tenant ids (GUIDs); the local issuer
 * accepts any dev tenant name ("org-a").
 */
export function parseTenantPolicy(value: string | undefined, { guids }: { guids: boolean }): TenantPolicy | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.toLowerCase() === 'organizations') return { kind: 'any-organization' };
  const tenants = [...new Set(text.split(/[\s,;]+/).filter(Boolean).map((t) => t.toLowerCase()))];
  for (const tenant of tenants) {
    if (guids ? !isTenantGuid(tenant) : /[\u0000-\u001f\u007f]/.test(tenant)) {
      throw new Error(`PERFPLAN_AUTH_TENANTS: "${tenant}" is not a tenant id (a GUID), nor is the list "organizations"`);
    }
    if (tenant === MSA_CONSUMER_TENANT) throw new Error('PERFPLAN_AUTH_TENANTS: the personal-accounts tenant is not an organization');
  }
  return { kind: 'allow-list', tenants };
}

/** True for the issuers a multi-tenant Entra app is configured with (organizations, common or the {tid} template). */
export function isMultiTenantEntraIssuer(issuer: string): boolean {
  return /^https:\/\/login\.microsoftonline\.com\/(organizations|common|\{tid\}|\{tenantid\})\/v2\.0\/?$/i.test(issuer);
}

export interface AuthConfigOptions {
  /** The folder the default local key folder is relative to (default: the working directory). */
  cwd?: string;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env, { cwd }: AuthConfigOptions = {}): AuthConfig {
  const issuer = env.PERFPLAN_AUTH_ISSUER?.trim();

  if (!issuer || issuer === LOCAL_ISSUER) {
    // A deployed Function App must never fall back to the development issuer.
    if (env.WEBSITE_INSTANCE_ID) {
      throw new Error('PERFPLAN_AUTH_ISSUER and PERFPLAN_AUTH_AUDIENCE must be set when running in Azure');
    }
    const dir = path.resolve(env.PERFPLAN_LOCAL_ISSUER_DIR?.trim() || defaultLocalIssuerDir(cwd));
    // Dev tokens name any tenant (`npm run token -- --tid org-a`), so an allow-list can be tried locally.
    const tenants = parseTenantPolicy(env.PERFPLAN_AUTH_TENANTS, { guids: false });
    return {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwks: { file: path.join(dir, LOCAL_JWKS_FILE) },
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
      publicRead: parseBoolean('PERFPLAN_PUBLIC_READ', env.PERFPLAN_PUBLIC_READ, true),
      ...(tenants ? { tenants } : {}),
      local: { dir },
    };
  }

  const audience = env.PERFPLAN_AUTH_AUDIENCE?.trim();
  if (!audience) throw new Error('PERFPLAN_AUTH_AUDIENCE must be set when PERFPLAN_AUTH_ISSUER is set');
  const multiTenant = isMultiTenantEntraIssuer(issuer);
  const tenants = parseTenantPolicy(env.PERFPLAN_AUTH_TENANTS, { guids: true });
  if (multiTenant && !tenants) {
    // Any tenant can be created in minutes: admitting them all must be a deliberate choice.
    throw new Error('PERFPLAN_AUTH_TENANTS must be set with a multi-tenant issuer: the admitted tenant ids, or "organizations"');
  }
  const jwksUrl = env.PERFPLAN_AUTH_JWKS_URL?.trim() || (multiTenant ? ENTRA_COMMON_JWKS_URL : entraJwksUrl(issuer));
  if (!jwksUrl) {
    throw new Error('PERFPLAN_AUTH_JWKS_URL must be set: it cannot be derived from a non-Entra PERFPLAN_AUTH_ISSUER');
  }
  let parsed: URL;
  try {
    parsed = new URL(jwksUrl);
  } catch {
    throw new Error('PERFPLAN_AUTH_JWKS_URL is not a valid URL');
  }
  if (parsed.protocol !== 'https:') throw new Error('PERFPLAN_AUTH_JWKS_URL must be an https URL');
  return {
    issuer: multiTenant ? ENTRA_TENANT_ISSUER : issuer,
    audience,
    jwks: { url: jwksUrl },
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    publicRead: parseBoolean('PERFPLAN_PUBLIC_READ', env.PERFPLAN_PUBLIC_READ, false),
    ...(tenants ? { tenants } : {}),
  };
}
