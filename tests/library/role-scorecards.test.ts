/**
 * The twelve marketing-role KPI scorecards ("twelve marketing roles, each with its own KPI set",
 * role responsibilities), each in English and in Chinese. For every role the AHP weights,
 * consistency ratio, period targets, scores, bonus items, statuses, payouts and rule flags equal
 * what this test computes on its own from the role definition (power iteration, the 20% month-1
 * milestone, capped attainment, piecewise-linear curve) — never by calling the engine. Each rule
 * sits with the role the role-responsibility document gives it to. Role files are checked against
 * their schema. The contract every template keeps is tested once for all (contract.test.ts).
 */
import { calcBytes, toJson } from '../../calc/book';
import { columnLetters } from '../../workbook/a1';
import { KPI_COL, type RoleDefinition, type RoleKpi, roleLayout } from '../../library/templates/role-scorecard';
import { parseRoleFile } from '../../library/templates/role-scorecard/role-file';
import { ROLE_DEFINITIONS, ROLE_VARIANTS } from '../../library/templates/role-scorecards';
import { type BuiltInTemplate, type DigestRuleId, words } from '../../library/kit';
import { nodeCodec } from '../../workbook/node-codec';
import { patchSheetXml } from '../../workbook/patch';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive, writeZip } from '../../workbook/zip';
import accountManager from '../../library/templates/roles/account-manager.json';
import { BuiltTemplate, built, names } from './support/built';
import { sum } from '../support/library-sum';

const TOLERANCE = 1e-6;
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

/** The target of the period a role workbook opens on, month 1: 20% of an annual target (the milestone), one month of a monthly one. */
function targetOf(kpi: RoleKpi): number {
  if (typeof kpi.target === 'number') return kpi.target;
  return 'annual' in kpi.target ? kpi.target.annual * 0.2 : kpi.target.perMonth;
}

function score(role: RoleDefinition, actuals: number[], weights: number[]): number {
  return role.kpis.reduce((s, kpi, j) => {
    const ratio = actuals[j] / targetOf(kpi);
    const attainment = kpi.direction === 1 ? ratio : Math.max(0, 2 - ratio);
    return s + weights[j] * Math.min(role.attainmentCap, Math.max(0, attainment));
  }, 0);
}

/** Score plus the bonus items, each capped. */
function finalScore(role: RoleDefinition, person: RoleDefinition['people'][number], weights: number[]): number {
  return score(role, person.actuals, weights) + role.bonus.reduce((s, b, i) => s + Math.min(b.cap, person.bonus[i] * b.points), 0);
}

/** PERF.STATUS default bands: green from 95%, amber from 85%, red below. */
function status(s: number): 'green' | 'amber' | 'red' {
  return s >= 0.95 ? 'green' : s >= 0.85 ? 'amber' : 'red';
}
const LIGHT = { 'en-US': { green: 'green', amber: 'amber', red: 'red' }, 'zh-CN': { green: '绿', amber: '黄', red: '红' } } as const;

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

const cases: [string, BuiltInTemplate, RoleDefinition, 'en-US' | 'zh-CN'][] = ROLE_VARIANTS.flatMap((v, i) => (['en-US', 'zh-CN'] as const).map((locale) => [v[locale].metadata.id, v[locale], ROLE_DEFINITIONS[i], locale] as [string, BuiltInTemplate, RoleDefinition, 'en-US' | 'zh-CN']));
const books = new Map<string, BuiltTemplate>();
const cell = (id: string, sheet: string, col: number, row: number) => books.get(id)!.json[`${sheet}!${columnLetters(col)}${row}`];
const num = (id: string, sheet: string, col: number, row: number) => cell(id, sheet, col, row) as number;

beforeAll(async () => {
  for (const [id, template] of cases) books.set(id, await built(template));
}, 600_000);

/** Which roles carry a rule. */
const carriers = (rule: DigestRuleId) => ROLE_VARIANTS.filter((v) => v['en-US'].rules.some((r) => r.rule === rule)).map((v) => v['en-US'].metadata.id);

// ---- the library of twelve --------------------------------------------------------------

