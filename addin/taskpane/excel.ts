/**
 * The pane's Excel-only actions. Views call these only when ViewProps.host.inExcel is true
 * (the buttons are disabled otherwise). The workers take the RequestContext so tests can hand
 * in office-addin-mock; the `…InExcel` wrappers open the Excel.run batch.
 */

export type CellContent = { formula: string } | { value: number };

/** Throws unless the pane runs inside Excel (Excel.run is there); the Excel-only actions call it first. */
export function requireExcel(): void {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
    throw new Error('Excel is not available (the pane is not running inside Excel)');
  }
}

/**
 * Whether this Excel can find spilled ranges (their anchors and cells, ExcelApi 1.12); false
 * outside Office or when Office cannot say.
 */
export function spillsSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.12');
  } catch {
    return false;
  }
}

/** Runs `work` on the selected range in one Excel.run batch (inside Excel only: requireExcel first). */
export async function withSelectedRange<T>(work: (range: Excel.Range, context: Excel.RequestContext) => Promise<T>): Promise<T> {
  requireExcel();
  return Excel.run((context) => work(context.workbook.getSelectedRange(), context));
}

/** Writes a formula or a value into the top-left cell of the selection; returns that cell's address. */
export async function writeSelectedCell(context: Excel.RequestContext, content: CellContent): Promise<string> {
  const cell = context.workbook.getSelectedRange().getCell(0, 0);
  if ('formula' in content) cell.formulas = [[content.formula]];
  else cell.values = [[content.value]];
  cell.load('address');
  await context.sync();
  return cell.address;
}

export function writeSelectedCellInExcel(content: CellContent): Promise<string> {
  return Excel.run((context) => writeSelectedCell(context, content));
}

/**
 * Inserts a template's worksheets (base64 of its .xlsx) at the end of the workbook and
 * activates the first one; returns the sheets' names in the workbook. The work is
 * addin/office/insert-template.ts (sheet names read from the file, clashes renamed
 * "Plan (2)"), loaded lazily: it brings JSZip, which the rest of the pane does not need.
 */
/** The workbook's culture ("zh-CN", "en-US"…) for numbers and money (ExcelApi 1.12), or undefined. */
export async function workbookCultureInExcel(): Promise<string | undefined> {
  try {
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.12')) return undefined;
    return await Excel.run(async (context) => {
      const culture = context.workbook.application.cultureInfo;
      culture.load('name');
      await context.sync();
      return culture.name || undefined;
    });
  } catch {
    return undefined;
  }
}

export async function insertTemplateInExcel(base64: string): Promise<string[]> {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.13')) {
    throw new Error('this version of Excel cannot insert worksheets from a file (ExcelApi 1.13 is needed)');
  }
  const { insertTemplate } = await import(/* webpackChunkName: "office-insert-template" */ '../office/insert-template');
  const inserted = await Excel.run((context) => insertTemplate(context, base64));
  return inserted.map((sheet) => sheet.name);
}
