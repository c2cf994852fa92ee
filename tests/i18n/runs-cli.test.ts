/**
 * The texts of perfplan run (i18n/runs-cli.ts), held to the rules of layer-texts.test.ts: both
 * languages, non-empty, the same placeholders, no English sentence twice; rendered with sample
 * parameters (phrases where the code passes phrases), no English word reaches a zh-CN user
 * beyond what is typed or stored as it is, and no Chinese an en-US user. cli/run.ts and
 * cli/run-client.ts pass no English sentence to the user's streams.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CLI } from '../../i18n/cli';
import { RUNS_CLI } from '../../i18n/runs-cli';
import { Params, Text, phrase, placeholders, render } from '../../i18n/text';
import { chinese } from './language-check';
import { expectEachInItsLanguage, itHasBothLanguages, itSaysEachEnglishOnce } from './text-checks';
import { englishIn } from './typed-as-is';

const ID = '9f1083d68d8af8d904c8b637858ad1d5';

/** A sample for each placeholder, as cli/run.ts fills it. */
const SAMPLES: Record<string, Params[string]> = {
  api: 'http://localhost:7071/api',
  local: 'http://localhost:7071/api',
  submitter: 'Payouts.Submitter',
  approver: 'Payouts.Approver',
  role: 'Payouts.Approver',
  roles: 'Payouts.Approver, Payouts.Approver.Tier2',
  seconds: 300,
  command: 'status',
  id: ID,
  option: '--wait',
  file: 'payroll.xlsx',
  extensions: '.csv | .xlsx',
  length: 1001,
  max: 1000,
  reason: phrase(CLI.foreign, { message: 'connect ECONNREFUSED 127.0.0.1:7071' }),
  status: phrase(RUNS_CLI['status.awaiting-approval']),
  title: 'Bad Request',
  detail: 'The query parameters are invalid.',
  path: 'status',
  message: 'must be one of queued, calculated',
  person: 'E9',
  decision: phrase(RUNS_CLI.approvedLevel, { level: 1, name: 'department' }),
  level: 2,
  name: 'finance',
  bytes: '1,234',
  period: '2025-07',
  total: phrase(RUNS_CLI.totalOf, { amount: '3,500.50', currency: ' CNY', people: 2 }),
  overdue: phrase(RUNS_CLI.overdue),
  count: 3,
  table: 'People',
  column: 'Payout',
  at: '2026-12-06T15:00:00.000Z',
  by: 'carol',
  tier: 2,
  amount: '3,500.50',
  currency: ' CNY',
  people: 2,
  due: '2026-12-08T15:00:00.000Z',
  comment: '同意',
  detailText: '',
  where: phrase(RUNS_CLI.errorWhere, { person: '李雷', cell: 'People!D3' }),
  cell: 'People!D3',
};

/** Where a placeholder holds something else than its usual sample. */
const OWN: Record<string, Params> = {
  nowStatus: { status: phrase(RUNS_CLI['status.rejected']) },
  'status.other': { status: 'paused' },
  step: { status: phrase(RUNS_CLI['step.pending']), detail: phrase(RUNS_CLI.stepDue, { due: '2026-12-08T15:00:00.000Z' }) },
  runError: { message: '#DIV/0! division by zero' },
  // In a sentence the status is what follows "; it is": a phrase of its own (nowStatus).
  notAwaiting: { status: phrase(RUNS_CLI.nowStatus, { status: phrase(RUNS_CLI['status.approved']) }) },
  notApproved: { status: phrase(RUNS_CLI.nowStatus, { status: phrase(RUNS_CLI['status.calculated']) }) },
  notCalculated: { status: phrase(RUNS_CLI.nowStatus, { status: phrase(RUNS_CLI['status.queued']) }) },
};

const ALL = Object.entries(RUNS_CLI).map(([key, text]) => [key, text as Text] as const);

/** The user's own words (a comment, a person) as an en-US user writes them. */
const EN_SAMPLES: Record<string, Params[string]> = { comment: 'ok', where: phrase(RUNS_CLI.errorWhere, { person: 'Ben', cell: 'People!D3' }) };

function sampleParams(key: string, text: Text, locale: 'en-US' | 'zh-CN'): Params {
  const own = locale === 'en-US' ? EN_SAMPLES : {};
  return Object.fromEntries(placeholders(text['en-US']).map((name) => [name, OWN[key]?.[name] ?? own[name] ?? SAMPLES[name] ?? 7]));
}

/** The English words of ours in a zh-CN message of `key`. */
function englishOfOurs(key: string, zh: string): string[] {
  // What the API and the user's data say stays as it was written: a run id, dates, table and step names, the API's title.
  // So do file extensions and app role names (Payouts.Approver.Tier2), as typed.
  const ours = zh.replace(/[0-9a-f]{32}|\d{4}-\d\d-\d\dT[\d:.]+Z|People\[Payout\]|Bad Request|\bcarol\b|\bstatus\b|\.(?:csv|xlsx|html|json)\b|Payouts(?:\.\w+)+/g, ' ');
  // A usage: each line Chinese, or a command line as it is typed ("  perfplan run status ID").
  const lines = key === 'usage' ? ours.split('\n').filter((line) => line.trim() !== '' && !(chinese(line).length === 0 && /^\s+perfplan /.test(line))) : [ours];
  return lines.flatMap(englishIn);
}

describe('the texts of perfplan run', () => {
  itHasBothLanguages(ALL);

  itSaysEachEnglishOnce('no two keys hold the same English (the list line is the one text the same in both languages)', { RUNS_CLI });

  it.each(ALL)('%s: zh-CN without English words, en-US without Chinese, every placeholder filled', (key, text) => {
    const zh = render(text, 'zh-CN', sampleParams(key, text, 'zh-CN'));
    const en = render(text, 'en-US', sampleParams(key, text, 'en-US'));
    expectEachInItsLanguage({ zh, en }, (message) => englishOfOurs(key, message));
  });

  it('cli/run.ts and cli/run-client.ts pass no English sentence to an error or the user\'s streams', () => {
    const ROOT = path.resolve(__dirname, '../..');
    const hits = ['cli/run.ts', 'cli/run-client.ts'].flatMap((file) => {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return (source.match(/io\.(?:err|out)\(\s*[`'"][^\n]*|stderr\.write\(\s*[`'"][^\n]*/g) ?? []).filter((hit) => !/^io\.(?:err|out)\(`(?:perfplan[^$]*)?\$\{/.test(hit)).map((hit) => `${file}: ${hit}`);
    });
    expect(hits).toEqual([]);
  });
});
