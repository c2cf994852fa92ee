/**
 * A built-in template is code: metadata plus a builder that writes the workbook with
 * exceljs. `npm run seed` publishes each one through the same store the API uses.
 */
import type ExcelJS from 'exceljs';

export interface TemplateMetadata {
  id: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  category: 'scorecard' | 'incentive' | 'cost-benefit' | 'budget' | 'simulation' | 'channel';
  tags: string[];
}

export interface BuiltInTemplate {
  metadata: TemplateMetadata;
  /** Writes the sheets; formulas are computed and cached afterwards by buildTemplate(). */
  build(workbook: ExcelJS.Workbook): void;
}
