/**
 * Multi-tenant Entra sign-in (issue 15): tokens from any admitted tenant, the issuer checked
 * per token against its own `tid` (https://login.microsoftonline.com/{tid}/v2.0), and the
 * tenant policy (allow-list or any work-or-school tenant). Keys are injected as Entra's common
 * key set would be: one key signs every tenant's tokens, which is why the issuer/tid binding
 * and the allow-list are what keep a stranger out.
 */
import * as path from 'path';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import type { KeyLike } from 'jose';
import {
  authConfigFromEnv,
  AuthConfig,
  ENTRA_TENANT_ISSUER,
  LOCAL_ISSUER,
  MSA_CONSUMER_TENANT,
  TenantPolicy,
} from '../../../functions/src/auth/config';
import { loadOrCreateLocalIssuer } from '../../../dev/local-issuer';
import { createVerifier } from '../../../functions/src/auth/verify';
import { expect401, useTempDir } from './helpers';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FABRIKAM = '22222222-2222-4222-8222-222222222222';
const STRANGER = '33333333-3333-4333-8333-333333333333';
const AUDIENCE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const issuerOf = (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`;
const bearer = (token: string) => `Bearer ${token}`;

let signingKey: KeyLike;
let config: (tenants: TenantPolicy) => AuthConfig;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  signingKey = privateKey as KeyLike;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'common-kid', use: 'sig' };
  config = (tenants) => ({ issuer: ENTRA_TENANT_ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] }, clockToleranceSeconds: 60, publicRead: false, tenants });
});

/** An Entra v2 access token as the common endpoint issues it: `iss` names the user's tenant. */
const entraToken = (tid: string, overrides: { iss?: string; tidClaim?: unknown } = {}) =>
  new SignJWT({ tid: overrides.tidClaim ?? tid, ver: '2.0' })
    .setProtectedHeader({ alg: 'RS256', kid: 'common-kid', typ: 'JWT' })
    .setIssuer(overrides.iss ?? issuerOf(tid))
    .setAudience(AUDIENCE)
    .setSubject(`user-of-${tid}`)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);

describe('multi-tenant Entra tokens with an allow-list', () => {
  const allowList: TenantPolicy = { kind: 'allow-list', tenants: [CONTOSO, FABRIKAM] };

  test('a token from each admitted tenant is accepted and attributed to its tenant', async () => {
    const verifier = createVerifier(config(allowList));
    await expect(verifier.verify(bearer(await entraToken(CONTOSO)))).resolves.toEqual({ subject: `user-of-${CONTOSO}`, tenantId: CONTOSO, roles: [] });
    await expect(verifier.verify(bearer(await entraToken(FABRIKAM)))).resolves.toMatchObject({ tenantId: FABRIKAM });
  });

  test('a valid token from a tenant not on the list → 401 organization not admitted', async () => {
    const token = await entraToken(STRANGER);
    await expect401(createVerifier(config(allowList)).verify(bearer(token)), 'organization not admitted', token);
  });

  test('an issuer that does not match the token\'s own tid → 401 wrong issuer (a stranger cannot borrow an admitted tid)', async () => {
    const verifier = createVerifier(config(allowList));
    // Signed by the common key, tid claims Contoso, but the issuer says the stranger's tenant signed the user in.
    const borrowed = await entraToken(CONTOSO, { iss: issuerOf(STRANGER) });
    await expect401(verifier.verify(bearer(borrowed)), 'wrong issuer', borrowed);
    const generic = await entraToken(CONTOSO, { iss: 'https://login.microsoftonline.com/organizations/v2.0' });
    await expect401(verifier.verify(bearer(generic)), 'wrong issuer', generic);
    const v1 = await entraToken(CONTOSO, { iss: `https://sts.windows.net/${CONTOSO}/` });
    await expect401(verifier.verify(bearer(v1)), 'wrong issuer', v1);
  });

  test('a tid that is not a tenant GUID → 401, even when the issuer is built from it', async () => {
    const odd = 'contoso/v2.0#';
    const token = await entraToken(odd);
    await expect401(createVerifier(config(allowList)).verify(bearer(token)), 'malformed token', token);
  });

  test('tenant ids compare case-insensitively', async () => {
    const upper = CONTOSO.toUpperCase();
    await expect(createVerifier(config(allowList)).verify(bearer(await entraToken(upper)))).resolves.toMatchObject({ tenantId: upper });
  });

  test('a per-tenant issuer without a tenant policy is a configuration error', () => {
    const { tenants: _t, ...open } = config(allowList);
    expect(() => createVerifier(open)).toThrow(/tenant policy/);
  });
});

