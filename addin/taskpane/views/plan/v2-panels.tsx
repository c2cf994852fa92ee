/**
 * The Plan builder's catalog-v2 modes (issue 11, item 3), each a panel of the Plan view with
 * its own draft:
 *
 *   - RebatePanel: the levels, a level × threshold grid of rebate rates, the volume and the
 *     method; the preview gives each level's rebate and effective rate at that volume;
 *   - PoolPanel: the pool, a cap and a floor per person, the people and their shares; the
 *     preview gives each one's amount and who is held by the cap or the floor;
 *   - QuotaPanel: annual targets by region or person, twelve seasonality weights and a rounding
 *     step; the preview gives a target's months and quarters.
 *
 * Every number comes from the engine (v2-model.ts), as PERF.REBATE / PERF.POOL /
 * PERF.QUOTASPLIT compute it in Excel. "Write to sheet" (Excel only) writes the inputs and the
 * PERF formula at the selection (addin/office/write-rebate, write-pool, write-quota); a text
 * option is written as the workbook's language reads it ("追溯" in a Chinese workbook).
 * Names typed by the user are user data (data-user-data), shown as typed.
 */
import { Button, Caption1, Field, Input, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import * as React from 'react';
import { PerfError } from '../../../../engine/errors';
import type { PLAN } from '../../../../i18n/pane-plan';
import { type Params, render } from '../../../../i18n/text';
import { useFocusAfterRender } from '../../components/focus-after-render';
import { Actions, Notice, Section, useLayout } from '../../components/layout';
import type { NumberFormats } from '../../components/numbers';
import { useDraft } from '../../drafts';
import { NumberCell, PreviewTable, RowHeading, TextCell } from './preview-table';
import { RowList } from './row-list';
import { NameValueSection, PEOPLE_LIST, TARGETS_LIST } from './name-value-section';
import { IDLE, WriteSection, type WriteState, canWrite } from './write-section';
import type { Translate } from '../../locale';
import type { HostInfo, Locale } from '../../view-contract';
import {
  MAX_LADDER_ROWS,
  MAX_LEVELS,
  MONTHS,
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
  removeLadderRow,
  removeLevel,
  type Evaluation,
  type RebateMethod,
} from './v2-model';
import { type PlanSheetResult, writePoolToSheet, writeQuotaToSheet, writeRebateToSheet } from './write-to-sheet';
import { readableFailure } from '../../components/error-text';
import { localizedMessage } from '../../../../i18n/localized-error';

type T = Translate<typeof PLAN>;

export interface V2PanelProps {
  locale: Locale;
  host: HostInfo;
  t: T;
  formats: NumberFormats;
}

const useStyles = makeStyles({
  grid: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' },
  gridCell: { padding: `${tokens.spacingVerticalXXS} 2px`, verticalAlign: 'middle', minWidth: 0 },
  colHead: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, textAlign: 'start', overflowWrap: 'anywhere', padding: `0 2px ${tokens.spacingVerticalXXS}` },
  removeCol: { width: '36px' },
  months: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(72px, 1fr))', gap: tokens.spacingHorizontalS, minWidth: 0 },
  quarterRow: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  capped: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The workbook's language for text options: Excel's culture when known, else the pane's. */
export function formulaLocale(host: HostInfo, locale: Locale): Locale {
  if (!host.numberLocale) return locale;
  return /^zh\b/i.test(host.numberLocale) ? 'zh-CN' : 'en-US';
}

/** The engine's argument names, as the panels label those inputs. */
function argumentLabels(t: T): Record<string, string> {
  return {
    ladder: t('ladderHeading'),
    amount: t('volumeLabel'),
    level: t('levelColumn'),
    method: t('methodLabel'),
    pool: t('poolLabel'),
    shares: t('shareColumn'),
    cap: t('placeCap'),
    floor: t('placeFloor'),
    annual: t('targetsHeading'),
    weights: t('seasonalityHeading'),
    round_to: t('sheet.roundTo'),
  };
}

/** `params` with every argument name (at any depth of its phrases) replaced by its label. */
function relabel(params: Params, labels: Record<string, string>): Params {
  const out: Record<string, Params[string]> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value)) out[key] = labels[value];
    else if (typeof value === 'object' && value !== null && 'text' in value) out[key] = { text: value.text, params: value.params ? relabel(value.params, labels) : undefined };
    else out[key] = value;
  }
  return out;
}

