/**
 * The Weights view (AHP wizard, Entropy / CRITIC panel) in en-US and zh-CN side by side.
 * Judgements are spoken in Saaty's verbal scale (equally, slightly, strongly, very strongly,
 * extremely), never as "3×". Finance words follow the glossary (terms.ts).
 */
import paneWeights from './messages/pane-weights.json';
import type { PaneWeightsMessages } from './generated/messages';

/**
 * The keys from objective.heading on are the Entropy / CRITIC panel's.
 */
export const WEIGHTS = paneWeights as PaneWeightsMessages;

export type WeightsKey = keyof typeof WEIGHTS;
