/**
 * The Compare plans view: its waterfall adds up from plan A's total to plan B's, its issue and
 * problem texts, and the view rendered in both languages (standalone: the Excel note, actions
 * disabled; a result: totals, the waterfall and the table).
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { comparePlans, sum } from '../../calc/compare';
import { COMPARE } from '../../i18n/pane-outputs';
import { translatorFor } from '../../addin/taskpane/locale';
import { numberFormats } from '../../addin/taskpane/components/numbers';
import CompareView, { Ceilings, Result } from '../../addin/taskpane/views/compare';
import { ceilingText, issueText, problemText, waterfall, waterfallDomain } from '../../addin/taskpane/views/compare/compare-model';
import { languageLeaks } from './support/language-scan';

const kv = (pairs: [string, number][]) => pairs.map(([key, value], i) => ({ key, value, cell: `Team!C${i + 2}` }));
const A = kv([['Ann', 1000], ['Bob', 2000], ['Cai', 3000], ['Eve', 400]]);
const B = kv([['Ann', 1000], ['Bob', 2500.1], ['Cai', 2700], ['Dee', 800]]);

describe('waterfall', () => {
  it('goes from A through gains, losses, joiners and leavers to B', () => {
    const bars = waterfall(comparePlans(A, B));
    expect(bars.map((b) => [b.id, b.value])).toEqual([
      ['a', 6400],
      ['gains', 500.1],
      ['losses', -300],
      ['joiners', 800],
      ['leavers', -400],
      ['b', 7000.1],
    ]);
    expect(bars[4].to).toBe(bars[5].to);
    for (let i = 1; i < 5; i++) expect(bars[i].from).toBe(bars[i - 1].to);
    expect(sum(bars.slice(1, 5).map((b) => b.value))).toBe(600.1);
    expect(waterfallDomain(bars)).toEqual({ min: 0, max: 7400.1 }); // the peak before the leavers
  });

  it('has a domain that reaches below zero for negative totals, and is never empty', () => {
    expect(waterfallDomain(waterfall(comparePlans(kv([['x', -5]]), kv([['x', 10]]))))).toEqual({ min: -5, max: 10 });
    expect(waterfallDomain(waterfall(comparePlans([], [])))).toEqual({ min: 0, max: 1 });
  });
});

describe('texts', () => {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    const t = translatorFor(COMPARE, locale);
    it(`${locale}: every issue and problem has its own text with the cells in it`, () => {
      expect(issueText(t, { kind: 'notOneColumn', address: 'Team!A2:B4' })).toContain('Team!A2:B4');
      expect(issueText(t, { kind: 'differentRows', keys: 'Team!A2:A4', values: 'Team!C2:C5' })).toContain('Team!C2:C5');
      expect(problemText(t, { kind: 'error', cell: 'Team!C3', code: '#DIV/0!' })).toContain('#DIV/0!');
      expect(problemText(t, { kind: 'keyTwice', key: 'Ann', cells: ['Team!A2', 'Team!A5'] })).toContain('Team!A2, Team!A5');
      // Every kind has a sentence of its own in this language (a missing key would come back as the key).
      const texts = [
        ...(['notAddress', 'noSheet', 'notOneColumn'] as const).map((kind) => issueText(t, { kind, address: 'Team!A2:B4' })),
        ...(['differentSheets', 'differentRows'] as const).map((kind) => issueText(t, { kind, keys: 'Team!A2:A4', values: 'Other!C2:C5' })),
        ...(['blank', 'text', 'logical'] as const).map((kind) => problemText(t, { kind, cell: 'Team!C3' })),
        problemText(t, { kind: 'error', cell: 'Team!C3', code: '#DIV/0!' }),
        problemText(t, { kind: 'keyBlank', cell: 'Team!A3', valueCell: 'Team!C3' }),
        problemText(t, { kind: 'keyTwice', key: 'Ann', cells: ['Team!A2', 'Team!A5'] }),
      ];
      expect(new Set(texts).size).toBe(texts.length);
      for (const text of texts) expect(text).not.toMatch(/^(issue|problem)\./);
      expect(languageLeaks(texts, locale, ['Ann', 'Team!A2:B4', 'Team!A2:A4', 'Other!C2:C5', 'Team!A2', 'Team!A3', 'Team!A5', 'Team!C3'])).toEqual([]);
    });
  }
});

describe('the view', () => {
  const h = React.createElement;
  it('standalone: says Excel is needed and disables its actions', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const html = renderToStaticMarkup(h(CompareView, { locale, host: { inExcel: false }, apiBase: '/api' }));
      expect(html).toContain('data-testid="compare-needs-excel"');
      expect(html).toContain(COMPARE.needsExcel[locale]);
      expect(html).toMatch(/data-testid="compare-run"[^>]*aria-disabled="true"|aria-disabled="true"[^>]*data-testid="compare-run"/);
    }
  });

  it('a result: totals, the waterfall and every person, joiners and leavers marked', () => {
    const t = translatorFor(COMPARE, 'en-US');
    const html = renderToStaticMarkup(h(Result, { comparison: comparePlans(A, B), t, formats: numberFormats('en-US') }));
    expect(html).toContain('data-testid="compare-waterfall"');
    expect(html).toContain('data-bars="6"');
    expect(html).toContain('data-person="Dee" data-status="joiner"');
    expect(html).toContain('data-person="Eve" data-status="leaver"');
    expect(html).toContain('+¥600.1');
  });
});

describe('plan ceilings', () => {
  it('say within or over in each plan, and what is missing', () => {
    const t = translatorFor(COMPARE, 'en-US');
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    expect(ceilingText(t, { label: 'L', state: 'over', actual: 0.33, ceiling: 0.3, actualCell: 'T!F1', ceilingCell: 'B!B2' }, pct)).toBe('33% > 30%, over the ceiling');
    expect(ceilingText(t, { label: 'L', state: 'noActual' }, pct)).toBe('PlanActual_L is not named');
    const zh = translatorFor(COMPARE, 'zh-CN');
    expect(ceilingText(zh, { label: 'L', state: 'within', actual: 0.28, ceiling: 0.3, actualCell: 'T!F1', ceilingCell: 'B!B2' }, pct)).toBe('28% ≤ 30%，未超限');
    const html = renderToStaticMarkup(
      React.createElement(Ceilings, {
        ceilings: [{ label: 'LabourCost', a: { label: 'LabourCost', state: 'within', actual: 0.28, ceiling: 0.3, actualCell: 'T!F1', ceilingCell: 'B!B2' }, b: { label: 'LabourCost', state: 'over', actual: 0.33, ceiling: 0.3, actualCell: 'T!F1', ceilingCell: 'B!B2' } }],
        t,
        formats: numberFormats('en-US'),
      }),
    );
    expect(html).toContain('data-a="within" data-b="over"');
    expect(html).toContain('Plan B: 33% &gt; 30%, over the ceiling');
  });
});
