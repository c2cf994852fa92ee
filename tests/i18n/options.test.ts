/**
 * Text options in Chinese (issue 11, item 2; the list is docs/spec/functions.md, "Text
 * options"): every option has its code and a Chinese name, a name matches trimmed and in any
 * case, and messages list the accepted values in the reader's language.
 */
import { OPTION_NAMES, OptionCode, matchOption, optionList, formulaOption } from '../../i18n/options';
import { render } from '../../i18n/text';
import { chinese, englishWords } from './language-check';

/** The spec's list, as written there: code → Chinese name. */
const SPEC: Record<string, string> = {
  marginal: '边际',
  retro: '追溯',
  eigen: '特征向量',
  geomean: '几何平均',
  minmax: '极差',
  proportion: '比重',
  linear: '线性',
  lookup: '查表',
  multiplicative: '乘法',
  normal: '正态',
  lognormal: '对数正态',
  uniform: '均匀',
  triangular: '三角',
  pert: 'PERT',
};

describe('OPTION_NAMES', () => {
  it('holds exactly the spec’s options: the English code, and the Chinese name the spec gives', () => {
    expect(Object.keys(OPTION_NAMES).sort()).toEqual(Object.keys(SPEC).sort());
    for (const [code, zh] of Object.entries(SPEC)) {
      expect(formulaOption(code as OptionCode, 'en-US')).toBe(code);
      expect(formulaOption(code as OptionCode, 'zh-CN')).toBe(zh);
    }
  });

  it('no two options share a name in any language (a name always means one code)', () => {
    const codesByName = new Map<string, Set<string>>();
    for (const [code, text] of Object.entries(OPTION_NAMES)) {
      for (const name of Object.values<string>(text)) codesByName.set(name.toLowerCase(), (codesByName.get(name.toLowerCase()) ?? new Set()).add(code));
    }
    expect([...codesByName].filter(([, codes]) => codes.size > 1)).toEqual([]);
  });
});

describe('matchOption', () => {
  const TIER = ['marginal', 'retro'] as const;

  it('matches the code or the Chinese name, trimmed and in any case', () => {
    expect(matchOption('marginal', TIER)).toBe('marginal');
    expect(matchOption('  RETRO ', TIER)).toBe('retro');
    expect(matchOption('边际', TIER)).toBe('marginal');
    expect(matchOption(' 追溯\t', TIER)).toBe('retro');
    expect(matchOption('Pert', ['pert'])).toBe('pert');
    expect(matchOption('PERT', ['normal', 'pert'])).toBe('pert');
  });

  it('only among the allowed codes: another function’s option, a near miss or a blank is no match', () => {
    expect(matchOption('线性', TIER)).toBeUndefined();
    expect(matchOption('查表', ['linear', 'lookup'])).toBe('lookup');
    expect(matchOption('边 际', TIER)).toBeUndefined();
    expect(matchOption('retroactive', TIER)).toBeUndefined();
    expect(matchOption('', TIER)).toBeUndefined();
  });
});

describe('optionList — the accepted values as a message lists them', () => {
  it('en-US: the English codes, quoted, as messages always listed them', () => {
    expect(render(optionList(['marginal', 'retro']), 'en-US')).toBe('"marginal", "retro"');
  });

  it('zh-CN: the Chinese names, each with its code beside it; PERT once (the name is the code)', () => {
    expect(render(optionList(['marginal', 'retro']), 'zh-CN')).toBe('"边际"（"marginal"）、"追溯"（"retro"）');
    expect(render(optionList(['triangular', 'pert']), 'zh-CN')).toBe('"三角"（"triangular"）、"PERT"');
  });

  it('every option list reads as its language: no English words in zh-CN outside quotes, no Chinese in en-US', () => {
    const all = Object.keys(OPTION_NAMES) as OptionCode[];
    expect(englishWords(render(optionList(all), 'zh-CN'))).toEqual([]);
    expect(chinese(render(optionList(all), 'en-US'))).toEqual([]);
  });
});
