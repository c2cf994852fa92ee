/**
 * The repository's import graph, read from the source: every relative import, export-from,
 * require() and import() of every .ts/.tsx file under the top-level folders, resolved to the
 * file it names. TypeScript's own pre-processor reads the specifiers, so comments and strings
 * that merely look like imports are not counted.
 *
 *   node -r ts-node/register/transpile-only tests/architecture/import-graph.ts
 * prints, per pair of top-level folders, the files importing across.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Folders that are not source: generated output, installed packages, data. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage', 'test-results', '.git', '.azurite', '.perfplan']);

export interface ImportEdge {
  /** Importing file, relative to the root with forward slashes. */
  from: string;
  /** Imported file, relative to the root (resolved; a specifier that names no file is kept as written). */
  to: string;
  specifier: string;
}

/** The top-level folder of a repo-relative path ('' for files at the root). */
export function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.js', '.json', '/index.ts', '/index.tsx', '/index.js'];

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const toRepo = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** Every relative import of every .ts/.tsx file in the repository (top-level folders only). */
export function importEdges(root: string = ROOT): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const tops = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name))
    .map((e) => path.join(root, e.name));
  for (const file of tops.flatMap((dir) => sourceFiles(dir))) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith('.')) continue; // a package
      const target = resolveRelative(file, specifier) ?? path.resolve(path.dirname(file), specifier);
      edges.push({ from: toRepo(file), to: path.relative(root, target).split(path.sep).join('/'), specifier });
    }
  }
  return edges;
}

/** "from → to" for each pair of different top-level folders, with the importing files. */
export function folderPairs(edges: ImportEdge[]): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (const edge of edges) {
    const a = folderOf(edge.from);
    const b = folderOf(edge.to);
    if (a === b) continue;
    const key = `${a} → ${b || '(root)'}`;
    if (!pairs.has(key)) pairs.set(key, new Set());
    pairs.get(key)!.add(edge.from);
  }
  return new Map([...pairs].sort(([x], [y]) => x.localeCompare(y)));
}

if (require.main === module) {
  const verbose = process.argv.includes('--files');
  for (const [pair, files] of folderPairs(importEdges())) {
    process.stdout.write(`${pair}  (${files.size})${verbose ? `\n    ${[...files].sort().join('\n    ')}` : ''}\n`);
  }
}
