/**
 * The catalog's two places in the documentation: the README's function table (generated
 * whole) and the signature cells of docs/spec/functions.md (the spec's rules stay prose; its
 * first column must name each catalog function with its exact parameters). `dev/catalog-docs.ts`
 * writes them; a test fails while either is stale.
 */
import { CATALOG } from './index';
import { CatalogFunction, signature } from './types';

const README_HEADER = '| function | example | result |';

export function readmeTable(catalog: readonly CatalogFunction[] = CATALOG): string {
  const rows = catalog.map((fn) => `| \`${signature(fn)}\` | \`${fn.readme.example}\` | ${fn.readme.result} |`);
  return [README_HEADER, '|---|---|---|', ...rows].join('\n');
}

/** The README with its function table replaced by the generated one. */
export function withReadmeTable(readme: string, catalog: readonly CatalogFunction[] = CATALOG): string {
  const start = readme.indexOf(README_HEADER);
  if (start < 0) throw new Error(`README.md has no function table (a line "${README_HEADER}")`);
  let end = readme.indexOf('\n\n', start);
  if (end < 0) end = readme.length;
  return readme.slice(0, start) + readmeTable(catalog) + readme.slice(end);
}

/** A spec table row naming a function: `| \`TIERED(amount, tiers, [method])\` | …`. */
const SPEC_ROW = /^\|\s*`([A-Z][A-Z0-9_.]*)\(([^`]*)\)`\s*\|/;

/** What in the spec disagrees with the catalog (empty when in step). */
export function specProblems(spec: string, catalog: readonly CatalogFunction[] = CATALOG): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of spec.split(/\r?\n/)) {
    const m = SPEC_ROW.exec(line);
    if (!m) continue;
    const fn = catalog.find((f) => f.id === m[1]);
    if (!fn) {
      problems.push(`docs/spec/functions.md lists ${m[1]}, which the catalog does not declare`);
      continue;
    }
    if (seen.has(fn.id)) problems.push(`docs/spec/functions.md lists ${fn.id} twice`);
    seen.add(fn.id);
    const written = `${m[1]}(${m[2]})`;
    if (written !== signature(fn)) problems.push(`docs/spec/functions.md writes ${written}; the catalog declares ${signature(fn)}`);
  }
  for (const fn of catalog) if (!seen.has(fn.id)) problems.push(`docs/spec/functions.md has no row for ${signature(fn)}`);
  return problems;
}

/** The spec with each known function's signature cell written from the catalog. */
export function withSpecSignatures(spec: string, catalog: readonly CatalogFunction[] = CATALOG): string {
  return spec
    .split('\n')
    .map((line) => {
      const m = SPEC_ROW.exec(line);
      const fn = m && catalog.find((f) => f.id === m[1]);
      return fn ? line.replace(SPEC_ROW, `| \`${signature(fn)}\` |`) : line;
    })
    .join('\n');
}
