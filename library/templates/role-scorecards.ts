/**
 * The twelve marketing-role KPI scorecards ("each deserves a scorecard template"), in the
 * documents' order: each role is a data file (roles/*.json) built by the one role-scorecard
 * builder, in English and in Chinese.
 */
import { type RoleDefinition, roleScorecard } from './role-scorecard';
import { parseRoleFile } from './role-scorecard/role-file';
import type { TemplateVariants } from '../kit';
import accountManager from './roles/account-manager.json';
import brandManager from './roles/brand-manager.json';
import channelManager from './roles/channel-manager.json';
import contentPlanner from './roles/content-planner.json';
import digitalMarketingSpecialist from './roles/digital-marketing-specialist.json';
import eventPlanner from './roles/event-planner.json';
import marketAnalyst from './roles/market-analyst.json';
import marketingDirector from './roles/marketing-director.json';
import prSpecialist from './roles/pr-specialist.json';
import productMarketingManager from './roles/product-marketing-manager.json';
import salesSupport from './roles/sales-support.json';
import trainingDevelopment from './roles/training-development.json';

const ROLE_FILES: Record<string, unknown> = {
  'marketing-director': marketingDirector,
  'brand-manager': brandManager,
  'product-marketing-manager': productMarketingManager,
  'digital-marketing-specialist': digitalMarketingSpecialist,
  'content-planner': contentPlanner,
  'channel-manager': channelManager,
  'account-manager': accountManager,
  'sales-support': salesSupport,
  'market-analyst': marketAnalyst,
  'event-planner': eventPlanner,
  'pr-specialist': prSpecialist,
  'training-development': trainingDevelopment,
};

/** The role definitions, in the documents' order. */
export const ROLE_DEFINITIONS: RoleDefinition[] = Object.entries(ROLE_FILES).map(([name, json]) => parseRoleFile(json, `roles/${name}.json`));

/** Each role's scorecard in both languages. */
export const ROLE_VARIANTS: TemplateVariants[] = ROLE_DEFINITIONS.map(roleScorecard);
