/**
 * Drives the AHP wizard (addin/taskpane/views/weights) in a page and checks what it shows
 * against the engine (PERF.AHP / PERF.AHPCR) on the same matrix. Selectors are roles and
 * accessible names, plus the view's data-* hooks for exact numbers:
 *
 *   [data-view="weights"]                      the view's root
 *   textbox  "Criterion k" / "指标 k"           criterion names
 *   button   "Add criterion" / "添加指标", "Remove <name>" / "删除<name>"
 *   group "<A> vs <B>" / "<A> 与 <B>"           one fieldset per pair: radios A / Equal / B
 *                                              ([data-side="a"|"equal"|"b"]) and a select of how
 *                                              much more (option values "1" … "9")
 *   [data-method="weight"][data-value]         the weights shown in %
 *   [data-method="eigen"|"geomean"][data-value] weights at full precision, row order (Advanced)
 *   [data-stat="cr"][data-value]               the consistency ratio
 *   [data-ahp-warning]                         the CR ≥ 0.1 warning
 *   role=status [data-ahp-summary]             the aria-live summary
 */
import type { Locator, Page } from 'playwright-core';
import { ahp, ahpcr } from '../../../engine/weights';

/** Saaty's scale in the order of the select's options (a_ij from 9 down to 1/9). */
export const SCALE_KEYS = ['9', '8', '7', '6', '5', '4', '3', '2', '1', '1/2', '1/3', '1/4', '1/5', '1/6', '1/7', '1/8', '1/9'];

export function scaleValue(key: string): number {
  const [a, b] = key.split('/');
  return b === undefined ? Number(a) : Number(a) / Number(b);
}

/** The n×n range a user would give PERF.AHP: upper triangle from `judgements` ("i,j" → key), 1 on the diagonal, blanks below. */
export function upperTriangleGrid(n: number, judgements: Record<string, string>): (number | null)[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (j < i) return null;
      if (j === i) return 1;
      return scaleValue(judgements[`${i},${j}`] ?? '1');
    }),
  );
}

export interface EngineExpectation {
  eigen: number[];
  geomean: number[];
  cr: number;
}

export function engineExpectation(grid: (number | null)[][]): EngineExpectation {
  return {
    eigen: ahp(grid, null).map((row) => row[0] as number),
    geomean: ahp(grid, 'geomean').map((row) => row[0] as number),
    cr: ahpcr(grid),
  };
}

export interface ShownResult extends EngineExpectation {
  eigenText: string[];
  geomeanText: string[];
}

export function weightsView(page: Page): Locator {
  return page.locator('[data-view="weights"]');
}

export async function readShown(view: Locator): Promise<ShownResult> {
  // The results follow the judgements a frame later (useDeferredValue): wait until they caught up.
  await view.locator('[data-ahp-pending]').waitFor({ state: 'detached', timeout: 5000 });
  const values = (method: string) =>
    view.locator(`[data-method="${method}"]`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  const texts = (method: string) => view.locator(`[data-method="${method}"]`).evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()));
  return {
    eigen: await values('eigen'),
    geomean: await values('geomean'),
    cr: Number(await view.locator('[data-stat="cr"]').getAttribute('data-value')),
    eigenText: await texts('eigen'),
    geomeanText: await texts('geomean'),
  };
}

