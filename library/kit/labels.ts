/** Column and row labels several templates show, said once. */
import { t } from './text';

export const LABEL = {
  channel: t('Channel', '渠道'),
  direction: t('Direction', '方向'),
  measure: t('Measure', '指标'),
  meaning: t('Meaning', '含义'),
  name: t('Name', '姓名'),
  parameter: t('Parameter', '参数'),
  revenue: t('Revenue', '收入'),
  score: t('Score', '得分'),
  status: t('Status', '状态'),
  target: t('Target', '目标'),
  total: t('Total', '合计'),
  value: t('Value', '数值'),
  weight: t('Weight', '权重'),
} as const;
