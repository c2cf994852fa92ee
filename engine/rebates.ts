/**
 * Dealer rebates by channel level (返利: 总代/分销/零售…): REBATE reads a ladder whose header
 * row names the levels and whose first column holds the volume thresholds, and pays each
 * amount on its level's column of rates: "retro" (the default, as rebate ladders usually
 * are: the whole amount at the rate reached) or "marginal" (each slice at its own rate,
 * exactly as TIERED).
 */
import { ERRORS } from '../i18n/errors';
import { PerfError, naError, numError, valueError } from './errors';
import { Arg, Cell, ElementArg, Grid, ResultGrid, cellPlace, elementwise, isBlank, numberAt, optionalChoice, rectangular, shapeText, toGrid, where } from './grid';
import { TIER_METHODS, TierMethod, Tiers, tieredAmount, tiersOf } from './payouts';

/** A ladder: one set of tiers per level, sharing the thresholds. */
export interface Ladder {
  /** Level names as written in the header, trimmed. */
  levels: string[];
  tiers: Tiers[];
}

/** How levels are compared: trimmed and in any case. */
function levelKey(cell: string | number | boolean): string {
  return String(cell).trim().toLowerCase();
}

export function readLadder(arg: Arg, name = 'ladder'): Ladder {
  const grid = rectangular(arg, name);
  const rows = grid.length;
  const cols = grid[0].length;
  if (rows < 2 || cols < 2) throw valueError(ERRORS.ladderShape, { name, shape: shapeText(rows, cols) });
  const levels: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 1; c < cols; c++) {
    const cell = grid[0][c];
    if (cell instanceof PerfError) throw cell;
    if (isBlank(cell) || String(cell).trim() === '') throw valueError(ERRORS.labelRequired, { what: cellPlace(name, 0, c) });
    const key = levelKey(cell);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw valueError(ERRORS.levelRepeated, { where: cellPlace(name, 0, c), level: String(cell).trim(), column: earlier + 1 });
    seen.set(key, c);
    levels.push(String(cell).trim());
  }
  const thresholds = new Float64Array(rows - 1);
  for (let r = 1; r < rows; r++) {
    const t = numberAt(grid[r][0], () => cellPlace(name, r, 0));
    if (r === 1 && t !== 0) throw valueError(ERRORS.firstThreshold, { where: cellPlace(name, r, 0), got: t });
    if (r > 1 && !(t > thresholds[r - 2])) {
      throw valueError(ERRORS.ascendStrictly, { where: cellPlace(name, r, 0), got: t, previous: thresholds[r - 2] });
    }
    thresholds[r - 1] = t;
  }
  const tiers = levels.map((_, l) => {
    const c = l + 1;
    const rates = new Float64Array(rows - 1);
    for (let r = 1; r < rows; r++) {
      const rate = numberAt(grid[r][c], () => cellPlace(name, r, c));
      if (rate < 0) throw numError(ERRORS.rateNegative, { where: cellPlace(name, r, c), got: rate });
      rates[r - 1] = rate;
    }
    return tiersOf(thresholds, rates);
  });
  return { levels, tiers };
}

/** The ladder's levels as a message lists them: "总代", "分销", "零售". */
function levelList(ladder: Ladder): string {
  return ladder.levels.map((level) => `"${level}"`).join(', ');
}

/**
 * The level argument as element-wise input: each cell becomes its level's column (a number),
 * or the error of that cell (blank, unknown), which elementwise reports in its place.
 */
function levelIndexes(arg: Arg, ladder: Ladder): Grid {
  const grid = toGrid(arg, 'level');
  const keys = new Map(ladder.levels.map((level, l) => [levelKey(level), l]));
  const rows = grid.length;
  return grid.map((line, r) =>
    line.map((cell, c): Cell => {
      if (cell instanceof PerfError) return cell;
      const place = () => where('level', rows, line.length, r, c);
      if (isBlank(cell) || String(cell).trim() === '') return valueError(ERRORS.labelRequired, { what: place() });
      const level = keys.get(levelKey(cell));
      return level ?? naError(ERRORS.levelUnknown, { where: place(), level: String(cell).trim(), levels: levelList(ladder) });
    }),
  );
}

/** REBATE's arguments as the function reads them: the ladder and method, then the element-wise amount and level. */
export interface RebateArgs {
  ladder: Ladder;
  method: TierMethod;
  amounts: ElementArg;
  /** The level of each element as its index in ladder.levels. */
  levels: ElementArg;
}

export function readRebateArgs(amount: Arg, ladder: Arg, level: Arg, method: Arg): RebateArgs {
  const table = readLadder(ladder);
  return {
    ladder: table,
    method: optionalChoice(method ?? null, 'method', 'retro', TIER_METHODS),
    amounts: { arg: amount, name: 'amount' },
    levels: { arg: levelIndexes(level, table), name: 'level' },
  };
}

/** REBATE(amount, ladder, level, [method]) — element-wise over amount and level. */
export function rebate(amount: Arg, ladder: Arg, level: Arg, method: Arg): ResultGrid {
  const { ladder: table, method: how, amounts, levels } = readRebateArgs(amount, ladder, level, method);
  return elementwise([amounts, levels], (a, l) => tieredAmount(table.tiers[l!], a!, how));
}
