/**
 * Every message a PERF error can carry, in en-US and zh-CN side by side. The engine raises an
 * error as a code, one of these texts and its parameters (engine/errors.ts); adapters render
 * it in the user's locale with `error.localized(locale)`. The en-US templates are the
 * engine's messages exactly as they have always read.
 *
 * Parameters: `name` is an argument name as the user sees it in the formula; `what` and
 * `where` are places (a name, or a phrase from glossary.ts PLACES such as "tiers, row 4");
 * `got` is the offending number; `value` a described value (a number, TRUE, or text "…").
 * Chinese follows the convention of the add-in's earlier translations: no space between an
 * argument name and the Chinese after it ("amount，第 3 行为空").
 */
import type { Text } from './text';

export const ERRORS = {
  // ---- Reading arguments (engine/grid.ts) ------------------------------------------------
  resultNaN: {
    'en-US': 'result is not a number (NaN): an intermediate value overflowed or is undefined',
    'zh-CN': '结果不是数字：某个中间值溢出或没有定义',
  },
  resultOverflowUp: { 'en-US': 'result is not a finite number (overflow to Infinity)', 'zh-CN': '结果不是有限数字（溢出为正无穷大）' },
  resultOverflowDown: { 'en-US': 'result is not a finite number (overflow to -Infinity)', 'zh-CN': '结果不是有限数字（溢出为负无穷大）' },
  rangeEmpty: { 'en-US': '{name}: the range is empty', 'zh-CN': '{name}：区域为空' },
  notFinite: { 'en-US': '{what} is not a finite number', 'zh-CN': '{what}不是有限数字' },
  numberBlank: { 'en-US': '{what} is blank; a number is required', 'zh-CN': '{what}为空；需要一个数字' },
  numberWrong: { 'en-US': '{what} is {value}; a number is required', 'zh-CN': '{what}是{value}；需要一个数字' },
  singleValue: { 'en-US': '{name}: expected a single value, got a {shape} range', 'zh-CN': '{name}：应为单个值，实际为 {shape} 区域' },
  textBlank: { 'en-US': '{name} is blank; text is required', 'zh-CN': '{name}为空；需要文本' },
  textRequired: { 'en-US': '{name} must be text', 'zh-CN': '{name}必须是文本' },
  choice: { 'en-US': '{name} must be one of {options}; got {value}', 'zh-CN': '{name}必须是以下之一：{options}；实际为{value}' },
  booleanRequired: { 'en-US': '{name} must be TRUE or FALSE; got {value}', 'zh-CN': '{name}必须是 TRUE 或 FALSE；实际为{value}' },
  vectorShape: { 'en-US': '{name} must be one row or one column; got a {shape} range', 'zh-CN': '{name}必须是一行或一列；实际为 {shape} 区域' },
  labelRequired: { 'en-US': '{what} is blank; a label is required', 'zh-CN': '{what}为空；需要一个标签' },
  ragged: { 'en-US': '{name}: rows have different lengths', 'zh-CN': '{name}：各行长度不一致' },
  columnCount: { 'en-US': '{name} must have {columns} columns; got {got}', 'zh-CN': '{name}必须有 {columns} 列；实际为 {got} 列' },
  ascendStrictly: {
    'en-US': '{where}: the first column must ascend strictly ({got} after {previous})',
    'zh-CN': '{where}：第一列必须严格递增（{previous} 之后是 {got}）',
  },
  rowsMismatch: { 'en-US': '{name} has {rows} rows but {other} has {otherRows}', 'zh-CN': '{name}有 {rows} 行，但 {other} 有 {otherRows} 行' },
  columnsMismatch: {
    'en-US': '{name} has {columns} columns but {other} has {otherColumns}',
    'zh-CN': '{name}有 {columns} 列，但 {other} 有 {otherColumns} 列',
  },
  itemsMismatch: { 'en-US': '{name} has {count} items but {other} has {otherCount}', 'zh-CN': '{name}有 {count} 项，但 {other} 有 {otherCount} 项' },
  itemsVsColumns: {
    'en-US': '{name} has {count} items but {other} has {columns} columns',
    'zh-CN': '{name}有 {count} 项，但 {other} 有 {columns} 列',
  },
  itemsVsRows: { 'en-US': '{name} has {count} items but {other} has {rows} rows', 'zh-CN': '{name}有 {count} 项，但 {other} 有 {rows} 行' },

  // ---- Domains shared by several functions ------------------------------------------------
  negative: { 'en-US': '{what} cannot be negative; got {got}', 'zh-CN': '{what}不能为负；实际为 {got}' },
  notPositive: { 'en-US': '{what} must be greater than 0; got {got}', 'zh-CN': '{what}必须大于 0；实际为 {got}' },
  notAboveMinusOne: { 'en-US': '{name} must be greater than -1; got {got}', 'zh-CN': '{name}必须大于 -1；实际为 {got}' },
  notFraction: { 'en-US': '{name} must be between 0 and 1; got {got}', 'zh-CN': '{name}必须介于 0 和 1 之间；实际为 {got}' },
  before: { 'en-US': '{later} ({laterValue}) is before {earlier} ({earlierValue})', 'zh-CN': '{later}（{laterValue}）早于 {earlier}（{earlierValue}）' },
  notGreater: { 'en-US': '{first} ({firstValue}) cannot be greater than {second} ({secondValue})', 'zh-CN': '{first}（{firstValue}）不能大于 {second}（{secondValue}）' },
  rateNegative: { 'en-US': '{where}: a rate cannot be negative; got {got}', 'zh-CN': '{where}：比例不能为负；实际为 {got}' },
  weightNegativeInRow: { 'en-US': '{where}: a weight cannot be negative; got {got}', 'zh-CN': '{where}：权重不能为负；实际为 {got}' },
  rowLabelBlank: { 'en-US': '{where}: the label is blank', 'zh-CN': '{where}：标签为空' },
  sumOverflow: {
    'en-US': '{name}: the sum is not a finite number (overflow); scale the values down',
    'zh-CN': '{name}：合计不是有限数字（溢出）；请把数值缩小',
  },

  // ---- Payouts ---------------------------------------------------------------------------
  firstThreshold: { 'en-US': '{where}: the first threshold must be 0; got {got}', 'zh-CN': '{where}：第一个门槛必须为 0；实际为 {got}' },

  // ---- Crediting, pools, targets and rebates (CREDIT, POOL, QUOTASPLIT, REBATE) -----------
  idNotText: {
    'en-US': '{where} must be an id (text or a number); got {value}',
    'zh-CN': '{where}必须是编号（文本或数字）；实际为{value}',
  },
  idRepeated: {
    'en-US': '{where}: "{id}" is already listed in row {row}; ids must be unique',
    'zh-CN': '{where}："{id}" 已在第 {row} 行列出；编号必须唯一',
  },
  idNotInPeople: { 'en-US': '{where}: "{id}" is not in people', 'zh-CN': '{where}："{id}" 不在 people 中' },
  managersCycle: {
    'en-US': '{where}: the reporting line runs in a circle ({cycle})',
    'zh-CN': '{where}：汇报关系形成了循环（{cycle}）',
  },
  poolFloorsExceed: {
    'en-US': 'floor: the floors need {need} in all, more than the pool {pool}',
    'zh-CN': 'floor：保底合计需要 {need}，超过奖金池 {pool}',
  },
  poolSharesZero: {
    'en-US': 'shares add up to 0, so the pool cannot be split in proportion',
    'zh-CN': 'shares合计为 0，无法按比例分配奖金池',
  },
  annualShape: {
    'en-US': 'annual must be a single value or one column (one row per region or person); got a {shape} range',
    'zh-CN': 'annual必须是单个值或一列（每个区域或人员一行）；实际为 {shape} 区域',
  },
  notMultiple: {
    'en-US': '{what} ({got}) is not a multiple of round_to ({step}), so the parts cannot add up to it',
    'zh-CN': '{what}（{got}）不是 round_to（{step}）的整数倍，各部分无法恰好合计为该值',
  },
  ladderShape: {
    'en-US': '{name} needs a header row of levels and a first column of thresholds (at least 2×2); got a {shape} range',
    'zh-CN': '{name}需要一行级别表头和一列各档起点（至少 2×2）；实际为 {shape} 区域',
  },
  levelRepeated: {
    'en-US': '{where}: the level "{level}" is already in column {column}',
    'zh-CN': '{where}：级别 "{level}" 已在第 {column} 列出现',
  },
  levelUnknown: {
    'en-US': '{where}: "{level}" is not a level of ladder ({levels})',
    'zh-CN': '{where}："{level}" 不是 ladder 中的级别（{levels}）',
  },

  // ---- Scoring ---------------------------------------------------------------------------
  direction: {
    'en-US': '{what} must be 1 (higher is better) or -1 (lower is better); got {got}',
    'zh-CN': '{what}必须是 1（越高越好）或 -1（越低越好）；实际为 {got}',
  },
  targetsShape: { 'en-US': 'targets must be 1×{k} or {m}×{k}; got {rows}×{columns}', 'zh-CN': 'targets必须是 1×{k} 或 {m}×{k}；实际为 {rows}×{columns}' },
  capBelowFloor: { 'en-US': 'cap ({cap}) is below floor ({floor})', 'zh-CN': 'cap（{cap}）低于 floor（{floor}）' },
  scoreNotFinite: { 'en-US': '{where}: the score is not a finite number', 'zh-CN': '{where}：得分不是有限数字' },
  bandsColumns: {
    'en-US': 'bands must have 2 columns (lower bound, label); got {got}',
    'zh-CN': 'bands必须有 2 列（下限、标签）；实际为 {got} 列',
  },
  bandsAscend: { 'en-US': '{where}: lower bounds must ascend strictly', 'zh-CN': '{where}：下限必须严格递增' },
  belowLowestBand: { 'en-US': 'attainment {got} is below the lowest band ({lowest})', 'zh-CN': '达成率 {got} 低于最低区间（{lowest}）' },
  weightsColumns: {
    'en-US': 'weights must have 2 columns (label, weight); got {got}',
    'zh-CN': 'weights必须有 2 列（标签、权重）；实际为 {got} 列',
  },
  groupWithoutWeight: { 'en-US': '{where}: "{label}" has no row in weights', 'zh-CN': '{where}："{label}" 在 weights 中没有对应行' },
  groupsWeightZero: { 'en-US': 'weights: the groups present all have weight 0', 'zh-CN': 'weights：出现的各组权重均为 0' },

  // ---- Weights ---------------------------------------------------------------------------
  weightsSumZero: { 'en-US': '{name}: the weights sum to 0', 'zh-CN': '{name}：权重合计为 0' },
  weightNegative: { 'en-US': '{where} is negative ({got}); weights cannot be negative', 'zh-CN': '{where}为负（{got}）；权重不能为负' },
  valuesSumZero: { 'en-US': 'values sum to 0', 'zh-CN': 'values合计为 0' },
  randomIndexRange: {
    'en-US': 'the random index is tabulated for 1 to {max} criteria; got {got}',
    'zh-CN': '随机一致性指标只列出 1 至 {max} 个指标的值；实际为 {got}',
  },
  comparisonNotPositive: {
    'en-US': '{where} is {got}; pairwise comparisons must be greater than 0',
    'zh-CN': '{where}为 {got}；两两比较值必须大于 0',
  },
  comparisonDiagonal: {
    'en-US': '{where} is {got}; the diagonal compares a criterion with itself and must be 1',
    'zh-CN': '{where}为 {got}；对角线是指标与自身的比较，必须为 1',
  },
  comparisonUpperBlank: {
    'en-US': '{where} is blank; fill the upper triangle (the diagonal and the lower triangle may be left blank)',
    'zh-CN': '{where}为空；请填写上三角（对角线和下三角可以留空）',
  },
  comparisonNotReciprocal: {
    'en-US': '{lowerAt} ({lower}) is not the reciprocal of {upperAt} ({upper}): their product is {product}; a_ij·a_ji must be 1 within 1%',
    'zh-CN': '{lowerAt}（{lower}）不是 {upperAt}（{upper}）的倒数：二者乘积为 {product}；a_ij·a_ji 必须在 1% 误差内等于 1',
  },
  matrixBlank: { 'en-US': '{name} is blank; a pairwise comparison matrix is required', 'zh-CN': '{name}为空；需要一个两两比较矩阵' },
  tooManyCriteria: { 'en-US': '{name} has {columns} columns; AHP compares at most {max} criteria', 'zh-CN': '{name}有 {columns} 列；AHP 最多比较 {max} 个指标' },
  matrixShape: {
    'en-US': "{name} must be n×n, or k experts' n×n matrices stacked (k·n rows × n columns); got a {shape} range",
    'zh-CN': '{name}必须是 n×n 矩阵，或 k 位专家的 n×n 矩阵上下堆叠（k·n 行 × n 列）；实际为 {shape} 区域',
  },
  eigenvectorDiverged: { 'en-US': '{name}: the principal eigenvector did not converge to 1e-12', 'zh-CN': '{name}：主特征向量未能收敛到 1e-12' },
  criterionDirection: {
    'en-US': '{what} must be 1 (benefit) or -1 (cost); got {got}',
    'zh-CN': '{what}必须是 1（效益型）或 -1（成本型）；实际为 {got}',
  },
  dataRows: { 'en-US': 'data needs at least 2 rows (alternatives); got {got}', 'zh-CN': 'data至少需要 2 行（备选方案）；实际为 {got} 行' },
  proportionNegative: { 'en-US': '{where} is negative ({got}); "proportion" needs values ≥ 0', 'zh-CN': '{where}为负（{got}）；"proportion" 要求数值 ≥ 0' },
  entropyConstant: {
    'en-US': 'data: every column is constant, so entropy cannot tell the criteria apart',
    'zh-CN': 'data：每一列都是常数，熵权法无法区分各指标',
  },
  criticConstant: {
    'en-US': 'data: every column is constant, so CRITIC cannot tell the criteria apart',
    'zh-CN': 'data：每一列都是常数，CRITIC 无法区分各指标',
  },
  criticUninformative: {
    'en-US': 'data: no criterion carries CRITIC information (a single varying column, or columns perfectly correlated)',
    'zh-CN': 'data：没有任何指标带有 CRITIC 信息（只有一列有变化，或各列完全相关）',
  },
  rankRange: {
    'en-US': '{where} is {got}; ranks must be whole numbers from 1 to {count} (the number of ranks)',
    'zh-CN': '{where}为 {got}；排名必须是 1 至 {count}（排名个数）之间的整数',
  },
  blendSumZero: {
    'en-US': 'subjective and objective: no criterion has weight in both, so the multiplicative blend sums to 0',
    'zh-CN': 'subjective 和 objective：没有任何指标在两者中都有权重，乘法组合的合计为 0',
  },
  blendShapes: {
    'en-US': 'objective has {count} items but subjective has {otherCount}; the shapes must match',
    'zh-CN': 'objective有 {count} 项，但 subjective 有 {otherCount} 项；形状必须一致',
  },

  // ---- Cost-benefit ----------------------------------------------------------------------
  discountedNotFinite: { 'en-US': '{where}: the discounted value is not a finite number', 'zh-CN': '{where}：折现值不是有限数字' },
  neverPaysBack: {
    'en-US': 'cashflows never pay back: the cumulative cash flow is still {cumulative} after the last period',
    'zh-CN': 'cashflows永远无法回本：最后一期之后累计现金流仍为 {cumulative}',
  },
  neverPaysBackDiscounted: {
    'en-US': 'cashflows never pay back: the cumulative discounted cash flow is still {cumulative} after the last period',
    'zh-CN': 'cashflows永远无法回本：最后一期之后累计折现现金流仍为 {cumulative}',
  },
  presentValueNotFinite: { 'en-US': '{name}: the present value is not a finite number', 'zh-CN': '{name}：现值不是有限数字' },
  costsPresentValueZero: { 'en-US': 'costs: the present value of the costs is 0', 'zh-CN': 'costs：成本的现值为 0' },
  costsPresentValueNegative: {
    'en-US': 'costs: the present value of the costs is negative ({got}); enter costs as positive amounts',
    'zh-CN': 'costs：成本的现值为负（{got}）；请以正数输入成本',
  },
  noBreakeven: {
    'en-US': 'unit_price ({price}) must be greater than unit_variable_cost ({cost}); no volume breaks even',
    'zh-CN': 'unit_price（{price}）必须大于 unit_variable_cost（{cost}）；任何销量都无法保本',
  },
  retentionTooHigh: {
    'en-US': 'retention ({retention}) must be less than 1 + discount ({limit}); the value would be infinite',
    'zh-CN': 'retention（{retention}）必须小于 1 + discount（{limit}）；否则价值为无穷大',
  },
  periodsWhole: { 'en-US': 'periods must be a positive whole number; got {got}', 'zh-CN': 'periods必须是正整数；实际为 {got}' },
  pointsTooFew: { 'en-US': 'inputs needs at least 2 points to form a segment', 'zh-CN': 'inputs至少需要 2 个点才能构成一段' },
  inputsAscend: {
    'en-US': '{where}: inputs must ascend strictly ({got} after {previous})',
    'zh-CN': '{where}：inputs 必须严格递增（{previous} 之后是 {got}）',
  },

  // ---- Allocation ------------------------------------------------------------------------
  curveParameter: { 'en-US': '{where}: {column} must be greater than 0; got {got}', 'zh-CN': '{where}：{column}必须大于 0；实际为 {got}' },
  budgetNotFinite: { 'en-US': 'budget must be a finite number ≥ 0; got {got}', 'zh-CN': 'budget必须是 ≥ 0 的有限数字；实际为 {got}' },
  boundsCrossed: { 'en-US': '{lowerAt} ({lower}) is above {upperAt} ({upper})', 'zh-CN': '{lowerAt}（{lower}）高于 {upperAt}（{upper}）' },
  minimumsOverBudget: { 'en-US': 'minimums add up to {sum}, more than the budget {budget}', 'zh-CN': 'minimums合计为 {sum}，超过预算 {budget}' },
  maximumsUnderBudget: { 'en-US': 'maximums add up to {sum}, less than the budget {budget}', 'zh-CN': 'maximums合计为 {sum}，低于预算 {budget}' },

  // ---- Channels --------------------------------------------------------------------------
  sharesSumZero: { 'en-US': '{name}: the values add up to 0, so there are no shares to rank', 'zh-CN': '{name}：数值合计为 0，无法按占比排序' },
  sharesTooLarge: { 'en-US': '{name}: the total is too large to compute shares', 'zh-CN': '{name}：合计过大，无法计算占比' },
  rulesColumns: { 'en-US': 'rules must have 2 columns (name, value); got {got}', 'zh-CN': 'rules必须有 2 列（名称、数值）；实际为 {got} 列' },
  ruleNameBlank: { 'en-US': '{where}: the rule name is blank', 'zh-CN': '{where}：规则名称为空' },
  ruleNameNotText: { 'en-US': '{where}: the rule name must be text; got {value}', 'zh-CN': '{where}：规则名称必须是文本；实际为 {value}' },
  ruleUnknown: { 'en-US': '{where}: unknown rule "{rule}"; expected one of {rules}', 'zh-CN': '{where}：未知规则 "{rule}"；应为以下之一：{rules}' },
  ruleRepeated: { 'en-US': '{where}: {rule} is already set in row {row}', 'zh-CN': '{where}：{rule} 已在第 {row} 行设置' },
  exitDeclineNegative: {
    'en-US': 'rules: exit_decline is the size of a drop (0.15 = 15% down) and cannot be negative; got {got}',
    'zh-CN': 'rules：exit_decline 是降幅（0.15 表示下降 15%），不能为负；实际为 {got}',
  },
  strategicShareRange: {
    'en-US': 'rules: strategic_share must be between 0 and 1; got {got}',
    'zh-CN': 'rules：strategic_share 必须介于 0 和 1 之间；实际为 {got}',
  },

  // ---- Benchmarks ------------------------------------------------------------------------
  percentileRange: { 'en-US': 'percentile must be between 0 and 100; got {got}', 'zh-CN': 'percentile必须介于 0 和 100 之间；实际为 {got}' },
  benchmarkWithheld: {
    'en-US': 'no published value for this benchmark (values are withheld until enough organizations contribute)',
    'zh-CN': '此基准没有已发布的数值（在足够多的组织提供数据之前，数值暂不公布）',
  },
  percentileOutside: {
    'en-US': 'percentile {got} is outside the published percentiles ({published})',
    'zh-CN': '百分位 {got} 超出已发布的百分位范围（{published}）',
  },

  // ---- Simulation ------------------------------------------------------------------------
  distributionBlank: { 'en-US': '{what} is blank; expected one of {options}', 'zh-CN': '{what}为空；应为以下之一：{options}' },
  distributionNotText: {
    'en-US': '{what} must be the name of a distribution ({options}); got {value}',
    'zh-CN': '{what}必须是分布名称（{options}）；实际为 {value}',
  },
  distributionUnknown: { 'en-US': '{what} must be one of {options}; got "{got}"', 'zh-CN': '{what}必须是以下之一：{options}；实际为 "{got}"' },
  parameterUnused: {
    'en-US': '{what} is not used by "{distribution}" ({roles}) and must be blank; got {value}',
    'zh-CN': '{what}不用于 "{distribution}"（{roles}），必须留空；实际为 {value}',
  },
  parameterRequired: { 'en-US': '{what} is required for "{distribution}"', 'zh-CN': '"{distribution}" 需要 {what}' },
  samplesOverflow: { 'en-US': '{what} is too large: the samples would overflow', 'zh-CN': '{what}过大：样本会溢出' },
  lognormalMean: {
    'en-US': '{what} must be greater than 0 for "lognormal"; got {got}',
    'zh-CN': '对于 "lognormal"，{what}必须大于 0；实际为 {got}',
  },
  lognormalOverflow: { 'en-US': '{sd} is too large for {mean}: the samples would overflow', 'zh-CN': '相对于 {mean}，{sd}过大：样本会溢出' },
  greaterThan: { 'en-US': '{first} ({firstValue}) is greater than {second} ({secondValue})', 'zh-CN': '{first}（{firstValue}）大于 {second}（{secondValue}）' },
  rangeTooWide: { 'en-US': '{from} to {to} is too wide a range', 'zh-CN': '{from} 至 {to} 的范围过宽' },
  modeOutside: {
    'en-US': '{mode} ({got}) must lie between {min} ({minValue}) and {max} ({maxValue})',
    'zh-CN': '{mode}（{got}）必须介于 {min}（{minValue}）和 {max}（{maxValue}）之间',
  },
  trialsRange: {
    'en-US': "trials must be a whole number from 1 to {max}; got {got} ({cap}: Excel limits a custom function's result to about 5 MB)",
    'zh-CN': 'trials必须是 1 至 {max} 之间的整数；实际为 {got}（{cap}：Excel 将自定义函数的结果限制在约 5 MB）',
  },
  trialsCapSamples: { 'en-US': 'at most {cells} samples per call', 'zh-CN': '每次调用最多 {cells} 个样本' },
  trialsCapCells: {
    'en-US': 'trials × {variables} variables may not exceed {cells} cells',
    'zh-CN': 'trials × {variables} 个变量不得超过 {cells} 个单元格',
  },
  trialsAtLeastOne: { 'en-US': 'trials must be a whole number of at least 1; got {got}', 'zh-CN': 'trials必须是不小于 1 的整数；实际为 {got}' },
  seedWhole: {
    'en-US': 'seed must be a whole number (at most 2^53 in size); got {got}',
    'zh-CN': 'seed必须是整数（绝对值不超过 2^53）；实际为 {got}',
  },
  correlationShape: {
    'en-US': 'correlation must be {k}×{k} (one row and one column per distribution); got {rows}×{columns}',
    'zh-CN': 'correlation必须是 {k}×{k}（每个分布一行一列）；实际为 {rows}×{columns}',
  },
  correlationRange: { 'en-US': '{where} must be between -1 and 1; got {got}', 'zh-CN': '{where}必须介于 -1 和 1 之间；实际为 {got}' },
  correlationDiagonal: { 'en-US': '{where} is on the diagonal and must be 1; got {got}', 'zh-CN': '{where}位于对角线上，必须为 1；实际为 {got}' },
  correlationAsymmetric: {
    'en-US': 'correlation must be symmetric: row {row}, column {column} is {value} but row {column}, column {row} is {mirror}',
    'zh-CN': 'correlation必须对称：第 {row} 行第 {column} 列为 {value}，而第 {column} 行第 {row} 列为 {mirror}',
  },
  correlationNotPsd: {
    'en-US': 'correlation is not positive semi-definite: these correlations cannot hold together',
    'zh-CN': 'correlation不是半正定矩阵：这些相关系数不可能同时成立',
  },
  distributionsColumns: {
    'en-US': 'distributions must have 4 columns (name, p1, p2, p3); got {got}',
    'zh-CN': 'distributions必须有 4 列（名称、p1、p2、p3）；实际为 {got} 列',
  },
  stdevTooFew: { 'en-US': 'samples: the sample standard deviation needs at least 2 values', 'zh-CN': 'samples：样本标准差至少需要 2 个数值' },
  meanOverflow: { 'en-US': 'samples: the mean overflows', 'zh-CN': 'samples：均值溢出' },
  stdevOverflow: { 'en-US': 'samples: the standard deviation overflows', 'zh-CN': 'samples：标准差溢出' },

  // ---- Explain (engine/explain) ----------------------------------------------------------
  explainElement: {
    'en-US': 'the element to explain must be a row and a column counted from 0; got row {row}, column {column}',
    'zh-CN': '要解释的元素必须是从 0 开始计数的行和列；实际为行 {row}、列 {column}',
  },
  explainOutside: {
    'en-US': 'PERF.{fn}: row {row}, column {column} is outside its {rows}×{columns} result',
    'zh-CN': 'PERF.{fn}：第 {row} 行第 {column} 列超出其 {rows}×{columns} 的结果',
  },
  explainNotNumber: {
    'en-US': 'PERF.{fn}: the result at row {row}, column {column} is not a number',
    'zh-CN': 'PERF.{fn}：第 {row} 行第 {column} 列的结果不是数字',
  },
  explainUnsupported: {
    'en-US': 'PERF.{fn} has no step-by-step explanation; supported: {supported}',
    'zh-CN': 'PERF.{fn} 没有逐步解释；支持：{supported}',
  },
  explainArity: { 'en-US': 'PERF.{fn} takes at most {max} arguments; got {got}', 'zh-CN': 'PERF.{fn} 最多接受 {max} 个参数；实际为 {got} 个' },

  // ---- Raised by adapters around the engine ----------------------------------------------
  /** An error value arriving as an argument (the cell shows it). */
  inputCellHolds: { 'en-US': 'an input cell holds {code}', 'zh-CN': '某个输入单元格的值为 {code}' },
  /** An error constant typed in the formula itself (=PERF.TIERED(#N/A, …)). */
  formulaHolds: { 'en-US': 'the formula holds {code}', 'zh-CN': '公式中含有 {code}' },
  serviceUnavailable: { 'en-US': 'service unavailable ({reason})', 'zh-CN': '服务不可用（{reason}）' },
  serviceNotAsked: { 'en-US': 'service unavailable (not asked yet)', 'zh-CN': '服务不可用（尚未请求）' },
  serviceNotConfigured: {
    'en-US': 'service unavailable (set PERFPLAN_API_URL to the PerfPlan API, e.g. http://localhost:7071/api)',
    'zh-CN': '服务不可用（请把 PERFPLAN_API_URL 设为 PerfPlan API 的地址，例如 http://localhost:7071/api）',
  },
  serviceNotInCalc: {
    'en-US': 'service unavailable (perfplan calc has no PerfPlan API configured)',
    'zh-CN': '服务不可用（perfplan calc 未配置 PerfPlan API）',
  },
  noBenchmark: { 'en-US': '{metric}: no benchmark', 'zh-CN': '{metric}：没有基准值' },
  unknownBenchmark: {
    'en-US': 'unknown metric "{metric}" for segment "{segment}"',
    'zh-CN': '分组 "{segment}" 中没有指标 "{metric}"',
  },
  unpublishedBenchmark: {
    'en-US': 'no published peer figures for "{metric}" in segment "{segment}"',
    'zh-CN': '分组 "{segment}" 中还没有公布 "{metric}" 的同业数据',
  },
  unexpected: { 'en-US': 'unexpected error: {detail}', 'zh-CN': '意外错误：{detail}' },
  /**
   * A message written outside PerfPlan (another formula engine's error, an HTTP reason),
   * passed on as it is: there is no Chinese for what we did not write.
   */
  external: { 'en-US': '{message}', 'zh-CN': '{message}' },
} as const satisfies Record<string, Text>;

export type ErrorKey = keyof typeof ERRORS;
