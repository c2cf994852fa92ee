/**
 * addCharts: native charts post-processed into an exceljs workbook. The parts, content types
 * and relationships are checked in the zip; the XML is parsed; the workbook must still open
 * in exceljs, calculate with `perfplan calc`, pass upload validation and, where LibreOffice
 * is installed, convert to PDF with the charts drawn.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { calcFile, toJson } from '../../../calc/book';
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, addCharts } from '../../../library/kit/charts';
import type { ChartSpec } from '../../../library/kit/types';
import { checkWorkbookBytes } from '../../../functions/src/templates/workbook-check';
import { tempDir } from '../../support/workbook';

const PAYOUTS: [string, number, number][] = [
  ['Chen Jing 陈静', 12_000, 10_000],
  ['Li Wei 李伟', 18_500, 15_000],
  ['Wang Fang 王芳', 9_300, 12_000],
  ['Zhang Min 张敏', 22_100, 20_000],
  ['Liu Yang 刘洋', 15_600, 16_000],
  ['Zhao Lei 赵磊', 7_400, 8_000],
];

/** Two series on the people: one named by text, one by a header cell. */
const COLUMN: ChartSpec = {
  sheet: 'Summary', type: 'column', title: 'Payout by person 个人奖金', categories: 'Summary!$A$2:$A$7', anchor: { from: 'E2', to: 'L18' },
  series: [{ name: 'Payout 奖金', values: 'Summary!$B$2:$B$7' }, { name: 'Summary!$C$1', values: 'Summary!$C$2:$C$7' }],
};
const PIE: ChartSpec = { ...COLUMN, type: 'pie', title: 'Share of payouts 奖金占比', series: [COLUMN.series[0]], anchor: { from: 'E20', to: 'L36' } };

/** Instructions first, so Summary is the second sheet part: the lookup must go through the rels. */
function summaryWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Instructions').getCell('A1').value = 'Read me 说明';
  const sheet = workbook.addWorksheet('Summary');
  sheet.getRow(1).values = ['Person 姓名', 'Payout 奖金', 'Target 目标'];
  PAYOUTS.forEach(([name, payout, target], i) => (sheet.getRow(2 + i).values = [name, payout, target]));
  sheet.getCell('A8').value = 'Total 合计';
  sheet.getCell('B8').value = { formula: 'SUM(B2:B7)' } as ExcelJS.CellFormulaValue;
  // pageSetup and headerFooter come before <drawing> in CT_Worksheet.
  sheet.pageSetup.orientation = 'landscape';
  sheet.headerFooter.oddFooter = 'PerfPlan';
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// --- a small ordered XML tree (fast-xml-parser preserveOrder output) -------------------------

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

function parseXml(xml: string): XNode {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false });
  const convert = (items: Record<string, unknown>[]): XNode[] =>
    items.flatMap((item) => {
      const name = Object.keys(item).find((key) => key !== ':@');
      if (!name || name === '#text' || name.startsWith('?')) return [];
      const content = item[name] as Record<string, unknown>[];
      return [
        {
          name,
          attrs: (item[':@'] as Record<string, string>) ?? {},
          children: convert(content),
          text: content.filter((c) => '#text' in c).map((c) => String(c['#text'])).join(''),
        },
      ];
    });
  const roots = convert(parser.parse(xml) as Record<string, unknown>[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

/** Every descendant (or the node itself) with that qualified name, document order. */
function all(node: XNode, name: string): XNode[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => all(child, name))];
}

function one(node: XNode, name: string): XNode {
  const found = all(node, name);
  expect(found).toHaveLength(1);
  return found[0];
}

function kids(node: XNode): string[] {
  return node.children.map((child) => child.name);
}

async function xmlPart(zip: JSZip, name: string): Promise<XNode> {
  const file = zip.file(name);
  if (!file) throw new Error(`missing part ${name}`);
  return parseXml(await file.async('string'));
}

function relationships(rels: XNode): { Id: string; Type: string; Target: string }[] {
  return all(rels, 'Relationship').map((r) => r.attrs as { Id: string; Type: string; Target: string });
}

