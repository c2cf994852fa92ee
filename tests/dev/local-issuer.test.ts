import * as fs from 'fs';
import * as path from 'path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../functions/src/auth/config';
import { loadOrCreateLocalIssuer, mintToken } from '../../dev/local-issuer';
import { removeDir, tempDir } from '../functions/auth/helpers';

describe('local issuer', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(tempDir(), 'issuer');
  });
  afterEach(() => removeDir(path.dirname(dir)));

  test('generates a key pair once and persists it', async () => {
    const first = await loadOrCreateLocalIssuer(dir);
    const privateFile = path.join(dir, 'private.jwk.json');
    const jwksFile = path.join(dir, 'jwks.json');
    expect(first.jwksFile).toBe(jwksFile);
    const priv = JSON.parse(fs.readFileSync(privateFile, 'utf8'));
    expect(priv).toMatchObject({ kty: 'EC', crv: 'P-256', kid: first.kid, alg: 'ES256' });
    expect(typeof priv.d).toBe('string');
    if (process.platform !== 'win32') expect(fs.statSync(privateFile).mode & 0o777).toBe(0o600);

    const jwks = JSON.parse(fs.readFileSync(jwksFile, 'utf8'));
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: first.kid, alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();

    const second = await loadOrCreateLocalIssuer(dir);
    expect(second.kid).toBe(first.kid);
  });

  test('concurrent first use ends with one key pair', async () => {
    const issuers = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateLocalIssuer(dir)));
    expect(new Set(issuers.map((i) => i.kid)).size).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'jwks.json'), 'utf8')).keys[0].kid).toBe(issuers[0].kid);
    expect(fs.readdirSync(dir).sort()).toEqual(['jwks.json', 'private.jwk.json']);
  });

  test('a lost or stale jwks.json is rewritten from the private key; a broken private key is an error', async () => {
    const issuer = await loadOrCreateLocalIssuer(dir);
    fs.rmSync(path.join(dir, 'jwks.json'));
    await loadOrCreateLocalIssuer(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'jwks.json'), 'utf8')).keys[0].kid).toBe(issuer.kid);
    if (process.platform !== 'win32') {
      fs.chmodSync(path.join(dir, 'private.jwk.json'), 0o644);
      await loadOrCreateLocalIssuer(dir);
      expect(fs.statSync(path.join(dir, 'private.jwk.json')).mode & 0o777).toBe(0o600);
    }
    fs.writeFileSync(path.join(dir, 'private.jwk.json'), JSON.stringify({ kty: 'oct', k: 'abc' }));
    await expect(loadOrCreateLocalIssuer(dir)).rejects.toThrow(/not a PerfPlan local issuer key/);
  });

  test('mints Entra-shaped tokens', async () => {
    const issuer = await loadOrCreateLocalIssuer(dir);
    const before = Math.floor(Date.now() / 1000);
    const token = await issuer.mintToken({ roles: ['Templates.Admin'], tid: 'org-1', sub: 'alice', expiresIn: '10m' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: issuer.kid, typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'alice', tid: 'org-1', roles: ['Templates.Admin'] });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.nbf).toBe(claims.iat);
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);

    const plain = decodeJwt(await issuer.mintToken());
    expect(plain).toMatchObject({ tid: 'perfplan-dev-org', sub: 'perfplan-dev-user' });
    expect(plain.roles).toBeUndefined();
    expect((plain.exp as number) - (plain.iat as number)).toBe(3600);

    const custom = decodeJwt(await issuer.mintToken({ expiresIn: -30, notBefore: 120, audience: 'other', issuer: 'someone' }));
    expect(custom).toMatchObject({ aud: 'other', iss: 'someone' });
    expect((custom.exp as number) - (custom.iat as number)).toBe(-30);
    expect((custom.nbf as number) - (custom.iat as number)).toBe(120);

    expect(decodeJwt(await mintToken({ dir, sub: 'bob' })).sub).toBe('bob');
    await expect(issuer.mintToken({ tid: '' })).rejects.toThrow(/tid/);
  });
});
