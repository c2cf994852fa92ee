/**
 * The cell metadata that makes `<f t="array">` a dynamic array rather than a legacy
 * Ctrl+Shift+Enter array: xl/metadata.xml with the XLDAPR metadata type and a future-metadata
 * block `xda:dynamicArrayProperties fDynamic="1"`, its content type and the workbook's
 * `sheetMetadata` relationship — written exactly as Excel 365 writes them
 * (reference: XlsxWriter's dynamic_array01.xlsx, saved by Excel).
 */
import { phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';
import { WorkbookFormatError } from './format-error';
import { REL_BASE, isRelationship, readRelationships, relationshipsXml, relsPathOf } from './package';
import { dynamicArrayCellMetadata } from './read';
import type { ZipArchive, ZipCodec } from './zip';

export const METADATA_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
export const METADATA_RELATIONSHIP = `${REL_BASE}/sheetMetadata`;

export const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  '</metadata>';

/**
 * The `cm` value that marks a dynamic array in this package, and the parts to add or
 * replace so that it does (none when the package already has such metadata).
 */
export function ensureDynamicArrayMetadata(zip: ZipArchive, codec: ZipCodec, workbookPart: string): { cm: number; parts: Map<string, string> } {
  const parts = new Map<string, string>();
  const rels = readRelationships(zip, codec, workbookPart);
  const existing = rels.find((r) => isRelationship(r, 'sheetMetadata'));
  if (existing && zip.has(existing.target)) {
    const dynamic = [...dynamicArrayCellMetadata(zip.text(existing.target, codec))];
    if (dynamic.length > 0) return { cm: Math.min(...dynamic), parts };
    // Metadata of another kind only (rich values): not ours to merge into; refuse clearly.
    throw new WorkbookFormatError(phrase(WORKBOOK.foreignCellMetadata, { part: existing.target }));
  }
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const metadataPart = `${folder}metadata.xml`;
  parts.set(metadataPart, METADATA_XML);
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const relsXml = relationshipsXml([
    ...rels.map((r) => ({ id: r.id, type: r.type, target: r.external ? r.target : relativeTarget(workbookPart, r.target), external: r.external })),
    { id: `rId${n}`, type: METADATA_RELATIONSHIP, target: 'metadata.xml' },
  ]);
  parts.set(relsPathOf(workbookPart), relsXml);
  parts.set('[Content_Types].xml', addOverride(zip.text('[Content_Types].xml', codec), `/${metadataPart}`, METADATA_CONTENT_TYPE));
  return { cm: 1, parts };
}

/** A part name as a target relative to the source part's folder (as Excel writes them). */
export function relativeTarget(source: string, partName: string): string {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return partName.startsWith(folder) ? partName.slice(folder.length) : `/${partName}`;
}

/** [Content_Types].xml with an Override for `partName` (replacing one that exists). */
export function addOverride(contentTypes: string, partName: string, contentType: string): string {
  const override = `<Override PartName="${partName}" ContentType="${contentType}"/>`;
  const existing = new RegExp(`<Override[^>]*PartName="${partName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`, 'i');
  if (existing.test(contentTypes)) return contentTypes.replace(existing, override);
  return contentTypes.replace(/<\/Types>\s*$/, `${override}</Types>`);
}
