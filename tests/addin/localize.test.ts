/**
 * localizeMetadata builds functions-zh-cn.json from functions.json and the dictionary; any gap
 * or stale entry must fail the build with a message that names the function / parameter.
 */
import { Dictionary, Metadata, localizeMetadata } from '../../addin/custom-functions/localize';

function metadata(): Metadata {
  return {
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        id: 'TIERED',
        name: 'TIERED',
        description: 'Tiered commission on an amount.',
        parameters: [
          { name: 'amount', description: 'Amounts.', type: 'any', dimensionality: 'matrix' },
          { name: 'tiers', description: 'Two columns.', type: 'any', dimensionality: 'matrix' },
          { name: 'method', description: '"marginal" or "retro".', type: 'any', optional: true },
        ],
        result: { dimensionality: 'matrix' },
      },
      {
        id: 'AHPCR',
        name: 'AHPCR',
        description: 'AHP consistency ratio.',
        parameters: [{ name: 'matrix', description: 'n×n matrix.', type: 'any', dimensionality: 'matrix' }],
        result: {},
      },
    ],
  };
}

function dictionary(): Dictionary {
  return {
    TIERED: {
      description: '按阶梯计算提成。',
      parameters: { amount: '金额。', tiers: '两列：门槛和提成比例。', method: '"marginal"（默认）或 "retro"。' },
    },
    AHPCR: { description: '层次分析法一致性比率。', parameters: { matrix: 'n×n 判断矩阵。' } },
  };
}

/** The message localizeMetadata throws (fails the test if it does not throw). */
function failure(meta: Metadata, dict: Dictionary): string {
  try {
    localizeMetadata(meta, dict);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('localizeMetadata did not throw');
}

describe('localizeMetadata rejects an incomplete or stale dictionary', () => {
  test('a function missing from the dictionary', () => {
    const dict = dictionary();
    delete dict.AHPCR;
    const message = failure(metadata(), dict);
    expect(message).toMatch(/\bAHPCR\b/);
    expect(message).not.toMatch(/\bTIERED\b/);
  });

  test('a function with a blank description', () => {
    const dict = dictionary();
    dict.AHPCR.description = '  ';
    expect(failure(metadata(), dict)).toMatch(/\bAHPCR\b/);
  });

  test('a parameter missing from the dictionary', () => {
    const dict = dictionary();
    delete dict.TIERED.parameters.method;
    const message = failure(metadata(), dict);
    expect(message).toMatch(/\bTIERED\b/);
    expect(message).toMatch(/\bmethod\b/);
    expect(message).not.toMatch(/\bAHPCR\b/);
  });

  test('a parameter with a blank description', () => {
    const dict = dictionary();
    dict.TIERED.parameters.tiers = '';
    const message = failure(metadata(), dict);
    expect(message).toMatch(/\bTIERED\b/);
    expect(message).toMatch(/\btiers\b/);
  });

  test('a stale function id in the dictionary', () => {
    const dict = dictionary();
    dict.RETIRED = { description: '已删除的函数。', parameters: {} };
    const message = failure(metadata(), dict);
    expect(message).toMatch(/\bRETIRED\b/);
  });

  test('a stale parameter in the dictionary', () => {
    const dict = dictionary();
    dict.TIERED.parameters.rate = '旧参数。';
    const message = failure(metadata(), dict);
    expect(message).toMatch(/\bTIERED\b/);
    expect(message).toMatch(/\brate\b/);
  });

  test('a renamed parameter is reported both ways', () => {
    const dict = dictionary();
    delete dict.TIERED.parameters.method;
    dict.TIERED.parameters.mode = '旧名称。';
    const message = failure(metadata(), dict);
    expect(message).toMatch(/\bmethod\b/);
    expect(message).toMatch(/\bmode\b/);
  });

  test('reports every problem at once', () => {
    const dict = dictionary();
    delete dict.AHPCR;
    delete dict.TIERED.parameters.amount;
    dict.GONE = { description: '旧函数。', parameters: {} };
    const message = failure(metadata(), dict);
    for (const name of ['AHPCR', 'amount', 'GONE']) expect(message).toContain(name);
  });
});

describe('localizeMetadata with a complete dictionary', () => {
  test('replaces descriptions and keeps ids, names, parameters and everything else', () => {
    const input = metadata();
    const before = JSON.parse(JSON.stringify(input));
    const output = localizeMetadata(input, dictionary());

    expect(input).toEqual(before); // the input is not mutated
    expect(output.functions.map((fn) => [fn.id, fn.name])).toEqual(input.functions.map((fn) => [fn.id, fn.name]));
    expect(output.allowCustomDataForDataTypeAny).toBe(true);

    const tiered = output.functions[0];
    expect(tiered.description).toBe('按阶梯计算提成。');
    expect(tiered.parameters.map((p) => p.name)).toEqual(['amount', 'tiers', 'method']);
    expect(tiered.parameters.map((p) => p.description)).toEqual(['金额。', '两列：门槛和提成比例。', '"marginal"（默认）或 "retro"。']);
    expect(tiered.parameters[2].optional).toBe(true);
    expect(tiered.parameters[0].dimensionality).toBe('matrix');
    expect(tiered.result).toEqual({ dimensionality: 'matrix' });

    // Apart from the descriptions the output is the input.
    const strip = (m: Metadata) =>
      m.functions.map(({ description: _d, parameters, ...rest }) => ({ ...rest, parameters: parameters.map(({ description: _p, ...p }) => p) }));
    expect(strip(output)).toEqual(strip(input));
  });

  test('a function without parameters needs only a description', () => {
    const meta: Metadata = { functions: [{ id: 'NOW', name: 'NOW', description: 'Now.', parameters: [] }] };
    const output = localizeMetadata(meta, { NOW: { description: '现在。', parameters: {} } });
    expect(output.functions).toEqual([{ id: 'NOW', name: 'NOW', description: '现在。', parameters: [] }]);
  });
});
