/**
 * Templates view: search (q, debounced) and category filter over GET {apiBase}/templates, a
 * list of titles in the pane's language, and a details panel (GET /templates/{id}: description,
 * tags, versions) with Download (a real link with the download attribute) and Insert into
 * workbook (Excel only: bytes → base64 → excel.ts integration point).
 *
 * Everything from the API is rendered as React text (never as HTML); links come from
 * safeHttpUrl, so only http(s) URLs become hrefs.
 */
import { Body1, Button, Caption1, Field, Input, Select, Spinner, Subtitle2, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import * as React from 'react';
import { ApiClient, TEMPLATE_CATEGORIES, TemplateDetails, TemplateSummary, bytesToBase64, createApiClient, isAbortError, localizedText, templateDownloadUrl } from '../../api';
import { formatBytes, formatDate } from '../../components/format';
import { pageUrl, useDebounced } from '../../components/hooks';
import { ExcelOnlyNote, ProblemMessage } from '../../components/messages';
import { insertTemplateInExcel } from '../../excel';
import { type StringKey, type Translate, translator } from '../../locale';
import type { Locale, ViewProps } from '../../view-contract';

const SEARCH_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalM + ' 0' },
  heading: { margin: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '160px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', minHeight: '44px' },
  itemText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  factValue: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  tags: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  tag: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'start', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` } },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Loadable<T> = { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: unknown; data?: T };

type InsertState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; sheets: string[] } | { kind: 'failed'; error: unknown };

function categoryLabel(category: string, t: Translate): string {
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(category) ? t(`templates.category.${category}` as StringKey) : category;
}

export default function TemplatesView({ locale, host, apiBase }: ViewProps): React.JSX.Element {
  const t = React.useMemo(() => translator(locale), [locale]);
  const styles = useStyles();
  const client = React.useMemo(() => createApiClient(apiBase), [apiBase]);
  const ids = { search: useId('tpl-search'), category: useId('tpl-category'), heading: useId('tpl-heading') };

  const [query, setQuery] = React.useState('');
  const [category, setCategory] = React.useState('');
  const q = useDebounced(query, SEARCH_DEBOUNCE_MS);
  const [reload, setReload] = React.useState(0);
  const [list, setList] = React.useState<Loadable<TemplateSummary[]>>({ status: 'loading' });
  const [selectedId, setSelectedId] = React.useState<string | null>(null);

  React.useEffect(() => {
    const controller = new AbortController();
    setList((previous) => ({ status: 'loading', data: previous.data }));
    client.listTemplates({ q, category }, controller.signal).then(
      (items) => setList({ status: 'ready', data: items }),
      (error: unknown) => {
        if (!isAbortError(error)) setList((previous) => ({ status: 'error', error, data: previous.data }));
      },
    );
    return () => controller.abort();
  }, [client, q, category, reload]);

  const items = list.data ?? [];
  return (
    <div className={styles.root} data-testid="templates-view">
      <Subtitle2 as="h2" id={ids.heading} className={styles.heading}>
        {t('templates.heading')}
      </Subtitle2>
      <div className={styles.filters} role="search" aria-labelledby={ids.heading}>
        <Field label={t('templates.search.label')} className={styles.grow}>
          <Input
            id={ids.search}
            type="search"
            value={query}
            placeholder={t('templates.search.placeholder')}
            onChange={(_, data) => setQuery(data.value)}
            data-testid="templates-search"
          />
        </Field>
        <Field label={t('templates.category.label')}>
          <Select id={ids.category} value={category} onChange={(_, data) => setCategory(data.value)} data-testid="templates-category">
            <option value="">{t('templates.category.all')}</option>
            {TEMPLATE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c, t)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div role="status" aria-live="polite" data-testid="templates-status">
        {list.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={t('templates.loading')} />}
        {list.status === 'ready' && <Caption1>{items.length === 0 ? t('templates.empty') : t('templates.count', { count: items.length })}</Caption1>}
      </div>
      {list.status === 'error' && (
        <ProblemMessage title={t('templates.loadFailed')} error={list.error} t={t} onRetry={() => setReload((n) => n + 1)} data-testid="templates-error" />
      )}

      {items.length > 0 && (
        <ul className={styles.list} aria-label={t('templates.list.label')} data-testid="templates-list">
          {items.map((item) => (
            <TemplateListItem key={item.id} item={item} locale={locale} t={t} selected={item.id === selectedId} onSelect={setSelectedId} />
          ))}
        </ul>
      )}

      {selectedId ? (
        <TemplateDetailsPanel key={selectedId} id={selectedId} client={client} locale={locale} inExcel={host.inExcel} t={t} />
      ) : (
        items.length > 0 && <Caption1 className={styles.muted}>{t('templates.details.none')}</Caption1>
      )}
    </div>
  );
}

interface TemplateListItemProps {
  item: TemplateSummary;
  locale: Locale;
  t: Translate;
  selected: boolean;
  onSelect: (id: string) => void;
}

export const TemplateListItem = React.memo(function TemplateListItem({ item, locale, t, selected, onSelect }: TemplateListItemProps) {
  const styles = useStyles();
  return (
    <li>
      <Button
        className={styles.item}
        appearance={selected ? 'secondary' : 'subtle'}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(item.id)}
        data-testid={`template-item-${item.id}`}
        data-template-id={item.id}
      >
        <span className={styles.itemText}>
          <Body1 data-testid="template-item-title">{localizedText(item.title, locale)}</Body1>
          <Caption1 className={styles.muted}>{categoryLabel(item.category, t)}</Caption1>
        </span>
      </Button>
    </li>
  );
});

interface DetailsPanelProps {
  id: string;
  client: ApiClient;
  locale: Locale;
  inExcel: boolean;
  t: Translate;
}

function TemplateDetailsPanel({ id, client, locale, inExcel, t }: DetailsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [reload, setReload] = React.useState(0);
  const [details, setDetails] = React.useState<Loadable<TemplateDetails>>({ status: 'loading' });

  React.useEffect(() => {
    const controller = new AbortController();
    setDetails({ status: 'loading' });
    client.getTemplate(id, controller.signal).then(
      (data) => setDetails({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setDetails({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [client, id, reload]);

  return (
    <section className={styles.details} aria-label={t('templates.details.label')} aria-busy={details.status === 'loading'} data-testid="template-details">
      {details.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={t('templates.details.loading')} />}
      {details.status === 'error' && (
        <ProblemMessage title={t('templates.details.failed')} error={details.error} t={t} onRetry={() => setReload((n) => n + 1)} data-testid="template-details-error" />
      )}
      {details.status === 'ready' && <TemplateDetailsBody template={details.data} client={client} locale={locale} inExcel={inExcel} t={t} />}
    </section>
  );
}

interface DetailsBodyProps {
  template: TemplateDetails;
  client: Pick<ApiClient, 'apiBase' | 'downloadTemplate'>;
  locale: Locale;
  inExcel: boolean;
  t: Translate;
  /** For tests: the page URL links resolve against. */
  baseUrl?: string;
}

/** The details of one loaded template (exported for server-side rendering tests). */
export function TemplateDetailsBody({ template, client, locale, inExcel, t, baseUrl }: DetailsBodyProps): React.JSX.Element {
  const styles = useStyles();
  const ids = { title: useId('tpl-title'), note: useId('tpl-excel-note') };
  const [insert, setInsert] = React.useState<InsertState>({ kind: 'idle' });
  const base = baseUrl ?? pageUrl();
  const title = localizedText(template.title, locale);
  const description = localizedText(template.description, locale);
  const latest = templateDownloadUrl(client.apiBase, template, undefined, base);
  const versions = template.versions.length > 0 ? template.versions : [{ version: template.version, sizeBytes: template.sizeBytes, createdAt: template.updatedAt }];

  const onInsert = async () => {
    if (!inExcel || !latest || insert.kind === 'busy') return;
    setInsert({ kind: 'busy' });
    try {
      const bytes = await client.downloadTemplate(latest);
      const sheets = await insertTemplateInExcel(bytesToBase64(bytes));
      setInsert({ kind: 'done', sheets });
    } catch (error) {
      setInsert({ kind: 'failed', error });
    }
  };

  return (
    <>
      <Subtitle2 as="h3" id={ids.title} className={styles.title} data-testid="template-details-title">
        {title}
      </Subtitle2>
      {description && <Body1 data-testid="template-details-description">{description}</Body1>}
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('templates.details.category')}</dt>
        <dd className={styles.factValue}>
          {categoryLabel(template.category, t)}
        </dd>
        {template.updatedAt && (
          <>
            <dt className={styles.term}>{t('templates.details.updated')}</dt>
            <dd className={styles.factValue}>
              {formatDate(template.updatedAt, locale)}
            </dd>
          </>
        )}
      </dl>
      {template.tags.length > 0 && (
        <ul className={styles.tags} aria-label={t('templates.details.tags')} data-testid="template-details-tags">
          {template.tags.map((tag) => (
            <li key={tag} className={styles.tag}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      <table className={styles.table} data-testid="template-versions">
        <caption className={styles.caption}>{t('templates.details.versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('templates.details.version')}</th>
            <th scope="col">{t('templates.details.created')}</th>
            <th scope="col">{t('templates.details.size')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const href = templateDownloadUrl(client.apiBase, template, v.version, base);
            return (
              <tr key={v.version}>
                <th scope="row">
                  {href ? (
                    <a href={href} download={`${template.id}-v${v.version}.xlsx`} aria-label={t('templates.downloadVersion', { version: v.version })}>
                      v{v.version}
                    </a>
                  ) : (
                    `v${v.version}`
                  )}
                </th>
                <td>{formatDate(v.createdAt, locale)}</td>
                <td>{formatBytes(v.sizeBytes, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={styles.actions}>
        {latest && (
          <Button as="a" href={latest} download={`${template.id}-v${template.version}.xlsx`} appearance="secondary" data-testid="template-download">
            {t('templates.download')}
          </Button>
        )}
        <Button
          appearance="primary"
          disabledFocusable={!inExcel || !latest || insert.kind === 'busy'}
          aria-describedby={inExcel ? undefined : ids.note}
          onClick={onInsert}
          data-testid="template-insert"
        >
          {insert.kind === 'busy' ? t('templates.inserting') : t('templates.insert')}
        </Button>
        {!inExcel && <ExcelOnlyNote id={ids.note} t={t} />}
      </div>
      <div role="status" aria-live="polite" data-testid="template-insert-status">
        {insert.kind === 'done' && <Text data-testid="template-inserted">{t('templates.inserted', { title, sheets: insert.sheets.join(', ') })}</Text>}
      </div>
      {insert.kind === 'failed' && <ProblemMessage title={t('templates.insertFailed')} error={insert.error} t={t} data-testid="template-insert-error" />}
    </>
  );
}
