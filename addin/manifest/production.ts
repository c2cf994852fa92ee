/**
 * Production manifest: the dev manifest with every dev URL pointing at the production host.
 *
 * The Office generator template rewrites with `xml.replace(urlDev, urlProd)`, which replaces
 * only the FIRST occurrence: the rest of the manifest keeps loading from localhost and the
 * add-in silently breaks for users. Here every occurrence is replaced, the bare dev origin
 * (`<AppDomain>https://localhost:3000</AppDomain>`) is mapped to the production origin, and
 * the result is refused if any local host name is left anywhere in it.
 */

/** The dev origin webpack serves build/ from. */
export const DEV_BASE_URL = 'https://localhost:3000/';

/** Host names that must never reach a production manifest. */
const LOCAL_HOST = /localhost|127\.0\.0\.1|\[::1\]/i;

export interface ManifestRewrite {
  xml: string;
  /** How many occurrences of the dev base URL were replaced. */
  urls: number;
  /** How many occurrences of the bare dev origin (e.g. in AppDomain) were replaced. */
  origins: number;
}

function countOf(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Parses and checks a base URL: absolute, https, ends with '/', no query or fragment. */
function checkBaseUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`${what} must use https (Office loads add-ins only over https), got ${JSON.stringify(value)}`);
  }
  if (!value.endsWith('/')) {
    throw new Error(`${what} must end with '/', got ${JSON.stringify(value)}`);
  }
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    throw new Error(`${what} must not contain a query or fragment, got ${JSON.stringify(value)}`);
  }
  return url;
}

/** Like {@link productionManifest}, also reporting how many URLs and origins were replaced. */
export function rewriteManifest(xml: string, prodBaseUrl: string, devBaseUrl = DEV_BASE_URL): ManifestRewrite {
  const prod = checkBaseUrl(prodBaseUrl, 'The production base URL');
  const dev = checkBaseUrl(devBaseUrl, 'The dev base URL');
  if (LOCAL_HOST.test(prod.hostname)) {
    throw new Error(`The production base URL must not be a local host, got ${JSON.stringify(prodBaseUrl)}`);
  }

  // Global replacement without a RegExp (the URL's dots and slashes need no escaping).
  const urls = countOf(xml, devBaseUrl);
  let out = xml.split(devBaseUrl).join(prodBaseUrl);

  // What is left of the dev origin is origin-only use (AppDomain) or a URL outside the
  // dev base path: both move to the production origin.
  const origins = countOf(out, dev.origin);
  out = out.split(dev.origin).join(prod.origin);

  const leftovers = out.split(/\r?\n/).filter((line) => LOCAL_HOST.test(line));
  if (leftovers.length > 0) {
    throw new Error(
      `The production manifest still names a local host on ${leftovers.length} line(s):\n` +
        leftovers.map((line) => `  ${line.trim()}`).join('\n'),
    );
  }
  return { xml: out, urls, origins };
}

/**
 * Returns `xml` with EVERY `devBaseUrl` replaced by `prodBaseUrl` (and the bare dev origin by
 * the production origin). Throws if `prodBaseUrl` is not https or does not end with '/', or
 * if any `localhost` (or 127.0.0.1 / [::1]) remains afterwards.
 */
export function productionManifest(xml: string, prodBaseUrl: string, devBaseUrl = DEV_BASE_URL): string {
  return rewriteManifest(xml, prodBaseUrl, devBaseUrl).xml;
}

// ---------------------------------------------------------------------------------------------
// Office single sign-on: <WebApplicationInfo>
//
// Microsoft Learn, "WebApplicationInfo element" (manifest reference):
//   https://learn.microsoft.com/en-us/javascript/api/manifest/webapplicationinfo
// It is a child of <VersionOverrides>, valid for task pane add-ins in the VersionOverrides 1.0
// schema (the task pane schema has no 1.1), and it must be the LAST child — after <Resources>
// (MS-OWEMXML 2.2.188 VersionOverridesV1_0: Description, Requirements, Hosts, Resources,
// WebApplicationInfo, EquivalentAddins; this manifest has no EquivalentAddins). Children, in
// order: <Id> the Entra application (client) id, <Resource> its Application ID URI
// api://<fully-qualified domain>/<client id>, <Scopes> with <Scope> children.
// Microsoft Learn, "Register an Office Add-in that uses single sign-on (SSO) with the Microsoft
// identity platform":
//   https://learn.microsoft.com/en-us/office/dev/add-ins/develop/register-sso-add-in-aad-v2
// The domain in the Application ID URI must be the add-in's own (the one its SourceLocation and
// <Resources> URLs use, with any subdomain and non-default port), a domain the organization owns —
// not a shared one such as azurewebsites.net or cloudapp.net; the registration must expose the
// scope `access_as_user` and pre-authorize the Office client application ids for it. PerfPlan
// asks Office for no Microsoft Graph permission, only openid and profile.

/** The scopes the add-in declares: the user's identity only (the pane calls no Graph API). */
export const OFFICE_SSO_SCOPES: readonly string[] = ['openid', 'profile'];

/** The scope Office asks the add-in's app registration for (expose it under "Expose an API"). */
export const OFFICE_SSO_SCOPE_NAME = 'access_as_user';

/**
 * Office client application ids to pre-authorize for `access_as_user` (the Microsoft Learn
 * registration page above). The first alone covers every Office endpoint; the others are the
 * individual platforms it includes, for an organization that wants to leave some out.
 */
