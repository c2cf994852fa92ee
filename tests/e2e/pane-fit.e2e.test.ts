/**
 * Issue 14 in a real browser (Debian Chromium + playwright-core, standalone pane, real API on
 * Azurite): every view and state at 320 px and 500 px in en-US and zh-CN
 *
 *   - never scrolls sideways;
 *   - shows no English (beyond an allow-list: function names, PERF, acronyms, units, numbers,
 *     user data) to a zh-CN user and no Chinese to an en-US user, read from the rendered DOM;
 *   - keeps to the finance glossary (i18n/terms.ts) in Chinese;
 *   - has no serious or critical axe-core violations;
 *
 * and the pieces the issue asks for one by one: the sticky tab bar and its More menu, the
 * one-line dismissible standalone note, the first-run card and the function list, template
 * details as their own view with focus on the heading, finance-native numbers and the
 * preview's size and gate step, errors next to their fields, benchmarks by name, the 10 s
 * timeout, offline views, remembered drafts and language — and the AHP wizard's input latency
 * at 15 criteria on a 4×-throttled CPU (measured and reported in test-results/e2e/timings.json).
 *
 * It also retakes the README's screenshots (docs/screenshots/).
 */
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DevServer, startDevServer } from '../../dev/dev-server';
import { languageLeaks } from '../addin/support/language-scan';
import { ApiHarness, seedOverHttp, startApi } from '../functions/support/api';
import { pairGroup, setJudgements, weightsView } from './support/ahp-driver';
import { chromiumAvailable, closeAll, launchChromium, paneContext, SCREENSHOT_DIR } from './support/browser';
import { BuildOutcome, REPO, buildHarness, ensureProductionBuild } from './support/build';

const suite = chromiumAvailable() ? describe : describe.skip;

type Lang = 'en-US' | 'zh-CN';
const WIDTHS = [320, 500] as const;
const LANGS: Lang[] = ['en-US', 'zh-CN'];
const VIEWS = ['templates', 'weights', 'plan', 'scenarios', 'explain', 'benchmarks', 'compare', 'statements', 'runs'] as const;
type ViewId = (typeof VIEWS)[number];

/** The text a user meets on the page: visible text, labels, placeholders, titles, options. */
async function shownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const pageLang = document.documentElement.lang;
    const skip = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        // Typed formulas (translate="no"), user data, and the catalog's own function descriptions
        // (catalog/, checked by tests/addin/glossary.test.ts) are not the pane's words.
        if (e.getAttribute('translate') === 'no' || e.hasAttribute('data-user-data') || e.hasAttribute('data-catalog-text')) return true;
        const lang = e.getAttribute('lang');
        if (lang && lang !== pageLang && e !== document.documentElement) return true;
        if (e instanceof HTMLElement && e.hidden) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || skip(el)) continue;
      const text = (node.textContent ?? '').trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

const leaks = languageLeaks;

