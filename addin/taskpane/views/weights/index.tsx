/**
 * Weights view: the AHP wizard for people who are not AHP experts. Criteria (2–15); for each
 * pair, which matters more (A / Equal / B, native radio buttons) and how much more on Saaty's
 * verbal scale (equally, slightly, strongly, very strongly, extremely, and the steps between);
 * live results from the engine: one weight column in %, with the eigenvector and geometric
 * mean weights, λmax and the consistency ratio under "Advanced". When judgements contradict
 * each other (CR ≥ 0.1) a warning names, in the same words, the pair to revisit and what the
 * other answers suggest instead.
 *
 * Keyboard: everything is a native input, radio, select or button in reading order; adding a
 * criterion focuses its name, removing one moves focus to a neighbour, and "Go to this
 * judgement" focuses the pair to fix. A polite live region announces the new weights after
 * each change.
 *
 * Speed at 15 criteria (105 pairs): a pair and a criterion row are memoized, the results are
 * rendered from a deferred copy of the model (useDeferredValue), and a pair off screen is not
 * laid out (content-visibility), so an input costs one pair's render and layout; the weights
 * follow in the next frames. The criteria and judgements are kept as a draft (drafts.ts) across sessions.
 * In a plain browser "Write to sheet" stays disabled with a note; inside Excel it calls
 * ./write-to-sheet.
 *
 * Below the wizard, ./objective-panel computes Entropy / CRITIC weights from pasted data or
 * (inside Excel) the selected range.
 */
