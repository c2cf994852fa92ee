/**
 * `perfplan run submit|status|list|approve|reject|payroll|statement` (issue 13 item 6) against
 * the real local API host on Azurite (tests/functions/support/runs.ts: the route table, the
 * queue-triggered calculation, local-issuer tokens), over HTTP only: submit → wait → status,
 * list across pages, statements, a failed run, argument errors, the API's problem bodies and
 * an API that does not answer, in en-US and zh-CN; and `perfplan token --oid --name`.
 */
import { STATEMENTS } from '../../i18n/statements';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { decodeJwt } from 'jose';
import { tokenCommand } from '../../dev/token';
import { main } from '../../cli/main';
import { RUN_EXIT, runCommand } from '../../cli/run';
import { chinese } from '../i18n/language-check';
import { englishIn } from '../i18n/typed-as-is';
import { RunsHarness, payoutWorkbook, startRunsApi } from '../functions/support/runs';
import { tempDir } from '../support/workbook';
import { type Captured, captured } from '../support/captured-io';

jest.setTimeout(180_000);

let api: RunsHarness;
let dir: string;
let book: string;
beforeAll(async () => {
  api = await startRunsApi({ calculate: true });
  dir = tempDir('perfplan-run-');
  book = path.join(dir, 'plan.xlsx');
  fs.writeFileSync(book, await payoutWorkbook());
});
afterAll(async () => {
  await api?.close();
});

/** `perfplan run ARGS` with the harness API and a token in the environment (PERFPLAN_API_URL, PERFPLAN_TOKEN). */
async function run(args: string[], env: Record<string, string | undefined> = {}, options: { pageSize?: number } = {}): Promise<Captured> {
  return captured((io) =>
    runCommand(args, io, {
      env: { PERFPLAN_API_URL: api.url, PERFPLAN_TOKEN: api.tokens.submitterA, LANG: 'en_US.UTF-8', ...env },
      pollIntervalMs: 100,
      ...options,
    }),
  );
}

const zh = { LANG: 'zh_CN.UTF-8' };
const RUN_ID = /run ([0-9a-f]{32})/;

/** A new workbook file (its own bytes, so its own run). */
async function newBook(label: string, rows?: Parameters<typeof payoutWorkbook>[0]): Promise<string> {
  const file = path.join(dir, `${label}.xlsx`);
  fs.writeFileSync(file, await payoutWorkbook(rows, label));
  return file;
}

/** Submits and waits; the run id. */
async function submitted(file: string, period = '2025-07'): Promise<string> {
  const result = await run(['submit', file, '--period', period, '--people', 'People', '--payout', 'Payout', '--currency', 'CNY', '--wait']);
  expect(result).toMatchObject({ code: 0, err: '' });
  return RUN_ID.exec(result.out)![1];
}

