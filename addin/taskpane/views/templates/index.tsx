/**
 * Templates view: search (q, debounced) and category filter over GET {apiBase}/templates, a
 * list of titles with one line of description in the pane's language, and — when one is
 * chosen — its details as a view of their own (GET /templates/{id}: description, tags,
 * versions) with Back, focus moved to the heading, Download (saved under the title in the
 * user's language once its bytes are fetched) and Insert into workbook (Excel only, and only where this Excel can insert
 * worksheets from a file; elsewhere "Download instead").
 *
 * Everything from the API is rendered as React text (never as HTML); links come from
 * safeHttpUrl, so only http(s) URLs become hrefs.
 */
import { Body1, Button, Caption1, Field, Input, Select, Spinner, Text, useId } from '@fluentui/react-components';
import * as React from 'react';
import {
  ApiClient,
  TEMPLATE_CATEGORIES,
  TemplateDetails,
  TemplateSummary,
  bytesToBase64,
  createApiClient,
  isAbortError,
  localizedText,
  templateDownloadUrl,
} from '../../api';
import { formatBytes, formatDate } from '../../components/format';
import { pageUrl, useDebounced } from '../../components/hooks';
import { Actions, Facts, Section, ViewRoot, useLayout } from '../../components/layout';
import { CJK } from '../../components/error-text';
import { ListStatus } from '../../components/list-status';
import { ExcelOnlyNote, ProblemMessage } from '../../components/messages';
import { insertTemplateInExcel } from '../../excel';
import { type Translate, translator } from '../../locale';
import type { HostInfo, Locale, ViewProps } from '../../view-contract';

const SEARCH_DEBOUNCE_MS = 300;
/** Tags that read the same in both languages: acronyms and numbers (KPI, ROI, 80/20, 360). */
const NEUTRAL_TAG = /^[A-Z0-9&/.+-]+$/;

type Loadable<T> = { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: unknown; data?: T };

type InsertState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; sheets: string[] } | { kind: 'failed'; error: unknown };

function categoryLabel(category: string, t: Translate): string {
  if (category === '') return '';
  const byKey = t as unknown as (key: string) => string;
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(category) ? byKey(`templates.category.${category}`) : t('templates.category.other');
}

/** A template's tags in the user's language: Chinese ones in zh-CN, the others in en-US, acronyms in both. */
export function tagsFor(tags: readonly string[], locale: Locale): string[] {
  return tags.filter((tag) => NEUTRAL_TAG.test(tag) || (locale === 'zh-CN' ? CJK.test(tag) : !CJK.test(tag)));
}

/** "Tiered commission v2.xlsx": the title in the user's language, safe as a file name. */
export function templateFileName(title: string, version: number, t: Translate): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'template';
  return t('templates.fileName', { title: safe, version });
}

/**
 * A download URL that also says the pane's language (`?locale=`), so that when the browser saves
 * the API's answer itself (before the pane has the bytes, or for an older version) the API names
 * the file as templateFileName does: "<title> v<n>.xlsx" in the user's language.
 */
