/**
 * Data validations for input cells, each refusing a wrong entry with a short message. The
 * message is part of the template's words: where it names a range the caller may pass its own.
 */
import type ExcelJS from 'exceljs';
import { Label, bilingual } from './text';

export type Validation = ExcelJS.DataValidation;

/** A decimal from min to max. */
export function decimalBetween(min: number, max: number, error: Label = `${min} … ${max}`): Validation {
  return { type: 'decimal', operator: 'between', allowBlank: false, formulae: [min, max], showErrorMessage: true, error: bilingual(error) };
}

/** A share from min to max, the message in percent ("0–100%"). */
export function percentBetween(min = 0, max = 1): Validation {
  return decimalBetween(min, max, `${min * 100}–${max * 100}%`);
}

/** A whole number from min to max. */
export function wholeBetween(min: number, max: number, error: Label = `${min} … ${max}`): Validation {
  return { type: 'whole', operator: 'between', allowBlank: false, formulae: [min, max], showErrorMessage: true, error: bilingual(error) };
}

export const nonNegative: Validation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: false, formulae: [0], showErrorMessage: true, error: '≥ 0' };
/** ≥ 0, or left blank (an optional parameter). */
export const nonNegativeOrBlank: Validation = { ...nonNegative, allowBlank: true };
export const positive: Validation = { type: 'decimal', operator: 'greaterThan', allowBlank: false, formulae: [0], showErrorMessage: true, error: '> 0' };

/** One of a fixed list of values, offered as a dropdown. */
export function oneOf(options: (string | number)[], error: Label, errorTitle?: Label): Validation {
  const validation: Validation = { type: 'list', allowBlank: false, formulae: [`"${options.join(',')}"`], showErrorMessage: true, error: bilingual(error) };
  if (errorTitle !== undefined) validation.errorTitle = bilingual(errorTitle);
  return validation;
}

/** One of the values in a range of the workbook (e.g. the names on the Team sheet). */
export function oneOfRange(range: string, error: Label): Validation {
  return { type: 'list', allowBlank: false, formulae: [range], showErrorMessage: true, error: bilingual(error) };
}

/** exceljs writes a Date as the Excel serial of its UTC day, so dates are built in UTC. */
export function day(year: number, month: number, date: number): Date {
  return new Date(Date.UTC(year, month - 1, date));
}

/** A date this century or the next (a date or an Excel date serial); blank allowed when asked. */
export function dateInput(allowBlank: boolean): Validation {
  return {
    type: 'date',
    operator: 'between',
    allowBlank,
    formulae: [day(2000, 1, 1), day(2100, 12, 31)],
    showErrorMessage: true,
    error: 'A date (or an Excel date serial) 日期',
  };
}

/** True when `formula` (written for the top-left cell) holds. */
export function satisfies(formula: string, error: Label): Validation {
  return { type: 'custom', allowBlank: true, formulae: [formula], showErrorMessage: true, error: bilingual(error) };
}
