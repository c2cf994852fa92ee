/**
 * The initial-JS budget of the add-in (issue 14 item 10): the production build's pages load at
 * most 150 KB of JavaScript, gzipped, before anything shows (dev/bundle-budget.ts). The
 * production build is made here, into a temporary folder, exactly as `npm run build` and
 * `npm start` make it (webpack --mode production); a size check, not a timed one.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { INITIAL_JS_BUDGET_BYTES, describeBudget, gzippedSize, localScripts, measureBuild } from '../../dev/bundle-budget';
import { EXPLAIN } from '../../i18n/explain';
import { useTempDir } from '../functions/auth/helpers';

const ROOT = path.resolve(__dirname, '..', '..');

const work = useTempDir('perfplan-budget-', 'all');

describe('what counts as initial JavaScript', () => {
  it("the scripts a page names from its own folder — not Office.js from Microsoft's CDN, not lazy chunks", () => {
    const html =
      '<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=functions.js></script><script defer="defer" src="./taskpane.js?v=1"></script>' +
      "<script src='//cdn.example/x.js'></script><script>inline()</script></head></html>";
    expect(localScripts(html)).toEqual(['functions.js', 'taskpane.js']);

    const build = path.join(work(), 'fixture');
    fs.mkdirSync(path.join(build, 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(build, 'taskpane.html'), html);
    const functions = Buffer.from('function f(){return 1}'.repeat(200));
    const pane = Buffer.from(Array.from({ length: 5000 }, (_, i) => `var v${i}=${i * 7919};`).join(''));
    fs.writeFileSync(path.join(build, 'functions.js'), functions);
    fs.writeFileSync(path.join(build, 'taskpane.js'), pane);
    fs.writeFileSync(path.join(build, 'chunks', 'view-weights.js'), Buffer.alloc(1_000_000, 1)); // lazy: not counted
    const [page] = measureBuild(build);
    expect(page.scripts.map((s) => [s.file, s.bytes])).toEqual([
      ['functions.js', functions.length],
      ['taskpane.js', pane.length],
    ]);
    expect(page.gzipped).toBe(gzippedSize(functions) + gzippedSize(pane));
    expect(page.over).toBe(false);
    expect(measureBuild(build, page.gzipped - 1)[0].over).toBe(true);
    expect(() => measureBuild(path.join(work(), 'nothing-built-here-' + Date.now()))).toThrow();
  });
});

describe('the production build', () => {
  it(`every page's initial JavaScript is at most ${INITIAL_JS_BUDGET_BYTES / 1000} KB gzipped (taskpane.html: the pane and, in the shared runtime, the custom functions)`, () => {
    const build = path.join(work(), 'build');
    execFileSync(process.execPath, [require.resolve('webpack/bin/webpack.js', { paths: [ROOT] }), '--mode', 'production', '--output-path', build], { cwd: ROOT, stdio: 'pipe' });
    expect(fs.existsSync(path.join(build, 'taskpane.js.map'))).toBe(false); // production: no source maps
    const pages = measureBuild(build);
    const pane = pages.find((p) => p.page === 'taskpane.html')!;
    expect(pane.scripts.map((s) => s.file)).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js']));
    // The sizes are in the failure message: which script grew, and by how much.
    expect(describeBudget(pages)).not.toMatch(/OVER BUDGET/);
    // The custom functions carry no "Explain this cell" code: the catalog names its explainers
    // and only catalog/explain.ts (the pane's Explain view, the CLI) imports them.
    const functions = fs.readFileSync(path.join(build, 'functions.js'), 'utf8');
    const explainTexts = Object.values(EXPLAIN)
      .map((text) => text['en-US'])
      .filter((text) => text.length >= 32); // long enough to be explain's own words, not the glossary's
    expect(explainTexts.length).toBeGreaterThan(20);
    expect(explainTexts.filter((text) => functions.includes(text))).toEqual([]);
  }, 300_000);
});
