/**
 * The one way to build a template's bytes: write the sheets with exceljs in the template's
 * language, store its tables as Excel Tables (workbook/table-writer), then save them as Excel
 * does (calc/excel-save.ts): formulas in Excel's storage form, bound to the add-in, calculated,
 * spills as dynamic arrays, every formula cell with its value cached (readable in Excel without
 * the add-in); then draw the native charts and fix the zip's timestamps.
 */
import ExcelJS from 'exceljs';
import { repositoryAddinIdentity } from '../../addin/manifest/identity';
import { saveLikeExcel } from '../../calc/excel-save';
import { nodeCodec } from '../../workbook/node-codec';
import { withTables } from '../../workbook/table-writer';
import { addCharts } from './charts';
import { setLanguage } from './language';
import { stableZip } from './stable-zip';
import { tablesOf } from './tables';
import type { BuiltInTemplate } from './types';

export async function buildTemplate(template: BuiltInTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PerfPlan';
  workbook.title = template.language === 'zh-CN' ? template.metadata.title.zh : template.metadata.title.en;
  // Fixed dates keep the bytes (and so the sha256) of a template stable from build to build.
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = workbook.created;
  setLanguage(workbook, template.language);
  template.build(workbook);
  const authored = withTables(Buffer.from(await workbook.xlsx.writeBuffer()), nodeCodec, tablesOf(workbook));
  const saved = Buffer.from(await saveLikeExcel(authored, { addin: repositoryAddinIdentity() }));
  return stableZip(await addCharts(saved, template.charts ?? []));
}
