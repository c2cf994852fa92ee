/**
 * A package that cannot be read as an .xlsx workbook: what perfplan calc and explain report
 * with exit status 2 ("cannot be read"), never as an internal error. Its message is a text of
 * i18n/workbook.ts. An XML part that is not well-formed (XmlFormatError, from xml.ts) is said
 * with the part it is in (`inPart`).
 */
import { LocalizedError } from '../i18n/localized-error';
import { Phrase, phrase } from '../i18n/text';
import { WORKBOOK } from '../i18n/workbook';

/** A workbook that cannot be read as an .xlsx (the message says why; texts: i18n/workbook.ts). */
export class WorkbookFormatError extends LocalizedError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'WorkbookFormatError';
  }
}

/** XML that is not well-formed (an unclosed element), before the part it is in is known. */
export class XmlFormatError extends WorkbookFormatError {
  constructor(message: Phrase) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

/**
 * Runs `read` over the XML of `part`; XML that is not well-formed becomes a WorkbookFormatError
 * naming the part ("xl/workbook.xml: unclosed <definedName> element"). Other errors pass as
 * they are.
 */
export function inPart<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof XmlFormatError) throw new WorkbookFormatError(phrase(WORKBOOK.inPart, { part, reason: error.phrase }));
    throw error;
  }
}
