/**
 * The Runs view (issue 13 item 5): its catalog in both languages, the workbook's tables read
 * through Office.js (office-addin-mock), the workbook's bytes through Office's File API in
 * slices, the run client and the view's decisions — and the whole path against the REAL local
 * API host on Azurite (tests/functions/support/runs.ts): submit the workbook Excel hands over,
 * watch the run until it is calculated, list it, open a person's statement, decide (403 for the
 * submitter, 412 for a stale ETag, 200 for an approver of the level) and download the payroll
 * file — each answer rendered by the view's own components (react-dom/server, as the other
 * view tests: no browser here).
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see office/excel-mock.ts).
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import { OfficeMockObject } from 'office-addin-mock';

import { ApiError } from '../../addin/taskpane/api';
import { TABS } from '../../addin/taskpane/app';
import { translatorFor } from '../../addin/taskpane/locale';
import RunsView, { RunDetails, RunList, SubmitSection, mapProblemText, tablesFailedText, workbookFileText } from '../../addin/taskpane/views/runs';
import {
  approverLevels,
  callerOf,
  commentProblem,
  decisionProblem,
  formProblems,
  framedStatement,
  mayDecide,
  payrollReady,
  pendingStep,
  runMetadata,
  watchRun,
} from '../../addin/taskpane/views/runs/run-model';
import { type Run, type RunsClient, createRunsClient, fileNameFrom, normalizeRun } from '../../addin/taskpane/views/runs/runs-client';
import { WorkbookFileError, workbookFileBytes } from '../../addin/office/workbook-file';
import { guessPayoutColumn, readWorkbookTables } from '../../addin/office/workbook-tables';
import { PANE } from '../../i18n/pane';
import { RUNS } from '../../i18n/pane-runs';
import type { Locale } from '../../i18n/locale';
import { offGlossary } from '../../i18n/terms';
import { type RunsHarness, payoutWorkbook, startRunsApi } from '../functions/support/runs';
import { languageLeaks, markupTexts } from './support/language-scan';
import { officeFile } from './office/office-file';

const h = React.createElement;
const LOCALES: Locale[] = ['en-US', 'zh-CN'];
const ID = 'a'.repeat(32);

// ---------------------------------------------------------------------------------------------
// Office stand-ins

/** An Excel.RequestContext (office-addin-mock) whose workbook has `tables`. */
function tablesContext(tables: { name: string; sheet: string; headers: unknown[] }[]) {
  const data: Record<string, unknown> = {
    load(this: any) {
      this.items = tables.map((_, i) => {
        this[`t${i}`].load('name');
        return this[`t${i}`];
      });
      return this;
    },
  };
  tables.forEach((table, i) => {
    data[`t${i}`] = {
      name: table.name,
      header: { text: [table.headers] },
      worksheet: { name: table.sheet },
      getHeaderRowRange(this: any) {
        return this.header;
      },
    };
  });
  return new OfficeMockObject({ workbook: { tables: data } }) as unknown as Excel.RequestContext;
}

afterEach(() => {
  delete (globalThis as any).Office;
});

// ---------------------------------------------------------------------------------------------

describe('the Runs catalog', () => {
  const NEUTRAL = new Set(['personOption', 'formatCsv']);
  it('has both languages, the same placeholders, Chinese only in zh-CN, the glossary’s words', () => {
    for (const [key, text] of Object.entries(RUNS)) {
      const zh = text['zh-CN'];
      const en = text['en-US'];
      const holes = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
      expect({ key, zh: holes(zh) }).toEqual({ key, zh: holes(en) });
      expect({ key, off: offGlossary(zh, 'zh-CN') }).toEqual({ key, off: [] });
      expect({ key, en: /[\u3400-\u9fff]/.test(en) }).toEqual({ key, en: false });
      if (!NEUTRAL.has(key)) {
        expect({ key, zh: /[\u3400-\u9fff]/.test(zh) }).toEqual({ key, zh: true });
        expect({ key, leaks: languageLeaks([zh.replace(/\{\w+\}/g, ' ')], 'zh-CN') }).toEqual({ key, leaks: [] });
      }
    }
  });

  it('is a tab of the pane, loaded lazily as its own chunk', async () => {
    const tab = TABS.find((x) => x.id === 'runs');
    expect(tab).toMatchObject({ label: 'tab.runs' });
    expect(PANE['tab.runs']).toEqual({ 'en-US': 'Runs', 'zh-CN': '发放批次' });
    expect((await tab!.load()).default).toBe(RunsView);
  });
});

