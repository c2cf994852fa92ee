import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { authConfigFromEnv, AuthConfig, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../functions/src/auth/config';
import { LocalIssuer, loadOrCreateLocalIssuer } from '../../../dev/local-issuer';
import { ADMIN_ROLE, createVerifier, requireRole, Verifier } from '../../../functions/src/auth/verify';
import { problemBody } from '../../../functions/src/http/problem';
import { b64url, expect401, problemOf, removeDir, tempDir, useTempDir } from './helpers';

const bearer = (token: string) => `Bearer ${token}`;
const now = () => Math.floor(Date.now() / 1000);

describe('createVerifier with the local issuer', () => {
  let root: string;
  let config: AuthConfig;
  let issuer: LocalIssuer;
  let verifier: Verifier;

  beforeAll(async () => {
    root = tempDir();
    config = authConfigFromEnv({}, { cwd: root });
    issuer = await loadOrCreateLocalIssuer(config.local!.dir);
    verifier = createVerifier(config);
  });
  afterAll(() => removeDir(root));

  /** Signs arbitrary claims with the local issuer's real key. */
  const signWithIssuerKey = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: issuer.kid }).sign(issuer.privateKey);

  test('a valid token gives the principal', async () => {
    const token = await issuer.mintToken({ roles: [ADMIN_ROLE], tid: 'org-42', sub: 'alice' });
    await expect(verifier.verify(bearer(token))).resolves.toEqual({ subject: 'alice', tenantId: 'org-42', roles: [ADMIN_ROLE] });
    // callable directly, scheme is case-insensitive
    await expect(verifier(`bearer  ${token}`)).resolves.toMatchObject({ subject: 'alice' });
    const reader = await issuer.mintToken();
    await expect(verifier.verify(bearer(reader))).resolves.toEqual({ subject: 'perfplan-dev-user', tenantId: 'perfplan-dev-org', roles: [] });
  });

  test('no Authorization header → 401 no bearer token', async () => {
    await expect401(verifier.verify(null), 'no bearer token');
    await expect401(verifier.verify(undefined), 'no bearer token');
    await expect401(verifier.verify(''), 'no bearer token');
    await expect401(verifier.verify('Bearer'), 'no bearer token');
  });

  test('a scheme other than Bearer → 401', async () => {
    const token = await issuer.mintToken();
    await expect401(verifier.verify(`Basic ${Buffer.from('user:pass').toString('base64')}`), 'no bearer token');
    await expect401(verifier.verify(token), 'no bearer token', token); // bare token without scheme
  });

  test('garbage → 401 malformed token', async () => {
    await expect401(verifier.verify('Bearer not-a-jwt'), 'malformed token');
    await expect401(verifier.verify('Bearer abc.def.ghi'), 'malformed token');
    await expect401(verifier.verify('Bearer a b c'), 'no bearer token');
    await expect401(verifier.verify(`Bearer ${b64url('{"alg":"ES256"')}.${b64url({})}.sig`), 'malformed token');
    await expect401(verifier.verify(`Bearer ${'a'.repeat(20000)}.b.c`), 'malformed token');
  });

  test('signed by another key with the same kid → 401 bad signature', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ tid: 'org', roles: [ADMIN_ROLE] })
      .setProtectedHeader({ alg: 'ES256', kid: issuer.kid })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect401(verifier.verify(bearer(token)), 'bad signature', token);
  });

  test('tampered payload → 401 bad signature', async () => {
    const [h, , s] = (await issuer.mintToken({ tid: 'org-a' })).split('.');
    const forged = `${h}.${b64url({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'x', tid: 'org-a', roles: [ADMIN_ROLE], exp: now() + 600 })}.${s}`;
    await expect401(verifier.verify(bearer(forged)), 'bad signature', forged);
  });

  test('unknown kid → 401 unknown signing key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ tid: 'org' })
      .setProtectedHeader({ alg: 'ES256', kid: 'someone-else' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect401(verifier.verify(bearer(token)), 'unknown signing key', token);
  });

  test('expired beyond the 60 s skew → 401 token expired; 30 s ago still accepted', async () => {
    const expired = await issuer.mintToken({ expiresIn: '-2 minutes', notBefore: '-3 minutes' });
    await expect401(verifier.verify(bearer(expired)), 'token expired', expired);
    const justExpired = await issuer.mintToken({ expiresIn: -30, notBefore: -600 });
    await expect(verifier.verify(bearer(justExpired))).resolves.toMatchObject({ subject: 'perfplan-dev-user' });
  });

  test('not yet valid beyond the skew → 401 token not yet valid; 30 s early accepted', async () => {
    const future = await issuer.mintToken({ notBefore: '5m', expiresIn: '1h' });
    await expect401(verifier.verify(bearer(future)), 'token not yet valid', future);
    const slightlyEarly = await issuer.mintToken({ notBefore: 30 });
    await expect(verifier.verify(bearer(slightlyEarly))).resolves.toBeTruthy();
  });

  test('wrong audience / wrong issuer → 401', async () => {
    const aud = await issuer.mintToken({ audience: 'api://someone-else' });
    await expect401(verifier.verify(bearer(aud)), 'wrong audience', aud);
    const iss = await issuer.mintToken({ issuer: 'https://login.microsoftonline.com/evil/v2.0' });
    await expect401(verifier.verify(bearer(iss)), 'wrong issuer', iss);
  });

  test('alg none (unsigned) → 401', async () => {
    const payload = { iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'x', tid: 'org', roles: [ADMIN_ROLE], iat: now(), exp: now() + 600 };
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
    await expect401(verifier.verify(bearer(unsigned)), 'algorithm not allowed', unsigned);
    const withKid = `${b64url({ alg: 'none', kid: issuer.kid })}.${b64url(payload)}.`;
    await expect401(verifier.verify(bearer(withKid)), 'algorithm not allowed', withKid);
    const noneUpper = `${b64url({ alg: 'None' })}.${b64url(payload)}.`;
    await expect401(verifier.verify(bearer(noneUpper)), 'algorithm not allowed', noneUpper);
  });

  test('HS256 → 401, including a token keyed with the public key material (alg confusion)', async () => {
    const sign = (secret: Uint8Array) =>
      new SignJWT({ tid: 'org', roles: [ADMIN_ROLE] })
        .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject('mallory')
        .setExpirationTime('1h')
        .sign(secret);
    const secret = await sign(new TextEncoder().encode('some-shared-secret-some-shared-secret'));
    await expect401(verifier.verify(bearer(secret)), 'algorithm not allowed', secret);
    const confusion = await sign(new Uint8Array(fs.readFileSync(issuer.jwksFile)));
    await expect401(verifier.verify(bearer(confusion)), 'algorithm not allowed', confusion);
  });

  test('required claims: missing tid / sub / exp → 401', async () => {
    const base = { iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'alice', tid: 'org', exp: now() + 600 };
    const { tid: _tid, ...noTid } = base;
    await expect401(verifier.verify(bearer(await signWithIssuerKey(noTid))), 'missing tid claim');
    const { sub: _sub, ...noSub } = base;
    await expect401(verifier.verify(bearer(await signWithIssuerKey(noSub))), 'missing sub claim');
    const { exp: _exp, ...noExp } = base;
    await expect401(verifier.verify(bearer(await signWithIssuerKey(noExp))), 'missing exp claim');
    await expect401(verifier.verify(bearer(await signWithIssuerKey({ ...base, tid: '' }))), 'missing tid claim');
    await expect401(verifier.verify(bearer(await signWithIssuerKey({ ...base, tid: 42 }))), 'missing tid claim');
    await expect401(verifier.verify(bearer(await signWithIssuerKey({ ...base, roles: ADMIN_ROLE }))), 'malformed token');
    await expect401(verifier.verify(bearer(await signWithIssuerKey({ ...base, exp: 'soon' }))), 'malformed token');
  });

  test('requireRole: reader → 403, admin passes, anonymous → 401', async () => {
    const reader = await verifier.verify(bearer(await issuer.mintToken({ roles: [] })));
    const problem = await problemOf(Promise.resolve().then(() => requireRole(reader, ADMIN_ROLE)));
    expect(problemBody(problem)).toMatchObject({ status: 403, title: 'Forbidden' });
    expect(problem.detail).toContain(ADMIN_ROLE);
    const admin = await verifier.verify(bearer(await issuer.mintToken({ roles: ['Other', ADMIN_ROLE] })));
    expect(requireRole(admin, ADMIN_ROLE)).toBe(admin);
    await expect401(Promise.resolve().then(() => requireRole(null, ADMIN_ROLE)), 'no bearer token');
  });

  test('optionalPrincipal: publicRead true allows anonymous, but a presented token must be valid', async () => {
    await expect(verifier.optionalPrincipal(null, true)).resolves.toBeNull();
    await expect(verifier.optionalPrincipal(undefined, true)).resolves.toBeNull();
    await expect(verifier.optionalPrincipal('', true)).resolves.toBeNull();
    const token = await issuer.mintToken({ sub: 'reader-1' });
    await expect(verifier.optionalPrincipal(bearer(token), true)).resolves.toMatchObject({ subject: 'reader-1' });
    const expired = await issuer.mintToken({ expiresIn: '-1h', notBefore: '-2h' });
    await expect401(verifier.optionalPrincipal(bearer(expired), true), 'token expired', expired);
    await expect401(verifier.optionalPrincipal('Bearer junk', true), 'malformed token');
  });

  test('optionalPrincipal: publicRead false requires a valid token', async () => {
    await expect401(verifier.optionalPrincipal(null, false), 'no bearer token');
    const token = await issuer.mintToken({ sub: 'reader-2' });
    await expect(verifier.optionalPrincipal(bearer(token), false)).resolves.toMatchObject({ subject: 'reader-2' });
  });

  test('optionalPrincipal defaults to config.publicRead', async () => {
    expect(config.publicRead).toBe(true);
    await expect(verifier.optionalPrincipal(null)).resolves.toBeNull();
    const closed = createVerifier({ ...config, publicRead: false });
    await expect401(closed.optionalPrincipal(null), 'no bearer token');
  });
});

