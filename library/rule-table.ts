/**
 * The rule → cell table (docs/rules.md): every plan rule of the digest (kit/plan-rules.json via kit/rules.ts) with its
 * words in both languages, the role the documents give it to, the plan document it comes from,
 * and each template cell carrying it — derived from the library, so it cannot drift (a test
 * compares the file with what this writes).
 *   node -r ts-node/register/transpile-only library/rule-table.ts          writes docs/rules.md
 *   node -r ts-node/register/transpile-only library/rule-table.ts --check  exits 1 when it is stale
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIGEST_RULES, type DigestRule, type DigestRuleId, PLANS, ROLES } from './kit/rules';
import type { BuiltInTemplate } from './kit/types';
import { BUILT_IN_TEMPLATES } from './templates';

const AREAS: [prefix: string, title: string][] = [
  ['weights', 'KPI weights · 权重'],
  ['scoring', 'Scorecards and reviews · 评分与考核'],
  ['targets', 'Targets · 目标分解'],
  ['payouts', 'Incentive payouts · 激励'],
  ['cost', 'Cost-benefit · 成本效益'],
  ['budget', 'Budget · 预算'],
  ['channels', 'Channels and dealers · 渠道与经销商'],
  ['team', 'Team structure · 组织'],
];

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** "`family` Sheet!A1, Sheet!B2 / 工作表!A1, 工作表!B2" for each template family carrying the rule, in library order. */
function carriers(rule: DigestRuleId, templates: BuiltInTemplate[]): string {
  const byFamily = new Map<string, string[][]>();
  for (const template of templates) {
    const cells = template.rules.filter((r) => r.rule === rule).map((r) => `${r.sheet}!${r.cell}`);
    if (cells.length === 0) continue;
    byFamily.set(template.family, [...(byFamily.get(template.family) ?? []), [...new Set(cells)]]);
  }
  return [...byFamily].map(([family, variants]) => `\`${family}\` ${variants.map((cells) => cells.join(', ')).join(' / ')}`).join('<br>');
}

export function ruleTable(templates: BuiltInTemplate[] = BUILT_IN_TEMPLATES): string {
  const lines = [
    '# Plan rules → template cells · 方案规则与模板单元格',
    '',
    'Generated from the plan rules (`library/kit/plan-rules.json`, read by `library/kit/rules.ts`) and the template library by `library/rule-table.ts`; a test keeps it',
    'current. Each rule of the plan documents (digest: [domain.md](domain.md)) in plain words, the role the documents',
    'give it to ("—": they name none), the document it comes from, and the cells that carry it: `family` is the',
    "template's id (its Chinese workbook is `family-zh`), the English workbook's cells, then after / the Chinese one's.",
    'A cell carrying a rule says so in the workbook ("plan rule: …" / "方案规则：…"); every other input says',
    '"example — replace with yours".',
  ];
  const ids = Object.keys(DIGEST_RULES) as DigestRuleId[];
  for (const [prefix, title] of AREAS) {
    const area = ids.filter((id) => id.startsWith(`${prefix}.`));
    if (area.length === 0) continue;
    lines.push('', `## ${title}`, '', '| rule | 规则 | role · 岗位 | source · 来源 | cells · 单元格 |', '|---|---|---|---|---|');
    for (const id of area) {
      const rule: DigestRule = DIGEST_RULES[id];
      const role = rule.role ? `${ROLES[rule.role]['en-US']} · ${ROLES[rule.role]['zh-CN']}` : '—';
      const plan = PLANS[rule.plan];
      lines.push(`| \`${id}\`: ${cell(rule.text['en-US'])} | ${cell(rule.text['zh-CN'])} | ${role} | ${plan['en-US']} · ${plan['zh-CN']} | ${carriers(id, templates)} |`);
    }
  }
  const covered = AREAS.map(([prefix]) => `${prefix}.`);
  const orphans = ids.filter((id) => !covered.some((p) => id.startsWith(p)));
  if (orphans.length) throw new Error(`rules outside every area of the table: ${orphans.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export const RULE_TABLE_FILE = path.resolve(__dirname, '..', 'docs', 'rules.md');

if (require.main === module) {
  const next = ruleTable();
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(RULE_TABLE_FILE) || fs.readFileSync(RULE_TABLE_FILE, 'utf8') !== next) {
      process.stderr.write('docs/rules.md is stale: node -r ts-node/register/transpile-only library/rule-table.ts\n');
      process.exit(1);
    }
  } else fs.writeFileSync(RULE_TABLE_FILE, next);
}
