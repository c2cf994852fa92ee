/** The built-in template library, and the one way to build a template's bytes (kit/build.ts). */
import { balancedScorecard, balancedScorecardZh } from './balanced-scorecard';
import { budgetAllocation, budgetAllocationZh } from './budget-allocation';
import { channelTeamIncentive, channelTeamIncentiveZh } from './channel-team-incentive';
import { channelTiering, channelTieringZh } from './channel-tiering';
import { dealerRebatePlan, dealerRebatePlanZh } from './dealer-rebate';
import { monteCarloRoi, monteCarloRoiZh } from './monte-carlo-roi';
import { reorgCostBenefit, reorgCostBenefitZh } from './reorg-cost-benefit';
import { sharedCommissionPool, sharedCommissionPoolZh } from './shared-pool';
import { targetBreakdownTemplate, targetBreakdownTemplateZh } from './target-breakdown';
import { teamCreditingRollup, teamCreditingRollupZh } from './team-crediting';
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
  reorgCostBenefitZh,
  budgetAllocation,
  budgetAllocationZh,
  monteCarloRoi,
  monteCarloRoiZh,
  channelTiering,
  channelTieringZh,
  dealerRebatePlan,
  dealerRebatePlanZh,
  sharedCommissionPool,
  sharedCommissionPoolZh,
  targetBreakdownTemplate,
  targetBreakdownTemplateZh,
  teamCreditingRollup,
  teamCreditingRollupZh,
  ...ROLE_VARIANTS.flatMap((v) => [v['en-US'], v['zh-CN']]),
];
