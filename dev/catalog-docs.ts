/**
 * Writes (or, with --check, verifies) what the documentation derives from the catalog: the
 * README's function table and the signature cells of docs/spec/functions.md.
 *   node -r ts-node/register/transpile-only dev/catalog-docs.ts [--check]
 */
import * as fs from 'fs';
import * as path from 'path';
import { specProblems, withReadmeTable, withSpecSignatures } from '../catalog/docs';

const ROOT = path.resolve(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const SPEC = path.join(ROOT, 'docs', 'spec', 'functions.md');

const check = process.argv.includes('--check');
const readme = fs.readFileSync(README, 'utf8');
const spec = fs.readFileSync(SPEC, 'utf8');
const nextReadme = withReadmeTable(readme);
const nextSpec = withSpecSignatures(spec);
const stale = [...(nextReadme !== readme ? ['README.md: the function table differs from the catalog'] : []), ...specProblems(nextSpec)];
if (nextSpec !== spec) stale.push('docs/spec/functions.md: signature cells differ from the catalog');

if (check) {
  if (stale.length > 0) {
    process.stderr.write(`The documentation is stale (run: npm run catalog):\n  ${stale.join('\n  ')}\n`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(README, nextReadme);
  fs.writeFileSync(SPEC, nextSpec);
  const left = specProblems(nextSpec);
  if (left.length > 0) {
    process.stderr.write(`Written, but the spec still needs a hand: ${left.join('; ')}\n`);
    process.exit(1);
  }
}
