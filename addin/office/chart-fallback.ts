/**
 * Charts for Excel on the web. There `insertWorksheetsFromBase64` refuses source sheets with
 * charts (error code "UnsupportedFeature"; the API reference: "In Excel on the web, this API
 * doesn't support inserting charts, comments, PivotTables, or slicers"). The template is then
 * inserted without its drawings, and each chart is drawn again with the chart API
 * (ExcelApi 1.7: series.add, setValues, setXAxisValues) on the inserted sheets.
 */
import { browserCodec } from '../../workbook/browser-codec';
import { ChartDescription, ChartKind, anchorCells, parseChartReference, readCharts, stripDrawings } from '../../workbook/drawings';
import { base64ToBytes, bytesToBase64 } from './base64';
import { sheetKey } from './sheet-names';

/** Excel.ErrorCodes.unsupportedFeature (the enum object exists only inside Office). */
export const UNSUPPORTED_FEATURE = 'UnsupportedFeature';

/** Whether `error` is Excel's refusal of a feature this host does not support. */
export function isUnsupportedFeature(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNSUPPORTED_FEATURE;
}

/** The Excel.ChartType (its string value) of each chart type our files draw. */
export const EXCEL_CHART_TYPES = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  line: 'Line',
  pie: 'Pie',
  doughnut: 'Doughnut',
  scatter: 'XYScatter',
} as const satisfies Record<ChartKind, `${Excel.ChartType}`>;

export interface WithoutCharts {
  /** The workbook without worksheet drawings, base64. */
  base64: string;
  /** The charts it drew, to draw again. */
  charts: ChartDescription[];
}

/** The workbook (base64) without its worksheets' drawings, and the charts they held; undefined when it has none. */
export function withoutCharts(base64: string): WithoutCharts | undefined {
  const bytes = base64ToBytes(base64);
  const stripped = stripDrawings(bytes, browserCodec);
  if (stripped.removedParts.length === 0) return undefined;
  return { base64: bytesToBase64(stripped.bytes), charts: readCharts(bytes, browserCodec) };
}

/**
 * Queues each chart on the sheet it was drawn on: the chart of its type, one series per
 * series (name, values, categories), its title and its place. `sheetFor` maps a template sheet
 * name to the inserted worksheet, whatever that is called now; a reference to a sheet that
 * was not inserted cannot be drawn (it would pick up a workbook sheet of the same name), so
 * such a chart, and one of a type we do not draw, is left out. Returns the charts queued.
 */
export function queueCharts(charts: readonly ChartDescription[], sheetFor: (templateSheet: string) => Excel.Worksheet | undefined): ChartDescription[] {
  const drawn: ChartDescription[] = [];
  for (const chart of charts) {
    const sheet = sheetFor(chart.sheet);
    const type = chart.type && EXCEL_CHART_TYPES[chart.type];
    if (!sheet || !type || chart.series.length === 0) continue;
    const range = (ref: string | undefined) => {
      const parsed = ref === undefined ? undefined : parseChartReference(ref);
      const target = parsed && sheetFor(parsed.sheet ?? chart.sheet);
      return parsed && target ? { sheet: target, address: parsed.address.replace(/\$/g, '') } : undefined;
    };
    const series = chart.series.map((s) => ({ name: s.name, values: range(s.values), categories: range(s.categories), hasCategories: s.categories !== undefined }));
    if (series.some((s) => !s.values || (s.hasCategories && !s.categories))) continue;

    const first = series[0].values!;
    const firstRange = first.sheet.getRange(first.address);
    // The source range only creates the chart; every series is then set explicitly, so that
    // Excel's guess at headers in the source cannot rename or shorten one.
    const added = sheet.charts.add(type, firstRange, isRow(first.address) ? 'Rows' : 'Columns');
    series.forEach((s, i) => {
      const item = i === 0 ? added.series.getItemAt(0) : added.series.add(s.name);
      if (i === 0 && s.name !== undefined) item.name = s.name;
      item.setValues(i === 0 ? firstRange : s.values!.sheet.getRange(s.values!.address));
      if (s.categories) item.setXAxisValues(s.categories.sheet.getRange(s.categories.address));
    });
    if (chart.title !== undefined) added.title.text = chart.title;
    const cells = anchorCells(chart.anchor);
    if (cells.to) added.setPosition(cells.from, cells.to);
    else added.setPosition(cells.from);
    drawn.push(chart);
  }
  return drawn;
}

/** Whether an address ("B2:F2") spans one row and more than one column. */
function isRow(address: string): boolean {
  const [from, to = from] = address.split(':');
  const row = (cell: string) => cell.replace(/^[A-Za-z]+/, '');
  const col = (cell: string) => cell.replace(/\d+$/, '').toUpperCase();
  return row(from) === row(to) && col(from) !== col(to);
}

/** A lookup from template sheet names (compared as Excel compares them) to worksheets. */
export function sheetLookup(entries: readonly [string, Excel.Worksheet][]): (templateSheet: string) => Excel.Worksheet | undefined {
  const byKey = new Map(entries.map(([name, sheet]) => [sheetKey(name), sheet]));
  return (name) => byKey.get(sheetKey(name));
}
