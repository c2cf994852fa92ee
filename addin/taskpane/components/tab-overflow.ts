/**
 * Which tabs of the shell's tab bar fit on its one row (components/tab-bar.tsx measures, this
 * decides): pure, so it is tested without a browser.
 *
 * Every tab shows when they all fit. Otherwise a "More" button takes its width at the end of
 * the row and the tabs are kept in order from the first while they fit beside it — plus the
 * active tab, always shown (its room is set aside first), so the row reads in the same order
 * whichever tab is active and the others go, in order, into the More menu.
 */

export interface TabFit {
  /** One per tab, in order: shown on the row (true) or listed in the More menu (false). */
  visible: boolean[];
  /** Whether any tab is in the More menu (and so the More button is shown). */
  overflowing: boolean;
}

/**
 * @param widths each tab's width on the row, in px, in order
 * @param active the index of the active tab (always shown); out of range → none
 * @param available the row's width, in px
 * @param moreWidth the More button's width, in px
 */
export function fitTabs(widths: readonly number[], active: number, available: number, moreWidth: number): TabFit {
  const total = widths.reduce((sum, w) => sum + w, 0);
  if (total <= available) return { visible: widths.map(() => true), overflowing: false };
  const visible = widths.map((_, i) => i === active);
  let room = available - moreWidth - (widths[active] ?? 0);
  for (let i = 0; i < widths.length; i++) {
    if (i === active) continue;
    if (widths[i] > room) break; // the rest go into the menu, in order
    visible[i] = true;
    room -= widths[i];
  }
  return { visible, overflowing: visible.some((shown) => !shown) };
}
