import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HttpProblem, problemBody } from '../../../functions/src/http/problem';
import { rejectionOf } from '../../support/shared-thrown';

export function tempDir(prefix = 'perfplan-auth-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A fresh temporary folder for each test of the enclosing block (`'each'`), or one for all of
 * them (`'all'`), removed afterwards. Returns the function that names the current folder.
 */
export function useTempDir(prefix?: string, lifetime: 'each' | 'all' = 'each'): () => string {
  let dir: string | undefined;
  const create = () => {
    dir = tempDir(prefix);
  };
  const remove = () => {
    if (dir !== undefined) removeDir(dir);
  };
  if (lifetime === 'each') {
    beforeEach(create);
    afterEach(remove);
  } else {
    beforeAll(create);
    afterAll(remove);
  }
  return () => {
    if (dir === undefined) throw new Error('the temporary folder exists only while the tests run');
    return dir;
  };
}

export const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Runs `promise`, expecting an HttpProblem; returns it. */
export const problemOf = (promise: Promise<unknown>): Promise<HttpProblem> => rejectionOf(HttpProblem, promise);

/** Asserts a 401 problem naming `reason` and not echoing `token`. */
export async function expect401(promise: Promise<unknown>, reason: string, token?: string): Promise<void> {
  const problem = await problemOf(promise);
  const body = problemBody(problem);
  expect(body).toEqual({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: reason });
  expect(problem.extra.headers?.['WWW-Authenticate']).toMatch(/^Bearer/);
  if (token) {
    const serialized = JSON.stringify({ body, headers: problem.extra.headers, message: problem.message });
    for (const part of token.split('.').filter((p) => p.length > 8)) expect(serialized).not.toContain(part);
  }
}
