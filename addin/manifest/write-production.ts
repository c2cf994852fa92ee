/**
 * Writes the production manifest:
 *
 *   PERFPLAN_ADDIN_URL=https://perfplan.example.com/addin/ \
 *   PERFPLAN_ADDIN_CLIENT_ID=<Entra application (client) id>   (optional: Office single sign-on) \
 *     node -r ts-node/register/transpile-only addin/manifest/write-production.ts [in] [out]
 *
 * Reads `in` (default manifest.xml), rewrites every dev URL with productionManifest() and
 * writes `out` (default build/manifest.prod.xml). Paths are relative to the current directory
 * (the repository root in npm scripts). With PERFPLAN_ADDIN_CLIENT_ID the manifest also gets
 * <WebApplicationInfo> (withWebApplicationInfo in production.ts), so the Runs view's "Sign in"
 * gets a token from Office; without it users paste a token. When PERFPLAN_AUTH_AUDIENCE is set
 * in the build's environment too, it must name the same app.
 * Exits 1 with a message when PERFPLAN_ADDIN_URL is missing or invalid, when the client id is
 * not a GUID, or when the result would still name localhost.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkApiAudience, officeSso, rewriteManifest, withWebApplicationInfo } from './production';
import type { OfficeSso } from './production';
import { messageOf } from '../../i18n/localized-error';

export interface ProductionManifestOptions {
  /** The Entra application (client) id for Office single sign-on (PERFPLAN_ADDIN_CLIENT_ID); none: no SSO. */
  clientId?: string;
  /** The API's PERFPLAN_AUTH_AUDIENCE, when known: checked against the client id. */
  apiAudience?: string;
}

export function writeProductionManifest(
  prodBaseUrl: string | undefined,
  input = 'manifest.xml',
  output = 'build/manifest.prod.xml',
  { clientId, apiAudience }: ProductionManifestOptions = {},
): { output: string; urls: number; origins: number; sso: OfficeSso | null } {
  if (!prodBaseUrl) {
    throw new Error(
      'PERFPLAN_ADDIN_URL is not set: give the https base URL the add-in is served from, ending with "/" ' +
        '(e.g. PERFPLAN_ADDIN_URL=https://perfplan.example.com/addin/).',
    );
  }
  const sso = clientId !== undefined && clientId.trim() !== '' ? officeSso(prodBaseUrl, clientId) : null;
  if (sso && apiAudience !== undefined && apiAudience.trim() !== '') checkApiAudience(apiAudience, sso);
  const source = readFileSync(resolve(input), 'utf8');
  const rewritten = rewriteManifest(source, prodBaseUrl);
  const xml = sso ? withWebApplicationInfo(rewritten.xml, sso) : rewritten.xml;
  const target = resolve(output);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, xml, 'utf8');
  return { output: target, urls: rewritten.urls, origins: rewritten.origins, sso };
}

if (require.main === module) {
  try {
    const args = process.argv.slice(2);
    const env = process.env;
    // `npm run build` passes --if-configured: without a production URL there is nothing to write.
    if (args[0] === '--if-configured') {
      args.shift();
      if (!env.PERFPLAN_ADDIN_URL) {
        if (env.PERFPLAN_ADDIN_CLIENT_ID?.trim()) {
          throw new Error('PERFPLAN_ADDIN_CLIENT_ID is set but PERFPLAN_ADDIN_URL is not: single sign-on needs the add-in\'s production URL');
        }
        console.log('manifest.prod.xml: skipped (set PERFPLAN_ADDIN_URL=https://your-host/ to generate it)');
        process.exit(0);
      }
    }
    const [input, output] = args;
    const result = writeProductionManifest(env.PERFPLAN_ADDIN_URL, input, output, {
      clientId: env.PERFPLAN_ADDIN_CLIENT_ID,
      apiAudience: env.PERFPLAN_AUTH_AUDIENCE,
    });
    console.log(`wrote ${result.output} (${result.urls} URLs and ${result.origins} origin(s) rewritten)`);
    if (result.sso) {
      console.log(`  Office single sign-on: app ${result.sso.id}, resource ${result.sso.resource} (scopes ${result.sso.scopes.join(', ')})`);
    } else {
      console.log(
        '  no Office single sign-on (PERFPLAN_ADDIN_CLIENT_ID not set): the Runs view will ask users to paste an access token. ' +
          'See "Single sign-on" in the README.',
      );
    }
  } catch (error) {
    console.error(`write-production: ${messageOf(error)}`);
    process.exit(1);
  }
}
