/**
 * The twelve marketing-role KPI scorecards (seed rules §1 "twelve marketing roles, each with
 * its own KPI set"). For every role the AHP weights, consistency ratio, scores, statuses,
 * payouts and rule flags equal what this test computes on its own from the role definition
 * (power iteration, capped attainment, piecewise-linear curve) — never by calling the engine.
 * Role files are checked against their schema. The contract every template keeps is tested
 * once for all of them (contract.test.ts).
 */
import ExcelJS from 'exceljs';
import { calcBytes, toJson } from '../../calc/book';
import { columnLetters } from '../../workbook/a1';
import { RoleDefinition, RoleKpi, roleLayout } from '../../library/templates/role-scorecard';
import { parseRoleFile } from '../../library/templates/role-scorecard/role-file';
import { ROLE_DEFINITIONS, ROLE_SCORECARDS } from '../../library/templates/role-scorecards';
import type { BuiltInTemplate, DigestRuleId } from '../../library/kit';
import accountManager from '../../library/templates/roles/account-manager.json';
import { BuiltTemplate, built, names } from './support/built';

const TOLERANCE = 1e-6;
const CR_WARNING = '⚠ CR ≥ 0.1: revise judgements 请调整判断';
const ROLES_ZH = ['市场总监', '品牌经理', '产品营销经理', '数字营销专员', '内容策划', '渠道经理', '客户经理', '销售支持', '市场分析师', '活动策划执行', '公关专员', '培训与发展'];

// ---- independent arithmetic -------------------------------------------------------------

/** Saaty's random index RI(n). */
const RI = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

function fullMatrix(upper: number[][]): number[][] {
  const n = upper.length + 1;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  upper.forEach((row, i) =>
    row.forEach((v, d) => {
      m[i][i + 1 + d] = v;
      m[i + 1 + d][i] = 1 / v;
    }),
  );
  return m;
}

/** Principal eigenvector (sum 1) and λmax by plain power iteration from the uniform vector. */
function powerIteration(m: number[][]): { weights: number[]; lambda: number } {
  const n = m.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 100_000; it++) {
    const x = m.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
    const total = x.reduce((s, v) => s + v, 0);
    const next = x.map((v) => v / total);
    const change = Math.max(...next.map((v, i) => Math.abs(v - w[i])));
    w = next;
    if (change < 1e-15) break;
  }
  const lambda = m.map((row, i) => row.reduce((s, a, j) => s + a * w[j], 0) / w[i]).reduce((s, v) => s + v, 0) / n;
  return { weights: w, lambda };
}

function consistencyRatio(m: number[][]): number {
  const n = m.length;
  return n <= 2 ? 0 : (powerIteration(m).lambda - n) / (n - 1) / RI[n];
}

/** Final weights: a pinned KPI keeps its weight, AHP shares out the rest. */
function finalWeights(role: RoleDefinition, judgements = role.judgements): number[] {
  const ahp = powerIteration(fullMatrix(judgements)).weights;
  const pinned = role.kpis.reduce((s, k) => s + (k.pinned?.weight ?? 0), 0);
  let next = 0;
  return role.kpis.map((k) => (k.pinned ? k.pinned.weight : (1 - pinned) * ahp[next++]));
}

/** §1 monthly milestone: month 1 = 20% of the annual target. */
function targetOf(kpi: RoleKpi): number {
  return typeof kpi.target === 'number' ? kpi.target : kpi.target.annual * 0.2;
}

function score(role: RoleDefinition, actuals: number[], weights: number[]): number {
  return role.kpis.reduce((s, kpi, j) => {
    const ratio = actuals[j] / targetOf(kpi);
    const attainment = kpi.direction === 1 ? ratio : Math.max(0, 2 - ratio);
    return s + weights[j] * Math.min(role.attainmentCap, Math.max(0, attainment));
  }, 0);
}

/** PERF.STATUS default bands: green from 95%, amber from 85%, red below. */
function status(s: number): string {
  return s >= 0.95 ? 'green' : s >= 0.85 ? 'amber' : 'red';
}

