/**
 * PERF.* in Excel: every catalog function registered with the custom-functions runtime
 * (CustomFunctions.associate, the id from the catalog), each only adapting — omitted
 * arguments to null, the engine's call, results and PerfErrors to what Excel accepts.
 * Excel refuses Infinity and NaN, so the engine's finiteness guard applies on the way out.
 * Excel shows a message only with #VALUE! and #N/A; those carry it in Office's display
 * language. This file is the add-in's custom-functions bundle entry.
 */
import type { Arg, Result, ResultGrid } from '../../engine/grid';
import { finiteResult, finiteScalar } from '../../engine/grid';
import { ExcelErrorCode, PerfError, asPerfError } from '../../engine/errors';
import { CATALOG, CatalogFunction, isEngineFunction } from '../../catalog';
import { Locale, pickLocale } from '../../i18n';
import { lookupBenchmark } from './benchmark-client';

export type ExcelCell = number | string | boolean | CustomFunctions.Error;

function errorCode(code: ExcelErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case '#VALUE!':
      return CustomFunctions.ErrorCode.invalidValue;
    case '#NUM!':
      return CustomFunctions.ErrorCode.invalidNumber;
    case '#DIV/0!':
      return CustomFunctions.ErrorCode.divisionByZero;
    case '#N/A':
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

/** The user's language: Office's display language in Excel (the one locale decision, i18n/locale.ts). */
function displayLocale(): Locale {
  try {
    return pickLocale(typeof Office !== 'undefined' && Office.context ? Office.context.displayLanguage : undefined);
  } catch {
    return pickLocale(undefined);
  }
}

export function toExcelError(error: PerfError): CustomFunctions.Error {
  const code = errorCode(error.code);
  if (error.code !== '#VALUE!' && error.code !== '#N/A') return new CustomFunctions.Error(code);
  return new CustomFunctions.Error(code, error.localized(displayLocale()));
}

function cell(value: Result): ExcelCell {
  const checked = finiteResult(value);
  return checked instanceof PerfError ? toExcelError(checked) : checked;
}

/** Excel passes null for an omitted optional argument, and undefined when a trailing one is left out. */
function argumentsOf(fn: CatalogFunction, values: unknown[]): Arg[] {
  return fn.parameters.map((_, i) => (values[i] === undefined ? null : (values[i] as Arg)));
}

/** The function Excel calls for one catalog entry. */
export function excelFunction(fn: CatalogFunction): (...values: unknown[]) => ExcelCell[][] | number | Promise<number> {
  if (!isEngineFunction(fn)) {
    return (metric, segment, percentile) => lookupBenchmark(metric as Arg, (segment ?? null) as Arg, (percentile ?? null) as Arg);
  }
  return (...values) => {
    let result: ResultGrid | number;
    try {
      result = fn.call(...argumentsOf(fn, values));
      if (typeof result === 'number') return finiteScalar(result);
    } catch (error) {
      throw toExcelError(asPerfError(error));
    }
    return result.map((row) => row.map(cell));
  };
}

/** Every PERF function as Excel calls it, by catalog id. */
export const EXCEL_FUNCTIONS: Readonly<Record<string, ReturnType<typeof excelFunction>>> = Object.fromEntries(CATALOG.map((fn) => [fn.id, excelFunction(fn)]));

// The task pane page also loads this bundle (shared runtime); opened in a plain browser
// (standalone mode) there is no custom-functions runtime to register with.
if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  for (const fn of CATALOG) CustomFunctions.associate(fn.id, EXCEL_FUNCTIONS[fn.id]);
}
