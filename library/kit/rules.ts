/**
 * Every quantitative rule of the marketing plan documents our users work by (the project's
 * copy: docs/domain.md), by id: the rule in plain words in both languages, the plan document
 * it comes from and, where the documents give it one, the role that owns it. Each built-in
 * template lists the rules it carries and the cell that carries each one; a test checks that
 * every rule here lives in at least one template cell, so none can vanish. The rules are prose,
 * so they are data (plan-rules.json), checked against their schema when read.
 *
 * A cell that carries a rule says where its number comes from — "plan rule: <the rule> — <the
 * plan>" (ruleSource); every other input is an example to replace (EXAMPLE_SOURCE).
 */
import { z } from 'zod';
import { parseDataFile, textSchema } from './data-file';
import rulesFile from './plan-rules.json';
import { type Text, t } from './text';

/** The plan documents, as a workbook names them to its reader. */
export const PLANS = {
  reorg: t('channel team re-organisation plan', '渠道营销团队分工优化方案'),
  management: t('team management methods', '营销团队管理方法'),
  performance: t('performance and channel expansion plan', '绩效提升与渠道拓展方案'),
  roles: t('role responsibilities', '营销团队岗位职责'),
  workRules: t('marketing work rules', '营销工作办法'),
  /** The documents do not say which of them: the rule is theirs, the document unrecorded. */
  plans: t('marketing plans', '营销方案'),
} as const;
export type PlanId = keyof typeof PLANS;

/** Roles the documents give rules to. */
export const ROLES = {
  salesRep: t('sales representative', '销售代表'),
  onlineTeams: t('online channel teams', '线上渠道团队'),
  offlineTeams: t('offline channel teams', '线下渠道团队'),
  accountManager: t('account manager', '客户经理'),
  prSpecialist: t('PR specialist', '公关专员'),
  brandManager: t('brand manager', '品牌经理'),
  digitalMarketing: t('digital marketing specialist', '数字营销专员'),
  contentPlanner: t('content planner', '内容策划'),
  channelManager: t('channel manager', '渠道经理'),
  ecommerceDesk: t('e-commerce service desk', '电商客服'),
  keyAccountManager: t('key-account manager', '大客户经理'),
  sharedTeams: t('sales, operations and supply chain', '销售、运营与供应链'),
  regionalAgents: t('regional agents', '区域代理'),
} as const;
export type RoleId = keyof typeof ROLES;

export interface DigestRule {
  /** The rule in plain words, as a reader of the workbook understands it. */
  text: Text;
  plan: PlanId;
  role?: RoleId;
}

const planId = z.enum(Object.keys(PLANS) as [PlanId, ...PlanId[]]);
const roleId = z.enum(Object.keys(ROLES) as [RoleId, ...RoleId[]]);
const ruleSchema = z.object({ text: textSchema, plan: planId, role: roleId.optional() }).strict();

/** The rules by id (kit/plan-rules.json), grouped by the first part of the id: weights, scoring, payouts, … */
export const DIGEST_RULES = parseDataFile(z.record(z.string(), ruleSchema), rulesFile, 'kit/plan-rules.json') as Record<DigestRuleId, DigestRule>;

export type DigestRuleId = keyof typeof rulesFile;

/** Where a template carries a rule: the sheet and cell a user edits or reads. */
export interface RuleCell {
  rule: DigestRuleId;
  sheet: string;
  cell: string;
}

/** "plan rule: <the rule> — <the plan>", in both languages. */
export function ruleSource(id: DigestRuleId): Text {
  const rule: DigestRule = DIGEST_RULES[id];
  const plan = PLANS[rule.plan];
  return t(`plan rule: ${rule.text['en-US']} — ${plan['en-US']}`, `方案规则：${rule.text['zh-CN']}——${plan['zh-CN']}`);
}

/** What every input that is not a plan rule says about itself. */
export const EXAMPLE_SOURCE = t('example — replace with yours', '示例——请替换为贵司数据');
