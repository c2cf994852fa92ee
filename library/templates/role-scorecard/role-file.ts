/**
 * A role scorecard is data: one JSON file a role (library/templates/roles/). This is that
 * file's schema, and how it becomes a RoleDefinition. Judgements, actuals and bonus counts are
 * keyed by code so the file reads on its own; Saaty fractions are written as on paper ("1/3");
 * number formats by name ("cny", "percent", …). A file that breaks the schema stops the build
 * with the path of what is wrong.
 */
import { z } from 'zod';
import { DIGEST_RULES, type DigestRuleId, parseDataFile, textSchema as text } from '../../kit';
import { FMT, type RoleDefinition } from './definition';

const ruleId = z.enum(Object.keys(DIGEST_RULES) as [DigestRuleId, ...DigestRuleId[]]);
const code = z.string().regex(/^[A-Z][A-Z0-9]*$/);
/** 3 (row three times as important as column) or "1/3" (a third as important). */
const saaty = z.union([z.number().min(1).max(9), z.string().regex(/^1\/[2-9]$/).transform((s) => 1 / Number(s.slice(2)))]);

const kpiSchema = z
  .object({
    code,
    name: text,
    unit: z.union([text, z.string().min(1)]),
    format: z.enum(Object.keys(FMT) as [keyof typeof FMT, ...(keyof typeof FMT)[]]).transform((name) => FMT[name]),
    type: z.enum(['quantitative', 'qualitative']),
    direction: z.union([z.literal(1), z.literal(-1)]),
    target: z.union([z.number().positive(), z.object({ annual: z.number().positive() }).strict(), z.object({ perMonth: z.number().positive() }).strict()]),
    targetRule: ruleId.optional(),
    pinned: z.object({ weight: z.number().gt(0).lt(1), rule: ruleId.optional() }).strict().optional(),
    flag: z.object({ when: z.enum(['above', 'below', 'off-target']), threshold: z.number().nonnegative(), rule: ruleId.optional() }).strict().optional(),
  })
  .strict();

const bonusSchema = z.object({ code, name: text, unit: z.union([text, z.string().min(1)]), points: z.number().positive(), cap: z.number().positive(), rule: ruleId.optional() }).strict();

const roleSchema = z
  .object({
    id: z.string().regex(/^scorecard-[a-z]+(-[a-z]+)*$/),
    role: text,
    description: text,
    tags: z.array(z.string().min(1)),
    /** Why the numbers are what they are; for whoever edits the file, not shown in the workbook. */
    why: z.string().optional(),
    kpis: z.array(kpiSchema).min(2),
    /** For each AHP KPI, how much more important it is than each later AHP KPI. */
    judgements: z.record(z.string(), z.record(z.string(), saaty)),
    bonus: z.array(bonusSchema).optional(),
    people: z.array(
      z
        .object({
          name: text,
          position: text,
          incentive: z.number().nonnegative(),
          actuals: z.record(z.string(), z.number()),
          bonus: z.record(z.string(), z.number().nonnegative()).optional(),
        })
        .strict(),
    ),
    attainmentCap: z.number().min(1),
    payout: z.object({ curve: z.array(z.tuple([z.number(), z.number()])).min(2), gate: z.number(), cap: z.number() }).strict(),
    minQuantitative: z.number().optional(),
  })
  .strict();

/** Exactly these keys, in this order: the values. */
function byCode<T>(record: Record<string, T>, codes: string[], where: string): T[] {
  const keys = Object.keys(record);
  if (keys.join() !== codes.join()) throw new Error(`${where}: expected ${codes.join(', ') || 'nothing'}, got ${keys.join(', ') || 'nothing'}`);
  return codes.map((c) => record[c]);
}

/** The role definition a role file describes; throws on anything the schema or the codes do not allow. */
export function parseRoleFile(json: unknown, file: string): RoleDefinition {
  const { judgements, people, kpis, bonus = [], ...role } = parseDataFile(roleSchema, json, file);
  const codes = kpis.map((kpi) => kpi.code);
  const ahp = kpis.filter((kpi) => !kpi.pinned).map((kpi) => kpi.code);
  const bonusCodes = bonus.map((b) => b.code);
  return {
    ...role,
    kpis,
    bonus,
    judgements: byCode(judgements, ahp.slice(0, -1), `${file}: judgements`).map((row, i) => byCode(row, ahp.slice(i + 1), `${file}: judgements.${ahp[i]}`)),
    people: people.map((person, i) => ({
      ...person,
      actuals: byCode(person.actuals, codes, `${file}: people[${i}].actuals`),
      bonus: byCode(person.bonus ?? {}, bonusCodes, `${file}: people[${i}].bonus`),
    })),
  };
}
