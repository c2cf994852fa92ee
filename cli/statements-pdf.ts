/**
 * PDF statements: each statement's HTML page printed by Chromium through playwright-core
 * (`page.pdf`), the browser found as the tests find it (PERFPLAN_CHROMIUM, else Debian's
 * /usr/bin/chromium; scripts/ensure-chromium.sh installs it). One browser for the whole run and
 * a few pages reused, each printing one statement after another.
 */
import * as fs from 'fs';
import * as os from 'os';

/** The browser `--format pdf` prints with. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.PERFPLAN_CHROMIUM || '/usr/bin/chromium';
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The same switches the browser tests launch Chromium with (tests/e2e/support/browser.ts). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface PdfJob {
  /** The statement's own page (printed alone when its batch cannot be split). */
  html: string;
  file: string;
}

/** A batch of statements printed as one document: its page, and each statement's file in order. */
export interface PdfBatch {
  html: string;
  files: string[];
  /** Each statement's own page, for printing one by one when the batch cannot be split. */
  alone: string[];
}

/** The link each statement of a batch starts with (statements-html.ts statementsBatchHtml). */
export const START_MARK = 'https://perfplan.invalid/statement/';

/**
 * Prints every batch, `pages` at a time (default: one per core, at most 4), in one browser,
 * then splits each printed document into its statements' files; closes the browser whatever
 * happens. One print per batch rather than per statement: Chromium's fixed cost per print
 * dominates a short document.
 */
export async function printPdfs(
  batches: readonly PdfBatch[],
  executablePath: string,
  pages = Math.min(4, Math.max(1, os.cpus().length)),
  onWritten?: (files: number) => void,
): Promise<void> {
  if (batches.length === 0) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    let next = 0;
    const printer = async () => {
      const page = await context.newPage();
      const print = async (html: string) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      };
      for (let batch = batches[next++]; batch; batch = batches[next++]) {
        const parts = splitPdf(await print(batch.html), batch.files.length);
        if (parts) for (let i = 0; i < parts.length; i++) await fs.promises.writeFile(batch.files[i], parts[i]);
        else for (let i = 0; i < batch.files.length; i++) await fs.promises.writeFile(batch.files[i], await print(batch.alone[i]));
        onWritten?.(batch.files.length);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(pages, batches.length) }, printer));
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------
// Splitting a printed batch
// ---------------------------------------------------------------------------------------

interface PdfObject {
  /** The dictionary (or whole value) before any stream, as text. */
  head: string;
  /** The stream keyword and everything after it up to and including endobj, as bytes (empty when none). */
  tail: Buffer;
}

/** The objects of a PDF with a classic cross-reference table (as Chromium's printer writes it), by number. */
function readObjects(pdf: Buffer): Map<number, PdfObject> | undefined {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  if (!Number.isFinite(startxref) || !text.startsWith('xref', startxref)) return undefined;
  const offsets: [number, number][] = [];
  const lines = text.slice(startxref).split(/\r?\n/);
  for (let i = 1; i < lines.length && lines[i] !== 'trailer'; ) {
    const [first, count] = lines[i].split(' ').map(Number);
    for (let k = 0; k < count; k++) {
      const [offset, , kind] = lines[i + 1 + k].trim().split(' ');
      if (kind === 'n') offsets.push([first + k, Number(offset)]);
    }
    i += count + 1;
  }
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, PdfObject>();
  sorted.forEach(([n, offset], i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1][1] : startxref;
    const header = /^\d+ \d+ obj\s*/.exec(text.slice(offset, offset + 32));
    if (!header) return;
    const start = offset + header[0].length;
    const chunk = text.slice(start, end);
    const stream = /(?:>>|\s)stream\r?\n/.exec(chunk);
    const split = stream ? stream.index + (stream[0].startsWith('>>') ? 2 : 0) : chunk.length;
    objects.set(n, { head: chunk.slice(0, split), tail: pdf.subarray(start + split, end) });
  });
  return objects;
}

