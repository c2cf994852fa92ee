/**
 * A one-column array formula as Excel stores it (tests/support/stored-workbook.ts): the anchor
 * holds the formula over the whole area and caches its first value; every cell below it is a
 * plain value cell holding what Excel cached there. The area is as long as `cached`, so a stale
 * stored spill (too long or too short) is written by giving the values Excel had cached.
 */
import { parseAddress, toAddress } from '../../workbook/a1';
import { formulaCell, num } from './stored-workbook';

/** kind "da" = dynamic array (the default), "cse" = legacy Ctrl+Shift+Enter array. */
export function storedColumnSpill(anchor: string, formula: string, cached: number[], kind: 'da' | 'cse' = 'da'): string[] {
  const { row, col } = parseAddress(anchor);
  const area = `${anchor}:${toAddress(row + cached.length - 1, col)}`;
  const below = cached.slice(1).map((value, i) => num(toAddress(row + 1 + i, col), value));
  return [formulaCell(anchor, formula, String(cached[0]), { kind, area }), ...below];
}
