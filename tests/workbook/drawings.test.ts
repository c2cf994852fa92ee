/**
 * Charts read from a package as plain descriptions, and the package without its worksheet
 * drawings (what Excel on the web will insert), plus the browser's zip codec those run on in
 * the task pane. Answer keys: the built-in templates' own ChartSpec lists, and chart_bar01.xlsx,
 * a bar chart saved by Excel itself (tests/fixtures/excel-saved/README.md: XlsxWriter's
 * comparison files, BSD-2-Clause, copyright (c) 2013-2025 John McNamara).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { browserCodec } from '../../workbook/browser-codec';
import { ChartDescription, anchorCells, parseChartReference, readCharts, stripDrawings } from '../../workbook/drawings';
import { nodeCodec } from '../../workbook/node-codec';
import { readContentTypes, readRelationships, relsPathOf } from '../../workbook/package';
import { readWorkbookModel } from '../../workbook/read';
import { ZipArchive, ZipCodec, ZipEntry, ZipFormatError, writeZip } from '../../workbook/zip';
import { BUILT_IN_TEMPLATES, buildTemplate } from '../../library/templates';
import { addCharts } from '../../library/kit/charts';
import type { ChartSpec } from '../../library/kit/types';

const CHART_BAR01 = path.join(__dirname, '..', 'fixtures', 'excel-saved', 'chart_bar01.xlsx');
const DRAWING_OR_CHART = /^xl\/(drawings|charts)\//i;

function loadFixture(): Uint8Array {
  return new Uint8Array(fs.readFileSync(CHART_BAR01));
}

/** A description in ChartSpec's terms (anchor as the cells covered), to compare with a template's list. */
function asSpec(chart: ChartDescription) {
  return {
    sheet: chart.sheet,
    type: chart.type,
    title: chart.title,
    categories: chart.categories,
    series: chart.series.map((s) => ({ name: s.name, values: s.values })),
    anchor: anchorCells(chart.anchor),
  };
}

/** Internal relationship targets (and their sources) that name no part of the package. */
function danglingRelationships(bytes: Uint8Array): string[] {
  const zip = ZipArchive.read(bytes);
  const dangling: string[] = [];
  for (const entry of zip.entries) {
    const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(entry.name);
    if (!match) continue;
    const source = match[2] === '' ? '' : `${match[1]}${match[2]}`;
    for (const rel of readRelationships(zip, nodeCodec, source)) {
      if (!rel.external && !zip.has(rel.target)) dangling.push(`${source || '/'} → ${rel.target}`);
    }
  }
  return dangling;
}

/** Every r:id a worksheet uses must be one of its relationships. */
function unresolvedSheetIds(bytes: Uint8Array): string[] {
  const zip = ZipArchive.read(bytes);
  const out: string[] = [];
  for (const entry of zip.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const ids = new Set(readRelationships(zip, nodeCodec, entry.name).map((r) => r.id));
    for (const [, id] of zip.text(entry.name, nodeCodec).matchAll(/\br:id="([^"]*)"/g)) if (!ids.has(id)) out.push(`${entry.name} ${id}`);
  }
  return out;
}

function sameStoredBytes(a: ZipEntry, b: ZipEntry): boolean {
  return a.method === b.method && a.crc32 === b.crc32 && a.size === b.size && a.time === b.time && a.date === b.date && Buffer.compare(a.raw, b.raw) === 0;
}

/**
 * The stripped package against the original: which entries are gone, which were rewritten,
 * and that the rest is stored byte for byte as it was.
 */
function compare(original: Uint8Array, stripped: Uint8Array) {
  const before = ZipArchive.read(original);
  const after = ZipArchive.read(stripped);
  const gone = before.entries.filter((e) => !after.has(e.name)).map((e) => e.name);
  const changed = after.entries.filter((e) => !sameStoredBytes(e, before.entry(e.name)!)).map((e) => e.name);
  return { before, after, gone, changed, order: after.entries.map((e) => e.name) };
}

