/**
 * Where the repository is, for the development tools (npm start, the token command, the seed's
 * local fallback, sideloading). The deployed API never asks: it is told (app settings) or uses
 * its working directory.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root: the nearest folder at or above `start` whose package.json is PerfPlan's
 * (so it works from dev/*.ts under ts-node and from dist/dev/*.js alike); the working directory
 * when there is none.
 */
export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'perfplan') return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