describe('multi-tenant Entra tokens with "organizations"', () => {
  test('any work-or-school tenant is accepted; the personal-accounts tenant is not', async () => {
    const verifier = createVerifier(config({ kind: 'any-organization' }));
    await expect(verifier.verify(bearer(await entraToken(STRANGER)))).resolves.toMatchObject({ tenantId: STRANGER });
    const personal = await entraToken(MSA_CONSUMER_TENANT);
    await expect401(verifier.verify(bearer(personal)), 'personal Microsoft accounts are not admitted; sign in with a work or school account', personal);
    // the issuer/tid binding still holds
    await expect401(verifier.verify(bearer(await entraToken(STRANGER, { iss: issuerOf(CONTOSO) }))), 'wrong issuer');
  });
});

describe('configuration from the environment', () => {
  test('organizations issuer + allow-list → per-tenant issuer, the common key set, the listed tenants', () => {
    const config = authConfigFromEnv({
      PERFPLAN_AUTH_ISSUER: 'https://login.microsoftonline.com/organizations/v2.0',
      PERFPLAN_AUTH_AUDIENCE: AUDIENCE,
      PERFPLAN_AUTH_TENANTS: ` ${CONTOSO.toUpperCase()}, ${FABRIKAM};${CONTOSO} `,
    });
    expect(config).toEqual({
      issuer: ENTRA_TENANT_ISSUER,
      audience: AUDIENCE,
      jwks: { url: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' },
      clockToleranceSeconds: 60,
      publicRead: false,
      tenants: { kind: 'allow-list', tenants: [CONTOSO, FABRIKAM] },
    });
    for (const form of ['https://login.microsoftonline.com/common/v2.0', 'https://login.microsoftonline.com/{tid}/v2.0', 'https://login.microsoftonline.com/{tenantid}/v2.0']) {
      expect(authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: form, PERFPLAN_AUTH_AUDIENCE: 'a', PERFPLAN_AUTH_TENANTS: 'organizations' })).toMatchObject({
        issuer: ENTRA_TENANT_ISSUER,
        tenants: { kind: 'any-organization' },
      });
    }
  });

  test('the multi-tenant issuer refuses to start without PERFPLAN_AUTH_TENANTS; bad tenant ids fail fast', () => {
    const base = { PERFPLAN_AUTH_ISSUER: 'https://login.microsoftonline.com/organizations/v2.0', PERFPLAN_AUTH_AUDIENCE: 'a' };
    expect(() => authConfigFromEnv(base)).toThrow(/PERFPLAN_AUTH_TENANTS/);
    expect(() => authConfigFromEnv({ ...base, PERFPLAN_AUTH_TENANTS: 'contoso.com' })).toThrow(/not a tenant id/);
    expect(() => authConfigFromEnv({ ...base, PERFPLAN_AUTH_TENANTS: MSA_CONSUMER_TENANT })).toThrow(/personal-accounts/);
  });

  test('a single-tenant issuer keeps its fixed issuer; PERFPLAN_AUTH_TENANTS narrows it', () => {
    const config = authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: issuerOf(CONTOSO), PERFPLAN_AUTH_AUDIENCE: 'a', PERFPLAN_AUTH_TENANTS: CONTOSO });
    expect(config).toMatchObject({ issuer: issuerOf(CONTOSO), tenants: { kind: 'allow-list', tenants: [CONTOSO] } });
    expect(authConfigFromEnv({ PERFPLAN_AUTH_ISSUER: issuerOf(CONTOSO), PERFPLAN_AUTH_AUDIENCE: 'a' })).not.toHaveProperty('tenants');
  });
});

describe('the local development issuer still works, with an optional allow-list', () => {
  const root = useTempDir(undefined, 'all');

  test('dev tokens verify as before; with PERFPLAN_AUTH_TENANTS only the listed dev tenants are admitted', async () => {
    const open = authConfigFromEnv({}, { cwd: root() });
    expect(open.issuer).toBe(LOCAL_ISSUER);
    const issuer = await loadOrCreateLocalIssuer(open.local!.dir);
    await expect(createVerifier(open).verify(bearer(await issuer.mintToken({ tid: 'org-z' })))).resolves.toMatchObject({ tenantId: 'org-z' });

    const listed = authConfigFromEnv({ PERFPLAN_AUTH_TENANTS: 'org-a, Org-B' }, { cwd: root() });
    expect(listed.tenants).toEqual({ kind: 'allow-list', tenants: ['org-a', 'org-b'] });
    expect(listed.jwks).toEqual({ file: path.join(open.local!.dir, 'jwks.json') });
    const verifier = createVerifier(listed);
    await expect(verifier.verify(bearer(await issuer.mintToken({ tid: 'org-b' })))).resolves.toMatchObject({ tenantId: 'org-b' });
    await expect401(verifier.verify(bearer(await issuer.mintToken({ tid: 'org-z' }))), 'organization not admitted');
    // A dev token claiming the Entra form of issuer is still a wrong issuer for the local verifier.
    await expect401(verifier.verify(bearer(await issuer.mintToken({ tid: 'org-a', issuer: issuerOf(CONTOSO) }))), 'wrong issuer');
  });
});