import { Button, Caption1, Field, Input, Select, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import * as React from 'react';
import { WEIGHTS } from '../../../../i18n/pane-weights';
import { useFocusAfterRender } from '../../components/focus-after-render';
import { AddRow } from '../../components/add-row';
import { Actions, LiveStatus, Notice, Section, ViewRoot, useLayout } from '../../components/layout';
import { useDraft } from '../../drafts';
import type { Translate } from '../../locale';
import { useTranslator } from '../../components/hooks';
import type { ViewProps } from '../../view-contract';
import {
  AhpModel,
  AhpResult,
  CR_THRESHOLD,
  MAX_CRITERIA,
  MIN_CRITERIA,
  addCriterion,
  canAdd,
  canRemove,
  compute,
  createModel,
  duplicateNames,
  isAhpModel,
  pairKey,
  pairs,
  removeCriterion,
  renameCriterion,
  setJudgement,
  upperTriangle,
} from './ahp-model';
import ObjectivePanel from './objective-panel';
import { writeAhpToSheet } from './write-to-sheet';
import { readableFailure } from '../../components/error-text';
import { NumberTableHeader } from '../../components/number-table-header';

type T = Translate<typeof WEIGHTS>;

const useStyles = makeStyles({
  /**
   * A pair off screen is not laid out or painted (its size is remembered once it was), and
   * what changes inside one pair is laid out inside it: at 15 criteria a judgement would
   * otherwise lay out all 105 pairs.
   */
  pairItem: { contentVisibility: 'auto', containIntrinsicSize: 'auto 100px' },
  pair: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sides: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  side: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minHeight: '28px', maxWidth: '100%', overflowWrap: 'anywhere', cursor: 'pointer' },
  flagged: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorderActive}`, outlineOffset: '4px', borderRadius: tokens.borderRadiusSmall },
  bar: { height: '6px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall, display: 'inline-block' },
  barCell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

/** The default names of a locale (the first three criteria of a new wizard). */
function defaultNames(t: T): string[] {
  return [t('defaultName1'), t('defaultName2'), t('defaultName3')];
}

/** Criteria still named as `from` names them by default get `to`'s default names; same model if none. */
function relabelDefaults(model: AhpModel, from: T, to: T): AhpModel {
  let changed = false;
  const fromDefaults = defaultNames(from);
  const toDefaults = defaultNames(to);
  const criteria = model.criteria.map((c, k) => {
    let name: string | undefined;
    if (c.name === fromDefaults[k] && toDefaults[k] !== undefined) name = toDefaults[k];
    for (let p = 1; name === undefined && p <= MAX_CRITERIA; p++) if (c.name === from('criterionLabel', { position: p })) name = to('criterionLabel', { position: p });
    if (name === undefined || name === c.name) return c;
    changed = true;
    return { ...c, name };
  });
  return changed ? { ...model, criteria } : model;
}

/** Intensity 1–9 and side of a_ij (a_ij ≥ 1: the row criterion wins). */
function sideOf(value: number): { k: number; side: 'a' | 'equal' | 'b' } {
  const k = value >= 1 ? Math.round(value) : Math.round(1 / value);
  return { k, side: k === 1 ? 'equal' : value > 1 ? 'a' : 'b' };
}

/** "Cost is slightly more important than Speed" for a_ij = value. */
export function judgementSentence(t: T, a: string, b: string, value: number): string {
  const { k, side } = sideOf(value);
  if (side === 'equal') return t('sentence.equal', { a, b });
  const [more, less] = side === 'a' ? [a, b] : [b, a];
  const level = t(`level.${k}` as 'level.3');
  return k % 2 === 1 ? t('sentence.more', { more, less, level }) : t('sentence.between', { more, less, level });
}

type WriteState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; address?: string } | { kind: 'failed'; message?: string };
const IDLE: WriteState = { kind: 'idle' };
/** Any edit clears the last write's message (the sheet no longer matches the pane). */
const toIdle = (state: WriteState): WriteState => (state.kind === 'busy' ? state : IDLE);

interface CriterionRowProps {
  id: string;
  index: number;
  name: string;
  displayName: string;
  removable: boolean;
  t: T;
  onRename: (id: string, name: string) => void;
  onRemove: (id: string) => void;
  inputRef: (id: string, el: HTMLInputElement | null) => void;
}

/** One criterion's name and Remove button; memoized like PairRow. */
const CriterionRow = React.memo(function CriterionRow({ id, index, name, displayName, removable, t, onRename, onRemove, inputRef }: CriterionRowProps) {
  const l = useLayout();
  const ref = React.useCallback((el: HTMLInputElement | null) => inputRef(id, el), [id, inputRef]);
  return (
    <li className={l.row}>
      <Field className={l.grow} label={t('criterionLabel', { position: index + 1 })}>
        <Input className={l.fill} value={name} ref={ref} onChange={(_, data) => onRename(id, data.value)} />
      </Field>
      <Button className={l.noShrink} aria-label={t('removeLabel', { name: displayName })} disabled={!removable} onClick={() => onRemove(id)}>
        {t('remove')}
      </Button>
    </li>
  );
});

interface PairRowProps {
  i: number;
  j: number;
  a: string;
  b: string;
  value: number;
  idPrefix: string;
  flagged: boolean;
  t: T;
  onChange: (i: number, j: number, value: number) => void;
}

/** One judgement; memoized so a change re-renders one row, not all 105 at 15 criteria. */
const PairRow = React.memo(function PairRow({ i, j, a, b, value, idPrefix, flagged, t, onChange }: PairRowProps) {
  const l = useLayout();
  const s = useStyles();
  const { k, side } = sideOf(value);
  const name = `${idPrefix}-${i}-${j}`;
  const choose = (next: 'a' | 'equal' | 'b') => {
    if (next === 'equal') return onChange(i, j, 1);
    const intensity = k === 1 ? 3 : k;
    onChange(i, j, next === 'a' ? intensity : 1 / intensity);
  };
  const radio = (which: 'a' | 'equal' | 'b', label: string) => (
    <label className={s.side}>
      <input type="radio" name={name} value={which} checked={side === which} onChange={() => choose(which)} data-side={which} />
      <span>{label}</span>
    </label>
  );
  return (
    <li className={s.pairItem} data-pair={`${i + 1}-${j + 1}`} data-value={String(value)}>
      <fieldset id={name} className={`${s.pair} ${flagged ? s.flagged : ''}`} data-flagged={flagged ? '' : undefined}>
        <legend className={s.legend}>{t('pairLabel', { a, b })}</legend>
        <div className={s.sides}>
          {radio('a', a)}
          {radio('equal', t('equal'))}
          {radio('b', b)}
        </div>
        <Select
          className={l.fill}
          aria-label={`${t('pairLabel', { a, b })}: ${t('intensityLabel')}`}
          disabled={side === 'equal'}
          value={String(k)}
          onChange={(_, data) => {
            const next = Number(data.value);
            if (!(next >= 1 && next <= 9)) return;
            onChange(i, j, side === 'b' ? 1 / next : next);
          }}
          data-intensity=""
        >
          {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => (
            <option key={level} value={level}>
              {t(`level.${level}` as 'level.3')}
            </option>
          ))}
        </Select>
        {flagged && <Caption1 className={l.wrap}>{t('revisitTag')}</Caption1>}
      </fieldset>
    </li>
  );
});

export default function WeightsView({ locale, host }: ViewProps): React.JSX.Element {
  const t = useTranslator(WEIGHTS, locale);
  const l = useLayout();
  const idPrefix = useId('ahp');
  const [model, setModel] = useDraft<AhpModel>('ahp', () => createModel(defaultNames(t)), isAhpModel);
  const [writeState, setWriteState] = React.useState<WriteState>(IDLE);
  /** After adding or removing a criterion: a criterion's name field (by id), or 'add'. */
  const { focusNext, register, keep: inputRef } = useFocusAfterRender();

  // The judgements and names answer at once; the weights, the warning and the summary follow
  // from a deferred copy of the model, rendered by React when the input has been painted (and
  // interrupted by the next input). At 15 criteria that keeps a click or a keystroke to one
  // radio group or one name field, not the 105 pairs and both result tables.
  const deferred = React.useDeferredValue(model);
  const computed = React.useMemo((): Computed => {
    try {
      return { result: compute(deferred) };
    } catch (error) {
      return { error: readableFailure(error, locale) };
    }
  }, [deferred, locale]);
  const result = 'result' in computed ? computed.result : null;

  // Switching the pane's language renames the criteria still carrying the default names.
  const previous = React.useRef(t);
  React.useEffect(() => {
    const from = previous.current;
    previous.current = t;
    if (from !== t) setModel((m) => relabelDefaults(m, from, t));
  }, [t, setModel]);

  const names = namesOf(model, t);
  const shownNames = React.useMemo(() => namesOf(deferred, t), [deferred, t]);
  /** The names the pairs show, by criterion id (from the deferred model; a new criterion's own until then). */
  const pairNames = React.useMemo(() => new Map(deferred.criteria.map((c, k) => [c.id, shownNames[k]])), [deferred, shownNames]);
  const duplicates = duplicateNames(model);

  const onJudgement = React.useCallback(
    (i: number, j: number, value: number) => {
      setModel((m) => setJudgement(m, i, j, value));
      setWriteState(toIdle);
    },
    [setModel],
  );

  const onAdd = () => {
    if (!canAdd(model)) return;
    const next = addCriterion(model, t('criterionLabel', { position: model.criteria.length + 1 }));
    focusNext.current = next.criteria[next.criteria.length - 1].id;
    setModel(next);
    setWriteState(toIdle);
  };

  const onRemove = React.useCallback(
    (id: string) => {
      setModel((m) => {
        const index = m.criteria.findIndex((c) => c.id === id);
        const next = removeCriterion(m, id);
        if (next === m) return m;
        // Focus the criterion that moved into this place, else the new last one.
        focusNext.current = next.criteria[Math.min(index, next.criteria.length - 1)].id;
        return next;
      });
      setWriteState(toIdle);
    },
    [setModel],
  );

  const onRename = React.useCallback(
    (id: string, name: string) => {
      setModel((m) => renameCriterion(m, id, name));
      setWriteState(toIdle);
    },
    [setModel],
  );


  const onReset = () => {
    setModel((m) => ({ ...m, judgements: {} }));
    setWriteState(toIdle);
  };

  const worst = result && !result.consistent ? result.mostInconsistent : null;
  const worstKey = worst ? pairKey(deferred.criteria[worst.i].id, deferred.criteria[worst.j].id) : undefined;
  const separator = t('listSeparator');

  const canWrite = host.inExcel && result !== null && duplicates.length === 0 && writeState.kind !== 'busy';
  const writeNoteId = `${idPrefix}-write-note`;

  const onWrite = async () => {
    if (!canWrite) return;
    setWriteState({ kind: 'busy' });
    try {
      // From the model as it is now (the results on screen may be a frame behind).
      const now = compute(model);
      const written = await writeAhpToSheet({
        criteria: names,
        upperTriangle: upperTriangle(model),
        matrix: now.matrix,
        expected: { eigen: now.eigen, geomean: now.geomean, cr: now.cr },
        labels: { corner: t('sheet.corner'), weight: t('sheet.weight'), cr: t('sheet.cr') },
      });
      setWriteState({ kind: 'done', address: written ? written.address : undefined });
    } catch (error) {
      setWriteState({ kind: 'failed', message: readableFailure(error, locale) });
    }
  };

  const removable = canRemove(model);

  return (
    <ViewRoot view="weights" locale={locale} title={t('title')} intro={t('intro')}>
      <Section heading={t('criteriaHeading')} help={t('criteriaHelp', { min: MIN_CRITERIA, max: MAX_CRITERIA })}>
        <ol className={l.list}>
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
        <AddRow label={t('add')} canAdd={canAdd(model)} onAdd={onAdd} buttonRef={register('add')} limitId={`${idPrefix}-limit`} limitText={t('limitReached', { max: MAX_CRITERIA })} />
        {duplicates.length > 0 && <Notice intent="warning">{t('duplicateNames', { names: duplicates.join(separator) })}</Notice>}
      </Section>

      <Section heading={t('judgementsHeading')} help={t('judgementsHelp')}>
        <ol className={l.list} style={{ gap: '16px' }}>
          {pairs(model).map((p) => (
            <PairRow
              key={p.key}
              i={p.i}
              j={p.j}
              a={pairNames.get(model.criteria[p.i].id) ?? names[p.i]}
              b={pairNames.get(model.criteria[p.j].id) ?? names[p.j]}
              value={p.value}
              idPrefix={idPrefix}
              flagged={p.key === worstKey}
              t={t}
              onChange={onJudgement}
            />
          ))}
        </ol>
        <Actions>
          <Button onClick={onReset}>{t('resetJudgements')}</Button>
        </Actions>
      </Section>

      {/* Busy while the results are a frame behind the judgements (the memoized results do not re-render for this). */}
      <div aria-busy={deferred !== model} data-ahp-pending={deferred !== model ? '' : undefined} style={{ minWidth: 0 }}>
        <AhpResults computed={computed} criteria={deferred.criteria} names={shownNames} idPrefix={idPrefix} locale={locale} numberLocale={host.numberLocale} separator={separator} t={t} />
      </div>

      <Section heading={t('writeHeading')}>
        <Actions>
          <Button appearance="primary" disabledFocusable={!canWrite} aria-describedby={writeNoteId} onClick={onWrite}>
            {writeState.kind === 'busy' ? t('writing') : t('write')}
          </Button>
        </Actions>
        <Caption1 id={writeNoteId} className={l.wrap}>
          {!host.inExcel ? t('writeNeedsExcel') : duplicates.length > 0 ? t('writeNeedsNames') : t('formulasHint')}
        </Caption1>
        <div role="status" aria-live="polite">
          {writeState.kind === 'done' && <Notice intent="success">{writeState.address ? t('writtenAt', { address: writeState.address }) : t('written')}</Notice>}
          {writeState.kind === 'failed' && <Notice intent="error">{writeState.message ? t('writeFailed', { message: writeState.message }) : t('writeFailedPlain')}</Notice>}
        </div>
      </Section>

      <MemoObjectivePanel locale={locale} inExcel={host.inExcel} t={t} />
    </ViewRoot>
  );
}

/** A failure keeps the words the user can read (readableFailure), if any. */
type Computed = { result: AhpResult } | { error: string | undefined };

/** The criteria's names as shown: a blank name is "Criterion 3". */
function namesOf(model: AhpModel, t: T): string[] {
  return model.criteria.map((c, index) => (c.name.trim() === '' ? t('criterionLabel', { position: index + 1 }) : c.name.trim()));
}

/** Stands alone below the wizard: it never changes with a judgement. */
const MemoObjectivePanel = React.memo(ObjectivePanel);

interface AhpResultsProps {
  computed: Computed;
  criteria: AhpModel['criteria'];
  names: readonly string[];
  idPrefix: string;
  locale: ViewProps['locale'];
  numberLocale?: string;
  separator: string;
  t: T;
}

/**
 * The weights in %, the warning naming the pair to revisit, the Advanced tables and the
 * announced summary — of the deferred model (memoized: an input alone does not render it).
 */
const AhpResults = React.memo(function AhpResults({ computed, criteria, names, idPrefix, locale, numberLocale, separator, t }: AhpResultsProps) {
  const l = useLayout();
  const s = useStyles();
  const percent1 = React.useMemo(() => new Intl.NumberFormat(numberLocale ?? locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }), [numberLocale, locale]);
  const fixed = React.useMemo(() => ({ 4: new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }), 3: new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) }), [locale]);
  const result = 'result' in computed ? computed.result : null;
  const worst = result && !result.consistent ? result.mostInconsistent : null;
  const worstKey = worst ? pairKey(criteria[worst.i].id, criteria[worst.j].id) : undefined;
  const worstPair = worst ? t('pairLabel', { a: names[worst.i], b: names[worst.j] }) : '';
  const summary = result
    ? t('summary', {
        weights: names.map((name, k) => t('weightShare', { name, weight: percent1.format(result.eigen[k]) })).join(separator),
        verdict: worst ? t('verdictBad', { pair: worstPair }) : t('verdictOk'),
      })
    : '';
  const n = criteria.length;
  const maxWeight = result ? Math.max(...result.eigen) : 1;
  return (
    <Section heading={t('resultsHeading')} data-ahp-results="">
      {'error' in computed && <Notice intent="error">{computed.error ? t('computeFailed', { message: computed.error }) : t('computeFailedPlain')}</Notice>}
      {result && (
        <>
          <Table size="small" className={l.table}>
            <NumberTableHeader label={t('criterionColumn')} numbers={[t('weightColumn')]} />
            <TableBody>
              {criteria.map((c, k) => (
                <TableRow key={c.id}>
                  <TableCell className={l.wrap}>{names[k]}</TableCell>
                  <TableCell className={l.number} data-method="weight" data-value={String(result.eigen[k])}>
                    <span className={s.barCell}>
                      <span className={s.bar} style={{ width: `${Math.round((result.eigen[k] / maxWeight) * 48)}px` }} aria-hidden="true" />
                      {percent1.format(result.eigen[k])}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {n === 2 && <Caption1>{t('twoAlwaysConsistent')}</Caption1>}
          {n > 2 && result.consistent && <Caption1>{t('consistent')}</Caption1>}
          {worst && worstKey && (
            <Notice
              intent="warning"
              title={t('warningTitle')}
              data-ahp-warning=""
              actions={
                <Button
                  onClick={() => {
                    const fieldset = document.getElementById(`${idPrefix}-${worst.i}-${worst.j}`);
                    (fieldset?.querySelector<HTMLInputElement>('input:checked') ?? fieldset?.querySelector<HTMLInputElement>('input'))?.focus();
                  }}
                >
                  {t('goToJudgement')}
                </Button>
              }
            >
              {t('warningBody', {
                pair: worstPair,
                judged: judgementSentence(t, names[worst.i], names[worst.j], worst.judged),
                implied: judgementSentence(t, names[worst.i], names[worst.j], worst.suggested),
              })}
            </Notice>
          )}
          <details className={l.details} data-ahp-advanced="">
            <summary>{t('advanced')}</summary>
            <div className={l.section}>
              <Caption1 className={l.wrap}>{t('advancedHelp', { threshold: fixed[3].format(CR_THRESHOLD) })}</Caption1>
              <Table size="small" className={l.table}>
                <NumberTableHeader label={t('criterionColumn')} numbers={[t('eigenColumn'), t('geomeanColumn')]} />
                <TableBody>
                  {criteria.map((c, k) => (
                    <TableRow key={c.id}>
                      <TableCell className={l.wrap}>{names[k]}</TableCell>
                      <TableCell className={l.number} data-method="eigen" data-value={String(result.eigen[k])}>
                        {fixed[4].format(result.eigen[k])}
                      </TableCell>
                      <TableCell className={l.number} data-method="geomean" data-value={String(result.geomean[k])}>
                        {fixed[4].format(result.geomean[k])}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Text>
                {t('lambdaMax')}: <span data-value={String(result.lambdaMax)} data-stat="lambda-max">{fixed[4].format(result.lambdaMax)}</span>
              </Text>
              <Text>
                {t('crLabel')}: <span data-value={String(result.cr)} data-stat="cr">{fixed[3].format(result.cr)}</span>
              </Text>
            </div>
          </details>
        </>
      )}
      <LiveStatus data-ahp-summary="">{summary}</LiveStatus>
    </Section>
  );
});
