/**
 * Plan view: the plan builder. A tiered commission (thresholds + rates, marginal or
 * retroactive) or a payout curve (attainment + payout factor, target incentive, gate, cap);
 * inputs as finance users type them ("8%", "¥12,000", "12,000"); a live preview drawn at the
 * pane's real width (text ≥ 12 px) from the engine's results, with the gate as a vertical
 * step and dashed gate, cap and threshold markers; results in % and CNY in the workbook's
 * locale; "Write to sheet" writes the plan table and its PERF formula at the selection (Excel
 * only). The plan is kept as a draft (drafts.ts) across sessions.
 *
 * Keyboard: native radios, inputs, selects and buttons in reading order, each labelled;
 * adding a row focuses its first input, removing one focuses "Add row". The engine's errors
 * are shown next to the field they concern, in the user's language (the field's own label in
 * place of the argument's name); a polite live region announces the value at the current input.
 */
import { Button, Field, Input, Radio, RadioGroup, Select, Text, tokens, useId } from '@fluentui/react-components';
import * as React from 'react';
import { PerfError } from '../../../../engine/errors';
import { PLAN } from '../../../../i18n/pane-plan';
import { render } from '../../../../i18n/text';
import { useFocusAfterRender } from '../../components/focus-after-render';
import { AddRow } from '../../components/add-row';
import { Notice, Section, ViewRoot, useLayout } from '../../components/layout';
import { type NumberFormats, numberFormats } from '../../components/numbers';
import { useDraft } from '../../drafts';
import type { Translate } from '../../locale';
import { useTranslator } from '../../components/hooks';
import type { Locale, ViewProps } from '../../view-contract';
import {
  MAX_ROWS,
  PLAN_MODES,
  PlanField,
  PlanMode,
  PlanModel,
  PlanPreview,
  PlanProblem,
  PlanRow,
  TierMethod,
  addRow,
  canAddRow,
  canRemoveRow,
  chartScale,
  createModel,
  evaluate,
  isPlanModel,
  messageForField,
  removeRow,
  rowsOf,
  sameField,
  updateRow,
} from './plan-model';
import { PoolPanel, QuotaPanel, RebatePanel, formulaLocale } from './v2-panels';
import { writePlanToSheet } from './write-to-sheet';
import { IDLE, WriteSection, type WriteState, canWrite } from './write-section';
import { readableFailure } from '../../components/error-text';
import { localizedMessage } from '../../../../i18n/localized-error';

type T = Translate<typeof PLAN>;

/** The message of an error next to `field` (labelled `label`), or undefined when none concerns it. */
function fieldMessage(problems: readonly PlanProblem[], field: PlanField, label: string, locale: Locale): string | undefined {
  const problem = problems.find((p) => sameField(p.field, field));
  if (!problem) return undefined;
  if (problem.error instanceof PerfError) return messageForField(problem.error, label, (error, params) => render(error.text, locale, params));
  return localizedMessage(problem.error, locale);
}

interface RowProps {
  row: PlanRow;
  index: number;
  t: T;
  locale: Locale;
  tiered: boolean;
  removable: boolean;
  problems: readonly PlanProblem[];
  onChange: (id: string, field: 'x' | 'y', value: string) => void;
  onRemove: (id: string) => void;
  inputRef: (id: string, el: HTMLInputElement | null) => void;
}

function RowEditor({ row, index, t, locale, tiered, removable, problems, onChange, onRemove, inputRef }: RowProps): React.JSX.Element {
  const l = useLayout();
  const ref = React.useCallback((el: HTMLInputElement | null) => inputRef(row.id, el), [row.id, inputRef]);
  const n = index + 1;
  const xLabel = tiered ? t('thresholdLabel', { row: n }) : t('attainmentPointLabel', { row: n });
  const yLabel = tiered ? t('rateLabel', { row: n }) : t('factorLabel', { row: n });
  const xError = fieldMessage(problems, { row: row.id, column: 'x' }, xLabel, locale);
  const yError = fieldMessage(problems, { row: row.id, column: 'y' }, yLabel, locale);
  return (
    <li className={l.row} style={{ alignItems: 'flex-start' }} data-plan-row={n}>
      <Field className={l.grow} label={xLabel} validationState={xError ? 'error' : 'none'} validationMessage={xError}>
        <Input className={l.fill} inputMode="decimal" value={row.x} ref={ref} onChange={(_, d) => onChange(row.id, 'x', d.value)} />
      </Field>
      <Field className={l.grow} label={yLabel} validationState={yError ? 'error' : 'none'} validationMessage={yError}>
        <Input className={l.fill} inputMode="decimal" value={row.y} onChange={(_, d) => onChange(row.id, 'y', d.value)} />
      </Field>
      <Button className={l.noShrink} style={{ marginTop: '26px', minWidth: '32px' }} disabledFocusable={!removable} onClick={() => onRemove(row.id)} aria-label={t('removeRow', { row: n })}>
        ×
      </Button>
    </li>
  );
}

