/**
 * The Explain view in en-US and zh-CN side by side. The steps themselves and the functions'
 * errors come from the language layer's explain and error catalogs (explain.ts, errors.ts);
 * an option inside them ("marginal", "边际") is shown by its screen name (options.ts).
 */
import paneExplain from './messages/pane-explain.json';
import type { PaneExplainMessages } from './generated/messages';

export const EXPLAIN_VIEW = paneExplain as PaneExplainMessages;

/** The formula the view starts with (formulas are written the same in every language). */
export const EXPLAIN_EXAMPLE = '=PERF.TIERED(95000, {0,0.02;20000,0.04;40000,0.06}, "marginal")';

export type ExplainViewKey = keyof typeof EXPLAIN_VIEW;
