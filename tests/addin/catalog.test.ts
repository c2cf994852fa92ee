/**
 * The generated metadata (dist/functions.json, built from the JSDoc in
 * addin/custom-functions/functions.ts by jest's globalSetup) must match the binding catalog
 * (spec/functions.md) exactly: the same functions, the same parameters in the same order, the
 * same optional ones. dist/functions-zh-cn.json must be the same catalog with Chinese text.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const sharedSpec = path.resolve(root, '..', 'shared', 'spec', 'functions.md');
const localSpec = path.join(root, 'docs', 'spec', 'functions.md');
const specPath = fs.existsSync(sharedSpec) ? sharedSpec : localSpec;
const distDir = path.join(root, 'dist');

interface CatalogParameter {
  name: string;
  optional: boolean;
}

interface CatalogFunction {
  name: string;
  parameters: CatalogParameter[];
}

interface JsonParameter {
  name: string;
  description?: string;
  optional?: boolean;
  [key: string]: unknown;
}

interface JsonFunction {
  id: string;
  name: string;
  description?: string;
  parameters: JsonParameter[];
  [key: string]: unknown;
}

interface JsonMetadata {
  functions: JsonFunction[];
}

/** `a, [b], [c]` → ordered names with optional flags; a bracket marks what it encloses optional. */
function parseSignature(args: string): CatalogParameter[] {
  const parameters: CatalogParameter[] = [];
  let depth = 0;
  for (const raw of args.split(',')) {
    let token = raw.trim();
    let optional = depth > 0;
    while (token.startsWith('[')) {
      depth += 1;
      optional = true;
      token = token.slice(1).trim();
    }
    while (token.endsWith(']')) {
      depth -= 1;
      token = token.slice(0, -1).trim();
    }
    if (token === '') {
      if (args.trim() === '') continue;
      throw new Error(`empty parameter in "(${args})"`);
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(token)) throw new Error(`unexpected parameter "${token}" in "(${args})"`);
    parameters.push({ name: token, optional });
  }
  if (depth !== 0) throw new Error(`unbalanced brackets in "(${args})"`);
  return parameters;
}

/** Every catalog table row `| \`NAME(a, [b])\` | ... |`. */
function parseCatalog(markdown: string): CatalogFunction[] {
  const functions: CatalogFunction[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^\|\s*`([A-Za-z][A-Za-z0-9_.]*)\(([^`]*)\)`\s*\|/.exec(line);
    if (match) functions.push({ name: match[1], parameters: parseSignature(match[2]) });
  }
  return functions;
}

function readJson<T>(file: string): T {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: jest's globalSetup (tests/global-setup.js) generates it`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

const catalog = parseCatalog(fs.readFileSync(specPath, 'utf8'));
const byName = new Map(catalog.map((fn) => [fn.name, fn]));

describe('catalog parser', () => {
  test('reads names, order and optional brackets', () => {
    expect(parseCatalog('| `SIM(distribution, p1, [p2], [p3])` | trials×1 | rule |\n| function | result | rule |')).toEqual([
      {
        name: 'SIM',
        parameters: [
          { name: 'distribution', optional: false },
          { name: 'p1', optional: false },
          { name: 'p2', optional: true },
          { name: 'p3', optional: true },
        ],
      },
    ]);
    expect(parseSignature('a, [b, [c]]').map((p) => p.optional)).toEqual([false, true, true]);
    expect(parseSignature('')).toEqual([]);
  });

  test(`finds the catalog in ${path.relative(root, specPath)}`, () => {
    expect(catalog.length).toBeGreaterThan(0);
    expect(byName.size).toBe(catalog.length); // no function listed twice
  });
});

describe('dist/functions.json matches the catalog', () => {
  const metadata = readJson<JsonMetadata>(path.join(distDir, 'functions.json'));

  test('exactly the catalog functions, ids and names', () => {
    const sorted = (names: string[]) => [...names].sort();
    expect(sorted(metadata.functions.map((fn) => fn.id))).toEqual(sorted(catalog.map((fn) => fn.name)));
    expect(sorted(metadata.functions.map((fn) => fn.name))).toEqual(sorted(catalog.map((fn) => fn.name)));
    for (const fn of metadata.functions) expect(fn.name).toBe(fn.id);
  });

  test.each(catalog.map((fn) => [fn.name, fn] as const))('%s: parameters, order and optional flags', (name, spec) => {
    const fn = metadata.functions.find((candidate) => candidate.id === name);
    expect(fn).toBeDefined();
    const actual = fn!.parameters.map((p) => ({ name: p.name, optional: p.optional === true }));
    expect(actual).toEqual(spec.parameters);
  });
});

describe('dist/functions-zh-cn.json', () => {
  const metadata = readJson<JsonMetadata>(path.join(distDir, 'functions.json'));
  const localized = readJson<JsonMetadata>(path.join(distDir, 'functions-zh-cn.json'));

  test('has the same ids, names and parameter names as functions.json', () => {
    const shape = (m: JsonMetadata) => m.functions.map((fn) => ({ id: fn.id, name: fn.name, parameters: fn.parameters.map((p) => p.name) }));
    expect(shape(localized)).toEqual(shape(metadata));
  });

  test('differs from functions.json only in descriptions', () => {
    const strip = (m: JsonMetadata) =>
      m.functions.map(({ description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ description: _p, ...param }) => param),
      }));
    expect(strip(localized)).toEqual(strip(metadata));
  });

  test('every function and parameter description is non-empty Chinese', () => {
    const bad: string[] = [];
    for (const fn of localized.functions) {
      if (!fn.description?.trim() || !CJK.test(fn.description)) bad.push(`${fn.id}: ${JSON.stringify(fn.description)}`);
      for (const p of fn.parameters) {
        if (!p.description?.trim() || !CJK.test(p.description)) bad.push(`${fn.id}.${p.name}: ${JSON.stringify(p.description)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('docs/spec/functions.md', () => {
  const maybe = fs.existsSync(sharedSpec) ? test : test.skip;
  maybe('is a verbatim copy of ../shared/spec/functions.md', () => {
    expect(fs.readFileSync(localSpec, 'utf8')).toBe(fs.readFileSync(sharedSpec, 'utf8'));
  });

  test('exists in the repo (used where ../shared is absent)', () => {
    expect(fs.existsSync(localSpec)).toBe(true);
    expect(parseCatalog(fs.readFileSync(localSpec, 'utf8')).length).toBeGreaterThan(0);
  });
});