export default function PlanView({ locale, host }: ViewProps): React.JSX.Element {
  const l = useLayout();
  const t = useTranslator(PLAN, locale);
  const idPrefix = useId('pp-plan');
  const [model, setModel] = useDraft<PlanModel>('plan', createModel, isPlanModel);
  const [writeState, setWriteState] = React.useState<WriteState>(IDLE);
  const { focusNext, register, keep: inputRef } = useFocusAfterRender();
  const formats = numberFormats(host.numberLocale ?? locale);

  const evaluation = React.useMemo(() => evaluate(model), [model]);
  const tiered = model.mode === 'tiered';
  const rows = rowsOf(model);
  const problems = evaluation.ok ? [] : evaluation.problems;
  const general = problems.filter((p) => p.field === null);

  const change = React.useCallback(
    (next: (m: PlanModel) => PlanModel) => {
      setModel(next);
      setWriteState((s) => (s.kind === 'busy' ? s : IDLE));
    },
    [setModel],
  );
  const onRowChange = React.useCallback((id: string, field: 'x' | 'y', value: string) => change((m) => updateRow(m, id, field, value)), [change]);
  const onRemove = React.useCallback(
    (id: string) => {
      focusNext.current = 'add';
      change((m) => removeRow(m, id));
    },
    [change],
  );
  const onAdd = () => {
    if (!canAddRow(model)) return;
    focusNext.current = `r${model.nextId}`;
    change(addRow);
  };

  const preview = evaluation.ok ? evaluation.preview : null;
  const xAxis = tiered ? t('axisAmount') : t('axisAttainment');
  const yAxis = tiered ? t('axisCommission') : t('axisPayout');
  const showX = tiered ? formats.money : formats.percent;

  const writeNoteId = `${idPrefix}-write-note`;
  const onWrite = async () => {
    if (!preview || !canWrite(host, preview !== null, writeState)) return;
    setWriteState({ kind: 'busy' });
    try {
      const keys = ['threshold', 'rate', 'amount', 'commission', 'attainment', 'factor', 'targetIncentive', 'gate', 'cap', 'payout'] as const;
      const labels = Object.fromEntries(keys.map((k) => [k, t(`sheet.${k}`)])) as Record<(typeof keys)[number], string>;
      const written = await writePlanToSheet({ spec: preview.spec, labels, optionLocale: formulaLocale(host, locale) });
      setWriteState({ kind: 'done', address: written ? written.address : undefined });
    } catch (error) {
      setWriteState({ kind: 'failed', message: readableFailure(error, locale) });
    }
  };

  const input = (label: string, key: 'amount' | 'attainment' | 'targetIncentive' | 'gate' | 'cap', hint?: string) => {
    const error = fieldMessage(problems, { input: key }, label, locale);
    return (
      <Field label={label} hint={hint} validationState={error ? 'error' : 'none'} validationMessage={error}>
        <Input className={l.fill} inputMode="decimal" value={model[key]} onChange={(_, d) => change((m) => ({ ...m, [key]: d.value }))} data-input={key} />
      </Field>
    );
  };

  const v2 = model.mode === 'rebate' || model.mode === 'pool' || model.mode === 'quota';
  const intro = model.mode === 'rebate' ? t('introRebate') : model.mode === 'pool' ? t('introPool') : model.mode === 'quota' ? t('introQuota') : t('intro');

  return (
    <ViewRoot view="plan" locale={locale} title={t('title')} intro={intro}>
      <Field label={t('modeLabel')}>
        <RadioGroup
          layout="horizontal"
          style={{ flexWrap: 'wrap' }}
          value={model.mode}
          onChange={(_, d) => change((m) => ({ ...m, mode: PLAN_MODES.includes(d.value as PlanMode) ? (d.value as PlanMode) : 'tiered' }))}
        >
          <Radio value="tiered" label={t('modeTiered')} />
          <Radio value="payout" label={t('modePayout')} />
          <Radio value="rebate" label={t('modeRebate')} />
          <Radio value="pool" label={t('modePool')} />
          <Radio value="quota" label={t('modeQuota')} />
        </RadioGroup>
      </Field>

      {model.mode === 'rebate' && <RebatePanel locale={locale} host={host} t={t} formats={formats} />}
      {model.mode === 'pool' && <PoolPanel locale={locale} host={host} t={t} formats={formats} />}
      {model.mode === 'quota' && <QuotaPanel locale={locale} host={host} t={t} formats={formats} />}
      {!v2 && (
        <>

          <Section heading={tiered ? t('tiersHeading') : t('curveHeading')} help={tiered ? t('tiersHelp') : t('curveHelp')}>
            <ol className={l.list}>
              {rows.map((row, index) => (
                <RowEditor
                  key={row.id}
                  row={row}
                  index={index}
                  t={t}
                  locale={locale}
                  tiered={tiered}
                  removable={canRemoveRow(model)}
                  problems={problems}
                  onChange={onRowChange}
                  onRemove={onRemove}
                  inputRef={inputRef}
                />
              ))}
            </ol>
            <AddRow label={t('addRow')} canAdd={canAddRow(model)} onAdd={onAdd} buttonRef={register('add')} limitId={`${idPrefix}-limit`} limitText={t('rowLimit', { max: MAX_ROWS })} />
          </Section>

          <div className={l.section}>
            {tiered ? (
              <>
                <Field label={t('methodLabel')}>
                  <Select className={l.fill} value={model.method} onChange={(_, d) => change((m) => ({ ...m, method: d.value as TierMethod }))}>
                    <option value="marginal">{t('methodMarginal')}</option>
                    <option value="retro">{t('methodRetro')}</option>
                  </Select>
                </Field>
                {input(t('amountLabel'), 'amount')}
              </>
            ) : (
              <>
                {input(t('attainmentLabel'), 'attainment')}
                {input(t('targetIncentiveLabel'), 'targetIncentive')}
                {input(t('gateLabel'), 'gate', t('gateHint'))}
                {input(t('capLabel'), 'cap', t('capHint'))}
              </>
            )}
          </div>

          {!evaluation.ok && (
            <div role="alert" data-testid="plan-errors">
              <Notice intent="error" title={t('invalidTitle')}>
                {general.length > 0 ? (
                  <ul className={l.wrap}>
                    {general.map((p, k) => (
                      <li key={k}>{localizedMessage(p.error, locale)}</li>
                    ))}
                  </ul>
                ) : (
                  t('fieldsInvalid')
                )}
              </Notice>
            </div>
          )}

          <Section heading={t('previewHeading')}>
            {preview && <Chart preview={preview} xAxis={xAxis} yAxis={yAxis} t={t} formats={formats} tiered={tiered} />}
            <Text aria-live="polite" className={l.wrap} data-testid="plan-current">
              {preview?.current ? t('currentValue', { what: yAxis, at: showX(preview.current.x), value: formats.money(preview.current.y) }) : ''}
            </Text>
          </Section>

          <WriteSection host={host} t={t} hint={t('formulasHint')} valid={preview !== null} state={writeState} onWrite={onWrite} noteId={writeNoteId} writtenAtKey="writtenAt" />
        </>
      )}
    </ViewRoot>
  );
}

