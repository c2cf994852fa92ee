/**
 * The one error type of the engine: an Excel error code plus a message as a text key and its
 * parameters (like HyperFormula's ErrorMessage), never a finished sentence. `message` is the
 * en-US rendering, `localized(locale)` renders it in the user's language; the texts live in
 * i18n/errors.ts. Adapters translate the error itself (CustomFunctions.Error in Excel,
 * CellError in HyperFormula, problem+json over HTTP); the engine never returns raw
 * exceptions to users.
 */
import { ERRORS } from '../i18n/errors';
import type { ParamsArg } from '../i18n/glossary';
import type { Locale } from '../i18n/locale';
import { messageOf } from '../i18n/localized-error';
import { Params, Text, render } from '../i18n/text';

export type ExcelErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

export const EXCEL_ERROR_CODES: readonly ExcelErrorCode[] = ['#VALUE!', '#NUM!', '#DIV/0!', '#N/A'];

const NO_PARAMS: Params = Object.freeze({});

export class PerfError extends Error {
  /** The message's text (a value of ERRORS), rendered with `params`. */
  readonly text: Text;
  readonly params: Params;

  /**
   * `text` is one of ERRORS with its parameters. A plain string is a message written outside
   * PerfPlan (another engine's error, a service's reason) and is kept as it is in every locale.
   */
  constructor(
    readonly code: ExcelErrorCode,
    text: Text | string,
    params: Params = NO_PARAMS,
  ) {
    const external = typeof text === 'string';
    const own = external ? ERRORS.external : text;
    const values = external ? { message: text } : params;
    super(render(own, 'en-US', values));
    this.name = 'PerfError';
    this.text = own;
    this.params = values;
  }

  /** The message in `locale`; places, described values and lists inside it follow along. */
  localized(locale: Locale): string {
    return render(this.text, locale, this.params);
  }

  toJSON(): { error: ExcelErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

/**
 * Makes PerfErrors of one code: from a message written outside PerfPlan, or from one of ERRORS
 * with the parameters its placeholders need.
 */
export interface ErrorMaker {
  (message: string): PerfError;
  <T extends Text>(text: T, ...params: ParamsArg<T>): PerfError;
}

/** The maker of `code` errors; the four below differ only in their code. */
function errorMaker(code: ExcelErrorCode): ErrorMaker {
  return (text: Text | string, ...params: unknown[]) => new PerfError(code, text, (params[0] as Params | undefined) ?? NO_PARAMS);
}

/** Wrong type, shape or label. */
export const valueError = errorMaker('#VALUE!');

/** A number outside its domain, or no convergence. */
export const numError = errorMaker('#NUM!');

/** A division by zero the user can fix. */
export const divError = errorMaker('#DIV/0!');

/** Nothing to return. */
export const naError = errorMaker('#N/A');

/** Anything thrown, as a PerfError: itself, or an unexpected failure as a clear #VALUE! naming what went wrong. */
export function asPerfError(error: unknown): PerfError {
  if (error instanceof PerfError) return error;
  return new PerfError('#VALUE!', ERRORS.unexpected, { detail: messageOf(error) });
}

export function isPerfError(value: unknown): value is PerfError {
  return value instanceof PerfError;
}
