/**
 * A built-in template as the tests meet it: built once per test file, calculated headlessly
 * (`perfplan calc`'s JSON), with its workbook names.
 */
import { CalcJson, calcBytes, toJson } from '../../../calc/book';
import type { BuiltInTemplate } from '../../../library/kit';
import { buildTemplate } from '../../../library/templates';
import { parseAddress } from '../../../workbook/a1';
import { nodeCodec } from '../../../workbook/node-codec';
import { WorkbookModel, readWorkbookModel } from '../../../workbook/read';
import { ZipArchive } from '../../../workbook/zip';

export interface BuiltTemplate {
  bytes: Buffer;
  /** Every non-empty cell after a fresh calculation, "Sheet!A1" → value. */
  json: CalcJson;
  /** The file as stored: sheets, formulas with their cached values, names. */
  model: WorkbookModel;
}

export async function built(template: BuiltInTemplate): Promise<BuiltTemplate> {
  const bytes = await buildTemplate(template);
  return { bytes, json: toJson(await calcBytes(bytes)), model: readWorkbookModel(ZipArchive.read(bytes), nodeCodec) };
}

/** The workbook names a built template defines. */
export function names({ model }: BuiltTemplate): string[] {
  return model.definedNames.map((n) => n.name);
}

/** The value in each cell the template says carries a digest rule, by rule. */
export function ruleValues(template: BuiltInTemplate, { json }: BuiltTemplate): Record<string, unknown> {
  return Object.fromEntries(template.rules.map(({ rule, sheet, cell }) => [rule, json[`${sheet}!${cell}`]]));
}

/** The formula stored at "Sheet!A1", as the file stores it (`_xldudf_PERF_…`). */
export function storedFormula({ model }: BuiltTemplate, sheet: string, address: string): string | undefined {
  const { row, col } = parseAddress(address);
  return model.sheets.find((s) => s.name === sheet)?.formulas.find((f) => f.row === row && f.col === col)?.text;
}
