/** Where everything of a role scorecard sits, in one language: shared by the sheet writers and the tests. */
import { columnLetters } from '../../../workbook/a1';
import { CNY, type TableLayout, type Words, nonNegative, peopleTable, t } from '../../kit';
import { targetsLayout } from '../../kit/targets';
import { type RoleDefinition, STATUS_BANDS } from './definition';

export const a1 = (col: number, row: number) => `${columnLetters(col)}${row}`;
export const abs = (col: number, row: number) => `$${columnLetters(col)}$${row}`;

export const SHEETS = { kpis: t('KPIs', '指标'), ahp: t('AHP', '层次分析'), team: t('Team', '团队'), payout: t('Payout', '奖金'), summary: t('Summary', '汇总') };

/** The KPIs sheet's columns. */
export const KPI_COL = { name: 1, code: 2, unit: 3, type: 4, direction: 5, kind: 6, base: 7, target: 8, pinned: 9, ahp: 10, weight: 11, flagWhen: 12, threshold: 13, source: 14 } as const;

export type RoleLayout = ReturnType<typeof roleLayout>;

export function roleLayout(role: RoleDefinition, w: Words) {
  const k = role.kpis.length;
  const m = role.people.length;
  const ahpKpis = role.kpis.map((kpi, j) => (kpi.pinned ? -1 : j)).filter((j) => j >= 0);
  const n = ahpKpis.length;
  const sheet = Object.fromEntries(Object.entries(SHEETS).map(([key, v]) => [key, w.say(v)])) as Record<keyof typeof SHEETS, string>;
  const kpiFirst = 7;
  const kpiLast = kpiFirst + k - 1;

  type Column = string;
  const header = (code: string, name: { 'en-US': string; 'zh-CN': string }) => t(`${code} ${name['en-US']}`, `${code} ${name['zh-CN']}`);
  const people: TableLayout<Column> = peopleTable<Column>(
    {
      sheet: sheet.team,
      at: 'A7',
      rows: m,
      columns: [
        { key: 'position', name: t('Position', '职位') },
        ...role.kpis.map((kpi) => ({ key: kpi.code, name: header(kpi.code, kpi.name), format: kpi.format, validation: nonNegative })),
        ...role.bonus.map((bonus) => ({ key: `bonus:${bonus.code}`, name: header(bonus.code, bonus.name), format: '0', validation: nonNegative })),
        { key: 'incentive', name: t('Target incentive', '目标奖金'), format: CNY, validation: nonNegative },
      ],
    },
    w.locale,
  );
  const kpiCol = (j: number) => people.column(role.kpis[j].code);
  let next = people.next;
  const scoreCol = next++;
  const bonusCol = role.bonus.length ? next++ : undefined;
  const finalCol = role.bonus.length ? next++ : scoreCol;
  const statusCol = next++;
  const payoutCol = next++;
  const flagged = role.kpis.map((kpi, j) => (kpi.flag ? j : -1)).filter((j) => j >= 0);
  const flags = flagged.map((j, i) => ({ kpi: j, col: payoutCol + 1 + i }));
  const summaryMetrics = ['average', 'totalPayout', 'totalTarget', 'payoutRate', 'green', 'amber', 'red', ...(flagged.length ? ['flags'] : []), 'cr', 'crCheck', 'quantShare', 'quantCheck'];
  const summaryFirst = 3;
  return {
    ...w,
    k,
    m,
    n,
    sheet,
    targets: targetsLayout(w),
    /** For each AHP position, the KPI index. */
    ahpKpis,
    kpis: {
      first: kpiFirst,
      last: kpiLast,
      row: (j: number) => kpiFirst + j,
      weightTotal: kpiLast + 2,
      quantShare: kpiLast + 3,
      quantCheck: kpiLast + 4,
      bonusFirst: kpiLast + 7,
    },
    ahp: {
      first: 5,
      last: 4 + n,
      weightCol: 2 + n + 1,
      cr: 6 + n,
      crCheck: 7 + n,
      /** The upper-triangle matrix PERF.AHP reads, "$B$5:$F$9". */
      matrix: `$B$5:${abs(1 + n, 4 + n)}`,
    },
    team: {
      people,
      first: people.firstRow,
      last: people.lastRow,
      /** The reference rows above the table: targets, directions, weights. */
      reference: { target: 3, direction: 4, weight: 5 },
      kpiCol,
      scoreCol,
      bonusCol,
      finalCol,
      statusCol,
      payoutCol,
      /** One flag column per flagged KPI, after the payout. */
      flags,
      /** A result spill, from any sheet: Team!K8#. */
      spill: (col: number) => people.spill(col),
      lastCol: payoutCol + flags.length,
    },
    payout: { curveFirst: 8, curveLast: 7 + role.payout.curve.length, bandsFirst: 8, bandsLast: 7 + STATUS_BANDS.length },
    /** The team's metrics first, then one line per person: room below for the team to grow. */
    summary: {
      metric: Object.fromEntries(summaryMetrics.map((name, i) => [name, summaryFirst + i])) as Record<string, number>,
      header: summaryFirst + summaryMetrics.length + 1,
      first: summaryFirst + summaryMetrics.length + 2,
      last: summaryFirst + summaryMetrics.length + 1 + m,
    },
  };
}
