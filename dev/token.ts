/**
 * `perfplan token` (npm run token): mints a development access token from the local issuer
 * (generating its key pair under .perfplan/issuer/ on first use). The API verifies these
 * tokens exactly as it verifies Entra ID tokens; there is no way to mint tokens for an
 * external issuer. Development only: cli/main.ts dispatches `perfplan token` here, and
 * `perfplan seed` asks for a publisher token here when PERFPLAN_TOKEN is not set.
 */
import { authConfigFromEnv, LOCAL_ISSUER } from '../functions/src/auth/config';
import type { AuthConfig } from '../functions/src/auth/config';
import { ADMIN_ROLE, PUBLISHER_ROLE } from '../functions/src/auth/verify';
import { DEFAULT_DEV_SUBJECT, DEFAULT_DEV_TENANT, DEFAULT_EXPIRES_IN, loadOrCreateLocalIssuer } from './local-issuer';
import type { LocalIssuer } from './local-issuer';
import { findRepoRoot } from './paths';

export { ADMIN_ROLE, PUBLISHER_ROLE };

/** Short names for the app roles the API checks. */
export const ROLE_ALIASES: Readonly<Record<string, string | undefined>> = {
  admin: ADMIN_ROLE,
  publisher: PUBLISHER_ROLE,
  reader: undefined,
};

export const TOKEN_USAGE = `Usage:
  perfplan token [--role admin|publisher|reader|<AppRole>] [--tid TENANT] [--sub USER] [--expires 1h]

Prints a fresh local development bearer token on stdout.
  --role     admin → roles ["${ADMIN_ROLE}"]; publisher → roles ["${PUBLISHER_ROLE}"] (the
             seed's identity); reader → no roles (default); any other value is used as an app
             role name. Repeat to combine roles.
  --tid      organization (tenant) id, default "${DEFAULT_DEV_TENANT}"
  --sub      user (subject), default "${DEFAULT_DEV_SUBJECT}"
  --expires  lifetime such as 30m, 1h, 8h (default ${DEFAULT_EXPIRES_IN}, at most 24h)

Example: curl -H "Authorization: Bearer $(npm run -s token -- --role admin)" ...`;

/** Where the command writes (structurally the CLI's Io; dev/ does not import cli/). */
export interface TokenIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface TokenCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** The folder holding the default key folder .perfplan/issuer (default: the repository root). */
  root?: string;
}

/**
 * The local issuer the API in `env` would trust, with its settings; an Error saying why not when
 * the environment configures another issuer (tokens can be minted only for the local one).
 */
export async function localIssuerFor(options: TokenCommandOptions = {}): Promise<{ issuer: LocalIssuer; config: AuthConfig }> {
  const config = authConfigFromEnv(options.env ?? process.env, { cwd: options.root ?? findRepoRoot() });
  if (!config.local || config.issuer !== LOCAL_ISSUER) {
    throw new Error(
      `PERFPLAN_AUTH_ISSUER is set to ${config.issuer}; dev tokens come only from the local issuer. ` +
        'Unset it for local development, or get a real token from Entra ID.',
    );
  }
  try {
    return { issuer: await loadOrCreateLocalIssuer(config.local.dir), config };
  } catch (error) {
    throw new Error(`cannot use the local issuer in ${config.local.dir}: ${error instanceof Error ? error.message : error}`);
  }
}

/** A short-lived local token with the publisher role (what `perfplan seed` and `npm start` publish with). */
export async function localPublisherToken(options: TokenCommandOptions & { expiresIn?: string | number } = {}): Promise<string> {
  const { issuer, config } = await localIssuerFor(options);
  return issuer.mintToken({
    roles: [PUBLISHER_ROLE],
    sub: 'perfplan-seed',
    // An API that admits a list of dev tenants (PERFPLAN_AUTH_TENANTS) admits its first one.
    tid: config.tenants?.kind === 'allow-list' ? config.tenants.tenants[0] : DEFAULT_DEV_TENANT,
    expiresIn: options.expiresIn ?? '15m',
    issuer: config.issuer,
    audience: config.audience,
  });
}

const MAX_LIFETIME_SECONDS = 24 * 3600;
const SPAN = /^(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)$/i;
const ROLE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

function lifetimeSeconds(text: string): number | undefined {
  const match = SPAN.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2][0].toLowerCase();
  const factor = unit === 's' ? 1 : unit === 'm' ? 60 : unit === 'h' ? 3600 : 86400;
  return Number(match[1]) * factor;
}

interface TokenOptions {
  roles: string[];
  tid: string;
  sub: string;
  expiresIn: number;
  help: boolean;
}

function parseTokenArgs(args: string[]): TokenOptions | string {
  const roles: string[] = [];
  let tid = DEFAULT_DEV_TENANT;
  let sub = DEFAULT_DEV_SUBJECT;
  let expiresIn = lifetimeSeconds(DEFAULT_EXPIRES_IN) as number;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i];
    if (raw === '--help' || raw === '-h') return { roles, tid, sub, expiresIn, help: true };
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    if (!['--role', '--tid', '--sub', '--expires'].includes(flag)) {
      return raw.startsWith('-') ? `unknown option ${raw}` : `unexpected argument ${raw}`;
    }
    const value = eq > 0 ? raw.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return `${flag} needs a value`;
    if (flag === '--role') {
      const alias = value.toLowerCase();
      const role = Object.prototype.hasOwnProperty.call(ROLE_ALIASES, alias) ? ROLE_ALIASES[alias] : value;
      if (role !== undefined) {
        if (!ROLE.test(role)) return `invalid role "${value}"`;
        if (!roles.includes(role)) roles.push(role);
      }
    } else if (flag === '--tid') tid = value;
    else if (flag === '--sub') sub = value;
    else {
      const seconds = lifetimeSeconds(value);
      if (seconds === undefined || seconds <= 0) return `--expires needs a duration such as 30m or 1h, got "${value}"`;
      if (seconds > MAX_LIFETIME_SECONDS) return '--expires must be at most 24h';
      expiresIn = seconds;
    }
  }
  return { roles, tid, sub, expiresIn, help: false };
}

export async function tokenCommand(args: string[], io: TokenIo, options: TokenCommandOptions = {}): Promise<number> {
  const parsed = parseTokenArgs(args);
  if (typeof parsed === 'string') {
    io.err(`perfplan token: ${parsed}\n\n${TOKEN_USAGE}\n`);
    return 1;
  }
  if (parsed.help) {
    io.out(`${TOKEN_USAGE}\n`);
    return 0;
  }
  let local;
  try {
    local = await localIssuerFor(options);
  } catch (error) {
    io.err(`perfplan token: ${error instanceof Error ? error.message : error}\n`);
    return 2;
  }
  const { issuer, config } = local;
  const token = await issuer.mintToken({
    roles: parsed.roles,
    tid: parsed.tid,
    sub: parsed.sub,
    expiresIn: parsed.expiresIn,
    issuer: config.issuer,
    audience: config.audience,
  });
  io.out(`${token}\n`);
  const expires = new Date(Date.now() + parsed.expiresIn * 1000).toISOString();
  io.err(
    `perfplan token: sub=${parsed.sub} tid=${parsed.tid} roles=[${parsed.roles.join(', ')}] expires ${expires} (issuer ${config.issuer})\n`,
  );
  return 0;
}
