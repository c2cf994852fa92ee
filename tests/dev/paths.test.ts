import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findRepoRoot } from '../../dev/paths';

describe('findRepoRoot (development tools only; the API never asks where the repository is)', () => {
  test('finds the PerfPlan package from any folder inside it', () => {
    const root = findRepoRoot(__dirname);
    expect(require(path.join(root, 'package.json')).name).toBe('perfplan');
    expect(findRepoRoot(path.join(root, 'dev'))).toBe(root);
    expect(findRepoRoot()).toBe(root);
  });

  test('outside any PerfPlan folder: the working directory', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'perfplan-paths-'));
    try {
      fs.writeFileSync(path.join(elsewhere, 'package.json'), JSON.stringify({ name: 'not-perfplan' }));
      expect(findRepoRoot(elsewhere)).toBe(process.cwd());
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
