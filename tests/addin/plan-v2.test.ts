/**
 * The Plan builder's catalog-v2 modes (addin/taskpane/views/plan/v2-model.ts, v2-panels.tsx;
 * issue 11 item 3): the rebate ladder, the bonus pool and the target breakdown. Previews equal
 * the engine's PERF.REBATE / PERF.POOL / PERF.QUOTASPLIT on the same inputs and are checked
 * against figures worked out here; the engine's errors come back in the user's language; the
 * panels render in both languages with no word of the other and keep to the glossary. The
 * browser tests (tests/e2e/pane-fit.e2e.test.ts) drive them at 320 and 500 px with axe-core.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PerfError } from '../../engine/errors';
import { formulaLocale, PoolPanel, problemMessage, QuotaPanel, RebatePanel } from '../../addin/taskpane/views/plan/v2-panels';
import {
  addLadderRow,
  addLevel,
  createPoolModel,
  createQuotaModel,
  createRebateModel,
  evaluatePool,
  evaluateQuota,
  evaluateRebate,
  isPoolModel,
  isQuotaModel,
  isRebateModel,
  removeLevel,
} from '../../addin/taskpane/views/plan/v2-model';
import { isPlanModel, createModel } from '../../addin/taskpane/views/plan/plan-model';
import { numberFormats } from '../../addin/taskpane/components/numbers';
import { translatorFor } from '../../addin/taskpane/locale';
import { PLAN } from '../../i18n/pane-plan';
import { languageLeaks, markupTexts } from './support/language-scan';
import { DEFAULT_REBATE_SPEC_ZH } from './support/rebate-ladder';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);

function ok<P>(evaluation: { ok: true; preview: P } | { ok: false; problems: unknown[] }): P {
  if (!evaluation.ok) throw new Error(`expected a preview, got ${evaluation.problems.map(String).join('; ')}`);
  return evaluation.preview;
}

function problems(evaluation: { ok: boolean; problems?: unknown[] }): PerfError[] {
  if (evaluation.ok) throw new Error('expected problems');
  return evaluation.problems as PerfError[];
}

describe('rebate ladder', () => {
  test('retro: the whole volume at the rate of the threshold reached, per level', () => {
    const preview = ok(evaluateRebate(createRebateModel('zh-CN')));
    // 3,000,000 reaches the 1,000,000 threshold: 2% / 2.5% / 3% of all of it.
    expect(preview.levels.map((l) => l.level)).toEqual(['总代', '分销', '零售']);
    [60_000, 75_000, 90_000].forEach((v, k) => close(preview.levels[k].rebate, v));
    close(preview.levels[1].effectiveRate, 0.025);
    expect(preview.levels[0].reached).toBe(1_000_000);
    expect(preview.spec).toEqual(DEFAULT_REBATE_SPEC_ZH);
  });

  test('marginal: each slice at its own rate, never more than retro', () => {
    const model = { ...createRebateModel('en-US'), volume: '6,000,000' };
    const retro = ok(evaluateRebate(model));
    const marginal = ok(evaluateRebate({ ...model, method: 'marginal' }));
    // Retailer: 1,000,000 × 2% + 4,000,000 × 3% + 1,000,000 × 4% = 180,000; retro 6,000,000 × 4%.
    close(marginal.levels[2].rebate, 180_000);
    close(retro.levels[2].rebate, 240_000);
    marginal.levels.forEach((l, k) => expect(l.rebate).toBeLessThanOrEqual(retro.levels[k].rebate + 1e-9));
  });

  test("the engine's errors, in the user's language", () => {
    const twice = problems(evaluateRebate({ ...createRebateModel('zh-CN'), levels: ['总代', '总代', '零售'] }));
    expect(twice[0]).toBeInstanceOf(PerfError);
    expect(twice[0].localized('zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    const notAscending = problems(evaluateRebate({ ...createRebateModel('en-US'), rows: [...createRebateModel('en-US').rows].reverse() }));
    expect(notAscending[0].localized('en-US')).toMatch(/ladder/);
    const volume = problems(evaluateRebate({ ...createRebateModel('en-US'), volume: 'lots' }));
    expect(volume[0].localized('en-US')).toMatch(/amount/);
    // On screen the arguments are called by their labels, in the user's language only.
    const cell = problems(evaluateRebate({ ...createRebateModel('zh-CN'), rows: [{ threshold: '0', rates: ['abc', '1%', '1%'] }] }));
    const zh = problemMessage(cell[0], 'zh-CN', translatorFor(PLAN, 'zh-CN'));
    expect(zh).toContain('返利阶梯');
    expect(languageLeaks([zh], 'zh-CN', ['abc'])).toEqual([]);
    expect(problemMessage(volume[0], 'en-US', translatorFor(PLAN, 'en-US'))).toMatch(/^Volume/);
  });

  test('levels and thresholds grow and shrink with their rates', () => {
    let m = addLevel(createRebateModel('en-US'), 'Online');
    expect(m.levels).toHaveLength(4);
    expect(m.rows.every((r) => r.rates.length === 4)).toBe(true);
    m = removeLevel(m, 0);
    expect(m.levels[0]).toBe('Distributor');
    m = addLadderRow(m);
    expect(m.rows[3].threshold).toBe('9000000');
    expect(isRebateModel(m)).toBe(true);
    expect(isRebateModel({ ...m, rows: [{ threshold: '0', rates: ['1%'] }] })).toBe(false);
  });
});

describe('bonus pool', () => {
  test('a cap cuts off what flows to the others; the preview names who is capped', () => {
    const preview = ok(evaluatePool(createPoolModel('en-US')));
    // Shares 40/25/20/5 of 1,000,000: Sales would get 444,444 > cap 350,000; the remaining
    // 650,000 goes 25:20:5 → 325,000 / 260,000 / 65,000, and Finance's 65,000 < floor 80,000,
    // so Finance gets 80,000 and 570,000 goes 25:20 → 316,667 / 253,333.
    expect(preview.people.map((p) => p.place)).toEqual(['cap', 'share', 'share', 'floor']);
    close(preview.people[0].amount, 350_000);
    close(preview.people[1].amount, (570_000 * 25) / 45);
    close(preview.people[2].amount, (570_000 * 20) / 45);
    close(preview.people[3].amount, 80_000);
    close(preview.paid, 1_000_000);
    expect(preview.leftover).toBe(0);
    expect(preview.spec).toEqual({ pool: 1_000_000, cap: 350_000, floor: 80_000, people: [{ name: 'Sales', share: 40 }, { name: 'Operations', share: 25 }, { name: 'Supply chain', share: 20 }, { name: 'Finance', share: 5 }] });
  });

  test('Σcap < pool: everyone at the cap, the rest stays; blank cap and floor are left out', () => {
    const all = ok(evaluatePool({ ...createPoolModel('en-US'), cap: '200,000', floor: '' }));
    expect(all.people.every((p) => p.place === 'cap')).toBe(true);
    close(all.leftover, 200_000);
    expect(all.spec).not.toHaveProperty('floor');
    const plain = ok(evaluatePool({ ...createPoolModel('en-US'), cap: '', floor: '' }));
    close(plain.people[0].amount, 1_000_000 * (40 / 90));
    expect(plain.spec).not.toHaveProperty('cap');
  });

  test("floors over the pool, a negative share: the engine's errors", () => {
    expect(problems(evaluatePool({ ...createPoolModel('en-US'), floor: '300,000' }))[0].localized('en-US')).toMatch(/floor/);
    const negative = createPoolModel('zh-CN');
    negative.people[1].share = '-1';
    expect(problems(evaluatePool(negative))[0].localized('zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    expect(isPoolModel(createPoolModel('zh-CN'))).toBe(true);
    expect(isPoolModel({ pool: '1', cap: '', floor: '', people: [] })).toBe(false);
  });
});

describe('target breakdown', () => {
  test('months are multiples of the step, add up to the annual target exactly; quarters sum their months', () => {
    const preview = ok(evaluateQuota(createQuotaModel('zh-CN')));
    expect(preview.targets.map((t) => t.name)).toEqual(['华东区', '华南区']);
    for (const target of preview.targets) {
      expect(target.months).toHaveLength(12);
      expect(target.months.reduce((a, b) => a + b, 0)).toBe(target.annual);
      for (const m of target.months) expect(m % 10_000).toBe(0);
      expect(target.quarters).toEqual([0, 1, 2, 3].map((q) => target.months[3 * q] + target.months[3 * q + 1] + target.months[3 * q + 2]));
    }
    // Σw = 12; East's December = 8,000,000 × 1.4 / 12 = 933,333.3 → 930,000 or 940,000.
    expect([930_000, 940_000]).toContain(preview.targets[0].months[11]);
    expect(preview.spec.roundTo).toBe(10_000);
    expect(preview.spec.weights).toEqual([0.8, 0.6, 0.9, 1, 1, 0.9, 0.9, 1, 1.1, 1.2, 1.2, 1.4]);
  });

  test('one target, no rounding: exact proportions', () => {
    const preview = ok(evaluateQuota({ targets: [{ name: 'Me', annual: '1200' }], weights: Array(12).fill('1'), roundTo: '' }));
    expect(preview.targets[0].months).toEqual(Array(12).fill(100));
    expect(preview.spec).not.toHaveProperty('roundTo');
  });

  test("an annual target that is no multiple of the step, weights summing to 0: the engine's errors", () => {
    const model = createQuotaModel('en-US');
    model.targets[1].annual = '5,005,000';
    expect(problems(evaluateQuota(model))[0].localized('en-US')).toMatch(/multiple/);
    expect(problems(evaluateQuota({ ...createQuotaModel('en-US'), weights: Array(12).fill('0') }))[0].code).toBe('#DIV/0!');
    expect(isQuotaModel(createQuotaModel('en-US'))).toBe(true);
    expect(isQuotaModel({ ...createQuotaModel('en-US'), weights: ['1'] })).toBe(false);
  });
});

test('plan drafts keep the new modes; text options follow the workbook’s language', () => {
  for (const mode of ['rebate', 'pool', 'quota'] as const) expect(isPlanModel({ ...createModel(), mode })).toBe(true);
  expect(isPlanModel({ ...createModel(), mode: 'other' })).toBe(false);
  expect(formulaLocale({ inExcel: true, numberLocale: 'zh-CN' }, 'en-US')).toBe('zh-CN');
  expect(formulaLocale({ inExcel: true, numberLocale: 'en-GB' }, 'zh-CN')).toBe('en-US');
  expect(formulaLocale({ inExcel: false }, 'zh-CN')).toBe('zh-CN');
});

test.each(['en-US', 'zh-CN'] as const)('a new draft’s example names (levels, departments, regions) are in %s only', (locale) => {
  const names = [...createRebateModel(locale).levels, ...createPoolModel(locale).people.map((p) => p.name), ...createQuotaModel(locale).targets.map((t) => t.name)];
  expect(names).toHaveLength(9);
  expect(new Set(names).size).toBe(9);
  expect(languageLeaks(names, locale)).toEqual([]);
});

describe('the panels render (server side) in one language each', () => {
  test.each(['en-US', 'zh-CN'] as const)('%s', (locale) => {
    const t = translatorFor(PLAN, locale);
    const formats = numberFormats(locale);
    for (const [name, Panel] of [
      ['rebate', RebatePanel],
      ['pool', PoolPanel],
      ['quota', QuotaPanel],
    ] as const) {
      for (const inExcel of [false, true]) {
        const html = renderToStaticMarkup(React.createElement(Panel, { locale, host: { inExcel }, t, formats }));
        expect({ name, inExcel, leaks: languageLeaks(markupTexts(html, locale), locale) }).toEqual({ name, inExcel, leaks: [] });
        expect(html.includes(t('writeNeedsExcel'))).toBe(!inExcel);
      }
    }
    const rebate = renderToStaticMarkup(React.createElement(RebatePanel, { locale, host: { inExcel: false }, t, formats }));
    expect(rebate).toContain('data-testid="rebate-preview"');
    expect((rebate.match(/data-rate="/g) ?? []).length).toBe(9); // 3 thresholds × 3 levels
    const pool = renderToStaticMarkup(React.createElement(PoolPanel, { locale, host: { inExcel: false }, t, formats }));
    expect(pool).toContain('data-pool-place="cap"');
    expect(pool).toContain(t('poolCapped', { count: 1, names: locale === 'zh-CN' ? '销售部' : 'Sales' }));
    const quota = renderToStaticMarkup(React.createElement(QuotaPanel, { locale, host: { inExcel: false }, t, formats }));
    expect((quota.match(/data-quarter="/g) ?? []).length).toBe(4);
    expect(quota).toContain(t('quarter.4'));
  });
});
