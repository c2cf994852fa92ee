/**
 * The plan builder's pure model (addin/taskpane/views/plan/plan-model.ts): rows → engine
 * arguments, preview points identical to PERF.TIERED / PERF.PAYOUT (engine `tiered`,
 * `payout`) at the same inputs, marginal ≤ retro, and the engine's errors surfacing with the
 * argument named. The rendered view is covered by tests/e2e.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { payout, tiered } from '../../engine/payouts';
import PlanView from '../../addin/taskpane/views/plan';
import {
  MAX_ROWS,
  PREVIEW_STEPS,
  PlanModel,
  addRow,
  canRemoveRow,
  chartScale,
  createModel,
  evaluate,
  parseCell,
  parseNumber,
  removeRow,
  rowsOf,
  tableOf,
  updateRow,
} from '../../addin/taskpane/views/plan/plan-model';
import { translatorFor } from '../../addin/taskpane/locale';
import { PLAN } from '../../i18n/pane-plan';

function ok(model: PlanModel) {
  const result = evaluate(model);
  if (!result.ok) throw new Error(`expected a valid plan, got ${result.errors.join('; ')}`);
  return result.preview;
}

function errorsOf(model: PlanModel): string[] {
  const result = evaluate(model);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const payoutModel = (): PlanModel => ({ ...createModel(), mode: 'payout' });

/** Each preview point lies on the engine's curve: its y is `engineAt(x)`. */
function expectOnEngineCurve(points: readonly { x: number; y: number }[], engineAt: (x: number) => unknown): void {
  for (const p of points) expect(p.y).toBe(engineAt(p.x));
}

describe('parsing', () => {
  test('numbers, blanks and text', () => {
    expect(parseNumber(' 100,000 ')).toBe(100000);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseCell('')).toBeNull();
    expect(parseCell('0.5')).toBe(0.5);
    expect(parseCell('abc')).toBe('abc');
    expect(tableOf(createModel().tiers)).toEqual([
      [0, 0.02],
      [100000, 0.04],
      [250000, 0.06],
    ]);
  });
});

describe('preview points come from the engine', () => {
  test.each(['marginal', 'retro'] as const)('tiered (%s)', (method) => {
    const model = { ...createModel(), method };
    const preview = ok(model);
    expect(preview.points).toHaveLength(PREVIEW_STEPS + 1);
    const table = tableOf(model.tiers);
    const engineAt = (x: number) => tiered(x, table, method)[0][0];
    expectOnEngineCurve(preview.points, engineAt);
    expect(preview.current).toEqual({ x: 180000, y: engineAt(180000) });
    expect(preview.spec).toEqual({
      kind: 'tiered',
      tiers: [
        { threshold: 0, rate: 0.02 },
        { threshold: 100000, rate: 0.04 },
        { threshold: 250000, rate: 0.06 },
      ],
      amount: 180000,
      method,
    });
  });

  test('payout curve with gate and cap', () => {
    const model = { ...payoutModel(), cap: '1.3' };
    const preview = ok(model);
    expect(preview.points).toHaveLength(PREVIEW_STEPS + 1);
    const table = tableOf(model.curve);
    const engineAt = (x: number) => payout(x, table, 10000, 0.8, 1.3)[0][0];
    expectOnEngineCurve(preview.points, engineAt);
    // Gate: nothing below 0.8; cap: never above 1.3 × target.
    expect(preview.points.filter((p) => p.x < 0.8).every((p) => p.y === 0)).toBe(true);
    expect(Math.max(...preview.points.map((p) => p.y))).toBeCloseTo(13000, 9);
    expect(preview.current?.y).toBe(engineAt(1.05));
    expect(preview.spec).toEqual({
      kind: 'payout',
      curve: [
        { attainment: 0.8, factor: 0.5 },
        { attainment: 1, factor: 1 },
        { attainment: 1.2, factor: 1.5 },
      ],
      attainment: 1.05,
      targetIncentive: 10000,
      gate: 0.8,
      cap: 1.3,
    });
  });

  test('blank gate and cap are left out', () => {
    const preview = ok({ ...payoutModel(), gate: '', cap: ' ' });
    expect(preview.spec).not.toHaveProperty('gate');
    expect(preview.spec).not.toHaveProperty('cap');
    const table = tableOf(payoutModel().curve);
    expectOnEngineCurve(preview.points, (x) => payout(x, table, 10000, null, null)[0][0]);
  });
});

test('marginal ≤ retro with ascending rates', () => {
  const marginal = ok({ ...createModel(), method: 'marginal' }).points;
  const retro = ok({ ...createModel(), method: 'retro' }).points;
  expect(marginal.map((p) => p.x)).toEqual(retro.map((p) => p.x));
  marginal.forEach((p, i) => expect(p.y).toBeLessThanOrEqual(retro[i].y + 1e-9));
  expect(marginal.some((p, i) => p.y < retro[i].y)).toBe(true);
});