describe('browserCodec (the task pane’s zip codec) agrees with the Node codec', () => {
  const inputs: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['one byte', new Uint8Array([42])],
    ['XML text', new TextEncoder().encode('<c r="A1"><f>_xldudf_PERF_TIERED(B2:B9,Tiers!A2:B7)</f><v>1</v></c>'.repeat(500))],
    ['incompressible bytes', Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24)],
    ['long runs', new Uint8Array(3_000_000).fill(7)],
  ];

  it.each(inputs)('inflates what Node deflated, byte for byte (%s)', (_, data) => {
    const deflated = nodeCodec.deflateRaw(data);
    expect(Buffer.compare(browserCodec.inflateRaw(deflated, data.length), data)).toBe(0);
  });

  it.each(inputs)('deflates to what Node inflates back (%s)', (_, data) => {
    const deflated = browserCodec.deflateRaw(data);
    expect(Buffer.compare(nodeCodec.inflateRaw(deflated, data.length), data)).toBe(0);
  });

  it.each(inputs)('computes the same CRC-32 as zlib (%s)', (_, data) => {
    expect(browserCodec.crc32(data)).toBe(zlib.crc32(data));
  });

  it('has the standard CRC-32 check value (CRC-32/ISO-HDLC of "123456789" = CBF43926)', () => {
    expect(browserCodec.crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('inflates every entry of Excel-saved and built workbooks as the Node codec does', async () => {
    const template = new Uint8Array(await buildTemplate(BUILT_IN_TEMPLATES.find((t) => t.metadata.id === 'budget-allocation')!));
    for (const bytes of [loadFixture(), template]) {
      const zip = ZipArchive.read(bytes);
      for (const entry of zip.entries) {
        const viaBrowser = zip.bytes(entry.name, browserCodec);
        expect(Buffer.compare(viaBrowser, zip.bytes(entry.name, nodeCodec))).toBe(0);
        expect(browserCodec.crc32(viaBrowser)).toBe(entry.crc32);
      }
    }
  });

  it('refuses data that is not deflate, as a ZipFormatError', () => {
    expect(() => browserCodec.inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 10)).toThrow(ZipFormatError);
  });

  it('stops inflating past the declared size (a zip bomb never fills memory)', () => {
    const bomb = nodeCodec.deflateRaw(new Uint8Array(5_000_000));
    expect(() => browserCodec.inflateRaw(bomb, 1000)).toThrow(/inflates past 1001 bytes/);
  });

  it('writes a zip the Node codec reads back', () => {
    const bytes = writeZip([{ name: 'a.txt', data: 'hello, 世界' }], browserCodec);
    expect(ZipArchive.read(bytes).text('a.txt', nodeCodec)).toBe('hello, 世界');
  });
});

