/**
 * cli/statements-pdf.ts's splitter refuses what it does not recognise (the printer then prints
 * each statement alone); splitting Chromium's real output is tested end to end in
 * tests/cli/statements.test.ts (each file holds its own person and opens in pdftotext).
 */
import { splitPdf } from '../../cli/statements-pdf';

it('a document that is no PDF of the expected form is not split', () => {
  expect(splitPdf(Buffer.from('not a pdf'), 2)).toBeUndefined();
  const noStarts = Buffer.from('%PDF-1.4\n1 0 obj\n<</Type /Catalog\n/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages\n/Count 0\n/Kids []>>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<</Size 3\n/Root 1 0 R>>\nstartxref\n105\n%%EOF\n', 'latin1');
  expect(splitPdf(noStarts, 1)).toBeUndefined();
});
