/**
 * The task pane shell: Fluent UI v9 (webLightTheme), a header with the English / 中文 switch,
 * the standalone-mode note, and a TabList whose views load lazily — each view is its own
 * webpack chunk (`views/<name>/index.tsx`, default export taking ViewProps, see
 * view-contract.ts), fetched the first time its tab is selected and kept mounted (hidden)
 * afterwards so its state survives tab switches.
 *
 * Keyboard: the TabList is one tab stop; arrow keys move between tabs and Enter/Space selects
 * (Fluent's TabList). Each panel is a focusable role="tabpanel" labelled by its tab.
 */
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import * as React from 'react';
import type { HostDetection } from './host';
import { LOCALES, STRINGS, type StringKey, type Translate, pickLocale, translator } from './locale';
import type { HostInfo, Locale, ViewProps } from './view-contract';

export type ViewId = 'templates' | 'weights' | 'plan' | 'scenarios' | 'explain' | 'benchmarks';
export type ViewModule = { default: React.ComponentType<ViewProps> };

export interface TabDefinition {
  id: ViewId;
  label: StringKey;
  /** The lazy view. */
  load: () => Promise<ViewModule>;
}

/** The tabs in order. Every `import()` here becomes its own chunk (chunks/view-<name>.*.js). */
export const TABS: readonly TabDefinition[] = [
  { id: 'templates', label: 'tab.templates', load: () => import(/* webpackChunkName: "view-templates" */ './views/templates') },
  { id: 'weights', label: 'tab.weights', load: () => import(/* webpackChunkName: "view-weights" */ './views/weights') },
  { id: 'plan', label: 'tab.plan', load: () => import(/* webpackChunkName: "view-plan" */ './views/plan') },
  { id: 'scenarios', label: 'tab.scenarios', load: () => import(/* webpackChunkName: "view-scenarios" */ './views/scenarios') },
  { id: 'explain', label: 'tab.explain', load: () => import(/* webpackChunkName: "view-explain" */ './views/explain') },
  { id: 'benchmarks', label: 'tab.benchmarks', load: () => import(/* webpackChunkName: "view-benchmarks" */ './views/benchmarks') },
];

export const DEFAULT_TAB: ViewId = 'templates';

export function isViewId(value: unknown): value is ViewId {
  return TABS.some((tab) => tab.id === value);
}

/** `?tab=benchmarks` opens that tab first (for links and tests); anything else → Templates. */
export function tabFromQuery(search: string | undefined): ViewId {
  const requested = new URLSearchParams(search ?? '').get('tab');
  return isViewId(requested) ? requested : DEFAULT_TAB;
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalM, boxSizing: 'border-box' },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  title: { flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  lang: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS },
  tagline: { display: 'block', marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  banner: { marginBottom: tokens.spacingVerticalS },
  tabs: { flexWrap: 'wrap' },
  panel: { outlineOffset: '2px' },
  loading: { paddingTop: tokens.spacingVerticalL, justifyContent: 'flex-start' },
});

export interface AppProps {
  initialLocale: Locale;
  apiBase: string;
  initialTab?: ViewId;
  /** Whether the pane runs in Excel (never rejects); `onLate` receives a late Excel answer. */
  detectHost: (onLate: (detection: HostDetection) => void) => Promise<HostDetection>;
  /** Tabs to show (tests pass stubs); defaults to TABS. */
  tabs?: readonly TabDefinition[];
}

