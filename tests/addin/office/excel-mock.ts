/**
 * An Excel.RequestContext built on office-addin-mock's OfficeMockObject for the addin/office
 * helpers. The mock supplies load/sync semantics (a property reads "Error, property was not
 * loaded" until loaded and synced); the functions below supply what it cannot model:
 * worksheet and range lookup (getItem, getRange, getSelectedRange…), collection loads
 * ("items/name" on an array), insertWorksheetsFromBase64 (and its failure), worksheets.add,
 * getUsedRange, charts.add with its series, tables.add and Application.calculate. Each records
 * its call in `calls`.
 *
 * Ranges must be declared up front (by local address, per sheet); getRange of any other
 * address throws, so a test states exactly which ranges a helper may touch.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose main module
// pulls in an ES-only package (strip-bom via @microsoft/app-manifest) that Jest cannot require
// on Node 20 ("Must use import to load ES Module"). Serve the enum's own module instead.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

export type RangeData = Record<string, unknown>;

export interface SheetSpec {
  id?: string;
  /** Ranges by local address ("B2:F2"), with any loadable properties (values, formulas…). */
  ranges?: Record<string, RangeData>;
  /**
   * What getUsedRange returns: rowIndex, columnIndex (0-based), formulas, values. Default: a
   * blank sheet's, which Excel reports as A1 holding "".
   */
  usedRange?: RangeData;
}

export interface SelectionSpec {
  /** What Range.address reports ("Plan!B3:D5"). */
  address: string;
  /** The selection's top-left cell (getCell(0, 0)), for helpers that read it. */
  cell?: RangeData;
}

export interface Call {
  method: string;
  /** The worksheet the call was made on, when any. */
  sheet?: string;
  /** The chart (and series) the call was made on: "chart", "chart1", "chart1.s0"… */
  target?: string;
  args: unknown[];
}

export interface MockSpec {
  /** Existing worksheets, in tab order. */
  sheets: Record<string, SheetSpec>;
  /** The active worksheet (default: the first). */
  active?: string;
  selection?: SelectionSpec;
  /** Worksheets that `worksheets.add(name)` may create, by name. */
  addable?: Record<string, SheetSpec>;
  /**
   * What insertWorksheetsFromBase64 inserts: each sheet's id and the name Excel gives it
   * (Excel may rename on a clash), in order.
   */
  inserts?: { id: string; name: string; ranges?: Record<string, RangeData>; usedRange?: RangeData }[];
  /**
   * Errors the first insertWorksheetsFromBase64 batches fail with, one per call, at the sync
   * after it (as Excel reports them); Excel inserts nothing then. Later calls succeed.
   */
  insertFailures?: Error[];
  /** Runs on Application.calculate (after the call is recorded). */
  onCalculate?: (harness: Harness, calculationType: unknown) => void;
}

export interface Harness {
  context: Excel.RequestContext;
  /** The OfficeMockObject behind `context`. */
  mock: any;
  calls: Call[];
  /** Calls of one method, in order. */
  callsOf(method: string): Call[];
  /** The mock of a worksheet, by its current name or id. */
  sheet(nameOrId: string): any;
  /** The mock of a declared range. */
  range(sheet: string, address: string): any;
  /** The worksheets' current names, in tab order. */
  sheetNames(): string[];
  /** Makes the next context.sync() reject with `error` (as Excel rejects a failed batch). */
  failNextSync(error: Error): void;
  /** How many times context.sync() was called. */
  syncs(): number;
}

const NOT_LOADED = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);

interface SheetEntry {
  key: string;
  name: string;
  id: string;
  live: boolean;
}

/** Charts one sheet can add, and series one chart can hold. */
const MAX_CHARTS = 4;
const MAX_SERIES = 4;

/**
 * One chart: its title, axes and series s0…s3. charts.add creates s0 (as Excel makes a series
 * of the source data); series.add hands out s1, s2, … in order.
 */
function chartMock(calls: Call[], sheet: () => string, key: string): RangeData {
  let added = 1;
  const series: RangeData = {
    getItemAt(this: any, index: number) {
      calls.push({ method: 'chart.series.getItemAt', sheet: sheet(), target: key, args: [index] });
      return this[`s${index}`];
    },
    add(this: any, ...args: unknown[]) {
      calls.push({ method: 'chart.series.add', sheet: sheet(), target: key, args });
      if (added >= MAX_SERIES) throw new Error(`The mock chart holds at most ${MAX_SERIES} series`);
      return this[`s${added++}`];
    },
  };
  for (let i = 0; i < MAX_SERIES; i++) {
    const target = `${key}.s${i}`;
    series[`s${i}`] = {
      setValues(...args: unknown[]) {
        calls.push({ method: 'series.setValues', sheet: sheet(), target, args });
      },
      setXAxisValues(...args: unknown[]) {
        calls.push({ method: 'series.setXAxisValues', sheet: sheet(), target, args });
      },
    };
  }
  return {
    title: {},
    axes: { categoryAxis: {}, valueAxis: {} },
    series,
    setPosition(...args: unknown[]) {
      calls.push({ method: 'chart.setPosition', sheet: sheet(), target: key, args });
    },
  };
}

