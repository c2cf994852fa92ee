/**
 * The local development issuer: an ES256 key pair the project generates once and keeps in a
 * git-ignored folder (PERFPLAN_LOCAL_ISSUER_DIR, default <repo>/.perfplan/issuer/):
 *
 *   private.jwk.json  the private JWK (with kid and alg), file mode 0600
 *   jwks.json         the public key set {keys: [...]} the API verifies against
 *
 * Tokens it mints have the same shape as Entra ID access tokens (header alg/kid/typ; claims
 * iss, aud, sub, tid, roles, iat, nbf, exp), so local development runs exactly the
 * verification production runs — only the trusted key set differs.
 *
 * Development only: the API never imports this file. It reads jwks.json and nothing else
 * (functions/src/auth/config.ts names the file, verify.ts reads it).
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWK, KeyLike } from 'jose';
import { defaultLocalIssuerDir, LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_JWKS_FILE } from '../functions/src/auth/config';
import { findRepoRoot } from './paths';

/** The private key's file in the issuer folder (the API never reads it). */
export const LOCAL_PRIVATE_KEY_FILE = 'private.jwk.json';

/** The key folder the development tools use: PERFPLAN_LOCAL_ISSUER_DIR, else <repo>/.perfplan/issuer. */
export function localIssuerDir(env: NodeJS.ProcessEnv = process.env, root: string = findRepoRoot()): string {
  return path.resolve(env.PERFPLAN_LOCAL_ISSUER_DIR?.trim() || defaultLocalIssuerDir(root));
}

export const LOCAL_ALG = 'ES256';
export const DEFAULT_DEV_TENANT = 'perfplan-dev-org';
export const DEFAULT_DEV_SUBJECT = 'perfplan-dev-user';
export const DEFAULT_EXPIRES_IN = '1h';

export interface MintOptions {
  /** App roles (`roles` claim). Omitted from the token when empty, as Entra does. */
  roles?: string[];
  /** Tenant (organization) id, `tid`. Default "perfplan-dev-org". */
  tid?: string;
  /** Subject, `sub`. Default "perfplan-dev-user". */
  sub?: string;
  /** Object id, `oid` (Entra's stable user id; the API records it as who acted). Omitted when not given. */
  oid?: string;
  /** Display name, `name`. Omitted when not given. */
  name?: string;
  /** Lifetime relative to now: a jose time span ("1h", "30m", "-30s", "2 minutes ago") or seconds. Default "1h". */
  expiresIn?: string | number;
  /** Not-before relative to now (same forms as expiresIn). Default: now. */
  notBefore?: string | number;
  audience?: string;
  issuer?: string;
}

export interface LocalIssuer {
  dir: string;
  kid: string;
  alg: typeof LOCAL_ALG;
  privateKey: KeyLike;
  /** The public key set, as written to jwks.json. */
  jwks: { keys: JWK[] };
  jwksFile: string;
  mintToken(options?: MintOptions): Promise<string>;
}

function relativeTime(value: string | number, now: number): number | string {
  // jose treats a number as an absolute epoch time; here numbers are seconds from now.
  return typeof value === 'number' ? now + Math.round(value) : value;
}

function publicPart(jwk: JWK): JWK {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid: jwk.kid, alg: LOCAL_ALG, use: 'sig' };
}

function isLocalPrivateJwk(value: unknown): value is JWK & { kid: string } {
  const jwk = value as JWK | null;
  return (
    !!jwk &&
    typeof jwk === 'object' &&
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.d === 'string' &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string' &&
    typeof jwk.kid === 'string' &&
    jwk.kid.length > 0
  );
}

