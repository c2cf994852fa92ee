/**
 * The access token Office single sign-on gets for the add-in (OfficeRuntime.auth.getAccessToken
 * in the Runs view), verified by the API as the README's "Single sign-on" configures it: one
 * Entra app registration is both the add-in's <WebApplicationInfo> and the API
 * (PERFPLAN_AUTH_AUDIENCE = its client id), issuing v2 tokens (requestedAccessTokenVersion 2).
 *
 * Shape of the token (Microsoft identity platform access tokens, v2): `aud` the app's client
 * id, `iss` https://login.microsoftonline.com/{tid}/v2.0, `scp` access_as_user, `azp` the Office
 * client that asked, `roles` the app roles assigned to the user. A v1 token would carry
 * aud = api://<add-in host>/<client id> and iss = https://sts.windows.net/{tid}/: the v2
 * configuration refuses it, a v1 configuration accepts it. Keys are injected where the Entra
 * key set would be fetched; nothing here reaches Entra or Office.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWK, KeyLike } from 'jose';
import { authConfigFromEnv } from '../../../functions/src/auth/config';
import type { AuthConfig } from '../../../functions/src/auth/config';
import { createVerifier } from '../../../functions/src/auth/verify';
import { expect401, problemOf } from './helpers';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const CLIENT_ID = 'c6c1f32b-5e55-4997-881a-753cc1d563b7';
const ADDIN_HOST = 'perfplan.contoso.com';
const APP_ID_URI = `api://${ADDIN_HOST}/${CLIENT_ID}`;
/** "All Microsoft Office application endpoints", the client id pre-authorized for access_as_user. */
const OFFICE = 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e';
const GRAPH = '00000003-0000-0000-c000-000000000000';
const bearer = (token: string) => `Bearer ${token}`;

let signingKey: KeyLike;
let jwk: JWK;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  signingKey = privateKey as KeyLike;
  jwk = { ...(await exportJWK(publicKey)), kid: 'entra-kid', use: 'sig' };
});

/** The configuration from the app settings, with the Entra key set injected. */
const fromEnv = (env: NodeJS.ProcessEnv): AuthConfig => ({ ...authConfigFromEnv(env), jwks: { keys: [jwk] } });

const MULTI_TENANT = {
  PERFPLAN_AUTH_ISSUER: 'https://login.microsoftonline.com/organizations/v2.0',
  PERFPLAN_AUTH_TENANTS: CONTOSO,
  PERFPLAN_AUTH_AUDIENCE: CLIENT_ID,
};
const SINGLE_TENANT = { PERFPLAN_AUTH_ISSUER: `https://login.microsoftonline.com/${CONTOSO}/v2.0`, PERFPLAN_AUTH_AUDIENCE: CLIENT_ID };

interface TokenShape {
  aud?: string;
  iss?: string;
  ver?: '1.0' | '2.0';
  roles?: string[];
}

/** A token as Office's SSO gets it for the add-in's app on behalf of a Contoso user. */
const officeToken = ({ aud = CLIENT_ID, iss = `https://login.microsoftonline.com/${CONTOSO}/v2.0`, ver = '2.0', roles = ['Payouts.Approver', 'Payouts.Approver.Tier1'] }: TokenShape = {}) =>
  new SignJWT({ tid: CONTOSO, oid: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Wang Fang', scp: 'access_as_user', azp: OFFICE, ver, roles })
    .setProtectedHeader({ alg: 'RS256', kid: 'entra-kid', typ: 'JWT' })
    .setIssuer(iss)
    .setAudience(aud)
    .setSubject('office-sso-user')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);

const expected = {
  subject: 'office-sso-user',
  tenantId: CONTOSO,
  roles: ['Payouts.Approver', 'Payouts.Approver.Tier1'],
  objectId: 'aaaaaaaa-0000-4000-8000-000000000001',
  name: 'Wang Fang',
};

describe('Office SSO access tokens (v2: aud = the client id)', () => {
  test.each([
    ['multi-tenant', MULTI_TENANT],
    ['single-tenant', SINGLE_TENANT],
  ])('%s configuration with PERFPLAN_AUTH_AUDIENCE = the client id accepts them, app roles and all', async (_kind, env) => {
    await expect(createVerifier(fromEnv(env)).verify(bearer(await officeToken()))).resolves.toEqual(expected);
  });

  test('the client id is compared exactly as configured: another app\'s token is refused (a Microsoft Graph token, too)', async () => {
    const verifier = createVerifier(fromEnv(MULTI_TENANT));
    for (const aud of ['11111111-2222-4333-8444-555555555555', GRAPH]) {
      const token = await officeToken({ aud });
      await expect401(verifier.verify(bearer(token)), 'wrong audience', token);
    }
  });

  test('a v1 token (aud = the Application ID URI, sts.windows.net issuer) is refused by the v2 configuration', async () => {
    const token = await officeToken({ aud: APP_ID_URI, iss: `https://sts.windows.net/${CONTOSO}/`, ver: '1.0' });
    for (const env of [MULTI_TENANT, SINGLE_TENANT]) {
      const problem = await problemOf(createVerifier(fromEnv(env)).verify(bearer(token)));
      expect(problem.status).toBe(401);
      expect(['wrong issuer', 'wrong audience']).toContain(problem.detail);
    }
  });

  test('verification is not loosened: an expired token or one from a tenant not admitted is still refused', async () => {
    const verifier = createVerifier(fromEnv(MULTI_TENANT));
    const expired = await new SignJWT({ tid: CONTOSO, scp: 'access_as_user', ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-kid' })
      .setIssuer(`https://login.microsoftonline.com/${CONTOSO}/v2.0`)
      .setAudience(CLIENT_ID)
      .setSubject('office-sso-user')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(signingKey);
    await expect401(verifier.verify(bearer(expired)), 'token expired', expired);
    const other = createVerifier(fromEnv({ ...MULTI_TENANT, PERFPLAN_AUTH_TENANTS: '22222222-2222-4222-8222-222222222222' }));
    const token = await officeToken();
    await expect401(other.verify(bearer(token)), 'organization not admitted', token);
  });
});

describe('Office SSO access tokens (v1: aud = api://<add-in host>/<client id>)', () => {
  test('a single-tenant v1 configuration (sts.windows.net issuer, the Application ID URI as audience) accepts them', async () => {
    const env = { PERFPLAN_AUTH_ISSUER: `https://sts.windows.net/${CONTOSO}/`, PERFPLAN_AUTH_AUDIENCE: APP_ID_URI };
    expect(authConfigFromEnv(env).jwks).toEqual({ url: `https://login.microsoftonline.com/${CONTOSO}/discovery/keys` });
    const token = await officeToken({ aud: APP_ID_URI, iss: `https://sts.windows.net/${CONTOSO}/`, ver: '1.0' });
    await expect(createVerifier(fromEnv(env)).verify(bearer(token))).resolves.toEqual(expected);
    // ...and then a v2 token (aud = the bare client id) is the one refused.
    const v2 = await officeToken({ iss: `https://sts.windows.net/${CONTOSO}/` });
    await expect401(createVerifier(fromEnv(env)).verify(bearer(v2)), 'wrong audience', v2);
  });
});