/** A sheet's charts: the first added is `chart`, the next `chart1`, `chart2`, … */
function chartData(calls: Call[], sheet: () => string): RangeData {
  const keys = Array.from({ length: MAX_CHARTS }, (_, i) => (i === 0 ? 'chart' : `chart${i}`));
  let added = 0;
  const data: RangeData = {
    add(this: any, ...args: unknown[]) {
      if (added >= MAX_CHARTS) throw new Error(`The mock sheet holds at most ${MAX_CHARTS} charts`);
      const key = keys[added++];
      calls.push({ method: 'charts.add', sheet: sheet(), target: key, args });
      return this[key];
    },
  };
  for (const key of keys) data[key] = chartMock(calls, sheet, key);
  return data;
}

/** What Excel's getUsedRange reports for a blank sheet: A1, empty. */
const BLANK_USED_RANGE: RangeData = { rowIndex: 0, columnIndex: 0, formulas: [['']], values: [['']] };

export function createExcelMock(spec: MockSpec): Harness {
  const calls: Call[] = [];
  const entries: SheetEntry[] = [];
  let mock: any;
  let pendingFailure: Error | undefined;
  let syncCount = 0;

  const currentName = (entry: SheetEntry): string => {
    const value = mock?.workbook?.worksheets?.[entry.key]?.name;
    return typeof value === 'string' && !NOT_LOADED.has(value) ? value : entry.name;
  };
  const find = (nameOrId: string): SheetEntry | undefined =>
    entries.find((e) => e.live && (e.id === nameOrId || currentName(e).toLowerCase() === nameOrId.toLowerCase()));

  const sheetData = (entry: SheetEntry, ranges: Record<string, RangeData> = {}, usedRange: RangeData = BLANK_USED_RANGE): RangeData => {
    const name = () => currentName(entry);
    const rangeData: Record<string, RangeData> = {};
    for (const [address, data] of Object.entries(ranges)) rangeData[address] = { format: { font: {}, fill: {} }, ...data };
    return {
      name: entry.name,
      id: entry.id,
      ranges: rangeData,
      getRange(this: any, address: string) {
        calls.push({ method: 'getRange', sheet: name(), args: [address] });
        if (!Object.prototype.hasOwnProperty.call(rangeData, address)) {
          throw new Error(`Unexpected getRange("${address}") on ${name()}`);
        }
        return this.ranges[address];
      },
      activate() {
        calls.push({ method: 'activate', sheet: name(), args: [] });
      },
      usedRange,
      getUsedRange(this: any, ...args: unknown[]) {
        calls.push({ method: 'getUsedRange', sheet: name(), args });
        return this.usedRange;
      },
      charts: chartData(calls, name),
      tables: {
        table: {},
        add(this: any, ...args: unknown[]) {
          calls.push({ method: 'tables.add', sheet: name(), args });
          return this.table;
        },
      },
    };
  };

  const worksheets: RangeData = {
    // office-addin-mock cannot load "items/name" (it navigates objects, not arrays): list the
    // live sheets as Office.js would after the load, and record what was asked for.
    load(this: any, properties: unknown) {
      calls.push({ method: 'worksheets.load', args: [properties] });
      this.items = entries.filter((e) => e.live).map((e) => ({ name: currentName(e), id: e.id }));
      return this;
    },
    getItem(this: any, key: string) {
      calls.push({ method: 'worksheets.getItem', args: [key] });
      const entry = find(key);
      if (!entry) throw new Error(`ItemNotFound: worksheet "${key}"`);
      return this[entry.key];
    },
    getActiveWorksheet(this: any) {
      calls.push({ method: 'worksheets.getActiveWorksheet', args: [] });
      const entry = find(spec.active ?? Object.keys(spec.sheets)[0]);
      if (!entry) throw new Error('No active worksheet');
      return this[entry.key];
    },
    add(this: any, name: string) {
      calls.push({ method: 'worksheets.add', args: [name] });
      if (find(name)) throw new Error(`ItemAlreadyExists: worksheet "${name}"`);
      const entry = entries.find((e) => !e.live && e.name === name && e.key.startsWith('added'));
      if (!entry) throw new Error(`Unexpected worksheets.add("${name}")`);
      entry.live = true;
      return this[entry.key];
    },
  };

  const declare = (prefix: string, name: string, id: string, live: boolean, sheet: SheetSpec) => {
    const entry: SheetEntry = { key: `${prefix}${entries.length}`, name, id, live };
    entries.push(entry);
    worksheets[entry.key] = sheetData(entry, sheet.ranges, sheet.usedRange);
  };
  Object.entries(spec.sheets).forEach(([name, sheet], i) => declare('sheet', name, sheet.id ?? `id-${i}`, true, sheet));
  Object.entries(spec.addable ?? {}).forEach(([name, sheet]) => declare('added', name, sheet.id ?? `added-${name}`, false, sheet));
  (spec.inserts ?? []).forEach((sheet) => declare('inserted', sheet.name, sheet.id, false, sheet));
  const insertFailures = [...(spec.insertFailures ?? [])];

  const selection = spec.selection;
  const workbook: RangeData = {
    worksheets,
    application: {
      calculate(calculationType: unknown) {
        calls.push({ method: 'application.calculate', args: [calculationType] });
        spec.onCalculate?.(harness, calculationType);
      },
    },
    insertWorksheetsFromBase64(base64: string, options: unknown) {
      calls.push({ method: 'insertWorksheetsFromBase64', args: [base64, options] });
      const failure = insertFailures.shift();
      if (failure) {
        pendingFailure = failure;
        return { value: [] };
      }
      const inserted = entries.filter((e) => e.key.startsWith('inserted'));
      inserted.forEach((e) => {
        e.live = true;
      });
      return { value: inserted.map((e) => e.id) };
    },
  };
  if (selection) {
    workbook.selection = {
      address: selection.address,
      cell: selection.cell ?? {},
      getCell(this: any, row: number, col: number) {
        calls.push({ method: 'selection.getCell', args: [row, col] });
        return this.cell;
      },
    };
    workbook.getSelectedRange = function (this: any) {
      calls.push({ method: 'getSelectedRange', args: [] });
      return this.selection;
    };
  }

  mock = new OfficeMockObject({ workbook });
  const realSync = mock.sync.bind(mock);
  mock.sync = async () => {
    syncCount++;
    calls.push({ method: 'sync', args: [] });
    if (pendingFailure) {
      const error = pendingFailure;
      pendingFailure = undefined;
      throw error;
    }
    await realSync();
  };

  const harness: Harness = {
    context: mock as unknown as Excel.RequestContext,
    mock,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    sheet(nameOrId) {
      const entry = find(nameOrId);
      if (!entry) throw new Error(`No worksheet "${nameOrId}"`);
      return mock.workbook.worksheets[entry.key];
    },
    range(sheet, address) {
      const range = harness.sheet(sheet).ranges[address];
      if (!range) throw new Error(`No declared range ${sheet}!${address}`);
      return range;
    },
    sheetNames: () => entries.filter((e) => e.live).map(currentName),
    failNextSync(error) {
      pendingFailure = error;
    },
    syncs: () => syncCount,
  };
  return harness;
}