describe('the twelve role scorecards', () => {
  it('are the twelve roles in the documents\' order, each a scorecard in English and in Chinese', () => {
    expect(ROLE_VARIANTS).toHaveLength(12);
    expect(ROLE_DEFINITIONS.map((r) => r.role['zh-CN'])).toEqual(ROLES_ZH);
    ROLE_VARIANTS.forEach((v, i) => {
      expect([v['en-US'].metadata.id, v['zh-CN'].metadata.id]).toEqual([ROLE_DEFINITIONS[i].id, `${ROLE_DEFINITIONS[i].id}-zh`]);
      expect(v['zh-CN'].metadata.title.zh).toBe(`${ROLES_ZH[i]}KPI评分卡`);
      expect(v['en-US'].metadata.category).toBe('scorecard');
    });
  });

  it('keep each role distinct: own KPI set, own people, ~6 people with one actual per KPI', () => {
    expect(new Set(ROLE_DEFINITIONS.map((r) => r.kpis.map((k) => k.name['en-US']).join('|'))).size).toBe(12);
    const names = ROLE_DEFINITIONS.flatMap((r) => r.people.map((p) => p.name['en-US']));
    expect(new Set(names).size).toBe(names.length);
    for (const role of ROLE_DEFINITIONS) {
      expect(role.people.length).toBeGreaterThanOrEqual(5);
      expect(role.people.length).toBeLessThanOrEqual(8);
      for (const person of role.people) expect([person.actuals.length, person.bonus.length]).toEqual([role.kpis.length, role.bonus.length]);
    }
  });

  it('put each rule with the role the documents give it to', () => {
    expect(carriers('scoring.feedback-50')).toEqual(['scorecard-account-manager']);
    expect(carriers('scoring.roadmap-30')).toEqual(['scorecard-account-manager']);
    expect(carriers('scoring.event-report-72h')).toEqual(['scorecard-pr-specialist']);
    expect(carriers('scoring.pr-response-2h')).toEqual(['scorecard-pr-specialist']);
    expect(carriers('scoring.brand-alert-30min')).toEqual(['scorecard-brand-manager']);
    expect(carriers('scoring.content-replies')).toEqual(['scorecard-content-planner']);
    expect(carriers('scoring.channel-conflict-bonus')).toEqual(['scorecard-channel-manager']);
    expect(carriers('weights.sales-rep-satisfaction-30')).toEqual(['scorecard-account-manager']);
    // The 30-second e-commerce reply and the 24-hour key-account solution are not sales support's.
    const salesSupport = ROLE_DEFINITIONS.find((r) => r.id === 'scorecard-sales-support')!;
    expect(salesSupport.kpis.map((k) => k.code)).not.toEqual(expect.arrayContaining(['CHAT']));
    expect(salesSupport.kpis.some((k) => k.target === 30 || k.target === 24)).toBe(false);
    // Channel conflicts are a bonus item, not a weighted KPI.
    const channel = ROLE_DEFINITIONS.find((r) => r.id === 'scorecard-channel-manager')!;
    expect([channel.kpis.some((k) => k.code === 'CONFLICT'), channel.bonus.map((b) => b.code)]).toEqual([false, ['CONFLICT']]);
    for (const v of ROLE_VARIANTS) expect(v['en-US'].rules.map((r) => r.rule)).toEqual(expect.arrayContaining(['scoring.role-kpis', 'weights.quantitative-min-60']));
  });

  it('each break an annual target down over the year (年度→季度→月度) on the Targets sheet, the period one input', () => {
    expect(carriers('targets.annual-breakdown')).toEqual(ROLE_DEFINITIONS.map((r) => r.id));
    for (const role of ROLE_DEFINITIONS) expect([role.id, role.kpis.some((k) => typeof k.target === 'object' && 'annual' in k.target)]).toEqual([role.id, true]);
  });

  it('say where a pinned weight comes from: its rule when it has one, else an example', () => {
    const pinnedLine = (id: string) => Object.values(books.get(id)!.json).find((v) => typeof v === 'string' && v.startsWith('Pinned weight: CSAT')) as string;
    expect(pinnedLine('scorecard-account-manager')).toContain('customer satisfaction weighs 30% for sales representatives');
    expect(pinnedLine('scorecard-sales-support')).toContain('example — replace with yours');
    expect(pinnedLine('scorecard-sales-support')).not.toContain('sales representatives');
  });

  it('show every traffic light, a gated payout and a capped payout somewhere in the sample data', () => {
    const seen = new Set<string>();
    let gated = 0;
    let capped = 0;
    for (const role of ROLE_DEFINITIONS) {
      const weights = finalWeights(role);
      for (const person of role.people) {
        const s = finalScore(role, person, weights);
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

describe.each(cases)('%s', (id, template, role, locale) => {
  const L = roleLayout(role, words(locale));
  const S = L.sheet;

  it('AHP: weights and CR equal an independent power iteration; the CR check cell agrees', () => {
    const matrix = fullMatrix(role.judgements);
    const { weights } = powerIteration(matrix);
    weights.forEach((w, i) => expect(Math.abs(num(id, S.ahp, L.ahp.weightCol, L.ahp.first + i) - w)).toBeLessThan(TOLERANCE));
    const cr = consistencyRatio(matrix);
    expect(Math.abs(num(id, S.ahp, 2, L.ahp.cr) - cr)).toBeLessThan(TOLERANCE);
    expect(cr).toBeLessThan(0.1); // the shipped judgements are consistent
    expect([cell(id, S.ahp, 2, L.ahp.crCheck), cell(id, S.summary, 2, L.summary.metric.crCheck)]).toEqual(['OK', 'OK']);
  });

  it('weights: pinned weights kept, AHP shares the rest, quantitative KPIs ≥ 60% of the weight', () => {
    const weights = finalWeights(role);
    weights.forEach((w, j) => expect(Math.abs(num(id, S.kpis, KPI_COL.weight, L.kpis.row(j)) - w)).toBeLessThan(TOLERANCE));
    expect(Math.abs(num(id, S.kpis, 2, L.kpis.weightTotal) - 1)).toBeLessThan(TOLERANCE);
    const quantitative = role.kpis.reduce((s, k, j) => s + (k.type === 'quantitative' ? weights[j] : 0), 0);
    expect(quantitative).toBeGreaterThanOrEqual(0.6);
    expect(Math.abs(num(id, S.kpis, 2, L.kpis.quantShare) - quantitative)).toBeLessThan(TOLERANCE);
    expect([cell(id, S.kpis, 2, L.kpis.quantCheck), cell(id, S.kpis, 2, 3)]).toEqual(['OK', 0.6]);
  });

  it('targets for the period: month 1 takes 20% of an annual target (PERF.QUOTASPLIT), one month of a monthly one', () => {
    role.kpis.forEach((kpi, j) => {
      expect(Math.abs(num(id, S.kpis, KPI_COL.target, L.kpis.row(j)) - targetOf(kpi))).toBeLessThan(TOLERANCE);
      expect(Math.abs(num(id, S.team, L.team.kpiCol(j), L.team.reference.target) - targetOf(kpi))).toBeLessThan(TOLERANCE);
    });
  });

  it('scores, bonus items, statuses and payouts equal the weighted, capped attainment computed here', () => {
    const weights = finalWeights(role);
    role.people.forEach((person, i) => {
      const row = L.team.first + i;
      const final = finalScore(role, person, weights);
      expect(Math.abs(num(id, S.team, L.team.scoreCol, row) - score(role, person.actuals, weights))).toBeLessThan(TOLERANCE);
      expect(Math.abs(num(id, S.team, L.team.finalCol, row) - final)).toBeLessThan(TOLERANCE);
      expect(cell(id, S.team, L.team.statusCol, row)).toBe(LIGHT[locale][status(final)]);
      expect(Math.abs(num(id, S.team, L.team.payoutCol, row) - payout(role, final, person.incentive))).toBeLessThan(TOLERANCE);
    });
  });

  it('flags each person who misses a rule threshold', () => {
    L.team.flags.forEach(({ kpi, col }) => {
      role.people.forEach((person, i) => {
        const value = cell(id, S.team, col, L.team.first + i) as string;
        expect([person.name['en-US'], role.kpis[kpi].code, value.startsWith('⚠')]).toEqual([person.name['en-US'], role.kpis[kpi].code, isFlagged(role.kpis[kpi], person.actuals[kpi])]);
        if (!value.startsWith('⚠')) expect(value).toBe('OK');
      });
    });
  });

  it('summarizes the team, then one line per person', () => {
    const weights = finalWeights(role);
    const scores = role.people.map((p) => finalScore(role, p, weights));
    const payouts = role.people.map((p, i) => payout(role, scores[i], p.incentive));
    const metric = (name: string) => num(id, S.summary, 2, L.summary.metric[name]);
    role.people.forEach((person, i) => {
      expect(cell(id, S.summary, 1, L.summary.first + i)).toBe(person.name[locale]);
      expect(Math.abs(num(id, S.summary, 2, L.summary.first + i) - scores[i])).toBeLessThan(TOLERANCE);
      expect(Math.abs(num(id, S.summary, 4, L.summary.first + i) - payouts[i])).toBeLessThan(TOLERANCE);
      if (L.team.flags.length) expect(num(id, S.summary, 5, L.summary.first + i)).toBe(L.team.flags.filter(({ kpi }) => isFlagged(role.kpis[kpi], person.actuals[kpi])).length);
    });
    expect(Math.abs(metric('average') - sum(scores) / scores.length)).toBeLessThan(TOLERANCE);
    expect(Math.abs(metric('totalPayout') - sum(payouts))).toBeLessThan(TOLERANCE);
    expect(metric('totalTarget')).toBe(sum(role.people.map((p) => p.incentive)));
    for (const light of ['green', 'amber', 'red'] as const) expect(metric(light)).toBe(scores.filter((s) => status(s) === light).length);
  });

  it('declares its charts on Summary, over the people and their scores', () => {
    const scoreChart = template.charts!.find((c) => c.type === 'column' && /score|得分/i.test(c.title))!;
    expect(scoreChart.categories).toBe(`${S.summary}!$A$${L.summary.first}:$A$${L.summary.last}`);
    expect(scoreChart.series[0].values).toBe(`${S.summary}!$B$${L.summary.first}:$B$${L.summary.last}`);
    for (const chart of template.charts!) expect(chart.sheet).toBe(S.summary);
  });

  it('every rule points at a cell holding the rule\'s number', () => {
    const expected: Partial<Record<DigestRuleId, number[]>> = {
      'weights.quantitative-min-60': [0.6],
      'scoring.cac-within-5': [0.05],
      'scoring.bounce-60': [0.6],
      'scoring.complaints-4h': [1],
      'scoring.feedback-50': [50],
      'scoring.roadmap-30': [0.3],
      'scoring.event-report-72h': [72],
      'scoring.pr-response-2h': [2],
      'scoring.brand-alert-30min': [30],
      'scoring.content-replies': [1],
      'scoring.first-contact-2h': [2],
      'weights.sales-rep-satisfaction-30': [0.3],
      'scoring.monthly-milestone-20': [0.2],
    };
    for (const { rule, sheet, cell: address } of template.rules) {
      const value = books.get(id)!.json[`${sheet}!${address}`];
      if (expected[rule]) expect([rule, expected[rule]!.includes(value as number)]).toEqual([rule, true]);
    }
  });

  it('names its key inputs', () => {
    expect(names(books.get(id)!)).toEqual(
      expect.arrayContaining(['AttainmentCap', 'MinQuantitativeShare', 'KpiTargets', 'KpiDirections', 'KpiWeights', 'AhpMatrix', 'AhpWeights', 'AhpCR', 'PayoutCurve', 'PayoutGate', 'PayoutCap', 'StatusBands', 'Seasonality', 'PeriodMask', 'Period']),
    );
  });

  it('warns when the judgements are inconsistent (CR ≥ 0.1) or quantitative KPIs fall below 60%', async () => {
    // Intransitive judgements: KPI 1 ≫ KPI 2 ≫ KPI 3, yet KPI 3 ≫ KPI 1; every KPI but the first made qualitative.
    const judgements = role.judgements.map((row) => [...row]);
    judgements[0][0] = 9;
    judgements[1][0] = 9;
    judgements[0][1] = 1 / 9;
    const { bytes } = books.get(id)!;
    const model = readWorkbookModel(ZipArchive.read(bytes), nodeCodec);
    const part = (name: string) => model.sheets.find((s) => s.name === name)!.part;
    const zip = ZipArchive.read(bytes);
    const writes = new Map<string, { row: number; col: number; value: number | string }[]>([
      [part(S.ahp), judgements.flatMap((row, i) => row.map((value, d) => ({ row: L.ahp.first + i, col: 2 + i + 1 + d, value })))],
      [part(S.kpis), role.kpis.flatMap((_, j) => (j > 0 ? [{ row: L.kpis.row(j), col: KPI_COL.type, value: locale === 'en-US' ? 'qualitative' : '定性' }] : []))],
    ]);
    const patched = writeZip(
      zip.entries.map((e) => (writes.has(e.name) ? { name: e.name, data: patchSheetXml(zip.text(e.name, nodeCodec), { writes: writes.get(e.name)!, clear: [] }) } : { name: e.name, copy: e })),
      nodeCodec,
    );
    const json = toJson(await calcBytes(patched));
    const cr = consistencyRatio(fullMatrix(judgements));
    expect(cr).toBeGreaterThanOrEqual(0.1);
    expect(Math.abs((json[`${S.ahp}!B${L.ahp.cr}`] as number) - cr)).toBeLessThan(TOLERANCE);
    expect(json[`${S.ahp}!B${L.ahp.crCheck}`]).toMatch(/^⚠ CR ≥ 0.1/);
    expect(json[`${S.summary}!B${L.summary.metric.crCheck}`]).toMatch(/^⚠ CR ≥ 0.1/);
    const weights = finalWeights(role, judgements);
    role.people.forEach((person, i) => {
      expect(Math.abs((json[`${S.team}!${columnLetters(L.team.scoreCol)}${L.team.first + i}`] as number) - score(role, person.actuals, weights))).toBeLessThan(TOLERANCE);
    });
    expect(Math.abs((json[`${S.kpis}!B${L.kpis.quantShare}`] as number) - weights[0])).toBeLessThan(TOLERANCE);
    expect(weights[0]).toBeLessThan(0.6);
    expect(json[`${S.kpis}!B${L.kpis.quantCheck}`]).toMatch(/^⚠/);
    expect(json[`${S.summary}!B${L.summary.metric.quantCheck}`]).toMatch(/^⚠/);
  });
});

describe('role files (roles/*.json) are checked against their schema', () => {
  const broken = (change: (role: Record<string, any>) => void) => {
    const role = JSON.parse(JSON.stringify(accountManager));
    change(role);
    return () => parseRoleFile(role, 'roles/account-manager.json');
  };

  it('reads the shipped file', () => {
    expect(broken(() => undefined)().kpis.map((k) => k.code)).toEqual(['REV', 'NEW', 'AOV', 'CVR', 'CSAT', 'COMPLAINT', 'FEEDBACK', 'ROADMAP', 'VISITS']);
  });

  it('names the file and the path of what is wrong', () => {
    expect(broken((role) => (role.kpis[0].format = 'money'))).toThrow(/^roles\/account-manager\.json: kpis\.0\.format: /);
    expect(broken((role) => (role.kpis[5].flag.rule = 'scoring.complaints-5h'))).toThrow(/kpis\.5\.flag\.rule/);
    expect(broken((role) => (role.judgements.REV.NEW = '1/10'))).toThrow(/judgements\.REV\.NEW/);
    expect(broken((role) => (role.kpis[0].target = { quarterly: 5 }))).toThrow(/kpis\.0\.target/);
  });

  it('wants a judgement for every later AHP KPI and an actual for every KPI, keyed by code', () => {
    expect(broken((role) => delete role.judgements.REV.VISITS)).toThrow('judgements.REV: expected NEW, AOV, CVR, COMPLAINT, FEEDBACK, ROADMAP, VISITS, got NEW, AOV, CVR, COMPLAINT, FEEDBACK, ROADMAP');
    expect(broken((role) => delete role.people[2].actuals.AOV)).toThrow(/people\[2\]\.actuals: expected REV, NEW, AOV/);
  });

  it('reads Saaty fractions as written on paper: "1/2" is one half', () => {
    expect(parseRoleFile({ ...JSON.parse(JSON.stringify(accountManager)), judgements: { ...accountManager.judgements, ROADMAP: { VISITS: '1/2' } } }, 'x').judgements[6][0]).toBe(1 / 2);
  });
});
