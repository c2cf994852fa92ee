import * as path from 'path';
import { authConfigFromEnv, entraJwksUrl, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../functions/src/auth/config';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

describe('authConfigFromEnv', () => {
  test('no issuer configured: the local issuer with its key set file, anonymous reads on', () => {
    const root = path.join(path.sep, 'somewhere', 'repo');
    expect(authConfigFromEnv({}, { cwd: root })).toEqual({
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwks: { file: path.join(root, '.perfplan', 'issuer', 'jwks.json') },
      clockToleranceSeconds: 60,
      publicRead: true,
      local: { dir: path.join(root, '.perfplan', 'issuer') },
    });
    expect(LOCAL_ISSUER).toBe('perfplan-local');
    expect(LOCAL_AUDIENCE).toBe('api://perfplan-local');
  });

  test('local: the key folder defaults to .perfplan/issuer under the working directory (the repo root under npm start, jest and func start)', () => {
    expect(authConfigFromEnv({}).local).toEqual({ dir: path.join(process.cwd(), '.perfplan', 'issuer') });
    expect(authConfigFromEnv({ PERFPLAN_LOCAL_ISSUER_DIR: ' ' }).local).toEqual({ dir: path.join(process.cwd(), '.perfplan', 'issuer') });
  });

  test('local: PERFPLAN_PUBLIC_READ=false and a custom key folder', () => {
    const dir = path.join(path.sep, 'tmp', 'keys');
    const config = authConfigFromEnv({ PERFPLAN_PUBLIC_READ: 'false', PERFPLAN_LOCAL_ISSUER_DIR: dir }, { cwd: '/x' });
    expect(config.publicRead).toBe(false);
    expect(config.jwks).toEqual({ file: path.join(dir, 'jwks.json') });
  });

  test('local issuer is refused inside Azure', () => {
    expect(() => authConfigFromEnv({ WEBSITE_INSTANCE_ID: 'abc' })).toThrow(/PERFPLAN_AUTH_ISSUER/);
  });

  test('Entra: JWKS URL derived from the issuer, anonymous reads off by default', () => {
    const config = authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: ISSUER, PERFPLAN_AUTH_AUDIENCE: 'api://perfplan' });
    expect(config).toEqual({
      issuer: ISSUER,
      audience: 'api://perfplan',
      jwks: { url: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys` },
      clockToleranceSeconds: 60,
      publicRead: false,
    });
    expect(authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: ISSUER, PERFPLAN_AUTH_AUDIENCE: 'x', PERFPLAN_PUBLIC_READ: 'true' }).publicRead).toBe(true);
  });

  test('Entra: explicit JWKS URL wins', () => {
    const config = authConfigFromEnv({
      PERFPLAN_AUTH_ISSUER: ISSUER,
      PERFPLAN_AUTH_AUDIENCE: 'app-id',
      PERFPLAN_AUTH_JWKS_URL: 'https://keys.example.com/jwks',
    });
    expect(config.jwks).toEqual({ url: 'https://keys.example.com/jwks' });
  });

  test('misconfiguration fails fast', () => {
    expect(() => authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: ISSUER })).toThrow(/PERFPLAN_AUTH_AUDIENCE/);
    expect(() => authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: 'https://idp.example.com/', PERFPLAN_AUTH_AUDIENCE: 'a' })).toThrow(
      /PERFPLAN_AUTH_JWKS_URL/,
    );
    expect(() =>
      authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: ISSUER, PERFPLAN_AUTH_AUDIENCE: 'a', PERFPLAN_AUTH_JWKS_URL: 'http://keys.example.com' }),
    ).toThrow(/https/);
    expect(() => authConfigFromEnv({ PERFPLAN_PUBLIC_READ: 'maybe' }, { cwd: '/x' })).toThrow(/PERFPLAN_PUBLIC_READ/);
  });

  test('entraJwksUrl', () => {
    expect(entraJwksUrl(ISSUER)).toBe(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    expect(entraJwksUrl(`https://sts.windows.net/${TENANT}/`)).toBe(`https://login.microsoftonline.com/${TENANT}/discovery/keys`);
    expect(entraJwksUrl('https://example.com/t/v2.0')).toBeUndefined();
    expect(entraJwksUrl('not a url')).toBeUndefined();
  });
});
