/**
 * Open Packaging Conventions: relationships, part names and content types of an .xlsx.
 * Relationship types are matched by their last path segment so that both transitional
 * (schemas.openxmlformats.org) and strict (purl.oclc.org) packages are understood.
 */
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';
import { WorkbookFormatError, inPart } from './format-error';
import { attributes, elements, escapeAttribute } from './xml';
import type { ZipArchive, ZipCodec } from './zip';

export interface Relationship {
  id: string;
  type: string;
  /** Part name the target resolves to, without a leading "/" (external targets kept as written). */
  target: string;
  external: boolean;
}

export const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target relative to `source` → the part name it points to. */
export function resolvePartName(source: string, target: string): string {
  if (target.startsWith('/')) return normalizePath(target.slice(1));
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  return normalizePath(base + target);
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** The relationships of `part` ("" for the package), or [] when it has none. */
export function readRelationships(zip: ZipArchive, codec: ZipCodec, part: string): Relationship[] {
  const path = part === '' ? '_rels/.rels' : relsPathOf(part);
  if (!zip.has(path)) return [];
  const xml = zip.text(path, codec);
  const out: Relationship[] = [];
  for (const { tag } of inPart(path, () => [...elements(xml, 'Relationship')])) {
    const a = attributes(tag.attributesText);
    const external = a.TargetMode === 'External';
    out.push({ id: a.Id, type: a.Type ?? '', target: external ? a.Target ?? '' : resolvePartName(part, a.Target ?? ''), external });
  }
  return out;
}

/** Whether a relationship is of the kind whose type URI ends in `/kind` (e.g. "worksheet"). */
export function isRelationship(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

export function relationshipsXml(rels: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${escapeAttribute(r.id)}" Type="${escapeAttribute(r.type)}" Target="${escapeAttribute(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** The main workbook part ("xl/workbook.xml" in every file Excel writes). */
export function workbookPartName(zip: ZipArchive, codec: ZipCodec): string {
  const main = readRelationships(zip, codec, '').find((r) => isRelationship(r, 'officeDocument'));
  if (main && zip.has(main.target)) return main.target;
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new WorkbookFormatError(phrase(WORKBOOK.noWorkbookPart));
}

/** Content type overrides by part name (no leading "/"), and defaults by extension. */
export interface ContentTypes {
  overrides: Map<string, string>;
  defaults: Map<string, string>;
}

export function readContentTypes(zip: ZipArchive, codec: ZipCodec): ContentTypes {
  const part = '[Content_Types].xml';
  const xml = zip.text(part, codec);
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  // An entry without its part name or extension says nothing about any part: skipped.
  for (const { tag } of inPart(part, () => [...elements(xml, 'Override')])) {
    const a = attributes(tag.attributesText);
    if (a.PartName !== undefined && a.ContentType !== undefined) overrides.set(a.PartName.replace(/^\//, '').toLowerCase(), a.ContentType);
  }
  for (const { tag } of inPart(part, () => [...elements(xml, 'Default')])) {
    const a = attributes(tag.attributesText);
    if (a.Extension !== undefined && a.ContentType !== undefined) defaults.set(a.Extension.toLowerCase(), a.ContentType);
  }
  return { overrides, defaults };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(part.toLowerCase());
  if (override) return override;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return types.defaults.get(ext);
}
