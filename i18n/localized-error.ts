/**
 * An error a user reads, outside the engine: a text of the language layer with its
 * parameters, never a finished sentence (as PerfError is for the engine). `message` is the
 * en-US rendering (logs, tests); `localized(locale)` renders it in the user's language. The
 * workbook reader's, the calculator's and the command line's errors extend it.
 */
import type { Locale } from './locale';
import { Params, Phrase, Text, render } from './text';

const NO_PARAMS: Params = Object.freeze({});

export class LocalizedError extends Error {
  /** The message's text, rendered with `params`. */
  readonly text: Text;
  readonly params: Params;

  /** `message` is a text with its parameters, typed by `phrase(TEXT, { … })`. */
  constructor(message: Phrase) {
    super(render(message.text, 'en-US', message.params));
    this.name = 'LocalizedError';
    this.text = message.text;
    this.params = message.params ?? NO_PARAMS;
  }

  /** The message in `locale`; phrases inside the parameters follow along. */
  localized(locale: Locale): string {
    return render(this.text, locale, this.params);
  }

  /** The message as a phrase, to pass on inside another message. */
  get phrase(): Phrase {
    return { text: this.text, params: this.params };
  }
}

/** Anything that renders its own message in a locale: a LocalizedError, the engine's PerfError. */
export interface Localizable {
  localized(locale: Locale): string;
}

function isLocalizable(error: unknown): error is Localizable {
  return typeof error === 'object' && error !== null && typeof (error as Partial<Localizable>).localized === 'function';
}

/** What a caught value says: an Error's message; anything else thrown (a string, a host's error object) as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The message of anything thrown, in `locale`: a localized error's own rendering, otherwise
 * the message as it was written (another library's, kept as it is in every language).
 */
export function localizedMessage(error: unknown, locale: Locale): string {
  if (isLocalizable(error)) return error.localized(locale);
  return messageOf(error);
}