export const OFFICE_CLIENT_IDS: ReadonlyArray<{ id: string; what: string }> = [
  { id: 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', what: 'all Microsoft Office application endpoints' },
  { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', what: 'Microsoft Office (desktop)' },
  { id: '93d53678-613d-4013-afc1-62e9e444a0a5', what: 'Office on the web' },
  { id: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3', what: 'Outlook on the web' },
];

const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Shared host domains nobody can verify in their Entra tenant, so no Application ID URI can
 * name them (Microsoft names azurewebsites.net and cloudapp.net; the other two are the default
 * hosts of the Static Web Apps and Storage static websites the README suggests for build/).
 */
const SHARED_DOMAINS = ['azurewebsites.net', 'cloudapp.net', 'azurestaticapps.net', 'web.core.windows.net'];

/** Checks and normalizes (lower case) an Entra application (client) id. */
export function checkClientId(value: string, what = 'PERFPLAN_ADDIN_CLIENT_ID'): string {
  const id = value.trim();
  if (!CLIENT_ID.test(id)) {
    throw new Error(
      `${what} must be the Entra application (client) id, a GUID such as 12345678-abcd-1234-efab-123456789abc; got ${JSON.stringify(value)}`,
    );
  }
  return id.toLowerCase();
}

export interface OfficeSso {
  /** The application (client) id: <Id>, and the `aud` of the v2 access tokens Office gets. */
  id: string;
  /** The Application ID URI: api://<add-in host>/<client id>. */
  resource: string;
  scopes: readonly string[];
}

/** The <WebApplicationInfo> values for an add-in served from `prodBaseUrl`. */
export function officeSso(prodBaseUrl: string, clientId: string): OfficeSso {
  const base = checkBaseUrl(prodBaseUrl, 'The production base URL');
  const id = checkClientId(clientId);
  const hostname = base.hostname.toLowerCase();
  const shared = SHARED_DOMAINS.find((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
  if (shared) {
    throw new Error(
      `Office single sign-on needs the add-in on a domain your organization owns: the Application ID URI ` +
        `api://${base.host}/${id} cannot be registered under ${shared}. Serve the add-in from a custom domain ` +
        `verified in Entra ID and set PERFPLAN_ADDIN_URL to it.`,
    );
  }
  // URL.host keeps a non-default port (api://localhost:3000/… in Microsoft's examples) and drops :443.
  return { id, resource: `api://${base.host}/${id}`, scopes: OFFICE_SSO_SCOPES };
}

/**
 * Returns the production manifest `xml` with <WebApplicationInfo> as the last child of its
 * <VersionOverrides>, right after <Resources>. Throws if the manifest is not shaped so (one
 * VersionOverrides 1.0 for task panes, one </Resources> directly before </VersionOverrides>),
 * already has a WebApplicationInfo, or if the Resource's host is not the SourceLocation's.
 */
export function withWebApplicationInfo(xml: string, sso: OfficeSso): string {
  // Element checks ignore comments (manifest.xml's header names these elements).
  const elements = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (/<WebApplicationInfo[\s>]/.test(elements)) throw new Error('The manifest already has a <WebApplicationInfo>');
  const overrides = elements.match(/<VersionOverrides\s[^>]*>/g) ?? [];
  if (overrides.length !== 1 || !/xsi:type="VersionOverridesV1_0"/.test(overrides[0]) || !/taskpaneappversionoverrides"/.test(overrides[0])) {
    throw new Error('The manifest must have exactly one task pane <VersionOverrides xsi:type="VersionOverridesV1_0">');
  }
  const tail = /([ \t]*)<\/Resources>(\s*)<\/VersionOverrides>/.exec(xml);
  if (!tail || xml.split('</Resources>').length !== 2 || elements.split('</Resources>').length !== 2) {
    throw new Error('The manifest\'s <VersionOverrides> must end with its one <Resources> element');
  }
  const source = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(elements)?.[1];
  const sourceHost = source ? new URL(source).host : undefined;
  const resourceHost = /^api:\/\/([^/]+)\//.exec(sso.resource)?.[1];
  if (!sourceHost || sourceHost !== resourceHost) {
    throw new Error(
      `The SSO Resource ${sso.resource} must name the add-in's own host (the manifest's SourceLocation is ${JSON.stringify(source)})`,
    );
  }
  const indent = tail[1];
  const step = '  ';
  const element = [
    `${indent}<!-- Office single sign-on (addin/manifest/production.ts; https://learn.microsoft.com/en-us/javascript/api/manifest/webapplicationinfo) -->`,
    `${indent}<WebApplicationInfo>`,
    `${indent}${step}<Id>${sso.id}</Id>`,
    `${indent}${step}<Resource>${sso.resource}</Resource>`,
    `${indent}${step}<Scopes>`,
    ...sso.scopes.map((scope) => `${indent}${step}${step}<Scope>${scope}</Scope>`),
    `${indent}${step}</Scopes>`,
    `${indent}</WebApplicationInfo>`,
  ].join('\n');
  const at = tail.index + tail[1].length + '</Resources>'.length;
  return `${xml.slice(0, at)}\n${element}${xml.slice(at)}`;
}

/**
 * Throws unless the API's audience (PERFPLAN_AUTH_AUDIENCE, when the build knows it) is the
 * add-in's app: the token Office gets for the add-in names that app in `aud` — the client id
 * in v2 tokens (requestedAccessTokenVersion 2, as the README's registration sets), the
 * Application ID URI in v1 tokens — and the API refuses any other audience.
 */
export function checkApiAudience(audience: string, sso: OfficeSso): void {
  const aud = audience.trim();
  if (aud.toLowerCase() === sso.id || aud === sso.resource) return;
  throw new Error(
    `PERFPLAN_AUTH_AUDIENCE is ${JSON.stringify(aud)}, but the add-in signs in with app ${sso.id}: the API would refuse ` +
      `the tokens Office gets for it. Use one app registration for both and set PERFPLAN_AUTH_AUDIENCE=${sso.id}.`,
  );
}
