/**
 * Weights view: the AHP wizard. Criteria (2–15), one labelled select per pair on Saaty's
 * 1–9 scale, and live results from the engine (eigenvector and geometric mean side by side,
 * λmax, CR with a warning naming the most inconsistent judgement at CR ≥ 0.1).
 *
 * Keyboard: everything is a native input, select or button in reading order; adding a
 * criterion focuses its name, removing one moves focus to a neighbour, and "Go to this
 * judgement" focuses the select to fix. A polite live region announces the new weights and
 * CR after each change. In a plain browser "Write to sheet" stays disabled with a note;
 * inside Excel it calls the integration point in ./write-to-sheet.
 *
 * Below the wizard, ./objective-panel computes Entropy / CRITIC weights from pasted data or
 * (inside Excel) the selected range.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Locale, ViewProps } from '../../view-contract';
import {
  AhpModel,
  AhpResult,
  CR_THRESHOLD,
  MAX_CRITERIA,
  MIN_CRITERIA,
  SAATY_SCALE,
  addCriterion,
  canAdd,
  canRemove,
  compute,
  createModel,
  duplicateNames,
  pairKey,
  pairs,
  parseScaleKey,
  removeCriterion,
  renameCriterion,
  scaleKey,
  setJudgement,
  upperTriangle,
} from './ahp-model';
import { WeightsStrings, stringsFor } from './strings';
import { writeAhpToSheet } from './write-to-sheet';
import ObjectivePanel from './objective-panel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  criteriaList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  criterionRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  criterionField: { flexGrow: 1 },
  pairList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  /** Long option texts must not widen the pane: the closed select clips, the list shows all. */
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  numberHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  warningText: { display: 'block', marginTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  barCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  bar: { height: '6px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  stats: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  status: { color: tokens.colorNeutralForeground2 },
});

function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Number formats of a locale (built once per locale: Intl constructors are not free). */
function useFormats(locale: Locale) {
  return React.useMemo(
    () => ({
      format4: formatter(locale, 4),
      format3: formatter(locale, 3),
      format2: formatter(locale, 2),
      percent: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    }),
    [locale],
  );
}

interface CriterionRowProps {
  id: string;
  index: number;
  name: string;
  displayName: string;
  removable: boolean;
  t: WeightsStrings;
  onRename: (id: string, name: string) => void;
  onRemove: (id: string) => void;
  inputRef: (id: string, el: HTMLInputElement | null) => void;
}

/** One criterion's name and Remove button; memoized like PairRow. */
const CriterionRow = React.memo(function CriterionRow({ id, index, name, displayName, removable, t, onRename, onRemove, inputRef }: CriterionRowProps) {
  const styles = useStyles();
  const ref = React.useCallback((el: HTMLInputElement | null) => inputRef(id, el), [id, inputRef]);
  return (
    <li className={styles.criterionRow}>
      <Field className={styles.criterionField} label={t.criterionLabel(index + 1)}>
        <Input value={name} ref={ref} onChange={(_, data) => onRename(id, data.value)} />
      </Field>
      <Button aria-label={t.removeLabel(displayName)} disabled={!removable} onClick={() => onRemove(id)}>
        {t.remove}
      </Button>
    </li>
  );
});

interface PairRowProps {
  i: number;
  j: number;
  a: string;
  b: string;
  valueKey: string;
  selectId: string;
  flagged: boolean;
  t: WeightsStrings;
  onChange: (i: number, j: number, value: number) => void;
}

/** One judgement; memoized so a change re-renders one row, not all 105 at 15 criteria. */
const PairRow = React.memo(function PairRow({ i, j, a, b, valueKey, selectId, flagged, t, onChange }: PairRowProps) {
  const styles = useStyles();
  return (
    <li data-pair={`${i + 1}-${j + 1}`}>
      <Field label={t.pairLabel(a, b)} validationState={flagged ? 'warning' : 'none'} validationMessage={flagged ? t.mostInconsistentTag : undefined}>
        <Select
          className={styles.select}
          id={selectId}
          value={valueKey}
          onChange={(_, data) => {
            const value = parseScaleKey(data.value);
            if (value !== undefined) onChange(i, j, value);
          }}
        >
          {SAATY_SCALE.map((v) => (
            <option key={scaleKey(v)} value={scaleKey(v)}>
              {t.option(a, b, v)}
            </option>
          ))}
        </Select>
      </Field>
    </li>
  );
});

