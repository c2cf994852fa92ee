/**
 * The Weights view's objective panel model (addin/taskpane/views/weights/objective-model.ts):
 * parsing pasted rows (tabs, commas, a text header row) and selected-range values, and
 * weights identical to the engine's `entropy` / `critic` on the same data, with engine error
 * messages passed through unchanged. The rendered panel is covered by tests/e2e.
 */
import { critic, entropy } from '../../engine/weights';
import {
  OBJECTIVE_METHODS,
  computeObjective,
  fromRangeValues,
  isHeaderRow,
  isObjectiveMethod,
  parseCell,
  parseDirections,
  parsePasted,
  toTable,
} from '../../addin/taskpane/views/weights/objective-model';
import { translatorFor } from '../../addin/taskpane/locale';
import { WEIGHTS } from '../../i18n/pane-weights';

const label = (p: number) => `Column ${p}`;

const DATA = [
  [120, 0.12, 7.5, 30],
  [95, 0.18, 8.1, 22],
  [140, 0.09, 6.9, 41],
  [110, 0.15, 7.8, 35],
  [130, 0.11, 8.4, 28],
];

function weightsOf(outcome: ReturnType<typeof computeObjective>): number[] {
  if (!('weights' in outcome)) throw new Error(`expected weights, got error: ${outcome.error}`);
  return outcome.weights;
}

describe('parsing pasted text', () => {
  it('reads tab-separated rows with a text header row', () => {
    const grid = parsePasted('Sales\tMargin\tNPS\n120\t0.12\t7.5\r\n95\t0.18\t8.1\n\n');
    expect(grid).toEqual([
      ['Sales', 'Margin', 'NPS'],
      [120, 0.12, 7.5],
      [95, 0.18, 8.1],
    ]);
    const table = toTable(grid, label);
    expect(table.hasHeader).toBe(true);
    expect(table.labels).toEqual(['Sales', 'Margin', 'NPS']);
    expect(table.data).toEqual([
      [120, 0.12, 7.5],
      [95, 0.18, 8.1],
    ]);
  });

  it('reads comma-separated rows without a header (default labels)', () => {
    const table = toTable(parsePasted(' 1, 2.5 ,-3\n4,5e-1,.5\n'), label);
    expect(table.hasHeader).toBe(false);
    expect(table.labels).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(table.data).toEqual([
      [1, 2.5, -3],
      [4, 0.5, 0.5],
    ]);
  });

  it('prefers tabs when present, so commas inside a tab-separated header stay in the name', () => {
    expect(parsePasted('Sales, net\tCost\n1\t2')).toEqual([
      ['Sales, net', 'Cost'],
      [1, 2],
    ]);
  });

  it('pads short rows with blanks and names blank header cells by position', () => {
    const grid = parsePasted('A,,C\n1,2,3\n4,5');
    expect(grid[2]).toEqual([4, 5, '']);
    expect(toTable(grid, label).labels).toEqual(['A', 'Column 2', 'C']);
  });

  it('takes the first row as a header only when every filled cell is text', () => {
    expect(isHeaderRow(['A', 'B'])).toBe(true);
    expect(isHeaderRow(['A', 2])).toBe(false);
    expect(isHeaderRow(['', '', ''])).toBe(false);
    expect(isHeaderRow(['12', 'B'])).toBe(false);
    expect(parseCell('  ')).toBe('');
    expect(parseCell('1e3')).toBe(1000);
    expect(parseCell('12abc')).toBe('12abc');
    expect(toTable([], label)).toEqual({ labels: [], hasHeader: false, data: [] });
  });

  it('reads selected-range values (text header, numbers, booleans)', () => {
    const table = toTable(fromRangeValues([['Sales', 'Cost'], [1, 2], [3, true]]), label);
    expect(table.labels).toEqual(['Sales', 'Cost']);
    expect(table.data).toEqual([
      [1, 2],
      [3, true],
    ]);
  });

  it('reads directions, blank meaning the engine default', () => {
    expect(parseDirections('')).toBeNull();
    expect(parseDirections('  ')).toBeNull();
    expect(parseDirections('1, -1;1\t−1')).toEqual([[1, -1, 1, -1]]);
    expect(parseDirections('1 x')).toEqual([[1, 'x']]);
  });
});

