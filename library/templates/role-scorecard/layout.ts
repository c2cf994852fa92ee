/** Where everything of a role scorecard sits, shared by the sheet writers and the tests. */
import { columnLetters } from '../../../workbook/a1';
import { type RoleDefinition, STATUS_BANDS } from './definition';

export const a1 = (col: number, row: number) => `${columnLetters(col)}${row}`;
export const abs = (col: number, row: number) => `$${columnLetters(col)}$${row}`;

export type RoleLayout = ReturnType<typeof roleLayout>;

export function roleLayout(role: RoleDefinition) {
  const k = role.kpis.length;
  const m = role.people.length;
  const ahpKpis = role.kpis.map((kpi, j) => (kpi.pinned ? -1 : j)).filter((j) => j >= 0);
  const n = ahpKpis.length;
  const kpiFirst = 7;
  const kpiLast = kpiFirst + k - 1;
  const teamFirst = 7;
  const teamLast = teamFirst + m - 1;
  const scoreCol = 3 + k;
  const flagged = role.kpis.map((kpi, j) => (kpi.flag ? j : -1)).filter((j) => j >= 0);
  const summaryMetrics = ['average', 'totalPayout', 'totalTarget', 'payoutRate', 'green', 'amber', 'red', ...(flagged.length ? ['flags'] : []), 'cr', 'crCheck', 'quantShare', 'quantCheck'];
  return {
    k,
    m,
    n,
    /** For each AHP position, the KPI index. */
    ahpKpis,
    milestone: role.kpis.some((kpi) => typeof kpi.target !== 'number'),
    kpis: {
      first: kpiFirst,
      last: kpiLast,
      row: (j: number) => kpiFirst + j,
      weightTotal: kpiLast + 2,
      quantShare: kpiLast + 3,
      quantCheck: kpiLast + 4,
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
      first: teamFirst,
      last: teamLast,
      kpiCol: (j: number) => 3 + j,
      scoreCol,
      statusCol: scoreCol + 1,
      incentiveCol: scoreCol + 2,
      payoutCol: scoreCol + 3,
      /** One flag column per flagged KPI, after the payout. */
      flags: flagged.map((j, i) => ({ kpi: j, col: scoreCol + 4 + i })),
      /** One column's people rows, "D7:D12". */
      column: (col: number) => `${a1(col, teamFirst)}:${a1(col, teamLast)}`,
    },
    payout: { curveFirst: 7, curveLast: 6 + role.payout.curve.length, bandsFirst: 7, bandsLast: 6 + STATUS_BANDS.length },
    summary: {
      first: 2,
      last: 1 + m,
      metric: Object.fromEntries(summaryMetrics.map((name, i) => [name, m + 3 + i])) as Record<string, number>,
    },
  };
}