export function namedDownloadUrl(url: string | null, locale: Locale): string | null {
  if (!url) return null;
  const named = new URL(url);
  named.searchParams.set('locale', locale);
  return named.href;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function TemplatesView({ locale, host, apiBase }: ViewProps): React.JSX.Element {
  const t = React.useMemo(() => translator(locale), [locale]);
  const l = useLayout();
  const client = React.useMemo(() => createApiClient(apiBase), [apiBase]);
  const ids = { search: useId('tpl-search'), category: useId('tpl-category'), heading: useId('tpl-heading') };

  const [query, setQuery] = React.useState('');
  const [category, setCategory] = React.useState('');
  const q = useDebounced(query, SEARCH_DEBOUNCE_MS);
  const [reload, setReload] = React.useState(0);
  const [list, setList] = React.useState<Loadable<TemplateSummary[]>>({ status: 'loading' });
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const lastOpened = React.useRef<string | null>(null);

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

  // Back from the details: focus returns to the template that was open.
  React.useEffect(() => {
    if (selectedId !== null || lastOpened.current === null) return;
    const id = lastOpened.current;
    lastOpened.current = null;
    document.querySelector<HTMLElement>(`[data-template-id="${CSS.escape(id)}"]`)?.focus();
  }, [selectedId]);

  const open = React.useCallback((id: string) => {
    lastOpened.current = id;
    setSelectedId(id);
  }, []);

  const items = list.data ?? [];
  const listTexts = { loading: t('templates.loading'), empty: t('templates.empty'), count: t('templates.count', { count: items.length }), loadFailed: t('templates.loadFailed') };
  return (
    <ViewRoot view="templates" locale={locale} title={t('templates.heading')} testId="templates-view">
      {selectedId && (
        <TemplateDetailsPanel key={selectedId} id={selectedId} client={client} locale={locale} host={host} t={t} onBack={() => setSelectedId(null)} />
      )}
      <div className={l.section} hidden={selectedId !== null} data-testid="templates-browse">
        <div className={l.actions} role="search" aria-label={t('templates.search.label')}>
          <Field label={t('templates.search.label')} className={l.grow}>
            <Input
              id={ids.search}
              type="search"
              className={l.fill}
              value={query}
              placeholder={t('templates.search.placeholder')}
              onChange={(_, data) => setQuery(data.value)}
              data-testid="templates-search"
            />
          </Field>
          <Field label={t('templates.category.label')} className={l.grow}>
            <Select id={ids.category} className={l.fill} value={category} onChange={(_, data) => setCategory(data.value)} data-testid="templates-category">
              <option value="">{t('templates.category.all')}</option>
              {TEMPLATE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c, t)}
                </option>
              ))}
            </Select>
          </Field>
        </div>

        <ListStatus list={list} shown={items.length} texts={listTexts} t={t} onRetry={() => setReload((n) => n + 1)} testId="templates" />

        {items.length > 0 && (
          <ul className={l.list} aria-label={t('templates.list.label')} data-testid="templates-list">
            {items.map((item) => (
              <TemplateListItem key={item.id} item={item} locale={locale} t={t} selected={item.id === selectedId} onSelect={open} />
            ))}
          </ul>
        )}
      </div>
    </ViewRoot>
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
  const l = useLayout();
  const description = localizedText(item.description, locale);
  return (
    <li>
      <Button
        className={l.fill}
        style={{ justifyContent: 'flex-start', textAlign: 'start', minHeight: '44px' }}
        appearance={selected ? 'secondary' : 'subtle'}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(item.id)}
        data-testid={`template-item-${item.id}`}
        data-template-id={item.id}
      >
        <span className={l.wrap} style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', width: '100%' }}>
          <Body1 data-testid="template-item-title">{localizedText(item.title, locale)}</Body1>
          {description && (
            <Caption1 className={l.oneLine} data-testid="template-item-description">
              {description}
            </Caption1>
          )}
          <Caption1 className={l.muted}>{categoryLabel(item.category, t)}</Caption1>
        </span>
      </Button>
    </li>
  );
});

interface DetailsPanelProps {
  id: string;
  client: ApiClient;
  locale: Locale;
  host: HostInfo;
  t: Translate;
  onBack: () => void;
}

function TemplateDetailsPanel({ id, client, locale, host, t, onBack }: DetailsPanelProps): React.JSX.Element {
  const l = useLayout();
  const [reload, setReload] = React.useState(0);
  const [details, setDetails] = React.useState<Loadable<TemplateDetails>>({ status: 'loading' });
  const back = React.useRef<HTMLButtonElement>(null);

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

  // Until the heading exists, Back holds the focus (the list the user clicked in is gone).
  React.useEffect(() => {
    back.current?.focus();
    window.scrollTo?.({ top: 0 });
  }, []);

  return (
    <section className={l.card} aria-label={t('templates.details.label')} aria-busy={details.status === 'loading'} data-testid="template-details">
      <Actions>
        <Button ref={back} size="small" appearance="subtle" onClick={onBack} data-testid="template-back">
          ‹ {t('templates.details.back')}
        </Button>
      </Actions>
      {details.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={t('templates.details.loading')} />}
      {details.status === 'error' && (
        <ProblemMessage title={t('templates.details.failed')} error={details.error} t={t} onRetry={() => setReload((n) => n + 1)} data-testid="template-details-error" />
      )}
      {details.status === 'ready' && (
        <TemplateDetailsBody template={details.data} client={client} locale={locale} inExcel={host.inExcel} canInsert={host.canInsertSheets !== false} t={t} focusHeading />
      )}
    </section>
  );
}

interface DetailsBodyProps {
  template: TemplateDetails;
  client: Pick<ApiClient, 'apiBase' | 'downloadTemplate'>;
  locale: Locale;
  inExcel: boolean;
  /** This Excel can insert worksheets from a file (default true). */
  canInsert?: boolean;
  t: Translate;
  /** For tests: the page URL links resolve against. */
  baseUrl?: string;
  /** Move focus to the title once shown (the details view does). */
  focusHeading?: boolean;
}

