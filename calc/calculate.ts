/**
 * Headless calculation of a workbook read as Excel stored it (../workbook): the stored
 * formulas are translated for HyperFormula (./translate), PERF.* functions run the engine
 * through the HyperFormula adapter, and each formula's result is sized as Excel sizes it —
 * a dynamic array by its computed result, a legacy array by its fixed area, an ordinary
 * formula to one value.
 */
import { CellError, CellValue as HfCellValue, DenseSparseChooseBasedOnThreshold, DetailedCellError, EmptyValue, ErrorType, HyperFormula } from 'hyperformula';
import { Area, areaRef, contains, overlaps, toAddress } from '../workbook/a1';
import type { TableModel } from '../workbook/tables';
import { LIMITS, LimitError } from '../workbook/limits';
import { CellValue, FormulaCell, SheetModel, WorkbookModel } from '../workbook/read';
import { createPerfPlugin } from '../adapters/hyperformula/plugin';
import type { Cell } from '../engine/grid';
import type { PerfError } from '../engine/errors';
import type { Locale } from '../i18n';
import { CALC } from '../i18n/calc';
import { localizeHyperFormulaMessage } from '../i18n/hyperformula';
import { DEFAULT_LOCALE } from '../i18n/locale';
import { formatNumber, phrase, render } from '../i18n/text';
import { DATA, EXCEL_ONLY_ERRORS, FIT, SIZE, excelCompatPlugin, excelCompatTranslations } from './excel-functions/plugin';
import { CalculationHooks, buildingWith, cellKey, hooksOf, registerHooks } from './hooks';
import { LiveCells } from './live-cells';
import { TranslateContext, Translation, translateFormula, unsupportedFormula } from './translate';
import { tokenizeFormula } from '../workbook/formula-text';
import { referenceArea } from '../workbook/references';

export const HYPERFORMULA_CONFIG = {
  licenseKey: 'gpl-v3',
  // Excel's grid, not HyperFormula's 40,000-row default.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // Excel does not round results; neither may we, or Excel and the CLI disagree.
  smartRounding: false,
  // Array results must flow into other functions (=AVERAGE(PERF.SIM(...))).
  useArrayArithmetic: true,
  // A sheet mostly empty (one value in XFD1048576) is stored sparse; a filled one dense.
  chooseAddressMappingPolicy: new DenseSparseChooseBasedOnThreshold(0.5),
};

export const ADDIN_NAMESPACES = ['PERF'];

let registered = false;

/** Registers the PERF.* plugin and the Excel-compatibility plugin once per process. */
export function ensurePluginsRegistered(): void {
  if (registered) return;
  const { plugin, translations } = createPerfPlugin((instance) => hooksOf((instance as unknown as { dependencyGraph: object }).dependencyGraph));
  HyperFormula.registerFunctionPlugin(plugin, translations);
  HyperFormula.registerFunctionPlugin(excelCompatPlugin, excelCompatTranslations);
  registered = true;
}

let known: Set<string> | undefined;
function knownFunctions(): Set<string> {
  known ??= new Set(HyperFormula.getRegisteredFunctionNames('enGB').map((n) => n.toUpperCase()));
  return known;
}

/** A computed cell as the CLI and the writer report it. */
export type ResultValue = number | string | boolean | { error: string; message: string } | null;

/** One formula and what it computed. */
export interface FormulaResult {
  sheet: number;
  formula: FormulaCell;
  /** The cells its result occupies: the anchor alone, its spill, or its legacy array area. */
  area: Area;
  translation: Translation;
  /** Set once a legacy formula is re-entered with implicit intersection (SINGLE, see settle). */
  wrapper?: string;
  /** A dynamic array's size as last computed (the area HyperFormula is given for it). */
  size?: { rows: number; cols: number };
}

