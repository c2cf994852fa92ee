/**
 * The message files themselves (i18n/messages/*.json), read as translators and tools read them:
 * every text in them has en-US and zh-CN, both non-empty, with the same placeholder names, and every
 * file is a module's (imported by one of i18n/*.ts), so none is left behind unused.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Text } from '../../i18n/text';
import { TextCase, itHasBothLanguages } from './text-checks';

const I18N = path.resolve(__dirname, '../../i18n');
const FILES = fs.readdirSync(path.join(I18N, 'messages')).filter((file) => file.endsWith('.json')).sort();

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'en-US' in value;
}

/** Every text in a JSON value, named by its path ("pane-plan.json title", "functions.json TIERED.description"). */
function textsIn(value: unknown, name: string): TextCase[] {
  if (isText(value)) return [[name, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => textsIn(inner, name.endsWith('.json') ? `${name} ${key}` : `${name}.${key}`));
}

const CASES = FILES.flatMap((file) => textsIn(JSON.parse(fs.readFileSync(path.join(I18N, 'messages', file), 'utf8')), file));

describe('i18n/messages/*.json', () => {
  it('holds the language layer\'s tables: many files, well over a thousand texts', () => {
    expect(FILES.length).toBeGreaterThan(20);
    expect(CASES.length).toBeGreaterThan(1000);
  });

  // The pane's sentences may name a value twice in Chinese ("{x}从 0 到 {xMax}：{x}为 0 时…"); the tables' own tests count each use.
  itHasBothLanguages(CASES, { namesOnly: true });

  // The modules' sources, read once for every file's test.
  const MODULES = fs.readdirSync(I18N).filter((f) => f.endsWith('.ts')).map((module) => fs.readFileSync(path.join(I18N, module), 'utf8'));

  it.each(FILES)('%s is imported by a module of i18n/', (file) => {
    const importers = MODULES.filter((source) => source.includes(`from './messages/${file}'`));
    expect(importers.length).toBeGreaterThan(0);
  });
});
