/**
 * The Scenarios view (one-at-a-time sensitivity, tornado chart, Monte Carlo summary) in en-US
 * and zh-CN side by side. Finance words follow the glossary (terms.ts).
 */
import paneScenarios from './messages/pane-scenarios.json';
import type { PaneScenariosMessages } from './generated/messages';

export const SCENARIOS = paneScenarios as PaneScenariosMessages;

export type ScenariosKey = keyof typeof SCENARIOS;