export interface CalcSettings {
  /**
   * Formulas as a user types them in Excel 365 (templates being built): ordinary formulas
   * may spill. Off for workbooks read from a file, where an ordinary formula is Excel's
   * legacy kind and shows one value.
   */
  typedFormulas?: boolean;
  /**
   * Give the formula engine every stored cell, not only those formulas read (for evaluating
   * arbitrary text afterwards, as explain does).
   */
  allCells?: boolean;
  /** The language of PERF error messages (the command line decides it); en-US when none. */
  locale?: Locale;
  /** PERF.BENCHMARK, answered synchronously (see benchmarks.ts); none: #N/A "service unavailable". */
  benchmark?(metric: Cell, segment: Cell, percentile: Cell): number | PerfError;
}

const VALID_EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', ...EXCEL_ONLY_ERRORS]);

/**
 * A HyperFormula value → what Excel would show: errors as Excel's codes, their messages in
 * `locale` — ours rendered so already, HyperFormula's translated (i18n/hyperformula.ts).
 */
export function resultValue(value: HfCellValue, locale: Locale = DEFAULT_LOCALE): ResultValue {
  if (value === null || value === undefined) return null;
  if (value instanceof DetailedCellError) {
    const message = value.message ?? '';
    if (value.value === '#ERROR!' && EXCEL_ONLY_ERRORS.includes(message)) return { error: message, message: '' };
    // HyperFormula's own messages ("Value cannot be coerced to number.") in `locale` too.
    if (VALID_EXCEL_ERRORS.has(value.value)) return { error: value.value, message: localizeHyperFormulaMessage(message, locale) };
    if (value.value === '#CYCLE!') return { error: '#NUM!', message: render(CALC.circular, locale) };
    return { error: '#VALUE!', message: message ? localizeHyperFormulaMessage(message, locale) : value.value };
  }
  return value as number | string | boolean;
}

/** A stored constant → HyperFormula's raw content (text forced to text with a leading apostrophe). */
function rawContent(value: CellValue): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return `'${value}`;
  return VALID_EXCEL_ERRORS.has(value.error) && !EXCEL_ONLY_ERRORS.includes(value.error) ? value.error : `=PERFPLAN.ERROR("${value.error}")`;
}

interface ArrayVertexLike {
  width: number;
  height: number;
}

/** Ranges smaller than this stay ordinary references inside add-in calls (nothing to save). */
const DATA_MIN_CELLS = 256;

const TO_ERROR_TYPE: Record<string, ErrorType> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#VALUE!': ErrorType.VALUE,
};

/** A stored constant as HyperFormula's interpreter holds it. */
function interpreterValue(value: CellValue | undefined): unknown {
  if (value === undefined) return EmptyValue;
  if (typeof value !== 'object') return value;
  const type = TO_ERROR_TYPE[value.error];
  return type ? new CellError(type) : new CellError(ErrorType.ERROR, value.error);
}

function anchorArea(formula: FormulaCell): Area {
  return { top: formula.row, left: formula.col, bottom: formula.row, right: formula.col };
}

export class Calculation {
  private engine!: HyperFormula;
  private hooks!: CalculationHooks;
  readonly results: FormulaResult[] = [];
  /** Per sheet: formula results by "row,col" of their anchor. */
  private readonly byAnchor: Map<string, FormulaResult>[];
  /** Cells of the file that hold only cached values of an array (not given to HyperFormula). */
  private readonly cachedOnly: Area[][];
  /** Per sheet and column: the sorted rows holding a formula. */
  private readonly formulaRows: Map<number, number[]>[];
  private readonly tables: TableModel[];
  /** Constant ranges handed to add-in calls directly (PERFPLAN.DATA n), by "sheet|area". */
  private dataRanges: { sheet: number; area: Area; values?: unknown[][] }[] = [];
  private dataIndex = new Map<string, number>();
  /** Ranges that may not be handed over directly (a spill runs into them). */
  private readonly noData = new Set<string>();
  /** Areas whose constants the engine needs although no formula names them (they block a spill). */
  private readonly extraLive: { sheet: string; area: Area }[] = [];
  /** Per sheet and column: the first and last row holding data or a formula (built when first asked). */
  private occupancy: Map<number, { min: number; max: number }>[] | undefined;
  /** Sheets where an aggregate's range was narrowed to its occupied parts. */
  private readonly narrowed = new Set<number>();
  /** What each dynamic array computed, by cellKey (see PERFPLAN.SIZE). */
  private readonly computedSizes = new Map<string, { rows: number; cols: number }>();
  /** Simulation samples drawn, by cell (a cell evaluated again replaces its count). */
  private readonly samples = new Map<string, number>();
  private sampleTotal = 0;
  private overSampleBudget = false;

