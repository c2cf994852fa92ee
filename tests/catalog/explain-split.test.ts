/**
 * The catalog names each entry's explainer (`explain: 'explainTiered'`) instead of importing
 * it, so the custom functions' bundle (functions.js, loaded before the task pane and counted in
 * its 150 KB initial-JS budget — dev/bundle-budget.ts) carries no "Explain this cell" code: only
 * catalog/explain.ts imports engine/explain. Checked here on the source's import graph from
 * adapters/excel/functions.ts; the built functions.js itself is checked by
 * tests/dev/bundle-budget.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG } from '../../catalog';
import { EXPLAINABLE_FUNCTIONS, explainCall } from '../../catalog/explain';
import { isEngineFunction } from '../../catalog/types';
import * as EXPLAINERS from '../../engine/explain';

const ROOT = path.resolve(__dirname, '..', '..');

function resolveModule(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined; // JSON and the like: no further imports
}

/**
 * The modules of this repo `entry` imports, following relative value imports (type-only ones
 * are erased). Barrels' re-exports (`export * from './explain'` in engine/index.ts) are not
 * followed: webpack keeps only the names a module imports from them, and the build's own check
 * (tests/dev/bundle-budget.test.ts) sees what it kept.
 */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const source = fs.readFileSync(file, 'utf8');
    const statements = /^\s*import\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
    for (const m of source.matchAll(statements)) {
      if (m[1]) continue; // `import type`: erased
      const target = resolveModule(file, m[2]);
      if (target) queue.push(target);
    }
    for (const m of source.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
      const target = resolveModule(file, m[1]);
      if (target) queue.push(target);
    }
  }
  return new Set([...seen].map((f) => path.relative(ROOT, f).split(path.sep).join('/')));
}

describe('explainers are named, not imported, by the catalog', () => {
  test('every named explainer is an export of engine/explain, and every explainable function has one', () => {
    const named = CATALOG.filter(isEngineFunction).filter((fn) => fn.explain);
    expect(named.map((fn) => fn.id)).toEqual(EXPLAINABLE_FUNCTIONS);
    for (const fn of named) expect({ id: fn.id, explainer: typeof (EXPLAINERS as Record<string, unknown>)[fn.explain!] }).toEqual({ id: fn.id, explainer: 'function' });
  });

  test('explainCall calls the named explainer with the arguments, one per parameter, then the element', () => {
    const explanation = explainCall('TIERED', [
      50000,
      [
        [0, 0.02],
        [30000, 0.05],
      ],
    ]);
    expect(explanation).toEqual(EXPLAINERS.explainTiered(50000, [[0, 0.02], [30000, 0.05]], null, { row: 0, col: 0 }));
  });

  test('the custom functions (adapters/excel/functions.ts) load no explain code', () => {
    const graph = importGraph('adapters/excel/functions.ts');
    expect(graph.has('catalog/index.ts')).toBe(true); // the walk does follow the catalog
    expect([...graph].filter((f) => /(^|\/)explain(\.tsx?|\/)/.test(f))).toEqual([]);
  });

  test('in the catalog, only catalog/explain.ts imports engine/explain', () => {
    const importers = fs
      .readdirSync(path.join(ROOT, 'catalog'))
      .filter((f) => f.endsWith('.ts') && f !== 'explain.ts')
      .filter((f) => importGraph(`catalog/${f}`).has('engine/explain.ts'));
    expect(importers).toEqual([]);
  });
});
