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