  constructor(
    readonly model: WorkbookModel,
    readonly settings: CalcSettings = {},
  ) {
    ensurePluginsRegistered();
    this.byAnchor = model.sheets.map(() => new Map());
    this.cachedOnly = model.sheets.map((sheet) => sheet.formulas.filter((f) => f.ref && f.kind !== 'plain').map((f) => f.ref!));
    this.tables = model.sheets.flatMap((s) => s.tables);
    this.formulaRows = model.sheets.map((sheet) => {
      const byColumn = new Map<number, number[]>();
      for (const f of sheet.formulas) {
        const rows = byColumn.get(f.col);
        if (rows) rows.push(f.row);
        else byColumn.set(f.col, [f.row]);
      }
      for (const rows of byColumn.values()) rows.sort((a, b) => a - b);
      return byColumn;
    });
    model.sheets.forEach((sheet, s) => {
      for (const formula of sheet.formulas) {
        const result: FormulaResult = { sheet: s, formula, area: formula.ref ?? anchorArea(formula), translation: { text: '', anchors: [] } };
        this.results.push(result);
        this.byAnchor[s].set(`${formula.row},${formula.col}`, result);
      }
    });
    this.build();
  }

  /** The HyperFormula instance holding the calculated workbook. */
  get hf(): HyperFormula {
    return this.engine;
  }

  /**
   * Builds and calculates. Two facts are only known after calculating — a spill that runs
   * into a range handed over directly, or over a constant no formula names — and each sends
   * the build round again with that range treated as ordinary cells (rare: a spill into
   * another formula's inputs or over typed values).
   */
  private build(): void {
    for (let attempt = 0; ; attempt++) {
      this.dataRanges = [];
      this.dataIndex.clear();
      for (const result of this.results) {
        result.area = result.formula.ref ?? anchorArea(result.formula);
        result.wrapper = undefined;
        result.size = this.isDynamic(result) ? this.firstGuess(result.area) : undefined;
        result.translation = this.translate(result);
      }
      const names = this.namedExpressions();
      const live = this.settings.allCells ? null : this.liveCells(names);
      if (attempt > 0) this.engine.destroy();
      const hooks: CalculationHooks = (this.hooks = {
        dataSize: (n) => {
          const { area } = this.dataRanges[n];
          return { rows: area.bottom - area.top + 1, cols: area.right - area.left + 1 };
        },
        dataValues: (n) => this.dataValues(n),
        chargeSamples: (address, samples) => this.chargeSamples(address, samples),
        recordSize: (address, rows, cols) => this.computedSizes.set(address, { rows, cols }),
        benchmark: this.settings.benchmark,
        locale: this.settings.locale,
      });
      this.samples.clear();
      this.computedSizes.clear();
      const sheets: Record<string, (string | number | boolean | null)[][]> = {};
      this.model.sheets.forEach((sheet, s) => (sheets[sheet.name] = this.sheetContent(sheet, s, live)));
      const valid = HyperFormula.buildEmpty(HYPERFORMULA_CONFIG);
      const usable = names.filter((n) => valid.isItPossibleToAddNamedExpression(n.name, n.expression));
      valid.destroy();
      this.engine = buildingWith(hooks, () => HyperFormula.buildFromSheets(sheets, HYPERFORMULA_CONFIG, usable));
      registerHooks(this.engine, hooks);
      this.settle();
      if (this.overSampleBudget) {
        throw new LimitError(phrase(CALC.simulationSamples, { limit: formatNumber(LIMITS.simulationSamples) }));
      }
      if (attempt >= 2 || !this.needsAnotherRound(live)) return;
    }
  }

