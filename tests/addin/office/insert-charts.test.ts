/**
 * Insert into Excel on the web: insertWorksheetsFromBase64 refuses sheets with charts
 * (error code "UnsupportedFeature"). insertTemplate then inserts the workbook without its
 * drawings and draws every chart again with the chart API on the inserted, renamed sheets.
 * Against office-addin-mock, whose insert fails the way Excel reports it: at the sync.
 */
import ExcelJS from 'exceljs';
import { base64ToBytes, bytesToBase64 } from '../../../addin/office/base64';
import { EXCEL_CHART_TYPES, isUnsupportedFeature } from '../../../addin/office/chart-fallback';
import { insertTemplate, readTemplateSheetNames } from '../../../addin/office/insert-template';
import { buildTemplate } from '../../../library/templates';
import { channelTeamIncentive } from '../../../library/templates/channel-team-incentive';
import { addCharts } from '../../../library/kit/charts';
import type { ChartSpec } from '../../../library/kit/types';
import { nodeCodec } from '../../../workbook/node-codec';
import { readWorkbookModel } from '../../../workbook/read';
import { ZipArchive } from '../../../workbook/zip';
import { Harness, blank, createExcelMock } from './excel-mock';

/** What Excel on the web raises (an OfficeExtension.Error carries the code). */
function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
const unsupported = () => excelError('UnsupportedFeature', "This feature isn't supported in Excel on the web.");

/** Plan holds the data, Summary two charts: one over Plan's cells, one over its own. */
const CHARTS: ChartSpec[] = [
  {
    sheet: 'Summary',
    type: 'column',
    title: 'Plan vs actual 计划与实际',
    categories: 'Plan!$A$2:$A$4',
    series: [
      { name: 'Plan!$B$1', values: 'Plan!$B$2:$B$4' },
      { name: 'Actual 实际', values: 'Plan!$C$2:$C$4' },
    ],
    anchor: { from: 'D2', to: 'J15' },
  },
  {
    sheet: 'Summary',
    type: 'scatter',
    title: 'y over x',
    categories: 'Summary!$A$2:$A$4',
    series: [{ name: 'y', values: 'Summary!$B$2:$B$4' }],
    anchor: { from: 'D17', to: 'J30' },
  },
];

async function workbookWithCharts(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Plan').addRows([
    ['Month', 'Plan 计划', 'Actual'],
    ['Jan', 10, 12],
    ['Feb', 20, 18],
    ['Mar', 30, 33],
  ]);
  workbook.addWorksheet('Summary').addRows([
    ['x', 'y'],
    [1, 2],
    [2, 4],
    [3, 5],
  ]);
  return Buffer.from(await addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), CHARTS)).toString('base64');
}

/** "Sheet!A1:B2" naming the declared range `value` is, or "?" (ranges are compared by identity). */
function rangeName(h: Harness, value: unknown, candidates: [string, string][]): string {
  const found = candidates.find(([sheet, address]) => h.range(sheet, address) === value);
  return found ? `${found[0]}!${found[1]}` : '?';
}