function piecewiseLinear(curve: [number, number][], x: number): number {
  if (x <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    const [x0, y0] = curve[i - 1];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return curve[curve.length - 1][1];
}

function payout(role: RoleDefinition, s: number, incentive: number): number {
  if (s < role.payout.gate) return 0;
  return incentive * Math.min(role.payout.cap, piecewiseLinear(role.payout.curve, s));
}

function isFlagged(kpi: RoleKpi, actual: number): boolean {
  const f = kpi.flag!;
  if (f.when === 'above') return actual > f.threshold;
  if (f.when === 'below') return actual < f.threshold;
  return Math.abs(actual / targetOf(kpi) - 1) > f.threshold;
}

// ---- fixtures ---------------------------------------------------------------------------

const cases: [string, BuiltInTemplate, RoleDefinition][] = ROLE_SCORECARDS.map((t, i) => [t.metadata.id, t, ROLE_DEFINITIONS[i]]);
const books = new Map<string, BuiltTemplate>();
const cell = (id: string, sheet: string, col: number, row: number) => books.get(id)!.json[`${sheet}!${columnLetters(col)}${row}`];
const num = (id: string, sheet: string, col: number, row: number) => cell(id, sheet, col, row) as number;

beforeAll(async () => {
  for (const [id, template] of cases) books.set(id, await built(template));
}, 300_000);

// ---- the library of twelve --------------------------------------------------------------

describe('the twelve role scorecards (§1 "twelve marketing roles each with their own KPI set")', () => {
  it('are the twelve digest roles in the digest order, each a scorecard with its own id', () => {
    expect(ROLE_SCORECARDS).toHaveLength(12);
    expect(ROLE_DEFINITIONS.map((r) => r.role['zh-CN'])).toEqual(ROLES_ZH);
    ROLE_SCORECARDS.forEach((t, i) => {
      expect(t.metadata.id).toBe(ROLE_DEFINITIONS[i].id);
      expect(t.metadata.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.metadata.id.length).toBeGreaterThanOrEqual(3);
      expect(t.metadata.id.length).toBeLessThanOrEqual(64);
      expect(t.metadata.category).toBe('scorecard');
      expect(t.metadata.title.zh).toContain(ROLES_ZH[i]);
      expect(t.metadata.title.en.length).toBeGreaterThan(0);
      expect(t.metadata.description.en.length).toBeGreaterThan(0);
      expect(t.metadata.description.zh.length).toBeGreaterThan(0);
    });
    expect(new Set(ROLE_SCORECARDS.map((t) => t.metadata.id)).size).toBe(12);
  });

  it('keep each role distinct: own KPI set, own people, ~6 people with one actual per KPI', () => {
    const kpiSets = ROLE_DEFINITIONS.map((r) => r.kpis.map((k) => k.name['en-US']).join('|'));
    expect(new Set(kpiSets).size).toBe(12);
    const names = ROLE_DEFINITIONS.flatMap((r) => r.people.map((p) => p.name));
    expect(new Set(names).size).toBe(names.length);
    for (const role of ROLE_DEFINITIONS) {
      expect(role.people.length).toBeGreaterThanOrEqual(5);
      expect(role.people.length).toBeLessThanOrEqual(8);
      for (const person of role.people) expect(person.actuals).toHaveLength(role.kpis.length);
      const unpinned = role.kpis.filter((k) => !k.pinned).length;
      expect(role.judgements.map((row) => row.length)).toEqual(Array.from({ length: unpinned - 1 }, (_, i) => unpinned - 1 - i));
    }
  });

  it('carry the §1 KPI rules between them', () => {
    const carried = new Set(ROLE_SCORECARDS.flatMap((t) => t.rules.map((r) => r.rule)));
    const required: DigestRuleId[] = [
      'scoring.role-kpis', 'weights.quantitative-min-60', 'scoring.cac-within-5', 'scoring.bounce-60', 'scoring.complaints-4h', 'scoring.feedback-50',
      'scoring.roadmap-30', 'scoring.event-report-72h', 'scoring.response-times', 'weights.sales-rep-satisfaction-30', 'scoring.monthly-milestone-20',
    ];
    for (const rule of required) expect([rule, carried.has(rule)]).toEqual([rule, true]);
    for (const t of ROLE_SCORECARDS) expect(t.rules.map((r) => r.rule)).toEqual(expect.arrayContaining(['scoring.role-kpis', 'weights.quantitative-min-60']));
    // §1: sales representatives' customer satisfaction raised to 30% — the account manager and sales support.
    const satisfaction = ROLE_SCORECARDS.filter((t) => t.rules.some((r) => r.rule === 'weights.sales-rep-satisfaction-30')).map((t) => t.metadata.id);
    expect(satisfaction).toEqual(['scorecard-account-manager', 'scorecard-sales-support']);
  });

  it('show every traffic light, a gated payout and a capped payout somewhere in the sample data', () => {
    const seen = new Set<string>();
    let gated = 0;
    let capped = 0;
    for (const role of ROLE_DEFINITIONS) {
      const weights = finalWeights(role);
      for (const person of role.people) {
        const s = score(role, person.actuals, weights);
        seen.add(status(s));
        if (s < role.payout.gate) gated++;
        else if (piecewiseLinear(role.payout.curve, s) > role.payout.cap) capped++;
      }
    }
    expect(seen).toEqual(new Set(['green', 'amber', 'red']));
    expect(gated).toBeGreaterThan(0);
    expect(capped).toBeGreaterThan(0);
  });
});

// ---- per role ---------------------------------------------------------------------------

describe.each(cases)('%s', (id, template, role) => {
  const L = roleLayout(role);

  it('§1 AHP: weights and CR equal an independent power iteration; the CR check cell agrees', () => {
    const matrix = fullMatrix(role.judgements);
    const { weights } = powerIteration(matrix);
    weights.forEach((w, i) => expect(Math.abs(num(id, 'AHP', L.ahp.weightCol, L.ahp.first + i) - w)).toBeLessThan(TOLERANCE));
    const cr = consistencyRatio(matrix);
    expect(Math.abs(num(id, 'AHP', 2, L.ahp.cr) - cr)).toBeLessThan(TOLERANCE);
    expect(cr).toBeLessThan(0.1); // the shipped judgements are consistent
    expect(cell(id, 'AHP', 2, L.ahp.crCheck)).toBe(cr >= 0.1 ? CR_WARNING : 'OK');
    expect(cell(id, 'Summary', 2, L.summary.metric.crCheck)).toBe(cr >= 0.1 ? CR_WARNING : 'OK');
  });

  it('§1 weights: pinned weights kept, AHP shares the rest, quantitative KPIs ≥ 60% of the weight', () => {
    const weights = finalWeights(role);
    weights.forEach((w, j) => expect(Math.abs(num(id, 'KPIs', 10, L.kpis.row(j)) - w)).toBeLessThan(TOLERANCE));
    expect(Math.abs(num(id, 'KPIs', 2, L.kpis.weightTotal) - 1)).toBeLessThan(TOLERANCE);
    const quantitative = role.kpis.reduce((s, k, j) => s + (k.type === 'quantitative' ? weights[j] : 0), 0);
    expect(quantitative).toBeGreaterThanOrEqual(0.6);
    expect(Math.abs(num(id, 'KPIs', 2, L.kpis.quantShare) - quantitative)).toBeLessThan(TOLERANCE);
    expect(cell(id, 'KPIs', 2, L.kpis.quantCheck)).toBe('OK');
    expect(cell(id, 'KPIs', 2, 3)).toBe(0.6);
    for (const [j, kpi] of role.kpis.entries()) if (kpi.pinned) expect(num(id, 'KPIs', 10, L.kpis.row(j))).toBeCloseTo(kpi.pinned.weight, 12);
  });

  it('§1 monthly milestone: targets on the Team sheet are the KPI targets (annual × 20% for month-1 milestones)', () => {
    role.kpis.forEach((kpi, j) => expect(Math.abs(num(id, 'Team', L.team.kpiCol(j), 4) - targetOf(kpi))).toBeLessThan(TOLERANCE));
  });

  it('scores equal the weighted, capped attainment computed here (PERF.SCORECARD)', () => {
    const weights = finalWeights(role);
    role.people.forEach((person, i) => {
      expect(Math.abs(num(id, 'Team', L.team.scoreCol, L.team.first + i) - score(role, person.actuals, weights))).toBeLessThan(TOLERANCE);
    });
  });

  it('statuses follow the default bands (green ≥ 95%, amber ≥ 85%, red below)', () => {
    const weights = finalWeights(role);
    role.people.forEach((person, i) => {
      const expected = status(score(role, person.actuals, weights));
      expect(cell(id, 'Team', L.team.statusCol, L.team.first + i)).toBe(expected);
      expect(cell(id, 'Summary', 3, L.summary.first + i)).toBe(expected);
    });
  });

  it('payouts = target incentive × min(cap, piecewise-linear curve), 0 below the gate (PERF.PAYOUT)', () => {
    const weights = finalWeights(role);
    role.people.forEach((person, i) => {
      const expected = payout(role, score(role, person.actuals, weights), person.incentive);
      expect(Math.abs(num(id, 'Team', L.team.payoutCol, L.team.first + i) - expected)).toBeLessThan(TOLERANCE);
    });
  });

  it('flags each person who misses a rule threshold (±5% CAC, bounce > 60%, 4 h, ≥ 50, ≥ 30%, 72 h, response times)', () => {
    L.team.flags.forEach(({ kpi, col }) => {
      role.people.forEach((person, i) => {
        const value = cell(id, 'Team', col, L.team.first + i) as string;
        expect([person.name, role.kpis[kpi].code, value.startsWith('⚠')]).toEqual([person.name, role.kpis[kpi].code, isFlagged(role.kpis[kpi], person.actuals[kpi])]);
        if (!value.startsWith('⚠')) expect(value).toBe('OK');
      });
    });
  });

  it('summarizes people and team totals', () => {
    const weights = finalWeights(role);
    const scores = role.people.map((p) => score(role, p.actuals, weights));
    const payouts = role.people.map((p, i) => payout(role, scores[i], p.incentive));
    const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
    const metric = (name: string) => num(id, 'Summary', 2, L.summary.metric[name]);
    role.people.forEach((person, i) => {
      expect(cell(id, 'Summary', 1, L.summary.first + i)).toBe(person.name);
      expect(Math.abs(num(id, 'Summary', 2, L.summary.first + i) - scores[i])).toBeLessThan(TOLERANCE);
      expect(Math.abs(num(id, 'Summary', 4, L.summary.first + i) - payouts[i])).toBeLessThan(TOLERANCE);
      if (L.team.flags.length) {
        const flags = L.team.flags.filter(({ kpi }) => isFlagged(role.kpis[kpi], person.actuals[kpi])).length;
        expect(num(id, 'Summary', 5, L.summary.first + i)).toBe(flags);
      }
    });
    expect(Math.abs(metric('average') - sum(scores) / scores.length)).toBeLessThan(TOLERANCE);
    expect(Math.abs(metric('totalPayout') - sum(payouts))).toBeLessThan(TOLERANCE);
    expect(metric('totalTarget')).toBe(sum(role.people.map((p) => p.incentive)));
    expect(Math.abs(metric('payoutRate') - sum(payouts) / sum(role.people.map((p) => p.incentive)))).toBeLessThan(TOLERANCE);
    for (const light of ['green', 'amber', 'red']) expect(metric(light)).toBe(scores.filter((s) => status(s) === light).length);
  });

  it('declares charts on Summary whose references point at the people and their scores', () => {
    expect(template.charts?.length).toBeGreaterThanOrEqual(1);
    const scoreChart = template.charts!.find((c) => c.type === 'column' && /score/i.test(c.title))!;
    expect(scoreChart).toBeDefined();
    expect(scoreChart.categories).toBe(`Summary!$A$${L.summary.first}:$A$${L.summary.last}`);
    expect(scoreChart.series[0].values).toBe(`Summary!$B$${L.summary.first}:$B$${L.summary.last}`);
    for (const chart of template.charts!) expect(chart.sheet).toBe('Summary');
  });

  it('every rules entry points at a cell holding the rule number', () => {
    const expected: Partial<Record<DigestRuleId, number[]>> = {
      'weights.quantitative-min-60': [0.6],
      'scoring.cac-within-5': [0.05],
      'scoring.bounce-60': [0.6],
      'scoring.complaints-4h': [4],
      'scoring.feedback-50': [50],
      'scoring.roadmap-30': [0.3],
      'scoring.event-report-72h': [72],
      'scoring.response-times': [2, 30, 24],
      'weights.sales-rep-satisfaction-30': [0.3],
      'scoring.monthly-milestone-20': [0.2],
    };
    for (const { rule, sheet, cell: address } of template.rules) {
      const value = books.get(id)!.json[`${sheet}!${address}`];
      if (expected[rule]) expect([rule, expected[rule]!.includes(value as number)]).toEqual([rule, true]);
    }
  });

  it('names its key inputs, validates its numeric inputs and colours the status column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(books.get(id)!.bytes as never);
    const defined = names(books.get(id)!);
    expect(defined).toEqual(
      expect.arrayContaining(['AttainmentCap', 'MinQuantitativeShare', 'KpiTargets', 'KpiDirections', 'KpiWeights', 'AhpMatrix', 'AhpWeights', 'AhpCR', 'TeamActuals', 'TargetIncentives', 'PayoutCurve', 'PayoutGate', 'PayoutCap', 'StatusBands']),
    );
    if (L.milestone) expect(defined).toContain('MilestoneShare');
    let inputs = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          const yellow = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFF2CC';
          if (yellow && typeof c.value === 'number') {
            inputs++;
            expect([`${sheet.name}!${c.address}`, c.dataValidation?.type]).toEqual([`${sheet.name}!${c.address}`, expect.stringMatching(/decimal|list/)]);
          }
        }),
      ),
    );
    expect(inputs).toBeGreaterThan(role.people.length * role.kpis.length);
    const team = workbook.getWorksheet('Team')! as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] };
    const statusRange = `${columnLetters(L.team.statusCol)}${L.team.first}:${columnLetters(L.team.statusCol)}${L.team.last}`;
    const lights = team.conditionalFormattings.find((cf) => cf.ref === statusRange)!;
    expect(lights.rules.map((r) => r.formulae![0])).toEqual([expect.stringContaining('"green"'), expect.stringContaining('"amber"'), expect.stringContaining('"red"')]);
  });

  it('warns when the judgements are inconsistent (CR ≥ 0.1) or quantitative KPIs fall below 60%', async () => {
    // Intransitive judgements: KPI 1 ≫ KPI 2 ≫ KPI 3, yet KPI 3 ≫ KPI 1.
    const judgements = role.judgements.map((row) => [...row]);
    judgements[0][0] = 9;
    judgements[1][0] = 9;
    judgements[0][1] = 1 / 9;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(books.get(id)!.bytes as never);
    const ahp = workbook.getWorksheet('AHP')!;
    judgements.forEach((row, i) => row.forEach((v, d) => (ahp.getCell(L.ahp.first + i, 2 + i + 1 + d).value = v)));
    // Everything but the first KPI made qualitative.
    const kpis = workbook.getWorksheet('KPIs')!;
    role.kpis.forEach((_, j) => j > 0 && (kpis.getCell(L.kpis.row(j), 4).value = 'qualitative'));
    const json = toJson(await calcBytes(Buffer.from(await workbook.xlsx.writeBuffer())));

    const matrix = fullMatrix(judgements);
    const cr = consistencyRatio(matrix);
    expect(cr).toBeGreaterThanOrEqual(0.1);
    expect(Math.abs((json[`AHP!B${L.ahp.cr}`] as number) - cr)).toBeLessThan(TOLERANCE);
    expect(json[`AHP!B${L.ahp.crCheck}`]).toBe(CR_WARNING);
    expect(json[`Summary!B${L.summary.metric.crCheck}`]).toBe(CR_WARNING);
    const weights = finalWeights(role, judgements);
    role.people.forEach((person, i) => {
      expect(Math.abs((json[`Team!${columnLetters(L.team.scoreCol)}${L.team.first + i}`] as number) - score(role, person.actuals, weights))).toBeLessThan(TOLERANCE);
    });
    expect(Math.abs((json[`KPIs!B${L.kpis.quantShare}`] as number) - weights[0])).toBeLessThan(TOLERANCE);
    expect(weights[0]).toBeLessThan(0.6);
    expect(json[`KPIs!B${L.kpis.quantCheck}`]).toMatch(/^⚠/);
    expect(json[`Summary!B${L.summary.metric.quantCheck}`]).toMatch(/^⚠/);
  });
});

