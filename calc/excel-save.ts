/**
 * What Excel does when a user types formulas and saves: the file gets Excel's storage form
 * (workbook/excel-form.ts), every formula is calculated, and what spills or calls the add-in
 * is saved as a dynamic array sized by its result, with its value cached. Our templates and
 * test fixtures are authored with exceljs and saved through here.
 */
import type { AddinIdentity } from '../workbook/addin-binding';
import { toExcelForm } from '../workbook/excel-form';
import { nodeCodec } from '../workbook/node-codec';
import { calcBytes, calculatedBytes } from './book';
import { ADDIN_NAMESPACES } from './calculate';

export interface SaveOptions {
  /** The add-in the workbook binds to (its PERF calls); none: no binding parts. */
  addin?: AddinIdentity;
  /** The PerfPlan API for PERF.BENCHMARK. */
  apiUrl?: string;
}

export async function saveLikeExcel(authored: Uint8Array, options: SaveOptions = {}): Promise<Uint8Array> {
  const stored = toExcelForm(authored, nodeCodec, { addin: options.addin, addinNamespaces: ADDIN_NAMESPACES });
  const book = await calcBytes(stored, { typedFormulas: true, apiUrl: options.apiUrl });
  return calculatedBytes(book, { markDynamicArrays: true, addinCallPattern: new RegExp(`_xldudf_(?:${ADDIN_NAMESPACES.join('|')})_`, 'i') });
}
