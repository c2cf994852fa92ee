/**
 * The one way to build a template's bytes: write the sheets with exceljs, then save them as
 * Excel does (calc/excel-save.ts): formulas in Excel's storage form, bound to the add-in,
 * calculated, spills as dynamic arrays, every formula cell with its value cached (readable in
 * Excel without the add-in); then draw the native charts and fix the zip's timestamps.
 */
import ExcelJS from 'exceljs';
import { repositoryAddinIdentity } from '../../addin/manifest/identity';
import { saveLikeExcel } from '../../calc/excel-save';
import { addCharts } from './charts';
import { stableZip } from './stable-zip';
import type { BuiltInTemplate } from './types';

export async function buildTemplate(template: BuiltInTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PerfPlan';
  workbook.title = template.metadata.title.en;
  // Fixed dates keep the bytes (and so the sha256) of a template stable from build to build.
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = workbook.created;
  template.build(workbook);
  const authored = Buffer.from(await workbook.xlsx.writeBuffer());
  const saved = Buffer.from(await saveLikeExcel(authored, { addin: repositoryAddinIdentity() }));
  return stableZip(await addCharts(saved, template.charts ?? []));
}