describe('key set sources', () => {
  const root = useTempDir();

  test('{file}: no key set yet → 401; keys regenerated later are picked up', async () => {
    const config = authConfigFromEnv({}, { cwd: root() });
    const verifier = createVerifier(config);
    const stranger = await loadOrCreateLocalIssuer(path.join(root(), 'elsewhere'));
    const strangerToken = await stranger.mintToken();
    await expect401(verifier.verify(bearer(strangerToken)), 'unknown signing key');

    const first = await loadOrCreateLocalIssuer(config.local!.dir);
    const firstToken = await first.mintToken();
    await expect(verifier.verify(bearer(firstToken))).resolves.toBeTruthy();

    removeDir(config.local!.dir);
    const second = await loadOrCreateLocalIssuer(config.local!.dir);
    expect(second.kid).not.toBe(first.kid);
    await expect(verifier.verify(bearer(await second.mintToken()))).resolves.toBeTruthy();
    await expect401(verifier.verify(bearer(firstToken)), 'unknown signing key');
  });

  test('{keys}: verifies against an injected key set; symmetric-only key sets are refused', async () => {
    const issuer = await loadOrCreateLocalIssuer(path.join(root(), 'k'));
    const verifier = createVerifier({
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwks: { keys: issuer.jwks.keys },
      clockToleranceSeconds: 60,
      publicRead: false,
    });
    await expect(verifier.verify(bearer(await issuer.mintToken({ tid: 't1' })))).resolves.toMatchObject({ tenantId: 't1' });
    expect(() =>
      createVerifier({ issuer: 'i', audience: 'a', jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, clockToleranceSeconds: 60, publicRead: false }),
    ).toThrow(/asymmetric/);
  });

  describe('{url}: RS256 keys from a JWKS endpoint, like Entra', () => {
    let server: http.Server;
    let url: string;
    let status = 200;
    let body = '';
    let signingKey: CryptoKey | import('jose').KeyLike;
    const ISSUER = 'https://login.microsoftonline.com/tenant-x/v2.0';
    const AUDIENCE = '11111111-2222-3333-4444-555555555555';

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      signingKey = privateKey;
      body = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'entra-kid', use: 'sig' }] });
      server = http.createServer((_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? body : '{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const entraToken = (kid = 'entra-kid') =>
      new SignJWT({ tid: 'tenant-x', roles: [ADMIN_ROLE], ver: '2.0' })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('entra-user')
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime('1h')
        .sign(signingKey);

    const config = (): AuthConfig => ({ issuer: ISSUER, audience: AUDIENCE, jwks: { url }, clockToleranceSeconds: 60, publicRead: false });

    test('valid token', async () => {
      status = 200;
      const verifier = createVerifier(config());
      await expect(verifier.verify(bearer(await entraToken()))).resolves.toEqual({
        subject: 'entra-user',
        tenantId: 'tenant-x',
        roles: [ADMIN_ROLE],
      });
      await expect401(verifier.verify(bearer(await entraToken('rotated-away'))), 'unknown signing key');
    });

    test('key endpoint failing → 503, not 401', async () => {
      status = 500;
      const verifier = createVerifier(config(), { remote: { timeoutDuration: 2000 } });
      const problem = await problemOf(verifier.verify(bearer(await entraToken())));
      expect(problem.status).toBe(503);
      expect(problem.extra.headers?.['Retry-After']).toBeDefined();
      status = 200;
    });
  });
});
