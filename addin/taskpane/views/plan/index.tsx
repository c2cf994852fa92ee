/**
 * Plan view: the plan builder. A tiered commission (thresholds + rates, marginal or retro) or
 * a payout curve (attainment + payout factor, target incentive, gate, cap); a live preview
 * chart (inline SVG) of the engine's results at 41 sample points; "Write to sheet" writes the
 * plan table and its PERF formula at the selection (Excel only).
 *
 * Keyboard: native radios, inputs, selects and buttons in reading order, each labelled;
 * adding a row focuses its first input, removing one focuses "Add row". Engine errors are
 * shown in an alert; a polite live region announces the value at the current input.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import type { ViewProps } from '../../view-contract';
import {
  MAX_ROWS,
  PlanModel,
  PlanPreview,
  PlanRow,
  TierMethod,
  addRow,
  canAddRow,
  canRemoveRow,
  chartScale,
  createModel,
  evaluate,
  removeRow,
  rowsOf,
  updateRow,
} from './plan-model';
import { PlanStrings, stringsFor } from './strings';
import { writePlanToSheet } from './write-to-sheet';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
  // Fluent's Input has a wide default min-width; in a narrow pane two of them would push the remove button out.
  input: { minWidth: 0, width: '100%' },
  remove: { flexShrink: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  chart: { width: '100%', maxWidth: '480px', height: 'auto' },
});

const FRAME = { width: 360, height: 220, left: 56, right: 12, top: 12, bottom: 40 };

type WriteState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; address?: string } | { kind: 'failed'; message: string };
const IDLE: WriteState = { kind: 'idle' };

interface RowProps {
  row: PlanRow;
  index: number;
  t: PlanStrings;
  tiered: boolean;
  removable: boolean;
  onChange: (id: string, field: 'x' | 'y', value: string) => void;
  onRemove: (id: string) => void;
  inputRef: (id: string, el: HTMLInputElement | null) => void;
}

function RowEditor({ row, index, t, tiered, removable, onChange, onRemove, inputRef }: RowProps): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useCallback((el: HTMLInputElement | null) => inputRef(row.id, el), [row.id, inputRef]);
  const n = index + 1;
  return (
    <li className={styles.row} data-plan-row={n}>
      <Field className={styles.grow} label={tiered ? t.thresholdLabel(n) : t.attainmentPointLabel(n)}>
        <Input className={styles.input} inputMode="decimal" value={row.x} ref={ref} onChange={(_, d) => onChange(row.id, 'x', d.value)} />
      </Field>
      <Field className={styles.grow} label={tiered ? t.rateLabel(n) : t.factorLabel(n)}>
        <Input className={styles.input} inputMode="decimal" value={row.y} onChange={(_, d) => onChange(row.id, 'y', d.value)} />
      </Field>
      <Button className={styles.remove} disabledFocusable={!removable} onClick={() => onRemove(row.id)} aria-label={t.removeRow(n)}>
        ×
      </Button>
    </li>
  );
}

export default function PlanView({ locale, host }: ViewProps): React.JSX.Element {
  const styles = useStyles();
  const t = stringsFor(locale);
  const idPrefix = useId('pp-plan');
  const [model, setModel] = React.useState<PlanModel>(createModel);
  const [writeState, setWriteState] = React.useState<WriteState>(IDLE);
  const rowInputs = React.useRef(new Map<string, HTMLInputElement>());
  const addButton = React.useRef<HTMLButtonElement>(null);
  const focusNext = React.useRef<string | 'add' | null>(null);

  const evaluation = React.useMemo(() => evaluate(model), [model]);
  const tiered = model.mode === 'tiered';
  const rows = rowsOf(model);

  React.useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) rowInputs.current.get(target)?.focus();
  });

  const change = (next: (m: PlanModel) => PlanModel) => {
    setModel(next);
    setWriteState((s) => (s.kind === 'busy' ? s : IDLE));
  };
  const onRowChange = React.useCallback((id: string, field: 'x' | 'y', value: string) => change((m) => updateRow(m, id, field, value)), []);
  const onRemove = React.useCallback((id: string) => {
    focusNext.current = 'add';
    change((m) => removeRow(m, id));
  }, []);
  const onAdd = () => {
    if (!canAddRow(model)) return;
    focusNext.current = `r${model.nextId}`;
    change(addRow);
  };
  const inputRef = React.useCallback((id: string, el: HTMLInputElement | null) => {
    if (el) rowInputs.current.set(id, el);
    else rowInputs.current.delete(id);
  }, []);

  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const preview = evaluation.ok ? evaluation.preview : null;
  const xAxis = tiered ? t.axisAmount : t.axisAttainment;
  const yAxis = tiered ? t.axisCommission : t.axisPayout;

  const canWrite = host.inExcel && preview !== null && writeState.kind !== 'busy';
  const writeNoteId = `${idPrefix}-write-note`;
  const onWrite = async () => {
    if (!preview || !canWrite) return;
    setWriteState({ kind: 'busy' });
    try {
      const written = await writePlanToSheet({ spec: preview.spec, labels: t.sheetLabels });
      setWriteState({ kind: 'done', address: written ? written.address : undefined });
    } catch (error) {
      setWriteState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const input = (label: string, value: string, key: 'amount' | 'attainment' | 'targetIncentive' | 'gate' | 'cap', hint?: string) => (
    <Field label={label} hint={hint}>
      <Input inputMode="decimal" value={value} onChange={(_, d) => change((m) => ({ ...m, [key]: d.value }))} />
    </Field>
  );

  return (
    <div className={styles.root} lang={locale} data-view="plan">
      <header className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {t.title}
        </Subtitle1>
        <Text>{t.intro}</Text>
      </header>

      <Field label={t.modeLabel}>
        <RadioGroup layout="horizontal" value={model.mode} onChange={(_, d) => change((m) => ({ ...m, mode: d.value === 'payout' ? 'payout' : 'tiered' }))}>
          <Radio value="tiered" label={t.modeTiered} />
          <Radio value="payout" label={t.modePayout} />
        </RadioGroup>
      </Field>

      <section className={styles.section} aria-labelledby={`${idPrefix}-rows`}>
        <Subtitle2 as="h3" id={`${idPrefix}-rows`} className={styles.heading}>
          {tiered ? t.tiersHeading : t.curveHeading}
        </Subtitle2>
        <Caption1>{tiered ? t.tiersHelp : t.curveHelp}</Caption1>
        <ol className={styles.rows}>
          {rows.map((row, index) => (
            <RowEditor
              key={row.id}
              row={row}
              index={index}
              t={t}
              tiered={tiered}
              removable={canRemoveRow(model)}
              onChange={onRowChange}
              onRemove={onRemove}
              inputRef={inputRef}
            />
          ))}
        </ol>
        <div className={styles.actions}>
          <Button ref={addButton} disabledFocusable={!canAddRow(model)} onClick={onAdd} aria-describedby={canAddRow(model) ? undefined : `${idPrefix}-limit`}>
            {t.addRow}
          </Button>
        </div>
        {!canAddRow(model) && <Caption1 id={`${idPrefix}-limit`}>{t.rowLimit(MAX_ROWS)}</Caption1>}
      </section>

      <section className={styles.section}>
        {tiered ? (
          <>
            <Field label={t.methodLabel}>
              <Select value={model.method} onChange={(_, d) => change((m) => ({ ...m, method: d.value as TierMethod }))}>
                <option value="marginal">{t.methodMarginal}</option>
                <option value="retro">{t.methodRetro}</option>
              </Select>
            </Field>
            {input(t.amountLabel, model.amount, 'amount')}
          </>
        ) : (
          <>
            {input(t.attainmentLabel, model.attainment, 'attainment')}
            {input(t.targetIncentiveLabel, model.targetIncentive, 'targetIncentive')}
            {input(t.gateLabel, model.gate, 'gate', t.gateHint)}
            {input(t.capLabel, model.cap, 'cap', t.capHint)}
          </>
        )}
      </section>

      {!evaluation.ok && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="plan-errors">
          <MessageBarBody>
            <MessageBarTitle>{t.invalidTitle}</MessageBarTitle>
            <ul>
              {evaluation.errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={`${idPrefix}-preview`}>
        <Subtitle2 as="h3" id={`${idPrefix}-preview`} className={styles.heading}>
          {t.previewHeading}
        </Subtitle2>
        {preview && <Chart locale={locale} preview={preview} xAxis={xAxis} yAxis={yAxis} t={t} num={num} />}
        <Text aria-live="polite" data-testid="plan-current">
          {preview?.current ? t.currentValue(yAxis, num.format(preview.current.x), num.format(preview.current.y)) : ''}
        </Text>
      </section>

      <section className={styles.section} aria-labelledby={`${idPrefix}-write`}>
        <Subtitle2 as="h3" id={`${idPrefix}-write`} className={styles.heading}>
          {t.writeHeading}
        </Subtitle2>
        <Caption1>{t.formulasHint}</Caption1>
        <div className={styles.actions}>
          <Button appearance="primary" disabledFocusable={!canWrite} onClick={onWrite} aria-describedby={canWrite ? undefined : writeNoteId}>
            {writeState.kind === 'busy' ? t.writing : t.write}
          </Button>
        </div>
        {!host.inExcel && <Caption1 id={writeNoteId}>{t.writeNeedsExcel}</Caption1>}
        {host.inExcel && !preview && <Caption1 id={writeNoteId}>{t.writeNeedsValid}</Caption1>}
        <div aria-live="polite">
          {writeState.kind === 'done' && (
            <MessageBar intent="success">
              <MessageBarBody>{t.written(writeState.address)}</MessageBarBody>
            </MessageBar>
          )}
          {writeState.kind === 'failed' && (
            <MessageBar intent="error">
              <MessageBarBody>{t.writeFailed(writeState.message)}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>
    </div>
  );
}

interface ChartProps {
  preview: PlanPreview;
  locale: string;
  xAxis: string;
  yAxis: string;
  t: PlanStrings;
  num: Intl.NumberFormat;
}

function Chart({ preview, xAxis, yAxis, t, num, locale }: ChartProps): React.JSX.Element {
  const styles = useStyles();
  const { points, current } = preview;
  const scale = chartScale(points, FRAME, current);
  const first = points[0];
  const last = points[points.length - 1];
  const yMax = Math.max(...points.map((p) => p.y));
  const summary = t.chartSummary(yAxis, xAxis, num.format(scale.xMax), num.format(first.y), num.format(last.y), num.format(yMax));
  const plotBottom = FRAME.height - FRAME.bottom;
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
      className={styles.chart}
      data-testid="plan-chart"
      data-points={points.length}
    >
      <g aria-hidden="true" fontSize="10" fill={tokens.colorNeutralForeground2}>
        {scale.yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={scale.yOf(v)} y2={scale.yOf(v)} stroke={tokens.colorNeutralStroke2} />
            <text x={FRAME.left - 4} y={scale.yOf(v) + 3} textAnchor="end">
              {compact.format(v)}
            </text>
          </g>
        ))}
        {scale.xTicks.map((v) => (
          <text key={`x${v}`} x={scale.xOf(v)} y={plotBottom + 14} textAnchor="middle">
            {compact.format(v)}
          </text>
        ))}
        <line x1={FRAME.left} x2={FRAME.left} y1={FRAME.top} y2={plotBottom} stroke={tokens.colorNeutralStroke1} />
        <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={plotBottom} y2={plotBottom} stroke={tokens.colorNeutralStroke1} />
        <text x={(FRAME.left + FRAME.width - FRAME.right) / 2} y={FRAME.height - 4} textAnchor="middle">
          {xAxis}
        </text>
        <text x={12} y={(FRAME.top + plotBottom) / 2} textAnchor="middle" transform={`rotate(-90 12 ${(FRAME.top + plotBottom) / 2})`}>
          {yAxis}
        </text>
        <polyline points={scale.path} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} />
        {current && current.x >= 0 && current.x <= scale.xMax && (
          <circle cx={scale.xOf(current.x)} cy={scale.yOf(current.y)} r={4} fill={tokens.colorPaletteRedForeground1} />
        )}
      </g>
    </svg>
  );
}
