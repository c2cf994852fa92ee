/**
 * The shell's tab bar: one row of WAI-ARIA tabs, those that do not fit listed in a "More ▾"
 * menu at the end of the row.
 *
 * Hand-made on purpose, instead of Fluent's TabList + Overflow: those bring Tabster's focus
 * movers, react-tabs and the overflow manager into taskpane.js, about 40 KB gzipped of the
 * page's 150 KB initial-JS budget (issue 14 item 10, dev/bundle-budget.ts) for one row of six
 * buttons. The look is Fluent's (its tokens: the tab's padding, type, colours and the brand
 * selected indicator).
 *
 * Keyboard (WAI-ARIA tabs, manual activation, as Fluent's TabList): the tab list is one tab
 * stop (the selected tab; roving tabindex); ArrowLeft / ArrowRight move focus along the shown
 * tabs (wrapping), Home / End to the first / last; Enter or Space selects (a click too). Each
 * tab has aria-selected and aria-controls its panel (id `pp-panel-<id>`, the shell's).
 *
 * Overflow: each tab's width is measured once per set of labels (all tabs rendered before the
 * first paint), the row's width is followed with a ResizeObserver, and tab-overflow.ts decides
 * which fit; the active tab is always shown. Tabs that do not fit stay in the DOM hidden
 * (display: none) and appear as items of the More menu.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { fitTabs } from './tab-overflow';

export interface TabBarItem<Id extends string> {
  id: Id;
  /** The tab's text, in the pane's language. */
  label: string;
}

export interface TabBarProps<Id extends string> {
  tabs: readonly TabBarItem<Id>[];
  active: Id;
  onSelect: (id: Id) => void;
  /** The tab list's accessible name. */
  label: string;
  /** The More button's text ("More") and accessible name for `count` hidden tabs. */
  moreText: string;
  moreLabel: (count: number) => string;
}

/** Room left at the end of the row (px) so a tab never touches the edge. */
const END_PADDING = 8;