describe('the workbook, read through Office.js', () => {
  it('lists the tables with their sheets and header rows', async () => {
    const context = tablesContext([
      { name: 'People', sheet: 'Team', headers: ['工号', 'Name', 'Payout (CNY)'] },
      { name: 'Tiers', sheet: 'Rates', headers: ['From', 2025] },
    ]);
    expect(await readWorkbookTables(context)).toEqual([
      { name: 'People', sheet: 'Team', headers: ['工号', 'Name', 'Payout (CNY)'] },
      { name: 'Tiers', sheet: 'Rates', headers: ['From', '2025'] },
    ]);
    expect(await readWorkbookTables(tablesContext([]))).toEqual([]);
  });

  it('guesses the payout column by its header, else takes the last', () => {
    expect(guessPayoutColumn(['Id', 'Name', 'Payout', 'Notes'])).toBe('Payout');
    expect(guessPayoutColumn(['工号', '姓名', '应发金额', '备注'])).toBe('应发金额');
    expect(guessPayoutColumn(['Id', 'Total'])).toBe('Total');
    expect(guessPayoutColumn([])).toBeUndefined();
  });

  it('hands over the workbook’s bytes slice by slice, closing the file', async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);
    const office = officeFile(bytes);
    expect(office.slices).toBe(3);
    expect(Buffer.from(await workbookFileBytes()).equals(Buffer.from(bytes))).toBe(true);
    expect(office.closed).toHaveLength(1);
  });

  it('says why when Excel cannot hand it over', async () => {
    officeFile(Uint8Array.of(1, 2, 3, 4, 5), { sliceSize: 2, fail: 'slice' });
    await expect(workbookFileBytes()).rejects.toMatchObject({ reason: 'failed', message: expect.stringContaining('slice lost') });
    officeFile(Uint8Array.of(1), { fail: 'open' });
    await expect(workbookFileBytes()).rejects.toMatchObject({ reason: 'failed', message: expect.stringContaining('document busy') });
    delete (globalThis as any).Office;
    await expect(workbookFileBytes()).rejects.toBeInstanceOf(WorkbookFileError);
    await expect(workbookFileBytes()).rejects.toMatchObject({ reason: 'unsupported' });
  });

  it('tells the user why in their language: Office’s words only when they can read them', async () => {
    const failure = (reason: 'unsupported' | 'failed' | 'timeout', detail?: string) => new WorkbookFileError(reason, `getSliceAsync(1): ${detail ?? 'Office reported a failure'}`, detail);
    const en = translatorFor(RUNS, 'en-US');
    const zh = translatorFor(RUNS, 'zh-CN');
    expect(workbookFileText(failure('failed', 'slice lost'), en, 'en-US')).toBe(en('fileFailed', { message: 'slice lost' }));
    expect(workbookFileText(failure('failed', 'slice lost'), zh, 'zh-CN')).toBe(zh('fileFailedPlain'));
    expect(workbookFileText(failure('failed', '文档正忙'), zh, 'zh-CN')).toBe(zh('fileFailed', { message: '文档正忙' }));
    expect(workbookFileText(failure('failed'), en, 'en-US')).toBe(en('fileFailedPlain'));
    expect(workbookFileText(failure('timeout'), zh, 'zh-CN')).toBe(zh('fileTimeout', { seconds: 60 }));
    expect(workbookFileText(failure('unsupported'), zh, 'zh-CN')).toBe(zh('fileUnsupported'));
    expect(tablesFailedText(new Error('InvalidReference'), zh, 'zh-CN')).toBe(zh('tablesFailedPlain'));
    expect(tablesFailedText(new Error('InvalidReference'), en, 'en-US')).toBe(en('tablesFailed', { message: 'InvalidReference' }));
    // The path the view takes: Office's failure from the File API, shown to a zh-CN user.
    officeFile(Uint8Array.of(1, 2, 3, 4, 5), { sliceSize: 2, fail: 'slice' });
    const text = await workbookFileBytes().then(
      () => '',
      (error) => workbookFileText(error, zh, 'zh-CN'),
    );
    expect(text).toBe(zh('fileFailedPlain'));
    expect(languageLeaks([text], 'zh-CN')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const MAP = {
  columns: [
    { header: '员工编号', from: 'People[Id]' },
    { header: '应发金额', from: 'People[Payout]', type: 'amount' },
    { header: '成本中心', value: 'CC-100' },
  ],
};

const token = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function run(overrides: Partial<Run> = {}): Run {
  return normalizeRun({
    id: ID,
    status: 'awaiting-approval',
    period: '2025-07',
    peopleTable: 'People',
    payoutColumn: 'Payout',
    currency: 'CNY',
    totals: { payout: 3500.5, people: 2 },
    tier: 2,
    steps: [
      { level: 1, name: 'department', status: 'approved', decidedBy: { sub: 'carol', tid: 'org-a', name: 'Carol' }, decidedAt: '2025-08-01T00:00:00Z', comment: 'ok' },
      { level: 2, name: 'finance', status: 'pending', startedAt: '2025-08-01T00:00:00Z', dueAt: '2025-08-03T00:00:00Z', overdue: true },
    ],
    ...overrides,
  })!;
}

describe('the view’s decisions', () => {
  it('reads the caller’s name and roles from the token (display only)', () => {
    const caller = callerOf(token({ name: '王芳', sub: 's', roles: ['Payouts.Approver', 'Payouts.Approver.Tier2'] }));
    expect(caller).toEqual({ name: '王芳', roles: ['Payouts.Approver', 'Payouts.Approver.Tier2'] });
    expect(approverLevels(caller.roles)).toEqual([2]);
    expect(callerOf('opaque')).toEqual({});
  });

  it('offers a decision to an approver of the pending level only', () => {
    const r = run();
    expect(pendingStep(r)?.level).toBe(2);
    expect(r.overdue).toBe(true);
    expect(mayDecide(r, { roles: ['Payouts.Approver', 'Payouts.Approver.Tier2'] })).toBe(true);
    expect(mayDecide(r, { roles: ['Payouts.Approver', 'Payouts.Approver.Tier1'] })).toBe(false);
    expect(mayDecide(r, { roles: ['Payouts.Submitter'] })).toBe(false);
    expect(mayDecide(r, {})).toBe(true); // an opaque token: the API decides
    expect(mayDecide(run({ status: 'approved' }), {})).toBe(false);
    expect(payrollReady(run({ status: 'approved' }))).toBe(true);
    expect(payrollReady(run({ status: 'exported' }))).toBe(true);
    expect(payrollReady(r)).toBe(false);
  });

  it('names each failed decision: 412 someone acted first, 403, 409, 428', () => {
    const http = (status: number) => new ApiError({ kind: 'http', status });
    expect([412, 403, 409, 428, 500].map((s) => decisionProblem(http(s)))).toEqual(['stale', 'denied', 'notAwaiting', 'reloadFirst', 'other']);
    expect(decisionProblem(new ApiError({ kind: 'network' }))).toBe('other');
    // A 403 whose problem type names the rule gets that rule's message.
    const refusedBy = (type: string) => decisionProblem(new ApiError({ kind: 'http', status: 403, type }));
    expect(refusedBy('urn:perfplan:problem:runs:maker-checker')).toBe('ownRun');
    expect(refusedBy('urn:perfplan:problem:runs:one-level-per-person')).toBe('decidedEarlier');
    expect(refusedBy('urn:perfplan:problem:runs:level-role')).toBe('denied');
    expect(commentProblem('reject', '  ')).toBe('commentNeeded');
    expect(commentProblem('approve', '')).toBeUndefined();
    expect(commentProblem('approve', 'x'.repeat(1001))).toBe('commentTooLong');
  });

  it('checks the form and builds the metadata the API takes', () => {
    expect(formProblems({ period: ' ', peopleTable: 'P', payoutColumn: 'X', currency: 'cny' })).toEqual({ period: 'periodMissing', currency: 'currencyInvalid' });
    expect(formProblems({ period: 'x'.repeat(41), peopleTable: 'P', payoutColumn: 'X', currency: '' })).toEqual({ period: 'periodTooLong' });
    expect(runMetadata({ period: ' 2025-07 ', peopleTable: 'People', payoutColumn: 'Payout', currency: '' })).toEqual({ period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout' });
    // The pane asks for the run in its own language.
    expect(runMetadata({ period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout', currency: '' }, 'zh-CN')).toEqual({ period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout', language: 'zh-CN' });
  });

  it('checks a pasted payroll map with the command’s words, in the user’s language', () => {
    expect(mapProblemText('', 'en-US')).toBeUndefined();
    expect(mapProblemText(JSON.stringify(MAP), 'zh-CN')).toBeUndefined();
    const en = mapProblemText('{"columns": []}', 'en-US')!;
    const zh = mapProblemText('{"columns": []}', 'zh-CN')!;
    expect(en).toMatch(/\S/);
    expect(languageLeaks([en], 'en-US')).toEqual([]);
    expect(/[\u3400-\u9fff]/.test(zh)).toBe(true);
    expect(mapProblemText('{not json', 'en-US')).toMatch(/JSON/);
    expect(runMetadata({ period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY', payrollMap: JSON.stringify(MAP) })).toEqual({
      period: '2025-07',
      peopleTable: 'People',
      payoutColumn: 'Payout',
      currency: 'CNY',
      payrollMap: MAP,
    });
  });

  it('keeps only a file name from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="payroll-2025-07.csv"', 'f')).toBe('payroll-2025-07.csv');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E5%B7%A5%E8%B5%84.csv", 'f')).toBe('工资.csv');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'f')).toBe('passwd');
    expect(fileNameFrom(null, 'f.csv')).toBe('f.csv');
  });

  it('frames a statement under the API’s own policy', () => {
    expect(framedStatement('<!DOCTYPE html><html><head><title>x</title></head></html>')).toContain(
      `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
  });

  it('sends the token, and tells a timeout, an unreachable API and a problem answer apart', async () => {
    const seen: Array<string | undefined> = [];
    const hang = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        seen.push((init?.headers as Record<string, string>).Authorization);
        const abort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        if (init?.signal?.aborted) abort();
        init?.signal?.addEventListener('abort', abort);
      });
    await expect(createRunsClient('/api/', () => 'tok', hang, 20).get(ID)).rejects.toMatchObject({ kind: 'timeout' });
    expect(seen).toEqual(['Bearer tok']);
    const outer = new AbortController();
    const aborted = createRunsClient('/api', () => undefined, hang, 10_000).list({}, outer.signal);
    outer.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['Bearer tok', undefined]);
    const down = () => Promise.reject(new TypeError('fetch failed'));
    await expect(createRunsClient('/api', () => 'tok', down).get(ID)).rejects.toMatchObject({ kind: 'network', message: 'fetch failed' });
    const refused = async () => new Response(JSON.stringify({ title: 'Forbidden', status: 403, detail: 'not an approver' }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
    await expect(createRunsClient('/api', () => 'tok', refused).get(ID)).rejects.toMatchObject({ kind: 'http', status: 403, detail: 'not an approver' });
  });

  it('drops what is not a run', () => {
    expect(normalizeRun({ id: 'nope', status: 'queued' })).toBeNull();
    expect(normalizeRun({ id: ID, status: 'bogus' })).toBeNull();
    expect(normalizeRun({ id: ID, status: 'queued', totals: null, tier: null, steps: 'x' })).toMatchObject({ totals: null, tier: null, steps: [], overdue: false, errors: [] });
  });
});

// ---------------------------------------------------------------------------------------------

const noop = () => undefined;
const stubClient = createRunsClient('/api', () => undefined, async () => new Response('{}', { status: 500 }));

function details(locale: Locale, answer: { run: Run; etag?: string }, extra: Partial<React.ComponentProps<typeof RunDetails>> = {}, client: RunsClient = stubClient, caller = {}) {
  const t = translatorFor(RUNS, locale);
  return renderToStaticMarkup(h(RunDetails, { answer, client, caller, t, locale, onAnswer: noop, onClose: noop, ...extra }));
}

describe('the view, rendered', () => {
  it.each(LOCALES)('%s standalone: signing in, the Excel note, submitting off, every field labelled, in one language', (locale) => {
    const html = renderToStaticMarkup(h(RunsView, { locale, host: { inExcel: false }, apiBase: '/api' }));
    expect(html).toContain(RUNS.needsExcel[locale]);
    expect(html).toContain(RUNS.tokenLabel[locale]);
    expect(html).toMatch(/type="password"[^>]*data-testid="runs-token"/);
    expect(html).toMatch(/aria-disabled="true"[^>]*data-testid="runs-submit-button"|data-testid="runs-submit-button"[^>]*aria-disabled="true"/);
    // Every input and select has a label pointing at it.
    for (const m of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
      const id = /\bid="([^"]+)"/.exec(m[0])?.[1];
      expect({ control: m[0].slice(0, 60), labelled: !!id && html.includes(`for="${id}"`) }).toEqual({ control: m[0].slice(0, 60), labelled: true });
    }
    expect(languageLeaks(markupTexts(html, locale), locale)).toEqual([]);
  });

  it.each(LOCALES)('%s: a run with its levels, an overdue step, the decision and the payroll not yet', (locale) => {
    const caller = { roles: ['Payouts.Approver', 'Payouts.Approver.Tier2'] };
    const html = details(locale, { run: run(), etag: '"1"' }, { initialPeople: [] }, stubClient, caller);
    expect(html).toContain(RUNS['status.awaiting-approval'][locale]);
    expect(html).toContain(RUNS.overdue[locale]);
    expect(html).toContain('3,500.50 CNY');
    expect(html).toContain('data-step="2" data-step-status="pending"');
    expect(html).toContain('data-testid="run-approve"');
    expect(html).toContain(RUNS.payrollNotYet[locale]);
    expect(html).toMatch(/aria-disabled="true"[^>]*data-testid="run-payroll-download"|data-testid="run-payroll-download"[^>]*aria-disabled="true"/);
    expect(html).toContain(RUNS['level.finance'][locale]);
    expect(languageLeaks(markupTexts(html, locale), locale, ['Carol', 'People', 'Payout', 'ok', '2025-07'])).toEqual([]);
    // A submitter sees no decision.
    expect(details(locale, { run: run() }, { initialPeople: [] }, stubClient, { roles: ['Payouts.Submitter'] })).not.toContain('data-testid="run-approve"');
  });

  it.each(LOCALES)('%s: a queued run is watched; when watching fails the reason shows with a way to go on', (locale) => {
    const queued = { run: run({ status: 'queued', totals: null, tier: null, steps: [] }) };
    expect(details(locale, queued)).toContain('data-testid="run-watching"');
    const html = details(locale, queued, { watchError: new ApiError({ kind: 'network' }), onWatchAgain: noop });
    expect(html).not.toContain('data-testid="run-watching"');
    expect(html).toContain(RUNS.watchFailed[locale]);
    expect(html).toContain(PANE['error.network'][locale]);
    expect(html).toContain('data-testid="run-watch-again"');
    // Nothing to read yet: no statements, no decision, no payroll file.
    expect(html).not.toContain('data-testid="run-statements"');
    expect(languageLeaks(markupTexts(html, locale), locale, ['People', 'Payout', '2025-07'])).toEqual([]);
  });

  it.each(LOCALES)('%s: 403, 409 and 428 each say what they mean; only the ones a reload can mend offer Reload', (locale) => {
    const cases = [
      ['denied', 403, false],
      ['ownRun', 403, false],
      ['decidedEarlier', 403, false],
      ['notAwaiting', 409, true],
      ['reloadFirst', 428, true],
    ] as const;
    for (const [problem, status, reload] of cases) {
      const html = details(locale, { run: run() }, { initialPeople: [], initialDecision: { kind: 'failed', problem, error: new ApiError({ kind: 'http', status }) } });
      expect({ problem, shown: html.includes(`data-problem="${problem}"`) && html.includes(RUNS[problem][locale]) }).toEqual({ problem, shown: true });
      expect({ problem, reload: html.includes('data-testid="run-decision-reload"') }).toEqual({ problem, reload });
    }
  });

  it('stops watching when told to', async () => {
    const controller = new AbortController();
    let calls = 0;
    const client = { get: async () => (calls++, { run: run({ status: 'queued' }) }) };
    const watching = watchRun(client, ID, () => calls === 2 && controller.abort(), { signal: controller.signal, firstMs: 5 });
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(2);
  });

  it.each(LOCALES)('%s: a stale ETag (412) says someone acted first and offers Reload', (locale) => {
    const html = details(locale, { run: run() }, { initialPeople: [], initialDecision: { kind: 'failed', problem: 'stale', error: new ApiError({ kind: 'http', status: 412 }) } });
    expect(html).toContain('data-problem="stale"');
    expect(html).toContain(RUNS.stale[locale]);
    expect(html).toContain('data-testid="run-decision-reload"');
  });
});

// ---------------------------------------------------------------------------------------------
// Against the real local API host (Azurite)

describe('against the local API host', () => {
  let api: RunsHarness;
  let approver1: string;
  let approver2: string;
  beforeAll(async () => {
    api = await startRunsApi({ calculate: true });
    approver1 = await api.issuer.mintToken({ roles: ['Payouts.Approver', 'Payouts.Approver.Tier1'], tid: 'org-a', sub: 'zoe', name: 'Zoe' } as never);
    approver2 = await api.issuer.mintToken({ roles: ['Payouts.Approver', 'Payouts.Approver.Tier1'], tid: 'org-a', sub: 'yan', name: 'Yan' } as never);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  const clientAs = (bearer: string) => createRunsClient(api.url, () => bearer);

  it('submits the workbook Excel hands over, watches it to the end of calculation, and shows it, its people and a statement', async () => {
    const bytes = new Uint8Array(await payoutWorkbook([['E1', 'Ann', 1000], ['E2', 'Ben', 2500.5]], `view-${Date.now()}`));
    officeFile(bytes, { sliceSize: 2048 });
    const tables = await readWorkbookTables(tablesContext([{ name: 'People', sheet: 'People', headers: ['Id', 'Name', 'Payout'] }]));
    const form = { period: '2025-07', peopleTable: tables[0].name, payoutColumn: guessPayoutColumn(tables[0].headers)!, currency: 'CNY' };
    expect(formProblems(form)).toEqual({});

    const submitter = clientAs(api.tokens.submitterA);
    const first = await submitter.submit(runMetadata(form), await workbookFileBytes());
    expect(first).toMatchObject({ created: true, run: { status: 'queued', period: '2025-07', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY', totals: null } });
    // The same workbook again: the same run, not a new one.
    const again = await submitter.submit(runMetadata(form), bytes);
    expect(again).toMatchObject({ created: false, run: { id: first.run.id } });

    const seen: string[] = [];
    const done = await watchRun(submitter, first.run.id, (a) => seen.push(a.run.status), { firstMs: 100, maxMs: 500 });
    expect(seen[seen.length - 1]).toBe(done.run.status);
    // Calculated, then routed for approval (one level: the total is under 100,000).
    expect(done.run.status).toBe('awaiting-approval');
    expect(done.run.tier).toBe(1);
    expect(done.run.totals).toEqual({ payout: 3500.5, people: 2 });
    expect(done.etag).toBeTruthy();

    // The list (GET /runs) shows it, and the view renders it.
    const listed = await submitter.list({ period: '2025-07' });
    const mine = listed.items.find((r) => r.id === first.run.id)!;
    expect(mine.status).toBe(done.run.status);
    const t = translatorFor(RUNS, 'en-US');
    const list = renderToStaticMarkup(h(RunList, { runs: listed.items, t, locale: 'en-US', onOpen: noop }));
    expect(list).toContain(`data-run="${first.run.id}" data-status="${done.run.status}"`);
    expect(list).toContain('3,500.50 CNY');
    // Another organization does not see it.
    expect((await clientAs(api.tokens.submitterB).list({})).items.map((r) => r.id)).not.toContain(first.run.id);
    await expect(clientAs(api.tokens.submitterB).get(first.run.id)).rejects.toMatchObject({ kind: 'http', status: 404 });

    // A person's statement, framed under the API's policy (people are named by the table's first column).
    const people = await submitter.people(first.run.id);
    expect(people.map((p) => [p.name, p.payout])).toEqual([['E1', 1000], ['E2', 2500.5]]);
    const statement = await submitter.statementHtml(first.run.id, people[1].statement);
    expect(statement).toContain('E2');
    expect(statement).toContain('2,500.50');
    const xlsx = await submitter.statementXlsx(first.run.id, people[1].statement);
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const html = details('zh-CN', done, { initialPeople: people, initialStatement: { person: people[1], html: statement } }, submitter, callerOf(api.tokens.submitterA));
    expect(html).toContain('data-testid="run-statement-frame"');
    expect(html).toMatch(/sandbox=""/);
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('3,500.50 CNY');
    expect(html).not.toContain('data-testid="run-approve"'); // a submitter decides nothing
  });

  it('approves through the API with the ETag: the submitter is refused (403), a stale ETag loses (412), the payroll follows approval', async () => {
    const bytes = new Uint8Array(await payoutWorkbook([['E1', 'Ann', 800], ['E2', 'Ben', 200]], `approve-${Date.now()}`));
    officeFile(bytes);
    const submitter = clientAs(api.tokens.submitterA);
    const first = await submitter.submit({ period: '2025-08', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY' }, await workbookFileBytes());
    const done = await watchRun(submitter, first.run.id, noop, { firstMs: 100, maxMs: 500 });

    expect(done.run.status).toBe('awaiting-approval');
    expect(done.run.tier).toBe(1);
    expect(pendingStep(done.run)).toMatchObject({ level: 1, status: 'pending' });
    expect(mayDecide(done.run, callerOf(approver1))).toBe(true);
    expect(mayDecide(done.run, callerOf(api.tokens.submitterA))).toBe(false);

    // The submitter may not approve (403); the view names it.
    const asSubmitter = await submitter.decide(done.run.id, 'approve', '', done.etag).catch((e: unknown) => e);
    expect(asSubmitter).toMatchObject({ status: 403 });
    expect(decisionProblem(asSubmitter)).toBe('denied');
    // Holding every approver role changes nothing: it is their own run (maker-checker).
    const asOwnApprover = await clientAs(api.tokens.submitterApproverA).decide(done.run.id, 'approve', '', done.etag).catch((e: unknown) => e);
    expect(asOwnApprover).toMatchObject({ status: 403, type: 'urn:perfplan:problem:runs:maker-checker' });
    expect(decisionProblem(asOwnApprover)).toBe('ownRun');

    // Two approvers with the same ETag: one wins, the other gets 412 and is told to reload.
    const a = clientAs(approver1);
    const b = clientAs(approver2);
    const fresh = await a.get(done.run.id);
    const approved = await a.decide(done.run.id, 'approve', 'checked against the ledger', fresh.etag);
    expect(approved.run.status).toBe('approved');
    expect(approved.run.steps[0]).toMatchObject({ status: 'approved', comment: 'checked against the ledger' });
    const late = await b.decide(done.run.id, 'reject', 'too high', fresh.etag).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ApiError);
    expect(decisionProblem(late)).toBe((late as ApiError).status === 412 ? 'stale' : 'notAwaiting');
    const zh = details('zh-CN', approved, { initialPeople: [], initialDecision: { kind: 'failed', problem: decisionProblem(late), error: late } });
    expect(zh).toContain('data-testid="run-decision-reload"');
    expect(zh).toContain(RUNS['status.approved']['zh-CN']);
    // Reject needs a comment (checked in the pane before sending).
    expect(commentProblem('reject', '')).toBe('commentNeeded');

    // The payroll file: CSV with a BOM; the first download marks the run exported.
    expect(payrollReady(approved.run)).toBe(true);
    const csv = await a.payroll(done.run.id, 'csv');
    expect(Array.from(csv.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv.bytes)).toMatch(/E1,.*,2025-08,800\.00/);
    expect(csv.fileName).toMatch(/\.csv$/);
    const after = await a.get(done.run.id);
    expect(after.run.status).toBe('exported');
    // The history: every step, chained and verified by the API.
    const audit = await a.audit(done.run.id);
    expect(audit.verified).toBe(true);
    expect(audit.entries.map((e) => e.action)).toEqual(['submit', 'calculate', 'route', 'approve', 'export']);
    expect(audit.entries[3]).toMatchObject({ level: 1, comment: 'checked against the ledger', actor: { name: 'Zoe' } });
    for (const locale of LOCALES) {
      const history = details(locale, after, { initialPeople: [], initialHistory: audit });
      expect(history).toContain('data-verified="true"');
      expect(history).toContain(RUNS.historyVerified[locale]);
      expect(history).toContain(RUNS['action.approve'][locale]);
      expect(history).toContain('data-seq="5" data-action="export"');
      expect(languageLeaks(markupTexts(history, locale), locale, ['People', 'Payout', '2025-08', 'Zoe', 'alice', 'checked against the ledger', 'zoe'])).toEqual([]);
    }
    const rendered = details('en-US', after, { initialPeople: [] });
    expect(rendered).not.toMatch(/aria-disabled="true"[^>]*data-testid="run-payroll-download"|data-testid="run-payroll-download"[^>]*aria-disabled="true"/);
  });

  it('a run above 100,000 needs two levels: the first approver cannot take the second, a level-2 approver can', async () => {
    const bytes = new Uint8Array(await payoutWorkbook([['E1', 'Ann', 90_000], ['E2', 'Ben', 60_000]], `two-${Date.now()}`));
    const submitter = clientAs(api.tokens.submitterA);
    const first = await submitter.submit({ period: '2025-10', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY' }, bytes);
    const done = await watchRun(submitter, first.run.id, noop, { firstMs: 100, maxMs: 500 });
    expect(done.run).toMatchObject({ status: 'awaiting-approval', tier: 2 });
    expect(done.run.steps.map((s) => [s.level, s.status])).toEqual([[1, 'pending'], [2, 'waiting']]);
    const level1 = await clientAs(approver1).decide(done.run.id, 'approve', '', done.etag);
    expect(level1.run.status).toBe('awaiting-approval');
    expect(pendingStep(level1.run)?.level).toBe(2);
    // The level-1 approver is not offered level 2, and the API refuses them (403).
    expect(mayDecide(level1.run, callerOf(approver1))).toBe(false);
    const again = await clientAs(approver1).decide(done.run.id, 'approve', '', level1.etag).catch((e: unknown) => e);
    expect(decisionProblem(again)).toBe('denied');
    const finance = await api.issuer.mintToken({ roles: ['Payouts.Approver', 'Payouts.Approver.Tier2'], tid: 'org-a', sub: 'xu', name: 'Xu' } as never);
    expect(mayDecide(level1.run, callerOf(finance))).toBe(true);
    const level2 = await clientAs(finance).decide(done.run.id, 'reject', 'over budget', level1.etag);
    expect(level2.run.status).toBe('rejected');
    expect(level2.run.steps[1]).toMatchObject({ status: 'rejected', comment: 'over budget' });
    const html = details('zh-CN', level2, { initialPeople: [] });
    expect(html).toContain(RUNS['status.rejected']['zh-CN']);
    expect(html).toContain('data-step="2" data-step-status="rejected"');
    expect(html).toContain(RUNS.payrollNotYet['zh-CN']);
  });

  it('a run submitted with a payroll map pays out in the map’s columns', async () => {
    const bytes = new Uint8Array(await payoutWorkbook([['E7', 'Ann', 1234.5]], `map-${Date.now()}`));
    officeFile(bytes);
    const submitter = clientAs(api.tokens.submitterA);
    const form = { period: '2025-11', peopleTable: 'People', payoutColumn: 'Payout', currency: 'CNY', payrollMap: JSON.stringify(MAP) };
    expect(mapProblemText(form.payrollMap, 'en-US')).toBeUndefined();
    const first = await submitter.submit(runMetadata(form), await workbookFileBytes());
    const done = await watchRun(submitter, first.run.id, noop, { firstMs: 100, maxMs: 500 });
    const approved = await clientAs(approver1).decide(done.run.id, 'approve', '', done.etag);
    expect(approved.run.status).toBe('approved');
    const csv = new TextDecoder().decode((await clientAs(approver1).payroll(done.run.id, 'csv')).bytes).replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/).filter(Boolean)).toEqual(['员工编号,应发金额,成本中心', 'E7,1234.50,CC-100']);
    const xlsx = await clientAs(approver1).payroll(done.run.id, 'xlsx');
    expect(Array.from(xlsx.bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
  });

  it('a run that is not approved has no payroll file (409), and the view says why', async () => {
    const bytes = new Uint8Array(await payoutWorkbook([['E1', 'Ann', 5]], `payroll-${Date.now()}`));
    const submitter = clientAs(api.tokens.submitterA);
    const first = await submitter.submit({ period: '2025-09', peopleTable: 'People', payoutColumn: 'Payout' }, bytes);
    const done = await watchRun(submitter, first.run.id, noop, { firstMs: 100, maxMs: 500 });
    expect(payrollReady(done.run)).toBe(false);
    const refused = await submitter.payroll(done.run.id, 'csv').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    expect(details('en-US', done, { initialPeople: [] })).toContain(RUNS.payrollNotYet['en-US']);
  });

  it('without a token the API answers 401, shown in the user’s language', async () => {
    const anonymous = createRunsClient(api.url, () => undefined);
    const error = await anonymous.list({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 401 });
  });

  it('the submit section in Excel, before the tables are read, renders every control labelled', () => {
    for (const locale of LOCALES) {
      const t = translatorFor(RUNS, locale);
      const html = renderToStaticMarkup(
        h(SubmitSection, { t, locale, inExcel: true, client: clientAs(api.tokens.submitterA), enabled: true, onSubmitted: noop, readTables: async () => [], readBytes: async () => new Uint8Array() }),
      );
      expect(html).toContain(RUNS.periodLabel[locale]);
      expect(html).toContain('value="CNY"');
      expect(html).not.toContain(RUNS.needsExcel[locale]);
      expect(languageLeaks(markupTexts(html, locale), locale)).toEqual([]);
    }
  });
});
