/**
 * Benchmarks view: GET {apiBase}/benchmarks (all rows first; then by metric and/or segment,
 * which the API matches exactly, ignoring case), each row with its value or percentiles, n,
 * source and date, and — in Excel — "Insert as formula" (=PERF.BENCHMARK("metric","segment",p))
 * or "Insert as value" (what that formula returns now, computed by the engine) into the
 * top-left cell of the selection.
 */
import { Button, Caption1, Field, Input, Select, Spinner, Subtitle2, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import * as React from 'react';
import { Benchmark, createApiClient, isAbortError } from '../../api';
import { formatDate, formatNumber } from '../../components/format';
import { ExcelOnlyNote, ProblemMessage } from '../../components/messages';
import { CellContent, writeSelectedCellInExcel } from '../../excel';
import { type Translate, translator } from '../../locale';
import type { Locale, ViewProps } from '../../view-contract';
import { PERCENTILES, benchmarkFormula, benchmarkValueAt, hasPercentiles, publishedAt, publishedPercentiles } from './model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  heading: { margin: 0 },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '140px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  factValue: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

type ListState = { status: 'loading'; items?: Benchmark[] } | { status: 'ready'; items: Benchmark[] } | { status: 'error'; error: unknown; items?: Benchmark[] };

export default function BenchmarksView({ locale, host, apiBase }: ViewProps): React.JSX.Element {
  const t = React.useMemo(() => translator(locale), [locale]);
  const styles = useStyles();
  const client = React.useMemo(() => createApiClient(apiBase), [apiBase]);
  const ids = { heading: useId('bm-heading'), metrics: useId('bm-metrics'), segments: useId('bm-segments'), note: useId('bm-excel-note') };

  const [metric, setMetric] = React.useState('');
  const [segment, setSegment] = React.useState('');
  const [search, setSearch] = React.useState({ metric: '', segment: '', run: 0 });
  const [list, setList] = React.useState<ListState>({ status: 'loading' });
  /** Every metric and segment seen in an unfiltered answer: suggestions for the inputs. */
  const [known, setKnown] = React.useState<{ metrics: string[]; segments: string[] }>({ metrics: [], segments: [] });

  React.useEffect(() => {
    const controller = new AbortController();
    setList((previous) => ({ status: 'loading', items: previous.items }));
    client.listBenchmarks({ metric: search.metric, segment: search.segment }, controller.signal).then(
      (items) => {
        setList({ status: 'ready', items });
        if (!search.metric && !search.segment) {
          const unique = (values: string[]) => [...new Set(values)].sort();
          setKnown({ metrics: unique(items.map((r) => r.metric)), segments: unique(items.map((r) => r.segment)) });
        }
      },
      (error: unknown) => {
        if (!isAbortError(error)) setList((previous) => ({ status: 'error', error, items: previous.items }));
      },
    );
    return () => controller.abort();
  }, [client, search]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSearch((s) => ({ metric: metric.trim(), segment: segment.trim(), run: s.run + 1 }));
  };
  const showAll = () => {
    setMetric('');
    setSegment('');
    setSearch((s) => ({ metric: '', segment: '', run: s.run + 1 }));
  };

  const items = list.items ?? [];
  return (
    <div className={styles.root} data-testid="benchmarks-view">
      <Subtitle2 as="h2" id={ids.heading} className={styles.heading}>
        {t('benchmarks.heading')}
      </Subtitle2>
      <form className={styles.form} role="search" aria-label={t('benchmarks.search.label')} onSubmit={submit} data-testid="benchmarks-form">
        <Field label={t('benchmarks.metric.label')} className={styles.grow}>
          <Input
            value={metric}
            list={ids.metrics}
            autoComplete="off"
            placeholder={t('benchmarks.metric.placeholder')}
            onChange={(_, data) => setMetric(data.value)}
            data-testid="benchmarks-metric"
          />
        </Field>
        <Field label={t('benchmarks.segment.label')} className={styles.grow}>
          <Input
            value={segment}
            list={ids.segments}
            autoComplete="off"
            placeholder={t('benchmarks.segment.placeholder')}
            onChange={(_, data) => setSegment(data.value)}
            data-testid="benchmarks-segment"
          />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" data-testid="benchmarks-search">
            {t('benchmarks.search')}
          </Button>
          <Button type="button" onClick={showAll} data-testid="benchmarks-show-all">
            {t('benchmarks.showAll')}
          </Button>
        </div>
        <datalist id={ids.metrics}>
          {known.metrics.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <datalist id={ids.segments}>
          {known.segments.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </form>
      <Caption1 className={styles.muted}>{t('benchmarks.hint')}</Caption1>

      <div role="status" aria-live="polite" data-testid="benchmarks-status">
        {list.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={t('benchmarks.loading')} />}
        {list.status === 'ready' && <Caption1>{items.length === 0 ? t('benchmarks.empty') : t('benchmarks.count', { count: items.length })}</Caption1>}
      </div>
      {list.status === 'error' && (
        <ProblemMessage title={t('benchmarks.loadFailed')} error={list.error} t={t} onRetry={() => setSearch((s) => ({ ...s, run: s.run + 1 }))} data-testid="benchmarks-error" />
      )}

      {items.length > 0 && !host.inExcel && <ExcelOnlyNote id={ids.note} t={t} />}
      {items.length > 0 && (
        <ul className={styles.list} aria-label={t('benchmarks.list.label')} data-testid="benchmarks-list">
          {items.map((row) => (
            <li key={`${row.metric}\u0000${row.segment}\u0000${row.period ?? ''}`}>
              <BenchmarkCard row={row} locale={locale} inExcel={host.inExcel} excelNoteId={ids.note} t={t} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type InsertState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; address: string } | { kind: 'failed'; error: unknown };

interface BenchmarkCardProps {
  row: Benchmark;
  locale: Locale;
  inExcel: boolean;
  /** The id of the view's "Excel only" note, which the disabled buttons point at outside Excel. */
  excelNoteId?: string;
  t: Translate;
  /** For tests: what writes into Excel. */
  write?: (content: CellContent) => Promise<string>;
}

/** One benchmark row with its facts and insert actions (exported for server-side rendering tests). */
export const BenchmarkCard = React.memo(function BenchmarkCard({ row, locale, inExcel, excelNoteId, t, write = writeSelectedCellInExcel }: BenchmarkCardProps) {
  const styles = useStyles();
  const ids = { title: useId('bm-title'), percentile: useId('bm-p') };
  const published = publishedPercentiles(row);
  const [percentile, setPercentile] = React.useState<number>(published.includes(50) ? 50 : (published[0] ?? 50));
  const [insert, setInsert] = React.useState<InsertState>({ kind: 'idle' });
  const value = published.length > 0 ? benchmarkValueAt(row, percentile) : null;

  const run = async (content: CellContent) => {
    if (!inExcel || insert.kind === 'busy') return;
    setInsert({ kind: 'busy' });
    try {
      setInsert({ kind: 'done', address: await write(content) });
    } catch (error) {
      setInsert({ kind: 'failed', error });
    }
  };

  const disabled = !inExcel || insert.kind === 'busy';
  const describedBy = inExcel || !excelNoteId ? ids.title : `${ids.title} ${excelNoteId}`;
  return (
    <article className={styles.card} aria-labelledby={ids.title} data-testid="benchmark-row" data-metric={row.metric} data-segment={row.segment}>
      <Subtitle2 as="h3" id={ids.title} className={styles.title} translate="no">
        {row.metric} · {row.segment}
      </Subtitle2>
      <dl className={styles.facts}>
        {hasPercentiles(row) ? (
          PERCENTILES.map((p) => {
            const v = publishedAt(row, p);
            return v === undefined ? null : (
              <React.Fragment key={p}>
                <dt className={styles.term}>P{p}</dt>
                <dd className={styles.factValue} data-testid={`benchmark-p${p}`}>
                  {formatNumber(v, locale)}
                </dd>
              </React.Fragment>
            );
          })
        ) : row.value !== undefined ? (
          <>
            <dt className={styles.term}>{t('benchmarks.value')}</dt>
            <dd className={styles.factValue} data-testid="benchmark-value">
              {formatNumber(row.value, locale)}
            </dd>
          </>
        ) : null}
        {row.unit && (
          <>
            <dt className={styles.term}>{t('benchmarks.unit')}</dt>
            <dd className={styles.factValue}>
              {row.unit}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t('benchmarks.n')}</dt>
        <dd className={styles.factValue} data-testid="benchmark-n">
          {formatNumber(row.n, locale)}
        </dd>
        {row.period && (
          <>
            <dt className={styles.term}>{t('benchmarks.period')}</dt>
            <dd className={styles.factValue}>
              {row.period}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t('benchmarks.source')}</dt>
        <dd className={styles.factValue} data-testid="benchmark-source">
          {row.source}
        </dd>
        {row.updatedAt && (
          <>
            <dt className={styles.term}>{t('benchmarks.updated')}</dt>
            <dd className={styles.factValue} data-testid="benchmark-updated">
              {formatDate(row.updatedAt, locale)}
            </dd>
          </>
        )}
      </dl>

      {published.length === 0 ? (
        <Caption1 data-testid="benchmark-withheld">{t('benchmarks.withheld')}</Caption1>
      ) : (
        <div className={styles.actions}>
          {published.length > 1 && (
            <Field label={t('benchmarks.percentile.label')}>
              <Select id={ids.percentile} size="small" value={String(percentile)} onChange={(_, data) => setPercentile(Number(data.value))} data-testid="benchmark-percentile">
                {published.map((p) => (
                  <option key={p} value={p}>
                    P{p}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Button
            size="small"
            disabledFocusable={disabled}
            aria-describedby={describedBy}
            onClick={() => run({ formula: benchmarkFormula(row.metric, row.segment, percentile) })}
            data-testid="benchmark-insert-formula"
          >
            {t('benchmarks.insertFormula')}
          </Button>
          <Button
            size="small"
            disabledFocusable={disabled || value === null}
            aria-describedby={describedBy}
            onClick={() => value !== null && run({ value })}
            data-testid="benchmark-insert-value"
          >
            {t('benchmarks.insertValue')}
          </Button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {insert.kind === 'done' && <Text data-testid="benchmark-inserted">{t('benchmarks.inserted', { address: insert.address })}</Text>}
      </div>
      {insert.kind === 'failed' && <ProblemMessage title={t('benchmarks.insertFailed')} error={insert.error} t={t} data-testid="benchmark-insert-error" />}
    </article>
  );
});
