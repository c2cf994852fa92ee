import * as fs from 'fs';
import * as path from 'path';
import { decodeJwt } from 'jose';
import { localPublisherToken, tokenCommand } from '../../dev/token';
import { authConfigFromEnv } from '../../functions/src/auth/config';
import { ADMIN_ROLE, createVerifier, PUBLISHER_ROLE } from '../../functions/src/auth/verify';
import { useTempDir } from '../functions/auth/helpers';
import { captured } from '../support/captured-io';

async function run(args: string[], env: NodeJS.ProcessEnv, root: string) {
  return captured((io) => tokenCommand(args, io, { env, root }));
}

describe('perfplan token', () => {
  const root = useTempDir();

  test('--role admin prints a token the local config verifies', async () => {
    const { code, out, err } = await run(['--role', 'admin'], {}, root());
    expect(code).toBe(0);
    const token = out.trim();
    expect(out).toBe(`${token}\n`);
    expect(err).toContain('roles=[Templates.Admin]');
    expect(fs.existsSync(path.join(root(), '.perfplan', 'issuer', 'private.jwk.json'))).toBe(true);
    const verifier = createVerifier(authConfigFromEnv({}, { cwd: root() }));
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'perfplan-dev-user',
      tenantId: 'perfplan-dev-org',
      roles: [ADMIN_ROLE],
    });
  });

  test('reader by default; --tid, --sub, --expires and custom roles', async () => {
    const verifier = createVerifier(authConfigFromEnv({}, { cwd: root() }));
    const reader = await run([], {}, root());
    expect(reader.code).toBe(0);
    await expect(verifier.verify(`Bearer ${reader.out.trim()}`)).resolves.toMatchObject({ roles: [] });
    expect((await run(['--role', 'reader'], {}, root())).code).toBe(0);

    const custom = await run(['--role=Benchmarks.Contribute', '--role', 'admin', '--tid', 'acme', '--sub=bob', '--expires', '5m'], {}, root());
    expect(custom.code).toBe(0);
    const token = custom.out.trim();
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'bob',
      tenantId: 'acme',
      roles: ['Benchmarks.Contribute', ADMIN_ROLE],
    });
    const claims = decodeJwt(token);
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
  });

  test('--role publisher: the seed\'s identity, the role named in functions/src/auth/verify.ts', async () => {
    const { code, out, err } = await run(['--role', 'publisher'], {}, root());
    expect(code).toBe(0);
    expect(err).toContain(`roles=[${PUBLISHER_ROLE}]`);
    await expect(createVerifier(authConfigFromEnv({}, { cwd: root() })).verify(`Bearer ${out.trim()}`)).resolves.toMatchObject({ roles: [PUBLISHER_ROLE] });
  });

  test('localPublisherToken: what perfplan seed and npm start publish with when PERFPLAN_TOKEN is not set', async () => {
    const token = await localPublisherToken({ env: {}, root: root() });
    await expect(createVerifier(authConfigFromEnv({}, { cwd: root() })).verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'perfplan-seed',
      tenantId: 'perfplan-dev-org',
      roles: [PUBLISHER_ROLE],
    });
    // An API admitting a list of dev tenants admits the publisher's.
    const env = { PERFPLAN_AUTH_TENANTS: 'org-a,org-b' };
    const listed = await localPublisherToken({ env, root: root() });
    await expect(createVerifier(authConfigFromEnv(env, { cwd: root() })).verify(`Bearer ${listed}`)).resolves.toMatchObject({ tenantId: 'org-a' });
    await expect(localPublisherToken({ env: { PERFPLAN_AUTH_ISSUER: 'https://login.microsoftonline.com/t/v2.0', PERFPLAN_AUTH_AUDIENCE: 'a' }, root: root() })).rejects.toThrow(
      /only from the local issuer/,
    );
  });

  test('PERFPLAN_LOCAL_ISSUER_DIR moves the key folder for minting and verifying alike', async () => {
    const env = { PERFPLAN_LOCAL_ISSUER_DIR: path.join(root(), 'keys') };
    const { code, out } = await run(['--role', 'admin'], env, root());
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(root(), 'keys', 'jwks.json'))).toBe(true);
    await expect(createVerifier(authConfigFromEnv(env, { cwd: root() })).verify(`Bearer ${out.trim()}`)).resolves.toBeTruthy();
  });

  test('usage errors exit 1 without a token', async () => {
    for (const args of [['--bogus'], ['extra'], ['--role'], ['--expires', 'soon'], ['--expires', '0m'], ['--expires', '2d'], ['--role', 'bad role']]) {
      const { code, out, err } = await run(args, {}, root());
      expect({ args, code, out }).toEqual({ args, code: 1, out: '' });
      expect(err).toContain('Usage:');
    }
    const help = await run(['--help'], {}, root());
    expect(help.code).toBe(0);
    expect(help.out).toContain('perfplan token');
  });

  test('refuses to mint when a production issuer is configured', async () => {
    const env = { PERFPLAN_AUTH_ISSUER: 'https://login.microsoftonline.com/t/v2.0', PERFPLAN_AUTH_AUDIENCE: 'api://perfplan' };
    const { code, out, err } = await run(['--role', 'admin'], env, root());
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/local issuer/);
    expect(fs.existsSync(path.join(root(), '.perfplan'))).toBe(false);
  });
});
