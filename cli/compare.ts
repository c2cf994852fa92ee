/**
 * `perfplan compare A.xlsx B.xlsx --key "Team[Name]" --value "Team[Payout]" [--json] [-o diff.xlsx]
 * [--top N] [--timeout SECONDS] [--lang zh-CN]` (issue 12 item 2): plan A against plan B, person
 * by person. Both workbooks are calculated by perfplan calc's own task (compare-books.ts);
 * --key and --value are resolved in each (calc/ranges.ts: table columns, ranges, spills,
 * names); the comparison itself is calc/compare.ts; this file only reads arguments, says
 * refusals and prints or writes the result (compare-report.ts, compare-xlsx.ts).
 */
import * as path from 'path';
import { CeilingCheck, CeilingNames, CellProblem, DEFAULT_TOP, KeyedValue, NamedCell, ceilingLabels, ceilingNames, comparePlans, judgeCeiling, keyedValues } from '../calc/compare';
import { cellProblemPhrase } from '../calc/payroll-phrases';
import { ReferenceRequestError, columnCells, resolveRange, singleCell } from '../calc/ranges';
import { CLI, argumentsLocale, nameList } from '../i18n/cli';
import type { Locale } from '../i18n/locale';
import { OUTPUTS } from '../i18n/outputs';
import { Phrase, isPhrase, phrase, phraseList, render } from '../i18n/text';
import { Refusal } from '../calc/refusal';
import type { WorkbookModel } from '../workbook/read';
import { readArguments } from './calc';
import { calculatedModel, writeWhole } from './compare-books';
import { CompareReport, comparisonJson, comparisonText } from './compare-report';
import { EXIT, commandLine } from './exit-codes';
import type { Io } from './io';
import { startCommand } from './command-start';
import { DEFAULT_TIMEOUT_SECONDS } from './isolate';

/** `perfplan compare`'s usage in `locale`. */
export function compareUsage(locale: Locale): string {
  return render(OUTPUTS.compareUsage, locale, { top: DEFAULT_TOP, seconds: DEFAULT_TIMEOUT_SECONDS });
}

export interface CompareOptions {
  a: string;
  b: string;
  key: string;
  value: string;
  json: boolean;
  output?: string;
  top: number;
  timeout: number;
  locale: Locale;
}

/** `--name X` / `--name=X` at args[i]: the value and how many arguments it took, or an error. */
export function optionValue(args: string[], i: number, names: readonly string[]): { value: string; used: number } | Phrase | undefined {
  const arg = args[i];
  for (const name of names) {
    if (arg.startsWith(`${name}=`)) {
      const value = arg.slice(name.length + 1);
      return value ? { value, used: 1 } : phrase(CLI.needsValue, { option: name });
    }
    if (arg === name) {
      const value = args[i + 1];
      return value !== undefined && value !== '' ? { value, used: 2 } : phrase(CLI.needsValue, { option: name });
    }
  }
  return undefined;
}

/** Hands an option's value to `keep`; how many arguments after the option it took, as readArguments wants. */
export function keepValue(option: { value: string; used: number }, keep: (value: string) => void): number {
  keep(option.value);
  return option.used - 1;
}

export function parseCompareArgs(args: string[], env: Record<string, string | undefined> = process.env): CompareOptions | Phrase {
  const books: string[] = [];
  let key: string | undefined;
  let value: string | undefined;
  let json = false;
  let output: string | undefined;
  let top = DEFAULT_TOP;
  const read = readArguments(args, (arg, i) => {
    const keyArg = optionValue(args, i, ['--key']);
    const valueArg = optionValue(args, i, ['--value']);
    const topArg = optionValue(args, i, ['--top']);
    const outArg = optionValue(args, i, ['-o', '--output']);
    if (isPhrase(keyArg)) return keyArg;
    if (isPhrase(valueArg)) return valueArg;
    if (isPhrase(topArg)) return topArg;
    if (isPhrase(outArg)) return phrase(CLI.needsFileName, { option: arg.split('=')[0] });
    if (keyArg) return keepValue(keyArg, (given) => (key = given));
    if (valueArg) return keepValue(valueArg, (given) => (value = given));
    if (topArg) {
      top = Number(topArg.value);
      if (!Number.isInteger(top) || top < 1) return phrase(OUTPUTS.topCount);
      return topArg.used - 1;
    }
    if (outArg) {
      output = outArg.value;
      if (path.extname(output).toLowerCase() !== '.xlsx') return phrase(OUTPUTS.diffExtension, { file: output });
      return outArg.used - 1;
    }
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg.length > 1) return phrase(CLI.unknownOption, { option: arg });
    else if (books.length === 2) return phrase(CLI.unexpectedArgument, { argument: arg });
    else books.push(arg);
  });
  if (isPhrase(read)) return read;
  if (books.length < 2) return phrase(OUTPUTS.compareNeedsBooks);
  if (!key || !value) return phrase(OUTPUTS.compareNeedsKeyValue);
  return { a: books[0], b: books[1], key, value, json, output, top, timeout: read.timeout, locale: argumentsLocale(args, env) };
}