/**
 * A problem in the user's words: an engine error rendered in the pane's language with the
 * arguments it names ("ladder, row 2, column 2") called by their labels on screen.
 */
export function problemMessage(problem: unknown, locale: Locale, t: T): string {
  if (problem instanceof PerfError) return render(problem.text, locale, relabel(problem.params, argumentLabels(t)));
  return localizedMessage(problem, locale);
}

/** The engine's or a writer's problems, in the user's language. */
function Problems({ problems, locale, t }: { problems: unknown[]; locale: Locale; t: T }): React.JSX.Element {
  const l = useLayout();
  return (
    <div role="alert" data-testid="plan-errors">
      <Notice intent="error" title={t('invalidTitle')}>
        <ul className={l.wrap}>
          {problems.map((p, k) => (
            <li key={k}>{problemMessage(p, locale, t)}</li>
          ))}
        </ul>
      </Notice>
    </div>
  );
}

/** The "Sheet" section of a v2 panel: its write state, reset when the draft (`resetKey`) changes. */
function V2WriteSection({ host, locale, t, valid, hint, write, resetKey }: { host: HostInfo; locale: Locale; t: T; valid: boolean; hint: string; write: () => Promise<PlanSheetResult>; resetKey: unknown }): React.JSX.Element {
  const noteId = useId('pp-v2-write-note');
  const [state, setState] = React.useState<WriteState>(IDLE);
  React.useEffect(() => setState((s) => (s.kind === 'busy' ? s : IDLE)), [resetKey]);
  const onWrite = async () => {
    if (!canWrite(host, valid, state)) return;
    setState({ kind: 'busy' });
    try {
      const written = await write();
      setState({ kind: 'done', address: written.address });
    } catch (error) {
      setState({ kind: 'failed', message: readableFailure(error, locale) });
    }
  };
  return <WriteSection host={host} t={t} hint={hint} valid={valid} state={state} onWrite={onWrite} noteId={noteId} writtenAtKey="writtenV2" testId="plan-write" />;
}

/** `model` with `list` under `key`, or `model` itself when the list is the one it has (a change that changed nothing). */
function keepUnchanged<M, K extends keyof M>(model: M, key: K, list: M[K]): M {
  return list === model[key] ? model : { ...model, [key]: list };
}

/**
 * A panel's draft (kept across sessions under `key`; at first the example in the pane's
 * language) and the engine's evaluation of it, with its preview when the draft is valid.
 */
function usePanelDraft<M, P>(key: string, create: (locale: Locale) => M, accept: (value: unknown) => value is M, evaluate: (model: M) => Evaluation<P>, locale: Locale) {
  const [model, setModel] = useDraft<M>(key, () => create(locale), accept);
  const evaluation = React.useMemo(() => evaluate(model), [evaluate, model]);
  return { model, setModel, evaluation, preview: evaluation.ok ? evaluation.preview : null };
}

/** What a panel shows below its inputs: the engine's problems (an invalid draft), the preview section (`children`) and the "Sheet" section. */
function PanelOutcome<P>({ evaluation, locale, host, t, hint, write, model, children }: { evaluation: Evaluation<P>; locale: Locale; host: HostInfo; t: T; hint: string; write: () => Promise<PlanSheetResult>; model: unknown; children: React.ReactNode }): React.JSX.Element {
  return (
    <>
      {!evaluation.ok && <Problems problems={evaluation.problems} locale={locale} t={t} />}
      <Section heading={t('previewHeading')}>{children}</Section>
      <V2WriteSection host={host} locale={locale} t={t} valid={evaluation.ok} hint={hint} write={write} resetKey={model} />
    </>
  );
}

/** A number input with a visible label. */
function NumberField({ label, value, onChange, hint, testId }: { label: string; value: string; onChange: (value: string) => void; hint?: string; testId?: string }): React.JSX.Element {
  const l = useLayout();
  return (
    <Field label={label} hint={hint}>
      <Input className={l.fill} inputMode="decimal" value={value} onChange={(_, d) => onChange(d.value)} data-input={testId} />
    </Field>
  );
}

// ---------------------------------------------------------------------------------------------
// Rebate ladder

