/**
 * The plan builder (Plan view) in en-US and zh-CN side by side. Finance words follow the
 * glossary (terms.ts): 提成 (commission), 提成比例 (rate), 档 (tier), 起点 (threshold),
 * 超额累进 / 全额累进, 奖金系数, 门槛, 封顶.
 */
import panePlan from './messages/pane-plan.json';
import type { PanePlanMessages } from './generated/messages';

/**
 * The keys from modeRebate on are catalog v2's (issue 11): rebate ladder, bonus pool, target
 * breakdown.
 */
export const PLAN = panePlan as PanePlanMessages;

export type PlanKey = keyof typeof PLAN;
