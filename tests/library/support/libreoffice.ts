/**
 * Which formula cells of a stored workbook LibreOffice (7.4) cannot compute: the add-in calls (it
 * has no add-in) and the formulas with a spill reference (_xlfn.ANCHORARRAY: it has no dynamic
 * arrays) — with the cells they spill over — and every formula reading those (by address, spill
 * reference, structured reference or defined name), transitively.
 */
import { Area, overlaps, parseAddress, toAddress } from '../../../workbook/a1';
import { tokenizeFormula } from '../../../workbook/formula-text';
import type { WorkbookModel } from '../../../workbook/read';
import { referenceArea, splitSheetPrefix } from '../../../workbook/references';
import { resolveStructuredReference } from '../../../workbook/tables';
import { formulaArea } from '../../support/library-formula-cells';

interface Place {
  sheet: string;
  area: Area;
}

/** "Sheet!A1" keys of every formula cell (spill anchors and the cells they cover) that LibreOffice cannot compute. */
export function uncomputableInLibreOffice(model: WorkbookModel, namespaces: readonly string[] = ['PERF']): Set<string> {
  const unknown = new RegExp(`_xldudf_(?:${namespaces.join('|')})_|_xlfn\\.ANCHORARRAY\\(`, 'i');
  const tables = model.sheets.flatMap((s) => s.tables);
  const formulas = model.sheets.flatMap((sheet) =>
    sheet.formulas.map((f) => ({ sheet: sheet.name, f, area: formulaArea(f) })),
  );
  const names = new Map(model.definedNames.filter((n) => n.sheetIndex === undefined).map((n) => [n.name.toLowerCase(), n.text]));

  /** The areas a formula reads. */
  const reads = (sheet: string, text: string, row: number, col: number): Place[] => {
    const places: Place[] = [];
    const tokens = tokenizeFormula(text);
    tokens.forEach((token, i) => {
      if (token.kind === 'reference') {
        const found = referenceArea(token.text, sheet);
        if (found) places.push(found);
      } else if (token.kind === 'structured') {
        try {
          const { table, area } = resolveStructuredReference(token.text, tables, { sheet, row, col });
          places.push({ sheet: table.sheet, area });
        } catch {
          // #REF!: reads nothing
        }
      } else if (token.kind === 'name') {
        const table = tables.find((t) => t.name.toLowerCase() === token.text.toLowerCase());
        if (table) places.push({ sheet: table.sheet, area: resolveStructuredReference(table.name, tables, { sheet, row, col }).area });
        const target = names.get(token.text.toLowerCase());
        if (target) places.push(...reads(sheet, target, row, col));
      } else if (token.kind === 'function' && /ANCHORARRAY$/i.test(token.text)) {
        // The anchor's whole spill: the formula anchored there.
        const arg = tokens.slice(i + 2).find((t) => t.kind === 'reference');
        if (!arg) return;
        const { prefix, local } = splitSheetPrefix(arg.text);
        const anchorSheet = prefix ? prefix.slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : sheet;
        const { row: r, col: c } = parseAddress(local.replace(/\$/g, ''));
        const anchored = formulas.find((x) => x.sheet === anchorSheet && x.f.row === r && x.f.col === c);
        if (anchored) places.push({ sheet: anchorSheet, area: anchored.area });
      }
    });
    return places;
  };

  const dependent = new Set(formulas.filter(({ f }) => unknown.test(f.text)));
  const inputs = new Map(formulas.map((x) => [x, reads(x.sheet, x.f.text, x.f.row, x.f.col)]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const x of formulas) {
      if (dependent.has(x)) continue;
      if (inputs.get(x)!.some((p) => [...dependent].some((d) => d.sheet === p.sheet && overlaps(d.area, p.area)))) {
        dependent.add(x);
        changed = true;
      }
    }
  }
  const cells = new Set<string>();
  for (const { sheet, area } of dependent) {
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) cells.add(`${sheet}!${toAddress(r, c)}`);
  }
  return cells;
}
