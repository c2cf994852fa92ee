/**
 * Scenarios: runScenarios against office-addin-mock, whose Application.calculate (mock data)
 * evaluates output = 2·price + 3·volume − discount from what the helper wrote into the input
 * cells; the inputs must be back to their original contents afterwards, errors included.
 * writeTornado: the results sheet, table and bar chart.
 */
import { runScenarios, ScenarioRun, ScenarioSpec, sortBySwing, tornadoRows, writeTornado } from '../../../addin/office/run-scenarios';
import { blank, createExcelMock, Harness, MockSpec } from './excel-mock';

const ORIGINAL = {
  B2: [[100]],
  B3: [['=C5*2']],
  B4: [['']],
};

const SPEC: ScenarioSpec = {
  inputs: [
    { address: 'Inputs!B2', low: 80, base: 100, high: 120, label: 'Price' },
    { address: 'Inputs!$B$3', low: 5, base: 10, high: 20, label: 'Volume' },
    { address: 'B4', low: 0, base: 1, high: 4 },
  ],
  output: 'Inputs!B6',
};

/** What runScenarios gives for SPEC on the model (output = 2·price + 3·volume − discount): a result per input, in SPEC's order. */
const SPEC_RUN: ScenarioRun = {
  output: 'Inputs!B6',
  base: 229,
  results: [
    { input: 'Price', address: 'Inputs!B2', lowInput: 80, highInput: 120, low: 189, high: 269, swing: 80 },
    { input: 'Volume', address: 'Inputs!$B$3', lowInput: 5, highInput: 20, low: 214, high: 259, swing: 45 },
    { input: 'B4', address: 'B4', lowInput: 0, highInput: 4, low: 230, high: 226, swing: 4 },
  ],
};

function input(h: Harness, address: keyof typeof ORIGINAL): unknown {
  return h.range('Inputs', address).formulas[0][0];
}

function model(overrides: Partial<MockSpec> & { failOnCalculate?: number; onCalc?: (h: Harness, n: number) => void } = {}) {
  let count = 0;
  const h = createExcelMock({
    sheets: {
      Inputs: {
        ranges: {
          B2: { formulas: ORIGINAL.B2, values: [[100]] },
          B3: { formulas: ORIGINAL.B3, values: [[10]] },
          B4: { formulas: ORIGINAL.B4, values: [['']] },
          B6: { formulas: [['=2*B2+3*B3-B4']], values: [[230]] },
        },
      },
    },
    onCalculate: (harness) => {
      count++;
      overrides.onCalc?.(harness, count);
      if (overrides.failOnCalculate === count) throw new Error('GeneralException: calculation failed');
      const [x, y, z] = (['B2', 'B3', 'B4'] as const).map((a) => input(harness, a));
      // The model only knows numbers (the original formula in B3 makes it show #VALUE!).
      harness.range('Inputs', 'B6').values = [[
        [x, y, z].every((v) => typeof v === 'number') ? 2 * (x as number) + 3 * (y as number) - (z as number) : '#VALUE!',
      ]];
    },
    ...overrides,
  });
  return h;
}

function expectRestored(h: Harness): void {
  expect(h.range('Inputs', 'B2').formulas).toEqual(ORIGINAL.B2);
  expect(h.range('Inputs', 'B3').formulas).toEqual(ORIGINAL.B3);
  expect(h.range('Inputs', 'B4').formulas).toEqual(ORIGINAL.B4);
}