describe('readCharts', () => {
  it('reads the bar chart Excel saved: type from barDir, two series over one category range, anchor cells', () => {
    const charts = readCharts(loadFixture(), browserCodec);
    expect(charts).toEqual([
      {
        sheet: 'Sheet1',
        type: 'bar', // <c:barDir val="bar"/>
        plot: 'barChart',
        categories: 'Sheet1!$A$1:$A$5',
        // Excel named neither series (no c:tx) and gave the chart no title.
        series: [
          { categories: 'Sheet1!$A$1:$A$5', values: 'Sheet1!$B$1:$B$5' },
          { categories: 'Sheet1!$A$1:$A$5', values: 'Sheet1!$C$1:$C$5' },
        ],
        anchor: { from: { col: 4, row: 8, colOff: 0, rowOff: 0 }, to: { col: 11, row: 22, colOff: 304800, rowOff: 76200 } },
        part: 'xl/charts/chart1.xml',
      },
    ]);
    // The end marker lies inside L23 (offsets past its left and top edges): the chart reaches into it.
    expect(anchorCells(charts[0].anchor)).toEqual({ from: 'E9', to: 'L23' });
  });

  const withCharts = BUILT_IN_TEMPLATES.filter((t) => (t.charts ?? []).length > 0);

  it('covers the templates that draw charts, column, line and pie among them', () => {
    expect(withCharts.map((t) => t.metadata.id)).toEqual(expect.arrayContaining(['budget-allocation', 'channel-team-incentive', 'channel-tiering', 'reorg-cost-benefit']));
    expect([...new Set(withCharts.flatMap((t) => t.charts!.map((c) => c.type)))]).toEqual(expect.arrayContaining(['column', 'line', 'pie']));
  });

  it.each(withCharts.map((t) => [t.metadata.id, t] as const))('reads back the ChartSpec list of the %s template', async (_, template) => {
    const bytes = new Uint8Array(await buildTemplate(template));
    const charts = readCharts(bytes, browserCodec);
    // Drawn per sheet in the order given, as addCharts groups them.
    const bySheet = (list: ChartSpec[]) => [...list].sort((a, b) => a.sheet.localeCompare(b.sheet));
    expect(charts.map(asSpec)).toEqual(bySheet(template.charts!).map((spec) => ({ ...spec })));
    for (const chart of charts) {
      for (const series of chart.series) expect(series.categories).toBe(chart.categories);
    }
  });

  it('reads bar, line, doughnut and scatter charts, quoted sheet names and series named by a cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const data = workbook.addWorksheet('Data');
    data.addRows([
      ['Month', 'Plan', 'Actual'],
      ['Jan', 10, 12],
      ['Feb', 20, 18],
      ['Mar', 30, 33],
    ]);
    const quoted = workbook.addWorksheet("Q1 plan's");
    quoted.addRows([
      ['x', 'y'],
      [1, 2],
      [2, 4],
      [3, 5],
    ]);
    const specs: ChartSpec[] = [
      { sheet: 'Data', type: 'bar', title: 'Plan by month', categories: 'Data!$A$2:$A$4', series: [{ name: 'Data!$B$1', values: 'Data!$B$2:$B$4' }, { name: 'Actual', values: 'Data!$C$2:$C$4' }], anchor: { from: 'E2', to: 'K12' } },
      { sheet: 'Data', type: 'line', title: 'Trend 趋势', categories: 'Data!$A$2:$A$4', series: [{ name: 'Plan', values: 'Data!$B$2:$B$4' }], anchor: { from: 'E14', to: 'K24' } },
      { sheet: 'Data', type: 'doughnut', title: 'Share & mix', categories: 'Data!$A$2:$A$4', series: [{ name: 'Actual', values: 'Data!$C$2:$C$4' }], anchor: { from: 'M2', to: 'Q12' } },
      { sheet: "Q1 plan's", type: 'scatter', title: 'y over x', categories: "'Q1 plan''s'!$A$2:$A$4", series: [{ name: 'y', values: "'Q1 plan''s'!$B$2:$B$4" }], anchor: { from: 'D1', to: 'D1' } },
    ];
    const bytes = new Uint8Array(await addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), specs));
    const charts = readCharts(bytes, nodeCodec);
    expect(charts.map((c) => c.type)).toEqual(['bar', 'line', 'doughnut', 'scatter']);
    expect(charts.map((c) => c.title)).toEqual(['Plan by month', 'Trend 趋势', 'Share & mix', 'y over x']);
    // A series named by a cell: the reference, and the text that cell held.
    expect(charts[0].series[0]).toEqual({ name: 'Plan', nameRef: 'Data!$B$1', categories: 'Data!$A$2:$A$4', values: 'Data!$B$2:$B$4' });
    expect(charts[0].series[1]).toEqual({ name: 'Actual', categories: 'Data!$A$2:$A$4', values: 'Data!$C$2:$C$4' });
    // Scatter x values are its categories; a one-cell anchor covers just that cell.
    expect(charts[3]).toMatchObject({ sheet: "Q1 plan's", categories: "'Q1 plan''s'!$A$2:$A$4", series: [{ name: 'y', values: "'Q1 plan''s'!$B$2:$B$4" }] });
    expect(anchorCells(charts[3].anchor)).toEqual({ from: 'D1', to: 'D1' });
    expect(parseChartReference(charts[3].categories!)).toEqual({ sheet: "Q1 plan's", address: '$A$2:$A$4' });
  });

  it('reads nothing from a workbook without drawings', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan').getCell('A1').value = 1;
    expect(readCharts(new Uint8Array(await workbook.xlsx.writeBuffer()), nodeCodec)).toEqual([]);
  });
});