/** Declares `addresses` as empty (write-only) ranges. */
export function blank(...addresses: string[]): Record<string, RangeData> {
  return Object.fromEntries(addresses.map((address) => [address, {}]));
}

/** The addresses passed to getRange on `sheet`, in order. */
export function rangesTouched(harness: Harness, sheet: string): string[] {
  return harness.calls.filter((call) => call.method === 'getRange' && call.sheet === sheet).map((call) => call.args[0] as string);
}

/**
 * Workbook names (the mock has none), each a range: what `names.load('items/name')` lists and
 * getItem(…).getRangeOrNullObject() reads; null stands for a name that is no range.
 */
export function withNames(harness: Harness, names: Record<string, RangeData | null>): Harness {
  harness.mock.workbook.addMock('names');
  const keys = Object.keys(names);
  const data: Record<string, unknown> = {
    load(this: any) {
      this.items = keys.map((name) => ({ name }));
      return this;
    },
    getItem(this: any, name: string) {
      const i = keys.indexOf(name);
      if (i < 0) throw new Error(`ItemNotFound: name ${name}`);
      return this[`n${i}`];
    },
  };
  keys.forEach((name, i) => {
    data[`n${i}`] = { range: names[name] ?? { isNullObject: true }, getRangeOrNullObject(this: any) { return this.range; } };
  });
  harness.mock.workbook.names.populate(data);
  return harness;
}