  private needsAnotherRound(live: LiveCells | null): boolean {
    let again = false;
    for (const result of this.results) {
      const { area } = result;
      if (area.bottom === area.top && area.right === area.left) continue;
      const sheet = this.model.sheets[result.sheet];
      for (const data of this.dataRanges) {
        if (data.sheet === result.sheet && overlaps(data.area, area)) {
          this.noData.add(`${data.sheet}|${areaRef(data.area)}`);
          again = true;
        }
      }
      if (this.narrowed.has(result.sheet)) {
        // A spill an aggregate's narrowed range should have covered: widen the spans and go again.
        const columns = this.occupied(result.sheet);
        for (let c = area.left; c <= area.right; c++) {
          const span = columns.get(c);
          if (span && span.min <= area.top && span.max >= area.bottom) continue;
          columns.set(c, { min: Math.min(span?.min ?? area.top, area.top), max: Math.max(span?.max ?? area.bottom, area.bottom) });
          again = true;
        }
      }
      if (!live) continue;
      let blocked = false;
      for (let r = area.top; r <= area.bottom && !blocked; r++) {
        const line = sheet.rows[r];
        if (!line) continue;
        for (let c = area.left; c <= Math.min(area.right, line.length - 1); c++) {
          if (line[c] === undefined || (r === area.top && c === area.left) || !this.isStoredConstant(result.sheet, r, c)) continue;
          if (!live.has(sheet.name, r, c)) {
            this.extraLive.push({ sheet: sheet.name, area });
            blocked = again = true;
            break;
          }
        }
      }
    }
    return again;
  }

  private chargeSamples(address: string, samples: number): boolean {
    this.sampleTotal += samples - (this.samples.get(address) ?? 0);
    this.samples.set(address, samples);
    if (this.sampleTotal <= LIMITS.simulationSamples) return true;
    this.overSampleBudget = true;
    return false;
  }

  private liveCells(names: { expression: string; scope?: number }[]): LiveCells {
    const live = new LiveCells();
    for (const result of this.results) live.addFormula(result.translation.text, this.model.sheets[result.sheet].name);
    for (const name of names) live.addFormula(name.expression, this.model.sheets[name.scope ?? 0].name);
    for (const { sheet, area } of this.extraLive) live.add(sheet, area);
    return live;
  }

  private dataValues(n: number): unknown[][] {
    const range = this.dataRanges[n];
    if (!range.values) {
      const rows = this.model.sheets[range.sheet].rows;
      const { top, left, bottom, right } = range.area;
      const values: unknown[][] = new Array(bottom - top + 1);
      for (let r = top; r <= bottom; r++) {
        const line = rows[r];
        const out = new Array(right - left + 1);
        for (let c = left; c <= right; c++) out[c - left] = interpreterValue(line ? line[c] : undefined);
        values[r - top] = out;
      }
      range.values = values;
    }
    return range.values;
  }

