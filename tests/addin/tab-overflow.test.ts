/**
 * Which tabs of the shell's tab bar fit on its row (addin/taskpane/components/tab-overflow.ts);
 * the browser tests (tests/e2e/pane-fit) check the bar itself at 320 and 500 px.
 */
import { fitTabs } from '../../addin/taskpane/components/tab-overflow';

const SIX = [90, 80, 60, 90, 70, 110]; // 500 px in all
const MORE = 70;
const shown = (visible: boolean[]) => visible.flatMap((v, i) => (v ? [i] : []));

describe('fitTabs', () => {
  test('every tab shows when they all fit, with no More button', () => {
    expect(fitTabs(SIX, 0, 500, MORE)).toEqual({ visible: [true, true, true, true, true, true], overflowing: false });
    expect(fitTabs(SIX, 5, 800, MORE).overflowing).toBe(false);
    expect(fitTabs([], -1, 0, MORE)).toEqual({ visible: [], overflowing: false });
  });

  test('one px short: the More button takes its room and the last tabs go into the menu, in order', () => {
    const fit = fitTabs(SIX, 0, 499, MORE);
    expect(fit.overflowing).toBe(true);
    // 499 − 70 = 429: 90 + 80 + 60 + 90 + 70 = 390 fit, 110 does not.
    expect(shown(fit.visible)).toEqual([0, 1, 2, 3, 4]);
    expect(shown(fitTabs(SIX, 0, 450, MORE).visible)).toEqual([0, 1, 2, 3]); // 380 left: 390 does not fit
  });

  test('the tabs shown are the first ones, stopping at the first that does not fit (the row keeps its order)', () => {
    // 280 − 70 = 210: 90 + 80 = 170 fit, 170 + 60 = 230 does not.
    expect(shown(fitTabs(SIX, 0, 280, MORE).visible)).toEqual([0, 1]);
    // A small tab after a big one that did not fit stays in the menu too.
    expect(shown(fitTabs([100, 200, 10], 0, 250, 50).visible)).toEqual([0]);
  });

  test('the active tab is always shown, its room set aside first', () => {
    // Benchmarks (110) active at 280 px: 280 − 70 − 110 = 100 → Templates (90) fits, Weights (80) does not.
    expect(shown(fitTabs(SIX, 5, 280, MORE).visible)).toEqual([0, 5]);
    // Plan (60) active: 280 − 70 − 60 = 150 → Templates (90) fits, Weights (80) not.
    expect(shown(fitTabs(SIX, 2, 280, MORE).visible)).toEqual([0, 2]);
    // Weights active: 280 − 70 − 80 = 130 → Templates (90), then Plan (60) does not fit.
    expect(shown(fitTabs(SIX, 1, 280, MORE).visible)).toEqual([0, 1]);
  });

  test('even in no room at all the active tab shows (and the rest are in the menu)', () => {
    const fit = fitTabs(SIX, 3, 40, MORE);
    expect(shown(fit.visible)).toEqual([3]);
    expect(fit.overflowing).toBe(true);
    expect(shown(fitTabs(SIX, -1, 40, MORE).visible)).toEqual([]); // no active tab: nothing is forced
  });
});