/** Criteria still named as `from` names them by default get `to`'s default names; same model if none. */
function relabelDefaults(model: AhpModel, from: WeightsStrings, to: WeightsStrings): AhpModel {
  let changed = false;
  const criteria = model.criteria.map((c, k) => {
    let name: string | undefined;
    if (c.name === from.defaultNames[k] && to.defaultNames[k] !== undefined) name = to.defaultNames[k];
    for (let p = 1; name === undefined && p <= MAX_CRITERIA; p++) if (c.name === from.newName(p)) name = to.newName(p);
    if (name === undefined || name === c.name) return c;
    changed = true;
    return { ...c, name };
  });
  return changed ? { ...model, criteria } : model;
}

type WriteState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; address?: string } | { kind: 'failed'; message: string };
const IDLE: WriteState = { kind: 'idle' };
/** Any edit clears the last write's message (the sheet no longer matches the pane). */
const toIdle = (state: WriteState): WriteState => (state.kind === 'busy' ? state : IDLE);

export default function WeightsView({ locale, host }: ViewProps): React.JSX.Element {
  const t = stringsFor(locale);
  const styles = useStyles();
  const idPrefix = useId('ahp');
  const [model, setModel] = React.useState<AhpModel>(() => createModel(t.defaultNames));
  const [writeState, setWriteState] = React.useState<WriteState>(IDLE);
  const nameInputs = React.useRef(new Map<string, HTMLInputElement>());
  const addButton = React.useRef<HTMLButtonElement>(null);
  /** Criterion id whose name field gets focus after the next render (add / remove). */
  const focusNext = React.useRef<string | 'add' | null>(null);

  const computed = React.useMemo((): { result: AhpResult } | { error: string } => {
    try {
      return { result: compute(model) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [model]);
  const result = 'result' in computed ? computed.result : null;

  // Switching the pane's language renames the criteria still carrying the default names.
  const previousLocale = React.useRef(locale);
  React.useEffect(() => {
    const from = stringsFor(previousLocale.current);
    previousLocale.current = locale;
    if (from !== t) setModel((m) => relabelDefaults(m, from, t));
  }, [locale, t]);

  React.useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) nameInputs.current.get(target)?.focus();
  });

  const names = model.criteria.map((c, index) => (c.name.trim() === '' ? t.blankName(index + 1) : c.name.trim()));
  const duplicates = duplicateNames(model);
  const { format4, format3, format2, percent } = useFormats(locale);
  const selectId = (key: string) => `${idPrefix}-pair-${key.replace('|', '-')}`;

  const onJudgement = React.useCallback((i: number, j: number, value: number) => {
    setModel((m) => setJudgement(m, i, j, value));
    setWriteState(toIdle);
  }, []);

  const onAdd = () => {
    if (!canAdd(model)) return;
    const next = addCriterion(model, t.newName(model.criteria.length + 1));
    focusNext.current = next.criteria[next.criteria.length - 1].id;
    setModel(next);
    setWriteState(toIdle);
  };

  const onRemove = React.useCallback((id: string) => {
    setModel((m) => {
      const index = m.criteria.findIndex((c) => c.id === id);
      const next = removeCriterion(m, id);
      if (next === m) return m;
      // Focus the criterion that moved into this place, else the new last one.
      focusNext.current = next.criteria[Math.min(index, next.criteria.length - 1)].id;
      return next;
    });
    setWriteState(toIdle);
  }, []);

  const onRename = React.useCallback((id: string, name: string) => {
    setModel((m) => renameCriterion(m, id, name));
    setWriteState(toIdle);
  }, []);

  const inputRef = React.useCallback((id: string, el: HTMLInputElement | null) => {
    if (el) nameInputs.current.set(id, el);
    else nameInputs.current.delete(id);
  }, []);

  const onReset = () => {
    setModel((m) => ({ ...m, judgements: {} }));
    setWriteState(toIdle);
  };

  const worst = result && !result.consistent ? result.mostInconsistent : null;
  const worstKey = worst ? pairKey(model.criteria[worst.i].id, model.criteria[worst.j].id) : undefined;

  const summary = result
    ? t.summary(
        names.map((name, k) => `${name} ${percent.format(result.eigen[k])}`).join(t.listSeparator),
        format3.format(result.cr),
        worst ? t.verdictBad(names[worst.i], names[worst.j]) : t.verdictOk,
      )
    : '';

  const canWrite = host.inExcel && result !== null && duplicates.length === 0 && writeState.kind !== 'busy';
  const writeNoteId = `${idPrefix}-write-note`;

  const onWrite = async () => {
    if (!result || !canWrite) return;
    setWriteState({ kind: 'busy' });
    try {
      const written = await writeAhpToSheet({
        criteria: names,
        upperTriangle: upperTriangle(model),
        matrix: result.matrix,
        expected: { eigen: result.eigen, geomean: result.geomean, cr: result.cr },
        labels: t.sheetLabels,
      });
      setWriteState({ kind: 'done', address: written ? written.address : undefined });
    } catch (error) {
      setWriteState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const n = model.criteria.length;
  const allPairs = pairs(model);
  const removable = canRemove(model);

  return (
    <div className={styles.root} lang={locale} data-view="weights">
      <header className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {t.title}
        </Subtitle1>
        <Text>{t.intro}</Text>
      </header>

      <section className={styles.section} aria-labelledby={`${idPrefix}-criteria`}>
        <Subtitle2 as="h3" id={`${idPrefix}-criteria`} className={styles.heading}>
          {t.criteriaHeading}
        </Subtitle2>
        <Caption1>{t.criteriaHelp(MIN_CRITERIA, MAX_CRITERIA)}</Caption1>
        <ol className={styles.criteriaList}>
          {model.criteria.map((c, index) => (
            <CriterionRow
              key={c.id}
              id={c.id}
              index={index}
              name={c.name}
              displayName={names[index]}
              removable={removable}
              t={t}
              onRename={onRename}
              onRemove={onRemove}
              inputRef={inputRef}
            />
          ))}
        </ol>
        <div className={styles.actions}>
          <Button ref={addButton} disabledFocusable={!canAdd(model)} onClick={onAdd} aria-describedby={canAdd(model) ? undefined : `${idPrefix}-limit`}>
            {t.add}
          </Button>
        </div>
        {!canAdd(model) && <Caption1 id={`${idPrefix}-limit`}>{t.limitReached(MAX_CRITERIA)}</Caption1>}
        {duplicates.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.duplicateNames(duplicates.join(t.listSeparator))}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section} aria-labelledby={`${idPrefix}-judgements`}>
        <Subtitle2 as="h3" id={`${idPrefix}-judgements`} className={styles.heading}>
          {t.judgementsHeading}
        </Subtitle2>
        <Caption1>{t.judgementsHelp}</Caption1>
        <ol className={styles.pairList}>
          {allPairs.map((p) => (
            <PairRow
              key={p.key}
              i={p.i}
              j={p.j}
              a={names[p.i]}
              b={names[p.j]}
              valueKey={scaleKey(p.value)}
              selectId={selectId(p.key)}
              flagged={p.key === worstKey}
              t={t}
              onChange={onJudgement}
            />
          ))}
        </ol>
        <div className={styles.actions}>
          <Button onClick={onReset}>{t.resetJudgements}</Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={`${idPrefix}-results`} data-ahp-results="">
        <Subtitle2 as="h3" id={`${idPrefix}-results`} className={styles.heading}>
          {t.resultsHeading}
        </Subtitle2>
        {'error' in computed && (
          <MessageBar intent="error">
            <MessageBarBody>{t.computeFailed(computed.error)}</MessageBarBody>
          </MessageBar>
        )}
        {result && (
          <>
            <Table size="small" aria-labelledby={`${idPrefix}-results`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.criterionColumn}</TableHeaderCell>
                  <TableHeaderCell button={{ className: styles.numberHeader }}>{t.eigenColumn}</TableHeaderCell>
                  <TableHeaderCell button={{ className: styles.numberHeader }}>{t.geomeanColumn}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {model.criteria.map((c, k) => (
                  <TableRow key={c.id} data-criterion={k + 1}>
                    <TableCell>{names[k]}</TableCell>
                    <TableCell className={styles.number} data-method="eigen" data-value={String(result.eigen[k])}>
                      <span className={styles.barCell}>
                        <span className={styles.bar} style={{ width: `${Math.round(result.eigen[k] * 60)}px` }} aria-hidden="true" />
                        {format4.format(result.eigen[k])}
                      </span>
                    </TableCell>
                    <TableCell className={styles.number} data-method="geomean" data-value={String(result.geomean[k])}>
                      {format4.format(result.geomean[k])}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <div className={styles.stats}>
              <Text>
                {t.lambdaMax} = <span data-value={String(result.lambdaMax)} data-stat="lambda-max">{format4.format(result.lambdaMax)}</span>
              </Text>
              <Text>
                {t.crLabel} = <span data-value={String(result.cr)} data-stat="cr">{format3.format(result.cr)}</span>
              </Text>
            </div>
            {n === 2 && <Caption1>{t.crTwo}</Caption1>}
            {n > 2 && result.consistent && <Caption1>{t.crOk(format3.format(result.cr), format2.format(CR_THRESHOLD))}</Caption1>}
            {worst && worstKey && (
              <MessageBar intent="warning" layout="multiline" data-ahp-warning="">
                <MessageBarBody>
                  <MessageBarTitle>{t.crWarningTitle(format3.format(result.cr), format2.format(CR_THRESHOLD))}</MessageBarTitle>
                  <span className={styles.warningText}>
                    {t.crWarningBody(names[worst.i], names[worst.j], scaleKey(worst.judged), format2.format(worst.implied), scaleKey(worst.suggested))}
                  </span>
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => document.getElementById(selectId(worstKey))?.focus()}>{t.goToJudgement}</Button>
                </MessageBarActions>
              </MessageBar>
            )}
          </>
        )}
        <p className={styles.status} role="status" aria-live="polite" aria-atomic="true" data-ahp-summary="">
          {summary}
        </p>
      </section>

      <section className={styles.section} aria-labelledby={`${idPrefix}-write`}>
        <Subtitle2 as="h3" id={`${idPrefix}-write`} className={styles.heading}>
          {t.writeHeading}
        </Subtitle2>
        <div className={styles.actions}>
          <Button appearance="primary" disabledFocusable={!canWrite} aria-describedby={writeNoteId} onClick={onWrite}>
            {writeState.kind === 'busy' ? t.writing : t.write}
          </Button>
        </div>
        <Caption1 id={writeNoteId}>{!host.inExcel ? t.writeNeedsExcel : duplicates.length > 0 ? t.writeNeedsNames : t.formulasHint}</Caption1>
        <div role="status" aria-live="polite">
          {writeState.kind === 'done' && (
            <MessageBar intent="success">
              <MessageBarBody>{writeState.address ? `${t.written} (${writeState.address})` : t.written}</MessageBarBody>
            </MessageBar>
          )}
          {writeState.kind === 'failed' && (
            <MessageBar intent="error">
              <MessageBarBody>{t.writeFailed(writeState.message)}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>

      <ObjectivePanel locale={locale} inExcel={host.inExcel} t={t.objective} listSeparator={t.listSeparator} />
    </div>
  );
}
