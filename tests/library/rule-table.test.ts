/**
 * The rule → cell table in docs/ is the one the library derives (library/rule-table.ts): every
 * digest rule, in both languages, with its role and source document and the cells carrying it.
 */
import * as fs from 'fs';
import { DIGEST_RULES } from '../../library/kit';
import { RULE_TABLE_FILE, ruleTable } from '../../library/rule-table';

describe('docs/rules.md', () => {
  const table = ruleTable();

  it('is the generated table (regenerate: node -r ts-node/register/transpile-only library/rule-table.ts)', () => {
    expect(fs.readFileSync(RULE_TABLE_FILE, 'utf8')).toBe(table);
  });

  it('has one row per digest rule with its role, its source document and at least one cell', () => {
    for (const id of Object.keys(DIGEST_RULES)) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${id}\`:`));
      const cells = row?.split(' | ') ?? [];
      expect([id, cells.length, cells[4]?.length > 3]).toEqual([id, 5, true]);
    }
    // The owners §7 of the digest names.
    expect(table).toMatch(/`scoring\.feedback-50`[^\n]*\| account manager · 客户经理 \|/);
    expect(table).toMatch(/`scoring\.event-report-72h`[^\n]*\| PR specialist · 公关专员 \|[^\n]*`scorecard-pr-specialist`/);
    expect(table).toMatch(/`channels\.price-deposit-50000`[^\n]*\| channel manager · 渠道经理 \|[^\n]*`dealer-rebate-plan`/);
  });
});
