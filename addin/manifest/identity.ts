/**
 * The add-in's identity as a workbook binds to it (workbook/addin-binding.ts): the manifest's
 * <Id> and <Version>. manifest.xml is the one place they are written.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AddinIdentity } from '../../workbook/addin-binding';

export function addinIdentityOf(manifestXml: string): AddinIdentity {
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifestXml)?.[1];
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(manifestXml)?.[1];
  if (!id || !version) throw new Error('the manifest has no <Id> or <Version>');
  return { id, version };
}

/**
 * The identity in the repository's manifest.xml (templates and fixtures are built in the
 * repository): two folders up from addin/manifest/ (ts-node, jest), three from
 * dist/addin/manifest/ (the compiled `perfplan seed`).
 */
export function repositoryAddinIdentity(): AddinIdentity {
  const candidates = [path.resolve(__dirname, '..', '..', 'manifest.xml'), path.resolve(__dirname, '..', '..', '..', 'manifest.xml')];
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`manifest.xml not found (looked at ${candidates.join(', ')})`);
  return addinIdentityOf(fs.readFileSync(file, 'utf8'));
}