suite('task pane fits 320 px, speaks one language, keeps to the glossary (issue 14)', () => {
  let api: ApiHarness;
  let pane: DevServer | undefined;
  let harness: DevServer | undefined;
  let browser: Browser;
  let build: BuildOutcome | undefined;
  const contexts: BrowserContext[] = [];
  const timings: Record<string, unknown> = {};
  /** Template titles from the API (user data: shown as the API has them). */
  let titles: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    await seedOverHttp(api);
    const [paneBuild, harnessBuild] = await Promise.all([ensureProductionBuild(), buildHarness()]);
    build = paneBuild;
    const apiTarget = new URL(api.url).origin;
    pane = await startDevServer({ root: paneBuild.dir, port: 0, apiTarget });
    harness = await startDevServer({ root: harnessBuild.dir, port: 0, apiTarget });
    browser = await launchChromium();
    const items = ((await (await fetch(`${api.url}/templates`)).json()) as { items: { title: { en: string; zh: string }; description?: { en: string; zh: string } }[] }).items;
    // Template titles and descriptions are the API's content (library/), shown as the API has them.
    titles = items.flatMap((t) => [t.title.en, t.title.zh, t.description?.en ?? '', t.description?.zh ?? '']).filter(Boolean).sort((a, b) => b.length - a.length);
  }, 420_000);

  afterAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'timings.json');
    const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    fs.writeFileSync(file, JSON.stringify({ ...previous, ...timings }, null, 2));
    await closeAll(contexts, browser, pane, harness, api);
  });

  async function open(options: { width?: number; lang?: Lang; query?: string; context?: BrowserContext } = {}): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    if (build?.error) throw new Error(`the production build failed:\n${build.error}`);
    const lang = options.lang ?? 'en-US';
    let context = options.context;
    if (!context) {
      context = await paneContext(browser, contexts, { width: options.width ?? 320, height: 800, locale: lang });
    }
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pane!.origin}/taskpane.html${options.query ?? ''}`);
    await page.getByTestId('app').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-host') === 'standalone');
    return { page, errors, context };
  }

  async function openTab(page: Page, id: ViewId) {
    const tab = page.getByTestId(`tab-${id}`);
    if (await tab.isVisible()) await tab.click();
    else {
      await page.getByTestId('tabs-more').click();
      await page.getByTestId(`more-${id}`).click();
    }
    const panel = page.getByTestId(`panel-${id}`);
    await panel.locator('[data-view]').first().waitFor({ timeout: 20_000 });
    return panel;
  }

  /** Scroll width, language, glossary and axe checks of the page as it is now. */
  async function check(page: Page, lang: Lang, state: string, userData: string[] = []): Promise<string[]> {
    const problems: string[] = [];
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) problems.push(`${state}: scrolls sideways (${scrollWidth} px wide in ${innerWidth} px)`);
    for (const leak of leaks(await shownText(page), lang, [...titles, ...userData])) problems.push(`${state}: ${leak}`);
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex>) are Fluent's focus
    // management, not content: they hand focus on at once and are left out.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
    for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      problems.push(`${state}: axe ${v.impact} ${v.id} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
    }
    return problems;
  }

  /** Puts a view into its interesting states, checking each. */
  async function statesOf(page: Page, id: ViewId, lang: Lang, label: string): Promise<string[]> {
    const panel = await openTab(page, id);
    const problems = await check(page, lang, `${label} ${id}`);
    const zh = lang === 'zh-CN';
    if (id === 'templates') {
      await panel.getByTestId('template-item-tiered-commission-plan').click();
      await panel.getByTestId('template-details-title').waitFor({ timeout: 15_000 });
      problems.push(...(await check(page, lang, `${label} template details`)));
      await panel.getByTestId('template-back').click();
    } else if (id === 'weights') {
      const view = weightsView(page);
      const names = zh ? ['销售增长', '利润率', '客户满意度'] : ['Sales growth', 'Profit margin', 'Customer satisfaction'];
      await setJudgements(view, names, { '0,1': '9', '0,2': '1/9', '1,2': '9' }, zh ? (a, b) => `${a} 与 ${b}` : (a, b) => `${a} vs ${b}`);
      await view.locator('[data-ahp-warning]').waitFor();
      await view.locator('[data-ahp-advanced] > summary').click();
      problems.push(...(await check(page, lang, `${label} weights inconsistent + advanced`, names)));
    } else if (id === 'plan') {
      const rate = panel.getByRole('textbox', { name: zh ? '提成比例 2' : 'Rate 2', exact: true });
      await rate.fill('abc');
      await panel.getByTestId('plan-errors').waitFor();
      problems.push(...(await check(page, lang, `${label} plan error`, ['abc'])));
      await rate.fill('4%');
      await panel.getByRole('radio', { name: zh ? '奖金曲线' : 'Payout curve' }).check();
      await panel.locator('[data-input="cap"]').fill('130%');
      await panel.locator('[data-marker="cap"]').waitFor();
      problems.push(...(await check(page, lang, `${label} payout curve`)));
      // Catalog v2 (issue 11): the rebate ladder, the bonus pool and the target breakdown.
      await panel.getByRole('radio', { name: zh ? '返利阶梯' : 'Rebate ladder' }).check();
      await panel.getByTestId('rebate-preview').waitFor();
      await panel.getByRole('button', { name: zh ? '添加级别' : 'Add level' }).click();
      await panel.getByRole('button', { name: zh ? '添加起点' : 'Add threshold' }).click();
      expect(await panel.locator('[data-rate]').count()).toBe(16); // 4 thresholds × 4 levels
      await panel.locator('[data-rebate-level]').nth(3).waitFor();
      problems.push(...(await check(page, lang, `${label} rebate ladder, 4 levels`, zh ? ['级别 4'] : ['Level 4'])));
      await panel.locator('[data-rate="1-1"]').fill('abc');
      await panel.getByTestId('plan-errors').waitFor();
      // The message names the grid by its label, not PERF.REBATE's argument ("ladder").
      expect(await panel.getByTestId('plan-errors').textContent()).toContain(zh ? '返利阶梯' : 'Rebate ladder');
      problems.push(...(await check(page, lang, `${label} rebate ladder error`, ['abc'])));
      await panel.locator('[data-rate="1-1"]').fill('1%');
      await panel.getByRole('radio', { name: zh ? '奖金池' : 'Bonus pool' }).check();
      await panel.locator('[data-pool-place="cap"]').first().waitFor();
      expect(await panel.getByTestId('pool-capped').textContent()).toContain(zh ? '销售部' : 'Sales');
      problems.push(...(await check(page, lang, `${label} bonus pool`)));
      await panel.getByRole('radio', { name: zh ? '目标分解' : 'Target breakdown' }).check();
      await panel.locator('[data-quarter="4"]').waitFor();
      await panel.locator('[data-input="quota-shown"]').selectOption('1');
      await panel.getByRole('caption').or(panel.locator('caption')).first().waitFor({ state: 'attached' });
      problems.push(...(await check(page, lang, `${label} target breakdown`)));
      await panel.getByRole('radio', { name: zh ? '分档提成' : 'Tiered commission' }).check();
    } else if (id === 'scenarios') {
      await panel.getByTestId('mc-paste').fill('1\n2\n3\n4\n5');
      await panel.getByRole('button', { name: zh ? '汇总粘贴的数字' : 'Summarize pasted numbers' }).click();
      await panel.locator('[data-mc-summary]').waitFor();
      problems.push(...(await check(page, lang, `${label} Monte Carlo summary`)));
    } else if (id === 'explain') {
      await panel.getByTestId('explain-typed').click();
      await panel.locator('[data-explain-steps]').waitFor();
      problems.push(...(await check(page, lang, `${label} explained`)));
      await panel.getByTestId('explain-formula').fill('=PERF.AHP({1,3;0.3333333,1}, "geomean")');
      await panel.getByTestId('explain-typed').click();
      await panel.locator('[data-step-key="ahp.result"]').first().waitFor();
      problems.push(...(await check(page, lang, `${label} explained AHP`)));
    } else if (id === 'benchmarks') {
      await panel.getByTestId('benchmark-row').first().waitFor({ state: 'attached', timeout: 15_000 });
      await panel.getByTestId('benchmarks-search').fill(zh ? '人工成本' : 'labour cost');
      await panel.locator('[data-metric="labour_cost_share_max"]').waitFor({ timeout: 10_000 });
      problems.push(...(await check(page, lang, `${label} benchmarks search`)));
    }
    return problems;
  }

  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      test(`${lang} at ${width} px: every view and state fits, is in one language and passes axe`, async () => {
        const { page, errors } = await open({ width, lang });
        const label = `${lang} ${width}px`;
        await page.getByTestId('first-run-functions').click();
        await page.getByTestId('function-list').waitFor({ timeout: 10_000 });
        const problems = await check(page, lang, `${label} first run + function list`);
        for (const id of VIEWS) problems.push(...(await statesOf(page, id, lang, label)));
        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
      }, 240_000);
    }
  }

  test('the shell at 320 px: a one-row sticky tab bar with a More menu, a one-line dismissible note, a first-run card', async () => {
    const { page } = await open({ width: 320 });
    const bar = page.getByTestId('tab-bar');
    const barBox = (await bar.boundingBox())!;
    expect(barBox.height).toBeLessThan(56); // one row
    // The chrome above the content stays small: header, note and tab bar.
    expect(barBox.y + barBox.height).toBeLessThan(800 * 0.2);
    const note = page.getByTestId('standalone-note');
    expect((await note.boundingBox())!.height).toBeLessThan(40); // one line
    // More menu: the tabs that did not fit.
    await page.getByTestId('tabs-more').click();
    await page.getByTestId('more-benchmarks').click();
    await page.getByTestId('panel-benchmarks').locator('[data-view]').waitFor();
    // Sticky: scrolled down a long view, the tab bar is still at the top.
    await openTab(page, 'weights');
    await page.evaluate(() => window.scrollTo(0, 2000));
    await page.waitForTimeout(100);
    expect(Math.round((await bar.boundingBox())!.y)).toBe(0);
    // Dismissals are remembered.
    await page.getByTestId('standalone-dismiss').click();
    await page.getByTestId('first-run-dismiss').click();
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-host') === 'standalone');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('standalone-note').count()).toBe(0);
    expect(await page.getByTestId('first-run').count()).toBe(0);
  });

  test('template details are a view of their own: focus on the heading, Back returns to the list', async () => {
    const { page } = await open({ width: 320, lang: 'zh-CN' });
    const panel = await openTab(page, 'templates');
    const item = panel.getByTestId('template-item-tiered-commission-plan');
    await item.waitFor({ timeout: 15_000 });
    expect(await item.getByTestId('template-item-description').count()).toBe(1);
    const descriptionBox = (await item.getByTestId('template-item-description').boundingBox())!;
    expect(descriptionBox.height).toBeLessThan(24); // one line
    await item.click();
    const heading = panel.getByTestId('template-details-title');
    await heading.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'template-details-title');
    expect((await heading.boundingBox())!.y).toBeLessThan(800); // in sight, not 1,500 px below
    expect(await panel.getByTestId('templates-browse').isHidden()).toBe(true);
    // The download carries the title in the user's language: the link's own name, which the
    // browser uses once the link points at the fetched bytes (blob:), and the API's
    // Content-Disposition filename* (the link's ?locale=) while it still points at the API.
    const link = panel.getByTestId('template-download');
    expect(await link.getAttribute('download')).toMatch(/^[\u4e00-\u9fff].* v\d+\.xlsx$/);
    const blob = await page
      .waitForFunction(() => document.querySelector('[data-testid="template-download"]')?.getAttribute('href')?.startsWith('blob:'), undefined, { timeout: 15_000 })
      .then(() => true, () => false);
    timings.templateDownloadIsNamedBlob = blob;
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), link.click()]);
    expect(file.suggestedFilename()).toBe(await link.getAttribute('download'));
    // A version's link always points at the API: the API names the file the same way.
    const version = panel.getByRole('link', { name: '下载第 1 版' });
    const [old] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), version.click()]);
    expect(old.suggestedFilename()).toBe(await version.getAttribute('download'));
    expect(old.suggestedFilename()).toMatch(/^[\u4e00-\u9fff].* v1\.xlsx$/);
    await panel.getByTestId('template-back').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-template-id') === 'tiered-commission-plan');
  });

  test('finance-native numbers: 8%, ¥12,000 and 12,000 are understood; results in % and ¥; the preview at real size', async () => {
    const { page } = await open({ width: 320 });
    const panel = await openTab(page, 'plan');
    await panel.getByRole('textbox', { name: 'Rate 2', exact: true }).fill('8 %');
    await panel.getByRole('textbox', { name: 'Threshold 2', exact: true }).fill('¥100,000');
    await panel.locator('[data-input="amount"]').fill('180,000');
    await expect_(panel.getByTestId('plan-errors')).toHaveCount(0);
    const current = await panel.getByTestId('plan-current').textContent();
    expect(current).toMatch(/¥180,000: ¥\d{1,3}(,\d{3})*/);
    // The chart is drawn at the width it is shown, its text 12 px.
    const chart = panel.getByTestId('plan-chart');
    const geometry = await chart.evaluate((svg) => ({
      width: svg.getBoundingClientRect().width,
      attr: Number(svg.getAttribute('width')),
      font: Math.min(...Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize))),
      rendered: Math.min(...Array.from(svg.querySelectorAll('text')).map((t) => t.getBoundingClientRect().height)),
    }));
    expect(Math.abs(geometry.width - geometry.attr)).toBeLessThan(1);
    expect(geometry.font).toBeGreaterThanOrEqual(12);
    expect(geometry.rendered).toBeGreaterThanOrEqual(12);
    // Payout curve: the gate is a vertical step, gate and cap are dashed markers.
    await panel.getByRole('radio', { name: 'Payout curve' }).check();
    await panel.locator('[data-input="cap"]').fill('1.3');
    await panel.locator('[data-marker="gate"]').waitFor();
    await panel.locator('[data-marker="cap"]').waitFor();
    const dashed = await panel.locator('[data-marker="gate"] line').getAttribute('stroke-dasharray');
    expect(dashed).toBeTruthy();
    const points = (await panel.locator('polyline[data-line]').getAttribute('points'))!.split(' ').map((p) => p.split(',').map(Number));
    const vertical = points.some((p, k) => k > 0 && Math.abs(p[0] - points[k - 1][0]) < 0.2 && Math.abs(p[1] - points[k - 1][1]) > 5);
    expect(vertical).toBe(true);
    // An error sits next to its field, in the user's words.
    await panel.locator('[data-input="targetIncentive"]').fill('-1');
    const field = panel.locator('.fui-Field').filter({ has: page.locator('[data-input="targetIncentive"]') });
    expect(await field.textContent()).toMatch(/Target incentive cannot be negative/);
  });

  test('benchmarks: names in both languages, partial Chinese search, areas, ratios in %, the honest label', async () => {
    const { page } = await open({ width: 500, lang: 'zh-CN' });
    const panel = await openTab(page, 'benchmarks');
    await panel.getByTestId('benchmark-row').first().waitFor({ state: 'attached', timeout: 15_000 });
    expect(await panel.textContent()).toContain('方案文件中的建议默认值');
    expect(await panel.locator('details[data-area]').count()).toBeGreaterThanOrEqual(5);
    await panel.getByTestId('benchmarks-search').fill('人工');
    const row = panel.locator('[data-metric="labour_cost_share_max"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('人工成本占营收比例上限');
    expect(await row.getByTestId('benchmark-value').textContent()).toBe('30%');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    timings.benchmarksPageHeightPx = height;
  });

  test('requests time out after 10 s with a translated message and Retry', async () => {
    const { page } = await open({ width: 320, lang: 'zh-CN' });
    const panel = await openTab(page, 'templates');
    await page.route(/\/api\/templates\/tiered-commission-plan(\?|$)/, () => undefined); // never answers
    const started = Date.now();
    await panel.getByTestId('template-item-tiered-commission-plan').click();
    const error = panel.getByTestId('template-details-error');
    await error.waitFor({ timeout: 25_000 });
    timings.detailsTimeoutMs = Date.now() - started;
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    expect(await error.textContent()).toContain('10 秒内没有响应');
    await page.unroute(/\/api\/templates\/tiered-commission-plan(\?|$)/);
    await error.getByRole('button', { name: '重试' }).click();
    await panel.getByTestId('template-details-title').waitFor({ timeout: 15_000 });
  }, 60_000);

  test('the views that compute locally are preloaded when idle and work offline', async () => {
    const { page, context } = await open({ width: 500 });
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /chunks\/view-/.test(e.name)).length >= 6, undefined, { timeout: 20_000 });
    await context.setOffline(true);
    try {
      for (const id of ['weights', 'plan', 'scenarios', 'explain'] as const) {
        const panel = await openTab(page, id);
        expect([id, await panel.locator('[data-testid="view-error"]').count()]).toEqual([id, 0]);
      }
    } finally {
      await context.setOffline(false);
    }
  });

  test('drafts and the language are remembered (localStorage standalone)', async () => {
    const { page, context } = await open({ width: 500 });
    await page.getByTestId('lang-zh-CN').click();
    let panel = await openTab(page, 'plan');
    await panel.getByRole('textbox', { name: '提成比例 1', exact: true }).fill('3%');
    panel = await openTab(page, 'weights');
    await setJudgements(weightsView(page), ['销售增长', '利润率', '客户满意度'], { '0,1': '5' }, (a, b) => `${a} 与 ${b}`);
    await page.waitForTimeout(600);
    await page.close();
    const again = await open({ context });
    expect(await again.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    panel = await openTab(again.page, 'plan');
    expect(await panel.getByRole('textbox', { name: '提成比例 1', exact: true }).inputValue()).toBe('3%');
    await openTab(again.page, 'weights');
    const pair = pairGroup(weightsView(again.page), '销售增长 与 利润率');
    expect(await pair.locator('input[data-side="a"]').isChecked()).toBe(true);
    expect(await pair.locator('select[data-intensity]').inputValue()).toBe('5');
  });

  test('AHP input latency at 15 criteria on a 4×-throttled CPU (measured)', async () => {
    const context = await browser.newContext({ viewport: { width: 500, height: 900 }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${harness!.origin}/weights.html`);
    const view = weightsView(page);
    await view.waitFor();
    for (let k = 4; k <= 15; k++) await view.getByRole('button', { name: /^Add criterion$/ }).click();
    expect(await view.locator('fieldset').count()).toBe(105);
    // Input latency as browsers define it (Event Timing, what INP reports): from the input to
    // the next paint after its handlers ran, for real clicks and key presses.
    await page.evaluate(() => {
      const w = window as unknown as { __events: { name: string; duration: number; id: number }[] };
      w.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId: number })[]) w.__events.push({ name: e.name, duration: e.duration, id: e.interactionId });
      }).observe({ type: 'event', durationThreshold: 0 } as PerformanceObserverInit);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const sets = view.locator('fieldset');
    for (let k = 0; k < 20; k++) {
      const radio = sets.nth((k * 7) % 105).locator(`input[data-side="${k % 2 ? 'b' : 'a'}"]`);
      await radio.scrollIntoViewIfNeeded();
      await page.waitForTimeout(100);
      await radio.click();
      await page.waitForTimeout(100);
    }
    await view.getByRole('textbox', { name: 'Criterion 1', exact: true }).click();
    for (let k = 0; k < 20; k++) {
      await page.keyboard.type('x');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(300);
    const events = await page.evaluate(() => (window as unknown as { __events: { name: string; duration: number; id: number }[] }).__events);
    /** Each interaction's latency: the longest of its events (pointer / mouse / click, or key / input). */
    const interactions = (names: string[]) => {
      const byId = new Map<number, number>();
      for (const e of events) if (e.id && names.includes(e.name)) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.duration));
      return [...byId.values()];
    };
    // The figure this test reported before: a script's click to the frame after it.
    const scripted = await page.evaluate(async () => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const out: number[] = [];
      const all = Array.from(document.querySelectorAll('fieldset'));
      for (let k = 0; k < 20; k++) {
        const radio = all[(k * 11) % all.length].querySelector<HTMLInputElement>(`input[data-side="${k % 2 ? 'a' : 'b'}"]`)!;
        await frame();
        const started = performance.now();
        radio.click();
        await frame();
        out.push(performance.now() - started);
      }
      return out;
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { n: sorted.length, median: Math.round(sorted[Math.floor(sorted.length / 2)]), p90: Math.round(sorted[Math.floor(sorted.length * 0.9)]), max: Math.round(sorted[sorted.length - 1]) };
    };
    const judgement = interactions(['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click']);
    const typing = interactions(['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);
    expect(judgement.length).toBeGreaterThanOrEqual(18);
    expect(typing.length).toBeGreaterThanOrEqual(18);
    timings.ahpLatency15Criteria4xCpu = {
      judgementMs: stats(judgement),
      typingMs: stats(typing),
      scriptedJudgementToNextFrameMs: stats(scripted),
      measure: 'Event Timing: input to the next paint after its handlers (INP), real clicks and key presses',
      target: '< 50 ms',
    };
    // eslint-disable-next-line no-console
    console.log('AHP latency at 15 criteria, 4× CPU throttling:', JSON.stringify(timings.ahpLatency15Criteria4xCpu));
    // The target is 50 ms, reported above; on a shared 2-core machine running both browser suites
    // at once the figures double or triple, so only a regression far past the target fails here.
    expect(stats(judgement).median).toBeLessThan(400);
    expect(stats(typing).median).toBeLessThan(400);
  }, 120_000);

  test('retakes the README screenshots (docs/screenshots)', async () => {
    const dir = path.join(REPO, 'docs', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    const shots: [Lang, ViewId, string][] = [
      ['en-US', 'templates', 'templates.png'],
      ['en-US', 'weights', 'weights.png'],
      ['en-US', 'plan', 'plan.png'],
      ['en-US', 'scenarios', 'scenarios.png'],
      ['en-US', 'explain', 'explain.png'],
      ['en-US', 'benchmarks', 'benchmarks.png'],
      ['zh-CN', 'templates', 'templates-zh-CN.png'],
    ];
    for (const [lang, id, file] of shots) {
      const { page } = await open({ width: 380, lang });
      await page.getByTestId('standalone-dismiss').click();
      await page.getByTestId('first-run-dismiss').click();
      const panel = await openTab(page, id);
      if (id === 'templates') await panel.getByTestId('templates-list').waitFor({ timeout: 15_000 });
      if (id === 'benchmarks') {
        await panel.getByTestId('benchmark-row').first().waitFor({ state: 'attached', timeout: 15_000 });
        await panel.locator('details[data-area] > summary').first().click();
      }
      if (id === 'explain') await panel.getByTestId('explain-typed').click();
      if (id === 'weights') await setJudgements(weightsView(page), ['Sales growth', 'Profit margin', 'Customer satisfaction'], { '0,1': '3', '0,2': '5', '1,2': '2' }, (a, b) => `${a} vs ${b}`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(dir, file) });
      expect(fs.statSync(path.join(dir, file)).size).toBeGreaterThan(5000);
    }
  }, 180_000);
});

/** A tiny locator count assertion (playwright's expect is not jest's). */
function expect_(locator: { count(): Promise<number> }) {
  return {
    async toHaveCount(n: number) {
      const deadline = Date.now() + 5000;
      let count = await locator.count();
      while (count !== n && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        count = await locator.count();
      }
      expect(count).toBe(n);
    },
  };
}
