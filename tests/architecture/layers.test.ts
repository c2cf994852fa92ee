/**
 * Dependencies point one way (design: engine ← catalog ← adapters ← workbook/calc ← addin,
 * functions, library ← cli, dev). Read from the source itself: every import, export-from,
 * require() and import() of every .ts/.tsx file under the top-level folders
 * (tests/architecture/import-graph.ts), resolved to the file it names.
 *
 * Issue 9's measures: no import from functions/ into cli/, scripts/ or the template library,
 * nor the other way round; no circular imports between folders; walking PERF.TIERED from the
 * Excel adapter to the engine touches ≤ 3 files, from calc ≤ 5.
 */
import { folderOf, ImportEdge, importEdges } from './import-graph';

interface Rule {
  name: string;
  /** Folders the rule is about (the importing side). */
  from: string[];
  /** Folders they may not import… */
  forbid?: string[];
  /** …or the only folders they may import. */
  allow?: string[];
}

const RULES: Rule[] = [
  { name: 'cli/, scripts/ and library/ import nothing from functions/ (the deployed API)', from: ['cli', 'scripts', 'library'], forbid: ['functions'] },
  { name: 'functions/ imports nothing from cli/, scripts/, dev/, library/, bench/ or tests/', from: ['functions'], forbid: ['cli', 'scripts', 'dev', 'library', 'bench', 'tests'] },
  { name: 'engine/ imports only engine/ and i18n/', from: ['engine'], allow: ['engine', 'i18n'] },
  { name: 'workbook/ imports only workbook/ and i18n/ (the leaf language layer, for its messages)', from: ['workbook'], allow: ['workbook', 'i18n'] },
  { name: 'catalog/ imports only engine/, i18n/ and catalog/', from: ['catalog'], allow: ['engine', 'i18n', 'catalog'] },
  { name: 'adapters/ imports only engine/, catalog/, i18n/ and adapters/', from: ['adapters'], allow: ['engine', 'catalog', 'i18n', 'adapters'] },
  { name: 'dev/ imports nothing from cli/ (cli may dispatch to dev, never the reverse)', from: ['dev'], forbid: ['cli'] },
];

/** "file → imported file" for every edge breaking `rule`. */
function violations(rule: Rule, edges: ImportEdge[]): string[] {
  return edges
    .filter((edge) => {
      const from = folderOf(edge.from);
      const to = folderOf(edge.to);
      if (!rule.from.includes(from) || to === '') return false;
      if (rule.forbid) return rule.forbid.includes(to);
      return !rule.allow!.includes(to);
    })
    .map((edge) => `${edge.from} → ${edge.to}`);
}

/** Cycles between top-level folders: each strongly connected group of ≥ 2 folders, with one file per edge inside it. */
function folderCycles(edges: ImportEdge[]): string[] {
  const graph = new Map<string, Map<string, string>>(); // folder → (folder → an example "file → file")
  for (const edge of edges) {
    const a = folderOf(edge.from);
    const b = folderOf(edge.to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, `${edge.from} → ${edge.to}`);
    if (!graph.has(b)) graph.set(b, new Map());
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!.keys()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) => {
    const inside = group.flatMap((a) => group.filter((b) => graph.get(a)!.has(b)).map((b) => `${a}/ → ${b}/ (${graph.get(a)!.get(b)})`));
    return `${group.join(' ⇄ ')}: ${inside.join('; ')}`;
  });
}

/**
 * A folder's index.ts lists (or re-exports) the folder's modules; following a function from
 * its caller to its code, one reads past it without stopping there. It is left out of the count.
 */
const isFolderIndex = (file: string) => /\/index\.tsx?$/.test(file);

/** The shortest import path from `from` to `to` that passes through `via` (each file once), or null. */
function shortestPath(edges: ImportEdge[], from: string, to: string, via?: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!next.has(edge.from)) next.set(edge.from, []);
    next.get(edge.from)!.push(edge.to);
  }
  const bfs = (start: string, goal: string): string[] | null => {
    const previous = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (file === goal) {
        const path: string[] = [];
        for (let at: string | null = goal; at !== null; at = previous.get(at)!) path.unshift(at);
        return path;
      }
      for (const n of next.get(file) ?? []) {
        if (!previous.has(n)) {
          previous.set(n, file);
          queue.push(n);
        }
      }
    }
    return null;
  };
  if (!via) return bfs(from, to);
  const first = bfs(from, via);
  const second = bfs(via, to);
  return first && second ? [...first, ...second.slice(1)] : null;
}

const edges = importEdges();

describe('the import graph is read from the source', () => {
  it('sees imports, re-exports and requires in every top-level folder (a scanner that saw nothing would pass every rule)', () => {
    const folders = new Set(edges.map((e) => folderOf(e.from)));
    for (const folder of ['engine', 'catalog', 'adapters', 'workbook', 'calc', 'addin', 'functions', 'library', 'cli', 'dev', 'tests', 'bench']) {
      expect({ folder, seen: folders.has(folder) }).toEqual({ folder, seen: true });
    }
    expect(edges).toEqual(expect.arrayContaining([{ from: 'catalog/payouts.ts', to: 'engine/payouts.ts', specifier: '../engine/payouts' }]));
  });

  it('the checks catch what they are meant to (synthetic edges)', () => {
    const bad: ImportEdge[] = [
      { from: 'cli/x.ts', to: 'functions/src/y.ts', specifier: '' },
      { from: 'engine/x.ts', to: 'calc/y.ts', specifier: '' },
      { from: 'dev/x.ts', to: 'cli/y.ts', specifier: '' },
      { from: 'cli/z.ts', to: 'dev/y.ts', specifier: '' },
    ];
    expect(RULES.flatMap((rule) => violations(rule, bad))).toEqual(['cli/x.ts → functions/src/y.ts', 'engine/x.ts → calc/y.ts', 'dev/x.ts → cli/y.ts']);
    expect(folderCycles(bad)).toEqual([expect.stringMatching(/^cli ⇄ dev: cli\/ → dev\/ \(cli\/z\.ts → dev\/y\.ts\); dev\/ → cli\/ \(dev\/x\.ts → cli\/y\.ts\)$/)]);
    expect(folderCycles(bad.slice(0, 2))).toEqual([]);
  });
});

describe('dependencies point one way', () => {
  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    expect(violations(rule, edges)).toEqual([]);
  });

  it('no cycle between top-level folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });
});

describe('walking PERF.TIERED to the engine (the import path through its catalog entry, catalog/payouts.ts)', () => {
  const walk = (entry: string) => {
    const path = shortestPath(edges, entry, 'engine/payouts.ts', 'catalog/payouts.ts');
    if (!path) throw new Error(`no import path from ${entry} through catalog/payouts.ts to engine/payouts.ts`);
    return path.filter((file) => !isFolderIndex(file));
  };

  it('from the Excel adapter: ≤ 3 files', () => {
    const files = walk('adapters/excel/functions.ts');
    expect(files).toEqual(['adapters/excel/functions.ts', 'catalog/payouts.ts', 'engine/payouts.ts']);
    expect(files.length).toBeLessThanOrEqual(3);
  });

  it('from calc (calc/calculate.ts, where a workbook formula is evaluated): ≤ 5 files', () => {
    const files = walk('calc/calculate.ts');
    expect(files.length).toBeLessThanOrEqual(5);
    expect(files).toContain('adapters/hyperformula/plugin.ts');
  });
});
