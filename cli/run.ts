/**
 * `perfplan run submit|status|list|approve|reject|payroll|statement` (issue 13 item 6): payout
 * runs for finance automation, over the PerfPlan API's HTTP routes only (run-client.ts; cli/
 * never imports functions/). The API is --api URL, else PERFPLAN_API_URL, else npm start's
 * http://localhost:7071/api (a URL without a path gets /api); the bearer token is --token,
 * else PERFPLAN_TOKEN. Messages follow the command line's locale (texts in i18n/runs-cli.ts);
 * what the API said (a problem's detail and errors) is shown too, as it said it.
 *
 * Exit statuses are RUN_EXIT below, one per kind of outcome a script may act on.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CLI, argumentsLocale } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { RUNS_CLI } from '../i18n/runs-cli';
import { Phrase, formatAmount, isPhrase, phrase, render } from '../i18n/text';
import { DEFAULT_API_URL, apiUrl } from './api-url';
import type { Io } from './io';
import { ApiError, BadAnswerError, NetworkError, RunClient, RunView } from './run-client';

export const DEFAULT_WAIT_SECONDS = 300;
export const MAX_COMMENT_LENGTH = 1000;
const SUBMITTER_ROLE = 'Payouts.Submitter';
const APPROVER_ROLE = 'Payouts.Approver';
/** Problem types of two 403s of approve/reject (docs/spec/api.md): the API's contract, not imported from it. */
const MAKER_CHECKER = 'urn:perfplan:problem:runs:maker-checker';
const ONE_LEVEL_PER_PERSON = 'urn:perfplan:problem:runs:one-level-per-person';

export const RUN_EXIT = {
  done: 0,
  usage: 1,
  /** A local file (the workbook, the map, --out) cannot be read or written. */
  file: 2,
  /** No answer from the API. */
  unreachable: 3,
  /** --wait ran out of time (--timeout). */
  timedOut: 4,
  internal: 5,
  /** The API refused the request otherwise (400, 413, 415, 5xx, an unreadable answer). */
  refused: 6,
  unauthorized: 7,
  forbidden: 8,
  notFound: 9,
  /** The run is not in the state the request needs (409). */
  conflict: 10,
  /** Someone else acted on the run first (412). */
  stale: 11,
  /** The API asked for If-Match (428). */
  preconditionRequired: 12,
  /** The run failed (submit --wait). */
  runFailed: 13,
} as const;