/** A refused cell, as the message lists it. */
export function problemPhrase(problem: CellProblem): Phrase {
  switch (problem.kind) {
    case 'keyBlank':
      return phrase(OUTPUTS.keyIsBlank, { cell: problem.cell, value: problem.valueCell });
    case 'keyTwice':
      return phrase(OUTPUTS.keyTwice, { key: problem.key, cells: nameList(problem.cells) });
    default:
      return cellProblemPhrase(problem);
  }
}


function inBook(file: string, reason: Phrase): Refusal {
  return new Refusal(phrase(OUTPUTS.inBook, { file, reason }));
}

/** The key and value columns of one workbook, paired. */
function keyedOf(model: WorkbookModel, file: string, key: string, value: string): { values: KeyedValue[]; header: string } {
  try {
    const keyRange = resolveRange(model, key);
    const valueRange = resolveRange(model, value);
    const keys = columnCells(model, keyRange);
    const values = columnCells(model, valueRange);
    if (keys.length !== values.length) {
      // A whole-column range reads to the sheet's last row: compare the ranges as given.
      throw new ReferenceRequestError(phrase(OUTPUTS.lengthsDiffer, { key, keys: keys.length, value, values: values.length }));
    }
    const paired = keyedValues(keys, values);
    if (paired.problems.length) {
      const count = paired.problems.length;
      const cells = phraseList(paired.problems.map(problemPhrase));
      throw inBook(file, count === 1 ? phrase(OUTPUTS.compareRefusedOne, { cells }) : phrase(OUTPUTS.compareRefused, { count, cells }));
    }
    return { values: paired.values, header: keyRange.column ?? key };
  } catch (error) {
    if (error instanceof ReferenceRequestError) throw inBook(file, error.phrase);
    throw error;
  }
}

/** A named cell of a workbook, as a ceiling check reads it. */
function namedCell(model: WorkbookModel, name: string | undefined): NamedCell | undefined {
  if (!name) return undefined;
  try {
    const { address, value } = singleCell(model, resolveRange(model, name));
    return { cell: address, value };
  } catch (error) {
    if (error instanceof ReferenceRequestError) return 'notCell';
    throw error;
  }
}

function ceilingChecks(a: WorkbookModel, b: WorkbookModel): { label: string; a: CeilingCheck; b: CeilingCheck }[] {
  const namesA = ceilingNames(a.definedNames);
  const namesB = ceilingNames(b.definedNames);
  const find = (list: CeilingNames[], label: string) => list.find((c) => c.label.toLowerCase() === label.toLowerCase());
  const judge = (model: WorkbookModel, names: CeilingNames | undefined, label: string) =>
    judgeCeiling(label, names, namedCell(model, names?.ceiling), namedCell(model, names?.actual));
  return ceilingLabels(namesA, namesB).map((label) => ({ label, a: judge(a, find(namesA, label), label), b: judge(b, find(namesB, label), label) }));
}

/** Compares two calculated workbooks (the whole request after calculation); a Refusal for what cannot be compared. */
export function compareModels(a: WorkbookModel, b: WorkbookModel, options: Pick<CompareOptions, 'a' | 'b' | 'key' | 'value' | 'top'>): CompareReport {
  const left = keyedOf(a, options.a, options.key, options.value);
  const right = keyedOf(b, options.b, options.key, options.value);
  return {
    a: options.a,
    b: options.b,
    key: options.key,
    value: options.value,
    keyHeader: right.header,
    comparison: comparePlans(left.values, right.values, options.top),
    ceilings: ceilingChecks(a, b),
  };
}

export async function compareCommand(args: string[], io: Io): Promise<number> {
  const started = startCommand({ name: 'compare', parse: parseCompareArgs, usage: compareUsage }, args, io);
  if (typeof started === 'number') return started;
  const { options, locale } = started;
  const models: WorkbookModel[] = [];
  for (const book of [options.a, options.b]) {
    const model = await calculatedModel(book, io, { command: 'compare', locale, timeoutSeconds: options.timeout });
    if (typeof model === 'number') return model;
    models.push(model);
  }
  let report: CompareReport;
  try {
    report = compareModels(models[0], models[1], options);
  } catch (error) {
    if (error instanceof Refusal) {
      io.err(commandLine('compare', error.message, locale));
      return EXIT.usage;
    }
    throw error;
  }
  if (options.output) {
    const { comparisonWorkbook } = await import('./compare-xlsx');
    const failed = await writeWhole(options.output, await comparisonWorkbook(report, locale));
    if (failed) {
      io.err(commandLine('compare', phrase(OUTPUTS.cannotWrite, { file: options.output, reason: phrase(CLI.foreign, { message: failed }) }), locale));
      return EXIT.unreadable;
    }
  }
  io.out(options.json ? `${JSON.stringify(comparisonJson(report))}\n` : comparisonText(report, locale));
  return EXIT.calculated;
}