/** Throws a readable message unless the view shows the engine's numbers (1e-12) and rounds them to 4 places. */
export function assertMatchesEngine(shown: ShownResult, expected: EngineExpectation, context: string): void {
  const problems: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12;
  if (shown.eigen.length !== expected.eigen.length) problems.push(`eigen: ${shown.eigen.length} weights shown, engine has ${expected.eigen.length}`);
  expected.eigen.forEach((w, k) => {
    if (!close(shown.eigen[k], w)) problems.push(`eigen[${k}] shown ${shown.eigen[k]}, PERF.AHP ${w}`);
    if (shown.eigenText[k] !== w.toFixed(4)) problems.push(`eigen[${k}] text "${shown.eigenText[k]}", expected ${w.toFixed(4)}`);
  });
  expected.geomean.forEach((w, k) => {
    if (!close(shown.geomean[k], w)) problems.push(`geomean[${k}] shown ${shown.geomean[k]}, PERF.AHP(…,"geomean") ${w}`);
    if (shown.geomeanText[k] !== w.toFixed(4)) problems.push(`geomean[${k}] text "${shown.geomeanText[k]}", expected ${w.toFixed(4)}`);
  });
  if (!close(shown.cr, expected.cr)) problems.push(`CR shown ${shown.cr}, PERF.AHPCR ${expected.cr}`);
  if (problems.length > 0) throw new Error(`${context}: the wizard disagrees with the engine:\n  ${problems.join('\n  ')}`);
}

/** Waits until the live summary changes from `before` (the view recomputes synchronously; React commits right after). */
export async function waitForSummaryChange(view: Locator, before: string | null): Promise<void> {
  await view.page().waitForFunction(
    ([root, text]) => (root as Element).querySelector('[data-ahp-summary]')?.textContent !== text,
    [await view.elementHandle(), before] as const,
    { timeout: 5000 },
  );
}

export function summary(view: Locator): Promise<string | null> {
  return view.locator('[data-ahp-summary]').textContent();
}

/** The criterion name boxes (the view also has the entropy/CRITIC panel's text boxes). */
export const CRITERION_BOX = /^(Criterion|指标) \d+$/;

/** Sets the criteria names with the mouse-free Playwright API (fill), adding criteria as needed. */
export async function setCriteria(view: Locator, names: string[], label: (k: number) => string, addName: RegExp): Promise<void> {
  const current = await view.getByRole('textbox', { name: CRITERION_BOX }).count();
  for (let k = current; k < names.length; k++) await view.getByRole('button', { name: addName }).click();
  for (let k = 0; k < names.length; k++) await view.getByRole('textbox', { name: label(k + 1), exact: true }).fill(names[k]);
}

/** The fieldset of one pair, found by its legend ("Cost vs Speed"). */
export function pairGroup(view: Locator, label: string): Locator {
  return view.getByRole('group', { name: label, exact: true });
}

/** Sets one judgement as a user does: which side matters more, then how much ("3" → A slightly, "1/3" → B slightly, "1" → equal). */
export async function setJudgement(pair: Locator, key: string): Promise<void> {
  const [a, b] = key.split('/');
  if (key === '1') return pair.locator('input[data-side="equal"]').check();
  await pair.locator(`input[data-side="${b === undefined ? 'a' : 'b'}"]`).check();
  await pair.locator('select[data-intensity]').selectOption(b === undefined ? a : b);
}

/** Chooses each judgement in its labelled pair ("i,j" → Saaty key as a_ij). */
export async function setJudgements(view: Locator, names: string[], judgements: Record<string, string>, pairLabel: (a: string, b: string) => string): Promise<void> {
  for (const [pair, key] of Object.entries(judgements)) {
    const [i, j] = pair.split(',').map(Number);
    await setJudgement(pairGroup(view, pairLabel(names[i], names[j])), key);
  }
}

/** The legend of the pair holding the focused element ('' when focus is elsewhere). */
export function focusedPair(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '');
}

/** Presses Tab (at most `max` times) until `predicate` holds for the focused element; returns the presses used. */
export async function tabUntil(page: Page, predicate: (el: Element) => boolean, what: string, max = 60): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await page.evaluate(`(${predicate.toString()})(document.activeElement ?? document.body)`)) return presses;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"` : 'nothing';
  });
  throw new Error(`keyboard: ${max} Tab presses did not reach ${what} (focus is on ${focused})`);
}

/** The accessible-ish name of the focused element: aria-label, else its <label>'s text, else its text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return (labels[0].textContent ?? '').trim();
    return (el.textContent ?? '').trim();
  });
}
