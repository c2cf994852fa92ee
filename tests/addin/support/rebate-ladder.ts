import type { RebateSpec } from '../../../addin/office/write-rebate';

/**
 * The rebate ladder the Plan builder starts from in Chinese (createRebateModel('zh-CN')), as the
 * spec it hands to writeRebate: the model's test expects exactly this, the writer's test writes it.
 */
export const DEFAULT_REBATE_SPEC_ZH: RebateSpec = {
  levels: ['总代', '分销', '零售'],
  thresholds: [0, 1_000_000, 5_000_000],
  rates: [
    [0.01, 0.015, 0.02],
    [0.02, 0.025, 0.03],
    [0.03, 0.035, 0.04],
  ],
  amount: 3_000_000,
  method: 'retro',
};
