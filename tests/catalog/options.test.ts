/**
 * Every text option a catalog function declares (Parameter.options) is read through the one
 * alias table: each code and each of its names (any language, padded, in any case) gives the
 * same result as the code itself, a wrong value lists the options in the reader's language,
 * and the zh-CN description names the Chinese options.
 */
import { CATALOG, isEngineFunction } from '../../catalog';
import { PerfError } from '../../engine/errors';
import { OPTION_NAMES, OptionCode } from '../../i18n/options';
import { LOCALES } from '../../i18n/locale';

const TIERS = [[0, 0.02], [20000, 0.04], [50000, 0.06]];
const DATA = [[1, 2, 3], [4, 1, 6], [7, 8, 2], [3, 3, 3]];
const LADDER = [['', 'distributor', 'retail'], [0, 0.01, 0.02], [100000, 0.03, 0.05]];

/** A call of each function with a text option; the option's argument is replaced in the sweep. */
const CALLS: Record<string, unknown[]> = {
  AHP: [[[1, 3, 5], [null, 1, 2], [null, null, 1]], null],
  ENTROPY: [DATA, null, null],
  BLEND: [[[0.5], [0.3], [0.2]], [[0.2], [0.3], [0.5]], 0.5, null],
  CURVE: [[[0.6], [0.9], [1.2]], [[0.5, 0], [0.8, 0.5], [1, 1]], null],
  TIERED: [[[10000], [35000], [80000]], TIERS, null],
  REBATE: [[[50000], [150000]], LADDER, 'retail', null],
  SIM: [null, 4, 8, 24, 25, 7],
};

/** SIM's parameters depend on the distribution (an unused p3 must be blank). */
const SIM_PARAMETERS: Record<string, unknown[]> = {
  normal: [10, 2, null],
  lognormal: [10, 2, null],
  uniform: [0, 1, null],
  triangular: [4, 8, 24],
  pert: [4, 8, 24],
};

/** The sample call of `id` with `option` in argument `index` (`code`: the option it names). */
function argumentsWith(id: string, index: number, option: unknown, code: string): unknown[] {
  const args = CALLS[id].map((arg, i) => (i === index ? option : arg));
  if (id === 'SIM') args.splice(1, 3, ...(SIM_PARAMETERS[code] ?? SIM_PARAMETERS.triangular));
  return args;
}

const withOptions = CATALOG.filter(isEngineFunction).flatMap((fn) =>
  fn.parameters.flatMap((p, index) => (p.options ? [{ fn, index, name: p.name, options: p.options, zh: p.description['zh-CN'] }] : [])),
);

/** What a call gives, errors as code + message, so results compare with toEqual. */
function outcome(call: () => unknown): unknown {
  try {
    const value = call();
    return Array.isArray(value) ? value.map((row: unknown[]) => row.map((v) => (v instanceof PerfError ? `${v.code} ${v.message}` : v))) : value;
  } catch (error) {
    if (error instanceof PerfError) return `${error.code} ${error.message}`;
    throw error;
  }
}

describe('text options declared in the catalog', () => {
  it('are the seven the spec lists (TIERED, REBATE, AHP, ENTROPY, CURVE, BLEND, SIM), each with a sample call here', () => {
    expect(withOptions.map((o) => `${o.fn.id}.${o.name}`).sort()).toEqual(
      ['AHP.method', 'BLEND.method', 'CURVE.mode', 'ENTROPY.normalize', 'REBATE.method', 'SIM.distribution', 'TIERED.method'],
    );
    for (const o of withOptions) expect(CALLS[o.fn.id]).toBeDefined();
  });

  it.each(withOptions.map((o) => [`${o.fn.id}.${o.name}`, o] as const))('%s: every name of every option gives the code’s result', (_, o) => {
    for (const code of o.options) {
      const callWith = (option: unknown) => outcome(() => o.fn.call(...(argumentsWith(o.fn.id, o.index, option, code) as never[])));
      const expected = callWith(code);
      expect(typeof expected).not.toBe('string'); // the code itself is valid
      const names = LOCALES.map((locale) => OPTION_NAMES[code as OptionCode][locale]);
      for (const name of names) {
        for (const written of [name, ` ${name} `, name.toUpperCase(), `\t${name.toLowerCase()}`]) expect({ written, result: callWith(written) }).toEqual({ written, result: expected });
      }
    }
  });

  it.each(withOptions.map((o) => [`${o.fn.id}.${o.name}`, o] as const))('%s: a wrong value → #VALUE! listing the options, in Chinese for a zh-CN reader', (_, o) => {
    let error: unknown;
    try {
      const value = o.fn.call(...(argumentsWith(o.fn.id, o.index, '随便', '') as never[]));
      error = (value as unknown[][])[0][0];
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PerfError);
    const perf = error as PerfError;
    expect(perf.code).toBe('#VALUE!');
    for (const code of o.options) {
      expect(perf.localized('en-US')).toContain(`"${code}"`);
      expect(perf.localized('zh-CN')).toContain(`"${OPTION_NAMES[code as OptionCode]['zh-CN']}"`);
    }
  });

  it.each(withOptions.map((o) => [`${o.fn.id}.${o.name}`, o] as const))('%s: the zh-CN description offers the Chinese names', (_, o) => {
    for (const code of o.options) expect(o.zh).toContain(`"${OPTION_NAMES[code as OptionCode]['zh-CN']}"`);
  });
});