describe('weights equal the engine on the same data', () => {
  const dirs = [[1, -1, 1, -1]];
  const text = ['Sales\tDefects\tNPS\tDays', ...DATA.map((r) => r.join('\t'))].join('\n');
  const table = toTable(parsePasted(text), label);

  it('parses the pasted block back to the numbers', () => {
    expect(table.data).toEqual(DATA);
    expect(table.labels).toEqual(['Sales', 'Defects', 'NPS', 'Days']);
  });

  it('Entropy (min-max), with and without directions', () => {
    expect(weightsOf(computeObjective('entropy-minmax', table.data, null))).toEqual(entropy(DATA, null, 'minmax')[0]);
    expect(weightsOf(computeObjective('entropy-minmax', table.data, parseDirections('1,-1,1,-1')))).toEqual(entropy(DATA, dirs, 'minmax')[0]);
  });

  it('Entropy (proportion)', () => {
    expect(weightsOf(computeObjective('entropy-proportion', table.data, null))).toEqual(entropy(DATA, null, 'proportion')[0]);
  });

  it('CRITIC, with and without directions', () => {
    expect(weightsOf(computeObjective('critic', table.data, null))).toEqual(critic(DATA, null)[0]);
    const w = weightsOf(computeObjective('critic', table.data, parseDirections('1 -1 1 -1')));
    expect(w).toEqual(critic(DATA, dirs)[0]);
    expect(w).toHaveLength(4);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('knows exactly its three methods', () => {
    expect(OBJECTIVE_METHODS).toEqual(['entropy-minmax', 'entropy-proportion', 'critic']);
    expect(isObjectiveMethod('critic')).toBe(true);
    expect(isObjectiveMethod('ahp')).toBe(false);
  });
});

describe('engine errors surface as they are', () => {
  function engineMessage(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the engine to throw');
  }

  it('too few rows', () => {
    const out = computeObjective('critic', [[1, 2]], null);
    expect(out).toEqual({ error: engineMessage(() => critic([[1, 2]], null)) });
    expect((out as { error: string }).error).toMatch(/at least 2 rows/);
  });

  it('text in the data names the cell', () => {
    const data = toTable(parsePasted('1,2\n3,oops'), label).data;
    const out = computeObjective('entropy-minmax', data, null);
    expect(out).toEqual({ error: engineMessage(() => entropy(data, null, 'minmax')) });
    expect((out as { error: string }).error).toMatch(/oops/);
  });

  it('wrong directions', () => {
    const bad = computeObjective('entropy-minmax', DATA, parseDirections('1,2,1,1'));
    expect((bad as { error: string }).error).toBe(engineMessage(() => entropy(DATA, [[1, 2, 1, 1]], 'minmax')));
    expect((bad as { error: string }).error).toMatch(/1 \(benefit\) or -1 \(cost\)/);
    const short = computeObjective('critic', DATA, parseDirections('1,-1'));
    expect((short as { error: string }).error).toMatch(/directions has 2 items but data has 4 columns/);
  });

  it('negative values with "proportion", and constant data', () => {
    expect((computeObjective('entropy-proportion', [[1, -2], [3, 4]], null) as { error: string }).error).toMatch(/negative/);
    expect((computeObjective('critic', [[5, 5], [5, 5]], null) as { error: string }).error).toMatch(/every column is constant/);
  });
});

describe('strings', () => {
  const en = translatorFor(WEIGHTS, 'en-US');
  const zh = translatorFor(WEIGHTS, 'zh-CN');

  it('has the same keys in both languages, Chinese in zh-CN', () => {
    const objective = Object.keys(WEIGHTS).filter((key) => key.startsWith('objective.'));
    expect(objective.length).toBeGreaterThan(10);
    for (const key of objective) expect(Object.keys(WEIGHTS[key as keyof typeof WEIGHTS]).sort()).toEqual(['en-US', 'zh-CN']);
    for (const text of [zh('objective.heading'), zh('objective.methodLabel'), zh('objective.useSelection'), zh('weightColumn'), zh('objective.columnLabel', { position: 2 })]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(en('computeFailed', { message: 'data needs at least 2 rows' })).toContain('data needs at least 2 rows');
  });
});
