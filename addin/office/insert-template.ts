/**
 * Templates → "Insert into workbook": copies a template's worksheets into the open workbook
 * with `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13) and gives them names that clash
 * with no existing sheet ("Plan" → "Plan (2)").
 *
 * Excel cannot tell us a file's sheet names before inserting it, so the caller passes them
 * (the pane reads them from the xlsx it already has). The inserted sheets are renamed by the
 * ids the API returns, so the result does not depend on how Excel itself resolves a clash.
 *
 * Excel on the web refuses sheets with charts (UnsupportedFeature): the sheets are then
 * inserted without their drawings and the charts drawn again with the chart API
 * (chart-fallback.ts). After either insert, PERF cells that read #NAME? are re-entered
 * (reenter-names.ts).
 */
import type { ChartDescription } from '../../workbook/drawings';
import { isUnsupportedFeature, queueCharts, sheetLookup, withoutCharts } from './chart-fallback';
import { loadUsedRange, queueReentry } from './reenter-names';
import { loadSheetNames, resolveSheetNames, sheetKey, uniqueSheetName } from './sheet-names';
import { readTemplateSheetNames, stripDataUrl } from './template-sheets';

export { resolveSheetNames } from './sheet-names';
export { readTemplateSheetNames, stripDataUrl } from './template-sheets';

export type SheetPosition = 'End' | 'Beginning' | 'Before' | 'After';

export interface InsertTemplateOptions {
  /**
   * The template's sheets to insert, in the template's tab order. Default: every sheet,
   * read from the file (readTemplateSheetNames).
   */
  sheetNames?: readonly string[];
  /** Where the sheets go (default "End"); "Before"/"After" need `relativeTo`. */
  positionType?: SheetPosition;
  /** The existing sheet `positionType` "Before"/"After" refers to. */
  relativeTo?: string;
  /** Activates the first inserted sheet (default true). */
  activate?: boolean;
}

export interface InsertedSheet {
  /** The sheet's name in the template. */
  template: string;
  /** Its name in the workbook. */
  name: string;
  /** Its worksheet id. */
  id: string;
}

/**
 * Inserts the template's `sheetNames` (at the end by default) and returns, per sheet, its
 * template name, its name in the workbook and its id. Four round trips at most: existing
 * names, insert, inserted names and cells, then re-entries, renames, charts and activation;
 * one more when Excel refuses the charts and the sheets are inserted without them. Any other
 * error of the insert is thrown as Excel raised it.
 */
export async function insertTemplate(
  context: Excel.RequestContext,
  base64: string,
  options: InsertTemplateOptions = {},
): Promise<InsertedSheet[]> {
  const templateSheets = [...(options.sheetNames ?? (await readTemplateSheetNames(base64)))];
  if (templateSheets.length === 0) throw new Error('The template has no sheets to insert');
  const seen = new Set<string>();
  for (const name of templateSheets) {
    if (seen.has(sheetKey(name))) throw new Error(`The template lists the sheet "${name}" twice`);
    seen.add(sheetKey(name));
  }
  const positionType = options.positionType ?? 'End';
  if ((positionType === 'Before' || positionType === 'After') && !options.relativeTo) {
    throw new Error(`positionType "${positionType}" needs relativeTo`);
  }

  const existing = await loadSheetNames(context);
  const targets = resolveSheetNames(templateSheets, existing);

  const insertOptions: Excel.InsertWorksheetOptions = { sheetNamesToInsert: templateSheets, positionType };
  if (options.relativeTo) insertOptions.relativeTo = options.relativeTo;
  const payload = stripDataUrl(base64);
  let ids: string[];
  let charts: ChartDescription[] = [];
  try {
    ids = await insertSheets(context, payload, insertOptions);
  } catch (error) {
    // Without charts to leave out (or a package we cannot take apart), the refusal is about
    // something else (comments, PivotTables…): Excel's own error says what.
    const fallback = isUnsupportedFeature(error) ? chartlessCopy(payload) : undefined;
    if (!fallback) throw error;
    ids = await insertSheets(context, fallback.base64, insertOptions);
    charts = fallback.charts;
  }
  if (ids.length !== templateSheets.length) {
    throw new Error(`Excel inserted ${ids.length} sheets; expected ${templateSheets.length}`);
  }

  const worksheets = context.workbook.worksheets;
  const inserted = ids.map((id) => worksheets.getItem(id));
  inserted.forEach((sheet) => sheet.load('name'));
  const used = inserted.map(loadUsedRange);
  await context.sync();

  const reentered = inserted.reduce((cells, sheet, i) => cells + queueReentry(sheet, used[i]), 0);
  // Rename in two steps (temporary names first) so that two inserted sheets can swap names.
  const rename = inserted.map((sheet, i) => sheet.name !== targets[i]);
  const activate = options.activate ?? true;
  if (rename.some(Boolean) || activate || reentered > 0 || charts.length > 0) {
    const taken = new Set([...existing, ...targets, ...inserted.map((sheet) => sheet.name)].map(sheetKey));
    inserted.forEach((sheet, i) => {
      if (!rename[i]) return;
      const temporary = uniqueSheetName('PerfPlan tmp', taken);
      taken.add(sheetKey(temporary));
      sheet.name = temporary;
    });
    inserted.forEach((sheet, i) => {
      if (rename[i]) sheet.name = targets[i];
    });
    queueCharts(charts, sheetLookup(templateSheets.map((name, i) => [name, inserted[i]])));
    if (activate) inserted[0].activate();
    await context.sync();
  }
  return templateSheets.map((template, i) => ({ template, name: targets[i], id: ids[i] }));
}

/** Inserts the sheets of `base64` and returns their ids (one round trip; Excel's error is thrown as is). */
async function insertSheets(context: Excel.RequestContext, base64: string, options: Excel.InsertWorksheetOptions): Promise<string[]> {
  const ids = context.workbook.insertWorksheetsFromBase64(base64, options);
  await context.sync();
  return Array.isArray(ids.value) ? ids.value : [];
}

function chartlessCopy(base64: string): ReturnType<typeof withoutCharts> {
  try {
    return withoutCharts(base64);
  } catch {
    return undefined;
  }
}