const SUBCOMMANDS = ['submit', 'status', 'list', 'approve', 'reject', 'payroll', 'statement'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/** Options taking a value, and the subcommands each applies to (every one: --api, --token, --lang). */
const VALUE_OPTIONS: Record<string, readonly Subcommand[] | 'all'> = {
  '--api': 'all',
  '--token': 'all',
  '--lang': 'all',
  '--period': ['submit', 'list'],
  '--people': ['submit'],
  '--payout': ['submit'],
  '--currency': ['submit'],
  '--map': ['submit'],
  '--timeout': ['submit'],
  '--status': ['list'],
  '--comment': ['approve', 'reject'],
  '--out': ['payroll', 'statement'],
  '-o': ['payroll', 'statement'],
};
const FLAG_OPTIONS: Record<string, readonly Subcommand[]> = {
  '--wait': ['submit'],
  '--json': ['submit', 'status', 'list'],
};
const FILE_OPTIONS = new Set(['--map', '--out', '-o']);

/** `perfplan run --help` in `locale`. */
export function runUsage(locale: Locale): string {
  return render(RUNS_CLI.usage, locale, { api: DEFAULT_API_URL, submitter: SUBMITTER_ROLE, approver: APPROVER_ROLE, seconds: DEFAULT_WAIT_SECONDS });
}

export interface RunArguments {
  command: Subcommand;
  positional: string[];
  values: Record<string, string>;
  flags: Set<string>;
  api: string;
  token: string;
}

/** The API base URL: an http(s) URL without credentials; one without a path gets /api. */
function apiBase(text: string): string | Phrase {
  const url = apiUrl(text);
  if (!(url instanceof URL)) return url;
  const base = url.href.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return url.pathname === '/' || url.pathname === '' ? `${base}/api` : base;
}

/** The arguments after `perfplan run`, read and checked (the token last: a usage error is said first). */
export function parseRunArgs(args: string[], env: Record<string, string | undefined> = process.env): RunArguments | { help: true } | Phrase {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  const [first, ...rest] = args;
  if (!first || first.startsWith('-')) return phrase(RUNS_CLI.needsSubcommand);
  if (!(SUBCOMMANDS as readonly string[]).includes(first)) return phrase(RUNS_CLI.unknownSubcommand, { command: first });
  const command = first as Subcommand;
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in FLAG_OPTIONS && eq < 0) {
      if (!FLAG_OPTIONS[name].includes(command)) return phrase(RUNS_CLI.optionNotHere, { option: name, command });
      flags.add(name);
      continue;
    }
    if (!(name in VALUE_OPTIONS)) return phrase(CLI.unknownOption, { option: arg });
    const applies = VALUE_OPTIONS[name];
    if (applies !== 'all' && !applies.includes(command)) return phrase(RUNS_CLI.optionNotHere, { option: name, command });
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') {
      if (name === '--lang') return phrase(CLI.langNeeded);
      return FILE_OPTIONS.has(name) ? phrase(CLI.needsFileName, { option: name }) : phrase(CLI.needsValue, { option: name });
    }
    values[name === '-o' ? '--out' : name] = value;
  }

  // What each subcommand needs.
  const expected = command === 'list' ? 0 : command === 'statement' ? 2 : 1;
  if (positional.length > expected) return phrase(CLI.unexpectedArgument, { argument: positional[expected] });
  if (command === 'submit') {
    if (positional.length < 1 || !values['--period'] || !values['--people'] || !values['--payout']) return phrase(RUNS_CLI.submitNeeds);
  } else if (command === 'statement') {
    if (positional.length < 2 || !values['--out']) return phrase(RUNS_CLI.statementNeeds);
  } else if (command === 'payroll') {
    if (positional.length < 1 || !values['--out']) return phrase(RUNS_CLI.payrollNeeds);
  } else if (command !== 'list' && positional.length < 1) return phrase(RUNS_CLI.needsId, { command });
  if (command !== 'submit' && command !== 'list') {
    if (!/^[0-9a-f]{32}$/i.test(positional[0])) return phrase(RUNS_CLI.badId, { id: positional[0] });
    positional[0] = positional[0].toLowerCase();
  }
  if (values['--timeout'] !== undefined) {
    const seconds = Number(values['--timeout']);
    if (!Number.isFinite(seconds) || seconds <= 0) return phrase(CLI.timeoutSeconds);
  }
  const comment = values['--comment'];
  if (command === 'reject' && comment === undefined) return phrase(RUNS_CLI.rejectNeedsComment);
  if (comment !== undefined) {
    if (comment.trim() === '') return phrase(RUNS_CLI.commentBlank);
    if ([...comment].length > MAX_COMMENT_LENGTH) return phrase(RUNS_CLI.commentTooLong, { length: [...comment].length, max: MAX_COMMENT_LENGTH });
  }
  const out = values['--out'];
  if (out !== undefined) {
    const extension = path.extname(out).toLowerCase();
    const allowed = command === 'payroll' ? ['.csv', '.xlsx'] : ['.html', '.htm', '.xlsx'];
    if (!allowed.includes(extension)) return phrase(RUNS_CLI.outExtension, { extensions: allowed.join(' | '), file: out });
  }

  const api = apiBase(values['--api'] ?? (env.PERFPLAN_API_URL?.trim() || DEFAULT_API_URL));
  if (isPhrase(api)) return api;
  const token = (values['--token'] ?? env.PERFPLAN_TOKEN ?? '').trim().replace(/^Bearer\s+/i, '');
  if (!token) return phrase(RUNS_CLI.noToken, { role: command === 'approve' || command === 'reject' ? APPROVER_ROLE : SUBMITTER_ROLE });
  return { command, positional, values, flags, api, token };
}

export interface RunCommandOptions {
  env?: Record<string, string | undefined>;
  /** How often --wait asks (default 1 s). */
  pollIntervalMs?: number;
  /** Per-request time limit (default 60 s). */
  requestTimeoutMs?: number;
  /** Runs per page of `list` (default 200). */
  pageSize?: number;
}

/** A failure to say, with its exit status and, from the API, what it said. */
class Failure {
  constructor(
    readonly code: number,
    readonly message: Phrase,
    readonly problem?: ApiError['problem'],
  ) {}
}

function statusWord(status: string): Phrase {
  const key = `status.${status}` as keyof typeof RUNS_CLI;
  return key in RUNS_CLI && key !== 'status.other' ? phrase(RUNS_CLI[key] as (typeof RUNS_CLI)['status.queued']) : phrase(RUNS_CLI['status.other'], { status });
}

function stepWord(status: string): Phrase {
  if (status === 'waiting') return phrase(RUNS_CLI['step.waiting']);
  if (status === 'pending') return phrase(RUNS_CLI['step.pending']);
  return statusWord(status);
}