describe('role files (roles/*.json) are checked against their schema', () => {
  const broken = (change: (role: Record<string, any>) => void) => {
    const role = JSON.parse(JSON.stringify(accountManager));
    change(role);
    return () => parseRoleFile(role, 'roles/account-manager.json');
  };

  it('reads the shipped file', () => {
    expect(broken(() => undefined)().kpis.map((k) => k.code)).toEqual(['REV', 'NEW', 'AOV', 'CVR', 'CSAT', 'COMPLAINT', 'VISITS']);
  });

  it('names the file and the path of what is wrong', () => {
    expect(broken((role) => (role.kpis[0].format = 'money'))).toThrow(/^roles\/account-manager\.json: kpis\.0\.format: /);
    expect(broken((role) => (role.kpis[5].flag.rule = 'scoring.complaints-5h'))).toThrow(/kpis\.5\.flag\.rule/);
    expect(broken((role) => (role.judgements.REV.NEW = '1/10'))).toThrow(/judgements\.REV\.NEW/);
  });

  it('wants a judgement for every later AHP KPI and an actual for every KPI, keyed by code', () => {
    expect(broken((role) => delete role.judgements.REV.VISITS)).toThrow('judgements.REV: expected NEW, AOV, CVR, COMPLAINT, VISITS, got NEW, AOV, CVR, COMPLAINT');
    expect(broken((role) => (role.judgements.CVR.CSAT = 2))).toThrow('judgements.CVR: expected COMPLAINT, VISITS, got COMPLAINT, VISITS, CSAT');
    expect(broken((role) => delete role.people[2].actuals.AOV)).toThrow(/people\[2\]\.actuals: expected REV, NEW, AOV/);
  });

  it('reads Saaty fractions as written on paper: "1/2" is one half', () => {
    expect(ROLE_DEFINITIONS.find((r) => r.id === 'scorecard-account-manager')!.judgements[2][0]).toBe(1 / 2);
  });
});
