/**
 * `perfplan token` (npm run token): mints a development access token from the local issuer
 * (generating its key pair under .perfplan/issuer/ on first use). The API verifies these
 * tokens exactly as it verifies Entra ID tokens; there is no way to mint tokens for an
 * external issuer. Development only: cli/main.ts dispatches `perfplan token` here, and
 * `perfplan seed` asks for a publisher token here when PERFPLAN_TOKEN is not set. Its messages
 * are the command line's (i18n/cli.ts), in its locale: --lang, else LC_ALL, LC_MESSAGES, LANG.
 */
import { authConfigFromEnv, LOCAL_ISSUER } from '../functions/src/auth/config';
import type { AuthConfig } from '../functions/src/auth/config';
import { ADMIN_ROLE, PUBLISHER_ROLE } from '../functions/src/auth/verify';
import { DEFAULT_DEV_SUBJECT, DEFAULT_DEV_TENANT, DEFAULT_EXPIRES_IN, loadOrCreateLocalIssuer } from './local-issuer';
import type { LocalIssuer } from './local-issuer';
import { findRepoRoot } from './paths';
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { LocalizedError, messageOf } from '../i18n/localized-error';
import { Phrase, phrase, render } from '../i18n/text';

export { ADMIN_ROLE, PUBLISHER_ROLE };

/** Short names for the app roles the API checks. */
export const ROLE_ALIASES: Readonly<Record<string, string | undefined>> = {
  admin: ADMIN_ROLE,
  publisher: PUBLISHER_ROLE,
  reader: undefined,
};

/** `perfplan token --help` in `locale`. */
export function tokenUsage(locale: Locale): string {
  return render(CLI.tokenUsage, locale, { admin: ADMIN_ROLE, publisher: PUBLISHER_ROLE, tenant: DEFAULT_DEV_TENANT, subject: DEFAULT_DEV_SUBJECT, expires: DEFAULT_EXPIRES_IN });
}

/** The usage in en-US. */
export const TOKEN_USAGE = tokenUsage('en-US');

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
    throw new LocalizedError(phrase(CLI.issuerConfigured, { issuer: config.issuer }));
  }
  try {
    return { issuer: await loadOrCreateLocalIssuer(config.local.dir), config };
  } catch (error) {
    // The file system's (or the key files') own words, quoted in Chinese; ours in the user's language.
    throw new LocalizedError(phrase(CLI.issuerUnusable, { dir: config.local.dir, reason: reasonOf(error) }));
  }
}

/** Anything thrown, as a phrase: a localized error's own, another's message quoted (cli/exit-codes.ts reasonOf; dev/ does not import cli/). */
function reasonOf(error: unknown): Phrase {
  if (error instanceof LocalizedError) return error.phrase;
  return phrase(CLI.foreign, { message: messageOf(error) });
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
  oid?: string;
  name?: string;
  expiresIn: number;
  help: boolean;
}

function parseTokenArgs(args: string[]): TokenOptions | Phrase {
  const roles: string[] = [];
  let tid = DEFAULT_DEV_TENANT;
  let sub = DEFAULT_DEV_SUBJECT;
  let expiresIn = lifetimeSeconds(DEFAULT_EXPIRES_IN) as number;
  let oid: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i];
    if (raw === '--help' || raw === '-h') return { roles, tid, sub, oid, name, expiresIn, help: true };
    // The language was read before the arguments (argumentsLocale); checked as calc and seed check it.
    if (raw.startsWith('--lang=')) continue;
    if (raw === '--lang') {
      if (!args[++i]) return phrase(CLI.langNeeded);
      continue;
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    if (!['--role', '--tid', '--sub', '--oid', '--name', '--expires'].includes(flag)) {
      return raw.startsWith('-') ? phrase(CLI.unknownOption, { option: raw }) : phrase(CLI.unexpectedArgument, { argument: raw });
    }
    const value = eq > 0 ? raw.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return phrase(CLI.needsValue, { option: flag });
    if (flag === '--role') {
      const alias = value.toLowerCase();
      const role = Object.prototype.hasOwnProperty.call(ROLE_ALIASES, alias) ? ROLE_ALIASES[alias] : value;
      if (role !== undefined) {
        if (!ROLE.test(role)) return phrase(CLI.invalidRole, { role: value });
        if (!roles.includes(role)) roles.push(role);
      }
    } else if (flag === '--tid') tid = value;
    else if (flag === '--sub') sub = value;
    else if (flag === '--oid') oid = value;
    else if (flag === '--name') name = value;
    else {
      const seconds = lifetimeSeconds(value);
      if (seconds === undefined || seconds <= 0) return phrase(CLI.expiresDuration, { value });
      if (seconds > MAX_LIFETIME_SECONDS) return phrase(CLI.expiresAtMost);
      expiresIn = seconds;
    }
  }
  return { roles, tid, sub, oid, name, expiresIn, help: false };
}

export async function tokenCommand(args: string[], io: TokenIo, options: TokenCommandOptions = {}): Promise<number> {
  const locale = argumentsLocale(args, options.env ?? process.env);
  const say = (message: Phrase) => `perfplan token: ${render(message.text, locale, message.params)}\n`;
  const parsed = parseTokenArgs(args);
  if ('text' in parsed) {
    io.err(`${say(parsed)}\n${tokenUsage(locale)}\n`);
    return 1;
  }
  if (parsed.help) {
    io.out(`${tokenUsage(locale)}\n`);
    return 0;
  }
  let local;
  try {
    local = await localIssuerFor(options);
  } catch (error) {
    io.err(say(reasonOf(error)));
    return 2;
  }
  const { issuer, config } = local;
  const token = await issuer.mintToken({
    roles: parsed.roles,
    tid: parsed.tid,
    sub: parsed.sub,
    ...(parsed.oid !== undefined ? { oid: parsed.oid } : {}),
    ...(parsed.name !== undefined ? { name: parsed.name } : {}),
    expiresIn: parsed.expiresIn,
    issuer: config.issuer,
    audience: config.audience,
  });
  io.out(`${token}\n`);
  const expires = new Date(Date.now() + parsed.expiresIn * 1000).toISOString();
  io.err(say(phrase(CLI.tokenMinted, { sub: parsed.sub, tid: parsed.tid, roles: parsed.roles.join(', '), expires, issuer: config.issuer })));
  return 0;
}
