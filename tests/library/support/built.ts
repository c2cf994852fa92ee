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

/**
 * Builds and calculates `template` in a beforeAll of the calling suite. The object returned is
 * filled in then; its `json` stays the same object, so a suite may take `const { json } = …`.
 */
export function builtBeforeAll(template: BuiltInTemplate): BuiltTemplate {
  const book: BuiltTemplate = { bytes: Buffer.alloc(0), json: {}, model: undefined as unknown as WorkbookModel };
  beforeAll(async () => {
    const fresh = await built(template);
    Object.assign(book.json, fresh.json);
    book.bytes = fresh.bytes;
    book.model = fresh.model;
  }, 120_000);
  return book;
}
