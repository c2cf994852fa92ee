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

/**
 * The project's spec is ../shared/spec/functions.md with exactly these amendments, [shared text,
 * project text]: the Excel runtime contract of issue 8, item 5, which the shared v1 text predates.
 * Excel refuses Infinity and NaN as a custom-function result, and limits a result to about 5 MB,
 * so SIM/SIMCORR are capped at 200,000 cells (engine/simulation.ts, MAX_SAMPLE_CELLS).
 */
const AMENDMENTS: [string, string][] = [
  [
    'no rounding inside the engine.\n',
    'no rounding inside the engine. Excel refuses Infinity and NaN as a\n  custom-function result, so a result that is not a finite number (an overflow past ±1.8e308,\n  or NaN) is `#NUM!` with the message "result is not a finite number (overflow to Infinity)"\n  (or "result is not a number (NaN)…"): per cell in an array result, the other cells keeping\n  their values; for the whole call for a scalar. `perfplan calc` gives the same error and message.\n',
  ],
  [
    'Σ = 0 → `#DIV/0!`. |',
    'Σ = 0 → `#DIV/0!`; Σ overflows (past ±1.8e308, like Excel\'s own SUM) → `#NUM!` "values: the sum is not a finite number (overflow)". |',
  ],
  [
    'Shapes must match. |',
    'Shapes must match. A sum that overflows → `#NUM!` as in NORMALIZE. |',
  ],
  [
    'trials default 1,000, at most 1,000,000.',
    'trials default 1,000, at most 200,000: Excel limits a custom function\'s result to about 5 MB, and a sample is at most about 24 bytes as JSON (with its brackets), so 200,000 cells ≈ 4.8 MB. More (or not a whole number ≥ 1) → `#NUM!` naming the cap; `perfplan calc` applies the same cap.',
  ],
  [
    'within ±0.03 of target at 10,000 trials. |',
    'within ±0.03 of target at 10,000 trials. trials default 1,000; trials × k at most 200,000 cells (the 5 MB limit as in SIM: 100,000 trials for 2 variables, 66,666 for 3); more → `#NUM!` naming the cap. |',
  ],
];

describe('docs/spec/functions.md', () => {
  const maybe = fs.existsSync(sharedSpec) ? test : test.skip;
  maybe('is ../shared/spec/functions.md with the listed amendments and nothing else', () => {
    let amended = fs.readFileSync(sharedSpec, 'utf8');
    for (const [from, to] of AMENDMENTS) {
      expect({ from, occurrences: amended.split(from).length - 1 }).toEqual({ from, occurrences: 1 });
      amended = amended.replace(from, () => to);
    }
    expect(fs.readFileSync(localSpec, 'utf8')).toBe(amended);
  });

  test('exists in the repo (used where ../shared is absent)', () => {
    expect(fs.existsSync(localSpec)).toBe(true);
    expect(parseCatalog(fs.readFileSync(localSpec, 'utf8')).length).toBeGreaterThan(0);
  });
});
