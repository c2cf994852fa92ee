/**
 * Objective weights panel of the Weights view: Entropy (min-max or proportion) or CRITIC
 * weights from data — pasted into a textarea (works standalone) or, inside Excel, read from
 * the selected range. Parsing lives in ./objective-model; the numbers come from the engine
 * and its error messages are shown as they are. A polite live region announces the weights.
 */
import { Button, Caption1, Field, Input, Select, Table, TableBody, TableCell, TableRow, Text, Textarea, useId } from '@fluentui/react-components';
import * as React from 'react';
import type { Grid } from '../../../../engine/grid';
import { WEIGHTS } from '../../../../i18n/pane-weights';
import { Actions, LiveStatus, Notice, Section, useLayout } from '../../components/layout';
import { numberFormats } from '../../components/numbers';
import { NeedsExcelNote } from '../../components/messages';
import type { Translate } from '../../locale';
import type { Locale } from '../../view-contract';
import {
  ObjectiveMethod,
  OBJECTIVE_METHODS,
  computeObjective,
  fromRangeValues,
  isObjectiveMethod,
  parseDirections,
  parsePasted,
  toTable,
} from './objective-model';
import { withSelectedRange } from '../../excel';
import { readableFailure } from '../../components/error-text';
import { NumberTableHeader } from '../../components/number-table-header';

export interface ObjectivePanelProps {
  locale: Locale;
  inExcel: boolean;
  t: Translate<typeof WEIGHTS>;
}

type ReadState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message?: string };

/** The selected range's values inside Excel.run. */
async function readSelectedValues(): Promise<unknown[][]> {
  return withSelectedRange(async (range, context) => {
    range.load('values');
    await context.sync();
    return range.values as unknown[][];
  });
}

/** Grid back to tab-separated text, so a read selection can be inspected and edited. */
function toText(values: readonly (readonly unknown[])[]): string {
  return values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))).join('\t')).join('\n');
}

export default function ObjectivePanel({ locale, inExcel, t }: ObjectivePanelProps): React.JSX.Element {
  const l = useLayout();
  const idPrefix = useId('objective');
  const [method, setMethod] = React.useState<ObjectiveMethod>('entropy-minmax');
  const [directionsText, setDirectionsText] = React.useState('');
  const [dataText, setDataText] = React.useState('');
  const [readState, setReadState] = React.useState<ReadState>({ kind: 'idle' });
  /** The selection's values as read (exact cells); dropped as soon as the text is edited. */
  const [rangeGrid, setRangeGrid] = React.useState<Grid | null>(null);

  const methodName = (m: ObjectiveMethod) => t(`objective.method.${m}` as 'objective.method.critic');
  const columnLabel = React.useCallback((position: number) => t('objective.columnLabel', { position }), [t]);
  const table = React.useMemo(() => toTable(rangeGrid ?? parsePasted(dataText), columnLabel), [rangeGrid, dataText, columnLabel]);
  const outcome = React.useMemo(
    () => (table.labels.length === 0 ? null : computeObjective(method, table.data, parseDirections(directionsText))),
    [method, table, directionsText],
  );
  const weights = outcome && 'weights' in outcome ? outcome.weights : null;
  const format4 = React.useMemo(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }), [locale]);
  const percent = numberFormats(locale).percent;

  const summary = weights
    ? t('objective.summary', { method: methodName(method), weights: table.labels.map((label, k) => t('weightShare', { name: label, weight: percent(weights[k]) })).join(t('listSeparator')) })
    : '';

  const onUseSelection = async () => {
    setReadState({ kind: 'busy' });
    try {
      const values = await readSelectedValues();
      const grid = fromRangeValues(values);
      setDataText(toText(grid));
      setRangeGrid(grid);
      setReadState({ kind: 'idle' });
    } catch (error) {
      setReadState({ kind: 'failed', message: readableFailure(error, locale) });
    }
  };

  const tableId = `${idPrefix}-table`;
  const selectionNoteId = `${idPrefix}-selection-note`;

  return (
    <Section heading={t('objective.heading')} data-objective-weights="">
      <Text className={l.wrap}>{t('objective.intro')}</Text>

      <Field label={t('objective.methodLabel')}>
        <Select
          className={l.fill}
          value={method}
          onChange={(_, data) => {
            if (isObjectiveMethod(data.value)) setMethod(data.value);
          }}
        >
          {OBJECTIVE_METHODS.map((m) => (
            <option key={m} value={m}>
              {methodName(m)}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t('objective.directionsLabel')} hint={t('objective.directionsHint')}>
        <Input className={l.fill} value={directionsText} placeholder="1, -1, 1" onChange={(_, data) => setDirectionsText(data.value)} />
      </Field>

      <Actions>
        <Button disabledFocusable={!inExcel || readState.kind === 'busy'} aria-describedby={inExcel ? undefined : selectionNoteId} onClick={onUseSelection}>
          {readState.kind === 'busy' ? t('objective.reading') : t('objective.useSelection')}
        </Button>
      </Actions>
      <NeedsExcelNote inExcel={inExcel} id={selectionNoteId} text={t('objective.selectionNeedsExcel')} />
      {readState.kind === 'failed' && <Notice intent="error">{readState.message ? t('objective.readFailed', { message: readState.message }) : t('objective.readFailedPlain')}</Notice>}

      <Field label={t('objective.pasteLabel')} hint={t('objective.pasteHint')}>
        <Textarea
          className={l.mono}
          resize="vertical"
          rows={6}
          value={dataText}
          onChange={(_, data) => {
            setDataText(data.value);
            setRangeGrid(null);
          }}
        />
      </Field>

      {outcome === null && <Caption1 className={l.wrap}>{t('objective.noData')}</Caption1>}
      {outcome && 'error' in outcome && (
        <Notice intent="error" data-objective-error="">
          {t('computeFailed', { message: outcome.cause ? outcome.cause.localized(locale) : outcome.error })}
        </Notice>
      )}
      {weights && (
        <Table size="small" className={l.table} aria-labelledby={tableId}>
          <caption id={tableId} className={l.status}>
            {t('objective.tableCaption', { method: methodName(method) })}
          </caption>
          <NumberTableHeader label={t('criterionColumn')} numbers={[t('weightColumn')]} />
          <TableBody>
            {table.labels.map((label, k) => (
              <TableRow key={k}>
                <TableCell className={l.wrap}>{label}</TableCell>
                <TableCell className={l.number} data-value={String(weights[k])}>
                  {percent(weights[k])}
                  <span className={l.visuallyHidden}> ({format4.format(weights[k])})</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <LiveStatus data-objective-summary="">{summary}</LiveStatus>
    </Section>
  );
}
