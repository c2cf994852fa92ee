/**
 * `perfplan seed [--api URL]` (npm run seed): publishes the built-in templates (library/templates)
 * and the benchmark rows (functions/data/benchmarks.json) to a running API, over HTTP, as the
 * identity with the app role Templates.Publisher (library/publish.ts). The API validates every
 * workbook exactly as it validates uploads.
 *
 *   API    --api URL, else PERFPLAN_API_URL, else http://localhost:7071/api (npm start's API)
 *   token  PERFPLAN_TOKEN, else one minted by the local development issuer with the publisher
 *          role — which only a local API trusts.
 *
 * Templates: missing → created; changed (different bytes) → a new version; unchanged or
 * deleted by an operator → left alone. Benchmark rows are upserted by (metric, segment).
 */
import { localPublisherToken, PUBLISHER_ROLE } from '../dev/token';
import { publishBuiltIns, PublishError } from '../library/publish';
import type { Io } from './io';

export const DEFAULT_API_URL = 'http://localhost:7071/api';

export const SEED_USAGE = `Usage: perfplan seed [--api URL]

Publishes the built-in templates and the benchmark rows to the API, over HTTP.
  --api   the API's base URL (default: PERFPLAN_API_URL, else ${DEFAULT_API_URL})

The caller needs the app role ${PUBLISHER_ROLE}: PERFPLAN_TOKEN holds its bearer token.
Without PERFPLAN_TOKEN a token is minted by the local development issuer (.perfplan/issuer,
or PERFPLAN_LOCAL_ISSUER_DIR), which only a local API (npm start) trusts.`;

export interface SeedCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** The folder holding the default local key folder .perfplan/issuer (default: the repository root). */
  root?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLocal(url: URL): boolean {
  return LOCAL_HOSTS.has(url.hostname.toLowerCase()) || url.hostname.toLowerCase().endsWith('.localhost');
}

function parseSeedArgs(args: string[], env: NodeJS.ProcessEnv): { api: URL } | { help: true } | string {
  let api = env.PERFPLAN_API_URL?.trim() || DEFAULT_API_URL;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i];
    if (raw === '--help' || raw === '-h') return { help: true };
    if (raw === '--api' || raw.startsWith('--api=')) {
      const value = raw === '--api' ? args[++i] : raw.slice('--api='.length);
      if (!value) return '--api needs a URL';
      api = value;
      continue;
    }
    return raw.startsWith('-') ? `unknown option ${raw}` : `unexpected argument ${raw}`;
  }
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    return `"${api}" is not a URL (expected something like ${DEFAULT_API_URL})`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the API URL must be http or https, got "${api}"`;
  if (url.username || url.password) return 'the API URL must not carry credentials (use PERFPLAN_TOKEN)';
  return { api: url };
}

export async function seedCommand(args: string[], io: Io, options: SeedCommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const parsed = parseSeedArgs(args, env);
  if (typeof parsed === 'string') {
    io.err(`perfplan seed: ${parsed}\n\n${SEED_USAGE}\n`);
    return 1;
  }
  if ('help' in parsed) {
    io.out(`${SEED_USAGE}\n`);
    return 0;
  }
  const api = parsed.api.href.replace(/\/+$/, '');
  const given = env.PERFPLAN_TOKEN?.trim();
  let token: string;
  if (given) token = given.replace(/^Bearer\s+/i, '');
  else {
    if (!isLocal(parsed.api)) {
      io.err(
        `perfplan seed: PERFPLAN_TOKEN is not set. Without it the token comes from the local development issuer, ` +
          `which only a local API trusts, and ${api} is not local. Set PERFPLAN_TOKEN to a token with the app role ${PUBLISHER_ROLE} for that API.\n`,
      );
      return 2;
    }
    try {
      token = await localPublisherToken({ env, root: options.root });
    } catch (error) {
      io.err(`perfplan seed: no PERFPLAN_TOKEN, and no local token: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }

  try {
    await publishBuiltIns({ api, token, log: (line) => io.out(`${line}\n`) });
    return 0;
  } catch (error) {
    io.err(`perfplan seed: ${error instanceof Error ? error.message : String(error)}\n${hint(error, api, !!given)}`);
    return 2;
  }
}

/** What to do about a refusal, in one more line. */
function hint(error: unknown, api: string, tokenGiven: boolean): string {
  if (!(error instanceof PublishError)) return '';
  if (error.status === undefined) return `Is the API running at ${api}? (npm start serves one at ${DEFAULT_API_URL}; or pass --api URL)\n`;
  if (error.status === 401) {
    return tokenGiven
      ? `The API did not accept PERFPLAN_TOKEN: it must be a current token from the issuer ${api} trusts.\n`
      : `The API did not accept the local development token: only a local API whose key folder is this one trusts it (PERFPLAN_LOCAL_ISSUER_DIR); otherwise set PERFPLAN_TOKEN.\n`;
  }
  if (error.status === 403) return `The token lacks the app role ${PUBLISHER_ROLE}.\n`;
  if (error.status === 404) return `No /builtins routes at ${api}: is it a PerfPlan API of this version, and does the URL end in /api?\n`;
  return '';
}