function totalPhrase(run: RunView, locale: Locale): Phrase | undefined {
  if (!run.totals) return undefined;
  return phrase(RUNS_CLI.totalOf, { amount: formatAmount(run.totals.payout, locale), currency: run.currency ? ` ${run.currency}` : '', people: run.totals.people });
}

/** `perfplan run status`: the run as lines in `locale`. */
export function runText(run: RunView, locale: Locale): string {
  const say = (message: Phrase) => render(message.text, locale, message.params);
  const overdue = run.overdue ? phrase(RUNS_CLI.overdue) : '';
  const lines = [
    say(phrase(RUNS_CLI.viewRun, { id: run.id })),
    say(phrase(RUNS_CLI.viewStatus, { status: statusWord(run.status), overdue })),
    say(phrase(RUNS_CLI.viewPeriod, { period: run.period })),
    say(phrase(RUNS_CLI.viewPayout, { table: run.peopleTable, column: run.payoutColumn })),
  ];
  if (run.submittedAt) lines.push(say(phrase(RUNS_CLI.viewSubmitted, { at: run.submittedAt, by: run.submittedBy ?? '' })));
  const total = totalPhrase(run, locale);
  lines.push(say(total ? phrase(RUNS_CLI.viewTotal, { total }) : phrase(RUNS_CLI.viewNoTotal)));
  if (typeof run.tier === 'number') lines.push(say(phrase(RUNS_CLI.viewTier, { tier: run.tier })));
  if (run.steps && run.steps.length > 0) {
    lines.push(say(phrase(RUNS_CLI.viewSteps)));
    for (const step of run.steps) {
      const parts: Phrase[] = [];
      const by = step.decidedBy ? (step.decidedBy.name ?? step.decidedBy.oid ?? step.decidedBy.sub ?? '') : '';
      if (step.decidedAt) parts.push(phrase(RUNS_CLI.stepDecided, { by, at: step.decidedAt }));
      else if (step.dueAt) parts.push(phrase(RUNS_CLI.stepDue, { due: step.dueAt }));
      if (step.comment) parts.push(phrase(RUNS_CLI.stepComment, { comment: step.comment }));
      if (step.overdue) parts.push(phrase(RUNS_CLI.overdue));
      const detail = parts.map(say).join('');
      lines.push(say(phrase(RUNS_CLI.step, { level: step.level, name: step.name, status: stepWord(step.status), detail })));
    }
  }
  if (run.errors && run.errors.length > 0) {
    lines.push(say(phrase(RUNS_CLI.viewErrors)));
    for (const error of run.errors) {
      const where = error.person || error.cell ? phrase(RUNS_CLI.errorWhere, { person: error.person ?? '', cell: error.cell ?? '' }) : '';
      lines.push(say(phrase(RUNS_CLI.runError, { where, message: error.message })));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One line of `perfplan run list`. */
export function runListLine(run: RunView, locale: Locale): string {
  const total = totalPhrase(run, locale);
  return render(RUNS_CLI.listLine, locale, { id: run.id, status: statusWord(run.status), period: run.period, total: total ?? '-', overdue: run.overdue ? phrase(RUNS_CLI.overdue) : '' });
}

/** The roles a request needs, for a 403 that names none of the special cases. */
function rolesFor(command: Subcommand, run?: RunView): string {
  if (command === 'submit') return SUBMITTER_ROLE;
  if (command === 'approve' || command === 'reject') {
    const pending = run?.steps?.find((s) => s.status === 'pending');
    return `${APPROVER_ROLE}, ${APPROVER_ROLE}.Tier${pending?.level ?? 'k'}`;
  }
  return `${SUBMITTER_ROLE} | ${APPROVER_ROLE}`;
}

/** An error thrown by the client → what to say and the exit status. */
async function failureOf(error: unknown, args: RunArguments, client: RunClient, run?: RunView): Promise<Failure> {
  if (error instanceof Failure) return error;
  if (error instanceof NetworkError) {
    const reason = error.timedOut ? phrase(RUNS_CLI.noAnswer, { seconds: error.seconds }) : phrase(CLI.foreign, { message: error.message });
    return new Failure(RUN_EXIT.unreachable, phrase(RUNS_CLI.unreachable, { api: args.api, reason, local: DEFAULT_API_URL }));
  }
  if (error instanceof BadAnswerError) return new Failure(RUN_EXIT.refused, phrase(RUNS_CLI.notJson, { status: error.status }));
  if (!(error instanceof ApiError)) throw error;
  const { command } = args;
  const id = args.positional[0] ?? '';
  const detail = error.problem?.detail ?? '';
  const title = error.problem?.title ?? error.statusText;
  const problem = error.problem;
  switch (error.status) {
    case 401:
      return new Failure(RUN_EXIT.unauthorized, phrase(RUNS_CLI.unauthorized), problem);
    case 403:
      if (command === 'approve' || command === 'reject') {
        // Which rule refused it, by the problem's type (docs/spec/api.md), not its prose.
        if (problem?.type === MAKER_CHECKER) return new Failure(RUN_EXIT.forbidden, phrase(RUNS_CLI.forbiddenSubmitter, { id }), problem);
        if (problem?.type === ONE_LEVEL_PER_PERSON) return new Failure(RUN_EXIT.forbidden, phrase(RUNS_CLI.forbiddenDecided, { id }), problem);
      }
      return new Failure(RUN_EXIT.forbidden, phrase(RUNS_CLI.forbidden, { roles: rolesFor(command, run) }), problem);
    case 404:
      if (command === 'statement' && !/^no run\b/i.test(detail)) return new Failure(RUN_EXIT.notFound, phrase(RUNS_CLI.notFoundPerson, { id, person: args.positional[1] }), problem);
      return new Failure(RUN_EXIT.notFound, phrase(RUNS_CLI.notFound, { id }), problem);
    case 409: {
      // The run's status now, when it can be read: what the user will want to know next.
      let now: Phrase | string = '';
      try {
        now = phrase(RUNS_CLI.nowStatus, { status: statusWord((await client.get(id)).run.status) });
      } catch {
        now = '';
      }
      const text = command === 'payroll' ? RUNS_CLI.notApproved : command === 'statement' ? RUNS_CLI.notCalculated : RUNS_CLI.notAwaiting;
      return new Failure(RUN_EXIT.conflict, phrase(text, { id, status: now }), problem);
    }
    case 412:
      return new Failure(RUN_EXIT.stale, phrase(RUNS_CLI.stale, { id }), problem);
    case 428:
      return new Failure(RUN_EXIT.preconditionRequired, phrase(RUNS_CLI.ifMatchRequired), problem);
    default:
      return new Failure(RUN_EXIT.refused, phrase(error.status >= 500 ? RUNS_CLI.serverError : RUNS_CLI.refused, { status: error.status, title }), problem);
  }
}

/** Reads a local file; a Failure saying why not. */
async function readLocal(file: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Failure(RUN_EXIT.file, phrase(CLI.noSuchFile, { file }));
    throw new Failure(RUN_EXIT.file, phrase(RUNS_CLI.cannotRead, { file, reason: phrase(CLI.foreign, { message: (error as Error).message }) }));
  }
}

/** The payroll map (--map): JSON, checked as perfplan export checks it. */
async function readMap(file: string): Promise<unknown> {
  const text = (await readLocal(file)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new Failure(RUN_EXIT.usage, phrase(OUTPUTS.mapNotJson, { file, reason: phrase(CLI.foreign, { message: (error as Error).message }) }));
  }
  const [{ parsePayrollMap }, { mapProblemPhrase }] = await Promise.all([import('../calc/payroll'), import('../calc/payroll-phrases')]);
  const map = parsePayrollMap(json);
  if ('kind' in map) throw new Failure(RUN_EXIT.usage, phrase(OUTPUTS.mapInvalid, { file, problem: mapProblemPhrase(map) }));
  return json;
}

async function writeOut(file: string, bytes: Uint8Array): Promise<void> {
  const { writeWhole } = await import('./compare-books');
  const failed = await writeWhole(file, bytes);
  if (failed) throw new Failure(RUN_EXIT.file, phrase(OUTPUTS.cannotWrite, { file, reason: phrase(CLI.foreign, { message: failed }) }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCommand(args: string[], io: Io, options: RunCommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const locale = argumentsLocale(args, env);
  const parsed = parseRunArgs(args, env);
  const sub = args[0] && !args[0].startsWith('-') && (SUBCOMMANDS as readonly string[]).includes(args[0]) ? `run ${args[0]}` : 'run';
  const say = (message: Phrase) => `perfplan ${sub}: ${render(message.text, locale, message.params)}\n`;
  if ('help' in parsed) {
    io.out(`${runUsage(locale)}\n`);
    return RUN_EXIT.done;
  }
  if (isPhrase(parsed)) {
    io.err(`${say(parsed)}\n${runUsage(locale)}\n`);
    return RUN_EXIT.usage;
  }
  const client = new RunClient({ api: parsed.api, token: parsed.token, requestTimeoutMs: options.requestTimeoutMs, pageSize: options.pageSize });
  const line = (message: Phrase) => `${render(message.text, locale, message.params)}\n`;
  let before: RunView | undefined;
  try {
    return await perform(parsed, client, io, locale, line, options, (run) => (before = run));
  } catch (error) {
    const failure = await failureOf(error, parsed, client, before);
    let text = say(failure.message);
    if (failure.problem?.detail) text += line(phrase(RUNS_CLI.apiSaid, { detail: failure.problem.detail }));
    for (const field of failure.problem?.errors ?? []) text += line(phrase(RUNS_CLI.apiFieldError, { path: field.path ?? '', message: field.message ?? '' }));
    io.err(text);
    return failure.code;
  }
}

async function perform(
  args: RunArguments,
  client: RunClient,
  io: Io,
  locale: Locale,
  line: (message: Phrase) => string,
  options: RunCommandOptions,
  remember: (run: RunView) => void,
): Promise<number> {
  const { command, positional, values, flags } = args;
  const json = flags.has('--json');
  const [id] = positional;
  switch (command) {
    case 'submit': {
      const book = positional[0];
      const workbook = await readLocal(book);
      const payrollMap = values['--map'] ? await readMap(values['--map']) : undefined;
      const input = {
        period: values['--period'],
        peopleTable: values['--people'],
        payoutColumn: values['--payout'],
        ...(values['--currency'] ? { currency: values['--currency'] } : {}),
        ...(payrollMap !== undefined ? { payrollMap } : {}),
        // The statements in the language this command speaks.
        language: locale,
      };
      const { run, created } = await client.submit(input, new Uint8Array(workbook), path.basename(book));
      const submitted = line(phrase(created ? RUNS_CLI.submitted : RUNS_CLI.alreadySubmitted, { id: run.id, status: statusWord(run.status) }));
      if (!flags.has('--wait')) {
        io.out(json ? `${JSON.stringify(run, null, 2)}\n` : submitted);
        return RUN_EXIT.done;
      }
      if (!json) io.out(submitted);
      const seconds = values['--timeout'] !== undefined ? Number(values['--timeout']) : DEFAULT_WAIT_SECONDS;
      const deadline = Date.now() + seconds * 1000;
      let now = run;
      while (now.status === 'queued') {
        if (Date.now() >= deadline) throw new Failure(RUN_EXIT.timedOut, phrase(RUNS_CLI.waitTimedOut, { id: run.id, seconds }));
        await sleep(Math.min(options.pollIntervalMs ?? 1000, Math.max(0, deadline - Date.now())));
        now = (await client.get(run.id)).run;
      }
      io.out(json ? `${JSON.stringify(now, null, 2)}\n` : runText(now, locale));
      if (now.status === 'failed') {
        io.err(`perfplan run submit: ${line(phrase(RUNS_CLI.runFailed, { id: now.id }))}`);
        return RUN_EXIT.runFailed;
      }
      return RUN_EXIT.done;
    }
    case 'status': {
      const { run } = await client.get(id);
      io.out(json ? `${JSON.stringify(run, null, 2)}\n` : runText(run, locale));
      return RUN_EXIT.done;
    }
    case 'list': {
      const items = await client.list({ period: values['--period'], status: values['--status'] });
      if (json) io.out(`${JSON.stringify({ items }, null, 2)}\n`);
      else if (items.length === 0) io.out(line(phrase(RUNS_CLI.noRuns)));
      else io.out(items.map((run) => `${runListLine(run, locale)}\n`).join(''));
      return RUN_EXIT.done;
    }
    case 'approve':
    case 'reject': {
      const { run, etag } = await client.get(id);
      remember(run);
      if (!etag) throw new Failure(RUN_EXIT.refused, phrase(RUNS_CLI.noEtag, { id }));
      const pending = run.steps?.find((s) => s.status === 'pending');
      const after = await client.decide(id, command, etag, values['--comment']);
      const level = pending?.level ?? '?';
      const name = pending?.name ?? '';
      const decision = phrase(command === 'approve' ? RUNS_CLI.approvedLevel : RUNS_CLI.rejectedLevel, { level, name });
      io.out(line(phrase(RUNS_CLI.decided, { id, decision, status: statusWord(after.status) })));
      return RUN_EXIT.done;
    }
    case 'payroll':
    case 'statement': {
      const out = values['--out'];
      const xlsx = path.extname(out).toLowerCase() === '.xlsx';
      const bytes = command === 'payroll' ? await client.payroll(id, xlsx ? 'xlsx' : 'csv') : await client.statement(id, positional[1], xlsx ? 'xlsx' : 'html');
      await writeOut(out, bytes);
      io.out(line(phrase(RUNS_CLI.wrote, { file: out, bytes: bytes.length })));
      return RUN_EXIT.done;
    }
  }
}
