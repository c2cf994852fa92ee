/**
 * A built-in template is code: metadata plus a builder that writes the workbook with
 * exceljs. `npm run seed` publishes each one through the same store the API uses.
 */
import type ExcelJS from 'exceljs';
import type { RuleCell } from './rules';
import type { Language } from './text';

/** The metadata the API stores and lists (its own shape: `{ en, zh }` titles). */
export interface TemplateMetadata {
  id: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  category: 'scorecard' | 'incentive' | 'cost-benefit' | 'budget' | 'simulation' | 'channel';
  tags: string[];
}

/** A native Excel chart added to the built workbook (exceljs cannot write charts itself). */
export interface ChartSpec {
  /** Sheet the chart is drawn on. */
  sheet: string;
  type: 'column' | 'bar' | 'line' | 'pie' | 'doughnut' | 'scatter';
  /** Shown above the chart, in the workbook's language. */
  title: string;
  /** Category labels (x axis), an absolute reference: "Summary!$A$2:$A$7". */
  categories: string;
  series: { name: string; values: string }[];
  /** Cells the chart spans: top-left and bottom-right, e.g. { from: 'D2', to: 'L18' }. */
  anchor: { from: string; to: string };
}

/**
 * How a template shows that it grows with its data: one row typed at the end of a table (values
 * by column name, in the workbook's language) must change these cells ("Sheet!A1") once the
 * workbook is recalculated, with no formula edited.
 */
export interface Growth {
  table: string;
  row: Record<string, number | string | boolean | null>;
  changes: string[];
}

export interface BuiltInTemplate {
  metadata: TemplateMetadata;
  /** The workbook's language: one locale, or both side by side (templates not yet split). */
  language: Language;
  /** The template's id in every language it is published in (en-US's id). */
  family: string;
  /** The plan rules this template carries, and the cell carrying each. */
  rules: RuleCell[];
  /** Charts drawn on the built workbook (Summary sheets, where a picture helps). */
  charts?: ChartSpec[];
  /** One growth per table of the workbook. */
  growth?: Growth[];
  /** Writes the sheets; formulas are computed and cached afterwards by buildTemplate(). */
  build(workbook: ExcelJS.Workbook): void;
}
