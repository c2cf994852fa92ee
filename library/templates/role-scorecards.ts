/**
 * The twelve marketing-role KPI scorecards (seed rules §1, "each deserves a scorecard
 * template"), in the digest's order, and their role definitions (for tests and tools).
 */
import type { RoleDefinition } from './role-scorecard';
import type { BuiltInTemplate } from '../kit/types';
import { accountManagerRole, accountManagerScorecard } from './scorecard-account-manager';
import { brandManagerRole, brandManagerScorecard } from './scorecard-brand-manager';
import { channelManagerRole, channelManagerScorecard } from './scorecard-channel-manager';
import { contentPlannerRole, contentPlannerScorecard } from './scorecard-content-planner';
import { digitalMarketingSpecialistRole, digitalMarketingSpecialistScorecard } from './scorecard-digital-marketing-specialist';
import { eventPlannerRole, eventPlannerScorecard } from './scorecard-event-planner';
import { marketAnalystRole, marketAnalystScorecard } from './scorecard-market-analyst';
import { marketingDirectorRole, marketingDirectorScorecard } from './scorecard-marketing-director';
import { prSpecialistRole, prSpecialistScorecard } from './scorecard-pr-specialist';
import { productMarketingManagerRole, productMarketingManagerScorecard } from './scorecard-product-marketing-manager';
import { salesSupportRole, salesSupportScorecard } from './scorecard-sales-support';
import { trainingDevelopmentRole, trainingDevelopmentScorecard } from './scorecard-training-development';

export const ROLE_SCORECARDS: BuiltInTemplate[] = [
  marketingDirectorScorecard,
  brandManagerScorecard,
  productMarketingManagerScorecard,
  digitalMarketingSpecialistScorecard,
  contentPlannerScorecard,
  channelManagerScorecard,
  accountManagerScorecard,
  salesSupportScorecard,
  marketAnalystScorecard,
  eventPlannerScorecard,
  prSpecialistScorecard,
  trainingDevelopmentScorecard,
];

/** The role definitions behind ROLE_SCORECARDS, same order. */
export const ROLE_DEFINITIONS: RoleDefinition[] = [
  marketingDirectorRole,
  brandManagerRole,
  productMarketingManagerRole,
  digitalMarketingSpecialistRole,
  contentPlannerRole,
  channelManagerRole,
  accountManagerRole,
  salesSupportRole,
  marketAnalystRole,
  eventPlannerRole,
  prSpecialistRole,
  trainingDevelopmentRole,
];
