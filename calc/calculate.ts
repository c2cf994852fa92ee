/**
 * Headless calculation of a workbook read as Excel stored it (../workbook): the stored
 * formulas are translated for HyperFormula (./translate), PERF.* functions run the engine
 * through the HyperFormula adapter, and each formula's result is sized as Excel sizes it —
 * a dynamic array by its computed result, a legacy array by its fixed area, an ordinary
 * formula to one value.
 */
import { CellValue as HfCellValue, DetailedCellError, HyperFormula } from 'hyperformula';
import { Area, contains } from '../workbook/a1';
import { CellValue, FormulaCell, SheetModel, WorkbookModel } from '../workbook/read';
import { createPerfPlugin } from '../cli/hyperformula-plugin';
import { EXCEL_ONLY_ERRORS, FIT, SPILL, excelCompatPlugin, excelCompatTranslations } from './excel-functions/plugin';
import { Translation, translateFormula, unsupportedFormula } from './translate';

export const HYPERFORMULA_CONFIG = {
  licenseKey: 'gpl-v3',
  // Excel's grid, not HyperFormula's 40,000-row default.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // Excel does not round results; neither may we, or Excel and the CLI disagree.
  smartRounding: false,
  // Array results must flow into other functions (=AVERAGE(PERF.SIM(...))).
  useArrayArithmetic: true,
};

export const ADDIN_NAMESPACES = ['PERF'];

let registered = false;

/** Registers the PERF.* plugin and the Excel-compatibility plugin once per process. */
export function ensurePluginsRegistered(): void {
  if (registered) return;
  const { plugin, translations } = createPerfPlugin();
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
  /** Set once the formula was re-entered with implicit intersection or as a spill (see settle). */
  wrapped?: boolean;
}

export interface CalcSettings {
  /**
   * Formulas as a user types them in Excel 365 (templates being built): ordinary formulas
   * may spill. Off for workbooks read from a file, where an ordinary formula is Excel's
   * legacy kind and shows one value.
   */
  typedFormulas?: boolean;
}

const VALID_EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', ...EXCEL_ONLY_ERRORS]);

