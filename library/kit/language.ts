/**
 * Which language the workbook being built is written in. buildTemplate() sets it before the
 * template writes a cell, so every kit helper that writes a label reads it from the cell's
 * workbook instead of every call passing it along.
 */
import type ExcelJS from 'exceljs';
import { type Label, type Language, say } from './text';

const LANGUAGE = new WeakMap<ExcelJS.Workbook, Language>();

export function setLanguage(workbook: ExcelJS.Workbook, language: Language): void {
  LANGUAGE.set(workbook, language);
}

/** The workbook's language; a workbook the kit did not start is bilingual. */
export function languageOf(workbook: ExcelJS.Workbook): Language {
  return LANGUAGE.get(workbook) ?? 'bilingual';
}

/** A label as the workbook shows it. */
export function sayIn(workbook: ExcelJS.Workbook, label: Label): string {
  return say(label, languageOf(workbook));
}
