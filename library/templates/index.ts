/** The built-in template library, and the one way to build a template's bytes (kit/build.ts). */
import { balancedScorecard, balancedScorecardZh } from './balanced-scorecard';
import { budgetAllocation } from './budget-allocation';
import { channelTeamIncentive, channelTeamIncentiveZh } from './channel-team-incentive';
import { channelTiering } from './channel-tiering';
import { monteCarloRoi } from './monte-carlo-roi';
import { reorgCostBenefit } from './reorg-cost-benefit';
import { ROLE_VARIANTS } from './role-scorecards';
import { tieredCommission, tieredCommissionZh } from './tiered-commission';
import type { BuiltInTemplate } from '../kit/types';

export { buildTemplate } from '../kit/build';

/** The library, in the order the gallery shows it. */
export const BUILT_IN_TEMPLATES: BuiltInTemplate[] = [
  channelTeamIncentive,
  channelTeamIncentiveZh,
  tieredCommission,
  tieredCommissionZh,
  balancedScorecard,
  balancedScorecardZh,
  reorgCostBenefit,
  budgetAllocation,
  monteCarloRoi,
  channelTiering,
  ...ROLE_VARIANTS.flatMap((v) => [v['en-US'], v['zh-CN']]),
];
