/**
 * What `--timeout` says when the time runs out (cli/isolate.ts): before the calculation, which
 * formula cells were not computed; after it — while statements are written — how far the writing
 * got, never "cells not computed" about cells that were all computed.
 */
import { stoppedWhere } from '../../cli/isolate';
import { render } from '../../i18n/text';

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