describe('insertTemplate in Excel on the web (UnsupportedFeature for charts)', () => {
  // The workbook already has Plan and Summary; Excel names the copies its own way ("(3)"),
  // ours are "Plan (2)" and "Summary (2)".
  const mock = (insertFailures: Error[]) =>
    createExcelMock({
      sheets: { Plan: {}, Summary: {} },
      insertFailures,
      inserts: [
        { id: 'new-plan', name: 'Plan (3)', ranges: blank('A2:A4', 'B2:B4', 'C2:C4') },
        { id: 'new-summary', name: 'Summary (3)', ranges: blank('A2:A4', 'B2:B4') },
      ],
    });
  const candidates: [string, string][] = [
    ['Plan (2)', 'A2:A4'],
    ['Plan (2)', 'B2:B4'],
    ['Plan (2)', 'C2:C4'],
    ['Summary (2)', 'A2:A4'],
    ['Summary (2)', 'B2:B4'],
  ];

  it('inserts the workbook again without drawings, the same sheets at the same place', async () => {
    const base64 = await workbookWithCharts();
    const h = mock([unsupported()]);
    const inserted = await insertTemplate(h.context, base64, { positionType: 'After', relativeTo: 'Plan' });

    expect(inserted).toEqual([
      { template: 'Plan', name: 'Plan (2)', id: 'new-plan' },
      { template: 'Summary', name: 'Summary (2)', id: 'new-summary' },
    ]);
    const [first, second] = h.callsOf('insertWorksheetsFromBase64');
    expect(first.args[0]).toBe(base64);
    expect(second.args[1]).toEqual(first.args[1]);
    expect(second.args[1]).toEqual({ sheetNamesToInsert: ['Plan', 'Summary'], positionType: 'After', relativeTo: 'Plan' });

    const original = ZipArchive.read(base64ToBytes(base64));
    const stripped = ZipArchive.read(base64ToBytes(second.args[0] as string));
    expect(original.entries.some((e) => /^xl\/(charts|drawings)\//.test(e.name))).toBe(true);
    expect(stripped.entries.filter((e) => /^xl\/(charts|drawings)\//.test(e.name))).toEqual([]);
    expect(stripped.text('[Content_Types].xml', nodeCodec)).not.toMatch(/drawingml\.chart|drawing\+xml/);
    // The cells are all there.
    expect(readWorkbookModel(stripped, nodeCodec).sheets.map((s) => [s.name, s.rows])).toEqual(readWorkbookModel(original, nodeCodec).sheets.map((s) => [s.name, s.rows]));
    // Existing names, refused insert, insert, inserted names and cells, renames and charts.
    expect(h.syncs()).toBe(5);
  });

  it('draws every chart on the renamed sheet with its type, series, categories, title and place', async () => {
    const h = mock([unsupported()]);
    await insertTemplate(h.context, await workbookWithCharts());

    expect(h.callsOf('charts.add').map((c) => [c.sheet, c.target, c.args[0], rangeName(h, c.args[1], candidates), c.args[2]])).toEqual([
      ['Summary (2)', 'chart', 'ColumnClustered', 'Plan (2)!B2:B4', 'Columns'],
      ['Summary (2)', 'chart1', 'XYScatter', 'Summary (2)!B2:B4', 'Columns'],
    ]);
    expect(h.callsOf('series.setValues').map((c) => [c.target, rangeName(h, c.args[0], candidates)])).toEqual([
      ['chart.s0', 'Plan (2)!B2:B4'],
      ['chart.s1', 'Plan (2)!C2:C4'],
      ['chart1.s0', 'Summary (2)!B2:B4'],
    ]);
    expect(h.callsOf('series.setXAxisValues').map((c) => [c.target, rangeName(h, c.args[0], candidates)])).toEqual([
      ['chart.s0', 'Plan (2)!A2:A4'],
      ['chart.s1', 'Plan (2)!A2:A4'],
      ['chart1.s0', 'Summary (2)!A2:A4'],
    ]);
    // The first series comes with the chart; the others are added by name.
    expect(h.callsOf('chart.series.add').map((c) => [c.target, c.args])).toEqual([['chart', ['Actual 实际']]]);
    const charts = h.sheet('Summary (2)').charts;
    // A series named by a cell gets the text the cell held when the file was saved.
    expect(charts.chart.series.s0.name).toBe('Plan 计划');
    expect(charts.chart1.series.s0.name).toBe('y');
    expect([charts.chart.title.text, charts.chart1.title.text]).toEqual(['Plan vs actual 计划与实际', 'y over x']);
    expect(h.callsOf('chart.setPosition').map((c) => [c.target, c.args])).toEqual([
      ['chart', ['D2', 'J15']],
      ['chart1', ['D17', 'J30']],
    ]);
    // Nothing is drawn on the workbook's own Plan and Summary.
    expect(h.calls.filter((c) => c.sheet === 'Plan' || c.sheet === 'Summary')).toEqual([]);
  });

  it('leaves out a chart whose data is on a sheet that was not inserted', async () => {
    // Only Summary is inserted: the column chart reads Plan, which would be the workbook's own.
    const h = createExcelMock({
      sheets: { Plan: {} },
      insertFailures: [unsupported()],
      inserts: [{ id: 'new-summary', name: 'Summary', ranges: blank('A2:A4', 'B2:B4') }],
    });
    await insertTemplate(h.context, await workbookWithCharts(), { sheetNames: ['Summary'] });
    expect(h.callsOf('charts.add').map((c) => [c.sheet, c.args[0]])).toEqual([['Summary', 'XYScatter']]);
    expect(h.callsOf('getRange').map((c) => c.sheet)).not.toContain('Plan');
  });

  it("draws the channel-team-incentive template's charts as its ChartSpec list says", async () => {
    const base64 = (await buildTemplate(channelTeamIncentive)).toString('base64');
    const sheets = await readTemplateSheetNames(base64);
    const specs = channelTeamIncentive.charts!;
    const local = (ref: string) => ref.replace(/^Summary!/, '').replace(/\$/g, '');
    const addresses = [...new Set(specs.flatMap((c) => [c.categories, ...c.series.map((s) => s.values)]).map(local))];
    const h = createExcelMock({
      sheets: { Summary: {} },
      insertFailures: [unsupported()],
      inserts: sheets.map((name) => ({ id: `new-${name}`, name, ranges: name === 'Summary' ? blank(...addresses) : undefined })),
    });
    await insertTemplate(h.context, base64);

    const target = 'Summary (2)';
    const candidates = addresses.map((a) => [target, a] as [string, string]);
    expect(h.callsOf('charts.add').map((c) => [c.sheet, c.args[0], rangeName(h, c.args[1], candidates)])).toEqual(
      specs.map((spec) => [target, EXCEL_CHART_TYPES[spec.type], `${target}!${local(spec.series[0].values)}`]),
    );
    expect(h.callsOf('series.setValues').map((c) => rangeName(h, c.args[0], candidates))).toEqual(specs.flatMap((spec) => spec.series.map((s) => `${target}!${local(s.values)}`)));
    expect(h.callsOf('series.setXAxisValues').map((c) => rangeName(h, c.args[0], candidates))).toEqual(specs.flatMap((spec) => spec.series.map(() => `${target}!${local(spec.categories)}`)));
    const charts = h.sheet(target).charts;
    expect(specs.map((_, i) => charts[i === 0 ? 'chart' : `chart${i}`]).map((c) => [c.title.text, c.series.s0.name])).toEqual(specs.map((spec) => [spec.title, spec.series[0].name]));
    expect(h.callsOf('chart.setPosition').map((c) => c.args)).toEqual(specs.map((spec) => [spec.anchor.from, spec.anchor.to]));
  });

  it('rethrows the second refusal when the workbook without charts is refused too (comments, PivotTables…)', async () => {
    const second = excelError('UnsupportedFeature', 'comments are not supported');
    const h = mock([unsupported(), second]);
    await expect(insertTemplate(h.context, await workbookWithCharts())).rejects.toBe(second);
    expect(h.callsOf('insertWorksheetsFromBase64')).toHaveLength(2);
    expect(h.callsOf('charts.add')).toEqual([]);
  });

  it('rethrows UnsupportedFeature untouched when the workbook has no drawings to leave out', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan').getCell('A1').value = 1;
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const refusal = unsupported();
    const h = createExcelMock({ sheets: { Data: {} }, insertFailures: [refusal], inserts: [{ id: 'new-plan', name: 'Plan' }] });
    await expect(insertTemplate(h.context, base64)).rejects.toBe(refusal);
    expect(h.callsOf('insertWorksheetsFromBase64')).toHaveLength(1);
  });

  it('rethrows any other error untouched, without a second insert', async () => {
    for (const code of ['InvalidArgument', 'GeneralException', 'AccessDenied']) {
      const error = excelError(code, `${code} from Excel`);
      const h = mock([error]);
      await expect(insertTemplate(h.context, await workbookWithCharts())).rejects.toBe(error);
      expect(h.callsOf('insertWorksheetsFromBase64')).toHaveLength(1);
      expect(h.callsOf('worksheets.getItem')).toEqual([]);
    }
  });

  it('inserts a workbook with charts as it is where Excel accepts it (desktop)', async () => {
    const base64 = await workbookWithCharts();
    const h = mock([]);
    await insertTemplate(h.context, base64);
    expect(h.callsOf('insertWorksheetsFromBase64').map((c) => c.args[0])).toEqual([base64]);
    expect(h.callsOf('charts.add')).toEqual([]);
  });
});

describe('chart fallback helpers', () => {
  it('knows Excel’s refusal by its code only', () => {
    expect(isUnsupportedFeature(unsupported())).toBe(true);
    expect(isUnsupportedFeature(excelError('InvalidArgument', 'UnsupportedFeature'))).toBe(false);
    expect(isUnsupportedFeature(new Error('UnsupportedFeature'))).toBe(false);
    expect(isUnsupportedFeature('UnsupportedFeature')).toBe(false);
    expect(isUnsupportedFeature(null)).toBe(false);
  });

  it('maps our chart types to Excel.ChartType values', () => {
    expect(EXCEL_CHART_TYPES).toEqual({ column: 'ColumnClustered', bar: 'BarClustered', line: 'Line', pie: 'Pie', doughnut: 'Doughnut', scatter: 'XYScatter' });
  });

  it('converts base64 and bytes both ways, as Node’s Buffer does', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) & 0xff);
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.compare(base64ToBytes(base64), bytes)).toBe(0);
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
  });
});
