/**
 * The words of "explain this cell" in en-US and zh-CN side by side: every step's label (a step
 * is `{ key, params }` plus its formula and amount, see engine/explain/steps.ts), the few
 * formulas that contain words, and the lines the CLI and the task pane put around the steps.
 *
 * Numbers arrive formatted ("20,000", "7%"): they are written the same in both languages.
 * Symbols (x, y, λ, λmax, CI, CR, RI, α, κ, s, r'(x), A·w) and KPI are the same in both too.
 */
import type { Text } from './text';

export const EXPLAIN = {
  // ---- How a step is printed ---------------------------------------------------------------
  /** "+ Tier 2 (20,000 to 50,000): 15,000 × 4% = 600" */
  line: { 'en-US': '{marker} {label}: {text}', 'zh-CN': '{marker} {label}：{text}' },
  /** Between a label and its formula where the pane lays them out apart. */
  separator: { 'en-US': ': ', 'zh-CN': '：' },

  // ---- TIERED ------------------------------------------------------------------------------
  'tiered.amount': { 'en-US': 'Amount', 'zh-CN': '金额' },
  'tiered.method.marginal': { 'en-US': 'Method (each slice at its own tier’s rate)', 'zh-CN': '方法（超额累进：每段按所在档的比例计算）' },
  'tiered.method.retro': { 'en-US': 'Method (the whole amount at the reached tier’s rate)', 'zh-CN': '方法（全额累进：全部金额按达到档的比例计算）' },
  'tiered.range.between': { 'en-US': '{from} to {to}', 'zh-CN': '{from} 至 {to}' },
  'tiered.range.above': { 'en-US': '{from} and above', 'zh-CN': '{from} 及以上' },
  'tiered.reached': { 'en-US': 'Reached tier {tier} ({range})', 'zh-CN': '达到第 {tier} 档（{range}）' },
  'tiered.slice': { 'en-US': 'Tier {tier} ({range})', 'zh-CN': '第 {tier} 档（{range}）' },
  'tiered.retro': { 'en-US': 'Whole amount at tier {tier}’s rate', 'zh-CN': '全部金额按第 {tier} 档的比例' },
  'tiered.result': { 'en-US': 'Commission', 'zh-CN': '提成' },

  // ---- REBATE (its tiers read as TIERED's) ---------------------------------------------------
  'rebate.level': { 'en-US': 'Level "{level}", its column in ladder', 'zh-CN': '级别 "{level}"，在 ladder 中的列号' },
  'rebate.result': { 'en-US': 'Rebate', 'zh-CN': '返利' },

  // ---- CREDIT ------------------------------------------------------------------------------
  'credit.dealCount': { 'en-US': 'Deal rows credited to "{id}" (people, row {row})', 'zh-CN': '归属于 "{id}" 的交易行数（people，第 {row} 行）' },
  'credit.deal': { 'en-US': 'Own deal, row {row}', 'zh-CN': '本人交易，第 {row} 行' },
  'credit.ownDeals': { 'en-US': 'Own deals ({count} rows)', 'zh-CN': '本人交易（{count} 行）' },
  'credit.noDeals': { 'en-US': 'No deals of their own', 'zh-CN': '本人没有交易' },
  'credit.rollUp': {
    'en-US': 'Roll-up from "{id}" and everyone reporting to them ({people} in all)',
    'zh-CN': '来自 "{id}" 及其全部下属的汇总（共 {people} 人）',
  },
  'credit.result': { 'en-US': 'Credit of "{id}"', 'zh-CN': '"{id}" 的业绩' },

  // ---- POOL --------------------------------------------------------------------------------
  'pool.pool': { 'en-US': 'Pool', 'zh-CN': '奖金池' },
  'pool.share': { 'en-US': 'Share of item {item}', 'zh-CN': '第 {item} 项的份额' },
  'pool.bounds': { 'en-US': 'Floor and cap', 'zh-CN': '保底与封顶' },
  'pool.capsShort': {
    'en-US': 'The caps add up to no more than the pool: everyone gets their cap',
    'zh-CN': '封顶合计不超过奖金池：每人按封顶发放',
  },
  'pool.leftover': { 'en-US': 'Left in the pool', 'zh-CN': '留在奖金池中' },
  'pool.lambda': {
    'en-US': 'λ = (pool − amounts held at a floor or a cap) / shares paid in proportion',
    'zh-CN': 'λ =（奖金池 − 按保底或封顶发放的金额）/ 按比例分配的份额合计',
  },
  'pool.noShare': { 'en-US': 'A share of 0 earns only the floor', 'zh-CN': '份额为 0，只发保底' },
  'pool.capHit': { 'en-US': 'λ × share is above the cap: the cap binds', 'zh-CN': 'λ × 份额超过封顶：按封顶发放' },
  'pool.floorHit': { 'en-US': 'λ × share is below the floor: the floor binds', 'zh-CN': 'λ × 份额低于保底：按保底发放' },
  'pool.proportional': { 'en-US': 'λ × share', 'zh-CN': 'λ × 份额' },
  'pool.atCap': { 'en-US': 'The cap', 'zh-CN': '封顶金额' },
  'pool.atFloor': { 'en-US': 'The floor', 'zh-CN': '保底金额' },
  'pool.result': { 'en-US': 'Share of the pool', 'zh-CN': '分得金额' },

  // ---- QUOTASPLIT --------------------------------------------------------------------------
  'quota.annual': { 'en-US': 'Annual target', 'zh-CN': '年度目标' },
  'quota.weight': { 'en-US': 'Weight share of period {period}', 'zh-CN': '第 {period} 期的权重占比' },
  'quota.exact': { 'en-US': 'Annual target × weight share', 'zh-CN': '年度目标 × 权重占比' },
  'quota.floor': { 'en-US': 'Rounded down to a multiple of {step}', 'zh-CN': '向下取整为 {step} 的整数倍' },
  'quota.extra': {
    'en-US': 'One more {step}: remainder {rank} of the {extras} largest',
    'zh-CN': '再加一个 {step}：余数排第 {rank} 位，在最大的 {extras} 个之内',
  },
  'quota.noExtra': {
    'en-US': 'No more {step}: remainder {rank}, only the {extras} largest get one',
    'zh-CN': '不再加 {step}：余数排第 {rank} 位，只有最大的 {extras} 个各加一个',
  },
  'quota.result': { 'en-US': 'Target for the period', 'zh-CN': '本期目标' },

  // ---- CURVE (and the curve part of PAYOUT) ------------------------------------------------
  'curve.x': { 'en-US': 'x', 'zh-CN': 'x' },
  'curve.mode.linear': { 'en-US': 'Mode (interpolate, clamped at both ends)', 'zh-CN': '模式（线性插值，两端取端点值）' },
  'curve.mode.lookup': { 'en-US': 'Mode (banded table)', 'zh-CN': '模式（查表，分段取值）' },
  'curve.belowFirstBand': { 'en-US': 'Below the first band', 'zh-CN': '低于第一个区间' },
  'curve.band': { 'en-US': 'Band {band} (last point at or below x)', 'zh-CN': '第 {band} 个区间（不超过 x 的最后一个点）' },
  'curve.bandY': { 'en-US': 'y of band {band}', 'zh-CN': '第 {band} 个区间的 y 值' },
  'curve.belowFirstPoint': { 'en-US': 'Below the first point (clamped)', 'zh-CN': '低于第一个点（取首点值）' },
  'curve.firstY': { 'en-US': 'y of the first point', 'zh-CN': '第一个点的 y 值' },
  'curve.atLastPoint': { 'en-US': 'At the last point', 'zh-CN': '位于最后一个点' },
  'curve.beyondLastPoint': { 'en-US': 'Beyond the last point (clamped)', 'zh-CN': '超过最后一个点（取末点值）' },
  'curve.lastY': { 'en-US': 'y of the last point', 'zh-CN': '最后一个点的 y 值' },
  'curve.segment': { 'en-US': 'Segment {segment} from {from} to {to}', 'zh-CN': '第 {segment} 段 {from} 至 {to}' },
  'curve.segmentStartY': { 'en-US': 'y at the start of segment {segment}', 'zh-CN': '第 {segment} 段起点的 y 值' },
  'curve.interpolation': { 'en-US': 'Linear interpolation along the segment', 'zh-CN': '段内线性插值' },
  'curve.result': { 'en-US': 'y', 'zh-CN': 'y 值' },

  // ---- PAYOUT ------------------------------------------------------------------------------
  'payout.attainment': { 'en-US': 'Attainment', 'zh-CN': '达成率' },
  'payout.target': { 'en-US': 'Target incentive', 'zh-CN': '目标奖金' },
  'payout.gateNotReached': { 'en-US': 'Gate not reached, nothing is paid', 'zh-CN': '未达到门槛，不发放' },
  'payout.belowGate': { 'en-US': 'Payout below the gate', 'zh-CN': '门槛以下的奖金' },
  'payout.gateDefaultPassed': { 'en-US': 'Gate (default 0) passed', 'zh-CN': '通过门槛（默认 0）' },
  'payout.gatePassed': { 'en-US': 'Gate passed', 'zh-CN': '通过门槛' },
  'payout.factor': { 'en-US': 'Payout factor from the curve', 'zh-CN': '曲线得出的奖金系数' },
  'payout.noCap': { 'en-US': 'No cap', 'zh-CN': '无上限' },
  'payout.capBinds': { 'en-US': 'Cap binds (the factor is capped)', 'zh-CN': '触及上限（系数封顶）' },
  'payout.capDoesNotBind': { 'en-US': 'Cap does not bind', 'zh-CN': '未触及上限' },
  'payout.amount': { 'en-US': 'Target incentive × payout factor', 'zh-CN': '目标奖金 × 奖金系数' },
  'payout.result': { 'en-US': 'Payout', 'zh-CN': '奖金' },

  // ---- SCORECARD ---------------------------------------------------------------------------
  'scorecard.person': { 'en-US': 'Person in row {row}', 'zh-CN': '第 {row} 行人员' },
  'scorecard.floor': { 'en-US': 'Attainment floor per KPI (no cap)', 'zh-CN': '每项 KPI 达成率下限（无上限）' },
  'scorecard.floorAndCap': { 'en-US': 'Attainment floor and cap per KPI', 'zh-CN': '每项 KPI 达成率的下限与上限' },
  'scorecard.weightsNormalized': { 'en-US': 'Weights normalized to sum to 1', 'zh-CN': '权重归一化（合计为 1）' },
  'scorecard.attainment': { 'en-US': 'KPI {kpi} attainment ({direction})', 'zh-CN': 'KPI {kpi} 达成率（{direction}）' },
  'scorecard.higherIsBetter': { 'en-US': 'higher is better', 'zh-CN': '越高越好' },
  'scorecard.lowerIsBetter': { 'en-US': 'lower is better', 'zh-CN': '越低越好' },
  'scorecard.capped': { 'en-US': 'KPI {kpi} capped', 'zh-CN': 'KPI {kpi} 封顶' },
  'scorecard.floored': { 'en-US': 'KPI {kpi} raised to the floor', 'zh-CN': 'KPI {kpi} 保底' },
  'scorecard.contribution': { 'en-US': 'KPI {kpi} contribution', 'zh-CN': 'KPI {kpi} 贡献' },
  'scorecard.result': { 'en-US': 'Score', 'zh-CN': '得分' },

  // ---- AHP ---------------------------------------------------------------------------------
  'ahp.criterion': { 'en-US': 'Criterion {criterion} of {n}', 'zh-CN': '第 {criterion} 个指标（共 {n} 个）' },
  'ahp.experts': {
    'en-US': '{k} experts aggregated by element-wise geometric mean (AIJ)',
    'zh-CN': '{k} 位专家的判断矩阵按元素几何平均聚合（AIJ）',
  },
  'ahp.aggregated': { 'en-US': 'Aggregated comparison a[{row},{column}]', 'zh-CN': '聚合后的比较值 a[{row},{column}]' },
  'ahp.rowGeomean': { 'en-US': 'Row {row} geometric mean', 'zh-CN': '第 {row} 行几何平均' },
  'ahp.geomeanSum': { 'en-US': 'Sum of the row geometric means', 'zh-CN': '各行几何平均之和' },
  'ahp.geomeanWeight': { 'en-US': 'Weight = row geometric mean / sum', 'zh-CN': '权重 = 行几何平均 / 总和' },
  'ahp.eigenvector': {
    'en-US': 'Principal eigenvector w by power iteration from the geometric means (to 1e-12)',
    'zh-CN': '从几何平均出发用幂法求主特征向量 w（收敛至 1e-12）',
  },
  'ahp.rowTimesW': { 'en-US': '(A·w) for row {row}', 'zh-CN': '第 {row} 行的 (A·w)' },
  'ahp.eigenWeight': {
    'en-US': 'Weight = (A·w)ᵢ / λmax (the eigenvector component, normalized to sum 1)',
    'zh-CN': '权重 = (A·w)ᵢ / λmax（主特征向量分量，归一化后合计为 1）',
  },
  'ahp.lambdaMax': { 'en-US': 'Largest eigenvalue λmax = Σ(A·w)', 'zh-CN': '最大特征值 λmax = Σ(A·w)' },
  'ahp.alwaysConsistent': { 'en-US': 'Consistency ratio (n ≤ 2 is always consistent)', 'zh-CN': '一致性比率（n ≤ 2 时总是一致）' },
  'ahp.ci': { 'en-US': 'Consistency index CI = (λmax − n) / (n − 1)', 'zh-CN': '一致性指标 CI = (λmax − n) / (n − 1)' },
  'ahp.cr': {
    'en-US': 'Consistency ratio CR = CI / RI({n}) (below 0.1 is usually acceptable)',
    'zh-CN': '一致性比率 CR = CI / RI({n})（小于 0.1 通常可接受）',
  },
  'ahp.result': { 'en-US': 'Weight of criterion {criterion} ({method})', 'zh-CN': '第 {criterion} 个指标的权重（{method}）' },

  // ---- PAYBACK -----------------------------------------------------------------------------
  'payback.rate': { 'en-US': 'Discount rate per period', 'zh-CN': '每期折现率' },
  'payback.cumulative': { 'en-US': 'cumulative cash flow', 'zh-CN': '累计现金流' },
  'payback.cumulativeDiscounted': { 'en-US': 'cumulative discounted cash flow', 'zh-CN': '累计折现现金流' },
  'payback.start': { 'en-US': 'Period 0, {cumulative}', 'zh-CN': '第 0 期{cumulative}' },
  'payback.paidAtStart': { 'en-US': 'Already paid back at t = 0', 'zh-CN': '第 0 期即已回本' },
  'payback.notYet': { 'en-US': 'Period {t}, {cumulative} (not yet paid back)', 'zh-CN': '第 {t} 期{cumulative}（尚未回本）' },
  'payback.turns': { 'en-US': 'Period {t}, {cumulative} turns non-negative', 'zh-CN': '第 {t} 期{cumulative}转为非负' },
  'payback.whole': { 'en-US': 'Whole periods before period {t}', 'zh-CN': '第 {t} 期之前的完整期数' },
  'payback.fraction': {
    'en-US': 'Fraction of period {t} (still unrecovered / that period’s cash flow)',
    'zh-CN': '第 {t} 期的比例（尚未回收金额 / 当期现金流）',
  },
  'payback.fractionDiscounted': {
    'en-US': 'Fraction of period {t} (still unrecovered / that period’s discounted cash flow)',
    'zh-CN': '第 {t} 期的比例（尚未回收金额 / 当期折现现金流）',
  },
  'payback.result': { 'en-US': 'Payback period', 'zh-CN': '回收期' },

  // ---- ALLOCATE ----------------------------------------------------------------------------
  'allocate.budget': { 'en-US': 'Budget', 'zh-CN': '预算' },
  'allocate.channel': { 'en-US': 'Channel {channel} of {k}', 'zh-CN': '第 {channel} 个渠道（共 {k} 个）' },
  'allocate.bounds': { 'en-US': 'Bounds of channel {channel}', 'zh-CN': '第 {channel} 个渠道的投放上下限' },
  'allocate.inflection': {
    'en-US': 'Inflection point of the S-shaped curve (s > 1; convex below it, concave above it)',
    'zh-CN': 'S 型曲线的拐点（s > 1；拐点以下为凸、以上为凹）',
  },
  'allocate.minimum': { 'en-US': 'Minimum spend', 'zh-CN': '最低投放' },
  'allocate.nothing': { 'en-US': 'Nothing allocated (held at its minimum 0)', 'zh-CN': '未分配（保持最低投放 0）' },
  'allocate.rounding': { 'en-US': 'Rounding above the minimum', 'zh-CN': '超出最低投放的舍入差' },
  'allocate.aboveMinimumToMaximum': { 'en-US': 'Spend above the minimum, up to the maximum', 'zh-CN': '超出最低投放、直至上限的投放' },
  'allocate.toMaximum': { 'en-US': 'Spend up to its maximum', 'zh-CN': '投放至上限' },
  'allocate.aboveMinimumAtLambda': {
    'en-US': 'Spend above the minimum, where its marginal return equals λ',
    'zh-CN': '超出最低投放的部分（边际回报等于 λ 处）',
  },
  'allocate.atLambda': { 'en-US': 'Spend where its marginal return equals λ', 'zh-CN': '投放至边际回报等于 λ 处' },
  'allocate.response': { 'en-US': 'Response r(x) = α·x^s / (κ^s + x^s)', 'zh-CN': '响应 r(x) = α·x^s / (κ^s + x^s)' },
  'allocate.marginal': { 'en-US': "Marginal return r'(x)", 'zh-CN': "边际回报 r'(x)" },
  'allocate.lambda': {
    'en-US': 'Common marginal return λ of the channels inside their bounds',
    'zh-CN': '处于上下限之间的渠道的共同边际回报 λ',
  },
  'allocate.lowerBound': {
    'en-US': 'Lower bound hit (another unit here would return less than elsewhere)',
    'zh-CN': '触及下限（在此多投放的回报低于其他渠道）',
  },
  'allocate.upperBound': { 'en-US': 'Upper bound hit (it would take more if allowed)', 'zh-CN': '触及上限（若允许会继续增加投放）' },
  'allocate.inside': { 'en-US': 'Inside its bounds (marginal return equals λ)', 'zh-CN': '处于上下限之间（边际回报等于 λ）' },
  'allocate.total': { 'en-US': 'All channels together spend the budget', 'zh-CN': '所有渠道合计等于预算' },
  'allocate.result': { 'en-US': 'Spend of channel {channel}', 'zh-CN': '第 {channel} 个渠道的投放' },

  // ---- Formulas with words -----------------------------------------------------------------
  'formula.none': { 'en-US': 'none', 'zh-CN': '无' },
  'formula.kpiCount': { 'en-US': 'k = {k} KPIs', 'zh-CN': 'k = {k} 项 KPI' },
  'formula.floor': { 'en-US': 'attainment ≥ {floor}', 'zh-CN': '达成率 ≥ {floor}' },
  'formula.floorAndCap': { 'en-US': '{floor} ≤ attainment ≤ {cap}', 'zh-CN': '{floor} ≤ 达成率 ≤ {cap}' },
  'formula.mean': { 'en-US': 'mean({values})', 'zh-CN': '平均({values})' },

  // ---- Around the steps (perfplan explain, the task pane) ----------------------------------
  /** Where a cell sits in the array its anchor spilled: "row 2", "column 3", "row 2, column 3". */
  'position.row': { 'en-US': 'row {row}', 'zh-CN': '第 {row} 行' },
  'position.column': { 'en-US': 'column {column}', 'zh-CN': '第 {column} 列' },
  'position.cell': { 'en-US': 'row {row}, column {column}', 'zh-CN': '第 {row} 行第 {column} 列' },
  'cell.spilled': { 'en-US': ' ({position} of the array spilled from {anchor})', 'zh-CN': '（{anchor} 溢出数组的{position}）' },
  'cell.differs': {
    'en-US': 'note: the cell shows {value}, which differs from this explanation',
    'zh-CN': '注意：单元格显示 {value}，与此说明不一致',
  },
  /** An error the function gives for the explained element: "#NUM! amount cannot be negative; got -5". */
  'cell.error': { 'en-US': '{code} {message}', 'zh-CN': '{code} {message}' },
} as const satisfies Record<string, Text>;

export type ExplainKey = keyof typeof EXPLAIN;
