/**
 * PDF statements: each statement's HTML page printed by Chromium through playwright-core
 * (`page.pdf`), the browser found as the tests find it (PERFPLAN_CHROMIUM, else Debian's
 * /usr/bin/chromium; scripts/ensure-chromium.sh installs it). One browser for the whole run and
 * a few pages reused, each printing one statement after another.
 */
import * as fs from 'fs';
import * as os from 'os';

/** The browser `--format pdf` prints with. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.PERFPLAN_CHROMIUM || '/usr/bin/chromium';
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The same switches the browser tests launch Chromium with (tests/e2e/support/browser.ts). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface PdfJob {
  html: string;
  file: string;
}

/** Prints every job, `pages` at a time (default: one per core, at most 4), in one browser; closes it whatever happens. */
export async function printPdfs(jobs: readonly PdfJob[], executablePath: string, pages = Math.min(4, Math.max(1, os.cpus().length))): Promise<void> {
  if (jobs.length === 0) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    let next = 0;
    const printer = async () => {
      const page = await context.newPage();
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        await page.setContent(job.html, { waitUntil: 'load' });
        await page.pdf({ path: job.file, format: 'A4', printBackground: true, preferCSSPageSize: true });
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(pages, jobs.length) }, printer));
  } finally {
    await browser.close();
  }
}
