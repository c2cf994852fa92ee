/**
 * Debian's Chromium driven by playwright-core (never `npx playwright install`): install it
 * with scripts/ensure-chromium.sh. The suite skips itself when the binary is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { RESULTS_DIR } from './build';

export const CHROMIUM = process.env.PERFPLAN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A browser context for the pane, kept in `contexts` (closed by closeAll). No internet in tests:
 * office.js from the CDN is refused outright (the pane then runs standalone at once), so a
 * blocking <script src> cannot hang the page load.
 */
export async function paneContext(browser: Browser, contexts: BrowserContext[], options: { width: number; height: number; locale: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, locale: options.locale, acceptDownloads: true });
  contexts.push(context);
  await context.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => route.abort('internetdisconnected'));
  return context;
}

/** Closes the contexts, then the browser, then each server (any of them may not have started). */
export async function closeAll(contexts: BrowserContext[], browser: Browser | undefined, ...servers: Array<{ close(): Promise<unknown> } | undefined>): Promise<void> {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  for (const server of servers) await server?.close();
}

export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'e2e');

/** Full-page screenshot to test-results/e2e/<name>.png (an artifact; the folder is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
