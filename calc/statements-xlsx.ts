/**
 * A statement document (statements-document.ts) as a workbook: one sheet laid out as the HTML
 * page is — title, identity, inputs, results with their steps one per row, totals, footer —
 * numbers kept as numbers in their cell's number format (amounts without a currency format of
 * their own in the CNY format "¥"#,##0.00, other numbers in #,##0.00), written by the workbook
 * layer (workbook/plain-book.ts) as Excel 365 writes a workbook. Pure: returns the bytes.
 */
import { nodeCodec } from '../workbook/node-codec';
import { PlainCell, plainWorkbook } from '../workbook/plain-book';
import type { ShownText, StatementDocument } from './statements-document';
import { formulaOnly, payoutMark } from './statements-document';

const text = (value: string, style: PlainCell['style'] = 'plain'): PlainCell => ({ value, style });

function valueCell(value: ShownText, bold = false): PlainCell {
  if (value.number === undefined) return { value: value.text, style: bold ? 'bold' : 'plain' };
  if (value.format) return { value: value.number, style: bold ? 'bold' : 'plain', format: value.format };
  if (value.money) return { value: value.number, style: bold ? 'moneyBold' : 'money' };
  return { value: value.number, style: 'number' };
}

/** The sheet's rows: columns A (item), B (value), C (cell or how it was calculated). */
export function statementRows(doc: StatementDocument): (PlainCell | null)[][] {
  const rows: (PlainCell | null)[][] = [[text(doc.heading, 'title')], []];
  for (const i of doc.identity) rows.push([text(i.label, 'bold'), text(i.value)]);
  rows.push([], [text(doc.inputs.heading, 'heading')]);
  if (doc.inputs.rows.length === 0) rows.push([text(doc.inputs.empty)]);
  else {
    rows.push(doc.inputs.columns.map((c) => text(c, 'bold')));
    for (const r of doc.inputs.rows) rows.push([text(r.header), valueCell(r.value), text(r.cell)]);
  }
  rows.push([], [text(doc.results.heading, 'heading')]);
  if (doc.results.rows.length === 0) rows.push([text(doc.results.empty)]);
  else {
    rows.push(doc.results.columns.map((c) => text(c, 'bold')));
    for (const r of doc.results.rows) {
      rows.push([text(r.payout ? `${r.header} (${payoutMark(doc.lang)})` : r.header, r.payout ? 'bold' : 'plain'), valueCell(r.value, r.payout), text(r.where)]);
      if (r.error) rows.push([null, null, text(r.error, 'wrap')]);
      else if (r.steps.length === 0) rows.push([null, null, text(formulaOnly(r.formula, doc.lang), 'wrap')]);
      else {
        rows.push([null, null, text(r.formula, 'wrap')]);
        for (const s of r.steps) rows.push([null, null, text(s.line, 'wrap')]);
      }
    }
  }
  rows.push([], [text(doc.totals.heading, 'heading')]);
  for (const t of doc.totals.rows) rows.push([text(t.label, 'bold'), valueCell(t.value, true)]);
  rows.push([], [text(doc.footer)]);
  return rows;
}

/** The statement as an .xlsx package; `sheet` names its one sheet (the texts' word for a statement). */
export function statementWorkbook(doc: StatementDocument, sheet: string): Uint8Array {
  return plainWorkbook([{ name: sheet, rows: statementRows(doc), widths: [34, 18, 90] }], nodeCodec);
}