describe('errors surface with the argument named', () => {
  test('first threshold not 0', () => {
    const model = createModel();
    const errors = errorsOf(updateRow(model, model.tiers[0].id, 'x', '10'));
    expect(errors.join('\n')).toMatch(/#VALUE! tiers, row 1: the first threshold must be 0/);
  });

  test('thresholds not ascending', () => {
    const model = createModel();
    expect(errorsOf(updateRow(model, model.tiers[2].id, 'x', '50000')).join('\n')).toMatch(/tiers, row 3: the first column must ascend strictly/);
  });

  test('blank and non-numeric cells', () => {
    const model = createModel();
    expect(errorsOf(updateRow(model, model.tiers[1].id, 'y', '')).join('\n')).toMatch(/tiers, row 2, column 2 is blank/);
    expect(errorsOf(updateRow(model, model.tiers[1].id, 'y', 'lots')).join('\n')).toMatch(/tiers, row 2, column 2/);
  });

  test('negative rate and negative amount', () => {
    const model = createModel();
    expect(errorsOf(updateRow(model, model.tiers[1].id, 'y', '-0.1')).join('\n')).toMatch(/#NUM! tiers, row 2: a rate cannot be negative/);
    expect(errorsOf({ ...model, amount: '-5' }).join('\n')).toMatch(/amount cannot be negative/);
    expect(errorsOf({ ...model, amount: '' }).join('\n')).toMatch(/amount/);
  });

  test('payout: curve, target incentive, gate', () => {
    const model = payoutModel();
    expect(errorsOf({ ...model, targetIncentive: '-1' }).join('\n')).toMatch(/target_incentive cannot be negative/);
    expect(errorsOf({ ...model, targetIncentive: '' }).join('\n')).toMatch(/target_incentive/);
    expect(errorsOf({ ...model, gate: 'high' }).join('\n')).toMatch(/gate/);
    expect(errorsOf(updateRow(model, model.curve[1].id, 'x', '0.7')).join('\n')).toMatch(/curve, row 2: the first column must ascend strictly/);
  });
});

describe('rows', () => {
  test('add continues the step, remove keeps at least one row', () => {
    let model = addRow(createModel());
    expect(rowsOf(model).map((r) => r.x)).toEqual(['0', '100000', '250000', '400000']);
    expect(evaluate(model).ok).toBe(true);
    model = { ...model, mode: 'payout' };
    model = addRow(model);
    expect(rowsOf(model).map((r) => r.x)).toEqual(['0.8', '1', '1.2', '1.4']);
    for (const row of rowsOf(model).slice(1)) model = removeRow(model, row.id);
    expect(rowsOf(model)).toHaveLength(1);
    expect(canRemoveRow(model)).toBe(false);
    expect(removeRow(model, rowsOf(model)[0].id)).toBe(model);
    // The tiers are untouched by edits in payout mode.
    expect(model.tiers).toHaveLength(4);
  });

  test('at most MAX_ROWS rows', () => {
    let model = createModel();
    for (let i = 0; i < MAX_ROWS + 5; i++) model = addRow(model);
    expect(rowsOf(model)).toHaveLength(MAX_ROWS);
  });
});

test('chart scale maps the points into the frame', () => {
  const preview = ok(createModel());
  const frame = { width: 360, height: 220, left: 56, right: 12, top: 12, bottom: 40 };
  const scale = chartScale(preview.points, frame, preview.current);
  expect(scale.path.split(' ')).toHaveLength(PREVIEW_STEPS + 1);
  expect(scale.xOf(0)).toBe(frame.left);
  expect(scale.xOf(scale.xMax)).toBe(frame.width - frame.right);
  expect(scale.yOf(0)).toBe(frame.height - frame.bottom);
  expect(scale.yMax).toBeGreaterThanOrEqual(Math.max(...preview.points.map((p) => p.y)));
});

test('both locales define every string', () => {
  for (const [key, text] of Object.entries(PLAN)) expect({ key, locales: Object.keys(text).sort() }).toEqual({ key, locales: ['en-US', 'zh-CN'] });
  expect(Object.keys(PLAN).filter((k) => k.startsWith('sheet.')).length).toBe(24);
  expect(translatorFor(PLAN, 'zh-CN')('write')).toBe('写入工作表');
});

describe('the view renders (server side)', () => {
  test.each(['en-US', 'zh-CN'] as const)('%s, standalone and in Excel', (locale) => {
    const t = translatorFor(PLAN, locale);
    const standalone = renderToStaticMarkup(React.createElement(PlanView, { locale, host: { inExcel: false }, apiBase: '/api' }));
    expect(standalone).toContain('data-view="plan"');
    expect(standalone).toContain('role="img"');
    expect(standalone).toContain(`data-points="${PREVIEW_STEPS + 1}"`);
    expect(standalone).toContain(t('writeNeedsExcel'));
    expect(standalone).toContain(t('thresholdLabel', { row: 1 }));
    const inExcel = renderToStaticMarkup(React.createElement(PlanView, { locale, host: { inExcel: true }, apiBase: '/api' }));
    expect(inExcel).not.toContain(t('writeNeedsExcel'));
  });
});
