/**
 * The task pane's shell, its shared messages, and the Templates and Benchmarks views, in en-US
 * and zh-CN side by side. Keys are typed: `t('templates.count', { count })` checks that the key
 * exists and that its placeholders get values. The other views have their own catalogs
 * (pane-weights.ts, pane-plan.ts, pane-scenarios.ts, pane-explain.ts) so that each lazily
 * loaded view carries only its own words. Finance words follow the glossary (terms.ts).
 */
import pane from './messages/pane.json';
import type { PaneMessages } from './generated/messages';

/**
 * The keys run in sections: Shell; First run; Errors shared by the views; Templates; Benchmarks.
 */
export const PANE = pane as PaneMessages;

export type PaneKey = keyof typeof PANE;
