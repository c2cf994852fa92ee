/**
 * Writes the production manifest:
 *
 *   PERFPLAN_ADDIN_URL=https://perfplan.example.com/addin/ \
 *     node -r ts-node/register/transpile-only addin/manifest/write-production.ts [in] [out]
 *
 * Reads `in` (default manifest.xml), rewrites every dev URL with productionManifest() and
 * writes `out` (default build/manifest.prod.xml). Paths are relative to the current directory
 * (the repository root in npm scripts). Exits 1 with a message when PERFPLAN_ADDIN_URL is
 * missing or invalid, or when the result would still name localhost.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { rewriteManifest } from './production';

export function writeProductionManifest(
  prodBaseUrl: string | undefined,
  input = 'manifest.xml',
  output = 'build/manifest.prod.xml',
): { output: string; urls: number; origins: number } {
  if (!prodBaseUrl) {
    throw new Error(
      'PERFPLAN_ADDIN_URL is not set: give the https base URL the add-in is served from, ending with "/" ' +
        '(e.g. PERFPLAN_ADDIN_URL=https://perfplan.example.com/addin/).',
    );
  }
  const source = readFileSync(resolve(input), 'utf8');
  const { xml, urls, origins } = rewriteManifest(source, prodBaseUrl);
  const target = resolve(output);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, xml, 'utf8');
  return { output: target, urls, origins };
}

if (require.main === module) {
  try {
    const args = process.argv.slice(2);
    // `npm run build` passes --if-configured: without a production URL there is nothing to write.
    if (args[0] === '--if-configured') {
      args.shift();
      if (!process.env.PERFPLAN_ADDIN_URL) {
        console.log('manifest.prod.xml: skipped (set PERFPLAN_ADDIN_URL=https://your-host/ to generate it)');
        process.exit(0);
      }
    }
    const [input, output] = args;
    const result = writeProductionManifest(process.env.PERFPLAN_ADDIN_URL, input, output);
    console.log(`wrote ${result.output} (${result.urls} URLs and ${result.origins} origin(s) rewritten)`);
  } catch (error) {
    console.error(`write-production: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
