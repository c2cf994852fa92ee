/**
 * The task pane shell: Fluent UI v9 (webLightTheme), a one-row header with the English / 中文
 * switch, a one-line dismissible standalone note, a sticky tab bar whose tabs that do not fit
 * move into a "More" menu, a first-run card (remembered once dismissed), and the views — each
 * its own webpack chunk (`views/<name>/index.tsx`, default export taking ViewProps, see
 * view-contract.ts), fetched when first opened or, for every view, as soon as the browser is
 * idle (so the views that compute locally keep working offline), and kept mounted (hidden)
 * afterwards so their state survives tab switches.
 *
 * Initial JavaScript (issue 14 item 10, at most 150 KB gzipped with functions.js, see
 * dev/bundle-budget.ts): what shows before any view — the tab bar, the spinner, a failed view's
 * error bar — is hand-made with Fluent's tokens and Button rather than TabList, Overflow,
 * Spinner or MessageBar, and the first-run card is a lazy chunk of its own.
 *
 * One margin: 20 px on both sides (Microsoft's add-in layout guidance), set here once.
 *
 * Keyboard: the tab list is one tab stop; arrow keys move between tabs and Enter/Space selects
 * (WAI-ARIA tabs, components/tab-bar.tsx — hand-made rather than Fluent's TabList + Overflow to
 * keep the initial JavaScript within its budget). Each panel is a focusable role="tabpanel"
 * labelled by its tab.
 */
