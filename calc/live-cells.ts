/**
 * Which stored constants the formula engine needs: those some formula or name refers to.
 * A payout workbook is mostly inputs that only PERF calls read (handed over directly, see
 * PERFPLAN.DATA) plus identity columns nothing reads; building a formula-graph cell for each
 * of them is what made a 100,000-row calculation slow. Formulas that compute their references
 * (INDIRECT, OFFSET) make every cell live.
 */
import type { Area } from '../workbook/a1';
import { tokenizeFormula } from '../workbook/formula-text';
import { referenceArea } from '../workbook/references';

const DYNAMIC_REFERENCES = new Set(['INDIRECT', 'OFFSET']);

/** Sorted, merged closed intervals [from, to]. */
type Intervals = number[];

function merge(pairs: number[]): Intervals {
  const order: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) order.push([pairs[i], pairs[i + 1]]);
  order.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of order) {
    const n = out.length;
    if (n > 0 && from <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], to);
    else out.push(from, to);
  }
  return out;
}

function inside(intervals: Intervals, value: number): boolean {
  let lo = 0;
  let hi = intervals.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (value < intervals[mid * 2]) hi = mid - 1;
    else if (value > intervals[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Areas wider than this are kept as row bands over every column (whole rows, huge blocks). */
const WIDE = 256;

class SheetCells {
  private columns = new Map<number, number[]>();
  private bands: number[] = [];
  private mergedColumns?: Map<number, Intervals>;
  private mergedBands?: Intervals;

  add(area: Area): void {
    this.mergedColumns = undefined;
    this.mergedBands = undefined;
    if (area.right - area.left >= WIDE) {
      this.bands.push(area.top, area.bottom);
      return;
    }
    for (let c = area.left; c <= area.right; c++) {
      const list = this.columns.get(c);
      if (list) list.push(area.top, area.bottom);
      else this.columns.set(c, [area.top, area.bottom]);
    }
  }

  has(row: number, col: number): boolean {
    if (!this.mergedColumns) {
      this.mergedColumns = new Map([...this.columns].map(([c, pairs]) => [c, merge(pairs)]));
      this.mergedBands = merge(this.bands);
    }
    if (this.mergedBands!.length > 0 && inside(this.mergedBands!, row)) return true;
    const column = this.mergedColumns.get(col);
    return column !== undefined && inside(column, row);
  }
}

export class LiveCells {
  private sheets = new Map<string, SheetCells>();
  /** Set when a formula computes its references: every cell is then live. */
  everything = false;

  add(sheet: string, area: Area): void {
    const key = sheet.toLowerCase();
    let cells = this.sheets.get(key);
    if (!cells) this.sheets.set(key, (cells = new SheetCells()));
    cells.add(area);
  }

  /** Records every reference an engine-ready formula text ("=…") makes from `sheet`. */
  addFormula(text: string, sheet: string): void {
    if (this.everything) return;
    for (const token of tokenizeFormula(text)) {
      if (token.kind === 'reference') {
        const found = referenceArea(token.text, sheet);
        if (found) this.add(found.sheet, found.area);
      } else if (token.kind === 'function' && DYNAMIC_REFERENCES.has(token.text.toUpperCase())) {
        this.everything = true;
        return;
      }
    }
  }

  has(sheet: string, row: number, col: number): boolean {
    if (this.everything) return true;
    const cells = this.sheets.get(sheet.toLowerCase());
    return cells !== undefined && cells.has(row, col);
  }
}