/** useLayoutEffect in a browser (no flash of the fallback width), useEffect on a server render. */
const useIsoLayoutEffect = typeof window === 'undefined' ? React.useEffect : React.useLayoutEffect;

/** The width of an element, kept up to date (ResizeObserver); `fallback` before it is measured. */
function useWidth<E extends HTMLElement>(fallback: number): [React.RefObject<E>, number] {
  const ref = React.useRef<E>(null);
  const [width, setWidth] = React.useState(fallback);
  useIsoLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.max(200, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

const FONT = 12;

interface ChartProps {
  preview: PlanPreview;
  xAxis: string;
  yAxis: string;
  t: T;
  formats: NumberFormats;
  tiered: boolean;
}

/**
 * The preview, drawn at the size it is shown (no scaling), so its text is 12 px at any pane
 * width: the engine's line (with jumps drawn as vertical steps), dashed markers at the tier
 * thresholds, the gate and the cap, and a dot at the current input.
 */
function Chart({ preview, xAxis, yAxis, t, formats, tiered }: ChartProps): React.JSX.Element {
  const [box, width] = useWidth<HTMLDivElement>(320);
  const { points, steps, markers, current } = preview;
  const all = [...points, ...steps].sort((a, b) => a.x - b.x || a.y - b.y);
  const frame = { width, height: 220, left: 56, right: 16, top: 18, bottom: 44 };
  const scale = chartScale(all, frame, current);
  const first = points[0];
  const last = points[points.length - 1];
  const yMax = Math.max(...points.map((p) => p.y));
  const showX = tiered ? formats.money : formats.percent;
  const tickX = tiered ? formats.compactMoney : formats.compactPercent;
  const summary = t('chartSummary', { y: yAxis, x: xAxis, xMax: showX(scale.xMax), yStart: formats.money(first.y), yEnd: formats.money(last.y), yMax: formats.money(yMax) });
  const plotBottom = frame.height - frame.bottom;
  const plotRight = width - frame.right;
  const dash = { stroke: tokens.colorNeutralStroke1, strokeDasharray: '4 3', strokeWidth: 1 };
  const xTicks = width >= 420 ? [0, 0.25, 0.5, 0.75, 1].map((f) => Number((scale.xMax * f).toPrecision(12))) : scale.xTicks;
  return (
    <div ref={box} style={{ width: '100%', minWidth: 0 }}>
      <svg role="img" aria-label={summary} width={width} height={frame.height} viewBox={`0 0 ${width} ${frame.height}`} data-testid="plan-chart" data-points={points.length} style={{ display: 'block', maxWidth: '100%' }}>
        <g aria-hidden="true" fontSize={FONT} fill={tokens.colorNeutralForeground2}>
          {scale.yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={frame.left} x2={plotRight} y1={scale.yOf(v)} y2={scale.yOf(v)} stroke={tokens.colorNeutralStroke2} />
              <text x={frame.left - 4} y={scale.yOf(v) + 4} textAnchor="end">
                {formats.compactMoney(v)}
              </text>
            </g>
          ))}
          {xTicks.map((v, k) => (
            <text key={`x${v}`} x={scale.xOf(v)} y={plotBottom + 16} textAnchor={k === 0 ? 'start' : k === xTicks.length - 1 ? 'end' : 'middle'}>
              {tickX(v)}
            </text>
          ))}
          <line x1={frame.left} x2={frame.left} y1={frame.top} y2={plotBottom} stroke={tokens.colorNeutralStroke1} />
          <line x1={frame.left} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke={tokens.colorNeutralStroke1} />
          {markers.thresholds.map((x) => (
            <line key={`t${x}`} data-marker="threshold" x1={scale.xOf(x)} x2={scale.xOf(x)} y1={frame.top} y2={plotBottom} {...dash} />
          ))}
          {markers.gate !== undefined && (
            <g data-marker="gate">
              <line x1={scale.xOf(markers.gate)} x2={scale.xOf(markers.gate)} y1={frame.top} y2={plotBottom} {...dash} />
              <text x={scale.xOf(markers.gate) + 3} y={frame.top + FONT - 2}>
                {t('markerGate')}
              </text>
            </g>
          )}
          {markers.capPayout !== undefined && markers.capPayout <= scale.yMax && (
            <g data-marker="cap">
              <line x1={frame.left} x2={plotRight} y1={scale.yOf(markers.capPayout)} y2={scale.yOf(markers.capPayout)} {...dash} />
              <text x={plotRight} y={scale.yOf(markers.capPayout) - 3} textAnchor="end">
                {t('markerCap')}
              </text>
            </g>
          )}
          <text x={(frame.left + plotRight) / 2} y={frame.height - 6} textAnchor="middle">
            {xAxis}
          </text>
          <text x={14} y={(frame.top + plotBottom) / 2} textAnchor="middle" transform={`rotate(-90 14 ${(frame.top + plotBottom) / 2})`}>
            {yAxis}
          </text>
          <polyline points={scale.path} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} data-line="" />
          {current && current.x >= 0 && current.x <= scale.xMax && <circle cx={scale.xOf(current.x)} cy={scale.yOf(current.y)} r={4} fill={tokens.colorPaletteRedForeground1} />}
        </g>
      </svg>
    </div>
  );
}
