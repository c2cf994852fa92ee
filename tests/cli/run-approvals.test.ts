/**
 * `perfplan run approve|reject|payroll` (issue 13 item 6) against the real local API host on
 * Azurite, with the approval tiers of issue 13 item 3: a calculated run awaits approval, the
 * submitter and a second pair of eyes are refused (403, exit 8), a decided run is not awaiting
 * approval (409, exit 10), two approvers at once — the second is told someone acted first
 * (412, exit 11) — and the payroll file only once approved (409 before), in en-US and zh-CN.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RUN_EXIT, runCommand, runText } from '../../cli/run';
import { RunsHarness, payoutWorkbook, startRunsApi } from '../functions/support/runs';
import { tempDir } from '../support/workbook';
import { type Captured, captured } from '../support/captured-io';

jest.setTimeout(180_000);

let api: RunsHarness;
let dir: string;
beforeAll(async () => {
  api = await startRunsApi({ calculate: true });
  dir = tempDir('perfplan-run-approvals-');
});
afterAll(async () => {
  await api?.close();
});

async function run(args: string[], token: string, env: Record<string, string> = {}): Promise<Captured> {
  return captured((io) => runCommand(args, io, { env: { PERFPLAN_API_URL: api.url, PERFPLAN_TOKEN: token, LANG: 'en_US.UTF-8', ...env }, pollIntervalMs: 100 }));
}

const zh = { LANG: 'zh_CN.UTF-8' };

/** Submits a workbook of its own (as alice, the submitter) and waits for it; the run id. */
async function calculatedRun(label: string, rows: Array<[string, string, number]> = [['E1', 'Ann', 1000], ['E2', 'Ben', 2500.5]]): Promise<string> {
  const file = path.join(dir, `${label}.xlsx`);
  fs.writeFileSync(file, await payoutWorkbook(rows, label));
  const result = await run(['submit', file, '--period', '2025-07', '--people', 'People', '--payout', 'Payout', '--currency', 'CNY', '--wait'], api.tokens.submitterA);
  expect(result).toMatchObject({ code: 0, err: '' });
  expect(result.out).toMatch(/\n {2}status {5}awaiting-approval\n/);
  return /run ([0-9a-f]{32})/.exec(result.out)![1];
}

async function readRun(id: string) {
  return (await fetch(`${api.url}/runs/${id}`, { headers: { Authorization: `Bearer ${api.tokens.submitterA}` } })).json();
}

