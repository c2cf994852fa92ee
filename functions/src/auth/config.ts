/**
 * Auth configuration for the API, read from the environment.
 *
 * Production (Microsoft Entra ID):
 *   PERFPLAN_AUTH_ISSUER    https://login.microsoftonline.com/{tenant}/v2.0
 *   PERFPLAN_AUTH_AUDIENCE  the API's app id (v2 tokens) or its api://… URI
 *   PERFPLAN_AUTH_JWKS_URL  optional; derived from an Entra issuer when absent
 *   PERFPLAN_PUBLIC_READ    'true' lets anonymous callers use GET routes (default false)
 *
 * Local development (no PERFPLAN_AUTH_ISSUER): tokens come from the project's own local
 * issuer (see local-issuer.ts), verified exactly like Entra tokens against the local
 * issuer's public key set file. PERFPLAN_PUBLIC_READ defaults to true here, as the spec
 * says. PERFPLAN_LOCAL_ISSUER_DIR moves the key folder (default <repo>/.perfplan/issuer).
 *
 * There is no "auth off" setting: every configuration verifies signed tokens.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { JWK } from 'jose';

export const LOCAL_ISSUER = 'perfplan-local';
export const LOCAL_AUDIENCE = 'api://perfplan-local';
export const CLOCK_TOLERANCE_SECONDS = 60;
export const LOCAL_JWKS_FILE = 'jwks.json';
export const LOCAL_PRIVATE_KEY_FILE = 'private.jwk.json';

export type JwksSource = { url: string } | { keys: JWK[] } | { file: string };

export interface AuthConfig {
  issuer: string;
  audience: string;
  jwks: JwksSource;
  clockToleranceSeconds: number;
  publicRead: boolean;
  /** Present only when the local development issuer is in use: where its keys live. */
  local?: { dir: string };
}

/** The repository root: the nearest folder above `start` whose package.json is PerfPlan's. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'perfplan') return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function defaultLocalIssuerDir(root: string = findRepoRoot()): string {
  return path.join(root, '.perfplan', 'issuer');
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

export interface AuthConfigOptions {
  /** Repository root used for the default local key folder. */
  root?: string;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env, { root }: AuthConfigOptions = {}): AuthConfig {
  const issuer = env.PERFPLAN_AUTH_ISSUER?.trim();

  if (!issuer || issuer === LOCAL_ISSUER) {
    // A deployed Function App must never fall back to the development issuer.
    if (env.WEBSITE_INSTANCE_ID) {
      throw new Error('PERFPLAN_AUTH_ISSUER and PERFPLAN_AUTH_AUDIENCE must be set when running in Azure');
    }
    const dir = path.resolve(env.PERFPLAN_LOCAL_ISSUER_DIR?.trim() || defaultLocalIssuerDir(root ?? findRepoRoot()));
    return {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwks: { file: path.join(dir, LOCAL_JWKS_FILE) },
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
      publicRead: parseBoolean('PERFPLAN_PUBLIC_READ', env.PERFPLAN_PUBLIC_READ, true),
      local: { dir },
    };
  }

  const audience = env.PERFPLAN_AUTH_AUDIENCE?.trim();
  if (!audience) throw new Error('PERFPLAN_AUTH_AUDIENCE must be set when PERFPLAN_AUTH_ISSUER is set');
  const jwksUrl = env.PERFPLAN_AUTH_JWKS_URL?.trim() || entraJwksUrl(issuer);
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
    issuer,
    audience,
    jwks: { url: jwksUrl },
    clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
    publicRead: parseBoolean('PERFPLAN_PUBLIC_READ', env.PERFPLAN_PUBLIC_READ, false),
  };
}