export function App({ initialLocale, apiBase, initialTab = DEFAULT_TAB, detectHost, tabs = TABS }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const chosenByUser = React.useRef(false);
  /** null while office.js has not answered (≤ 3 s): Excel-only actions stay disabled meanwhile. */
  const [detection, setDetection] = React.useState<HostDetection | null>(null);
  const [active, setActive] = React.useState<ViewId>(initialTab);
  const [visited, setVisited] = React.useState<ReadonlySet<ViewId>>(() => new Set([initialTab]));
  const t = React.useMemo(() => translator(locale), [locale]);

  React.useEffect(() => {
    let live = true;
    const apply = (found: HostDetection) => {
      if (!live) return;
      setDetection(found);
      // Office's display language wins unless the user already picked one.
      if (found.displayLanguage && !chosenByUser.current) setLocale(pickLocale(found.displayLanguage));
    };
    detectHost(apply).then(apply, () => apply({ inExcel: false, reason: 'error' }));
    return () => {
      live = false;
    };
  }, [detectHost]);

  React.useEffect(() => {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = locale;
    document.title = STRINGS[locale]['meta.title'];
  }, [locale]);

  const chooseLocale = React.useCallback((next: Locale) => {
    chosenByUser.current = true;
    setLocale(next);
  }, []);

  const select = (id: ViewId) => {
    setActive(id);
    setVisited((previous) => (previous.has(id) ? previous : new Set(previous).add(id)));
  };

  const inExcel = detection?.inExcel ?? false;
  const host = React.useMemo<HostInfo>(() => ({ inExcel }), [inExcel]);
  const viewProps = React.useMemo<ViewProps>(() => ({ locale, host, apiBase }), [locale, host, apiBase]);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root} data-testid="app" data-host={detection ? (inExcel ? 'excel' : 'standalone') : 'detecting'}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={32} height={32} alt="" />
        <h1 className={styles.title}>{t('app.title')}</h1>
        <div className={styles.lang} role="group" aria-label={t('lang.group')}>
          {LOCALES.map((option) => (
            <ToggleButton
              key={option}
              size="small"
              lang={option}
              checked={locale === option}
              appearance={locale === option ? 'primary' : 'secondary'}
              onClick={() => chooseLocale(option)}
              data-testid={`lang-${option}`}
            >
              {STRINGS[option][`lang.${option}`]}
            </ToggleButton>
          ))}
        </div>
      </header>
      <Caption1 className={styles.tagline}>{t('app.tagline')}</Caption1>

      {detection && !inExcel && (
        <MessageBar intent="info" layout="multiline" className={styles.banner} data-testid="standalone-note">
          <MessageBarBody>
            <MessageBarTitle>{t('standalone.title')}</MessageBarTitle>
            {t('standalone.body')}
          </MessageBarBody>
        </MessageBar>
      )}

      <TabList className={styles.tabs} selectedValue={active} onTabSelect={(_, data) => select(data.value as ViewId)} aria-label={t('tabs.label')} data-testid="tabs">
        {tabs.map((tab) => (
          <Tab key={tab.id} value={tab.id} id={`pp-tab-${tab.id}`} aria-controls={`pp-panel-${tab.id}`} data-testid={`tab-${tab.id}`}>
            {t(tab.label)}
          </Tab>
        ))}
      </TabList>

      {tabs
        .filter((tab) => visited.has(tab.id))
        .map((tab) => (
          <div
            key={tab.id}
            role="tabpanel"
            id={`pp-panel-${tab.id}`}
            aria-labelledby={`pp-tab-${tab.id}`}
            hidden={tab.id !== active}
            tabIndex={0}
            className={styles.panel}
            data-testid={`panel-${tab.id}`}
          >
            <ViewSlot load={tab.load} props={viewProps} t={t} />
          </div>
        ))}
    </FluentProvider>
  );
}

/** One lazily loaded view, with a spinner while its chunk loads and a retry when it fails. */
function ViewSlot({ load, props, t }: { load: () => Promise<ViewModule>; props: ViewProps; t: Translate }): React.JSX.Element {
  const styles = useStyles();
  const [attempt, setAttempt] = React.useState(0);
  // A new lazy component per attempt: React.lazy remembers a failed import forever.
  const View = React.useMemo(() => React.lazy(load), [load, attempt]);
  return (
    <ViewErrorBoundary t={t} attempt={attempt} onRetry={() => setAttempt((n) => n + 1)}>
      <React.Suspense fallback={<Spinner className={styles.loading} size="small" labelPosition="after" label={t('view.loading')} data-testid="view-loading" />}>
        <View {...props} />
      </React.Suspense>
    </ViewErrorBoundary>
  );
}

interface BoundaryProps {
  t: Translate;
  attempt: number;
  onRetry: () => void;
  children: React.ReactNode;
}

class ViewErrorBoundary extends React.Component<BoundaryProps, { error: unknown; attempt: number }> {
  override state = { error: null as unknown, attempt: this.props.attempt };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('view failed') };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; attempt: number }) {
    return props.attempt !== state.attempt ? { error: null, attempt: props.attempt } : null;
  }

  override componentDidCatch(error: unknown): void {
    console.warn('PerfPlan: a task pane view failed', error);
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    const { t, onRetry } = this.props;
    return (
      <MessageBar intent="error" layout="multiline" style={{ marginTop: tokens.spacingVerticalM }} data-testid="view-error">
        <MessageBarBody>
          <MessageBarTitle>{t('view.loadFailed')}</MessageBarTitle>
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t('view.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
