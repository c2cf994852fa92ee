/**
 * Words several templates write into cells that formulas then compare against: option names
 * PERF functions accept (in the workbook's language: "边际" in a Chinese workbook, i18n's option
 * table), yes / no, and the traffic-light statuses.
 */
import { OPTION_NAMES, type OptionCode } from '../../i18n/options';
import { type Text, t } from './text';

/** A PERF text option as a workbook in either language writes it. */
export function option(code: OptionCode): Text {
  return OPTION_NAMES[code];
}

export const YES = t('yes', '是');
export const NO = t('no', '否');

/** PERF.STATUS bands' labels (the bands tables a template writes, lowest first). */
export const STATUS = { red: t('red', '红'), amber: t('amber', '黄'), green: t('green', '绿') } as const;