describe('runScenarios', () => {
  it('sets low then high per input (others at base), recalculates fully and reads the output', async () => {
    const seen: unknown[][] = [];
    const h = model({ onCalc: (harness) => seen.push((['B2', 'B3', 'B4'] as const).map((a) => input(harness, a))) });
    const run = await runScenarios(h.context, SPEC);

    expect(run).toEqual(SPEC_RUN);
    // What the workbook held at each recalculation: base, then each input low/high, then the
    // final recalculation after the originals were written back.
    expect(seen).toEqual([
      [100, 10, 1],
      [80, 10, 1],
      [120, 10, 1],
      [100, 5, 1],
      [100, 20, 1],
      [100, 10, 0],
      [100, 10, 4],
      [100, '=C5*2', ''],
    ]);
    expect(h.callsOf('application.calculate').map((c) => c.args)).toEqual(Array(8).fill(['Full']));
    expectRestored(h);
    // Addresses resolve on their sheet; an unqualified one on the active sheet.
    expect(h.callsOf('getRange').map((c) => c.args[0])).toEqual(['B2', 'B3', 'B4', 'B6']);
    expect(h.callsOf('worksheets.getActiveWorksheet')).toHaveLength(1);
  });

  it('restores the inputs when calculate throws', async () => {
    const h = model({ failOnCalculate: 3 }); // the first input's high scenario
    await expect(runScenarios(h.context, SPEC)).rejects.toThrow('GeneralException: calculation failed');
    expectRestored(h);
    // No recalculation after the failure.
    expect(h.callsOf('application.calculate')).toHaveLength(3);
    expect(h.calls[h.calls.length - 1].method).toBe('sync');
  });

  it('restores the inputs when the batch with the recalculation is rejected by sync', async () => {
    const h = model({ onCalc: (harness, n) => n === 4 && harness.failNextSync(new Error('InvalidOperation: batch failed')) });
    await expect(runScenarios(h.context, SPEC)).rejects.toThrow('InvalidOperation: batch failed');
    expectRestored(h);
  });

  it('restores the inputs when the output is not a number, and says which scenario', async () => {
    const h = model({
      onCalc: (harness, n) => {
        if (n === 5) {
          harness.range('Inputs', 'B2').formulas = [['#VALUE!']]; // makes the model refuse
        }
      },
    });
    await expect(runScenarios(h.context, SPEC)).rejects.toThrow('The output Inputs!B6 is not a number with Volume at 20 (it shows "#VALUE!")');
    expectRestored(h);

    const text = createExcelMock({
      sheets: { S: { ranges: { A1: { formulas: [[1]] }, A2: { values: [[0]] } } } },
      onCalculate: (harness) => {
        harness.range('S', 'A2').values = [['#VALUE!']];
      },
    });
    await expect(runScenarios(text.context, { inputs: [{ address: 'S!A1', low: 0, base: 1, high: 2 }], output: 'S!A2' }))
      .rejects.toThrow('The output S!A2 is not a number with every input at base (it shows "#VALUE!")');
    expect(text.range('S', 'A1').formulas).toEqual([[1]]);
  });

  it('reports both failures when the inputs cannot be restored', async () => {
    const h = model({
      onCalc: (harness, n) => {
        if (n === 2) {
          harness.failNextSync(new Error('batch failed'));
          throw new Error('calculation failed');
        }
      },
    });
    const error = (await runScenarios(h.context, SPEC).catch((e: Error) => e)) as Error & { cause?: unknown };
    expect(error.message).toBe('Could not restore the scenario inputs (batch failed) after: calculation failed');
    expect((error.cause as Error).message).toBe('calculation failed');
  });

  it('waits while the output shows #BUSY!', async () => {
    const h = createExcelMock({
      sheets: { S: { ranges: { A1: { formulas: [[1]] }, A2: { values: [[0]] } } } },
      onCalculate: (harness) => {
        harness.range('S', 'A2').values = [['#BUSY!']];
      },
    });
    let polls = 0;
    const run = await runScenarios(
      h.context,
      { inputs: [{ address: 'S!A1', low: 0, base: 1, high: 2 }], output: 'S!A2' },
      {
        pollMs: 5,
        sleep: async (ms) => {
          expect(ms).toBe(5);
          polls++;
          if (polls % 2 === 0) h.range('S', 'A2').values = [[Number(h.range('S', 'A1').formulas[0][0]) * 10]];
        },
      },
    );
    expect(run.base).toBe(10);
    expect(run.results[0]).toMatchObject({ low: 0, high: 20, swing: 20 });
    expect(polls).toBe(6);

    const stuck = createExcelMock({
      sheets: { S: { ranges: { A1: { formulas: [[1]] }, A2: { values: [['#BUSY!']] } } } },
    });
    await expect(runScenarios(stuck.context, { inputs: [{ address: 'S!A1', low: 0, base: 5, high: 9 }], output: 'S!A2' }, { busyTimeoutMs: 0 }))
      .rejects.toThrow(/it shows "#BUSY!"/);
    expect(stuck.range('S', 'A1').formulas).toEqual([[1]]);
  });

  it('refuses bad specs before touching the workbook', async () => {
    const h = model();
    const bad = async (spec: ScenarioSpec, message: RegExp) => expect(runScenarios(h.context, spec)).rejects.toThrow(message);
    await bad({ inputs: [], output: 'Inputs!B6' }, /at least one input/);
    await bad({ inputs: [{ address: 'Inputs!B2:B3', low: 1, base: 2, high: 3 }], output: 'Inputs!B6' }, /single cell/);
    await bad({ inputs: [{ address: 'Inputs!B2', low: 1, base: 2, high: 3 }], output: 'Inputs!B6:B7' }, /output must be a single cell/);
    await bad({ inputs: [{ address: 'Inputs!B2', low: 1, base: NaN, high: 3 }], output: 'Inputs!B6' }, /base must be a number/);
    await bad({ inputs: [SPEC.inputs[0], { ...SPEC.inputs[0], address: "'inputs'!$B$2" }], output: 'Inputs!B6' }, /picked twice/);
    await bad({ inputs: [{ address: 'Inputs!B6', low: 1, base: 2, high: 3 }], output: 'Inputs!B6' }, /picked twice \(or is the output\)/);
    expect(h.calls).toEqual([]);
  });
});

