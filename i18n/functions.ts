/**
 * The function dictionary: each PERF function's description and its parameters' descriptions
 * in both languages (messages/functions.json, keyed by function id, then by parameter name).
 * The catalog names a function and its parameters; their prose is looked up here, so Excel's
 * metadata in either language reads it from one place.
 *
 * The ids and parameter names are types taken from the JSON: a catalog entry naming a function
 * or a parameter the dictionary lacks does not type-check (tests/catalog/function-dictionary
 * checks the rest: both languages non-empty, no entry the catalog does not use).
 */
import DICTIONARY from './messages/functions.json';
import type { Text } from './text';

/** One function's texts: its description, and one per parameter by the parameter's name. */
export interface FunctionTexts {
  description: Text;
  parameters: Readonly<Record<string, Text>>;
}

// `satisfies` keeps the JSON's own keys as types while checking that every text has both languages.
const FUNCTIONS = DICTIONARY satisfies Readonly<Record<string, FunctionTexts>>;

/** A function the dictionary describes: TIERED. */
export type FunctionId = keyof typeof FUNCTIONS;

/** A parameter the dictionary describes for function `Id`: amount, tiers, method for TIERED (for a union of ids, any of theirs). */
export type ParameterName<Id extends FunctionId> = Id extends FunctionId ? Extract<keyof (typeof FUNCTIONS)[Id]['parameters'], string> : never;

/** Every function id the dictionary holds, in its order. */
export const DESCRIBED_FUNCTIONS = Object.keys(FUNCTIONS) as FunctionId[];

/** The same dictionary, looked up by any string (an id that reached here unchecked throws below). */
const BY_ID: Readonly<Record<string, FunctionTexts>> = FUNCTIONS;

function texts(id: string): FunctionTexts {
  if (!Object.prototype.hasOwnProperty.call(BY_ID, id)) throw new Error(`i18n/messages/functions.json has no function ${id}`);
  return BY_ID[id];
}

/** What function `id` does, in both languages. */
export function functionDescription(id: FunctionId): Text {
  return texts(id).description;
}

/** What parameter `name` of function `id` takes, in both languages. */
export function parameterDescription<Id extends FunctionId>(id: Id, name: ParameterName<Id>): Text {
  const { parameters } = texts(id);
  if (!Object.prototype.hasOwnProperty.call(parameters, name)) throw new Error(`i18n/messages/functions.json has no parameter ${name} for ${id}`);
  return parameters[name];
}

/** The parameter names the dictionary holds for function `id`, in its order. */
export function describedParameters(id: FunctionId): string[] {
  return Object.keys(texts(id).parameters);
}
