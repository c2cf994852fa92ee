/**
 * functions.json as PerfPlan ships it: what custom-functions-metadata generates from the JSDoc
 * catalog, without `allowCustomDataForDataTypeAny`.
 *
 * The generator (custom-functions-metadata 2.x) always writes that flag as true. It is the
 * documented opt-in that hands data types (entities, linked data types such as Stocks,
 * formatted numbers) to custom functions as Excel.CellValue objects: Microsoft, "Use data types
 * with custom functions in Excel" — to integrate data types, the metadata must include
 * allowCustomDataForDataTypeAny set to true. PERF functions compute on numbers and text; an
 * object would reach the engine as neither (it would read as text "[object Object]", #VALUE!).
 * Without the opt-in, the functions receive plain cell values, as their JSDoc declares.
 *
 * Used by both producers of functions.json (webpack.config.js for build/, and
 * scripts/generate-metadata.js for dist/, which `perfplan calc` reads), so they stay equal.
 */
export const DATA_TYPE_FLAG = 'allowCustomDataForDataTypeAny';

export function shippedMetadata<T extends object>(generated: T): T {
  if (typeof generated !== 'object' || generated === null || !Array.isArray((generated as { functions?: unknown }).functions)) {
    throw new Error('functions.json: the generated metadata has no "functions" list');
  }
  const copy = { ...generated } as Record<string, unknown>;
  delete copy[DATA_TYPE_FLAG];
  return copy as T;
}
