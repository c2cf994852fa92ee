/**
 * Processes the end-to-end tests start or wait on: npm start's Azurite (tests/dev/start.test.ts)
 * and the holder of a build lock (tests/e2e/support/build.ts).
 */

/** Whether process `pid` is alive: signal 0 checks without sending; EPERM means alive but not ours. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