import { Button, FluentProvider, makeStyles, mergeClasses, tokens, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import type { FirstRunProps } from './components/first-run';
import { TabBar } from './components/tab-bar';
import { readDraft, writeDraft } from './drafts';
import { workbookCultureInExcel } from './excel';
import type { HostDetection } from './host';
import { LOCALES, type Translate, isLocale, pickLocale, translate, translator } from './locale';
import type { HostInfo, Locale, ViewProps } from './view-contract';

export type ViewId = 'templates' | 'weights' | 'plan' | 'scenarios' | 'explain' | 'benchmarks' | 'compare' | 'statements' | 'runs';
export type ViewModule = { default: React.ComponentType<ViewProps> };

export interface TabDefinition {
  id: ViewId;
  label: `tab.${ViewId}`;
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
  { id: 'compare', label: 'tab.compare', load: () => import(/* webpackChunkName: "view-compare" */ './views/compare') },
  { id: 'statements', label: 'tab.statements', load: () => import(/* webpackChunkName: "view-statements" */ './views/statements') },
  { id: 'runs', label: 'tab.runs', load: () => import(/* webpackChunkName: "view-runs" */ './views/runs') },
];

/**
 * The first-run card is a lazy chunk (with its message bar): it shows once per user. Should
 * its chunk not load (offline), the pane simply goes without it.
 */
const FirstRunCard = React.lazy(
  (): Promise<{ default: React.ComponentType<FirstRunProps> }> =>
    import(/* webpackChunkName: "first-run" */ './components/first-run').catch((error: unknown) => {
      console.warn('PerfPlan: the first-run card could not load', error);
      return { default: () => null };
    }),
);

export const DEFAULT_TAB: ViewId = 'templates';

export function isViewId(value: unknown): value is ViewId {
  return TABS.some((tab) => tab.id === value);
}

/** `?tab=benchmarks` opens that tab first (for links and tests); anything else → Templates. */
export function tabFromQuery(search: string | undefined): ViewId {
  const requested = new URLSearchParams(search ?? '').get('tab');
  return isViewId(requested) ? requested : DEFAULT_TAB;
}

/** Keys of what the shell remembers (drafts.ts). */
export const SHELL_DRAFTS = { locale: 'locale', firstRunDone: 'firstRunDone', bannerDismissed: 'standaloneNoteDismissed' } as const;

const MARGIN = '20px';

const useStyles = makeStyles({
  root: { minHeight: '100vh', paddingLeft: MARGIN, paddingRight: MARGIN, boxSizing: 'border-box', minWidth: 0 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalXS, minWidth: 0 },
  title: { flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400, minWidth: 0 },
  lang: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  banner: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  bannerText: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  nav: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    marginLeft: `-${MARGIN}`,
    marginRight: `-${MARGIN}`,
    paddingLeft: MARGIN,
    paddingRight: MARGIN,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { outlineOffset: '2px', minWidth: 0 },
  loading: { paddingTop: tokens.spacingVerticalL },
  spinner: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  ring: {
    flexShrink: 0,
    width: '20px',
    height: '20px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } },
    animationDuration: '1s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
  error: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  errorTitle: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

export interface AppProps {
  initialLocale: Locale;
  apiBase: string;
  initialTab?: ViewId;
  /** Whether the pane runs in Excel (never rejects); `onLate` receives a late Excel answer. */
  detectHost: (onLate: (detection: HostDetection) => void) => Promise<HostDetection>;
  /** Tabs to show (tests pass stubs); defaults to TABS. */
  tabs?: readonly TabDefinition[];
  /** Fetch every view's chunk once the browser is idle (default true; server renders never run effects). */
  preload?: boolean;
}

/** Runs `work` when the browser is idle (or after a short delay where there is no requestIdleCallback). */
function whenIdle(work: () => void): () => void {
  const w = typeof window === 'undefined' ? undefined : (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void });
  if (w?.requestIdleCallback) {
    const handle = w.requestIdleCallback(work, { timeout: 3000 });
    return () => w.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(work, 1500);
  return () => clearTimeout(timer);
}

export function App({ initialLocale, apiBase, initialTab = DEFAULT_TAB, detectHost, tabs = TABS, preload = true }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(initialLocale);
  const chosenByUser = React.useRef(false);
  /** null while office.js has not answered (≤ 3 s): Excel-only actions stay disabled meanwhile. */
  const [detection, setDetection] = React.useState<HostDetection | null>(null);
  const [numberLocale, setNumberLocale] = React.useState<string | undefined>(undefined);
  const [active, setActive] = React.useState<ViewId>(initialTab);
  const [visited, setVisited] = React.useState<ReadonlySet<ViewId>>(() => new Set([initialTab]));
  const [firstRun, setFirstRun] = React.useState(false);
  const [bannerDismissed, setBannerDismissed] = React.useState(false);
  const t = React.useMemo(() => translator(locale), [locale]);

  React.useEffect(() => {
    let live = true;
    // The user's own earlier choice of language wins over Office's and the browser's.
    void readDraft(SHELL_DRAFTS.locale, isLocale).then((saved) => {
      if (live && saved && !chosenByUser.current) {
        chosenByUser.current = true;
        setLocale(saved);
      }
    });
    void readDraft(SHELL_DRAFTS.firstRunDone, (v): v is boolean => typeof v === 'boolean').then((done) => live && setFirstRun(done !== true));
    void readDraft(SHELL_DRAFTS.bannerDismissed, (v): v is boolean => typeof v === 'boolean').then((done) => live && setBannerDismissed(done === true));
    const apply = (found: HostDetection) => {
      if (!live) return;
      setDetection(found);
      // Office's display language wins unless the user already picked one.
      if (found.displayLanguage && !chosenByUser.current) setLocale(pickLocale(found.displayLanguage));
      if (found.inExcel) void workbookCultureInExcel().then((culture) => live && setNumberLocale(culture));
    };
    detectHost(apply).then(apply, () => apply({ inExcel: false, reason: 'error' }));
    return () => {
      live = false;
    };
  }, [detectHost]);

  React.useEffect(() => {
    if (!preload) return;
    return whenIdle(() => {
      for (const tab of tabs) tab.load().catch(() => undefined);
    });
  }, [preload, tabs]);

  React.useEffect(() => {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = locale;
    document.title = t('meta.title');
  }, [locale, t]);

  const chooseLocale = React.useCallback((next: Locale) => {
    chosenByUser.current = true;
    setLocale(next);
    void writeDraft(SHELL_DRAFTS.locale, next);
  }, []);

  const select = React.useCallback((id: ViewId) => {
    setActive(id);
    setVisited((previous) => (previous.has(id) ? previous : new Set(previous).add(id)));
  }, []);

  const inExcel = detection?.inExcel ?? false;
  const canInsertSheets = inExcel ? detection?.canInsertSheets !== false : false;
  const host = React.useMemo<HostInfo>(() => ({ inExcel, canInsertSheets, numberLocale }), [inExcel, canInsertSheets, numberLocale]);
  const viewProps = React.useMemo<ViewProps>(() => ({ locale, host, apiBase }), [locale, host, apiBase]);

  const tabItems = React.useMemo(() => tabs.map((tab) => ({ id: tab.id, label: t(tab.label) })), [tabs, t]);

  const dismissBanner = () => {
    setBannerDismissed(true);
    void writeDraft(SHELL_DRAFTS.bannerDismissed, true);
  };
  const dismissFirstRun = () => {
    setFirstRun(false);
    void writeDraft(SHELL_DRAFTS.firstRunDone, true);
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.root} data-testid="app" data-host={detection ? (inExcel ? 'excel' : 'standalone') : 'detecting'}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={20} height={20} alt="" />
        <h1 className={styles.title}>{t('app.title')}</h1>
        <div className={styles.lang} role="group" aria-label={t('lang.group')}>
          {LOCALES.map((option) => (
            // A Button with aria-pressed: Fluent's ToggleButton looks the same here (primary when
            // pressed) and would add its own styles to the initial JavaScript.
            <Button
              key={option}
              size="small"
              lang={option}
              aria-pressed={locale === option}
              appearance={locale === option ? 'primary' : 'secondary'}
              onClick={() => chooseLocale(option)}
              data-testid={`lang-${option}`}
            >
              {translate(option, `lang.${option}`)}
            </Button>
          ))}
        </div>
      </header>

      {detection && !inExcel && !bannerDismissed && (
        <div className={styles.banner} role="note" data-testid="standalone-note">
          <span className={styles.bannerText} title={t('standalone.banner')}>
            {t('standalone.banner')}
          </span>
          <Button size="small" appearance="subtle" aria-label={t('standalone.dismiss')} onClick={dismissBanner} data-testid="standalone-dismiss">
            ✕
          </Button>
        </div>
      )}

      <nav className={styles.nav} aria-label={t('tabs.label')} data-testid="tab-bar">
        <TabBar
          tabs={tabItems}
          active={active}
          onSelect={select}
          label={t('tabs.label')}
          moreText={t('tabs.more')}
          moreLabel={(count) => t('tabs.moreLabel', { count })}
        />
      </nav>

      {firstRun && (
        <React.Suspense fallback={null}>
          <FirstRunCard t={t} locale={locale} onDismiss={dismissFirstRun} loading={<Loading label={t('functions.loading')} />} />
        </React.Suspense>
      )}

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
            <ViewSlot load={tab.load} props={viewProps} t={t} loadingClass={styles.loading} />
          </div>
        ))}
    </FluentProvider>
  );
}