async function readJsonIfExists(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text);
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomUUID()}.tmp`;
}

/** Creates `file` with `text` only if it does not exist yet, without ever exposing a partial file. */
async function createExclusive(file: string, text: string, mode: number): Promise<void> {
  const tmp = tempName(file);
  await fs.promises.writeFile(tmp, text, { mode, flag: 'wx' });
  try {
    try {
      await fs.promises.link(tmp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return; // another process won the race; its key is used
      // Filesystems without hard links: fall back to an exclusive copy.
      try {
        await fs.promises.copyFile(tmp, file, fs.constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') throw copyError;
      }
    }
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/** Replaces `file` atomically (write a temporary file, then rename over it). */
async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const tmp = tempName(file);
  await fs.promises.writeFile(tmp, text, { mode, flag: 'wx' });
  try {
    await fs.promises.rename(tmp, file);
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(LOCAL_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: LOCAL_ALG, use: 'sig' };
}

/**
 * Loads the local issuer's key pair from `dir`, generating and persisting it on first use.
 * Safe to call from several processes at once: exactly one key pair wins.
 */
export async function loadOrCreateLocalIssuer(dir: string = localIssuerDir()): Promise<LocalIssuer> {
  const folder = path.resolve(dir);
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  const privateFile = path.join(folder, LOCAL_PRIVATE_KEY_FILE);
  const jwksFile = path.join(folder, LOCAL_JWKS_FILE);

  let stored = await readJsonIfExists(privateFile);
  if (stored === undefined) {
    await createExclusive(privateFile, `${JSON.stringify(await generatePrivateJwk(), null, 2)}\n`, 0o600);
    stored = await readJsonIfExists(privateFile);
  }
  if (!isLocalPrivateJwk(stored)) {
    throw new Error(`${privateFile} is not a PerfPlan local issuer key (EC P-256 private JWK with kid); delete ${folder} to regenerate it`);
  }
  if (process.platform !== 'win32') {
    const { mode } = await fs.promises.stat(privateFile);
    if ((mode & 0o077) !== 0) await fs.promises.chmod(privateFile, 0o600);
  }

  // jwks.json is always derived from the private key, so the two can never disagree for long.
  const jwks = { keys: [publicPart(stored)] };
  const wanted = `${JSON.stringify(jwks, null, 2)}\n`;
  let current: string | undefined;
  try {
    current = await fs.promises.readFile(jwksFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current !== wanted) await writeAtomic(jwksFile, wanted, 0o644);

  const kid = stored.kid;
  const privateKey = (await importJWK(stored, LOCAL_ALG)) as KeyLike;

  const mintToken = async (options: MintOptions = {}): Promise<string> => {
    const roles = options.roles ?? [];
    const tid = options.tid ?? DEFAULT_DEV_TENANT;
    const sub = options.sub ?? DEFAULT_DEV_SUBJECT;
    if (!roles.every((role) => typeof role === 'string' && role.length > 0)) throw new TypeError('roles must be non-empty strings');
    if (typeof tid !== 'string' || tid.length === 0) throw new TypeError('tid must be a non-empty string');
    if (typeof sub !== 'string' || sub.length === 0) throw new TypeError('sub must be a non-empty string');
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = { tid, ver: '2.0' };
    if (roles.length > 0) claims.roles = [...roles];
    if (options.oid !== undefined) {
      if (typeof options.oid !== 'string' || options.oid.length === 0) throw new TypeError('oid must be a non-empty string');
      claims.oid = options.oid;
    }
    if (options.name !== undefined) {
      if (typeof options.name !== 'string' || options.name.length === 0) throw new TypeError('name must be a non-empty string');
      claims.name = options.name;
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: LOCAL_ALG, kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? LOCAL_ISSUER)
      .setAudience(options.audience ?? LOCAL_AUDIENCE)
      .setSubject(sub)
      .setIssuedAt(now)
      .setNotBefore(options.notBefore === undefined ? now : relativeTime(options.notBefore, now))
      .setExpirationTime(relativeTime(options.expiresIn ?? DEFAULT_EXPIRES_IN, now))
      .sign(privateKey);
  };

  return { dir: folder, kid, alg: LOCAL_ALG, privateKey, jwks, jwksFile, mintToken };
}

/** Convenience: mint a token from the local issuer in `dir` (default: localIssuerDir()), creating it if needed. */
export async function mintToken(options: MintOptions & { dir?: string } = {}): Promise<string> {
  const { dir, ...mint } = options;
  return (await loadOrCreateLocalIssuer(dir)).mintToken(mint);
}
