/**
 * A statement as a workbook (calc/statements-xlsx.ts): laid out as the HTML page, numbers kept
 * as numbers (the payout with the CNY format), one row per step, and stored as Excel 365
 * stores a workbook (the format checker).
 */
import { calcBytes } from '../../calc/book';
import { buildStatements } from '../../calc/statements';
import { statementDocument } from '../../calc/statements-document';
import { statementRows, statementWorkbook } from '../../calc/statements-xlsx';
import { checkExcelForm } from '../../workbook/format-check';
import { nodeCodec } from '../../workbook/node-codec';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive } from '../../workbook/zip';
import { num } from '../support/stored-workbook';
import { peopleBook } from '../support/people-book';

it('a statement workbook: identity, inputs, the payout as a CNY number with its steps, totals, footer; Excel\'s storage form', async () => {
  const book = await calcBytes(
    peopleBook({
      columns: ['Name', 'Sales'],
      rows: [['<Li>', 35000]],
      results: [{ header: 'Payout', spill: '_xldudf_PERF_TIERED(Team[Sales],Tiers!A2:B3)' }],
      others: [{ name: 'Tiers', cells: [num('A2', 0), num('B2', 0.02), num('A3', 20000), num('B3', 0.04)] }],
    }),
    { allCells: true },
  );
  const model = buildStatements(book, { people: "Team[Name]" });
  expect(model.refused).toEqual([]);
  const doc = statementDocument(model.statements[0], model, { file: 'b.xlsx', sha256: '0'.repeat(64), calculatedAt: '2025-07-31T00:00:00Z' }, 'en-US');
  const rows = statementRows(doc);
  const lines = rows.map((r) => r.map((c) => (c ? c.value : null)));
  expect(lines).toContainEqual(['Name', '<Li>']);
  expect(lines).toContainEqual(['Sales', 35000, 'Team!B2']);
  expect(lines).toContainEqual(['Payout (payout)', 1000, 'Team!C2']);
  expect(rows.find((r) => r[0]?.value === 'Payout (payout)')![1]).toEqual({ value: 1000, style: 'moneyBold' });
  expect(lines).toContainEqual([null, null, '+ Tier 2 (20,000 and above): 15,000 × 4% = 600']);
  expect(lines).toContainEqual(['Total payout', 1000]);
  expect(lines[lines.length - 1][0]).toContain('SHA-256 ' + '0'.repeat(64));

  const bytes = statementWorkbook(doc, 'Statement');
  expect(checkExcelForm(bytes, nodeCodec)).toEqual([]);
  const read = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
  expect(read.sheets[0].name).toBe('Statement');
  expect(read.sheets[0].rows[1][1]).toBe('Incentive statement');
});
