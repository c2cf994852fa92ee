/**
 * The Runs view in a real browser (Debian Chromium + playwright-core, the production build
 * served by the add-in server, which proxies /api to the REAL local API host on Azurite with
 * its queue poller calculating runs): an approver pastes a token, finds the run in the list,
 * opens it, reads a person's statement in its sandboxed frame, approves it, downloads the
 * payroll file and sees the verified history — and, with two approvers at once, the one who
 * comes second is told someone acted first (412) and Reload shows the run as it now is.
 *
 * The run is submitted over HTTP: a browser outside Excel has no workbook to hand over (the
 * view's submit path, Office's File API included, is tests/addin/runs-view.test.ts's).
 */
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DevServer, startDevServer } from '../../dev/dev-server';
import { createRunsClient } from '../../addin/taskpane/views/runs/runs-client';
import { watchRun } from '../../addin/taskpane/views/runs/run-model';
import { RUNS } from '../../i18n/pane-runs';
import { languageLeaks } from '../addin/support/language-scan';
import { type RunsHarness, payoutWorkbook, runForm, runMetadata, startRunsApi } from '../functions/support/runs';
import { chromiumAvailable, closeAll, launchChromium, paneContext } from './support/browser';
import { type BuildOutcome, ensureProductionBuild } from './support/build';

const suite = chromiumAvailable() ? describe : describe.skip;