export function RebatePanel({ locale, host, t, formats }: V2PanelProps): React.JSX.Element {
  const l = useLayout();
  const s = useStyles();
  const { model, setModel, evaluation, preview } = usePanelDraft('plan-rebate', createRebateModel, isRebateModel, evaluateRebate, locale);
  const focus = useFocusAfterRender();
  const { focusNext, register } = focus;
  const levelName = (k: number) => model.levels[k].trim() || t('newLevel', { level: k + 1 });

  const write = () =>
    writeRebateToSheet(preview!.spec, {
      labels: { threshold: t('sheet.ladderThreshold'), volume: t('sheet.volume'), level: t('sheet.level'), rebate: t('sheet.rebate') },
      optionLocale: formulaLocale(host, locale),
    });

  return (
    <>
      <Section heading={t('levelColumn')}>
        <RowList
          rows={model.levels}
          rowAttribute="level"
          fields={(name, k) => (
            <Field className={l.grow} label={t('levelName', { level: k + 1 })}>
              <Input
                className={l.fill}
                value={name}
                ref={register(`level${k}`)}
                data-user-data=""
                onChange={(_, d) => setModel((m) => ({ ...m, levels: m.levels.map((x, j) => (j === k ? d.value : x)) }))}
              />
            </Field>
          )}
          removeLabel={(k) => t('removeLevel', { level: k + 1 })}
          onRemove={(k) => setModel((m) => removeLevel(m, k))}
          max={MAX_LEVELS}
          addLabel={t('addLevel')}
          onAdd={() => setModel((m) => addLevel(m, t('newLevel', { level: m.levels.length + 1 })))}
          focus={focus}
          addKey="addLevel"
          inputKey={(k) => `level${k}`}
        />
      </Section>

      <Section heading={t('ladderHeading')} help={t('ladderHelp')}>
        <table className={s.grid} data-testid="rebate-ladder">
          <thead>
            <tr>
              <th scope="col" className={s.colHead}>
                {t('ladderThresholdColumn')}
              </th>
              {model.levels.map((_, k) => (
                <th key={k} scope="col" className={s.colHead} data-user-data="">
                  {levelName(k)}
                </th>
              ))}
              <td className={s.removeCol} />
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row, r) => (
              <tr key={r} data-ladder-row={r + 1}>
                <td className={s.gridCell}>
                  <Input
                    className={l.fill}
                    inputMode="decimal"
                    value={row.threshold}
                    ref={register(`threshold${r}`)}
                    aria-label={t('ladderThreshold', { row: r + 1 })}
                    onChange={(_, d) => setModel((m) => ({ ...m, rows: m.rows.map((x, j) => (j === r ? { ...x, threshold: d.value } : x)) }))}
                  />
                </td>
                {row.rates.map((rate, k) => (
                  <td key={k} className={s.gridCell}>
                    <Input
                      className={l.fill}
                      inputMode="decimal"
                      value={rate}
                      aria-label={t('ladderRate', { level: levelName(k), row: r + 1 })}
                      data-rate={`${r + 1}-${k + 1}`}
                      onChange={(_, d) => setModel((m) => ({ ...m, rows: m.rows.map((x, j) => (j === r ? { ...x, rates: x.rates.map((y, i) => (i === k ? d.value : y)) } : x)) }))}
                    />
                  </td>
                ))}
                <td className={s.gridCell}>
                  <Button
                    style={{ minWidth: '32px' }}
                    disabledFocusable={model.rows.length <= 1}
                    aria-label={t('removeThreshold', { row: r + 1 })}
                    onClick={() => {
                      focusNext.current = 'addThreshold';
                      setModel((m) => removeLadderRow(m, r));
                    }}
                  >
                    ×
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Actions>
          <Button
            ref={register('addThreshold')}
            disabledFocusable={model.rows.length >= MAX_LADDER_ROWS}
            onClick={() => {
              focusNext.current = `threshold${model.rows.length}`;
              setModel(addLadderRow);
            }}
          >
            {t('addThreshold')}
          </Button>
        </Actions>
      </Section>

      <div className={l.section}>
        <Field label={t('methodLabel')}>
          <Select className={l.fill} value={model.method} onChange={(_, d) => setModel((m) => ({ ...m, method: d.value as RebateMethod }))} data-input="rebate-method">
            <option value="retro">{t('rebateMethodRetro')}</option>
            <option value="marginal">{t('rebateMethodMarginal')}</option>
          </Select>
        </Field>
        <NumberField label={t('volumeLabel')} value={model.volume} onChange={(v) => setModel((m) => ({ ...m, volume: v }))} testId="volume" />
      </div>

      <PanelOutcome evaluation={evaluation} locale={locale} host={host} t={t} hint={t('formulasHintRebate')} write={write} model={model}>
        {preview && (
          <>
            <PreviewTable
              testId="rebate-preview"
              caption={t('rebateTableCaption', { volume: formats.money(preview.volume) })}
              columns={[{ heading: t('levelColumn') }, { heading: t('rebateColumn'), number: true }, { heading: t('effectiveRateColumn'), number: true }]}
            >
              {preview.levels.map((p, k) => (
                <tr key={k} data-rebate-level={p.level} data-value={String(p.rebate)}>
                  <RowHeading data-user-data="">{p.level}</RowHeading>
                  <NumberCell>{formats.money(p.rebate)}</NumberCell>
                  <NumberCell>{formats.percent(p.effectiveRate)}</NumberCell>
                </tr>
              ))}
            </PreviewTable>
            <Text className={l.wrap} aria-live="polite">
              {t('rebateReached', { volume: formats.money(preview.volume), threshold: formats.money(preview.levels[0]?.reached ?? 0) })}
            </Text>
          </>
        )}
      </PanelOutcome>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Bonus pool

export function PoolPanel({ locale, host, t, formats }: V2PanelProps): React.JSX.Element {
  const l = useLayout();
  const s = useStyles();
  const { model, setModel, evaluation, preview } = usePanelDraft('plan-pool', createPoolModel, isPoolModel, evaluatePool, locale);
  const focus = useFocusAfterRender();
  const capped = preview ? preview.people.filter((p) => p.place === 'cap') : [];

  const write = () =>
    writePoolToSheet(preview!.spec, {
      labels: { pool: t('sheet.pool'), cap: t('sheet.poolCap'), floor: t('sheet.poolFloor'), name: t('sheet.name'), share: t('sheet.share'), amount: t('sheet.poolAmount') },
    });

  return (
    <>
      <div className={l.section}>
        <NumberField label={t('poolLabel')} value={model.pool} onChange={(v) => setModel((m) => ({ ...m, pool: v }))} testId="pool" />
        <NumberField label={t('poolCapLabel')} value={model.cap} onChange={(v) => setModel((m) => ({ ...m, cap: v }))} testId="pool-cap" />
        <NumberField label={t('poolFloorLabel')} value={model.floor} onChange={(v) => setModel((m) => ({ ...m, floor: v }))} testId="pool-floor" />
      </div>

      <NameValueSection list={PEOPLE_LIST} rows={model.people} update={(change) => setModel((m) => keepUnchanged(m, 'people', change(m.people)))} t={t} focus={focus} />

      <PanelOutcome evaluation={evaluation} locale={locale} host={host} t={t} hint={t('formulasHintPool')} write={write} model={model}>
        {preview && (
          <>
            <Text className={`${l.wrap} ${capped.length > 0 ? s.capped : ''}`} aria-live="polite" data-testid="pool-capped">
              {capped.length === 0 ? t('poolCappedNone') : t('poolCapped', { count: capped.length, names: capped.map((p) => p.name || t('personName', { row: preview.people.indexOf(p) + 1 })).join(t('listSeparator')) })}
            </Text>
            <PreviewTable
              testId="pool-preview"
              caption={t('poolTableCaption')}
              columns={[{ heading: t('nameColumn') }, { heading: t('shareColumn'), number: true }, { heading: t('amountColumn'), number: true }, { heading: t('placeColumn') }]}
            >
              {preview.people.map((p, i) => (
                <tr key={i} data-pool-place={p.place} data-value={String(p.amount)}>
                  <RowHeading data-user-data="">{p.name || t('personName', { row: i + 1 })}</RowHeading>
                  <NumberCell>{formats.number(p.share)}</NumberCell>
                  <NumberCell>{formats.money(p.amount)}</NumberCell>
                  <TextCell className={p.place === 'cap' ? s.capped : ''}>{p.place === 'cap' ? t('placeCap') : p.place === 'floor' ? t('placeFloor') : t('placeShare')}</TextCell>
                </tr>
              ))}
            </PreviewTable>
            <Caption1 className={l.wrap}>
              {preview.leftover > 0.005 ? t('poolLeftover', { leftover: formats.money(preview.leftover) }) : t('poolPaid', { paid: formats.money(preview.paid), pool: formats.money(preview.spec.pool as number) })}
            </Caption1>
          </>
        )}
      </PanelOutcome>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Target breakdown

export function QuotaPanel({ locale, host, t, formats }: V2PanelProps): React.JSX.Element {
  const l = useLayout();
  const s = useStyles();
  const { model, setModel, evaluation, preview } = usePanelDraft('plan-quota', createQuotaModel, isQuotaModel, evaluateQuota, locale);
  const focus = useFocusAfterRender();
  const [shown, setShown] = React.useState(0);
  const target = preview ? preview.targets[Math.min(shown, preview.targets.length - 1)] : null;
  const month = (m: number) => t(`month.${m + 1}` as 'month.1');
  const quarter = (q: number) => t(`quarter.${q + 1}` as 'quarter.1');
  const targetName = (name: string, i: number) => name || t('targetName', { row: i + 1 });

  const write = () =>
    writeQuotaToSheet(preview!.spec, {
      labels: {
        weight: t('sheet.weight'),
        roundTo: t('sheet.roundTo'),
        name: t('sheet.targetName'),
        annual: t('sheet.annual'),
        months: Array.from({ length: MONTHS }, (_, m) => month(m)),
        quarters: [0, 1, 2, 3].map(quarter),
      },
    });

  return (
    <>
      <NameValueSection list={TARGETS_LIST} rows={model.targets} update={(change) => setModel((m) => keepUnchanged(m, 'targets', change(m.targets)))} t={t} focus={focus} />

      <Section heading={t('seasonalityHeading')} help={t('seasonalityHelp')}>
        <div className={s.months}>
          {model.weights.map((w, m) => (
            <Field key={m} label={month(m)}>
              <Input
                className={l.fill}
                inputMode="decimal"
                value={w}
                data-month={m + 1}
                onChange={(_, d) => setModel((x) => ({ ...x, weights: x.weights.map((y, k) => (k === m ? d.value : y)) }))}
              />
            </Field>
          ))}
        </div>
        <NumberField label={t('roundToLabel')} hint={t('roundToHint')} value={model.roundTo} onChange={(v) => setModel((m) => ({ ...m, roundTo: v }))} testId="round-to" />
      </Section>

      <PanelOutcome evaluation={evaluation} locale={locale} host={host} t={t} hint={t('formulasHintQuota')} write={write} model={model}>
        {preview && target && (
          <>
            {preview.targets.length > 1 && (
              <Field label={t('showTarget')}>
                <Select className={l.fill} value={String(Math.min(shown, preview.targets.length - 1))} onChange={(_, d) => setShown(Number(d.value))} data-input="quota-shown">
                  {preview.targets.map((x, i) => (
                    <option key={i} value={String(i)} data-user-data="">
                      {targetName(x.name, i)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <PreviewTable
              testId="quota-preview"
              caption={t('quotaTableCaption', { name: targetName(target.name, preview.targets.indexOf(target)) })}
              columns={[{ heading: t('periodColumn') }, { heading: t('targetColumn'), number: true }]}
            >
              {[0, 1, 2, 3].map((q) => (
                <React.Fragment key={q}>
                  {[0, 1, 2].map((k) => {
                    const m = 3 * q + k;
                    return (
                      <tr key={m} data-month={m + 1} data-value={String(target.months[m])}>
                        <RowHeading style={{ fontWeight: 'normal' }}>{month(m)}</RowHeading>
                        <NumberCell>{formats.money(target.months[m])}</NumberCell>
                      </tr>
                    );
                  })}
                  <tr className={s.quarterRow} data-quarter={q + 1} data-value={String(target.quarters[q])}>
                    <RowHeading>{quarter(q)}</RowHeading>
                    <NumberCell>{formats.money(target.quarters[q])}</NumberCell>
                  </tr>
                </React.Fragment>
              ))}
            </PreviewTable>
            <Caption1 className={l.wrap} aria-live="polite">
              {t('quotaCheck', { total: formats.money(target.months.reduce((a, b) => a + b, 0)) })}
            </Caption1>
          </>
        )}
      </PanelOutcome>
    </>
  );
}
