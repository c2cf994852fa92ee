/**
 * What `--timeout` says when the time runs out (cli/isolate.ts): before the calculation, which
 * formula cells were not computed; after it — while statements are written — how far the writing
 * got, never "cells not computed" about cells that were all computed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { StatementsTask, stoppedWhere } from '../../cli/isolate';
import { runStatementsTask } from '../../cli/statements-task';
import { render } from '../../i18n/text';
import { peopleBook } from '../support/people-book';
import { tempDir } from '../support/workbook';

const say = (locale: 'en-US' | 'zh-CN', ...args: Parameters<typeof stoppedWhere>) => {
  const p = stoppedWhere(...args);
  return render(p.text, locale, p.params);
};

it('while the workbook is read: says so', () => {
  expect(say('en-US', undefined)).toBe('the workbook was still being read');
});

it('while it is calculated: the formula cells not computed, the first ones named', () => {
  expect(say('en-US', { count: 2000, first: ['S!B1', 'S!B2'] })).toBe('2,000 formula cells not computed (S!B1, S!B2, …)');
});

it('while statements are written: how many of them were, in either language', () => {
  expect(say('en-US', { count: 2000, first: ['S!B1'] }, { done: 450, total: 1000 })).toBe('the workbook was calculated, but only 450 of 1,000 files were written');
  expect(say('zh-CN', { count: 2000, first: ['S!B1'] }, { done: 450, total: 1000 })).toBe('工作簿已计算完毕，但 1,000 个文件中只写出了 450 个');
});

it('perfplan statements tells the isolate how far its writing got, as it writes (what the line above is built from)', async () => {
  const dir = tempDir('perfplan-isolate-');
  const book = path.join(dir, 'plan.xlsx');
  const rows = Array.from({ length: 120 }, (_, i) => [`Person ${i + 1}`, 1000 * (i + 1)]);
  fs.writeFileSync(book, peopleBook({ columns: ['Name', 'Sales'], rows, results: [{ header: 'Payout', spill: 'Team[Sales]/10' }] }));
  const out = path.join(dir, 'out');
  const writing: Array<[number, number]> = [];
  let err = '';
  const task: StatementsTask = { command: 'statements', book, out, format: 'html', people: 'Team[Name]', chromium: '', locale: 'en-US' };
  const code = await runStatementsTask(task, { out: () => undefined, err: (t) => void (err += t) }, { formulas: () => undefined, writing: (done, total) => void writing.push([done, total]) });
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(writing).toEqual([
    [0, 120],
    [50, 120],
    [100, 120],
  ]);
  expect(fs.readdirSync(out)).toHaveLength(120);
});
