/**
 * INTEGRATION POINT — "Write to sheet" of the plan builder.
 *
 * The view calls `writePlanToSheet` only inside Excel (ViewProps.host.inExcel). The Office.js
 * work is addin/office/write-plan.ts (`writePlan`: the plan table at the selection's top-left
 * cell and the =PERF.TIERED / =PERF.PAYOUT formula under it). Adapt here if it changes.
 */
import { type PlanLabels, type PlanSpec, writePlan } from '../../../office/write-plan';

export interface PlanSheetRequest {
  spec: PlanSpec;
  labels: PlanLabels;
}

export interface PlanSheetResult {
  /** Sheet-qualified address of the formula cell, for the confirmation message. */
  address?: string;
}

export type PlanSheetWriter = (request: PlanSheetRequest) => Promise<PlanSheetResult | void>;

export const writePlanToSheet: PlanSheetWriter = async ({ spec, labels }) => {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
    throw new Error('Excel is not available (the pane is not running inside Excel)');
  }
  const addresses = await Excel.run((context) => writePlan(context, spec, { labels }));
  return { address: addresses.resultRef };
};