describe('parseChartReference', () => {
  it('splits a sheet-qualified range, unquoting the sheet name', () => {
    expect(parseChartReference('Summary!$A$2:$A$7')).toEqual({ sheet: 'Summary', address: '$A$2:$A$7' });
    expect(parseChartReference("'Bob''s plan'!$B$1")).toEqual({ sheet: "Bob's plan", address: '$B$1' });
    expect(parseChartReference('计划!B2:C3')).toEqual({ sheet: '计划', address: 'B2:C3' });
    expect(parseChartReference('$A$1:$A$3')).toEqual({ address: '$A$1:$A$3' });
  });

  it('refuses what is not one plain range (unions, names)', () => {
    expect(parseChartReference('(Sheet1!$A$1,Sheet1!$A$3)')).toBeUndefined();
    expect(parseChartReference('Sheet1!Sales')).toBeUndefined();
  });
});

describe('stripDrawings', () => {
  function expectValidWithoutCharts(original: Uint8Array, stripped: Uint8Array, codec: ZipCodec) {
    const { after } = compare(original, stripped);
    expect(after.entries.map((e) => e.name).filter((name) => DRAWING_OR_CHART.test(name))).toEqual([]);
    const types = readContentTypes(after, codec);
    expect([...types.overrides.keys()].filter((name) => DRAWING_OR_CHART.test(name))).toEqual([]);
    expect(danglingRelationships(stripped)).toEqual([]);
    expect(unresolvedSheetIds(stripped)).toEqual([]);
    expect(readCharts(stripped, codec)).toEqual([]);
    // Every part still has a content type (folder entries, which some zip writers add, are no parts).
    for (const entry of after.entries) {
      if (entry.name === '[Content_Types].xml' || entry.name.endsWith('/')) continue;
      const ext = entry.name.slice(entry.name.lastIndexOf('.') + 1).toLowerCase();
      expect(types.overrides.has(entry.name.toLowerCase()) || types.defaults.has(ext)).toBe(true);
    }
  }

  it('takes the chart out of the Excel-saved workbook and copies every other entry byte for byte', () => {
    const original = loadFixture();
    const { bytes, removedParts } = stripDrawings(original, nodeCodec);
    expect(removedParts).toEqual(['xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/charts/chart1.xml']);
    expectValidWithoutCharts(original, bytes, nodeCodec);

    const { before, after, gone, changed, order } = compare(original, bytes);
    expect(gone).toEqual(removedParts);
    expect(changed).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml']);
    expect(order).toEqual(before.entries.map((e) => e.name).filter((name) => !gone.includes(name)));
    // The worksheet lost its <drawing> element and nothing else; the content types their two overrides.
    expect(after.text('xl/worksheets/sheet1.xml', nodeCodec)).toBe(before.text('xl/worksheets/sheet1.xml', nodeCodec).replace('<drawing r:id="rId1"/>', ''));
    expect(after.text('[Content_Types].xml', nodeCodec)).toBe(
      before
        .text('[Content_Types].xml', nodeCodec)
        .replace('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>', '')
        .replace('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>', ''),
    );
    // A rewritten part keeps its original date.
    expect(after.entry('xl/worksheets/sheet1.xml')!.date).toBe(before.entry('xl/worksheets/sheet1.xml')!.date);

    const model = readWorkbookModel(after, nodeCodec);
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(model.sheets[0].rows).toEqual(readWorkbookModel(before, nodeCodec).sheets[0].rows);
  });

  it.each(BUILT_IN_TEMPLATES.filter((t) => (t.charts ?? []).length > 0).map((t) => [t.metadata.id, t] as const))(
    'leaves the %s template readable, without drawings, every non-worksheet part but the content types untouched',
    async (_, template) => {
      const original = new Uint8Array(await buildTemplate(template));
      const { bytes, removedParts } = stripDrawings(original, browserCodec);
      expectValidWithoutCharts(original, bytes, browserCodec);
      const { before, after, gone, changed } = compare(original, bytes);
      expect(gone).toEqual(removedParts);
      expect(gone.filter((name) => !DRAWING_OR_CHART.test(name) && !/^xl\/worksheets\/_rels\//.test(name))).toEqual([]);
      for (const name of changed) expect(name).toMatch(/^(\[Content_Types\]\.xml|xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?)$/);
      // Same sheets, same cells, same formulas: only the drawings went.
      const a = readWorkbookModel(before, nodeCodec);
      const b = readWorkbookModel(after, nodeCodec);
      expect(b.sheets.map((s) => [s.name, s.rows, s.formulas, s.tables])).toEqual(a.sheets.map((s) => [s.name, s.rows, s.formulas, s.tables]));
      expect(b.definedNames).toEqual(a.definedNames);
    },
  );

  it('returns the very bytes it was given when no worksheet draws anything', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan').getCell('A1').value = 1;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(stripDrawings(bytes, nodeCodec)).toEqual({ bytes, removedParts: [] });
  });

  it('drops the folder entries of folders it empties, and keeps the others', () => {
    const source = ZipArchive.read(loadFixture());
    const folders = ['xl/', 'xl/charts/', 'xl/drawings/', 'xl/drawings/_rels/', 'xl/worksheets/', 'xl/worksheets/_rels/'];
    const original = writeZip([...folders.map((name) => ({ name, data: '' })), ...source.entries.map((entry) => ({ name: entry.name, copy: entry }))], nodeCodec);
    const { bytes, removedParts } = stripDrawings(original, nodeCodec);
    expect(removedParts.filter((name) => name.endsWith('/'))).toEqual(['xl/charts/', 'xl/drawings/', 'xl/drawings/_rels/', 'xl/worksheets/_rels/']);
    expect(ZipArchive.read(bytes).entries.map((e) => e.name).filter((name) => name.endsWith('/'))).toEqual(['xl/', 'xl/worksheets/']);
  });

  it('keeps a part the rest of the package still uses, and drops one only the drawing used', () => {
    // chart_bar01 plus two pictures in its drawing: image1.png is also the sheet's background
    // (<picture r:id>), image2.png only the drawing's.
    const source = ZipArchive.read(loadFixture());
    const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, n]);
    const imageRel = (id: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/>`;
    const edits: Record<string, string> = {
      '[Content_Types].xml': source.text('[Content_Types].xml', nodeCodec).replace('<Default Extension="rels"', '<Default Extension="png" ContentType="image/png"/><Default Extension="rels"'),
      'xl/worksheets/sheet1.xml': source.text('xl/worksheets/sheet1.xml', nodeCodec).replace('<drawing r:id="rId1"/>', '<drawing r:id="rId1"/><picture r:id="rId2"/>'),
      'xl/worksheets/_rels/sheet1.xml.rels': source.text('xl/worksheets/_rels/sheet1.xml.rels', nodeCodec).replace('</Relationships>', `${imageRel('rId2', '../media/image1.png')}</Relationships>`),
      'xl/drawings/_rels/drawing1.xml.rels': source
        .text('xl/drawings/_rels/drawing1.xml.rels', nodeCodec)
        .replace('</Relationships>', `${imageRel('rId2', '../media/image1.png')}${imageRel('rId3', '../media/image2.png')}</Relationships>`),
    };
    const original = writeZip(
      [
        ...source.entries.map((entry) => (edits[entry.name] !== undefined ? { name: entry.name, data: edits[entry.name] } : { name: entry.name, copy: entry })),
        { name: 'xl/media/image1.png', data: png(1) },
        { name: 'xl/media/image2.png', data: png(2) },
      ],
      nodeCodec,
    );

    const { bytes, removedParts } = stripDrawings(original, nodeCodec);
    expect(removedParts).toEqual(['xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/charts/chart1.xml', 'xl/media/image2.png']);
    expectValidWithoutCharts(original, bytes, nodeCodec);
    const after = ZipArchive.read(bytes);
    // The background picture and its relationship stay; only the drawing's relationship went.
    expect(after.text('xl/worksheets/sheet1.xml', nodeCodec)).toContain('<picture r:id="rId2"/>');
    expect(readRelationships(after, nodeCodec, 'xl/worksheets/sheet1.xml').map((r) => [r.id, r.target])).toEqual([['rId2', 'xl/media/image1.png']]);
    expect(Buffer.compare(after.bytes('xl/media/image1.png', nodeCodec), png(1))).toBe(0);
  });
});