  /** Whether an area holds a formula anchor (binary search per column). */
  private hasFormulaIn(sheet: number, area: Area): boolean {
    for (const [col, rows] of this.formulaRows[sheet]) {
      if (col < area.left || col > area.right) continue;
      let lo = 0;
      let hi = rows.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] < area.top) lo = mid + 1;
        else if (rows[mid] > area.bottom) hi = mid - 1;
        else return true;
      }
    }
    return false;
  }

  /** PERFPLAN.DATA(n) for a range of constants an add-in call reads, or undefined to keep the reference. */
  private dataArgument(sheetName: string, area: Area): string | undefined {
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) < DATA_MIN_CELLS) return undefined;
    const sheet = this.sheetIndex(sheetName);
    if (sheet < 0) return undefined;
    const key = `${sheet}|${areaRef(area)}`;
    if (this.noData.has(key)) return undefined;
    let n = this.dataIndex.get(key);
    if (n === undefined) {
      if (this.hasFormulaIn(sheet, area) || this.cachedOnly[sheet].some((stored) => overlaps(stored, area))) return undefined;
      n = this.dataRanges.push({ sheet, area }) - 1;
      this.dataIndex.set(key, n);
    }
    return `${DATA}(${n})`;
  }

  private sheetIndex(name: string): number {
    return this.model.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private occupied(sheet: number): Map<number, { min: number; max: number }> {
    if (!this.occupancy) {
      this.occupancy = this.model.sheets.map((s) => {
        const columns = new Map<number, { min: number; max: number }>();
        const mark = (row: number, col: number) => {
          const span = columns.get(col);
          if (!span) columns.set(col, { min: row, max: row });
          else if (row < span.min) span.min = row;
          else if (row > span.max) span.max = row;
        };
        s.rows.forEach((line, r) => line.forEach((_, c) => mark(r, c)));
        for (const f of s.formulas) mark(f.row, f.col);
        return columns;
      });
    }
    return this.occupancy[sheet];
  }

  /** The parts of `area` that hold data: per column, from its first to its last occupied row. */
  private occupiedParts(sheetName: string, area: Area): Area[] | undefined {
    const sheet = this.sheetIndex(sheetName);
    if (sheet < 0) return undefined;
    this.narrowed.add(sheet);
    const parts: Area[] = [];
    const columns = [...this.occupied(sheet)].filter(([col]) => col >= area.left && col <= area.right).sort((a, b) => a[0] - b[0]);
    for (const [col, span] of columns) {
      const top = Math.max(span.min, area.top);
      const bottom = Math.min(span.max, area.bottom);
      if (top <= bottom) parts.push({ top, left: col, bottom, right: col });
    }
    return parts;
  }

  /** Refuses a reference the engine would walk cell by cell past LIMITS.referenceCells. */
  private checkReference(sheetName: string, area: Area, text: string, place: string): void {
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) <= LIMITS.referenceCells) return;
    const sheet = this.sheetIndex(sheetName);
    if (sheet < 0) return;
    let bottom = 0;
    let right = 0;
    for (const [col, span] of this.occupied(sheet)) {
      if (col > right) right = col;
      if (span.max > bottom) bottom = span.max;
    }
    const rows = Math.max(0, Math.min(area.bottom, bottom) - area.top + 1);
    const cols = Math.max(0, Math.min(area.right, right) - area.left + 1);
    if (rows * cols > LIMITS.referenceCells) {
      throw new LimitError(phrase(CALC.referenceCells, { place, reference: text, cells: formatNumber(rows * cols), limit: formatNumber(LIMITS.referenceCells) }));
    }
  }

  private context(sheet: string, row: number, col: number): TranslateContext {
    const place = `${sheet}!${toAddress(row, col)}`;
    return {
      place: { sheet, row, col },
      locale: this.settings.locale,
      tables: this.tables,
      knownFunctions: knownFunctions(),
      addinNamespaces: ADDIN_NAMESPACES,
      spillArea: (name, r, c) => {
        const s = this.sheetIndex(name);
        const anchored = s < 0 ? undefined : this.byAnchor[s].get(`${r},${c}`);
        return anchored ? anchored.area : { top: r, left: c, bottom: r, right: c };
      },
      dataArgument: this.settings.allCells ? undefined : (name, area) => this.dataArgument(name, area),
      occupiedParts: (name, area) => this.occupiedParts(name, area),
      namedArea: (name, formulaSheet) => this.namedArea(name, formulaSheet),
      checkReference: (name, area, text) => this.checkReference(name, area, text, place),
    };
  }

  private translate(result: FormulaResult): Translation {
    const sheet = this.model.sheets[result.sheet];
    const { formula } = result;
    const translation = { ...translateFormula(formula.text, this.context(sheet.name, formula.row, formula.col)) };
    translation.core = translation.text;
    if (translation.unsupported) return translation;
    if (formula.kind === 'array' && formula.ref) {
      // A legacy array keeps its fixed area, filled the way Excel fills it.
      const rows = formula.ref.bottom - formula.ref.top + 1;
      const cols = formula.ref.right - formula.ref.left + 1;
      if (rows * cols > LIMITS.arrayCells) {
        throw new LimitError(phrase(CALC.arrayFormulaCells, { area: `${sheet.name}!${areaRef(formula.ref)}`, cells: formatNumber(rows * cols), limit: formatNumber(LIMITS.arrayCells) }));
      }
      return { ...translation, text: `=${FIT}(${translation.text.slice(1)},${rows},${cols})` };
    }
    if (result.size) return { ...translation, text: `=${SIZE}(${translation.text.slice(1)},${result.size.rows},${result.size.cols})` };
    if (result.wrapper) return { ...translation, text: `=${result.wrapper}(${translation.text.slice(1)})` };
    return translation;
  }

  /** The stored spill is the first guess at a dynamic array's size (unless implausibly large). */
  private firstGuess(area: Area): { rows: number; cols: number } {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    return rows * cols > LIMITS.arrayCells ? { rows: 1, cols: 1 } : { rows, cols };
  }

  /** A formula that spills to the size of its result: a dynamic array, or any formula as typed in Excel 365. */
  private isDynamic(result: FormulaResult): boolean {
    return result.formula.kind === 'dynamic' || (result.formula.kind === 'plain' && Boolean(this.settings.typedFormulas));
  }

  private sheetContent(sheet: SheetModel, s: number, live: LiveCells | null): (string | number | boolean | null)[][] {
    const content: (string | number | boolean | null)[][] = [];
    const areas = this.cachedOnly[s];
    for (let r = 1; r < sheet.rows.length; r++) {
      const line = sheet.rows[r];
      const out: (string | number | boolean | null)[] = [];
      if (line) {
        for (let c = 1; c < line.length; c++) {
          const value = line[c];
          out.push(value === undefined || (live && !live.has(sheet.name, r, c)) ? null : rawContent(value));
        }
      }
      content.push(out);
    }
    // Cells inside a stored array area hold Excel's cached values: the formula fills them again.
    for (const area of areas) {
      for (let r = area.top; r <= area.bottom; r++) {
        const line = content[r - 1];
        if (!line) continue;
        for (let c = area.left; c <= Math.min(area.right, line.length); c++) line[c - 1] = null;
      }
    }
    for (const formula of sheet.formulas) {
      const result = this.byAnchor[s].get(`${formula.row},${formula.col}`)!;
      while (content.length < formula.row) content.push([]);
      const line = content[formula.row - 1];
      while (line.length < formula.col) line.push(null);
      line[formula.col - 1] = result.translation.text;
    }
    // Trailing empties cost the engine a cell each; pruned columns leave many.
    for (const line of content) {
      let end = line.length;
      while (end > 0 && line[end - 1] === null) end--;
      line.length = end;
    }
    return content;
  }

  /** Defined names that stand for one area, by scope (a sheet index, or -1 for the workbook) and name. */
  private namedAreas?: Map<string, { sheet: string; area: Area }>;

  /** The area a defined name stands for on `formulaSheet` (its sheet's name first, then the workbook's). */
  private namedArea(name: string, formulaSheet: string): { sheet: string; area: Area } | undefined {
    if (!this.namedAreas) {
      this.namedAreas = new Map();
      for (const defined of this.model.definedNames) {
        const tokens = tokenizeFormula(defined.text).filter((token) => token.kind !== 'space');
        const found = tokens.length === 1 && tokens[0].kind === 'reference' ? referenceArea(tokens[0].text, '') : undefined;
        if (found && found.sheet) this.namedAreas.set(`${defined.sheetIndex ?? -1}|${defined.name.toLowerCase()}`, found);
      }
    }
    const key = name.toLowerCase();
    return this.namedAreas.get(`${this.sheetIndex(formulaSheet)}|${key}`) ?? this.namedAreas.get(`-1|${key}`);
  }

  private namedExpressions(): { name: string; expression: string; scope?: number }[] {
    const out: { name: string; expression: string; scope?: number }[] = [];
    for (const name of this.model.definedNames) {
      if (/^_xlnm\./i.test(name.name)) continue;
      const sheet = this.model.sheets[name.sheetIndex ?? 0];
      const context: TranslateContext = { ...this.context(sheet.name, 1, 1), dataArgument: undefined, spillArea: (_, row, col) => ({ top: row, left: col, bottom: row, right: col }) };
      const expression = translateFormula(name.text, context).text;
      out.push(name.sheetIndex === undefined ? { name: name.name, expression } : { name: name.name, expression, scope: name.sheetIndex });
    }
    return out;
  }

  /** The array HyperFormula holds at a formula cell (width × height), if any. */
  private arrayVertex(sheet: number, row: number, col: number): ArrayVertexLike | undefined {
    const graph = (this.hf as unknown as { dependencyGraph: { getCell(a: unknown): unknown } }).dependencyGraph;
    const vertex = graph.getCell({ sheet, row: row - 1, col: col - 1 }) as Partial<ArrayVertexLike> | undefined;
    return vertex && typeof vertex.width === 'number' && typeof vertex.height === 'number' ? (vertex as ArrayVertexLike) : undefined;
  }

  /** The area a formula's value occupies now (see FormulaResult.area). */
  private computedArea(result: FormulaResult): Area {
    const { formula } = result;
    const anchor = anchorArea(formula);
    if (formula.kind === 'array' && formula.ref) return formula.ref;
    if (result.size) {
      // A spill that did not fit is #SPILL! in its anchor alone.
      const value = this.hf.getCellValue({ sheet: result.sheet, row: formula.row - 1, col: formula.col - 1 });
      if (value instanceof DetailedCellError && value.type === 'SPILL') return anchor;
      return { ...anchor, bottom: formula.row + result.size.rows - 1, right: formula.col + result.size.cols - 1 };
    }
    const vertex = this.arrayVertex(result.sheet, formula.row, formula.col);
    if (!vertex || vertex.width * vertex.height <= 1) return anchor;
    return { ...anchor, bottom: formula.row + vertex.height - 1, right: formula.col + vertex.width - 1 };
  }

  /**
   * Sizes settle in a few rounds: a dynamic array is given the size its result had (so a
   * FILTER spills its matches, not its input's length), an ordinary (legacy) formula that
   * spilled or read a bare range is re-entered with implicit intersection, and formulas
   * reading `A2#` follow A2's spill. Each round touches only what changed.
   */
  private settle(): void {
    for (let round = 0; round < 16; round++) {
      const changed = new Set<FormulaResult>();
      for (const result of this.results) {
        const { formula } = result;
        if (result.translation.unsupported) continue;
        if (result.size) {
          const computed = this.computedSizes.get(cellKey(result.sheet, formula.row - 1, formula.col - 1));
          if (computed && (computed.rows !== result.size.rows || computed.cols !== result.size.cols)) {
            if (computed.rows * computed.cols > LIMITS.arrayCells) {
              throw new LimitError(
                phrase(CALC.spillCells, {
                  cell: `${this.model.sheets[result.sheet].name}!${toAddress(formula.row, formula.col)}`,
                  cells: formatNumber(computed.rows * computed.cols),
                  limit: formatNumber(LIMITS.arrayCells),
                }),
              );
            }
            result.size = computed;
            result.translation = this.translate(result);
            changed.add(result);
          }
        } else if (formula.kind === 'plain' && !result.wrapper) {
          // Excel reads an ordinary formula from a file with implicit intersection: one value.
          const area = this.computedArea(result);
          if (area.bottom > area.top || area.right > area.left || this.isBareRangeError(result)) {
            result.wrapper = 'SINGLE';
            result.translation = this.translate(result);
            changed.add(result);
          }
        }
        result.area = changed.has(result) && !result.size ? anchorArea(formula) : this.computedArea(result);
      }
      // Formulas reading `A2#` follow A2's spill as it is now.
      for (const result of this.results) {
        if (result.translation.anchors.length === 0 || changed.has(result)) continue;
        const again = this.translate(result);
        if (again.text !== result.translation.text) {
          result.translation = again;
          changed.add(result);
        }
      }
      if (changed.size === 0) break;
      this.hf.batch(() => {
        for (const result of changed) {
          const { formula } = result;
          this.hf.setCellContents({ sheet: result.sheet, row: formula.row - 1, col: formula.col - 1 }, result.translation.text);
        }
      });
    }
    for (const result of this.results) result.area = this.computedArea(result);
    this.replaceParseErrors();
  }

  private isBareRangeError(result: FormulaResult): boolean {
    const value = this.hf.getCellValue({ sheet: result.sheet, row: result.formula.row - 1, col: result.formula.col - 1 });
    return value instanceof DetailedCellError && value.type === 'VALUE' && value.message === 'Cell range not allowed.';
  }

  /** Safety net: a formula HyperFormula could not parse is reported as unsupported, never as a wrong value. */
  private replaceParseErrors(): void {
    const broken: FormulaResult[] = [];
    for (const result of this.results) {
      const value = this.hf.getCellValue({ sheet: result.sheet, row: result.formula.row - 1, col: result.formula.col - 1 });
      if (value instanceof DetailedCellError && value.value === '#ERROR!' && /pars/i.test(value.message ?? '')) broken.push(result);
    }
    if (broken.length === 0) return;
    this.hf.batch(() => {
      for (const result of broken) {
        // HyperFormula computes OFFSET only with the offsets and sizes written as numbers.
        const message = render(/\bOFFSET\s*\(/i.test(result.translation.text) ? CALC.offsetNumbers : CALC.cannotRead, this.settings.locale ?? DEFAULT_LOCALE);
        result.translation = { text: unsupportedFormula(message), anchors: [], unsupported: message };
        result.area = { top: result.formula.row, left: result.formula.col, bottom: result.formula.row, right: result.formula.col };
        this.hf.setCellContents({ sheet: result.sheet, row: result.formula.row - 1, col: result.formula.col - 1 }, result.translation.text);
      }
    });
  }

  /** After inputs from outside changed (PERF.BENCHMARK answers), recalculate everything. */
  recalculate(): void {
    // A rebuild makes HyperFormula a new dependency graph: the hooks go with it.
    buildingWith(this.hooks, () => this.engine.rebuildAndRecalculate());
    registerHooks(this.engine, this.hooks);
    this.settle();
  }

  /** The computed value of a cell (1-based), as Excel would show it. */
  value(sheet: number, row: number, col: number): ResultValue {
    return resultValue(this.hf.getCellValue({ sheet, row: row - 1, col: col - 1 }), this.settings.locale);
  }

  /**
   * A cell of a formula's area: an empty result reads 0, as in Excel (=A1 of an empty A1,
   * or a spilled range over blanks, shows 0).
   */
  formulaValue(sheet: number, row: number, col: number): ResultValue {
    const value = this.value(sheet, row, col);
    return value === null ? 0 : value;
  }

  /** The formula result whose area covers a cell, if any. */
  resultCovering(sheet: number, row: number, col: number): FormulaResult | undefined {
    const direct = this.byAnchor[sheet].get(`${row},${col}`);
    if (direct) return direct;
    return this.results.find((r) => r.sheet === sheet && contains(r.area, row, col));
  }

  /** Whether a cell holds a stored value that stands (not a cached array value). */
  isStoredConstant(sheet: number, row: number, col: number): boolean {
    return !this.cachedOnly[sheet].some((area) => contains(area, row, col)) && !this.byAnchor[sheet].has(`${row},${col}`);
  }
}
