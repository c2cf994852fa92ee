/**
 * shippedMetadata: functions.json as shipped is the generated metadata without
 * allowCustomDataForDataTypeAny (Microsoft's opt-in that hands data types to custom functions
 * as objects, which custom-functions-metadata always sets); nothing else changes.
 */
import { DATA_TYPE_FLAG, shippedMetadata } from '../../addin/custom-functions/metadata';

const generated = () => ({
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: 'TIERED',
      name: 'TIERED',
      description: 'Tiered commission on an amount.',
      parameters: [{ name: 'amount', type: 'any', dimensionality: 'matrix' }],
      result: { dimensionality: 'matrix' },
    },
  ],
});

test('drops the data-type opt-in and keeps every function as generated', () => {
  const input = generated();
  const shipped = shippedMetadata(input);
  expect(DATA_TYPE_FLAG).toBe('allowCustomDataForDataTypeAny');
  expect(Object.keys(shipped)).toEqual(['functions']);
  expect(shipped.functions).toEqual(generated().functions);
  expect(input.allowCustomDataForDataTypeAny).toBe(true); // the input is not mutated
});

test('metadata without the flag passes through unchanged', () => {
  const { allowCustomDataForDataTypeAny: _flag, ...plain } = generated();
  expect(shippedMetadata(plain)).toEqual(plain);
});

test('something that is not generated metadata is refused with a clear error', () => {
  expect(() => shippedMetadata({ allowCustomDataForDataTypeAny: true })).toThrow('functions.json: the generated metadata has no "functions" list');
  expect(() => shippedMetadata(null as unknown as object)).toThrow(/no "functions" list/);
});
