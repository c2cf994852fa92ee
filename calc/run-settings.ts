/**
 * The settings of a payout run (issue 13): what POST /runs carries as its `metadata` part, in
 * JSON. The task pane and the CLI send them, the API checks and stores them
 * (functions/src/runs/model.ts); declared once here so the three cannot drift apart.
 */
import type { Locale } from '../i18n/locale';

export interface RunSettings {
  /** The period as the plan writes it ("2025-07", "2025-Q3", "2025年7月"). */
  period: string;
  /** The Excel table that lists the people paid. */
  peopleTable: string;
  /** A column header of the people table. */
  payoutColumn: string;
  /** An ISO 4217 code such as CNY or USD. */
  currency?: string;
  /** The JSON `perfplan export --map` reads (calc/payroll.ts parsePayrollMap); absent: derived from the people table. */
  payrollMap?: unknown;
  /** The language of the run's statements and failure reasons (default en-US); the pane and the CLI send their user's. */
  language?: Locale;
  /** The library template the workbook was made from, and its version. */
  templateId?: string;
  templateVersion?: number;
}
