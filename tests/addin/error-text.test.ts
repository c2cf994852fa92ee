/**
 * What the pane tells a user when something fails (addin/taskpane/components/error-text.ts):
 * PerfPlan's own errors in the user's language; Excel's or Office's words only when the user can
 * read them — a zh-CN user is never shown an English sentence, and gets the plain sentence
 * instead (here: the Plan builder's "Sheet" section after a failed write).
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { readableFailure } from '../../addin/taskpane/components/error-text';
import { translatorFor } from '../../addin/taskpane/locale';
import { WriteSection } from '../../addin/taskpane/views/plan/write-section';
import { numError } from '../../engine/errors';
import { ERRORS } from '../../i18n/errors';
import { PLAN } from '../../i18n/pane-plan';

const officeEnglish = Object.assign(new Error('The requested resource does not exist.'), { code: 'ItemNotFound' });
const officeChinese = new Error('请求的资源不存在。');
const engine = numError(ERRORS.notPositive, { what: 'target', got: 0 });

describe('readableFailure', () => {
  test('an engine error in the user’s language', () => {
    expect(readableFailure(engine, 'en-US')).toBe('target must be greater than 0; got 0');
    expect(readableFailure(engine, 'zh-CN')).toBe('target必须大于 0；实际为 0');
  });

  test('Office’s words when the user can read them, else nothing', () => {
    expect(readableFailure(officeEnglish, 'en-US')).toBe('The requested resource does not exist.');
    expect(readableFailure(officeEnglish, 'zh-CN')).toBeUndefined();
    expect(readableFailure(officeChinese, 'zh-CN')).toBe('请求的资源不存在。');
    expect(readableFailure(new Error(''), 'en-US')).toBeUndefined();
  });
});

describe('a failed write in the Plan builder', () => {
  const render = (locale: 'en-US' | 'zh-CN', error: unknown) =>
    renderToStaticMarkup(
      React.createElement(WriteSection, {
        host: { inExcel: true },
        t: translatorFor(PLAN, locale),
        hint: '',
        valid: true,
        state: { kind: 'failed', message: readableFailure(error, locale) },
        onWrite: () => undefined,
        noteId: 'note',
        writtenAtKey: 'writtenAt',
      }),
    );

  test('en-US: the sentence with Office’s words', () => {
    expect(render('en-US', officeEnglish)).toContain('Could not write to the sheet: The requested resource does not exist.');
  });

  test('zh-CN: the plain sentence, no English', () => {
    const html = render('zh-CN', officeEnglish);
    expect(html).toContain('无法写入工作表。');
    expect(html).not.toContain('requested resource');
  });

  test('zh-CN: Office’s words when they are Chinese', () => {
    expect(render('zh-CN', officeChinese)).toContain('无法写入工作表：请求的资源不存在。');
  });
});
