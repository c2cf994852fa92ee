/**
 * What may appear in a rendered message of the other language, for the tests in this folder.
 *
 * zh-CN text may contain English only as tokens the user types or reads the same in every
 * language: argument names and function names (as in the formula), rule names and keywords,
 * PERF, Excel's error codes and TRUE/FALSE, units, product and command names, math symbols.
 * Quoted text ("8%", "marginal") is user input or a keyword and is skipped, as are numbers
 * and URLs. en-US text may contain no Chinese at all (nor full-width punctuation).
 */
import { CATALOG } from '../../catalog';
import { DEFAULT_TIER_RULES } from '../../engine/channels';

const ARGUMENT_NAMES = CATALOG.flatMap((fn) => fn.parameters.map((p) => p.name));
const FUNCTION_NAMES = CATALOG.map((fn) => fn.id);
const RULE_NAMES = Object.keys(DEFAULT_TIER_RULES);

const TOKENS = new Set<string>([
  ...ARGUMENT_NAMES,
  ...FUNCTION_NAMES,
  ...RULE_NAMES,
  // Names in formulas and cells, the same in every Excel language
  'PERF', 'TRUE', 'FALSE', 'Excel',
  // Parameters of SIM as the formula names them
  'p1', 'p2', 'p3',
  // Units and abbreviations Chinese users read as they are
  'MB', 'KPI',
  // Methods and symbols: AHP's aggregation and consistency, λmax, a_ij
  'AIJ', 'CI', 'CR', 'RI', 'λmax', 'a_ij', 'a_ji',
  // Product, API and command names
  'PerfPlan', 'API', 'PERFPLAN_API_URL', 'perfplan', 'calc',
]);

/** A single letter is a math symbol here (x, y, n, k, s, w, A, S-shaped, α, κ, λ, Σ). */
const isSymbol = (token: string) => [...token].length === 1;

/** The English words in `text` that a zh-CN user should not see. */
export function englishWords(text: string): string[] {
  const rest = text
    .replace(/"[^"]*"/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(?<![A-Za-z_\d])\d[\d.,]*(?:e[-+]?\d+)?/gi, ' ');
  const tokens = rest.match(/[A-Za-zα-ωΑ-Ω_][A-Za-z0-9_α-ωΑ-Ω]*/g) ?? [];
  return tokens.filter((token) => !TOKENS.has(token) && !isSymbol(token));
}

/** Chinese characters or full-width punctuation in `text` (none may reach an en-US user). */
export function chinese(text: string): string[] {
  return text.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g) ?? [];
}
