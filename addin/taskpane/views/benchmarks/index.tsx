/**
 * Benchmarks view: GET {apiBase}/benchmarks once, then browsing in the pane — each metric by
 * its name in the user's language, grouped by area (collapsible), searched by any part of its
 * name in either language (so "人工成本" finds labour_cost_share_max), values in their units
 * (ratios in %, CNY as money). Until peers contribute, the rows are labelled honestly as the
 * plan documents' suggested defaults. In Excel each row offers "Insert as formula"
 * (=PERF.BENCHMARK("metric","segment",p)) or "Insert as value" (what that formula returns
 * now, computed by the engine) at the top-left cell of the selection.
 */
import { Button, Caption1, Field, Input, Select, Subtitle2, Text, useId } from '@fluentui/react-components';
import * as React from 'react';
import { Benchmark, createApiClient, isAbortError } from '../../api';
import { formatDate } from '../../components/format';
import { useDebounced } from '../../components/hooks';
import { Actions, Facts, ViewRoot, useLayout } from '../../components/layout';
import { ListStatus } from '../../components/list-status';
import { ExcelOnlyNote, ProblemMessage } from '../../components/messages';
import { CellContent, writeSelectedCellInExcel } from '../../excel';
import { type Translate, translator } from '../../locale';
import type { Locale, ViewProps } from '../../view-contract';
import {
  AREAS,
  type Area,
  DEFAULTS_SOURCE,
  PERCENTILES,
  benchmarkFormula,
  benchmarkValueAt,
  formatBenchmarkValue,
  groupByArea,
  hasPercentiles,
  matchesSearch,
  metricName,
  publishedAt,
  publishedPercentiles,
  segmentName,
} from './model';

type ListState = { status: 'loading'; items?: Benchmark[] } | { status: 'ready'; items: Benchmark[] } | { status: 'error'; error: unknown; items?: Benchmark[] };