/**
 * A spinner and its label (role="status"): drawn here rather than with Fluent's Spinner, which
 * would add its styles to the initial JavaScript for what shows while a chunk loads.
 */
function Loading({ label, className, testId }: { label: string; className?: string; testId?: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="status" className={mergeClasses(styles.spinner, className)} data-testid={testId}>
      <span className={styles.ring} aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** One lazily loaded view, with a spinner while its chunk loads and a retry when it fails. */
function ViewSlot({ load, props, t, loadingClass }: { load: () => Promise<ViewModule>; props: ViewProps; t: Translate; loadingClass: string }): React.JSX.Element {
  const [attempt, setAttempt] = React.useState(0);
  // A new lazy component per attempt: React.lazy remembers a failed import forever.
  const View = React.useMemo(() => React.lazy(load), [load, attempt]);
  return (
    <ViewErrorBoundary t={t} attempt={attempt} onRetry={() => setAttempt((n) => n + 1)}>
      <React.Suspense fallback={<Loading className={loadingClass} label={t('view.loading')} testId="view-loading" />}>
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
    return <ViewError title={this.props.t('view.loadFailed')} retry={this.props.t('view.retry')} onRetry={this.props.onRetry} />;
  }
}

/**
 * A view that failed (its chunk did not load, or it threw): an error bar with a retry. Drawn
 * here rather than with the views' Notice (Fluent's MessageBar), which is not in the initial
 * JavaScript — and which, when the network is what failed, could not be fetched either.
 */
function ViewError({ title, retry, onRetry }: { title: string; retry: string; onRetry: () => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="alert" className={styles.error} data-testid="view-error">
      <span className={styles.errorTitle}>{title}</span>
      <Button size="small" onClick={onRetry}>
        {retry}
      </Button>
    </div>
  );
}
