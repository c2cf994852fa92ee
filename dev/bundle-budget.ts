/**
 * The add-in's initial-JS budget (issue 14 item 10): what a page of the build makes the
 * browser fetch and run before anything shows — the scripts its HTML names from the build
 * itself (webpack's initial chunks) — is at most 150 KB gzipped. Office.js comes from
 * Microsoft's CDN and is not ours to count; lazy chunks (`import()`, build/chunks/) load later
 * and do not count. taskpane.html is the task pane's page and, with the shared runtime, the
 * custom functions' page too, so functions.js counts there.
 *
 *   node -r ts-node/register/transpile-only dev/bundle-budget.ts [build folder]
 *
 * prints each page's scripts with their sizes and exits 1 when a page is over the budget.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { messageOf } from '../i18n/localized-error';

/** 150 KB (kilobytes of 1,000 bytes), gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 150_000;

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipped: number;
}

export interface PageBudget {
  page: string;
  scripts: ScriptSize[];
  /** Sum of the scripts' gzipped sizes. */
  gzipped: number;
  budget: number;
  over: boolean;
}

/** Gzipped size at level 9 (what a server compressing static files sends at most). */
export function gzippedSize(bytes: Buffer): number {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

/** The scripts `html` loads from its own folder, in order: `src` of every <script>, absolute and protocol-relative URLs left out. */
export function localScripts(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = src && (src[1] ?? src[2] ?? src[3]);
    if (!value || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) continue;
    out.push(value.split(/[?#]/)[0].replace(/^\.?\//, ''));
  }
  return out;
}

/** Every HTML page at the top of `build` with its initial scripts and their sizes. */
export function measureBuild(build: string, budget = INITIAL_JS_BUDGET_BYTES): PageBudget[] {
  const pages = fs.readdirSync(build).filter((f) => /\.html?$/i.test(f)).sort();
  if (pages.length === 0) throw new Error(`${build} holds no HTML page: build the add-in first (npm run build)`);
  return pages.map((page) => {
    const scripts = localScripts(fs.readFileSync(path.join(build, page), 'utf8')).map((file) => {
      const full = path.join(build, file);
      if (!fs.existsSync(full)) throw new Error(`${page} loads ${file}, which is not in ${build}`);
      const bytes = fs.readFileSync(full);
      return { file, bytes: bytes.length, gzipped: gzippedSize(bytes) };
    });
    const gzipped = scripts.reduce((sum, s) => sum + s.gzipped, 0);
    return { page, scripts, gzipped, budget, over: gzipped > budget };
  });
}

export function describeBudget(pages: PageBudget[]): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  return pages
    .map(
      (p) =>
        `${p.page}: ${kb(p.gzipped)} gzipped (budget ${kb(p.budget)})${p.over ? ' — OVER BUDGET' : ''}\n` +
        p.scripts.map((s) => `  ${s.file}: ${kb(s.bytes)}, ${kb(s.gzipped)} gzipped`).join('\n'),
    )
    .join('\n');
}

if (require.main === module) {
  try {
    const pages = measureBuild(path.resolve(process.argv[2] ?? 'build'));
    console.log(describeBudget(pages));
    if (pages.some((p) => p.over)) process.exitCode = 1;
  } catch (error) {
    console.error(`bundle-budget: ${messageOf(error)}`);
    process.exitCode = 1;
  }
}
