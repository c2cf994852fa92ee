/**
 * HyperFormula's own error messages (perfplan calc computes Excel's functions with it), in
 * en-US and zh-CN side by side: they reach the `message` of the JSON's error cells and
 * perfplan explain's output, so a zh-CN user reads them in Chinese. The keys are the names of
 * HyperFormula's ErrorMessage constants; the en-US texts are its messages exactly as it writes
 * them (tests/i18n/hyperformula.test.ts holds every ErrorMessage of the installed HyperFormula
 * against this table, builders included, and fails on one without a text).
 *
 * HyperFormula does not export ErrorMessage from its entry point (package.json "exports"), so
 * a message is recognised by its exact English: fixed messages by the whole string, the four it
 * builds around a name (FunctionName, NamedExpressionName, LicenseKey, LicenseCapability) by
 * the fixed words its builder puts before and after that name — the en-US template here,
 * which the test checks against the builder. Anything else (our own messages, already in the
 * user's language) passes through unchanged. No HyperFormula import here: i18n/ serves every
 * face, and HyperFormula (GPL-3.0) is perfplan calc's alone.
 */
import type { Locale } from './locale';
import { Params, Phrase, Text, placeholders, render } from './text';
import hyperformula from './messages/hyperformula.json';
import hyperformulaLicenseKeyStates from './messages/hyperformula-license-key-states.json';
import type { HyperformulaMessages, HyperformulaLicenseKeyStatesMessages } from './generated/messages';

/**
 * The fixed messages come first; the last four keys are the messages built around a name
 * (ErrorMessage.FunctionName(arg) and its kind).
 *
 * Notes on keys:
 *   - FunctionName: A function as the formula names it.
 *   - NamedExpressionName: A defined name as the formula uses it.
 *   - LicenseKey: The license key's state: one of LICENSE_KEY_STATES.
 */
export const HYPERFORMULA = hyperformula as HyperformulaMessages;

export type HyperFormulaMessage = keyof typeof HYPERFORMULA;

/** The states HyperFormula names in ErrorMessage.LicenseKey (its LicenseKeyValidityState). */
export const LICENSE_KEY_STATES = hyperformulaLicenseKeyStates as HyperformulaLicenseKeyStatesMessages;

/** A built message: the words before and after its one parameter, from the en-US template. */
interface Built {
  text: Text;
  name: string;
  before: string;
  after: string;
  /** How the parameter's value is passed on: a name as it is, a license state as its text. */
  value: (raw: string) => Params[string];
}

const FIXED = new Map<string, Text>();
const BUILT: Built[] = [];
for (const text of Object.values(HYPERFORMULA) as Text[]) {
  const template = text['en-US'];
  const [name, ...more] = placeholders(template);
  if (name === undefined) FIXED.set(template, text);
  else if (more.length === 0) {
    const [before, after] = template.split(`{${name}}`);
    const states = LICENSE_KEY_STATES as Record<string, Text>;
    const value = name === 'state' ? (raw: string) => (Object.prototype.hasOwnProperty.call(states, raw) ? states[raw] : raw) : (raw: string) => raw;
    BUILT.push({ text, name, before, after, value });
  }
}

/**
 * HyperFormula's message as a phrase of this table (parameters as HyperFormula filled them),
 * or undefined for a message that is not HyperFormula's (ours, already rendered).
 */
export function hyperFormulaPhrase(message: string): Phrase | undefined {
  const fixed = FIXED.get(message);
  if (fixed) return { text: fixed };
  for (const built of BUILT) {
    const { before, after } = built;
    if (message.length > before.length + after.length && message.startsWith(before) && message.endsWith(after)) {
      return { text: built.text, params: { [built.name]: built.value(message.slice(before.length, message.length - after.length)) } };
    }
  }
  return undefined;
}

/** A cell error's message in `locale`: HyperFormula's translated, any other unchanged. */
export function localizeHyperFormulaMessage(message: string, locale: Locale): string {
  const known = hyperFormulaPhrase(message);
  return known ? render(known.text, locale, known.params) : message;
}
