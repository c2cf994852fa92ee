/**
 * The work of `perfplan statements`, inside the isolated worker (worker.ts): the workbook read
 * and calculated once, as `perfplan explain` calculates it (every cell given to the formula
 * engine, so each argument can be evaluated); the statements modelled (calc/statements.ts);
 * each written to DIR as <id>-<name>.html, .xlsx or .pdf; a line saying how many, the total,
 * and the people refused because their payout is an error (exit 1).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StatementsModel, StatementsRequestError, buildStatements } from '../calc/statements';
import { StatementSource, formatMoney, statementDocument } from '../calc/statements-document';
import { statementHtml, statementsBatchHtml } from '../calc/statements-html';
import type { StatementDocument } from '../calc/statements-document';
import { statementWorkbook } from '../calc/statements-xlsx';
import { STATEMENTS } from '../i18n/statements';
import { phrase, render } from '../i18n/text';
import type { Progress } from './calc';
import { calculateForTask } from './calc';
import { EXIT, commandLine, reasonOf } from './exit-codes';
import type { Io } from './io';
import type { StatementsTask } from './isolate';
import { PdfBatch, START_MARK, printPdfs } from './statements-pdf';

/** Statements printed in one go (then split): Chromium's cost per print is mostly fixed. */
const PDF_BATCH = 25;

/** A file name from a person's id and name: no path separators or characters file systems refuse, at most 80 characters. */
export function fileStem(parts: (string | undefined)[], row: number): string {
  const stem = parts
    .filter((p): p is string => p !== undefined && p.trim() !== '')
    .join('-')
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\x00-\x1f\x7f]+/g, '_')
    .replace(/\s+/g, '_')
    .replace(/^[.\s_-]+/, '')
    .slice(0, 80);
  return stem || `row-${row}`;
}

/** One file name per statement, never the same twice (a repeated name gets its row). */
export function fileNames(model: StatementsModel, extension: string): string[] {
  const used = new Set<string>();
  return model.statements.map((s) => {
    let stem = fileStem([s.id, s.name], s.row);
    if (used.has(stem.toLowerCase())) stem = `${stem}-row${s.row}`;
    used.add(stem.toLowerCase());
    return `${stem}.${extension}`;
  });
}

export async function runStatementsTask(task: StatementsTask, io: Io, progress: Progress): Promise<number> {
  const say = (message: Parameters<typeof commandLine>[1]) => commandLine('statements', message, task.locale);
  let bytes: Uint8Array | undefined;
  const book = await calculateForTask('statements', task, io, progress, { allCells: true, onBytes: (read) => (bytes = read) });
  if (typeof book === 'number') return book;
  const source: StatementSource = {
    file: path.basename(task.book),
    sha256: createHash('sha256').update(bytes!).digest('hex'),
    calculatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  let model: StatementsModel;
  try {
    model = buildStatements(book, { people: task.people, payout: task.payout, id: task.id, role: task.role, period: task.period, locale: task.locale });
  } catch (error) {
    if (error instanceof StatementsRequestError) {
      io.err(say(error.phrase));
      return EXIT.usage;
    }
    throw error;
  }

  const names = fileNames(model, task.format);
  const sheet = render(STATEMENTS.sheet, task.locale);
  try {
    await fs.promises.mkdir(task.out, { recursive: true });
    const pdfs: { doc: StatementDocument; file: string }[] = [];
    const total = model.statements.length;
    progress.writing?.(0, total);
    for (let i = 0; i < model.statements.length; i++) {
      const doc = statementDocument(model.statements[i], model, source, task.locale);
      const file = path.join(task.out, names[i]);
      if (task.format === 'xlsx') await fs.promises.writeFile(file, statementWorkbook(doc, sheet));
      else if (task.format === 'html') await fs.promises.writeFile(file, statementHtml(doc));
      else pdfs.push({ doc, file });
      if (task.format !== 'pdf' && (i + 1) % 50 === 0) progress.writing?.(i + 1, total);
    }
    if (pdfs.length) {
      const batches: PdfBatch[] = [];
      for (let i = 0; i < pdfs.length; i += PDF_BATCH) {
        const batch = pdfs.slice(i, i + PDF_BATCH);
        batches.push({
          html: statementsBatchHtml(batch.map((p) => p.doc), (index) => `${START_MARK}${index}`),
          files: batch.map((p) => p.file),
          alone: batch.map((p) => statementHtml(p.doc)),
        });
      }
      try {
        let written = 0;
        await printPdfs(batches, task.chromium, undefined, (files) => progress.writing?.((written += files), total));
      } catch (error) {
        io.err(say(phrase(STATEMENTS.chromiumFailed, { path: task.chromium, reason: reasonOf(error) })));
        return EXIT.internal;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    io.err(say(phrase(STATEMENTS.cannotWrite, { dir: task.out, reason: reasonOf(error) })));
    return EXIT.unreadable;
  }

  const count = model.statements.length;
  const total = formatMoney(model.total, task.locale);
  io.out(`${render(count === 1 ? STATEMENTS.writtenOne : STATEMENTS.written, task.locale, { count, dir: task.out, format: task.format, total })}\n`);
  if (model.refused.length === 0) return EXIT.calculated;
  const refused = model.refused.length;
  const lines = [say(phrase(refused === 1 ? STATEMENTS.refusedOne : STATEMENTS.refused, { count: refused, column: model.headers.payout })).trimEnd()];
  for (const person of model.refused) lines.push(render(STATEMENTS.refusedPerson, task.locale, { name: person.name, cell: person.cell, code: person.code, message: person.message }).trimEnd());
  io.err(`${lines.join('\n')}\n`);
  return EXIT.usage;
}
