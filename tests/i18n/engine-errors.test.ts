/**
 * End to end: errors the engine raises, through the catalog's own calls, render fully in
 * Chinese for a zh-CN user (the same code and parameters, only the words change) and stay
 * byte-for-byte the English they always were for everyone else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG, isEngineFunction } from '../../catalog';
import { benchmarkQuery, benchmarkValue } from '../../engine/benchmarks';
import { PerfError } from '../../engine/errors';
import { explainCall } from '../../catalog/explain';
import { simcorr, sim, tiered } from '../../engine';
import { ERRORS } from '../../i18n/errors';
import { thrownBy } from '../support/shared-thrown';
import { chinese, englishWords } from './language-check';

const caught = (call: () => unknown): PerfError => thrownBy(PerfError, call);

describe('a PERF error in Chinese, end to end', () => {
  it('the place inside a range, the described value and the requirement: all Chinese', () => {
    const error = caught(() => tiered(1000, [[0, 0.02], [1, 0.03], [2, 0.04], [3, '8%']], null));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('tiers, row 4, column 2 is text "8%"; a number is required');
    expect(error.localized('en-US')).toBe(error.message);
    expect(error.localized('zh-CN')).toBe('tiers，第 4 行第 2 列是文本 "8%"；需要一个数字');
    expect(error.toJSON()).toEqual({ error: '#VALUE!', message: 'tiers, row 4, column 2 is text "8%"; a number is required' });
  });

  it('an error cell inside an element-wise result, a SIM parameter with its role, an error from explain', () => {
    const cell = tiered([[1], [true]], [[0, 1]], null)[1][0] as PerfError;
    expect(cell.localized('zh-CN')).toBe('amount，第 2 行是逻辑值 TRUE；需要一个数字');
    expect(caught(() => sim('triangular', 0, 5, 1, 10, 1)).localized('zh-CN')).toBe('p2（最可能值）（5）必须介于 p1（最小值）（0）和 p3（最大值）（1）之间');
    expect(caught(() => simcorr([['normal', 0, 1, 2]], [[1]], 10, 1)).localized('zh-CN')).toBe(
      'distributions，第 1 行第 4 列不用于 "normal"（均值、标准差），必须留空；实际为 2',
    );
    expect(caught(() => explainCall('TIERED', [-5, [[0, 0.02]]])).localized('zh-CN')).toBe('amount不能为负；实际为 -5');
  });

  it('covers every phrase the regex translator knew, and says all of it in Chinese', () => {
    // The phrases addin/custom-functions/messages.ts translated one by one, now whole messages.
    const zh = [
      (tiered([[1], [null]], [[0, 1]], null)[1][0] as PerfError).localized('zh-CN'),
      caught(() => benchmarkQuery(null, null, null)).localized('zh-CN'),
      caught(() => benchmarkValue({ p25: 1, p50: 2 }, 95)).localized('zh-CN'),
      caught(() => tiered(1, [[0, 1], [2]], null)).localized('zh-CN'),
      caught(() => tiered(1, [[0, 1, 2]], null)).localized('zh-CN'),
    ];
    expect(zh).toEqual([
      'amount，第 2 行为空；需要一个数字',
      'metric为空；需要文本',
      '百分位 95 超出已发布的百分位范围（P25, P50）',
      'tiers：各行长度不一致',
      'tiers必须有 2 列；实际为 3 列',
    ]);
    for (const text of [ERRORS.serviceUnavailable, ERRORS.unknownBenchmark, ERRORS.neverPaysBack, ERRORS.belowLowestBand]) {
      expect(englishWords(new PerfError('#N/A', text, { reason: 503, metric: 'x', segment: 'all', cumulative: -1, got: 0.5, lowest: 0.8 }).localized('zh-CN'))).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Every catalog function, fed bad arguments
// ---------------------------------------------------------------------------------------

/** Values that break an argument somewhere: wrong types, blanks, signs, sizes, shapes. */
const BAD: unknown[] = [
  'abc', '8%', true, null, -5, 0, 0.5, 2, 3, 1e308, -1e308, 100000, 1.5, 'lognormal', 'gamma',
  [[1, 'x'], [2, 3]], [[1, 2, 3, 4, 5]], [[1], [2], [3], [4], [5]], [[-1, 2], [3, -4]], [[0, 0], [0, 0]], [[null, null]],
  [[1, 2], [3]], [[]], [[2, 3], [null, 1]], [[1, 0.5], [0.2, 1]], [['min_roi', 'x']], [['foo', 1]], [['normal', 0, -1, null]],
];

function errorsOf(call: () => unknown): PerfError[] {
  try {
    const value = call();
    if (!Array.isArray(value)) return [];
    return (value as unknown[][]).flat().filter((cell): cell is PerfError => cell instanceof PerfError);
  } catch (error) {
    if (error instanceof PerfError) return [error];
    throw error;
  }
}

describe('every engine error the catalog functions raise', () => {
  const engineFunctions = CATALOG.filter(isEngineFunction);
  const errors: PerfError[] = [];
  for (const fn of engineFunctions) {
    for (const valid of fn.samples) {
      valid.forEach((_, i) => {
        for (const bad of BAD) errors.push(...errorsOf(() => fn.call(...(valid.map((arg, j) => (j === i ? bad : arg)) as never[]))));
      });
    }
  }
  errors.push(...errorsOf(() => benchmarkQuery('revenue', null, 500)), ...errorsOf(() => benchmarkValue({}, 50)));

  it('each catalog function has a sample call to break (a new function joins the sweep by declaring one)', () => {
    expect(engineFunctions.filter((fn) => fn.samples.length === 0).map((fn) => fn.id)).toEqual([]);
  });

  it('raises many different errors, each a code with a text of i18n/errors.ts (never a finished sentence)', () => {
    const texts = new Set(errors.map((e) => e.text));
    expect(texts.size).toBeGreaterThan(60);
    const own = new Set<unknown>(Object.values(ERRORS));
    expect(errors.filter((e) => !own.has(e.text) || e.text === ERRORS.external).map((e) => e.message)).toEqual([]);
  });

  it('renders every one of them in zh-CN without English words, and in en-US without Chinese (the message as before)', () => {
    const problems = errors.flatMap((e) => {
      const zh = e.localized('zh-CN');
      const en = e.localized('en-US');
      const out: string[] = [];
      if (englishWords(zh).length > 0) out.push(`zh-CN: ${zh} (${englishWords(zh).join(', ')})`);
      if (chinese(en).length > 0) out.push(`en-US: ${en}`);
      if (en !== e.message) out.push(`message: ${e.message} ≠ ${en}`);
      return out;
    });
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('the engine speaks in keys', () => {
  it('no English sentence is passed to an error anywhere in engine/ (only ERRORS texts)', () => {
    const root = path.resolve(__dirname, '../../engine');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const sentences = files.flatMap((file) => {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      const hits = source.match(/\b(?:valueError|numError|divError|naError)\(\s*[`'"]|new PerfError\([^,()]+,\s*[`'"]/g) ?? [];
      return hits.map((hit) => `${file}: ${hit}`);
    });
    expect(sentences).toEqual([]);
  });
});
