/**
 * How fresh a build's inputs are: the newest modification time under a file or folder. `npm
 * start` (dev/start.ts) and the browser tests' build (tests/e2e/support/build.ts) both rebuild
 * only when an input is newer than what they built.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The newest mtime (ms) under `target`, 0 when it does not exist; names `skip` accepts are not entered. */
export function newestMtime(target: string, skip: (name: string) => boolean = () => false): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of fs.readdirSync(target)) {
    if (skip(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry), skip));
  }
  return newest;
}