const refs = (head: string) => [...head.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The page objects in order (the page tree walked from the catalog). */
function pageNumbers(objects: Map<number, PdfObject>, root: number): number[] {
  const catalog = objects.get(root)?.head ?? '';
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog);
  const out: number[] = [];
  const walk = (n: number) => {
    const head = objects.get(n)?.head ?? '';
    if (/\/Type\s*\/Pages\b/.test(head)) for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(head)?.[1] ?? '')) walk(kid);
    else if (/\/Type\s*\/Page\b/.test(head)) out.push(n);
  };
  if (pagesRef) walk(Number(pagesRef[1]));
  return out;
}

/**
 * The printed batch split into `count` PDFs, one per statement: each statement starts on the
 * page carrying its start link. Undefined when the document is not as expected (no classic
 * cross-reference table, not `count` starts in order): the caller prints one by one instead.
 */
export function splitPdf(pdf: Buffer, count: number): Buffer[] | undefined {
  const objects = readObjects(pdf);
  const root = Number(/\/Root (\d+) 0 R/.exec(pdf.toString('latin1', Math.max(0, pdf.length - 1024)))?.[1]);
  if (!objects || !Number.isFinite(root)) return undefined;
  const pages = pageNumbers(objects, root);
  const starts: number[] = [];
  pages.forEach((n, index) => {
    const annots = /\/Annots\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(objects.get(n)!.head);
    if (!annots) return;
    const list = annots[1] ?? objects.get(Number(annots[2]))?.head ?? '';
    for (const a of refs(list)) {
      const uri = new RegExp(`/URI \\(${START_MARK.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\d+)\\)`).exec(objects.get(a)?.head ?? '');
      if (uri) starts.push(index), void Number(uri[1]);
    }
  });
  if (starts.length !== count || starts[0] !== 0 || starts.some((s, i) => i > 0 && s <= starts[i - 1])) return undefined;
  return starts.map((start, i) => documentOf(objects, pages.slice(start, i + 1 < starts.length ? starts[i + 1] : pages.length)));
}

/** A PDF of `pages` alone: every object they reach (not their parent, nor their links), renumbered, under a new page tree. */
function documentOf(objects: Map<number, PdfObject>, pages: number[]): Buffer {
  const numbering = new Map<number, number>();
  const order: number[] = [];
  const pageHead = (n: number) => objects.get(n)!.head.replace(/\/Parent \d+ 0 R/, '').replace(/\/Annots\s*(?:\[[^\]]*\]|\d+ 0 R)/, '');
  const visit = (n: number) => {
    if (numbering.has(n) || !objects.has(n)) return;
    numbering.set(n, order.length + 1);
    order.push(n);
    for (const r of refs(pages.includes(n) ? pageHead(n) : objects.get(n)!.head)) visit(r);
  };
  pages.forEach(visit);
  const pagesNumber = order.length + 1;
  const catalogNumber = order.length + 2;
  const renumber = (head: string) => head.replace(/(\d+) 0 R/g, (whole, n: string) => (numbering.has(Number(n)) ? `${numbering.get(Number(n))} 0 R` : whole));
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  const write = (buffer: Buffer) => {
    chunks.push(buffer);
    length += buffer.length;
  };
  for (const n of order) {
    offsets.push(length);
    const isPage = pages.includes(n);
    const head = isPage ? pageHead(n).replace(/>>\s*(endobj\s*)?$/, (end) => `\n/Parent ${pagesNumber} 0 R${end}`) : objects.get(n)!.head;
    write(Buffer.from(`${numbering.get(n)} 0 obj\n${renumber(head)}`, 'latin1'));
    write(objects.get(n)!.tail);
  }
  offsets.push(length);
  write(Buffer.from(`${pagesNumber} 0 obj\n<</Type /Pages\n/Count ${pages.length}\n/Kids [${pages.map((p) => `${numbering.get(p)} 0 R`).join(' ')}]>>\nendobj\n`, 'latin1'));
  offsets.push(length);
  write(Buffer.from(`${catalogNumber} 0 obj\n<</Type /Catalog\n/Pages ${pagesNumber} 0 R>>\nendobj\n`, 'latin1'));
  const xref = length;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  write(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${entries}trailer\n<</Size ${offsets.length + 1}\n/Root ${catalogNumber} 0 R>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
