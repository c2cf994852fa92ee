/**
 * INTEGRATION POINT — "Write to sheet" of the plan builder.
 *
 * The view calls `writePlanToSheet` only inside Excel (ViewProps.host.inExcel). The Office.js
 * work is addin/office/write-plan.ts (`writePlan`: the plan table at the selection's top-left
 * cell and the =PERF.TIERED / =PERF.PAYOUT formula under it). Adapt here if it changes.
 */
import type { Locale } from '../../../../i18n/locale';
import { type PlanLabels, type PlanSpec, writePlan } from '../../../office/write-plan';
import { type PoolLabels, type PoolSpec, writePool } from '../../../office/write-pool';
import { type QuotaLabels, type QuotaSpec, writeQuota } from '../../../office/write-quota';
import { type RebateLabels, type RebateSpec, writeRebate } from '../../../office/write-rebate';
import { requireExcel } from '../../excel';

export interface PlanSheetRequest {
  spec: PlanSpec;
  labels: PlanLabels;
  /** The workbook's language, for TIERED's method as the formula writes it ("边际" / "marginal"). */
  optionLocale?: Locale;
}

export interface PlanSheetResult {
  /** Sheet-qualified address of the formula cell, for the confirmation message. */
  address?: string;
}

export type PlanSheetWriter = (request: PlanSheetRequest) => Promise<PlanSheetResult | void>;

export const writePlanToSheet: PlanSheetWriter = async ({ spec, labels, optionLocale }) => {
  requireExcel();
  const addresses = await Excel.run((context) => writePlan(context, spec, { labels, optionLocale }));
  return { address: addresses.resultRef };
};

// ---------------------------------------------------------------------------------------------
// Catalog v2 (issue 11): the rebate ladder, the bonus pool and the target breakdown, each through
// its addin/office writer (=PERF.REBATE, =PERF.POOL, =PERF.QUOTASPLIT at the selection).

export async function writeRebateToSheet(spec: RebateSpec, options: { labels: RebateLabels; optionLocale: Locale }): Promise<PlanSheetResult> {
  requireExcel();
  const written = await Excel.run((context) => writeRebate(context, spec, { labels: options.labels, optionLocale: options.optionLocale }));
  return { address: written.resultRef };
}

export async function writePoolToSheet(spec: PoolSpec, options: { labels: PoolLabels }): Promise<PlanSheetResult> {
  requireExcel();
  const written = await Excel.run((context) => writePool(context, spec, { labels: options.labels }));
  return { address: written.resultRef };
}

export async function writeQuotaToSheet(spec: QuotaSpec, options: { labels: QuotaLabels }): Promise<PlanSheetResult> {
  requireExcel();
  const written = await Excel.run((context) => writeQuota(context, spec, { labels: options.labels }));
  return { address: written.resultRef };
}
