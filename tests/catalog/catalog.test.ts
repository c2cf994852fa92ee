/**
 * The catalog is the one place a PERF function is declared. From it come Excel's metadata in
 * both languages (functions.json, functions-zh-cn.json), the README's function table and the
 * spec's signature lines; these tests fail while anything derived is stale or incomplete.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG, NAMESPACE, catalogFunction, signature } from '../../catalog';
import { readmeTable, specProblems, withReadmeTable, withSpecSignatures } from '../../catalog/docs';
import { functionsMetadata, metadataFiles } from '../../catalog/metadata';
import { LOCALES } from '../../i18n';

const ROOT = path.resolve(__dirname, '..', '..');
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

describe('entries', () => {
  test('ids are unique, upper-case Excel names; parameters are unique and optional ones come last', () => {
    expect(new Set(CATALOG.map((fn) => fn.id)).size).toBe(CATALOG.length);
    for (const fn of CATALOG) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      const names = fn.parameters.map((p) => p.name);
      expect({ id: fn.id, unique: new Set(names).size }).toEqual({ id: fn.id, unique: names.length });
      const firstOptional = fn.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect({ id: fn.id, requiredAfterOptional: fn.parameters.slice(firstOptional).some((p) => !p.optional) }).toEqual({ id: fn.id, requiredAfterOptional: false });
    }
  });

  test('every description is written in both languages (zh-CN in Chinese)', () => {
    const bad: string[] = [];
    for (const fn of CATALOG) {
      for (const [where, text] of [[fn.id, fn.description], ...fn.parameters.map((p) => [`${fn.id}.${p.name}`, p.description] as const)] as const) {
        for (const locale of LOCALES) if (!text[locale]?.trim()) bad.push(`${where}: no ${locale} text`);
        if (!CJK.test(text['zh-CN'])) bad.push(`${where}: zh-CN text is not Chinese: ${text['zh-CN']}`);
        if (CJK.test(text['en-US'])) bad.push(`${where}: en-US text carries Chinese: ${text['en-US']}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('lookup by id ignores case; the namespace is the manifest’s', () => {
    expect(catalogFunction('tiered')?.id).toBe('TIERED');
    expect(catalogFunction('NOPE')).toBeUndefined();
    expect(NAMESPACE).toBe('PERF');
    expect(signature(catalogFunction('SIM')!)).toBe('SIM(distribution, p1, [p2], [p3], [trials], [seed])');
  });
});

describe("Excel's metadata (functions.json as custom-functions-metadata writes it)", () => {
  const en = functionsMetadata('en-US');
  const zh = functionsMetadata('zh-CN');

  test('one entry per catalog function, id = name, ranges as matrix parameters, every parameter typed any', () => {
    expect(en.functions.map((f) => f.id)).toEqual(CATALOG.map((fn) => fn.id));
    const tiered = en.functions.find((f) => f.id === 'TIERED')!;
    expect(tiered).toEqual({
      description: 'Tiered commission on an amount.',
      id: 'TIERED',
      name: 'TIERED',
      parameters: [
        { description: 'Amounts (a cell or a range), not negative.', dimensionality: 'matrix', name: 'amount', type: 'any' },
        { description: 'Two columns: threshold (ascending, first 0) and rate.', dimensionality: 'matrix', name: 'tiers', type: 'any' },
        { description: '"marginal" (default, each slice at its rate) or "retro" (whole amount at the reached rate).', name: 'method', optional: true, type: 'any' },
      ],
      result: { dimensionality: 'matrix' },
    });
    expect(en.functions.find((f) => f.id === 'AHPCR')!.result).toEqual({ type: 'number' });
  });

  test('ships without allowCustomDataForDataTypeAny (data types reach PERF as their basic value)', () => {
    for (const text of Object.values(metadataFiles())) expect(text).not.toContain('allowCustomDataForDataTypeAny');
    expect(Object.keys(en)).toEqual(['functions']);
  });

  test('functions-zh-cn.json: the same ids, names and parameters, differing only in descriptions, all Chinese', () => {
    const strip = (m: typeof en) => m.functions.map(({ description: _d, parameters, ...rest }) => ({ ...rest, parameters: parameters.map(({ description: _p, ...p }) => p) }));
    expect(strip(zh)).toEqual(strip(en));
    const bad = zh.functions.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description)]).filter((text) => !CJK.test(text));
    expect(bad).toEqual([]);
  });

  test('the build writes the same metadata the catalog generates (dist/, jest’s global setup)', () => {
    for (const [name, text] of Object.entries(metadataFiles())) expect(fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8')).toBe(text);
  });
});

describe('documentation derived from the catalog (npm run catalog rewrites it)', () => {
  test('the README function table is the generated one', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(readmeTable());
    expect(withReadmeTable(readme)).toBe(readme);
  });

  test('docs/spec/functions.md names every catalog function with its exact signature, and nothing else', () => {
    const spec = fs.readFileSync(path.join(ROOT, 'docs', 'spec', 'functions.md'), 'utf8');
    expect(specProblems(spec)).toEqual([]);
    expect(withSpecSignatures(spec)).toBe(spec);
  });

  test('the spec check notices a stale signature, a missing row and an unknown function', () => {
    const spec = '| `TIERED(amount, tiers)` | x |\n| `NOPE(a)` | y |';
    const problems = specProblems(spec);
    expect(problems).toContain('docs/spec/functions.md writes TIERED(amount, tiers); the catalog declares TIERED(amount, tiers, [method])');
    expect(problems).toContain('docs/spec/functions.md lists NOPE, which the catalog does not declare');
    expect(problems).toContain('docs/spec/functions.md has no row for NORMALIZE(values)');
    expect(withSpecSignatures(spec)).toContain('| `TIERED(amount, tiers, [method])` | x |');
  });
});