export default function BenchmarksView({ locale, host, apiBase }: ViewProps): React.JSX.Element {
  const t = React.useMemo(() => translator(locale), [locale]);
  const l = useLayout();
  const client = React.useMemo(() => createApiClient(apiBase), [apiBase]);
  const ids = { note: useId('bm-excel-note') };

  const [query, setQuery] = React.useState('');
  const [area, setArea] = React.useState<Area | ''>('');
  const [run, setRun] = React.useState(0);
  const [list, setList] = React.useState<ListState>({ status: 'loading' });
  const search = useDebounced(query, 150);

  React.useEffect(() => {
    const controller = new AbortController();
    setList((previous) => ({ status: 'loading', items: previous.items }));
    client.listBenchmarks({}, controller.signal).then(
      (items) => setList({ status: 'ready', items }),
      (error: unknown) => {
        if (!isAbortError(error)) setList((previous) => ({ status: 'error', error, items: previous.items }));
      },
    );
    return () => controller.abort();
  }, [client, run]);

  const all = list.items ?? [];
  const shown = React.useMemo(() => all.filter((row) => (area === '' || groupByArea([row])[0]?.area === area) && matchesSearch(row, search)), [all, area, search]);
  const groups = React.useMemo(() => groupByArea(shown), [shown]);
  const onlyDefaults = all.length > 0 && all.every((row) => row.source === DEFAULTS_SOURCE);
  const open = search.trim() !== '' || area !== '' || groups.length === 1;
  const listTexts = { loading: t('benchmarks.loading'), empty: t('benchmarks.empty'), count: t('benchmarks.count', { count: shown.length }), loadFailed: t('benchmarks.loadFailed') };

  return (
    <ViewRoot view="benchmarks" locale={locale} title={t('benchmarks.heading')} intro={onlyDefaults || all.length === 0 ? t('benchmarks.honest') : undefined} testId="benchmarks-view">
      <div className={l.actions} role="search" aria-label={t('benchmarks.search.label')} data-testid="benchmarks-form">
        <Field label={t('benchmarks.search.label')} className={l.grow}>
          <Input
            type="search"
            className={l.fill}
            value={query}
            autoComplete="off"
            placeholder={t('benchmarks.search.placeholder')}
            onChange={(_, data) => setQuery(data.value)}
            data-testid="benchmarks-search"
          />
        </Field>
        <Field label={t('benchmarks.area.label')} className={l.grow}>
          <Select className={l.fill} value={area} onChange={(_, data) => setArea(data.value as Area | '')} data-testid="benchmarks-area">
            <option value="">{t('benchmarks.area.all')}</option>
            {(Object.keys(AREAS) as Area[]).map((a) => (
              <option key={a} value={a}>
                {AREAS[a][locale]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <ListStatus list={list} shown={shown.length} texts={listTexts} t={t} onRetry={() => setRun((n) => n + 1)} testId="benchmarks" />

      {shown.length > 0 && !host.inExcel && <ExcelOnlyNote id={ids.note} t={t} />}
      {groups.length > 0 && (
        <div className={l.list} aria-label={t('benchmarks.list.label')} role="group" data-testid="benchmarks-list">
          {groups.map((group) => (
            <details key={group.area} className={l.details} open={open || undefined} data-area={group.area}>
              <summary>
                <Subtitle2 as="h3" style={{ display: 'inline' }}>
                  {t('benchmarks.group', { area: AREAS[group.area][locale], count: group.rows.length })}
                </Subtitle2>
              </summary>
              <ul className={l.list} style={{ marginTop: '8px' }}>
                {group.rows.map((row) => (
                  <li key={`${row.metric}\u0000${row.segment}\u0000${row.period ?? ''}`}>
                    <BenchmarkCard row={row} locale={locale} numberLocale={host.numberLocale} inExcel={host.inExcel} excelNoteId={ids.note} t={t} />
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </ViewRoot>
  );
}

type InsertState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; address: string } | { kind: 'failed'; error: unknown };

interface BenchmarkCardProps {
  row: Benchmark;
  locale: Locale;
  /** The workbook's locale for numbers (default: the pane's). */
  numberLocale?: string;
  inExcel: boolean;
  /** The id of the view's "Excel only" note, which the disabled buttons point at outside Excel. */
  excelNoteId?: string;
  t: Translate;
  /** For tests: what writes into Excel. */
  write?: (content: CellContent) => Promise<string>;
}

/** One benchmark row with its facts and insert actions (exported for server-side rendering tests). */
export const BenchmarkCard = React.memo(function BenchmarkCard({ row, locale, numberLocale, inExcel, excelNoteId, t, write = writeSelectedCellInExcel }: BenchmarkCardProps) {
  const l = useLayout();
  const ids = { title: useId('bm-title'), percentile: useId('bm-p') };
  const published = publishedPercentiles(row);
  const [percentile, setPercentile] = React.useState<number>(published.includes(50) ? 50 : (published[0] ?? 50));
  const [insert, setInsert] = React.useState<InsertState>({ kind: 'idle' });
  const value = published.length > 0 ? benchmarkValueAt(row, percentile) : null;
  const show = (v: number) => formatBenchmarkValue(row, v, locale, numberLocale);

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
  const source = row.source === DEFAULTS_SOURCE ? t('benchmarks.source.defaults') : row.period ? t('benchmarks.source.peers') : row.source;
  return (
    <article className={l.card} aria-labelledby={ids.title} data-testid="benchmark-row" data-metric={row.metric} data-segment={row.segment}>
      <h4 id={ids.title} className={l.heading} style={{ fontSize: '14px', fontWeight: 600 }}>
        {metricName(row.metric, locale)}
      </h4>
      {!hasPercentiles(row) && row.value !== undefined && (
        <Text size={400} weight="semibold" className={l.number} style={{ textAlign: 'start' }} data-testid="benchmark-value">
          {show(row.value)}
        </Text>
      )}
      <Facts
        facts={[
          ...(hasPercentiles(row)
            ? PERCENTILES.map((p) => {
                const v = publishedAt(row, p);
                return v === undefined ? null : { term: t('benchmarks.percentile', { p }), value: show(v), testId: `benchmark-p${p}` };
              })
            : []),
          { term: t('benchmarks.segment'), value: segmentName(row.segment, locale) },
          row.period ? { term: t('benchmarks.period'), value: row.period } : null,
          row.source !== DEFAULTS_SOURCE ? { term: t('benchmarks.n'), value: String(row.n), testId: 'benchmark-n' } : null,
          { term: t('benchmarks.source'), value: source, testId: 'benchmark-source' },
          row.updatedAt ? { term: t('benchmarks.updated'), value: formatDate(row.updatedAt, locale), testId: 'benchmark-updated' } : null,
        ]}
      />

      {published.length === 0 ? (
        <Caption1 className={l.wrap} data-testid="benchmark-withheld">
          {t('benchmarks.withheld')}
        </Caption1>
      ) : (
        <Actions>
          {published.length > 1 && (
            <Field label={t('benchmarks.percentile.label')}>
              <Select id={ids.percentile} size="small" value={String(percentile)} onChange={(_, data) => setPercentile(Number(data.value))} data-testid="benchmark-percentile">
                {published.map((p) => (
                  <option key={p} value={p}>
                    {t('benchmarks.percentile', { p })}
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
        </Actions>
      )}
      <div role="status" aria-live="polite">
        {insert.kind === 'done' && <Text data-testid="benchmark-inserted">{t('benchmarks.inserted', { address: insert.address })}</Text>}
      </div>
      {insert.kind === 'failed' && <ProblemMessage title={t('benchmarks.insertFailed')} error={insert.error} t={t} data-testid="benchmark-insert-error" />}
    </article>
  );
});
