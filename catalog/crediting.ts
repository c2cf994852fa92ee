/**
 * Crediting, pools, targets and rebates (业绩归属、奖金池、目标分解、返利; catalog v2): catalog
 * entries (see types.ts for what each field feeds).
 */
import { credit } from '../engine/crediting';
import { TIER_METHODS } from '../engine/payouts';
import { pool } from '../engine/pool';
import { quotasplit } from '../engine/quotas';
import { rebate } from '../engine/rebates';
import { broadcast, columnAlong, sameAs, splitOver } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const CREDITING: CatalogFunction[] = [
  {
    id: 'CREDIT',
    category: 'crediting',
    description: {
      'en-US': 'Credits deals to people (split deals listed once per person) and rolls credit up to managers.',
      'zh-CN': '把交易业绩归属到人（分单的交易每人列一行），并按汇报关系向上汇总给经理。',
    },
    parameters: [
      range('people', { 'en-US': 'n×1 unique person ids (text or numbers).', 'zh-CN': 'n×1 人员编号（文本或数字），不得重复。' }),
      range('deal_people', { 'en-US': 'The person credited on each deal row.', 'zh-CN': '每一行交易归属的人员编号。' }),
      range('amounts', { 'en-US': 'Amount of each deal row (negative = a return).', 'zh-CN': '每一行交易的金额（负数 = 退货）。' }),
      optional(range('shares', { 'en-US': 'Share of the deal credited on each row, 0..1 (blank = 1).', 'zh-CN': '每一行归属的交易比例，0..1（留空 = 1）。' })),
      optional(
        range('managers', {
          'en-US': "Each person's manager id, aligned with people (blank = none): credit rolls up.",
          'zh-CN': '与 people 对齐的每人上级编号（留空 = 无上级）：业绩逐级向上汇总。',
        }),
      ),
    ],
    result: { kind: 'range', shape: columnAlong(0) },
    call: credit,
    explain: 'explainCredit',
    readme: { example: '=PERF.CREDIT(A2:A40, Deals!B2:B5000, Deals!C2:C5000, Deals!D2:D5000, B2:B40)', result: 'credit per person, rolled up to managers' },
  },
  {
    id: 'POOL',
    category: 'crediting',
    description: {
      'en-US': 'Splits a bonus pool in proportion to shares, within caps and floors.',
      'zh-CN': '按份额比例分配共享奖金池，受封顶和保底约束。',
    },
    parameters: [
      value('pool', { 'en-US': 'The pool to split, not negative.', 'zh-CN': '要分配的奖金池，不得为负。' }),
      range('shares', { 'en-US': 'Shares (≥ 0), e.g. score × base salary.', 'zh-CN': '份额（≥ 0），例如得分 × 基本工资。' }),
      optional(range('cap', { 'en-US': 'Cap: one number or one per person (blank = none).', 'zh-CN': '封顶：一个数或每人一个（留空 = 不封顶）。' })),
      optional(range('floor', { 'en-US': 'Floor: one number or one per person (blank = 0).', 'zh-CN': '保底：一个数或每人一个（留空 = 0）。' })),
    ],
    result: { kind: 'range', shape: sameAs(1) },
    call: pool,
    explain: 'explainPool',
    readme: { example: '=PERF.POOL(500000, D2:D60, 30000)', result: 'bonus pool by share, capped excess to the others' },
  },
  {
    id: 'QUOTASPLIT',
    category: 'crediting',
    description: {
      'en-US': 'Splits annual targets over periods by seasonality weights; with round_to the parts add up exactly.',
      'zh-CN': '按季节性权重把年度目标分解到各期；指定 round_to 时各期恰好合计为年度目标。',
    },
    parameters: [
      range('annual', { 'en-US': 'Annual target, or n×1 targets (one row per region or person).', 'zh-CN': '年度目标，或 n×1 的多个目标（每个区域或人员一行）。' }),
      range('weights', { 'en-US': 'Seasonality weights per period (≥ 0), e.g. 1×12.', 'zh-CN': '各期的季节性权重（≥ 0），例如 1×12。' }),
      optional(value('round_to', { 'en-US': 'Round every part to a multiple of this (blank = no rounding).', 'zh-CN': '各期取整到此数的整数倍（留空 = 不取整）。' })),
    ],
    result: { kind: 'range', shape: splitOver(0, 1) },
    call: quotasplit,
    explain: 'explainQuotasplit',
    readme: { example: '=PERF.QUOTASPLIT(B2:B9, Season!B1:M1, 1000)', result: 'targets by period, adding up exactly' },
  },
  {
    id: 'REBATE',
    category: 'crediting',
    description: {
      'en-US': 'Dealer rebate on a ladder of thresholds with one column of rates per channel level.',
      'zh-CN': '按渠道级别（总代/分销/零售…）的分档返利比例计算经销商返利。',
    },
    parameters: [
      range('amount', { 'en-US': 'Volumes (a cell or a range), not negative.', 'zh-CN': '进货额（单元格或区域），不得为负。' }),
      range('ladder', {
        'en-US': 'Header row: level names from the second cell; first column: thresholds from 0; body: rates.',
        'zh-CN': '首行从第二格起为级别名称；首列从第二格起为各档起点（从 0 开始严格递增）；其余为返利比例。',
      }),
      range('level', { 'en-US': 'Level of each amount, or one for all.', 'zh-CN': '每个金额对应的级别，或所有金额共用一个级别。' }),
      optional(
        choice('method', TIER_METHODS, {
          'en-US': '"retro" (default, whole amount at the reached rate) or "marginal" (each slice at its rate).',
          'zh-CN': '"追溯"（默认，全额累进：全部金额按达到的最高档比例）或 "边际"（超额累进：每段金额按所在档比例）；也可写 "retro"、"marginal"。',
        }),
      ),
    ],
    result: { kind: 'range', shape: broadcast(0, 2) },
    call: rebate,
    explain: 'explainRebate',
    readme: { example: '=PERF.REBATE(C2:C80, Ladder!A1:D6, B2:B80)', result: 'dealer rebate by channel level (retro or `"marginal"`)' },
  },
];
