/** Payouts (激励): catalog entries (see types.ts for what each field feeds). */
import * as engine from '../engine/payouts';
import { broadcast, sameAs } from './shapes';
import { CatalogFunction, choice, optional, range, value } from './types';

export const PAYOUTS: CatalogFunction[] = [
  {
    id: 'TIERED',
    category: 'payouts',
    description: { 'en-US': 'Tiered commission on an amount.', 'zh-CN': '按阶梯计算提成。' },
    parameters: [
      range('amount', { 'en-US': 'Amounts (a cell or a range), not negative.', 'zh-CN': '金额（单元格或区域），不得为负。' }),
      range('tiers', { 'en-US': 'Two columns: threshold (ascending, first 0) and rate.', 'zh-CN': '两列：起点（递增，第一个为 0）和提成比例。' }),
      optional(
        choice('method', engine.TIER_METHODS, {
          'en-US': '"marginal" (default, each slice at its rate) or "retro" (whole amount at the reached rate).',
          'zh-CN': '"边际"（默认，超额累进：每段金额按所在档的比例计提）或 "追溯"（全部金额按达到的最高档比例计提）；也可写 "marginal"、"retro"。',
        }),
      ),
    ],
    result: { kind: 'range', shape: broadcast(0) },
    call: engine.tiered,
    explain: 'explainTiered',
    readme: { example: '=PERF.TIERED(B2:B200, Tiers!A2:B7)', result: 'tiered commission (marginal or `"retro"`)' },
  },
  {
    id: 'PAYOUT',
    category: 'payouts',
    description: { 'en-US': 'Incentive payout on a payout curve with gate and cap.', 'zh-CN': '按奖金曲线计算奖金，支持门槛和封顶。' },
    parameters: [
      range('attainment', { 'en-US': 'Attainment values (a cell or a range).', 'zh-CN': '达成率（单元格或区域）。' }),
      range('curve', { 'en-US': 'Two columns: attainment (ascending) and payout factor.', 'zh-CN': '两列：达成率（递增）和奖金系数。' }),
      range('target_incentive', { 'en-US': 'Target incentive amount.', 'zh-CN': '目标奖金。' }),
      optional(range('gate', { 'en-US': 'Attainment below which nothing is paid (default 0).', 'zh-CN': '门槛：达成率低于此值时不发放（默认 0）。' })),
      optional(range('cap', { 'en-US': 'Maximum payout factor (blank = none).', 'zh-CN': '奖金系数上限（封顶；留空 = 不封顶）。' })),
    ],
    result: { kind: 'range', shape: broadcast(0, 2, 3, 4) },
    call: engine.payout,
    explain: 'explainPayout',
    readme: { example: '=PERF.PAYOUT(G2:G50, Curve!A2:B6, 20000, 0.8, 2)', result: 'payout on a curve' },
  },
  {
    id: 'SPLIT',
    category: 'payouts',
    description: { 'en-US': 'Splits a bonus between team and individual performance.', 'zh-CN': '按团队绩效和个人绩效拆分奖金。' },
    parameters: [
      range('team_score', { 'en-US': 'Team score or attainment.', 'zh-CN': '团队得分或达成率。' }),
      range('individual_score', { 'en-US': 'Individual score or attainment.', 'zh-CN': '个人得分或达成率。' }),
      range('team_weight', { 'en-US': 'Team weight, 0..1.', 'zh-CN': '团队权重，0..1。' }),
      range('amount', { 'en-US': 'Bonus amount.', 'zh-CN': '奖金金额。' }),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.split,
    readme: { example: '=PERF.SPLIT(C2:C50, D2:D50, 0.7, E2:E50)', result: 'team/individual split' },
  },
  {
    id: 'PROFITSHARE',
    category: 'payouts',
    description: { 'en-US': 'Excess-profit share.', 'zh-CN': '超额利润分享。' },
    parameters: [
      range('actual', { 'en-US': 'Actual profit.', 'zh-CN': '实际利润。' }),
      range('target', { 'en-US': 'Target profit.', 'zh-CN': '目标利润。' }),
      range('rate', { 'en-US': 'Share of the excess, not negative.', 'zh-CN': '超额部分的分享比例，不得为负。' }),
      optional(range('cap', { 'en-US': 'Maximum share (blank = none).', 'zh-CN': '分享金额上限（封顶；留空 = 不封顶）。' })),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3) },
    call: engine.profitshare,
    readme: { example: '=PERF.PROFITSHARE(B2, C2, 0.1)', result: 'excess-profit share' },
  },
  {
    id: 'PRORATE',
    category: 'payouts',
    description: { 'en-US': 'Prorates an amount by days in role within a period (days inclusive).', 'zh-CN': '按期间内的在岗天数折算金额（按天折算，首尾两天均计入）。' },
    parameters: [
      range('amount', { 'en-US': 'Full-period amount.', 'zh-CN': '全期金额。' }),
      range('start', { 'en-US': 'Start date in role (blank = before the period).', 'zh-CN': '任职开始日期（留空 = 期间开始前已在岗）。' }),
      range('end', { 'en-US': 'End date in role (blank = still in role).', 'zh-CN': '任职结束日期（留空 = 仍在岗）。' }),
      range('period_start', { 'en-US': 'First day of the period.', 'zh-CN': '期间第一天。' }),
      range('period_end', { 'en-US': 'Last day of the period.', 'zh-CN': '期间最后一天。' }),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3, 4) },
    call: engine.prorate,
    readme: { example: '=PERF.PRORATE(E2:E50, F2:F50, G2:G50, $J$1, $J$2)', result: 'prorated by days in role' },
  },
  {
    id: 'CLAWBACK',
    category: 'payouts',
    description: { 'en-US': 'Commission clawback when a deal is cancelled within the window.', 'zh-CN': '订单在追回期内取消时，追回已发放的提成。' },
    parameters: [
      range('commission', { 'en-US': 'Commission paid.', 'zh-CN': '已发放的提成。' }),
      range('paid_date', { 'en-US': 'Date the commission was paid.', 'zh-CN': '提成发放日期。' }),
      range('cancel_date', { 'en-US': 'Date the deal was cancelled (blank = not cancelled).', 'zh-CN': '订单取消日期（留空 = 未取消）。' }),
      range('window_days', { 'en-US': 'Clawback window in days.', 'zh-CN': '追回期天数。' }),
      optional(range('portion', { 'en-US': 'Share clawed back, 0..1 (default 1).', 'zh-CN': '追回比例，0..1（默认 1）。' })),
    ],
    result: { kind: 'range', shape: broadcast(0, 1, 2, 3, 4) },
    call: engine.clawback,
    readme: { example: '=PERF.CLAWBACK(E2:E50, F2:F50, G2:G50, 90)', result: 'clawbacks (negative)' },
  },
  {
    id: 'DRAW',
    category: 'payouts',
    description: { 'en-US': 'Pay per period against a draw.', 'zh-CN': '在预支（保底）制度下计算每期实发金额。' },
    parameters: [
      range('earned', { 'en-US': 'Earnings by period (a row or a column).', 'zh-CN': '各期实际挣得的收入（一行或一列）。' }),
      value('draw', { 'en-US': 'Guaranteed draw per period.', 'zh-CN': '每期保证发放的预支/保底金额。' }),
      optional(value('recoverable', { 'en-US': 'TRUE: later earnings repay earlier draws; FALSE (default): non-recoverable.', 'zh-CN': 'TRUE：可追回，以后各期的收入先抵扣此前多发的预支；FALSE（默认）：不可追回。' })),
    ],
    result: { kind: 'range', shape: sameAs(0) },
    call: engine.draw,
    readme: { example: '=PERF.DRAW(B2:M2, 5000, TRUE)', result: 'pay per period against a draw' },
  },
];
