/**
 * Parameter blocks: one setting a row — its label, its value (a yellow, validated input, or a
 * formula computed from other settings), an optional note, where the number comes from (a plan
 * rule, or an example to replace) — and, where a plan rule lives in the value, the rule → cell
 * record pointing at it. A parameter with a name gets a workbook name, so formulas read
 * `AttainmentCap`, not `Inputs!$B$11`.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../workbook/a1';
import { formula, heading, inputCell, label } from './cells';
import { type DigestRuleId, EXAMPLE_SOURCE, type RuleCell, ruleSource } from './rules';
import { sayIn } from './language';
import type { Label, Text } from './text';
import type { Validation } from './validation';

export interface Parameter {
  label: Label;
  /** An input the user edits (a Text shows in the workbook's language) … */
  value?: ExcelJS.CellValue | Text;
  /** … or a value computed from other settings (not yellow, not validated). */
  formula?: string;
  /** A value shown but not meant to be edited (no fill, no validation). */
  fixed?: boolean;
  format?: string;
  validation?: Validation;
  note?: Label;
  /** The workbook name of the value cell. */
  name?: string;
  /** How the template's own code finds the row, where the workbook needs no name for it. */
  key?: string;
  /** The plan rule whose number this value is; an input without one is an example. */
  rule?: DigestRuleId;
}

/** Where an input's number comes from: its plan rule, or an example to replace. */
export function parameterSource(parameter: Parameter): Label | undefined {
  if (parameter.rule) return ruleSource(parameter.rule);
  return parameter.formula === undefined && !parameter.fixed ? EXAMPLE_SOURCE : undefined;
}

/** Where a block's columns are: label, value, note (A, B, C unless told otherwise) and, when given, the source. */
export interface BlockColumns {
  label: number;
  value: number;
  note: number;
  source?: number;
}
const ABC: BlockColumns = { label: 1, value: 2, note: 3 };
/** Label, value, then where the value comes from, then a note: a long note reads last. */
const SOURCE_BESIDE_VALUE: BlockColumns = { label: 1, value: 2, note: 4, source: 3 };
/** Label, value, note, then where the value comes from. */
const NOTE_THEN_SOURCE: BlockColumns = { label: 1, value: 2, note: 3, source: 4 };

/** A heading row inside a block, between groups of parameters. */
export type BlockRow = Parameter | { heading: Label };

export interface ParameterBlock {
  sheet: string;
  firstRow: number;
  rows: BlockRow[];
  columns?: BlockColumns;
}

/** The settings a template opens its Plan sheet with: from row 3, each value's source beside it, a note last. */
export function planSettings(sheet: string, rows: BlockRow[]): ParameterBlock {
  return { sheet, firstRow: 3, columns: SOURCE_BESIDE_VALUE, rows };
}

/** Settings from `firstRow` of `sheet`, each row's note before where its value comes from (NOTE_THEN_SOURCE). */
export function settingsBlock(sheet: string, firstRow: number, rows: BlockRow[]): ParameterBlock {
  return { sheet, firstRow, columns: NOTE_THEN_SOURCE, rows };
}

/** The row of each parameter with a name or a key, by that name or key. */
export function parameterRows(block: ParameterBlock): Record<string, number> {
  const rows: Record<string, number> = {};
  block.rows.forEach((row, i) => {
    const id = 'label' in row ? (row.name ?? row.key) : undefined;
    if (id) rows[id] = block.firstRow + i;
  });
  return rows;
}

/** The value cell of row i ("B7"). */
export function valueCell(block: ParameterBlock, i: number): string {
  return `${columnLetters((block.columns ?? ABC).value)}${block.firstRow + i}`;
}

/** The rule → cell records of the block's parameters that carry a rule. */
export function parameterRules(block: ParameterBlock): RuleCell[] {
  return block.rows.flatMap((row, i) => ('label' in row && row.rule ? [{ rule: row.rule, sheet: block.sheet, cell: valueCell(block, i) }] : []));
}

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'en-US' in value && 'zh-CN' in value;
}

/** A parameter's value as the cell holds it: a Text in the workbook's language. */
function cellValue(workbook: ExcelJS.Workbook, value: Parameter['value']): ExcelJS.CellValue {
  return isText(value) ? sayIn(workbook, value) : (value ?? null);
}

export function writeParameters(workbook: ExcelJS.Workbook, block: ParameterBlock): void {
  const sheet = workbook.getWorksheet(block.sheet)!;
  const columns = block.columns ?? ABC;
  block.rows.forEach((row, i) => {
    const r = block.firstRow + i;
    if (!('label' in row)) {
      heading(sheet.getCell(r, columns.label), row.heading);
      return;
    }
    label(sheet.getCell(r, columns.label), row.label);
    if (row.note !== undefined) label(sheet.getCell(r, columns.note), row.note);
    const source = parameterSource(row);
    if (columns.source !== undefined && source !== undefined) label(sheet.getCell(r, columns.source), source);
    const value = sheet.getCell(r, columns.value);
    if (row.formula !== undefined) formula(value, row.formula, row.format);
    else if (row.fixed) value.value = cellValue(workbook, row.value);
    else inputCell(value, cellValue(workbook, row.value), row.format, row.validation);
    if (row.name) workbook.definedNames.add(`${block.sheet}!$${columnLetters(columns.value)}$${r}`, row.name);
  });
}