describe('tornado', () => {
  // SPEC's run, its results out of swing order (and Volume's address without the $).
  const [price, volume, b4] = SPEC_RUN.results;
  const RUN: ScenarioRun = { ...SPEC_RUN, results: [b4, price, { ...volume, address: 'Inputs!B3' }] };
  const ROWS = [
    ['Input', 'Change at low', 'Change at high', 'Low', 'High', 'Output at low', 'Output at high', 'Swing'],
    ['Price', -40, 40, 80, 120, 189, 269, 80],
    ['Volume', -15, 30, 5, 20, 214, 259, 45],
    ['B4', 1, -3, 0, 4, 230, 226, 4],
  ];

  it('sorts by swing, largest first, keeping input order on ties', () => {
    expect(sortBySwing(RUN.results).map((r) => r.input)).toEqual(['Price', 'Volume', 'B4']);
    const tie = sortBySwing([{ ...RUN.results[0], input: 'a', swing: 1 }, { ...RUN.results[0], input: 'b', swing: 1 }]);
    expect(tie.map((r) => r.input)).toEqual(['a', 'b']);
    expect(tornadoRows(RUN)).toEqual(ROWS);
  });

  it('writes the base, a results table and a clustered bar chart on a new, non-clashing sheet', async () => {
    const h = createExcelMock({
      sheets: { Inputs: {}, Tornado: {} },
      addable: { 'Tornado (2)': { ranges: blank('A1:B1', 'A3:H6', 'A3:C6') } },
    });
    const result = await writeTornado(h.context, 'Tornado', RUN);

    expect(result).toEqual({ sheet: 'Tornado (2)', base: 'A1:B1', table: 'A3:H6', chartSource: 'A3:C6', chartAt: 'J3' });
    expect(h.callsOf('worksheets.add').map((c) => c.args)).toEqual([['Tornado (2)']]);
    const r = (address: string) => h.range('Tornado (2)', address);
    expect(r('A1:B1').values).toEqual([['Base output', 229]]);
    expect(r('A1:B1').format.font.bold).toBe(true);
    expect(r('A3:H6').values).toEqual(ROWS);
    expect(h.callsOf('tables.add').map((c) => c.args)).toEqual([["'Tornado (2)'!A3:H6", true]]);

    const [chartCall] = h.callsOf('charts.add');
    expect(chartCall.sheet).toBe('Tornado (2)');
    expect(chartCall.args[0]).toBe('BarClustered'); // Excel.ChartType.barClustered
    expect(chartCall.args[1]).toBe(r('A3:C6'));
    expect(chartCall.args[2]).toBe('Columns'); // Excel.ChartSeriesBy.columns
    const chart = h.sheet('Tornado (2)').charts.chart;
    expect(chart.title.text).toBe('Tornado: Inputs!B6');
    expect(chart.axes.categoryAxis.reversePlotOrder).toBe(true);
    expect(chart.series.s0.overlap).toBe(100);
    expect(h.callsOf('chart.setPosition').map((c) => c.args)).toEqual([['J3']]);
    expect(h.callsOf('activate').map((c) => c.sheet)).toEqual(['Tornado (2)']);
  });

  it('uses the requested name when free, and localized labels', async () => {
    const h = createExcelMock({
      sheets: { Inputs: {} },
      addable: { 敏感性: { ranges: blank('A1:B1', 'A3:H4', 'A3:C4') } },
    });
    await writeTornado(h.context, '敏感性', { ...RUN, results: [RUN.results[1]] }, { base: '基准', input: '输入', title: '龙卷风图' });
    expect(h.range('敏感性', 'A1:B1').values).toEqual([['基准', 229]]);
    expect(h.range('敏感性', 'A3:H4').values[0][0]).toBe('输入');
    expect(h.sheet('敏感性').charts.chart.title.text).toBe('龙卷风图: Inputs!B6');
    expect(h.callsOf('tables.add')[0].args).toEqual(['敏感性!A3:H4', true]);
  });

  it('refuses an empty run', async () => {
    const h = createExcelMock({ sheets: { Inputs: {} } });
    await expect(writeTornado(h.context, 'Tornado', { ...RUN, results: [] })).rejects.toThrow(/no scenario results/);
    expect(h.calls).toEqual([]);
  });
});