/** The bar under a tab: neutral on hover (::before), the brand colour when selected (::after). */
const INDICATOR = {
  content: '""',
  position: 'absolute',
  left: tokens.spacingHorizontalMNudge,
  right: tokens.spacingHorizontalMNudge,
  bottom: 0,
  height: tokens.strokeWidthThicker,
  borderRadius: tokens.borderRadiusCircular,
} as const;

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  list: { display: 'flex', flexWrap: 'nowrap', alignItems: 'stretch', minWidth: 0, overflow: 'hidden' },
  tab: {
    position: 'relative',
    display: 'grid',
    flexShrink: 0,
    alignItems: 'center',
    justifyItems: 'center',
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalMNudge,
    paddingRight: tokens.spacingHorizontalMNudge,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    outlineStyle: 'none',
    '::before': INDICATOR,
    '::after': INDICATOR,
    // Fluent's transparent tabs: no background on hover, a neutral indicator instead.
    ':hover': { color: tokens.colorNeutralForeground2Hover },
    ':hover::before': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active': { color: tokens.colorNeutralForeground2Pressed },
    ':active::before': { backgroundColor: tokens.colorNeutralStroke1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':active': { color: tokens.colorNeutralForeground1 },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
  // The label and a hidden semibold copy share one grid cell, so a tab is as wide selected as not.
  label: { gridRowStart: 1, gridColumnStart: 1 },
  reserve: { gridRowStart: 1, gridColumnStart: 1, fontWeight: tokens.fontWeightSemibold, visibility: 'hidden', height: 0, overflow: 'hidden' },
  hidden: { display: 'none' },
  more: { position: 'relative', display: 'inline-flex', flexShrink: 0 },
  menu: {
    position: 'absolute',
    top: '100%',
    right: 0,
    zIndex: 3,
    margin: 0,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: 0,
    paddingRight: 0,
    listStyleType: 'none',
    minWidth: '160px',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
});

// Server renders (tests) run no layout effects; React warns about useLayoutEffect there.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? React.useEffect : React.useLayoutEffect;

interface Measured {
  /** The labels measured (a change of language measures again). */
  key: string;
  widths: number[];
  more: number;
}

export function TabBar<Id extends string>({ tabs, active, onSelect, label, moreText, moreLabel }: TabBarProps<Id>): React.JSX.Element {
  const styles = useStyles();
  const row = React.useRef<HTMLDivElement>(null);
  const list = React.useRef<HTMLDivElement>(null);
  const moreButton = React.useRef<HTMLButtonElement>(null);
  const key = tabs.map((tab) => tab.label).join('\u0000') + '\u0000' + moreText;
  const [measured, setMeasured] = React.useState<Measured | null>(null);
  const [available, setAvailable] = React.useState<number | null>(null);
  const ready = measured !== null && measured.key === key && available !== null;

  // Measure every tab (all shown, with the More button) before the first paint and whenever the labels change.
  useIsomorphicLayoutEffect(() => {
    if (measured?.key === key) return;
    const buttons = Array.from(list.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []);
    setMeasured({ key, widths: buttons.map((b) => b.getBoundingClientRect().width), more: moreButton.current?.getBoundingClientRect().width ?? 0 });
  }, [key, measured?.key]);

  // Follow the row's width.
  useIsomorphicLayoutEffect(() => {
    const element = row.current;
    if (!element) return;
    setAvailable(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setAvailable(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const activeIndex = tabs.findIndex((tab) => tab.id === active);
  const fit = ready ? fitTabs(measured.widths, activeIndex, available - END_PADDING, measured.more) : { visible: tabs.map(() => true), overflowing: false };
  const hiddenTabs = tabs.filter((_, i) => !fit.visible[i]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const shown = Array.from(list.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []).filter((el) => el.offsetParent !== null || el === document.activeElement);
    const at = shown.indexOf(document.activeElement as HTMLElement);
    if (at < 0 || shown.length === 0) return;
    const next =
      event.key === 'ArrowRight' ? (at + 1) % shown.length : event.key === 'ArrowLeft' ? (at - 1 + shown.length) % shown.length : event.key === 'Home' ? 0 : event.key === 'End' ? shown.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    shown[next].focus();
  };

  return (
    <div ref={row} className={styles.row}>
      <div ref={list} role="tablist" aria-label={label} aria-orientation="horizontal" className={styles.list} onKeyDown={onKeyDown} data-testid="tabs">
        {tabs.map((tab, i) => {
          const selected = tab.id === active;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`pp-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`pp-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              className={mergeClasses(styles.tab, selected && styles.selected, !fit.visible[i] && styles.hidden)}
              onClick={() => onSelect(tab.id)}
              data-testid={`tab-${tab.id}`}
            >
              <span className={styles.label}>{tab.label}</span>
              <span className={styles.reserve} aria-hidden="true">
                {tab.label}
              </span>
            </button>
          );
        })}
      </div>
      {(fit.overflowing || !ready) && (
        <MoreTabs
          buttonRef={moreButton}
          hiddenTabs={hiddenTabs}
          onSelect={onSelect}
          text={moreText}
          label={moreLabel(hiddenTabs.length)}
          measuring={!ready}
          menuClass={styles.menu}
          itemClass={styles.item}
          wrapClass={styles.more}
        />
      )}
    </div>
  );
}

interface MoreTabsProps<Id extends string> {
  buttonRef: React.RefObject<HTMLButtonElement>;
  hiddenTabs: readonly TabBarItem<Id>[];
  onSelect: (id: Id) => void;
  text: string;
  label: string;
  /** Rendered only to be measured (before the first paint): not shown to anyone. */
  measuring: boolean;
  menuClass: string;
  itemClass: string;
  wrapClass: string;
}

/**
 * "More ▾": a menu button listing the tabs that did not fit (WAI-ARIA menu button: Enter,
 * Space or ArrowDown opens it and focuses the first item; arrows move; Escape closes and
 * returns focus). Hand-made rather than Fluent's Menu, which would add its positioning
 * library to the initial bundle.
 */
function MoreTabs<Id extends string>({ buttonRef, hiddenTabs, onSelect, text, label, measuring, menuClass, itemClass, wrapClass }: MoreTabsProps<Id>): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const list = React.useRef<HTMLUListElement>(null);
  const menuId = React.useId();

  React.useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!list.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open, buttonRef]);

  const move = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  const choose = (id: Id) => {
    setOpen(false);
    onSelect(id);
  };
  return (
    <span className={wrapClass} style={measuring ? { visibility: 'hidden' } : undefined} aria-hidden={measuring || undefined}>
      <Button
        appearance="transparent"
        ref={buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        tabIndex={measuring ? -1 : undefined}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
        data-testid={measuring ? undefined : 'tabs-more'}
      >
        {text} ▾
      </Button>
      {open && !measuring && (
        <ul ref={list} id={menuId} role="menu" aria-label={label} onKeyDown={move} className={menuClass}>
          {hiddenTabs.map((tab) => (
            <li
              key={tab.id}
              role="menuitem"
              tabIndex={-1}
              className={itemClass}
              onClick={() => choose(tab.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose(tab.id);
                }
              }}
              data-testid={`more-${tab.id}`}
            >
              {tab.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