/** A HyperFormula value → what Excel would show (errors as Excel's codes). */
export function resultValue(value: HfCellValue): ResultValue {
  if (value === null || value === undefined) return null;
  if (value instanceof DetailedCellError) {
    const message = value.message ?? '';
    if (value.value === '#ERROR!' && EXCEL_ONLY_ERRORS.includes(message)) return { error: message, message: '' };
    if (VALID_EXCEL_ERRORS.has(value.value)) return { error: value.value, message };
    if (value.value === '#CYCLE!') return { error: '#NUM!', message: 'circular reference' };
    return { error: '#VALUE!', message: message || value.value };
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

export class Calculation {
  readonly hf: HyperFormula;
  readonly results: FormulaResult[] = [];
  /** Per sheet: formula results by "row,col" of their anchor. */
  private readonly byAnchor: Map<string, FormulaResult>[];
  /** Cells of the file that hold only cached values of an array (not given to HyperFormula). */
  private readonly cachedOnly: Area[][];

  constructor(
    readonly model: WorkbookModel,
    readonly settings: CalcSettings = {},
  ) {
    ensurePluginsRegistered();
    this.byAnchor = model.sheets.map(() => new Map());
    this.cachedOnly = model.sheets.map((sheet) => sheet.formulas.filter((f) => f.ref && f.kind !== 'plain').map((f) => f.ref!));
    // First guess for each anchor's area: what the file stored (refined after calculating).
    model.sheets.forEach((sheet, s) => {
      for (const formula of sheet.formulas) {
        const area = formula.ref ?? { top: formula.row, left: formula.col, bottom: formula.row, right: formula.col };
        const result: FormulaResult = { sheet: s, formula, area, translation: { text: '', anchors: [] } };
        this.results.push(result);
        this.byAnchor[s].set(`${formula.row},${formula.col}`, result);
      }
    });
    for (const result of this.results) result.translation = this.translate(result);
    const sheets: Record<string, (string | number | boolean | null)[][]> = {};
    model.sheets.forEach((sheet, s) => (sheets[sheet.name] = this.sheetContent(sheet, s)));
    this.hf = HyperFormula.buildFromSheets(sheets, HYPERFORMULA_CONFIG, this.namedExpressions());
    this.settle();
  }

  private sheetIndex(name: string): number {
    return this.model.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private translate(result: FormulaResult): Translation {
    const sheet = this.model.sheets[result.sheet];
    const { formula } = result;
    const translation = translateFormula(formula.text, {
      place: { sheet: sheet.name, row: formula.row, col: formula.col },
      tables: this.model.sheets.flatMap((s) => s.tables),
      knownFunctions: knownFunctions(),
      addinNamespaces: ADDIN_NAMESPACES,
      spillArea: (name, row, col) => {
        const s = this.sheetIndex(name);
        const anchored = s < 0 ? undefined : this.byAnchor[s].get(`${row},${col}`);
        return anchored ? anchored.area : { top: row, left: col, bottom: row, right: col };
      },
    });
    if (translation.unsupported || formula.kind !== 'array' || !formula.ref) return translation;
    // A legacy array keeps its fixed area, filled the way Excel fills it.
    const rows = formula.ref.bottom - formula.ref.top + 1;
    const cols = formula.ref.right - formula.ref.left + 1;
    return { ...translation, text: `=${FIT}(${translation.text.slice(1)},${rows},${cols})` };
  }

  private sheetContent(sheet: SheetModel, s: number): (string | number | boolean | null)[][] {
    const content: (string | number | boolean | null)[][] = [];
    const areas = this.cachedOnly[s];
    for (let r = 1; r < sheet.rows.length; r++) {
      const line = sheet.rows[r];
      const out: (string | number | boolean | null)[] = [];
      if (line) {
        for (let c = 1; c < line.length; c++) {
          const value = line[c];
          out.push(value === undefined ? null : rawContent(value));
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
    return content;
  }

  private namedExpressions() {
    const out: { name: string; expression: string; scope?: number }[] = [];
    for (const name of this.model.definedNames) {
      if (/^_xlnm\./i.test(name.name)) continue;
      const sheet = this.model.sheets[name.sheetIndex ?? 0];
      const translation = translateFormula(name.text, {
        place: { sheet: sheet.name, row: 1, col: 1 },
        tables: this.model.sheets.flatMap((s) => s.tables),
        knownFunctions: knownFunctions(),
        addinNamespaces: ADDIN_NAMESPACES,
        spillArea: (_, row, col) => ({ top: row, left: col, bottom: row, right: col }),
      });
      const expression = translation.text;
      if (!this.validName(name.name, expression)) continue;
      out.push(name.sheetIndex === undefined ? { name: name.name, expression } : { name: name.name, expression, scope: name.sheetIndex });
    }
    return out;
  }

  private validName(name: string, expression: string): boolean {
    try {
      return HyperFormula.buildEmpty(HYPERFORMULA_CONFIG).isItPossibleToAddNamedExpression(name, expression);
    } catch {
      return false;
    }
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
    const anchor = { top: formula.row, left: formula.col, bottom: formula.row, right: formula.col };
    if (formula.kind === 'array' && formula.ref) return formula.ref;
    const vertex = this.arrayVertex(result.sheet, formula.row, formula.col);
    if (!vertex || vertex.width * vertex.height <= 1) return anchor;
    const area = { ...anchor, bottom: formula.row + vertex.height - 1, right: formula.col + vertex.width - 1 };
    // A whole-call error shows in the anchor alone (the rest of the predicted area is padding).
    if (this.isPaddedError(result.sheet, area)) return anchor;
    return area;
  }

  private isPaddedError(sheet: number, area: Area): boolean {
    if (!(this.hf.getCellValue({ sheet, row: area.top - 1, col: area.left - 1 }) instanceof DetailedCellError)) return false;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        const value = this.hf.getCellValue({ sheet, row: r - 1, col: c - 1 });
        if (value !== null && value !== undefined) return false;
      }
    }
    return true;
  }

  /**
   * Sizes settle in a few rounds: an ordinary (legacy) formula that spilled is re-entered
   * with implicit intersection, and formulas reading `A2#` are re-translated when A2's spill
   * changed size. Each round only touches the formulas that changed.
   */
  private settle(): void {
    for (let round = 0; round < 16; round++) {
      const changed = new Set<FormulaResult>();
      for (const result of this.results) {
        const area = this.computedArea(result);
        const { formula } = result;
        const legacy = formula.kind === 'plain' && !this.settings.typedFormulas;
        if (!result.wrapped && !result.translation.unsupported) {
          // Excel reads an ordinary formula from a file with implicit intersection: one value.
          const spilled = area.bottom > area.top || area.right > area.left;
          // HyperFormula refuses a bare range ("=A1:A3"); Excel spills it or intersects it.
          const bareRange = this.isBareRangeError(result);
          if ((legacy && (spilled || bareRange)) || (!legacy && bareRange)) {
            const wrapper = legacy ? 'SINGLE' : SPILL;
            result.translation = { ...result.translation, text: `=${wrapper}(${result.translation.text.slice(1)})` };
            result.wrapped = true;
            if (legacy) result.area = { top: formula.row, left: formula.col, bottom: formula.row, right: formula.col };
            changed.add(result);
            continue;
          }
        }
        if (area.bottom !== result.area.bottom || area.right !== result.area.right) result.area = area;
      }
      for (const result of this.results) {
        for (const anchor of result.translation.anchors) {
          const s = this.sheetIndex(anchor.sheet);
          const anchored = s < 0 ? undefined : this.byAnchor[s].get(`${anchor.row},${anchor.col}`);
          if (!anchored) continue;
          const again = this.translate(result);
          if (again.text !== result.translation.text && !changed.has(result)) {
            result.translation = again;
            changed.add(result);
          }
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
        const message = 'perfplan calc cannot read this formula';
        result.translation = { text: unsupportedFormula(message), anchors: [], unsupported: message };
        result.area = { top: result.formula.row, left: result.formula.col, bottom: result.formula.row, right: result.formula.col };
        this.hf.setCellContents({ sheet: result.sheet, row: result.formula.row - 1, col: result.formula.col - 1 }, result.translation.text);
      }
    });
  }

  /** After inputs from outside changed (PERF.BENCHMARK answers), recalculate everything. */
  recalculate(): void {
    this.hf.rebuildAndRecalculate();
    this.settle();
  }

  /** The computed value of a cell (1-based), as Excel would show it. */
  value(sheet: number, row: number, col: number): ResultValue {
    return resultValue(this.hf.getCellValue({ sheet, row: row - 1, col: col - 1 }));
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
