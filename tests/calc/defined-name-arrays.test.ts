/**
 * Arrays over defined names. Excel sizes TRANSPOSE(Name) and an add-in's array result from the
 * area the name stands for; HyperFormula sizes an array only from references it can see, so a
 * name standing for one area is written as that area (a sheet's own name before the workbook's, never another sheet's).
 */
import { calcBytes, toJson } from '../../calc/book';
import { num, storedWorkbook } from '../support/stored-workbook';

it('sizes TRANSPOSE and PERF.QUOTASPLIT over defined names like over the ranges they name', async () => {
  const weights = [0.2, 0.3, 0.5].map((w, i) => num(`${'BCD'[i]}1`, w));
  const mask = [0, 1, 1].map((m, i) => num(`${'BCD'[i]}2`, m));
  const bytes = storedWorkbook({
    dynamicArrays: true,
    sheets: [
      { name: 'Targets', cells: [...weights, ...mask] },
      {
        name: 'Plan',
        cells: [
          num('A1', 1000),
          num('A2', 2000),
          '<c r="C1" cm="1"><f t="array" ref="C1">TRANSPOSE(Mask)</f></c>',
          '<c r="E1" cm="1"><f t="array" ref="E1">_xldudf_PERF_QUOTASPLIT(A1:A2,Weights)</f></c>',
          '<c r="I1" cm="1"><f t="array" ref="I1">MMULT(_xldudf_PERF_QUOTASPLIT(A1:A2,Weights),TRANSPOSE(Mask))</f></c>',
        ],
      },
    ],
    names: [
      { name: 'Weights', text: 'Targets!$B$1:$D$1' },
      { name: 'Mask', text: 'Targets!$B$2:$D$2' },
      // Another sheet's own Mask does not reach Plan.
      { name: 'Mask', text: 'Targets!$B$1:$B$1', localSheetId: 0 },
    ],
  });
  const json = toJson(await calcBytes(bytes));
  expect(['C1', 'C2', 'C3'].map((a) => json[`Plan!${a}`])).toEqual([0, 1, 1]);
  expect(['E1', 'F1', 'G1', 'E2', 'F2', 'G2'].map((a) => json[`Plan!${a}`])).toEqual([200, 300, 500, 400, 600, 1000]);
  // Months 2 and 3 of each target: 300 + 500, 600 + 1,000.
  expect([json['Plan!I1'], json['Plan!I2']]).toEqual([800, 1600]);
});
