/**
 * The parts that tie a workbook to an Office add-in (MS-OWEXML): a web extension naming the
 * add-in by its manifest Id, listing the custom functions the workbook uses (so Excel knows
 * which add-in supplies `_xldudf_PERF_X`), with the property
 * Office.AutoShowTaskpaneWithDocument = true, and a task pane part that shows it — Microsoft's
 * "Automatically open a task pane with a document". The layout follows what Excel 365 saved
 * for an add-in's custom functions (shared/reference/excel-saved/README.md, reproduced in
 * tests/fixtures/excel-saved/README.md).
 */
import { escapeAttribute, escapeText } from './xml';

export interface AddinIdentity {
  /** The manifest's <Id> (a GUID). */
  id: string;
  /** The manifest's <Version>, e.g. "1.0.0.0". */
  version: string;
  /** Where Excel finds the manifest: "developer"/"Registry" for a sideloaded add-in. */
  store?: string;
  storeType?: string;
}

export const WEBEXTENSION_TASKPANES_RELATIONSHIP = 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';
export const WEBEXTENSION_RELATIONSHIP = 'http://schemas.microsoft.com/office/2011/relationships/webextension';
export const TASKPANES_CONTENT_TYPE = 'application/vnd.ms-office.webextensiontaskpanes+xml';
export const WEBEXTENSION_CONTENT_TYPE = 'application/vnd.ms-office.webextension+xml';
export const AUTO_SHOW_PROPERTY = 'Office.AutoShowTaskpaneWithDocument';
/** The extension that lists a workbook's custom functions (as Excel writes it). */
export const CUSTOM_FUNCTION_LIST_URI = '{7C84B067-C214-45C3-A712-C9D94CD141B2}';

export const TASKPANES_PART = 'xl/webextensions/taskpanes.xml';
export const WEBEXTENSION_PART = 'xl/webextensions/webextension1.xml';

/** Instance id of our web extension in a workbook: fixed, so template bytes stay stable. */
const INSTANCE_ID = '{5E3E7F2B-8C1A-4F6D-9B0E-2A7C4D1F6E93}';

export function webextensionXml(identity: AddinIdentity, customFunctionIds: readonly string[]): string {
  const ids = [...new Set(customFunctionIds)].sort();
  const list = ids.map((id) => `<we:customFunctionIds>${escapeText(id)}</we:customFunctionIds>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${INSTANCE_ID}">` +
    `<we:reference id="${escapeAttribute(identity.id)}" version="${escapeAttribute(identity.version)}" store="${escapeAttribute(identity.store ?? 'developer')}" storeType="${escapeAttribute(identity.storeType ?? 'Registry')}"/>` +
    '<we:alternateReferences/>' +
    `<we:properties><we:property name="${AUTO_SHOW_PROPERTY}" value="true"/></we:properties>` +
    '<we:bindings/>' +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    (ids.length > 0
      ? `<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="${CUSTOM_FUNCTION_LIST_URI}"><we:customFunctionIdList>${list}</we:customFunctionIdList></a:ext></we:extLst>`
      : '') +
    '</we:webextension>'
  );
}

export function taskpanesXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
    '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">' +
    '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
    '</wetp:taskpane></wetp:taskpanes>'
  );
}

/** `_xldudf_PERF_TIERED` for every add-in call in stored formula texts (string literals excluded). */
export function customFunctionIdsIn(formulas: Iterable<string>, namespaces: readonly string[]): string[] {
  const out = new Set<string>();
  const pattern = new RegExp(`"(?:[^"]|"")*"|\\b(_xldudf_(?:${namespaces.join('|')})_[A-Za-z0-9_.]+)\\s*\\(`, 'gi');
  for (const text of formulas) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (m[1]) out.add(m[1].toUpperCase().replace(/^_XLDUDF_/, '_xldudf_'));
  }
  return [...out].sort();
}