suite('the Runs view against the local API host, in a browser', () => {
  let api: RunsHarness;
  let pane: DevServer | undefined;
  let browser: Browser;
  let build: BuildOutcome;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startRunsApi({ calculate: true });
    build = await ensureProductionBuild();
    pane = await startDevServer({ root: build.dir, port: 0, apiTarget: new URL(api.url).origin });
    browser = await launchChromium();
  }, 420_000);

  afterAll(async () => {
    await closeAll(contexts, browser, pane, api);
  });

  /** A run submitted over HTTP as the submitter, once it awaits approval. */
  async function submittedRun(period: string, rows: Array<[string, string, number]>): Promise<{ id: string; sha256: string }> {
    const response = await fetch(`${api.url}/runs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.tokens.submitterA}` },
      body: runForm(runMetadata({ period }), await payoutWorkbook(rows, `e2e-${period}-${Date.now()}`)),
    });
    expect(response.status).toBe(202);
    const { id, workbook } = (await response.json()) as { id: string; workbook: { sha256: string } };
    const done = await watchRun(createRunsClient(api.url, () => api.tokens.submitterA), id, () => undefined, { firstMs: 100, maxMs: 500 });
    expect(done.run.status).toBe('awaiting-approval');
    return { id, sha256: workbook.sha256 };
  }

  const approverToken = (sub: string, name: string, levels = [1]) =>
    api.issuer.mintToken({ roles: ['Payouts.Approver', ...levels.map((k) => `Payouts.Approver.Tier${k}`)], tid: 'org-a', sub, name } as never);

  async function openPane(locale: 'en-US' | 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
    if (build.error) throw new Error(`the production build failed:\n${build.error}`);
    const context = await paneContext(browser, contexts, { width: 380, height: 900, locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pane!.origin}/taskpane.html?tab=runs`);
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-host') === 'standalone');
    await page.getByTestId('panel-runs').locator('[data-view="runs"]').waitFor({ timeout: 20_000 });
    return { page, errors };
  }

  async function seriousAxe(page: Page): Promise<string[]> {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').exclude('iframe').analyze();
    return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes[0]?.target.join(' ')})`);
  }

  test('an approver opens the run, reads a statement, approves it, downloads the payroll file and sees the history', async () => {
    const { id, sha256 } = await submittedRun('2025-12', [['E1', 'Ann', 1000], ['E2', 'Ben', 2500.5]]);
    const { page, errors } = await openPane('zh-CN');
    const panel = page.getByTestId('panel-runs');
    await panel.getByTestId('runs-token').fill(await approverToken('zoe', 'Zoe'));
    const card = panel.locator(`[data-run="${id}"]`).first();
    await card.waitFor({ timeout: 15_000 });
    await card.getByTestId('run-open').click();
    const details = panel.locator(`[data-testid="run-details"][data-run="${id}"]`);
    await details.waitFor();
    expect(await details.getByTestId('run-details-status').textContent()).toContain(RUNS['status.awaiting-approval']['zh-CN']);
    expect(await details.getByTestId('run-details-total').textContent()).toContain('3,500.50 CNY');

    // A person's statement, in its frame.
    await details.getByTestId('run-person').selectOption({ index: 1 });
    await details.getByTestId('run-statement-show').click();
    const frame = details.getByTestId('run-statement-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect(page.frameLocator('[data-testid="run-statement-frame"]').locator('body').textContent({ timeout: 10_000 })).resolves.toContain('2,500.50');

    expect(await seriousAxe(page)).toEqual([]);
    const shown = await panel.evaluate((el) => (el as HTMLElement).innerText.split('\n').map((s) => s.trim()).filter(Boolean));
    expect(languageLeaks(shown, 'zh-CN', ['2025-12', 'People', 'Payout', 'Zoe', 'alice', 'E1', 'E2', 'CNY', id, sha256])).toEqual([]);

    // Approve (level 1 of 1).
    await details.getByTestId('run-comment').fill('核对无误');
    await details.getByTestId('run-approve').click();
    await panel.locator(`[data-testid="run-details"][data-status="approved"]`).waitFor({ timeout: 15_000 });
    expect(await details.getByTestId('run-decided').textContent()).toContain(RUNS.approved['zh-CN'].replace('{level}', '1'));

    // The payroll file: a CSV with a BOM; the run then reads exported.
    const [download] = await Promise.all([page.waitForEvent('download'), details.getByTestId('run-payroll-download').click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('2500.50');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await panel.locator(`[data-testid="run-details"][data-status="exported"]`).waitFor({ timeout: 15_000 });

    // The history, verified by the API.
    await details.getByTestId('run-history-show').click();
    await details.locator('[data-testid="run-history-verified"][data-verified="true"]').waitFor({ timeout: 15_000 });
    expect(await details.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['submit', 'calculate', 'route', 'approve', 'export']);
    expect(errors).toEqual([]);
  });

  test('two approvers at once: the second is told someone acted first (412); Reload shows the run as it is, and they decide the next level', async () => {
    // Above 100,000: two levels. The pane's approver may decide either; another approves level 1 first.
    const { id } = await submittedRun('2026-01', [['E1', 'Ann', 90_000], ['E2', 'Ben', 60_000]]);
    const { page, errors } = await openPane('en-US');
    const panel = page.getByTestId('panel-runs');
    await panel.getByTestId('runs-token').fill(await approverToken('yan', 'Yan', [1, 2]));
    await panel.locator(`[data-run="${id}"]`).first().getByTestId('run-open').click();
    const details = panel.locator(`[data-testid="run-details"][data-run="${id}"]`);
    await details.locator('[data-step="1"][data-step-status="pending"]').waitFor({ timeout: 15_000 });
    await details.getByTestId('run-approve').waitFor();

    const other = createRunsClient(api.url, await approverToken('zoe', 'Zoe').then((t) => () => t));
    const read = await other.get(id);
    expect((await other.decide(id, 'approve', 'level 1 ok', read.etag)).run.steps[0].status).toBe('approved');

    await details.getByTestId('run-approve').click();
    const problem = details.locator('[data-testid="run-decision-error"][data-problem="stale"]');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.textContent()).toContain(RUNS.stale['en-US']);
    expect(await seriousAxe(page)).toEqual([]);

    await details.getByTestId('run-decision-reload').click();
    await details.locator('[data-step="1"][data-step-status="approved"]').waitFor({ timeout: 15_000 });
    await details.locator('[data-step="2"][data-step-status="pending"]').waitFor();
    expect(await details.locator('[data-testid="run-decision-error"]').count()).toBe(0);
    // Now level 2, on what they have just read.
    await details.getByTestId('run-approve').click();
    await panel.locator(`[data-testid="run-details"][data-status="approved"]`).waitFor({ timeout: 15_000 });
    expect(await details.getByTestId('run-approve').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
