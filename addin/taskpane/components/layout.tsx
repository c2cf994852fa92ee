/**
 * The one layout module of the task pane: every view is built from these pieces, so they all
 * share one margin (the shell's 20 px), one rhythm of gaps, one way to wrap at 320 px and one
 * look for headings, sections, cards, facts, numbers and notices.
 *
 * Rules that keep a 320 px pane from scrolling sideways live here too: flex children may
 * shrink (`minWidth: 0`), inputs and selects never exceed their column, long words wrap
 * (`overflowWrap: anywhere`) and message bars are multiline.
 */
import {
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Locale } from '../view-contract';

export const useLayout = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXXL, minWidth: 0, maxWidth: '720px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, minWidth: 0 },
  grow: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
  /** Fluent's Input and Select have a default width: in a narrow pane they must fit their column. */
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
  noShrink: { flexShrink: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  factValue: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  numberHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground2, margin: 0 },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  /** One line, cut with an ellipsis (list items' descriptions). */
  oneLine: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
  table: { width: '100%', tableLayout: 'fixed' },
  details: { minWidth: 0, '& > summary': { cursor: 'pointer', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS } },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export type Layout = ReturnType<typeof useLayout>;

interface ViewRootProps {
  /** data-view of the root (tests and the shell find views by it). */
  view: string;
  locale: Locale;
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}

/** A view: its h2 title, an optional intro, then its sections. */
export function ViewRoot({ view, locale, title, intro, children, testId }: ViewRootProps): React.JSX.Element {
  const l = useLayout();
  return (
    <div className={l.view} lang={locale} data-view={view} data-testid={testId}>
      <header className={l.section}>
        <Subtitle1 as="h2" className={l.heading}>
          {title}
        </Subtitle1>
        {intro !== undefined && <Text className={l.wrap}>{intro}</Text>}
      </header>
      {children}
    </div>
  );
}

type SectionProps = Omit<React.HTMLAttributes<HTMLElement>, 'title'> & {
  heading: React.ReactNode;
  help?: React.ReactNode;
  /** Heading id (for aria-labelledby elsewhere); generated when omitted. */
  headingId?: string;
  [data: `data-${string}`]: string | undefined;
};

/** A labelled section: h3 heading, optional help line, content. */
export function Section({ heading, help, headingId, children, className, ...rest }: SectionProps): React.JSX.Element {
  const l = useLayout();
  const generated = useId('pp-section');
  const id = headingId ?? generated;
  return (
    <section className={mergeClasses(l.section, className)} aria-labelledby={id} {...rest}>
      <Subtitle2 as="h3" id={id} className={l.heading}>
        {heading}
      </Subtitle2>
      {help !== undefined && <Caption1 className={l.wrap}>{help}</Caption1>}
      {children}
    </section>
  );
}

/** A row of buttons that wraps. */
export function Actions({ children, className }: { children: React.ReactNode; className?: string }): React.JSX.Element {
  const l = useLayout();
  return <div className={mergeClasses(l.actions, className)}>{children}</div>;
}

interface NoticeProps {
  intent: 'info' | 'success' | 'warning' | 'error';
  title?: React.ReactNode;
  children?: React.ReactNode;
  actions?: React.ReactNode;
  id?: string;
  role?: string;
  [data: `data-${string}`]: string | undefined;
}

/** A message bar that wraps its text (never one long line that widens the pane). */
export function Notice({ intent, title, children, actions, ...rest }: NoticeProps): React.JSX.Element {
  const l = useLayout();
  return (
    <MessageBar intent={intent} layout="multiline" className={l.wrap} {...rest}>
      <MessageBarBody className={l.wrap}>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}

export interface Fact {
  term: React.ReactNode;
  value: React.ReactNode;
  testId?: string;
}

/** Term / value pairs in two columns. */
export function Facts({ facts }: { facts: readonly (Fact | null | false | undefined)[] }): React.JSX.Element {
  const l = useLayout();
  return (
    <dl className={l.facts}>
      {facts.map((fact, k) =>
        fact ? (
          <React.Fragment key={k}>
            <dt className={l.term}>{fact.term}</dt>
            <dd className={l.factValue} data-testid={fact.testId}>
              {fact.value}
            </dd>
          </React.Fragment>
        ) : null,
      )}
    </dl>
  );
}

/** A live region for results (polite; atomic unless told otherwise). */
export function LiveStatus({ children, atomic = true, ...rest }: { children: React.ReactNode; atomic?: boolean; [data: `data-${string}`]: string | undefined }): React.JSX.Element {
  const l = useLayout();
  return (
    <p className={l.status} role="status" aria-live="polite" aria-atomic={atomic ? 'true' : undefined} {...rest}>
      {children}
    </p>
  );
}
