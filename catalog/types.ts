/**
 * What a catalog entry declares about a PERF function — once, for every face: Excel's
 * metadata (functions.json in both languages), the Excel and HyperFormula adapters, the
 * README's function table and the spec's signature lines are all derived from it.
 */
import type * as EngineExplain from '../engine/explain';
import type { Arg, ResultGrid } from '../engine/grid';
import type { Text } from '../i18n';
import type { FunctionId, ParameterName } from '../i18n/functions';
import type { OptionCode } from '../i18n/options';
import type { ShapeRule } from './shapes';

/** An explainer of engine/explain.ts by its export name: explainTiered. */
export type ExplainerName = Extract<keyof typeof EngineExplain, `explain${string}`>;

export type Category = 'weights' | 'scoring' | 'payouts' | 'crediting' | 'costbenefit' | 'allocation' | 'simulation' | 'channels' | 'benchmarks';

export interface Parameter {
  /** As Excel shows it in the formula's tooltip: amount, target_incentive. */
  name: string;
  /** A range (2-D array, also a single cell) or a single value. */
  kind: 'range' | 'value';
  optional: boolean;
  /** From the function dictionary (i18n/messages/functions.json), added by family(). */
  description: Text;
  /** A text option: the codes it accepts (each also by its names in i18n/options.ts). */
  options?: readonly OptionCode[];
}

interface Common {
  /** Excel id and name: TIERED (shown as PERF.TIERED). */
  id: string;
  category: Category;
  /** From the function dictionary (i18n/messages/functions.json), added by family(). */
  description: Text;
  parameters: Parameter[];
  /** The README's function table: an example formula and what it gives (English, as the README is). */
  readme: { example: string; result: string };
}

/** A function computed by the engine; omitted optional arguments arrive as null. */
export interface EngineFunction extends Common {
  result: { kind: 'range'; shape: ShapeRule } | { kind: 'number' };
  call: (...args: Arg[]) => ResultGrid | number;
  /**
   * Calls with valid arguments, as Excel passes them (2-D arrays; null for an omitted argument or
   * a blank cell); each computes without an error. They are where the contract sweeps start:
   * extreme numbers in place of each number (tests/addin/runtime-contract) and bad values in place
   * of each argument (tests/i18n/engine-errors), so a new function is swept by declaring them.
   */
  samples: readonly (readonly Arg[])[];
  /**
   * "Explain this cell": the engine's explainer (an export of engine/explain.ts), called with
   * the same arguments, one per parameter, then the element `at` of the result (catalog/explain.ts).
   * Named rather than imported, so the custom functions' bundle carries no explain code.
   */
  explain?: ExplainerName;
}

/** A function answered by a service (PERF.BENCHMARK): each adapter supplies how it asks. */
export interface ServiceFunction extends Common {
  result: { kind: 'number' };
  service: 'benchmark';
}

export type CatalogFunction = EngineFunction | ServiceFunction;

export function isEngineFunction(fn: CatalogFunction): fn is EngineFunction {
  return 'call' in fn;
}

/**
 * A parameter as a family's file declares it: its name and kind, without its prose (the
 * function dictionary's, i18n/functions.ts, added by family() in family.ts).
 */
export type DeclaredParameter<Name extends string = string> = Omit<Parameter, 'name' | 'description'> & { name: Name };

/** A required range argument. */
export function range<Name extends string>(name: Name): DeclaredParameter<Name> {
  return { name, kind: 'range', optional: false };
}

/** A required single-value argument. */
export function value<Name extends string>(name: Name): DeclaredParameter<Name> {
  return { name, kind: 'value', optional: false };
}

/** A text option (a single value): the codes it accepts, each also by its names in either language. */
export function choice<Name extends string>(name: Name, options: readonly OptionCode[]): DeclaredParameter<Name> {
  return { name, kind: 'value', optional: false, options };
}

/** Marks a parameter optional ([name] in the signature; null when omitted). */
export function optional<P extends DeclaredParameter>(parameter: P): P {
  return { ...parameter, optional: true };
}

/**
 * A catalog entry as its family's file declares it: without the category (the family's) and
 * the descriptions (the dictionary's). Its id must be one the dictionary describes and each
 * parameter one the dictionary lists for that id, else the entry does not type-check.
 */
type Declared<F, Id extends FunctionId> = F extends CatalogFunction
  ? Omit<F, 'id' | 'category' | 'description' | 'parameters'> & { id: Id; parameters: readonly DeclaredParameter<ParameterName<Id>>[] }
  : never;

export type CatalogEntry = { [Id in FunctionId]: Declared<CatalogFunction, Id> }[FunctionId];

/** The signature as the README and the spec write it: TIERED(amount, tiers, [method]). */
export function signature(fn: CatalogFunction): string {
  return `${fn.id}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}