/** The details of one loaded template (exported for server-side rendering tests). */
export function TemplateDetailsBody({ template, client, locale, inExcel, canInsert = true, t, baseUrl, focusHeading }: DetailsBodyProps): React.JSX.Element {
  const l = useLayout();
  const ids = { title: useId('tpl-title'), note: useId('tpl-excel-note') };
  const heading = React.useRef<HTMLHeadingElement>(null);
  const [insert, setInsert] = React.useState<InsertState>({ kind: 'idle' });
  const base = baseUrl ?? pageUrl();
  const title = localizedText(template.title, locale);
  const description = localizedText(template.description, locale);
  const latest = namedDownloadUrl(templateDownloadUrl(client.apiBase, template, undefined, base), locale);
  const versions = template.versions.length > 0 ? template.versions : [{ version: template.version, sizeBytes: template.sizeBytes, createdAt: template.updatedAt }];
  const tags = tagsFor(template.tags, locale);
  const insertable = inExcel && canInsert;

  React.useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);

  // The workbook is fetched as soon as the details show, so that "Download" becomes a plain link
  // to its bytes, saved under the title in the user's language (the API names the file by its
  // id). Until then, or if that fetch fails, the link is the API's own download.
  const [saved, setSaved] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!latest || typeof URL.createObjectURL !== 'function') return;
    const controller = new AbortController();
    let url: string | null = null;
    client.downloadTemplate(latest, controller.signal).then(
      (bytes) => {
        url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
        setSaved(url);
      },
      () => undefined, // the link keeps the API's URL
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, latest]);

  const onInsert = async () => {
    if (!insertable || !latest || insert.kind === 'busy') return;
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
      <h3 ref={heading} id={ids.title} tabIndex={-1} className={l.heading} style={{ fontSize: '16px', fontWeight: 600 }} data-testid="template-details-title">
        {title}
      </h3>
      {description && <Body1 className={l.wrap} data-testid="template-details-description">{description}</Body1>}
      <Facts
        facts={[
          template.category !== '' ? { term: t('templates.details.category'), value: categoryLabel(template.category, t) } : null,
          template.updatedAt ? { term: t('templates.details.updated'), value: formatDate(template.updatedAt, locale) } : null,
        ]}
      />
      {tags.length > 0 && (
        <ul className={l.actions} style={{ listStyleType: 'none', margin: 0, padding: 0 }} aria-label={t('templates.details.tags')} data-testid="template-details-tags">
          {tags.map((tag) => (
            <li key={tag} className={l.term} style={{ padding: '0 8px', borderRadius: '999px', background: '#f0f0f0' }}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      <Section heading={t('templates.details.versions')}>
        <table className={l.table} data-testid="template-versions">
          <thead>
            <tr>
              <th scope="col" className={l.term} style={{ textAlign: 'start' }}>
                {t('templates.details.version')}
              </th>
              <th scope="col" className={l.term} style={{ textAlign: 'start' }}>
                {t('templates.details.created')}
              </th>
              <th scope="col" className={l.term} style={{ textAlign: 'end' }}>
                {t('templates.details.size')}
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const href = namedDownloadUrl(templateDownloadUrl(client.apiBase, template, v.version, base), locale);
              const name = t('templates.versionName', { version: v.version });
              return (
                <tr key={v.version} className={l.factValue}>
                  <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
                    {href ? (
                      <a href={href} download={templateFileName(title, v.version, t)} aria-label={t('templates.downloadVersion', { version: v.version })}>
                        {name}
                      </a>
                    ) : (
                      name
                    )}
                  </th>
                  <td className={l.wrap}>{formatDate(v.createdAt, locale)}</td>
                  <td className={l.number}>{formatBytes(v.sizeBytes, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
      <Actions>
        {latest && (
          <Button
            as="a"
            href={saved ?? latest}
            download={templateFileName(title, template.version, t)}
            appearance={insertable ? 'secondary' : 'primary'}
            data-testid="template-download"
          >
            {inExcel && !canInsert ? t('templates.downloadInstead') : t('templates.download')}
          </Button>
        )}
        {(!inExcel || canInsert) && (
          <Button
            appearance={insertable ? 'primary' : 'secondary'}
            disabledFocusable={!insertable || !latest || insert.kind === 'busy'}
            aria-describedby={inExcel ? undefined : ids.note}
            onClick={onInsert}
            data-testid="template-insert"
          >
            {insert.kind === 'busy' ? t('templates.inserting') : t('templates.insert')}
          </Button>
        )}
      </Actions>
      {!inExcel && <ExcelOnlyNote id={ids.note} t={t} />}
      {inExcel && !canInsert && (
        <Caption1 className={l.wrap} data-testid="template-cannot-insert">
          {t('templates.cannotInsert')}
        </Caption1>
      )}
      <div role="status" aria-live="polite" data-testid="template-insert-status">
        {insert.kind === 'done' && (
          <Text className={l.wrap} data-testid="template-inserted">
            {t('templates.inserted', { title, sheets: insert.sheets.join(t('templates.list.separator')) })}
          </Text>
        )}
      </div>
      {insert.kind === 'failed' && <ProblemMessage title={t('templates.insertFailed')} error={insert.error} t={t} data-testid="template-insert-error" />}
    </>
  );
}