// --- tests ---------------------------------------------------------------------------------

describe('addCharts: native charts in a built workbook', () => {
  let bytes: Buffer;
  let file: string;
  let zip: JSZip;

  beforeAll(async () => {
    bytes = await addCharts(await bytesOf(summaryWorkbook()), [COLUMN, PIE]);
    file = path.join(tempDir(), 'charts.xlsx');
    fs.writeFileSync(file, bytes);
    zip = await JSZip.loadAsync(bytes);
  });

  it('adds one chart part per chart and one drawing part, each with its content type', async () => {
    const types = await xmlPart(zip, '[Content_Types].xml');
    const overrides = new Map(all(types, 'Override').map((o) => [o.attrs.PartName, o.attrs.ContentType]));
    expect(overrides.get('/xl/charts/chart1.xml')).toBe(CHART_CONTENT_TYPE);
    expect(overrides.get('/xl/charts/chart2.xml')).toBe(CHART_CONTENT_TYPE);
    expect(overrides.get('/xl/drawings/drawing1.xml')).toBe(DRAWING_CONTENT_TYPE);
    expect(CHART_CONTENT_TYPE).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    expect(DRAWING_CONTENT_TYPE).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    for (const part of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/drawing1.xml']) expect(zip.file(part)).not.toBeNull();
    // No stray folder entries for the new parts.
    expect(zip.file(/^xl\/(charts|drawings)\/$/)).toEqual([]);
  });

  it('links Summary (the second sheet part) → drawing → charts, and Instructions to nothing', async () => {
    expect(zip.file('xl/worksheets/_rels/sheet1.xml.rels')).toBeNull();
    const sheetRels = relationships(await xmlPart(zip, 'xl/worksheets/_rels/sheet2.xml.rels'));
    expect(sheetRels).toEqual([
      { Id: 'rId1', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing', Target: '../drawings/drawing1.xml' },
    ]);
    const sheet = await xmlPart(zip, 'xl/worksheets/sheet2.xml');
    expect(one(sheet, 'drawing').attrs['r:id']).toBe('rId1');
    const drawingRels = relationships(await xmlPart(zip, 'xl/drawings/_rels/drawing1.xml.rels'));
    const chartType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
    expect(drawingRels).toEqual([
      { Id: 'rId1', Type: chartType, Target: '../charts/chart1.xml' },
      { Id: 'rId2', Type: chartType, Target: '../charts/chart2.xml' },
    ]);
  });

  it('puts <drawing> where CT_Worksheet wants it: after pageMargins, pageSetup and headerFooter', async () => {
    const order = kids(await xmlPart(zip, 'xl/worksheets/sheet2.xml'));
    expect(order.slice(-4)).toEqual(['pageMargins', 'pageSetup', 'headerFooter', 'drawing']);
  });

  it('anchors each chart over its cells, from the top-left of `from` to the far corner of `to`', async () => {
    const drawing = await xmlPart(zip, 'xl/drawings/drawing1.xml');
    const anchors = all(drawing, 'xdr:twoCellAnchor');
    expect(anchors).toHaveLength(2);
    const corner = (anchor: XNode, tag: string) => {
      const marker = one(anchor, tag);
      return [one(marker, 'xdr:col').text, one(marker, 'xdr:row').text].map(Number);
    };
    // E2 → column 4, row 1 (0-based); L18 inclusive → ends at column 12, row 18.
    expect([corner(anchors[0], 'xdr:from'), corner(anchors[0], 'xdr:to')]).toEqual([[4, 1], [12, 18]]);
    expect([corner(anchors[1], 'xdr:from'), corner(anchors[1], 'xdr:to')]).toEqual([[4, 19], [12, 36]]);
    expect(anchors.map((a) => one(a, 'c:chart').attrs['r:id'])).toEqual(['rId1', 'rId2']);
    expect(anchors.map((a) => one(a, 'a:graphicData').attrs.uri)).toEqual(Array(2).fill('http://schemas.openxmlformats.org/drawingml/2006/chart'));
    const ids = anchors.map((a) => one(a, 'xdr:cNvPr').attrs.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('writes a clustered column chart over the given ranges, with title, legend and both axes', async () => {
    const chart = await xmlPart(zip, 'xl/charts/chart1.xml');
    expect(chart.name).toBe('c:chartSpace');
    expect(all(one(chart, 'c:title'), 'a:t').map((t) => t.text).join('')).toBe(COLUMN.title);
    const bar = one(chart, 'c:barChart');
    expect(one(bar, 'c:barDir').attrs.val).toBe('col');
    const series = all(bar, 'c:ser');
    expect(series).toHaveLength(2);
    for (const ser of series) expect(one(one(ser, 'c:cat'), 'c:f').text).toBe('Summary!$A$2:$A$7');
    expect(series.map((ser) => one(one(ser, 'c:val'), 'c:f').text)).toEqual(['Summary!$B$2:$B$7', 'Summary!$C$2:$C$7']);
    // Literal series name, and one taken from the header cell.
    expect(one(one(series[0], 'c:tx'), 'c:v').text).toBe('Payout 奖金');
    expect(one(one(series[1], 'c:tx'), 'c:f').text).toBe('Summary!$C$1');
    expect(all(one(series[1], 'c:tx'), 'c:v').map((v) => v.text)).toEqual(['Target 目标']);
    // Caches hold the cell values, so non-recalculating viewers draw the same picture.
    expect(all(one(series[0], 'c:cat'), 'c:v').map((v) => v.text)).toEqual(PAYOUTS.map(([name]) => name));
    expect(all(one(series[0], 'c:val'), 'c:v').map((v) => Number(v.text))).toEqual(PAYOUTS.map(([, payout]) => payout));
    expect(all(one(series[1], 'c:val'), 'c:v').map((v) => Number(v.text))).toEqual(PAYOUTS.map(([, , target]) => target));
    // CT_BarSer order: idx, order, tx, …, invertIfNegative, …, cat, val.
    expect(kids(series[0])).toEqual(['c:idx', 'c:order', 'c:tx', 'c:invertIfNegative', 'c:cat', 'c:val']);
    const axisIds = all(bar, 'c:axId').map((a) => a.attrs.val);
    expect(axisIds).toHaveLength(2);
    expect(one(chart, 'c:catAx').children[0].attrs.val).toBe(axisIds[0]);
    expect(one(chart, 'c:valAx').children[0].attrs.val).toBe(axisIds[1]);
    expect(one(one(chart, 'c:legend'), 'c:legendPos').attrs.val).toBe('b');
  });

  it('writes a pie chart without axes, one slice per category', async () => {
    const chart = await xmlPart(zip, 'xl/charts/chart2.xml');
    const pie = one(chart, 'c:pieChart');
    const ser = one(pie, 'c:ser');
    expect(one(one(ser, 'c:cat'), 'c:f').text).toBe('Summary!$A$2:$A$7');
    expect(one(one(ser, 'c:val'), 'c:f').text).toBe('Summary!$B$2:$B$7');
    expect(one(one(ser, 'c:val'), 'c:ptCount').attrs.val).toBe(String(PAYOUTS.length));
    expect(all(chart, 'c:catAx')).toEqual([]);
    expect(all(chart, 'c:valAx')).toEqual([]);
    expect(all(one(chart, 'c:title'), 'a:t').map((t) => t.text).join('')).toBe(PIE.title);
    expect(one(chart, 'c:legend')).toBeDefined();
  });

  it('still opens in exceljs, with the sheet values intact', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet('Summary')!;
    expect(sheet.getCell('A2').value).toBe(PAYOUTS[0][0]);
    expect(sheet.getCell('B8').formula).toBe('SUM(B2:B7)');
  });

  it('still calculates with perfplan calc', async () => {
    const json = toJson(await calcFile(file));
    expect(json['Summary!B8']).toBe(PAYOUTS.reduce((sum, [, payout]) => sum + payout, 0));
  });

  it("passes the API's upload validation", async () => {
    await expect(checkWorkbookBytes(bytes)).resolves.toBeUndefined();
  });

  it('gives the same bytes for the same input', async () => {
    const input = await bytesOf(summaryWorkbook());
    const first = await addCharts(input, [COLUMN, PIE]);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the DOS 2-second resolution
    expect((await addCharts(input, [COLUMN, PIE])).equals(first)).toBe(true);
  });

  it('returns the input untouched when there are no charts', async () => {
    const input = await bytesOf(summaryWorkbook());
    expect(await addCharts(input, [])).toBe(input);
  });
});

describe('addCharts: other chart types and sheets that already have parts', () => {
  // A 1×1 PNG: exceljs writes it as a drawing of its own, with sheet rels.
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  async function withImageAndTable(): Promise<Buffer> {
    const workbook = summaryWorkbook();
    const sheet = workbook.getWorksheet('Summary')!;
    sheet.addImage(workbook.addImage({ buffer: PNG as never, extension: 'png' }), 'N2:O3');
    const data = workbook.addWorksheet('Trend 趋势');
    data.addTable({
      name: 'Monthly',
      ref: 'A1',
      columns: [{ name: 'Month' }, { name: 'Sales' }, { name: 'Cost' }],
      rows: [
        [1, 120, 80],
        [2, 135, 90],
        [3, 150, 96],
      ],
    });
    return bytesOf(workbook);
  }

  const charts: ChartSpec[] = [
    { ...COLUMN, type: 'bar', title: 'Bar 条形图' },
    { sheet: 'Trend 趋势', type: 'line', title: 'Trend 趋势', categories: "'Trend 趋势'!$A$2:$A$4", series: [{ name: 'Sales', values: "'Trend 趋势'!$B$2:$B$4" }], anchor: { from: 'E2', to: 'K12' } },
    { sheet: 'Trend 趋势', type: 'scatter', title: 'Cost vs sales', categories: "'Trend 趋势'!$B$2:$B$4", series: [{ name: 'Cost', values: "'Trend 趋势'!$C$2:$C$4" }], anchor: { from: 'E14', to: 'K24' } },
    { ...PIE, type: 'doughnut', title: 'Doughnut 环形图', anchor: { from: 'N5', to: 'S15' } },
  ];
  let bytes: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    bytes = await addCharts(await withImageAndTable(), charts);
    zip = await JSZip.loadAsync(bytes);
  });

  it('adds the Summary charts to the drawing exceljs wrote for the image', async () => {
    const sheet = await xmlPart(zip, 'xl/worksheets/sheet2.xml');
    expect(all(sheet, 'drawing')).toHaveLength(1);
    const rels = relationships(await xmlPart(zip, 'xl/worksheets/_rels/sheet2.xml.rels'));
    const drawingRel = rels.find((r) => r.Id === one(sheet, 'drawing').attrs['r:id'])!;
    const drawingPath = path.posix.join('xl/worksheets', drawingRel.Target);
    const drawing = await xmlPart(zip, drawingPath);
    expect(all(drawing, 'xdr:pic')).toHaveLength(1);
    expect(all(drawing, 'xdr:graphicFrame')).toHaveLength(2);
    const ids = all(drawing, 'xdr:cNvPr').map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    const drawingRels = relationships(await xmlPart(zip, path.posix.join(path.posix.dirname(drawingPath), '_rels', `${path.posix.basename(drawingPath)}.rels`)));
    expect(drawingRels.map((r) => r.Id).sort()).toEqual(['rId1', 'rId2', 'rId3']); // image + 2 charts
  });

  it('puts <drawing> before <tableParts> on a sheet with a table, and quotes its sheet name', async () => {
    const sheet = await xmlPart(zip, 'xl/worksheets/sheet3.xml');
    const order = kids(sheet);
    expect(order.indexOf('drawing')).toBeGreaterThan(order.indexOf('pageMargins'));
    expect(order.indexOf('drawing')).toBe(order.indexOf('tableParts') - 1);
    const rels = relationships(await xmlPart(zip, 'xl/worksheets/_rels/sheet3.xml.rels'));
    expect(rels.map((r) => r.Type.split('/').pop()).sort()).toEqual(['drawing', 'table']);
  });

  it('writes bar (barDir bar), line, scatter (two value axes) and doughnut charts', async () => {
    const charts = await Promise.all([1, 2, 3, 4].map((n) => xmlPart(zip, `xl/charts/chart${n}.xml`)));
    const plots = charts.map((chart) => one(chart, 'c:plotArea').children.map((c) => c.name).filter((n) => n !== 'c:layout'));
    expect(plots).toEqual([
      ['c:barChart', 'c:catAx', 'c:valAx'],
      ['c:doughnutChart'],
      ['c:lineChart', 'c:catAx', 'c:valAx'],
      ['c:scatterChart', 'c:valAx', 'c:valAx'],
    ]);
    expect(one(charts[0], 'c:barDir').attrs.val).toBe('bar');
    // Horizontal bars read top-down in sheet order, the value axis staying at the bottom.
    expect(one(one(charts[0], 'c:catAx'), 'c:orientation').attrs.val).toBe('maxMin');
    expect(one(one(charts[0], 'c:valAx'), 'c:crosses').attrs.val).toBe('max');
    expect(one(one(charts[2], 'c:cat'), 'c:f').text).toBe("'Trend 趋势'!$A$2:$A$4");
    // Numeric categories are a numRef, scatter x values an xVal.
    expect(all(one(charts[2], 'c:cat'), 'c:numRef')).toHaveLength(1);
    expect(one(one(charts[3], 'c:xVal'), 'c:f').text).toBe("'Trend 趋势'!$B$2:$B$4");
    expect(one(one(charts[3], 'c:yVal'), 'c:f').text).toBe("'Trend 趋势'!$C$2:$C$4");
  });

  it('still opens in exceljs and passes upload validation', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.getWorksheet('Trend 趋势')!.getCell('B3').value).toBe(135);
    await expect(checkWorkbookBytes(bytes)).resolves.toBeUndefined();
  });

  it('refuses charts on missing sheets and references it cannot read', async () => {
    const input = await bytesOf(summaryWorkbook());
    await expect(addCharts(input, [{ ...COLUMN, sheet: 'Nope' }])).rejects.toThrow(/no sheet named "Nope"/);
    await expect(addCharts(input, [{ ...COLUMN, categories: 'A2:A7' }])).rejects.toThrow(/not a reference/);
    await expect(addCharts(input, [{ ...COLUMN, anchor: { from: 'L18', to: 'E2' } }])).rejects.toThrow(/anchor/);
    await expect(addCharts(input, [{ ...COLUMN, series: [] }])).rejects.toThrow(/no series/);
  });
});

// --- LibreOffice (optional: skipped where it is not installed) ---------------------------------

function onPath(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (dir && fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const office = onPath('soffice', 'libreoffice');

(office ? describe : describe.skip)('addCharts: LibreOffice renders the charts', () => {
  it('converts the workbook to PDF without errors, chart titles drawn', async () => {
    const dir = tempDir('perfplan-charts-lo-');
    const file = path.join(dir, 'charts.xlsx');
    fs.writeFileSync(file, await addCharts(await bytesOf(summaryWorkbook()), [COLUMN, PIE]));
    // A private profile: no clash with another running soffice, nothing left in $HOME.
    const profile = `file://${path.join(dir, 'profile')}`;
    const run = spawnSync(office!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\berror\b/i);
    const pdf = path.join(dir, 'charts.pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    // With poppler's pdftotext, check the chart titles made it into the drawing.
    const pdftotext = onPath('pdftotext');
    if (pdftotext) {
      const text = spawnSync(pdftotext, [pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Payout by person');
      expect(text).toContain('Share of payouts');
    }
  }, 150_000);
});