describe('perfplan run against the local API', () => {
  let id: string;

  it('submit --wait: the run id and status, then the calculated run with its total', async () => {
    const result = await run(['submit', book, '--period', '2025-07', '--people', 'People', '--payout', 'Payout', '--currency', 'CNY', '--wait']);
    expect(result.err).toBe('');
    expect(result.code).toBe(RUN_EXIT.done);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^submitted run [0-9a-f]{32}: queued$/);
    id = RUN_ID.exec(lines[0])![1];
    expect(lines[1]).toBe(`run ${id}`);
    // A calculated run goes straight to approval (issue 13 item 3): 3,500.50 needs one level.
    expect(result.out).toMatch(/\n {2}status {5}awaiting-approval\n/);
    expect(result.out).toContain('  period     2025-07\n');
    expect(result.out).toContain('  payout     People[Payout]\n');
    expect(result.out).toContain('  total      3,500.50 CNY for 2 people\n');
    // What the API holds is what was printed.
    const stored = await (await fetch(`${api.url}/runs/${id}`, { headers: { Authorization: `Bearer ${api.tokens.submitterA}` } })).json();
    expect(stored).toMatchObject({ id, period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY', language: 'en-US', totals: { payout: 3500.5, people: 2 } });
  });

  it('submit in Chinese: the run is made in zh-CN, its statements in Chinese', async () => {
    const result = await run(['submit', await newBook('zh-run'), '--period', '2025-07', '--people', 'People', '--payout', 'Payout', '--wait'], zh);
    expect(result.code).toBe(RUN_EXIT.done);
    const zhId = /[0-9a-f]{32}/.exec(result.out)![0];
    const auth = { headers: { Authorization: `Bearer ${api.tokens.submitterA}` } };
    expect(await (await fetch(`${api.url}/runs/${zhId}`, auth)).json()).toMatchObject({ language: 'zh-CN' });
    expect(await (await fetch(`${api.url}/runs/${zhId}/statements/row-2`, auth)).text()).toContain(STATEMENTS.title['zh-CN']);
  });

  it('submit again: the same run, said to be already submitted; without --wait only the first line', async () => {
    const again = await run(['submit', book, '--period', '2025-07', '--people', 'People', '--payout', 'Payout', '--currency', 'CNY']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(new RegExp(`^this workbook was already submitted for this period and table: run ${id}: awaiting-approval\\n$`));
  });

  it('status: the run as text and, with --json, as the API returns it; in zh-CN too', async () => {
    const text = await run(['status', id]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(new RegExp(`^run ${id}\\n {2}status {5}awaiting-approval\\n`));
    expect(text.out).toContain('submitted  ');
    expect(text.out).toContain(' by alice\n');
    const json = await run(['status', id, '--json']);
    const view = JSON.parse(json.out);
    const stored = await (await fetch(`${api.url}/runs/${id}`, { headers: { Authorization: `Bearer ${api.tokens.submitterA}` } })).json();
    expect(view).toEqual(stored);
    const chineseText = await run(['status', id, '--lang', 'zh-CN']);
    expect(chineseText.out).toMatch(new RegExp(`^批次 ${id}\\n {2}状态 {7}待审批\\n`));
    expect(chineseText.out).toContain('  合计       3,500.50 CNY，共 2 人\n');
    for (const line of chineseText.out.split('\n').filter(Boolean)) expect({ line, english: englishIn(line.replace(/[0-9a-f]{32}|\d{4}-\d\d-\d\dT[\d:.]+Z/g, '').replace(/People\[Payout\]|alice/g, '')) }).toEqual({ line, english: [] });
  });

  it('list: every run of a period, following continuationToken page by page', async () => {
    const second = await submitted(await newBook('second'), '2025-list');
    const third = await submitted(await newBook('third'), '2025-list');
    const listed = await run(['list', '--period', '2025-list'], {}, { pageSize: 1 });
    expect(listed.code).toBe(0);
    const lines = listed.out.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0]).sort()).toEqual([second, third].sort());
    expect(lines[0]).toMatch(/^[0-9a-f]{32} {2}awaiting-approval {2}2025-list {2}3,500\.50 CNY for 2 people$/);
    const json = JSON.parse((await run(['list', '--period', '2025-list', '--json'], {}, { pageSize: 1 })).out);
    expect(json.items.map((r: { id: string }) => r.id).sort()).toEqual([second, third].sort());
    expect((await run(['list', '--period', 'no-such-period'])).out).toBe('no runs\n');
  });

  it('statement: a person\'s statement written as HTML or xlsx; an unknown person is 404 (exit 9)', async () => {
    const html = path.join(dir, 'ann.html');
    const wrote = await run(['statement', id, 'E1', '--out', html]);
    expect(wrote.err).toBe('');
    expect(wrote.code).toBe(0);
    expect(wrote.out).toMatch(/^wrote .*ann\.html \(\d+ bytes\)\n$/);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(page).toContain('Ann');
    const xlsx = path.join(dir, 'ben.xlsx');
    expect((await run(['statement', id, 'row-3', '-o', xlsx])).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const missing = await run(['statement', id, 'E9', '--out', path.join(dir, 'nobody.html')]);
    expect(missing.code).toBe(RUN_EXIT.notFound);
    expect(missing.err).toMatch(new RegExp(`^perfplan run statement: run ${id} has no statement for E9 \\(404\\)\\nthe API says: .*E9`));
    expect(fs.existsSync(path.join(dir, 'nobody.html'))).toBe(false);
  });

  it('a run whose payout column is an error fails: submit --wait shows its errors and exits 13', async () => {
    const file = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(file, await payoutWorkbook([['E1', 'Ann', 1000]], 'broken'));
    const result = await run(['submit', file, '--period', '2025-09', '--people', 'People', '--payout', 'Bonus', '--wait']);
    expect(result.code).toBe(RUN_EXIT.runFailed);
    expect(result.out).toMatch(/\n {2}status {5}failed\n/);
    expect(result.out).toContain('  total      none yet\n');
    expect(result.out).toMatch(/\n {2}errors\n {4}.*Bonus/);
    expect(result.err).toMatch(/^perfplan run submit: run [0-9a-f]{32} failed\n$/);
  });
});

describe('the API\'s refusals are shown with their problem body, in both languages', () => {
  it('400: the problem\'s detail and each field error (list --status bogus), exit 6', async () => {
    const en = await run(['list', '--status', 'bogus']);
    expect(en.code).toBe(RUN_EXIT.refused);
    expect(en.out).toBe('');
    expect(en.err).toMatch(/^perfplan run list: the API refused the request \(400 Bad Request\)\nthe API says: The query parameters are invalid\.\n {2}status: .+\n$/);
    const cn = await run(['list', '--status', 'bogus'], zh);
    expect(cn.code).toBe(RUN_EXIT.refused);
    expect(cn.err).toMatch(/^perfplan run list: API 拒绝了请求（400 Bad Request）\nAPI 的说明："The query parameters are invalid\."\n {2}status："Invalid option: .+"\n$/);
    // Ours is Chinese; the API's own words (its title, detail and field messages) are quoted as it wrote them.
    const ours = cn.err.split('\n').map((line) => line.replace(/（400 Bad Request）|："The query.*$|："Invalid option.*$/, ''));
    expect(ours.flatMap(englishIn)).toEqual([]);
  });

  it('404: no such run (exit 9); 403: a token without a Payouts role (exit 8); 401: a token the API does not trust (exit 7)', async () => {
    const none = 'ab'.repeat(16);
    const missing = await run(['status', none]);
    expect(missing.code).toBe(RUN_EXIT.notFound);
    expect(missing.err).toBe(`perfplan run status: no such run ${none} in your organization (404)\nthe API says: No run "${none}".\n`);
    const missingZh = await run(['status', none], zh);
    expect(missingZh.err).toBe(`perfplan run status: 你的组织中没有批次 ${none}（404）\nAPI 的说明："No run "${none}"."\n`);

    const reader = await run(['status', none], { PERFPLAN_TOKEN: api.tokens.readerA });
    expect(reader.code).toBe(RUN_EXIT.forbidden);
    expect(reader.err).toMatch(/^perfplan run status: not allowed \(403\): the token lacks the app role this needs \(Payouts\.Submitter \| Payouts\.Approver\)\nthe API says: .+\n$/);
    const readerZh = await run(['status', none, '--token', api.tokens.readerA], zh);
    expect(readerZh.err).toMatch(/^perfplan run status: 无权操作（403）：该令牌缺少此操作所需的应用角色（Payouts\.Submitter \| Payouts\.Approver）\nAPI 的说明：".+"\n$/);

    const forged = await run(['status', none, '--token', 'not.a.token']);
    expect(forged.code).toBe(RUN_EXIT.unauthorized);
    expect(forged.err).toMatch(/^perfplan run status: the API did not accept the token \(401\)/);
  });

  it('an API that does not answer: a clear message and exit 3, in both languages', async () => {
    const port = await closedPort();
    const en = await run(['status', 'ab'.repeat(16), '--api', `http://127.0.0.1:${port}/api`]);
    expect(en.code).toBe(RUN_EXIT.unreachable);
    expect(en.err).toMatch(new RegExp(`^perfplan run status: cannot reach the API at http://127\\.0\\.0\\.1:${port}/api: .*ECONNREFUSED.*\\. Is it running\\?`));
    const cn = await run(['list', '--api', `http://127.0.0.1:${port}`], zh);
    expect(cn.code).toBe(RUN_EXIT.unreachable);
    // A URL without a path is the API at /api.
    expect(cn.err).toMatch(new RegExp(`^perfplan run list: 无法连接 http://127\\.0\\.0\\.1:${port}/api 上的 API："[^"]*ECONNREFUSED[^"]*"。它是否正在运行？`));
  });

  it('an error page that is no problem+json (a proxy\'s 502): the status and its reason, exit 6', async () => {
    const server = http.createServer((_, response) => {
      response.writeHead(502, 'Bad Gateway', { 'Content-Type': 'text/html' });
      response.end('<html><body>upstream down</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as net.AddressInfo;
      const result = await run(['list', '--api', `http://127.0.0.1:${port}/api`]);
      expect(result).toEqual({ code: RUN_EXIT.refused, out: '', err: 'perfplan run list: the API failed (502 Bad Gateway)\n' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('--wait gives up after --timeout when the run stays queued (exit 4)', async () => {
    const idle = await startRunsApi(); // no calculation: the message stays on the queue
    try {
      const result = await run(['submit', book, '--period', '2025-10', '--people', 'People', '--payout', 'Payout', '--wait', '--timeout', '0.5'], { PERFPLAN_API_URL: idle.url, PERFPLAN_TOKEN: idle.tokens.submitterA });
      expect(result.code).toBe(RUN_EXIT.timedOut);
      expect(result.out).toMatch(/^submitted run [0-9a-f]{32}: queued\n$/);
      expect(result.err).toMatch(/^perfplan run submit: run ([0-9a-f]{32}) is still queued after 0\.5 s \(--timeout\); follow it with perfplan run status \1\n$/);
    } finally {
      await idle.close();
    }
  });
});

describe('argument errors: exit 1 before any request, with the usage, in both languages', () => {
  const id = 'ab'.repeat(16);
  const cases: Array<[string[], string, string]> = [
    [[], 'run needs a subcommand: submit, status, list, approve, reject, payroll or statement', 'run 需要一个子命令：submit、status、list、approve、reject、payroll 或 statement'],
    [['cancel', id], 'unknown subcommand "cancel" (submit, status, list, approve, reject, payroll or statement)', '未知的子命令 "cancel"（可用 submit、status、list、approve、reject、payroll 或 statement）'],
    [['submit', 'plan.xlsx', '--period', '2025-07'], 'submit needs a workbook (BOOK.xlsx), --period, --people and --payout', 'submit 需要一个工作簿（BOOK.xlsx）以及 --period、--people 和 --payout'],
    [['status'], 'status needs a run id (ID)', 'status 需要一个批次 ID（ID）'],
    [['status', 'run-7'], '"run-7" is not a run id (32 hexadecimal digits)', '"run-7" 不是批次 ID（应为 32 位十六进制数字）'],
    [['reject', id], 'reject needs --comment TEXT: say why', 'reject 需要 --comment TEXT：请说明驳回原因'],
    [['approve', id, '--comment', 'x'.repeat(1001)], '--comment is 1001 characters long; at most 1000 are allowed', '--comment 长 1001 个字符；最多允许 1000 个'],
    [['payroll', id, '--out', 'pay.pdf'], '--out must end in .csv | .xlsx, got pay.pdf', '--out 必须以 .csv | .xlsx 结尾；实际为 pay.pdf'],
    [['status', id, '--wait'], '--wait does not apply to run status', '--wait 不适用于 run status'],
    [['list', '--bogus'], 'unknown option --bogus', '未知选项 --bogus'],
    [['submit', 'plan.xlsx', '--period', 'P', '--people', 'T', '--payout', 'C', '--timeout', '0'], '--timeout needs a number of seconds greater than 0', '--timeout 需要一个大于 0 的秒数'],
    [['status', id, '--api', 'ftp://example.com'], 'the API URL must be http or https, got "ftp://example.com"', 'API 的 URL 必须以 "http" 或 "https" 开头；实际为 "ftp://example.com"'],
  ];

  it.each(cases)('%j', async (args, english, chineseMessage) => {
    const sub = args[0] && ['submit', 'status', 'list', 'approve', 'reject', 'payroll', 'statement'].includes(args[0]) ? `run ${args[0]}` : 'run';
    const en = await run(args);
    expect(en).toMatchObject({ code: RUN_EXIT.usage, out: '' });
    expect(en.err.startsWith(`perfplan ${sub}: ${english}\n\nUsage:\n  perfplan run submit BOOK.xlsx`)).toBe(true);
    expect(chinese(en.err)).toEqual([]);
    const cn = await run(args, zh);
    expect(cn.code).toBe(RUN_EXIT.usage);
    expect(cn.err.startsWith(`perfplan ${sub}: ${chineseMessage}\n\n用法：\n  perfplan run submit BOOK.xlsx`)).toBe(true);
  });

  it('no token: --token or PERFPLAN_TOKEN is needed, said before any request', async () => {
    const en = await run(['status', id], { PERFPLAN_TOKEN: undefined });
    expect(en.code).toBe(RUN_EXIT.usage);
    expect(en.err).toMatch(/^perfplan run status: no token: pass --token TOKEN or set PERFPLAN_TOKEN \(for a local API, perfplan token --role Payouts\.Submitter makes one\)\n/);
    const cn = await run(['approve', id], { PERFPLAN_TOKEN: '', ...zh });
    expect(cn.err).toMatch(/^perfplan run approve: 没有令牌：请用 --token TOKEN 指定或设置 PERFPLAN_TOKEN（对本地 API，"perfplan token --role Payouts\.Approver" 可以生成一个）\n/);
  });

  it('a missing workbook is exit 2; a map that is not JSON is exit 1, before anything is sent', async () => {
    const missing = await run(['submit', path.join(dir, 'nope.xlsx'), '--period', 'P', '--people', 'People', '--payout', 'Payout']);
    expect(missing.code).toBe(RUN_EXIT.file);
    expect(missing.err).toMatch(/^perfplan run submit: cannot read .*nope\.xlsx: no such file\n$/);
    const map = path.join(dir, 'map.json');
    fs.writeFileSync(map, '{"columns": [');
    const bad = await run(['submit', book, '--period', 'P', '--people', 'People', '--payout', 'Payout', '--map', map], zh);
    expect(bad.code).toBe(RUN_EXIT.usage);
    expect(bad.err).toMatch(/^perfplan run submit: 映射文件 .*map\.json 不是 JSON：/);
  });

  it('perfplan run --help through main, in either language; perfplan --help names run', async () => {
    let out = '';
    const code = await main(['run', '--help'], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage:\n {2}perfplan run submit BOOK\.xlsx --period P --people TABLE --payout COLUMN/);
    expect(out).toContain('13 the run failed');
    let cn = '';
    await main(['run', '--help', '--lang', 'zh-CN'], { out: (t) => (cn += t), err: () => undefined });
    expect(cn).toMatch(/^用法：\n/);
    let top = '';
    await main(['--help'], { out: (t) => (top += t), err: () => undefined });
    expect(top).toContain('perfplan run submit|status|list|approve|reject|payroll|statement');
  });
});

describe('perfplan token --oid --name', () => {
  it('puts the oid and name claims in the token; without them, neither claim', async () => {
    let out = '';
    const env = { PERFPLAN_LOCAL_ISSUER_DIR: api.env.PERFPLAN_LOCAL_ISSUER_DIR, LANG: 'en_US.UTF-8' };
    const io = { out: (t: string) => (out += t), err: () => undefined };
    expect(await tokenCommand(['--role', 'Payouts.Approver', '--tid', 'org-a', '--sub', 'carol', '--oid', '00000000-0000-0000-0000-0000000000c4', '--name', 'Carol Chen'], io, { env })).toBe(0);
    const claims = decodeJwt(out.trim());
    expect(claims).toMatchObject({ sub: 'carol', tid: 'org-a', oid: '00000000-0000-0000-0000-0000000000c4', name: 'Carol Chen', roles: ['Payouts.Approver'] });
    // The API accepts it: the approver reads runs with it.
    const listed = await run(['list', '--period', '2025-07'], { PERFPLAN_TOKEN: out.trim() });
    expect(listed.code).toBe(0);
    out = '';
    expect(await tokenCommand(['--sub', 'dave'], io, { env })).toBe(0);
    const plain = decodeJwt(out.trim());
    expect(plain.oid).toBeUndefined();
    expect(plain.name).toBeUndefined();
    let err = '';
    expect(await tokenCommand(['--oid'], { out: () => undefined, err: (t) => (err += t) }, { env })).toBe(1);
    expect(err).toMatch(/^perfplan token: --oid needs a value\n/);
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
