/**
 * A template's sheet names, read from the xlsx itself (Excel offers no API to list the
 * sheets of a file before inserting it). Reads only the package's workbook part, with the
 * workbook layer's zip reader and the browser codec (no JSZip in the pane's insert chunk).
 */
import { browserCodec } from '../../workbook/browser-codec';
import { workbookPartName } from '../../workbook/package';
import { ZipArchive } from '../../workbook/zip';
import { base64ToBytes } from './base64';

/** The base64 payload of `data`, which may be a data URL ("data:…;base64,AAAA"). */
export function stripDataUrl(data: string): string {
  const marker = data.indexOf('base64,');
  return data.startsWith('data:') && marker >= 0 ? data.slice(marker + 'base64,'.length) : data;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] as string;
  });
}

/** The value of `name` in a start tag's attribute text (either quote style). */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : undefined;
}

/** The sheet names listed in a workbook part (xl/workbook.xml), in tab order. */
export function sheetNamesFromWorkbookXml(xml: string): string[] {
  const sheets = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml);
  if (!sheets) return [];
  const names: string[] = [];
  for (const match of sheets[1].matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attribute(match[1], 'name');
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** The worksheet names of an xlsx given as base64 (or a base64 data URL), in tab order. */
export async function readTemplateSheetNames(base64: string): Promise<string[]> {
  const zip = ZipArchive.read(base64ToBytes(stripDataUrl(base64)));
  let workbookPath: string;
  try {
    workbookPath = workbookPartName(zip, browserCodec);
  } catch {
    throw new Error('The template is not an xlsx workbook (no workbook part)');
  }
  const names = sheetNamesFromWorkbookXml(zip.text(workbookPath, browserCodec));
  if (names.length === 0) throw new Error('The template workbook lists no sheets');
  return names;
}
