/**
 * Data validations for input cells, each refusing a wrong entry with a short message. The
 * message (and a list's options) are labels, shown in the workbook's language when the
 * validation is put on a cell (inExcel): a dropdown in a Chinese workbook offers Chinese words.
 */
import type ExcelJS from 'exceljs';
import { type Label, type Language, say, t } from './text';

export interface Validation {
  type: ExcelJS.DataValidation['type'];
  operator?: ExcelJS.DataValidation['operator'];
  allowBlank: boolean;
  /** Bounds or a formula; a list's options go in `options` instead. */
  formulae: unknown[];
  /** A list of fixed options, offered as a dropdown in the workbook's language. */
  options?: (Label | number)[];
  error: Label;
  errorTitle?: Label;
}

/** The validation as exceljs writes it, in `language`. */
export function inExcel(validation: Validation, language: Language): ExcelJS.DataValidation {
  const { options, error, errorTitle, ...rest } = validation;
  const formulae = options ? [`"${options.map((o) => (typeof o === 'number' ? String(o) : say(o, language))).join(',')}"`] : rest.formulae;
  return {
    ...rest,
    formulae,
    showErrorMessage: true,
    error: say(error, language),
    ...(errorTitle === undefined ? {} : { errorTitle: say(errorTitle, language) }),
  } as ExcelJS.DataValidation;
}

/** A decimal from min to max. */
export function decimalBetween(min: number, max: number, error: Label = `${min} … ${max}`): Validation {
  return { type: 'decimal', operator: 'between', allowBlank: false, formulae: [min, max], error };
}

/** A share from min to max, the message in percent ("0–100%"). */
export function percentBetween(min = 0, max = 1): Validation {
  return decimalBetween(min, max, `${min * 100}–${max * 100}%`);
}

/** A whole number from min to max. */
export function wholeBetween(min: number, max: number, error: Label = `${min} … ${max}`): Validation {
  return { type: 'whole', operator: 'between', allowBlank: false, formulae: [min, max], error };
}

export const nonNegative: Validation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: false, formulae: [0], error: '≥ 0' };
/** ≥ 0, or left blank (an optional parameter). */
export const nonNegativeOrBlank: Validation = { ...nonNegative, allowBlank: true };
export const positive: Validation = { type: 'decimal', operator: 'greaterThan', allowBlank: false, formulae: [0], error: '> 0' };

/** One of a fixed list of options (labels show in the workbook's language), offered as a dropdown. */
export function oneOf(options: (Label | number)[], error: Label, errorTitle?: Label): Validation {
  return { type: 'list', allowBlank: false, formulae: [], options, error, ...(errorTitle === undefined ? {} : { errorTitle }) };
}

/** One of the values in a range of the workbook (e.g. the names on the Team sheet). */
export function oneOfRange(range: string, error: Label): Validation {
  return { type: 'list', allowBlank: false, formulae: [range], error };
}

/** exceljs writes a Date as the Excel serial of its UTC day, so dates are built in UTC. */
export function day(year: number, month: number, date: number): Date {
  return new Date(Date.UTC(year, month - 1, date));
}

/** A date this century or the next (a date or an Excel date serial); blank allowed when asked. */
export function dateInput(allowBlank: boolean): Validation {
  return { type: 'date', operator: 'between', allowBlank, formulae: [day(2000, 1, 1), day(2100, 12, 31)], error: t('A date (or an Excel date serial)', '日期（或 Excel 日期序列号）') };
}

/** True when `formula` (written for the top-left cell) holds. */
export function satisfies(formula: string, error: Label): Validation {
  return { type: 'custom', allowBlank: true, formulae: [formula], error };
}
