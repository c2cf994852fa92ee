/**
 * Objective weights panel of the Weights view: Entropy (min-max or proportion) or CRITIC
 * weights from data — pasted into a textarea (works standalone) or, inside Excel, read from
 * the selected range. Parsing lives in ./objective-model; the numbers come from the engine
 * and its error messages are shown as they are. A polite live region announces the weights.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Grid } from '../../../../engine/grid';
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
import type { ObjectiveStrings } from './strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  textarea: { fontFamily: tokens.fontFamilyMonospace },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  numberHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  status: { color: tokens.colorNeutralForeground2 },
});

export interface ObjectivePanelProps {
  locale: Locale;
  inExcel: boolean;
  t: ObjectiveStrings;
  listSeparator: string;
}

type ReadState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string };

/** The selected range's values inside Excel.run. */
async function readSelectedValues(): Promise<unknown[][]> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
    throw new Error('Excel is not available (the pane is not running inside Excel)');
  }
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('values');
    await context.sync();
    return range.values as unknown[][];
  });
}

/** Grid back to tab-separated text, so a read selection can be inspected and edited. */
function toText(values: readonly (readonly unknown[])[]): string {
  return values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))).join('\t')).join('\n');
}

export default function ObjectivePanel({ locale, inExcel, t, listSeparator }: ObjectivePanelProps): React.JSX.Element {
  const styles = useStyles();
  const idPrefix = useId('objective');
  const [method, setMethod] = React.useState<ObjectiveMethod>('entropy-minmax');
  const [directionsText, setDirectionsText] = React.useState('');
  const [dataText, setDataText] = React.useState('');
  const [readState, setReadState] = React.useState<ReadState>({ kind: 'idle' });
  /** The selection's values as read (exact cells); dropped as soon as the text is edited. */
  const [rangeGrid, setRangeGrid] = React.useState<Grid | null>(null);

  const methodName: Record<ObjectiveMethod, string> = {
    'entropy-minmax': t.methodEntropyMinmax,
    'entropy-proportion': t.methodEntropyProportion,
    critic: t.methodCritic,
  };

  const table = React.useMemo(() => toTable(rangeGrid ?? parsePasted(dataText), t.columnLabel), [rangeGrid, dataText, t]);
  const outcome = React.useMemo(
    () => (table.labels.length === 0 ? null : computeObjective(method, table.data, parseDirections(directionsText))),
    [method, table, directionsText],
  );
  const weights = outcome && 'weights' in outcome ? outcome.weights : null;

  const format4 = React.useMemo(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }), [locale]);
  const percent = React.useMemo(() => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }), [locale]);

  const summary = weights ? t.summary(methodName[method], table.labels.map((label, k) => `${label} ${percent.format(weights[k])}`).join(listSeparator)) : '';

  const onUseSelection = async () => {
    setReadState({ kind: 'busy' });
    try {
      const values = await readSelectedValues();
      const grid = fromRangeValues(values);
      setDataText(toText(grid));
      setRangeGrid(grid);
      setReadState({ kind: 'idle' });
    } catch (error) {
      setReadState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const headingId = `${idPrefix}-heading`;
  const tableId = `${idPrefix}-table`;
  const selectionNoteId = `${idPrefix}-selection-note`;

  return (
    <section className={styles.section} aria-labelledby={headingId} data-objective-weights="">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t.heading}
      </Subtitle2>
      <Text>{t.intro}</Text>

      <Field label={t.methodLabel}>
        <Select
          value={method}
          onChange={(_, data) => {
            if (isObjectiveMethod(data.value)) setMethod(data.value);
          }}
        >
          {OBJECTIVE_METHODS.map((m) => (
            <option key={m} value={m}>
              {methodName[m]}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t.directionsLabel} hint={t.directionsHint}>
        <Input value={directionsText} placeholder="1, -1, 1" onChange={(_, data) => setDirectionsText(data.value)} />
      </Field>

      <div className={styles.actions}>
        <Button disabledFocusable={!inExcel || readState.kind === 'busy'} aria-describedby={inExcel ? undefined : selectionNoteId} onClick={onUseSelection}>
          {readState.kind === 'busy' ? t.reading : t.useSelection}
        </Button>
      </div>
      {!inExcel && <Caption1 id={selectionNoteId}>{t.selectionNeedsExcel}</Caption1>}
      {readState.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{t.readFailed(readState.message)}</MessageBarBody>
        </MessageBar>
      )}

      <Field label={t.pasteLabel} hint={t.pasteHint}>
        <Textarea className={styles.textarea} resize="vertical" rows={6} value={dataText} onChange={(_, data) => {
            setDataText(data.value);
            setRangeGrid(null);
          }} />
      </Field>

      {outcome === null && <Caption1>{t.noData}</Caption1>}
      {outcome && 'error' in outcome && (
        <MessageBar intent="error" data-objective-error="">
          <MessageBarBody>{t.computeFailed(outcome.error)}</MessageBarBody>
        </MessageBar>
      )}
      {weights && (
        <Table size="small" aria-labelledby={tableId}>
          <caption id={tableId} className={styles.status}>
            {t.tableCaption(methodName[method])}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.criterionColumn}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numberHeader }}>{t.weightColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.labels.map((label, k) => (
              <TableRow key={k}>
                <TableCell>{label}</TableCell>
                <TableCell className={styles.number} data-value={String(weights[k])}>
                  {format4.format(weights[k])}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <p className={styles.status} role="status" aria-live="polite" aria-atomic="true" data-objective-summary="">
        {summary}
      </p>
    </section>
  );
}
