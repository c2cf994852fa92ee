/**
 * Editing a package part by part, for tests that start from a built workbook and change one
 * thing: every entry not named is copied as stored (compressed bytes, CRC and dates), named
 * entries get new text (or are removed with null), and names not in the package are added
 * at the end.
 */
import { nodeCodec } from '../../workbook/node-codec';
import { ZipArchive, ZipOutput, writeZip } from '../../workbook/zip';

export type PartEdit = string | Uint8Array | null | ((text: string) => string);

/** The package with `edits` applied (see the module comment). */
export function editPackage(bytes: Uint8Array, edits: Record<string, PartEdit>): Uint8Array {
  const zip = ZipArchive.read(bytes);
  const pending = new Map(Object.entries(edits));
  const items: ZipOutput[] = [];
  for (const entry of zip.entries) {
    if (!pending.has(entry.name)) {
      items.push({ name: entry.name, copy: entry });
      continue;
    }
    const edit = pending.get(entry.name)!;
    pending.delete(entry.name);
    if (edit === null) continue;
    const data = typeof edit === 'function' ? edit(zip.text(entry.name, nodeCodec)) : edit;
    items.push({ name: entry.name, data, time: entry.time, date: entry.date });
  }
  for (const [name, edit] of pending) {
    if (edit === null) continue;
    if (typeof edit === 'function') throw new Error(`editPackage: the package has no part ${name} to edit`);
    items.push({ name, data: edit });
  }
  return writeZip(items, nodeCodec);
}

/** One part's text. */
export function partText(bytes: Uint8Array, name: string): string {
  return ZipArchive.read(bytes).text(name, nodeCodec);
}

/** Replaces `search` in `text`, failing loudly when it is not there (an edit that silently does nothing hides a broken test). */
export function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const found = typeof search === 'string' ? text.includes(search) : search.test(text);
  if (!found) throw new Error(`replaceOnce: ${String(search)} not found in ${text.slice(0, 200)}…`);
  return text.replace(search, replacement);
}
