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
 * Messages follow the command line's locale (--lang, else LC_ALL, LC_MESSAGES, LANG; texts in
 * i18n/cli.ts); a refusal is quoted as the API or the request put it.
 */
import { localPublisherToken, PUBLISHER_ROLE } from '../dev/token';
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { Phrase, phrase, render } from '../i18n/text';
import { DEFAULT_API_URL, apiUrl } from './api-url';
import { reasonOf } from './exit-codes';
import type { Io } from './io';

/** `perfplan seed --help` in `locale`. */
export function seedUsage(locale: Locale): string {
  return render(CLI.seedUsage, locale, { api: DEFAULT_API_URL, role: PUBLISHER_ROLE });
}

/** The usage in en-US. */
export const SEED_USAGE = seedUsage('en-US');

export interface SeedCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** The folder holding the default local key folder .perfplan/issuer (default: the repository root). */
  root?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLocal(url: URL): boolean {
  return LOCAL_HOSTS.has(url.hostname.toLowerCase()) || url.hostname.toLowerCase().endsWith('.localhost');
}

function parseSeedArgs(args: string[], env: NodeJS.ProcessEnv): { api: URL } | { help: true } | Phrase {
  let api = env.PERFPLAN_API_URL?.trim() || DEFAULT_API_URL;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i];
    if (raw === '--help' || raw === '-h') return { help: true };
    if (raw === '--api' || raw.startsWith('--api=')) {
      const value = raw === '--api' ? args[++i] : raw.slice('--api='.length);
      if (!value) return phrase(CLI.apiNeedsUrl);
      api = value;
      continue;
    }
    // The language was read before the arguments (argumentsLocale).
    if (raw.startsWith('--lang=')) continue;
    if (raw === '--lang') {
      if (!args[++i]) return phrase(CLI.langNeeded);
      continue;
    }
    return raw.startsWith('-') ? phrase(CLI.unknownOption, { option: raw }) : phrase(CLI.unexpectedArgument, { argument: raw });
  }
  const url = apiUrl(api);
  return url instanceof URL ? { api: url } : url;
}

export async function seedCommand(args: string[], io: Io, options: SeedCommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const locale = argumentsLocale(args, env);
  const say = (message: Phrase) => `perfplan seed: ${render(message.text, locale, message.params)}\n`;
  const parsed = parseSeedArgs(args, env);
  if ('text' in parsed) {
    io.err(`${say(parsed)}\n${seedUsage(locale)}\n`);
    return 1;
  }
  if ('help' in parsed) {
    io.out(`${seedUsage(locale)}\n`);
    return 0;
  }
  const api = parsed.api.href.replace(/\/+$/, '');
  const given = env.PERFPLAN_TOKEN?.trim();
  let token: string;
  if (given) token = given.replace(/^Bearer\s+/i, '');
  else {
    if (!isLocal(parsed.api)) {
      io.err(say(phrase(CLI.seedNotLocal, { api, role: PUBLISHER_ROLE })));
      return 2;
    }
    try {
      token = await localPublisherToken({ env, root: options.root });
    } catch (error) {
      io.err(say(phrase(CLI.seedNoLocalToken, { reason: reasonOf(error) })));
      return 2;
    }
  }

  // The template library is loaded only to publish it (not for --help or a refused argument).
  const { publishBuiltIns, PublishError } = await import('../library/publish');
  try {
    const report = await publishBuiltIns({ api, token });
    const deleted = report.leftDeleted.length ? phrase(CLI.seededDeleted, { count: report.leftDeleted.length }) : '';
    const seeded = phrase(CLI.seeded, { created: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length, deleted, rows: report.benchmarkRows });
    io.out(`${render(seeded.text, locale, seeded.params)}\n`);
    return 0;
  } catch (error) {
    // The refusal as the API (or the request) put it; what to do about it in the user's words.
    const advice = error instanceof PublishError ? hint(error, api, !!given) : undefined;
    io.err(`${say(reasonOf(error))}${advice ? `${render(advice.text, locale, advice.params)}\n` : ''}`);
    return 2;
  }
}

/** What to do about a refusal, in one more line. */
function hint(error: { status?: number }, api: string, tokenGiven: boolean): Phrase | undefined {
  if (error.status === undefined) return phrase(CLI.seedNoAnswer, { api, local: DEFAULT_API_URL });
  if (error.status === 401) return tokenGiven ? phrase(CLI.seedTokenRejected, { api }) : phrase(CLI.seedLocalRejected);
  if (error.status === 403) return phrase(CLI.seedNoRole, { role: PUBLISHER_ROLE });
  if (error.status === 404) return phrase(CLI.seedNoRoutes, { api });
  return undefined;
}
