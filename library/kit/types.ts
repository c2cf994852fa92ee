/**
 * A built-in template is code: metadata plus a builder that writes the workbook with
 * exceljs. `npm run seed` publishes each one through the same store the API uses.
 */
import type ExcelJS from 'exceljs';
import type { RuleCell } from './rules';

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
  /** Shown above the chart; bilingual, e.g. "Payout by person 个人奖金". */
  title: string;
  /** Category labels (x axis), an absolute reference: "Summary!$A$2:$A$7". */
  categories: string;
  series: { name: string; values: string }[];
  /** Cells the chart spans: top-left and bottom-right, e.g. { from: 'D2', to: 'L18' }. */
  anchor: { from: string; to: string };
}

export interface BuiltInTemplate {
  metadata: TemplateMetadata;
  /** The digest rules this template carries, and the cell carrying each. */
  rules: RuleCell[];
  /** Charts drawn on the built workbook (Summary sheets, where a picture helps). */
  charts?: ChartSpec[];
  /** Writes the sheets; formulas are computed and cached afterwards by buildTemplate(). */
  build(workbook: ExcelJS.Workbook): void;
}
