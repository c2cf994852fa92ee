/**
 * calculatedModel (calc/book.ts): the workbook model with each cell's value as calculated — the
 * stale cached values a file carries replaced (spills beside a table: tests/functions/runs/payroll.test.ts) — as the package
 * `perfplan calc -o` writes reads back, without writing and parsing it.
 */
import { calcBytes, calculatedBytes, calculatedModel } from '../../calc/book';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { formulaCell, num, storedWorkbook } from '../support/stored-workbook';

const book = () =>
  storedWorkbook({
    sheets: [
      {
        name: 'S',
        cells: [
          num('A1', 2),
          num('A2', 3),
          // A stale cached value (999) the calculation replaces.
          formulaCell('B1', 'A1*10', '999'),
          formulaCell('C1', 'B1+A2', '0'),
        ],
      },
    ],
  });

it('holds the calculated values, where the file held stale ones or none', async () => {
  const calculated = await calcBytes(book());
  const sheet = calculatedModel(calculated).sheets[0];
  expect([sheet.rows[1][1], sheet.rows[2][1], sheet.rows[1][2], sheet.rows[1][3]]).toEqual([2, 3, 20, 23]);
  // The model read from the file is untouched.
  expect(calculated.model.sheets[0].rows[1][2]).toBe(999);
});

it('is what the workbook perfplan calc -o writes reads back as, cell for cell', async () => {
  const calculated = await calcBytes(book());
  const saved = readWorkbookModel(ZipArchive.read(calculatedBytes(calculated)), nodeCodec);
  const values = (rows: unknown[][]) => rows.map((line) => (line ? [...line].map((v) => v ?? null) : null));
  expect(values(calculatedModel(calculated).sheets[0].rows)).toEqual(values(saved.sheets[0].rows));
});