describe('approve, then the payroll file', () => {
  let id: string;
  beforeAll(async () => {
    id = await calculatedRun('one-level');
  });

  it('status: one level (department), pending with its due time', async () => {
    const status = await run(['status', id], api.tokens.approverA);
    expect(status.code).toBe(0);
    expect(status.out).toContain('  tier       1 (approval levels)\n');
    expect(status.out).toMatch(/\n {2}steps\n {4}1 department: pending, due \d{4}-\d\d-\d\dT[\d:.]+Z\n/);
    const cn = await run(['status', id], api.tokens.approverA, zh);
    expect(cn.out).toContain('  状态       待审批\n');
    expect(cn.out).toMatch(/\n {2}审批步骤\n {4}第 1 级 "department"：待审批，截止 \d{4}-/);
  });

  it('payroll before approval: 409 with the run\'s status (exit 10), nothing written', async () => {
    const out = path.join(dir, 'early.csv');
    const early = await run(['payroll', id, '--out', out], api.tokens.submitterA);
    expect(early.code).toBe(RUN_EXIT.conflict);
    expect(early.err).toMatch(new RegExp(`^perfplan run payroll: run ${id} has no payroll file yet \\(409\\): it must be approved first; it is awaiting-approval\\nthe API says: .+\\n$`));
    expect(fs.existsSync(out)).toBe(false);
  });

  it('the submitter may not approve their own run (403, exit 8); nor a caller without the approver role', async () => {
    const own = await run(['approve', id], api.tokens.submitterApproverA);
    expect(own.code).toBe(RUN_EXIT.forbidden);
    expect(own.err).toMatch(new RegExp(`^perfplan run approve: not allowed \\(403\\): you submitted run ${id}, and the submitter may not decide on it\\nthe API says: You submitted this run`));
    const ownZh = await run(['approve', id], api.tokens.submitterApproverA, zh);
    expect(ownZh.err).toMatch(new RegExp(`^perfplan run approve: 无权操作（403）：批次 ${id} 是你提交的，提交人不能审批它\\nAPI 的说明："You submitted this run`));
    const reader = await run(['approve', id], api.tokens.submitterA2);
    expect(reader.code).toBe(RUN_EXIT.forbidden);
    expect(reader.err).toMatch(/^perfplan run approve: not allowed \(403\): the token lacks the app role this needs \(Payouts\.Approver, Payouts\.Approver\.Tier1\)\n/);
  });

  it('an approver of level 1 approves with a comment: the run is approved; again → 409 (exit 10)', async () => {
    const approved = await run(['approve', id, '--comment', 'checked against the ledger'], api.tokens.approverA);
    expect(approved.err).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.out).toBe(`run ${id}: level 1 (department) approved; the run is now approved\n`);
    const stored = await readRun(id);
    expect(stored.status).toBe('approved');
    expect(stored.steps[0]).toMatchObject({ level: 1, status: 'approved', comment: 'checked against the ledger', decidedBy: { sub: 'carol', name: 'Carol Chen' } });
    const status = await run(['status', id], api.tokens.approverA);
    expect(status.out).toMatch(/\n {4}1 department: approved by Carol Chen at \d{4}-[\d-]+T[\d:.]+Z: "checked against the ledger"\n/);

    const again = await run(['approve', id], api.tokens.approverA1b);
    expect(again.code).toBe(RUN_EXIT.conflict);
    expect(again.err).toMatch(new RegExp(`^perfplan run approve: run ${id} is not awaiting approval \\(409\\); it is approved\\nthe API says: .+\\n$`));
    const againZh = await run(['approve', id], api.tokens.approverA1b, zh);
    expect(againZh.err).toMatch(new RegExp(`^perfplan run approve: 批次 ${id} 不处于待审批状态（409）；当前状态：已批准\\n`));
  });

  it('payroll once approved: the CSV (UTF-8 with a BOM, the derived columns) and the xlsx; the run is exported', async () => {
    const csv = path.join(dir, 'payroll.csv');
    const wrote = await run(['payroll', id, '--out', csv], api.tokens.submitterA);
    expect(wrote.err).toBe('');
    expect(wrote.code).toBe(0);
    expect(wrote.out).toMatch(/^wrote .*payroll\.csv \(\d+ bytes\)\n$/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('应发金额');
    expect(text).toContain('Ann');
    expect(text).toContain('2500.50');
    expect((await readRun(id)).status).toBe('exported');
    const xlsx = path.join(dir, 'payroll.xlsx');
    expect((await run(['payroll', id, '-o', xlsx], api.tokens.approverA)).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('submit --map: the payroll file has the map\'s columns', () => {
  it('the map travels with the run; once approved, the CSV is the mapped columns', async () => {
    const file = path.join(dir, 'mapped.xlsx');
    fs.writeFileSync(file, await payoutWorkbook([['E1', 'Ann', 1000], ['E2', 'Ben', 2500.5]], 'mapped'));
    const map = path.join(dir, 'payroll.json');
    fs.writeFileSync(
      map,
      JSON.stringify({ columns: [{ header: '员工编号', from: 'People[Id]' }, { header: '实发', from: 'People[Payout]', type: 'amount' }, { header: '备注', value: 'July' }] }),
    );
    const submitted = await run(['submit', file, '--period', '2025-07', '--people', 'People', '--payout', 'Payout', '--map', map, '--wait'], api.tokens.submitterA);
    expect(submitted).toMatchObject({ code: 0, err: '' });
    const id = /run ([0-9a-f]{32})/.exec(submitted.out)![1];
    expect((await run(['approve', id], api.tokens.approverA)).code).toBe(0);
    const csv = path.join(dir, 'mapped.csv');
    expect((await run(['payroll', id, '--out', csv], api.tokens.submitterA)).code).toBe(0);
    const lines = fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines).toEqual(['员工编号,实发,备注', 'E1,1000.00,July', 'E2,2500.50,July']);
  });

  it('a map perfplan export would refuse is refused before anything is sent (exit 1)', async () => {
    const map = path.join(dir, 'no-amount.json');
    fs.writeFileSync(map, JSON.stringify({ columns: [{ header: '员工编号', from: 'People[Id]' }] }));
    const refused = await run(['submit', path.join(dir, 'mapped.xlsx'), '--period', '2025-08', '--people', 'People', '--payout', 'Payout', '--map', map], api.tokens.submitterA);
    expect(refused.code).toBe(RUN_EXIT.usage);
    expect(refused.err).toMatch(/^perfplan run submit: the map .*no-amount\.json: /);
  });
});

describe('reject', () => {
  it('needs a comment; with one the run is rejected, in either language', async () => {
    const id = await calculatedRun('to-reject');
    const bare = await run(['reject', id], api.tokens.approverA);
    expect(bare.code).toBe(RUN_EXIT.usage);
    const rejected = await run(['reject', id, '--comment', 'Q3 targets missing'], api.tokens.approverA, zh);
    expect(rejected.err).toBe('');
    expect(rejected.code).toBe(0);
    expect(rejected.out).toBe(`批次 ${id}：第 1 级（"department"）已驳回；批次当前状态：已驳回\n`);
    const stored = await readRun(id);
    expect(stored.status).toBe('rejected');
    expect(stored.steps[0]).toMatchObject({ status: 'rejected', comment: 'Q3 targets missing' });
    const payroll = await run(['payroll', id, '--out', path.join(dir, 'rejected.csv')], api.tokens.approverA);
    expect(payroll.code).toBe(RUN_EXIT.conflict);
    expect(payroll.err).toMatch(/it must be approved first; it is rejected\n/);
  });
});

describe('two levels, two pairs of eyes, two approvers at once', () => {
  it('a total above 100,000 needs department then finance; who decided level 1 may not decide level 2 (403, exit 8)', async () => {
    const id = await calculatedRun('two-levels', [['E1', 'Ann', 150000]]);
    const status = await run(['status', id], api.tokens.approverA2);
    expect(status.out).toContain('  tier       2 (approval levels)\n');
    expect(status.out).toMatch(/\n {4}1 department: pending, due [^\n]+\n {4}2 finance: waiting\n/);
    expect((await run(['approve', id], api.tokens.approverA2)).out).toBe(`run ${id}: level 1 (department) approved; the run is now awaiting-approval\n`);
    const twice = await run(['approve', id], api.tokens.approverA2);
    expect(twice.code).toBe(RUN_EXIT.forbidden);
    expect(twice.err).toMatch(new RegExp(`^perfplan run approve: not allowed \\(403\\): you already decided an earlier level of run ${id}; another approver must decide this one\\nthe API says: You decided level 1`));
    // A level-1 approver lacks the finance role.
    const lacking = await run(['approve', id], api.tokens.approverA);
    expect(lacking.code).toBe(RUN_EXIT.forbidden);
    expect(lacking.err).toMatch(/\(Payouts\.Approver, Payouts\.Approver\.Tier2\)\nthe API says: Level 2 of this run needs the app role Payouts\.Approver\.Tier2\.\n$/);
    expect((await run(['approve', id], api.tokens.approverA3)).out).toBe(`run ${id}: level 2 (finance) approved; the run is now approved\n`);
  });

  it('someone else acted between our read and our decision: 412, re-read and try again (exit 11); no If-Match → 428 (exit 12)', async () => {
    // Two levels: after Heidi's level-1 approval the run still awaits approval (level 2), so a stale ETag is what stops us.
    const id = await calculatedRun('race', [['E1', 'Ann', 150000]]);
    const realFetch = globalThis.fetch;
    try {
      // Heidi approves right after our GET, before our POST: our ETag is stale.
      let raced = false;
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!raced && String(input).endsWith(`/runs/${id}/approve`)) {
          raced = true;
          const read = await realFetch(`${api.url}/runs/${id}`, { headers: { Authorization: `Bearer ${api.tokens.approverA1b}` } });
          const first = await realFetch(`${api.url}/runs/${id}/approve`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${api.tokens.approverA1b}`, 'Content-Type': 'application/json', 'If-Match': read.headers.get('etag')! },
            body: '{}',
          });
          expect(first.status).toBe(200);
        }
        return realFetch(input, init);
      };
      const late = await run(['approve', id, '--comment', 'looks right'], api.tokens.approverA2);
      expect(late.code).toBe(RUN_EXIT.stale);
      expect(late.err).toMatch(new RegExp(`^perfplan run approve: someone else acted on run ${id} first \\(412\\): re-read it \\(perfplan run status ${id}\\) and try again\\nthe API says: .+\\n$`));
      const lateZh = await run(['status', id], api.tokens.approverA, zh);
      expect(lateZh.out).toMatch(/第 1 级 "department"：已批准，处理人 Heidi He/);

      // A request without If-Match (not something this client sends): the API's 428 is named.
      const other = await calculatedRun('no-if-match');
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/reject') && init?.headers) {
          const headers = { ...(init.headers as Record<string, string>) };
          delete headers['If-Match'];
          return realFetch(input, { ...init, headers });
        }
        return realFetch(input, init);
      };
      const missing = await run(['reject', other, '--comment', 'no'], api.tokens.approverA);
      expect(missing.code).toBe(RUN_EXIT.preconditionRequired);
      expect(missing.err).toMatch(/^perfplan run reject: the API asked for the If-Match header \(428\)/);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('status shows an overdue step', () => {
  it('the run and its pending step past due are flagged, in both languages', () => {
    const view = {
      id: 'ab'.repeat(16),
      status: 'awaiting-approval',
      period: '2025-07',
      peopleTable: 'People',
      payoutColumn: 'Payout',
      currency: 'CNY',
      totals: { payout: 150000, people: 1 },
      tier: 2,
      overdue: true,
      steps: [
        { level: 1, name: 'department', status: 'approved', decidedBy: { sub: 'frank', tid: 'org-a', name: '方芳' }, decidedAt: '2025-08-01T09:00:00.000Z' },
        { level: 2, name: 'finance', status: 'pending', startedAt: '2025-08-01T09:00:00.000Z', dueAt: '2025-08-03T09:00:00.000Z', overdue: true },
      ],
    };
    expect(runText(view, 'en-US')).toContain('  status     awaiting-approval (overdue)\n');
    expect(runText(view, 'en-US')).toContain('    2 finance: pending, due 2025-08-03T09:00:00.000Z (overdue)\n');
    expect(runText(view, 'zh-CN')).toContain('  状态       待审批（已超期）\n');
    expect(runText(view, 'zh-CN')).toContain('    第 2 级 "finance"：待审批，截止 2025-08-03T09:00:00.000Z（已超期）\n');
    expect(runText(view, 'zh-CN')).toContain('    第 1 级 "department"：已批准，处理人 方芳，时间 2025-08-01T09:00:00.000Z\n');
  });
});
